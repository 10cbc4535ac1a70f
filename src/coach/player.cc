#include "coach/player.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>

namespace backtalk {

namespace {

int Reps(const Step& step) { return std::max(1, step.repeat); }

int MaxHoldSeconds(const Step& step) {
  return std::max(step.hold_seconds_max, step.CountdownSeconds());
}

// The sum of `seconds(step)` over each repeat of the steps of `sequence` from `from` on.
template <typename Seconds>
int SumOverSteps(const Sequence& sequence, size_t from, Seconds seconds) {
  int total = 0;
  for (size_t i = from; i < sequence.steps.size(); ++i)
    total += seconds(sequence.steps[i]) * Reps(sequence.steps[i]);
  return total;
}

}  // namespace

int SequenceRun::RemainingMinSeconds() const {
  return SumOverSteps(*sequence, step, [](const Step& s) { return s.CountdownSeconds(); });
}

int SequenceRun::RemainingMaxSeconds() const {
  return SumOverSteps(*sequence, step, MaxHoldSeconds);
}

std::string HoldText(const Step& step) {
  // Appending, rather than chaining operator+, also avoids a false -Wrestrict in GCC 12.
  std::string text;
  if (step.hold_breaths > 0) {
    text.append("hold ").append(std::to_string(step.hold_breaths));
    text.append(step.hold_breaths == 1 ? " breath" : " breaths");
    return text;
  }
  if (step.hold_seconds <= 0) return text;
  text.append("hold ").append(std::to_string(step.hold_seconds));
  if (step.hold_seconds_max > step.hold_seconds)
    text.append("-").append(std::to_string(step.hold_seconds_max));
  return text.append(" s");
}

std::string StepText(const Sequence& sequence, size_t index) {
  assert(index < sequence.steps.size());
  const Step& step = sequence.steps[index];
  std::string text =
      "Step " + std::to_string(index + 1) + "/" + std::to_string(sequence.steps.size());
  if (!step.side.empty()) text += " (" + step.side + " side)";
  text += ": " + step.text + "\n";
  std::string details = HoldText(step);
  if (step.repeat > 1)
    details += (details.empty() ? "" : ", ") + std::to_string(step.repeat) + " times";
  if (!step.breath.empty()) details += (details.empty() ? "" : ". ") + step.breath;
  if (!details.empty()) text += "  " + details + "\n";
  return text;
}

int EstimateSeconds(const Sequence& sequence, size_t from_step) {
  return SumOverSteps(sequence, from_step, [](const Step& s) { return MaxHoldSeconds(s) + 5; });
}

std::string AboutDuration(int seconds) {
  if (seconds < 45) return "under a minute";
  if (seconds < 90) return "about a minute";
  return "about " + std::to_string((seconds + 30) / 60) + " minutes";
}

std::string ClockDuration(int seconds) {
  if (seconds < 60) return std::to_string(seconds) + " s";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%d min %02d s", seconds / 60, seconds % 60);
  return buffer;
}

std::string ProgressBar(int64_t done, int64_t total, int width) {
  int filled =
      total <= 0 ? width : static_cast<int>(std::min<int64_t>(done, total) * width / total);
  std::string bar = "▕";
  for (int i = 0; i < width; ++i) bar += i < filled ? "█" : "░";
  return bar + "▏";
}

std::string CountdownLine(const Step& step, int64_t elapsed, int64_t total, int rep, int reps) {
  int64_t left_micros = std::max<int64_t>(0, total - elapsed);
  int left = static_cast<int>((left_micros + 999999) / 1000000);  // 0.2 s left still shows 1
  std::string line = "  " + ProgressBar(elapsed, total, Player::kBarWidth) + " ";
  line += left == 0 ? "done" : std::to_string(left) + " s";
  if (reps > 1) line += "  (" + std::to_string(rep) + " of " + std::to_string(reps) + ")";
  if (left > 0 && step.hold_breaths > 0) {
    int64_t per_breath = int64_t{Step::kSecondsPerBreath} * 1000000;
    int64_t breath = std::min<int64_t>(elapsed / per_breath + 1, step.hold_breaths);
    // Each breath: in for the first half, out for the second.
    bool in = (elapsed % per_breath) < per_breath / 2;
    line += "  breath " + std::to_string(breath) + " of " + std::to_string(step.hold_breaths) +
            (in ? ": in..." : ": out...");
  }
  return line;
}

Player::Player(Clock* clock, Screen* screen, Mode mode)
    : clock_(clock), screen_(screen), mode_(mode) {
  assert(clock != nullptr && screen != nullptr);
}

StepOutcome Player::Play(const SequenceRun& run) {
  assert(run.sequence != nullptr && !run.finished());
  const Sequence& sequence = *run.sequence;
  const Step& step = sequence.steps[run.step];
  std::string text = StepText(sequence, run.step);
  if (mode_ == Mode::kStepwise) {
    screen_->Print("\n" + text);
    return StepOutcome::kWait;
  }
  if (mode_ == Mode::kGuided) {
    size_t colon = text.find(':');
    text = Style{screen_->color()}.Bold(text.substr(0, colon)) + text.substr(colon);
  }
  screen_->Print(text);
  int seconds = step.CountdownSeconds();
  if (mode_ == Mode::kPrinted) return StepOutcome::kNext;
  if (seconds > 0) {
    if (mode_ == Mode::kGuided)
      screen_->Print(
          Style{screen_->color()}.Dim("  (Enter: next step, s: skip, r: repeat, q: stop)") + "\n");
    for (int rep = 1; rep <= Reps(step); ++rep) {
      StepOutcome outcome = Countdown(step, seconds, rep, Reps(step));
      if (outcome == StepOutcome::kPause) break;
      if (outcome != StepOutcome::kWait) return outcome;
    }
    if (mode_ == Mode::kGuided && step.hold_seconds_max > step.hold_seconds)
      screen_->Print("  Stay up to " + std::to_string(step.hold_seconds_max - step.hold_seconds) +
                     " s longer if it feels good.\n");
  }
  if (mode_ == Mode::kRealtime) return StepOutcome::kNext;
  bool last = run.step + 1 == sequence.steps.size();
  screen_->Print(Style{screen_->color()}.Dim(
                     last ? "Press Enter to finish (r: repeat, q: stop), or ask a question."
                          : "Press Enter for the next step (s: skip, r: repeat, q: "
                            "stop), or ask a question.") +
                 "\n");
  return StepOutcome::kWait;
}

StepOutcome Player::Countdown(const Step& step, int seconds, int rep, int reps) {
  const int64_t total = int64_t{seconds} * 1000000;
  int64_t start = clock_->NowMicros();
  std::string shown;
  while (true) {
    switch (screen_->PollKey()) {
      case Key::kNone:
        break;
      case Key::kNext:
        screen_->EndRedraw();
        return StepOutcome::kNext;
      case Key::kSkip:
        screen_->EndRedraw();
        return StepOutcome::kSkip;
      case Key::kRepeat:
        screen_->EndRedraw();
        return StepOutcome::kRepeat;
      case Key::kStop:
        screen_->EndRedraw();
        return StepOutcome::kStop;
      case Key::kInterrupt:
        screen_->EndRedraw();
        return StepOutcome::kInterrupt;
      case Key::kPause:
        screen_->EndRedraw();
        return StepOutcome::kPause;
    }
    int64_t elapsed = clock_->NowMicros() - start;
    std::string line = CountdownLine(step, elapsed, total, rep, reps);
    if (line != shown) {
      screen_->Redraw(line);
      shown = line;
    }
    if (elapsed >= total) break;
    clock_->SleepMicros(std::min(kTickMicros, total - elapsed));
  }
  screen_->EndRedraw();
  return StepOutcome::kWait;
}

}  // namespace backtalk
