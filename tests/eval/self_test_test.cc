#include "eval/self_test.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace backtalk {
namespace {

std::unique_ptr<Engine> Builtin() {
  std::string err;
  std::unique_ptr<Engine> engine = Engine::Load("", &err);
  EXPECT_TRUE(engine) << err;
  return engine;
}

bool Has(const std::vector<Variant>& variants, const std::string& text, const std::string& kind) {
  return std::any_of(variants.begin(), variants.end(),
                     [&](const Variant& v) { return v.text == text && v.kind == kind; });
}

TEST(SelfTestTest, VariantsOfAQuestion) {
  std::unique_ptr<Engine> engine = Builtin();
  std::vector<Variant> v = QuestionVariants("Why is my middle back so tight?", engine->knowledge(),
                                            engine->matcher().analyzer());
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v[0].text, "Why is my middle back so tight?");
  EXPECT_EQ(v[0].kind, "question");
  EXPECT_TRUE(Has(v, "why is my midle back so tight", "typo"));
  EXPECT_TRUE(Has(v, "why is my middle back so tgiht", "typo"));
  EXPECT_TRUE(Has(v, "why is my back so tight", "dropped word"));
  EXPECT_TRUE(Has(v, "why is my mid back so tight", "synonym"));
  EXPECT_TRUE(Has(v, "why middle back tight", "rewording"));
  EXPECT_TRUE(Has(v, "why is my middle back so tight", "rewording"));
  for (size_t i = 0; i < v.size(); ++i)
    for (size_t j = i + 1; j < v.size(); ++j) EXPECT_NE(v[i].text, v[j].text);
}

TEST(SelfTestTest, HowAndWhatQuestionsAreReworded) {
  std::unique_ptr<Engine> engine = Builtin();
  const Analyzer& a = engine->matcher().analyzer();
  std::vector<Variant> how =
      QuestionVariants("How do you stretch your middle back?", engine->knowledge(), a);
  EXPECT_TRUE(Has(how, "how to stretch my middle back", "rewording"));
  EXPECT_TRUE(Has(how, "how can i stretch my middle back", "rewording"));
  std::vector<Variant> what =
      QuestionVariants("What are the best exercises for upper back?", engine->knowledge(), a);
  EXPECT_TRUE(Has(what, "best exercises for upper back", "rewording"));
  std::vector<Variant> why =
      QuestionVariants("Why does the middle and top of my back hurt?", engine->knowledge(), a);
  EXPECT_TRUE(Has(why, "why is my middle top back so hurt", "rewording"));
}

TEST(SelfTestTest, ProbesShareNoTopicWithTheKnowledge) {
  std::unique_ptr<Engine> engine = Builtin();
  std::vector<std::string> probes = Probes(engine->knowledge(), engine->matcher().analyzer());
  ASSERT_FALSE(probes.empty());
  EXPECT_EQ(probes[0], "how do you volcano your passport saxophone back");
  for (const std::string& p : probes) EXPECT_FALSE(engine->Ask(p).matched()) << p;
}

TEST(SelfTestTest, TheBuiltInKnowledgeReachesEveryIntent) {
  std::unique_ptr<Engine> engine = Builtin();
  SelfTestReport report = SelfTest(*engine);
  EXPECT_EQ(report.intents.size(), engine->knowledge().intents.size());
  EXPECT_TRUE(report.unreachable.empty());
  EXPECT_TRUE(report.shadowed.empty());
  int reached = 0;
  for (const IntentReach& r : report.intents) {
    EXPECT_TRUE(r.question_reached) << engine->knowledge().intents[r.intent].id;
    reached += r.reached;
  }
  EXPECT_EQ(report.current.right, reached);
  // The built-in knowledge's settings are the ones its self-test recommends.
  EXPECT_EQ(report.recommended.threshold, engine->knowledge().settings.threshold);
  EXPECT_EQ(report.recommended.margin, engine->knowledge().settings.margin);
  // The variants include questions about the answers and questions after unrelated context.
  EXPECT_GT(report.Accuracy(), 0.8);
  EXPECT_GT(report.probes, 400);  // the everyday questions and the near misses
  EXPECT_LE(report.current.probes, report.probes / 100);
  // The recommendation is a point of the sweep, and no worse than the settings in use.
  EXPECT_GE(report.recommended.utility, report.current.utility);
  EXPECT_EQ(report.threshold_sweep.size(), 15u);
  EXPECT_EQ(report.margin_sweep.size(), 11u);
  std::string text = FormatSelfTest(report, engine->knowledge());
  EXPECT_NE(text.find("unreachable: none"), std::string::npos) << text;
  EXPECT_NE(text.find("recommended"), std::string::npos) << text;
}

