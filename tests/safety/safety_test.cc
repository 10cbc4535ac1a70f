// Warning signs from the built-in knowledge: each sign in several wordings, and look-alikes
// that are not warning signs.
#include "safety/safety.h"

#include <gtest/gtest.h>

#include "text/normalize.h"

namespace backtalk {
namespace {

class SafetyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    knowledge_ = new Knowledge;
    std::string err;
    ASSERT_TRUE(LoadBuiltinKnowledge(knowledge_, &err)) << err;
    check_ = SafetyCheck::Create(*knowledge_, &err).release();
    ASSERT_NE(check_, nullptr) << err;
  }
  // The ids of the signs found in `question`, most urgent first.
  static std::vector<std::string> Signs(const std::string& question) {
    std::string words;
    for (const std::string& w : NormalizeWords(question)) words += (words.empty() ? "" : " ") + w;
    std::vector<std::string> ids;
    for (const SafetySign* s : check_->Check(words)) ids.push_back(s->id);
    return ids;
  }
  static Knowledge* knowledge_;
  static SafetyCheck* check_;
};
Knowledge* SafetyTest::knowledge_ = nullptr;
SafetyCheck* SafetyTest::check_ = nullptr;

using Ids = std::vector<std::string>;

TEST_F(SafetyTest, EachSignInSeveralWordings) {
  EXPECT_EQ(Signs("my arms feel numb"), Ids{"numbness"});
  EXPECT_EQ(Signs("tingling down my leg"), Ids{"numbness"});
  EXPECT_EQ(Signs("chest pain when I stretch"), Ids{"chest-pain"});
  EXPECT_EQ(Signs("it hurts to breathe"), Ids{"breathing"});
  EXPECT_EQ(Signs("I can't catch my breath"), Ids{"breathing"});
  EXPECT_EQ(Signs("back pain and a fever"), Ids{"fever"});
  EXPECT_EQ(Signs("I lost control of my bladder"), Ids{"bladder-bowel"});
  EXPECT_EQ(Signs("it started after a fall"), Ids{"fall-accident"});
  EXPECT_EQ(Signs("I was in a car accident"), Ids{"fall-accident"});
  EXPECT_EQ(Signs("unexplained weight loss and back pain"), Ids{"weight-loss"});
  EXPECT_EQ(Signs("the pain wakes me up at night"), Ids{"night-pain"});
}

TEST_F(SafetyTest, UrgentSignsComeFirst) {
  Ids ids = Signs("fever and chest pain");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], "chest-pain");
}

TEST_F(SafetyTest, LookAlikesAreNotWarningSigns) {
  EXPECT_EQ(Signs("I fall asleep at my desk and my back gets tight"), Ids{});
  EXPECT_EQ(Signs("best exercises for weight loss"), Ids{});
  EXPECT_EQ(Signs("breathe out as I stretch"), Ids{});
  EXPECT_EQ(Signs("why is my middle back so tight"), Ids{});
}

}  // namespace
}  // namespace backtalk
