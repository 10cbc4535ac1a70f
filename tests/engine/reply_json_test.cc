// ReplyJsonLine writes exactly the bytes of nlohmann's dump of ReplyJson (invalid UTF-8
// replaced), for every kind of reply: answered, suggestions, warning signs, small talk, a
// conversation's own text, a sequence started, and inputs that need escaping.
#include "engine/reply_json.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "support/builtin.h"
#include "support/reply_json.h"

namespace backtalk {
namespace {

using Json = nlohmann::ordered_json;
using testing::BuiltinEngine;
using testing::ReplyJson;

std::string Reference(const Reply& reply, std::string_view text = {},
                      const Sequence* started = nullptr) {
  return ReplyJson(reply, text, started).dump(-1, ' ', false, Json::error_handler_t::replace) +
         "\n";
}

TEST(ReplyJsonTest, EveryKindOfReplyIsWrittenAsNlohmannWould) {
  for (const char* question :
       {"how do I strech my middle back", "why is my mid back tight?", "stretch", "hello",
        "thanks!", "my chest hurts and my arm is numb", "why does my lower back hurt", "",
        "how long should I hold each stretch", "zzz qqq", "I fell off my bike, is that why?"}) {
    Reply reply = BuiltinEngine().Ask(question);
    EXPECT_EQ(ReplyJsonLine(reply), Reference(reply)) << question;
  }
}

TEST(ReplyJsonTest, TheConversationsTextAndAStartedSequence) {
  Reply reply{.input = "yes"};
  EXPECT_EQ(ReplyJsonLine(reply, "OK.\nNext line"), Reference(reply, "OK.\nNext line"));
  for (const Sequence& s : BuiltinEngine().knowledge().sequences) {
    reply.sequence = &s;
    EXPECT_EQ(ReplyJsonLine(reply, "Starting.", &s), Reference(reply, "Starting.", &s)) << s.id;
  }
}

TEST(ReplyJsonTest, ScoresAreWrittenAsNlohmannWritesNumbers) {
  for (double score : {0.0, 1.0, 0.5, 0.857, 0.001, 0.999, 0.6666666, 0.1 + 0.2, 0.0004}) {
    Reply reply{.input = "x", .score = score};
    EXPECT_EQ(ReplyJsonLine(reply), Reference(reply)) << score;
  }
}

TEST(ReplyJsonTest, InputsThatNeedEscapingOrReplacing) {
  for (std::string input :
       {std::string("why is my \"mid\" back\\tight?\n\t\b\f\r\x01\x1f\x7f end"),
        std::string("Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80"), std::string("nul \0 in", 8),
        std::string("\xff"), std::string("a\xc3"), std::string("\xc0\xaf"),
        std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"), std::string("\xe2\x82"),
        std::string("ok \xf0\x9f\x98")}) {
    Reply reply{.input = input};
    EXPECT_EQ(ReplyJsonLine(reply), Reference(reply)) << input;
    EXPECT_EQ(ReplyJsonLine(reply, input), Reference(reply, input)) << input;
  }
}

// Plain runs are scanned eight bytes at a time: every byte that needs attention must be seen
// wherever it falls in a block.
TEST(ReplyJsonTest, RandomTextIsWrittenAsNlohmannWould) {
  std::mt19937 random(11);
  const std::string bytes = "ab \"\\\x01\x1f\x7f\n\t/ \xc3\xa9\xe2\x80\x94\xff";
  for (int n = 0; n < 20000; ++n) {
    std::string input;
    size_t length = random() % 40;
    for (size_t i = 0; i < length; ++i) input += bytes[random() % bytes.size()];
    Reply reply{.input = input};
    ASSERT_EQ(ReplyJsonLine(reply), Reference(reply)) << input;
  }
}

TEST(ReplyJsonTest, TheLineIsOneLine) {
  std::string line = ReplyJsonLine(BuiltinEngine().Ask("why is my mid back tight?\nand sore"));
  EXPECT_EQ(line.find('\n'), line.size() - 1);
}

}  // namespace
}  // namespace backtalk
