// Fuzz target: arbitrary bytes as a /v1/chat state token, against the built-in knowledge. An
// input starting with '!' is sealed first (its checksum added), so the fuzzer reaches the
// fields behind the checksum too. A token is refused or decoded; one that decodes encodes back to
// exactly itself (one state, one token), and the conversation it restores can take a line without
// crashing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dialog/session.h"
#include "fuzz/builtin_engine.h"
#include "server/state_token.h"
#include "term/fakes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const backtalk::Engine& engine = backtalk::fuzz::BuiltinEngine();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string sealed;
  if (!input.empty() && input[0] == '!') sealed = backtalk::SealStateToken(input.substr(1));
  std::string_view token = sealed.empty() ? input : std::string_view(sealed);
  backtalk::Session::Memory memory;
  std::string err;
  if (!backtalk::DecodeStateToken(token, engine.knowledge(), &memory, &err)) {
    if (err.empty()) __builtin_trap();
    return 0;
  }
  if (backtalk::EncodeStateToken(memory, engine.knowledge()) != token && !token.empty())
    __builtin_trap();
  backtalk::testing::FakeClock clock;
  backtalk::testing::FakeScreen screen(&clock);
  backtalk::Player player(&clock, &screen, backtalk::Player::Mode::kStepwise);
  backtalk::Session session(&engine, &player, &screen);
  session.Restore(memory);
  for (const char* line : {"how long left?", "next", "r", "2"}) session.Handle(line);
  return 0;
}
