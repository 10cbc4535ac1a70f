// English stemming with Snowball (libstemmer): "stretching", "stretches" -> "stretch".
#ifndef BACKTALK_TEXT_STEMMER_H_
#define BACKTALK_TEXT_STEMMER_H_

#include <string>
#include <string_view>

struct sb_stemmer;

namespace backtalk {

// Not thread-safe: libstemmer keeps its work buffer in the stemmer. One per thread.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  std::string Stem(std::string_view word) const;

 private:
  sb_stemmer* stemmer_;
};

}  // namespace backtalk

#endif  // BACKTALK_TEXT_STEMMER_H_
