// backtalk-serve, which `backtalk serve` runs: the API of server/api.h and the web page over
// HTTP, with cpp-httplib. A program of its own because cpp-httplib brings OpenSSL, zlib and
// brotli as shared libraries, and loading them would more than triple the start of every
// other backtalk command (`backtalk --version`: 1.6 -> 5.8 ms).
//
// cpp-httplib (Debian's libcpp-httplib-dev) rather than Boost.Beast: a blocking server with a
// worker pool, timeouts and a body limit built in is all this needs, in a few dozen lines,
// where Beast would have us write the connection handling ourselves.
//
// Limits: bodies over 64 KiB get 413 before they are read; a client gets 5 seconds to send a
// request and to take the answer (slowloris), and an idle keep-alive connection is closed
// after 2 seconds; the worker pool grows with open connections up to --threads. SIGTERM and SIGINT
// stop accepting, let the requests under way finish, and end with status 0.
#include <httplib.h>
#include <pthread.h>
#include <sys/socket.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <system_error>
#include <thread>

#include "cli/commands.h"
#include "server/api.h"

namespace backtalk {

namespace {

constexpr int kDefaultThreads = 2048;
constexpr time_t kTimeoutSeconds = 5;
// An idle keep-alive connection holds a worker, so it is closed sooner than a slow request.
constexpr time_t kKeepAliveSeconds = 2;
constexpr size_t kKeepAliveMaxCount = 10000;

// The worker pool: cpp-httplib gives each connection a worker for as long as it is open, so a
// fixed pool of N is held by N idle keep-alive connections while new clients wait behind them.
// This pool starts threads as connections come, up to `max`, and lets a thread go after a
// minute without work; past `max`, connections wait in the queue for a worker.
class ElasticPool : public httplib::TaskQueue {
 public:
  explicit ElasticPool(size_t max) : max_(max) {}
  ~ElasticPool() override { shutdown(); }

  void enqueue(std::function<void()> job) override {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
    if (idle_ == 0 && threads_ < max_) {
      ++threads_;
      try {
        std::thread([this] { Work(); }).detach();
      } catch (const std::system_error&) {  // no more threads: the job waits for a worker
        --threads_;
      }
    } else {
      wake_.notify_one();
    }
  }

  // Runs what is queued, then waits for every thread to end.
  void shutdown() override {
    std::unique_lock<std::mutex> lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
    ended_.wait(lock, [this] { return threads_ == 0; });
  }

 private:
  void Work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      ++idle_;
      bool woken = wake_.wait_for(lock, std::chrono::minutes(1),
                                  [this] { return !jobs_.empty() || stopping_; });
      --idle_;
      if (jobs_.empty() && (stopping_ || !woken)) break;
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      lock.lock();
    }
    if (--threads_ == 0) ended_.notify_all();
  }

  const size_t max_;
  std::mutex mutex_;
  std::condition_variable wake_, ended_;
  std::deque<std::function<void()>> jobs_;
  size_t threads_ = 0, idle_ = 0;
  bool stopping_ = false;
};

// When the request being handled on this worker started, for the log line; unset for a
// request the library refused before routing it (413, an unreadable request).
thread_local std::optional<std::chrono::steady_clock::time_point> request_start;

void Send(const ApiResponse& r, httplib::Response& res) {
  res.status = r.status;
  res.set_content(r.body, r.content_type.c_str());
}

std::string UtcNow() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm;
  gmtime_r(&t, &tm);
  char text[96];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return text;
}

// One JSON line per request, written with one call so lines from workers never interleave.
void LogRequest(const httplib::Request& req, const httplib::Response& res) {
  nlohmann::ordered_json ms;
  if (request_start) {
    double elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - *request_start)
            .count();
    ms = std::round(elapsed * 1000) / 1000;
    request_start.reset();
  }
  nlohmann::ordered_json line{
      {"time", UtcNow()}, {"remote", req.remote_addr}, {"method", req.method},
      {"path", req.path}, {"status", res.status},      {"bytes", res.body.size()},
      {"ms", ms}};
  std::string text =
      line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  std::fwrite(text.data(), 1, text.size(), stderr);
}

// The worker pool, the limits and timeouts, the socket options and the headers of every
// answer. `listener` is set to the listening socket once it is made.
void Configure(httplib::Server* server, const Options& options, int* listener) {
  size_t threads = static_cast<size_t>(options.threads > 0 ? options.threads : kDefaultThreads);
  server->new_task_queue = [threads] { return new ElasticPool(threads); };
  server->set_payload_max_length(Api::kMaxBodyBytes);
  server->set_read_timeout(kTimeoutSeconds, 0);
  server->set_write_timeout(kTimeoutSeconds, 0);
  server->set_keep_alive_timeout(kKeepAliveSeconds);
  // SO_REUSEADDR (a restart need not wait for old connections to time out), but not the
  // library's SO_REUSEPORT, with which a second server would share a busy port silently.
  server->set_socket_options([listener](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    *listener = sock;
  });
  server->set_keep_alive_max_count(kKeepAliveMaxCount);
  // The library writes the headers and the body separately: with Nagle's algorithm the body
  // waits for the client's delayed ACK, 40 ms an answer.
  server->set_tcp_nodelay(true);

  httplib::Headers headers{{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}};
  if (!options.cors.empty()) {
    headers.emplace("Access-Control-Allow-Origin", options.cors);
    headers.emplace("Vary", "Origin");
  }
  server->set_default_headers(headers);
}

