// The real binary: backtalk import DOCUMENT [-o FILE] [--force], and eval --self.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
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

std::vector<std::string> Questions(const json& k) {
  std::vector<std::string> questions;
  for (const json& intent : k["intents"]) questions.push_back(intent["question"]);
  return questions;
}

// Each question of the knowledge in `kb`, asked verbatim, answers itself.
void ExpectEveryQuestionAnswersItself(const std::string& kb) {
  for (const std::string& question : Questions(json::parse(Read(kb)))) {
    ProcessResult ask = RunBacktalk({"--knowledge", kb, "ask", "--json", question});
    ASSERT_EQ(ask.status, 0) << question << "\n" << ask.out << ask.err;
    EXPECT_EQ(json::parse(ask.out)["question"], question);
  }
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
  ExpectEveryQuestionAnswersItself(kb);
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
  EXPECT_NE(r.err.find("houseplants.md: 7 questions, 2 sequences"), std::string::npos) << r.err;
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
       "binary.bin: is a binary file, not an FAQ document (text, Markdown, HTML or CSV)"},
      {"latin1.txt", "Why?\n\nBecause.\n\nQu\xE9 pasa?\n",
       "latin1.txt:5:3: invalid UTF-8 (byte 0xE9); save the document as UTF-8"},
      {"notes.txt", "Shopping list\n- milk\n- bread\n",
       "notes.txt: no questions found (looked for \"Q:\"/\"A:\" blocks, Markdown "
       "headings or **bold** lines ending in '?', and lines ending in '?')"},
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

TEST(ImportTest, AWebPageImportsFromItsStructuredDataAndAnswersItsQuestions) {
  std::string kb = TempDir() + "/page.json";
  ProcessResult r =
      RunBacktalk({"import", SourcePath("tests/data/import/toptier-faq.html"), "-o", kb});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("toptier-faq.html: 8 questions (HTML: schema.org FAQPage structured "
                       "data (JSON-LD))"),
            std::string::npos)
      << r.err;
  json k = json::parse(Read(kb));
  EXPECT_EQ(k["document"], "toptier-faq.html");
  ASSERT_EQ(k["intents"].size(), 8u);
  EXPECT_EQ(k["intents"][7]["question"], "Do you work on weekends?");
  EXPECT_EQ(k["intents"][7]["answer"], "Yes. Saturday appointments are available from 9am to 1pm.");
  ExpectEveryQuestionAnswersItself(kb);
  // Nothing from the menu or the footer became an answer.
  EXPECT_EQ(Read(kb).find("All rights reserved"), std::string::npos);
  EXPECT_EQ(Read(kb).find("Book Online"), std::string::npos);
}

TEST(ImportTest, ASpreadsheetExportImportsWithItsKeywordsAsOtherPhrasings) {
  std::string kb = TempDir() + "/csv.json";
  ProcessResult r =
      RunBacktalk({"import", SourcePath("tests/data/import/furilabs-faq.csv"), "-o", kb});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("furilabs-faq.csv: 25 questions (CSV: the \"query\" and \"response\" "
                       "columns, other phrasings from \"keyword\")"),
            std::string::npos)
      << r.err;
  json k = json::parse(Read(kb));
  ASSERT_EQ(k["intents"].size(), 25u);
  EXPECT_EQ(k["intents"][0]["question"], "How do I enable or disable mobile bands on FuriOS?");
  bool pattern = false;
  for (const json& p : k["intents"][0]["patterns"])
    pattern = pattern || p == "\\bcellular bands\\b";
  EXPECT_TRUE(pattern) << k["intents"][0].dump(2);
  ProcessResult ask = RunBacktalk({"--knowledge", kb, "ask", "--json", "cellular bands"});
  ASSERT_EQ(ask.status, 0) << ask.out << ask.err;
  EXPECT_EQ(json::parse(ask.out)["question"], "How do I enable or disable mobile bands on FuriOS?");
}

