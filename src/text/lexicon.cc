#include "text/lexicon.h"

#include <absl/strings/str_split.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <utility>

namespace backtalk {
namespace lexicon_data {
// Each table: its sorted lines as one text, where each line starts, and which lines each
// bucket (the key's first two letters) holds. (The generated file also defines how many lines
// each has, which a look-up does not need.)
extern const char kCommon[], kLemmas[], kSynonyms[], kAdverbs[];
extern const unsigned kCommonLines[], kLemmasLines[], kSynonymsLines[], kAdverbsLines[];
extern const unsigned kCommonIndex[], kLemmasIndex[], kSynonymsIndex[], kAdverbsIndex[];
}  // namespace lexicon_data

namespace lexicon {

namespace {

struct Table {
  const char* text;
  const unsigned* lines;  // where each line starts
  const unsigned* index;  // 26 * 27 + 1 bucket starts, in lines
};

// The line of `table` (sorted lines, each "key" or "key rest...") whose key is `key`, without
// its newline; empty when there is none: a binary search over the lines of the key's bucket.
// (The lexicon is asked about most words of a question: the buckets and the line starts cut a
// look-up from about 17 probes, each backing up to the start of its line, to about 8 direct
// ones.)
std::string_view FindLine(const Table& t, std::string_view key) {
  if (key.empty() || key[0] < 'a' || key[0] > 'z') return {};
  if (key.size() > 1 && (key[1] < 'a' || key[1] > 'z')) return {};
  size_t b = static_cast<size_t>(key[0] - 'a') * 27 +
             (key.size() > 1 ? static_cast<size_t>(key[1] - 'a') + 1 : 0);
  unsigned low = t.index[b], high = t.index[b + 1];  // the line sought is in [low, high)
  auto line_at = [&t](unsigned i) {
    const char* start = t.text + t.lines[i];
    return std::string_view(start, std::strchr(start, '\n') - start);
  };
  while (low < high) {
    unsigned mid = low + (high - low) / 2;
    std::string_view line = line_at(mid);
    std::string_view line_key = line.substr(0, line.find(' '));
    if (line_key == key) return line;
    if (line_key < key)
      low = mid + 1;
    else
      high = mid;
  }
  return {};
}

using namespace lexicon_data;
constexpr Table kCommonTable{kCommon, kCommonLines, kCommonIndex};
constexpr Table kLemmaTable{kLemmas, kLemmasLines, kLemmasIndex};
constexpr Table kSynonymTable{kSynonyms, kSynonymsLines, kSynonymsIndex};
constexpr Table kAdverbTable{kAdverbs, kAdverbsLines, kAdverbsIndex};

// The second word of a line "key value", or "".
std::string_view Value(std::string_view line) {
  size_t space = line.find(' ');
  return space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
}

}  // namespace

bool IsCommonEnglish(std::string_view word) { return !FindLine(kCommonTable, word).empty(); }

std::string_view Lemma(std::string_view word) { return Value(FindLine(kLemmaTable, word)); }

std::string_view AdjectiveOf(std::string_view adverb) {
  return Value(FindLine(kAdverbTable, adverb));
}

std::vector<std::string_view> Synonyms(std::string_view word) {
  std::string_view line = FindLine(kSynonymTable, word);
  if (line.empty()) {
    std::string_view lemma = Lemma(word);
    if (!lemma.empty()) line = FindLine(kSynonymTable, lemma);
  }
  std::vector<std::string_view> out;
  for (absl::string_view w :
       absl::StrSplit(absl::string_view(line.data(), line.size()), ' ', absl::SkipEmpty()))
    out.emplace_back(w.data(), w.size());
  if (!out.empty()) out.erase(out.begin());  // the key
  return out;
}

}  // namespace lexicon
}  // namespace backtalk
