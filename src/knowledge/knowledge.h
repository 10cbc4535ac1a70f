// Knowledge: everything backtalk knows, as loaded from a knowledge file (JSON).
//
// A Knowledge is plain data: the intents (one per FAQ question, with its answer, keywords and
// patterns), the stretch sequences they offer, synonyms, the topics the document covers and
// those it does not, the warning signs that call for a doctor, and the small talk replies.
// LoadKnowledge validates everything and either fills a whole Knowledge or reports every
// problem it found and leaves the output untouched: nothing is ever half-loaded.
#ifndef BACKTALK_KNOWLEDGE_KNOWLEDGE_H_
#define BACKTALK_KNOWLEDGE_KNOWLEDGE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backtalk {

// A term and how much it counts. Terms are written as plain words ("stretch", "mid-back");
// the matcher puts them through the same normalising, stemming and synonyms as the input.
struct WeightedTerm {
  std::string term;
  double weight = 1.0;
};

struct Intent {
  std::string id;        // readable and unique: "stretch-upper-middle-back"
  std::string question;  // the document's question, verbatim
  std::string answer;    // the document's answer; bullet lines start with "• "
  // The words of the question, weighted by how much they tell this question from the others.
  // An input that lacks a heavy keyword is a weaker match.
  std::vector<WeightedTerm> keywords;
  // Words that point to this intent without being in its question (mostly from the answer),
  // weighted 0..1: the credit a match on them gives.
  std::vector<WeightedTerm> related;
  // RE2 patterns over the normalised, spell-corrected input; any match is strong evidence.
  std::vector<std::string> patterns;
  std::string sequence;  // id of the stretch sequence it offers, or empty
};

struct Step {
  std::string text;          // the instruction
  int hold_seconds = 0;      // 0: no timed hold
  int hold_seconds_max = 0;  // for a range such as 15 to 30 seconds; else equal to hold_seconds
  int hold_breaths = 0;      // a hold counted in breaths (the countdown allows kSecondsPerBreath)
  std::string breath;        // a breath cue: "Breathe out as you sink."
  std::string side;          // "", "left", "right"
  int repeat = 1;            // how many times the step is done
  bool added = false;        // a standard cue added by the knowledge, not from the document

  static constexpr int kSecondsPerBreath = 5;
  // Seconds the player counts down for this step, 0 when there is no hold.
  int CountdownSeconds() const {
    return hold_seconds > 0 ? hold_seconds : hold_breaths * kSecondsPerBreath;
  }
};

struct Sequence {
  std::string id;    // "seated-twist"
  std::string name;  // "the seated twist"
  std::string intro;
  std::vector<Step> steps;
};

struct SafetySign {
  std::string id;
  std::vector<std::string> patterns;  // RE2, over the normalised input
  std::string notice;                 // what to tell the person
  bool urgent = false;
};

struct SmallTalk {
  std::string id;                     // "greeting", "thanks", ...
  std::vector<std::string> patterns;  // RE2, over the normalised input; the whole line must match
  std::string reply;
};

struct Settings {
  double threshold = 0.5;       // an answer needs at least this score
  double margin = 0.05;         // ... and this much over the runner-up
  double suggest_floor = 0.25;  // below this nothing is close enough to suggest
};

struct Knowledge {
  std::string source;  // where the knowledge came from: a path, or "built-in"
  std::string document;
  Settings settings;
  std::vector<Intent> intents;
  std::vector<Sequence> sequences;
  std::vector<std::pair<std::string, std::string>> synonyms;  // word -> canonical word
  std::vector<std::string> covered;    // body parts and topics the document covers
  std::vector<std::string> uncovered;  // those it does not: "lower back", "neck", "knee"
  std::vector<SafetySign> safety;
  // Words of pain said during a stretch ("ouch", "sharp pain", "stop"): the sequence ends at
  // once with this notice. Empty patterns: nothing is watched for.
  SafetySign pain;
  std::vector<SmallTalk> small_talk;
  std::string disclaimer;

  const Sequence* FindSequence(std::string_view id) const;
};

// Parses and validates knowledge from `text`; `name` is used in error messages. On failure
// returns false, leaves *out untouched and sets *err to one line per problem:
//   "FILE:LINE:COLUMN: message" plus the source line and a caret, for JSON syntax;
//   "FILE: /json/pointer: message" for content (wrong field, bad regex, duplicate id, ...).
bool LoadKnowledge(std::string_view text, const std::string& name, Knowledge* out,
                   std::string* err);

// Reads `path` and loads it. Unreadable files, folders, binary and empty files are errors.
bool LoadKnowledgeFile(const std::string& path, Knowledge* out, std::string* err);

// The knowledge compiled into the binary from knowledge/back.json.
std::string_view BuiltinKnowledgeText();
bool LoadBuiltinKnowledge(Knowledge* out, std::string* err);

}  // namespace backtalk

#endif  // BACKTALK_KNOWLEDGE_KNOWLEDGE_H_
