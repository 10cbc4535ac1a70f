// Normalising: case, accents, curly quotes, hyphens, contractions and possessives.
#include "text/normalize.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

namespace backtalk {
namespace {

using Words = std::vector<std::string>;

TEST(NormalizeTest, FoldsCaseAndSplitsOnPunctuation) {
  EXPECT_EQ(NormalizeWords("Why is my MID-BACK so tight?!"),
            (Words{"why", "is", "my", "mid", "back", "so", "tight"}));
}

TEST(NormalizeTest, ExpandsContractionsWithStraightAndCurlyApostrophes) {
  EXPECT_EQ(
      NormalizeWords("What's wrong? I can’t stretch, don't know why"),
      (Words{"what", "is", "wrong", "i", "can", "not", "stretch", "do", "not", "know", "why"}));
  EXPECT_EQ(
      NormalizeWords("won't I'm we're I've you'll I'd"),
      (Words{"will", "not", "i", "am", "we", "are", "i", "have", "you", "will", "i", "would"}));
}

TEST(NormalizeTest, ResolvesContractionsTypedWithoutApostrophe) {
  EXPECT_EQ(NormalizeWords("whats wrong dont know"),
            (Words{"what", "is", "wrong", "do", "not", "know"}));
}

TEST(NormalizeTest, DropsPossessives) {
  EXPECT_EQ(NormalizeWords("the spine’s ability, Child's Pose"),
            (Words{"the", "spine", "ability", "child", "pose"}));
}

TEST(NormalizeTest, StripsAccentsAndFoldsUnicodeCase) {
  EXPECT_EQ(NormalizeWords("STRÉTCH Naïve ÜBER"), (Words{"stretch", "naive", "uber"}));
  EXPECT_EQ(FoldCase("Straße"), "strasse");
}

TEST(NormalizeTest, DashesOfEveryKindSeparateWords) {
  EXPECT_EQ(NormalizeWords("upper–middle—back"), (Words{"upper", "middle", "back"}));
}

TEST(NormalizeTest, KeepsAtMostMaxWords) {
  std::string many;
  for (int i = 0; i < 500; ++i) many += "back ";
  EXPECT_EQ(NormalizeWords(many, 10).size(), 10u);
}

TEST(NormalizeTest, EmptyAndSymbolOnlyInputGiveNoWords) {
  EXPECT_TRUE(NormalizeWords("").empty());
  EXPECT_TRUE(NormalizeWords("?!... --- '''").empty());
}

// The analyzer reads the knowledge's ASCII texts token by token (between spaces), each token
// once: that must give the words of the whole text. A word outside ASCII at the end changes
// none of the words before it.
TEST(NormalizeTest, AsciiTextReadsTokenByTokenAsItDoesWhole) {
  std::mt19937 random(7);
  const std::string alphabet = "abcXYZ019 '`,.?-sdtmlrevnI";
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    size_t length = random() % 24;
    for (size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    Words whole = NormalizeWords(text);
    Words tokens;
    std::istringstream in(text);
    for (std::string token; in >> token;)
      for (std::string& w : NormalizeWords(token)) tokens.push_back(std::move(w));
    EXPECT_EQ(tokens, whole) << text;
    whole.push_back("e");
    EXPECT_EQ(NormalizeWords(text + " \xc3\xa9"), whole) << text;
  }
  EXPECT_EQ(NormalizeWords("Don't WORRY, it's `Fine' cant"),
            (Words{"do", "not", "worry", "it", "is", "fine", "can", "not"}));
}

}  // namespace
}  // namespace backtalk
