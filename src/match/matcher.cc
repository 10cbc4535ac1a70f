#include "match/matcher.h"

#include <absl/container/flat_hash_set.h>
#include <absl/strings/ascii.h>
#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <tuple>
#include <utility>

#include "match/vocabulary.h"
#include "text/lexicon.h"
#include "text/normalize.h"

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
// Words of the question found together in one sentence of an answer say more than the same
// words spread over a long answer: where kPassageWords or more are, each counts as kPassage
// does ("can jurors talk about the case among themselves" in "jurors should not discuss the
// case even among themselves"). (Two words in a sentence made as many wrong answers as right
// ones on the imported FAQs: "municipal court ... case" is no passage.)
constexpr double kPassage = 0.9;
constexpr int kPassageWords = 3;
constexpr int kMaxSentences = 32;

// The sentences of a text: it is cut after ".", "!" or "?" followed by a space, and at line
// ends.
std::vector<std::string_view> Sentences(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool end = text[i] == '\n' || ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
                                   (i + 1 == text.size() || text[i + 1] == ' '));
    if (!end) continue;
    if (i + 1 > start) out.push_back(text.substr(start, i + 1 - start));
    start = i + 1;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// Ages. An answer names an age as a rule ("at least 18 years of age", "children 5 and
// under", "seniors 65+", "aged 16-17"); a question states one ("im 72", "my 6 year old"). A
// stated age stands for the age the knowledge names nearest it: the rule that decides for
// that age ("over 70 years of age" for 72, "at least 18" for 17).
constexpr int kMaxAge = 130;

// A word after a number that says what it counts, when that is not years of age.
bool IsUnit(std::string_view word) {
  static const auto* units = new absl::flat_hash_set<std::string_view>{
      "seconds", "second", "secs",  "minutes", "minute", "mins", "min",    "hours",
      "hour",    "hrs",    "days",  "day",     "weeks",  "week", "months", "month",
      "dollars", "dollar", "cents", "euros",   "pounds", "lbs",  "kg",     "percent",
      "miles",   "km",     "feet",  "ft",      "inches", "cm",   "times",  "points",
      "items",   "people", "of",    "th",      "st",     "nd",   "rd"};
  return units->contains(word);
}

// The ages one sentence of an answer names.
std::vector<int> AgesNamed(std::string_view sentence) {
  // Years of age, and an age after "aged", alone or as a range.
  static const RE2* years = new RE2(
      R"((?i)\b(\d{1,3})\+?(?:\s*-\s*|\s+)(?:years?|yrs?)(?:\s*-\s*|\s+)(?:of\s+age|old)\b)");
  static const RE2* aged =
      new RE2(R"((?i)\bage[sd]?\s+(?:of\s+)?(\d{1,3})\b(?:\s*(?:-|to|through)\s*(\d{1,3})\b)?)");
  // A bound ("5 and under", "65+", "at least 18"), in a sentence that speaks of ages.
  static const RE2* bound = new RE2(
      R"((?i)\b(\d{1,3})(?:\+|\s+(?:and|or)\s+(?:over|older|under|younger|up|above|below)\b)|)"
      R"(\b(?:under|over|above|below|at\s+least|older\s+than|younger\s+than)\s+)"
      R"((\d{1,3})\b(?:\s*([a-z]+))?)");
  static const RE2* of_age =
      new RE2(R"((?i)\b(?:age[sd]?|old|older|younger|years|child|children|kids?|seniors?|adults?|)"
              R"(youths?|teens?|teenagers?|minors?|born|birthday)\b)");
  std::vector<int> ages;
  if (!HasDigit(sentence)) return ages;  // most sentences name no number at all
  auto add = [&ages](const std::string& digits) {
    int n = std::atoi(digits.c_str());
    if (n > 0 && n <= kMaxAge) ages.push_back(n);
  };
  const re2::StringPiece whole(sentence.data(), sentence.size());
  re2::StringPiece rest = whole;
  std::string a, b, unit;
  while (RE2::FindAndConsume(&rest, *years, &a)) add(a);
  rest = whole;
  while (RE2::FindAndConsume(&rest, *aged, &a, &b)) {
    add(a);
    if (!b.empty()) add(b);
  }
  if (!RE2::PartialMatch(whole, *of_age)) return ages;
  rest = whole;
  while (RE2::FindAndConsume(&rest, *bound, &a, &b, &unit))
    if (!a.empty() || !IsUnit(absl::AsciiStrToLower(unit))) add(a.empty() ? b : a);
  return ages;
}

