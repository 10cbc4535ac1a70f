// The one error value of every loader and reader (knowledge files, FAQ documents, API requests,
// files named on the command line), and the one way it is printed, as a compiler prints one:
//   file:line:column: message      a place in the text (columns in characters)
//   file:line: message             a line
//   file: /json/pointer: message   a value of a JSON document
//   file: message                  the file as a whole
// When the text is at hand, a place is followed by its line and a caret under the column.
#ifndef BACKTALK_UTIL_SOURCE_ERROR_H_
#define BACKTALK_UTIL_SOURCE_ERROR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace backtalk {

struct SourceError {
  std::string file;     // a path, or what stands for one: "built-in knowledge"
  int line = 0;         // 1-based; 0: not about a line
  int column = 0;       // 1-based, in characters; 0: not about a column
  std::string pointer;  // a JSON pointer ("/intents/3/id", "/" for the root), or empty
  std::string message;
};

// The error at byte `offset` of `text` (clamped to its end), with that place's line and column.
SourceError ErrorAt(std::string file, std::string_view text, size_t offset, std::string message);

// The error as one line; given the `text` it is about, a line and column are followed by the
// source line (cleaned of control characters, at most 200 bytes) and a caret under the column.
std::string FormatError(const SourceError& error, std::string_view text = {});

// Each error formatted, one after another, separated by newlines.
std::string FormatErrors(const std::vector<SourceError>& errors, std::string_view text = {});

}  // namespace backtalk

#endif  // BACKTALK_UTIL_SOURCE_ERROR_H_
