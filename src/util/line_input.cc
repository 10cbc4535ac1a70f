#include "util/line_input.h"

#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstring>

#include "util/source_error.h"

namespace backtalk {

bool LineInput::Fill(const std::function<void()>& before_waiting) {
  if (eof_) return false;
  if (start_ > 0) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  if (before_waiting) before_waiting();
  char block[64 * 1024];
  ssize_t n;
  do {
    n = read(fd_, block, sizeof block);
  } while (n < 0 && errno == EINTR);
  if (n < 0)
    error_ = FormatError({name_, 0, 0, "", std::string("cannot read: ") + strerror(errno)});
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  buffer_.append(block, static_cast<size_t>(n));
  return true;
}

bool LineInput::Next(std::string* line, size_t max_bytes,
                     const std::function<void()>& before_waiting) {
  assert(max_bytes > 0);
  line->clear();
  bool any = false;
  while (true) {
    size_t newline = buffer_.find('\n', start_);
    size_t end = newline == std::string::npos ? buffer_.size() : newline;
    if (end > start_) any = true;
    if (line->size() < max_bytes)
      line->append(buffer_, start_, std::min(end - start_, max_bytes - line->size()));
    if (newline != std::string::npos) {
      start_ = newline + 1;
      any = true;
      break;
    }
    start_ = buffer_.size();  // a long line: what is kept is in *line, the rest is dropped
    if (!Fill(before_waiting)) break;
  }
  if (!error_.empty()) {
    line->clear();
    return false;
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

}  // namespace backtalk
