// The matcher over the built-in knowledge: every document question answers itself, people's
// own wordings find the right question, near-but-different questions are told apart, and
// questions the document does not answer get no answer.
#include "match/matcher.h"

#include <gtest/gtest.h>

namespace backtalk {
namespace {

class MatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    knowledge_ = new Knowledge;
    std::string err;
    ASSERT_TRUE(LoadBuiltinKnowledge(knowledge_, &err)) << err;
    matcher_ = Matcher::Create(*knowledge_, &err).release();
    ASSERT_NE(matcher_, nullptr) << err;
  }

  // The id of the intent answered, "?" for suggestions, "-" for no answer.
  static std::string Answer(const std::string& question) {
    MatchResult r = matcher_->Match(question);
    if (r.verdict == Verdict::kAnswer)
      return knowledge_->intents[static_cast<size_t>(r.ranked[0].intent)].id;
    return r.verdict == Verdict::kAmbiguous ? "?" : "-";
  }

  static Knowledge* knowledge_;
  static Matcher* matcher_;
};
Knowledge* MatcherTest::knowledge_ = nullptr;
Matcher* MatcherTest::matcher_ = nullptr;

TEST_F(MatcherTest, EveryDocumentQuestionAnswersItselfWithItsWholeQuestionNamed) {
  for (const Intent& intent : knowledge_->intents) {
    MatchResult r = matcher_->Match(intent.question);
    ASSERT_EQ(r.verdict, Verdict::kAnswer) << intent.question;
    EXPECT_EQ(knowledge_->intents[static_cast<size_t>(r.ranked[0].intent)].id, intent.id);
    EXPECT_DOUBLE_EQ(r.ranked[0].focus, 1.0) << intent.question;
    EXPECT_GT(r.ranked[0].score, 0.6) << intent.question;
  }
}

TEST_F(MatcherTest, ScoresAreBetweenZeroAndOneAndRanked) {
  for (const char* q : {"stretch", "why why why back back", "upper middle back pain exercises"}) {
    MatchResult r = matcher_->Match(q);
    for (size_t i = 0; i < r.ranked.size(); ++i) {
      EXPECT_GT(r.ranked[i].score, 0.0);
      EXPECT_LE(r.ranked[i].score, 1.0);
      if (i > 0) {
        EXPECT_LE(r.ranked[i].score, r.ranked[i - 1].score);
      }
    }
  }
}

TEST_F(MatcherTest, ParaphrasesSynonymsAndTypos) {
  EXPECT_EQ(Answer("why is my mid back stiff"), "middle-back-tight");
  EXPECT_EQ(Answer("what makes the middle of my back so tense"), "middle-back-tight");
  EXPECT_EQ(Answer("why is my mid back tite"), "middle-back-tight");
  EXPECT_EQ(Answer("how do I loosen my mid back muscles"), "relax-mid-back-muscles");
  EXPECT_EQ(Answer("how to relaxx my midle back musles"), "relax-mid-back-muscles");
  EXPECT_EQ(Answer("how can I ease the tension in my back"), "release-back-tension");
  EXPECT_EQ(Answer("what causes upper back pain"), "middle-top-back-hurts");
  EXPECT_EQ(Answer("why does the top of my back ache"), "middle-top-back-hurts");
  EXPECT_EQ(Answer("good workouts for the upper back"), "best-exercises-upper-back");
}

TEST_F(MatcherTest, AnAnswerWordsQuestionFindsItsAnswer) {
  // Answered by "How do you release back tension?": "Hold stretches long enough (15 to 30 s)".
  EXPECT_EQ(Answer("how long should I hold a stretch?"), "release-back-tension");
  EXPECT_EQ(Answer("gym exercises for the mid back"), "best-exercises-mid-back");
  // The pace its answer speaks of, and the breathing of a stretch.
  EXPECT_EQ(Answer("can stretching my back too quickly strain a muscle"), "release-back-tension");
  EXPECT_EQ(Answer("in the sitting twist do i breathe in or out when i turn"),
            "relax-mid-back-muscles");
  // A judgement asked of what it says is no other subject: "bad" is not off topic.
  EXPECT_EQ(Answer("is bouncing while stretching bad"), "release-back-tension");
  // Its numbers too: "(15 to 30 seconds)".
  EXPECT_EQ(Answer("15 or 30 seconds for holding a back stretch?"), "release-back-tension");
}

