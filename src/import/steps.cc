#include "import/steps.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "text/normalize.h"

namespace backtalk {

namespace {

// Verbs that open instructions in how-to writing: exercise, home, garden, kitchen, workshop.
// An instruction starts with one of these in its base form; "Holding a band" or "Postures that
// involve..." do not.
const std::unordered_set<std::string>& InstructionVerbs() {
  static const auto* verbs = new std::unordered_set<std::string>{
      "add",        "adjust",  "align",   "allow",  "apply",   "arch",   "avoid",     "bend",
      "blow",       "bring",   "breathe", "brush",  "check",   "choose", "clamp",     "clean",
      "clear",      "close",   "coil",    "come",   "cover",   "cross",  "curl",      "cut",
      "dip",        "drain",   "draw",    "drink",  "drop",    "dry",    "empty",     "engage",
      "exhale",     "extend",  "feed",    "fill",   "find",    "fit",    "flex",      "fold",
      "follow",     "grab",    "grip",    "hang",   "hinge",   "hold",   "hook",      "hug",
      "inflate",    "inhale",  "insert",  "keep",   "kneel",   "lay",    "lean",      "leave",
      "lengthen",   "let",     "lie",     "lift",   "loosen",  "lower",  "lubricate", "make",
      "measure",    "mist",    "mix",     "move",   "oil",     "open",   "pause",     "place",
      "plant",      "point",   "pour",    "press",  "prune",   "pull",   "pump",      "push",
      "put",        "raise",   "reach",   "relax",  "release", "remove", "repeat",    "replace",
      "repot",      "rest",    "return",  "rinse",  "roll",    "rotate", "rub",       "scoop",
      "screw",      "set",     "shake",   "shift",  "shrug",   "sink",   "sit",       "slide",
      "soak",       "spin",    "spray",   "spread", "squeeze", "stand",  "step",      "stop",
      "straighten", "stretch", "swap",    "switch", "take",    "tap",    "test",      "tighten",
      "tilt",       "tip",     "trim",    "tuck",   "turn",    "twist",  "unscrew",   "unplug",
      "use",        "wait",    "walk",    "wash",   "water",   "wipe",   "wrap"};
  return *verbs;
}

// Words that may come before the verb of an instruction: "Then slowly return ...".
const std::unordered_set<std::string>& Openers() {
  static const auto* words = new std::unordered_set<std::string>{
      "then",      "now",     "next",    "first",  "finally", "gently", "slowly",
      "carefully", "lightly", "always",  "never",  "simply",  "just",   "also",
      "again",     "once",    "quickly", "firmly", "softly"};
  return *words;
}

int NumberWord(const std::string& w) {
  static const char* const kWords[] = {"zero",   "one",      "two",      "three",  "four", "five",
                                       "six",    "seven",    "eight",    "nine",   "ten",  "eleven",
                                       "twelve", "thirteen", "fourteen", "fifteen"};
  for (int i = 0; i < static_cast<int>(sizeof kWords / sizeof kWords[0]); ++i)
    if (w == kWords[i]) return i;
  if (w == "twenty") return 20;
  if (w == "thirty") return 30;
  if (w == "forty") return 40;
  if (w == "sixty") return 60;
  if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(c); }) &&
      w.size() <= 4)
    return std::stoi(w);
  return -1;
}

std::string Capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string EndSentence(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';')) s.pop_back();
  if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
  return s;
}

std::string BreathCue(std::string_view text) {
  std::string folded = " ";
  folded += FoldCase(text);
  size_t in = std::min(folded.find(" inhale"), folded.find(" breathe in"));
  size_t out = std::min(folded.find(" exhale"), folded.find(" breathe out"));
  if (in == std::string::npos && out == std::string::npos) return "";
  return in < out ? "Breathe in." : "Breathe out.";
}

}  // namespace

std::vector<std::string> SplitSentences(std::string_view text) {
  std::vector<std::string> sentences;
  auto add = [&sentences](std::string_view s) {  // without its spaces at either end
    size_t b = s.find_first_not_of(' ');
    if (b != std::string_view::npos)
      sentences.emplace_back(s.substr(b, s.find_last_not_of(' ') - b + 1));
  };
  size_t start = 0;
  int depth = 0;  // "(15 to 30 seconds)" is not split
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth > 0 || (c != '.' && c != '!' && c != '?')) continue;
    size_t next = i + 1;
    while (next < text.size() && text[next] == ' ') ++next;
    bool boundary = next == text.size() ||
                    (next > i + 1 && (std::isupper(static_cast<unsigned char>(text[next])) ||
                                      static_cast<unsigned char>(text[next]) >= 0x80));
    if (!boundary) continue;
    add(text.substr(start, i + 1 - start));
    start = next;
  }
  add(text.substr(start));
  return sentences;
}

