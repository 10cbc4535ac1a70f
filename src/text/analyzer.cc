#include "text/analyzer.h"

#include <algorithm>
#include <iterator>

#include "text/normalize.h"
#include "text/words.h"

namespace backtalk {

namespace {

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Analyzer::Analyzer(const Knowledge& k) {
  for (std::string_view w : StopWords()) {
    stop_.insert(std::string(w));
    known_[std::string(w)] = {std::string(w), true};
    speller_.Add(std::string(w), 0);
    surface_speller_.Add(std::string(w), 0);
    common_speller_.Add(std::string(w), 1);
  }
  for (std::string_view w : CommonWords()) {
    AddVocabulary(w, 0);
    common_speller_.Add(std::string(w), 1);
  }
  // Synonyms first: their stems are needed by Terms() below.
  for (const auto& [from, to] : k.synonyms) {
    AddVocabulary(from, 2);
    AddVocabulary(to, 2);
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
    for (const WeightedTerm& t : intent.keywords) AddVocabulary(t.term, 3);
    for (const WeightedTerm& t : intent.related) AddVocabulary(t.term, 2);
    AddVocabulary(intent.question, 2);
    AddVocabulary(intent.answer, 1);
  }
  for (const std::string& topic : k.covered) AddVocabulary(topic, 2);
  for (const std::string& topic : k.uncovered) AddVocabulary(topic, 2);
  for (const Sequence& seq : k.sequences) {
    AddVocabulary(seq.name, 1);
    for (const Step& step : seq.steps) AddVocabulary(step.text, 1);
  }
}

void Analyzer::AddVocabulary(std::string_view text, int priority) {
  for (const std::string& w : NormalizeWords(text)) {
    auto it = known_.find(w);
    // A word already added with this priority or a higher one has nothing new to add: most
    // words of a large knowledge repeat, and this keeps loading to one lookup for them.
    if (it != known_.end() && it->second.vocabulary >= priority) continue;
    if (stop_.count(w)) continue;
    if (it == known_.end()) it = known_.emplace(w, Word{stemmer_.Stem(w), false}).first;
    it->second.vocabulary = priority;
    // Show a stem as the shortest word that gave it: "muscl" as "muscle", not "muscles".
    auto [shown, fresh] = display_.try_emplace(it->second.stem, w);  // no node when known
    if (!fresh && w.size() < shown->second.size()) shown->second = w;
    if (!HasDigit(w)) {
      speller_.Add(it->second.stem, priority);
      surface_speller_.Add(w, priority);
    }
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
      i += more;
    }
    for (size_t k = 0; k < hit->to.size(); ++k) {
      in[out + k] = hit->to[k];
      (*stop)[out + k] = hit->to_stop[k];
    }
    out += hit->to.size();
    i += hit->from.size();
    if (applied != nullptr) applied->emplace_back(hit->from_text, hit->to_text);
  }
  in.resize(out);
  stop->resize(out);
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
    // -2: not looked up yet; a word's stem is looked up once, not once to know whether to
    // correct it and again to know whether it is unknown.
    int priority = -2;
    if (!word.stop && !HasDigit(w) && (priority = speller_.Priority(word.stem)) < 0) {
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
    if (!word.stop && (priority == -2 ? speller_.Priority(word.stem) : priority) < 1)
      a.unknown.push_back(w);
    stems.push_back(std::move(word.stem));
    stop.push_back(word.stop);
  }
  for (const std::string& w : a.words) {
    if (!a.text.empty()) a.text += ' ';
    a.text += w;
  }
  ApplySynonyms(&stems, &stop, &a.synonyms);
  a.terms.reserve(stems.size());
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
