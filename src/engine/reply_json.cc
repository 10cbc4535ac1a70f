#include "engine/reply_json.h"

#include <absl/strings/str_cat.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "util/utf8.h"

namespace backtalk {

namespace {

using Json = nlohmann::ordered_json;

// Writes one object's members in order, in the bytes nlohmann's dump(-1) gives.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string* out) : out_(out) { *out_ += '{'; }
  void End() { *out_ += '}'; }

  void String(std::string_view key, std::string_view value) {
    Key(key);
    Quoted(value);
  }
  void Null(std::string_view key) {
    Key(key);
    *out_ += "null";
  }
  // A string, or null when it is empty.
  void StringOrNull(std::string_view key, std::string_view value) {
    value.empty() ? Null(key) : String(key, value);
  }
  void Bool(std::string_view key, bool value) {
    Key(key);
    *out_ += value ? "true" : "false";
  }
  void Int(std::string_view key, long value) {
    Key(key);
    absl::StrAppend(out_, value);
  }
  // The shortest digits that read back as `value`, with ".0" on a whole number, as nlohmann
  // writes it (the values here never need an exponent).
  void Double(std::string_view key, double value) {
    Key(key);
    char buffer[32];
    std::string_view digits(buffer,
                            std::to_chars(buffer, buffer + sizeof buffer, value).ptr - buffer);
    *out_ += digits;
    if (digits.find_first_of(".e") == std::string_view::npos) *out_ += ".0";
  }
  // Opens an array or object member; the caller writes its contents.
  void Key(std::string_view key) {  // the keys are plain ASCII: nothing to escape
    if (!first_) *out_ += ',';
    first_ = false;
    *out_ += '"';
    *out_ += key;
    *out_ += "\":";
  }
  void Quoted(std::string_view s);

 private:
  std::string* out_;
  bool first_ = true;
};

// Bytes copied as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

// Eight bytes at a time: true when none needs attention (a control character, '"', '\\' or a
// byte of 0x80 or more). The bit tricks are the classic "has a zero byte" test, applied to
// the bytes below 0x20 and to those equal to each special character.
bool AllPlain(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHighs = 0x8080808080808080;
  auto zero_byte = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  uint64_t below_space = (x - kOnes * 0x20) & ~x & kHighs;
  return ((x & kHighs) | below_space | zero_byte(x ^ (kOnes * '"')) |
          zero_byte(x ^ (kOnes * '\\'))) == 0;
}

// The end of the run of plain bytes (see kPlain) that starts at `i`. Answers are long and
// almost all plain: this is most of the time spent writing a line.
size_t PlainRunEnd(std::string_view s, size_t i) {
  while (i + 8 <= s.size()) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    if (!AllPlain(x)) break;
    i += 8;
  }
  while (i < s.size() && kPlain[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

void ObjectWriter::Quoted(std::string_view s) {
  size_t start = out_->size();
  *out_ += '"';
  size_t i = 0;
  while (i < s.size()) {
    size_t run = i;
    i = PlainRunEnd(s, i);
    out_->append(s.data() + run, i - run);
    if (i == s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = 1;
    if (c >= 0x80) DecodeAt(s, i, &n);
    if (c == '"' || c == '\\' || c == '\n') {
      *out_ += '\\';
      *out_ += c == '\n' ? 'n' : static_cast<char>(c);
    } else if (n > 1) {
      out_->append(s.data() + i, n);
    } else {
      // A control character other than a newline, or invalid UTF-8: rare (a cleaned line has
      // neither), so the string is written by nlohmann, which replaces invalid bytes.
      out_->resize(start);
      *out_ += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    i += n;
  }
  *out_ += '"';
}

void WriteSequence(const Sequence& sequence, std::string* out) {
  ObjectWriter w(out);
  w.String("id", sequence.id);
  w.String("name", sequence.name);
  w.String("intro", sequence.intro);
  w.Key("steps");
  *out += '[';
  for (size_t i = 0; i < sequence.steps.size(); ++i) {
    const Step& step = sequence.steps[i];
    if (i > 0) *out += ',';
    ObjectWriter s(out);
    s.String("text", step.text);
    step.hold_seconds > 0 ? s.Int("hold_seconds", step.hold_seconds) : s.Null("hold_seconds");
    step.hold_seconds_max > step.hold_seconds ? s.Int("hold_seconds_max", step.hold_seconds_max)
                                              : s.Null("hold_seconds_max");
    step.hold_breaths > 0 ? s.Int("hold_breaths", step.hold_breaths) : s.Null("hold_breaths");
    s.StringOrNull("side", step.side);
    s.Int("repeat", step.repeat);
    s.StringOrNull("breath", step.breath);
    s.Bool("added", step.added);
    s.End();
  }
  *out += ']';
  w.End();
}

}  // namespace

std::string ReplyJsonLine(const Reply& r, std::string_view text, const Sequence* started) {
  std::string out;
  out.reserve(512 + r.input.size() + (r.intent ? r.intent->answer.size() : 0));
  ObjectWriter w(&out);
  w.String("input", r.input);
  w.Bool("matched", r.matched());
  if (r.intent) {
    w.String("intent", r.intent->id);
    w.String("question", r.intent->question);
    w.String("answer", r.intent->answer);
  } else {
    w.Null("intent");
    w.Null("question");
    w.Null("answer");
  }
  w.Double("score", std::round(r.score * 1000) / 1000);
  r.sequence ? w.String("sequence", r.sequence->id) : w.Null("sequence");
  w.Key("suggestions");
  out += '[';
  for (size_t i = 0; i < r.suggestions.size(); ++i) {
    if (i > 0) out += ',';
    w.Quoted(r.suggestions[i]->question);
  }
  out += ']';
  w.StringOrNull("safety", r.safety.empty() ? std::string() : r.SafetyNotice());
  if (!text.empty()) {
    w.String("reply", text);
  } else {
    r.small_talk ? w.String("reply", r.small_talk->reply) : w.Null("reply");
  }
  w.StringOrNull("uncovered", r.match.uncovered);
  if (started != nullptr) {
    w.Key("started");
    WriteSequence(*started, &out);
  }
  w.End();
  out += '\n';
  return out;
}

}  // namespace backtalk
