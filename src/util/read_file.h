// Reading a whole file that a person named on the command line (a knowledge file, an FAQ
// document), with an error that says what was wrong with which file.
#ifndef BACKTALK_UTIL_READ_FILE_H_
#define BACKTALK_UTIL_READ_FILE_H_

#include <cstddef>
#include <string>

namespace backtalk {

// What the file is meant to be, for the messages: {"knowledge file", "a knowledge file"}.
struct FileKind {
  const char* name;          // "knowledge file"
  const char* with_article;  // "a knowledge file"
  size_t max_bytes;          // a larger file is refused before it is read
};

// Reads all of `path` into *text. On failure returns false with one of
//   "PATH: cannot read the NAME: <strerror>", "PATH: is a folder, not WITH_ARTICLE",
//   "PATH: is too large for WITH_ARTICLE (over N MiB)".
bool ReadWholeFile(const std::string& path, const FileKind& kind, std::string* text,
                   std::string* err);

}  // namespace backtalk

#endif  // BACKTALK_UTIL_READ_FILE_H_
