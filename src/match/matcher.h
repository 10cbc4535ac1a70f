// The Matcher ranks the knowledge's intents for a question and decides between an answer,
// "did you mean ...?" and "I don't know that".
//
// Each intent is a small document with three fields: its question (with the knowledge's
// weighted keywords), its related words, and its answer (with the steps of the stretch it
// offers). A term of the knowledge counts by how few intents use it (an idf, 0..1); a term
// counts for an intent by the strongest field it appears in: the question fully (by keyword
// weight), a related word by its weight, the answer less. Two shares make the score:
//   coverage = how much of the question's weight the intent explains, and
//   focus    = how much of the intent's own question (by keyword weight) the input names;
// score = (kCoverageShare * coverage + (1 - kCoverageShare) * focus) * evidence, so a question
// about what an answer says still scores and a rewording of the document's question scores
// best, where evidence (0..1) grows with the weight explained: one word in common is weak
// evidence, however short the question.
// Words the knowledge never uses are context: they count a little against every intent alike,
// an English word less than a word that is not one. The WordNet synonyms of a word the knowledge
// never uses stand in for it at kLexiconCredit, below the knowledge's own synonyms ("purchase"
// for "buy"). A matching RE2 pattern
// lifts the score to 0.6 + 0.4 * score. A question about a topic the document does not cover
// ("my lower back") gets no answer, whatever it scores; in a knowledge that lists the topics it
// covers, a question that names none of them and has words the knowledge never uses gets
// suggestions at most.
//
// The decision: an answer when the best score reaches the knowledge's threshold and leads the
// runner-up by its margin; both are calibrated for each knowledge (see eval/calibration.h).
//
// A Matcher is immutable after Create and refers to the Knowledge, which must outlive it.
// Match is safe to call from many threads at once: its scratch space is its thread's.
#ifndef BACKTALK_MATCH_MATCHER_H_
#define BACKTALK_MATCH_MATCHER_H_

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "knowledge/knowledge.h"
#include "text/analyzer.h"
#include "util/regex.h"

namespace backtalk {

enum class Field { kQuestion, kRelated, kAnswer };

const char* FieldName(Field field);

struct Evidence {
  std::string term;     // as shown to a person: "muscles"
  Field field;          // the strongest field it was found in
  double strength = 0;  // how much the field says it (0..1)
  double weight = 0;    // how telling the term is across the knowledge (0..1)
  std::string via;      // the word typed, when a WordNet synonym or an age brought the term
  bool age = false;     // the term is the age the knowledge names nearest the one stated
};

struct Candidate {
  int intent = -1;   // index into Knowledge::intents
  double score = 0;  // 0..1
  double coverage = 0;
  double focus = 0;
  // What the input's words found together in one sentence of the answer add to what it
  // explains, and how many of its words that sentence holds.
  double passage = 0;
  int passage_words = 0;
  bool pattern = false;
  std::vector<Evidence> evidence;             // filled when explaining
  std::vector<std::string> patterns_matched;  // filled when explaining
};

enum class Verdict {
  kAnswer,     // ranked[0] answers the question
  kAmbiguous,  // close, but not sure: suggest ranked[0..]
  kNoAnswer,   // nothing answers it; ranked may still hold the closest topics
};

struct MatchResult {
  Verdict verdict = Verdict::kNoAnswer;
  Analysis analysis;
  std::vector<Candidate> ranked;  // best first, score > 0, at most kMaxRanked
  std::string uncovered;          // the uncovered topic that ruled an answer out, if any
  double context = 0;             // the weight of the words the knowledge never uses
  // Those words, less any that a synonym or an age stands for (filled when explaining).
  std::vector<std::string> context_words;
  // The knowledge names the topics it covers (the back, the spine, ...), the question names
  // none of them and has words the knowledge never uses ("why is my car engine tight"): it may
  // be close, but it is never answered outright.
  bool off_topic = false;
  // The question asks about a thing the knowledge never names ("what kind of mattress is
  // best for back pain"): that word. Such a question is off topic too.
  std::string asked_about;
  static constexpr size_t kMaxRanked = 3;
};

// The decision from the ranked candidates (the best two are read), shared by the matcher and
// the calibration: an answer when the best reaches the threshold and leads the runner-up by
// the margin, or names its whole question when the runner-up does not; suggestions above the
// floor; else nothing.
Verdict Decide(const std::vector<Candidate>& ranked, const Settings& settings);

class Matcher {
 public:
  // Compiles the patterns and indexes the fields. Fails only if RE2 runs out of its memory
  // budget (the loader has already checked every pattern).
  // REQUIRES: `knowledge` outlives the Matcher.
  static std::unique_ptr<Matcher> Create(const Knowledge& knowledge, std::string* err);