// The age a question states, or -1. `text` is normalised: lowercase, "i'm" as "i am". "I am
// 5 minutes late" states no age: a unit after the number says what it counts.
int AgeStated(std::string_view text) {
  static const RE2* stated =
      new RE2(R"(\b(?:i am|im|aged?|turning|turned)\s+(\d{1,3})\b(?:\s+([a-z]+))?|)"
              R"(\b(\d{1,3})\s*(?:years?|yrs?|yr)\s*old\b|\b(\d{1,3})\s*yo\b)");
  std::string a, unit, b, c;
  if (!RE2::PartialMatch(text, *stated) || !RE2::PartialMatch(text, *stated, &a, &unit, &b, &c))
    return -1;
  if (!a.empty() && IsUnit(unit)) return -1;
  int n = std::atoi((!a.empty() ? a : !b.empty() ? b : c).c_str());
  return n > 0 && n <= kMaxAge ? n : -1;
}

// The thing a question asks about, where it asks whether a thing is good or which one to
// get: "what (kind of) X is best", "is a X good for", "which X should I buy". When the
// knowledge never uses that word, the question is about something it does not hold, however
// well its other words fit ("what kind of mattress is best for back pain").
std::string AskedAbout(std::string_view text) {
  static const RE2* form = new RE2(
      R"(^(?:(?:so|ok|okay|hey|and|but|also) )*(?:)"
      // "what is the best X", "which are good X"
      R"((?:what|which) (?:is|are) (?:the )?(?:best|right|ideal|good|better) )"
      R"((?:(?:kind|kinds|type|types|sort|sorts|brand|brands|size|make) of )?(?:a |an )?(\w+)|)"
      // "what (kind of) X is best", "which X should I buy"
      R"((?:what|which)(?: (?:kind|kinds|type|types|sort|sorts|brand|brands|size|make) of)?)"
      R"((?: a| an| the)? (\w+) (?:\w+ )?(?:(?:is|are) (?:the )?(?:best|good|better|right|ideal))"
      R"(|should (?:i|we) (?:buy|get|use|choose|pick))\b|)"
      // "is a X good for"
      R"((?:is|are|do|does|would|will) (?:a |an |the )?(\w+) (?:\w+ )?)"
      R"((?:good|bad|ok|okay|safe|better|best|worth|helpful|effective|help|work)\b))");
  // Most questions start otherwise: their first word (after "so", "ok", ...) tells.
  static const auto* fillers =
      new absl::flat_hash_set<std::string_view>{"so", "ok", "okay", "hey", "and", "but", "also"};
  static const auto* heads = new absl::flat_hash_set<std::string_view>{
      "what", "which", "is", "are", "do", "does", "would", "will"};
  std::string_view rest = text, first;
  do {
    first = rest.substr(0, rest.find(' '));
    rest.remove_prefix(std::min(rest.size(), first.size() + 1));
  } while (fillers->contains(first));
  // Then RE2 without captures, from its DFA; the captures only for a question of the form.
  std::string a, b, c;
  if (!heads->contains(first) || !RE2::PartialMatch(text, *form) ||
      !RE2::PartialMatch(text, *form, &a, &b, &c))
    return "";
  return !a.empty() ? a : !b.empty() ? b : c;
}

// A word of the question found in sentences of an intent's answer, and what it would add if
// it counted at kPassage there.
struct SentenceHit {
  uint32_t sentences;
  double gain;
};

