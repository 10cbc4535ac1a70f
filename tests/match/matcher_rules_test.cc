// The matcher's rules, each pinned on a knowledge of two or three intents written here: the
// scoring, the margin, the pattern floor, the uncovered-topic rule, and warning signs first.
// The built-in knowledge is the acceptance test (matcher_test.cc); these say why it works.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/engine.h"
#include "knowledge/knowledge.h"
#include "match/matcher.h"

namespace backtalk {
namespace {

std::unique_ptr<Engine> Make(const std::string& json) {
  Knowledge k;
  std::string err;
  if (!LoadKnowledge(json, "rules.json", &k, &err)) {
    ADD_FAILURE() << err;
    return nullptr;
  }
  std::unique_ptr<Engine> engine = Engine::Create(std::move(k), &err);
  if (!engine) ADD_FAILURE() << err;
  return engine;
}

// The id of the intent answered, "?" for suggestions, "-" for nothing.
std::string Verdict(const Engine& engine, const std::string& question) {
  Reply r = engine.Ask(question);
  if (r.matched()) return r.intent->id;
  return r.match.verdict == Verdict::kAmbiguous ? "?" : "-";
}

// Two plants that share a word ("water"), with answers of the same length.
const char* kPlants = R"({
  "settings": {"threshold": 0.2, "margin": 0.05, "suggest_floor": 0.1},
  "intents": [
    {"id": "cactus", "question": "How do I water a cactus?", "answer": "Once a month.",
     "keywords": {"cactus": 1.5, "water": 1.0}},
    {"id": "fern", "question": "How do I water a fern?", "answer": "Once a week.",
     "keywords": {"fern": 1.5, "water": 1.0}}
  ]
})";

TEST(MatcherRulesTest, TheIntentWhoseKeywordsTheQuestionNamesScoresBest) {
  std::unique_ptr<Engine> engine = Make(kPlants);
  ASSERT_NE(engine, nullptr);
  Reply r = engine->Ask("how often should I be watering my cactus");
  ASSERT_EQ(r.match.ranked.size(), 2u);
  EXPECT_EQ(r.match.ranked[0].intent, 0);
  EXPECT_GT(r.match.ranked[0].score, r.match.ranked[1].score + 0.05);
  // Both explain "water"; only the cactus explains "cactus", the rarer and heavier word.
  EXPECT_GT(r.match.ranked[0].coverage, r.match.ranked[1].coverage);
  EXPECT_EQ(Verdict(*engine, "how often should I be watering my cactus"), "cactus");
  EXPECT_EQ(Verdict(*engine, "watering a fern"), "fern");
  // The whole of its question named: all of its focus.
  EXPECT_DOUBLE_EQ(engine->Ask("How do I water a fern?").match.ranked[0].focus, 1.0);
  for (const Candidate& c : r.match.ranked) {
    EXPECT_GT(c.score, 0.0);
    EXPECT_LE(c.score, 1.0);
  }
}

TEST(MatcherRulesTest, TwoIntentsTiedGetSuggestionsNotAnAnswer) {
  std::unique_ptr<Engine> engine = Make(kPlants);
  ASSERT_NE(engine, nullptr);
  Reply r = engine->Ask("how much water");
  ASSERT_EQ(r.match.ranked.size(), 2u);
  EXPECT_DOUBLE_EQ(r.match.ranked[0].score, r.match.ranked[1].score);
  EXPECT_GE(r.match.ranked[0].score, engine->knowledge().settings.threshold)
      << "close enough to answer, were it not for the margin";
  EXPECT_EQ(r.match.verdict, Verdict::kAmbiguous);
  EXPECT_FALSE(r.matched());
  ASSERT_EQ(r.suggestions.size(), 2u);
  EXPECT_EQ(r.suggestions[0]->id, "cactus");
  EXPECT_EQ(r.suggestions[1]->id, "fern");
}

