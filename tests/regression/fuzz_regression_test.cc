// Inputs the fuzzers (tests/fuzz/) once crashed on, kept as tests. Every file in
// tests/fuzz/regressions/<target>/ is fed to what that fuzzer exercises, so a crash found
// later only needs its input copied there; the cases below also check the exact outcome.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/reply_json.h"
#include "import/csv_reader.h"
#include "knowledge/knowledge.h"
#include "support/builtin.h"

namespace backtalk {
namespace {

std::vector<std::string> Inputs(const std::string& target) {
  std::vector<std::string> paths;
  std::filesystem::path dir =
      std::filesystem::path(BACKTALK_SOURCE_DIR) / "tests/fuzz/regressions" / target;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file()) paths.push_back(entry.path().string());
  return paths;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(FuzzRegressionTest, KnowledgeInputsLoadOrFailWithAMessage) {
  for (const std::string& path : Inputs("knowledge")) {
    SCOPED_TRACE(path);
    Knowledge k;
    std::string err;
    if (!LoadKnowledge(Read(path), "fuzz.json", &k, &err)) {
      EXPECT_FALSE(err.empty());
      continue;
    }
    std::unique_ptr<Engine> engine = Engine::Create(std::move(k), &err);
    if (engine) engine->Ask("why is my mid back tight?", /*explain=*/true);
  }
}

TEST(FuzzRegressionTest, MatchInputsGetAReply) {
  const Engine& engine = testing::BuiltinEngine();
  for (const std::string& path : Inputs("match")) {
    SCOPED_TRACE(path);
    for (bool explain : {false, true}) {
      Reply reply = engine.Ask(Read(path), explain);
      EXPECT_GE(reply.score, 0);
      EXPECT_LE(reply.score, 1);
      EXPECT_FALSE(ReplyJsonLine(reply).empty());
    }
  }
}

TEST(FuzzRegressionTest, CsvInputsSplitIntoRowsInLineOrderOrFailWithAPosition) {
  for (const std::string& path : Inputs("csv")) {
    SCOPED_TRACE(path);
    std::string text = Read(path);
    for (char delimiter : {',', '\t'}) {
      std::vector<CsvRow> rows;
      std::string err;
      if (SplitCsv(text, delimiter, "fuzz.csv", &rows, &err)) {
        int line = 1;
        for (const CsvRow& row : rows) {
          EXPECT_GE(row.line, line);
          line = row.line;
        }
      } else {
        EXPECT_EQ(err.rfind("fuzz.csv:", 0), 0u) << err;
      }
      FaqDocument doc;
      err.clear();
      if (!ParseCsvDocument(text, delimiter, "fuzz.csv", &doc, &err)) {
        EXPECT_FALSE(err.empty());
      }
    }
  }
}

// A TSV line holding only a tab is a row of two empty fields, which was given line 0: lines
// with nothing but spaces and tabs were not counted as the start of a row.
TEST(FuzzRegressionTest, ALoneTabIsARowOnItsLine) {
  std::vector<CsvRow> rows;
  std::string err;
  ASSERT_TRUE(SplitCsv("\t\r\n*uestio", '\t', "f.tsv", &rows, &err)) << err;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"", ""}));
  EXPECT_EQ(rows[1].line, 2);
}

// A number too large for a double made nlohmann throw out_of_range, which nothing caught.
TEST(FuzzRegressionTest, NumberOverflowIsASyntaxErrorWithItsPosition) {
  Knowledge k;
  std::string err;
  EXPECT_FALSE(LoadKnowledge("{\"intents\": [],\n \"x\": 1e999}", "kb.json", &k, &err));
  EXPECT_EQ(err,
            "kb.json:2:7: number overflow parsing '1e999'\n"
            " \"x\": 1e999}\n"
            "      ^");
}

}  // namespace
}  // namespace backtalk