// The most that one sentence holding at least kPassageWords of `hits` adds, and how many of
// them it holds.
std::pair<double, int> BestSentence(const std::vector<SentenceHit>& hits) {
  uint32_t seen = 0, twice = 0;
  for (const SentenceHit& h : hits) {
    twice |= seen & h.sentences;
    seen |= h.sentences;
  }
  double best = 0;
  int best_words = 0;
  for (uint32_t bits = twice; bits != 0; bits &= bits - 1) {
    uint32_t bit = bits & -bits;
    double sum = 0;
    int words = 0;
    for (const SentenceHit& h : hits)
      if (h.sentences & bit) {
        sum += h.gain;
        ++words;
      }
    if (words >= kPassageWords && sum > best) {
      best = sum;
      best_words = words;
    }
  }
  return {best, best_words};
}

struct Accumulator {
  double explained = 0;  // sum of weight * strength
  double focus = 0;      // sum of weight * question strength
  double evidence = 0;   // sum of strength * weight, the weight at least kEvidenceWeight
  // What the words found in the answer would add were they all in one sentence, and how many
  // they are: a bound on the passage, worked out only for an intent that can still rank.
  double passage_bound = 0;
  int answer_words = 0;
  bool touched = false;

  void AddAnswerWord(uint32_t sentences, double gain) {
    if (sentences == 0 || gain <= 0) return;
    passage_bound += gain;
    ++answer_words;
  }
};

struct Scored {
  double score, coverage, focus, passage;
  int intent, passage_words;
  bool pattern;
};

// Whether terms[k] is also an earlier term.
bool SaidBefore(const std::vector<std::string>& terms, size_t k) {
  return std::find(terms.begin(), terms.begin() + static_cast<long>(k), terms[k]) !=
         terms.begin() + static_cast<long>(k);
}

}  // namespace

