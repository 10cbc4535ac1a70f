#include "text/analyzer.h"

#include <absl/strings/str_join.h>

#include <algorithm>

#include "text/lexicon.h"
#include "text/normalize.h"
#include "text/words.h"
#include "util/utf8.h"

namespace backtalk {

namespace {

// Most bytes are above ' ', and none of those is a space: one comparison for them.
bool IsSpace(char c) {
  return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r');
}

// The token (a run of bytes between spaces) starting at or after *at, or "" at the end; *at
// moves past it.
std::string_view NextToken(std::string_view text, size_t* at) {
  size_t start = *at;
  while (start < text.size() && IsSpace(text[start])) ++start;
  size_t end = start;
  while (end < text.size() && !IsSpace(text[end])) ++end;
  *at = end;
  return text.substr(start, end - start);
}

// A key to search a table of std::string with, without a copy, or to keep a view in one
// (Debian's Abseil has a string_view of its own).
absl::string_view Key(std::string_view s) { return {s.data(), s.size()}; }

// The vocabulary reads the first kMaxTextWords words of each text.
constexpr size_t kVocabularyWordsPerText = kMaxTextWords;

}  // namespace

Analyzer::Analyzer(const Vocabulary& vocabulary) {
  TokensSeen seen;
  for (std::string_view w : StopWords()) {
    stop_.insert(std::string(w));
    known_[std::string(w)] = {std::string(w), true};
    speller_.Add(std::string(w), 0);
    surface_speller_.Add(std::string(w), 0);
  }
  for (std::string_view w : CommonWords()) AddVocabulary(w, 0, &seen);
  // Synonyms first: their stems are needed by Terms() below.
  for (const auto& [from, to] : vocabulary.synonyms) {
    AddVocabulary(from, Vocabulary::kSynonymPriority, &seen);
    AddVocabulary(to, Vocabulary::kSynonymPriority, &seen);
    Synonym s;
    for (const std::string& w : NormalizeWords(from)) s.from.push_back(Lookup(w).stem);
    for (const std::string& w : NormalizeWords(to)) s.to.push_back(Lookup(w).stem);
    if (s.from.empty() || s.to.empty() || s.from == s.to) continue;  // "tightness" -> "tight"
    s.from_text = from;
    s.to_text = to;
    for (const std::string& t : s.to) s.to_stop.push_back(stop_.contains(t));
    synonyms_[s.from[0]].push_back(std::move(s));
  }
  for (auto& [first, list] : synonyms_)
    std::stable_sort(list.begin(), list.end(), [](const Synonym& a, const Synonym& b) {
      return a.from.size() > b.from.size();
    });
  for (const Vocabulary::Text& t : vocabulary.texts) AddVocabulary(t.text, t.priority, &seen);
}

void Analyzer::AddVocabulary(std::string_view text, int priority, TokensSeen* seen) {
  if (!IsAscii(text)) {  // folding may join or split what spaces separate: read it whole
    for (const std::string& w : NormalizeWords(text, kVocabularyWordsPerText))
      AddVocabularyWord(w, priority);
    return;
  }
  // ASCII text normalises token by token as it does whole, and most tokens of a large
  // knowledge repeat: a token already added with this priority or a higher one has nothing new
  // to add, and is skipped without being normalised again.
  size_t words = 0, at = 0;
  while (words < kVocabularyWordsPerText) {
    std::string_view token = NextToken(text, &at);
    if (token.empty()) break;
    TokenSeen& seen_token = (*seen)[Key(token)];
    if (seen_token.priority >= priority) {
      words += seen_token.words;
      continue;
    }
    size_t room = kVocabularyWordsPerText - words;
    std::vector<std::string> normalized = NormalizeWords(token, room);
    for (const std::string& w : normalized) AddVocabularyWord(w, priority);
    words += normalized.size();
    if (normalized.size() < room) {  // all of its words, not the first `room` of them
      seen_token.priority = priority;
      seen_token.words = normalized.size();
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
  auto [shown, fresh] = display_.try_emplace(it->second.stem, w);
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

Analyzer::Word Analyzer::Lookup(std::string_view word) const {
  if (auto it = known_.find(Key(word)); it != known_.end()) return it->second;
  return {stemmer_.Stem(word), false};
}

uint32_t Analyzer::TermCache::Id(std::string_view term) {
  auto [it, fresh] = ids_.try_emplace(Key(term), static_cast<uint32_t>(terms_.size()));
  if (fresh) terms_.emplace_back(term);
  return it->second;
}

const std::vector<uint32_t>& Analyzer::TermCache::Terms(std::string_view text) {
  out_.clear();
  // ASCII text normalises token by token as it does whole (see AddVocabulary). A text with
  // synonyms, which may span tokens ("shoulder blades"), or with more words than are read, is
  // analysed whole.
  bool whole = !IsAscii(text);
  size_t words = 0, at = 0;
  while (!whole && words < kVocabularyWordsPerText) {
    std::string_view token = NextToken(text, &at);
    if (token.empty()) break;
    auto [it, fresh] = tokens_.try_emplace(Key(token));
    Token& t = it->second;
    if (fresh) {
      for (const std::string& w : NormalizeWords(token)) {
        Word word = analyzer_.Lookup(w);
        t.synonym = t.synonym || analyzer_.synonyms_.contains(word.stem);
        if (!word.stop) t.ids.push_back(Id(word.stem));
        ++t.words;
      }
    }
    out_.insert(out_.end(), t.ids.begin(), t.ids.end());
    words += t.words;
    whole = t.synonym;
  }
  if (whole || words > kVocabularyWordsPerText) {
    out_.clear();
    for (const std::string& term : analyzer_.Terms(text)) out_.push_back(Id(term));
  }
  return out_;
}

std::string Analyzer::VocabularyTerm(std::string_view word) const {
  auto it = known_.find(Key(word));
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
  // (Building new vectors instead was 8 % more instructions for a --json run of generated
  // questions, 134 M -> 145 M over 3,000: most of the throughput target's margin.)
  size_t out = 0;
  size_t i = 0;
  while (i < in.size()) {
    const Synonym* hit = nullptr;
    if (auto it = synonyms_.find(in[i]); it != synonyms_.end()) {
      for (const Synonym& s : it->second) {  // longest first
        if (i + s.from.size() <= in.size() &&
            std::equal(s.from.begin(), s.from.end(), in.begin() + static_cast<long>(i))) {
          hit = &s;
          break;
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

Analyzer::Word Analyzer::ReadWord(std::string* w, Analysis* a) const {
  Word word = Lookup(*w);
  // -2: not looked up yet; a word's stem is looked up once, not once to know whether to
  // correct it and again to know whether it is unknown.
  int priority = -2;
  // An irregular form the vocabulary does not use is read as its lemma ("gave" -> "give").
  const bool number = HasDigit(*w);
  if (!word.stop && word.vocabulary < 0 && !number) {
    std::string_view lemma = lexicon::Lemma(*w);
    if (!lemma.empty()) {
      Word base = Lookup(lemma);
      if (base.vocabulary >= 0 || speller_.Priority(base.stem) >= 0) {
        a->lemmas.emplace_back(*w, std::string(lemma));
        word = base;
      }
    }
  }
  // Only a word that is not common English is corrected: an ordinary word the vocabulary
  // does not hold ("gave", "switch") is context, not a misspelling of one it does.
  bool english = false;
  if (!word.stop && !number && (priority = speller_.Priority(word.stem)) < 0 &&
      !(english = lexicon::IsCommonEnglish(*w))) {
    priority = -2;
    std::string fixed = speller_.Correct(word.stem);
    // A misspelling can stem badly ("exersizes" -> "exers"): try the word as typed too.
    if (fixed.empty()) {
      std::string surface = surface_speller_.Correct(*w);
      if (!surface.empty()) fixed = Lookup(surface).stem;
    }
    // Last, a typo of an ordinary word ("shuld", "wether") is read as that word, so it is
    // neither unexplained content nor bent into a word of the vocabulary.
    if (fixed.empty()) {
      std::string common = CommonSpeller().Correct(*w);
      if (!common.empty()) {
        a->corrections.emplace_back(*w, common);
        *w = common;
        word = Lookup(common);
      }
    }
    if (!fixed.empty()) {
      std::string shown = Display(fixed);
      a->corrections.emplace_back(*w, shown);
      *w = shown;
      word.stem = fixed;
      word.stop = stop_.contains(fixed);
    }
  }
  // A number is never spelled (the speller holds no numbers): the vocabulary says whether the
  // knowledge uses it.
  if (number) priority = word.vocabulary;
  if (!word.stop && (priority == -2 ? speller_.Priority(word.stem) : priority) < 1)
    a->unknown.push_back(*w);
  if (english) a->english.push_back(*w);
  return word;
}

Analysis Analyzer::Analyze(std::string_view text) const {
  Analysis a;
  // Normalise: folded words, contractions resolved.
  a.words = NormalizeWords(text, kMaxWords);
  a.uncorrected = absl::StrJoin(a.words, " ");
  // Read each word: its lemma or its spelling corrected, then its stem.
  std::vector<std::string> stems, surface;
  std::vector<bool> stop;
  stems.reserve(a.words.size());
  surface.reserve(a.words.size());
  stop.reserve(a.words.size());
  for (std::string& w : a.words) {
    Word word = ReadWord(&w, &a);
    stems.push_back(std::move(word.stem));
    stop.push_back(word.stop);
    surface.push_back(w);
  }
  a.text = absl::StrJoin(a.words, " ");
  // Synonyms: runs of stems become the vocabulary's own words.
  ApplySynonyms(&stems, &stop, &surface, &a.synonyms);
  // Terms: the stems that are not stop words, with the words they came from.
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
  ApplySynonyms(&stems, &stop, nullptr, nullptr);
  std::vector<std::string> terms;
  for (size_t i = 0; i < stems.size(); ++i)
    if (!stop[i]) terms.push_back(std::move(stems[i]));
  return terms;
}

}  // namespace backtalk
