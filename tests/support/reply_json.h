// The JSON object of a Reply built the plain way, with nlohmann: the reference that
// ReplyJsonLine (engine/reply_json.h) must equal byte for byte (`dump()` with invalid UTF-8
// replaced), and the easy form for reading fields in tests and fuzz targets.
#ifndef BACKTALK_TESTS_SUPPORT_REPLY_JSON_H_
#define BACKTALK_TESTS_SUPPORT_REPLY_JSON_H_

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/engine.h"

namespace backtalk::testing {

inline nlohmann::ordered_json SequenceJson(const Sequence& sequence) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["id"] = sequence.id;
  j["name"] = sequence.name;
  j["intro"] = sequence.intro;
  Json steps = Json::array();
  for (const Step& step : sequence.steps) {
    Json s;
    s["text"] = step.text;
    s["hold_seconds"] = step.hold_seconds > 0 ? Json(step.hold_seconds) : Json(nullptr);
    s["hold_seconds_max"] =
        step.hold_seconds_max > step.hold_seconds ? Json(step.hold_seconds_max) : Json(nullptr);
    s["hold_breaths"] = step.hold_breaths > 0 ? Json(step.hold_breaths) : Json(nullptr);
    s["side"] = step.side.empty() ? Json(nullptr) : Json(step.side);
    s["repeat"] = step.repeat;
    s["breath"] = step.breath.empty() ? Json(nullptr) : Json(step.breath);
    s["added"] = step.added;
    steps.push_back(std::move(s));
  }
  j["steps"] = std::move(steps);
  return j;
}

// The arguments are those of ReplyJsonLine.
inline nlohmann::ordered_json ReplyJson(const Reply& r, std::string_view text = {},
                                        const Sequence* started = nullptr) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["input"] = r.input;
  j["matched"] = r.matched();
  j["intent"] = r.intent ? Json(r.intent->id) : Json(nullptr);
  j["question"] = r.intent ? Json(r.intent->question) : Json(nullptr);
  j["answer"] = r.intent ? Json(r.intent->answer) : Json(nullptr);
  j["score"] = std::round(r.score * 1000) / 1000;
  j["sequence"] = r.sequence ? Json(r.sequence->id) : Json(nullptr);
  Json suggestions = Json::array();
  for (const Intent* s : r.suggestions) suggestions.push_back(s->question);
  j["suggestions"] = std::move(suggestions);
  std::string notice = r.SafetyNotice();
  j["safety"] = notice.empty() ? Json(nullptr) : Json(notice);
  j["reply"] = r.small_talk ? Json(r.small_talk->reply) : Json(nullptr);
  if (!text.empty()) j["reply"] = text;
  j["uncovered"] = r.match.uncovered.empty() ? Json(nullptr) : Json(r.match.uncovered);
  if (started != nullptr) j["started"] = SequenceJson(*started);
  return j;
}

}  // namespace backtalk::testing

#endif  // BACKTALK_TESTS_SUPPORT_REPLY_JSON_H_