const char* FieldName(Field field) {
  static constexpr const char* kNames[] = {"question", "related", "answer"};  // by Field
  return kNames[static_cast<int>(field)];
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

Matcher::Matcher(const Knowledge& knowledge)
    : knowledge_(knowledge), analyzer_(VocabularyOf(knowledge)) {}

std::unique_ptr<Matcher> Matcher::Create(const Knowledge& knowledge, std::string* err) {
  std::unique_ptr<Matcher> m(new Matcher(knowledge));
  if (!m->IndexIntents(err)) return nullptr;
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

bool Matcher::IndexIntents(std::string* err) {
  const size_t n = knowledge_.intents.size();
  // The same words recur across the intents of a large knowledge: each token is analysed
  // once, and its terms come as numbers, the index of terms_.
  Analyzer::TermCache cache(analyzer_);
  // An intent's answer and the stretch it offers make its answer field. The cues a knowledge
  // added to a routine are left out: they often repeat another stretch's words.
  auto answer_texts = [&](const Intent& intent) {
    std::vector<std::string_view> texts = {intent.answer};
    if (const Sequence* seq = knowledge_.FindSequence(intent.sequence)) {
      texts.push_back(seq->name);
      texts.push_back(seq->intro);
      for (const Step& step : seq->steps)
        if (!step.added) texts.push_back(step.text);
    }
    return texts;
  };
  // BM25 normalises by the answers' lengths in terms: the counts are kept in `answer` while
  // the intents are indexed, and turned into strengths once the average length is known.
  std::vector<double> lengths(n);
  // Intents are indexed in order, so an intent's posting of a term, once made, is the last one.
  auto posting = [&](uint32_t id, int intent) -> Posting& {
    if (id >= terms_.size()) terms_.resize(id + 1);
    std::vector<Posting>& postings = terms_[id].postings;
    if (postings.empty() || postings.back().intent != intent) {
      postings.push_back({intent, 0, 0, 0, 0, 0});
    }
    return postings.back();
  };
  for (size_t i = 0; i < n; ++i) {
    const Intent& intent = knowledge_.intents[i];
    int index = static_cast<int>(i);
    for (const WeightedTerm& k : intent.keywords) {
      float strength = static_cast<float>(std::clamp(k.weight / kFullKeyword, kMinKeyword, 1.0));
      for (uint32_t t : cache.Terms(k.term)) {
        Posting& p = posting(t, index);
        p.question = std::max(p.question, strength);
      }
    }
    for (uint32_t t : cache.Terms(intent.question)) {
      Posting& p = posting(t, index);
      if (p.question == 0) p.question = static_cast<float>(kQuestionWord);
    }
    for (const WeightedTerm& r : intent.related)
      for (uint32_t t : cache.Terms(r.term)) {
        Posting& p = posting(t, index);
        p.related = std::max(p.related, static_cast<float>(std::clamp(r.weight, 0.0, 1.0)));
      }
    // The answer's term counts, kept in `answer` until the average length is known. Numbers
    // count as words do ("15 to 30 seconds", "a $5 fee"): a number few answers use is good
    // evidence, and one many use ("2 breaths") weighs little.
    int sentence = 0;
    for (std::string_view text : answer_texts(intent)) {
      const bool numbers = HasDigit(text);  // most texts name none, and so no age
      for (std::string_view part : Sentences(text)) {
        if (numbers)
          for (int age : AgesNamed(part)) ages_.push_back(age);
        uint32_t bit = uint32_t{1} << std::min(sentence++, kMaxSentences - 1);
        for (uint32_t t : cache.Terms(part)) {
          Posting& p = posting(t, index);
          p.answer += 1;
          p.sentences |= bit;
          lengths[i] += 1;
        }
      }
    }
    if (!patterns_.AddAll(intent.patterns, index, "intents", err)) return false;
  }
  std::sort(ages_.begin(), ages_.end());
  ages_.erase(std::unique(ages_.begin(), ages_.end()), ages_.end());
  terms_.resize(cache.terms().size());
  for (uint32_t id = 0; id < terms_.size(); ++id)
    if (!terms_[id].postings.empty()) term_ids_.emplace(cache.terms()[id], id);
  double average = 0;
  for (double length : lengths) average += length;
  average = n > 0 ? std::max(1.0, average / static_cast<double>(n)) : 1.0;
  // A term used by one intent tells it apart fully; one used by all tells nothing.
  const double top = std::log((n + 1.0) / 1.5);
  // In a large knowledge, a word that many intents use says little of any of them in their
  // answers, and would make every question touch thousands of intents: only its question and
  // related-word postings are kept, after its weight is known, so it still weighs what all its
  // uses make it. (Dropping the plain question words of such a word too cut a question at
  // 10,000 intents by a third, but answered fewer of the generated questions: not done.)
  const size_t most = std::max(kMaxAnswerPostings, n / kAnswerShare);
  focus_total_.assign(n, 0);
  for (Term& term : terms_) {
    for (Posting& p : term.postings) {
      double f = p.answer;
      double length = lengths[static_cast<size_t>(p.intent)] / average;
      double bm25 = f * (kBm25K1 + 1) / (f + kBm25K1 * (1 - kBm25B + kBm25B * length));
      p.answer = static_cast<float>(std::min(kAnswerMax, kAnswer * bm25));
      p.strength = std::max({p.question, p.related, p.answer});
    }
    double df = static_cast<double>(term.postings.size());
    term.weight =
        top > 0 ? std::clamp(std::log((n + 1.0) / (df + 0.5)) / top, kMinTermWeight, 1.0) : 1.0;
    if (term.postings.size() > most) {
      std::erase_if(term.postings,
                    [](const Posting& p) { return p.question == 0 && p.related == 0; });
    }
    // What an intent's question weighs, as the postings a question can reach make it.
    for (const Posting& p : term.postings)
      focus_total_[static_cast<size_t>(p.intent)] += term.weight * p.question;
  }
  return true;
}

const Matcher::Term* Matcher::FindTerm(std::string_view term) const {
  auto it = term_ids_.find(absl::string_view(term.data(), term.size()));
  return it == term_ids_.end() ? nullptr : &terms_[it->second];
}

const Matcher::Posting* Matcher::Find(int intent, const std::string& term) const {
  const Term* t = FindTerm(term);
  return t == nullptr ? nullptr : Find(intent, *t);
}

const Matcher::Posting* Matcher::Find(int intent, const Term& term) const {
  assert(intent >= 0 && static_cast<size_t>(intent) < knowledge_.intents.size());
  // Postings are in the order of the intents.
  auto at = std::lower_bound(term.postings.begin(), term.postings.end(), intent,
                             [](const Posting& p, int i) { return p.intent < i; });
  return at != term.postings.end() && at->intent == intent ? &*at : nullptr;
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
        if (SaidBefore(terms, k)) continue;
        const Posting* p = Find(best, terms[k]);
        if (p != nullptr && p->answer > 0 && p->question == 0) ++beside;
      }
      spoken_of = beside >= kAnswerWordsBeside &&
                  std::all_of(hit->terms.begin(), hit->terms.end(), in_answer);
    }
    if (hit->covered)
      scan.covered = true;
    else if (spoken_of)
      scan.spoken_of = true;
    else if (scan.uncovered.empty())
      scan.uncovered = hit->text;
    i += hit->terms.size();
  }
  return scan;
}

