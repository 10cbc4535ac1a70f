// Lines from a file descriptor, read in blocks. In a pipe, backtalk lets its output wait in
// stdout's buffer until it is about to wait for more input (`before_waiting` flushes it), so a
// script conversing line by line gets each answer at once, and a file of 100,000 questions is
// not answered with 100,000 system calls.
#ifndef BACKTALK_UTIL_LINE_INPUT_H_
#define BACKTALK_UTIL_LINE_INPUT_H_

#include <cstddef>
#include <functional>
#include <string>

namespace backtalk {

class LineInput {
 public:
  explicit LineInput(int fd) : fd_(fd) {}

  // Reads one line without its newline (or "\r\n"), keeping at most `max_bytes` of it (the
  // rest of a longer line is read and dropped). `before_waiting` runs whenever no whole line is
  // buffered and the next read may block. False at end of input with nothing read.
  bool Next(std::string* line, size_t max_bytes, const std::function<void()>& before_waiting);

 private:
  bool Fill(const std::function<void()>& before_waiting);

  int fd_;
  std::string buffer_;
  size_t start_ = 0;
  bool eof_ = false;
};

}  // namespace backtalk

#endif  // BACKTALK_UTIL_LINE_INPUT_H_
