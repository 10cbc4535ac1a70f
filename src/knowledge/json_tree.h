// A JSON document as the knowledge loader reads it: parsed by nlohmann's SAX parser, so syntax
// errors are nlohmann's with their byte positions, but built into a lighter tree than
// nlohmann's: an object is one vector of members, not a map of nodes. Building and freeing it
// costs a fraction of nlohmann::json for a knowledge of thousands of intents.
//
// An object reads as nlohmann::json (with std::map) reads: members sorted by key, and of a key
// given twice, the last value.
#ifndef BACKTALK_KNOWLEDGE_JSON_TREE_H_
#define BACKTALK_KNOWLEDGE_JSON_TREE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "util/source_error.h"

namespace backtalk {

class JsonValue {
 public:
  struct Member;

  // Over an object's members: key() and value(), and * or -> for the value, as for nlohmann's
  // object iterators.
  class Iterator {
   public:
    explicit Iterator(const Member* at) : at_(at) {}
    const std::string& key() const;
    const JsonValue& value() const;
    const JsonValue& operator*() const { return value(); }
    const JsonValue* operator->() const { return &value(); }
    Iterator& operator++();
    bool operator==(const Iterator& other) const { return at_ == other.at_; }
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    const Member* at_;
  };

  // Values nest at most this deep: a deeper one is an error (a tree is freed recursively).
  static constexpr size_t kMaxDepth = 256;

  // Parses `text` as nlohmann::json::parse does. On a syntax error, a number too large for a
  // double or nesting deeper than kMaxDepth, returns false with *err at its place in `text`, in
  // the file `name`.
  static bool Parse(std::string_view text, const std::string& name, JsonValue* out,
                    SourceError* err);

  bool is_null() const { return value_.index() == kNull; }
  bool is_boolean() const { return value_.index() == kBoolean; }
  bool is_number() const { return is_number_integer() || is_number_float(); }
  bool is_number_integer() const {
    return value_.index() == kInteger || value_.index() == kUnsigned;
  }
  bool is_number_unsigned() const { return value_.index() == kUnsigned; }
  bool is_number_float() const { return value_.index() == kFloat; }
  bool is_string() const { return value_.index() == kString; }
  bool is_array() const { return value_.index() == kArray; }
  bool is_object() const { return value_.index() == kObject; }
  // nlohmann's names: "null", "boolean", "number", "string", "array", "object".
  const char* type_name() const;

  // The value as that type (false, 0 or "" for another); as nlohmann's get<>, a number
  // converts to the other number types.
  bool boolean() const;
  long long integer() const;
  double number() const;
  const std::string& string() const;

  // An array's length or an object's number of members; as nlohmann's, 0 for null and 1 for
  // any other value.
  size_t size() const;
  bool empty() const { return size() == 0; }
  // REQUIRES: is_array() and index < size().
  const JsonValue& operator[](size_t index) const;

  Iterator begin() const;
  Iterator end() const;
  // The member named `key`, or end().
  Iterator find(std::string_view key) const;

 private:
  friend class JsonTreeBuilder;
  // The number converted to T as by a static_cast, or 0 for another value.
  template <class T>
  T NumberAs() const;
  // The alternatives of value_, in order.
  enum Type : size_t { kNull, kBoolean, kInteger, kUnsigned, kFloat, kString, kArray, kObject };

  std::variant<std::monostate, bool, int64_t, uint64_t, double, std::string, std::vector<JsonValue>,
               std::vector<Member>>
      value_;  // an object's members sorted by key, no key twice
};

struct JsonValue::Member {
  std::string key;
  JsonValue value;
};

inline const std::string& JsonValue::Iterator::key() const { return at_->key; }
inline const JsonValue& JsonValue::Iterator::value() const { return at_->value; }
inline JsonValue::Iterator& JsonValue::Iterator::operator++() {
  ++at_;
  return *this;
}

}  // namespace backtalk

#endif  // BACKTALK_KNOWLEDGE_JSON_TREE_H_
