// JsonValue reads every document as nlohmann::json reads it: the same values of the same
// types, objects sorted with the last of a repeated key, and the same syntax errors.
#include "knowledge/json_tree.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace backtalk {
namespace {

using nlohmann::json;

// Whether `value` holds what `expected` holds, types of numbers included.
::testing::AssertionResult Same(const JsonValue& value, const json& expected,
                                const std::string& at = "") {
  auto differ = [&](const std::string& what) {
    return ::testing::AssertionFailure() << (at.empty() ? "/" : at) << ": " << what;
  };
  if (value.type_name() != std::string(expected.type_name()))
    return differ(std::string(value.type_name()) + " for " + expected.type_name());
  if (value.is_number_unsigned() != expected.is_number_unsigned() ||
      value.is_number_float() != expected.is_number_float())
    return differ("another type of number");
  if (expected.is_boolean() && value.boolean() != expected.get<bool>()) return differ("boolean");
  if (expected.is_number_float() && value.number() != expected.get<double>())
    return differ("number");
  if (expected.is_number_integer() && value.integer() != expected.get<long long>())
    return differ("integer");
  if (expected.is_string() && value.string() != expected.get<std::string>())
    return differ("string");
  if (value.size() != expected.size()) return differ("size");
  if (expected.is_array()) {
    for (size_t i = 0; i < expected.size(); ++i) {
      auto same = Same(value[i], expected[i], at + "/" + std::to_string(i));
      if (!same) return same;
    }
  }
  if (expected.is_object()) {
    auto it = value.begin();
    for (auto e = expected.begin(); e != expected.end(); ++e, ++it) {
      if (it.key() != e.key()) return differ("key " + it.key() + " for " + e.key());
      auto same = Same(it.value(), e.value(), at + "/" + e.key());
      if (!same) return same;
      if (value.find(e.key()) != it) return differ("find " + e.key());
    }
    if (value.find("no such key") != value.end()) return differ("found a key not there");
  }
  return ::testing::AssertionSuccess();
}

// Both parse `text` alike, or both fail with the same exception at the same byte.
::testing::AssertionResult ReadsAsNlohmann(const std::string& text) {
  json expected;
  std::string expected_error;
  try {
    expected = json::parse(text);
  } catch (const json::exception& e) {
    expected_error = e.what();
  }
  try {
    JsonValue value = JsonValue::Parse(text);
    if (!expected_error.empty())
      return ::testing::AssertionFailure() << "parsed, nlohmann says " << expected_error;
    return Same(value, expected);
  } catch (const json::exception& e) {
    if (e.what() != expected_error)
      return ::testing::AssertionFailure() << e.what() << " for " << expected_error;
    return ::testing::AssertionSuccess();
  }
}

TEST(JsonTreeTest, ReadsObjectsSortedWithTheLastOfARepeatedKey) {
  JsonValue v = JsonValue::Parse(R"({"b": 1, "a": [true, null], "c": "x", "b": 2.5})");
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(v.size(), 3u);
  EXPECT_EQ(v.begin().key(), "a");
  EXPECT_TRUE(v.find("b")->is_number_float());
  EXPECT_EQ(v.find("b")->number(), 2.5);
  EXPECT_EQ(v.find("d"), v.end());
  EXPECT_TRUE(ReadsAsNlohmann(R"({"b": 1, "a": [true, null], "c": "x", "b": 2.5})"));
}

TEST(JsonTreeTest, ReadsNumbersAsNlohmann) {
  for (const char* text : {"0",
                           "-0",
                           "7",
                           "-7",
                           "18446744073709551615",
                           "18446744073709551616",
                           "-9223372036854775808",
                           "-9223372036854775809",
                           "1.5",
                           "-0.0",
                           "1e3",
                           "1E-3",
                           "2.5e+10",
                           "1e999",
                           "-1e999",
                           "01",
                           "1.",
                           ".5",
                           "-",
                           "1e",
                           "123456789012345678901234567890"})
    EXPECT_TRUE(ReadsAsNlohmann(text)) << text;
}

TEST(JsonTreeTest, ReadsStringsAsNlohmann) {
  for (const char* text : {R"("a\"b\\c\/d\be\ff\ng\rh\ti")",
                           R"("\u00e9\u2022\ud83d\ude00")",
                           R"("\ud83d")",
                           R"("\x")",
                           "\"caf\xc3\xa9 \xe2\x80\xa2\"",
                           "\"\xc3\"",
                           "\"\xed\xa0\x80\"",
                           "\"\xf4\x90\x80\x80\"",
                           "\"\xc0\xaf\"",
                           "\"a\tb\"",
                           "\"\x7f\"",
                           "\"open",
                           "\xef\xbb\xbf[1]",
                           "\xef\xbb[1]",
                           "\"\xe0\x80\x80\"",
                           "\"\xe0\xa0\x80\"",
                           "\"\xf0\x8f\xbf\xbf\"",
                           "\"\xf0\x90\x80\x80\"",
                           "\"\xf4\x8f\xbf\xbf\"",
                           "\"\xed\x9f\xbf\"",
                           "\"\xef\xbf\xbf\"",
                           "\"\xc2\x80\"",
                           "\"\xc1\xbf\"",
                           "\"\xf5\x80\x80\x80\"",
                           "\"\xe2\x80\"",
                           "\"\\\"",
                           "\"\\"})
    EXPECT_TRUE(ReadsAsNlohmann(text)) << text;
}

