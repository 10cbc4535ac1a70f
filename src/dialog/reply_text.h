// A Reply as plain text, the way a person reads it on a terminal or in a pipe: the safety
// notice first, then the answer, the suggestions, or an honest "I don't know that". Shared by
// the conversation and `backtalk ask`, so both say exactly the same thing.
#ifndef BACKTALK_DIALOG_REPLY_TEXT_H_
#define BACKTALK_DIALOG_REPLY_TEXT_H_

#include <string>
#include <string_view>

#include "engine/engine.h"

namespace backtalk {

// ANSI colours, or nothing when colour is off.
struct Style {
  bool color = false;
  std::string Bold(const std::string& s) const { return Wrap("1", s); }
  std::string Dim(const std::string& s) const { return Wrap("2", s); }
  std::string Warn(const std::string& s) const { return Wrap("1;33", s); }
  std::string Good(const std::string& s) const { return Wrap("32", s); }
  std::string Wrap(const char* code, const std::string& s) const {
    return color ? "\033[" + std::string(code) + "m" + s + "\033[0m" : s;
  }
};

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