// A thread's space for scoring one question, sized once per thread for the largest knowledge
// it has asked, and cleared through the intents a question touched, so a question costs what
// its words' postings cost, not the number of intents.
struct Matcher::Scratch {
  std::vector<Accumulator> sums;  // per intent
  std::vector<int> touched;       // the intents whose sums were touched
  std::vector<Accumulator> best;  // per intent, the best filler of one slot
  std::vector<int> filled;        // the intents whose `best` was filled
  std::vector<Scored> scored;
  std::vector<SentenceHit> hits;  // for Passage
};

MatchResult Matcher::Match(std::string_view text, bool explain) const {
  thread_local Scratch scratch;
  const size_t intents = knowledge_.intents.size();
  if (scratch.sums.size() < intents) {
    scratch.sums.resize(intents);
    scratch.best.resize(intents);
  }
  scratch.touched.clear();

  MatchResult result;
  // Analyse: the question's words, corrected, stemmed and mapped through the synonyms.
  result.analysis = analyzer_.Analyze(text);
  const Analysis& a = result.analysis;
  // Fill the slots: the knowledge's terms for each word, or the word as context.
  double total = 0;  // the weight of the whole question
  std::vector<Slot> slots = FillSlots(a, &total, &result.context);
  // A word the knowledge never uses, and that no synonym or age stands for, has no slot.
  auto context_word = [&](const std::string& word) {
    return std::find(a.unknown.begin(), a.unknown.end(), word) != a.unknown.end() &&
           std::none_of(slots.begin(), slots.end(),
                        [&](const Slot& s) { return a.term_words[s.word] == word; });
  };
  if (explain)
    for (const std::string& word : a.unknown)
      if (context_word(word)) result.context_words.push_back(word);
  // Gather: the intents each slot reaches, and those whose pattern matches.
  std::vector<int> pattern_hits = patterns_.Match(a.text);
  Gather(slots, pattern_hits, &scratch);
  // Score and rank the intents touched.
  result.ranked = Rank(slots, total, pattern_hits, &scratch);
  if (explain)
    for (Candidate& c : result.ranked) Explain(a, slots, &c);
  // Apply the knowledge's topics: an uncovered one rules an answer out, and a question that
  // names no covered one is off topic.
  TopicScan topics = ScanTopics(a.terms, result.ranked.empty() ? -1 : result.ranked[0].intent);
  if (!topics.covered) result.uncovered = topics.uncovered;
  // A passage of the best answer ("twist your heart to the right") is a topic it covers, but
  // not when it is made of an uncovered topic ("my shoulder clicks when I lift my arm").
  const bool passage =
      !result.ranked.empty() && result.ranked[0].passage_words > 0 && !topics.spoken_of;
  result.off_topic =
      !knowledge_.covered.empty() && !topics.covered && !passage && !a.unknown.empty();
  // A question about a thing the knowledge never names is off topic too.
  if (std::string thing = a.unknown.empty() ? "" : AskedAbout(a.text);
      !thing.empty() && context_word(thing)) {
    result.asked_about = std::move(thing);
    result.off_topic = true;
  }
  // Decide: an answer, suggestions, or nothing.
  result.verdict =
      result.uncovered.empty() ? Decide(result.ranked, knowledge_.settings) : Verdict::kNoAnswer;
  if (result.verdict == Verdict::kAnswer && result.off_topic) result.verdict = Verdict::kAmbiguous;
  return result;
}

