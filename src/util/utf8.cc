#include "util/utf8.h"

#include <utf8proc.h>

#include <algorithm>
#include <cassert>

namespace backtalk {

char32_t DecodeAt(std::string_view text, size_t at, size_t* length) {
  assert(at < text.size());
  utf8proc_int32_t cp = static_cast<unsigned char>(text[at]);
  *length = 1;
  if (cp < 0x80) return static_cast<char32_t>(cp);
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + at,
                                        static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
  if (n < 1) return 0xFFFD;
  *length = static_cast<size_t>(n);
  return static_cast<char32_t>(cp);
}

size_t CountCharacters(std::string_view text) {
  size_t count = 0;
  size_t length = 0;
  for (size_t at = 0; at < text.size(); at += length, ++count) DecodeAt(text, at, &length);
  return count;
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t n = 0;
  for (size_t at = 0; at < text.size(); at += n) {
    DecodeAt(text, at, &n);
    if (n == 1 && static_cast<unsigned char>(text[at]) >= 0x80) return at;  // invalid
  }
  return std::string_view::npos;
}

std::string CleanText(std::string_view raw, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(raw.size(), max_bytes));
  size_t i = 0;
  while (i < raw.size()) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c >= 0x20 && c < 0x7f) {  // a run of printable ASCII, most of every line, copied whole
      size_t end = i + 1;
      while (end < raw.size() && raw[end] >= 0x20 && raw[end] < 0x7f) ++end;
      size_t n = std::min(end - i, max_bytes - out.size());
      out.append(raw.data() + i, n);
      if (n < end - i) break;
      i = end;
      continue;
    }
    if (c < 0x80) {
      if (out.size() + 1 > max_bytes) break;
      out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
      ++i;
      continue;
    }
    size_t n = 0;
    char32_t cp = DecodeAt(raw, i, &n);     // U+FFFD for an invalid sequence
    if (cp >= 0x80 && cp < 0xA0) cp = ' ';  // C1 controls, CSI among them
    utf8proc_uint8_t buffer[4];
    utf8proc_ssize_t len = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buffer);
    if (out.size() + static_cast<size_t>(len) > max_bytes) break;
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(len));
    i += n;
  }
  return out;
}

}  // namespace backtalk
