#include "text/lexicon.h"

#include <cstddef>
#include <string>
#include <utility>

namespace backtalk {
namespace lexicon_data {
// Each table: its sorted lines, their size, and where the lines of each bucket (the key's
// first two letters) start.
extern const char kWords[], kLemmas[], kSynonyms[], kBaseForms[];
extern const size_t kWordsSize, kLemmasSize, kSynonymsSize, kBaseFormsSize;
extern const unsigned kWordsIndex[], kLemmasIndex[], kSynonymsIndex[], kBaseFormsIndex[];
}  // namespace lexicon_data

namespace lexicon {

namespace {

struct Table {
  const char* text;
  size_t size;
  const unsigned* index;  // 26 * 27 + 1 bucket starts
};

// The line of `table` (sorted lines, each "key" or "key rest...") whose key is `key`, without
// its newline; empty when there is none. The bucket of the key's first two letters, then a
// binary search over its bytes, as look(1) does: each probe backs up to the start of its line.
// (The buckets cut a look-up from about 17 probes to about 8: the lexicon is asked for most
// words of a question.)
std::string_view FindLine(const Table& t, std::string_view key) {
  if (key.empty() || key[0] < 'a' || key[0] > 'z') return {};
  if (key.size() > 1 && (key[1] < 'a' || key[1] > 'z')) return {};
  size_t b = static_cast<size_t>(key[0] - 'a') * 27 +
             (key.size() > 1 ? static_cast<size_t>(key[1] - 'a') + 1 : 0);
  std::string_view table(t.text, t.size);
  size_t low = t.index[b], high = t.index[b + 1];  // the line sought starts in [low, high)
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

using namespace lexicon_data;
const Table& Words() {
  static const Table t{kWords, kWordsSize, kWordsIndex};
  return t;
}
const Table& Lemmas() {
  static const Table t{kLemmas, kLemmasSize, kLemmasIndex};
  return t;
}
const Table& SynonymTable() {
  static const Table t{kSynonyms, kSynonymsSize, kSynonymsIndex};
  return t;
}
const Table& BaseForms() {
  static const Table t{kBaseForms, kBaseFormsSize, kBaseFormsIndex};
  return t;
}

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
