// English stemming with Snowball (libstemmer): "stretching", "stretches" -> "stretch". An
// adverb in -ly is stemmed as the adjective WordNet derives it from, which Snowball leaves
// apart ("slowly" -> "slow", "gently" -> "gentl", as "gentle").
#ifndef BACKTALK_TEXT_STEMMER_H_
#define BACKTALK_TEXT_STEMMER_H_

#include <string>
#include <string_view>

namespace backtalk {

// Safe to call from many threads: libstemmer keeps its work buffer in its stemmer, so each
// thread has one of its own, made on its first word.
class Stemmer {
 public:
  std::string Stem(std::string_view word) const;
};

}  // namespace backtalk

#endif  // BACKTALK_TEXT_STEMMER_H_