TEST(MatcherRulesTest, ASuggestionNeedsTheFloorAndAnAnswerTheThreshold) {
  std::string strict = kPlants;
  strict.replace(strict.find("\"threshold\": 0.2"), 16, "\"threshold\": 0.9");
  std::unique_ptr<Engine> engine = Make(strict);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Verdict(*engine, "how often should I be watering my cactus"), "?");
  EXPECT_EQ(Verdict(*engine, "how do I tune a piano"), "-");
}

TEST(MatcherRulesTest, APatternLiftsItsIntentToTheFloor) {
  // "prickly friend" is no word of the cactus; its pattern says the question is about it.
  std::string with_pattern = kPlants;
  with_pattern.replace(with_pattern.find("\"keywords\": {\"cactus\""), 0,
                       R"("patterns": ["\\bprickly friend\\b"], )");
  std::unique_ptr<Engine> plain = Make(kPlants);
  std::unique_ptr<Engine> engine = Make(with_pattern);
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(engine, nullptr);
  const std::string question = "my prickly friend looks sad";
  EXPECT_EQ(Verdict(*plain, question), "-");
  Reply r = engine->Ask(question);
  ASSERT_FALSE(r.match.ranked.empty());
  EXPECT_TRUE(r.match.ranked[0].pattern);
  EXPECT_GE(r.match.ranked[0].score, Matcher::kPatternFloor);
  EXPECT_EQ(Verdict(*engine, question), "cactus");
  // A pattern lifts to at least the floor, and a question that scores more keeps more.
  Reply named = engine->Ask("how do I water my prickly friend, the cactus");
  EXPECT_GT(named.match.ranked[0].score, r.match.ranked[0].score);
}

TEST(MatcherRulesTest, APatternDoesNotLiftAnIntentThatExplainsLittleOfWhatTheQuestionSays) {
  // "how often" is the cactus's pattern; misting the fronds is what the fern's answer says.
  std::unique_ptr<Engine> engine = Make(R"({
    "settings": {"threshold": 0.2, "margin": 0.05, "suggest_floor": 0.1},
    "intents": [
      {"id": "cactus", "question": "How do I water a cactus?", "answer": "Once a month.",
       "keywords": {"cactus": 1.5, "water": 1.0}, "patterns": ["\\bhow often\\b"]},
      {"id": "fern", "question": "How do I water a fern?",
       "answer": "Once a week, and mist the fronds with rainwater.",
       "keywords": {"fern": 1.5, "water": 1.0}}
    ]
  })");
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Verdict(*engine, "how often"), "cactus");
  EXPECT_EQ(Verdict(*engine, "how often for a cactus"), "cactus");
  Reply r = engine->Ask("how often do i mist the fronds with rainwater");
  ASSERT_TRUE(r.matched());
  EXPECT_EQ(r.intent->id, "fern");
}

// Two intents whose answers both hold "claim", "ticket" and "refund", one of them in one
// sentence.
const char* kTrains = R"({
  "settings": {"threshold": 0.2, "margin": 0.05, "suggest_floor": 0.1},
  "intents": [
    {"id": "delay", "question": "What if my train is late?",
     "answer": "Keep your ticket. To claim, write to us. A refund is paid for an hour late.",
     "keywords": {"late": 1.5, "train": 1.0}},
    {"id": "lost", "question": "What if I lose my bag?",
     "answer": "Tell the guard. Bags are kept a week. Show your ticket to claim a refund.",
     "keywords": {"lose": 1.5, "bag": 1.0}}
  ]
})";

TEST(MatcherRulesTest, WordsFoundInOneSentenceOfAnAnswerCountMore) {
  std::unique_ptr<Engine> engine = Make(kTrains);
  ASSERT_NE(engine, nullptr);
  // Both answers hold the three words; only the lost bag's holds them in one sentence.
  Reply r = engine->Ask("how do i claim a refund with my ticket");
  ASSERT_EQ(r.match.ranked.size(), 2u);
  EXPECT_EQ(r.match.ranked[0].intent, 1);
  EXPECT_EQ(r.match.ranked[0].passage_words, 3);
  EXPECT_GT(r.match.ranked[0].passage, 0.0);
  EXPECT_EQ(r.match.ranked[1].passage_words, 0);
  EXPECT_GT(r.match.ranked[0].coverage, r.match.ranked[1].coverage);
  // Two words in one sentence are not yet a passage.
  EXPECT_EQ(engine->Ask("a refund with my ticket").match.ranked[0].passage_words, 0);
}

