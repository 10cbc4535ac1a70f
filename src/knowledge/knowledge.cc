#include "knowledge/knowledge.h"

#include <absl/strings/str_join.h>
#include <absl/strings/str_replace.h>

#include <set>
#include <sstream>

#include "knowledge/json_tree.h"
#include "util/read_file.h"
#include "util/regex.h"
#include "util/source_error.h"

namespace backtalk {

using json = JsonValue;

const Sequence* Knowledge::FindSequence(std::string_view id) const {
  for (const Sequence& sequence : sequences)
    if (sequence.id == id) return &sequence;
  return nullptr;
}

namespace {

// Walks the parsed JSON, converting and checking it; every problem is collected with the JSON
// pointer of the value it is about.
class Reader {
 public:
  Reader(const std::string& name, bool check_patterns)
      : name_(name), check_patterns_(check_patterns) {}

  void Error(const std::string& pointer, const std::string& message) {
    errors_.push_back({name_, 0, 0, pointer.empty() ? "/" : pointer, message});
  }
  bool ok() const { return errors_.empty(); }
  std::string Errors() const { return FormatErrors(errors_); }

  static std::string Child(const std::string& pointer, const std::string& key) {
    return pointer + "/" + absl::StrReplaceAll(key, {{"~", "~0"}, {"/", "~1"}});
  }
  static std::string Child(const std::string& pointer, size_t index) {
    return pointer + "/" + std::to_string(index);
  }

  // Reports every key of `object` not in `allowed`.
  void OnlyFields(const json& object, const std::string& pointer,
                  std::initializer_list<const char*> allowed) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      bool known = false;
      for (const char* a : allowed) known = known || it.key() == a;
      if (!known)
        Error(Child(pointer, it.key()),
              "unknown field (expected one of: " + absl::StrJoin(allowed, ", ") + ")");
    }
  }

  bool Object(const json& value, const std::string& pointer) {
    if (value.is_object()) return true;
    Error(pointer, std::string("expected an object, found ") + value.type_name());
    return false;
  }

  bool Array(const json& value, const std::string& pointer) {
    if (value.is_array()) return true;
    Error(pointer, std::string("expected an array, found ") + value.type_name());
    return false;
  }

  // A string field; required ones must be present and non-empty.
  std::string String(const json& object, const std::string& pointer, const char* key,
                     bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
      if (required) Error(Child(pointer, key), "missing (a string is required)");
      return "";
    }
    if (!it->is_string()) {
      Error(Child(pointer, key), std::string("expected a string, found ") + it->type_name());
      return "";
    }
    std::string value = it->string();
    if (required && value.find_first_not_of(" \t\n") == std::string::npos)
      Error(Child(pointer, key), "must not be empty");
    return value;
  }

  int Integer(const json& object, const std::string& pointer, const char* key, int min, int max,
              int fallback) {
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    std::string at = Child(pointer, key);
    if (!it->is_number_integer()) {
      Error(at, std::string("expected a whole number, found ") + it->type_name());
      return fallback;
    }
    long long v = it->integer();
    if (v < min || v > max) {
      Error(at, "must be from " + std::to_string(min) + " to " + std::to_string(max));
      return fallback;
    }
    return static_cast<int>(v);
  }

  double Number(const json& object, const std::string& pointer, const char* key, double min,
                double max, double fallback) {
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    return NumberValue(*it, pointer, key, min, max, fallback);
  }

  // The value at Child(pointer, key), or at `pointer` when `key` is empty: the pointer is built
  // only for an error, not for each of the thousands of weights of a large knowledge.
  double NumberValue(const json& value, const std::string& pointer, const std::string& key,
                     double min, double max, double fallback) {
    auto at = [&] { return key.empty() ? pointer : Child(pointer, key); };
    if (!value.is_number()) {
      Error(at(), std::string("expected a number, found ") + value.type_name());
      return fallback;
    }
    double v = value.number();
    if (!(v >= min && v <= max)) {
      std::ostringstream range;
      range << "must be from " << min << " to " << max;
      Error(at(), range.str());
      return fallback;
    }
    return v;
  }

  bool Bool(const json& object, const std::string& pointer, const char* key) {
    auto it = object.find(key);
    if (it == object.end()) return false;
    if (!it->is_boolean()) {
      Error(Child(pointer, key), std::string("expected true or false, found ") + it->type_name());
      return false;
    }
    return it->boolean();
  }

  std::vector<std::string> Strings(const json& object, const std::string& pointer,
                                   const char* key) {
    std::vector<std::string> out;
    auto it = object.find(key);
    if (it == object.end()) return out;
    std::string at = Child(pointer, key);
    if (!Array(*it, at)) return out;
    for (size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      if (!item.is_string() || item.string().empty()) {
        Error(Child(at, i), std::string("expected a non-empty string, found ") +
                                (item.is_string() ? "an empty one" : item.type_name()));
        continue;
      }
      out.push_back(item.string());
    }
    return out;
  }

  // Patterns must compile with RE2, as the matcher will compile them.
  std::vector<std::string> Patterns(const json& object, const std::string& pointer,
                                    const char* key) {
    std::vector<std::string> patterns = Strings(object, pointer, key);
    auto it = object.find(key);
    if (!check_patterns_ || it == object.end() || !it->is_array()) return patterns;
    for (size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      if (!item.is_string()) continue;
      std::string error;
      if (!CheckPattern(item.string(), &error))
        Error(Child(Child(pointer, key), i), "invalid pattern: " + error);
    }
    return patterns;
  }

  // {"word": weight, ...}
  std::vector<WeightedTerm> Terms(const json& object, const std::string& pointer, const char* key,
                                  bool required, double max_weight) {
    std::vector<WeightedTerm> out;
    std::string at = Child(pointer, key);
    auto it = object.find(key);
    if (it == object.end()) {
      if (required) Error(at, "missing (an object of word: weight is required)");
      return out;
    }
    if (!Object(*it, at)) return out;
    if (required && it->empty()) Error(at, "must name at least one word");
    out.reserve(it->size());
    for (auto term = it->begin(); term != it->end(); ++term) {
      if (term.key().find_first_not_of(" \t") == std::string::npos) {
        Error(Child(at, term.key()), "a keyword must not be empty");
        continue;
      }
      double weight = NumberValue(term.value(), at, term.key(), 0.01, max_weight, -1);
      if (weight > 0) out.push_back({term.key(), weight});
    }
    return out;
  }

 private:
  std::string name_;
  bool check_patterns_;  // parse every pattern to report the bad ones
  std::vector<SourceError> errors_;
};

