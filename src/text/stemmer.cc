#include "text/stemmer.h"

#include <libstemmer.h>

#include <memory>
#include <new>

#include "text/lexicon.h"

namespace backtalk {

namespace {

sb_stemmer* ThreadStemmer() {
  thread_local std::unique_ptr<sb_stemmer, decltype(&sb_stemmer_delete)> stemmer(
      sb_stemmer_new("english", "UTF_8"), sb_stemmer_delete);
  if (!stemmer) throw std::bad_alloc();
  return stemmer.get();
}

}  // namespace

std::string Stemmer::Stem(std::string_view word) const {
  if (word.ends_with("ly")) {
    std::string_view adjective = lexicon::AdjectiveOf(word);
    if (!adjective.empty()) word = adjective;
  }
  sb_stemmer* stemmer = ThreadStemmer();
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (stem == nullptr) return std::string(word);  // out of memory: the word itself still works
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer)));
}

}  // namespace backtalk