  // `text` should be clean (see CleanText). With `explain`, candidates carry their evidence.
  MatchResult Match(std::string_view text, bool explain = false) const;

  const Analyzer& analyzer() const { return analyzer_; }
  const Knowledge& knowledge() const { return knowledge_; }

  // A share of the score that a matching pattern guarantees.
  static constexpr double kPatternFloor = 0.6;
  // The least share of the question's known words an intent must explain for its pattern
  // to lift it.
  static constexpr double kPatternCoverage = 0.5;

 private:
  explicit Matcher(const Knowledge& knowledge);

  struct Posting {
    int intent;
    float question;  // 0..1 in each field: how much the field says the term
    float related;
    float answer;
    float strength;  // the strongest of the three
    // The sentences of the answer that hold the term, as bits (a sentence past the 31st
    // shares the last bit).
    uint32_t sentences;
  };
  struct Term {
    double weight = 0;  // 0..1, from how many intents use it
    std::vector<Posting> postings;
  };
  struct Topic {
    std::vector<std::string> terms;
    std::string text;
    bool covered;
  };
  struct TopicScan {
    bool covered = false;    // a covered topic is named
    std::string uncovered;   // the first uncovered topic named, if any
    bool spoken_of = false;  // an uncovered topic named that the best answer speaks of
  };
  // A term of the knowledge that may stand for a word of the question, and how much it counts.
  struct Alternative {
    const Term* term;
    double credit;     // 1 for the word itself, kLexiconCredit for a WordNet synonym
    std::string name;  // the term, for explaining
    bool age = false;  // the age the knowledge names nearest the one stated
    // How much a posting of the term says of the question's word. An age is a rule of the
    // answer ("over 70 years of age"): it counts as a passage does, however long the answer.
    double Strength(double posting) const {
      return age ? std::max(posting, kAgeStrength) : posting * credit;
    }
  };
  static constexpr double kAgeStrength = 0.9;
  // A distinct word of the question that the knowledge uses, or has a synonym of.
  struct Slot {
    size_t word;    // its index in Analysis::terms
    double weight;  // what the word weighs in the knowledge, or else its best synonym
    std::vector<Alternative> alternatives;
  };
  struct Scratch;  // a thread's space for scoring one question

  // Indexes each intent's fields; fails only if a pattern cannot be added.
  bool IndexIntents(std::string* err);
  // The question's slots. Every word's weight is added to *total, and that of the words the
  // knowledge never uses to *context too.
  std::vector<Slot> FillSlots(const Analysis& a, double* total, double* context) const;
  // The age of ages_ nearest `age` (the lower on a tie). REQUIRES: !ages_.empty().
  int NearestAge(int age) const;
  // Adds each slot's postings to the sums of the intents it touches, and marks the intents
  // whose pattern matches.
  void Gather(const std::vector<Slot>& slots, const std::vector<int>& pattern_hits,
              Scratch* s) const;
  // Scores every touched intent and returns the best few, best first; `total` is the weight of
  // the whole question.
  std::vector<Candidate> Rank(const std::vector<Slot>& slots, double total,
                              const std::vector<int>& pattern_hits, Scratch* s) const;
  // The passage of `intent`: what the slots' words found in one sentence of its answer add to
  // what it explains, and how many they are (0, 0 when no sentence holds kPassageWords).
  std::pair<double, int> Passage(int intent, const std::vector<Slot>& slots, Scratch* s) const;
  // Fills each candidate's evidence and the patterns it matched.
  void Explain(const Analysis& a, const std::vector<Slot>& slots, Candidate* c) const;
  // Finds covered and uncovered topics in `terms`, longest first, each word in one topic. An
  // uncovered topic does not count when the answer of intent `best` speaks of it and of two
  // more of the question's words that its question does not use ("the stretch where you go up on
  // your elbows and let your chest sink, how long do I hold it").
  TopicScan ScanTopics(const std::vector<std::string>& terms, int best) const;
  // The knowledge's term, or null.
  const Term* FindTerm(std::string_view term) const;
  // `intent`'s posting of `term`, or null. REQUIRES: `intent` is an index of the intents.
  const Posting* Find(int intent, const std::string& term) const;
  const Posting* Find(int intent, const Term& term) const;

  const Knowledge& knowledge_;
  Analyzer analyzer_;
  std::vector<Term> terms_;                              // by id
  absl::flat_hash_map<std::string, uint32_t> term_ids_;  // every term with a posting
  std::vector<double> focus_total_;  // per intent: the weight of its own question
  std::vector<int> ages_;            // the ages the answers name ("18 years of age"), sorted
  std::vector<Topic> topics_;        // longest first
  absl::flat_hash_map<std::string, std::vector<const Topic*>> topics_by_first_;
  PatternSet patterns_;
};

}  // namespace backtalk

#endif  // BACKTALK_MATCH_MATCHER_H_
