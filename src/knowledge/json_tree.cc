#include "knowledge/json_tree.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

namespace backtalk {

// nlohmann's SAX events, building a JsonValue as its own DOM parser builds a json.
class JsonTreeBuilder {
 public:
  using Json = nlohmann::json;

  explicit JsonTreeBuilder(JsonValue* root) : root_(root) {}

  bool null() {
    Add();
    return true;
  }
  bool boolean(bool value) {
    JsonValue* v = Add();
    v->type_ = JsonValue::Type::kBoolean;
    v->boolean_ = value;
    return true;
  }
  bool number_integer(Json::number_integer_t value) {
    JsonValue* v = Add();
    v->type_ = JsonValue::Type::kInteger;
    v->integer_ = value;
    return true;
  }
  bool number_unsigned(Json::number_unsigned_t value) {
    JsonValue* v = Add();
    v->type_ = JsonValue::Type::kUnsigned;
    v->unsigned_ = value;
    return true;
  }
  bool number_float(Json::number_float_t value, const Json::string_t&) {
    JsonValue* v = Add();
    v->type_ = JsonValue::Type::kFloat;
    v->float_ = value;
    return true;
  }
  bool string(Json::string_t& value) {
    JsonValue* v = Add();
    v->type_ = JsonValue::Type::kString;
    v->string_ = std::move(value);  // the lexer's buffer, which it clears for the next token
    return true;
  }
  bool binary(Json::binary_t&) { return false; }  // JSON text holds none
  bool start_object(size_t) {
    JsonValue* v = Add();
    v->type_ = JsonValue::Type::kObject;
    open_.push_back(v);
    return true;
  }
  bool key(Json::string_t& key) {
    open_.back()->object_.emplace_back().key = std::move(key);
    return true;
  }
  bool end_object() {
    // As std::map holds them: sorted by key, and of a key given twice the last value.
    std::vector<JsonValue::Member>& members = open_.back()->object_;
    for (size_t i = 1; i < members.size(); ++i) {  // insertion sort: a few, no allocation
      for (size_t j = i; j > 0 && members[j].key < members[j - 1].key; --j)
        std::swap(members[j], members[j - 1]);
    }
    auto last = std::unique(
        members.rbegin(), members.rend(),
        [](const JsonValue::Member& a, const JsonValue::Member& b) { return a.key == b.key; });
    members.erase(members.begin(), last.base());
    open_.pop_back();
    return true;
  }
  bool start_array(size_t) {
    JsonValue* v = Add();
    v->type_ = JsonValue::Type::kArray;
    open_.push_back(v);
    return true;
  }
  bool end_array() {
    open_.pop_back();
    return true;
  }
  // The exception the DOM parser would throw, of its own type (parse_error or out_of_range).
  template <class Exception>
  bool parse_error(size_t, const std::string&, const Exception& e) {
    throw e;
  }

 private:
  // The new value: the root, the next element of the open array, or the value of the open
  // object's last key. The containers on open_ are each the last value of the one before, so
  // none of them grows, and moves, while a pointer to it is held.
  JsonValue* Add() {
    if (open_.empty()) return root_;
    JsonValue* parent = open_.back();
    if (parent->type_ == JsonValue::Type::kArray) return &parent->array_.emplace_back();
    return &parent->object_.back().value;
  }

  JsonValue* root_;
  std::vector<JsonValue*> open_;
};

JsonValue JsonValue::Parse(std::string_view text) {
  JsonValue root;
  JsonTreeBuilder builder(&root);
  nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  return root;
}

const char* JsonValue::type_name() const {
  switch (type_) {
    case Type::kNull:
      return "null";
    case Type::kBoolean:
      return "boolean";
    case Type::kInteger:
    case Type::kUnsigned:
    case Type::kFloat:
      return "number";
    case Type::kString:
      return "string";
    case Type::kArray:
      return "array";
    case Type::kObject:
      return "object";
  }
  return "null";
}

long long JsonValue::integer() const {
  switch (type_) {
    case Type::kInteger:
      return integer_;
    case Type::kUnsigned:
      return static_cast<long long>(unsigned_);
    case Type::kFloat:
      return static_cast<long long>(float_);
    default:
      return 0;
  }
}

double JsonValue::number() const {
  switch (type_) {
    case Type::kInteger:
      return static_cast<double>(integer_);
    case Type::kUnsigned:
      return static_cast<double>(unsigned_);
    case Type::kFloat:
      return float_;
    default:
      return 0;
  }
}

size_t JsonValue::size() const {
  if (type_ == Type::kArray) return array_.size();
  if (type_ == Type::kObject) return object_.size();
  return type_ == Type::kNull ? 0 : 1;  // as nlohmann counts
}

JsonValue::Iterator JsonValue::begin() const { return Iterator(object_.data()); }
JsonValue::Iterator JsonValue::end() const { return Iterator(object_.data() + object_.size()); }

JsonValue::Iterator JsonValue::find(std::string_view key) const {
  auto it = std::lower_bound(object_.begin(), object_.end(), key,
                             [](const Member& m, std::string_view k) { return m.key < k; });
  if (it == object_.end() || it->key != key) return end();
  return Iterator(&*it);
}

}  // namespace backtalk
