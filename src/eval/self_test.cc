#include "eval/self_test.h"

#include <absl/strings/str_split.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_set>

#include "text/normalize.h"

namespace backtalk {

namespace {

// A wrong answer does more harm than no answer, and an everyday question answered from this
// knowledge is as bad.
constexpr double kWrongCost = 4.0;
constexpr double kProbeCost = 2.0;
constexpr size_t kMaxMissedShown = 3;
constexpr size_t kMaxAnswerQuestions = 4;  // per intent
constexpr size_t kAnswerQuestionWords = 3;
// The sweep, in hundredths.
constexpr int kSweepFrom = 20, kSweepTo = 90, kMarginFrom = 5, kMarginTo = 20;

std::string Join(const std::vector<std::string>& words, size_t skip = std::string::npos) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i == skip || words[i].empty()) continue;
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// printf onto the end of `out`; a line is cut at 511 bytes.
__attribute__((format(printf, 2, 3))) void Appendf(std::string* out, const char* format, ...) {
  char line[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(line, sizeof line, format, args);
  va_end(args);
  *out += line;
}

// One typo a person makes: two letters swapped in the middle of the word, or one dropped.
std::string Typo(const std::string& word) {
  size_t mid = word.size() / 2;
  std::string out = word;
  if (out[mid - 1] != out[mid]) {
    std::swap(out[mid - 1], out[mid]);
  } else {
    out.erase(mid, 1);
  }
  return out;
}

bool IsContent(const Analyzer& analyzer, const std::string& word) {
  return !analyzer.Terms(word).empty();
}

struct Outcome {
  int intent = -1;                // the best candidate
  std::vector<Candidate> ranked;  // the best two, without their evidence
  bool blocked = false;  // small talk, an uncovered topic, an unknown word: never an answer
};

Outcome Ask(const Engine& engine, const std::string& text) {
  Reply r = engine.Ask(text);
  Outcome o;
  o.blocked = r.small_talk != nullptr || !r.match.uncovered.empty() || r.match.off_topic;
  for (size_t i = 0; i < r.match.ranked.size() && i < 2; ++i) {
    Candidate c = r.match.ranked[i];
    c.evidence.clear();
    o.ranked.push_back(std::move(c));
  }
  if (!o.ranked.empty()) o.intent = o.ranked[0].intent;
  return o;
}

// The intent answered under these settings, or -1; as the matcher decides.
int Decide(const Outcome& o, Settings s) {
  if (o.blocked || o.intent < 0) return -1;
  s.margin -= 1e-9;
  return backtalk::Decide(o.ranked, s) == Verdict::kAnswer ? o.intent : -1;
}

std::vector<std::string> SplitSentences(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool end = c == '\n' || ((c == '.' || c == '?' || c == '!') &&
                             (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n'));
    if (!end) current += c;
    if (end || i + 1 == text.size()) {
      if (!current.empty()) out.push_back(current);
      current.clear();
    }
  }
  return out;
}

}  // namespace

std::vector<Variant> QuestionVariants(const std::string& question, const Knowledge& knowledge,
                                      const Analyzer& analyzer) {
  std::vector<Variant> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& text, const char* kind) {
    if (text.empty() || !seen.insert(FoldCase(text)).second) return;
    out.push_back({text, kind});
  };
  add(question, "question");
  std::vector<std::string> words = NormalizeWords(question);
  std::vector<size_t> content;
  for (size_t i = 0; i < words.size(); ++i)
    if (IsContent(analyzer, words[i])) content.push_back(i);

  for (size_t i : content) {
    if (words[i].size() < 4) continue;
    std::vector<std::string> typo = words;
    typo[i] = Typo(words[i]);
    add(Join(typo), "typo");
  }
  if (content.size() >= 2)
    for (size_t i : content) add(Join(words, i), "dropped word");
  for (size_t i : content) {
    std::vector<std::string> own = analyzer.Terms(words[i]);
    // Either way round ("mid" for "middle", or "middle" for "mid"); the shortest one-word
    // alternative, as people type.
    std::string other;
    for (const auto& [from, to] : knowledge.synonyms) {
      std::string candidate;
      if (analyzer.Terms(to) == own && FoldCase(from) != words[i])
        candidate = FoldCase(from);
      else if (FoldCase(from) == words[i] && FoldCase(to) != words[i])
        candidate = FoldCase(to);
      if (candidate.empty() || candidate.find(' ') != std::string::npos) continue;
      if (other.empty() || candidate.size() < other.size() ||
          (candidate.size() == other.size() && candidate < other))
        other = candidate;
    }
    if (other.empty()) continue;
    std::vector<std::string> swapped = words;
    swapped[i] = other;
    add(Join(swapped), "synonym");
  }
  // Casual rewordings.
  std::vector<std::string> casual = words;
  for (std::string& w : casual)
    if (w == "your") w = "my";
  add(Join(casual), "rewording");
  std::vector<std::string> only;
  for (size_t i : content) only.push_back(words[i]);
  add(Join(only), "rewording");
  if (!words.empty() && words[0] == "how" && !content.empty()) {
    std::vector<std::string> rest(casual.begin() + static_cast<long>(content[0]), casual.end());
    add("how to " + Join(rest), "rewording");
    add("how can i " + Join(rest), "rewording");
  }
  if (!words.empty() && words[0] == "why") {
    std::vector<std::string> topic;
    for (size_t i : content)
      if (words[i] != "why") topic.push_back(words[i]);
    if (topic.size() >= 2) {
      std::string last = topic.back();
      topic.pop_back();
      add("why is my " + Join(topic) + " so " + last, "rewording");
    }
  }
  if (words.size() > 3 && (words[0] == "what" || words[0] == "which") &&
      (words[1] == "is" || words[1] == "are")) {
    size_t from = words[2] == "the" || words[2] == "a" ? 3 : 2;
    add(Join(std::vector<std::string>(casual.begin() + static_cast<long>(from), casual.end())),
        "rewording");
  }
  return out;
}

std::map<std::string, int> TermIntents(const Knowledge& knowledge, const Analyzer& analyzer) {
  std::map<std::string, int> df;
  for (const Intent& other : knowledge.intents) {
    std::set<std::string> terms;
    for (const std::string& text : {other.question, other.answer})
      for (const std::string& t : analyzer.Terms(text)) terms.insert(t);
    for (const std::string& t : terms) ++df[t];
  }
  return df;
}

std::vector<std::string> AnswerQuestions(const Knowledge& knowledge, size_t intent,
                                         const Analyzer& analyzer,
                                         const std::map<std::string, int>& term_intents) {
  // A question about an answer names what is particular to it: its words that fewest intents
  // use.
  auto df = [&term_intents](const std::string& t) {
    auto it = term_intents.find(t);
    return it == term_intents.end() ? 0 : it->second;
  };
  const Intent& it = knowledge.intents[intent];
  std::vector<std::string> own = analyzer.Terms(it.question);
  std::string topic;  // the question's rarest word, which a person often adds
  int rarest = 1 << 30;
  for (const std::string& w : NormalizeWords(it.question)) {
    std::vector<std::string> t = analyzer.Terms(w);
    if (t.size() == 1 && df(t[0]) < rarest) {
      rarest = df(t[0]);
      topic = w;
    }
  }
  static const char* const kOpenings[] = {"how do i", "what about", "can i", "is it ok to"};
  std::vector<std::string> out;
  for (const std::string& sentence : SplitSentences(it.answer)) {
    if (out.size() >= kMaxAnswerQuestions) break;
    std::vector<std::pair<int, size_t>> ranked;  // {df, position}
    std::vector<std::string> words = NormalizeWords(sentence);
    for (size_t i = 0; i < words.size(); ++i) {
      std::vector<std::string> t = analyzer.Terms(words[i]);
      if (t.size() != 1 || std::find(own.begin(), own.end(), t[0]) != own.end()) continue;
      ranked.emplace_back(df(t[0]), i);
    }
    if (ranked.size() < kAnswerQuestionWords) continue;
    std::stable_sort(ranked.begin(), ranked.end());
    ranked.resize(kAnswerQuestionWords);
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    std::string q = kOpenings[out.size() % 4];
    for (const auto& [count, i] : ranked) q += " " + words[i];
    if (out.size() % 2 == 1 && !topic.empty()) q += " " + topic;
    out.push_back(q);
  }
  return out;
}

std::vector<std::string> EverydayQuestions() {
  std::string_view text = EverydayQuestionsText();
  std::vector<std::string> out =
      absl::StrSplit(absl::string_view(text.data(), text.size()), '\n', absl::SkipEmpty());
  std::erase_if(out, [](const std::string& line) { return line[0] == '#'; });
  return out;
}

std::vector<std::string> Probes(const Knowledge& knowledge, const Analyzer& analyzer) {
  std::string all;
  for (const Intent& intent : knowledge.intents)
    for (const std::string& text : {intent.question, intent.answer})
      all += " " + Join(NormalizeWords(text, 100000)) + " ";
  auto known = [&](const std::string& word) {
    return all.find(" " + word + " ") != std::string::npos;
  };
  static const char* const kStrangers[] = {"volcano",   "passport", "saxophone", "mortgage",
                                           "origami",   "lasagna",  "telescope", "parliament",
                                           "submarine", "tuxedo"};
  std::vector<std::string> strangers;
  for (const char* s : kStrangers)
    if (!known(s)) strangers.push_back(s);
  std::vector<std::string> probes;
  for (const Intent& intent : knowledge.intents) {
    // The question's topic words go, all but its most common one: what is left has the
    // question's shape only, and must not be answered.
    double lightest = 1e9;
    for (const WeightedTerm& k : intent.keywords) lightest = std::min(lightest, k.weight);
    std::vector<std::string> words = NormalizeWords(intent.question);
    size_t used = 0;
    for (std::string& word : words) {
      std::vector<std::string> terms = analyzer.Terms(word);
      if (terms.size() != 1) continue;
      bool topic = false;
      for (const WeightedTerm& k : intent.keywords)
        topic = topic || (analyzer.Terms(k.term) == terms &&
                          (k.weight > lightest || intent.keywords.size() == 1));
      if (topic && used < strangers.size()) word = strangers[used++];
    }
    if (used > 0) probes.push_back(Join(words));
  }
  static const char* const kOffTopic[] = {"what is the weather like tomorrow",
                                          "how do i renew my passport",
                                          "tell me a joke",
                                          "what is the capital of france",
                                          "how do i bake bread",
                                          "who won the game",
                                          "how much does a new phone cost",
                                          "what time is it"};
  for (const char* line : kOffTopic) {
    bool clean = true;
    for (const std::string& w : NormalizeWords(line))
      if (IsContent(analyzer, w) && known(w)) clean = false;
    if (clean) probes.push_back(line);
  }
  return probes;
}

SelfTestReport SelfTest(const Engine& engine) {
  const Knowledge& k = engine.knowledge();
  const Analyzer& analyzer = engine.matcher().analyzer();
  SelfTestReport report;
  std::vector<std::pair<int, Outcome>> asked;  // {expected intent, outcome}
  std::vector<std::set<std::string>> questions;
  for (const Intent& intent : k.intents) {
    std::vector<std::string> terms = analyzer.Terms(intent.question);
    questions.emplace_back(terms.begin(), terms.end());
  }
  const std::map<std::string, int> term_intents = TermIntents(k, analyzer);
  std::vector<std::string> context;  // two words of an everyday question that k never uses
  for (const std::string& line : EverydayQuestions()) {
    std::vector<std::string> unknown = analyzer.Analyze(line).unknown;
    if (unknown.size() >= 2) context.push_back(unknown[0] + " " + unknown[1]);
  }
  for (size_t i = 0; i < k.intents.size(); ++i) {
    IntentReach reach;
    reach.intent = static_cast<int>(i);
    std::vector<Variant> variants = QuestionVariants(k.intents[i].question, k, analyzer);
    for (const std::string& q : AnswerQuestions(k, i, analyzer, term_intents))
      variants.push_back({q, "answer"});
    // People say why they ask: each variant again after a few words the knowledge never uses.
    for (size_t v = 0, n = variants.size(); v < n && !context.empty(); ++v)
      variants.push_back({context[(i + v) % context.size()] + " " + variants[v].text, "context"});
    for (const Variant& v : variants) {
      // A variant that has become another question ("stretch your upper middle back" without
      // "upper") belongs to that question.
      std::vector<std::string> terms = analyzer.Terms(v.text);
      std::set<std::string> set(terms.begin(), terms.end());
      bool other = false;
      for (size_t j = 0; j < questions.size(); ++j)
        other = other || (j != i && set == questions[j]);
      if (other) continue;
      Outcome o = Ask(engine, v.text);
      asked.emplace_back(reach.intent, o);
      int got = Decide(o, k.settings);
      ++reach.variants;
      if (got == reach.intent) {
        ++reach.reached;
        if (v.kind == std::string("question")) reach.question_reached = true;
      } else {
        if (got >= 0) ++reach.lost_to[got];
        if (reach.missed.size() < kMaxMissedShown)
          reach.missed.push_back(v.text + (got >= 0 ? " -> " + k.intents[got].id : " -> -"));
      }
    }
    report.variants += reach.variants;
    if (reach.reached == 0) report.unreachable.push_back(reach.intent);
    for (const auto& [other, n] : reach.lost_to)
      if (n > reach.reached || (!reach.question_reached && n > 0)) {
        report.shadowed.emplace_back(reach.intent, other);
        break;
      }
    report.intents.push_back(std::move(reach));
  }
  std::vector<Outcome> probes;
  std::vector<std::string> lines = Probes(k, analyzer);
  for (std::string& e : EverydayQuestions()) lines.push_back(std::move(e));
  for (const std::string& p : lines) {
    probes.push_back(Ask(engine, p));
    int got = Decide(probes.back(), k.settings);
    if (got >= 0) report.probes_answered.push_back(p + " -> " + k.intents[got].id);
  }
  report.probes = static_cast<int>(probes.size());

  auto measure = [&](double threshold, double margin) {
    SweepPoint p;
    p.threshold = threshold;
    p.margin = margin;
    for (const auto& [expected, o] : asked) {
      // The floor only parts suggestions from "I don't know": it plays no part here, so the
      // recommendation depends on the knowledge's content alone.
      int got = Decide(o, {threshold, margin, 0});
      if (got == expected)
        ++p.right;
      else if (got >= 0)
        ++p.wrong;
    }
    for (const Outcome& o : probes)
      if (Decide(o, {threshold, margin, 0}) >= 0) ++p.probes;
    double v = std::max(1, report.variants);
    p.utility = (p.right - kWrongCost * p.wrong) / v -
                kProbeCost * (report.probes ? double(p.probes) / report.probes : 0);
    return p;
  };
  report.current = measure(k.settings.threshold, k.settings.margin);
  // The best utility; among thresholds that reach it at the best margin, the middle one, so
  // the choice does not sit on the edge of what the generated questions happened to score.
  SweepPoint best = measure(kSweepFrom / 100.0, kMarginFrom / 100.0);
  for (int t = kSweepFrom; t <= kSweepTo; t += 2)
    for (int m = kMarginFrom; m <= kMarginTo; ++m) {
      SweepPoint p = measure(t / 100.0, m / 100.0);
      if (p.utility > best.utility + 1e-9) best = p;
    }
  std::vector<SweepPoint> ties;
  for (int t = kSweepFrom; t <= kSweepTo; t += 2) {
    SweepPoint p = measure(t / 100.0, best.margin);
    if (p.utility >= best.utility - 1e-9) ties.push_back(p);
  }
  report.recommended = ties.empty() ? best : ties[ties.size() / 2];
  for (int t = kSweepFrom; t <= kSweepTo; t += 5)
    report.threshold_sweep.push_back(measure(t / 100.0, report.recommended.margin));
  for (int m = 0; m <= kMarginTo; m += 2)
    report.margin_sweep.push_back(measure(report.recommended.threshold, m / 100.0));
  return report;
}

Settings Calibrate(const Engine& engine) {
  Settings s = engine.knowledge().settings;
  SelfTestReport report = SelfTest(engine);
  s.threshold = report.recommended.threshold;
  s.margin = report.recommended.margin;
  // Closest topics are worth showing somewhat below what is answered.
  s.suggest_floor = std::round(s.threshold * 75) / 100;
  return s;
}

std::string FormatSelfTest(const SelfTestReport& report, const Knowledge& k) {
  std::string out;
  auto percent = [](int n, int of) { return of ? 100.0 * n / of : 100.0; };
  Appendf(&out,
          "self-test of %s: %zu intents, %d variants (typos, dropped words, synonyms, "
          "rewordings, questions about the answers, each after unrelated context too), "
          "%d probes (near misses and everyday questions)\n\n",
          k.source.c_str(), k.intents.size(), report.variants, report.probes);
  out += "reached   intent\n";
  for (const IntentReach& r : report.intents) {
    const Intent& intent = k.intents[static_cast<size_t>(r.intent)];
    Appendf(&out, "%3d/%-3d   %s  \"%s\"%s\n", r.reached, r.variants, intent.id.c_str(),
            intent.question.c_str(),
            r.question_reached ? "" : "  (its own question does not come back)");
    for (const auto& [other, n] : r.lost_to)
      Appendf(&out, "          %d answered as %s\n", n,
              k.intents[static_cast<size_t>(other)].id.c_str());
    for (const std::string& m : r.missed) out += "          missed: " + m + "\n";
  }
  out += "\n";
  if (report.unreachable.empty()) out += "unreachable: none\n";
  for (int i : report.unreachable)
    out += "unreachable: " + k.intents[static_cast<size_t>(i)].id +
           " (no variant of its question comes back to it)\n";
  if (report.shadowed.empty()) out += "shadowed: none\n";
  for (const auto& [i, by] : report.shadowed)
    out += "shadowed: " + k.intents[static_cast<size_t>(i)].id + " by " +
           k.intents[static_cast<size_t>(by)].id + "\n";
  for (const std::string& p : report.probes_answered) out += "probe answered: " + p + "\n";
  const SweepPoint& c = report.current;
  const SweepPoint& r = report.recommended;
  Appendf(&out,
          "\nat threshold %.2f, margin %.2f: %d/%d variants right (%.1f%%), %d wrong, "
          "%d/%d probes answered\n",
          c.threshold, c.margin, c.right, report.variants, percent(c.right, report.variants),
          c.wrong, c.probes, report.probes);
  auto table = [&](const std::vector<SweepPoint>& points) {
    out += "  threshold  margin   right   wrong  probes\n";
    for (const SweepPoint& p : points)
      Appendf(&out, "  %9.2f  %6.2f  %5.1f%%  %5.1f%%  %3d/%d%s\n", p.threshold, p.margin,
              percent(p.right, report.variants), percent(p.wrong, report.variants), p.probes,
              report.probes,
              p.threshold == r.threshold && p.margin == r.margin ? "  <- recommended" : "");
  };
  Appendf(&out, "\nthreshold sweep (margin %.2f):\n", r.margin);
  table(report.threshold_sweep);
  Appendf(&out, "\nmargin sweep (threshold %.2f):\n", r.threshold);
  table(report.margin_sweep);
  if (std::abs(r.threshold - c.threshold) < 1e-9 && std::abs(r.margin - c.margin) < 1e-9) {
    Appendf(&out, "\nrecommended: keep threshold %.2f and margin %.2f\n", c.threshold, c.margin);
  } else {
    Appendf(&out,
            "\nrecommended: \"settings\": {\"threshold\": %.2f, \"margin\": %.2f} "
            "(right %.1f%% -> %.1f%%, wrong %.1f%% -> %.1f%%, probes %d -> %d)\n",
            r.threshold, r.margin, percent(c.right, report.variants),
            percent(r.right, report.variants), percent(c.wrong, report.variants),
            percent(r.wrong, report.variants), c.probes, r.probes);
  }
  return out;
}

}  // namespace backtalk
