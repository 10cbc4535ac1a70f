#include "import/alternates.h"

#include <absl/strings/str_cat.h>
#include <absl/strings/str_join.h>
#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "text/normalize.h"
#include "text/words.h"

namespace backtalk {

namespace {

// " how do i pay " contains " do i pay " as whole words.
bool ContainsPhrase(const std::string& text, const std::string& phrase) {
  return (" " + text + " ").find(" " + phrase + " ") != std::string::npos;
}

}  // namespace

void AddAlternatePhrasings(const FaqDocument& doc, Knowledge* k) {
  static const auto* stop =
      new std::unordered_set<std::string_view>(StopWords().begin(), StopWords().end());
  size_t n = std::min(doc.entries.size(), k->intents.size());
  // Every intent's texts, normalised: its question and its phrasings.
  std::vector<std::vector<std::string>> texts(n);
  for (size_t i = 0; i < n; ++i) {
    texts[i].push_back(absl::StrJoin(NormalizeWords(doc.entries[i].question), " "));
    for (const std::string& a : doc.entries[i].alternates)
      texts[i].push_back(absl::StrJoin(NormalizeWords(a), " "));
  }
  for (size_t i = 0; i < n; ++i) {
    Intent& intent = k->intents[i];
    std::vector<std::string> question = NormalizeWords(doc.entries[i].question);
    std::unordered_set<std::string> question_words(question.begin(), question.end());
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
      std::string phrase = absl::StrJoin(words, " ");
      bool shared = false;
      for (size_t j = 0; j < n && !shared; ++j)
        if (j != i)
          for (const std::string& t : texts[j]) shared = shared || ContainsPhrase(t, phrase);
      if (shared) continue;
      auto quote = [](std::string* out, const std::string& w) { out->append(RE2::QuoteMeta(w)); };
      std::string pattern = absl::StrCat("\\b", absl::StrJoin(words, " ", quote), "\\b");
      if (patterns.insert(pattern).second) intent.patterns.push_back(pattern);
    }
  }
}

}  // namespace backtalk
