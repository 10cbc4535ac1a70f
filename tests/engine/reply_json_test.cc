// JsonLine writes exactly the bytes of nlohmann's dump (with invalid UTF-8 replaced), faster.
#include "engine/reply_json.h"

#include <gtest/gtest.h>

#include <string>

namespace backtalk {
namespace {

using Json = nlohmann::ordered_json;

std::string Reference(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

TEST(ReplyJsonTest, JsonLineMatchesNlohmannOnEveryKindOfValue) {
  Json j;
  j["input"] = "why is my \"mid\" back\\tight?\n\t\b\f\r\x01\x1f\x7f end";
  j["matched"] = true;
  j["intent"] = nullptr;
  j["score"] = 0.857;
  j["whole"] = 3;
  j["negative"] = -2.5;
  j["suggestions"] =
      Json::array({"How do you stretch?", "Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80"});
  j["empty"] = Json::array();
  j["nested"] = Json::object({{"a", false}, {"b", Json::array({1, nullptr})}});
  EXPECT_EQ(JsonLine(j), Reference(j));
}

TEST(ReplyJsonTest, InvalidUtf8IsReplacedAsNlohmannDoes) {
  for (std::string bad : {"\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                          "\xe2\x82", "ok \xf0\x9f\x98"}) {
    Json j = Json::array({bad, "fine"});
    EXPECT_EQ(JsonLine(j), Reference(j)) << bad;
  }
}

}  // namespace
}  // namespace backtalk
