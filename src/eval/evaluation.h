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

// Parses a TSV set. Blank lines and lines starting with '#' are skipped. On a malformed line,
// or an expected question the knowledge does not have, returns false with
// "NAME:LINE: message" in *err.
bool ParseLabelled(std::string_view text, const std::string& name, const Knowledge& knowledge,
                   std::vector<LabelledQuestion>* out, std::string* err);

struct Miss {
  LabelledQuestion item;
  std::string got;  // the question answered, or "-"
  double score = 0;
};

struct EvalReport {
  int in_scope = 0, in_scope_correct = 0;
  int out_of_scope = 0, out_of_scope_rejected = 0;
  std::vector<Miss> misses;
  std::map<std::pair<std::string, std::string>, int> confusion;  // {expected, got} -> count

  double Accuracy() const { return in_scope ? double(in_scope_correct) / in_scope : 1.0; }
  double Rejection() const {
    return out_of_scope ? double(out_of_scope_rejected) / out_of_scope : 1.0;
  }
};

EvalReport Evaluate(const Engine& engine, const std::vector<LabelledQuestion>& set);

// The human-readable report: the two rates, every miss, and the confusion summary.
std::string FormatReport(const EvalReport& report);

}  // namespace backtalk

#endif  // BACKTALK_EVAL_EVALUATION_H_
