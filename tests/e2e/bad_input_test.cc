// The bad-input matrix, against the real binary: each case gets a clear message or a quiet
// correct exit, in bounded time and memory, and loses nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>

#include "e2e/process.h"

namespace backtalk::testing {
namespace {

using nlohmann::json;

// A bound on peak memory that a line of any length must stay under. AddressSanitizer's shadow
// memory and quarantine multiply what a process holds, so its build gets a looser bound.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMemoryBoundKb = 256 * 1024;
#else
constexpr long kMemoryBoundKb = 64 * 1024;
#endif

std::vector<json> JsonLines(const std::string& out) {
  std::vector<json> lines;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    lines.push_back(json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

TEST(BadInputTest, InvalidUtf8IsRepairedAndStillAnswered) {
  ProcessOptions o;
  o.input = "why is my mid back \xff\xfe so tight\n";
  ProcessResult r = RunBacktalk({"--json"}, o);
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<json> lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["input"], "why is my mid back \xEF\xBF\xBD\xEF\xBF\xBD so tight");
  EXPECT_EQ(lines[0]["question"], "Why is my middle back so tight?");
}

TEST(BadInputTest, NulBytesAreSpaces) {
  ProcessOptions o;
  o.input = std::string("why is my mid\0back so tight\n", 28);
  ProcessResult r = RunBacktalk({"--json"}, o);
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<json> lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["input"], "why is my mid back so tight");
  EXPECT_EQ(lines[0]["matched"], true);
}

TEST(BadInputTest, TerminalEscapesAreNeverEchoedRaw) {
  ProcessOptions o;
  o.input =
      "\x1b[2J\x1b]0;owned\x07 how do I stretch my \x9b"
      "31m lower back\n";
  ProcessResult r = RunBacktalk({}, o);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos) << r.out;
  r = RunBacktalk({"ask", "\x1b[31mwhy is my back \x1b[0m tight"});
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
}

TEST(BadInputTest, ATenMegabyteLineIsHandledInBoundedMemory) {
  ProcessOptions o;
  o.input.reserve(10 << 20);
  while (o.input.size() < (10u << 20)) o.input += "tight back ";
  o.input += "\nwhy is my mid back so tight\n";
  ProcessResult r = RunBacktalk({"--json"}, o);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(r.timed_out);
  std::vector<json> lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["input"].get<std::string>().size(), 64u * 1024);  // read up to 64 KiB
  EXPECT_EQ(lines[1]["matched"], true);  // the next line is read whole and answered
  EXPECT_LT(r.max_rss_kb, kMemoryBoundKb) << "peak memory in KiB";
}

TEST(BadInputTest, AMillionBlankLinesAreSkippedQuietly) {
  ProcessOptions o;
  o.input = std::string(1000000, '\n') + "why is my mid back so tight\n" + std::string(1000, ' ');
  ProcessResult r = RunBacktalk({"--json"}, o);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(JsonLines(r.out).size(), 1u);
  EXPECT_EQ(r.err, "");
}

TEST(BadInputTest, EmptyInputEndsCleanly) {
  ProcessResult r = RunBacktalk({});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST(BadInputTest, AClosedPipeEndsQuietly) {
  ProcessOptions o;
  for (int i = 0; i < 20000; ++i) o.input += "why is my mid back so tight\n";
  o.close_stdout_early = true;
  ProcessResult r = RunBacktalk({"--json"}, o);
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
}

TEST(BadInputTest, InterruptInAPipeEndsLikeAnyFilterWithWholeLines) {
  // Standard input stays open, so backtalk is waiting for the next line when Ctrl-C comes.
  ProcessOptions o;
  o.input = "why is my mid back tight\n";
  o.keep_stdin_open = true;
  o.interrupt_after_output = 1;
  ProcessResult r = RunBacktalk({}, o);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.signal, SIGINT);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("Want to try the posture reset"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.back(), '\n');
}

