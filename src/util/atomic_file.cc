#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace backtalk {

namespace {

std::string Folder(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string Fail(const std::string& path, const std::string& what, int error) {
  return path + ": " + what + ": " + std::strerror(error);
}

}  // namespace

bool WriteFileAtomically(const std::string& path, std::string_view text, bool overwrite,
                         std::string* err) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      *err = path + ": is a folder";
      return false;
    }
    if (!overwrite) {
      *err = path + ": already exists; use --force to overwrite it";
      return false;
    }
  }
  // The temporary file sits beside the target: a rename is atomic only within a file system.
  std::string pattern = Folder(path) + "/." + path.substr(path.rfind('/') + 1) + ".XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    *err = Fail(path, "cannot write", errno);
    return false;
  }
  std::string temp(name.data());
  auto give_up = [&](const std::string& what, int error) {
    close(fd);
    unlink(temp.c_str());
    *err = Fail(path, what, error);
    return false;
  };
  // mkstemp makes the file private; a knowledge file is an ordinary one.
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0) return give_up("cannot write", errno);
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return give_up("cannot write", errno);
    done += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) return give_up("cannot write", errno);
  if (close(fd) != 0) {
    int error = errno;
    unlink(temp.c_str());
    *err = Fail(path, "cannot write", error);
    return false;
  }
  if (overwrite) {
    if (rename(temp.c_str(), path.c_str()) != 0) {
      int error = errno;
      unlink(temp.c_str());
      *err = Fail(path, "cannot write", error);
      return false;
    }
    return true;
  }
  // link() fails if the target has appeared meanwhile, where rename() would replace it.
  if (link(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    unlink(temp.c_str());
    *err = error == EEXIST ? path + ": already exists; use --force to overwrite it"
                           : Fail(path, "cannot write", error);
    return false;
  }
  unlink(temp.c_str());
  return true;
}

}  // namespace backtalk
