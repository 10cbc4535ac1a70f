// Cleaning arbitrary bytes into safe text.
#include "util/utf8.h"

#include <gtest/gtest.h>

namespace backtalk {
namespace {

TEST(Utf8Test, KeepsValidText) { EXPECT_EQ(CleanText("mid-back “tight” ✓"), "mid-back “tight” ✓"); }

TEST(Utf8Test, ReplacesInvalidBytes) {
  EXPECT_EQ(CleanText("tight\xff\xfe back \xc3"),
            "tight\xEF\xBF\xBD\xEF\xBF\xBD back \xEF\xBF\xBD");
}

TEST(Utf8Test, TurnsControlCharactersIntoSpaces) {
  EXPECT_EQ(CleanText("\x1b[31mred\x1b[0m\a\b\r\t\x7f"), " [31mred [0m     ");
  EXPECT_EQ(CleanText(std::string("a\0b", 3)), "a b");
  EXPECT_EQ(CleanText("\xc2\x9b"
                      "31m"),
            " 31m");  // C1 CSI
}

TEST(Utf8Test, CountsCharactersWithEachBadByteAsOne) {
  EXPECT_EQ(CountCharacters(""), 0u);
  EXPECT_EQ(CountCharacters("mid-back"), 8u);
  EXPECT_EQ(CountCharacters("caf\xc3\xa9 \xe2\x80\xa2"), 6u);
  EXPECT_EQ(CountCharacters("a\xff\xfe\xc3"), 4u);
}

TEST(Utf8Test, DecodesOneCharacterAtATime) {
  size_t n = 0;
  EXPECT_EQ(DecodeAt("a\xc3\xa9", 0, &n), U'a');
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(DecodeAt("a\xc3\xa9", 1, &n), U'\u00e9');
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(DecodeAt("\xe2\x80", 0, &n), U'\ufffd');  // cut short: one byte
  EXPECT_EQ(n, 1u);
}

TEST(Utf8Test, FindsTheFirstInvalidSequence) {
  EXPECT_EQ(FindInvalidUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("caf\xc3"), 3u);               // cut short
  EXPECT_EQ(FindInvalidUtf8("ab\xc0\xaf"), 2u);            // overlong
  EXPECT_EQ(FindInvalidUtf8("\xc3\xa9\xed\xa0\x80"), 2u);  // a surrogate
}

TEST(Utf8Test, TruncatesAtACharacterBoundary) {
  EXPECT_EQ(CleanText("ab€", 4), "ab");  // € is three bytes
  EXPECT_EQ(CleanText("abcdef", 4), "abcd");
  EXPECT_EQ(CleanText(std::string("ab\x01") + "cdef", 4), "ab c");
  EXPECT_EQ(CleanText("abcd", 4), "abcd");
  EXPECT_EQ(CleanText("€abc", 4), "€a");
}

}  // namespace
}  // namespace backtalk
