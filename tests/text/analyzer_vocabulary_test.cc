// The analyzer's vocabulary as it is built from the knowledge: which words it knows, and with
// which priority, however often and wherever a word appears.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/analyzer.h"

namespace backtalk {
namespace {

Intent MakeIntent(const std::string& id, const std::string& question, const std::string& answer) {
  Intent intent;
  intent.id = id;
  intent.question = question;
  intent.answer = answer;
  return intent;
}

std::string Repeat(const std::string& word, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += word + " ";
  return text;
}

TEST(AnalyzerVocabularyTest, ReadsTheFirst200WordsOfEachText) {
  Knowledge k;
  // Repeated words count towards the 200 like new ones; "don't" makes two words.
  k.intents.push_back(MakeIntent("a", "Alpha?", Repeat("alpha", 197) + "don't zebra ptarmigan"));
  Analyzer analyzer(k);
  EXPECT_TRUE(analyzer.Analyze("zebra").unknown.empty());
  EXPECT_EQ(analyzer.Analyze("ptarmigan").unknown, std::vector<std::string>{"ptarmigan"});

  // A word past the end of one text is still read in another.
  k.intents.push_back(MakeIntent("b", "Beta?", "ptarmigan"));
  Analyzer both(k);
  EXPECT_TRUE(both.Analyze("ptarmigan").unknown.empty());
}

TEST(AnalyzerVocabularyTest, ReadsAContractionCutByTheLimitAsFarAsTheLimit) {
  Knowledge k;
  // "ptarmigan'll" reads "ptarmigan will": the 200th word and the 201st.
  k.intents.push_back(MakeIntent("a", "Alpha?", Repeat("alpha", 199) + "ptarmigan'll"));
  Analyzer analyzer(k);
  EXPECT_TRUE(analyzer.Analyze("ptarmigan").unknown.empty());
}

TEST(AnalyzerVocabularyTest, AWordMetAgainWithAHigherPriorityGetsIt) {
  // "tilx" is one edit from "till" and from "tilt"; the higher priority wins the tie, and
  // "till" would win on the alphabet. "tilt" comes first in an answer (priority 1), then in
  // a later question (2), word for word the same token.
  Knowledge k;
  k.intents.push_back(MakeIntent("a", "Alpha?", "till tilt"));
  k.intents.push_back(MakeIntent("b", "tilt", "beta"));
  Analyzer analyzer(k);
  Analysis a = analyzer.Analyze("tilx");
  ASSERT_EQ(a.corrections.size(), 1u);
  EXPECT_EQ(a.corrections[0].second, "tilt");

  Knowledge answers_only;
  answers_only.intents.push_back(MakeIntent("a", "Alpha?", "till tilt"));
  answers_only.intents.push_back(MakeIntent("b", "Beta?", "tilt"));
  Analyzer same_priority(answers_only);
  a = same_priority.Analyze("tilx");
  ASSERT_EQ(a.corrections.size(), 1u);
  EXPECT_EQ(a.corrections[0].second, "till");
}

TEST(AnalyzerVocabularyTest, ReadsTextsOutsideAsciiWhole) {
  Knowledge k;
  k.intents.push_back(MakeIntent("a", "Alpha?", "Écrire naïve café"));
  Analyzer analyzer(k);
  EXPECT_TRUE(analyzer.Analyze("ecrire naive cafe").unknown.empty());
}

}  // namespace
}  // namespace backtalk
