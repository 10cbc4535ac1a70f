#include "term/line_reader.h"

namespace backtalk {

ReadStatus ScriptedReader::Read(const std::string& prompt, std::string* line) {
  prompts_.push_back(prompt);
  if (next_ >= lines_.size()) return ReadStatus::kEnd;
  *line = lines_[next_++];
  return *line == kInterruptLine ? ReadStatus::kInterrupted : ReadStatus::kLine;
}

}  // namespace backtalk
