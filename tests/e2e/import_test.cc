// The real binary: backtalk import DOCUMENT [-o FILE] [--force], and eval --self.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e/process.h"

namespace backtalk::testing {
namespace {

std::string Fixed(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

using nlohmann::json;

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

std::string ImportBackFaq(const std::string& dir) {
  std::string kb = dir + "/kb.json";
  ProcessResult r = RunBacktalk({"import", SourcePath("knowledge/back-faq.txt"), "-o", kb});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  return kb;
}

TEST(ImportTest, TheBackFaqImportsAndChecks) {
  std::string dir = TempDir();
  std::string kb = dir + "/kb.json";
  ProcessResult r = RunBacktalk({"import", SourcePath("knowledge/back-faq.txt"), "-o", kb});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("back-faq.txt: 9 questions, 4 sequences -> " + kb), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("not distinctive: \"What are the best exercises for mid back?\" and "
                       "\"What are the best exercises for middle back pain?\""),
            std::string::npos)
      << r.err;
  ProcessResult check = RunBacktalk({"check", kb});
  EXPECT_EQ(check.status, 0) << check.err;
  EXPECT_EQ(check.out.rfind("ok: 9 intents, 4 sequences", 0), 0u) << check.out;
  // The draft's threshold and margin are its own, from its self-test.
  json draft = json::parse(Read(kb));
  std::string line = "settings: threshold " + Fixed(draft["settings"]["threshold"]) + ", margin " +
                     Fixed(draft["settings"]["margin"]);
  EXPECT_NE(check.out.find(line), std::string::npos) << check.out;
  EXPECT_NE(draft["settings"]["threshold"], 0.5);  // not the default
}

TEST(ImportTest, EveryQuestionAnswersItself) {
  std::string kb = ImportBackFaq(TempDir());
  json k = json::parse(Read(kb));
  ASSERT_EQ(k["intents"].size(), 9u);
  for (const json& intent : k["intents"]) {
    std::string question = intent["question"];
    ProcessResult r = RunBacktalk({"--knowledge", kb, "ask", "--json", question});
    ASSERT_EQ(r.status, 0) << question << "\n" << r.out << r.err;
    EXPECT_EQ(json::parse(r.out)["question"], question);
  }
}

TEST(ImportTest, TheImportedKnowledgeAnswersParaphrases) {
  // A draft knows nothing of the topics its document leaves out ("my lower back", "my neck"):
  // the hand-written knowledge lists them, and rejects far more of those.
  std::string kb = ImportBackFaq(TempDir());
  ProcessResult r =
      RunBacktalk({"--knowledge", kb, "eval", SourcePath("tests/data/paraphrases.tsv"),
                   "--min-accuracy", "90", "--max-wrong", "5", "--min-rejection", "60"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
}

TEST(ImportTest, TheElbowPropAndTheChestLiftComeOutAsSequences) {
  std::string kb = ImportBackFaq(TempDir());
  json k = json::parse(Read(kb));
  ASSERT_EQ(k["intents"][0]["sequence"], "stretch-upper-middle-back");
  ASSERT_EQ(k["intents"][8]["sequence"], "stretch-middle-back");
  json prop, lift;
  for (const json& s : k["sequences"]) {
    if (s["id"] == "stretch-upper-middle-back") prop = s;
    if (s["id"] == "stretch-middle-back") lift = s;
  }
  ASSERT_TRUE(prop.is_object()) << k["sequences"].dump(2);
  EXPECT_EQ(prop["steps"][1]["hold_seconds"], 5);
  EXPECT_EQ(prop["steps"][2]["text"], "Slowly return to the floor.");
  ASSERT_TRUE(lift.is_object());
  EXPECT_EQ(lift["steps"][3]["text"], "Press lightly into your hands to deepen the stretch.");
  EXPECT_EQ(lift["steps"][3]["hold_breaths"], 2);
  ProcessResult list = RunBacktalk({"--knowledge", kb, "stretch", "--list"});
  EXPECT_EQ(list.status, 0) << list.err;
  EXPECT_NE(list.out.find("stretch-middle-back"), std::string::npos) << list.out;
}

TEST(ImportTest, WithoutOutputTheKnowledgeGoesToStandardOutput) {
  ProcessResult r = RunBacktalk({"import", SourcePath("tests/data/import/bicycle-qa.txt")});
  ASSERT_EQ(r.status, 0) << r.err;
  json k = json::parse(r.out);
  EXPECT_EQ(k["format"], "backtalk-knowledge/1");
  EXPECT_EQ(k["document"], "bicycle-qa.txt");
  EXPECT_EQ(k["intents"].size(), 4u);
  EXPECT_NE(r.err.find("bicycle-qa.txt: 4 questions, "), std::string::npos) << r.err;
}

TEST(ImportTest, AMarkdownFaqOnAnotherTopic) {
  std::string kb = TempDir() + "/plants.json";
  ProcessResult r =
      RunBacktalk({"import", SourcePath("tests/data/import/houseplants.md"), "-o", kb});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("houseplants.md: 6 questions, 2 sequences"), std::string::npos) << r.err;
  ProcessResult ask =
      RunBacktalk({"--knowledge", kb, "ask", "--json", "how do I get rid of gnats"});
  ASSERT_EQ(ask.status, 0) << ask.out << ask.err;
  EXPECT_EQ(json::parse(ask.out)["question"], "How do I get rid of fungus gnats?");
  EXPECT_EQ(RunBacktalk({"--knowledge", kb, "ask", "why is my middle back so tight"}).status, 1);
}

TEST(ImportTest, AnExistingFileIsOverwrittenOnlyWithForce) {
  std::string dir = TempDir();
  std::string kb = dir + "/kb.json";
  std::ofstream(kb) << "keep me";
  ProcessResult r = RunBacktalk({"import", SourcePath("knowledge/back-faq.txt"), "-o", kb});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "backtalk: " + kb + ": already exists; use --force to overwrite it\n");
  EXPECT_EQ(Read(kb), "keep me");
  r = RunBacktalk({"import", SourcePath("knowledge/back-faq.txt"), "-o", kb, "--force"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(Read(kb))["intents"].size(), 9u);
}

TEST(ImportTest, BadDocumentsAreClearErrors) {
  std::string dir = TempDir();
  struct Case {
    std::string name;
    std::string bytes;
    std::string error;
  };
  std::vector<Case> cases = {
      {"empty.txt", "",
       "empty.txt: is empty; an FAQ document has questions, each followed by its answer"},
      {"binary.bin",
       std::string("\x7f"
                   "ELF\x02\x01\x01\0\0\0?",
                   12),
       "binary.bin: is a binary file, not an FAQ document (text or Markdown)"},
      {"latin1.txt", "Why?\n\nBecause.\n\nQu\xE9 pasa?\n",
       "latin1.txt:5:3: invalid UTF-8 (byte 0xE9); save the document as UTF-8"},
      {"notes.txt", "Shopping list\n- milk\n- bread\n",
       "notes.txt: no questions found (a question is a line ending in '?')"},
  };
  for (const Case& c : cases) {
    std::string path = dir + "/" + c.name;
    std::ofstream(path, std::ios::binary) << c.bytes;
    std::string out = dir + "/" + c.name + ".json";
    ProcessResult r = RunBacktalk({"import", path, "-o", out});
    EXPECT_EQ(r.status, 2) << c.name;
    EXPECT_EQ(r.err, "backtalk: " + dir + "/" + c.error + "\n");
    EXPECT_FALSE(Exists(out)) << c.name;
  }
  ProcessResult r = RunBacktalk({"import", dir + "/missing.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "backtalk: " + dir +
                       "/missing.txt: cannot read the document: No such file or directory\n");
  EXPECT_EQ(r.out, "");
  r = RunBacktalk({"import"});
  EXPECT_EQ(r.status, 2);
}

TEST(ImportTest, EvalSelfTestsAKnowledgeFile) {
  std::string kb = ImportBackFaq(TempDir());
  ProcessResult r = RunBacktalk({"eval", "--self", "--knowledge", kb});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("self-test of " + kb + ": 9 intents"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unreachable: none"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("threshold sweep"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("recommended"), std::string::npos) << r.out;
  ProcessResult builtin = RunBacktalk({"eval", "--self"});
  EXPECT_EQ(builtin.status, 0) << builtin.err;
  EXPECT_NE(builtin.out.find("self-test of built-in"), std::string::npos) << builtin.out;
}

TEST(ImportTest, EvalSelfReportsAnUnreachableIntentWithExitOne) {
  std::string kb = TempDir() + "/twins.json";
  std::ofstream(kb) << R"({"intents": [
    {"id": "a", "question": "How do I water ferns?", "answer": "Weekly.",
     "keywords": {"water": 1, "ferns": 1}},
    {"id": "b", "question": "How do I water my ferns?", "answer": "Weekly.",
     "keywords": {"water": 1, "ferns": 1, "mist": 0.5}}]})";
  ProcessResult r = RunBacktalk({"eval", "--self", "--knowledge", kb});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("unreachable: b"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "backtalk: no variant of its question reaches b\n");
}

TEST(ImportTest, EvalWithoutAFileOrSelfIsAUsageError) {
  ProcessResult r = RunBacktalk({"eval"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("eval needs a labelled file"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace backtalk::testing