TEST(JsonTreeTest, ReportsSyntaxErrorsAsNlohmann) {
  for (const char* text : {"", "   ", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[1] [2]", "nul",
                           "truex", "{\"a\":1}}", "/* c */ 1", "[1,\n2,\n}", "{1:2}", "\"a\nb\""})
    EXPECT_TRUE(ReadsAsNlohmann(text)) << text;
}

// Random documents, and the same with a byte dropped, doubled or changed: every reading, or
// error, is nlohmann's.
std::string RandomJson(std::mt19937& rng, int depth) {
  static const char* kScalars[] = {"0",
                                   "-1",
                                   "42",
                                   "3.25",
                                   "-2e-3",
                                   "1e400",
                                   "true",
                                   "false",
                                   "null",
                                   "18446744073709551615",
                                   "\"\"",
                                   "\"x\\ny\"",
                                   "\"\\u00e9\"",
                                   "\"caf\xc3\xa9\"",
                                   "99999999999999999999"};
  static const char* kKeys[] = {"id", "question", "answer", "a", "b", "id"};
  static const char* kSpace[] = {"", " ", "\n", "\t", "\r\n  "};
  auto space = [&] { return std::string(kSpace[rng() % 5]); };
  int kind = depth > 3 ? 2 : static_cast<int>(rng() % 3);
  if (kind == 2) return kScalars[rng() % 15];
  std::string out = kind == 0 ? "[" : "{";
  int n = static_cast<int>(rng() % 5);
  for (int i = 0; i < n; ++i) {
    if (i > 0) out += "," + space();
    if (kind == 1) out += "\"" + std::string(kKeys[rng() % 6]) + "\"" + space() + ":";
    out += space() + RandomJson(rng, depth + 1) + space();
  }
  return out + (kind == 0 ? "]" : "}");
}

TEST(JsonTreeTest, ReadsRandomDocumentsAsNlohmann) {
  std::mt19937 rng(11);
  for (int i = 0; i < 20000; ++i) {
    std::string text = RandomJson(rng, 0);
    if (i % 2 == 1 && !text.empty()) {
      size_t at = rng() % text.size();
      static const char kBytes[] = "{}[]:,\"\\ 0-.eE9tfnu\x80\xc3";
      switch (rng() % 3) {
        case 0:
          text.erase(at, 1);
          break;
        case 1:
          text.insert(at, 1, text[at]);
          break;
        default:
          text[at] = kBytes[rng() % (sizeof kBytes - 1)];
      }
    }
    ASSERT_TRUE(ReadsAsNlohmann(text)) << text;
  }
}

}  // namespace
}  // namespace backtalk
