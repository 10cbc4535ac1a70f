#include "text/analyzer.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "text/normalize.h"
#include "text/words.h"

namespace backtalk {

namespace {

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// NormalizeWords' default: the vocabulary reads the first 200 words of each text.
constexpr size_t kVocabularyWordsPerText = 200;

}  // namespace

// An open-addressing table of the tokens of the knowledge's text (which outlives the
// building), each with the highest priority its words were added with and how many words it
// makes. A token of up to 16 bytes is kept in its slot, so finding it again reads one slot and
// not the text where it first appeared.
class Analyzer::TokenSet {
 public:
  struct Token {
    uint64_t hash = 0;
    const char* data = nullptr;  // null: a free slot
    uint32_t size = 0;
    int16_t priority = -1;  // -1: not added yet
    uint16_t words = 0;     // at most kVocabularyWordsPerText
    char inline_bytes[16];

    std::string_view text() const { return {size <= 16 ? inline_bytes : data, size}; }
  };

  TokenSet() : slots_(1 << 14) {}

  Token& Find(std::string_view text) {
    if (4 * (size_ + 1) > 3 * slots_.size()) Grow();  // at most three quarters full
    uint64_t hash = Hash(text);
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Token& t = slots_[i];
      if (t.data == nullptr) {
        t.hash = hash;
        t.data = text.data();
        t.size = static_cast<uint32_t>(text.size());
        if (text.size() <= 16) text.copy(t.inline_bytes, text.size());
        ++size_;
        return t;
      }
      if (t.hash == hash && t.text() == text) return t;
    }
  }

 private:
  // Eight bytes at a time, each word mixed by a multiplication.
  static uint64_t Hash(std::string_view text) {
    uint64_t h = text.size() * 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < text.size(); i += 8) {
      uint64_t word = 0;
      std::memcpy(&word, text.data() + i, std::min<size_t>(8, text.size() - i));
      h = (h ^ word) * 0xBF58476D1CE4E5B9u;
      h ^= h >> 31;
    }
    return h;
  }
  void Grow() {
    std::vector<Token> old(slots_.size() * 2);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (const Token& t : old) {
      if (t.data == nullptr) continue;
      size_t i = t.hash & mask;
      while (slots_[i].data != nullptr) i = (i + 1) & mask;
      slots_[i] = t;
    }
  }

  std::vector<Token> slots_;
  size_t size_ = 0;
};

Analyzer::Analyzer(const Knowledge& k) {
  TokenSet seen;
  for (std::string_view w : StopWords()) {
    stop_.insert(std::string(w));
    known_[std::string(w)] = {std::string(w), true};
    speller_.Add(std::string(w), 0);
    surface_speller_.Add(std::string(w), 0);
    common_speller_.Add(std::string(w), 1);
  }
  for (std::string_view w : CommonWords()) {
    AddVocabulary(w, 0, &seen);
    common_speller_.Add(std::string(w), 1);
  }
  // Synonyms first: their stems are needed by Terms() below.
  for (const auto& [from, to] : k.synonyms) {
    AddVocabulary(from, 2, &seen);
    AddVocabulary(to, 2, &seen);
    Synonym s;
    for (const std::string& w : NormalizeWords(from)) s.from.push_back(Lookup(w).stem);
    for (const std::string& w : NormalizeWords(to)) s.to.push_back(Lookup(w).stem);
    if (s.from.empty() || s.to.empty() || s.from == s.to) continue;  // "tightness" -> "tight"
    s.from_text = from;
    s.to_text = to;
    synonyms_[s.from[0]].push_back(std::move(s));
  }
  for (auto& [first, list] : synonyms_)
    std::stable_sort(list.begin(), list.end(), [](const Synonym& a, const Synonym& b) {
      return a.from.size() > b.from.size();
    });
  for (const Intent& intent : k.intents) {
    for (const WeightedTerm& t : intent.keywords) AddVocabulary(t.term, 3, &seen);
    for (const WeightedTerm& t : intent.related) AddVocabulary(t.term, 2, &seen);
    AddVocabulary(intent.question, 2, &seen);
    AddVocabulary(intent.answer, 1, &seen);
  }
  for (const std::string& topic : k.covered) AddVocabulary(topic, 2, &seen);
  for (const std::string& topic : k.uncovered) AddVocabulary(topic, 2, &seen);
  for (const Sequence& seq : k.sequences) {
    AddVocabulary(seq.name, 1, &seen);
    for (const Step& step : seq.steps) AddVocabulary(step.text, 1, &seen);
  }
}

void Analyzer::AddVocabulary(std::string_view text, int priority, TokenSet* seen) {
  if (!IsAscii(text)) {  // folding may join or split what spaces separate: read it whole
    for (const std::string& w : NormalizeWords(text, kVocabularyWordsPerText))
      AddVocabularyWord(w, priority);
    return;
  }
  // ASCII text normalises token by token as it does whole, and most tokens of a large
  // knowledge repeat: a token already added with this priority or a higher one has nothing new
  // to add, and is skipped without being normalised again.
  size_t words = 0;
  size_t at = 0;
  while (words < kVocabularyWordsPerText) {
    while (at < text.size() && IsSpace(text[at])) ++at;
    if (at == text.size()) break;
    size_t end = at;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    TokenSet::Token& token = seen->Find(text.substr(at, end - at));
    at = end;
    if (token.priority >= priority) {
      words += token.words;
      continue;
    }
    size_t room = kVocabularyWordsPerText - words;
    std::vector<std::string> normalized = NormalizeWords(token.text(), room);
    for (const std::string& w : normalized) AddVocabularyWord(w, priority);
    words += normalized.size();
    if (normalized.size() < room) {  // all of its words, not the first `room` of them
      token.priority = static_cast<int16_t>(priority);
      token.words = static_cast<uint16_t>(normalized.size());
    }
  }
}

