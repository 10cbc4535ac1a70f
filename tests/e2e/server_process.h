// Runs the real `backtalk serve` on a free port (--port 0; the port is read from the line it
// prints at start) for the server's end-to-end tests, collects its standard error (the request
// log) and stops it with a signal. Requests go over real HTTP with cpp-httplib's client, or
// over a raw socket for what a well-behaved client never sends.
#ifndef BACKTALK_TESTS_E2E_SERVER_PROCESS_H_
#define BACKTALK_TESTS_E2E_SERVER_PROCESS_H_

#include <sys/types.h>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace backtalk::testing {

class ServerProcess {
 public:
  // Starts `backtalk serve --port 0` with `args` added; port() is 0 if it did not start.
  explicit ServerProcess(const std::vector<std::string>& args = {});
  ~ServerProcess();  // SIGKILL if still running

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits for the exit status (-1 if killed by a signal, or after 10 s).
  int Stop(int signal);
  // Standard error so far (the first line, "serving on ...", included).
  std::string Log();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int err_fd_ = -1;
  std::thread reader_;
  std::mutex mutex_;
  std::string log_;
};

// A connected socket to 127.0.0.1:`port`, or -1.
int Connect(int port);
// Writes all of `bytes`; false if the peer has gone.
bool SendAll(int fd, const std::string& bytes);
// Reads until the peer closes or `timeout_ms` passes; `*closed` tells which.
std::string ReadUntilClosed(int fd, int timeout_ms, bool* closed);

}  // namespace backtalk::testing

#endif  // BACKTALK_TESTS_E2E_SERVER_PROCESS_H_