TEST_F(MatcherTest, NearButDifferentQuestionsAreToldApart) {
  EXPECT_EQ(Answer("exercises for mid back"), "best-exercises-mid-back");
  EXPECT_EQ(Answer("exercises for mid back pain"), "best-exercises-middle-back-pain");
  EXPECT_EQ(Answer("exercises for upper back"), "best-exercises-upper-back");
  EXPECT_EQ(Answer("stretch my upper middle back"), "stretch-upper-middle-back");
  EXPECT_EQ(Answer("stretch my middle back"), "stretch-middle-back");
  EXPECT_EQ(Answer("why is my middle back tight"), "middle-back-tight");
  EXPECT_EQ(Answer("why does my middle back hurt"), "middle-top-back-hurts");
}

TEST_F(MatcherTest, VagueQuestionsRankEveryQuestionTheyFit) {
  // "best exercises" fits three questions; the one whose question says least besides leads.
  MatchResult r = matcher_->Match("best exercises");
  ASSERT_EQ(r.ranked.size(), 3u);
  for (const Candidate& c : r.ranked)
    EXPECT_EQ(knowledge_->intents[static_cast<size_t>(c.intent)].id.rfind("best-exercises", 0), 0u);
  EXPECT_EQ(Answer("exercises"), "?");
  EXPECT_EQ(Answer("upper back"), "?");
}

TEST_F(MatcherTest, QuestionsOutsideTheDocumentGetNoAnswer) {
  for (const char* q : {"what is the weather like", "how do I fix my car", "what's 2 plus 2",
                        "how much water should I drink", "tell me a joke", ""})
    EXPECT_EQ(Answer(q), "-") << q;
}

TEST_F(MatcherTest, UncoveredBodyPartsNeverGetAMidBackAnswer) {
  for (const char* q : {"how do I stretch my lower back?", "why does my lower back hurt",
                        "best exercises for shoulders", "how do I stretch my quads",
                        "why is my neck so stiff", "knee pain exercises"}) {
    MatchResult r = matcher_->Match(q);
    EXPECT_EQ(r.verdict, Verdict::kNoAnswer) << q;
    EXPECT_FALSE(r.uncovered.empty()) << q;
  }
  EXPECT_EQ(matcher_->Match("how do I stretch my lower back").uncovered, "lower back");
  // A covered part named beside an uncovered one keeps the question in scope.
  EXPECT_EQ(Answer("stretch between my shoulder blades for the upper middle back"),
            "stretch-upper-middle-back");
  EXPECT_EQ(Answer("my upper back and neck hurt, why?"), "middle-top-back-hurts");
}

TEST_F(MatcherTest, QuestionsAboutSomethingElseAreNeverAnsweredOutright) {
  // Close in words, but naming no covered topic and using words the knowledge never uses.
  MatchResult r = matcher_->Match("why is my car engine tight");
  EXPECT_TRUE(r.off_topic);
  EXPECT_EQ(r.analysis.unknown, (std::vector<std::string>{"car", "engine"}));
  EXPECT_EQ(r.verdict, Verdict::kAmbiguous);
  EXPECT_EQ(Answer("best exercises for weight loss"), "?");
  // The same words about the back are answered.
  EXPECT_EQ(Answer("why is my back tight from sitting in the car"), "middle-back-tight");
  // A stretch the knowledge guides is a topic it covers, whatever else the question says.
  EXPECT_EQ(Answer("in the seated twist, which hand goes where"), "relax-mid-back-muscles");
  // A typo of an ordinary word is not an unknown word.
  EXPECT_EQ(Answer("how long shuld I hold a strech"), "release-back-tension");
  // Naming the back does not help a question about a thing the document never names.
  EXPECT_NE(Answer("what kind of mattress is best for back pain"),
            "best-exercises-middle-back-pain");
  EXPECT_EQ(matcher_->Match("is a massage gun good for back knots").asked_about, "massage");
  EXPECT_EQ(Answer("which exercise is best for a thicker middle back"), "best-exercises-mid-back");
}

