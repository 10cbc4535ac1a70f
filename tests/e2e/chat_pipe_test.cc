// The real binary chatting through a pipe: answers, the offer, a yes that prints every step
// with its hold without waiting, JSON lines, end of input mid-offer, a closed pipe, warning
// signs, and `stretch NAME` printed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/process.h"

namespace backtalk::testing {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The posture reset holds 45 seconds at least: a run that waited through them would be killed.
constexpr int kNoWaiting = 10;

TEST(ChatPipeTest, QuestionThenYesPrintsEveryStepWithItsHold) {
  ProcessOptions o;
  o.input = "why is my mid back tight?\nyes\n";
  o.timeout_seconds = kNoWaiting;
  ProcessResult r = RunBacktalk({}, o);
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(Has(r.out, "Postures that involve a lot of sitting")) << r.out;
  EXPECT_TRUE(Has(r.out, "Want to try the posture reset (5 steps, about 2 minutes)? [y/n]\n"));
  for (int i = 1; i <= 5; ++i) EXPECT_TRUE(Has(r.out, "Step " + std::to_string(i) + "/5"));
  EXPECT_TRUE(Has(r.out,
                  "Step 1/5: Focus on sitting upright, with the back straight and the head "
                  "in a neutral position.\n  hold 15-30 s\n"))
      << r.out;
  EXPECT_TRUE(Has(r.out, "That's all of the posture reset"));
  EXPECT_FALSE(Has(r.out, "\033")) << "no colour in a pipe";
  EXPECT_FALSE(Has(r.out, "backtalk>")) << "no prompt in a pipe";
}

TEST(ChatPipeTest, JsonYesNamesTheSequenceAndListsItsSteps) {
  ProcessOptions o;
  o.input = "how do you stretch your upper middle back?\nyes\nhelp\n";
  o.timeout_seconds = kNoWaiting;
  ProcessResult r = RunBacktalk({"--json"}, o);
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<nlohmann::json> lines;
  for (size_t start = 0, end; start < r.out.size(); start = end + 1) {
    end = r.out.find('\n', start);
    lines.push_back(nlohmann::json::parse(r.out.substr(start, end - start)));
  }
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0]["sequence"], "prone-elbow-prop");
  EXPECT_EQ(lines[1]["input"], "yes");
  EXPECT_EQ(lines[1]["sequence"], "prone-elbow-prop");
  const nlohmann::json& steps = lines[1]["started"]["steps"];
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[2]["hold_seconds"], 5);
  EXPECT_EQ(steps[2]["breath"], "Breathe out as your chest sinks.");
  EXPECT_EQ(steps[0]["added"], true);
  for (const char* key : {"input", "matched", "intent", "question", "answer", "score", "sequence",
                          "suggestions", "safety"})
    EXPECT_TRUE(lines[2].contains(key)) << key;
}

TEST(ChatPipeTest, EndOfInputDuringAnOfferEndsCleanly) {
  ProcessOptions o;
  o.input = "how do I relax my mid-back muscles?";  // no newline either
  ProcessResult r = RunBacktalk({}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(r.out.ends_with("Want to try the seated twist (6 steps, about 2 minutes)? [y/n]\n"))
      << r.out;
}

TEST(ChatPipeTest, NoAndOtherQuestionsLetTheOfferGo) {
  ProcessOptions o;
  o.input = "how do I relax my mid-back muscles?\nno\nyes\n";
  ProcessResult r = RunBacktalk({}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "OK. Ask me anything else")) << r.out;
  EXPECT_TRUE(Has(r.out, "Nothing is on offer right now")) << r.out;
  EXPECT_FALSE(Has(r.out, "Step 1/6")) << r.out;
}

TEST(ChatPipeTest, WarningSignsGetTheNoticeAndNoOffer) {
  ProcessOptions o;
  o.input = "my mid back is tight and my fingers are tingling\nyes\n";
  ProcessResult r = RunBacktalk({}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("See a doctor first. Numbness, tingling or weakness", 0), 0u) << r.out;
  EXPECT_FALSE(Has(r.out, "Want to try")) << r.out;
  EXPECT_FALSE(Has(r.out, "Step 1/")) << r.out;
}

TEST(ChatPipeTest, AClosedPipeEndsQuietly) {
  ProcessOptions o;
  for (int i = 0; i < 2000; ++i) o.input += "why is my mid back tight?\nyes\n";
  o.close_stdout_early = true;
  ProcessResult r = RunBacktalk({}, o);
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
}

TEST(ChatPipeTest, StretchNamePrintsTheSequenceInAPipe) {
  ProcessOptions o;
  o.timeout_seconds = kNoWaiting;
  ProcessResult r = RunBacktalk({"stretch", "prone-chest-lift"}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(Has(r.out,
                  "Step 4/5: Press lightly into your hands to deepen the stretch.\n"
                  "  hold 2 breaths\n"))
      << r.out;
  r = RunBacktalk({"stretch", "--list"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(Has(r.out, "seated-twist         the seated twist (6 steps, about 2 minutes)\n"))
      << r.out;
  r = RunBacktalk({"stretch", "seated-twirl"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Has(r.err, "unknown sequence 'seated-twirl'")) << r.err;
}

}  // namespace
}  // namespace backtalk::testing
