#include "engine/reply_json.h"

#include <cmath>
#include <cstdio>
#include <string_view>

namespace backtalk {

nlohmann::ordered_json ReplyJson(const Reply& r) {
  using json = nlohmann::ordered_json;
  json j;
  j["input"] = r.input;
  j["matched"] = r.matched();
  j["intent"] = r.intent ? json(r.intent->id) : json(nullptr);
  j["question"] = r.intent ? json(r.intent->question) : json(nullptr);
  j["answer"] = r.intent ? json(r.intent->answer) : json(nullptr);
  j["score"] = std::round(r.score * 1000) / 1000;
  j["sequence"] = r.sequence ? json(r.sequence->id) : json(nullptr);
  json suggestions = json::array();
  for (const Intent* s : r.suggestions) suggestions.push_back(s->question);
  j["suggestions"] = std::move(suggestions);
  std::string notice = r.SafetyNotice();
  j["safety"] = notice.empty() ? json(nullptr) : json(notice);
  j["reply"] = r.small_talk ? json(r.small_talk->reply) : json(nullptr);
  j["uncovered"] = r.match.uncovered.empty() ? json(nullptr) : json(r.match.uncovered);
  return j;
}

nlohmann::ordered_json SequenceJson(const Sequence& sequence) {
  using json = nlohmann::ordered_json;
  json j;
  j["id"] = sequence.id;
  j["name"] = sequence.name;
  j["intro"] = sequence.intro;
  json steps = json::array();
  for (const Step& step : sequence.steps) {
    json s;
    s["text"] = step.text;
    s["hold_seconds"] = step.hold_seconds > 0 ? json(step.hold_seconds) : json(nullptr);
    s["hold_seconds_max"] =
        step.hold_seconds_max > step.hold_seconds ? json(step.hold_seconds_max) : json(nullptr);
    s["hold_breaths"] = step.hold_breaths > 0 ? json(step.hold_breaths) : json(nullptr);
    s["side"] = step.side.empty() ? json(nullptr) : json(step.side);
    s["repeat"] = step.repeat;
    s["breath"] = step.breath.empty() ? json(nullptr) : json(step.breath);
    s["added"] = step.added;
    steps.push_back(std::move(s));
  }
  j["steps"] = std::move(steps);
  return j;
}

namespace {

using Json = nlohmann::ordered_json;

// Well-formed UTF-8 as Unicode defines it (no overlong forms, surrogates or code points past
// U+10FFFF): exactly what nlohmann accepts without replacing anything.
bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      unsigned char b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

void DumpString(const std::string& s, std::string* out) {
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (!ascii && !IsValidUtf8(s)) {
    *out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  *out += '"';
  size_t run = 0;  // start of the current run of characters that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default: {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
        *out += escaped;
      }
    }
  }
  out->append(s, run, s.size() - run);
  *out += '"';
}

void Dump(const Json& value, std::string* out) {
  switch (value.type()) {
    case Json::value_t::object: {
      *out += '{';
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) *out += ',';
        first = false;
        DumpString(key, out);
        *out += ':';
        Dump(item, out);
      }
      *out += '}';
      return;
    }
    case Json::value_t::array: {
      *out += '[';
      bool first = true;
      for (const Json& item : value) {
        if (!first) *out += ',';
        first = false;
        Dump(item, out);
      }
      *out += ']';
      return;
    }
    case Json::value_t::string:
      DumpString(value.get_ref<const std::string&>(), out);
      return;
    case Json::value_t::null:
      *out += "null";
      return;
    case Json::value_t::boolean:
      *out += value.get<bool>() ? "true" : "false";
      return;
    default:  // numbers, in nlohmann's own shortest form
      *out += value.dump();
  }
}

}  // namespace

// The same bytes as value.dump(-1, ' ', false, replace), several times faster: a line per
// answer is most of the work of `--json` after matching.
std::string JsonLine(const nlohmann::ordered_json& value) {
  std::string out;
  out.reserve(1024);
  Dump(value, &out);
  return out;
}

}  // namespace backtalk
