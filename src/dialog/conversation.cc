#include "dialog/conversation.h"

namespace backtalk {

void Converse(LineReader* reader, Session* session, Screen* screen, ConverseUntil until) {
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
