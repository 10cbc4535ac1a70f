// Spelling correction: edit distance with transpositions, sound-alikes, and what is never touched.
#include "text/speller.h"

#include <gtest/gtest.h>

namespace backtalk {
namespace {

TEST(SpellerTest, DistanceCountsTranspositionsAsOneEdit) {
  EXPECT_EQ(Speller::Distance("middel", "middle", 2), 1);
  EXPECT_EQ(Speller::Distance("strech", "stretch", 2), 1);
  EXPECT_EQ(Speller::Distance("exersiz", "exercis", 2), 2);
  EXPECT_EQ(Speller::Distance("abcdef", "uvwxyz", 2), 3);  // capped at limit + 1
}

TEST(SpellerTest, SoundKeyHearsSilentLettersAndSoftC) {
  EXPECT_EQ(Speller::SoundKey("tight"), Speller::SoundKey("tite"));
  EXPECT_EQ(Speller::SoundKey("exercise"), Speller::SoundKey("exersize"));
  EXPECT_NE(Speller::SoundKey("tight"), Speller::SoundKey("twist"));
}

class SpellerVocabularyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* w : {"stretch", "middl", "exercis", "muscl", "tight", "tilt", "releas"})
      speller_.Add(w, 2);
    for (const char* w : {"car", "time", "tie"}) speller_.Add(w, 0);
  }
  Speller speller_;
};

TEST_F(SpellerVocabularyTest, CorrectsTyposToKnowledgeWords) {
  EXPECT_EQ(speller_.Correct("strech"), "stretch");
  EXPECT_EQ(speller_.Correct("midl"), "middl");
  EXPECT_EQ(speller_.Correct("excercis"), "exercis");
  EXPECT_EQ(speller_.Correct("musl"), "muscl");
  EXPECT_EQ(speller_.Correct("reles"), "releas");
}

TEST_F(SpellerVocabularyTest, PrefersASoundAlikeOverAnEquallyCloseWord) {
  EXPECT_EQ(speller_.Correct("tite"), "tight");  // not "tilt", one edit away
}

TEST_F(SpellerVocabularyTest, LeavesShortAndUnrelatedWordsAlone) {
  EXPECT_EQ(speller_.Correct("ca"), "");       // two letters: never corrected
  EXPECT_EQ(speller_.Correct("tit"), "tilt");  // three letters: only a dropped letter
  EXPECT_EQ(speller_.Correct("tgt"), "");
  EXPECT_EQ(speller_.Correct("weather"), "");
  EXPECT_TRUE(speller_.Contains("car"));
}

TEST_F(SpellerVocabularyTest, NeverCorrectsIntoACommonWord) {
  EXPECT_EQ(speller_.Correct("tiem"), "");  // "time" is known, but not a correction target
}

}  // namespace
}  // namespace backtalk
