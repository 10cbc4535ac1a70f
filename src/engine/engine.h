// The Engine answers one line: warning signs first, then small talk, then the matcher. It
// owns the knowledge and everything compiled from it, and has no terminal I/O: the dialog,
// the command line and the tests all ask it the same way. Ask is const, and safe to call from
// many threads at once: the RE2 sets, the matcher and the analyzer keep no state of a
// question but on its own thread.
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
