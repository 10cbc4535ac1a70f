#include "util/read_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/source_error.h"

namespace backtalk {

bool ReadWholeFile(const std::string& path, const FileKind& kind, std::string* text,
                   std::string* err) {
  auto fail = [&](const std::string& message) {
    *err = FormatError({path, 0, 0, "", message});
    return false;
  };
  auto cannot_read = [&] {
    return fail(std::string("cannot read the ") + kind.name + ": " + std::strerror(errno));
  };
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return cannot_read();
  if (S_ISDIR(st.st_mode)) return fail(std::string("is a folder, not ") + kind.with_article);
  if (static_cast<size_t>(st.st_size) > kind.max_bytes)
    return fail(std::string("is too large for ") + kind.with_article + " (over " +
                std::to_string(kind.max_bytes >> 20) + " MiB)");
  std::ifstream in(path, std::ios::binary);
  if (!in) return cannot_read();
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return cannot_read();
  *text = buffer.str();
  return true;
}

}  // namespace backtalk
