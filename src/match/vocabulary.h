// The vocabulary the analyzer reads from a knowledge: which of its texts give it words, and
// with what priority.
#ifndef BACKTALK_MATCH_VOCABULARY_H_
#define BACKTALK_MATCH_VOCABULARY_H_

#include "knowledge/knowledge.h"
#include "text/analyzer.h"

namespace backtalk {

// The knowledge's synonyms, and its texts by how much a word in them says: keywords 3; related
// words, questions and topics 2; answers and the stretches 1. The vocabulary refers to the
// knowledge's text. REQUIRES: `knowledge` outlives the result.
Vocabulary VocabularyOf(const Knowledge& knowledge);

}  // namespace backtalk

#endif  // BACKTALK_MATCH_VOCABULARY_H_