int Matcher::NearestAge(int age) const {
  auto above = std::lower_bound(ages_.begin(), ages_.end(), age);
  if (above == ages_.begin()) return *above;
  if (above == ages_.end() || age - *(above - 1) <= *above - age) return *(above - 1);
  return *above;
}

std::vector<Matcher::Slot> Matcher::FillSlots(const Analysis& a, double* total,
                                              double* context) const {
  std::vector<Slot> slots;
  const int age = ages_.empty() ? -1 : AgeStated(a.text);
  const std::string age_term = age >= 0 ? std::to_string(age) : "";
  for (size_t k = 0; k < a.terms.size(); ++k) {
    const std::string& t = a.terms[k];
    if (SaidBefore(a.terms, k)) continue;  // saying "back" twice does not count twice
    Slot slot{k, 0, {}};
    // A stated age is read as an age, not as the same number elsewhere ("juries of 6").
    const bool stated_age = age >= 0 && t == age_term;
    const Term* direct =
        stated_age && !std::binary_search(ages_.begin(), ages_.end(), age) ? nullptr : FindTerm(t);
    if (direct != nullptr) slot.alternatives.push_back({direct, 1.0, t});
    // Only a word the knowledge never uses looks for its synonyms, and a synonym counts when
    // the knowledge uses that very word. (Looking them up for the words it uses too, among
    // the words of its questions only, moved no labelled set and cost a third of a question.)
    for (std::string_view synonym :
         direct != nullptr ? std::vector<std::string_view>() : lexicon::Synonyms(a.term_words[k])) {
      std::string term = analyzer_.VocabularyTerm(synonym);
      if (term.empty() || term == t ||
          std::find(a.terms.begin(), a.terms.end(), term) != a.terms.end())
        continue;
      const Term* found = FindTerm(term);
      if (found == nullptr) continue;
      if (std::ranges::none_of(slot.alternatives,
                               [found](const Alternative& alt) { return alt.term == found; }))
        slot.alternatives.push_back({found, kLexiconCredit, term});
    }
    // A stated age stands for the age the knowledge names nearest it.
    if (direct == nullptr && stated_age) {
      std::string nearest = std::to_string(NearestAge(age));
      if (const Term* found = FindTerm(nearest))
        slot.alternatives.push_back({found, 1.0, std::move(nearest), /*age=*/true});
    }
    if (slot.alternatives.empty()) {
      const std::string& word = a.term_words[k];
      bool english = std::find(a.english.begin(), a.english.end(), word) != a.english.end() ||
                     lexicon::IsCommonEnglish(word);
      double w = english ? kEnglishContext : kOtherContext;
      *total += w;
      *context += w;
      continue;
    }
    // The slot weighs what the word itself weighs in the knowledge, or else its best synonym.
    if (direct != nullptr) {
      slot.weight = direct->weight;
    } else {
      for (const Alternative& alt : slot.alternatives)
        slot.weight = std::max(slot.weight, alt.term->weight);
    }
    *total += slot.weight;
    slots.push_back(std::move(slot));
  }
  return slots;
}

