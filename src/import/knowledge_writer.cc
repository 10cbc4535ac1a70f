#include "import/knowledge_writer.h"

#include <nlohmann/json.hpp>

namespace backtalk {

namespace {

using Json = nlohmann::ordered_json;

Json Terms(const std::vector<WeightedTerm>& terms) {
  Json out = Json::object();
  for (const WeightedTerm& t : terms) out[t.term] = t.weight;
  return out;
}

Json StepJson(const Step& step) {
  Json s;
  s["text"] = step.text;
  if (step.hold_seconds > 0) {
    if (step.hold_seconds_max > step.hold_seconds)
      s["hold_seconds"] = {step.hold_seconds, step.hold_seconds_max};
    else
      s["hold_seconds"] = step.hold_seconds;
  }
  if (step.hold_breaths > 0) s["hold_breaths"] = step.hold_breaths;
  if (!step.side.empty()) s["side"] = step.side;
  if (step.repeat != 1) s["repeat"] = step.repeat;
  if (step.added) s["added"] = true;
  if (!step.breath.empty()) s["breath"] = step.breath;
  return s;
}

}  // namespace

std::string KnowledgeJson(const Knowledge& k) {
  Json root;
  root["format"] = "backtalk-knowledge/1";
  if (!k.document.empty()) root["document"] = k.document;
  if (!k.disclaimer.empty()) root["disclaimer"] = k.disclaimer;
  root["settings"] = {{"threshold", k.settings.threshold},
                      {"margin", k.settings.margin},
                      {"suggest_floor", k.settings.suggest_floor}};
  if (!k.synonyms.empty()) {
    Json synonyms = Json::object();
    for (const auto& [from, to] : k.synonyms) synonyms[from] = to;
    root["synonyms"] = synonyms;
  }
  if (!k.covered.empty()) root["covered"] = k.covered;
  if (!k.uncovered.empty()) root["uncovered"] = k.uncovered;
  if (!k.pain.patterns.empty())
    root["pain"] = {{"patterns", k.pain.patterns}, {"notice", k.pain.notice}};
  Json intents = Json::array();
  for (const Intent& intent : k.intents) {
    Json i;
    i["id"] = intent.id;
    i["question"] = intent.question;
    i["answer"] = intent.answer;
    i["keywords"] = Terms(intent.keywords);
    if (!intent.related.empty()) i["related"] = Terms(intent.related);
    if (!intent.patterns.empty()) i["patterns"] = intent.patterns;
    if (!intent.sequence.empty()) i["sequence"] = intent.sequence;
    intents.push_back(std::move(i));
  }
  root["intents"] = std::move(intents);
  if (!k.sequences.empty()) {
    Json sequences = Json::array();
    for (const Sequence& seq : k.sequences) {
      Json s;
      s["id"] = seq.id;
      s["name"] = seq.name;
      if (!seq.intro.empty()) s["intro"] = seq.intro;
      Json steps = Json::array();
      for (const Step& step : seq.steps) steps.push_back(StepJson(step));
      s["steps"] = std::move(steps);
      sequences.push_back(std::move(s));
    }
    root["sequences"] = std::move(sequences);
  }
  if (!k.safety.empty()) {
    Json safety = Json::array();
    for (const SafetySign& sign : k.safety)
      safety.push_back({{"id", sign.id},
                        {"urgent", sign.urgent},
                        {"patterns", sign.patterns},
                        {"notice", sign.notice}});
    root["safety"] = std::move(safety);
  }
  if (!k.small_talk.empty()) {
    Json talk = Json::array();
    for (const SmallTalk& t : k.small_talk)
      talk.push_back({{"id", t.id}, {"patterns", t.patterns}, {"reply", t.reply}});
    root["small_talk"] = std::move(talk);
  }
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace backtalk
