// Normalising a question into words: case folding, accents, curly quotes, hyphens and
// contractions, so that "Why's my MID-BACK so tight?" reads "why is my mid back so tight".
#ifndef BACKTALK_TEXT_NORMALIZE_H_
#define BACKTALK_TEXT_NORMALIZE_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace backtalk {

// Splits clean UTF-8 text (see CleanText) into folded words. Letters and digits make words;
// everything else separates them, except an apostrophe inside a word, which is resolved as a
// contraction ("don't" -> "do", "not"; "what's" -> "what", "is") or a possessive ("back's" ->
// "back"). At most `max_words` words are returned.
// The most words read of one text of the knowledge: an answer of an FAQ is read whole, and a
// text longer than this is a document, not an answer.
inline constexpr size_t kMaxTextWords = 5000;
std::vector<std::string> NormalizeWords(std::string_view text, size_t max_words = kMaxTextWords);

// Folds case and strips accents from UTF-8 text ("Écrire" -> "ecrire").
std::string FoldCase(std::string_view text);

// True when `text` holds an ASCII digit ("15", "65+").
inline bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace backtalk

#endif  // BACKTALK_TEXT_NORMALIZE_H_
