#include "text/lexicon.h"

#include <cstddef>
#include <string>
#include <utility>

namespace backtalk {
namespace lexicon_data {
extern const char kWords[];
extern const size_t kWordsSize;
extern const char kLemmas[];
extern const size_t kLemmasSize;
extern const char kSynonyms[];
extern const size_t kSynonymsSize;
extern const char kBaseForms[];
extern const size_t kBaseFormsSize;
}  // namespace lexicon_data

namespace lexicon {

namespace {

// The line of `table` (sorted lines, each "key" or "key rest...") whose key is `key`, without
// its newline; empty when there is none. Binary search over bytes, as look(1) does: each probe
// backs up to the start of its line.
std::string_view FindLine(std::string_view table, std::string_view key) {
  if (key.empty()) return {};
  size_t low = 0, high = table.size();  // the line sought starts in [low, high)
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    size_t start = table.rfind('\n', mid == 0 ? 0 : mid - 1);
    start = (start == std::string_view::npos || mid == 0) ? 0 : start + 1;
    if (start < low) start = low;
    size_t end = table.find('\n', start);
    if (end == std::string_view::npos) end = table.size();
    std::string_view line = table.substr(start, end - start);
    std::string_view line_key = line.substr(0, line.find(' '));
    if (line_key == key) return line;
    if (line_key < key)
      low = end + 1;
    else
      high = start;
  }
  return {};
}

std::string_view Words() { return {lexicon_data::kWords, lexicon_data::kWordsSize}; }
std::string_view Lemmas() { return {lexicon_data::kLemmas, lexicon_data::kLemmasSize}; }
std::string_view SynonymTable() { return {lexicon_data::kSynonyms, lexicon_data::kSynonymsSize}; }
std::string_view BaseForms() { return {lexicon_data::kBaseForms, lexicon_data::kBaseFormsSize}; }

bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.size() > suffix.size() + 1 && word.substr(word.size() - suffix.size()) == suffix;
}

}  // namespace

bool IsEnglish(std::string_view word) { return !FindLine(Words(), word).empty(); }

bool IsCommonEnglish(std::string_view word) {
  if (!IsEnglish(word)) return false;
  if (!FindLine(BaseForms(), word).empty() || !Lemma(word).empty()) return true;
  // WordNet's morphy: the regular endings, each replaced by what it may stand for.
  static constexpr std::pair<std::string_view, std::string_view> kEndings[] = {
      {"s", ""},    {"ses", "s"},  {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
      {"ies", "y"}, {"es", "e"},   {"es", ""},   {"ed", "e"},  {"ed", ""},     {"ing", "e"},
      {"ing", ""},  {"er", ""},    {"est", ""},  {"er", "e"},  {"est", "e"},   {"ied", "y"},
      {"ier", "y"}, {"iest", "y"}, {"ly", ""},   {"ily", "y"}};
  for (const auto& [ending, base] : kEndings) {
    if (!EndsWith(word, ending)) continue;
    std::string stem(word.substr(0, word.size() - ending.size()));
    stem += base;
    if (!FindLine(BaseForms(), stem).empty()) return true;
    // A doubled consonant: "stopped" -> "stop".
    if (base.empty() && stem.size() > 2 && stem[stem.size() - 1] == stem[stem.size() - 2] &&
        !FindLine(BaseForms(), std::string_view(stem).substr(0, stem.size() - 1)).empty())
      return true;
  }
  return false;
}

std::string_view Lemma(std::string_view word) {
  std::string_view line = FindLine(Lemmas(), word);
  size_t space = line.find(' ');
  return space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
}

std::vector<std::string_view> Synonyms(std::string_view word) {
  std::string_view line = FindLine(SynonymTable(), word);
  if (line.empty()) {
    std::string_view lemma = Lemma(word);
    if (!lemma.empty()) line = FindLine(SynonymTable(), lemma);
  }
  std::vector<std::string_view> out;
  size_t at = line.find(' ');
  while (at != std::string_view::npos) {
    size_t next = line.find(' ', at + 1);
    std::string_view w = line.substr(at + 1, next == std::string_view::npos ? next : next - at - 1);
    if (!w.empty()) out.push_back(w);
    at = next;
  }
  return out;
}

}  // namespace lexicon
}  // namespace backtalk
