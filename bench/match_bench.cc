// Benchmarks of one question through the engine, with the built-in knowledge: the document's
// nine questions, paraphrases with typos, out-of-scope questions, and a 1 KB line. Each
// iteration is one question (the set is cycled), so the reported time is per question.
//
// BM_Ask is what a caller pays (clean, normalise, spell-correct, stem, synonyms, patterns,
// keyword scoring, warning signs, small talk); BM_Match is the matcher alone on clean text.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "util/utf8.h"

namespace backtalk {
namespace {

const Engine& BuiltinEngine() {
  static const Engine* engine = [] {
    std::string err;
    std::unique_ptr<Engine> e = Engine::Load("", &err);
    if (!e) {
      std::fprintf(stderr, "backtalk_bench: %s\n", err.c_str());
      std::abort();
    }
    return e.release();
  }();
  return *engine;
}

std::vector<std::string> DocumentQuestions() {
  std::vector<std::string> questions;
  for (const Intent& intent : BuiltinEngine().knowledge().intents)
    questions.push_back(intent.question);
  return questions;
}

// Paraphrases a person might type, each with a typo or two.
const std::vector<std::string> kTypos = {
    "how do i strech my uper middle back", "why does my midle and top of back hurt",
    "why is my mid bak so tite",           "how can i relx my mid back musles",
    "how to releese tension in my back",   "best excercises for upper back",
    "good exersizes for mid back",         "what exercizes help middle back pain",
    "stretchs for the midle back",
};

// Questions the document does not answer, several naming a body part it does not cover.
const std::vector<std::string> kOutOfScope = {
    "how do i fix my lower back pain",
    "what is the capital of france",
    "my knee hurts when i run",
    "best stretches for a stiff neck",
    "can you recommend a good pillow",
    "is coffee bad for you",
    "how do i treat a headache",
    "what should i eat before a workout",
    "tell me a joke",
};

// A 1 KB line: a question buried in rambling text (the analyzer reads the first words only).
std::vector<std::string> LongLine() {
  std::string line = "so basically i have been sitting at my desk all day every day and ";
  while (line.size() < 1024) line += "my middle back feels really tight and stiff and sore ";
  line.resize(1024);
  return {line};
}

void RunAsk(benchmark::State& state, const std::vector<std::string>& questions) {
  const Engine& engine = BuiltinEngine();
  size_t i = 0;
  for (auto _ : state) {
    Reply reply = engine.Ask(questions[i]);
    benchmark::DoNotOptimize(reply);
    if (++i == questions.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void RunMatch(benchmark::State& state, const std::vector<std::string>& questions) {
  const Matcher& matcher = BuiltinEngine().matcher();
  std::vector<std::string> clean;
  for (const std::string& q : questions) clean.push_back(CleanText(q));
  size_t i = 0;
  for (auto _ : state) {
    MatchResult result = matcher.Match(clean[i]);
    benchmark::DoNotOptimize(result);
    if (++i == clean.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Ask_Document(benchmark::State& s) { RunAsk(s, DocumentQuestions()); }
void BM_Ask_Typos(benchmark::State& s) { RunAsk(s, kTypos); }
void BM_Ask_OutOfScope(benchmark::State& s) { RunAsk(s, kOutOfScope); }
void BM_Ask_1KBLine(benchmark::State& s) { RunAsk(s, LongLine()); }
void BM_Match_Document(benchmark::State& s) { RunMatch(s, DocumentQuestions()); }
void BM_Match_Typos(benchmark::State& s) { RunMatch(s, kTypos); }
void BM_Match_OutOfScope(benchmark::State& s) { RunMatch(s, kOutOfScope); }
void BM_Match_1KBLine(benchmark::State& s) { RunMatch(s, LongLine()); }

BENCHMARK(BM_Ask_Document);
BENCHMARK(BM_Ask_Typos);
BENCHMARK(BM_Ask_OutOfScope);
BENCHMARK(BM_Ask_1KBLine);
BENCHMARK(BM_Match_Document);
BENCHMARK(BM_Match_Typos);
BENCHMARK(BM_Match_OutOfScope);
BENCHMARK(BM_Match_1KBLine);

}  // namespace
}  // namespace backtalk
