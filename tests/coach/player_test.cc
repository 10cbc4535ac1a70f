// The sequence player with a fake clock and screen: holds counted down in microseconds, keys
// pressed at chosen moments of a hold, and the printed form used in pipes.
#include "coach/player.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "term/fakes.h"

namespace backtalk::testing {
namespace {

constexpr int64_t kSecond = 1000000;

Step Hold(int seconds, int max = 0) {
  Step s;
  s.text = "Hold it.";
  s.hold_seconds = seconds;
  s.hold_seconds_max = max > 0 ? max : seconds;
  return s;
}

Sequence OneStep(Step step) {
  Sequence s;
  s.id = "test";
  s.name = "the test";
  s.steps.push_back(std::move(step));
  return s;
}

class PlayerTest : public ::testing::Test {
 protected:
  StepOutcome Play(const Sequence& sequence, Player::Mode mode, size_t step = 0) {
    Player player(&clock_, &screen_, mode);
    SequenceRun run{.sequence = &sequence, .step = step};
    return player.Play(run);
  }
  FakeClock clock_;
  FakeScreen screen_{&clock_};
};

TEST(HoldTextTest, SecondsRangesAndBreaths) {
  EXPECT_EQ(HoldText(Hold(5)), "hold 5 s");
  EXPECT_EQ(HoldText(Hold(15, 30)), "hold 15-30 s");
  Step breaths;
  breaths.hold_breaths = 2;
  EXPECT_EQ(HoldText(breaths), "hold 2 breaths");
  breaths.hold_breaths = 1;
  EXPECT_EQ(HoldText(breaths), "hold 1 breath");
  EXPECT_EQ(HoldText(Step{}), "");
}

TEST(StepTextTest, HeaderSideHoldRepeatsAndBreath) {
  Sequence s = OneStep(Hold(5));
  s.steps.push_back(Hold(15, 30));
  s.steps[1].side = "left";
  s.steps[1].breath = "Breathe out as you twist.";
  s.steps[1].repeat = 2;
  EXPECT_EQ(StepText(s, 0), "Step 1/2: Hold it.\n  hold 5 s\n");
  EXPECT_EQ(StepText(s, 1),
            "Step 2/2 (left side): Hold it.\n  hold 15-30 s, 2 times. Breathe out as you twist.\n");
  s.steps[0].hold_seconds = 0;
  EXPECT_EQ(StepText(s, 0), "Step 1/2: Hold it.\n");
}

TEST(DurationTest, AboutAndClock) {
  EXPECT_EQ(AboutDuration(20), "under a minute");
  EXPECT_EQ(AboutDuration(60), "about a minute");
  EXPECT_EQ(AboutDuration(130), "about 2 minutes");
  EXPECT_EQ(ClockDuration(40), "40 s");
  EXPECT_EQ(ClockDuration(65), "1 min 05 s");
}

TEST(EstimateTest, CountsTheLongestHoldsRepeatsAndAFewSecondsAStep) {
  Sequence s = OneStep(Hold(15, 30));
  Step reps = Hold(5);
  reps.repeat = 3;
  s.steps.push_back(reps);
  s.steps.push_back(Step{});
  EXPECT_EQ(EstimateSeconds(s), (30 + 5) + (5 + 5) * 3 + 5);
}

TEST(ProgressBarTest, FillsInProportion) {
  EXPECT_EQ(ProgressBar(0, 10, 4), "▕░░░░▏");
  EXPECT_EQ(ProgressBar(5, 10, 4), "▕██░░▏");
  EXPECT_EQ(ProgressBar(12, 10, 4), "▕████▏");
}

TEST_F(PlayerTest, PrintedModeShowsTheHoldAndNeverSleeps) {
  Sequence s = OneStep(Hold(30));
  EXPECT_EQ(Play(s, Player::Mode::kPrinted), StepOutcome::kNext);
  EXPECT_EQ(screen_.text(), "Step 1/1: Hold it.\n  hold 30 s\n");
  EXPECT_EQ(clock_.slept(), 0);
  EXPECT_TRUE(screen_.redraws().empty());
}

TEST_F(PlayerTest, StepwiseModeShowsTheStepAndWaitsWithoutCountingDown) {
  Sequence s = OneStep(Hold(15, 30));
  EXPECT_EQ(Play(s, Player::Mode::kStepwise), StepOutcome::kWait);
  EXPECT_EQ(screen_.text(), "\nStep 1/1: Hold it.\n  hold 15-30 s\n");
  EXPECT_EQ(clock_.slept(), 0);
  EXPECT_TRUE(screen_.redraws().empty());
}

TEST_F(PlayerTest, GuidedThirtySecondHoldCountsDownEverySecondThenWaits) {
  Sequence s = OneStep(Hold(30));
  EXPECT_EQ(Play(s, Player::Mode::kGuided), StepOutcome::kWait);
  EXPECT_EQ(clock_.slept(), 30 * kSecond);
  const std::vector<std::string>& lines = screen_.redraws();
  // Every second is shown once, in order (the bar also moves between them).
  std::vector<std::string> seconds;
  for (const std::string& l : lines) {
    std::string tail = l.substr(l.find("▏ ") + std::string("▏ ").size());
    if (seconds.empty() || seconds.back() != tail) seconds.push_back(tail);
  }
  ASSERT_EQ(seconds.size(), 31u);
  EXPECT_EQ(seconds.front(), "30 s");
  EXPECT_EQ(seconds[15], "15 s");
  EXPECT_EQ(seconds[29], "1 s");
  EXPECT_EQ(lines.front(), "  ▕░░░░░░░░░░░░░░░░░░░░▏ 30 s");
  EXPECT_NE(std::find(lines.begin(), lines.end(), "  ▕██████████░░░░░░░░░░▏ 15 s"), lines.end());
  EXPECT_EQ(lines.back(), "  ▕████████████████████▏ done");
  EXPECT_NE(screen_.text().find("Press Enter to finish"), std::string::npos) << screen_.text();
}

TEST_F(PlayerTest, EnterDuringAHoldGoesOnAtOnce) {
  Sequence s = OneStep(Hold(30));
  screen_.PressAt(clock_.NowMicros() + 10 * kSecond, Key::kNext);
  EXPECT_EQ(Play(s, Player::Mode::kGuided), StepOutcome::kNext);
  EXPECT_EQ(clock_.slept(), 10 * kSecond);
  EXPECT_EQ(screen_.text().find("Press Enter"), std::string::npos);
}

TEST_F(PlayerTest, KeysDuringAHoldSkipRepeatStopAndInterrupt) {
  Sequence s = OneStep(Hold(30));
  for (auto [key, outcome] : {std::pair{Key::kSkip, StepOutcome::kSkip},
                              {Key::kRepeat, StepOutcome::kRepeat},
                              {Key::kStop, StepOutcome::kStop},
                              {Key::kInterrupt, StepOutcome::kInterrupt}}) {
    screen_.PressAt(clock_.NowMicros() + 3 * kSecond, key);
    EXPECT_EQ(Play(s, Player::Mode::kGuided), outcome);
  }
  EXPECT_EQ(clock_.slept(), 4 * 3 * kSecond);
}

TEST_F(PlayerTest, AnyOtherKeyEndsTheHoldAndWaits) {
  Sequence s = OneStep(Hold(30));
  screen_.PressAt(clock_.NowMicros() + 2 * kSecond, Key::kPause);
  EXPECT_EQ(Play(s, Player::Mode::kGuided), StepOutcome::kWait);
  EXPECT_EQ(clock_.slept(), 2 * kSecond);
  EXPECT_NE(screen_.text().find("Press Enter to finish"), std::string::npos) << screen_.text();
}

TEST_F(PlayerTest, BreathHoldShowsEachBreath) {
  Step step;
  step.text = "Press lightly.";
  step.hold_breaths = 2;
  Sequence s = OneStep(step);
  EXPECT_EQ(Play(s, Player::Mode::kGuided), StepOutcome::kWait);
  EXPECT_EQ(clock_.slept(), 2 * Step::kSecondsPerBreath * kSecond);
  const std::vector<std::string>& lines = screen_.redraws();
  EXPECT_EQ(lines.front(), "  ▕░░░░░░░░░░░░░░░░░░░░▏ 10 s  breath 1 of 2: in...");
  bool out = false, second = false;
  for (const std::string& l : lines) {
    out |= l.find("breath 1 of 2: out...") != std::string::npos;
    second |= l.find("breath 2 of 2: in...") != std::string::npos;
  }
  EXPECT_TRUE(out);
  EXPECT_TRUE(second);
}

TEST_F(PlayerTest, RepeatedHoldsCountEachRepetition) {
  Step step = Hold(5);
  step.repeat = 5;
  Sequence s = OneStep(step);
  EXPECT_EQ(Play(s, Player::Mode::kGuided), StepOutcome::kWait);
  EXPECT_EQ(clock_.slept(), 25 * kSecond);
  EXPECT_EQ(screen_.redraws().back(), "  ▕████████████████████▏ done  (5 of 5)");
}

TEST_F(PlayerTest, RangeHoldCountsTheShortestAndOffersTheRest) {
  Sequence s = OneStep(Hold(15, 30));
  EXPECT_EQ(Play(s, Player::Mode::kGuided), StepOutcome::kWait);
  EXPECT_EQ(clock_.slept(), 15 * kSecond);
  EXPECT_NE(screen_.text().find("Stay up to 15 s longer if it feels good."), std::string::npos);
}

TEST_F(PlayerTest, RealtimeWaitsThroughTheHoldAndGoesOn) {
  Sequence s = OneStep(Hold(5));
  EXPECT_EQ(Play(s, Player::Mode::kRealtime), StepOutcome::kNext);
  EXPECT_EQ(clock_.slept(), 5 * kSecond);
  EXPECT_EQ(screen_.text().find("Press Enter"), std::string::npos);
}

TEST_F(PlayerTest, StepWithoutHoldWaitsWithoutSleeping) {
  Step step;
  step.text = "Sit tall.";
  Sequence s = OneStep(step);
  s.steps.push_back(step);
  EXPECT_EQ(Play(s, Player::Mode::kGuided), StepOutcome::kWait);
  EXPECT_EQ(clock_.slept(), 0);
  EXPECT_NE(screen_.text().find("Press Enter for the next step"), std::string::npos);
}

TEST(RunTest, RemainingHoldsFromTheCurrentStep) {
  Sequence s = OneStep(Hold(5));
  s.steps.push_back(Hold(15, 30));
  Step reps = Hold(5);
  reps.repeat = 3;
  s.steps.push_back(reps);
  SequenceRun run{.sequence = &s};
  EXPECT_EQ(run.RemainingMinSeconds(), 5 + 15 + 15);
  EXPECT_EQ(run.RemainingMaxSeconds(), 5 + 30 + 15);
  run.step = 2;
  EXPECT_EQ(run.RemainingMinSeconds(), 15);
  run.step = 3;
  EXPECT_TRUE(run.finished());
  EXPECT_EQ(run.RemainingMaxSeconds(), 0);
}

}  // namespace
}  // namespace backtalk::testing
