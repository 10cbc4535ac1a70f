// Labelled sets: parsing with exact errors, and the report's counts.
#include "eval/evaluation.h"

#include <gtest/gtest.h>

#include "support/builtin.h"

namespace backtalk {
namespace {

class EvaluationTest : public ::testing::Test {
 protected:
  const Engine* engine_ = &testing::BuiltinEngine();
  std::vector<std::string> warnings_;
};

TEST_F(EvaluationTest, ParsesSkippingCommentsAndBlankLines) {
  std::vector<LabelledQuestion> set;
  std::string err;
  ASSERT_TRUE(
      ParseLabelled("# header\n\nWhy is my middle back so tight?\tstiff mid back\n"
                    "-\thow do I bake bread\r\n",
                    "set.tsv", engine_->knowledge(), &set, &warnings_, &err))
      << err;
  ASSERT_EQ(set.size(), 2u);
  EXPECT_EQ(set[0].line, 3);
  EXPECT_EQ(set[1].expected, "-");
  EXPECT_EQ(set[1].input, "how do I bake bread");
}

TEST_F(EvaluationTest, ReportsMalformedLinesWithTheirNumber) {
  std::vector<LabelledQuestion> set;
  std::string err;
  EXPECT_FALSE(ParseLabelled("-\tok\nno tab here\n", "set.tsv", engine_->knowledge(), &set,
                             &warnings_, &err));
  EXPECT_EQ(err,
            "set.tsv:2: expected 'expected<TAB>input' (the expected question or -, a tab, the "
            "input)");
  EXPECT_FALSE(ParseLabelled("-\t  \n", "set.tsv", engine_->knowledge(), &set, &warnings_, &err));
  EXPECT_EQ(err, "set.tsv:1: the input after the tab is empty");
  EXPECT_FALSE(
      ParseLabelled("# nothing\n", "set.tsv", engine_->knowledge(), &set, &warnings_, &err));
  EXPECT_EQ(err, "set.tsv: holds no labelled questions");
}

TEST_F(EvaluationTest, AnUnknownLabelIsAWarningAndAMiss) {
  std::vector<LabelledQuestion> set;
  std::string err;
  ASSERT_TRUE(ParseLabelled("Is yoga good?\tis yoga good for my back\n", "set.tsv",
                            engine_->knowledge(), &set, &warnings_, &err))
      << err;
  ASSERT_EQ(warnings_.size(), 1u);
  EXPECT_EQ(warnings_[0],
            "set.tsv:1: warning: 'Is yoga good?' is not a question of the knowledge (built-in); "
            "counted as a miss");
  EvalReport r = Evaluate(*engine_, set);
  EXPECT_EQ(r.in_scope, 1);
  EXPECT_EQ(r.in_scope_correct, 0);
}

TEST_F(EvaluationTest, CountsHitsMissesAndConfusions) {
  std::vector<LabelledQuestion> set = {
      {1, "Why is my middle back so tight?", "why is my mid back stiff"},
      {2, "Why is my middle back so tight?", "what are good upper back exercises"},
      {3, "-", "what is the weather like"},
      {4, "-", "how do I relax my mid back muscles"},
  };
  EvalReport r = Evaluate(*engine_, set);
  EXPECT_EQ(r.in_scope, 2);
  EXPECT_EQ(r.in_scope_correct, 1);
  EXPECT_EQ(r.out_of_scope, 2);
  EXPECT_EQ(r.out_of_scope_rejected, 1);
  EXPECT_DOUBLE_EQ(r.Accuracy(), 0.5);
  ASSERT_EQ(r.misses.size(), 2u);
  EXPECT_EQ(r.misses[0].got, "What are the best exercises for upper back?");
  EXPECT_EQ(r.misses[1].got, "How do I relax my mid-back muscles?");
  EXPECT_EQ((r.confusion[{"-", "How do I relax my mid-back muscles?"}]), 1);
  std::string text = FormatReport(r);
  EXPECT_EQ(r.in_scope_wrong, 1);
  EXPECT_EQ(r.in_scope_suggested, 0);
  EXPECT_NE(text.find("in scope:     1/2 answered correctly (50.0%), 1 answered wrongly (50.0%), 0 "
                      "not answered but suggested first (0.0%)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("out of scope: 1/2 rejected (50.0%), 1 answered (50.0%)"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace backtalk
