// The API's request reader: the fields it needs, with a message for each way a body is wrong.
#include "server/request.h"

#include <gtest/gtest.h>

namespace backtalk::testing {
namespace {

std::string AskError(const std::string& body) {
  AskRequest r;
  std::string err;
  return ParseAskRequest(body, &r, &err) ? "" : err;
}

std::string ChatError(const std::string& body) {
  ChatRequest r;
  std::string err;
  return ParseChatRequest(body, &r, &err) ? "" : err;
}

TEST(RequestTest, ReadsTheFields) {
  AskRequest ask;
  std::string err;
  ASSERT_TRUE(ParseAskRequest(R"({"question": "why \"tight\"?\u2019", "lang": "en"})", &ask, &err));
  EXPECT_EQ(ask.question, "why \"tight\"?\u2019");
  ChatRequest chat;
  ASSERT_TRUE(ParseChatRequest(R"({"line": "yes", "state": "AVFq"})", &chat, &err));
  EXPECT_EQ(chat.line, "yes");
  EXPECT_EQ(chat.state, "AVFq");
  ASSERT_TRUE(ParseChatRequest(R"({"line": "", "state": null})", &chat, &err));
  EXPECT_EQ(chat.state, "");
  ChatRequest fresh;
  ASSERT_TRUE(ParseChatRequest(R"( {"line": "hi"} )", &fresh, &err));
  EXPECT_EQ(fresh.state, "");
}

TEST(RequestTest, EachWrongBodyHasItsMessage) {
  EXPECT_EQ(AskError(""),
            "malformed JSON: body:1:1: unexpected end of input; expected '[', '{', or a literal "
            "(in a value)");
  EXPECT_EQ(AskError("{\"question\": \"a\""),
            "malformed JSON: body:1:17: unexpected end of input; expected '}' (in an object)");
  EXPECT_EQ(AskError("{} {}"),
            "malformed JSON: body:1:4: unexpected '{'; expected end of input (in a value)");
  EXPECT_EQ(AskError("{\n\"question\": \"\u00e9\",\n}"),
            "malformed JSON: body:3:1: unexpected '}'; expected string literal (in an object key)");
  EXPECT_EQ(AskError("\"why\""), "the body must be a JSON object");
  EXPECT_EQ(AskError("null"), "the body must be a JSON object");
  EXPECT_EQ(AskError("{\"Question\": \"a\"}"), "missing field \"question\" (a string)");
  EXPECT_EQ(AskError("{\"question\": null}"), "field \"question\" must be a string");
  EXPECT_EQ(AskError("{\"question\": [\"a\"]}"), "field \"question\" must be a string");
  EXPECT_EQ(AskError("{\"question\": \"\xC3\"}").rfind("malformed JSON: body:1:", 0), 0u);
  EXPECT_EQ(ChatError("{\"state\": \"x\"}"), "missing field \"line\" (a string)");
  EXPECT_EQ(ChatError("{\"line\": \"a\", \"state\": {}}"), "field \"state\" must be a string");
  EXPECT_EQ(ChatError("{\"line\": 1}"), "field \"line\" must be a string");
}

TEST(RequestTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "{\"line\": \"a\", \"x\": " + std::string(100000, '[') + "}";
  EXPECT_EQ(ChatError(deep).rfind("malformed JSON: body:1:", 0), 0u);
}

}  // namespace
}  // namespace backtalk::testing