void Analyzer::AddVocabularyWord(const std::string& w, int priority) {
  // One lookup: stop words are all known (as stop words) before any vocabulary is added.
  auto [it, added] = known_.try_emplace(w);
  if (added) {
    it->second.stem = stemmer_.Stem(w);
  } else if (it->second.stop || it->second.vocabulary >= priority) {
    return;  // nothing new to add
  }
  it->second.vocabulary = priority;
  // Show a stem as the shortest word that gave it: "muscl" as "muscle", not "muscles".
  auto [shown, fresh] = display_.try_emplace(it->second.stem, w);  // no node when known
  if (!fresh && w.size() < shown->second.size()) shown->second = w;
  if (!HasDigit(w)) {
    speller_.Add(it->second.stem, priority);
    surface_speller_.Add(w, priority);
  }
}

Analyzer::Word Analyzer::Lookup(const std::string& word) const {
  if (auto it = known_.find(word); it != known_.end()) return it->second;
  return {stemmer_.Stem(word), false};
}

std::string Analyzer::Display(const std::string& term) const {
  auto it = display_.find(term);
  return it == display_.end() ? term : it->second;
}

void Analyzer::ApplySynonyms(std::vector<std::string>* stems, std::vector<bool>* stop,
                             std::vector<std::pair<std::string, std::string>>* applied) const {
  // Most questions hold no synonym at all: find the first before building anything.
  size_t first = 0;
  while (first < stems->size() && synonyms_.find((*stems)[first]) == synonyms_.end()) ++first;
  if (first == stems->size()) return;
  std::vector<std::string> out_stems(std::make_move_iterator(stems->begin()),
                                     std::make_move_iterator(stems->begin() + first));
  std::vector<bool> out_stop(stop->begin(), stop->begin() + first);
  size_t i = first;
  while (i < stems->size()) {
    const Synonym* hit = nullptr;
    if (auto it = synonyms_.find((*stems)[i]); it != synonyms_.end()) {
      for (const Synonym& s : it->second) {
        if (i + s.from.size() > stems->size()) continue;
        if (std::equal(s.from.begin(), s.from.end(), stems->begin() + static_cast<long>(i))) {
          hit = &s;
          break;
        }
      }
    }
    if (hit == nullptr) {
      out_stems.push_back(std::move((*stems)[i]));
      out_stop.push_back((*stop)[i]);
      ++i;
      continue;
    }
    for (const std::string& t : hit->to) {
      out_stems.push_back(t);
      out_stop.push_back(stop_.count(t) > 0);
    }
    if (applied != nullptr) applied->emplace_back(hit->from_text, hit->to_text);
    i += hit->from.size();
  }
  *stems = std::move(out_stems);
  *stop = std::move(out_stop);
}

Analysis Analyzer::Analyze(std::string_view text) const {
  Analysis a;
  a.words = NormalizeWords(text, kMaxWords);
  for (const std::string& w : a.words) {
    if (!a.uncorrected.empty()) a.uncorrected += ' ';
    a.uncorrected += w;
  }
  std::vector<std::string> stems;
  std::vector<bool> stop;
  stems.reserve(a.words.size());
  stop.reserve(a.words.size());
  for (std::string& w : a.words) {
    Word word = Lookup(w);
    if (!word.stop && !HasDigit(w) && !speller_.Contains(word.stem)) {
      std::string fixed = speller_.Correct(word.stem);
      // A misspelling can stem badly ("exersizes" -> "exers"): try the word as typed too.
      if (fixed.empty()) {
        std::string surface = surface_speller_.Correct(w);
        if (!surface.empty()) fixed = Lookup(surface).stem;
      }
      // Last, a typo of an ordinary word ("shuld", "wether") is read as that word, so it is
      // neither unexplained content nor bent into a word of the knowledge.
      if (fixed.empty()) {
        std::string common = common_speller_.Correct(w);
        if (!common.empty()) {
          a.corrections.emplace_back(w, common);
          w = common;
          word = Lookup(common);
        }
      }
      if (!fixed.empty()) {
        std::string shown = Display(fixed);
        a.corrections.emplace_back(w, shown);
        w = shown;
        word.stem = fixed;
        word.stop = stop_.count(fixed) > 0;
      }
    }
    if (!word.stop && speller_.Priority(word.stem) < 1) a.unknown.push_back(w);
    stems.push_back(std::move(word.stem));
    stop.push_back(word.stop);
  }
  for (const std::string& w : a.words) {
    if (!a.text.empty()) a.text += ' ';
    a.text += w;
  }
  ApplySynonyms(&stems, &stop, &a.synonyms);
  for (size_t i = 0; i < stems.size(); ++i)
    if (!stop[i]) a.terms.push_back(std::move(stems[i]));
  return a;
}

std::vector<std::string> Analyzer::Terms(std::string_view phrase) const {
  std::vector<std::string> stems;
  std::vector<bool> stop;
  for (const std::string& w : NormalizeWords(phrase)) {
    Word word = Lookup(w);
    stems.push_back(std::move(word.stem));
    stop.push_back(word.stop);
  }
  ApplySynonyms(&stems, &stop, nullptr);
  std::vector<std::string> terms;
  for (size_t i = 0; i < stems.size(); ++i)
    if (!stop[i]) terms.push_back(std::move(stems[i]));
  return terms;
}

}  // namespace backtalk