// The API's paths, 405 for a known path with the wrong method, CORS preflight, a JSON body for
// every error the library makes, and the request log.
void Route(httplib::Server* server, const Api& api, const Options& options) {
  server->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    request_start = std::chrono::steady_clock::now();
    // A body announced as too long is refused before it is read (the library would read and
    // drop it first), with `Connection: close` for the client, since the body may still be on
    // its way; what comes after is read as a request and refused.
    std::string length = req.get_header_value("Content-Length");
    bool digits =
        std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits &&
        (length.size() > 9 || (!length.empty() && std::stoul(length) > Api::kMaxBodyBytes))) {
      Send(Api::Error(413, "the request body is over 64 KiB"), res);
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server->Post("/v1/ask", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(api.Ask(req.body), res);
  });
  server->Post("/v1/chat", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(api.Chat(req.body), res);
  });
  server->Get("/v1/knowledge", [&api](const httplib::Request&, httplib::Response& res) {
    Send(api.Knowledge(), res);
  });
  server->Get("/healthz",
              [&api](const httplib::Request&, httplib::Response& res) { Send(api.Health(), res); });
  server->Get("/", [&api](const httplib::Request&, httplib::Response& res) {
    Send(api.Page(), res);
    // The page is all inline and talks only to this server->
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                   "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
                   "frame-ancestors 'none'");
  });
  // The right path with the wrong method gets 405, not 404.
  auto method_not_allowed = [](const char* allow) {
    return [allow](const httplib::Request&, httplib::Response& res) {
      Send(Api::Error(405, std::string("method not allowed; use ") + allow), res);
      res.set_header("Allow", allow);
    };
  };
  for (const char* path : {"/v1/ask", "/v1/chat"}) {
    server->Get(path, method_not_allowed("POST"));
    server->Put(path, method_not_allowed("POST"));
    server->Delete(path, method_not_allowed("POST"));
  }
  for (const char* path : {"/v1/knowledge", "/healthz", "/"}) {
    server->Post(path, method_not_allowed("GET"));
    server->Put(path, method_not_allowed("GET"));
    server->Delete(path, method_not_allowed("GET"));
  }
  if (!options.cors.empty()) {
    server->Options(R"(/v1/.*)", [](const httplib::Request&, httplib::Response& res) {
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
    });
  }
  // Every other status the library sets on its own (404, 413, 400 for a request it cannot
  // read) gets a JSON body too.
  server->set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string message = res.status == 404   ? "no such path: " + req.path
                              : res.status == 413 ? "the request body is over 64 KiB"
                              : res.status == 400 ? "the HTTP request could not be read"
                                                  : "the request failed";
        Send(Api::Error(res.status, message), res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  if (!options.quiet) server->set_logger(LogRequest);
}

// Binds, then serves until SIGTERM or SIGINT, which `stop_signals` holds and every thread
// blocks. `listener` is the socket Configure's callback records while binding.
int Listen(httplib::Server* server, const Options& options, const int* listener,
           const sigset_t& stop_signals) {
  int port = options.port;
  if (port == 0)
    port = server->bind_to_any_port(options.host);
  else if (!server->bind_to_port(options.host, port))
    port = -1;
  if (port <= 0) {
    std::fprintf(stderr, "backtalk: cannot listen on %s:%d: %s\n", options.host.c_str(),
                 options.port, errno != 0 ? std::strerror(errno) : "unknown error");
    return kExitError;
  }
  // The library listens with a backlog of 5: a burst of new connections (a load balancer's,
  // or wrk's) would lose SYNs and wait a second each for the retry. Listening again raises it.
  if (*listener >= 0) listen(*listener, SOMAXCONN);
  std::fprintf(stderr, "backtalk: serving on http://%s:%d/ (Ctrl-C to stop)\n",
               options.host.c_str(), port);

  std::atomic<bool> stopping{false};
  std::thread signal_thread([server, &stop_signals, &stopping] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    stopping = true;
    server->stop();
  });
  bool ok = server->listen_after_bind();
  if (!stopping) {  // the listener failed on its own: wake the signal thread to end it
    pthread_kill(signal_thread.native_handle(), SIGTERM);
  }
  signal_thread.join();
  if (!ok && !stopping) {
    std::fprintf(stderr, "backtalk: the server stopped: %s\n", std::strerror(errno));
    return kExitError;
  }
  std::fprintf(stderr, "backtalk: stopped\n");
  return kExitOk;
}

}  // namespace

int RunServe(const Options& options) {
  std::string err;
  // One engine for every worker: Engine::Ask is safe from many threads at once.
  std::unique_ptr<Engine> engine = Engine::Load(options.knowledge, &err);
  if (!engine) {
    std::fprintf(stderr, "backtalk: %s\n", err.c_str());
    return kExitError;
  }
  Api api(*engine);
  // SIGTERM and SIGINT are taken by one thread with sigwait, blocked everywhere else (the
  // workers inherit the mask), so stopping runs as ordinary code and not in a handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server server;
  int listener = -1;
  Configure(&server, options, &listener);
  Route(&server, api, options);
  return Listen(&server, options, &listener, stop_signals);
}

}  // namespace backtalk

// The options are those of `backtalk serve`, which has checked them and passes them on.
int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a client that goes away is a failed write, not a crash
  backtalk::Options options;
  CLI::App app{"backtalk-serve: the HTTP API and web chat of backtalk (run as 'backtalk serve')"};
  app.add_option("--knowledge", options.knowledge, "knowledge file");
  app.add_option("--host", options.host, "address to listen on");
  app.add_option("--port", options.port, "port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--cors", options.cors, "allow this origin to call the API from a browser");
  app.add_flag("--quiet", options.quiet, "no JSON log line per request");
  app.add_option("--threads", options.threads, "most worker threads")->check(CLI::Range(1, 16384));
  CLI11_PARSE(app, argc, argv);
  return backtalk::RunServe(options);
}
