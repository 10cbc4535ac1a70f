// The JSON form of a Reply: one object per input line, the contract scripts rely on
// (docs/design.md): input, matched, intent, question, answer, score, sequence, suggestions, safety,
// then reply and uncovered, and `started` on a line that starts a sequence.
#ifndef BACKTALK_ENGINE_REPLY_JSON_H_
#define BACKTALK_ENGINE_REPLY_JSON_H_

#include <string>
#include <string_view>

#include "engine/engine.h"

namespace backtalk {

// The line `--json` prints for `reply`, newline included. `text`, when not empty, is what
// the conversation said instead of an answer (help, a list, an offer declined) and becomes
// the `reply` field; `started`, when given, is the sequence this line starts: its id, name,
// intro and each step's text, hold (seconds, with a maximum for a range, or breaths), side,
// repeats and breath cue.
//
// Written field by field rather than through a JSON value: after matching, building and
// dumping a value was most of the work of `--json`.
std::string ReplyJsonLine(const Reply& reply, std::string_view text = {},
                          const Sequence* started = nullptr);

}  // namespace backtalk

#endif  // BACKTALK_ENGINE_REPLY_JSON_H_
