#include "knowledge/json_tree.h"

#include <algorithm>
#include <cassert>
#include <nlohmann/json.hpp>
#include <type_traits>
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
    Add()->value_ = value;
    return true;
  }
  bool number_integer(Json::number_integer_t value) {
    Add()->value_.emplace<JsonValue::kInteger>(value);
    return true;
  }
  bool number_unsigned(Json::number_unsigned_t value) {
    Add()->value_.emplace<JsonValue::kUnsigned>(value);
    return true;
  }
  bool number_float(Json::number_float_t value, const Json::string_t&) {
    Add()->value_.emplace<JsonValue::kFloat>(value);
    return true;
  }
  bool string(Json::string_t& value) {
    Add()->value_.emplace<JsonValue::kString>(
        std::move(value));  // the lexer's buffer, which it clears for the next token
    return true;
  }
  bool binary(Json::binary_t&) { return false; }  // JSON text holds none
  bool start_object(size_t) {
    JsonValue* v = Add();
    // Room for the few members of most objects at once, rather than growing by doubling.
    v->value_.emplace<JsonValue::kObject>().reserve(4);
    return Open(v);
  }
  bool key(Json::string_t& key) {
    Members(open_.back()).emplace_back().key = std::move(key);
    return true;
  }
  bool end_object() {
    // As std::map holds them: sorted by key, and of a key given twice the last value.
    std::vector<JsonValue::Member>& members = Members(open_.back());
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
    v->value_.emplace<JsonValue::kArray>();
    return Open(v);
  }
  bool end_array() {
    open_.pop_back();
    return true;
  }
  // `position` is the count of bytes read, the last of them the token's, `last_token`; a
  // syntax error is at its last byte, a number too large for a double at its first.
  template <class Exception>
  bool parse_error(size_t position, const std::string& last_token, const Exception& e) {
    bool whole_token = std::is_same_v<Exception, nlohmann::json::out_of_range>;
    size_t back = whole_token ? last_token.size() : 1;
    error_offset_ = position >= back ? position - back : 0;
    error_message_ = e.what();
    return false;
  }
  size_t error_offset() const { return error_offset_; }
  const std::string& error_message() const { return error_message_; }
  bool too_deep() const { return open_.size() == JsonValue::kMaxDepth; }

 private:
  // Stops the parse at a value nested too deep: the tree is freed recursively.
  bool Open(JsonValue* container) {
    if (too_deep()) return false;
    open_.push_back(container);
    return true;
  }
  // The new value: the root, the next element of the open array, or the value of the open
  // object's last key. The containers on open_ are each the last value of the one before, so
  // none of them grows, and moves, while a pointer to it is held.
  JsonValue* Add() {
    if (open_.empty()) return root_;
    JsonValue* parent = open_.back();
    if (auto* array = std::get_if<JsonValue::kArray>(&parent->value_))
      return &array->emplace_back();
    return &Members(parent).back().value;
  }
  static std::vector<JsonValue::Member>& Members(JsonValue* object) {
    return std::get<JsonValue::kObject>(object->value_);
  }

  JsonValue* root_;
  std::vector<JsonValue*> open_;
  size_t error_offset_ = 0;
  std::string error_message_;  // nlohmann's what()
};

namespace {

// nlohmann's message without its tag and position, which the caller reports itself:
// "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error while parsing
// object key - unexpected '}'; expected string literal" reads "unexpected '}'; expected string
// literal (in an object key)".
std::string SyntaxMessage(const std::string& what) {
  std::string message = what;
  if (message.rfind("[json.exception.", 0) == 0) {
    size_t tag_end = message.find("] ");
    size_t colon = message.find(": ");
    bool positioned = message.find("] parse error") == tag_end && colon != std::string::npos;
    message = message.substr(positioned ? colon + 2 : tag_end + 2);
  }
  const std::string prefix = "syntax error while parsing ";
  size_t dash = message.find(" - ");
  if (message.rfind(prefix, 0) == 0 && dash != std::string::npos)
    message = message.substr(dash + 3) + " (in " + (message[prefix.size()] == 'o' ? "an " : "a ") +
              message.substr(prefix.size(), dash - prefix.size()) + ")";
  return message;
}

// The offset of the bracket that opens a value nested deeper than JsonValue::kMaxDepth, in
// `text` that is valid JSON up to there.
size_t TooDeepAt(std::string_view text) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      in_string = c != '"';
    } else if (c == '"') {
      in_string = true;
    } else if ((c == '[' || c == '{') && ++depth > JsonValue::kMaxDepth) {
      return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return text.size();
}

}  // namespace

bool JsonValue::Parse(std::string_view text, const std::string& name, JsonValue* out,
                      SourceError* err) {
  JsonValue root;
  JsonTreeBuilder builder(&root);
  if (nlohmann::json::sax_parse(text.begin(), text.end(), &builder)) {
    *out = std::move(root);
    return true;
  }
  if (builder.too_deep()) {
    *err = ErrorAt(name, text, TooDeepAt(text),
                   "nested deeper than " + std::to_string(kMaxDepth) + " arrays and objects");
  } else {
    *err = ErrorAt(name, text, builder.error_offset(), SyntaxMessage(builder.error_message()));
  }
  return false;
}

const char* JsonValue::type_name() const {
  static const char* const kNames[] = {"null",   "boolean", "number", "number",
                                       "number", "string",  "array",  "object"};
  return kNames[value_.index()];
}

bool JsonValue::boolean() const {
  const bool* b = std::get_if<kBoolean>(&value_);
  return b != nullptr && *b;
}

template <class T>
T JsonValue::NumberAs() const {
  switch (value_.index()) {
    case kInteger:
      return static_cast<T>(std::get<kInteger>(value_));
    case kUnsigned:
      return static_cast<T>(std::get<kUnsigned>(value_));
    case kFloat:
      return static_cast<T>(std::get<kFloat>(value_));
    default:
      return 0;
  }
}

long long JsonValue::integer() const { return NumberAs<long long>(); }
double JsonValue::number() const { return NumberAs<double>(); }

const std::string& JsonValue::string() const {
  static const std::string kEmpty;
  const std::string* s = std::get_if<kString>(&value_);
  return s != nullptr ? *s : kEmpty;
}

size_t JsonValue::size() const {
  if (const auto* array = std::get_if<kArray>(&value_)) return array->size();
  if (const auto* object = std::get_if<kObject>(&value_)) return object->size();
  return is_null() ? 0 : 1;  // as nlohmann counts
}

const JsonValue& JsonValue::operator[](size_t index) const {
  assert(is_array() && index < size());
  return std::get<kArray>(value_)[index];
}

JsonValue::Iterator JsonValue::begin() const {
  const auto* object = std::get_if<kObject>(&value_);
  return Iterator(object == nullptr ? nullptr : object->data());
}

JsonValue::Iterator JsonValue::end() const {
  const auto* object = std::get_if<kObject>(&value_);
  return Iterator(object == nullptr ? nullptr : object->data() + object->size());
}

JsonValue::Iterator JsonValue::find(std::string_view key) const {
  const auto* object = std::get_if<kObject>(&value_);
  if (object == nullptr) return end();
  auto it = std::lower_bound(object->begin(), object->end(), key,
                             [](const Member& m, std::string_view k) { return m.key < k; });
  if (it == object->end() || it->key != key) return end();
  return Iterator(&*it);
}

}  // namespace backtalk
