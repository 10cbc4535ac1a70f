// Fuzz target: arbitrary bytes as a question to the built-in knowledge. Cleaning, normalising,
// spelling correction, stemming, synonyms, patterns and scoring must take any input; the
// reply's JSON line must be exactly what nlohmann would write, and its score must stay in 0..1.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/engine.h"
#include "engine/reply_json.h"
#include "fuzz/builtin_engine.h"
#include "support/reply_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  const backtalk::Engine& engine = backtalk::fuzz::BuiltinEngine();
  // The first byte chooses whether to explain, so both paths are covered.
  bool explain = size > 0 && (data[0] & 1);
  backtalk::Reply reply = engine.Ask(line, explain);
  if (reply.score < 0 || reply.score > 1) __builtin_trap();
  if (reply.matched() && !reply.suggestions.empty()) __builtin_trap();
  std::string json = backtalk::ReplyJsonLine(reply);
  if (json.empty() || json.find('\n') != json.size() - 1) __builtin_trap();
  // ReplyJsonLine writes the object field by field: the bytes must be nlohmann's dump of the
  // same object, for the reply and for a reply echoing the raw input (invalid UTF-8 and
  // control characters included).
  using Json = nlohmann::ordered_json;
  if (json !=
      backtalk::testing::ReplyJson(reply).dump(-1, ' ', false, Json::error_handler_t::replace) +
          "\n")
    __builtin_trap();
  backtalk::Reply raw{.input = std::string(line)};
  if (backtalk::ReplyJsonLine(raw, line) !=
      backtalk::testing::ReplyJson(raw, line).dump(-1, ' ', false, Json::error_handler_t::replace) +
          "\n")
    __builtin_trap();
  return 0;
}
