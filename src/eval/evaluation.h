// Measuring the matcher against labelled questions: lines of "expected<TAB>input", where
// expected is a question of the knowledge, verbatim, or "-" for "nothing answers this".
#ifndef BACKTALK_EVAL_EVALUATION_H_
#define BACKTALK_EVAL_EVALUATION_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/engine.h"

namespace backtalk {

struct LabelledQuestion {
  int line = 0;
  std::string expected;  // a question of the knowledge, or "-"
  std::string input;
};

// Parses a TSV set. Blank lines and lines starting with '#' are skipped. On a malformed line
// returns false with "NAME:LINE: message" in *err. An expected question the knowledge does not
// hold (a draft that missed a question of its document) is kept, so it counts as a miss, and
// reported as "NAME:LINE: warning: ..." in *warnings.
bool ParseLabelled(std::string_view text, const std::string& name, const Knowledge& knowledge,
                   std::vector<LabelledQuestion>* out, std::vector<std::string>* warnings,
                   std::string* err);

struct Miss {
  LabelledQuestion item;
  std::string got;  // the question answered, or "-"
  double score = 0;
};

// The four numbers that tell the whole story: of the questions the knowledge answers, how
// many were answered right, answered wrong, or not answered with the right question first
// among the suggestions; of the others, how many were answered all the same.
struct EvalReport {
  int in_scope = 0;
  int in_scope_correct = 0;    // answered with the expected question
  int in_scope_wrong = 0;      // answered with another question
  int in_scope_suggested = 0;  // not answered, the expected question suggested first
  int out_of_scope = 0, out_of_scope_rejected = 0;
  std::vector<Miss> misses;
  std::map<std::pair<std::string, std::string>, int> confusion;  // {expected, got} -> count

  double Accuracy() const { return in_scope ? double(in_scope_correct) / in_scope : 1.0; }
  double WrongRate() const { return in_scope ? double(in_scope_wrong) / in_scope : 0.0; }
  double Rejection() const {
    return out_of_scope ? double(out_of_scope_rejected) / out_of_scope : 1.0;
  }
};

EvalReport Evaluate(const Engine& engine, const std::vector<LabelledQuestion>& set);

// The human-readable report: every miss, the confusion summary, and the four numbers.
std::string FormatReport(const EvalReport& report);

}  // namespace backtalk

#endif  // BACKTALK_EVAL_EVALUATION_H_
