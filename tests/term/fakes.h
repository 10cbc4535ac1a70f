// A clock that only moves when slept on, and a screen that records what is shown and hands
// out keys at set times: the sequence player and the conversation run against them, so a
// 30-second hold takes microseconds and every line shown can be asserted.
#ifndef BACKTALK_TESTS_TERM_FAKES_H_
#define BACKTALK_TESTS_TERM_FAKES_H_

#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "term/clock.h"
#include "term/screen.h"

namespace backtalk::testing {

class FakeClock : public Clock {
 public:
  int64_t NowMicros() override { return now_; }
  void SleepMicros(int64_t micros) override {
    if (micros > 0) now_ += micros;
    slept_ += micros;
  }
  int64_t slept() const { return slept_; }

 private:
  int64_t now_ = 1000000;
  int64_t slept_ = 0;
};

class FakeScreen : public Screen {
 public:
  explicit FakeScreen(Clock* clock) : clock_(clock) {}

  void Print(std::string_view text) override { text_ += text; }
  void Redraw(std::string_view line) override {
    live_ = std::string(line);
    redraws_.push_back(live_);
  }
  void EndRedraw() override {
    if (!live_.empty()) text_ += live_ + "\n";
    live_.clear();
  }
  Key PollKey() override {
    if (keys_.empty() || clock_->NowMicros() < keys_.front().first) return Key::kNone;
    Key k = keys_.front().second;
    keys_.pop_front();
    return k;
  }
  bool color() const override { return false; }

  // `key` is pressed once the clock reaches `at_micros` (the first poll from then on sees it).
  void PressAt(int64_t at_micros, Key key) { keys_.emplace_back(at_micros, key); }
  // What was printed, live lines included where they ended; then forgets it.
  std::string Take() {
    std::string t = std::move(text_);
    text_.clear();
    return t;
  }
  const std::string& text() const { return text_; }
  const std::vector<std::string>& redraws() const { return redraws_; }

 private:
  Clock* clock_;
  std::string text_;
  std::string live_;
  std::vector<std::string> redraws_;
  std::deque<std::pair<int64_t, Key>> keys_;
};

}  // namespace backtalk::testing

#endif  // BACKTALK_TESTS_TERM_FAKES_H_
