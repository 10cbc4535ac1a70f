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

TEST(StemmerTest, IrregularFormsAreLeftToSynonyms) {
  Stemmer stemmer;
  EXPECT_NE(stemmer.Stem("held"), stemmer.Stem("hold"));  // hence "held": "hold" in back.json
}

}  // namespace
}  // namespace backtalk