void ReadIntents(Reader& r, const json& root, Knowledge* k) {
  auto it = root.find("intents");
  if (it == root.end()) {
    r.Error("/intents", "missing (an array of intents is required)");
    return;
  }
  if (!r.Array(*it, "/intents")) return;
  if (it->empty()) r.Error("/intents", "must hold at least one intent");
  std::set<std::string> ids;
  for (size_t i = 0; i < it->size(); ++i) {
    std::string p = Reader::Child("/intents", i);
    const json& item = (*it)[i];
    if (!r.Object(item, p)) continue;
    r.OnlyFields(item, p,
                 {"id", "question", "answer", "keywords", "related", "patterns", "sequence"});
    Intent intent;
    intent.id = r.String(item, p, "id", true);
    intent.question = r.String(item, p, "question", true);
    intent.answer = r.String(item, p, "answer", true);
    intent.keywords = r.Terms(item, p, "keywords", true, 10.0);
    intent.related = r.Terms(item, p, "related", false, 1.0);
    intent.patterns = r.Patterns(item, p, "patterns");
    intent.sequence = r.String(item, p, "sequence", false);
    if (!intent.id.empty() && !ids.insert(intent.id).second)
      r.Error(Reader::Child(p, "id"), "duplicate intent id '" + intent.id + "'");
    k->intents.push_back(std::move(intent));
  }
}

