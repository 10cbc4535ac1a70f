// The English lexicon: which words are English words in common use, the lemma of an irregular
// form, the adjective of an adverb, and a word's synonyms. It is compiled at build time
// (scripts/lexicon.py) from hunspell's en_US and medical dictionaries, expanded to every word form,
// and from WordNet's base forms, irregular forms and synonyms (the senses a tagged corpus saw).
// Each table is one sorted text searched in place, so nothing is loaded at start-up and a look-up
// reads a few pages.
//
// Every function is safe to call from many threads: the data is read-only.
#ifndef BACKTALK_TEXT_LEXICON_H_
#define BACKTALK_TEXT_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

namespace backtalk::lexicon {

// True for an English word form in common use: one of hunspell's whose base form WordNet has
// ("gave", "switches", "stiffer", "thoracic"); `word` is lowercase. hunspell also holds rare
// words ("tite") that are more often a typo of a word the knowledge uses: those are not.
bool IsCommonEnglish(std::string_view word);

// The dictionary form of an irregular word form ("gave" -> "give", "feet" -> "foot"), or ""
// for a regular one (the stemmer handles those).
std::string_view Lemma(std::string_view word);

// The adjective WordNet derives an adverb in -ly from ("slowly" -> "slow", "carefully" ->
// "careful"), or "".
std::string_view AdjectiveOf(std::string_view adverb);

// WordNet synonyms of `word` (or of its lemma), most frequent sense first; empty if none.
std::vector<std::string_view> Synonyms(std::string_view word);

}  // namespace backtalk::lexicon

#endif  // BACKTALK_TEXT_LEXICON_H_
