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

TEST(RegexTest, SetReturnsEachTagOnceSortedAndIgnoresCase) {
  PatternSet set;
  std::string error;
  ASSERT_TRUE(set.Add(R"(\btight\b)", 4, &error));
  ASSERT_TRUE(set.Add(R"(\bstiff\b)", 4, &error));
  ASSERT_TRUE(set.Add(R"(\bback\b)", 1, &error));
  ASSERT_TRUE(set.Compile(&error));
  EXPECT_EQ(set.Match("my BACK is tight and stiff"), (std::vector<int>{1, 4}));
  EXPECT_TRUE(set.Match("nothing here").empty());
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
