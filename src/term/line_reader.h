// Where the conversation reads its lines. A LineReader is readline at a terminal
// (cli/repl.h), a stream in a pipe (term/pipe.h), or a script in tests (below).
#ifndef BACKTALK_TERM_LINE_READER_H_
#define BACKTALK_TERM_LINE_READER_H_

#include <string>
#include <vector>

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

}  // namespace backtalk

#endif  // BACKTALK_TERM_LINE_READER_H_
