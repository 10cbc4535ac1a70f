// The real binary through a pipe: ask, --json, check, eval, explain, and pipe-mode chat.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "e2e/process.h"

namespace backtalk::testing {
namespace {

using nlohmann::json;

TEST(PipeTest, AskAnswersAndExitsZero) {
  ProcessResult r = RunBacktalk({"ask", "why is my mid back so stiff?"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Postures that involve a lot of sitting"), std::string::npos) << r.out;
}

TEST(PipeTest, AskWithoutAnswerExitsOne) {
  ProcessResult r = RunBacktalk({"ask", "how", "do", "I", "fix", "my", "car"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("I don't know that."), std::string::npos) << r.out;
}

TEST(PipeTest, AskAboutAThingTheDocumentNeverMentionsNamesIt) {
  ProcessResult r = RunBacktalk({"ask", "what kind of mattress is best for back pain"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("I don't know that: the document never mentions \"mattress\"."),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Closest topics:"), std::string::npos) << r.out;
  ProcessResult e = RunBacktalk({"explain", "is a massage gun good for back knots"});
  EXPECT_NE(e.out.find("asks about:  massage (a thing the knowledge never names)"),
            std::string::npos)
      << e.out;
}

TEST(PipeTest, AskJsonHasTheContractFields) {
  ProcessResult r = RunBacktalk({"ask", "--json", "how do I strech my middle back"});
  ASSERT_EQ(r.status, 0) << r.err;
  json j = json::parse(r.out);
  for (const char* key : {"input", "matched", "intent", "question", "answer", "score", "sequence",
                          "suggestions", "safety"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["input"], "how do I strech my middle back");
  EXPECT_EQ(j["matched"], true);
  EXPECT_EQ(j["question"], "How do you stretch your middle back?");
  EXPECT_EQ(j["sequence"], "prone-chest-lift");
  EXPECT_GT(j["score"].get<double>(), 0.5);
  EXPECT_LE(j["score"].get<double>(), 1.0);
  EXPECT_TRUE(j["safety"].is_null());
}

TEST(PipeTest, JsonPipeGivesOneObjectPerNonBlankLine) {
  ProcessOptions o;
  o.input = "why is my middle back tight\n\n   \nwhat is the weather like\nlower back stretches\n";
  ProcessResult r = RunBacktalk({"--json"}, o);
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<json> lines;
  size_t start = 0;
  while (start < r.out.size()) {
    size_t end = r.out.find('\n', start);
    lines.push_back(json::parse(r.out.substr(start, end - start)));
    start = end + 1;
  }
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0]["matched"], true);
  EXPECT_EQ(lines[1]["matched"], false);
  EXPECT_TRUE(lines[1]["question"].is_null());
  EXPECT_EQ(lines[2]["matched"], false);
  EXPECT_EQ(lines[2]["uncovered"], "lower back");
  EXPECT_FALSE(lines[2]["suggestions"].empty());
}

TEST(PipeTest, CheckBuiltInKnowledge) {
  ProcessResult r = RunBacktalk({"check"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("ok: 9 intents, ", 0), 0u) << r.out;
}

TEST(PipeTest, CheckReportsSyntaxErrorWithPositionAndExitsTwo) {
  std::string path = TempDir() + "/broken.json";
  std::ofstream(path) << "{\n  \"intents\": [\n    {\"id\": \"a\",}\n  ]\n}\n";
  ProcessResult r = RunBacktalk({"check", path});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind("backtalk: " + path + ":3:", 0), 0u) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(PipeTest, KnowledgeOptionReplacesTheBuiltInOne) {
  ProcessResult r = RunBacktalk({"--knowledge", "/nonexistent/kb.json", "ask", "hello"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent/kb.json: cannot read the knowledge file"), std::string::npos)
      << r.err;
}

TEST(PipeTest, EvalReportsRatesAndHonoursTheFloor) {
  std::string path = TempDir() + "/set.tsv";
  std::ofstream(path) << "# a comment\n"
                         "Why is my middle back so tight?\twhy is my mid back stiff\n"
                         "-\thow do I bake bread\n"
                         "How do you release back tension?\twhat is the capital of France\n";
  ProcessResult r = RunBacktalk({"eval", path});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("in scope:     1/2 answered correctly (50.0%)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("out of scope: 1/1 rejected (100.0%)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("miss (line 4): \"what is the capital of France\""), std::string::npos);
  EXPECT_NE(r.out.find("How do you release back tension? -> -: 1"), std::string::npos);
  r = RunBacktalk({"eval", path, "--min-accuracy", "0.95"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("under the floor of 95.0%"), std::string::npos) << r.err;
}

// A set that cannot be read is an error with its reason, not an empty set.
TEST(PipeTest, EvalReportsALabelledSetItCannotRead) {
  std::string dir = TempDir();
  ProcessResult r = RunBacktalk({"eval", dir});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "backtalk: " + dir + ": cannot read the labelled set: Is a directory\n");
  r = RunBacktalk({"eval", dir + "/missing.tsv"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "backtalk: " + dir +
                       "/missing.tsv: cannot read the labelled set: No such file or directory\n");
}

TEST(PipeTest, EvalWarnsOfAQuestionTheKnowledgeDoesNotHaveAndCountsAMiss) {
  std::string path = TempDir() + "/bad.tsv";
  std::ofstream(path) << "Why is my back tight?\twhy is my mid back stiff\n";
  ProcessResult r = RunBacktalk({"eval", path, "--min-accuracy", "50"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.find("backtalk: " + path +
                       ":1: warning: 'Why is my back tight?' is not a question of the knowledge "
                       "(built-in); counted as a miss\n"),
            0u)
      << r.err;
  EXPECT_NE(r.out.find("in scope:     0/1 answered correctly (0.0%), 1 answered wrongly"),
            std::string::npos)
      << r.out;
}

TEST(PipeTest, ExplainShowsCorrectionsSynonymsAndEvidence) {
  ProcessResult r = RunBacktalk({"explain", "why", "is", "my", "midle", "back", "so", "stif"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("corrections: midle -> middle, stif -> stiff"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("synonyms:    stiff -> tight"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1. middle-back-tight  score 0.99"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("coverage 0.98 (share of the input it explains), focus 1.00"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("tight (question 1.00 x weight 1.00)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("decision: answer"), std::string::npos) << r.out;
}

TEST(PipeTest, UnknownCommandSuggestsTheClosest) {
  ProcessResult r = RunBacktalk({"expain", "x"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown command 'expain', did you mean 'explain'?"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace backtalk::testing
