#include "util/regex.h"

#include <absl/strings/str_cat.h>

#include <algorithm>
#include <cassert>

namespace backtalk {

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  return options;
}

std::string ForFoldedText(const std::string& pattern) {
  // Every text a pattern sees is normalised, so already case-folded: a pattern written in
  // lowercase ASCII matches it the same with or without (?i). Without is much cheaper: RE2
  // parses each letter of a case-insensitive pattern into a character class of its own,
  // which was a fifth of start-up. An uppercase letter (in a word or an escape such as \W),
  // a non-ASCII character, a character written by its code (\x41, \101) or the class of
  // capitals [[:upper:]] keeps the case-insensitive reading, exactly as written.
  auto needs_case = [](char c) {
    return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  };
  bool folded = pattern.find("[:upper:]") == std::string::npos;
  for (size_t i = 0; i < pattern.size() && folded; ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      char escaped = pattern[++i];  // what a backslash escapes is read here, never again
      folded = !needs_case(escaped) && escaped != 'x' && !(escaped >= '0' && escaped <= '7');
    } else {
      folded = !needs_case(c);
    }
  }
  return folded ? pattern : "(?i:" + pattern + ")";
}

namespace {

// RE2's message for a pattern that does not parse, about the pattern as written (not as
// ForFoldedText wraps it).
std::string ParseError(const std::string& pattern, const std::string& prepared_error) {
  RE2::Set raw(PatternOptions(), RE2::UNANCHORED);
  std::string error;
  return raw.Add(pattern, &error) < 0 ? error : prepared_error;
}

}  // namespace

bool CheckPattern(const std::string& pattern, std::string* error) {
  // Parsing finds every syntax error, with RE2's own message, at a fraction of the cost of
  // compiling (which the matcher does anyway, in its set). Only a counted repetition or a
  // long pattern can outgrow the memory budget once parsed, so only those are compiled here,
  // to name the pattern that does.
  std::string prepared = ForFoldedText(pattern);
  RE2::Set parse_only(PatternOptions(), RE2::UNANCHORED);
  if (parse_only.Add(prepared, error) < 0) {
    *error = ParseError(pattern, *error);
    return false;
  }
  if (pattern.find('{') == std::string::npos && pattern.size() <= 256) return true;
  RE2 re(prepared, PatternOptions());
  if (re.ok()) return true;
  *error = re.error();
  return false;
}

PatternSet::PatternSet(RE2::Anchor anchor)
    : set_(std::make_unique<RE2::Set>(PatternOptions(), anchor)) {}

bool PatternSet::Add(const std::string& pattern, int tag, std::string* error) {
  assert(!compiled_);
  std::string message;
  if (set_->Add(ForFoldedText(pattern), &message) < 0) {
    *error = ParseError(pattern, message);
    return false;
  }
  tags_.push_back(tag);
  return true;
}

bool PatternSet::AddAll(const std::vector<std::string>& patterns, int tag, const char* list,
                        std::string* error) {
  for (const std::string& p : patterns) {
    if (!Add(p, tag, error)) {
      *error = absl::StrCat("/", list, "/", tag, "/patterns: ", *error);
      return false;
    }
  }
  return true;
}

bool PatternSet::Compile(std::string* error) {
  if (tags_.empty()) return true;
  if (!set_->Compile()) {
    *error = "the patterns need more memory than RE2 is allowed";
    return false;
  }
  compiled_ = true;
  return true;
}

std::vector<int> PatternSet::Match(std::string_view text) const {
  std::vector<int> tags;
  if (!compiled_) return tags;
  re2::StringPiece piece(text.data(), text.size());
  // Most texts match no pattern of a set. Asking only whether one matches allocates nothing
  // and stops at the first match; asking which ones allocates RE2's set of matches, so that
  // is done only for a text that matches.
  if (!set_->Match(piece, nullptr)) return tags;
  std::vector<int> indices;
  if (!set_->Match(piece, &indices)) return tags;
  for (int i : indices) tags.push_back(tags_[i]);
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

}  // namespace backtalk
