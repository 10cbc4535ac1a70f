#include "match/matcher.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace backtalk {

namespace {

constexpr double kRelatedInputWeight = 0.8;  // a word the knowledge knows but asks about nowhere
constexpr double kUnknownInputWeight = 1.0;  // a word the knowledge does not know at all
constexpr double kRelatedRecallCredit = 0.5;
constexpr double kPatternFloor = 0.6;

}  // namespace

Matcher::Matcher(const Knowledge& knowledge) : knowledge_(knowledge), analyzer_(knowledge) {}

std::unique_ptr<Matcher> Matcher::Create(const Knowledge& knowledge, std::string* err) {
  std::unique_ptr<Matcher> m(new Matcher(knowledge));
  m->keyword_total_.assign(knowledge.intents.size(), 0);
  // The same keywords recur across the intents of a large knowledge: each phrase is analysed
  // once (the phrases live in the knowledge, which outlives this).
  std::unordered_map<std::string_view, std::vector<std::string>> analysed;
  auto terms_of = [&](const std::string& phrase) -> const std::vector<std::string>& {
    auto [it, fresh] = analysed.try_emplace(phrase);
    if (fresh) it->second = m->analyzer_.Terms(phrase);
    return it->second;
  };
  std::vector<std::string_view> seen;  // an intent's terms so far: a few, so a vector
  auto first_time = [&seen](const std::string& t) {
    if (std::find(seen.begin(), seen.end(), t) != seen.end()) return false;
    seen.push_back(t);
    return true;
  };
  for (size_t i = 0; i < knowledge.intents.size(); ++i) {
    const Intent& intent = knowledge.intents[i];
    int index = static_cast<int>(i);
    // Keywords first, so a word that is both a keyword and a related word counts as keyword.
    seen.clear();
    for (const WeightedTerm& k : intent.keywords) {
      for (const std::string& t : terms_of(k.term)) {
        if (!first_time(t)) continue;
        Term& term = m->terms_[t];
        term.postings.push_back({index, k.weight, true});
        term.input_weight = std::max(term.input_weight, k.weight);
        m->keyword_total_[i] += k.weight;
      }
    }
    for (const WeightedTerm& r : intent.related) {
      for (const std::string& t : terms_of(r.term)) {
        if (!first_time(t)) continue;
        m->terms_[t].postings.push_back({index, r.weight, false});
      }
    }
    for (const std::string& p : intent.patterns) {
      if (!m->patterns_.Add(p, index, err)) {
        *err = "/intents/" + std::to_string(i) + "/patterns: " + *err;
        return nullptr;
      }
    }
  }
  for (auto& [text, term] : m->terms_)
    if (term.input_weight == 0) term.input_weight = kRelatedInputWeight;
  for (bool covered : {true, false}) {
    for (const std::string& topic : covered ? knowledge.covered : knowledge.uncovered) {
      std::vector<std::string> terms = m->analyzer_.Terms(topic);
      if (!terms.empty()) m->topics_.push_back({std::move(terms), topic, covered});
    }
  }
  std::stable_sort(m->topics_.begin(), m->topics_.end(),
                   [](const Topic& a, const Topic& b) { return a.terms.size() > b.terms.size(); });
  for (const Topic& topic : m->topics_) {
    m->topic_starts_.Add(topic.terms[0]);
    m->topics_by_first_[topic.terms[0]].push_back(&topic);
  }
  m->explained_.assign(knowledge.intents.size(), 0);
  m->recalled_.assign(knowledge.intents.size(), 0);
  m->seen_intent_.assign(knowledge.intents.size(), 0);
  if (!m->patterns_.Compile(err)) return nullptr;
  return m;
}

Matcher::TopicScan Matcher::ScanTopics(const std::vector<std::string>& terms) const {
  TopicScan scan;
  size_t i = 0;
  while (i < terms.size()) {
    const Topic* hit = nullptr;
    if (auto it = topic_starts_.MayContain(terms[i]) ? topics_by_first_.find(terms[i])
                                                     : topics_by_first_.end();
        it != topics_by_first_.end()) {
      for (const Topic* topic : it->second) {
        if (i + topic->terms.size() <= terms.size() &&
            std::equal(topic->terms.begin(), topic->terms.end(),
                       terms.begin() + static_cast<long>(i))) {
          hit = topic;
          break;
        }
      }
    }
    if (hit == nullptr) {
      ++i;
      continue;
    }
    if (hit->covered)
      scan.covered = true;
    else if (scan.uncovered.empty())
      scan.uncovered = hit->text;
    i += hit->terms.size();
  }
  return scan;
}

