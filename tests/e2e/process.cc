#include "e2e/process.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace backtalk::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(BACKTALK_SOURCE_DIR) + "/" + relative;
}

namespace {

std::vector<std::string>* Dirs() {
  static std::vector<std::string>* dirs = [] {
    auto* d = new std::vector<std::string>;
    std::atexit([] {
      for (const std::string& dir : *Dirs()) std::filesystem::remove_all(dir);
    });
    return d;
  }();
  return dirs;
}

constexpr uid_t kNobody = 65534;

// Makes a fresh folder in `base`, removed at exit; "" if it cannot.
std::string MakeDir(const std::string& base) {
  std::string name = base + "/backtalk-test-XXXXXX";
  if (mkdtemp(name.data()) == nullptr) return "";
  Dirs()->push_back(name);
  return name;
}

// In a child process: drops root for user nobody, without root's supplementary groups.
bool BecomeNobody() {
  return setgroups(0, nullptr) == 0 && setgid(kNobody) == 0 && setuid(kNobody) == 0;
}

enum class NobodyCheck { kCanRun, kNoSwitch, kCannotReach };

// Whether user nobody can execute `path`, asked of a child process that switches to it.
NobodyCheck CheckNobodyCanRun(const std::string& path) {
  pid_t pid = fork();
  if (pid == 0) {
    if (!BecomeNobody()) _exit(1);
    _exit(access(path.c_str(), X_OK) == 0 ? 0 : 2);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
    return NobodyCheck::kNoSwitch;
  if (WEXITSTATUS(status) == 0) return NobodyCheck::kCanRun;
  return WEXITSTATUS(status) == 1 ? NobodyCheck::kNoSwitch : NobodyCheck::kCannotReach;
}

}  // namespace

std::string TempDir() {
  std::string base = "/tmp";
  const char* tmpdir = std::getenv("TMPDIR");
  if (tmpdir != nullptr && tmpdir[0] == '/') base = tmpdir;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  std::string dir = MakeDir(base);
  if (dir.empty()) {
    // Every caller writes into the folder; going on without one would write elsewhere.
    std::fprintf(stderr, "cannot make a temporary folder in %s: %s\n", base.c_str(),
                 std::strerror(errno));
    std::abort();
  }
  return dir;
}

std::string PrepareRunAsNobody(ProcessOptions* options, std::string* why) {
  if (geteuid() != 0) {
    *why = "the tests do not run as root, so they cannot switch to user nobody";
    return "";
  }
  // TempDir() may lie below a folder private to root (a TMPDIR in /root): then /tmp, which
  // every user may enter (mode 1777).
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::string dir = attempt == 0 ? TempDir() : MakeDir("/tmp");
    std::string binary = dir + "/backtalk";
    std::error_code error;
    if (dir.empty() || !std::filesystem::copy_file(BACKTALK_BINARY, binary, error) ||
        chmod(binary.c_str(), 0755) != 0 || chmod(dir.c_str(), 0755) != 0) {
      *why = "cannot copy " + std::string(BACKTALK_BINARY) + " to a temporary folder";
      return "";
    }
    switch (CheckNobodyCanRun(binary)) {
      case NobodyCheck::kCanRun:
        options->as_nobody = true;
        options->binary = binary;
        return dir;
      case NobodyCheck::kNoSwitch:
        *why = "cannot switch to user nobody (uid 65534) here";
        return "";
      case NobodyCheck::kCannotReach:
        *why = "user nobody cannot reach " + binary;
        break;
    }
  }
  return "";
}

ProcessResult RunBacktalk(const std::vector<std::string>& args, const ProcessOptions& options) {
  ProcessResult result;
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return result;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    // When the tests start with standard input (or output) closed, a pipe takes that number
    // and is already in place: closing it would close the child's own.
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
      if (fd > 2) close(fd);
    signal(SIGPIPE, SIG_DFL);
    if (options.as_nobody && !BecomeNobody()) _exit(126);
    for (const auto& [key, value] : options.env) setenv(key.c_str(), value.c_str(), 1);
    std::vector<char*> argv;
    std::string binary = options.binary.empty() ? BACKTALK_BINARY : options.binary;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  signal(SIGPIPE, SIG_IGN);
  fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  size_t written = 0;
  bool in_open = true;
  if (options.input.empty()) {
    close(in_pipe[1]);
    in_open = false;
  }
  bool out_open = true, err_open = true;
  bool interrupted = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  char buffer[65536];
  while (out_open || err_open) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      result.timed_out = true;
      break;
    }
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
    if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
    if (in_open) fds.push_back({in_pipe[1], POLLOUT, 0});
    if (poll(fds.data(), fds.size(), 100) < 0) continue;
    for (const pollfd& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in_pipe[1]) {
        ssize_t n =
            write(in_pipe[1], options.input.data() + written, options.input.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if (n < 0 && errno != EAGAIN) written = options.input.size();
        if (written >= options.input.size()) {
          if (!options.keep_stdin_open) close(in_pipe[1]);
          in_open = false;
        }
        continue;
      }
      ssize_t n = read(p.fd, buffer, sizeof buffer);
      if (n <= 0) {
        close(p.fd);
        (p.fd == out_pipe[0] ? out_open : err_open) = false;
        continue;
      }
      (p.fd == out_pipe[0] ? result.out : result.err).append(buffer, static_cast<size_t>(n));
      if (p.fd == out_pipe[0] && options.interrupt_after_output > 0 && !interrupted &&
          result.out.size() >= static_cast<size_t>(options.interrupt_after_output)) {
        kill(pid, SIGINT);
        interrupted = true;
      }
      if (p.fd == out_pipe[0] && options.close_stdout_early &&
          result.out.find('\n') != std::string::npos) {
        close(out_pipe[0]);
        out_open = false;
      }
    }
  }
  if (in_open || options.keep_stdin_open) close(in_pipe[1]);
  if (out_open) close(out_pipe[0]);
  if (err_open) close(err_pipe[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  result.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) result.status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace backtalk::testing
