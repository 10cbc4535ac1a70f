// The Analyzer turns a question into the terms the matcher scores: normalised words,
// spelling corrected against a vocabulary, stemmed, and mapped through the vocabulary's
// synonyms. It records every correction and synonym so `explain` can show them.
// Analyze is safe to call from many threads: the stemmer keeps a buffer for each thread, and
// the speller of common words is built once.
#ifndef BACKTALK_TEXT_ANALYZER_H_
#define BACKTALK_TEXT_ANALYZER_H_

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/strings/string_view.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/speller.h"
#include "text/stemmer.h"

namespace backtalk {

// The words an analyzer knows, as texts that use them. A word's priority is the highest of
// the texts it appears in: a higher priority wins a tie between equally close spelling
// corrections, and a word of priority 1 or more is not "unknown". The words of the synonyms
// count at kSynonymPriority. REQUIRES: the texts outlive the Analyzer's constructor (it
// copies what it keeps).
struct Vocabulary {
  struct Text {
    std::string_view text;
    int priority;
  };
  std::vector<std::pair<std::string_view, std::string_view>> synonyms;  // {from, to}
  std::vector<Text> texts;  // read in order; only the first kMaxTextWords words of each

  static constexpr int kSynonymPriority = 2;
};

struct Analysis {
  std::vector<std::string> words;       // normalised words, spelling corrected
  std::string text;                     // those words joined by single spaces: what patterns see
  std::string uncorrected;              // the normalised words before spelling correction, joined
  std::vector<std::string> terms;       // canonical terms, stop words out, in order; may repeat
  std::vector<std::string> term_words;  // parallel to terms: the word each came from
  std::vector<std::pair<std::string, std::string>> corrections;  // {"strech", "stretch"}
  std::vector<std::pair<std::string, std::string>> synonyms;     // {"mid", "middle"}
  // Content words the vocabulary does not hold ("car", "underwater"): context, or a sign the
  // question may be about something else.
  std::vector<std::string> unknown;
  std::vector<std::pair<std::string, std::string>> lemmas;  // irregular forms: {"gave", "give"}
  std::vector<std::string> english;  // words outside the vocabulary found to be common English
};

class Analyzer {
 public:
  explicit Analyzer(const Vocabulary& vocabulary);
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // `text` should be clean (see CleanText). Only the first kMaxWords words are read.
  Analysis Analyze(std::string_view text) const;

  // The canonical terms of a phrase from the knowledge (a keyword, a topic): the same
  // normalising, stemming and synonyms as a question, but no spelling correction.
  std::vector<std::string> Terms(std::string_view phrase) const;

  // Terms() of many texts that share their words, as the answers of a large knowledge do, as
  // numbers: each distinct token is normalised, stemmed and numbered once, and synonyms are
  // applied over the whole text. The same term always has the same number, term(id) is its
  // text. For building an index; not for use from several threads.
  class TermCache {
   public:
    // REQUIRES: `analyzer` outlives the cache.
    explicit TermCache(const Analyzer& analyzer) : analyzer_(analyzer) {}
    // The ids of the terms of `text`, in order; valid until the next call.
    const std::vector<uint32_t>& Terms(std::string_view text);
    // Every term numbered so far, by id.
    const std::vector<std::string>& terms() const { return terms_; }

   private:
    struct Token {
      std::vector<uint32_t> ids;  // its terms: its stems that are not stop words
      size_t words = 0;
      bool synonym = false;  // a stem may start one of the synonyms
    };
    uint32_t Id(std::string_view term);

    const Analyzer& analyzer_;
    absl::flat_hash_map<std::string, Token> tokens_;
    absl::flat_hash_map<std::string, uint32_t> ids_;
    std::vector<std::string> terms_;
    std::vector<uint32_t> out_;
  };

  // The single term a word of the vocabulary stands for, or "" when the word is not in it (or
  // is a stop word): a look-up, not an analysis.
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
  // The tokens of the vocabulary's texts already read, while the vocabulary is built: the
  // highest priority each was added with, and how many words it makes.
  struct TokenSeen {
    int priority = -1;
    size_t words = 0;
  };
  using TokensSeen = absl::flat_hash_map<absl::string_view, TokenSeen>;

  Word Lookup(std::string_view word) const;
  static const Speller& CommonSpeller();
  void AddVocabulary(std::string_view text, int priority, TokensSeen* seen);
  void AddVocabularyWord(const std::string& word, int priority);
  // Reads one word of a question: its lemma, or its spelling corrected, recorded in `a`;
  // `*w` becomes the word as read.
  Word ReadWord(std::string* w, Analysis* a) const;
  // Replaces synonym runs in `stems` (parallel to `stop` and, when given, `words`); records
  // what it did.
  void ApplySynonyms(std::vector<std::string>* stems, std::vector<bool>* stop,
                     std::vector<std::string>* words,
                     std::vector<std::pair<std::string, std::string>>* applied) const;

  Stemmer stemmer_;
  Speller speller_;          // over stems
  Speller surface_speller_;  // over words as written, for misspellings that stem badly
  absl::flat_hash_map<std::string, Word> known_;           // surface word -> stem
  absl::flat_hash_map<std::string, std::string> display_;  // stem -> a surface word
  absl::flat_hash_set<std::string> stop_;
  absl::flat_hash_map<std::string, std::vector<Synonym>> synonyms_;  // by first stem
};

}  // namespace backtalk

#endif  // BACKTALK_TEXT_ANALYZER_H_