TEST(MatcherRulesTest, ALongAnswerIsReadToItsEnd) {
  std::string answer;
  for (int i = 0; i < 400; ++i) answer += "Water it. ";
  answer += "Ptarmigans nest in the snow.";
  std::unique_ptr<Engine> engine = Make(R"({
    "settings": {"threshold": 0.2, "margin": 0.05, "suggest_floor": 0.1},
    "intents": [
      {"id": "long", "question": "What about birds?", "answer": ")" +
                                        answer + R"(",
       "keywords": {"birds": 1.5}}
    ]
  })");
  ASSERT_NE(engine, nullptr);
  Reply r = engine->Ask("do ptarmigans nest in snow");
  ASSERT_EQ(r.match.ranked.size(), 1u);
  EXPECT_TRUE(r.match.analysis.unknown.empty());
  EXPECT_EQ(r.match.ranked[0].passage_words, 3);
}

// A knowledge of the middle back that says what it covers and what it does not.
const char* kBack = R"({
  "settings": {"threshold": 0.2, "margin": 0.05, "suggest_floor": 0.1},
  "covered": ["back", "middle back"],
  "uncovered": ["lower back", "knee"],
  "intents": [
    {"id": "stretch", "question": "How do I stretch my middle back?",
     "answer": "Lie on the floor, let your lower back rest, and lift your chest slowly.",
     "keywords": {"stretch": 1.5, "middle": 1.0, "back": 0.4}, "sequence": "lift"},
    {"id": "tight", "question": "Why is my middle back tight?",
     "answer": "Sitting hunched all day tightens the muscles.",
     "keywords": {"tight": 1.5, "middle": 1.0, "back": 0.4}}
  ],
  "sequences": [
    {"id": "lift", "name": "the chest lift", "steps": [{"text": "Lift your chest.", "hold_seconds": 5}]}
  ],
  "safety": [
    {"id": "numbness", "patterns": ["\\bnumb\\b"], "notice": "Numbness needs a doctor."}
  ],
  "small_talk": [
    {"id": "greeting", "patterns": ["hello\\b.*"], "reply": "Hello!"}
  ]
})";

TEST(MatcherRulesTest, AnUncoveredTopicGetsNoAnswer) {
  std::unique_ptr<Engine> engine = Make(kBack);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Verdict(*engine, "how do I stretch my middle back"), "stretch");
  Reply r = engine->Ask("how do I stretch my lower back");
  EXPECT_FALSE(r.matched());
  EXPECT_EQ(r.match.verdict, Verdict::kNoAnswer);
  EXPECT_EQ(r.match.uncovered, "lower back");
  ASSERT_FALSE(r.match.ranked.empty()) << "it would have scored";
  EXPECT_EQ(r.match.ranked[0].intent, 0);
  EXPECT_EQ(engine->Ask("how do I stretch my knee").match.uncovered, "knee");
}

TEST(MatcherRulesTest, AQuestionAboutWhatAnAnswerSaysOfTheTopicIsAnswered) {
  std::unique_ptr<Engine> engine = Make(kBack);
  ASSERT_NE(engine, nullptr);
  // The answer speaks of the lower back, and of the floor and the chest, which the question
  // names beside it: the question is about what the answer says.
  Reply r = engine->Ask("when I lift my chest off the floor, should my lower back rest");
  EXPECT_EQ(r.match.uncovered, "");
  ASSERT_TRUE(r.matched());
  EXPECT_EQ(r.intent->id, "stretch");
  // With only one more of the answer's own words the topic still rules the answer out.
  r = engine->Ask("should my lower back rest");
  EXPECT_EQ(r.match.uncovered, "lower back");
  EXPECT_FALSE(r.matched());
}

