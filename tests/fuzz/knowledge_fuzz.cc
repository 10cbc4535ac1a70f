// Fuzz target: arbitrary bytes as a knowledge file. LoadKnowledge must either load everything
// or report errors, never crash, hang or leak; what loads must build an Engine that answers.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/engine.h"
#include "knowledge/knowledge.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  backtalk::Knowledge knowledge;
  std::string err;
  if (!backtalk::LoadKnowledge(text, "fuzz.json", &knowledge, &err)) {
    if (err.empty()) __builtin_trap();  // a failure always says why
    return 0;
  }
  std::unique_ptr<backtalk::Engine> engine = backtalk::Engine::Create(std::move(knowledge), &err);
  if (!engine) return 0;
  for (std::string_view q : {"why is my mid back tight?", "hello", "strech uper bak", ""}) {
    backtalk::Reply reply = engine->Ask(q, /*explain=*/true);
    if (reply.score < 0 || reply.score > 1) __builtin_trap();
  }
  return 0;
}
