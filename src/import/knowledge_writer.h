// Writing a Knowledge back out as a knowledge file, in the field layout of knowledge/back.json,
// so that a drafted file reads like a hand-written one and LoadKnowledge reads it back whole.
#ifndef BACKTALK_IMPORT_KNOWLEDGE_WRITER_H_
#define BACKTALK_IMPORT_KNOWLEDGE_WRITER_H_

#include <string>

#include "knowledge/knowledge.h"

namespace backtalk {

// The JSON text (two-space indent, UTF-8 as is, a final newline). Empty optional fields are
// left out.
std::string KnowledgeJson(const Knowledge& knowledge);

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_KNOWLEDGE_WRITER_H_
