// Standard input and output in a pipe: plain lines, nothing redrawn, no keys, no prompt.
// Output waits in a large buffer and is flushed whenever backtalk is about to wait for input
// (or after every line when holds are waited through in real time, so that each step shows
// before its hold): a script that writes a question and reads the answer gets it at once, and
// a file of questions is answered in few writes. A closed pipe makes the screen `closed()`.
#ifndef BACKTALK_TERM_PIPE_H_
#define BACKTALK_TERM_PIPE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "term/line_reader.h"
#include "term/screen.h"
#include "util/line_input.h"

namespace backtalk {

class PipeScreen : public Screen {
 public:
  // Sets stdout's buffer, so it must be made before anything is written.
  explicit PipeScreen(bool flush_each_line = false);
  ~PipeScreen() override { Flush(); }
  void Print(std::string_view text) override;
  void Flush();
  void Redraw(std::string_view) override {}
  void EndRedraw() override {}
  Key PollKey() override { return Key::kNone; }
  bool color() const override { return false; }
  bool closed() const override { return closed_; }

 private:
  bool flush_each_line_;
  bool closed_ = false;
};

// Lines of standard input, each cut to `max_line_bytes`; flushes `screen` before it waits.
class PipeReader : public LineReader {
 public:
  // REQUIRES: `screen` is not null and outlives the reader.
  PipeReader(PipeScreen* screen, size_t max_line_bytes);
  ReadStatus Read(const std::string& prompt, std::string* line) override;
  // What ended the input if a read failed ("standard input: cannot read: ..."), else empty.
  const std::string& error() const { return input_.error(); }

 private:
  PipeScreen* screen_;
  size_t max_line_bytes_;
  LineInput input_;
};

}  // namespace backtalk

#endif  // BACKTALK_TERM_PIPE_H_