void ReadSequences(Reader& r, const json& root, Knowledge* k) {
  auto it = root.find("sequences");
  if (it == root.end()) return;
  if (!r.Array(*it, "/sequences")) return;
  std::set<std::string> ids;
  for (size_t i = 0; i < it->size(); ++i) {
    std::string p = Reader::Child("/sequences", i);
    const json& item = (*it)[i];
    if (!r.Object(item, p)) continue;
    r.OnlyFields(item, p, {"id", "name", "intro", "steps"});
    Sequence seq;
    seq.id = r.String(item, p, "id", true);
    seq.name = r.String(item, p, "name", true);
    seq.intro = r.String(item, p, "intro", false);
    if (!seq.id.empty() && !ids.insert(seq.id).second)
      r.Error(Reader::Child(p, "id"), "duplicate sequence id '" + seq.id + "'");
    auto steps = item.find("steps");
    std::string sp = Reader::Child(p, "steps");
    if (steps == item.end()) {
      r.Error(sp, "missing (an array of steps is required)");
    } else if (r.Array(*steps, sp)) {
      if (steps->empty()) r.Error(sp, "must hold at least one step");
      for (size_t j = 0; j < steps->size(); ++j) {
        std::string stp = Reader::Child(sp, j);
        const json& s = (*steps)[j];
        if (!r.Object(s, stp)) continue;
        r.OnlyFields(s, stp,
                     {"text", "hold_seconds", "hold_breaths", "breath", "side", "repeat", "added"});
        Step step;
        step.text = r.String(s, stp, "text", true);
        auto hold = s.find("hold_seconds");
        if (hold != s.end() && hold->is_array()) {
          // A range such as [15, 30]: the countdown uses the lower bound.
          std::string hp = Reader::Child(stp, "hold_seconds");
          if (hold->size() != 2) {
            r.Error(hp, "a range must be [lowest, highest]");
          } else {
            step.hold_seconds = static_cast<int>(r.NumberValue((*hold)[0], hp, "0", 1, 3600, 0));
            step.hold_seconds_max =
                static_cast<int>(r.NumberValue((*hold)[1], hp, "1", 1, 3600, 0));
            if (step.hold_seconds_max < step.hold_seconds)
              r.Error(hp, "the highest must not be below the lowest");
          }
        } else {
          step.hold_seconds = r.Integer(s, stp, "hold_seconds", 1, 3600, 0);
          step.hold_seconds_max = step.hold_seconds;
        }
        step.hold_breaths = r.Integer(s, stp, "hold_breaths", 1, 100, 0);
        if (step.hold_seconds > 0 && step.hold_breaths > 0)
          r.Error(stp, "a step holds for seconds or for breaths, not both");
        step.breath = r.String(s, stp, "breath", false);
        step.side = r.String(s, stp, "side", false);
        if (!step.side.empty() && step.side != "left" && step.side != "right")
          r.Error(Reader::Child(stp, "side"), "must be \"left\" or \"right\"");
        step.repeat = r.Integer(s, stp, "repeat", 1, 100, 1);
        step.added = r.Bool(s, stp, "added");
        seq.steps.push_back(std::move(step));
      }
    }
    k->sequences.push_back(std::move(seq));
  }
}

void ReadSynonyms(Reader& r, const json& root, Knowledge* k) {
  auto it = root.find("synonyms");
  if (it == root.end()) return;
  if (!r.Object(*it, "/synonyms")) return;
  for (auto s = it->begin(); s != it->end(); ++s) {
    std::string at = Reader::Child("/synonyms", s.key());
    if (!s.value().is_string() || s.value().string().empty()) {
      r.Error(at, "expected the canonical word as a non-empty string");
      continue;
    }
    if (s.key().empty()) {
      r.Error(at, "a synonym must not be empty");
      continue;
    }
    k->synonyms.emplace_back(s.key(), s.value().string());
  }
}

void ReadSafety(Reader& r, const json& root, Knowledge* k) {
  auto it = root.find("safety");
  if (it == root.end()) return;
  if (!r.Array(*it, "/safety")) return;
  std::set<std::string> ids;
  for (size_t i = 0; i < it->size(); ++i) {
    std::string p = Reader::Child("/safety", i);
    const json& item = (*it)[i];
    if (!r.Object(item, p)) continue;
    r.OnlyFields(item, p, {"id", "patterns", "notice", "urgent"});
    SafetySign sign;
    sign.id = r.String(item, p, "id", true);
    sign.patterns = r.Patterns(item, p, "patterns");
    if (sign.patterns.empty()) r.Error(Reader::Child(p, "patterns"), "must hold a pattern");
    sign.notice = r.String(item, p, "notice", true);
    sign.urgent = r.Bool(item, p, "urgent");
    if (!sign.id.empty() && !ids.insert(sign.id).second)
      r.Error(Reader::Child(p, "id"), "duplicate safety id '" + sign.id + "'");
    k->safety.push_back(std::move(sign));
  }
}

void ReadPain(Reader& r, const json& root, Knowledge* k) {
  auto it = root.find("pain");
  if (it == root.end() || !r.Object(*it, "/pain")) return;
  r.OnlyFields(*it, "/pain", {"patterns", "notice"});
  k->pain.id = "pain";
  k->pain.patterns = r.Patterns(*it, "/pain", "patterns");
  if (k->pain.patterns.empty()) r.Error("/pain/patterns", "must hold a pattern");
  k->pain.notice = r.String(*it, "/pain", "notice", true);
  k->pain.urgent = true;
}

