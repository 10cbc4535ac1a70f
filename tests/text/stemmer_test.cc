// Snowball English stemming, as the matcher relies on it.
#include "text/stemmer.h"

#include <gtest/gtest.h>

namespace backtalk {
namespace {

TEST(StemmerTest, InflectionsShareAStem) {
  Stemmer stemmer;
  EXPECT_EQ(stemmer.Stem("stretching"), "stretch");
  EXPECT_EQ(stemmer.Stem("stretches"), "stretch");
  EXPECT_EQ(stemmer.Stem("muscles"), stemmer.Stem("muscle"));
  EXPECT_EQ(stemmer.Stem("exercises"), stemmer.Stem("exercise"));
}

TEST(StemmerTest, AnAdverbInLySharesTheStemOfItsAdjective) {
  Stemmer stemmer;
  EXPECT_EQ(stemmer.Stem("slowly"), stemmer.Stem("slow"));
  EXPECT_EQ(stemmer.Stem("gently"), stemmer.Stem("gentle"));
  EXPECT_EQ(stemmer.Stem("carefully"), stemmer.Stem("careful"));
  // Not every word in -ly is an adverb of an adjective.
  EXPECT_NE(stemmer.Stem("family"), stemmer.Stem("fami"));
  EXPECT_EQ(stemmer.Stem("only"), "onli");
}

TEST(StemmerTest, IrregularFormsAreLeftToSynonyms) {
  Stemmer stemmer;
  EXPECT_NE(stemmer.Stem("held"), stemmer.Stem("hold"));  // hence "held": "hold" in back.json
}

}  // namespace
}  // namespace backtalk
