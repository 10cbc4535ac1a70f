// Fuzz target: arbitrary request bodies for the API (the JSON request reader, then the token
// and the conversation behind it). The first byte picks /v1/ask or /v1/chat. Every body gets
// 200, 400 or 413 with a JSON object, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "server/api.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const backtalk::Engine* engine = [] {
    std::string err;
    std::unique_ptr<backtalk::Engine> e = backtalk::Engine::Load("", &err);
    if (!e) std::abort();
    return e.release();
  }();
  static const backtalk::Api api(*engine);
  if (size == 0) return 0;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  backtalk::ApiResponse r = data[0] % 2 == 0 ? api.Ask(body) : api.Chat(body);
  if (r.status != 200 && r.status != 400 && r.status != 413) __builtin_trap();
  if (!nlohmann::json::accept(r.body)) __builtin_trap();
  return 0;
}
