// Replies as text: the order of notice and answer, numbered suggestions, and wrapping to the
// terminal's width.
#include "dialog/reply_text.h"

#include <gtest/gtest.h>

namespace backtalk::testing {
namespace {

TEST(WrapTextTest, ShortLinesStayAsTheyAre) {
  EXPECT_EQ(WrapText("one two\n\nthree\n", 20), "one two\n\nthree\n");
  EXPECT_EQ(WrapText("one two three", 0), "one two three");
}

TEST(WrapTextTest, LongLinesBreakAtSpacesUnderTheirIndent) {
  EXPECT_EQ(WrapText("aaa bbb ccc ddd\n", 8), "aaa bbb\nccc ddd\n");
  EXPECT_EQ(WrapText("  hold 15-30 s. Breathe out as you twist.", 20),
            "  hold 15-30 s.\n  Breathe out as you\n  twist.");
  EXPECT_EQ(WrapText("• Lie on your stomach, body long.", 16),
            "• Lie on your\n  stomach, body\n  long.");
}

TEST(WrapTextTest, ColourCodesAndUtf8TakeNoExtraRoom) {
  EXPECT_EQ(WrapText("\033[1mspine’s\033[0m twist", 13), "\033[1mspine’s\033[0m twist");
  EXPECT_EQ(WrapText("averyveryverylongword x", 5), "averyveryverylongword\nx");
}

TEST(FormatReplyTest, NoticeFirstAndNumberedSuggestions) {
  Intent a{.id = "a", .question = "A?", .answer = "Answer A."};
  Intent b{.id = "b", .question = "B?", .answer = "Answer B."};
  Reply r;
  r.match.verdict = Verdict::kAmbiguous;
  r.suggestions = {&a, &b};
  EXPECT_EQ(FormatReply(r, Style{}, /*numbered=*/true),
            "I'm not sure which you mean. Did you mean:\n  1. A?\n  2. B?\n");
  SafetySign sign{.id = "fever", .notice = "See a doctor soon."};
  r.safety = {&sign};
  r.intent = &a;
  EXPECT_EQ(FormatReply(r, Style{}), "See a doctor first. See a doctor soon.\n\nA?\nAnswer A.\n");
}

TEST(FormatReplyTest, AThingTheDocumentNeverMentionsIsNamed) {
  Intent a{.id = "a", .question = "A?", .answer = "Answer A."};
  Reply r;
  r.match.verdict = Verdict::kAmbiguous;
  r.match.off_topic = true;
  r.match.asked_about = "mattress";
  r.suggestions = {&a};
  EXPECT_EQ(FormatReply(r, Style{}, /*numbered=*/true),
            "I don't know that: the document never mentions \"mattress\".\n"
            "Closest topics:\n  1. A?\n");
}

}  // namespace
}  // namespace backtalk::testing
