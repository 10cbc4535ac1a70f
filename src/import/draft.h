// Drafting knowledge from a parsed FAQ document: one intent per question, ready for the matcher
// and meant to be refined by hand.
//
// Terms go through the same Analyzer as the matcher's (normalised, stemmed, synonyms), so a
// drafted keyword means to the matcher what it meant here. Per intent:
//   keywords: the question's content words, weighted by how well each tells this question from
//             the others (inverse document frequency over the questions): a word every
//             question has weighs kCommonWeight, a word only this one has kRareWeight;
//   related:  the answer's most telling words, 0..1, less for everyday words;
//   patterns: one RE2 pattern requiring its most distinctive words in any order (each with
//             its inflections and the synonyms that map to it), when they pick out this
//             question alone;
//   sequence: drafted from the answer when it reads as steps (see import/steps.h).
// Synonyms come from a base knowledge (the built-in one): those that touch a word of the
// document are kept. Nothing about any one topic is built in.
#ifndef BACKTALK_IMPORT_DRAFT_H_
#define BACKTALK_IMPORT_DRAFT_H_

#include <string>
#include <utility>
#include <vector>

#include "import/document.h"
#include "knowledge/knowledge.h"

namespace backtalk {

struct DraftReport {
  int questions = 0;
  int sequences = 0;
  // Pairs of questions (verbatim) whose keywords are nearly the same: the matcher can tell
  // them apart only by the words one lacks.
  std::vector<std::pair<std::string, std::string>> similar;
  std::vector<std::string> notes;  // anything else worth a look
};

constexpr double kCommonWeight = 0.4;
constexpr double kRareWeight = 1.5;
// Keyword sets at least this alike (weighted Jaccard), or one within the other, are reported
// as not distinctive.
constexpr double kSimilarKeywords = 0.7;

// Drafts knowledge for `doc`. `document` is the name recorded in the knowledge ("faq.md");
// `base` lends its synonyms and settings.
Knowledge DraftKnowledge(const FaqDocument& doc, const std::string& document, const Knowledge& base,
                         DraftReport* report);

// A readable id from a question: "How do you stretch your upper middle back?" ->
// "stretch-upper-middle-back" (stop words out, at most six words).
std::string IdFromQuestion(const std::string& question);

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_DRAFT_H_
