#include "text/analyzer.h"

#include <algorithm>
#include <iterator>

#include "text/lexicon.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "text/words.h"
#include "util/hash.h"

namespace backtalk {

namespace {

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// NormalizeWords' default: the vocabulary reads the first 200 words of each text.
constexpr size_t kVocabularyWordsPerText = 200;

}  // namespace

// The tokens of the knowledge's text (which outlives the building), each with the highest
// priority its words were added with and how many words it makes. The tokens lie in one
// vector, in the order they were met, and are found through an open-addressing table of
// 8-byte slots, small enough to stay in the cache; a token of up to 16 bytes is kept whole, so
// finding it again does not read the text where it first appeared.
class Analyzer::TokenSet {
 public:
  struct Token {
    const char* data;
    uint32_t size;
    int16_t priority = -1;  // -1: not added yet
    uint16_t words = 0;     // at most kVocabularyWordsPerText
    char inline_bytes[16];

    std::string_view text() const { return {size <= 16 ? inline_bytes : data, size}; }
  };

  TokenSet() : slots_(1 << 14) {}

  // Splits the first `limit` tokens of `text` into texts() with their hashes(), and starts
  // fetching their slots and then their entries: the cache misses of a text's tokens overlap
  // instead of coming one after another in Find. Returns where the text after them starts.
  size_t Prefetch(std::string_view text, size_t limit) {
    texts_.clear();
    hashes_.clear();
    size_t at = 0;
    while (texts_.size() < limit) {
      std::string_view token = NextToken(text, &at);
      if (token.empty()) break;
      texts_.push_back(token);
      hashes_.push_back(Hash(token));
      __builtin_prefetch(&slots_[hashes_.back() & (slots_.size() - 1)]);
    }
    for (uint64_t hash : hashes_) {
      uint32_t index = slots_[hash & (slots_.size() - 1)].index;
      if (index != 0) __builtin_prefetch(&tokens_[index - 1]);
    }
    return at;
  }
  const std::vector<std::string_view>& texts() const { return texts_; }
  const std::vector<uint64_t>& hashes() const { return hashes_; }

  // The token starting at or after *at, or "" at the end; *at moves past it.
  static std::string_view NextToken(std::string_view text, size_t* at) {
    // Most bytes are above ' ', and none of those is a space.
    auto space = [](char c) { return static_cast<unsigned char>(c) <= ' ' && IsSpace(c); };
    size_t start = *at;
    while (start < text.size() && space(text[start])) ++start;
    size_t end = start;
    while (end < text.size() && !space(text[end])) ++end;
    *at = end;
    return text.substr(start, end - start);
  }

  Token& Find(std::string_view text) { return Find(text, Hash(text)); }
  Token& Find(std::string_view text, uint64_t hash) {
    if (4 * (tokens_.size() + 1) > 3 * slots_.size()) Grow();  // at most three quarters full
    uint32_t tag = static_cast<uint32_t>(hash >> 32);
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.index == 0) {
        slot = {tag, static_cast<uint32_t>(tokens_.size() + 1)};
        Token& t = tokens_.emplace_back();
        t.data = text.data();
        t.size = static_cast<uint32_t>(text.size());
        if (text.size() <= 16) text.copy(t.inline_bytes, text.size());
        return t;
      }
      if (slot.tag == tag && tokens_[slot.index - 1].text() == text) return tokens_[slot.index - 1];
    }
  }

 private:
  struct Slot {
    uint32_t tag;    // the high half of the token's hash
    uint32_t index;  // 1 + its place in tokens_; 0: a free slot
  };

  static uint64_t Hash(std::string_view text) { return HashBytes(text); }
  void Grow() {
    slots_.assign(slots_.size() * 2, Slot{0, 0});
    size_t mask = slots_.size() - 1;
    for (size_t t = 0; t < tokens_.size(); ++t) {
      uint64_t hash = Hash(tokens_[t].text());
      size_t i = hash & mask;
      while (slots_[i].index != 0) i = (i + 1) & mask;
      slots_[i] = {static_cast<uint32_t>(hash >> 32), static_cast<uint32_t>(t + 1)};
    }
  }

  std::vector<Slot> slots_;
  std::vector<Token> tokens_;  // references to them last until the next Find
  std::vector<std::string_view> texts_;
  std::vector<uint64_t> hashes_;
};

