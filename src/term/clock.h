// Time for the sequence player, behind an interface so that tests run a 30-second hold in
// microseconds with a fake clock, and the terminal uses the real one.
#ifndef BACKTALK_TERM_CLOCK_H_
#define BACKTALK_TERM_CLOCK_H_

#include <cstdint>

namespace backtalk {

class Clock {
 public:
  virtual ~Clock() = default;
  // Microseconds since an arbitrary fixed point; never goes backwards.
  virtual int64_t NowMicros() = 0;
  // Waits about `micros`; may return early when a signal (Ctrl-C) arrives, so callers that
  // must wait the whole time check NowMicros.
  virtual void SleepMicros(int64_t micros) = 0;
};

// The monotonic system clock.
class SystemClock : public Clock {
 public:
  int64_t NowMicros() override;
  void SleepMicros(int64_t micros) override;
};

}  // namespace backtalk

#endif  // BACKTALK_TERM_CLOCK_H_
