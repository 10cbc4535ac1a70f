// The terminal side of the conversation: GNU readline behind the LineReader seam (prompt, line
// editing, history kept across runs, Tab completion), the Ctrl-C flag, and the Screen that
// redraws a countdown in place and reads single keys during a hold. The seams themselves are in
// src/term/; these two implementations live here because readline links into the program
// only. repl.cc is the only file that includes <readline/readline.h>.
#ifndef BACKTALK_CLI_REPL_H_
#define BACKTALK_CLI_REPL_H_

#include <string>
#include <vector>

#include "term/line_reader.h"
#include "term/screen.h"

namespace backtalk {

// Installs the SIGINT handler, which only sets a flag: Ctrl-C stops a sequence or drops the
// line being typed, never the program.
void InstallInterruptHandler();

// $XDG_STATE_HOME/backtalk/history, or ~/.local/state/backtalk/history; empty when neither
// XDG_STATE_HOME nor HOME is set.
std::string HistoryPath();

class ReadlineReader : public LineReader {
 public:
  // Loads the history from `history_path` (may be empty: no history kept); `completions` are
  // the words Tab completes at the start of a line, `sequences` those after "stretch ".
  ReadlineReader(std::string history_path, std::vector<std::string> completions,
                 std::vector<std::string> sequences);
  ReadStatus Read(const std::string& prompt, std::string* line) override;

 private:
  void Remember(const std::string& line);
  std::string history_path_;
  bool history_failed_ = false;
};

// Standard output at a terminal.
class TerminalScreen : public Screen {
 public:
  explicit TerminalScreen(bool color) : color_(color) {}
  ~TerminalScreen() override;
  void Print(std::string_view text) override;
  void Redraw(std::string_view line) override;
  void EndRedraw() override;
  Key PollKey() override;
  bool color() const override { return color_; }
  bool closed() const override { return closed_; }

 private:
  // Keys without Enter and without echo while a hold counts down; restored afterwards.
  void KeysRaw(bool raw);
  bool color_;
  bool closed_ = false;
  bool live_ = false;
  bool raw_ = false;
};

}  // namespace backtalk

#endif  // BACKTALK_CLI_REPL_H_
