// Importing several FAQ documents into one knowledge: their questions, in order, as one
// FaqDocument.
#ifndef BACKTALK_IMPORT_MERGE_H_
#define BACKTALK_IMPORT_MERGE_H_

#include <string>
#include <vector>

#include "import/document.h"

namespace backtalk {

struct NamedDocument {
  std::string name;  // the path, for messages
  FaqDocument doc;
};

// The entries of all `docs` in order, and their warnings. A question that a later document asks
// again (the same words, whatever the case, spacing and punctuation) is kept once, from the
// first document, and reported with both places: "b.csv:4: \"How do I pay?\" is also asked at
// a.md:12; the answer from a.md is kept". Its other phrasings join the first. *sources (if given)
// gets "NAME:LINE" for each merged entry, in order.
FaqDocument MergeDocuments(std::vector<NamedDocument> docs,
                           std::vector<std::string>* sources = nullptr);

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_MERGE_H_
