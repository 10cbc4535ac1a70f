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

TEST(LexiconTest, KnowsEnglishWordFormsAndMedicalWords) {
  for (const char* w : {"gave", "switch", "stretches", "shoulders", "thoracic", "a", "zymurgy"})
    EXPECT_TRUE(IsEnglish(w)) << w;
  for (const char* w : {"strech", "exersizes", "libary", "reccomend", "", "zzzz"})
    EXPECT_FALSE(IsEnglish(w)) << w;
}

TEST(LexiconTest, CommonWordsAreThoseWordNetKnowsInAnyForm) {
  for (const char* w : {"gave", "switches", "stiffer", "stopped", "hurrying", "tension"})
    EXPECT_TRUE(IsCommonEnglish(w)) << w;
  // In hunspell's dictionary, but rare: more often a typo of a common word.
  for (const char* w : {"tite", "strech"}) EXPECT_FALSE(IsCommonEnglish(w)) << w;
}

TEST(LexiconTest, LemmasOfIrregularFormsOnly) {
  EXPECT_EQ(Lemma("gave"), "give");
  EXPECT_EQ(Lemma("lost"), "lose");
  EXPECT_EQ(Lemma("feet"), "foot");
  EXPECT_EQ(Lemma("stretched"), "");  // regular: the stemmer's work
  EXPECT_EQ(Lemma("zzzz"), "");
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

TEST(LexiconTest, TheFirstAndLastEntriesOfEachTableAreFound) {
  EXPECT_TRUE(IsEnglish("a"));
  EXPECT_TRUE(IsEnglish("zyzzyva") || IsEnglish("zyzzyvas") || IsEnglish("zygote"));
}

}  // namespace
}  // namespace backtalk::lexicon
