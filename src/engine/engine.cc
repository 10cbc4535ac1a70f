#include "engine/engine.h"

#include <absl/strings/str_join.h>

#include "text/normalize.h"
#include "util/source_error.h"
#include "util/utf8.h"

namespace backtalk {

namespace {

constexpr char kTimeLeftPattern[] =
    R"(\bhow (long|much (longer|more|time)|many (more )?steps)\b|\b(time|steps) (left|remaining)\b|)"
    R"(\bremaining\b|\bhow far\b)";

}  // namespace

std::string Reply::SafetyNotice() const {
  std::string notice;
  for (const SafetySign* sign : safety) {
    if (notice.find(sign->notice) != std::string::npos) continue;
    if (!notice.empty()) notice += "\n";
    notice += sign->notice;
  }
  return notice;
}

std::unique_ptr<Engine> Engine::Create(Knowledge knowledge, std::string* err) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->knowledge_ = std::make_unique<Knowledge>(std::move(knowledge));
  const Knowledge& k = *engine->knowledge_;
  engine->matcher_ = Matcher::Create(k, err);
  if (!engine->matcher_) return nullptr;
  engine->safety_ = SafetyCheck::Create(k, err);
  if (!engine->safety_) return nullptr;
  // Small talk must be the whole line: "hello" is small talk, "hello, my back hurts" is not.
  for (size_t i = 0; i < k.small_talk.size(); ++i) {
    const std::vector<std::string>& patterns = k.small_talk[i].patterns;
    if (!engine->small_talk_.AddAll(patterns, static_cast<int>(i), "small_talk", err))
      return nullptr;
  }
  if (!engine->small_talk_.Compile(err)) return nullptr;
  for (size_t i = 0; i < k.pain.patterns.size(); ++i) {
    if (!engine->pain_.Add(k.pain.patterns[i], 0, err)) {
      *err = "/pain/patterns/" + std::to_string(i) + ": " + *err;
      return nullptr;
    }
  }
  if (!engine->pain_.Compile(err)) return nullptr;
  engine->time_left_ = std::make_unique<RE2>(ForFoldedText(kTimeLeftPattern), PatternOptions());
  if (!engine->time_left_->ok()) {
    *err = "the time-left pattern: " + engine->time_left_->error();
    return nullptr;
  }
  return engine;
}

std::unique_ptr<Engine> Engine::Load(const std::string& path, std::string* err) {
  Knowledge k;
  bool ok = path.empty() ? LoadBuiltinKnowledge(&k, err) : LoadKnowledgeFile(path, &k, err);
  if (!ok) return nullptr;
  std::string source = k.source;
  auto engine = Create(std::move(k), err);
  if (!engine) *err = FormatError({.file = std::move(source), .message = *err});
  return engine;
}

bool Engine::AsksTimeLeft(std::string_view words) const {
  return RE2::PartialMatch(re2::StringPiece(words.data(), words.size()), *time_left_);
}

Reply Engine::Ask(std::string_view line, bool explain) const {
  Reply r;
  r.input = CleanText(line, kMaxLineBytes);
  r.match = matcher_->Match(r.input, explain);
  // Warning signs and small talk are read from the words as typed, before spelling correction
  // bends an unknown word ("tingling") toward the knowledge's vocabulary.
  const std::string& words = r.match.analysis.uncorrected;
  r.safety = safety_->Check(words);
  std::vector<int> talk = small_talk_.Match(words);
  if (!talk.empty() && r.safety.empty()) {
    r.small_talk = &knowledge_->small_talk[static_cast<size_t>(talk[0])];
    return r;
  }
  if (!r.match.ranked.empty()) r.score = r.match.ranked[0].score;
  if (r.match.verdict == Verdict::kAnswer) {
    r.intent = &knowledge_->intents[static_cast<size_t>(r.match.ranked[0].intent)];
    if (r.safety.empty() && !r.intent->sequence.empty())
      r.sequence = knowledge_->FindSequence(r.intent->sequence);
  } else {
    for (const Candidate& c : r.match.ranked)
      if (c.score >= knowledge_->settings.suggest_floor || r.match.verdict == Verdict::kNoAnswer)
        r.suggestions.push_back(&knowledge_->intents[static_cast<size_t>(c.intent)]);
  }
  return r;
}

std::string Engine::Words(std::string_view clean) {
  return absl::StrJoin(NormalizeWords(clean, Analyzer::kMaxWords), " ");
}

}  // namespace backtalk
