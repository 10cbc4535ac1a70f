#include "import/knowledge_writer.h"

#include <gtest/gtest.h>

namespace backtalk {
namespace {

TEST(KnowledgeWriterTest, TheBuiltInKnowledgeSurvivesARoundTrip) {
  Knowledge original, again;
  std::string err;
  ASSERT_TRUE(LoadBuiltinKnowledge(&original, &err)) << err;
  std::string text = KnowledgeJson(original);
  ASSERT_TRUE(LoadKnowledge(text, "again.json", &again, &err)) << err;
  EXPECT_EQ(KnowledgeJson(again), text);
  ASSERT_EQ(again.intents.size(), original.intents.size());
  for (size_t i = 0; i < original.intents.size(); ++i) {
    EXPECT_EQ(again.intents[i].question, original.intents[i].question);
    EXPECT_EQ(again.intents[i].keywords.size(), original.intents[i].keywords.size());
    EXPECT_EQ(again.intents[i].patterns, original.intents[i].patterns);
  }
  ASSERT_EQ(again.sequences.size(), original.sequences.size());
  for (size_t i = 0; i < original.sequences.size(); ++i) {
    ASSERT_EQ(again.sequences[i].steps.size(), original.sequences[i].steps.size());
    for (size_t j = 0; j < original.sequences[i].steps.size(); ++j) {
      const Step& a = again.sequences[i].steps[j];
      const Step& b = original.sequences[i].steps[j];
      EXPECT_EQ(a.text, b.text);
      EXPECT_EQ(a.hold_seconds, b.hold_seconds);
      EXPECT_EQ(a.hold_seconds_max, b.hold_seconds_max);
      EXPECT_EQ(a.hold_breaths, b.hold_breaths);
      EXPECT_EQ(a.repeat, b.repeat);
      EXPECT_EQ(a.added, b.added);
    }
  }
  EXPECT_EQ(again.synonyms, original.synonyms);
  EXPECT_EQ(again.uncovered, original.uncovered);
  EXPECT_EQ(again.safety.size(), original.safety.size());
  EXPECT_EQ(again.small_talk.size(), original.small_talk.size());
}

TEST(KnowledgeWriterTest, FieldsComeInTheKnowledgeFileOrder) {
  Knowledge k;
  k.document = "faq.md";
  Intent intent;
  intent.id = "q";
  intent.question = "Why?";
  intent.answer = "Because.";
  intent.keywords = {{"why", 1.5}};
  k.intents.push_back(intent);
  Sequence seq;
  seq.id = "s";
  seq.name = "the s";
  Step step;
  step.text = "Hold.";
  step.hold_seconds = 15;
  step.hold_seconds_max = 30;
  seq.steps.push_back(step);
  k.sequences.push_back(seq);
  std::string text = KnowledgeJson(k);
  EXPECT_EQ(text.rfind("{\n  \"format\": \"backtalk-knowledge/1\",\n  \"document\": \"faq.md\",\n"
                       "  \"settings\": {",
                       0),
            0u)
      << text;
  EXPECT_LT(text.find("\"id\": \"q\""), text.find("\"question\""));
  EXPECT_LT(text.find("\"question\""), text.find("\"answer\""));
  EXPECT_LT(text.find("\"answer\""), text.find("\"keywords\""));
  EXPECT_NE(text.find("\"hold_seconds\": [\n            15,\n            30\n          ]"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("related"), std::string::npos);  // empty optional fields are left out
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace backtalk
