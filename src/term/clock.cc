#include "term/clock.h"

#include <time.h>

#include <chrono>

namespace backtalk {

int64_t SystemClock::NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void SystemClock::SleepMicros(int64_t micros) {
  if (micros <= 0) return;
  // nanosleep rather than std::this_thread::sleep_for: the latter resumes after a signal,
  // and Ctrl-C should stop a countdown at once.
  timespec t{static_cast<time_t>(micros / 1000000), static_cast<long>(micros % 1000000) * 1000};
  nanosleep(&t, nullptr);
}

}  // namespace backtalk
