#include "match/matcher.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "text/lexicon.h"

namespace backtalk {

namespace {

// How much each field says a term it holds. A keyword of kFullKeyword or more is the question
// itself; lighter keywords say less, down to kMinKeyword.
constexpr double kFullKeyword = 1.0;
constexpr double kMinKeyword = 0.25;
constexpr double kQuestionWord = 0.9;  // a word of the question that is not a keyword
// A word of the answer, or of the stretch it offers, as BM25 weighs a term of a document:
// more when repeated, less in a long answer than in a short one, at most kAnswerMax.
constexpr double kAnswer = 0.6;
constexpr double kAnswerMax = 0.9;
constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.9;
// The weight of a word the knowledge never uses: an English word is context ("my gym has..."),
// a word that is not English and was not corrected may be a name the knowledge lacks.
constexpr double kEnglishContext = 0.6;
constexpr double kOtherContext = 0.8;
// The credit of a term reached through a WordNet synonym: below the knowledge's own synonyms,
// which count fully.
constexpr double kLexiconCredit = 0.4;
constexpr double kMinTermWeight = 0.05;
constexpr double kCoverageShare = 0.7;
// The weight a candidate explains, in absolute terms, scales its score by
// 1 - exp(-evidence / kMass): one word in common is weak evidence however short the
// question, two or three telling words are strong.
constexpr double kMass = 1.0;
// In the evidence, a word every intent uses still says the question is about this knowledge's
// subject: it counts at least this weight.
constexpr double kEvidenceWeight = 0.5;
constexpr double kWholeQuestion = 0.9;
constexpr double kFocusLead = 0.25;

struct Accumulator {
  double explained = 0;  // sum of weight * strength
  double focus = 0;      // sum of weight * question strength
  double evidence = 0;   // sum of strength * weight, the weight at least kEvidenceWeight
  bool touched = false;
};

}  // namespace

const char* FieldName(Field field) {
  switch (field) {
    case Field::kQuestion:
      return "question";
    case Field::kRelated:
      return "related";
    case Field::kAnswer:
      return "answer";
  }
  return "";
}

Verdict Decide(double top, double second, const Settings& s) {
  if (top < s.suggest_floor) return Verdict::kNoAnswer;
  if (top >= s.threshold && top - second >= s.margin) return Verdict::kAnswer;
  return Verdict::kAmbiguous;
}

Matcher::Matcher(const Knowledge& knowledge) : knowledge_(knowledge), analyzer_(knowledge) {}

std::unique_ptr<Matcher> Matcher::Create(const Knowledge& knowledge, std::string* err) {
  std::unique_ptr<Matcher> m(new Matcher(knowledge));
  const size_t n = knowledge.intents.size();
  // The same phrases recur across the intents of a large knowledge: each is analysed once.
  std::unordered_map<std::string_view, std::vector<std::string>> analysed;
  auto terms_of = [&](std::string_view phrase) -> const std::vector<std::string>& {
    auto [it, fresh] = analysed.try_emplace(phrase);
    if (fresh) it->second = m->analyzer_.Terms(phrase);
    return it->second;
  };
  // The answers' lengths in terms, for BM25's length normalisation.
  std::vector<std::vector<std::string>> answers(n);
  double average = 0;
  for (size_t i = 0; i < n; ++i) {
    const Intent& intent = knowledge.intents[i];
    std::vector<std::string_view> texts = {intent.answer};
    if (const Sequence* seq = knowledge.FindSequence(intent.sequence)) {
      texts.push_back(seq->name);
      texts.push_back(seq->intro);
      for (const Step& step : seq->steps) texts.push_back(step.text);
    }
    // A number in an answer ("2 breaths") is no sign that a question with that number in it
    // ("what's 2 plus 2") asks about it.
    for (std::string_view text : texts)
      for (std::string& t : m->analyzer_.Terms(text))
        if (t.find_first_not_of("0123456789") != std::string::npos)
          answers[i].push_back(std::move(t));
    average += static_cast<double>(answers[i].size());
  }
  average = n > 0 ? std::max(1.0, average / static_cast<double>(n)) : 1.0;
  std::map<std::string, Posting> fields;  // one intent's terms, while it is indexed
  auto posting = [&fields](const std::string& t, int intent) -> Posting& {
    auto [it, fresh] = fields.try_emplace(t, Posting{intent, 0, 0, 0});
    return it->second;
  };
  for (size_t i = 0; i < n; ++i) {
    const Intent& intent = knowledge.intents[i];
    int index = static_cast<int>(i);
    fields.clear();
    for (const WeightedTerm& k : intent.keywords) {
      float strength = static_cast<float>(std::clamp(k.weight / kFullKeyword, kMinKeyword, 1.0));
      for (const std::string& t : terms_of(k.term)) {
        Posting& p = posting(t, index);
        p.question = std::max(p.question, strength);
      }
    }
    for (const std::string& t : terms_of(intent.question)) {
      Posting& p = posting(t, index);
      if (p.question == 0) p.question = static_cast<float>(kQuestionWord);
    }
    for (const WeightedTerm& r : intent.related)
      for (const std::string& t : terms_of(r.term)) {
        Posting& p = posting(t, index);
        p.related = std::max(p.related, static_cast<float>(std::clamp(r.weight, 0.0, 1.0)));
      }
    std::map<std::string, int> tf;
    for (const std::string& t : answers[i]) ++tf[t];
    double length = static_cast<double>(answers[i].size()) / average;
    for (const auto& [t, count] : tf) {
      double f = static_cast<double>(count);
      double bm25 = f * (kBm25K1 + 1) / (f + kBm25K1 * (1 - kBm25B + kBm25B * length));
      posting(t, index).answer = static_cast<float>(std::min(kAnswerMax, kAnswer * bm25));
    }
    for (auto& [t, p] : fields) m->terms_[t].postings.push_back(p);
    for (const std::string& p : intent.patterns) {
      if (!m->patterns_.Add(p, index, err)) {
        *err = "/intents/" + std::to_string(i) + "/patterns: " + *err;
        return nullptr;
      }
    }
  }
  // A term used by one intent tells it apart fully; one used by all tells nothing.
  const double top = std::log((n + 1.0) / 1.5);
  m->focus_total_.assign(n, 0);
  for (auto& [text, term] : m->terms_) {
    double df = static_cast<double>(term.postings.size());
    term.weight =
        top > 0 ? std::clamp(std::log((n + 1.0) / (df + 0.5)) / top, kMinTermWeight, 1.0) : 1.0;
    for (const Posting& p : term.postings)
      m->focus_total_[static_cast<size_t>(p.intent)] += term.weight * p.question;
  }
  for (bool covered : {true, false}) {
    for (const std::string& topic : covered ? knowledge.covered : knowledge.uncovered) {
      std::vector<std::string> terms = m->analyzer_.Terms(topic);
      if (!terms.empty()) m->topics_.push_back({std::move(terms), topic, covered});
    }
  }
  std::stable_sort(m->topics_.begin(), m->topics_.end(),
                   [](const Topic& a, const Topic& b) { return a.terms.size() > b.terms.size(); });
  for (const Topic& topic : m->topics_) m->topics_by_first_[topic.terms[0]].push_back(&topic);
  if (!m->patterns_.Compile(err)) return nullptr;
  return m;
}

Matcher::TopicScan Matcher::ScanTopics(const std::vector<std::string>& terms) const {
  TopicScan scan;
  size_t i = 0;
  while (i < terms.size()) {
    const Topic* hit = nullptr;
    if (auto it = topics_by_first_.find(terms[i]); it != topics_by_first_.end()) {
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

  // Per-thread scratch, sized once per thread and cleared through the intents a question
  // touched, so a question costs what its words' postings cost, not the number of intents.
  thread_local std::vector<Accumulator> scratch;
  thread_local std::vector<int> touched;
  if (scratch.size() < knowledge_.intents.size()) scratch.resize(knowledge_.intents.size());
  touched.clear();

  // Each word of the question is a slot that the knowledge fills with the word itself or, for a
  // word it never uses, at kLexiconCredit with one of its WordNet synonyms ("buy" for
  // "purchase"); an intent takes the best filler of each slot.
  struct Alternative {
    const Term* term;
    double credit;
    std::string name;  // the term, for explaining
  };
  std::vector<std::vector<Alternative>> slots;
  std::vector<std::string> slot_words;
  thread_local std::vector<Accumulator> best;  // per intent, the best filler of one slot
  thread_local std::vector<int> filled;
  if (best.size() < knowledge_.intents.size()) best.resize(knowledge_.intents.size());
  double total = 0;
  for (size_t k = 0; k < a.terms.size(); ++k) {
    const std::string& t = a.terms[k];
    // Saying "back" twice does not count twice.
    if (std::find(a.terms.begin(), a.terms.begin() + static_cast<long>(k), t) !=
        a.terms.begin() + static_cast<long>(k))
      continue;
    std::vector<Alternative> alternatives;
    auto direct = terms_.find(t);
    if (direct != terms_.end()) alternatives.push_back({&direct->second, 1.0, t});
    // Only a word the knowledge never uses looks for synonyms: one it does use has chosen its
    // meaning, and widening it only lets other intents in.
    for (std::string_view synonym : direct != terms_.end() ? std::vector<std::string_view>()
                                                           : lexicon::Synonyms(a.term_words[k])) {
      std::vector<std::string> terms = analyzer_.Terms(synonym);
      if (terms.size() != 1 || terms[0] == t ||
          std::find(a.terms.begin(), a.terms.end(), terms[0]) != a.terms.end())
        continue;
      auto it = terms_.find(terms[0]);
      if (it == terms_.end()) continue;
      bool seen = false;
      for (const Alternative& alt : alternatives) seen = seen || alt.term == &it->second;
      if (!seen) alternatives.push_back({&it->second, kLexiconCredit, terms[0]});
    }
    if (alternatives.empty()) {
      double w = lexicon::IsCommonEnglish(a.term_words[k]) ? kEnglishContext : kOtherContext;
      total += w;
      result.context += w;
      continue;
    }
    // The slot weighs what the word itself weighs in the knowledge, or else its best synonym.
    double slot_weight = 0;
    if (direct != terms_.end()) {
      slot_weight = direct->second.weight;
    } else {
      for (const Alternative& alt : alternatives)
        slot_weight = std::max(slot_weight, alt.term->weight);
    }
    total += slot_weight;
    filled.clear();
    for (const Alternative& alt : alternatives) {
      for (const Posting& p : alt.term->postings) {
        Accumulator& b = best[static_cast<size_t>(p.intent)];
        if (!b.touched) {
          b.touched = true;
          filled.push_back(p.intent);
        }
        double strength = std::max({p.question, p.related, p.answer}) * alt.credit;
        if (alt.term->weight * strength > b.explained) {
          b.explained = alt.term->weight * strength;
          b.focus = alt.term->weight * p.question * alt.credit;
          b.evidence = std::max(alt.term->weight, kEvidenceWeight) * strength;
        }
      }
    }
    for (int i : filled) {
      Accumulator& b = best[static_cast<size_t>(i)];
      Accumulator& acc = scratch[static_cast<size_t>(i)];
      if (!acc.touched) {
        acc.touched = true;
        touched.push_back(i);
      }
      acc.explained += b.explained;
      acc.focus += b.focus;
      acc.evidence += b.evidence;
      b = Accumulator();
    }
    if (explain) {
      slots.push_back(std::move(alternatives));
      slot_words.push_back(a.term_words[k]);
    }
  }
  std::vector<int> pattern_hits = patterns_.Match(a.text);
  for (int i : pattern_hits) {
    Accumulator& acc = scratch[static_cast<size_t>(i)];
    if (!acc.touched) {
      acc.touched = true;
      touched.push_back(i);
    }
  }

  std::vector<Candidate> scored;
  scored.reserve(touched.size());
  for (int index : touched) {
    size_t i = static_cast<size_t>(index);
    Accumulator& acc = scratch[i];
    Candidate c;
    c.intent = index;
    c.coverage = total > 0 ? std::min(1.0, acc.explained / total) : 0;
    c.focus = focus_total_[i] > 0 ? std::min(1.0, acc.focus / focus_total_[i]) : 0;
    c.score = kCoverageShare * c.coverage + (1 - kCoverageShare) * c.focus;
    c.score *= 1 - std::exp(-acc.evidence / kMass);
    c.pattern = std::binary_search(pattern_hits.begin(), pattern_hits.end(), index);
    // A pattern is the knowledge's own word that the question is this one's: what the input
    // leaves unexplained still counts, what it leaves of the question does not.
    if (c.pattern) c.score = kPatternFloor + (1 - kPatternFloor) * std::max(c.score, c.coverage);
    acc = Accumulator();
    if (c.score > 0) scored.push_back(std::move(c));
  }
  size_t ranked = std::min(scored.size(), MatchResult::kMaxRanked);
  std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(ranked), scored.end(),
                    [](const Candidate& x, const Candidate& y) {
                      return x.score != y.score ? x.score > y.score : x.intent < y.intent;
                    });
  scored.resize(ranked);
  result.ranked = std::move(scored);
  if (explain) {
    for (Candidate& c : result.ranked) {
      for (size_t u = 0; u < slots.size(); ++u) {
        Evidence e{"", Field::kQuestion, 0, 0, ""};
        for (const Alternative& alt : slots[u]) {
          for (const Posting& p : alt.term->postings) {
            if (p.intent != c.intent) continue;
            double strength = std::max({p.question, p.related, p.answer}) * alt.credit;
            if (alt.term->weight * strength <= e.strength * e.weight) continue;
            e.term = analyzer_.Display(alt.name);
            e.field = p.question >= std::max(p.related, p.answer) ? Field::kQuestion
                      : p.related >= p.answer                     ? Field::kRelated
                                                                  : Field::kAnswer;
            e.strength = strength;
            e.weight = alt.term->weight;
            e.via = alt.credit < 1 ? slot_words[u] : "";
          }
        }
        if (!e.term.empty()) c.evidence.push_back(std::move(e));
      }
      for (const std::string& p : knowledge_.intents[static_cast<size_t>(c.intent)].patterns) {
        RE2 re(ForFoldedText(p), PatternOptions());
        if (RE2::PartialMatch(a.text, re)) c.patterns_matched.push_back(p);
      }
    }
  }

  TopicScan topics = ScanTopics(a.terms);
  if (!topics.covered) result.uncovered = topics.uncovered;
  result.off_topic = !knowledge_.covered.empty() && !topics.covered && !a.unknown.empty();
  double top = result.ranked.empty() ? 0 : result.ranked[0].score;
  double second = result.ranked.size() > 1 ? result.ranked[1].score : 0;
  result.verdict =
      result.uncovered.empty() ? Decide(top, second, knowledge_.settings) : Verdict::kNoAnswer;
  // An input that says one question whole and little else is that question, however close a
  // longer question that contains it comes ("stretch your middle back" beside "stretch your
  // upper middle back").
  if (result.verdict == Verdict::kAmbiguous && top >= knowledge_.settings.threshold &&
      result.ranked[0].focus >= kWholeQuestion &&
      (result.ranked.size() < 2 || result.ranked[1].focus <= result.ranked[0].focus - kFocusLead))
    result.verdict = Verdict::kAnswer;
  if (result.verdict == Verdict::kAnswer && result.off_topic) result.verdict = Verdict::kAmbiguous;
  return result;
}

}  // namespace backtalk
