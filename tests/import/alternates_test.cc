#include "import/alternates.h"

#include <gtest/gtest.h>

#include <memory>

#include "engine/engine.h"
#include "import/draft.h"

namespace backtalk {
namespace {

FaqEntry Entry(const std::string& question, const std::string& answer,
               std::vector<std::string> alternates) {
  FaqEntry e;
  e.question = question;
  e.answer = answer;
  e.blocks = {answer};
  e.bullet = {false};
  e.alternates = std::move(alternates);
  return e;
}

FaqDocument Doc() {
  FaqDocument doc;
  doc.entries = {
      Entry("How do I turn on the hotspot?", "Go to Settings > Wi-Fi and tap Turn On Hotspot.",
            {"share my internet", "tethering", "mobile hotspot"}),
      Entry("How do I change the hotspot password?", "Edit the Password field first.",
            {"hotspot password", "mobile hotspot"}),
  };
  return doc;
}

TEST(AlternatesTest, PhrasingsBecomePatternsAndRelatedWords) {
  FaqDocument doc = Doc();
  DraftReport report;
  Knowledge k = DraftKnowledge(doc, "faq.csv", Knowledge{}, &report);
  std::vector<std::string> before = k.intents[0].patterns;
  AddAlternatePhrasings(doc, &k);
  // "share my internet" has two content words and no other question asks it: a pattern.
  // "tethering" is one word, and "mobile hotspot" is a phrasing of both questions: none.
  std::vector<std::string> added(k.intents[0].patterns.begin() + static_cast<long>(before.size()),
                                 k.intents[0].patterns.end());
  EXPECT_EQ(added, (std::vector<std::string>{"\\bshare my internet\\b"}));
  // "hotspot password" is the second question's alone.
  EXPECT_EQ(k.intents[1].patterns.back(), "\\bhotspot password\\b");
  auto related = [&k](size_t i, const std::string& word) {
    for (const WeightedTerm& t : k.intents[i].related)
      if (t.term == word) return t.weight;
    return 0.0;
  };
  EXPECT_EQ(related(0, "share"), kAlternateWeight);
  EXPECT_EQ(related(0, "internet"), kAlternateWeight);
  EXPECT_EQ(related(0, "tethering"), kAlternateWeight);
  EXPECT_EQ(related(0, "hotspot"), 0.0);  // a word of the question itself
}

TEST(AlternatesTest, AnAlternatePhrasingIsAnswered) {
  FaqDocument doc = Doc();
  DraftReport report;
  Knowledge base;
  Knowledge k = DraftKnowledge(doc, "faq.csv", base, &report);
  std::string err;
  std::unique_ptr<Engine> without = Engine::Create(k, &err);
  ASSERT_NE(without, nullptr) << err;
  EXPECT_FALSE(without->Ask("can I share my internet").matched());
  AddAlternatePhrasings(doc, &k);
  std::unique_ptr<Engine> with = Engine::Create(k, &err);
  ASSERT_NE(with, nullptr) << err;
  Reply reply = with->Ask("can I share my internet");
  ASSERT_TRUE(reply.matched());
  EXPECT_EQ(reply.intent->question, "How do I turn on the hotspot?");
}

}  // namespace
}  // namespace backtalk
