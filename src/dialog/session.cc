#include "dialog/session.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "dialog/reply_text.h"
#include "engine/reply_json.h"

namespace backtalk {

namespace {

// Words are matched after normalising ("Let's go!" reads "let us go").
const char* const kYes[] = {"yes",        "y",       "yeah",    "yep",        "yup",
                            "sure",       "ok",      "okay",    "let us go",  "lets go",
                            "go",         "start",   "please",  "yes please", "ok let us go",
                            "sure thing", "why not", "alright", "all right",  "of course"};
const char* const kNo[] = {"no",           "n",       "nope",        "nah",   "no thanks",
                           "no thank you", "not now", "maybe later", "later", "not today"};

bool OneOf(const std::string& words, const char* const* list, size_t n) {
  return std::find_if(list, list + n, [&](const char* w) { return words == w; }) != list + n;
}

bool IsYes(const std::string& words) { return OneOf(words, kYes, std::size(kYes)); }
bool IsNo(const std::string& words) { return OneOf(words, kNo, std::size(kNo)); }

std::string Join(const std::vector<std::string>& words, size_t from, const char* glue) {
  std::string out;
  for (size_t i = from; i < words.size(); ++i) out += (i > from ? glue : "") + words[i];
  return out;
}

std::vector<std::string> Split(const std::string& words) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < words.size()) {
    size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    if (end > start) out.push_back(words.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "3" -> 3; anything else -> 0.
int Number(const std::string& words) {
  if (words.empty() || words.size() > 3) return 0;
  for (char c : words)
    if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
  return std::atoi(words.c_str());
}

const char kHelp[] =
    "Ask a question about upper or middle back pain in your own words, or type:\n"
    "  topics          the questions I can answer (then a number picks one)\n"
    "  stretch         the stretch sequences; 'stretch NAME' starts one\n"
    "  help            this help\n"
    "  quit            leave (Ctrl-D too)\n"
    "During a stretch: Enter goes on, s skips a step, r repeats it, q stops; Ctrl-C stops it\n"
    "too. Ask 'how long left?', or any other question: the stretch waits at the same step\n"
    "(during a hold, any other key pauses it so you can type).\n";

}  // namespace

Session::Session(const Engine* engine, Player* player, Screen* screen, bool json)
    : engine_(engine), player_(player), screen_(screen), json_(json) {}

Session::~Session() = default;

Session::Memory Session::Remember() const {
  return Memory{.state = state_, .offer = offer_, .run = run_, .choices = choices_};
}

void Session::Restore(const Memory& memory) {
  state_ = memory.state;
  offer_ = memory.offer;
  run_ = memory.run;
  choices_ = memory.choices;
}

std::string Session::Welcome() const {
  return engine_->knowledge().disclaimer + "\nAsk about your back, or type 'help' for commands.\n";
}

std::string Session::Prompt() const {
  switch (state_) {
    case State::kOffered:
      return "[y/n]> ";
    case State::kInSequence:
      return "step " + std::to_string(run_->step + 1) + "/" +
             std::to_string(run_->sequence->steps.size()) + "> ";
    case State::kIdle:
      break;
  }
  return "backtalk> ";
}

std::string Session::OfferText(const Sequence& s) {
  std::string name = s.name;
  return "Want to try " + name + " (" + std::to_string(s.steps.size()) + " steps, " +
         AboutDuration(EstimateSeconds(s)) + ")? [y/n]";
}

void Session::Say(const std::string& text) {
  if (text.empty()) return;
  if (said_ && !json_) screen_->Print("\n");
  screen_->Print(text);
  said_ = true;
}

void Session::SayJson(const Reply& reply, const std::string& text) {
  Say(ReplyJsonLine(reply, text));
}

bool Session::Handle(std::string_view line) {
  Reply reply = engine_->Ask(line);
  const std::string& words = reply.match.analysis.uncorrected;
  bool blank = reply.input.find_first_not_of(" \t\r\f\v") == std::string::npos;
  if (state_ == State::kInSequence) return HandleInSequence(reply, words, blank);
  if (blank) return true;

  if (state_ == State::kOffered) {
    const Sequence* offered = offer_;
    state_ = State::kIdle;
    offer_ = nullptr;
    if (IsYes(words)) {
      StartSequence(reply, offered);
      return true;
    }
    if (IsNo(words)) {
      std::string text = "OK. Ask me anything else, or type 'stretch' to see the sequences.\n";
      json_ ? SayJson(Reply{.input = reply.input}, text) : Say(text);
      return true;
    }
    // Anything else is a new line: the offer lapses.
  }

  bool quit = false;
  if (HandleCommand(reply, words, &quit)) return !quit;

  if (int n = Number(words); n > 0 && static_cast<size_t>(n) <= choices_.size()) {
    Reply chosen;
    chosen.input = reply.input;
    chosen.intent = choices_[static_cast<size_t>(n - 1)];
    chosen.score = 1;  // the person picked it
    if (!chosen.intent->sequence.empty())
      chosen.sequence = engine_->knowledge().FindSequence(chosen.intent->sequence);
    Answer(chosen, true);
    return true;
  }
  if (reply.safety.empty() && reply.small_talk == nullptr && !reply.matched() &&
      (IsYes(words) || IsNo(words))) {
    std::string text =
        "Nothing is on offer right now: ask a question, or type 'stretch' to see the "
        "sequences.\n";
    json_ ? SayJson(reply, text) : Say(text);
    return true;
  }
  Answer(reply, true);
  return true;
}

bool Session::HandleCommand(const Reply& reply, const std::string& words, bool* quit) {
  if (words.empty()) return false;
  const Knowledge& k = engine_->knowledge();
  if (words == "quit" || words == "exit" || words == "q") {
    if (run_) Stop("");
    std::string text = "Take care of your back!\n";
    json_ ? SayJson(Reply{.input = reply.input}, text) : Say(text);
    *quit = true;
    return true;
  }
  if (words == "help" || reply.input == "?") {
    json_ ? SayJson(Reply{.input = reply.input}, kHelp) : Say(kHelp);
    return true;
  }
  if (words == "topics" || words == "topic" || words == "questions") {
    choices_.clear();
    std::string text = "I can answer these questions (type a number to pick one):\n";
    for (const Intent& intent : k.intents) {
      choices_.push_back(&intent);
      text += "  " + std::to_string(choices_.size()) + ". " + intent.question + "\n";
    }
    if (json_) {
      Reply r{.input = reply.input};
      r.suggestions = choices_;
      SayJson(r, text);
    } else {
      Say(text);
    }
    return true;
  }
  std::string_view first = std::string_view(words).substr(0, words.find(' '));
  if (first == "stretch" || first == "stretches" || first == "sequences") {
    std::vector<std::string> w = Split(words);
    if (w.size() == 1) {
      std::string text = ListText();
      json_ ? SayJson(Reply{.input = reply.input}, text) : Say(text);
      return true;
    }
    const Sequence* s = FindSequenceByName(Join(w, 1, "-"));
    if (s == nullptr) return false;  // "stretch my back" is a question
    if (run_) Stop("");
    StartSequence(reply, s);
    return true;
  }
  return false;
}

const Sequence* Session::FindSequenceByName(const std::string& name) const {
  const std::vector<Sequence>& all = engine_->knowledge().sequences;
  std::string id = name.rfind("the-", 0) == 0 ? name.substr(4) : name;
  if (int n = Number(id); n > 0 && static_cast<size_t>(n) <= all.size())
    return &all[static_cast<size_t>(n - 1)];
  const Sequence* prefix = nullptr;
  int prefixes = 0;
  for (const Sequence& s : all) {
    std::vector<std::string> name_words = Split(s.name);
    std::string named = Join(name_words, 0, "-");
    if (s.id == id || named == name || named == "the-" + id) return &s;
    if (s.id.rfind(id, 0) == 0) {
      prefix = &s;
      ++prefixes;
    }
  }
  return prefixes == 1 ? prefix : nullptr;
}

std::string Session::ListText() const {
  std::string text = "Stretch sequences ('stretch NAME' or 'stretch NUMBER' starts one):\n";
  int i = 0;
  for (const Sequence& s : engine_->knowledge().sequences) {
    text += "  " + std::to_string(++i) + ". " + s.id + ": " + s.name + " (" +
            std::to_string(s.steps.size()) + " steps, " + AboutDuration(EstimateSeconds(s)) + ")\n";
  }
  return text;
}

void Session::Answer(const Reply& reply, bool offer) {
  bool numbered = !reply.matched() && !reply.suggestions.empty() && reply.safety.empty();
  choices_ = numbered ? reply.suggestions : std::vector<const Intent*>{};
  const Sequence* sequence = offer ? reply.sequence : nullptr;
  if (json_) {
    SayJson(reply, "");
  } else {
    std::string text = FormatReply(reply, Style{screen_->color()}, numbered);
    if (numbered) text += "Type a number to pick one.\n";
    if (sequence != nullptr) text += OfferText(*sequence) + "\n";
    Say(text);
  }
  if (sequence != nullptr) {
    state_ = State::kOffered;
    offer_ = sequence;
  }
}

void Session::StartSequence(const Reply& reply, const Sequence* sequence) {
  offer_ = nullptr;
  state_ = State::kIdle;
  if (json_) {
    Reply r{.input = reply.input};
    r.sequence = sequence;
    Say(ReplyJsonLine(r, "Starting " + sequence->name + ".", sequence));
    return;
  }
  run_ = SequenceRun{.sequence = sequence, .started_micros = player_->NowMicros()};
  std::string name = sequence->name;
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  Say(name + " (" + std::to_string(sequence->steps.size()) + " steps, " +
      AboutDuration(EstimateSeconds(*sequence)) + ")." +
      (sequence->intro.empty() ? "" : " " + sequence->intro) + "\n");
  Continue();
}

void Session::Continue() {
  while (run_ && !run_->finished()) {
    if (screen_->closed()) {
      run_.reset();
      state_ = State::kIdle;
      return;
    }
    if (player_->mode() == Player::Mode::kGuided) screen_->Print("\n");  // steps stand apart
    switch (player_->Play(*run_)) {
      case StepOutcome::kWait:
        state_ = State::kInSequence;
        return;
      case StepOutcome::kNext:
        ++run_->done;
        ++run_->step;
        break;
      case StepOutcome::kSkip:
        ++run_->skipped;
        ++run_->step;
        break;
      case StepOutcome::kRepeat:
        break;
      case StepOutcome::kStop:
      case StepOutcome::kInterrupt:
      case StepOutcome::kPause:  // never returned by Play
        Stop("");
        return;
    }
  }
  if (run_) Finish();
}

void Session::Finish() {
  const SequenceRun& r = *run_;
  std::string text;
  int steps = static_cast<int>(r.sequence->steps.size());
  if (player_->mode() == Player::Mode::kPrinted) {
    text = "That's all of " + r.sequence->name + ": " + std::to_string(steps) + " steps, " +
           AboutDuration(EstimateSeconds(*r.sequence)) + ".\n";
  } else {
    int seconds = static_cast<int>((player_->NowMicros() - r.started_micros + 500000) / 1000000);
    text = "Well done! You finished " + r.sequence->name + ": " + std::to_string(r.done) + " of " +
           std::to_string(steps) + " steps done";
    if (r.skipped > 0) text += ", " + std::to_string(r.skipped) + " skipped";
    text += ", in " + ClockDuration(seconds) + ".\n";
  }
  run_.reset();
  state_ = State::kIdle;
  screen_->Print("\n");
  screen_->Print(Style{screen_->color()}.Good(text.substr(0, text.size() - 1)) + "\n");
}

void Session::Stop(const std::string& why) {
  const SequenceRun& r = *run_;
  std::string text = why + "Stopped " + r.sequence->name + " at step " +
                     std::to_string(r.step + 1) + "/" + std::to_string(r.sequence->steps.size()) +
                     " (" + std::to_string(r.done) + " done";
  if (r.skipped > 0) text += ", " + std::to_string(r.skipped) + " skipped";
  text += ").\n";
  run_.reset();
  state_ = State::kIdle;
  Say(text);
}

void Session::Start(const Sequence& sequence) {
  if (run_) Stop("");
  StartSequence(Reply{.input = "stretch " + sequence.id}, &sequence);
}

void Session::Interrupt() {
  if (run_) Stop("");
  offer_ = nullptr;
  if (state_ == State::kOffered) state_ = State::kIdle;
}

void Session::End() {
  if (run_) Stop("");
  offer_ = nullptr;
  state_ = State::kIdle;
}

std::string Session::RemainingText() const {
  const SequenceRun& r = *run_;
  const std::vector<Step>& steps = r.sequence->steps;
  int low = r.RemainingMinSeconds(), high = r.RemainingMaxSeconds();
  int estimate = EstimateSeconds(*r.sequence, r.step);
  size_t left = steps.size() - r.step;
  std::string text = left == 1 ? "Only this step is left"
                               : std::to_string(left) + " steps are left, this one included";
  if (high == 0) {
    text += ", with no holds";
  } else {
    text += ", with " +
            (low == high ? std::to_string(low) : std::to_string(low) + "-" + std::to_string(high)) +
            " s of holds";
  }
  return text + ": " + AboutDuration(estimate) + " in all.\n";
}

bool Session::HandleInSequence(const Reply& reply, const std::string& words, bool blank) {
  const std::string name = run_->sequence->name;
  auto next = [&](bool skipped) {
    ++(skipped ? run_->skipped : run_->done);
    ++run_->step;
    Continue();
    return true;
  };
  if (blank || words == "next" || words == "n" || words == "done" || words == "ok" ||
      words == "okay")
    return next(false);
  if (words == "s" || words == "skip") return next(true);
  if (words == "r" || words == "repeat" || words == "again") {
    Continue();
    return true;
  }
  if (words == "q" || words == "quit sequence" || words == "end") {
    Stop("");
    return true;
  }
  if (!reply.safety.empty()) {
    Stop("");
    Answer(reply, false);
    return true;
  }
  if (engine_->SaysPain(words)) {
    Stop(engine_->knowledge().pain.notice + "\n");
    return true;
  }
  if (engine_->AsksTimeLeft(words)) {
    Say(RemainingText());
    return true;
  }
  bool quit = false;
  if (HandleCommand(reply, words, &quit)) {
    if (quit) return false;
  } else if (int n = Number(words); n > 0 && static_cast<size_t>(n) <= choices_.size()) {
    Reply chosen;
    chosen.input = reply.input;
    chosen.intent = choices_[static_cast<size_t>(n - 1)];
    chosen.score = 1;
    Answer(chosen, false);
  } else {
    Answer(reply, false);
  }
  if (run_) {
    screen_->Print("\nBack to step " + std::to_string(run_->step + 1) + "/" +
                   std::to_string(run_->sequence->steps.size()) + " of " + name +
                   ": press Enter to go on (r repeats it, q stops).\n");
  }
  return true;
}

}  // namespace backtalk