TEST(MatcherRulesTest, AQuestionNamingNoCoveredTopicIsNeverAnsweredOutright) {
  std::unique_ptr<Engine> engine = Make(kBack);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Verdict(*engine, "why is my back tight"), "tight");
  Reply r = engine->Ask("why is my car engine tight");
  EXPECT_TRUE(r.match.off_topic);
  EXPECT_FALSE(r.matched());
  // Words of one sentence of an answer are a topic it covers, whatever else is said.
  r = engine->Ask("a yoga video said sitting hunched tightens the muscles, is that true");
  EXPECT_GT(r.match.ranked[0].passage_words, 0);
  EXPECT_FALSE(r.match.off_topic);
  EXPECT_EQ(
      Verdict(*engine, "a yoga video said sitting hunched tightens the muscles, is that true"),
      "tight");
  // Not a passage made of an uncovered topic: the question is about the lower back.
  r = engine->Ask("my lower back clicks when i lift my chest off the floor");
  EXPECT_TRUE(r.match.off_topic);
  EXPECT_FALSE(r.matched());
}

TEST(MatcherRulesTest, AQuestionAboutAThingTheKnowledgeNeverNamesIsNeverAnsweredOutright) {
  // Any knowledge, covered topics or not: the thing asked about is a word it never uses.
  std::unique_ptr<Engine> engine = Make(R"({
    "settings": {"threshold": 0.2, "margin": 0.05, "suggest_floor": 0.1},
    "intents": [
      {"id": "soil", "question": "What soil is best for a cactus?",
       "answer": "A gritty soil in a clay pot.", "keywords": {"soil": 1.5, "cactus": 1.5}},
      {"id": "fern", "question": "How do I water a fern?", "answer": "Once a week.",
       "keywords": {"fern": 1.5, "water": 1.0}}
    ]
  })");
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Verdict(*engine, "what soil is best for a cactus"), "soil");
  EXPECT_EQ(Verdict(*engine, "is a clay pot good for a cactus"), "soil");  // its answer names it
  for (const char* q : {"what kind of fertiliser is best for a cactus",
                        "is a heater good for a cactus", "which lamp should i buy for a cactus"}) {
    Reply r = engine->Ask(q);
    EXPECT_FALSE(r.matched()) << q;
    EXPECT_TRUE(r.match.off_topic) << q;
    EXPECT_NE(r.match.asked_about, "") << q;
    ASSERT_FALSE(r.match.ranked.empty()) << q;  // it would have scored
  }
  EXPECT_EQ(engine->Ask("is a heater good for a cactus").match.asked_about, "heater");
  EXPECT_EQ(engine->Ask("what is the best fertiliser for a cactus").match.asked_about,
            "fertiliser");
  // Context elsewhere in the question is not the thing asked about.
  EXPECT_EQ(engine->Ask("my aunt says what soil is best for a cactus").match.asked_about, "");
}

