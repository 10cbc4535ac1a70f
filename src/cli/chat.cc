// `backtalk` with no command, and `backtalk stretch`: the conversation at a terminal (readline,
// guided sequences) or in a pipe (one line at a time, sequences printed), on the same Session.
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/repl.h"
#include "coach/player.h"
#include "dialog/conversation.h"
#include "dialog/reply_text.h"
#include "dialog/session.h"
#include "term/clock.h"
#include "term/pipe.h"

namespace backtalk {

namespace {

// The conversation, in a pipe or at a terminal, on the same Session. With `start` (`backtalk
// stretch NAME`), that sequence starts at once and the conversation ends with it; without it,
// the conversation goes on until quit or end of input, and `--json` makes it a pipe's.
int Talk(const Engine& engine, const Options& options, const Sequence* start) {
  SystemClock clock;
  bool terminal =
      isatty(STDIN_FILENO) && (start != nullptr ? isatty(STDOUT_FILENO) != 0 : !options.json);
  if (!terminal) {
    PipeScreen screen(/*flush_each_line=*/options.realtime);
    Player player(&clock, &screen,
                  options.realtime ? Player::Mode::kRealtime : Player::Mode::kPrinted);
    Session session(&engine, &player, &screen, start == nullptr && options.json);
    if (start != nullptr) {
      session.Start(*start);
      return kExitOk;
    }
    PipeReader reader(&screen, Engine::kMaxLineBytes);
    Converse(&reader, &session, &screen);
    if (reader.error().empty()) return kExitOk;
    screen.Flush();
    std::fprintf(stderr, "backtalk: %s\n", reader.error().c_str());
    return kExitError;
  }
  InstallInterruptHandler();
  TerminalScreen screen(options.color);
  Player player(&clock, &screen, Player::Mode::kGuided);
  Session session(&engine, &player, &screen);
  Style style{options.color};
  if (start != nullptr) {
    screen.Print(style.Dim(engine.knowledge().disclaimer) + "\n");
    session.Start(*start);
  } else {
    screen.Print(style.Dim(session.Welcome()));
  }
  std::vector<std::string> sequences;  // what Tab completes after "stretch "
  for (const Sequence& s : engine.knowledge().sequences) sequences.push_back(s.id);
  ReadlineReader reader(HistoryPath(), {"help", "topics", "stretch", "quit", "exit"},
                        std::move(sequences));
  Converse(&reader, &session, &screen,
           start != nullptr ? ConverseUntil::kSequenceEnds : ConverseUntil::kQuit);
  return kExitOk;
}

}  // namespace

int RunChat(const Options& options) {
  std::unique_ptr<Engine> engine = LoadEngine(options);
  if (!engine) return kExitError;
  return Talk(*engine, options, nullptr);
}

int RunStretch(const Options& options) {
  std::unique_ptr<Engine> engine = LoadEngine(options);
  if (!engine) return kExitError;
  const Knowledge& k = engine->knowledge();
  if (options.list || options.words.empty()) {
    std::string text;
    for (const Sequence& s : k.sequences) {
      char line[512];
      std::snprintf(line, sizeof line, "%-20s %s (%zu steps, %s)\n", s.id.c_str(), s.name.c_str(),
                    s.steps.size(), AboutDuration(EstimateSeconds(s)).c_str());
      text += line;
    }
    Emit(text);
    return kExitOk;
  }
  const Sequence* sequence = k.FindSequence(options.words[0]);
  if (sequence == nullptr) {
    std::fprintf(stderr, "backtalk: unknown sequence '%s'; 'backtalk stretch --list' lists them\n",
                 options.words[0].c_str());
    return kExitError;
  }
  return Talk(*engine, options, sequence);
}

}  // namespace backtalk
