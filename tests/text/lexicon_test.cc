// The compiled English lexicon: which words are English, which are common, irregular lemmas
// and WordNet synonyms.
#include "text/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace backtalk::lexicon {
namespace {

bool Has(const std::vector<std::string_view>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

TEST(LexiconTest, KnowsCommonWordFormsAndMedicalWords) {
  for (const char* w : {"gave", "switch", "switches", "stiffer", "stopped", "hurrying", "tension",
                        "shoulders", "thoracic", "a"})
    EXPECT_TRUE(IsCommonEnglish(w)) << w;
  // Misspellings, and a word in hunspell's dictionary that is rare enough to be a typo.
  for (const char* w : {"strech", "exersizes", "libary", "reccomend", "tite", "", "zzzz", "Gave"})
    EXPECT_FALSE(IsCommonEnglish(w)) << w;
}

TEST(LexiconTest, LemmasOfIrregularFormsOnly) {
  EXPECT_EQ(Lemma("gave"), "give");
  EXPECT_EQ(Lemma("lost"), "lose");
  EXPECT_EQ(Lemma("feet"), "foot");
  EXPECT_EQ(Lemma("stretched"), "");  // regular: the stemmer's work
  EXPECT_EQ(Lemma("zzzz"), "");
}

TEST(LexiconTest, TheAdjectiveOfAnAdverb) {
  EXPECT_EQ(AdjectiveOf("slowly"), "slow");
  EXPECT_EQ(AdjectiveOf("carefully"), "careful");
  EXPECT_EQ(AdjectiveOf("gently"), "gentle");
  EXPECT_EQ(AdjectiveOf("family"), "");  // a noun
  EXPECT_EQ(AdjectiveOf("slow"), "");
}

TEST(LexiconTest, SynonymsFromTheCommonSensesOnly) {
  EXPECT_TRUE(Has(Synonyms("purchase"), "buy"));
  EXPECT_TRUE(Has(Synonyms("buy"), "purchase"));
  // Through the lemma of an irregular form.
  EXPECT_TRUE(Has(Synonyms("bought"), "purchase"));
  // "stiff" as a corpse is a sense no tagged text used.
  EXPECT_FALSE(Has(Synonyms("stiff"), "corpse"));
  EXPECT_TRUE(Synonyms("zzzz").empty());
}

TEST(LexiconTest, TheFirstAndLastEntriesOfABucketAreFound) {
  EXPECT_TRUE(IsCommonEnglish("a"));        // the first line of all
  EXPECT_TRUE(IsCommonEnglish("zygote"));   // near the last
  EXPECT_TRUE(IsCommonEnglish("abandon"));  // the first of a two-letter bucket
  EXPECT_EQ(Lemma("abetted"), "abet");      // the first line of the irregular forms
}

}  // namespace
}  // namespace backtalk::lexicon
