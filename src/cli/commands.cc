#include "cli/commands.h"

#include <absl/strings/str_join.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "cli/format.h"
#include "cli/output.h"
#include "engine/reply_json.h"
#include "eval/evaluation.h"

namespace backtalk {

std::unique_ptr<Engine> LoadEngine(const Options& options) {
  std::string err;
  std::unique_ptr<Engine> engine = Engine::Load(options.knowledge, &err);
  if (!engine) std::fprintf(stderr, "backtalk: %s\n", err.c_str());
  return engine;
}

int RunAsk(const Options& options) {
  std::unique_ptr<Engine> engine = LoadEngine(options);
  if (!engine) return kExitError;
  Reply reply = engine->Ask(absl::StrJoin(options.words, " "));
  std::string text = options.json ? ReplyJsonLine(reply) : FormatReply(reply, Style{options.color});
  Emit(text);
  return reply.matched() ? kExitOk : kExitNoAnswer;
}

int RunCheck(const Options& options) {
  Options o = options;
  if (!options.words.empty()) o.knowledge = options.words[0];
  std::unique_ptr<Engine> engine = LoadEngine(o);
  if (!engine) return kExitError;
  const Knowledge& k = engine->knowledge();
  std::printf("ok: %zu intents, %zu sequences, %zu synonyms, %zu warning signs (%s)\n",
              k.intents.size(), k.sequences.size(), k.synonyms.size(), k.safety.size(),
              k.source.c_str());
  std::printf("settings: threshold %.2f, margin %.2f, suggest floor %.2f\n", k.settings.threshold,
              k.settings.margin, k.settings.suggest_floor);
  return kExitOk;
}

int RunEval(const Options& options) {
  if (options.self) return RunSelfTest(options);
  if (options.words.empty()) {
    std::fprintf(stderr,
                 "backtalk: eval needs a labelled file (expected<TAB>input), or --self\n"
                 "Run 'backtalk --help' for usage.\n");
    return kExitError;
  }
  std::unique_ptr<Engine> engine = LoadEngine(options);
  if (!engine) return kExitError;
  const std::string& path = options.words.at(0);
  // istream::read, unlike `<< rdbuf()`, marks a failed read (a folder, an I/O error) as bad
  // rather than as the end of the file.
  std::ifstream in(path, std::ios::binary);
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) text.append(chunk, in.gcount());
  if (!in.eof()) {
    std::fprintf(stderr, "backtalk: %s: cannot read the labelled set: %s\n", path.c_str(),
                 std::strerror(errno));
    return kExitError;
  }
  std::vector<LabelledQuestion> set;
  std::string err;
  std::vector<std::string> warnings;
  if (!ParseLabelled(text, path, engine->knowledge(), &set, &warnings, &err)) {
    std::fprintf(stderr, "backtalk: %s\n", err.c_str());
    return kExitError;
  }
  for (const std::string& w : warnings) std::fprintf(stderr, "backtalk: %s\n", w.c_str());
  EvalReport report = Evaluate(*engine, set);
  Emit(FormatReport(report));
  int status = kExitOk;
  if (options.min_accuracy >= 0 && report.Accuracy() < options.min_accuracy) {
    std::fprintf(stderr, "backtalk: in-scope accuracy %.1f%% is under the floor of %.1f%%\n",
                 100 * report.Accuracy(), 100 * options.min_accuracy);
    status = kExitNoAnswer;
  }
  if (options.max_wrong >= 0 && report.WrongRate() > options.max_wrong) {
    std::fprintf(stderr, "backtalk: in-scope wrong answers %.1f%% are over the ceiling of %.1f%%\n",
                 100 * report.WrongRate(), 100 * options.max_wrong);
    status = kExitNoAnswer;
  }
  if (options.min_rejection >= 0 && report.Rejection() < options.min_rejection) {
    std::fprintf(stderr, "backtalk: out-of-scope rejection %.1f%% is under the floor of %.1f%%\n",
                 100 * report.Rejection(), 100 * options.min_rejection);
    status = kExitNoAnswer;
  }
  return status;
}

int RunExplain(const Options& options) {
  std::unique_ptr<Engine> engine = LoadEngine(options);
  if (!engine) return kExitError;
  Reply reply = engine->Ask(absl::StrJoin(options.words, " "), /*explain=*/true);
  Emit(FormatExplanation(reply, *engine));
  return reply.matched() ? kExitOk : kExitNoAnswer;
}

}  // namespace backtalk
