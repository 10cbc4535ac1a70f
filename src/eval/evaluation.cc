#include "eval/evaluation.h"

#include <absl/strings/str_split.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace backtalk {

namespace {

std::string Percent(int part, int whole) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", whole ? 100.0 * part / whole : 100.0);
  return buffer;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

bool ParseLabelled(std::string_view text, const std::string& name, const Knowledge& knowledge,
                   std::vector<LabelledQuestion>* out, std::vector<std::string>* warnings,
                   std::string* err) {
  std::vector<LabelledQuestion> items;
  int number = 0;
  for (absl::string_view piece :
       absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    std::string_view line(piece.data(), piece.size());
    ++number;
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      *err = name + ":" + std::to_string(number) +
             ": expected 'expected<TAB>input' (the expected question or -, a tab, the input)";
      return false;
    }
    LabelledQuestion item{number, Trim(line.substr(0, tab)), Trim(line.substr(tab + 1))};
    if (item.expected != "-") {
      if (std::ranges::none_of(knowledge.intents,
                               [&](const Intent& i) { return i.question == item.expected; }))
        warnings->push_back(name + ":" + std::to_string(number) + ": warning: '" + item.expected +
                            "' is not a question of the knowledge (" + knowledge.source +
                            "); counted as a miss");
    }
    if (item.input.empty()) {
      *err = name + ":" + std::to_string(number) + ": the input after the tab is empty";
      return false;
    }
    items.push_back(std::move(item));
  }
  if (items.empty()) {
    *err = name + ": holds no labelled questions";
    return false;
  }
  *out = std::move(items);
  return true;
}

EvalReport Evaluate(const Engine& engine, const std::vector<LabelledQuestion>& set) {
  EvalReport report;
  for (const LabelledQuestion& item : set) {
    Reply reply = engine.Ask(item.input);
    std::string got = reply.matched() ? reply.intent->question : "-";
    bool correct = got == item.expected;
    if (item.expected == "-") {
      ++report.out_of_scope;
      report.out_of_scope_rejected += correct;
    } else {
      ++report.in_scope;
      report.in_scope_correct += correct;
      report.in_scope_wrong += !correct && reply.matched();
      report.in_scope_suggested +=
          !reply.matched() && !reply.match.ranked.empty() &&
          engine.knowledge().intents[static_cast<size_t>(reply.match.ranked[0].intent)].question ==
              item.expected;
    }
    if (!correct) {
      report.misses.push_back({item, got, reply.score});
      ++report.confusion[{item.expected, got}];
    }
  }
  return report;
}

std::string FormatReport(const EvalReport& r) {
  std::ostringstream out;
  for (const Miss& m : r.misses) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", m.score);
    out << "miss (line " << m.item.line << "): \"" << m.item.input << "\"\n"
        << "  expected: " << m.item.expected << "\n"
        << "  got:      " << m.got << " (score " << score << ")\n";
  }
  if (!r.confusion.empty()) {
    out << "confusion (expected -> got: count):\n";
    for (const auto& [pair, count] : r.confusion)
      out << "  " << pair.first << " -> " << pair.second << ": " << count << "\n";
  }
  out << "in scope:     " << r.in_scope_correct << "/" << r.in_scope << " answered correctly ("
      << Percent(r.in_scope_correct, r.in_scope) << "), " << r.in_scope_wrong
      << " answered wrongly (" << Percent(r.in_scope_wrong, r.in_scope) << "), "
      << r.in_scope_suggested << " not answered but suggested first ("
      << Percent(r.in_scope_suggested, r.in_scope) << ")\n";
  out << "out of scope: " << r.out_of_scope_rejected << "/" << r.out_of_scope << " rejected ("
      << Percent(r.out_of_scope_rejected, r.out_of_scope) << "), "
      << r.out_of_scope - r.out_of_scope_rejected << " answered ("
      << Percent(r.out_of_scope - r.out_of_scope_rejected, r.out_of_scope) << ")\n";
  return out.str();
}

}  // namespace backtalk
