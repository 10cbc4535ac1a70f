#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace backtalk {

bool WriteFileAtomically(const std::string& path, std::string_view text, bool overwrite,
                         std::string* err) {
  const std::string exists = path + ": already exists; use --force to overwrite it";
  struct stat st;
  if (stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      *err = path + ": is a folder";
      return false;
    }
    if (!overwrite) {
      *err = exists;
      return false;
    }
  }
  // The temporary file sits beside the target: a rename is atomic only within a file system.
  size_t slash = path.rfind('/');
  std::string temp = (slash == std::string::npos ? "./" : path.substr(0, slash + 1)) + "." +
                     path.substr(slash + 1) + ".XXXXXX";
  int fd = mkstemp(temp.data());
  if (fd < 0) {
    *err = path + ": cannot write: " + std::strerror(errno);
    return false;
  }
  auto give_up = [&](int error) {
    if (fd >= 0) close(fd);
    unlink(temp.c_str());
    // EEXIST comes only from link(), below.
    *err =
        error == EEXIST && !overwrite ? exists : path + ": cannot write: " + std::strerror(error);
    return false;
  };
  // mkstemp makes the file private; a knowledge file is an ordinary one.
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0) return give_up(errno);
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return give_up(errno);
    done += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) return give_up(errno);
  int closed = close(fd);
  fd = -1;
  if (closed != 0) return give_up(errno);
  if (overwrite) return rename(temp.c_str(), path.c_str()) == 0 || give_up(errno);
  // link() fails if the target has appeared meanwhile, where rename() would replace it.
  if (link(temp.c_str(), path.c_str()) != 0) return give_up(errno);
  unlink(temp.c_str());
  return true;
}

}  // namespace backtalk