void Matcher::Gather(const std::vector<Slot>& slots, const std::vector<int>& pattern_hits,
                     Scratch* s) const {
  auto touch = [s](int intent) -> Accumulator& {
    Accumulator& acc = s->sums[static_cast<size_t>(intent)];
    if (!acc.touched) {
      acc.touched = true;
      s->touched.push_back(intent);
    }
    return acc;
  };
  for (const Slot& slot : slots) {
    if (slot.alternatives.size() == 1 && slot.alternatives[0].credit == 1 &&
        !slot.alternatives[0].age) {
      // The common case, the word itself: straight into the sums.
      const Term& term = *slot.alternatives[0].term;
      const double evidence_weight = std::max(term.weight, kEvidenceWeight);
      for (const Posting& p : term.postings) {
        Accumulator& acc = touch(p.intent);
        acc.explained += term.weight * p.strength;
        acc.focus += term.weight * p.question;
        acc.evidence += evidence_weight * p.strength;
        acc.AddAnswerWord(p.sentences, term.weight * (kPassage - p.strength));
      }
      continue;
    }
    // An intent takes the best filler of each slot.
    s->filled.clear();
    for (const Alternative& alt : slot.alternatives) {
      for (const Posting& p : alt.term->postings) {
        double strength = alt.Strength(p.strength);
        if (strength == 0) continue;
        Accumulator& b = s->best[static_cast<size_t>(p.intent)];
        if (!b.touched) {
          b.touched = true;
          s->filled.push_back(p.intent);
        }
        if (alt.term->weight * strength > b.explained) {
          b.explained = alt.term->weight * strength;
          b.focus = alt.term->weight * p.question * alt.credit;
          b.evidence = std::max(alt.term->weight, kEvidenceWeight) * strength;
          b.passage_bound = 0;
          b.answer_words = 0;
          b.AddAnswerWord(p.sentences, alt.term->weight * (kPassage * alt.credit - strength));
        }
      }
    }
    for (int i : s->filled) {
      Accumulator& b = s->best[static_cast<size_t>(i)];
      Accumulator& acc = touch(i);
      acc.explained += b.explained;
      acc.focus += b.focus;
      acc.evidence += b.evidence;
      acc.passage_bound += b.passage_bound;
      acc.answer_words += b.answer_words;
      b = Accumulator();
    }
  }
  for (int i : pattern_hits) touch(i);
}

std::pair<double, int> Matcher::Passage(int intent, const std::vector<Slot>& slots,
                                        Scratch* s) const {
  // Each slot's word in this intent's answer, as Gather chose it: the best filler.
  s->hits.clear();
  for (const Slot& slot : slots) {
    SentenceHit best{0, 0};
    double best_explained = 0;
    for (const Alternative& alt : slot.alternatives) {
      const Posting* p = Find(intent, *alt.term);
      if (p == nullptr) continue;
      double strength = alt.Strength(p->strength);
      double explained = alt.term->weight * strength;
      if (explained <= best_explained) continue;
      best_explained = explained;
      best = {p->sentences, alt.term->weight * (kPassage * alt.credit - strength)};
    }
    if (best.sentences != 0 && best.gain > 0) s->hits.push_back(best);
  }
  return BestSentence(s->hits);
}

