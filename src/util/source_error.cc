#include "util/source_error.h"

#include <algorithm>
#include <utility>

#include "util/utf8.h"

namespace backtalk {

namespace {

// The line of `text` that holds byte `offset`: where it starts and its text, without newline.
std::string_view LineAt(std::string_view text, size_t offset, size_t* start) {
  size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  *start = newline == std::string_view::npos ? 0 : newline + 1;
  size_t end = std::min(text.find('\n', *start), text.size());
  return text.substr(*start, end - *start);
}

// The `number`th line of `text` (1-based), or empty past its end.
std::string_view NthLine(std::string_view text, int number) {
  size_t start = 0;
  for (int i = 1; i < number; ++i) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  return LineAt(text, start, &start);
}

}  // namespace

SourceError ErrorAt(std::string file, std::string_view text, size_t offset, std::string message) {
  offset = std::min(offset, text.size());
  size_t start = 0;
  LineAt(text, offset, &start);
  SourceError error;
  error.file = std::move(file);
  error.line = static_cast<int>(std::count(text.begin(), text.begin() + start, '\n')) + 1;
  error.column = static_cast<int>(CountCharacters(text.substr(start, offset - start))) + 1;
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
