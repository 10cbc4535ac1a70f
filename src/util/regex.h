// The one place RE2 options are chosen, so the loader checks patterns exactly as the matcher,
// the safety check and the small talk compile them.
#ifndef BACKTALK_UTIL_REGEX_H_
#define BACKTALK_UTIL_REGEX_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <vector>

namespace backtalk {

// UTF-8, errors reported by us rather than logged by RE2, bounded memory. Patterns match
// case-insensitively: compile ForFoldedText(pattern) with these options.
RE2::Options PatternOptions();

// `pattern`, made to match case-folded text (what normalising gives) as a case-insensitive
// pattern would: as it is when it is lowercase ASCII, else wrapped in (?i:...).
std::string ForFoldedText(const std::string& pattern);

// True when `pattern` compiles; otherwise false with RE2's own message in *error.
bool CheckPattern(const std::string& pattern, std::string* error);

// Many patterns matched in one pass. Each pattern carries a tag (an intent or sign index).
class PatternSet {
 public:
  // UNANCHORED: a pattern matches anywhere in the text; ANCHOR_BOTH: it must match all of it
  // (and a text that cannot is given up at its first byte that rules every pattern out).
  explicit PatternSet(RE2::Anchor anchor = RE2::UNANCHORED);
  // Returns false with RE2's message for a pattern that does not compile.
  // REQUIRES: Compile() has not been called.
  bool Add(const std::string& pattern, int tag, std::string* error);
  // Adds the patterns of entry `tag` of the knowledge's `list` ("intents"). For one that does
  // not compile, the message starts with their JSON pointer: "/intents/3/patterns: ...".
  bool AddAll(const std::vector<std::string>& patterns, int tag, const char* list,
              std::string* error);
  bool Compile(std::string* error);
  // Tags of the patterns that match (anywhere, or the whole text with ANCHOR_BOTH), sorted,
  // each once; none before Compile() has succeeded.
  std::vector<int> Match(std::string_view text) const;
  bool empty() const { return tags_.empty(); }

 private:
  std::unique_ptr<RE2::Set> set_;
  std::vector<int> tags_;  // set index -> tag
  bool compiled_ = false;
};

}  // namespace backtalk

#endif  // BACKTALK_UTIL_REGEX_H_
