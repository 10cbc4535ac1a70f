// Built-in English word lists: stop words, which carry no meaning for matching, and common
// words, which the speller must know so that it never "corrects" an ordinary word.
#ifndef BACKTALK_TEXT_WORDS_H_
#define BACKTALK_TEXT_WORDS_H_

#include <string_view>
#include <vector>

namespace backtalk {

const std::vector<std::string_view>& StopWords();
const std::vector<std::string_view>& CommonWords();

}  // namespace backtalk

#endif  // BACKTALK_TEXT_WORDS_H_
