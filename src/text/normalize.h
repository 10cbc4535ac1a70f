// Normalising a question into words: case folding, accents, curly quotes, hyphens and
// contractions, so that "Why's my MID-BACK so tight?" reads "why is my mid back so tight".
#ifndef BACKTALK_TEXT_NORMALIZE_H_
#define BACKTALK_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace backtalk {

// Splits clean UTF-8 text (see CleanText) into folded words. Letters and digits make words;
// everything else separates them, except an apostrophe inside a word, which is resolved as a
// contraction ("don't" -> "do", "not"; "what's" -> "what", "is") or a possessive ("back's" ->
// "back"). At most `max_words` words are returned.
std::vector<std::string> NormalizeWords(std::string_view text, size_t max_words = 200);

// Folds case and strips accents from UTF-8 text ("Écrire" -> "ecrire").
std::string FoldCase(std::string_view text);

}  // namespace backtalk

#endif  // BACKTALK_TEXT_NORMALIZE_H_
