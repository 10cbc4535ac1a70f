// `backtalk` with no command, and `backtalk stretch`: the conversation at a terminal (readline,
// guided sequences) or in a pipe (one line at a time, sequences printed), on the same Session.
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/repl.h"
#include "coach/clock.h"
#include "coach/player.h"
#include "dialog/conversation.h"
#include "dialog/reply_text.h"
#include "dialog/session.h"
#include "util/line_input.h"

namespace backtalk {

namespace {

// Standard output in a pipe: plain lines, nothing redrawn, no keys. Output is flushed when
// backtalk is about to wait for input (see PipeReader), or after every line when holds are
// waited through in real time, so that each step shows before its hold.
class PipeScreen : public Screen {
 public:
  // Before anything is written: a 64 KB buffer makes a long run of answers a sixteenth of
  // the write calls of stdio's default 4 KB; nothing waits longer for it, since the buffer
  // is flushed whenever backtalk waits for input.
  explicit PipeScreen(bool flush_each_line = false) : flush_each_line_(flush_each_line) {
    std::setvbuf(stdout, nullptr, _IOFBF, 64 << 10);
  }
  ~PipeScreen() override { Flush(); }
  void Print(std::string_view text) override {
    if (closed_) return;
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) closed_ = true;
    if (flush_each_line_) Flush();
  }
  void Flush() {
    if (!closed_ && std::fflush(stdout) != 0) closed_ = true;
  }
  void Redraw(std::string_view) override {}
  void EndRedraw() override {}
  Key PollKey() override { return Key::kNone; }
  bool color() const override { return false; }
  bool closed() const override { return closed_; }

 private:
  bool flush_each_line_;
  bool closed_ = false;
};

class PipeReader : public LineReader {
 public:
  explicit PipeReader(PipeScreen* screen) : screen_(screen), input_(STDIN_FILENO) {}
  ReadStatus Read(const std::string&, std::string* line) override {
    bool more = input_.Next(line, Engine::kMaxLineBytes, [this] { screen_->Flush(); });
    if (screen_->closed()) return ReadStatus::kEnd;
    return more ? ReadStatus::kLine : ReadStatus::kEnd;
  }
  // A read error that ended the input, or empty.
  const std::string& error() const { return input_.error(); }

 private:
  PipeScreen* screen_;
  LineInput input_;
};

std::unique_ptr<ReadlineReader> MakeReadline(const Knowledge& k) {
  std::vector<std::string> sequences;
  for (const Sequence& s : k.sequences) sequences.push_back(s.id);
  return std::make_unique<ReadlineReader>(
      HistoryPath(), std::vector<std::string>{"help", "topics", "stretch", "quit", "exit"},
      std::move(sequences));
}

}  // namespace

int RunChat(const Options& options) {
  std::unique_ptr<Engine> engine = LoadEngine(options);
  if (!engine) return kExitError;
  SystemClock clock;
  if (!isatty(STDIN_FILENO) || options.json) {
    PipeScreen screen(/*flush_each_line=*/options.realtime);
    Player player(&clock, &screen,
                  options.realtime ? Player::Mode::kRealtime : Player::Mode::kPrinted);
    Session session(engine.get(), &player, &screen, options.json);
    PipeReader reader(&screen);
    Converse(&reader, &session, &screen);
    if (reader.error().empty()) return kExitOk;
    screen.Flush();
    std::fprintf(stderr, "backtalk: %s\n", reader.error().c_str());
    return kExitError;
  }
  InstallInterruptHandler();
  TerminalScreen screen(options.color);
  Player player(&clock, &screen, Player::Mode::kGuided);
  Session session(engine.get(), &player, &screen);
  screen.Print(Style{options.color}.Dim(session.Welcome()));
  std::unique_ptr<ReadlineReader> reader = MakeReadline(engine->knowledge());
  Converse(reader.get(), &session, &screen);
  return kExitOk;
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
  SystemClock clock;
  bool terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  if (!terminal) {
    PipeScreen screen(/*flush_each_line=*/options.realtime);
    Player player(&clock, &screen,
                  options.realtime ? Player::Mode::kRealtime : Player::Mode::kPrinted);
    Session session(engine.get(), &player, &screen);
    session.Start(*sequence);
    return kExitOk;
  }
  InstallInterruptHandler();
  TerminalScreen screen(options.color);
  Player player(&clock, &screen, Player::Mode::kGuided);
  Session session(engine.get(), &player, &screen);
  screen.Print(Style{options.color}.Dim(k.disclaimer) + "\n");
  session.Start(*sequence);
  std::unique_ptr<ReadlineReader> reader = MakeReadline(k);
  Converse(reader.get(), &session, &screen, ConverseUntil::kSequenceEnds);
  return kExitOk;
}

}  // namespace backtalk
