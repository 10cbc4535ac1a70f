#include "util/source_error.h"

#include <absl/strings/str_split.h>

#include <algorithm>
#include <utility>

#include "util/utf8.h"

namespace backtalk {

namespace {

// The `number`th line of `text` (1-based), without its newline, or empty past its end.
std::string_view NthLine(std::string_view text, int number) {
  for (absl::string_view line : absl::StrSplit(absl::string_view(text.data(), text.size()), '\n'))
    if (--number == 0) return {line.data(), line.size()};
  return {};
}

}  // namespace

SourceError ErrorAt(std::string file, std::string_view text, size_t offset, std::string message) {
  std::string_view before = text.substr(0, offset);
  size_t start = before.rfind('\n') + 1;  // npos + 1 == 0: the first line
  SourceError error;
  error.file = std::move(file);
  error.line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  error.column = static_cast<int>(CountCharacters(before.substr(start))) + 1;
  error.message = std::move(message);
  return error;
}

std::string FormatError(const SourceError& error, std::string_view text) {
  std::string out = error.file;
  if (error.line > 0) out.append(":").append(std::to_string(error.line));
  if (error.line > 0 && error.column > 0) out.append(":").append(std::to_string(error.column));
  if (!error.pointer.empty()) out.append(": ").append(error.pointer);
  out.append(": ").append(error.message);
  if (text.empty() || error.line <= 0 || error.column <= 0) return out;
  std::string source = CleanText(NthLine(text, error.line), 200);
  size_t before = std::min(static_cast<size_t>(error.column - 1), CountCharacters(source));
  return out + "\n" + source + "\n" + std::string(before, ' ') + "^";
}

std::string FormatErrors(const std::vector<SourceError>& errors, std::string_view text) {
  std::string out;
  for (const SourceError& error : errors) {
    if (!out.empty()) out += "\n";
    out += FormatError(error, text);
  }
  return out;
}

}  // namespace backtalk
