// JsonValue reads every document as nlohmann::json reads it: the same values of the same
// types, objects sorted with the last of a repeated key, and the same syntax errors, placed by
// line and column.
#include "knowledge/json_tree.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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

JsonValue Parse(std::string_view text) {
  JsonValue value;
  SourceError err;
  EXPECT_TRUE(JsonValue::Parse(text, "t.json", &value, &err)) << FormatError(err);
  return value;
}

// Both parse `text` alike, or both fail; nlohmann's syntax errors at the same byte.
::testing::AssertionResult ReadsAsNlohmann(const std::string& text) {
  json expected;
  std::string expected_error;
  size_t expected_byte = 0;
  try {
    expected = json::parse(text);
  } catch (const json::parse_error& e) {
    expected_error = e.what();
    expected_byte = e.byte;
  } catch (const json::exception& e) {
    expected_error = e.what();
  }
  JsonValue value;
  SourceError err;
  bool parsed = JsonValue::Parse(text, "t.json", &value, &err);
  if (parsed && !expected_error.empty())
    return ::testing::AssertionFailure() << "parsed, nlohmann says " << expected_error;
  if (parsed) return Same(value, expected);
  if (expected_error.empty()) return ::testing::AssertionFailure() << FormatError(err);
  SourceError at = ErrorAt("t.json", text, expected_byte == 0 ? 0 : expected_byte - 1, "");
  if (expected_byte > 0 && (err.line != at.line || err.column != at.column))
    return ::testing::AssertionFailure() << FormatError(err) << " at " << at.line << ":"
                                         << at.column << " for " << expected_error;
  return ::testing::AssertionSuccess();
}

TEST(JsonTreeTest, ReadsObjectsSortedWithTheLastOfARepeatedKey) {
  JsonValue v = Parse(R"({"b": 1, "a": [true, null], "c": "x", "b": 2.5})");
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

TEST(JsonTreeTest, PlacesSyntaxErrorsAndTrimsTheirMessage) {
  JsonValue value;
  SourceError err;
  ASSERT_FALSE(JsonValue::Parse("{\n  \"a\": 1,\n}", "kb.json", &value, &err));
  EXPECT_EQ(FormatError(err),
            "kb.json:3:1: unexpected '}'; expected string literal (in an object key)");
  // A number too large for a double: at its first character.
  ASSERT_FALSE(JsonValue::Parse("[1,\n  1e999]", "kb.json", &value, &err));
  EXPECT_EQ(FormatError(err), "kb.json:2:3: number overflow parsing '1e999'");
}

TEST(JsonTreeTest, RefusesNestingDeeperThanTheLimit) {
  JsonValue value;
  SourceError err;
  std::string deep =
      std::string(JsonValue::kMaxDepth, '[') + std::string(JsonValue::kMaxDepth, ']');
  EXPECT_TRUE(JsonValue::Parse(deep, "kb.json", &value, &err)) << FormatError(err);
  // The 256th '[' opens level 257; brackets in a string do not count.
  deep = "{\"a\": \"[{\\\"\", \"b\": " + std::string(100000, '[');
  ASSERT_FALSE(JsonValue::Parse(deep, "kb.json", &value, &err));
  EXPECT_EQ(FormatError(err), "kb.json:1:" + std::to_string(19 + JsonValue::kMaxDepth) +
                                  ": nested deeper than 256 arrays and objects");
}

}  // namespace
}  // namespace backtalk
