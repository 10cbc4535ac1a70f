// A quick test that a string is certainly not among a few keys, by its first byte and its
// length, before the lookup that would say so.
//
// The tables read for every word of a question (synonyms by first stem, topics by first term,
// contractions written without an apostrophe) hold a few dozen strings at most. libstdc++ does
// not hash so few string keys: each lookup compares the key with every entry. Most words of
// a question are in none of them, and this answers for them in a handful of instructions.
// (Hashing every lookup instead was slower still.)
#ifndef BACKTALK_UTIL_KEY_FILTER_H_
#define BACKTALK_UTIL_KEY_FILTER_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace backtalk {

class KeyFilter {
 public:
  constexpr void Add(std::string_view key) {
    if (!key.empty()) lengths_[Byte(key)] |= Bit(key);
  }
  // False only when `key` was certainly never added.
  constexpr bool MayContain(std::string_view key) const {
    return !key.empty() && (lengths_[Byte(key)] & Bit(key)) != 0;
  }

 private:
  static constexpr unsigned char Byte(std::string_view key) {
    return static_cast<unsigned char>(key[0]);
  }
  static constexpr uint32_t Bit(std::string_view key) {
    return uint32_t{1} << std::min<size_t>(key.size(), 31);
  }
  std::array<uint32_t, 256> lengths_{};  // by first byte: one bit per length (31: longer)
};

}  // namespace backtalk

#endif  // BACKTALK_UTIL_KEY_FILTER_H_
