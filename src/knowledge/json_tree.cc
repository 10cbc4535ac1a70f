#include "knowledge/json_tree.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <system_error>
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
    open_.push_back(v);
    return true;
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
    if (auto* array = std::get_if<JsonValue::kArray>(&parent->value_))
      return &array->emplace_back();
    return &Members(parent).back().value;
  }
  static std::vector<JsonValue::Member>& Members(JsonValue* object) {
    return std::get<JsonValue::kObject>(object->value_);
  }

  JsonValue* root_;
  std::vector<JsonValue*> open_;
};

namespace {

// A reader of plain JSON, several times faster than nlohmann's lexer, which keeps every byte of
// a token for its messages. It reads what knowledge files are made of and gives up on
// anything else: an error, a \u escape, a byte-order mark, a number it cannot convert exactly
// as nlohmann does, nesting over 256 deep. Then nlohmann's parser reads the text instead, and
// finds the error or the value. What it accepts, nlohmann accepts as the same values.
class PlainJsonReader {
 public:
  PlainJsonReader(std::string_view text, JsonTreeBuilder* out) : text_(text), out_(out) {}

  // False when it gave up.
  bool Read() {
    if (!Value(0)) return false;
    SkipSpace();
    return at_ == text_.size();
  }

 private:
  static constexpr int kMaxDepth = 256;