TEST(ImportTest, SeveralDocumentsMergeIntoOneKnowledge) {
  std::string dir = TempDir();
  std::string kb = dir + "/all.json";
  std::string now = SourcePath("tests/data/import/toptier-faq.html");
  std::string then = SourcePath("tests/data/import/toptier-faq-2025-09.html");
  std::string plants = SourcePath("tests/data/import/houseplants.md");
  ProcessResult r = RunBacktalk({"import", now, then, plants, "-o", kb});
  ASSERT_EQ(r.status, 0) << r.err;
  // The older page asks four of the same questions: each reported with both places.
  EXPECT_NE(r.err.find("warning: " + then +
                       ":68: \"When should I upgrade my electrical panel?\" "
                       "is also asked at " +
                       now + ":126; the answer from " + now + " is kept"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(now + ", " + then + ", " + plants + ": 16 questions"), std::string::npos)
      << r.err;
  json k = json::parse(Read(kb));
  EXPECT_EQ(k["document"], "toptier-faq.html, toptier-faq-2025-09.html, houseplants.md");
  std::vector<std::string> questions = Questions(k);
  ASSERT_EQ(questions.size(), 16u);
  EXPECT_EQ(questions[8], "Do you offer free estimates?");
  EXPECT_EQ(questions[9], "How often should I water my houseplants?");
  std::set<std::string> ids;
  for (const json& intent : k["intents"]) EXPECT_TRUE(ids.insert(intent["id"]).second);
  EXPECT_EQ(RunBacktalk({"check", kb}).status, 0);
}

// The knowledge from a web page is the knowledge from the same questions and answers written
// as plain text: the format changes how they are found, not what the matcher gets.
TEST(ImportTest, AWebPageDraftsWhatTheSameFaqAsTextDrafts) {
  std::string dir = TempDir();
  ProcessResult page = RunBacktalk({"import", SourcePath("tests/data/import/toptier-faq.html")});
  ASSERT_EQ(page.status, 0) << page.err;
  json from_page = json::parse(page.out);
  std::string text;
  for (const json& intent : from_page["intents"])
    text += intent["question"].get<std::string>() + "\n\n" + intent["answer"].get<std::string>() +
            "\n\n";
  std::ofstream(dir + "/toptier-faq.txt") << text;
  ProcessResult plain = RunBacktalk({"import", dir + "/toptier-faq.txt"});
  ASSERT_EQ(plain.status, 0) << plain.err;
  json from_text = json::parse(plain.out);
  ASSERT_EQ(from_text["intents"].size(), from_page["intents"].size());
  for (size_t i = 0; i < from_page["intents"].size(); ++i) {
    json a = from_page["intents"][i], b = from_text["intents"][i];
    EXPECT_EQ(a, b) << a.dump(2) << "\n" << b.dump(2);
  }
}

TEST(ImportTest, DryRunPrintsWhatWasFoundAndWritesNothing) {
  std::string kb = TempDir() + "/never.json";
  std::string page = SourcePath("tests/data/import/toptier-faq-2025-09.html");
  ProcessResult r = RunBacktalk({"import", "--dry-run", page, "-o", kb});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(Exists(kb));
  EXPECT_EQ(r.out.rfind(page + ":68  upgrade-electrical-panel  \"When should I upgrade my "
                               "electrical panel?\"\n    answer: 227 characters, 1 block; "
                               "sequence: none\n",
                        0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find("\n5 questions, 0 sequences; nothing written (--dry-run)\n"),
            std::string::npos)
      << r.out;
}

TEST(ImportTest, TheFormatCanBeNamed) {
  std::string dir = TempDir();
  std::string doc = dir + "/faq.txt";
  std::ofstream(doc) << "Q: Is it open?\nA: Yes.\n\n## Opening hours\n\nNine to five.\n";
  ProcessResult r = RunBacktalk({"import", "--dry-run", "--format", "markdown", doc});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"Opening hours\""), std::string::npos) << r.out;
  r = RunBacktalk({"import", "--dry-run", doc});
  EXPECT_NE(r.out.find("\"Is it open?\""), std::string::npos) << r.out;
  r = RunBacktalk({"import", "--format", "pdf", doc});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--format: pdf not in {html,csv,tsv,markdown,text,qa}"), std::string::npos)
      << r.err;
}

TEST(ImportTest, BadPagesAndExportsAreClearErrorsAndNothingIsWritten) {
  std::string dir = TempDir();
  struct Case {
    std::string name;
    std::string bytes;
    std::string error;
  };
  std::vector<Case> cases = {
      {"cut.html", "<!DOCTYPE html>\n<html><body>\n<h2>Why?</h2><p>Beca",
       "cut.html:3:21: the page ends before </body> and </html>; it looks cut off (save the "
       "whole page)"},
      {"missing.csv", "question,answer\nWhy?,Because.\nHow?\n",
       "missing.csv:3: this row has 1 field and the header 2; a column is missing"},
      {"nothing.html", "<html><body><p>Opening hours</p></body></html>",
       "nothing.html: no questions found (looked for schema.org FAQPage JSON-LD, "
       "<details><summary> accordions, <dl><dt><dd> lists, and h2-h4 headings ending in '?')"},
      {"empty.csv", "\n\n",
       "empty.csv: is empty; an FAQ document has questions, each followed "
       "by its answer"},
      {"image.html", std::string("\x89PNG\r\n\x1a\n\0\0", 10),
       "image.html: is a binary file, not an FAQ document (text, Markdown, HTML or CSV)"},
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
  // One bad document among good ones: every error is reported and nothing is written.
  std::string out = dir + "/all.json";
  ProcessResult r = RunBacktalk({"import", SourcePath("tests/data/import/toptier-faq.html"),
                                 dir + "/cut.html", dir + "/missing.csv", "-o", out});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "backtalk: " + dir + "/" + cases[0].error + "\nbacktalk: " + dir + "/" +
                       cases[1].error + "\n");
  EXPECT_FALSE(Exists(out));
}

// The Homebrew FAQ in ../shared: "## My macOS .apps don't find Homebrew utilities" has no '?'
// and is a question all the same; every question its labelled set names is imported.
TEST(ImportTest, EveryHeadingOfAMarkdownFaqIsAQuestion) {
  std::string doc = SourcePath("../shared/eval/import/homebrew_faq.md");
  std::string labels = SourcePath("../shared/eval/import/homebrew_faq.tsv");
  if (!Exists(doc) || !Exists(labels)) GTEST_SKIP() << "no " << doc;
  std::string kb = TempDir() + "/brew.json";
  ProcessResult r = RunBacktalk({"import", doc, "-o", kb});
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<std::string> questions = Questions(json::parse(Read(kb)));
  EXPECT_EQ(questions.size(), 25u);
  std::istringstream lines(Read(labels));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string expected = line.substr(0, line.find('\t'));
    if (expected == "-") continue;
    EXPECT_NE(std::find(questions.begin(), questions.end(), expected), questions.end()) << expected;
  }
  ProcessResult eval = RunBacktalk({"--knowledge", kb, "eval", labels});
  EXPECT_NE(eval.status, 2) << eval.err;
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
