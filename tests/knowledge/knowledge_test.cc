// The knowledge loader: a valid file loads whole; each kind of error gives its exact message.
#include "knowledge/knowledge.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "e2e/process.h"

namespace backtalk {
namespace {

// A small valid knowledge file; tests break one thing at a time.
const char* kValid = R"({
  "intents": [
    {"id": "a", "question": "Why is my back tight?", "answer": "Sitting.",
     "keywords": {"tight": 1.5, "back": 0.4}, "patterns": ["\\btight\\b"], "sequence": "s"}
  ],
  "sequences": [
    {"id": "s", "name": "a stretch", "steps": [{"text": "Sit tall.", "hold_seconds": [15, 30]}]}
  ]
})";

std::string Load(const std::string& text, Knowledge* k = nullptr) {
  Knowledge scratch;
  std::string err;
  if (LoadKnowledge(text, "kb.json", k ? k : &scratch, &err)) return "ok";
  return err;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(KnowledgeTest, LoadsAValidFile) {
  Knowledge k;
  ASSERT_EQ(Load(kValid, &k), "ok");
  ASSERT_EQ(k.intents.size(), 1u);
  EXPECT_EQ(k.intents[0].question, "Why is my back tight?");
  ASSERT_EQ(k.intents[0].keywords.size(), 2u);
  EXPECT_EQ(k.intents[0].keywords[0].term, "back");  // JSON objects come back sorted
  EXPECT_DOUBLE_EQ(k.intents[0].keywords[1].weight, 1.5);
  ASSERT_NE(k.FindSequence("s"), nullptr);
  EXPECT_EQ(k.FindSequence("s")->steps[0].hold_seconds, 15);
  EXPECT_EQ(k.FindSequence("s")->steps[0].hold_seconds_max, 30);
}

TEST(KnowledgeTest, SyntaxErrorGivesLineColumnSourceAndCaret) {
  std::string text = "{\n  \"intents\": [\n    {\"id\": \"a\",}\n  ]\n}\n";
  EXPECT_EQ(Load(text),
            "kb.json:3:16: unexpected '}'; expected string literal (in an object key)\n"
            "    {\"id\": \"a\",}\n"
            "               ^");
}

TEST(KnowledgeTest, TruncatedFileIsASyntaxError) {
  EXPECT_EQ(Load("{\"intents\": ["),
            "kb.json:1:14: unexpected end of input; expected '[', '{', or a literal (in a value)\n"
            "{\"intents\": [\n"
            "             ^");
}

TEST(KnowledgeTest, InvalidRegexGivesPointerAndRe2Message) {
  EXPECT_EQ(Load(Replace(kValid, R"("\\btight\\b")", R"("(tight")")),
            "kb.json: /intents/0/patterns/0: invalid pattern: missing ): (tight");
}

TEST(KnowledgeTest, UnknownSequenceIsNamedByPointer) {
  EXPECT_EQ(Load(Replace(kValid, R"("sequence": "s")", R"("sequence": "twist")")),
            "kb.json: /intents/0/sequence: unknown sequence 'twist'");
}

TEST(KnowledgeTest, DuplicateIdsAreErrors) {
  std::string text = Replace(kValid, "\n  ],\n  \"sequences\"",
                             ",\n    {\"id\": \"a\", \"question\": \"Q?\", \"answer\": \"A.\", "
                             "\"keywords\": {\"q\": 1}}\n  ],\n  \"sequences\"");
  EXPECT_EQ(Load(text), "kb.json: /intents/1/id: duplicate intent id 'a'");
}

TEST(KnowledgeTest, MissingAndMistypedFieldsAreAllReported) {
  std::string text = Replace(kValid, R"("answer": "Sitting.",)", R"("answer": 3, "pattern": [],)");
  text = Replace(text, R"("question": "Why is my back tight?", )", "");
  EXPECT_EQ(Load(text),
            "kb.json: /intents/0/pattern: unknown field (expected one of: id, question, answer, "
            "keywords, related, patterns, sequence)\n"
            "kb.json: /intents/0/question: missing (a string is required)\n"
            "kb.json: /intents/0/answer: expected a string, found number");
}

TEST(KnowledgeTest, WeightsAndHoldsAreRangeChecked) {
  EXPECT_EQ(Load(Replace(kValid, R"("tight": 1.5)", R"("tight": -1)")),
            "kb.json: /intents/0/keywords/tight: must be from 0.01 to 10");
  EXPECT_EQ(Load(Replace(kValid, "[15, 30]", "[30, 15]")),
            "kb.json: /sequences/0/steps/0/hold_seconds: the highest must not be below the lowest");
  EXPECT_EQ(Load(Replace(kValid, R"("hold_seconds": [15, 30])", R"("side": "up")")),
            "kb.json: /sequences/0/steps/0/side: must be \"left\" or \"right\"");
}

TEST(KnowledgeTest, PainWordsAreKnowledgeAndChecked) {
  Knowledge k;
  std::string pain = R"(,
  "pain": {"patterns": ["\\bouch\\b"], "notice": "Stop now."}
})";
  std::string text = kValid;
  text = text.substr(0, text.rfind('}') - 1) + pain;
  ASSERT_EQ(Load(text, &k), "ok");
  EXPECT_EQ(k.pain.patterns, std::vector<std::string>{"\\bouch\\b"});
  EXPECT_EQ(k.pain.notice, "Stop now.");
  EXPECT_EQ(Load(Replace(text, R"(["\\bouch\\b"])", R"(["(ouch"])")),
            "kb.json: /pain/patterns/0: invalid pattern: missing ): (ouch");
  EXPECT_EQ(Load(Replace(text, R"(, "notice": "Stop now.")", "")),
            "kb.json: /pain/notice: missing (a string is required)");
}

TEST(KnowledgeTest, WrongShapeIsReported) {
  EXPECT_EQ(Load("[1, 2]"), "kb.json: /: expected an object, found array");
  EXPECT_EQ(Load("{}"), "kb.json: /intents: missing (an array of intents is required)");
  EXPECT_EQ(Load(R"({"intents": {}})"), "kb.json: /intents: expected an array, found object");
}

TEST(KnowledgeTest, EmptyAndBinaryInputsAreRefused) {
  EXPECT_EQ(Load(" \n\t"), "kb.json: is empty; a knowledge file is a JSON object with \"intents\"");
  EXPECT_EQ(Load(std::string("{\0}", 3)), "kb.json: is a binary file, not a knowledge file (JSON)");
}

TEST(KnowledgeTest, InvalidUtf8IsASyntaxError) {
  std::string err = Load("{\"intents\": [\"\xff\"]}");
  EXPECT_EQ(err.rfind("kb.json:1:15: ", 0), 0u) << err;
}

TEST(KnowledgeTest, NothingIsHalfLoaded) {
  Knowledge k;
  k.source = "before";
  Load(Replace(kValid, R"("sequence": "s")", R"("sequence": "x")"), &k);
  EXPECT_EQ(k.source, "before");
  EXPECT_TRUE(k.intents.empty());
}

TEST(KnowledgeTest, FileErrorsNameTheFile) {
  Knowledge k;
  std::string err;
  EXPECT_FALSE(LoadKnowledgeFile("/nonexistent/kb.json", &k, &err));
  EXPECT_EQ(err, "/nonexistent/kb.json: cannot read the knowledge file: No such file or directory");
  std::string dir = testing::TempDir();
  EXPECT_FALSE(LoadKnowledgeFile(dir, &k, &err));
  EXPECT_EQ(err, dir + ": is a folder, not a knowledge file");
}

// Loading the built-in knowledge skips the pattern check that every other file gets; this is
// where its patterns are checked.
TEST(KnowledgeTest, BuiltinKnowledgePassesEveryCheckAFileGets) {
  Knowledge k;
  std::string err;
  EXPECT_TRUE(LoadKnowledge(BuiltinKnowledgeText(), "back.json", &k, &err)) << err;
}

TEST(KnowledgeTest, BuiltinKnowledgeHasTheNineDocumentQuestions) {
  Knowledge k;
  std::string err;
  ASSERT_TRUE(LoadBuiltinKnowledge(&k, &err)) << err;
  EXPECT_EQ(k.intents.size(), 9u);
  std::ifstream doc(testing::SourcePath("knowledge/back-faq.txt"));
  std::string text((std::istreambuf_iterator<char>(doc)), std::istreambuf_iterator<char>());
  for (const Intent& intent : k.intents)
    EXPECT_NE(text.find(intent.question), std::string::npos) << intent.question;
  for (const Intent& intent : k.intents) {
    if (!intent.sequence.empty()) {
      EXPECT_NE(k.FindSequence(intent.sequence), nullptr) << intent.id;
    }
  }
}

}  // namespace
}  // namespace backtalk
