#include "engine/reply_json.h"

#include <cmath>

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

std::string JsonLine(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace backtalk