  void SkipSpace() {
    while (at_ < text_.size()) {
      char c = text_[at_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      ++at_;
    }
  }
  bool Next(char c) {
    SkipSpace();
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  bool Literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  bool Value(int depth) {
    SkipSpace();
    if (at_ == text_.size() || depth > kMaxDepth) return false;
    switch (text_[at_]) {
      case '{': {
        ++at_;
        out_->start_object(0);
        if (Next('}')) return out_->end_object();
        do {
          if (!Next('"') || !String(&buffer_)) return false;
          out_->key(buffer_);
          if (!Next(':') || !Value(depth + 1)) return false;
        } while (Next(','));
        return Next('}') && out_->end_object();
      }
      case '[': {
        ++at_;
        out_->start_array(0);
        if (Next(']')) return out_->end_array();
        do {
          if (!Value(depth + 1)) return false;
        } while (Next(','));
        return Next(']') && out_->end_array();
      }
      case '"':
        ++at_;
        return String(&buffer_) && out_->string(buffer_);
      case 't':
        return Literal("true") && out_->boolean(true);
      case 'f':
        return Literal("false") && out_->boolean(false);
      case 'n':
        return Literal("null") && out_->null();
      default:
        return Number();
    }
  }

  // After the opening quote; leaves the text in *out and the position after the closing one.
  bool String(std::string* out) {
    out->clear();
    size_t run = at_;  // start of the bytes not yet copied
    while (at_ < text_.size()) {
      if (at_ + 8 <= text_.size() && PlainBytes(text_.data() + at_)) {
        at_ += 8;
        continue;
      }
      unsigned char c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') {
        out->append(text_.substr(run, at_ - run));
        ++at_;
        return true;
      }
      if (c < 0x20) return false;
      if (c < 0x80 && c != '\\') {
        ++at_;
        continue;
      }
      if (c >= 0x80) {
        size_t n = Utf8Length(text_.substr(at_));
        if (n == 0) return false;
        at_ += n;
        continue;
      }
      out->append(text_.substr(run, at_ - run));  // an escape
      if (++at_ == text_.size()) return false;
      switch (text_[at_]) {
        case '"':
          *out += '"';
          break;
        case '\\':
          *out += '\\';
          break;
        case '/':
          *out += '/';
          break;
        case 'b':
          *out += '\b';
          break;
        case 'f':
          *out += '\f';
          break;
        case 'n':
          *out += '\n';
          break;
        case 'r':
          *out += '\r';
          break;
        case 't':
          *out += '\t';
          break;
        default:
          return false;  // \u and errors: nlohmann's
      }
      run = ++at_;
    }
    return false;
  }

  // Whether the 8 bytes at `p` are all printable ASCII other than '"' and '\\': nothing for a
  // string to stop at. Tested together, with the bit tricks for a zero byte and a byte below n.
  static bool PlainBytes(const char* p) {
    constexpr uint64_t kOnes = 0x0101010101010101u;
    constexpr uint64_t kHighs = 0x8080808080808080u;
    uint64_t w;
    std::memcpy(&w, p, 8);
    auto has_zero = [&](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
    uint64_t below_space = (w - kOnes * 0x20) & ~w & kHighs;
    return ((w & kHighs) | below_space | has_zero(w ^ (kOnes * '"')) |
            has_zero(w ^ (kOnes * '\\'))) == 0;
  }

  // The length of the well-formed UTF-8 sequence at the start of `s` (Unicode's table 3-7, as
  // nlohmann checks it), or 0.
  static size_t Utf8Length(std::string_view s) {
    auto byte = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; };
    auto in = [](unsigned char c, unsigned char lo, unsigned char hi) {
      return c >= lo && c <= hi;
    };
    unsigned char c = byte(0);
    if (in(c, 0xC2, 0xDF)) return in(byte(1), 0x80, 0xBF) ? 2 : 0;
    if (in(c, 0xE0, 0xEF)) {
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
      unsigned char hi = c == 0xED ? 0x9F : 0xBF;
      return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in(c, 0xF0, 0xF4)) {
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
      unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
      return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, as nlohmann types it: an integer is unsigned
  // unless negative; one with a fraction or an exponent is a double.
  bool Number() {
    size_t start = at_;
    auto digits = [&] {
      size_t from = at_;
      while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
      return at_ - from;
    };
    bool negative = at_ < text_.size() && text_[at_] == '-';
    if (negative) ++at_;
    size_t int_start = at_;
    size_t int_digits = digits();
    if (int_digits == 0 || (int_digits > 1 && text_[int_start] == '0')) return false;
    bool fraction = at_ < text_.size() && text_[at_] == '.';
    if (fraction) {
      ++at_;
      if (digits() == 0) return false;
    }
    bool exponent = at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E');
    if (exponent) {
      ++at_;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
      if (digits() == 0) return false;
    }
    std::string_view token = text_.substr(start, at_ - start);
    if (!fraction && !exponent) {
      if (int_digits > 18) return false;  // beyond what certainly fits: nlohmann's
      uint64_t magnitude = 0;
      for (char d : text_.substr(int_start, int_digits))
        magnitude = magnitude * 10 + static_cast<uint64_t>(d - '0');
      if (negative) return out_->number_integer(-static_cast<int64_t>(magnitude));
      return out_->number_unsigned(magnitude);
    }
    double value = 0;
    auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (error != std::errc() || end != token.data() + token.size() || !std::isfinite(value))
      return false;  // overflow and underflow: nlohmann's
    std::string unused;
    return out_->number_float(value, unused);
  }

  std::string_view text_;
  JsonTreeBuilder* out_;
  size_t at_ = 0;
  std::string buffer_;
};

}  // namespace

JsonValue JsonValue::Parse(std::string_view text) {
  {
    JsonValue root;
    JsonTreeBuilder builder(&root);
    if (PlainJsonReader(text, &builder).Read()) return root;
  }
  JsonValue root;
  JsonTreeBuilder builder(&root);
  nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  return root;
}

const char* JsonValue::type_name() const {
  switch (value_.index()) {
    case kBoolean:
      return "boolean";
    case kInteger:
    case kUnsigned:
    case kFloat:
      return "number";
    case kString:
      return "string";
    case kArray:
      return "array";
    case kObject:
      return "object";
    default:
      return "null";
  }
}

bool JsonValue::boolean() const {
  const bool* b = std::get_if<kBoolean>(&value_);
  return b != nullptr && *b;
}

long long JsonValue::integer() const {
  switch (value_.index()) {
    case kInteger:
      return std::get<kInteger>(value_);
    case kUnsigned:
      return static_cast<long long>(std::get<kUnsigned>(value_));
    case kFloat:
      return static_cast<long long>(std::get<kFloat>(value_));
    default:
      return 0;
  }
}

double JsonValue::number() const {
  switch (value_.index()) {
    case kInteger:
      return static_cast<double>(std::get<kInteger>(value_));
    case kUnsigned:
      return static_cast<double>(std::get<kUnsigned>(value_));
    case kFloat:
      return std::get<kFloat>(value_);
    default:
      return 0;
  }
}

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