bool IsInstruction(std::string_view sentence) {
  std::vector<std::string> words = NormalizeWords(sentence, 8);
  for (const std::string& w : words) {
    if (Openers().count(w)) continue;
    return InstructionVerbs().count(w) > 0;
  }
  return false;
}

bool ParseHold(std::string_view text, Step* step) {
  static const RE2 kDuration(
      "(?i)\\b(\\d{1,4}|[a-z]+)\\b(?:\\s*(?:to|-|–|or)\\s*(\\d{1,4}|[a-z]+)\\b)?\\s*"
      "(seconds?|secs?|minutes?|mins?|breaths?)\\b");
  re2::StringPiece input(text.data(), text.size());
  std::string low_text, high_text, unit;
  while (RE2::FindAndConsume(&input, kDuration, &low_text, &high_text, &unit)) {
    int low = NumberWord(FoldCase(low_text));
    int high = high_text.empty() ? low : NumberWord(FoldCase(high_text));
    if (low <= 0 || high < low) continue;
    std::string u = FoldCase(unit);
    if (u.starts_with("breath")) {
      if (low > 100) continue;
      step->hold_breaths = low;
      step->hold_seconds = step->hold_seconds_max = 0;
      return true;
    }
    int scale = u.starts_with("min") ? 60 : 1;
    if (high * scale > 3600) continue;
    step->hold_seconds = low * scale;
    step->hold_seconds_max = high * scale;
    step->hold_breaths = 0;
    return true;
  }
  return false;
}

bool DraftSequence(const FaqEntry& entry, const std::string& id, Sequence* out) {
  // "Hold for 5 seconds, then slowly return to the floor." holds the step before it; what
  // follows "then" is a step of its own.
  static const RE2 kHoldOnly(
      "(?i)^hold(?: (?:it|this|that|them|still|the \\w+|the \\w+ \\w+|each \\w+|your \\w+))?"
      " for ([^,;.]+?)(?:(?:,|;)? ?(?:and then|then|and|before) (.*?))?[.!]?$");
  static const RE2 kRepeat(
      "(?i)^repeat(?: (?:this|it|that|the \\w+|on the other side|with the other \\w+))?"
      " (\\d{1,3}|[a-z]+) times\\b.*$");
  std::vector<std::string> sentences;
  for (const std::string& block : entry.blocks)
    for (std::string& s : SplitSentences(block)) sentences.push_back(std::move(s));
  int instructions = 0;
  for (const std::string& s : sentences) instructions += IsInstruction(s);
  if (instructions < 2 || 2 * instructions < static_cast<int>(sentences.size())) return false;

  Sequence seq;
  seq.id = id;
  seq.name = "the steps for \"" + entry.question + "\"";
  std::string intro;
  for (const std::string& sentence : sentences) {
    std::string held, rest, times;
    if (RE2::FullMatch(sentence, kHoldOnly, &held, &rest)) {
      Step hold;
      if (ParseHold(held, &hold)) {
        if (!seq.steps.empty() && seq.steps.back().CountdownSeconds() == 0) {
          Step& last = seq.steps.back();
          last.hold_seconds = hold.hold_seconds;
          last.hold_seconds_max = hold.hold_seconds_max;
          last.hold_breaths = hold.hold_breaths;
        } else {
          hold.text = EndSentence(rest.empty() ? sentence : sentence.substr(0, sentence.find(',')));
          seq.steps.push_back(hold);
        }
        if (!rest.empty()) {
          Step next;
          next.text = EndSentence(Capitalise(rest));
          next.breath = BreathCue(next.text);
          seq.steps.push_back(next);
        }
        continue;
      }
    }
    if (RE2::FullMatch(sentence, kRepeat, &times) && !seq.steps.empty()) {
      int n = NumberWord(FoldCase(times));
      if (n >= 1 && n <= 100) {
        seq.steps.back().repeat = n;
        continue;
      }
    }
    if (IsInstruction(sentence)) {
      Step step;
      step.text = sentence;
      ParseHold(sentence, &step);
      step.breath = BreathCue(sentence);
      seq.steps.push_back(step);
    } else if (!seq.steps.empty()) {
      seq.steps.back().text += " " + sentence;  // a description belongs to its instruction
      if (seq.steps.back().CountdownSeconds() == 0) ParseHold(sentence, &seq.steps.back());
    } else {
      intro += (intro.empty() ? "" : " ") + sentence;
    }
  }
  if (seq.steps.size() < 2) return false;
  seq.intro = intro;
  *out = std::move(seq);
  return true;
}

}  // namespace backtalk
