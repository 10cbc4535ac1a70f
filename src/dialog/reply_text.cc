#include "dialog/reply_text.h"

#include <algorithm>
#include <sstream>

#include "util/utf8.h"

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
  } else if (!r.match.asked_about.empty()) {
    out << "I don't know that: the document never mentions \"" << r.match.asked_about << "\".\n";
  } else if (r.match.verdict == Verdict::kAmbiguous && !r.suggestions.empty()) {
    out << "I'm not sure which you mean. Did you mean:\n";
  } else {
    out << "I don't know that.\n";
  }
  if (!r.suggestions.empty()) {
    if (r.match.verdict != Verdict::kAmbiguous || !r.match.uncovered.empty() ||
        !r.match.asked_about.empty())
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

namespace {

// Columns `s` takes on screen: its characters, less ANSI colour codes ("\033[1m").
int Columns(std::string_view s) {
  size_t columns = 0;
  while (!s.empty()) {
    size_t code = s.find('\033');
    columns += CountCharacters(s.substr(0, code));
    if (code == std::string_view::npos) break;
    s.remove_prefix(std::min(s.find('m', code), s.size() - 1) + 1);
  }
  return static_cast<int>(columns);
}

void WrapLine(std::string_view line, int width, std::string* out) {
  size_t indent_end = std::min(line.find_first_not_of(' '), line.size());
  // Bullets ("• ") indent what follows them.
  if (line.substr(indent_end, 4) == "\xE2\x80\xA2 ") indent_end += 4;
  std::string indent(static_cast<size_t>(Columns(line.substr(0, indent_end))), ' ');
  std::string current(line.substr(0, indent_end));
  bool empty = true;  // no word on `current` yet
  size_t i = indent_end;
  while (i < line.size()) {
    size_t end = line.find(' ', i);
    if (end == std::string_view::npos) end = line.size();
    std::string_view word = line.substr(i, end - i);
    if (!word.empty()) {
      if (!empty && Columns(current) + 1 + Columns(word) > width) {
        *out += current + "\n";
        current = indent;
        empty = true;
      }
      if (!empty) current += ' ';
      current += word;
      empty = false;
    }
    i = end + 1;
  }
  *out += current;
}

}  // namespace

std::string WrapText(std::string_view text, int width) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (width <= 0 || Columns(line) <= width)
      out += line;
    else
      WrapLine(line, width, &out);
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace backtalk
