#include "dialog/session.h"

#include <absl/strings/str_join.h>
#include <absl/strings/str_split.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <charconv>

#include "dialog/reply_text.h"
#include "engine/reply_json.h"
#include "util/utf8.h"

namespace backtalk {

namespace {

// Words are matched after normalising ("Let's go!" reads "let us go").
constexpr std::string_view kYes[] = {
    "yes",          "y",          "yeah",    "yep",     "yup",       "sure",     "ok",
    "okay",         "let us go",  "lets go", "go",      "start",     "please",   "yes please",
    "ok let us go", "sure thing", "why not", "alright", "all right", "of course"};
constexpr std::string_view kNo[] = {"no",           "n",       "nope",        "nah",   "no thanks",
                                    "no thank you", "not now", "maybe later", "later", "not today"};

bool IsYes(const std::string& words) { return std::ranges::find(kYes, words) != std::end(kYes); }
bool IsNo(const std::string& words) { return std::ranges::find(kNo, words) != std::end(kNo); }

// "the  seated twist" -> "the-seated-twist": the words joined by dashes, as ids are written.
std::string Dashed(const std::string& text) {
  return absl::StrJoin(absl::StrSplit(text, ' ', absl::SkipEmpty()), "-");
}

// "6 steps, about 2 minutes"
std::string StepsAndTime(const Sequence& s) {
  return std::to_string(s.steps.size()) + " steps, " + AboutDuration(EstimateSeconds(s));
}

// "Want to try the seated twist (6 steps, about 2 minutes)? [y/n]"
std::string OfferText(const Sequence& s) {
  return "Want to try " + s.name + " (" + StepsAndTime(s) + ")? [y/n]";
}

// "3" -> 3; anything else -> 0.
int Number(const std::string& words) {
  unsigned n = 0;
  const char* end = words.data() + words.size();
  auto [at, error] = std::from_chars(words.data(), end, n);
  return words.size() <= 3 && error == std::errc() && at == end ? static_cast<int>(n) : 0;
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
    : engine_(engine), player_(player), screen_(screen), json_(json) {
  assert(engine != nullptr && player != nullptr && screen != nullptr);
}

Session::Memory Session::Remember() const {
  return Memory{.state = state_, .offer = offer_, .run = run_, .choices = choices_};
}

void Session::Restore(const Memory& memory) {
  assert(memory.state != State::kOffered || memory.offer != nullptr);
  assert(memory.state != State::kInSequence || (memory.run && !memory.run->finished()));
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

void Session::Say(const std::string& text) {
  if (text.empty()) return;
  if (said_ && !json_) screen_->Print("\n");
  screen_->Print(text);
  said_ = true;
}

void Session::Tell(const Line& line, const std::string& text) {
  Say(json_ ? ReplyJsonLine(Reply{.input = line.input}, text) : text);
}

bool Session::Handle(std::string_view raw) {
  Line line{.input = CleanText(raw, Engine::kMaxLineBytes)};
  line.words = Engine::Words(line.input);
  line.blank = line.input.find_first_not_of(" \t\r\f\v") == std::string::npos;
  if (state_ == State::kInSequence) return HandleInSequence(line);
  if (line.blank) return true;
  if (state_ == State::kOffered && HandleOfferReply(line)) return true;
  if (Command command = HandleCommand(line); command != Command::kNone)
    return command != Command::kQuit;
  if (HandleChoice(line, /*offer=*/true)) return true;
  if (IsYes(line.words) || IsNo(line.words)) {
    Tell(line,
         "Nothing is on offer right now: ask a question, or type 'stretch' to see the "
         "sequences.\n");
    return true;
  }
  Answer(engine_->Ask(line.input), /*offer=*/true);
  return true;
}

bool Session::HandleOfferReply(const Line& line) {
  const Sequence* offered = offer_;
  state_ = State::kIdle;
  offer_ = nullptr;
  if (IsYes(line.words)) {
    StartSequence(line.input, offered);
    return true;
  }
  if (IsNo(line.words)) {
    Tell(line, "OK. Ask me anything else, or type 'stretch' to see the sequences.\n");
    return true;
  }
  return false;  // anything else is a new line: the offer lapses
}

Session::Command Session::HandleCommand(const Line& line) {
  const std::string& words = line.words;
  if (words == "help" || line.input == "?") {
    Tell(line, kHelp);
    return Command::kDone;
  }
  if (words.empty()) return Command::kNone;
  if (words == "quit" || words == "exit" || words == "q") {
    if (run_) Stop("");
    Tell(line, "Take care of your back!\n");
    return Command::kQuit;
  }
  if (words == "topics" || words == "topic" || words == "questions") {
    choices_.clear();
    std::string text = "I can answer these questions (type a number to pick one):\n";
    for (const Intent& intent : engine_->knowledge().intents) {
      choices_.push_back(&intent);
      text += "  " + std::to_string(choices_.size()) + ". " + intent.question + "\n";
    }
    Say(json_ ? ReplyJsonLine(Reply{.input = line.input, .suggestions = choices_}, text) : text);
    return Command::kDone;
  }
  std::string_view first = std::string_view(words).substr(0, words.find(' '));
  if (first == "stretch" || first == "stretches" || first == "sequences") {
    if (first.size() == words.size()) {
      Tell(line, ListText());
      return Command::kDone;
    }
    const Sequence* s = FindSequenceByName(Dashed(words.substr(first.size())));
    if (s == nullptr) return Command::kNone;  // "stretch my back" is a question
    if (run_) Stop("");
    StartSequence(line.input, s);
    return Command::kStarted;
  }
  return Command::kNone;
}

bool Session::HandleChoice(const Line& line, bool offer) {
  int n = Number(line.words);
  if (n <= 0 || static_cast<size_t>(n) > choices_.size()) return false;
  Reply chosen{.input = line.input,
               .intent = choices_[static_cast<size_t>(n - 1)],
               .score = 1};  // the person picked it
  if (offer && !chosen.intent->sequence.empty())
    chosen.sequence = engine_->knowledge().FindSequence(chosen.intent->sequence);
  Answer(chosen, offer);
  return true;
}

const Sequence* Session::FindSequenceByName(const std::string& name) const {
  const std::vector<Sequence>& all = engine_->knowledge().sequences;
  std::string id = name.rfind("the-", 0) == 0 ? name.substr(4) : name;
  if (int n = Number(id); n > 0 && static_cast<size_t>(n) <= all.size())
    return &all[static_cast<size_t>(n - 1)];
  const Sequence* prefix = nullptr;
  int prefixes = 0;
  for (const Sequence& s : all) {
    std::string named = Dashed(s.name);
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
    text +=
        "  " + std::to_string(++i) + ". " + s.id + ": " + s.name + " (" + StepsAndTime(s) + ")\n";
  }
  return text;
}

void Session::Answer(const Reply& reply, bool offer) {
  bool numbered = !reply.matched() && !reply.suggestions.empty() && reply.safety.empty();
  choices_ = numbered ? reply.suggestions : std::vector<const Intent*>{};
  const Sequence* sequence = offer ? reply.sequence : nullptr;
  if (json_) {
    Say(ReplyJsonLine(reply));
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

void Session::StartSequence(const std::string& input, const Sequence* sequence) {
  offer_ = nullptr;
  state_ = State::kIdle;
  if (json_) {
    Say(ReplyJsonLine(Reply{.input = input, .sequence = sequence},
                      "Starting " + sequence->name + ".", sequence));
    return;
  }
  run_ = SequenceRun{.sequence = sequence, .started_micros = player_->NowMicros()};
  std::string name = sequence->name;
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  Say(name + " (" + StepsAndTime(*sequence) + ")." +
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
  if (player_->mode() == Player::Mode::kPrinted) {
    text = "That's all of " + r.sequence->name + ": " + StepsAndTime(*r.sequence) + ".\n";
  } else {
    int seconds = static_cast<int>((player_->NowMicros() - r.started_micros + 500000) / 1000000);
    text = "Well done! You finished " + r.sequence->name + ": " + std::to_string(r.done) + " of " +
           std::to_string(r.sequence->steps.size()) + " steps done";
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
  StartSequence("stretch " + sequence.id, &sequence);
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
  int low = r.RemainingMinSeconds(), high = r.RemainingMaxSeconds();
  size_t left = r.sequence->steps.size() - r.step;
  std::string text = left == 1 ? "Only this step is left"
                               : std::to_string(left) + " steps are left, this one included";
  if (high == 0) {
    text += ", with no holds";
  } else {
    text += ", with " +
            (low == high ? std::to_string(low) : std::to_string(low) + "-" + std::to_string(high)) +
            " s of holds";
  }
  return text + ": " + AboutDuration(EstimateSeconds(*r.sequence, r.step)) + " in all.\n";
}

bool Session::HandleInSequence(const Line& line) {
  if (HandleStepKey(line)) return true;
  const std::string& words = line.words;
  if (!engine_->safety().Check(words).empty()) {
    Stop("");
    Answer(engine_->Ask(line.input), false);
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
  Command command = HandleCommand(line);
  if (command == Command::kQuit) return false;
  if (command == Command::kNone && !HandleChoice(line, /*offer=*/false))
    Answer(engine_->Ask(line.input), /*offer=*/false);
  // The sequence waits at the step it was at, unless the line started another.
  if (run_ && command != Command::kStarted) {
    screen_->Print("\nBack to step " + std::to_string(run_->step + 1) + "/" +
                   std::to_string(run_->sequence->steps.size()) + " of " + run_->sequence->name +
                   ": press Enter to go on (r repeats it, q stops).\n");
  }
  return true;
}

bool Session::HandleStepKey(const Line& line) {
  const std::string& words = line.words;
  auto next = [&](bool skipped) {
    ++(skipped ? run_->skipped : run_->done);
    ++run_->step;
    Continue();
    return true;
  };
  if (line.blank || words == "next" || words == "n" || words == "done" || words == "ok" ||
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
  return false;
}

}  // namespace backtalk
