#include "match/matcher.h"

#include <algorithm>
#include <cmath>

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
// A word that more intents use than this, and than one in kAnswerShare, is no part of their
// answer fields (see Create).
constexpr size_t kMaxAnswerPostings = 100;
constexpr size_t kAnswerShare = 40;
constexpr size_t kAnswerWordsBeside = 2;

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

Verdict Decide(const std::vector<Candidate>& ranked, const Settings& s) {
  double top = ranked.empty() ? 0 : ranked[0].score;
  double second = ranked.size() > 1 ? ranked[1].score : 0;
  if (top < s.suggest_floor) return Verdict::kNoAnswer;
  if (top < s.threshold) return Verdict::kAmbiguous;
  if (top - second >= s.margin) return Verdict::kAnswer;
  // An input that says one question whole and little else is that question, however close a
  // longer question that contains it comes ("stretch your middle back" beside "stretch your
  // upper middle back").
  if (ranked[0].focus >= kWholeQuestion &&
      (ranked.size() < 2 || ranked[1].focus <= ranked[0].focus - kFocusLead))
    return Verdict::kAnswer;
  return Verdict::kAmbiguous;
}

Matcher::Matcher(const Knowledge& knowledge) : knowledge_(knowledge), analyzer_(knowledge) {}

std::unique_ptr<Matcher> Matcher::Create(const Knowledge& knowledge, std::string* err) {
  std::unique_ptr<Matcher> m(new Matcher(knowledge));
  const size_t n = knowledge.intents.size();
  // The same words recur across the intents of a large knowledge: each token is analysed once,
  // and each term's entry found once for each view of it.
  Analyzer::TermCache cache(m->analyzer_);
  std::unordered_map<const char*, Term*> by_view;
  auto term = [&](std::string_view t) -> Term& {
    auto [it, fresh] = by_view.try_emplace(t.data());
    if (fresh) it->second = &m->terms_[std::string(t)];
    return *it->second;
  };
  // An intent's answer and the stretch it offers make its answer field.
  auto answer_texts = [&](const Intent& intent) {
    std::vector<std::string_view> texts = {intent.answer};
    if (const Sequence* seq = knowledge.FindSequence(intent.sequence)) {
      texts.push_back(seq->name);
      texts.push_back(seq->intro);
      for (const Step& step : seq->steps) texts.push_back(step.text);
    }
    return texts;
  };
  // BM25 normalises by the answers' lengths in terms: the counts are kept in `answer` while
  // the intents are indexed, and turned into strengths once the average length is known.
  std::vector<double> lengths(n);
  // Intents are indexed in order, so an intent's posting of a term, once made, is the last one.
  auto posting = [&](std::string_view t, int intent) -> Posting& {
    std::vector<Posting>& postings = term(t).postings;
    if (postings.empty() || postings.back().intent != intent) {
      postings.push_back({intent, 0, 0, 0, 0});
    }
    return postings.back();
  };
  for (size_t i = 0; i < n; ++i) {
    const Intent& intent = knowledge.intents[i];
    int index = static_cast<int>(i);
    for (const WeightedTerm& k : intent.keywords) {
      float strength = static_cast<float>(std::clamp(k.weight / kFullKeyword, kMinKeyword, 1.0));
      for (std::string_view t : cache.Terms(k.term)) {
        Posting& p = posting(t, index);
        p.question = std::max(p.question, strength);
      }
    }
    for (std::string_view t : cache.Terms(intent.question)) {
      Posting& p = posting(t, index);
      if (p.question == 0) p.question = static_cast<float>(kQuestionWord);
    }
    for (const WeightedTerm& r : intent.related)
      for (std::string_view t : cache.Terms(r.term)) {
        Posting& p = posting(t, index);
        p.related = std::max(p.related, static_cast<float>(std::clamp(r.weight, 0.0, 1.0)));
      }
    // The answer's term counts, kept in `answer` until the average length is known. A number
    // in it ("2 breaths") is no sign that a question with that number ("what's 2 plus 2") asks
    // about it.
    for (std::string_view text : answer_texts(intent)) {
      for (std::string_view t : cache.Terms(text)) {
        if (t.find_first_not_of("0123456789") == std::string_view::npos) continue;
        posting(t, index).answer += 1;
        lengths[i] += 1;
      }
    }
    for (const std::string& p : intent.patterns) {
      if (!m->patterns_.Add(p, index, err)) {
        *err = "/intents/" + std::to_string(i) + "/patterns: " + *err;
        return nullptr;
      }
    }
  }
  double average = 0;
  for (double length : lengths) average += length;
  average = n > 0 ? std::max(1.0, average / static_cast<double>(n)) : 1.0;
  for (auto& [text, term] : m->terms_) {
    for (Posting& p : term.postings) {
      double f = p.answer;
      double length = lengths[static_cast<size_t>(p.intent)] / average;
      double bm25 = f * (kBm25K1 + 1) / (f + kBm25K1 * (1 - kBm25B + kBm25B * length));
      p.answer = static_cast<float>(std::min(kAnswerMax, kAnswer * bm25));
      p.strength = std::max({p.question, p.related, p.answer});
    }
  }
  // A term used by one intent tells it apart fully; one used by all tells nothing.
  const double top = std::log((n + 1.0) / 1.5);
  m->focus_total_.assign(n, 0);
  for (auto& [text, term] : m->terms_) {
    double df = static_cast<double>(term.postings.size());
    term.weight =
        top > 0 ? std::clamp(std::log((n + 1.0) / (df + 0.5)) / top, kMinTermWeight, 1.0) : 1.0;
  }
  // In a large knowledge, a word that many intents use says little of any of them in their
  // answers, and would make every question touch thousands of intents: only its question and
  // related-word postings are kept, after its weight is known, so it still weighs what all its uses
  // make it. (Dropping the plain question words of such a word too cut a question at 10,000 intents
  // by a third, but answered fewer of the generated questions: not done.)
  const size_t most = std::max(kMaxAnswerPostings, n / kAnswerShare);
  for (auto& [text, term] : m->terms_) {
    if (term.postings.size() <= most) continue;
    term.postings.erase(
        std::remove_if(term.postings.begin(), term.postings.end(),
                       [](const Posting& p) { return p.question == 0 && p.related == 0; }),
        term.postings.end());
  }
  // What an intent's question weighs, as the postings a question can reach make it.
  for (const auto& [text, term] : m->terms_)
    for (const Posting& p : term.postings)
      m->focus_total_[static_cast<size_t>(p.intent)] += term.weight * p.question;
  for (bool covered : {true, false}) {
    for (const std::string& topic : covered ? knowledge.covered : knowledge.uncovered) {
      std::vector<std::string> terms = m->analyzer_.Terms(topic);
      if (!terms.empty()) m->topics_.push_back({std::move(terms), topic, covered});
    }
  }
  // A stretch the knowledge guides is a topic it covers ("the seated twist").
  if (!knowledge.covered.empty()) {
    for (const Sequence& seq : knowledge.sequences) {
      std::vector<std::string> terms = m->analyzer_.Terms(seq.name);
      if (terms.size() >= 2) m->topics_.push_back({std::move(terms), seq.name, true});
    }
  }
  std::stable_sort(m->topics_.begin(), m->topics_.end(),
                   [](const Topic& a, const Topic& b) { return a.terms.size() > b.terms.size(); });
  for (const Topic& topic : m->topics_) m->topics_by_first_[topic.terms[0]].push_back(&topic);
  if (!m->patterns_.Compile(err)) return nullptr;
  return m;
}

