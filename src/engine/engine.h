// The Engine answers one line: warning signs first, then small talk, then the matcher. It
// owns the knowledge and everything compiled from it, and has no terminal I/O: the dialog,
// the command line, the server and the tests all ask it the same way. docs/design.md follows a
// question from the line typed to the reply.
//
// Thread safety: an Engine does not change once Create returns, and its const methods (Ask,
// the accessors) are safe to call from many threads at once on the same Engine without
// locking: the RE2 sets are safe for concurrent matching, and the matcher and the analyzer
// keep what they work out for a question in locals and in the asking thread's own scratch
// space, never in a member. Destroying an Engine while another thread still asks it, or
// still reads a Reply it gave (a Reply points into the Engine's knowledge), is an error.
#ifndef BACKTALK_ENGINE_ENGINE_H_
#define BACKTALK_ENGINE_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/knowledge.h"
#include "match/matcher.h"
#include "safety/safety.h"
#include "util/regex.h"

namespace backtalk {

struct Reply {
  std::string input;  // the line as received, cleaned (valid UTF-8, no control characters)
  MatchResult match;
  const Intent* intent = nullptr;          // the answer, when matched
  double score = 0;                        // the best candidate's score, 0..1
  const Sequence* sequence = nullptr;      // the stretch offered; never with a warning sign
  std::vector<const Intent*> suggestions;  // closest questions when not answered
  std::vector<const SafetySign*> safety;   // warning signs found, most urgent first
  const SmallTalk* small_talk = nullptr;   // a greeting, thanks, ...

  bool matched() const { return intent != nullptr; }
  // The notices of all signs found, one paragraph each; empty when none.
  std::string SafetyNotice() const;
};

class Engine {
 public:
  static std::unique_ptr<Engine> Create(Knowledge knowledge, std::string* err);

  // Loads `path`, or the built-in knowledge when `path` is empty.
  static std::unique_ptr<Engine> Load(const std::string& path, std::string* err);

  Reply Ask(std::string_view line, bool explain = false) const;

  const Knowledge& knowledge() const { return *knowledge_; }
  const Matcher& matcher() const { return *matcher_; }
  const SafetyCheck& safety() const { return *safety_; }

  // The words of `clean` text (see CleanText) as commands, warning signs and small talk read
  // them: normalised, not spelling corrected, joined by single spaces. Ask reads the same
  // words (its Reply's match.analysis.uncorrected) without this second pass.
  static std::string Words(std::string_view clean);

  // Whether normalised `words` said during a stretch are words of pain ("ouch", "it hurts"),
  // by the knowledge's pain patterns.
  bool SaysPain(std::string_view words) const { return !pain_.Match(words).empty(); }
  // Whether normalised `words` ask how much of a stretch is left ("how long left?").
  bool AsksTimeLeft(std::string_view words) const;

  // Longest line read; the rest of a longer line is ignored.
  static constexpr size_t kMaxLineBytes = 64 * 1024;

 private:
  Engine() = default;
  std::unique_ptr<Knowledge> knowledge_;  // stable address: the parts below refer to it
  std::unique_ptr<Matcher> matcher_;
  std::unique_ptr<SafetyCheck> safety_;
  PatternSet small_talk_{RE2::ANCHOR_BOTH};  // the whole line is small talk, or none of it
  PatternSet pain_;
  std::unique_ptr<RE2> time_left_;
};

}  // namespace backtalk

#endif  // BACKTALK_ENGINE_ENGINE_H_
