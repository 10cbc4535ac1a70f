// Other phrasings of a question (a spreadsheet's "alternates" column) in a drafted knowledge.
//
// The knowledge format has no field for them; what it has are the intent's RE2 patterns ("any
// match is strong evidence") and its related words. So each phrasing becomes:
//   a pattern matching its words in order (over the normalised input the matcher's patterns
//   see), when it has at least two content words and no other intent's question or phrasing
//   contains those words in that order: a pattern two intents share would only tie them;
//   and its content words that the question lacks become related words of weight
//   kAlternateWeight (a word already related keeps the higher weight).
#ifndef BACKTALK_IMPORT_ALTERNATES_H_
#define BACKTALK_IMPORT_ALTERNATES_H_

#include "import/document.h"
#include "knowledge/knowledge.h"

namespace backtalk {

constexpr double kAlternateWeight = 0.8;

// `k` is DraftKnowledge(doc, ...): its intents are doc.entries, in order.
void AddAlternatePhrasings(const FaqDocument& doc, Knowledge* k);

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_ALTERNATES_H_