MatchResult Matcher::Match(std::string_view text, bool explain) const {
  MatchResult result;
  result.analysis = analyzer_.Analyze(text);
  const Analysis& a = result.analysis;
  size_t n = knowledge_.intents.size();

  std::vector<double>& explained = explained_;
  std::vector<double>& recalled = recalled_;
  std::vector<char>& seen_intent = seen_intent_;
  std::vector<int>& touched = touched_;
  touched.clear();
  std::vector<std::vector<Evidence>> evidence(explain ? n : 0);
  double input_total = 0;
  for (size_t k = 0; k < a.terms.size(); ++k) {
    const std::string& t = a.terms[k];
    // Saying "back" twice does not count twice. A question has at most Analyzer::kMaxWords
    // terms, so looking back is cheaper than a set.
    if (std::find(a.terms.begin(), a.terms.begin() + static_cast<long>(k), t) !=
        a.terms.begin() + static_cast<long>(k))
      continue;
    auto it = terms_.find(t);
    if (it == terms_.end()) {
      input_total += kUnknownInputWeight;
      continue;
    }
    const Term& term = it->second;
    input_total += term.input_weight;
    for (const Posting& p : term.postings) {
      size_t i = static_cast<size_t>(p.intent);
      if (!seen_intent[i]) {
        seen_intent[i] = 1;
        touched.push_back(p.intent);
      }
      if (p.keyword) {
        explained[i] += term.input_weight;
        recalled[i] += p.weight;
      } else {
        explained[i] += term.input_weight * p.weight;
        recalled[i] += kRelatedRecallCredit * p.weight;
      }
      if (explain) evidence[i].push_back({analyzer_.Display(t), p.weight, p.keyword});
    }
  }
  std::vector<int> pattern_hits = patterns_.Match(a.text);
  for (int i : pattern_hits) {
    if (!seen_intent[static_cast<size_t>(i)]) {
      seen_intent[static_cast<size_t>(i)] = 1;
      touched.push_back(i);
    }
  }

  auto score = [&](int index) {
    size_t i = static_cast<size_t>(index);
    Candidate c;
    c.intent = index;
    c.precision = input_total > 0 ? std::min(1.0, explained[i] / input_total) : 0;
    c.recall = keyword_total_[i] > 0 ? std::min(1.0, recalled[i] / keyword_total_[i]) : 0;
    c.keyword_score =
        c.precision + c.recall > 0 ? 2 * c.precision * c.recall / (c.precision + c.recall) : 0;
    c.pattern = std::binary_search(pattern_hits.begin(), pattern_hits.end(), index);
    c.score = c.pattern ? kPatternFloor + (1 - kPatternFloor) * c.keyword_score : c.keyword_score;
    return c;
  };
  // Score every touched intent, but build full candidates only for the few that are ranked.
  std::vector<Scored>& scored = scored_;
  scored.clear();
  for (int index : touched) {
    double value = score(index).score;
    if (value > 0) scored.push_back({value, index});
  }
  size_t ranked = std::min(scored.size(), MatchResult::kMaxRanked);
  std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(ranked), scored.end(),
                    [](const Scored& x, const Scored& y) {
                      return x.score != y.score ? x.score > y.score : x.intent < y.intent;
                    });
  result.ranked.reserve(ranked);
  for (size_t r = 0; r < ranked; ++r) {
    Candidate c = score(scored[r].intent);
    size_t i = static_cast<size_t>(c.intent);
    if (explain) {
      c.evidence = std::move(evidence[i]);
      for (const std::string& p : knowledge_.intents[i].patterns) {
        RE2 re(ForFoldedText(p), PatternOptions());
        if (RE2::PartialMatch(a.text, re)) c.patterns_matched.push_back(p);
      }
    }
    result.ranked.push_back(std::move(c));
  }
  for (int index : touched) {
    size_t i = static_cast<size_t>(index);
    explained[i] = recalled[i] = 0;
    seen_intent[i] = 0;
  }

  const Settings& s = knowledge_.settings;
  TopicScan topics = ScanTopics(a.terms);
  if (!topics.covered) result.uncovered = topics.uncovered;
  result.off_topic = !topics.covered && !a.unknown.empty();
  double top = result.ranked.empty() ? 0 : result.ranked[0].score;
  double second = result.ranked.size() > 1 ? result.ranked[1].score : 0;
  if (!result.uncovered.empty() || top < s.suggest_floor)
    result.verdict = Verdict::kNoAnswer;
  else if (top >= s.threshold && top - second >= s.margin && !result.off_topic)
    result.verdict = Verdict::kAnswer;
  else
    result.verdict = Verdict::kAmbiguous;
  return result;
}

}  // namespace backtalk