TEST_F(MatcherTest, ExplainCarriesTheEvidence) {
  MatchResult r = matcher_->Match("how long should I hold a stretch", /*explain=*/true);
  ASSERT_FALSE(r.ranked.empty());
  const Candidate& top = r.ranked[0];
  EXPECT_TRUE(top.pattern);
  ASSERT_EQ(top.patterns_matched.size(), 1u);
  EXPECT_EQ(top.patterns_matched[0], R"(\bhow long\b.*\b(hold|stretch|stay))");
  bool saw_hold = false;
  for (const Evidence& e : top.evidence)
    saw_hold = saw_hold || (e.term == "hold" && e.field == Field::kAnswer);
  EXPECT_TRUE(saw_hold);
  EXPECT_TRUE(matcher_->Match("how long should I hold a stretch").ranked[0].evidence.empty());
}

TEST_F(MatcherTest, HugeInputIsReadOnlyToTheWordLimit) {
  std::string huge;
  for (int i = 0; i < 100000; ++i) huge += "tight ";
  MatchResult r = matcher_->Match(huge);
  EXPECT_LE(r.analysis.words.size(), Analyzer::kMaxWords);
}

// The scoring rules, pinned on a small knowledge written here.
class ScoringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto add = [this](const char* id, const char* question, const char* answer,
                      std::vector<WeightedTerm> keywords) {
      Intent i;
      i.id = id;
      i.question = question;
      i.answer = answer;
      i.keywords = std::move(keywords);
      knowledge_.intents.push_back(std::move(i));
    };
    add("water-ferns", "How do I water ferns?",
        "Water them weekly with rainwater, and mist the fronds in summer.",
        {{"water", 1}, {"ferns", 1.5}});
    add("repot-cactus", "When do I repot a cactus?",
        "Repot in spring, when roots show through the drainage hole. Use a gritty soil.",
        {{"repot", 1.5}, {"cactus", 1.5}});
    add("buy-seeds", "Where can I buy seeds?", "At the garden centre, or by post from a catalogue.",
        {{"buy", 1}, {"seeds", 1.5}});
    std::string err;
    matcher_ = Matcher::Create(knowledge_, &err);
    ASSERT_NE(matcher_, nullptr) << err;
  }
  std::string Top(const std::string& question, MatchResult* out = nullptr) {
    MatchResult r = matcher_->Match(question, /*explain=*/true);
    std::string id = r.ranked.empty() ? "-" : knowledge_.intents[r.ranked[0].intent].id;
    if (out) *out = std::move(r);
    return id;
  }
  Knowledge knowledge_;
  std::unique_ptr<Matcher> matcher_;
};

TEST_F(ScoringTest, TheWholeQuestionScoresHighestAndNamesAllOfIt) {
  MatchResult r;
  EXPECT_EQ(Top("when do i repot a cactus", &r), "repot-cactus");
  EXPECT_DOUBLE_EQ(r.ranked[0].focus, 1.0);
  EXPECT_EQ(r.verdict, Verdict::kAnswer);
}

TEST_F(ScoringTest, AQuestionAboutWhatTheAnswerSaysFindsIt) {
  MatchResult r;
  EXPECT_EQ(Top("what kind of gritty soil goes in the drainage hole", &r), "repot-cactus");
  EXPECT_EQ(r.ranked[0].focus, 0.0);  // not a word of its question
  EXPECT_GT(r.ranked[0].coverage, 0.5);
  for (const Evidence& e : r.ranked[0].evidence) EXPECT_EQ(e.field, Field::kAnswer) << e.term;
}

