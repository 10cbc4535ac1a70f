#include "text/speller.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>

namespace backtalk {

namespace {

absl::string_view Key(std::string_view s) { return {s.data(), s.size()}; }

// The number of bits set, in a few instructions: std::popcount is a library call without
// -mpopcnt, and at 10,000 intents that call was an eighth of a question (callgrind).
int CountBits(uint32_t x) {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0Fu;
  return static_cast<int>((x * 0x01010101u) >> 24);
}

int LengthApart(std::string_view a, std::string_view b) {
  return a.size() > b.size() ? static_cast<int>(a.size() - b.size())
                             : static_cast<int>(b.size() - a.size());
}

// A word of 1 to 64 bytes as one bit mask per byte value (bit i: the word's byte i is that
// value), for Hyyrö's bit-parallel optimal string alignment distance: a column of the
// edit-distance table per step instead of a cell.
class Pattern {
 public:
  explicit Pattern(std::string_view word) : size_(word.size()) {
    std::fill(std::begin(bits_), std::end(bits_), 0);
    for (size_t i = 0; i < word.size(); ++i)
      bits_[static_cast<unsigned char>(word[i])] |= uint64_t{1} << i;
  }

  int Distance(std::string_view text) const {
    uint64_t vp = ~uint64_t{0};  // vertical deltas of +1
    uint64_t vn = 0;             // vertical deltas of -1
    uint64_t d0 = 0;             // diagonal deltas of 0
    uint64_t previous = 0;       // the bits of the text's previous byte
    const uint64_t last = uint64_t{1} << (size_ - 1);
    int distance = static_cast<int>(size_);
    for (char c : text) {
      uint64_t match = bits_[static_cast<unsigned char>(c)];
      uint64_t swapped = ((~d0 & match) << 1) & previous;  // a transposition
      d0 = (((match & vp) + vp) ^ vp) | match | vn | swapped;
      uint64_t hp = vn | ~(d0 | vp);
      uint64_t hn = d0 & vp;
      distance += (hp & last) != 0;
      distance -= (hn & last) != 0;
      hp = (hp << 1) | 1;
      hn <<= 1;
      vp = hn | ~(d0 | hp);
      vn = hp & d0;
      previous = match;
    }
    return distance;
  }

 private:
  uint64_t bits_[256];
  size_t size_;
};

}  // namespace

void Speller::Add(const std::string& word, int priority) {
  assert(priority >= 0);
  if (word.empty()) return;
  uint32_t id;
  if (auto it = index_.find(Key(word)); it != index_.end()) {
    id = it->second;
    Word& known = words_[id];
    if (priority <= known.priority) return;
    int old = known.priority;
    known.priority = priority;  // the candidates below refer to it by index
    if (old > 0) return;
  } else {
    id = static_cast<uint32_t>(words_.size());
    words_.push_back({word, priority});
    index_.emplace(Key(words_.back().text), id);
  }
  if (priority == 0) return;
  if (word.size() > 64) return;  // beyond Distance: never a correction
  Candidate candidate{LetterMask(word), id};
  by_first_[{word[0], word.size()}].push_back(candidate);
  std::string key = SoundKey(word);
  if (key.size() >= 2) by_sound_[key].push_back(candidate);
}

uint32_t Speller::LetterMask(std::string_view word) {
  uint32_t mask = 0;
  for (char c : word) mask |= 1u << (static_cast<unsigned char>(c) & 31);
  return mask;
}

int Speller::Priority(std::string_view word) const {
  auto it = index_.find(Key(word));
  return it == index_.end() ? -1 : words_[it->second].priority;
}

int Speller::Distance(std::string_view a, std::string_view b, int limit) {
  if (LengthApart(a, b) > limit) return limit + 1;
  if (a.size() > 64 || b.size() > 64) return limit + 1;
  if (a.empty() || b.empty()) return std::min(static_cast<int>(a.size() + b.size()), limit + 1);
  return std::min(Pattern(a).Distance(b), limit + 1);
}

std::string Speller::SoundKey(std::string_view word) {
  std::string s;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    char next = i + 1 < word.size() ? word[i + 1] : '\0';
    if (c == 'g' && next == 'h') {
      ++i;  // "gh" is silent in "tight", "weight"
      continue;
    }
    if (c == 'p' && next == 'h') {
      s += 'f';
      ++i;
      continue;
    }
    if (c == 'c') {
      s += (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
      if (next == 'k') ++i;
      continue;
    }
    if (c == 'z') c = 's';
    if (c == 'q') c = 'k';
    if (c == 'x') {
      s += "ks";
      continue;
    }
    s += c;
  }
  std::string key;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i > 0 && c == s[i - 1]) continue;  // doubled letters sound once
    if (i > 0 && std::string_view("aeiouyhw").find(c) != std::string_view::npos) continue;
    key += c;
  }
  return key;
}

