// The JSON form of a Reply: one object per input line, the contract scripts rely on
// (DESIGN.md): input, matched, intent, question, answer, score, sequence, suggestions, safety.
#ifndef BACKTALK_ENGINE_REPLY_JSON_H_
#define BACKTALK_ENGINE_REPLY_JSON_H_

#include <nlohmann/json.hpp>

#include "engine/engine.h"

namespace backtalk {

// ordered_json keeps the fields in the contract's order, which is easier to read.
nlohmann::ordered_json ReplyJson(const Reply& reply);

// A sequence and its steps, for a line that starts one: id, name, intro and each step's text,
// hold (seconds, with a maximum for a range, or breaths), side, repeats and breath cue.
nlohmann::ordered_json SequenceJson(const Sequence& sequence);

// One line of JSON; invalid UTF-8 cannot occur (inputs are cleaned), but is replaced anyway.
std::string JsonLine(const nlohmann::ordered_json& value);

}  // namespace backtalk

#endif  // BACKTALK_ENGINE_REPLY_JSON_H_
