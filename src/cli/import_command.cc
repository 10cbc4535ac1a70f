// backtalk import DOCUMENT [-o FILE] [--force], and backtalk eval --self.
#include <cstdio>

#include "cli/commands.h"
#include "cli/output.h"
#include "eval/self_test.h"
#include "import/document.h"
#include "import/draft.h"
#include "import/knowledge_writer.h"
#include "knowledge/knowledge.h"
#include "util/atomic_file.h"

namespace backtalk {

namespace {

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

int RunImport(const Options& options) {
  const std::string& path = options.words.at(0);
  std::string err;
  FaqDocument doc;
  if (!ReadDocumentFile(path, &doc, &err)) {
    std::fprintf(stderr, "backtalk: %s\n", err.c_str());
    return kExitError;
  }
  // The synonyms come from the knowledge in use: the built-in one unless --knowledge says.
  Knowledge base;
  bool loaded = options.knowledge.empty() ? LoadBuiltinKnowledge(&base, &err)
                                          : LoadKnowledgeFile(options.knowledge, &base, &err);
  if (!loaded) {
    std::fprintf(stderr, "backtalk: %s\n", err.c_str());
    return kExitError;
  }
  DraftReport report;
  Knowledge draft = DraftKnowledge(doc, BaseName(path), base, &report);
  // What is written must load: a draft the engine refuses is a bug here, not the user's.
  Knowledge check;
  std::unique_ptr<Engine> engine;
  if (!LoadKnowledge(KnowledgeJson(draft), BaseName(path), &check, &err) ||
      !(engine = Engine::Create(std::move(check), &err))) {
    std::fprintf(stderr, "backtalk: the drafted knowledge does not load: %s\n", err.c_str());
    return kExitError;
  }
  // The threshold and margin are this document's own (see eval/self_test.h).
  draft.settings = Calibrate(*engine);
  std::string text = KnowledgeJson(draft);
  if (options.output.empty()) {
    if (!Emit(text)) return kExitError;
  } else if (!WriteFileAtomically(options.output, text, options.force, &err)) {
    std::fprintf(stderr, "backtalk: %s\n", err.c_str());
    return kExitError;
  }
  std::string summary;
  for (const std::string& w : doc.warnings) summary += "warning: " + w + "\n";
  summary += path + ": " + std::to_string(report.questions) + " questions, " +
             std::to_string(report.sequences) + " sequences";
  if (!options.output.empty()) summary += " -> " + options.output;
  char calibrated[128];
  std::snprintf(calibrated, sizeof calibrated, "; calibrated threshold %.2f, margin %.2f",
                draft.settings.threshold, draft.settings.margin);
  summary += calibrated;
  summary += "\n";
  for (const auto& [a, b] : report.similar)
    summary += "not distinctive: \"" + a + "\" and \"" + b +
               "\" have nearly the same keywords; give one a word the other lacks\n";
  for (const std::string& note : report.notes) summary += "note: " + note + "\n";
  std::fputs(summary.c_str(), stderr);
  return kExitOk;
}

int RunSelfTest(const Options& options) {
  std::unique_ptr<Engine> engine = LoadEngine(options);
  if (!engine) return kExitError;
  SelfTestReport report = SelfTest(*engine);
  Emit(FormatSelfTest(report, engine->knowledge()));
  int status = kExitOk;
  if (!report.unreachable.empty()) {
    std::string ids;
    for (int i : report.unreachable)
      ids += (ids.empty() ? "" : ", ") + engine->knowledge().intents[static_cast<size_t>(i)].id;
    std::fprintf(stderr, "backtalk: no variant of its question reaches %s\n", ids.c_str());
    status = kExitNoAnswer;
  }
  if (options.min_accuracy >= 0 && report.Accuracy() < options.min_accuracy) {
    std::fprintf(stderr, "backtalk: self-test accuracy %.1f%% is under the floor of %.1f%%\n",
                 100 * report.Accuracy(), 100 * options.min_accuracy);
    status = kExitNoAnswer;
  }
  return status;
}

}  // namespace backtalk
