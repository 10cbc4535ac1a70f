#include "server/api.h"

#include <absl/strings/str_split.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "coach/player.h"
#include "dialog/session.h"
#include "engine/reply_json.h"
#include "server/request.h"
#include "server/state_token.h"

namespace backtalk {

namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The wall clock: a run's start travels in the token to other processes, so it must mean the
// same everywhere (the monotonic clock does not). Holds are never waited through here.
class WallClock : public Clock {
 public:
  int64_t NowMicros() override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  void SleepMicros(int64_t micros) override {
    std::this_thread::sleep_for(std::chrono::microseconds(micros));
  }
};

// Collects what the conversation says in one request; the page counts holds down itself.
class CaptureScreen : public Screen {
 public:
  void Print(std::string_view text) override { text_ += text; }
  void Redraw(std::string_view) override {}
  void EndRedraw() override {}
  Key PollKey() override { return Key::kNone; }
  bool color() const override { return false; }

  // Each turn (text between blank lines) on its own, without its last newline.
  std::vector<std::string> Turns() const {
    std::vector<std::string> turns;
    for (absl::string_view turn : absl::StrSplit(text_, "\n\n")) {
      size_t first = turn.find_first_not_of('\n');
      if (first != absl::string_view::npos)
        turns.emplace_back(turn.substr(first, turn.find_last_not_of('\n') + 1 - first));
    }
    return turns;
  }

 private:
  std::string text_;
};

Json StepJson(const Sequence& s, size_t index) {
  const Step& step = s.steps[index];
  return Json{{"number", index + 1},
              {"total", s.steps.size()},
              {"text", step.text},
              {"side", step.side.empty() ? Json() : Json(step.side)},
              {"repeat", step.repeat},
              {"breath", step.breath.empty() ? Json() : Json(step.breath)},
              {"hold_seconds", step.hold_seconds},
              {"hold_seconds_max", step.hold_seconds_max},
              {"hold_breaths", step.hold_breaths},
              {"countdown_seconds", step.CountdownSeconds()},
              {"hold", HoldText(step).empty() ? Json() : Json(HoldText(step))},
              {"added", step.added}};
}

Json SequenceSummary(const Sequence& s) {
  return Json{{"id", s.id},
              {"name", s.name},
              {"steps", s.steps.size()},
              {"about", AboutDuration(EstimateSeconds(s))}};
}

const char* ModeName(Session::State state) {
  switch (state) {
    case Session::State::kOffered:
      return "offered";
    case Session::State::kInSequence:
      return "sequence";
    case Session::State::kIdle:
      break;
  }
  return "idle";
}

}  // namespace

Api::Api(const Engine& engine) : engine_(engine) {
  const backtalk::Knowledge& k = engine.knowledge();
  Json questions = Json::array();
  for (const Intent& i : k.intents)
    questions.push_back({{"intent", i.id},
                         {"question", i.question},
                         {"sequence", i.sequence.empty() ? Json() : Json(i.sequence)}});
  Json sequences = Json::array();
  for (const Sequence& s : k.sequences) {
    Json j = SequenceSummary(s);
    j["intro"] = s.intro;
    Json steps = Json::array();
    for (size_t i = 0; i < s.steps.size(); ++i) steps.push_back(StepJson(s, i));
    j["steps"] = std::move(steps);
    sequences.push_back(std::move(j));
  }
  knowledge_json_ = Dump(Json{{"disclaimer", k.disclaimer},
                              {"questions", std::move(questions)},
                              {"sequences", std::move(sequences)}});
}

ApiResponse Api::Error(int status, std::string_view message) {
  return {status, "application/json", Dump(Json{{"error", message}, {"status", status}})};
}

ApiResponse Api::Page() const { return {200, "text/html; charset=utf-8", std::string(WebPage())}; }

ApiResponse Api::Ask(std::string_view body) const {
  if (body.size() > kMaxBodyBytes) return Error(413, "the request body is over 64 KiB");
  AskRequest request;
  std::string err;
  if (!ParseAskRequest(body, &request, &err)) return Error(400, err);
  std::string line = ReplyJsonLine(engine_.Ask(request.question));
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return {200, "application/json", std::move(line)};
}

ApiResponse Api::Chat(std::string_view body) const {
  if (body.size() > kMaxBodyBytes) return Error(413, "the request body is over 64 KiB");
  ChatRequest request;
  std::string err;
  if (!ParseChatRequest(body, &request, &err)) return Error(400, err);
  const backtalk::Knowledge& k = engine_.knowledge();
  Session::Memory memory;
  if (!DecodeStateToken(request.state, k, &memory, &err)) return Error(400, err);

  WallClock clock;
  int64_t now = clock.NowMicros();
  if (memory.run) {  // a start in the future or long ago would make "done in ..." nonsense
    int64_t& started = memory.run->started_micros;
    started = std::clamp<int64_t>(started, now - int64_t{24} * 3600 * 1000000, now);
  }
  CaptureScreen screen;
  Player player(&clock, &screen, Player::Mode::kStepwise);
  Session session(&engine_, &player, &screen);
  session.Restore(memory);
  bool go_on = session.Handle(request.line);
  memory = session.Remember();

  Json replies = Json::array();
  for (std::string& turn : screen.Turns()) replies.push_back(std::move(turn));
  Json choices = Json::array();
  for (size_t i = 0; i < memory.choices.size(); ++i)
    choices.push_back({{"number", i + 1}, {"question", memory.choices[i]->question}});
  Json step;
  if (memory.run && !memory.run->finished()) {
    step = StepJson(*memory.run->sequence, memory.run->step);
    step["sequence"] = memory.run->sequence->id;
    step["name"] = memory.run->sequence->name;
  }
  Json response{{"replies", std::move(replies)},
                {"state", EncodeStateToken(memory, k)},
                {"mode", ModeName(memory.state)},
                {"offer", memory.offer ? SequenceSummary(*memory.offer) : Json()},
                {"step", std::move(step)},
                {"choices", std::move(choices)},
                {"end", !go_on}};
  return {200, "application/json", Dump(response)};
}

}  // namespace backtalk
