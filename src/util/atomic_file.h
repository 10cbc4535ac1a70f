// Writing a whole file or nothing: the text goes to a temporary file beside the target, which
// is then renamed over it (or linked to it, when an existing file must not be replaced), so an
// interrupted write never leaves half a file behind.
#ifndef BACKTALK_UTIL_ATOMIC_FILE_H_
#define BACKTALK_UTIL_ATOMIC_FILE_H_

#include <string>
#include <string_view>

namespace backtalk {

// Writes `text` to `path`. Without `overwrite`, an existing `path` is an error ("PATH: already
// exists"), checked atomically. On failure returns false with a message naming the file, and
// leaves no temporary file.
bool WriteFileAtomically(const std::string& path, std::string_view text, bool overwrite,
                         std::string* err);

}  // namespace backtalk

#endif  // BACKTALK_UTIL_ATOMIC_FILE_H_
