#include "import/steps.h"

#include <gtest/gtest.h>

namespace backtalk {
namespace {

Step Hold(const std::string& text) {
  Step step;
  EXPECT_TRUE(ParseHold(text, &step)) << text;
  return step;
}

TEST(StepsTest, HoldsInSecondsBreathsRangesAndMinutes) {
  EXPECT_EQ(Hold("Hold for 5 seconds").hold_seconds, 5);
  EXPECT_EQ(Hold("Hold for 5 seconds").hold_seconds_max, 5);
  EXPECT_EQ(Hold("Hold for 2 breaths and release.").hold_breaths, 2);
  EXPECT_EQ(Hold("hold it for two breaths").hold_breaths, 2);
  Step range = Hold("Hold stretches long enough (15 to 30 seconds) to lengthen muscles.");
  EXPECT_EQ(range.hold_seconds, 15);
  EXPECT_EQ(range.hold_seconds_max, 30);
  Step minutes = Hold("let it drain for 10 to 15 minutes");
  EXPECT_EQ(minutes.hold_seconds, 600);
  EXPECT_EQ(minutes.hold_seconds_max, 900);
  EXPECT_EQ(Hold("wait 1 minute").hold_seconds, 60);
  Step none;
  EXPECT_FALSE(ParseHold("Sit up tall.", &none));
  EXPECT_FALSE(ParseHold("a few seconds", &none));
  EXPECT_FALSE(ParseHold("for 9000 seconds", &none));  // over an hour is no hold
  EXPECT_EQ(none.CountdownSeconds(), 0);
}

TEST(StepsTest, InstructionsStartWithAVerb) {
  EXPECT_TRUE(IsInstruction("Raise your upper body onto your elbows."));
  EXPECT_TRUE(IsInstruction("Gently twist your heart to the right."));
  EXPECT_TRUE(IsInstruction("Then slowly return to the floor."));
  EXPECT_TRUE(IsInstruction("Water the plant the day before."));
  EXPECT_FALSE(IsInstruction("You should feel a comfortable stretch in your mid back."));
  EXPECT_FALSE(IsInstruction("Holding a resistance band, lift your arms."));
  EXPECT_FALSE(IsInstruction("Postures that involve a lot of sitting can cause it."));
  EXPECT_FALSE(IsInstruction(""));
}

TEST(StepsTest, SentencesSplitAfterStopsButNotInsideBrackets) {
  EXPECT_EQ(SplitSentences("Sit. Hold it (about 5 s. or so). Then rest"),
            (std::vector<std::string>{"Sit.", "Hold it (about 5 s. or so).", "Then rest"}));
  EXPECT_EQ(SplitSentences("Use 2.5 kg weights. e.g. dumbbells."),
            (std::vector<std::string>{"Use 2.5 kg weights. e.g. dumbbells."}));
}

FaqEntry Entry(std::vector<std::string> blocks) {
  FaqEntry e;
  e.question = "How?";
  e.blocks = std::move(blocks);
  e.bullet.assign(e.blocks.size(), false);
  return e;
}

TEST(StepsTest, TheElbowPropHoldsFiveSeconds) {
  Sequence seq;
  ASSERT_TRUE(DraftSequence(
      Entry({"Raise your upper body onto your elbows while keeping both forearms and hips relaxed "
             "on the ground. Breathe out and allow your chest to sink toward the ground. You "
             "should feel a comfortable stretch in your mid back. Hold for 5 seconds, then slowly "
             "return to the floor."}),
      "elbow-prop", &seq));
  EXPECT_EQ(seq.id, "elbow-prop");
  ASSERT_EQ(seq.steps.size(), 3u);
  EXPECT_EQ(seq.steps[0].CountdownSeconds(), 0);
  EXPECT_EQ(seq.steps[1].text,
            "Breathe out and allow your chest to sink toward the ground. You should feel a "
            "comfortable stretch in your mid back.");
  EXPECT_EQ(seq.steps[1].hold_seconds, 5);
  EXPECT_EQ(seq.steps[1].breath, "Breathe out.");
  EXPECT_EQ(seq.steps[2].text, "Slowly return to the floor.");
}

TEST(StepsTest, TheChestLiftHoldsTwoBreaths) {
  Sequence seq;
  ASSERT_TRUE(DraftSequence(
      Entry({"Lie on your stomach, body long, chin on the mat or face down. Place your hands "
             "underneath your shoulders.",
             "Inhale and curl your chest off the ground, engaging your back muscles.",
             "Press lightly into your hands to deepen the stretch.",
             "Hold for 2 breaths and release."}),
      "chest-lift", &seq));
  ASSERT_EQ(seq.steps.size(), 5u);
  EXPECT_EQ(seq.steps[2].breath, "Breathe in.");
  EXPECT_EQ(seq.steps[3].text, "Press lightly into your hands to deepen the stretch.");
  EXPECT_EQ(seq.steps[3].hold_breaths, 2);
  EXPECT_EQ(seq.steps[4].text, "Release.");
}

TEST(StepsTest, RepeatsAndAHoldWithNothingBeforeIt) {
  Sequence seq;
  ASSERT_TRUE(DraftSequence(Entry({"Hold for 10 seconds. Roll your shoulders back. Repeat 5 "
                                   "times. Shake out your arms."}),
                            "rolls", &seq));
  ASSERT_EQ(seq.steps.size(), 3u);
  EXPECT_EQ(seq.steps[0].text, "Hold for 10 seconds.");
  EXPECT_EQ(seq.steps[0].hold_seconds, 10);
  EXPECT_EQ(seq.steps[1].repeat, 5);
  EXPECT_EQ(seq.steps[2].text, "Shake out your arms.");
}

TEST(StepsTest, AnswersThatDoNotReadAsStepsHaveNoSequence) {
  Sequence seq;
  EXPECT_FALSE(DraftSequence(Entry({"Child’s Pose", "Cat-Cow", "Shoulder Roll"}), "x", &seq));
  EXPECT_FALSE(DraftSequence(
      Entry({"Postures that involve a lot of sitting can tighten the back. A person should focus "
             "on sitting upright."}),
      "x", &seq));
  // One instruction among descriptions is advice, not a sequence.
  EXPECT_FALSE(DraftSequence(Entry({"Most plants want water weekly. Check the soil. Too much "
                                    "water kills more plants than too little."}),
                             "x", &seq));
  EXPECT_TRUE(seq.steps.empty());
}

}  // namespace
}  // namespace backtalk
