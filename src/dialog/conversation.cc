#include "dialog/conversation.h"

#include <cassert>

namespace backtalk {

void Converse(LineReader* reader, Session* session, Screen* screen, ConverseUntil until) {
  assert(reader != nullptr && session != nullptr && screen != nullptr);
  std::string line;
  while (!screen->closed()) {
    if (until == ConverseUntil::kSequenceEnds && session->state() != Session::State::kInSequence)
      return;
    switch (reader->Read(session->Prompt(), &line)) {
      case ReadStatus::kEnd:
        session->End();
        return;
      case ReadStatus::kInterrupted:
        session->Interrupt();
        break;
      case ReadStatus::kLine:
        if (!session->Handle(line)) return;
        break;
    }
  }
}

}  // namespace backtalk
