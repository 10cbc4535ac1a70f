// Where the conversation and the sequence player show things and, during a hold, read single
// keys. A terminal implements it with a line that redraws in place and keys read without
// waiting for Enter (TerminalScreen, cli/repl.h); a pipe prints plain lines and has no keys
// (PipeScreen, term/pipe.h); the server collects a request's turns; tests record everything.
//
// src/term/ holds the seams through which the conversation meets the world: this Screen, the
// Clock (term/clock.h) and the LineReader (term/line_reader.h).
#ifndef BACKTALK_TERM_SCREEN_H_
#define BACKTALK_TERM_SCREEN_H_

#include <string>
#include <string_view>

namespace backtalk {

// What a key pressed during a hold asks for.
enum class Key {
  kNone,       // nothing pressed
  kNext,       // Enter: go on to the next step now
  kSkip,       // s
  kRepeat,     // r: start the step again
  kStop,       // q
  kInterrupt,  // Ctrl-C
  kPause,      // any other key: the person starts typing a question, so the hold ends there
};

// ANSI colours, or nothing when colour is off (Style{screen.color()}).
struct Style {
  bool color = false;
  std::string Bold(const std::string& s) const { return Wrap("1", s); }
  std::string Dim(const std::string& s) const { return Wrap("2", s); }
  std::string Warn(const std::string& s) const { return Wrap("1;33", s); }
  std::string Good(const std::string& s) const { return Wrap("32", s); }
  std::string Wrap(const char* code, const std::string& s) const {
    return color ? "\033[" + std::string(code) + "m" + s + "\033[0m" : s;
  }
};

class Screen {
 public:
  virtual ~Screen() = default;
  // Shows whole lines of text (ends with a newline).
  virtual void Print(std::string_view text) = 0;
  // Replaces the live line (a countdown) with `line`, which has no newline. Screens that
  // cannot redraw (a pipe) ignore it.
  virtual void Redraw(std::string_view line) = 0;
  // Leaves the live line as it is and moves below it.
  virtual void EndRedraw() = 0;
  // A key pressed since the last call, without waiting.
  virtual Key PollKey() = 0;
  // True when ANSI colours may be used.
  virtual bool color() const = 0;
  // True once the reader has gone (a closed pipe): there is no point going on.
  virtual bool closed() const { return false; }
};

}  // namespace backtalk

#endif  // BACKTALK_TERM_SCREEN_H_
