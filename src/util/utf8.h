// Turning any bytes into text that is safe to process and to show.
#ifndef BACKTALK_UTIL_UTF8_H_
#define BACKTALK_UTIL_UTF8_H_

#include <algorithm>
#include <string>
#include <string_view>

namespace backtalk {

// Repairs invalid UTF-8 (each bad byte becomes U+FFFD), turns control characters (C0, DEL,
// C1, and so escape sequences' ESC) into spaces, and keeps at most `max_bytes` bytes, cut at a
// character boundary. The result never contains a byte that a terminal would act on.
std::string CleanText(std::string_view raw, size_t max_bytes = 64 * 1024);

// The code point of the character at byte `at` of `text` (REQUIRES: at < text.size()), and its
// length in bytes in *length; an invalid sequence reads as one byte of U+FFFD.
char32_t DecodeAt(std::string_view text, size_t at, size_t* length);

// The number of characters in `text`: code points, each byte of an invalid sequence counting
// as one (as CleanText replaces it by one U+FFFD).
size_t CountCharacters(std::string_view text);

// The byte offset of the first invalid UTF-8 sequence in `text`, or npos when it is valid.
size_t FindInvalidUtf8(std::string_view text);

// True when every byte of `text` is ASCII (below 0x80).
inline bool IsAscii(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace backtalk

#endif  // BACKTALK_UTIL_UTF8_H_
