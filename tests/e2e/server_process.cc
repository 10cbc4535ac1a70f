#include "e2e/server_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <regex>

namespace backtalk::testing {

ServerProcess::ServerProcess(const std::vector<std::string>& args) {
  int err_pipe[2];
  if (pipe(err_pipe) != 0) return;
  pid_ = fork();
  if (pid_ == 0) {
    dup2(err_pipe[1], 2);
    close(err_pipe[0]);
    close(err_pipe[1]);
    std::vector<std::string> all{BACKTALK_BINARY, "serve", "--port", "0"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(err_pipe[1]);
  err_fd_ = err_pipe[0];
  // The first line says where it listens: "backtalk: serving on http://127.0.0.1:PORT/ ...".
  std::string first;
  char c;
  while (first.size() < 4096 && read(err_fd_, &c, 1) == 1 && c != '\n') first += c;
  log_ = first + "\n";
  std::smatch m;
  if (std::regex_search(first, m, std::regex(R"(serving on http://[^/]+:(\d+)/)")))
    port_ = std::atoi(m[1].str().c_str());
  reader_ = std::thread([this] {
    char buffer[4096];
    ssize_t n;
    while ((n = read(err_fd_, buffer, sizeof buffer)) > 0) {
      std::lock_guard<std::mutex> lock(mutex_);
      log_.append(buffer, static_cast<size_t>(n));
    }
  });
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop(SIGKILL);
  if (reader_.joinable()) reader_.join();
  if (err_fd_ >= 0) close(err_fd_);
}

int ServerProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  pid_t done = 0;
  while ((done = waitpid(pid_, &status, WNOHANG)) == 0 &&
         std::chrono::steady_clock::now() < deadline)
    usleep(10000);
  if (done == 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return -1;
  }
  pid_ = -1;
  if (reader_.joinable()) reader_.join();  // the pipe closes with the process
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string ServerProcess::Log() {
  std::lock_guard<std::mutex> lock(mutex_);
  return log_;
}

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

std::string ReadUntilClosed(int fd, int timeout_ms, bool* closed) {
  std::string out;
  *closed = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    deadline - std::chrono::steady_clock::now())
                                    .count());
    if (left <= 0) return out;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, left) <= 0) continue;
    char buffer[4096];
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      *closed = true;
      return out;
    }
    out.append(buffer, static_cast<size_t>(n));
  }
}

}  // namespace backtalk::testing
