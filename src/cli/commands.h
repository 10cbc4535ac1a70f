// The subcommands of backtalk. Each takes the parsed options and returns the exit status:
// 0 success, 1 no answer (or below a requested floor), 2 usage or knowledge error.
#ifndef BACKTALK_CLI_COMMANDS_H_
#define BACKTALK_CLI_COMMANDS_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace backtalk {

constexpr int kExitOk = 0;
constexpr int kExitNoAnswer = 1;
constexpr int kExitError = 2;

struct Options {
  std::string knowledge;           // --knowledge FILE; empty: the built-in knowledge
  bool json = false;               // --json
  bool color = false;              // decided from the terminal, NO_COLOR and TERM
  bool realtime = false;           // --realtime: pipe mode sleeps through holds
  std::vector<std::string> words;  // positional words (the question, a file, a sequence id)
  double min_accuracy = -1;        // eval --min-accuracy
  double min_rejection = -1;       // eval --min-rejection
  double max_wrong = -1;           // eval --max-wrong: in-scope questions answered wrongly
  bool list = false;               // stretch --list
  std::string output;              // import -o FILE; empty: standard output
  bool force = false;              // import --force: replace an existing output file
  std::string format;              // import --format: html, csv, tsv, markdown, text, qa
  bool dry_run = false;            // import --dry-run: report what was found, write nothing
  bool self = false;               // eval --self: self-test the knowledge, no labelled file
  std::string host = "127.0.0.1";  // serve --host: localhost only unless told otherwise
  int port = 8080;                 // serve --port; 0 picks a free one (printed at start)
  std::string cors;                // serve --cors ORIGIN; empty: no CORS headers
  bool quiet = false;              // serve --quiet: no request log on standard error
  int threads = 0;                 // serve --threads: workers; 0: the default (serve.cc)
};

// Loads the engine, printing the error to stderr on failure.
std::unique_ptr<Engine> LoadEngine(const Options& options);

int RunChat(const Options& options);
int RunAsk(const Options& options);
int RunCheck(const Options& options);
int RunEval(const Options& options);
int RunExplain(const Options& options);
int RunStretch(const Options& options);
int RunImport(const Options& options);
int RunSelfTest(const Options& options);  // eval --self
int RunServe(const Options& options);

}  // namespace backtalk

#endif  // BACKTALK_CLI_COMMANDS_H_