TEST_F(ScoringTest, ContextWordsDoNotSinkAQuestionThatPointsAtOneIntent) {
  MatchResult shorter, longer;
  Top("when do i repot my cactus", &shorter);
  EXPECT_EQ(Top("my grandmother gave me a cactus for my birthday, when do i repot it", &longer),
            "repot-cactus");
  EXPECT_GT(longer.context, 0.0);
  EXPECT_GT(longer.ranked[0].score, 0.5 * shorter.ranked[0].score);
}

TEST_F(ScoringTest, AWordTheKnowledgeNeverUsesCountsAsItsWordNetSynonym) {
  MatchResult r;
  EXPECT_EQ(Top("where do i purchase seeds", &r), "buy-seeds");
  bool via = false;
  for (const Evidence& e : r.ranked[0].evidence) via = via || e.via == "purchase";
  EXPECT_TRUE(via);
}

TEST_F(ScoringTest, AStretchsStepsAreInTheAnswerButNotTheCuesTheKnowledgeAdded) {
  // The fern routine's document step names misting; its added cue borrows the cactus's words.
  Sequence routine;
  routine.id = "fern-care";
  routine.name = "the fern routine";
  routine.steps = {
      {.text = "Mist the fronds with a fine spray."},
      {.text = "Check whether the roots show through the drainage hole.", .added = true}};
  knowledge_.sequences.push_back(routine);
  knowledge_.intents[0].sequence = "fern-care";
  std::string err;
  matcher_ = Matcher::Create(knowledge_, &err);
  ASSERT_NE(matcher_, nullptr) << err;
  EXPECT_EQ(Top("should i use a fine spray"), "water-ferns");
  MatchResult r;
  EXPECT_EQ(Top("roots show through the drainage hole", &r), "repot-cactus");
  for (const Candidate& c : r.ranked) EXPECT_NE(knowledge_.intents[c.intent].id, "water-ferns");
}

TEST_F(ScoringTest, OneWordInCommonIsWeakEvidence) {
  MatchResult one, two;
  Top("seeds", &one);
  Top("buy seeds", &two);
  EXPECT_LT(one.ranked[0].score, two.ranked[0].score);
  EXPECT_NE(matcher_->Match("how do i fix my car").verdict, Verdict::kAnswer);
}

TEST_F(ScoringTest, TheThresholdAndMarginDecide) {
  Settings s;
  s.threshold = 0.5;
  s.margin = 0.1;
  s.suggest_floor = 0.2;
  auto decide = [&s](double top, double second, double top_focus = 0, double second_focus = 0) {
    std::vector<Candidate> ranked(2);
    ranked[0].score = top;
    ranked[0].focus = top_focus;
    ranked[1].score = second;
    ranked[1].focus = second_focus;
    return Decide(ranked, s);
  };
  EXPECT_EQ(decide(0.6, 0.45), Verdict::kAnswer);
  EXPECT_EQ(decide(0.6, 0.55), Verdict::kAmbiguous);  // too close to the runner-up
  EXPECT_EQ(decide(0.45, 0.0), Verdict::kAmbiguous);  // under the threshold
  EXPECT_EQ(decide(0.1, 0.0), Verdict::kNoAnswer);    // under the floor
  // Close, but the input names the whole of the best question and not of the runner-up's.
  EXPECT_EQ(decide(0.6, 0.55, 1.0, 0.5), Verdict::kAnswer);
  EXPECT_EQ(decide(0.6, 0.55, 1.0, 0.9), Verdict::kAmbiguous);
  EXPECT_EQ(decide(0.45, 0.0, 1.0, 0.0), Verdict::kAmbiguous);  // still under the threshold
}

}  // namespace
}  // namespace backtalk
