#include "term/pipe.h"

#include <unistd.h>

#include <cassert>
#include <cstdio>

namespace backtalk {

PipeScreen::PipeScreen(bool flush_each_line) : flush_each_line_(flush_each_line) {
  // 64 KB makes a long run of answers a sixteenth of the write calls of stdio's default 4 KB;
  // nothing waits longer for it, since the buffer is flushed whenever backtalk waits for input.
  std::setvbuf(stdout, nullptr, _IOFBF, 64 << 10);
}

void PipeScreen::Print(std::string_view text) {
  if (closed_) return;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) closed_ = true;
  if (flush_each_line_) Flush();
}

void PipeScreen::Flush() {
  if (!closed_ && std::fflush(stdout) != 0) closed_ = true;
}

PipeReader::PipeReader(PipeScreen* screen, size_t max_line_bytes)
    : screen_(screen), max_line_bytes_(max_line_bytes), input_(STDIN_FILENO) {
  assert(screen != nullptr);
}

ReadStatus PipeReader::Read(const std::string&, std::string* line) {
  bool more = input_.Next(line, max_line_bytes_, [this] { screen_->Flush(); });
  return more && !screen_->closed() ? ReadStatus::kLine : ReadStatus::kEnd;
}

}  // namespace backtalk
