// The analyzer over the built-in knowledge: corrections, stems, synonyms, stop words.
#include "text/analyzer.h"

#include <gtest/gtest.h>

#include "match/vocabulary.h"

namespace backtalk {
namespace {

class AnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    knowledge_ = new Knowledge;
    std::string err;
    ASSERT_TRUE(LoadBuiltinKnowledge(knowledge_, &err)) << err;
    analyzer_ = new Analyzer(VocabularyOf(*knowledge_));
  }
  static Knowledge* knowledge_;
  static Analyzer* analyzer_;
};
Knowledge* AnalyzerTest::knowledge_ = nullptr;
Analyzer* AnalyzerTest::analyzer_ = nullptr;

using Terms = std::vector<std::string>;
using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST_F(AnalyzerTest, StemsAndDropsStopWords) {
  Analysis a = analyzer_->Analyze("How do I stretch my middle back?");
  EXPECT_EQ(a.terms, (Terms{"stretch", "middl", "back"}));
  EXPECT_EQ(a.text, "how do i stretch my middle back");
}

TEST_F(AnalyzerTest, MapsSynonymsToTheKnowledgeWords) {
  Analysis a = analyzer_->Analyze("why is my mid-back so stiff");
  EXPECT_EQ(a.terms, (Terms{"whi", "middl", "back", "tight"}));
  EXPECT_EQ(a.synonyms, (Pairs{{"mid", "middle"}, {"stiff", "tight"}}));
}

TEST_F(AnalyzerTest, MapsPhraseSynonyms) {
  EXPECT_EQ(analyzer_->Analyze("how do I get rid of knots").terms, (Terms{"releas", "tension"}));
  EXPECT_EQ(analyzer_->Analyze("pain between my shoulder blades").terms,
            (Terms{"pain", "upper", "middl", "back"}));
}

// Synonyms are replaced in place: longer and shorter replacements, one after another.
TEST_F(AnalyzerTest, SynonymsOfEveryLengthInARow) {
  Analysis a =
      analyzer_->Analyze("scapula ache between my shoulder blades midback how come it hurts");
  EXPECT_EQ(a.terms, (Terms{"upper", "middl", "back", "pain", "upper", "middl", "back", "middl",
                            "back", "whi", "pain"}));
  EXPECT_EQ(a.synonyms, (Pairs{{"scapula", "upper middle back"},
                               {"ache", "pain"},
                               {"between my shoulder blades", "upper middle back"},
                               {"midback", "middle back"},
                               {"how come", "why"},
                               {"hurt", "pain"}}));
}

TEST_F(AnalyzerTest, CorrectsTyposAndRecordsThem) {
  Analysis a = analyzer_->Analyze("how to strech midle bak musles");
  EXPECT_EQ(
      a.corrections,
      (Pairs{{"strech", "stretch"}, {"midle", "middle"}, {"bak", "back"}, {"musles", "muscle"}}));
  EXPECT_EQ(a.terms, (Terms{"stretch", "middl", "back", "muscl"}));
  EXPECT_EQ(a.uncorrected, "how to strech midle bak musles");
}

TEST_F(AnalyzerTest, CorrectsMisspellingsThatStemBadly) {
  Analysis a = analyzer_->Analyze("exercizes excercises exersizes");
  EXPECT_EQ(a.terms, (Terms{"exercis", "exercis", "exercis"}));
}

TEST_F(AnalyzerTest, LeavesOrdinaryWordsAlone) {
  Analysis a = analyzer_->Analyze("how do I fix my car in the rain");
  EXPECT_TRUE(a.corrections.empty());
  EXPECT_EQ(a.terms, (Terms{"fix", "car", "rain"}));
}

TEST_F(AnalyzerTest, TermsOfKnowledgePhrasesUseTheSamePipeline) {
  EXPECT_EQ(analyzer_->Terms("Mid-back muscles"), (Terms{"middl", "back", "muscl"}));
  EXPECT_EQ(analyzer_->Terms("hurt"), (Terms{"pain"}));
}

TEST_F(AnalyzerTest, OrdinaryEnglishWordsAreNeverCorrected) {
  // "gave" once became "game", and "switch" "stick": words the knowledge happens to use.
  Analysis a = analyzer_->Analyze("i gave up and switched chairs");
  EXPECT_TRUE(a.corrections.empty());
  EXPECT_EQ(a.lemmas, (Pairs{{"gave", "give"}}));
  // Misspellings still are, into the knowledge's words first.
  EXPECT_EQ(analyzer_->Analyze("how to strech").corrections, (Pairs{{"strech", "stretch"}}));
  // A rare dictionary word is more often a typo of a word the knowledge uses.
  EXPECT_EQ(analyzer_->Analyze("why is my back so tite").corrections, (Pairs{{"tite", "tight"}}));
}

TEST_F(AnalyzerTest, IrregularFormsAreReadAsTheirLemma) {
  Analysis a = analyzer_->Analyze("i held the stretch");
  EXPECT_EQ(a.terms, (Terms{"hold", "stretch"}));
  Analysis b = analyzer_->Analyze("my back hurt when i lay down");
  EXPECT_EQ(b.lemmas, (Pairs{{"lay", "lie"}}));
}

TEST_F(AnalyzerTest, ChatFillersAreNeitherTermsNorContext) {
  Analysis a = analyzer_->Analyze("lol tbh my mid back is stiff haha");
  EXPECT_EQ(a.terms, (Terms{"middl", "back", "tight"}));
  EXPECT_TRUE(a.unknown.empty());
}

TEST_F(AnalyzerTest, ANumberTheKnowledgeUsesIsAWordOfItAndOthersAreContext) {
  // The document says "15 to 30 seconds"; no answer says 72.
  Analysis a = analyzer_->Analyze("hold it 15 or 72 seconds");
  EXPECT_EQ(a.terms, (Terms{"hold", "15", "72", "second"}));
  EXPECT_EQ(a.unknown, (std::vector<std::string>{"72"}));
  EXPECT_TRUE(a.corrections.empty());
}

}  // namespace
}  // namespace backtalk
