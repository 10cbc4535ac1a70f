// A Reply as plain text, the way a person reads it on a terminal or in a pipe: the safety
// notice first, then the answer, the suggestions, or an honest "I don't know that". Shared by
// the conversation and `backtalk ask`, so both say exactly the same thing.
#ifndef BACKTALK_DIALOG_REPLY_TEXT_H_
#define BACKTALK_DIALOG_REPLY_TEXT_H_

#include <string>
#include <string_view>

#include "engine/engine.h"
#include "term/screen.h"

namespace backtalk {

// The reply as text: the safety notice first, then the answer, the suggestions, or "I don't
// know that". Ends with a newline. Numbered suggestions when `numbered`.
std::string FormatReply(const Reply& reply, const Style& style, bool numbered = false);

// Wraps each line of `text` at spaces so that none is wider than `width` columns on screen
// (ANSI colour codes take no room; a UTF-8 character takes one). A wrapped line goes on under
// its own indent, so "• " bullets and indented cues stay readable. A word longer than the
// width is left whole.
std::string WrapText(std::string_view text, int width);

}  // namespace backtalk

#endif  // BACKTALK_DIALOG_REPLY_TEXT_H_
