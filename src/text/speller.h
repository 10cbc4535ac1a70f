// Spelling correction against a known vocabulary: "strech" -> "stretch", "tite" -> "tight".
//
// The vocabulary is the knowledge's own words plus common English, so an ordinary word is
// never "corrected" into a back-pain word. Candidates are found by edit distance (with
// transpositions), and for badly mangled words by a sound-alike key ("tite" and "tight").
#ifndef BACKTALK_TEXT_SPELLER_H_
#define BACKTALK_TEXT_SPELLER_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace backtalk {

class Speller {
 public:
  Speller() = default;

  // Adds a word; a higher priority wins a tie between equally close candidates. Words of
  // priority 0 are known (never corrected) but never offered as a correction: a typo is far
  // more likely meant for a word of the knowledge than for any common word.
  void Add(const std::string& word, int priority);
  bool Contains(std::string_view word) const;
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
  // One bit per letter (folded to 32 bits). An edit changes at most two bits, an inserted or
  // dropped letter at most one, so words whose masks differ in more than 2 * limit - (the
  // difference of their lengths) bits are further apart than `limit`: a cheap filter that
  // spares most Distance calls.
  static uint32_t LetterMask(std::string_view word);
  // Words of one first letter and one length. The masks are kept apart from the words, and the
  // words' letters side by side, so a correction scans a few kilobytes of masks and then reads
  // the letters of the few that pass from memory nearby, not from nodes all over the heap.
  struct Bucket {
    std::vector<uint32_t> letters;  // LetterMask(word)
    std::string text;               // the words, each of the bucket's length, end to end
    std::vector<uint32_t> words;    // indexes into words_
  };
  // Every word added, in the order first added, found through an open-addressing table of
  // 8-byte slots: the high half of the word's hash, and 1 + its index (0: a free slot).
  std::vector<Word> words_;
  std::vector<uint64_t> index_;
  // The index of `word` in words_, or -1.
  int64_t Find(std::string_view word, uint64_t hash) const;
  // Keyed by BucketKey(first letter, length): a correction scans only the lengths in reach.
  std::unordered_map<uint32_t, Bucket> by_first_;
  static uint32_t BucketKey(char first, size_t length) {
    return static_cast<uint32_t>(static_cast<unsigned char>(first)) << 16 |
           static_cast<uint32_t>(std::min<size_t>(length, 0xFFFF));
  }
  // Words by sound-alike key, without a map node and a vector per key: the entries of one key
  // are chained, from the head that an open-addressing table of the key's hash holds. Keys of
  // the same hash would share a chain, so a correction checks each candidate's key.
  struct SoundEntry {
    uint32_t word;     // an index into words_
    uint32_t letters;  // LetterMask(word)
    int32_t next;      // the next entry of the chain, or -1
  };
  struct SoundHead {
    uint64_t hash = 0;  // 0: a free slot
    int32_t first = -1;
  };
  int32_t* AddSoundHead(uint64_t hash);
  int32_t FindSoundHead(uint64_t hash) const;
  std::vector<SoundEntry> by_sound_;
  std::vector<SoundHead> sound_heads_;
  size_t sound_keys_ = 0;
};

}  // namespace backtalk

#endif  // BACKTALK_TEXT_SPELLER_H_