Intent MakeIntent(const std::string& id, const std::string& question,
                  std::vector<WeightedTerm> keywords) {
  Intent i;
  i.id = id;
  i.question = question;
  i.answer = "An answer.";
  i.keywords = std::move(keywords);
  return i;
}

TEST(SelfTestTest, AnIntentThatAnotherShadowsIsReported) {
  Knowledge k;
  k.source = "test";
  k.intents.push_back(
      MakeIntent("water-ferns", "How do I water ferns?", {{"water", 1}, {"fern", 1}}));
  // Its question lacks one of its own keywords: the first intent explains it better.
  k.intents.push_back(MakeIntent("ferns-water", "How do I water my ferns?",
                                 {{"water", 1}, {"fern", 1}, {"mist", 0.5}}));
  k.intents.push_back(
      MakeIntent("repot-cactus", "When do I repot a cactus?", {{"repot", 1.5}, {"cactus", 1.5}}));
  std::string err;
  std::unique_ptr<Engine> engine = Engine::Create(k, &err);
  ASSERT_TRUE(engine) << err;
  SelfTestReport report = SelfTest(*engine);
  EXPECT_EQ(report.unreachable, std::vector<int>{1});
  EXPECT_EQ(report.shadowed, (std::vector<std::pair<int, int>>{{1, 0}}));
  EXPECT_FALSE(report.intents[1].question_reached);
  EXPECT_GT(report.intents[1].lost_to.at(0), 0);
  EXPECT_TRUE(report.intents[2].question_reached);
  std::string text = FormatSelfTest(report, engine->knowledge());
  EXPECT_NE(text.find("unreachable: ferns-water"), std::string::npos) << text;
  EXPECT_NE(text.find("shadowed: ferns-water by water-ferns"), std::string::npos) << text;
}

TEST(SelfTestTest, QuestionsAboutAnAnswerAskWhatIsParticularToIt) {
  Knowledge k;
  k.source = "test";
  k.intents.push_back(MakeIntent("water-ferns", "How do I water ferns?", {{"water", 1}}));
  k.intents.back().answer =
      "Pour rainwater slowly at the roots. Mist the fronds with a sprayer daily.";
  k.intents.push_back(MakeIntent("repot-cactus", "When do I repot a cactus?", {{"repot", 1}}));
  k.intents.back().answer = "Repot in spring with gritty soil and a watering can nearby.";
  std::string err;
  std::unique_ptr<Engine> engine = Engine::Create(k, &err);
  ASSERT_TRUE(engine) << err;
  const Analyzer& analyzer = engine->matcher().analyzer();
  std::map<std::string, int> uses = TermIntents(engine->knowledge(), analyzer);
  EXPECT_EQ(uses["water"], 2);  // a question's word, and an answer's ("watering")
  std::vector<std::string> q = AnswerQuestions(engine->knowledge(), 0, analyzer, uses);
  // One question a sentence with three words or more that the question does not have: the
  // rarest three, in the sentence's order, after an opening; every second one with the
  // question's rarest word ("ferns": "water" is in both intents).
  EXPECT_EQ(q, (std::vector<std::string>{"how do i pour rainwater slowly",
                                         "what about mist fronds sprayer ferns"}));
}

}  // namespace
}  // namespace backtalk
