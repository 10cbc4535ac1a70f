// The HTTP API without the HTTP: each endpoint takes a request body and gives a status, a
// content type and a body, so it is tested and fuzzed in-process; cli/serve.cc binds it to
// cpp-httplib.
//
//   POST /v1/ask   {"question": "..."}          -> the object `backtalk ask --json` prints
//   POST /v1/chat  {"line": "...", "state": T}  -> {"replies", "state", "mode", "offer",
//                                                   "step", "choices", "end"}
//   GET /v1/knowledge, GET /healthz, GET /      -> the questions and sequences, "ok", the page
//
// The server keeps no conversations: /v1/chat restores the Session from the state token in
// the request, handles the line, and answers with the new token (server/state_token.h).
// Thread-safe: every request asks the one Engine, which is safe from many threads at once.
#ifndef BACKTALK_SERVER_API_H_
#define BACKTALK_SERVER_API_H_

#include <string>
#include <string_view>

#include "engine/engine.h"

namespace backtalk {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

class Api {
 public:
  // Request bodies longer than this get 413 (checked by the HTTP layer before reading them
  // whole; Ask and Chat check again).
  static constexpr size_t kMaxBodyBytes = 64 * 1024;

  // `engine` must outlive the Api.
  explicit Api(const Engine& engine);

  ApiResponse Ask(std::string_view body) const;
  ApiResponse Chat(std::string_view body) const;
  ApiResponse Knowledge() const { return {200, "application/json", knowledge_json_}; }
  ApiResponse Health() const { return {200, "application/json", "{\"status\":\"ok\"}"}; }
  ApiResponse Page() const;

  // {"error": message, "status": status}
  static ApiResponse Error(int status, std::string_view message);

 private:
  const Engine& engine_;
  std::string knowledge_json_;  // built once: the knowledge never changes
};

// The web chat page (server/web/index.html), embedded in the binary.
std::string_view WebPage();

}  // namespace backtalk

#endif  // BACKTALK_SERVER_API_H_
