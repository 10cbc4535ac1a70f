// Self-test of a knowledge file, and the calibration of its threshold and margin: no labelled
// set needed. From each intent it makes the questions people type (one typo in a word, a word
// dropped, a synonym swapped in, casual rewordings such as "why is my ... so ...", questions
// about what its answer says, each again after unrelated context) and asks the engine each; it
// also asks probes that the knowledge must not answer (a question with its main word replaced
// by an unrelated one, the everyday questions of knowledge/everyday.txt). It reports per intent
// how many variants come back to it, which intents can never be reached or are shadowed by
// another, and sweeps the threshold and the margin to recommend the values that answer most
// variants rightly, fewest wrongly and fewest probes.
#ifndef BACKTALK_EVAL_SELF_TEST_H_
#define BACKTALK_EVAL_SELF_TEST_H_

#include <map>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace backtalk {

struct Variant {
  std::string text;
  std::string kind;  // "question", "typo", "dropped word", "synonym", "rewording"
};

// The variants of `question`, the question itself first, each text once.
std::vector<Variant> QuestionVariants(const std::string& question, const Knowledge& knowledge,
                                      const Analyzer& analyzer);

// How many intents use each term, in their question or their answer.
std::map<std::string, int> TermIntents(const Knowledge& knowledge, const Analyzer& analyzer);

// Questions about what an intent's answer says, made from its sentences: the words most
// particular to the answer (fewest intents use them, by `term_intents`), after an opening such
// as "how do i" or "can i".
std::vector<std::string> AnswerQuestions(const Knowledge& knowledge, size_t intent,
                                         const Analyzer& analyzer,
                                         const std::map<std::string, int>& term_intents);

// The everyday questions of many fields shipped in knowledge/everyday.txt.
std::string_view EverydayQuestionsText();
std::vector<std::string> EverydayQuestions();

// Lines the knowledge should not answer: its questions with their heaviest keyword replaced
// by a word it does not know, and everyday off-topic lines that share no word with it.
std::vector<std::string> Probes(const Knowledge& knowledge, const Analyzer& analyzer);

struct IntentReach {
  int intent = -1;  // index into Knowledge::intents
  int variants = 0;
  int reached = 0;                  // variants answered with this intent
  bool question_reached = false;    // its own question, verbatim
  std::map<int, int> lost_to;       // another intent -> variants answered with it
  std::vector<std::string> missed;  // a few variants that did not come back, for the report
};

struct SweepPoint {
  double threshold = 0;
  double margin = 0;
  int right = 0;   // variants answered with their own intent
  int wrong = 0;   // variants answered with another intent
  int probes = 0;  // probes answered (they should not be)
  double utility = 0;
};

struct SelfTestReport {
  std::vector<IntentReach> intents;
  int variants = 0;
  int probes = 0;
  std::vector<std::string> probes_answered;   // at the knowledge's settings, with the answer's id
  std::vector<int> unreachable;               // intents no variant reaches
  std::vector<std::pair<int, int>> shadowed;  // {intent, the intent that takes its variants}
  SweepPoint current;                         // at the knowledge's settings
  SweepPoint recommended;
  std::vector<SweepPoint> threshold_sweep;  // at the recommended margin
  std::vector<SweepPoint> margin_sweep;     // at the recommended threshold

  double Accuracy() const { return variants ? double(current.right) / variants : 1.0; }
};

SelfTestReport SelfTest(const Engine& engine);

// The threshold and margin the self-test recommends for this knowledge (positives: variants of
// its questions and questions about its answers; negatives: its near-miss probes and the
// everyday questions), with the rest of its settings.
Settings Calibrate(const Engine& engine);

// The human-readable report.
std::string FormatSelfTest(const SelfTestReport& report, const Knowledge& knowledge);

}  // namespace backtalk

#endif  // BACKTALK_EVAL_SELF_TEST_H_