TEST(MatcherRulesTest, AStatedAgeStandsForTheNearestAgeTheAnswersName) {
  std::unique_ptr<Engine> engine = Make(R"({
    "settings": {"threshold": 0.2, "margin": 0.05, "suggest_floor": 0.1},
    "intents": [
      {"id": "eligible", "question": "Am I eligible?",
       "answer": "You must be a citizen and at least 18 years of age.",
       "keywords": {"eligible": 1.5}},
      {"id": "excused", "question": "Who can be excused?",
       "answer": "You may be excused over 70 years of age, or with a child under 12 years old.",
       "keywords": {"excused": 1.5}},
      {"id": "panel", "question": "How big is a jury?",
       "answer": "Cases are heard by juries of 6 jurors.", "keywords": {"jury": 1.5}}
    ]
  })");
  ASSERT_NE(engine, nullptr);
  auto top = [&](const std::string& q) {
    MatchResult r = engine->matcher().Match(q, /*explain=*/true);
    return r.ranked.empty() ? std::string("-") : engine->knowledge().intents[r.ranked[0].intent].id;
  };
  EXPECT_EQ(top("im 17, is that a problem"), "eligible");
  EXPECT_EQ(top("i am 72, is that a problem"), "excused");
  EXPECT_EQ(top("i have a 6 year old, is that a problem"), "excused");  // not "juries of 6"
  MatchResult r = engine->matcher().Match("i am 72", /*explain=*/true);
  ASSERT_FALSE(r.ranked.empty());
  ASSERT_EQ(r.ranked[0].evidence.size(), 1u);
  EXPECT_TRUE(r.ranked[0].evidence[0].age);
  EXPECT_EQ(r.ranked[0].evidence[0].term, "70");
  EXPECT_EQ(r.ranked[0].evidence[0].via, "72");
  EXPECT_TRUE(r.context_words.empty());
  // A number with a unit after it is no age.
  r = engine->matcher().Match("i am 6 minutes late", /*explain=*/true);
  for (const Candidate& c : r.ranked)
    for (const Evidence& e : c.evidence) EXPECT_FALSE(e.age) << e.term;
}

TEST(MatcherRulesTest, AgesAreReadInTheFormsAnswersGiveThem) {
  std::unique_ptr<Engine> engine = Make(R"({
    "settings": {"threshold": 0.2, "margin": 0.05, "suggest_floor": 0.1},
    "intents": [
      {"id": "children", "question": "Do children ride free?",
       "answer": "Children 5 and under ride free with a paying adult.",
       "keywords": {"children": 1.5, "free": 1.0}},
      {"id": "seniors", "question": "Is there a senior discount?",
       "answer": "Seniors 65+ pay half fare.", "keywords": {"senior": 1.5, "discount": 1.0}},
      {"id": "youth", "question": "Is there a youth pass?",
       "answer": "Riders aged 13-18 can buy a youth pass.", "keywords": {"youth": 1.5}},
      {"id": "arrive", "question": "When should I arrive?",
       "answer": "Arrive at least 10 minutes before the bus leaves.",
       "keywords": {"arrive": 1.5}}
    ]
  })");
  ASSERT_NE(engine, nullptr);
  auto age_term = [&](const std::string& q) {
    MatchResult r = engine->matcher().Match(q, /*explain=*/true);
    for (const Candidate& c : r.ranked)
      for (const Evidence& e : c.evidence)
        if (e.age) return engine->knowledge().intents[c.intent].id + " " + e.term;
    return std::string("-");
  };
  EXPECT_EQ(age_term("my son is 4 years old, what now"), "children 5");
  EXPECT_EQ(age_term("im 70, what now"), "seniors 65");
  EXPECT_EQ(age_term("im 17, what now"), "youth 18");
  EXPECT_EQ(age_term("im 14, what now"), "youth 13");
  // "at least 10 minutes" is no age.
  EXPECT_NE(age_term("im 9, what now"), "arrive 10");
}

TEST(MatcherRulesTest, WarningSignsComeFirst) {
  std::unique_ptr<Engine> engine = Make(kBack);
  ASSERT_NE(engine, nullptr);
  Reply r = engine->Ask("how do I stretch my middle back");
  ASSERT_TRUE(r.matched());
  ASSERT_NE(r.sequence, nullptr);
  // The same question with a warning sign: the notice, and no stretch offered.
  r = engine->Ask("how do I stretch my middle back, my arm is numb");
  ASSERT_EQ(r.safety.size(), 1u);
  EXPECT_EQ(r.safety[0]->id, "numbness");
  EXPECT_EQ(r.SafetyNotice(), "Numbness needs a doctor.");
  EXPECT_EQ(r.sequence, nullptr);
  // Small talk is the whole line, and never hides a warning sign.
  EXPECT_NE(engine->Ask("hello there").small_talk, nullptr);
  r = engine->Ask("hello, my arm is numb");
  EXPECT_EQ(r.small_talk, nullptr);
  EXPECT_FALSE(r.safety.empty());
}

}  // namespace
}  // namespace backtalk
