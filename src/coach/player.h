// The sequence player: shows one step of a stretch sequence and, for a hold, counts it down.
//
// A SequenceRun is the state of one sequence being done (the current step, what was done and
// skipped); the conversation owns it and decides what comes next, the Player shows a step and
// reports what the person did during its hold. Three modes: guided (a person at a terminal: a live
// countdown, single keys), realtime (a pipe that asked to wait through holds) and printed (a
// pipe: each step with its hold, nothing waits). Time and the screen are injected, so a
// 30-second hold is a unit test of microseconds.
#ifndef BACKTALK_COACH_PLAYER_H_
#define BACKTALK_COACH_PLAYER_H_

#include <cstdint>
#include <string>

#include "knowledge/knowledge.h"
#include "term/clock.h"
#include "term/screen.h"

namespace backtalk {

struct SequenceRun {
  const Sequence* sequence = nullptr;
  size_t step = 0;  // the current step; == steps.size() once finished
  int done = 0;
  int skipped = 0;
  int64_t started_micros = 0;

  bool finished() const { return step >= sequence->steps.size(); }
  // Seconds of holds left, the current step included: the shortest and the longest (holds of
  // 15 to 30 seconds make a range).
  int RemainingMinSeconds() const;
  int RemainingMaxSeconds() const;
};

// What happened to a step.
enum class StepOutcome {
  kWait,       // shown (and its hold counted down): waiting for the person to go on
  kNext,       // go on to the next step
  kSkip,       // skipped
  kRepeat,     // start this step again
  kStop,       // q during a hold
  kInterrupt,  // Ctrl-C during a hold
  kPause,      // another key during a hold (only from Countdown; Play then waits)
};

class Player {
 public:
  // kStepwise: the countdown is someone else's (the web page counts holds down itself), so a
  // step is shown, set apart by a blank line, and waits at once: a server never sleeps.
  enum class Mode { kGuided, kRealtime, kPrinted, kStepwise };

  // How often a countdown looks for keys and redraws.
  static constexpr int64_t kTickMicros = 100 * 1000;
  static constexpr int kBarWidth = 20;

  // REQUIRES: `clock` and `screen` are not null and outlive the player.
  Player(Clock* clock, Screen* screen, Mode mode);

  Mode mode() const { return mode_; }
  int64_t NowMicros() { return clock_->NowMicros(); }

  // Shows the current step of `run` and counts its hold down (guided and realtime). Printed
  // and realtime steps go straight on (kNext); guided ones wait for the person (kWait) unless
  // a key during the hold said otherwise.
  // REQUIRES: run.sequence is set and the run is not finished.
  StepOutcome Play(const SequenceRun& run);

 private:
  // Counts `seconds` down on the live line; kWait when the time is up.
  StepOutcome Countdown(const Step& step, int seconds, int rep, int reps);

  Clock* clock_;
  Screen* screen_;
  Mode mode_;
};

// "hold 5 s", "hold 15-30 s", "hold 2 breaths"; empty without a hold.
std::string HoldText(const Step& step);
// "Step 3/6 (right side): Place your right hand...", then a line with the hold, the repeats
// and the breath cue when there are any.
// REQUIRES: index < sequence.steps.size().
std::string StepText(const Sequence& sequence, size_t index);
// Seconds a sequence takes when every hold runs to its longest (30 of "15 to 30 seconds"),
// plus a few seconds a step: what an offer promises should not be too short. From
// `from_step` on, for what is left of a sequence under way.
int EstimateSeconds(const Sequence& sequence, size_t from_step = 0);
// "about 2 minutes", "about a minute", "under a minute".
std::string AboutDuration(int seconds);
// "1 min 05 s", "40 s".
std::string ClockDuration(int seconds);
// "▕██████░░░░▏": `done` of `total` filled.
std::string ProgressBar(int64_t done, int64_t total, int width);
// The live countdown line: bar, seconds left, the breath being held or the repeat.
std::string CountdownLine(const Step& step, int64_t elapsed_micros, int64_t total_micros, int rep,
                          int reps);

}  // namespace backtalk

#endif  // BACKTALK_COACH_PLAYER_H_
