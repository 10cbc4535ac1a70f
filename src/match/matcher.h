// The Matcher ranks the knowledge's intents for a question and decides between an answer,
// "did you mean ...?" and "I don't know that".
//
// Scoring: every term of the question is weighted by how telling it is (a word no intent
// uses still counts, as something the intent does not explain). For each intent,
//   precision = how much of the question's weight the intent explains (its keywords fully,
//               its related words by their weight), and
//   recall    = how much of the intent's keyword weight the question contains (related
//               words give half credit);
// the keyword score is their harmonic mean, so a short question that names an intent and a
// long one that describes it both score well, and extra unexplained words cost. A matching
// RE2 pattern lifts the score to 0.6 + 0.4 * keyword score. A question about a topic the
// document does not cover ("my lower back") gets no answer, whatever it scores; one that
// names no covered topic and uses words the knowledge does not know gets suggestions at most.
//
// A Matcher is immutable after Create and refers to the Knowledge, which must outlive it;
// Match is const but not thread-safe (the stemmer keeps a buffer). Terms are looked up through an
// inverted index, so the cost of a question grows with its words, not with the number of intents.
#ifndef BACKTALK_MATCH_MATCHER_H_
#define BACKTALK_MATCH_MATCHER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "knowledge/knowledge.h"
#include "text/analyzer.h"
#include "util/key_filter.h"
#include "util/regex.h"

namespace backtalk {

struct Evidence {
  std::string term;      // as shown to a person: "muscles"
  double weight = 0;     // the weight the intent gives it
  bool keyword = false;  // a keyword of the question (else a related word)
};

struct Candidate {
  int intent = -1;   // index into Knowledge::intents
  double score = 0;  // 0..1
  double keyword_score = 0;
  double precision = 0;
  double recall = 0;
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
  // The question names none of the covered topics (the back, the spine, ...) and has words
  // the knowledge never uses ("why is my car engine tight"): it may be close, but it is
  // never answered outright.
  bool off_topic = false;
  static constexpr size_t kMaxRanked = 3;
};

class Matcher {
 public:
  // Compiles the patterns and indexes the keywords. Fails only if RE2 runs out of its memory
  // budget (the loader has already checked every pattern).
  static std::unique_ptr<Matcher> Create(const Knowledge& knowledge, std::string* err);

  // `text` must be clean (see CleanText). With `explain`, candidates carry their evidence.
  MatchResult Match(std::string_view text, bool explain = false) const;

  const Analyzer& analyzer() const { return analyzer_; }
  const Knowledge& knowledge() const { return knowledge_; }

 private:
  explicit Matcher(const Knowledge& knowledge);

  struct Posting {
    int intent;
    double weight;
    bool keyword;
  };
  struct Term {
    double input_weight = 0;  // how much the term counts in a question
    std::vector<Posting> postings;
  };
  struct Topic {
    std::vector<std::string> terms;
    std::string text;
    bool covered;
  };

  struct TopicScan {
    bool covered = false;   // a covered topic is named
    std::string uncovered;  // the first uncovered topic named, if any
  };
  // Finds covered and uncovered topics in `terms`, longest first, each word in one topic.
  TopicScan ScanTopics(const std::vector<std::string>& terms) const;

  const Knowledge& knowledge_;
  Analyzer analyzer_;
  std::unordered_map<std::string, Term> terms_;
  std::vector<double> keyword_total_;  // per intent: the sum of its keyword weights
  std::vector<Topic> topics_;          // longest first
  // topics_ by their first term, longest first, so a scan looks only at topics that can start
  // at a word.
  std::unordered_map<std::string, std::vector<const Topic*>> topics_by_first_;
  KeyFilter topic_starts_;  // topics_by_first_'s keys
  PatternSet patterns_;
  // Per-intent sums for one question, sized once and cleared through the intents a question
  // touched, so a question costs what its words' postings cost, not the number of intents.
  mutable std::vector<double> explained_, recalled_;
  mutable std::vector<char> seen_intent_;
  // The intents a question touched, and their scores: kept to spare two allocations a question.
  struct Scored {
    double score;
    int intent;
  };
  mutable std::vector<int> touched_;
  mutable std::vector<Scored> scored_;
};

}  // namespace backtalk

#endif  // BACKTALK_MATCH_MATCHER_H_
