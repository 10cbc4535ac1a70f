#include "cli/output.h"

namespace backtalk {

bool Emit(std::string_view text, std::FILE* out) {
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), out) != text.size()) return false;
  return std::fflush(out) == 0;
}

}  // namespace backtalk
