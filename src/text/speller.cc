#include "text/speller.h"

#include <algorithm>
#include <cstdlib>

namespace backtalk {

void Speller::Add(const std::string& word, int priority) {
  if (word.empty()) return;
  auto [it, inserted] = priority_.try_emplace(word, priority);  // no node when known
  if (!inserted) {
    if (priority <= it->second) return;
    int old = it->second;
    it->second = priority;  // the entries below point at it
    if (old > 0) return;
  }
  if (priority == 0) return;
  uint32_t letters = LetterMask(word);
  by_first_[BucketKey(word[0], word.size())].push_back({word, &it->second, letters});
  std::string key = SoundKey(word);
  if (key.size() >= 2) by_sound_[key].push_back({word, &it->second, letters});
}

namespace {

// popcount(bits) > n, counting no further than needed (std::popcount is a library call
// without -mpopcnt).
bool MoreBitsThan(uint32_t bits, int n) {
  for (; bits != 0; bits &= bits - 1)
    if (--n < 0) return true;
  return false;
}

}  // namespace

uint32_t Speller::LetterMask(std::string_view word) {
  uint32_t mask = 0;
  for (char c : word) mask |= 1u << (static_cast<unsigned char>(c) & 31);
  return mask;
}

bool Speller::Contains(std::string_view word) const {
  return priority_.find(std::string(word)) != priority_.end();
}

int Speller::Priority(std::string_view word) const {
  auto it = priority_.find(std::string(word));
  return it == priority_.end() ? -1 : it->second;
}

int Speller::Distance(std::string_view a, std::string_view b, int limit) {
  int la = static_cast<int>(a.size());
  int lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > limit) return limit + 1;
  if (la > 64 || lb > 64) return limit + 1;
  // Three rolling rows of the optimal-string-alignment table, computed only within `limit` of
  // the diagonal: a cell further off is more than `limit` edits, so it counts as kFar.
  const int kFar = limit + 1;
  int rows[3][66];
  int* prev2 = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (int j = 0; j <= std::min(lb, limit); ++j) prev[j] = j;
  if (limit + 1 <= lb) prev[limit + 1] = kFar;
  for (int i = 1; i <= la; ++i) {
    int lo = std::max(1, i - limit);
    int hi = std::min(lb, i + limit);
    cur[0] = i <= limit ? i : kFar;
    cur[lo - 1] = lo - 1 == 0 ? cur[0] : kFar;
    if (hi + 1 <= lb) cur[hi + 1] = kFar;  // read by the next row
    int row_min = lo == 1 ? cur[0] : kFar;
    for (int j = lo; j <= hi; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[lb], limit + 1);
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
  const Entry* best = nullptr;
  int best_cost = limit + 1;
  int best_distance = 0;
  auto consider = [&](const Entry& e, int cost, int distance) {
    if (cost > limit) return;
    bool better =
        best == nullptr || cost < best_cost ||
        (cost == best_cost &&
         (*e.priority > *best->priority ||
          (*e.priority == *best->priority &&
           (distance < best_distance || (distance == best_distance && e.word < best->word)))));
    if (!better) return;
    best = &e;
    best_cost = cost;
    best_distance = distance;
  };
  uint32_t letters = LetterMask(word);
  auto scan = [&](char first) {
    // A word of three letters may only have dropped one; longer ones are `limit` edits away.
    size_t shortest = word.size() == 3 ? 4 : word.size() - static_cast<size_t>(limit);
    size_t longest = word.size() == 3 ? 4 : word.size() + static_cast<size_t>(limit);
    for (size_t length = shortest; length <= longest; ++length) {
      auto it = by_first_.find(BucketKey(first, length));
      if (it == by_first_.end()) continue;
      for (const Entry& e : it->second) {
        if (MoreBitsThan(letters ^ e.letters, 2 * limit)) continue;
        int d = Distance(word, e.word, limit);
        consider(e, d, d);
      }
    }
  };
  scan(word[0]);
  // A typo in the first letter, or a swap of the first two: look in the second letter's bucket.
  if (word.size() > 1 && word[1] != word[0]) scan(word[1]);
  if (word.size() >= 4) {
    if (auto it = by_sound_.find(SoundKey(word)); it != by_sound_.end()) {
      for (const Entry& e : it->second) {
        int d = Distance(word, e.word, 3);
        if (d <= 3) consider(e, std::min(d, 1), d);
      }
    }
  }
  return best == nullptr ? "" : best->word;
}

}  // namespace backtalk