const Matcher::Posting* Matcher::Find(int intent, const std::string& term) const {
  auto it = terms_.find(term);
  if (it == terms_.end()) return nullptr;
  // Postings are in the order of the intents.
  const std::vector<Posting>& postings = it->second.postings;
  auto at = std::lower_bound(postings.begin(), postings.end(), intent,
                             [](const Posting& p, int i) { return p.intent < i; });
  return at != postings.end() && at->intent == intent ? &*at : nullptr;
}

Matcher::TopicScan Matcher::ScanTopics(const std::vector<std::string>& terms, int best) const {
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
    bool spoken_of = false;
    if (!hit->covered && best >= 0) {
      auto in_answer = [&](const std::string& t) {
        const Posting* p = Find(best, t);
        return p != nullptr && p->answer > 0;
      };
      // Words of the answer that are not words of the question: the question is about what
      // the answer says.
      size_t beside = 0;
      for (size_t k = 0; k < terms.size(); ++k) {
        if (k >= i && k < i + hit->terms.size()) continue;
        if (std::find(terms.begin(), terms.begin() + static_cast<long>(k), terms[k]) !=
            terms.begin() + static_cast<long>(k))
          continue;
        const Posting* p = Find(best, terms[k]);
        if (p != nullptr && p->answer > 0 && p->question == 0) ++beside;
      }
      spoken_of = beside >= kAnswerWordsBeside &&
                  std::all_of(hit->terms.begin(), hit->terms.end(), in_answer);
    }
    if (hit->covered)
      scan.covered = true;
    else if (scan.uncovered.empty() && !spoken_of)
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
    // Only a word the knowledge never uses looks for its synonyms, and a synonym counts when
    // the knowledge uses that very word. (Looking them up for the words it uses too, among
    // the words of its questions only, moved no labelled set and cost a third of a question.)
    for (std::string_view synonym : direct != terms_.end() ? std::vector<std::string_view>()
                                                           : lexicon::Synonyms(a.term_words[k])) {
      std::string term = analyzer_.VocabularyTerm(synonym);
      if (term.empty() || term == t ||
          std::find(a.terms.begin(), a.terms.end(), term) != a.terms.end())
        continue;
      auto it = terms_.find(term);
      if (it == terms_.end()) continue;
      bool seen = false;
      for (const Alternative& alt : alternatives) seen = seen || alt.term == &it->second;
      if (!seen) alternatives.push_back({&it->second, kLexiconCredit, term});
    }
    if (alternatives.empty()) {
      const std::string& word = a.term_words[k];
      bool english = std::find(a.english.begin(), a.english.end(), word) != a.english.end() ||
                     lexicon::IsCommonEnglish(word);
      double w = english ? kEnglishContext : kOtherContext;
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
    auto add = [&](Accumulator& acc, int intent, double explained, double focus, double evidence) {
      if (!acc.touched) {
        acc.touched = true;
        touched.push_back(intent);
      }
      acc.explained += explained;
      acc.focus += focus;
      acc.evidence += evidence;
    };
    if (alternatives.size() == 1 && alternatives[0].credit == 1) {
      // The common case, the word itself: straight into the sums.
      const Term& term = *alternatives[0].term;
      const double evidence_weight = std::max(term.weight, kEvidenceWeight);
      for (const Posting& p : term.postings)
        add(scratch[static_cast<size_t>(p.intent)], p.intent, term.weight * p.strength,
            term.weight * p.question, evidence_weight * p.strength);
    } else {
      filled.clear();
      for (const Alternative& alt : alternatives) {
        for (const Posting& p : alt.term->postings) {
          double strength = p.strength * alt.credit;
          if (strength == 0) continue;
          Accumulator& b = best[static_cast<size_t>(p.intent)];
          if (!b.touched) {
            b.touched = true;
            filled.push_back(p.intent);
          }
          if (alt.term->weight * strength > b.explained) {
            b.explained = alt.term->weight * strength;
            b.focus = alt.term->weight * p.question * alt.credit;
            b.evidence = std::max(alt.term->weight, kEvidenceWeight) * strength;
          }
        }
      }
      for (int i : filled) {
        Accumulator& b = best[static_cast<size_t>(i)];
        add(scratch[static_cast<size_t>(i)], i, b.explained, b.focus, b.evidence);
        b = Accumulator();
      }
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

  // Every touched intent is scored; only the few ranked become Candidates.
  struct Scored {
    double score, coverage, focus;
    int intent;
    bool pattern;
  };
  thread_local std::vector<Scored> scored;
  scored.clear();
  // The evidence factor (an exp) is worked out only for an intent that can still reach the
  // ranked few: the score without it is an upper bound.
  double bar[MatchResult::kMaxRanked] = {};  // the best final scores so far, best first
  for (int index : touched) {
    size_t i = static_cast<size_t>(index);
    Accumulator& acc = scratch[i];
    Scored c;
    c.intent = index;
    c.coverage = total > 0 ? std::min(1.0, acc.explained / total) : 0;
    c.focus = focus_total_[i] > 0 ? std::min(1.0, acc.focus / focus_total_[i]) : 0;
    c.pattern = std::binary_search(pattern_hits.begin(), pattern_hits.end(), index);
    double raw = kCoverageShare * c.coverage + (1 - kCoverageShare) * c.focus;
    double evidence = acc.evidence;
    acc = Accumulator();
    // A pattern is the knowledge's own word that the question is this one's: what the input
    // leaves unexplained still counts, what it leaves of the question does not.
    auto lift = [&c](double score) {
      return c.pattern ? kPatternFloor + (1 - kPatternFloor) * std::max(score, c.coverage) : score;
    };
    if (lift(raw) < bar[MatchResult::kMaxRanked - 1]) continue;
    c.score = lift(raw * (1 - std::exp(-evidence / kMass)));
    if (c.score <= 0) continue;
    scored.push_back(c);
    for (size_t r = 0; r < MatchResult::kMaxRanked; ++r) {
      if (c.score <= bar[r]) continue;
      for (size_t q = MatchResult::kMaxRanked - 1; q > r; --q) bar[q] = bar[q - 1];
      bar[r] = c.score;
      break;
    }
  }
  size_t ranked = std::min(scored.size(), MatchResult::kMaxRanked);
  std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(ranked), scored.end(),
                    [](const Scored& x, const Scored& y) {
                      return x.score != y.score ? x.score > y.score : x.intent < y.intent;
                    });
  result.ranked.reserve(ranked);
  for (size_t r = 0; r < ranked; ++r) {
    Candidate c;
    c.intent = scored[r].intent;
    c.score = scored[r].score;
    c.coverage = scored[r].coverage;
    c.focus = scored[r].focus;
    c.pattern = scored[r].pattern;
    result.ranked.push_back(std::move(c));
  }
  if (explain) {
    for (Candidate& c : result.ranked) {
      for (size_t u = 0; u < slots.size(); ++u) {
        Evidence e{"", Field::kQuestion, 0, 0, ""};
        for (const Alternative& alt : slots[u]) {
          for (const Posting& p : alt.term->postings) {
            if (p.intent != c.intent) continue;
            double strength = p.strength * alt.credit;
            if (strength == 0 || alt.term->weight * strength <= e.strength * e.weight) continue;
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

  TopicScan topics = ScanTopics(a.terms, result.ranked.empty() ? -1 : result.ranked[0].intent);
  if (!topics.covered) result.uncovered = topics.uncovered;
  result.off_topic = !knowledge_.covered.empty() && !topics.covered && !a.unknown.empty();
  result.verdict =
      result.uncovered.empty() ? Decide(result.ranked, knowledge_.settings) : Verdict::kNoAnswer;
  if (result.verdict == Verdict::kAnswer && result.off_topic) result.verdict = Verdict::kAmbiguous;
  return result;
}

}  // namespace backtalk
