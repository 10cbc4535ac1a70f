// Fuzz target: arbitrary sequences of lines through a conversation (Session) with the built-in
// knowledge, a fake clock and a fake screen, so holds take no time. The first byte picks the
// mode (guided, printed, JSON); each following line is said, except that a line starting with
// \x01 presses a key during the next holds and a line starting with \x02 is Ctrl-C. No input
// may crash, hang or leave the session in a state it cannot prompt from.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dialog/session.h"
#include "engine/engine.h"
#include "fuzz/builtin_engine.h"
#include "term/fakes.h"

namespace {

constexpr backtalk::Key kKeys[] = {
    backtalk::Key::kNone, backtalk::Key::kNext,      backtalk::Key::kSkip,  backtalk::Key::kRepeat,
    backtalk::Key::kStop, backtalk::Key::kInterrupt, backtalk::Key::kPause,
};
constexpr int kMaxLines = 64;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using backtalk::Player;
  const Player::Mode modes[] = {Player::Mode::kGuided, Player::Mode::kPrinted,
                                Player::Mode::kPrinted};
  Player::Mode mode = modes[data[0] % 3];
  bool json = data[0] % 3 == 2;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);

  backtalk::testing::FakeClock clock;
  backtalk::testing::FakeScreen screen(&clock);
  Player player(&clock, &screen, mode);
  backtalk::Session session(&backtalk::fuzz::BuiltinEngine(), &player, &screen, json);
  (void)session.Welcome();
  for (int lines = 0; lines < kMaxLines && !rest.empty(); ++lines) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (!line.empty() && line[0] == '\x01') {
      uint8_t b = line.size() > 1 ? static_cast<uint8_t>(line[1]) : 0;
      screen.PressAt(clock.NowMicros() + int64_t{b} * 1000000 / 8, kKeys[b % 7]);
      continue;
    }
    if (!line.empty() && line[0] == '\x02') {
      session.Interrupt();
      continue;
    }
    if (!session.Handle(line)) break;
    if (session.Prompt().empty()) __builtin_trap();
    (void)screen.Take();
  }
  session.End();
  return 0;
}
