// SourceError: one value for every error about a file, printed as a compiler prints one.
#include "util/source_error.h"

#include <gtest/gtest.h>

namespace backtalk {
namespace {

TEST(SourceErrorTest, FormatsEachKindOfPlace) {
  EXPECT_EQ(FormatError({"kb.json", 3, 5, "", "unexpected '}'"}), "kb.json:3:5: unexpected '}'");
  EXPECT_EQ(FormatError({"faq.csv", 7, 0, "", "a column is missing"}),
            "faq.csv:7: a column is missing");
  EXPECT_EQ(FormatError({"kb.json", 0, 0, "/intents/0/id", "must not be empty"}),
            "kb.json: /intents/0/id: must not be empty");
  EXPECT_EQ(FormatError({"kb.json", 0, 0, "", "is empty"}), "kb.json: is empty");
}

TEST(SourceErrorTest, PlacesAByteOffsetInLinesAndCharacters) {
  std::string_view text = "{\n  \"caf\xc3\xa9\": x\n}";
  SourceError e = ErrorAt("kb.json", text, text.find('x'), "unexpected 'x'");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 11);  // é is two bytes and one character
  EXPECT_EQ(ErrorAt("f", text, 0, "m").column, 1);
  EXPECT_EQ(ErrorAt("f", text, 1, "m").line, 1);  // the newline belongs to line 1
  EXPECT_EQ(ErrorAt("f", text, 2, "m").line, 2);
  EXPECT_EQ(ErrorAt("f", text, 999, "m").line, 3);  // past the end: its end
  EXPECT_EQ(ErrorAt("f", text, 999, "m").column, 2);
}

TEST(SourceErrorTest, ShowsTheLineWithACaretWhenTheTextIsGiven) {
  std::string_view text = "{\n  \"caf\xc3\xa9\": x\n}";
  EXPECT_EQ(FormatError(ErrorAt("kb.json", text, text.find('x'), "unexpected 'x'"), text),
            "kb.json:2:11: unexpected 'x'\n"
            "  \"caf\xc3\xa9\": x\n"
            "          ^");
  // Control characters of the line are shown as spaces; no caret without a column.
  EXPECT_EQ(FormatError({"f", 1, 2, "", "m"}, "a\tb"), "f:1:2: m\na b\n ^");
  EXPECT_EQ(FormatError({"f", 1, 0, "", "m"}, "a\tb"), "f:1: m");
}

TEST(SourceErrorTest, FormatsSeveralOnePerLine) {
  EXPECT_EQ(FormatErrors({{"kb.json", 0, 0, "/", "a"}, {"kb.json", 0, 0, "/b", "c"}}),
            "kb.json: /: a\nkb.json: /b: c");
  EXPECT_EQ(FormatErrors({}), "");
}

}  // namespace
}  // namespace backtalk
