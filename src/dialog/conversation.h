// The conversation loop: it reads a line through a LineReader (term/line_reader.h), hands it
// to the Session, and stops at quit, at end of input or when the reader of the output has gone.
#ifndef BACKTALK_DIALOG_CONVERSATION_H_
#define BACKTALK_DIALOG_CONVERSATION_H_

#include "dialog/session.h"
#include "term/line_reader.h"
#include "term/screen.h"

namespace backtalk {

enum class ConverseUntil {
  kQuit,          // the whole conversation: until quit or end of input
  kSequenceEnds,  // `backtalk stretch NAME`: until the sequence started before is over
};

// Reads and handles lines. Returns when the person quits, input ends (the session is told, so
// a running sequence ends cleanly), the screen's reader has gone, or as `until` says.
// REQUIRES: `reader`, `session` and `screen` are not null.
void Converse(LineReader* reader, Session* session, Screen* screen,
              ConverseUntil until = ConverseUntil::kQuit);

}  // namespace backtalk

#endif  // BACKTALK_DIALOG_CONVERSATION_H_
