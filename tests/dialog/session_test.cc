// Whole conversations through a Session with the built-in knowledge, a fake clock and a fake
// screen: offers, yes and no, lapses, guided steps with skip, repeat and stop, questions in the
// middle of a sequence, words of pain, warning signs, numbered suggestions, and JSON lines.
#include "dialog/session.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/builtin.h"
#include "term/fakes.h"

namespace backtalk::testing {
namespace {

constexpr int64_t kSecond = 1000000;

const Engine& BuiltIn() { return BuiltinEngine(); }

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class SessionTest : public ::testing::Test {
 protected:
  void Start(Player::Mode mode, bool json = false) {
    player_ = std::make_unique<Player>(&clock_, &screen_, mode);
    session_ = std::make_unique<Session>(&BuiltIn(), player_.get(), &screen_, json);
  }
  // Handles `line` and returns what it printed, without the blank line between turns.
  std::string Say(const std::string& line) {
    screen_.Take();
    EXPECT_TRUE(session_->Handle(line)) << line;
    std::string out = screen_.Take();
    return out.rfind('\n', 0) == 0 ? out.substr(1) : out;
  }
  size_t Step() const { return session_->run()->step; }

  FakeClock clock_;
  FakeScreen screen_{&clock_};
  std::unique_ptr<Player> player_;
  std::unique_ptr<Session> session_;
};

TEST_F(SessionTest, AnswerThenOfferTheFittingSequence) {
  Start(Player::Mode::kPrinted);
  std::string out = Say("why is my mid back tight?");
  EXPECT_TRUE(Has(out, "Postures that involve a lot of sitting")) << out;
  EXPECT_TRUE(Has(out, "\nWant to try the posture reset (5 steps, about 2 minutes)? [y/n]\n"))
      << out;
  EXPECT_EQ(session_->state(), Session::State::kOffered);
  EXPECT_EQ(session_->Prompt(), "[y/n]> ");
}

TEST_F(SessionTest, EveryIntentWithStretchesOffersItsSequence) {
  Start(Player::Mode::kPrinted);
  for (const auto& [question, name] : std::vector<std::pair<std::string, std::string>>{
           {"how do I stretch my upper middle back", "the prone elbow prop"},
           {"how do I relax my mid-back muscles", "the seated twist"},
           {"how do you stretch your middle back", "the prone chest lift"},
           {"best exercises for upper back", "the upper back routine"},
           {"how do you release back tension", "the gentle release"},
           {"why does the middle and top of my back hurt", "the posture reset"}}) {
    EXPECT_TRUE(Has(Say(question), "Want to try " + name + " (")) << question;
  }
}

TEST_F(SessionTest, StrengthExercisesOfferNothing) {
  Start(Player::Mode::kPrinted);
  for (const char* q : {"best exercises for mid back", "best exercises for middle back pain"}) {
    std::string out = Say(q);
    EXPECT_TRUE(Has(out, "What are the best exercises for")) << out;
    EXPECT_FALSE(Has(out, "Want to try")) << out;
    EXPECT_EQ(session_->state(), Session::State::kIdle);
  }
}

TEST_F(SessionTest, YesInAPipePrintsEveryStepWithItsHoldWithoutSleeping) {
  Start(Player::Mode::kPrinted);
  Say("why is my mid back tight?");
  std::string out = Say("yes");
  EXPECT_TRUE(Has(out, "The posture reset (5 steps, about 2 minutes).")) << out;
  for (int i = 1; i <= 5; ++i) EXPECT_TRUE(Has(out, "Step " + std::to_string(i) + "/5")) << out;
  EXPECT_TRUE(Has(out, "Step 3/5 (right side): Place your right hand behind you")) << out;
  EXPECT_TRUE(Has(out, "  hold 15-30 s. Breathe out as you twist.\n")) << out;
  EXPECT_TRUE(Has(out, "That's all of the posture reset: 5 steps")) << out;
  EXPECT_EQ(clock_.slept(), 0);
  EXPECT_EQ(session_->state(), Session::State::kIdle);
}

TEST_F(SessionTest, ManyWaysOfSayingYes) {
  Start(Player::Mode::kPrinted);
  for (const char* yes : {"y", "Yes!", "sure", "ok", "Let's go", "yeah"}) {
    Say("how do I relax my mid-back muscles?");
    EXPECT_TRUE(Has(Say(yes), "Step 6/6")) << yes;
  }
}

TEST_F(SessionTest, NoDeclines) {
  Start(Player::Mode::kPrinted);
  Say("how do I relax my mid-back muscles?");
  for (const char* no : {"no", "n", "No thanks."}) {
    if (session_->state() != Session::State::kOffered) Say("how do I relax my mid-back muscles?");
    std::string out = Say(no);
    EXPECT_TRUE(Has(out, "OK. Ask me anything else")) << out;
    EXPECT_FALSE(Has(out, "Step 1")) << out;
    EXPECT_EQ(session_->state(), Session::State::kIdle);
  }
}

TEST_F(SessionTest, AnotherQuestionLetsTheOfferLapse) {
  Start(Player::Mode::kPrinted);
  Say("how do I relax my mid-back muscles?");
  std::string out = Say("what are the best exercises for mid back?");
  EXPECT_TRUE(Has(out, "Behind the Back Shrug")) << out;
  EXPECT_EQ(session_->state(), Session::State::kIdle);
  EXPECT_TRUE(Has(Say("yes"), "Nothing is on offer right now"));
}

TEST_F(SessionTest, GreetingsAndThanksGetAShortReplyAndNoOffer) {
  Start(Player::Mode::kPrinted);
  EXPECT_TRUE(Has(Say("hello"), "Hello!"));
  EXPECT_TRUE(Has(Say("thanks!"), "You're welcome."));
  EXPECT_EQ(session_->state(), Session::State::kIdle);
}

TEST_F(SessionTest, CommandsHelpTopicsStretchAndQuit) {
  Start(Player::Mode::kPrinted);
  EXPECT_TRUE(Has(Say("help"), "During a stretch: Enter goes on"));
  std::string topics = Say("topics");
  EXPECT_TRUE(Has(topics, "  1. How do you stretch your upper middle back?\n")) << topics;
  EXPECT_TRUE(Has(topics, "  9. How do you stretch your middle back?\n")) << topics;
  std::string third = Say("3");
  EXPECT_TRUE(Has(third, "Why is my middle back so tight?")) << third;
  EXPECT_TRUE(Has(third, "Want to try the posture reset")) << third;
  std::string list = Say("stretch");
  EXPECT_TRUE(Has(list, "seated-twist: the seated twist (6 steps")) << list;
  EXPECT_TRUE(Has(Say("stretch seated twist"), "Step 6/6"));
  EXPECT_TRUE(Has(Say("stretch the prone-chest-lift"), "Step 5/5"));
  // Not a sequence's name: a question.
  EXPECT_TRUE(Has(Say("stretch my middle back"), "How do you stretch your middle back?"));
  screen_.Take();
  EXPECT_FALSE(session_->Handle("quit"));
  EXPECT_FALSE(session_->Handle("exit"));
}

TEST_F(SessionTest, AQuestionMarkAloneAsksForHelp) {
  Start(Player::Mode::kPrinted);
  EXPECT_TRUE(Has(Say("?"), "During a stretch: Enter goes on"));
  EXPECT_TRUE(Has(Say(" ? "), "I don't know that")) << "only '?' itself is a command";
}

TEST_F(SessionTest, AYesOrNoWithNothingOnOfferIsNeverReadAsAQuestion) {
  Start(Player::Mode::kPrinted);
  // As a question, "lets go" reads "let go", a synonym of "release": it would be answered.
  ASSERT_TRUE(BuiltIn().Ask("lets go").matched());
  for (const char* line : {"lets go", "yes", "ok", "no thanks", "later"}) {
    std::string out = Say(line);
    EXPECT_EQ(out,
              "Nothing is on offer right now: ask a question, or type 'stretch' to see the "
              "sequences.\n")
        << line;
  }
}

TEST_F(SessionTest, UnsureMatchesAreNumberedAndANumberAnswers) {
  Start(Player::Mode::kPrinted);
  std::string out = Say("back exercises");
  size_t at = out.find("  2. ");
  ASSERT_NE(at, std::string::npos) << out;
  std::string second = out.substr(at + 5, out.find('\n', at) - at - 5);
  EXPECT_TRUE(Has(out, "Type a number to pick one.")) << out;
  std::string answer = Say("2");
  EXPECT_EQ(answer.rfind(second + "\n", 0), 0u) << answer;
  EXPECT_TRUE(Has(Say("2"), "I don't know that")) << "the numbers are used up";
}

TEST_F(SessionTest, WarningSignsComeFirstAndNothingIsOffered) {
  Start(Player::Mode::kPrinted);
  for (const char* q : {
           "my mid back hurts and my arm feels numb",
           "tingling in my hands with upper back pain",
           "weakness in my legs with back pain",
           "chest pain and upper back pain",
           "pain between my shoulder blades and pressure in my chest",
           "my upper back hurts and my chest feels tight",
           "trouble breathing and my mid back hurts",
           "I'm short of breath and my back is tight",
           "breathing is painful with my mid back pain",
           "I have a fever and my middle back hurts",
           "back pain with chills and a high temperature",
           "I can't control my bladder since my back started hurting",
           "loss of bowel control and back pain",
           "I've been peeing myself and my back hurts",
           "my back hurts after a fall",
           "I fell off my bike and now my mid back hurts",
           "upper back pain since a car accident",
           "unexplained weight loss and middle back pain",
           "I lost 10 kg without trying and my back hurts",
           "back pain and I lost weight for no reason",
           "the pain wakes me up at night",
           "my upper back pain keeps me awake",
           "woke up in the night from back pain",
           "why is my mid back so tight? my fingers are tingling",
       }) {
    std::string out = Say(q);
    EXPECT_EQ(out.rfind("See a doctor first. ", 0), 0u) << q << "\n" << out;
    EXPECT_FALSE(Has(out, "Want to try")) << q;
    EXPECT_EQ(session_->state(), Session::State::kIdle) << q;
  }
}

TEST_F(SessionTest, GuidedStepsWaitForEnterSkipAndRepeat) {
  Start(Player::Mode::kGuided);
  Say("how do I relax my mid-back muscles?");
  std::string out = Say("yes");
  EXPECT_TRUE(Has(out, "Step 1/6: Sit cross-legged")) << out;
  EXPECT_FALSE(Has(out, "Step 2/6")) << out;
  EXPECT_EQ(session_->state(), Session::State::kInSequence);
  EXPECT_EQ(session_->Prompt(), "step 1/6> ");
  EXPECT_TRUE(Has(Say(""), "Step 2/6: Inhale and sit up tall."));
  // Step 3 holds 15 seconds: counted down on the fake clock, then it waits.
  out = Say("");
  EXPECT_TRUE(Has(out, "Step 3/6 (right side)")) << out;
  EXPECT_TRUE(Has(out, "▏ done")) << out;
  EXPECT_EQ(clock_.slept(), 15 * kSecond);
  EXPECT_EQ(Step(), 2u);
  out = Say("r");
  EXPECT_TRUE(Has(out, "Step 3/6 (right side)")) << out;
  EXPECT_EQ(clock_.slept(), 30 * kSecond);
  EXPECT_TRUE(Has(Say("s"), "Step 4/6"));
  EXPECT_TRUE(Has(Say(""), "Step 5/6 (left side)"));
  EXPECT_TRUE(Has(Say(""), "Step 6/6"));
  out = Say("");
  EXPECT_TRUE(Has(out, "Well done! You finished the seated twist: 5 of 6 steps done, 1 skipped"))
      << out;
  EXPECT_EQ(session_->state(), Session::State::kIdle);
}

TEST_F(SessionTest, KeysDuringAHoldGoOnOrStop) {
  Start(Player::Mode::kGuided);
  Say("stretch posture reset");  // step 1 holds 15 s
  EXPECT_EQ(Step(), 0u);
  screen_.PressAt(clock_.NowMicros() + 4 * kSecond, Key::kNext);
  std::string out = Say("");  // repeat nothing: step 2 has no hold
  EXPECT_TRUE(Has(out, "Step 2/5")) << out;
  Say("");  // step 3: Enter at 4 s goes straight to step 4 and its hold
  EXPECT_EQ(Step(), 3u);
  screen_.PressAt(clock_.NowMicros() + 2 * kSecond, Key::kInterrupt);
  out = Say("r");
  EXPECT_TRUE(Has(out, "Stopped the posture reset at step 4/5")) << out;
  EXPECT_EQ(session_->state(), Session::State::kIdle);
  EXPECT_EQ(session_->Prompt(), "backtalk> ");
}

TEST_F(SessionTest, AQuestionDuringASequenceIsAnsweredAndTheStepWaits) {
  Start(Player::Mode::kGuided);
  Say("stretch seated-twist");
  Say("");
  ASSERT_EQ(Step(), 1u);
  std::string out = Say("why is my mid back tight?");
  EXPECT_TRUE(Has(out, "Postures that involve a lot of sitting")) << out;
  EXPECT_FALSE(Has(out, "Want to try")) << out;
  EXPECT_TRUE(Has(out, "Back to step 2/6 of the seated twist")) << out;
  EXPECT_EQ(session_->state(), Session::State::kInSequence);
  EXPECT_EQ(Step(), 1u);
  EXPECT_TRUE(Has(Say(""), "Step 3/6"));
}

TEST_F(SessionTest, AnotherSequenceStartedDuringOneTakesItsPlace) {
  Start(Player::Mode::kGuided);
  Say("stretch seated-twist");
  std::string out = Say("stretch prone elbow prop");
  EXPECT_TRUE(Has(out, "Stopped the seated twist at step 1/6")) << out;
  EXPECT_TRUE(Has(out, "Step 1/4: Lie on your stomach")) << out;
  EXPECT_FALSE(Has(out, "Back to step")) << out;
  EXPECT_EQ(session_->run()->sequence->id, "prone-elbow-prop");
  out = Say("topics");
  EXPECT_TRUE(Has(out, "Back to step 1/4 of the prone elbow prop")) << out;
}

TEST_F(SessionTest, HowLongLeftCountsTheRemainingHolds) {
  Start(Player::Mode::kGuided);
  Say("stretch seated-twist");
  Say("");
  std::string out = Say("how long left?");
  // Steps 2 to 6: two twists of 15-30 s each.
  EXPECT_TRUE(Has(out, "5 steps are left, this one included, with 30-60 s of holds")) << out;
  EXPECT_EQ(Step(), 1u);
}

TEST_F(SessionTest, WordsOfPainEndTheSequenceAtOnce) {
  for (const char* pain : {"ouch", "it hurts", "sharp pain!", "stop"}) {
    Start(Player::Mode::kGuided);
    Say("stretch seated-twist");
    std::string out = Say(pain);
    EXPECT_TRUE(Has(out, "Stop now: a stretch should feel comfortable, never painful.")) << pain;
    EXPECT_TRUE(Has(out, "If the pain stays or gets worse, see a doctor.")) << pain;
    EXPECT_TRUE(Has(out, "Stopped the seated twist at step 1/6")) << pain;
    EXPECT_FALSE(Has(out, "Step 2/6")) << pain;
    EXPECT_EQ(session_->state(), Session::State::kIdle) << pain;
  }
}

TEST_F(SessionTest, AWarningSignDuringASequenceStopsIt) {
  Start(Player::Mode::kGuided);
  Say("stretch seated-twist");
  std::string out = Say("my arm has gone numb");
  EXPECT_TRUE(Has(out, "Stopped the seated twist")) << out;
  EXPECT_TRUE(Has(out, "See a doctor first.")) << out;
  EXPECT_EQ(session_->state(), Session::State::kIdle);
}

TEST_F(SessionTest, AWarningSignComesBeforeWordsOfPain) {
  Start(Player::Mode::kGuided);
  Say("stretch seated-twist");
  std::string out = Say("ouch, my fingers are tingling");
  EXPECT_TRUE(Has(out, "Stopped the seated twist at step 1/6")) << out;
  EXPECT_TRUE(Has(out, "See a doctor first. Numbness, tingling or weakness")) << out;
  EXPECT_FALSE(Has(out, "Stop now: a stretch should feel comfortable")) << out;
}

TEST_F(SessionTest, StepKeysComeBeforeWordsOfPainAndQuestions) {
  Start(Player::Mode::kGuided);
  Say("stretch seated-twist");
  // "q" stops the sequence quietly; "stop" is a word of pain and gets the advice.
  EXPECT_EQ(Say("q"), "Stopped the seated twist at step 1/6 (0 done).\n");
  Say("stretch seated-twist");
  EXPECT_TRUE(Has(Say("stop"), "Stop now:"));
  // "n" is the next step in a sequence, and a no outside one.
  Say("stretch seated-twist");
  EXPECT_TRUE(Has(Say("n"), "Step 2/6"));
}

TEST_F(SessionTest, QStopsCtrlCStopsAndEndOfInputEndsCleanly) {
  Start(Player::Mode::kGuided);
  Say("stretch seated-twist");
  EXPECT_TRUE(Has(Say("q"), "Stopped the seated twist at step 1/6 (0 done)."));
  Say("stretch seated-twist");
  Say("");
  screen_.Take();
  session_->Interrupt();
  EXPECT_TRUE(Has(screen_.Take(), "Stopped the seated twist at step 2/6 (1 done)."));
  Say("stretch seated-twist");
  screen_.Take();
  session_->End();
  EXPECT_TRUE(Has(screen_.Take(), "Stopped the seated twist at step 1/6"));
  // End of input during an offer: nothing more to say.
  Say("how do I relax my mid-back muscles?");
  session_->End();
  EXPECT_EQ(screen_.Take(), "");
  EXPECT_EQ(session_->state(), Session::State::kIdle);
}

TEST_F(SessionTest, InterruptWithdrawsAnOffer) {
  Start(Player::Mode::kGuided);
  Say("how do I relax my mid-back muscles?");
  session_->Interrupt();
  EXPECT_EQ(session_->state(), Session::State::kIdle);
  EXPECT_TRUE(Has(Say("yes"), "Nothing is on offer"));
}

TEST_F(SessionTest, ControlCharactersAreNeverShown) {
  Start(Player::Mode::kPrinted);
  std::string out = Say("why is my mid\x1b back\x07 tight?\x1b");
  EXPECT_TRUE(Has(out, "Postures")) << out;
  EXPECT_FALSE(Has(out, "\x1b")) << out;
  EXPECT_FALSE(Has(out, "\x07")) << out;
}

TEST_F(SessionTest, JsonGivesOneObjectPerLineAndTheStartedSequence) {
  Start(Player::Mode::kPrinted, /*json=*/true);
  using nlohmann::json;
  json answer = json::parse(Say("why is my mid back tight?"));
  EXPECT_EQ(answer["intent"], "middle-back-tight");
  EXPECT_EQ(answer["sequence"], "posture-reset");
  EXPECT_EQ(Say(""), "");
  std::string line = Say("yes");
  ASSERT_EQ(std::count(line.begin(), line.end(), '\n'), 1) << line;
  json started = json::parse(line);
  EXPECT_EQ(started["input"], "yes");
  EXPECT_EQ(started["sequence"], "posture-reset");
  EXPECT_EQ(started["started"]["name"], "the posture reset");
  ASSERT_EQ(started["started"]["steps"].size(), 5u);
  EXPECT_EQ(started["started"]["steps"][0]["hold_seconds"], 15);
  EXPECT_EQ(started["started"]["steps"][0]["hold_seconds_max"], 30);
  EXPECT_EQ(started["started"]["steps"][2]["side"], "right");
  EXPECT_TRUE(started["started"]["steps"][1]["hold_seconds"].is_null());
  json no = json::parse(Say("no"));
  EXPECT_EQ(no["matched"], false);
  json safety = json::parse(Say("my back hurts and I have a fever"));
  EXPECT_FALSE(safety["safety"].is_null());
  EXPECT_TRUE(safety["sequence"].is_null());
  EXPECT_EQ(json::parse(Say("stretch prone-chest-lift"))["started"]["steps"][3]["hold_breaths"], 2);
}

}  // namespace
}  // namespace backtalk::testing
