#include "util/read_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <utility>

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
  auto too_large = [&] {
    return fail(std::string("is too large for ") + kind.with_article + " (over " +
                std::to_string(kind.max_bytes >> 20) + " MiB)");
  };
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return cannot_read();
  if (S_ISDIR(st.st_mode)) return fail(std::string("is a folder, not ") + kind.with_article);
  if (static_cast<size_t>(st.st_size) > kind.max_bytes) return too_large();
  std::ifstream in(path, std::ios::binary);
  if (!in) return cannot_read();
  // Read through the stream itself, so that a read error sets its badbit (copying its rdbuf
  // into another stream would catch the error and set nothing here).
  std::string data;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    data.append(chunk, static_cast<size_t>(in.gcount()));
    if (data.size() > kind.max_bytes) return too_large();
  }
  if (in.bad()) return cannot_read();
  *text = std::move(data);
  return true;
}

}  // namespace backtalk
