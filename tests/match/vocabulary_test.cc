// The vocabulary read from a knowledge: every text that gives words, with its priority, and
// the synonyms.
#include "match/vocabulary.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace backtalk {
namespace {

using Texts = std::vector<std::pair<std::string, int>>;

Texts TextsOf(const Vocabulary& v) {
  Texts out;
  for (const Vocabulary::Text& t : v.texts) out.emplace_back(std::string(t.text), t.priority);
  return out;
}

TEST(VocabularyTest, EveryTextWithItsPriority) {
  Knowledge k;
  Intent intent;
  intent.question = "Why is my back tight?";
  intent.answer = "Sitting all day.";
  intent.keywords = {{"tight", 1.0}};
  intent.related = {{"desk", 0.5}};
  k.intents.push_back(intent);
  k.covered = {"upper back"};
  k.uncovered = {"knee"};
  Sequence seq;
  seq.name = "the seated twist";
  seq.steps.push_back(Step{});
  seq.steps.back().text = "Sit tall.";
  k.sequences.push_back(seq);
  k.synonyms = {{"stiff", "tight"}};

  Vocabulary v = VocabularyOf(k);
  EXPECT_EQ(TextsOf(v), (Texts{{"tight", 3},
                               {"desk", 2},
                               {"Why is my back tight?", 2},
                               {"Sitting all day.", 1},
                               {"upper back", 2},
                               {"knee", 2},
                               {"the seated twist", 1},
                               {"Sit tall.", 1}}));
  ASSERT_EQ(v.synonyms.size(), 1u);
  EXPECT_EQ(v.synonyms[0].first, "stiff");
  EXPECT_EQ(v.synonyms[0].second, "tight");
}

// The priorities decide between equally close corrections: a keyword's word wins over an
// answer's.
TEST(VocabularyTest, AKeywordOutranksAnAnswerWordInCorrections) {
  Knowledge k;
  Intent intent;
  intent.question = "Alpha?";
  intent.answer = "till";
  intent.keywords = {{"tilt", 1.0}};
  k.intents.push_back(intent);
  Analyzer analyzer(VocabularyOf(k));
  Analysis a = analyzer.Analyze("tilx");
  ASSERT_EQ(a.corrections.size(), 1u);
  EXPECT_EQ(a.corrections[0].second, "tilt");
}

}  // namespace
}  // namespace backtalk
