// The engine: warning signs first, small talk, answers with their sequence, suggestions.
#include "engine/engine.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/reply_json.h"
#include "support/builtin.h"
#include "support/reply_json.h"

namespace backtalk {
namespace {

class EngineTest : public ::testing::Test {
 protected:
  const Engine* engine_ = &testing::BuiltinEngine();
};

TEST_F(EngineTest, AnswerOffersItsSequence) {
  Reply r = engine_->Ask("why is my mid back tight?");
  ASSERT_TRUE(r.matched());
  EXPECT_EQ(r.intent->question, "Why is my middle back so tight?");
  ASSERT_NE(r.sequence, nullptr);
  EXPECT_TRUE(r.safety.empty());
}

TEST_F(EngineTest, WarningSignComesFirstAndNoStretchIsOffered) {
  Reply r = engine_->Ask("my mid back is tight and I have numbness in my hands");
  ASSERT_FALSE(r.safety.empty());
  EXPECT_EQ(r.safety[0]->id, "numbness");
  EXPECT_EQ(r.sequence, nullptr);
  EXPECT_NE(r.SafetyNotice().find("see a doctor"), std::string::npos);
}

TEST_F(EngineTest, SmallTalkIsAnsweredAsSmallTalk) {
  Reply r = engine_->Ask("Hello there!");
  ASSERT_NE(r.small_talk, nullptr);
  EXPECT_EQ(r.small_talk->id, "greeting");
  EXPECT_FALSE(r.matched());
  EXPECT_EQ(engine_->Ask("hello, why is my back tight").small_talk, nullptr);
}

TEST_F(EngineTest, NoAnswerComesWithTheClosestTopics) {
  Reply r = engine_->Ask("how do I stretch my lower back");
  EXPECT_FALSE(r.matched());
  EXPECT_EQ(r.match.uncovered, "lower back");
  ASSERT_FALSE(r.suggestions.empty());
  EXPECT_EQ(r.suggestions[0]->question, "How do you stretch your middle back?");
}

TEST_F(EngineTest, KnowsWordsOfPainAndAQuestionOfTimeLeft) {
  EXPECT_TRUE(engine_->SaysPain("ouch"));
  EXPECT_TRUE(engine_->SaysPain("it hurts"));
  EXPECT_FALSE(engine_->SaysPain("how long left"));
  EXPECT_TRUE(engine_->AsksTimeLeft("how long left"));
  EXPECT_TRUE(engine_->AsksTimeLeft("how many more steps"));
  EXPECT_FALSE(engine_->AsksTimeLeft("why is my back tight"));
}

TEST(EngineCreateTest, ABadPainPatternIsAnErrorWithItsPointer) {
  Knowledge k;
  k.intents.push_back({"a", "Why?", "Because.", {{"why", 1}}, {}, {}, ""});
  k.pain.patterns = {"\\bouch\\b", "(it hurts"};
  std::string err;
  EXPECT_EQ(Engine::Create(k, &err), nullptr);
  EXPECT_EQ(err, "/pain/patterns/1: missing ): (it hurts");
}

TEST_F(EngineTest, InputIsCleanedBeforeItIsEchoed) {
  Reply r = engine_->Ask("why \x1b[2J is my back \xff tight");
  EXPECT_EQ(r.input, "why  [2J is my back \xEF\xBF\xBD tight");
}

TEST_F(EngineTest, JsonHasTheContractFieldsInOrder) {
  nlohmann::ordered_json j = testing::ReplyJson(engine_->Ask("how do I strech my middle back"));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  std::vector<std::string> contract = {"input", "matched",  "intent",      "question", "answer",
                                       "score", "sequence", "suggestions", "safety"};
  ASSERT_GE(keys.size(), contract.size());
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 9), contract);
  EXPECT_EQ(j["sequence"], "prone-chest-lift");
}

// The inputs of a labelled set (expected<TAB>input); none when the file is not there.
std::vector<std::string> LabelledInputs(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> inputs;
  for (std::string line; std::getline(in, line);) {
    size_t tab = line.find('\t');
    if (!line.empty() && line[0] != '#' && tab != std::string::npos)
      inputs.push_back(line.substr(tab + 1));
  }
  return inputs;
}

TEST_F(EngineTest, WordsAreTheWordsAskReadsWarningSignsIn) {
  for (const std::string& q :
       LabelledInputs(std::string(BACKTALK_SOURCE_DIR) + "/tests/data/paraphrases.tsv")) {
    Reply r = engine_->Ask(q);
    EXPECT_EQ(Engine::Words(r.input), r.match.analysis.uncorrected) << q;
  }
  EXPECT_EQ(Engine::Words("Let's go!"), "let us go");
}

TEST_F(EngineTest, AskFromEightThreadsAtOnceGivesTheRepliesOfOne) {
  // Every input of the paraphrase set and, beside the checkout where they are, of the
  // evaluation sets: typos, words the knowledge never uses, uncovered topics, warning signs
  // and small talk among them. Each thread asks them all, starting at a different place, with
  // and without explaining. scripts/test.sh runs this test under ThreadSanitizer too.
  std::vector<std::string> questions =
      LabelledInputs(std::string(BACKTALK_SOURCE_DIR) + "/tests/data/paraphrases.tsv");
  ASSERT_GT(questions.size(), 100u);
  for (const char* set : {"dev.tsv", "realistic.tsv"}) {
    std::vector<std::string> more =
        LabelledInputs(std::string(BACKTALK_SOURCE_DIR) + "/../shared/eval/" + set);
    questions.insert(questions.end(), more.begin(), more.end());
  }
  auto reply = [this](const std::string& q, bool explain) {
    Reply r = engine_->Ask(q, explain);
    std::string text = ReplyJsonLine(r);
    for (const Candidate& c : r.match.ranked)
      for (const Evidence& e : c.evidence) text += e.term + " ";
    return text;
  };
  std::vector<std::string> alone;
  for (const std::string& q : questions) alone.push_back(reply(q, q.size() % 2 == 0));
  constexpr int kThreads = 8;
  std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(questions.size()));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (size_t k = 0; k < questions.size(); ++k) {
        size_t i = (k + static_cast<size_t>(t) * 17) % questions.size();
        got[static_cast<size_t>(t)][i] = reply(questions[i], questions[i].size() % 2 == 0);
      }
    });
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t)
    EXPECT_EQ(got[static_cast<size_t>(t)], alone) << "thread " << t;
}

}  // namespace
}  // namespace backtalk
