// The conversation loop and the seam it reads lines through. A LineReader is readline at a
// terminal, a stream in a pipe, or a script in tests; the loop itself only reads a line, hands
// it to the Session, and stops at quit, at end of input or when the reader of the output has
// gone.
#ifndef BACKTALK_DIALOG_CONVERSATION_H_
#define BACKTALK_DIALOG_CONVERSATION_H_

#include <string>
#include <vector>

#include "coach/screen.h"
#include "dialog/session.h"

namespace backtalk {

enum class ReadStatus {
  kLine,         // a line was read (without its newline)
  kEnd,          // end of input: EOF, Ctrl-D
  kInterrupted,  // Ctrl-C while reading: the line is dropped
};

class LineReader {
 public:
  virtual ~LineReader() = default;
  // Reads one line, showing `prompt` where there is someone to see it.
  virtual ReadStatus Read(const std::string& prompt, std::string* line) = 0;
};

// Lines given in advance; an entry equal to kInterruptLine reads as Ctrl-C. Records the
// prompts it was shown.
class ScriptedReader : public LineReader {
 public:
  static constexpr const char* kInterruptLine = "\x03";
  explicit ScriptedReader(std::vector<std::string> lines) : lines_(std::move(lines)) {}
  ReadStatus Read(const std::string& prompt, std::string* line) override;
  const std::vector<std::string>& prompts() const { return prompts_; }

 private:
  std::vector<std::string> lines_;
  size_t next_ = 0;
  std::vector<std::string> prompts_;
};

enum class ConverseUntil {
  kQuit,          // the whole conversation: until quit or end of input
  kSequenceEnds,  // `backtalk stretch NAME`: until the sequence started before is over
};

// Reads and handles lines. Returns when the person quits, input ends (the session is told, so
// a running sequence ends cleanly), the screen's reader has gone, or as `until` says.
void Converse(LineReader* reader, Session* session, Screen* screen,
              ConverseUntil until = ConverseUntil::kQuit);

}  // namespace backtalk

#endif  // BACKTALK_DIALOG_CONVERSATION_H_
