// PatternSet: many RE2 patterns in one pass, tags back, errors with RE2's message.
#include "util/regex.h"

#include <gtest/gtest.h>

namespace backtalk {
namespace {

TEST(RegexTest, CheckPatternGivesRe2sMessage) {
  std::string error;
  EXPECT_TRUE(CheckPattern(R"(\bhow long\b)", &error));
  EXPECT_FALSE(CheckPattern("(tight", &error));
  EXPECT_EQ(error, "missing ): (tight");
}

TEST(RegexTest, SetReturnsEachTagOnceSorted) {
  PatternSet set;
  std::string error;
  ASSERT_TRUE(set.Add(R"(\btight\b)", 4, &error));
  ASSERT_TRUE(set.Add(R"(\bstiff\b)", 4, &error));
  ASSERT_TRUE(set.Add(R"(\bback\b)", 1, &error));
  ASSERT_TRUE(set.Compile(&error));
  EXPECT_EQ(set.Match("my back is tight and stiff"), (std::vector<int>{1, 4}));
  EXPECT_TRUE(set.Match("nothing here").empty());
}

// Patterns see normalised, case-folded text; a pattern written with capitals still matches it,
// as it would case-insensitively.
TEST(RegexTest, PatternsWithCapitalsMatchFoldedText) {
  PatternSet set;
  std::string error;
  ASSERT_TRUE(set.Add(R"(\bTENS (Unit|machine)\b)", 1, &error));
  ASSERT_TRUE(set.Add("\xce\xa9 unit", 2, &error));  // "Ω unit"
  ASSERT_TRUE(set.Add(R"(^\W*ok\W*$)", 3, &error));  // \W is not a capital letter
  ASSERT_TRUE(set.Compile(&error));
  EXPECT_EQ(set.Match("is a tens unit safe"), (std::vector<int>{1}));
  EXPECT_EQ(set.Match("a \xcf\x89 unit"), (std::vector<int>{2}));  // "ω unit"
  EXPECT_EQ(set.Match("ok!"), (std::vector<int>{3}));
}

TEST(RegexTest, ForFoldedTextWrapsOnlyWhatNeedsIt) {
  EXPECT_EQ(ForFoldedText(R"(\bhow long\b)"), R"(\bhow long\b)");
  EXPECT_EQ(ForFoldedText(R"(\bHow\b)"), R"((?i:\bHow\b))");
  EXPECT_EQ(ForFoldedText(R"(\S+)"), R"((?i:\S+))");
  EXPECT_EQ(ForFoldedText("caf\xc3\xa9"), "(?i:caf\xc3\xa9)");
  EXPECT_EQ(ForFoldedText(R"(\x41b)"), R"((?i:\x41b))");  // \x41 is "A"
  EXPECT_EQ(ForFoldedText(R"(\101)"), R"((?i:\101))");
  EXPECT_EQ(ForFoldedText("[[:upper:]]b"), "(?i:[[:upper:]]b)");
  EXPECT_EQ(ForFoldedText(R"(a\\x)"), R"(a\\x)");  // a backslash, then "x"
}

TEST(RegexTest, ErrorsNameThePatternAsWritten) {
  std::string error;
  EXPECT_FALSE(CheckPattern("(Tight", &error));
  EXPECT_EQ(error, "missing ): (Tight");
  PatternSet set;
  EXPECT_FALSE(set.Add("(Tight", 0, &error));
  EXPECT_EQ(error, "missing ): (Tight");
}

TEST(RegexTest, AnAnchoredSetMatchesWholeTextsOnly) {
  PatternSet set(RE2::ANCHOR_BOTH);
  std::string error;
  ASSERT_TRUE(set.Add("hi|hello( there)?", 1, &error));
  ASSERT_TRUE(set.Add("thanks", 2, &error));
  ASSERT_TRUE(set.Compile(&error));
  EXPECT_EQ(set.Match("hello there"), (std::vector<int>{1}));
  EXPECT_EQ(set.Match("hi"), (std::vector<int>{1}));
  EXPECT_EQ(set.Match("thanks"), (std::vector<int>{2}));
  EXPECT_TRUE(set.Match("hello my back hurts").empty());
  EXPECT_TRUE(set.Match("oh hi").empty());
}

TEST(RegexTest, AddRejectsABadPattern) {
  PatternSet set;
  std::string error;
  EXPECT_FALSE(set.Add("a[b", 0, &error));
  EXPECT_EQ(error, "missing ]: [b");
}

TEST(RegexTest, AnEmptySetMatchesNothing) {
  PatternSet set;
  std::string error;
  ASSERT_TRUE(set.Compile(&error));
  EXPECT_TRUE(set.empty());
  EXPECT_TRUE(set.Match("anything").empty());
}

}  // namespace
}  // namespace backtalk
