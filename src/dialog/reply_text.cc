#include "dialog/reply_text.h"

#include <sstream>

namespace backtalk {

std::string FormatReply(const Reply& r, const Style& style, bool numbered) {
  std::ostringstream out;
  std::string notice = r.SafetyNotice();
  if (!notice.empty()) out << style.Warn("See a doctor first. ") << notice << "\n";
  if (r.small_talk != nullptr) {
    out << r.small_talk->reply << "\n";
    return out.str();
  }
  if (r.matched()) {
    if (!notice.empty()) out << "\n";
    out << style.Bold(r.intent->question) << "\n" << r.intent->answer << "\n";
    return out.str();
  }
  if (!notice.empty()) return out.str();
  if (!r.match.uncovered.empty()) {
    out << "I don't know that: the document covers the upper and middle back, not the "
        << r.match.uncovered << ".\n";
  } else if (r.match.verdict == Verdict::kAmbiguous && !r.suggestions.empty()) {
    out << "I'm not sure which you mean. Did you mean:\n";
  } else {
    out << "I don't know that.\n";
  }
  if (!r.suggestions.empty()) {
    if (r.match.verdict != Verdict::kAmbiguous || !r.match.uncovered.empty())
      out << "Closest topics:\n";
    for (size_t i = 0; i < r.suggestions.size(); ++i) {
      if (numbered)
        out << "  " << (i + 1) << ". " << r.suggestions[i]->question << "\n";
      else
        out << "  - " << r.suggestions[i]->question << "\n";
    }
  }
  return out.str();
}

}  // namespace backtalk
