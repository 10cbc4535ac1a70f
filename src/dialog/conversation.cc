#include "dialog/conversation.h"

namespace backtalk {

ReadStatus ScriptedReader::Read(const std::string& prompt, std::string* line) {
  prompts_.push_back(prompt);
  if (next_ >= lines_.size()) return ReadStatus::kEnd;
  *line = lines_[next_++];
  return *line == kInterruptLine ? ReadStatus::kInterrupted : ReadStatus::kLine;
}

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
