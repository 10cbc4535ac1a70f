// backtalk import DOCUMENT... [-o FILE] [--force] [--format F] [--dry-run], and eval --self.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "cli/commands.h"
#include "cli/output.h"
#include "eval/self_test.h"
#include "import/alternates.h"
#include "import/draft.h"
#include "import/faq_file.h"
#include "import/knowledge_writer.h"
#include "import/merge.h"
#include "knowledge/knowledge.h"
#include "util/atomic_file.h"
#include "util/utf8.h"

namespace backtalk {

namespace {

// "1 question", "2 questions".
std::string Count(size_t n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

int RunImport(const Options& options) {
  DocumentFormat format = DocumentFormat::kDetect;
  if (!options.format.empty() && !ParseDocumentFormat(options.format, &format)) {
    std::fprintf(stderr, "backtalk: unknown format '%s' (html, csv, tsv, markdown, text or qa)\n",
                 options.format.c_str());
    return kExitError;
  }
  // Every document is read before anything is written, and every bad one is reported.
  std::vector<NamedDocument> docs;
  std::string errors;
  for (const std::string& path : options.words) {
    std::string err;
    FaqDocument doc;
    if (!ReadFaqFile(path, format, &doc, &err)) {
      errors += "backtalk: " + err + "\n";
      continue;
    }
    docs.push_back({path, std::move(doc)});
  }
  if (!errors.empty()) {
    std::fputs(errors.c_str(), stderr);
    return kExitError;
  }
  std::string summary;
  for (const NamedDocument& d : docs) {
    for (const std::string& w : d.doc.warnings) summary += "warning: " + w + "\n";
    summary += d.name + ": " + Count(d.doc.entries.size(), "question") + " (" + d.doc.how + ")\n";
  }
  std::string names, document;
  for (const NamedDocument& d : docs) {
    names += (names.empty() ? "" : ", ") + d.name;
    document += (document.empty() ? "" : ", ") + std::filesystem::path(d.name).filename().string();
  }
  size_t own_warnings = 0;
  for (const NamedDocument& d : docs) own_warnings += d.doc.warnings.size();
  std::vector<std::string> sources;  // "a.md:12" for each entry, for --dry-run
  FaqDocument doc = MergeDocuments(std::move(docs), &sources);
  for (size_t i = own_warnings; i < doc.warnings.size(); ++i)
    summary += "warning: " + doc.warnings[i] + "\n";

  // The synonyms come from the knowledge in use: the built-in one unless --knowledge says.
  std::string err;
  Knowledge base;
  bool loaded = options.knowledge.empty() ? LoadBuiltinKnowledge(&base, &err)
                                          : LoadKnowledgeFile(options.knowledge, &base, &err);
  if (!loaded) {
    std::fprintf(stderr, "backtalk: %s\n", err.c_str());
    return kExitError;
  }
  DraftReport report;
  Knowledge draft = DraftKnowledge(doc, document, base, &report);
  AddAlternatePhrasings(doc, &draft);
  // What is written must load: a draft the engine refuses is a bug here, not the user's.
  Knowledge check;
  std::unique_ptr<Engine> engine;
  if (!LoadKnowledge(KnowledgeJson(draft), document, &check, &err) ||
      !(engine = Engine::Create(std::move(check), &err))) {
    std::fprintf(stderr, "backtalk: the drafted knowledge does not load: %s\n", err.c_str());
    return kExitError;
  }
  // The threshold and margin are this document's own (see eval/self_test.h).
  draft.settings = Calibrate(*engine);
  std::string text = KnowledgeJson(draft);
  if (options.dry_run) {
    std::string found;
    for (size_t i = 0; i < doc.entries.size() && i < draft.intents.size(); ++i) {
      const FaqEntry& e = doc.entries[i];
      const Intent& intent = draft.intents[i];
      found += (i < sources.size() ? sources[i] : "") + "  " + intent.id + "  \"" + e.question +
               "\"\n    answer: " + Count(CountCharacters(e.answer), "character") + ", " +
               Count(e.blocks.size(), "block");
      auto items = static_cast<size_t>(std::ranges::count(e.bullet, true));
      if (items > 0) found += " (" + Count(items, "list item") + ")";
      if (!e.alternates.empty()) found += "; " + Count(e.alternates.size(), "other phrasing");
      found += "; sequence: " + (intent.sequence.empty() ? std::string("none") : intent.sequence);
      if (const Sequence* seq = draft.FindSequence(intent.sequence))
        found += " (" + Count(seq->steps.size(), "step") + ")";
      found += "\n";
    }
    found += Count(static_cast<size_t>(report.questions), "question") + ", " +
             Count(static_cast<size_t>(report.sequences), "sequence") +
             "; nothing written (--dry-run)\n";
    if (!Emit(found)) return kExitError;
  } else if (options.output.empty()) {
    if (!Emit(text)) return kExitError;
  } else if (!WriteFileAtomically(options.output, text, options.force, &err)) {
    std::fprintf(stderr, "backtalk: %s\n", err.c_str());
    return kExitError;
  }
  summary += names + ": " + Count(static_cast<size_t>(report.questions), "question") + ", " +
             Count(static_cast<size_t>(report.sequences), "sequence");
  if (!options.output.empty() && !options.dry_run) summary += " -> " + options.output;
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