void ReadSmallTalk(Reader& r, const json& root, Knowledge* k) {
  auto it = root.find("small_talk");
  if (it == root.end()) return;
  if (!r.Array(*it, "/small_talk")) return;
  for (size_t i = 0; i < it->size(); ++i) {
    std::string p = Reader::Child("/small_talk", i);
    const json& item = (*it)[i];
    if (!r.Object(item, p)) continue;
    r.OnlyFields(item, p, {"id", "patterns", "reply"});
    SmallTalk talk;
    talk.id = r.String(item, p, "id", true);
    talk.patterns = r.Patterns(item, p, "patterns");
    if (talk.patterns.empty()) r.Error(Reader::Child(p, "patterns"), "must hold a pattern");
    talk.reply = r.String(item, p, "reply", true);
    k->small_talk.push_back(std::move(talk));
  }
}

void CheckReferences(Reader& r, const Knowledge& k) {
  for (size_t i = 0; i < k.intents.size(); ++i) {
    const std::string& seq = k.intents[i].sequence;
    if (!seq.empty() && k.FindSequence(seq) == nullptr)
      r.Error(Reader::Child(Reader::Child("/intents", i), "sequence"),
              "unknown sequence '" + seq + "'");
  }
}

bool Load(std::string_view text, const std::string& name, bool check_patterns, Knowledge* out,
          std::string* err) {
  if (text.find('\0') != std::string_view::npos) {
    *err = FormatError({name, 0, 0, "", "is a binary file, not a knowledge file (JSON)"});
    return false;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    *err = FormatError(
        {name, 0, 0, "", "is empty; a knowledge file is a JSON object with \"intents\""});
    return false;
  }
  json root;
  SourceError syntax;
  if (!JsonValue::Parse(text, name, &root, &syntax)) {
    *err = FormatError(syntax, text);
    return false;
  }
  Reader r(name, check_patterns);
  if (!r.Object(root, "")) {
    *err = r.Errors();
    return false;
  }
  r.OnlyFields(root, "",
               {"format", "document", "settings", "intents", "sequences", "synonyms", "covered",
                "uncovered", "safety", "pain", "small_talk", "disclaimer"});
  Knowledge k;
  k.source = name;
  k.document = r.String(root, "", "document", false);
  k.disclaimer = r.String(root, "", "disclaimer", false);
  if (auto s = root.find("settings"); s != root.end() && r.Object(*s, "/settings")) {
    r.OnlyFields(*s, "/settings", {"threshold", "margin", "suggest_floor"});
    k.settings.threshold = r.Number(*s, "/settings", "threshold", 0, 1, k.settings.threshold);
    k.settings.margin = r.Number(*s, "/settings", "margin", 0, 1, k.settings.margin);
    k.settings.suggest_floor =
        r.Number(*s, "/settings", "suggest_floor", 0, 1, k.settings.suggest_floor);
  }
  ReadIntents(r, root, &k);
  ReadSequences(r, root, &k);
  ReadSynonyms(r, root, &k);
  k.covered = r.Strings(root, "", "covered");
  k.uncovered = r.Strings(root, "", "uncovered");
  ReadSafety(r, root, &k);
  ReadPain(r, root, &k);
  ReadSmallTalk(r, root, &k);
  CheckReferences(r, k);
  if (!r.ok()) {
    *err = r.Errors();
    return false;
  }
  *out = std::move(k);
  return true;
}

}  // namespace

bool LoadKnowledge(std::string_view text, const std::string& name, Knowledge* out,
                   std::string* err) {
  return Load(text, name, /*check_patterns=*/true, out, err);
}

bool LoadKnowledgeFile(const std::string& path, Knowledge* out, std::string* err) {
  static constexpr FileKind kKnowledgeFile = {"knowledge file", "a knowledge file", 64 << 20};
  std::string text;
  if (!ReadWholeFile(path, kKnowledgeFile, &text, err)) return false;
  return LoadKnowledge(text, path, out, err);
}

bool LoadBuiltinKnowledge(Knowledge* out, std::string* err) {
  // Its patterns are not parsed here to be checked: the engine parses them anyway, in its
  // pattern sets, and that second parse was a sixth of every start. They were checked when
  // the program was tested (knowledge_test loads the same text with LoadKnowledge), and a
  // pattern that failed would still stop the engine with its JSON pointer.
  if (!Load(BuiltinKnowledgeText(), "built-in knowledge", /*check_patterns=*/false, out, err))
    return false;
  out->source = "built-in";
  return true;
}

}  // namespace backtalk
