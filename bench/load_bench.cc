// Benchmarks of loading: the built-in knowledge, and a knowledge file named by the environment
// (BACKTALK_BENCH_KNOWLEDGE, as bench/scale.sh sets it) with questions for it
// (BACKTALK_BENCH_QUESTIONS, one a line). Without those variables the file benchmarks skip.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "knowledge/knowledge.h"

namespace backtalk {
namespace {

std::string ReadAll(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void BM_Load_Builtin(benchmark::State& state) {
  for (auto _ : state) {
    Knowledge k;
    std::string err;
    if (!LoadBuiltinKnowledge(&k, &err)) state.SkipWithError(err.c_str());
    std::unique_ptr<Engine> engine = Engine::Create(std::move(k), &err);
    benchmark::DoNotOptimize(engine);
  }
}
BENCHMARK(BM_Load_Builtin)->Unit(benchmark::kMillisecond);

// LoadKnowledge + Engine::Create on the file's text (already in memory: no disk time).
void BM_Load_File(benchmark::State& state) {
  const char* path = std::getenv("BACKTALK_BENCH_KNOWLEDGE");
  if (path == nullptr) {
    state.SkipWithError("BACKTALK_BENCH_KNOWLEDGE is not set");
    return;
  }
  std::string text = ReadAll(path);
  for (auto _ : state) {
    Knowledge k;
    std::string err;
    if (!LoadKnowledge(text, path, &k, &err)) {
      state.SkipWithError(err.c_str());
      break;
    }
    std::unique_ptr<Engine> engine = Engine::Create(std::move(k), &err);
    benchmark::DoNotOptimize(engine);
  }
}
BENCHMARK(BM_Load_File)->Unit(benchmark::kMillisecond);

void BM_Ask_File(benchmark::State& state) {
  const char* path = std::getenv("BACKTALK_BENCH_KNOWLEDGE");
  const char* questions_path = std::getenv("BACKTALK_BENCH_QUESTIONS");
  if (path == nullptr || questions_path == nullptr) {
    state.SkipWithError("BACKTALK_BENCH_KNOWLEDGE or BACKTALK_BENCH_QUESTIONS is not set");
    return;
  }
  std::string err;
  std::unique_ptr<Engine> engine = Engine::Load(path, &err);
  if (!engine) {
    state.SkipWithError(err.c_str());
    return;
  }
  std::vector<std::string> questions;
  std::istringstream lines(ReadAll(questions_path));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) questions.push_back(line);
  if (questions.empty()) {
    state.SkipWithError("no questions");
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    Reply reply = engine->Ask(questions[i]);
    benchmark::DoNotOptimize(reply);
    if (++i == questions.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ask_File);

}  // namespace
}  // namespace backtalk
