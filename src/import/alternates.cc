#include "import/alternates.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "text/normalize.h"
#include "text/words.h"

namespace backtalk {

namespace {

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// " how do i pay " contains " do i pay " as whole words.
bool ContainsPhrase(const std::string& text, const std::string& phrase) {
  return (" " + text + " ").find(" " + phrase + " ") != std::string::npos;
}

}  // namespace

void AddAlternatePhrasings(const FaqDocument& doc, Knowledge* k) {
  static const auto* stop = [] {
    auto* s = new std::unordered_set<std::string>;
    for (std::string_view w : StopWords()) s->insert(std::string(w));
    return s;
  }();
  size_t n = std::min(doc.entries.size(), k->intents.size());
  // Every intent's texts, normalised: its question and its phrasings.
  std::vector<std::vector<std::string>> texts(n);
  for (size_t i = 0; i < n; ++i) {
    texts[i].push_back(Joined(NormalizeWords(doc.entries[i].question)));
    for (const std::string& a : doc.entries[i].alternates)
      texts[i].push_back(Joined(NormalizeWords(a)));
  }
  for (size_t i = 0; i < n; ++i) {
    Intent& intent = k->intents[i];
    std::unordered_set<std::string> question_words;
    for (const std::string& w : NormalizeWords(doc.entries[i].question)) question_words.insert(w);
    std::unordered_set<std::string> patterns(intent.patterns.begin(), intent.patterns.end());
    for (const std::string& alternate : doc.entries[i].alternates) {
      std::vector<std::string> words = NormalizeWords(alternate);
      size_t content = 0;
      for (const std::string& w : words) {
        if (stop->count(w)) continue;
        ++content;
        if (question_words.count(w)) continue;
        auto same = std::find_if(intent.related.begin(), intent.related.end(),
                                 [&w](const WeightedTerm& t) { return t.term == w; });
        if (same == intent.related.end())
          intent.related.push_back({w, kAlternateWeight});
        else
          same->weight = std::max(same->weight, kAlternateWeight);
      }
      if (content < 2) continue;
      std::string phrase = Joined(words);
      bool shared = false;
      for (size_t j = 0; j < n && !shared; ++j)
        if (j != i)
          for (const std::string& t : texts[j]) shared = shared || ContainsPhrase(t, phrase);
      if (shared) continue;
      std::string pattern = "\\b";
      for (size_t w = 0; w < words.size(); ++w) {
        if (w > 0) pattern += ' ';
        pattern += RE2::QuoteMeta(words[w]);
      }
      pattern += "\\b";
      if (patterns.insert(pattern).second) intent.patterns.push_back(pattern);
    }
  }
}

}  // namespace backtalk