TEST(BadInputTest, InterruptDuringARealtimeHoldEndsAtOnce) {
  ProcessOptions o;
  o.input = "stretch posture-reset\n";
  o.keep_stdin_open = true;
  o.interrupt_after_output = 1;
  ProcessResult r = RunBacktalk({"--realtime"}, o);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.signal, SIGINT);
  EXPECT_EQ(r.err, "");
}

TEST(BadInputTest, AReadErrorOnStandardInputIsAnErrorNotTheEnd) {
  // A folder as standard input opens, but every read of it fails.
  ProcessOptions o;
  o.binary = "/bin/sh";
  ProcessResult r = RunBacktalk({"-c", std::string("exec '") + BACKTALK_BINARY + "' < /"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "backtalk: standard input: cannot read: Is a directory\n");
}

TEST(BadInputTest, ALastLineWithoutNewlineIsReadAndEndsCleanly) {
  ProcessOptions o;
  o.input = "why is my mid back tight\nyes";  // input ends without a newline after "yes"
  ProcessResult r = RunBacktalk({}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Step 5/5"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

class BadKnowledgeTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = TempDir(); }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  // Runs `ask` with the knowledge file and expects exit 2 with exactly `message`.
  void ExpectError(const std::string& path, const std::string& message,
                   const ProcessOptions& o = {}) {
    ProcessResult r = RunBacktalk({"--knowledge", path, "ask", "why is my back tight"}, o);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "backtalk: " + message + "\n");
  }
  std::string dir_;
};

TEST_F(BadKnowledgeTest, Missing) {
  ExpectError(dir_ + "/none.json",
              dir_ + "/none.json: cannot read the knowledge file: No such file or directory");
}

TEST_F(BadKnowledgeTest, AFolder) {
  ExpectError(dir_, dir_ + ": is a folder, not a knowledge file");
}

TEST_F(BadKnowledgeTest, Unreadable) {
  // Mode 0 keeps a file from its owner, but not from root: as root, backtalk runs as nobody,
  // from a copy in a folder nobody can reach wherever the checkout is.
  ProcessOptions o;
  if (geteuid() == 0) {
    std::string why;
    dir_ = PrepareRunAsNobody(&o, &why);
    if (dir_.empty()) GTEST_SKIP() << why;
  }
  std::string path = Write("secret.json", "{}");
  chmod(path.c_str(), 0);
  if (!o.as_nobody && std::ifstream(path).is_open())
    GTEST_SKIP() << "this user reads a file of mode 0 without being root";
  ExpectError(path, path + ": cannot read the knowledge file: Permission denied", o);
}

TEST_F(BadKnowledgeTest, Binary) {
  std::string path = Write("kb.bin", std::string("\x7f"
                                                 "ELF\0\0\1",
                                                 7));
  ExpectError(path, path + ": is a binary file, not a knowledge file (JSON)");
}

TEST_F(BadKnowledgeTest, Empty) {
  std::string path = Write("empty.json", "");
  ExpectError(path, path + ": is empty; a knowledge file is a JSON object with \"intents\"");
}

TEST_F(BadKnowledgeTest, ValidJsonOfTheWrongShape) {
  std::string path = Write("list.json", "[\"why is my back tight\"]\n");
  ExpectError(path, path + ": /: expected an object, found array");
  path = Write("intents.json", "{\"intents\": [{\"question\": 7}]}\n");
  ExpectError(path, path + ": /intents/0/id: missing (a string is required)\n" + path +
                        ": /intents/0/question: expected a string, found number\n" + path +
                        ": /intents/0/answer: missing (a string is required)\n" + path +
                        ": /intents/0/keywords: missing (an object of word: weight is required)");
}

TEST_F(BadKnowledgeTest, ABadPainPatternFailsCheckWithItsPointer) {
  std::string path = Write("pain.json", R"({"intents": [{"id": "a", "question": "Why?",
      "answer": "Because.", "keywords": {"why": 1}}],
    "pain": {"patterns": ["\\bouch\\b", "(it hurts"], "notice": "Stop."}})");
  ProcessResult r = RunBacktalk({"check", path});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "backtalk: " + path + ": /pain/patterns/1: invalid pattern: missing ): (it hurts\n");
}

}  // namespace
}  // namespace backtalk::testing
