#include "text/speller.h"

#include <algorithm>
#include <cstdlib>

#include "util/hash.h"

namespace backtalk {

namespace {

// The number of bits set, without a branch (std::popcount is a library call without -mpopcnt).
int CountBits(uint32_t x) {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0Fu;
  return static_cast<int>((x * 0x01010101u) >> 24);
}

constexpr size_t kBlock = 64;

// A hash of a word or a sound-alike key, never 0 (0 marks a free slot).
uint64_t HashKey(std::string_view key) {
  uint64_t h = HashBytes(key);
  return h == 0 ? 1 : h;
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

int64_t Speller::Find(std::string_view word, uint64_t hash) const {
  if (index_.empty()) return -1;
  size_t mask = index_.size() - 1;
  uint64_t tag = hash >> 32 << 32;
  for (size_t i = hash & mask; index_[i] != 0; i = (i + 1) & mask) {
    if ((index_[i] >> 32 << 32) != tag) continue;
    uint32_t id = static_cast<uint32_t>(index_[i]) - 1;
    if (words_[id].text == word) return id;
  }
  return -1;
}

void Speller::Add(const std::string& word, int priority) {
  if (word.empty()) return;
  uint64_t hash = HashKey(word);
  int64_t found = Find(word, hash);
  if (found >= 0) {
    Word& known = words_[static_cast<size_t>(found)];
    if (priority <= known.priority) return;
    int old = known.priority;
    known.priority = priority;  // the buckets below refer to it by index
    if (old > 0) return;
  } else {
    if (4 * (words_.size() + 1) > 3 * index_.size()) {  // at most three quarters full
      index_.assign(std::max<size_t>(1024, 2 * index_.size()), 0);
      size_t mask = index_.size() - 1;
      for (size_t id = 0; id < words_.size(); ++id) {
        uint64_t h = HashKey(words_[id].text);
        size_t i = h & mask;
        while (index_[i] != 0) i = (i + 1) & mask;
        index_[i] = (h >> 32 << 32) | (id + 1);
      }
    }
    size_t mask = index_.size() - 1;
    size_t i = hash & mask;
    while (index_[i] != 0) i = (i + 1) & mask;
    index_[i] = (hash >> 32 << 32) | (words_.size() + 1);
    words_.push_back({word, priority});
    found = static_cast<int64_t>(words_.size() - 1);
  }
  if (priority == 0) return;
  if (word.size() > 64) return;  // beyond Distance: never a correction
  const uint32_t node = static_cast<uint32_t>(found);
  uint32_t letters = LetterMask(word);
  Bucket& bucket = by_first_[BucketKey(word[0], word.size())];
  bucket.letters.push_back(letters);
  bucket.text += word;
  bucket.words.push_back(node);
  std::string key = SoundKey(word);
  if (key.size() >= 2) {
    int32_t* head = AddSoundHead(HashKey(key));
    by_sound_.push_back({node, letters, *head});
    *head = static_cast<int32_t>(by_sound_.size() - 1);
  }
}

int32_t* Speller::AddSoundHead(uint64_t hash) {
  if (4 * (sound_keys_ + 1) > 3 * sound_heads_.size()) {  // at most three quarters full
    std::vector<SoundHead> old(std::max<size_t>(1024, 2 * sound_heads_.size()));
    old.swap(sound_heads_);
    size_t mask = sound_heads_.size() - 1;
    for (const SoundHead& h : old) {
      if (h.hash == 0) continue;
      size_t i = h.hash & mask;
      while (sound_heads_[i].hash != 0) i = (i + 1) & mask;
      sound_heads_[i] = h;
    }
  }
  size_t mask = sound_heads_.size() - 1;
  size_t i = hash & mask;
  while (sound_heads_[i].hash != 0 && sound_heads_[i].hash != hash) i = (i + 1) & mask;
  if (sound_heads_[i].hash == 0) {
    sound_heads_[i].hash = hash;
    ++sound_keys_;
  }
  return &sound_heads_[i].first;
}

int32_t Speller::FindSoundHead(uint64_t hash) const {
  if (sound_heads_.empty()) return -1;
  size_t mask = sound_heads_.size() - 1;
  for (size_t i = hash & mask; sound_heads_[i].hash != 0; i = (i + 1) & mask)
    if (sound_heads_[i].hash == hash) return sound_heads_[i].first;
  return -1;
}

uint32_t Speller::LetterMask(std::string_view word) {
  uint32_t mask = 0;
  for (char c : word) mask |= 1u << (static_cast<unsigned char>(c) & 31);
  return mask;
}

bool Speller::Contains(std::string_view word) const { return Find(word, HashKey(word)) >= 0; }

int Speller::Priority(std::string_view word) const {
  int64_t id = Find(word, HashKey(word));
  return id < 0 ? -1 : words_[static_cast<size_t>(id)].priority;
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
    bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'h' ||
                 c == 'w';
    if (i > 0 && vowel) continue;
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
    if (LengthApart(word, candidate) > max || candidate.size() > 64) return max + 1;
    return std::min(pattern.Distance(candidate), max + 1);
  };
  auto scan = [&](char first) {
    // A word of three letters may only have dropped one; longer ones are `limit` edits away.
    size_t shortest = word.size() == 3 ? 4 : word.size() - static_cast<size_t>(limit);
    size_t longest = word.size() == 3 ? 4 : word.size() + static_cast<size_t>(limit);
    for (size_t length = shortest; length <= longest; ++length) {
      auto it = by_first_.find(BucketKey(first, length));
      if (it == by_first_.end()) continue;
      const Bucket& bucket = it->second;
      size_t apart = length > word.size() ? length - word.size() : word.size() - length;
      int max_bits = 2 * limit - static_cast<int>(apart);
      // The masks a block at a time, in a loop without branches that the compiler vectorises;
      // then the few words that pass.
      const size_t size = bucket.letters.size();
      for (size_t start = 0; start < size; start += kBlock) {
        const size_t block = std::min(kBlock, size - start);
        const uint32_t* masks = bucket.letters.data() + start;
        uint8_t near[kBlock];
        for (size_t i = 0; i < block; ++i) near[i] = CountBits(letters ^ masks[i]) <= max_bits;
        for (size_t i = 0; i < block; ++i) {
          if (!near[i]) continue;
          int d =
              distance(std::string_view(bucket.text).substr((start + i) * length, length), limit);
          if (d <= limit) consider(bucket.words[start + i], d, d);
        }
      }
    }
  };
  scan(word[0]);
  // A typo in the first letter, or a swap of the first two: look in the second letter's bucket.
  if (word.size() > 1 && word[1] != word[0]) scan(word[1]);
  if (word.size() >= 4) {
    std::string key = SoundKey(word);
    for (int32_t i = FindSoundHead(HashKey(key)); i >= 0; i = by_sound_[i].next) {
      const SoundEntry& e = by_sound_[i];
      const std::string& text = words_[e.word].text;
      int max_bits = 2 * 3 - LengthApart(word, text);
      if (CountBits(letters ^ e.letters) > max_bits) continue;  // more than 3 edits apart
      int d = distance(text, 3);
      if (d <= 3 && SoundKey(text) == key) consider(e.word, std::min(d, 1), d);
    }
  }
  return best == nullptr ? "" : best->text;
}

}  // namespace backtalk
