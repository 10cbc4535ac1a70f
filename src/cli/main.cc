// backtalk's command line: options, subcommands, exit codes. Everything else is the engine.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "cli/commands.h"
#include "text/speller.h"

namespace {

using backtalk::Options;

struct Subcommand {
  const char* name;
  const char* help;
  int (*run)(const Options&);
};

const Subcommand kSubcommands[] = {
    {"ask", "answer one question (exit 0 answered, 1 not)", backtalk::RunAsk},
    {"stretch", "guide a stretch sequence, or --list them", backtalk::RunStretch},
    {"check", "validate a knowledge file (default: the built-in one)", backtalk::RunCheck},
    {"eval", "measure matching against a labelled TSV file, or --self", backtalk::RunEval},
    {"explain", "show why a question matches what it matches", backtalk::RunExplain},
    {"import", "draft knowledge from FAQ documents (text, Markdown, HTML, CSV/TSV)",
     backtalk::RunImport},
    {"serve", "serve the HTTP API and the web chat page", backtalk::RunServe},
};

bool ColorWanted() {
  if (!isatty(STDOUT_FILENO)) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::strcmp(term, "dumb") != 0;
}

// "unknown command 'stetch', did you mean 'stretch'?"
std::string Suggest(const std::string& word) {
  std::string best;
  int best_distance = 3;
  for (const Subcommand& s : kSubcommands) {
    int d = backtalk::Speller::Distance(word, s.name, 2);
    if (d < best_distance) {
      best = s.name;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as a failed write, handled quietly
  Options options;
  CLI::App app{
      "backtalk: answers questions about upper and middle back pain, and guides the stretches.\n"
      "With no command it chats: a prompt on a terminal, one answer per line in a pipe."};
  app.set_version_flag("--version", "backtalk 0.1.0");
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.add_option("--knowledge", options.knowledge,
                 "knowledge file to use instead of the built-in one");
  app.add_flag("--json", options.json, "one JSON object per answer");
  app.add_flag("--realtime", options.realtime, "in a pipe, wait through holds as on a terminal");

  const Subcommand* chosen = nullptr;
  for (const Subcommand& s : kSubcommands) {
    CLI::App* sub = app.add_subcommand(s.name, s.help);
    sub->fallthrough();
    std::string name = s.name;
    if (name == "ask" || name == "explain") {
      sub->add_option("question", options.words, "the question")->required();
    } else if (name == "check") {
      sub->add_option("file", options.words, "knowledge file (default: built-in)")->expected(0, 1);
    } else if (name == "eval") {
      sub->add_option("file", options.words, "labelled questions: expected<TAB>input")
          ->expected(0, 1);
      sub->add_flag("--self", options.self,
                    "self-test the knowledge with variants of its own questions");
      sub->add_option("--min-accuracy", options.min_accuracy,
                      "exit 1 if in-scope accuracy is under this (0..1, or a percentage)");
      sub->add_option("--min-rejection", options.min_rejection,
                      "exit 1 if out-of-scope rejection is under this (0..1, or a percentage)");
      sub->add_option("--max-wrong", options.max_wrong,
                      "exit 1 if more in-scope questions than this are answered wrongly (0..1, or "
                      "a percentage)");
    } else if (name == "import") {
      sub->add_option("documents", options.words,
                      "FAQ documents (text, Markdown, HTML, CSV or TSV), merged into one knowledge")
          ->required()
          ->expected(1, -1);
      sub->add_option("-o,--output", options.output, "write the knowledge here (default: stdout)");
      sub->add_flag("--force", options.force, "overwrite the output file if it exists");
      sub->add_option("--format", options.format,
                      "read every document as this format instead of detecting it")
          ->check(CLI::IsMember({"html", "csv", "tsv", "markdown", "text", "qa"}));
      sub->add_flag("--dry-run", options.dry_run,
                    "print the questions found and what would be drafted; write nothing");
    } else if (name == "serve") {
      sub->add_option("--host", options.host, "address to listen on (0.0.0.0: every interface)")
          ->capture_default_str();
      sub->add_option("--port", options.port, "port to listen on (0: any free port)")
          ->capture_default_str()
          ->check(CLI::Range(0, 65535));
      sub->add_option("--cors", options.cors, "allow this origin to call the API from a browser");
      sub->add_flag("--quiet", options.quiet, "no JSON log line per request on standard error");
      sub->add_option("--threads", options.threads,
                      "most worker threads, one per open connection (default 2048)")
          ->check(CLI::Range(1, 16384));
    } else if (name == "stretch") {
      sub->add_option("sequence", options.words, "sequence id")->expected(0, 1);
      sub->add_flag("--list", options.list, "list the sequences");
    }
    sub->callback([&chosen, &s] { chosen = &s; });
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --help-all, --version
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    std::string first = app.remaining().empty() ? "" : app.remaining()[0];
    std::string hint = Suggest(first);
    if (!first.empty() && first[0] != '-')
      std::fprintf(stderr, "backtalk: unknown command '%s'%s\nRun 'backtalk --help' for usage.\n",
                   first.c_str(), hint.empty() ? "" : (", did you mean '" + hint + "'?").c_str());
    else
      std::fprintf(stderr, "backtalk: %s\nRun 'backtalk --help' for usage.\n", e.what());
    return backtalk::kExitError;
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "backtalk: %s\nRun 'backtalk --help' for usage.\n", e.what());
    return backtalk::kExitError;
  }
  for (double* floor : {&options.min_accuracy, &options.min_rejection, &options.max_wrong})
    if (*floor > 1) *floor /= 100;  // "95" means 95%
  options.color = ColorWanted();
  if (chosen == nullptr) return backtalk::RunChat(options);
  return chosen->run(options);
}
