// A fast 64-bit hash of a short byte string, for the open-addressing tables of the analyzer
// and the speller: eight bytes at a time, each mixed in by a multiplication.
#ifndef BACKTALK_UTIL_HASH_H_
#define BACKTALK_UTIL_HASH_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace backtalk {

inline uint64_t HashBytes(std::string_view bytes) {
  uint64_t h = bytes.size() * 0x9E3779B97F4A7C15u;
  for (size_t i = 0; i < bytes.size(); i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, std::min<size_t>(8, bytes.size() - i));
    h = (h ^ word) * 0xBF58476D1CE4E5B9u;
    h ^= h >> 31;
  }
  return h;
}

}  // namespace backtalk

#endif  // BACKTALK_UTIL_HASH_H_