Analyzer::Analyzer(const Knowledge& k) {
  TokenSet seen;
  for (std::string_view w : StopWords()) {
    stop_.insert(std::string(w));
    known_[std::string(w)] = {std::string(w), true};
    speller_.Add(std::string(w), 0);
    surface_speller_.Add(std::string(w), 0);
  }
  for (std::string_view w : CommonWords()) AddVocabulary(w, 0, &seen);
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
    for (const std::string& t : s.to) s.to_stop.push_back(stop_.count(t) > 0);
    synonym_starts_.Add(s.from[0]);
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
  size_t at = seen->Prefetch(text, kVocabularyWordsPerText);
  const std::vector<std::string_view>& texts = seen->texts();
  const std::vector<uint64_t>& hashes = seen->hashes();
  size_t words = 0;
  for (size_t n = 0; words < kVocabularyWordsPerText; ++n) {
    std::string_view text_token = n < texts.size() ? texts[n] : TokenSet::NextToken(text, &at);
    if (text_token.empty()) break;
    TokenSet::Token& token =
        n < hashes.size() ? seen->Find(text_token, hashes[n]) : seen->Find(text_token);
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

const Speller& Analyzer::CommonSpeller() {
  // Built on first use, once for every knowledge (it knows no knowledge's words): it is needed
  // only for a word that neither the knowledge's vocabulary nor its spelling explains, and
  // building it was a tenth of every start. A function's static is built once, whatever
  // thread asks first.
  static const Speller* speller = [] {
    auto* s = new Speller();
    for (std::string_view w : StopWords()) s->Add(std::string(w), 1);
    for (std::string_view w : CommonWords()) s->Add(std::string(w), 1);
    return s;
  }();
  return *speller;
}

Analyzer::Word Analyzer::Lookup(const std::string& word) const {
  if (auto it = known_.find(word); it != known_.end()) return it->second;
  return {stemmer_.Stem(word), false};
}

const std::vector<std::string_view>& Analyzer::TermCache::Terms(std::string_view text) {
  out_.clear();
  auto made = [this](std::vector<std::string> terms) {
    for (std::string& t : terms) out_.push_back(made_.emplace_back(std::move(t)));
  };
  // ASCII text normalises token by token as it does whole (see AddVocabulary).
  if (!IsAscii(text)) {
    made(analyzer_.Terms(text));
    return out_;
  }
  entries_.clear();
  bool synonym = false;
  size_t words = 0, at = 0;
  while (words < kVocabularyWordsPerText) {
    std::string_view token = TokenSet::NextToken(text, &at);
    if (token.empty()) break;
    auto [it, fresh] = tokens_.try_emplace(std::string(token));
    Entry& e = it->second;
    if (fresh) {
      for (const std::string& w : NormalizeWords(token)) {
        Word word = analyzer_.Lookup(w);
        e.synonym = e.synonym || (analyzer_.synonym_starts_.MayContain(word.stem) &&
                                  analyzer_.synonyms_.count(word.stem) > 0);
        e.stems.push_back(std::move(word.stem));
        e.stop.push_back(word.stop);
      }
    }
    entries_.push_back(&e);
    synonym = synonym || e.synonym;
    words += e.stems.size();
  }
  if (!synonym && words <= kVocabularyWordsPerText) {
    for (const Entry* e : entries_)
      for (size_t i = 0; i < e->stems.size(); ++i)
        if (!e->stop[i]) out_.push_back(e->stems[i]);
    return out_;
  }
  // Synonyms may span tokens ("shoulder blades"): they are applied to copies.
  std::vector<std::string> stems;
  std::vector<bool> stop;
  for (const Entry* e : entries_) {
    stems.insert(stems.end(), e->stems.begin(), e->stems.end());
    stop.insert(stop.end(), e->stop.begin(), e->stop.end());
  }
  if (stems.size() > kVocabularyWordsPerText) {
    stems.resize(kVocabularyWordsPerText);
    stop.resize(kVocabularyWordsPerText);
  }
  made(analyzer_.TermsOfStems(std::move(stems), std::move(stop)));
  return out_;
}

std::string Analyzer::VocabularyTerm(std::string_view word) const {
  auto it = known_.find(std::string(word));
  if (it == known_.end() || it->second.stop || it->second.vocabulary < 0) return "";
  const std::string& stem = it->second.stem;
  // A one-word synonym of the knowledge maps it on ("ache" -> "pain").
  if (auto syn = synonyms_.find(stem); syn != synonyms_.end())
    for (const Synonym& s : syn->second)
      if (s.from.size() == 1) return s.to.size() == 1 && !s.to_stop[0] ? s.to[0] : "";
  return stem;
}

std::string Analyzer::Display(const std::string& term) const {
  auto it = display_.find(term);
  return it == display_.end() ? term : it->second;
}

void Analyzer::ApplySynonyms(std::vector<std::string>* stems, std::vector<bool>* stop,
                             std::vector<std::string>* words,
                             std::vector<std::pair<std::string, std::string>>* applied) const {
  std::vector<std::string>& in = *stems;
  // Rewritten in place: `out` is where the next stem goes, never past `i`, the next one read.
  size_t out = 0;
  size_t i = 0;
  while (i < in.size()) {
    const Synonym* hit = nullptr;
    if (synonym_starts_.MayContain(in[i])) {
      if (auto it = synonyms_.find(in[i]); it != synonyms_.end()) {
        for (const Synonym& s : it->second) {  // longest first
          if (i + s.from.size() <= in.size() &&
              std::equal(s.from.begin(), s.from.end(), in.begin() + static_cast<long>(i))) {
            hit = &s;
            break;
          }
        }
      }
    }
    if (hit == nullptr) {
      if (out != i) {
        in[out] = std::move(in[i]);
        (*stop)[out] = (*stop)[i];
        if (words) (*words)[out] = std::move((*words)[i]);
      }
      ++out;
      ++i;
      continue;
    }
    // The slots from `out` up to the end of the matched words are free; make room when the
    // replacement is longer.
    size_t free = i - out + hit->from.size();
    if (hit->to.size() > free) {
      size_t more = hit->to.size() - free;
      size_t at = i + hit->from.size();
      in.insert(in.begin() + static_cast<long>(at), more, std::string());
      stop->insert(stop->begin() + static_cast<long>(at), more, false);
      if (words) words->insert(words->begin() + static_cast<long>(at), more, std::string());
      i += more;
    }
    std::string from_word = words ? (*words)[i] : std::string();
    for (size_t k = 0; k < hit->to.size(); ++k) {
      in[out + k] = hit->to[k];
      (*stop)[out + k] = hit->to_stop[k];
      if (words) (*words)[out + k] = from_word;
    }
    out += hit->to.size();
    i += hit->from.size();
    if (applied != nullptr) applied->emplace_back(hit->from_text, hit->to_text);
  }
  in.resize(out);
  stop->resize(out);
  if (words) words->resize(out);
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
  std::vector<std::string> surface;
  surface.reserve(a.words.size());
  for (std::string& w : a.words) {
    Word word = Lookup(w);
    // -2: not looked up yet; a word's stem is looked up once, not once to know whether to
    // correct it and again to know whether it is unknown.
    int priority = -2;
    // An irregular form the knowledge does not use is read as its lemma ("gave" -> "give").
    if (!word.stop && word.vocabulary < 0 && !HasDigit(w)) {
      std::string_view lemma = lexicon::Lemma(w);
      if (!lemma.empty()) {
        Word base = Lookup(std::string(lemma));
        if (base.vocabulary >= 0 || speller_.Priority(base.stem) >= 0) {
          a.lemmas.emplace_back(w, std::string(lemma));
          word = base;
        }
      }
    }
    // Only a word that is not common English is corrected: an ordinary word the knowledge
    // never uses ("gave", "switch") is context, not a misspelling of one it does.
    bool english = false;
    if (!word.stop && !HasDigit(w) && (priority = speller_.Priority(word.stem)) < 0 &&
        !(english = lexicon::IsCommonEnglish(w))) {
      priority = -2;
      std::string fixed = speller_.Correct(word.stem);
      // A misspelling can stem badly ("exersizes" -> "exers"): try the word as typed too.
      if (fixed.empty()) {
        std::string surface = surface_speller_.Correct(w);
        if (!surface.empty()) fixed = Lookup(surface).stem;
      }
      // Last, a typo of an ordinary word ("shuld", "wether") is read as that word, so it is
      // neither unexplained content nor bent into a word of the knowledge.
      if (fixed.empty()) {
        std::string common = CommonSpeller().Correct(w);
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
    if (!word.stop && (priority == -2 ? speller_.Priority(word.stem) : priority) < 1)
      a.unknown.push_back(w);
    if (english) a.english.push_back(w);
    stems.push_back(std::move(word.stem));
    stop.push_back(word.stop);
    surface.push_back(w);
  }
  for (const std::string& w : a.words) {
    if (!a.text.empty()) a.text += ' ';
    a.text += w;
  }
  ApplySynonyms(&stems, &stop, &surface, &a.synonyms);
  a.terms.reserve(stems.size());
  for (size_t i = 0; i < stems.size(); ++i) {
    if (stop[i]) continue;
    a.terms.push_back(std::move(stems[i]));
    a.term_words.push_back(std::move(surface[i]));
  }
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
  return TermsOfStems(std::move(stems), std::move(stop));
}

std::vector<std::string> Analyzer::TermsOfStems(std::vector<std::string> stems,
                                                std::vector<bool> stop) const {
  ApplySynonyms(&stems, &stop, nullptr, nullptr);
  std::vector<std::string> terms;
  for (size_t i = 0; i < stems.size(); ++i)
    if (!stop[i]) terms.push_back(std::move(stems[i]));
  return terms;
}

}  // namespace backtalk
