#include "cli/format.h"

#include <absl/strings/str_join.h>

#include <cstdio>
#include <sstream>

namespace backtalk {

namespace {

std::string Fixed(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

}  // namespace

std::string FormatExplanation(const Reply& r, const Engine& engine) {
  const Analysis& a = r.match.analysis;
  const Knowledge& k = engine.knowledge();
  std::ostringstream out;
  out << "input:       " << r.input << "\n";
  out << "normalised:  " << a.uncorrected << "\n";
  auto pairs = [](const std::vector<std::pair<std::string, std::string>>& list) {
    return absl::StrJoin(list, ", ", absl::PairFormatter(" -> "));
  };
  out << "corrections: " << (a.corrections.empty() ? "none" : pairs(a.corrections)) << "\n";
  out << "synonyms:    " << (a.synonyms.empty() ? "none" : pairs(a.synonyms)) << "\n";
  out << "terms:       " << absl::StrJoin(a.terms, " ") << "\n";
  if (!r.match.uncovered.empty())
    out << "uncovered:   " << r.match.uncovered << " (the document does not cover it)\n";
  if (!a.lemmas.empty()) out << "lemmas:      " << pairs(a.lemmas) << "\n";
  if (!r.match.context_words.empty()) {
    out << "context:     " << absl::StrJoin(r.match.context_words, ", ")
        << " (the knowledge never uses them; weight " << Fixed(r.match.context) << ")\n";
  }
  if (r.match.off_topic && r.match.asked_about.empty())
    out << "off topic:   no covered topic is named, beside words the knowledge never uses: never "
           "answered outright\n";
  if (!r.match.asked_about.empty())
    out << "asks about:  " << r.match.asked_about
        << " (a thing the knowledge never names): never answered outright\n";
  if (!r.safety.empty()) {
    out << "safety:      ";
    for (size_t i = 0; i < r.safety.size(); ++i) out << (i ? ", " : "") << r.safety[i]->id;
    out << "\n";
  }
  if (r.small_talk != nullptr) out << "small talk:  " << r.small_talk->id << "\n";
  out << "\n";
  if (r.match.ranked.empty()) out << "no intent shares a word with the input\n";
  for (size_t i = 0; i < r.match.ranked.size(); ++i) {
    const Candidate& c = r.match.ranked[i];
    const Intent& intent = k.intents[static_cast<size_t>(c.intent)];
    out << (i + 1) << ". " << intent.id << "  score " << Fixed(c.score) << "\n"
        << "   \"" << intent.question << "\"\n"
        << "   coverage " << Fixed(c.coverage) << " (share of the input it explains), focus "
        << Fixed(c.focus) << " (share of its question the input names)\n";
    out << "   evidence:";
    if (c.evidence.empty()) out << " none";
    for (const Evidence& e : c.evidence) {
      out << " " << e.term << " (" << FieldName(e.field) << " " << Fixed(e.strength) << " x weight "
          << Fixed(e.weight);
      if (e.age)
        out << ", the age it names nearest " << e.via;
      else if (!e.via.empty())
        out << ", WordNet synonym of " << e.via;
      out << ")";
    }
    out << "\n";
    if (c.passage_words > 0)
      out << "   passage:  " << c.passage_words
          << " of its words in one sentence of the answer (coverage +" << Fixed(c.passage) << ")\n";
    for (const std::string& p : c.patterns_matched)
      out << "   pattern:  " << p << " (lifts the score to at least 0.60)\n";
  }
  const Settings& s = k.settings;
  out << "\ndecision: ";
  switch (r.match.verdict) {
    case Verdict::kAnswer:
      out << "answer (score >= " << Fixed(s.threshold)
          << " and ahead of the runner-up by >= " << Fixed(s.margin) << ")";
      break;
    case Verdict::kAmbiguous:
      out << "suggest (score under " << Fixed(s.threshold) << " or less than " << Fixed(s.margin)
          << " ahead of the runner-up)";
      break;
    case Verdict::kNoAnswer:
      out << "no answer ("
          << (r.match.uncovered.empty() ? "best score under " + Fixed(s.suggest_floor)
                                        : "uncovered topic: " + r.match.uncovered)
          << ")";
      break;
  }
  out << "\n";
  return out.str();
}

}  // namespace backtalk
