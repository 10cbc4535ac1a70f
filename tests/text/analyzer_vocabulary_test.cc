// The analyzer's vocabulary: which words it knows, and with which priority, however often and
// wherever a word appears.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"
#include "text/normalize.h"

namespace backtalk {
namespace {

// A question (priority 2) and its answer (priority 1), as a knowledge gives them.
void AddIntent(Vocabulary* v, std::string_view question, std::string_view answer) {
  v->texts.push_back({question, 2});
  v->texts.push_back({answer, 1});
}

std::string Repeat(const std::string& word, size_t times) {
  std::string text;
  for (size_t i = 0; i < times; ++i) text += word + " ";
  return text;
}

TEST(AnalyzerVocabularyTest, ReadsTheFirstWordsOfEachTextUpToTheLimit) {
  Vocabulary v;
  // Repeated words count towards the limit like new ones; "don't" makes two words.
  const std::string answer = Repeat("alpha", kMaxTextWords - 3) + "don't zebra ptarmigan";
  AddIntent(&v, "Alpha?", answer);
  Analyzer analyzer(v);
  EXPECT_TRUE(analyzer.Analyze("zebra").unknown.empty());
  EXPECT_EQ(analyzer.Analyze("ptarmigan").unknown, std::vector<std::string>{"ptarmigan"});

  // A word past the end of one text is still read in another.
  AddIntent(&v, "Beta?", "ptarmigan");
  Analyzer both(v);
  EXPECT_TRUE(both.Analyze("ptarmigan").unknown.empty());
}

TEST(AnalyzerVocabularyTest, ReadsAContractionCutByTheLimitAsFarAsTheLimit) {
  Vocabulary v;
  // "ptarmigan'll" reads "ptarmigan will": the last word read and the first one past it.
  const std::string answer = Repeat("alpha", kMaxTextWords - 1) + "ptarmigan'll";
  AddIntent(&v, "Alpha?", answer);
  Analyzer analyzer(v);
  EXPECT_TRUE(analyzer.Analyze("ptarmigan").unknown.empty());
}

TEST(AnalyzerVocabularyTest, AWordMetAgainWithAHigherPriorityGetsIt) {
  // "tilx" is one edit from "till" and from "tilt"; the higher priority wins the tie, and
  // "till" would win on the alphabet. "tilt" comes first in an answer (priority 1), then in
  // a later question (2), word for word the same token.
  Vocabulary v;
  AddIntent(&v, "Alpha?", "till tilt");
  AddIntent(&v, "tilt", "beta");
  Analyzer analyzer(v);
  Analysis a = analyzer.Analyze("tilx");
  ASSERT_EQ(a.corrections.size(), 1u);
  EXPECT_EQ(a.corrections[0].second, "tilt");

  Vocabulary answers_only;
  AddIntent(&answers_only, "Alpha?", "till tilt");
  AddIntent(&answers_only, "Beta?", "tilt");
  Analyzer same_priority(answers_only);
  a = same_priority.Analyze("tilx");
  ASSERT_EQ(a.corrections.size(), 1u);
  EXPECT_EQ(a.corrections[0].second, "till");
}

TEST(AnalyzerVocabularyTest, ReadsTextsOutsideAsciiWhole) {
  Vocabulary v;
  AddIntent(&v, "Alpha?", "Écrire naïve café");
  Analyzer analyzer(v);
  EXPECT_TRUE(analyzer.Analyze("ecrire naive cafe").unknown.empty());
}

}  // namespace
}  // namespace backtalk