std::string Speller::Correct(std::string_view word) const {
  int limit = MaxEdits(word.size());
  if (limit == 0) return "";
  // A candidate's cost is its edit distance, but a sound-alike ("tite", "tight") costs one
  // edit at most. The lowest cost wins; then the higher priority, then the fewer real edits.
  const Word* best = nullptr;
  int best_cost = limit + 1;
  int best_distance = 0;
  auto consider = [&](uint32_t id, int cost, int distance) {
    if (cost > limit) return;
    const Word* e = &words_[id];
    bool better =
        best == nullptr || cost < best_cost ||
        (cost == best_cost &&
         (e->priority > best->priority ||
          (e->priority == best->priority &&
           (distance < best_distance || (distance == best_distance && e->text < best->text)))));
    if (!better) return;
    best = e;
    best_cost = cost;
    best_distance = distance;
  };
  uint32_t letters = LetterMask(word);
  if (word.size() > 64) return "";  // Distance finds nothing so long
  const Pattern pattern(word);
  // Distance(word, candidate, max), the pattern built once for all candidates.
  auto distance = [&](std::string_view candidate, int max) {
    if (LengthApart(word, candidate) > max) return max + 1;  // a candidate has at most 64 bytes
    return std::min(pattern.Distance(candidate), max + 1);
  };
  auto scan = [&](char first) {
    // A word of three letters may only have dropped one; longer ones are `limit` edits away.
    size_t shortest = word.size() == 3 ? 4 : word.size() - static_cast<size_t>(limit);
    size_t longest = word.size() == 3 ? 4 : word.size() + static_cast<size_t>(limit);
    for (size_t length = shortest; length <= longest; ++length) {
      auto it = by_first_.find(std::pair(first, length));
      if (it == by_first_.end()) continue;
      size_t apart = length > word.size() ? length - word.size() : word.size() - length;
      int max_bits = 2 * limit - static_cast<int>(apart);
      for (const Candidate& c : it->second) {
        if (CountBits(letters ^ c.letters) > max_bits) continue;
        int d = distance(words_[c.word].text, limit);
        if (d <= limit) consider(c.word, d, d);
      }
    }
  };
  scan(word[0]);
  // A typo in the first letter, or a swap of the first two: look in the second letter's bucket.
  if (word.size() > 1 && word[1] != word[0]) scan(word[1]);
  auto sound = word.size() >= 4 ? by_sound_.find(SoundKey(word)) : by_sound_.end();
  if (sound != by_sound_.end()) {
    for (const Candidate& c : sound->second) {
      const std::string& text = words_[c.word].text;
      int max_bits = 2 * 3 - LengthApart(word, text);
      if (CountBits(letters ^ c.letters) > max_bits) continue;  // more than 3 edits apart
      int d = distance(text, 3);
      if (d <= 3) consider(c.word, std::min(d, 1), d);
    }
  }
  return best == nullptr ? "" : best->text;
}

}  // namespace backtalk
