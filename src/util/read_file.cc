#include "util/read_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace backtalk {

bool ReadWholeFile(const std::string& path, const FileKind& kind, std::string* text,
                   std::string* err) {
  auto cannot_read = [&] {
    *err = path + ": cannot read the " + kind.name + ": " + std::strerror(errno);
    return false;
  };
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return cannot_read();
  if (S_ISDIR(st.st_mode)) {
    *err = path + ": is a folder, not " + kind.with_article;
    return false;
  }
  if (static_cast<size_t>(st.st_size) > kind.max_bytes) {
    *err = path + ": is too large for " + kind.with_article + " (over " +
           std::to_string(kind.max_bytes >> 20) + " MiB)";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return cannot_read();
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return cannot_read();
  *text = buffer.str();
  return true;
}

}  // namespace backtalk