std::vector<Candidate> Matcher::Rank(const std::vector<Slot>& slots, double total,
                                     const std::vector<int>& pattern_hits, Scratch* s) const {
  // Every touched intent is scored; only the few ranked become Candidates. The evidence
  // factor (an exp) is worked out only for an intent that can still reach the ranked few: the
  // score without it is an upper bound.
  s->scored.clear();
  double bar[MatchResult::kMaxRanked] = {};  // the best final scores so far, best first
  double known = 0;                          // the weight of the words the knowledge uses
  for (const Slot& slot : slots) known += slot.weight;
  for (int index : s->touched) {
    size_t i = static_cast<size_t>(index);
    Accumulator& acc = s->sums[i];
    Scored c;
    c.intent = index;
    c.focus = focus_total_[i] > 0 ? std::min(1.0, acc.focus / focus_total_[i]) : 0;
    c.pattern = std::binary_search(pattern_hits.begin(), pattern_hits.end(), index);
    // A pattern is the knowledge's own word that the question is this one's: what the input
    // leaves unexplained still counts, what it leaves of the question does not. It holds
    // unless the intent explains less than half of the words the knowledge knows: "how long
    // do I hold it" after a stretch told in another answer's words asks about that stretch.
    auto lift = [&](double score) {
      return c.pattern && c.coverage * total >= kPatternCoverage * known
                 ? kPatternFloor + (1 - kPatternFloor) * std::max(score, c.coverage)
                 : score;
    };
    // The two shares, before the evidence factor; sets the coverage.
    auto shares = [&](double explained) {
      c.coverage = total > 0 ? std::min(1.0, explained / total) : 0;
      return kCoverageShare * c.coverage + (1 - kCoverageShare) * c.focus;
    };
    const Accumulator sums = acc;
    acc = Accumulator();
    // The passage at its bound, then, only if that can still rank, worked out.
    c.passage = 0;
    c.passage_words = 0;
    bool passage = sums.answer_words >= kPassageWords;
    const double least = bar[MatchResult::kMaxRanked - 1];
    if (lift(shares(sums.explained + (passage ? sums.passage_bound : 0))) < least) continue;
    if (passage) std::tie(c.passage, c.passage_words) = Passage(index, slots, s);
    double raw = shares(sums.explained + c.passage);
    if (passage && lift(raw) < least) continue;
    c.score = lift(raw * (1 - std::exp(-(sums.evidence + c.passage) / kMass)));
    if (c.score <= 0) continue;
    s->scored.push_back(c);
    for (size_t r = 0; r < MatchResult::kMaxRanked; ++r) {
      if (c.score <= bar[r]) continue;
      for (size_t q = MatchResult::kMaxRanked - 1; q > r; --q) bar[q] = bar[q - 1];
      bar[r] = c.score;
      break;
    }
  }
  size_t count = std::min(s->scored.size(), MatchResult::kMaxRanked);
  std::partial_sort(s->scored.begin(), s->scored.begin() + static_cast<long>(count),
                    s->scored.end(), [](const Scored& x, const Scored& y) {
                      return x.score != y.score ? x.score > y.score : x.intent < y.intent;
                    });
  std::vector<Candidate> ranked;
  ranked.reserve(count);
  for (size_t r = 0; r < count; ++r) {
    const Scored& c = s->scored[r];
    ranked.push_back({.intent = c.intent,
                      .score = c.score,
                      .coverage = c.coverage,
                      .focus = c.focus,
                      .passage = total > 0 ? c.passage / total : 0,
                      .passage_words = c.passage_words,
                      .pattern = c.pattern});
  }
  return ranked;
}

void Matcher::Explain(const Analysis& a, const std::vector<Slot>& slots, Candidate* c) const {
  for (const Slot& slot : slots) {
    Evidence e{"", Field::kQuestion, 0, 0, ""};
    for (const Alternative& alt : slot.alternatives) {
      for (const Posting& p : alt.term->postings) {
        if (p.intent != c->intent) continue;
        double strength = alt.Strength(p.strength);
        if (strength == 0 || alt.term->weight * strength <= e.strength * e.weight) continue;
        e.term = analyzer_.Display(alt.name);
        e.field = p.question >= std::max(p.related, p.answer) ? Field::kQuestion
                  : p.related >= p.answer                     ? Field::kRelated
                                                              : Field::kAnswer;
        e.strength = strength;
        e.weight = alt.term->weight;
        e.via = alt.credit < 1 || alt.age ? a.term_words[slot.word] : "";
        e.age = alt.age;
      }
    }
    if (!e.term.empty()) c->evidence.push_back(std::move(e));
  }
  for (const std::string& p : knowledge_.intents[static_cast<size_t>(c->intent)].patterns) {
    RE2 re(ForFoldedText(p), PatternOptions());
    if (RE2::PartialMatch(a.text, re)) c->patterns_matched.push_back(p);
  }
}

}  // namespace backtalk
