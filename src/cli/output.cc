#include "cli/output.h"

namespace backtalk {

bool Emit(std::string_view text, std::FILE* out) {
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), out) != text.size()) return false;
  return std::fflush(out) == 0;
}

bool ReadLine(std::FILE* in, std::string* line, size_t max_bytes) {
  line->clear();
  bool any = false;
  int c;
  while ((c = getc_unlocked(in)) != EOF) {
    any = true;
    if (c == '\n') break;
    if (line->size() < max_bytes) line->push_back(static_cast<char>(c));
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

}  // namespace backtalk
