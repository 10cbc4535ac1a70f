#include "cli/output.h"

namespace backtalk {

bool Emit(std::string_view text) {
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
    return false;
  return std::fflush(stdout) == 0;
}

}  // namespace backtalk
