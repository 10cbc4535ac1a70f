#include "import/draft.h"

#include <gtest/gtest.h>

#include "engine/engine.h"
#include "import/faq_file.h"
#include "import/knowledge_writer.h"

namespace backtalk {
namespace {

struct Drafted {
  Knowledge knowledge;
  DraftReport report;
};

Drafted Draft(const std::string& relative) {
  FaqDocument doc;
  std::string err;
  EXPECT_TRUE(ReadFaqFile(std::string(BACKTALK_SOURCE_DIR) + "/" + relative,
                          DocumentFormat::kDetect, &doc, &err))
      << err;
  Knowledge base;
  EXPECT_TRUE(LoadBuiltinKnowledge(&base, &err)) << err;
  Drafted d;
  d.knowledge = DraftKnowledge(doc, "doc", base, &d.report);
  return d;
}

double Weight(const std::vector<WeightedTerm>& terms, const std::string& term) {
  for (const WeightedTerm& t : terms)
    if (t.term == term) return t.weight;
  return 0;
}

// The draft as the engine will see it: written out, read back.
std::unique_ptr<Engine> EngineFor(const Knowledge& k) {
  Knowledge loaded;
  std::string err;
  EXPECT_TRUE(LoadKnowledge(KnowledgeJson(k), "draft.json", &loaded, &err)) << err;
  std::unique_ptr<Engine> engine = Engine::Create(std::move(loaded), &err);
  EXPECT_TRUE(engine) << err;
  return engine;
}

TEST(DraftTest, IdsAreReadable) {
  EXPECT_EQ(IdFromQuestion("How do you stretch your upper middle back?"),
            "stretch-upper-middle-back");
  EXPECT_EQ(IdFromQuestion("How do I relax my mid-back muscles?"), "relax-mid-back-muscles");
  EXPECT_EQ(IdFromQuestion("What's the café's Wi-Fi password?"), "cafe-wi-fi-password");
  EXPECT_EQ(IdFromQuestion("What is it?"), "");
}

TEST(DraftTest, OneIntentPerQuestionVerbatim) {
  Drafted d = Draft("knowledge/back-faq.txt");
  const Knowledge& k = d.knowledge;
  ASSERT_EQ(k.intents.size(), 9u);
  EXPECT_EQ(d.report.questions, 9);
  EXPECT_EQ(k.document, "doc");
  EXPECT_EQ(k.intents[0].id, "stretch-upper-middle-back");
  EXPECT_EQ(k.intents[0].question, "How do you stretch your upper middle back?");
  EXPECT_EQ(k.intents[8].question, "How do you stretch your middle back?");
  EXPECT_EQ(k.intents[5].answer.substr(0, 3), "•");
}

TEST(DraftTest, KeywordsWeighHowWellAWordTellsTheQuestionApart) {
  Drafted d = Draft("knowledge/back-faq.txt");
  const Intent& release = d.knowledge.intents[4];
  ASSERT_EQ(release.id, "release-back-tension");
  // "back" is in every question: it tells nothing. "release" and "tension" only in this one.
  EXPECT_DOUBLE_EQ(Weight(release.keywords, "back"), kCommonWeight);
  EXPECT_DOUBLE_EQ(Weight(release.keywords, "release"), kRareWeight);
  EXPECT_DOUBLE_EQ(Weight(release.keywords, "tension"), kRareWeight);
  // Stop words are out, words are stemmed and mapped through the synonyms: "mid" is "middle".
  const Intent& relax = d.knowledge.intents[3];
  EXPECT_EQ(Weight(relax.keywords, "how"), 0);
  EXPECT_EQ(Weight(relax.keywords, "my"), 0);
  EXPECT_GT(Weight(relax.keywords, "middle"), kCommonWeight);
  EXPECT_LT(Weight(relax.keywords, "middle"), Weight(relax.keywords, "relax"));
  EXPECT_GT(Weight(relax.keywords, "muscle"), 0);
  // The answer's words are related, with less weight.
  EXPECT_GT(Weight(relax.related, "twist"), 0);
  EXPECT_LE(Weight(relax.related, "twist"), 1.0);
  EXPECT_EQ(Weight(relax.related, "relax"), 0);  // a keyword is not also related
}

TEST(DraftTest, PatternsNeedTheDistinctiveWordsInAnyOrder) {
  std::unique_ptr<Engine> engine = EngineFor(Draft("knowledge/back-faq.txt").knowledge);
  const Knowledge& k = engine->knowledge();
  ASSERT_EQ(k.intents[2].id, "why-middle-back-tight");
  ASSERT_EQ(k.intents[2].patterns.size(), 1u);
  RE2 tight(k.intents[2].patterns[0], RE2::Quiet);
  ASSERT_TRUE(tight.ok()) << tight.error();
  EXPECT_TRUE(RE2::PartialMatch("why is my back so tight", tight));
  EXPECT_TRUE(RE2::PartialMatch("tightness in the back why", tight));
  EXPECT_TRUE(RE2::PartialMatch("what causes a stiff mid back", tight));  // synonyms
  EXPECT_FALSE(RE2::PartialMatch("my back is tight", tight));
  // Questions whose words all appear in another question get no pattern.
  EXPECT_TRUE(k.intents[6].patterns.empty());
  EXPECT_TRUE(k.intents[8].patterns.empty());
}

TEST(DraftTest, QuestionsThatAreNearlyTheSameAreReported) {
  Drafted d = Draft("knowledge/back-faq.txt");
  using Pair = std::pair<std::string, std::string>;
  EXPECT_EQ(d.report.similar,
            (std::vector<Pair>{{"How do you stretch your upper middle back?",
                                "How do you stretch your middle back?"},
                               {"What are the best exercises for mid back?",
                                "What are the best exercises for middle back pain?"}}));
}

TEST(DraftTest, AnswersThatReadAsStepsOfferASequence) {
  Drafted d = Draft("knowledge/back-faq.txt");
  const Knowledge& k = d.knowledge;
  EXPECT_EQ(d.report.sequences, static_cast<int>(k.sequences.size()));
  const Sequence* prop = k.FindSequence(k.intents[0].sequence);
  ASSERT_NE(prop, nullptr);
  ASSERT_EQ(prop->steps.size(), 3u);
  EXPECT_EQ(prop->steps[1].hold_seconds, 5);
  const Sequence* lift = k.FindSequence(k.intents[8].sequence);
  ASSERT_NE(lift, nullptr);
  ASSERT_EQ(lift->steps.size(), 5u);
  EXPECT_EQ(lift->steps[3].hold_breaths, 2);
  const Sequence* release = k.FindSequence(k.intents[4].sequence);
  ASSERT_NE(release, nullptr);
  EXPECT_EQ(release->steps.back().hold_seconds, 15);
  EXPECT_EQ(release->steps.back().hold_seconds_max, 30);
  // A list of exercise names or an explanation is no sequence.
  EXPECT_EQ(k.intents[5].sequence, "");
  EXPECT_EQ(k.intents[2].sequence, "");
}

TEST(DraftTest, OnlySynonymsThatTouchTheDocumentAreKept) {
  Drafted back = Draft("knowledge/back-faq.txt");
  Drafted plants = Draft("tests/data/import/houseplants.md");
  auto has = [](const Knowledge& k, const std::string& from) {
    for (const auto& [f, t] : k.synonyms)
      if (f == from) return true;
    return false;
  };
  EXPECT_TRUE(has(back.knowledge, "mid"));
  EXPECT_TRUE(has(back.knowledge, "stiff"));
  EXPECT_FALSE(has(plants.knowledge, "thoracic"));
  EXPECT_FALSE(has(plants.knowledge, "stiff"));
  EXPECT_TRUE(has(plants.knowledge, "cause"));  // "why" is a word of the plant FAQ too
}

TEST(DraftTest, EveryQuestionAnswersItselfInEitherTopic) {
  for (const char* doc :
       {"knowledge/back-faq.txt", "tests/data/import/houseplants.md",
        "tests/data/import/bicycle-qa.txt", "tests/data/import/bold-questions.md"}) {
    std::unique_ptr<Engine> engine = EngineFor(Draft(doc).knowledge);
    ASSERT_TRUE(engine);
    for (const Intent& intent : engine->knowledge().intents) {
      Reply r = engine->Ask(intent.question);
      ASSERT_TRUE(r.matched()) << doc << ": " << intent.question;
      EXPECT_EQ(r.intent->id, intent.id) << doc << ": " << intent.question;
    }
  }
}

TEST(DraftTest, TheHouseplantFaqIsAnsweredInItsOwnWords) {
  Drafted d = Draft("tests/data/import/houseplants.md");
  std::unique_ptr<Engine> engine = EngineFor(d.knowledge);
  Reply r = engine->Ask("when do my houseplants need water");
  ASSERT_TRUE(r.matched());
  EXPECT_EQ(r.intent->question, "How often should I water my houseplants?");
  r = engine->Ask("plants for a dark corner with low light");
  ASSERT_TRUE(r.matched());
  EXPECT_EQ(r.intent->question, "Which plants grow in low light?");
  r = engine->Ask("yellow leaves on my plant");
  ASSERT_TRUE(r.matched());
  EXPECT_EQ(r.intent->question, "Why are the leaves turning yellow?");
  r = engine->Ask("how do I get rid of gnats");
  ASSERT_TRUE(r.matched());
  EXPECT_EQ(r.intent->question, "How do I get rid of fungus gnats?");
  EXPECT_FALSE(engine->Ask("how do I fix my car").matched());
  // Repotting reads as steps; its last step drains for 10 to 15 minutes.
  const Sequence* repot = d.knowledge.FindSequence(d.knowledge.intents[2].sequence);
  ASSERT_NE(repot, nullptr);
  ASSERT_EQ(repot->steps.size(), 5u);
  EXPECT_EQ(repot->steps[4].hold_seconds, 600);
  EXPECT_EQ(repot->steps[4].hold_seconds_max, 900);
}

TEST(DraftTest, AQuestionOfStopWordsBorrowsKeywordsFromItsAnswer) {
  FaqDocument doc;
  std::string err;
  ASSERT_TRUE(
      ParseDocument("What is it?\n\nA kettle descaler. Descale the kettle monthly.\n\n"
                    "How do I use the descaler?\n\nPour it in and boil.\n",
                    "k.txt", &doc, &err))
      << err;
  DraftReport report;
  Knowledge k = DraftKnowledge(doc, "k.txt", Knowledge{}, &report);
  ASSERT_EQ(k.intents.size(), 2u);
  EXPECT_EQ(k.intents[0].id, "question");
  EXPECT_FALSE(k.intents[0].keywords.empty());
  EXPECT_EQ(report.notes.size(), 1u);
  EXPECT_TRUE(EngineFor(k));
}

}  // namespace
}  // namespace backtalk
