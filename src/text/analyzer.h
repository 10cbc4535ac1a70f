// The Analyzer turns a question into the terms the matcher scores: normalised words,
// spelling corrected against the knowledge's vocabulary, stemmed, and mapped through the
// knowledge's synonyms. It records every correction and synonym so `explain` can show them.
// Analyze is safe to call from many threads: the stemmer keeps a buffer for each thread, and
// the speller of common words is built once.
#ifndef BACKTALK_TEXT_ANALYZER_H_
#define BACKTALK_TEXT_ANALYZER_H_

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "knowledge/knowledge.h"
#include "text/speller.h"
#include "text/stemmer.h"
#include "util/key_filter.h"

namespace backtalk {

struct Analysis {
  std::vector<std::string> words;       // normalised words, spelling corrected
  std::string text;                     // those words joined by single spaces: what patterns see
  std::string uncorrected;              // the normalised words before spelling correction, joined
  std::vector<std::string> terms;       // canonical terms, stop words out, in order; may repeat
  std::vector<std::string> term_words;  // parallel to terms: the word each came from
  std::vector<std::pair<std::string, std::string>> corrections;  // {"strech", "stretch"}
  std::vector<std::pair<std::string, std::string>> synonyms;     // {"mid", "middle"}
  // Content words the knowledge never uses ("car", "underwater"): context, or a sign the
  // question may be about something else.
  std::vector<std::string> unknown;
  std::vector<std::pair<std::string, std::string>> lemmas;  // irregular forms: {"gave", "give"}
  std::vector<std::string> english;  // words outside the vocabulary found to be common English
};

class Analyzer {
 public:
  explicit Analyzer(const Knowledge& knowledge);
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // `text` must be clean UTF-8 (see CleanText). Only the first kMaxWords words are read.
  Analysis Analyze(std::string_view text) const;

  // The canonical terms of a phrase from the knowledge (a keyword, a topic): the same
  // normalising, stemming and synonyms as a question, but no spelling correction.
  std::vector<std::string> Terms(std::string_view phrase) const;

  // Terms() of many texts that share their words, as the answers of a large knowledge do: each
  // distinct token is normalised and stemmed once, synonyms are applied over the whole text,
  // and the terms come back as views that live as long as the cache (the same term of the
  // same token is the same view, so a caller may key a table by its address). For building an
  // index; not for use from several threads.
  class TermCache {
   public:
    explicit TermCache(const Analyzer& analyzer) : analyzer_(analyzer) {}
    // Valid until the next call.
    const std::vector<std::string_view>& Terms(std::string_view text);

   private:
    struct Entry {
      std::vector<std::string> stems;
      std::vector<bool> stop;
      bool synonym = false;  // a stem may start one of the knowledge's synonyms
    };
    const Analyzer& analyzer_;
    std::unordered_map<std::string, Entry> tokens_;
    std::deque<std::string> made_;  // terms made by synonyms, or from text that is not ASCII
    std::vector<const Entry*> entries_;
    std::vector<std::string_view> out_;
  };

  // The single term a word of the knowledge's vocabulary stands for, or "" when the word is
  // not in it (or is a stop word): a look-up, not an analysis.
  std::string VocabularyTerm(std::string_view word) const;

  // A readable word for a term, for explanations: "muscl" -> "muscles".
  std::string Display(const std::string& term) const;

  static constexpr size_t kMaxWords = 64;

 private:
  struct Word {
    std::string stem;
    bool stop = false;
    int vocabulary = -1;  // the highest priority it was added to the vocabulary with
  };
  struct Synonym {
    std::vector<std::string> from;  // stems
    std::vector<std::string> to;    // stems
    std::vector<bool> to_stop;      // whether each of `to` is a stop word
    std::string from_text, to_text;
  };

  Word Lookup(const std::string& word) const;
  static const Speller& CommonSpeller();
  // The tokens of the knowledge's text already added, while the vocabulary is built.
  class TokenSet;
  void AddVocabulary(std::string_view text, int priority, TokenSet* seen);
  void AddVocabularyWord(const std::string& word, int priority);
  // The terms of a phrase's stems (parallel to `stop`): synonyms applied, stop words out.
  std::vector<std::string> TermsOfStems(std::vector<std::string> stems,
                                        std::vector<bool> stop) const;
  // Replaces synonym runs in `stems` (parallel to `stop` and, when given, `words`); records
  // what it did.
  void ApplySynonyms(std::vector<std::string>* stems, std::vector<bool>* stop,
                     std::vector<std::string>* words,
                     std::vector<std::pair<std::string, std::string>>* applied) const;

  Stemmer stemmer_;
  Speller speller_;          // over stems
  Speller surface_speller_;  // over words as written, for misspellings that stem badly
  std::unordered_map<std::string, Word> known_;           // surface word -> stem
  std::unordered_map<std::string, std::string> display_;  // stem -> a surface word
  std::unordered_set<std::string> stop_;
  std::unordered_map<std::string, std::vector<Synonym>> synonyms_;  // by first stem
  KeyFilter synonym_starts_;                                        // synonyms_'s keys
};

}  // namespace backtalk

#endif  // BACKTALK_TEXT_ANALYZER_H_
