// Spelling correction against a known vocabulary: "strech" -> "stretch", "tite" -> "tight".
//
// The vocabulary is the knowledge's own words plus common English, so an ordinary word is
// never "corrected" into a back-pain word. Candidates are found by edit distance (with
// transpositions), and for badly mangled words by a sound-alike key ("tite" and "tight").
#ifndef BACKTALK_TEXT_SPELLER_H_
#define BACKTALK_TEXT_SPELLER_H_

#include <absl/container/flat_hash_map.h>
#include <absl/strings/string_view.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backtalk {

class Speller {
 public:
  // Adds a word; a higher priority wins a tie between equally close candidates. Words of
  // priority 0 are known (never corrected) but never offered as a correction: a typo is far
  // more likely meant for a word of the knowledge than for any common word.
  // REQUIRES: priority >= 0 (-1 stands for an unknown word).
  void Add(const std::string& word, int priority);
  // The word's priority, or -1 when it is not known.
  int Priority(std::string_view word) const;

  // The closest known word, or "" when none is close enough. Four or five letters allow one
  // edit, longer words two; a word of three letters only a dropped letter ("bak" -> "back"),
  // shorter words none.
  std::string Correct(std::string_view word) const;

  static int MaxEdits(size_t length) { return length <= 2 ? 0 : length <= 5 ? 1 : 2; }
  // Restricted Damerau-Levenshtein distance, or limit + 1 once it exceeds `limit`.
  static int Distance(std::string_view a, std::string_view b, int limit);
  // A sound-alike key: "tight" and "tite" both give "tt".
  static std::string SoundKey(std::string_view word);

 private:
  struct Word {
    std::string text;
    int priority;
  };
  // A word offered as a correction, with one bit per letter (folded to 32 bits). An edit
  // changes at most two bits, an inserted or dropped letter at most one, so words whose masks
  // differ in more than 2 * limit - (the difference of their lengths) bits are further apart
  // than `limit`: a cheap filter that spares most Distance calls.
  struct Candidate {
    uint32_t letters;  // LetterMask(word)
    uint32_t word;     // an index into words_
  };
  static uint32_t LetterMask(std::string_view word);

  std::deque<Word> words_;  // every word, in the order first added; they never move
  // Views of words_' texts. (Debian's Abseil has a string_view of its own, which it hashes
  // faster than std::string_view.)
  absl::flat_hash_map<absl::string_view, uint32_t> index_;
  // By first letter and length: a correction reads only the lengths in reach.
  absl::flat_hash_map<std::pair<char, size_t>, std::vector<Candidate>> by_first_;
  absl::flat_hash_map<std::string, std::vector<Candidate>> by_sound_;  // by SoundKey
};

}  // namespace backtalk

#endif  // BACKTALK_TEXT_SPELLER_H_
