// Lines from a file descriptor, read in blocks. In a pipe, backtalk lets its output wait in
// stdout's buffer until it is about to wait for more input (`before_waiting` flushes it), so a
// script conversing line by line gets each answer at once, and a file of 100,000 questions is
// not answered with 100,000 system calls.
#ifndef BACKTALK_UTIL_LINE_INPUT_H_
#define BACKTALK_UTIL_LINE_INPUT_H_

#include <cstddef>
#include <functional>
#include <string>
#include <utility>

namespace backtalk {

class LineInput {
 public:
  // `name` says what `fd` is in an error: "standard input".
  explicit LineInput(int fd, std::string name = "standard input")
      : fd_(fd), name_(std::move(name)) {}

  // Reads one line without its newline (or "\r\n"), keeping at most `max_bytes` of it (the
  // rest of a longer line is read and dropped). `before_waiting` runs whenever no whole line is
  // buffered and the next read may block. False at end of input with nothing read, and after
  // a read error: then error() says so.
  // REQUIRES: max_bytes > 0.
  bool Next(std::string* line, size_t max_bytes, const std::function<void()>& before_waiting);

  // "standard input: cannot read: Is a directory" after a read error, else empty. Lines read
  // before the error were returned whole; what was read of a last line is dropped.
  const std::string& error() const { return error_; }

 private:
  bool Fill(const std::function<void()>& before_waiting);

  int fd_;
  std::string name_;
  std::string error_;
  std::string buffer_;
  size_t start_ = 0;
  bool eof_ = false;
};

}  // namespace backtalk

#endif  // BACKTALK_UTIL_LINE_INPUT_H_
