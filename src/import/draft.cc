#include "import/draft.h"

#include <absl/strings/ascii.h>
#include <absl/strings/str_join.h>
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "import/steps.h"
#include "match/vocabulary.h"
#include "text/analyzer.h"
#include "text/normalize.h"
#include "text/words.h"

namespace backtalk {

namespace {

constexpr size_t kMaxRelated = 10;
constexpr size_t kMaxPatternWords = 3;
// A word in at most this share of the questions (by normalised idf) is distinctive enough to
// be required by a pattern.
constexpr double kDistinctiveIdf = 0.45;
// Stems this long stand for their inflections in patterns ("stretch\w*"); shorter ones are
// written out, since "whi\w*" (the stem of "why") would match "which" and "while".
constexpr size_t kMinPrefixStem = 5;

double Sum(const std::vector<WeightedTerm>& terms) {
  double sum = 0;
  for (const WeightedTerm& t : terms) sum += t.weight;
  return sum;
}

double Round2(double x) { return std::round(x * 100) / 100; }

bool HasDigit(const std::string& s) { return std::ranges::any_of(s, absl::ascii_isdigit); }

std::vector<std::string> Unique(const std::vector<std::string>& terms) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const std::string& t : terms)
    if (seen.insert(t).second) out.push_back(t);
  return out;
}

// Normalised inverse document frequency: 1 for a term in one item of n, 0 for one in all.
double Idf(int df, int n) {
  if (n <= 1 || df <= 0) return 1;
  return std::log(static_cast<double>(n) / df) / std::log(static_cast<double>(n));
}

// What the drafting knows of the document's words, built once.
class Drafter {
 public:
  Drafter(const FaqDocument& doc, const Knowledge& base) : doc_(doc) {
    // Keep the synonyms that touch a word of the document; the rest would only widen the
    // speller's vocabulary toward words this document never answers about.
    Knowledge plain;
    Analyzer bare(VocabularyOf(plain));
    std::unordered_set<std::string> stems;
    for (const FaqEntry& e : doc.entries)
      for (const std::string& text : {e.question, e.answer})
        for (const std::string& t : bare.Terms(text)) stems.insert(t);
    for (const auto& [from, to] : base.synonyms) {
      bool touches = false;
      for (const std::string& phrase : {from, to})
        for (const std::string& t : bare.Terms(phrase)) touches = touches || stems.count(t) > 0;
      if (touches) knowledge_.synonyms.emplace_back(from, to);
    }
    knowledge_.settings = base.settings;
    knowledge_.pain = base.pain;  // so a drafted stretch still stops at "ouch"
    for (const FaqEntry& e : doc.entries)
      knowledge_.intents.push_back({.question = e.question, .answer = e.answer});
    analyzer_ = std::make_unique<Analyzer>(VocabularyOf(knowledge_));
    for (const FaqEntry& e : doc.entries)
      for (const std::string& text : {e.question, e.answer})
        for (const std::string& w : NormalizeWords(text, 100000)) {
          std::vector<std::string> t = analyzer_->Terms(w);
          if (t.size() == 1) surface_[t[0]].insert(w);
        }
  }

  Knowledge Draft(const std::string& document, DraftReport* report);

 private:
  // A word for the knowledge file that the matcher turns back into exactly `term`.
  std::string Word(const std::string& term) const {
    std::vector<std::string> tries = {analyzer_->Display(term)};
    if (auto it = surface_.find(term); it != surface_.end())
      tries.insert(tries.end(), it->second.begin(), it->second.end());
    tries.push_back(term);
    for (const std::string& w : tries)
      if (analyzer_->Terms(w) == std::vector<std::string>{term}) return w;
    return term;
  }

  // The regular expression for one term: its surface forms and the synonyms that map to it.
  std::string Alternatives(const std::string& term) const {
    std::set<std::string> forms;
    auto add = [&forms](const std::string& phrase) {
      std::vector<std::string> words = NormalizeWords(phrase);
      if (words.empty()) return;
      std::string quoted;
      for (const std::string& w : words) quoted += (quoted.empty() ? "" : " ") + RE2::QuoteMeta(w);
      if (words.size() == 1 && words[0].size() >= 4) quoted += "\\w*";
      forms.insert(quoted);
    };
    if (term.size() >= kMinPrefixStem && !HasDigit(term))
      forms.insert(RE2::QuoteMeta(term) + "\\w*");
    if (auto it = surface_.find(term); it != surface_.end())
      for (const std::string& w : it->second) add(w);
    for (const auto& [from, to] : knowledge_.synonyms)
      if (analyzer_->Terms(to) == std::vector<std::string>{term}) add(from);
    // A form another form already covers ("stretch\w*" covers "stretches") is left out.
    std::vector<std::string> kept;
    for (const std::string& f : forms) {
      bool covered = false;
      for (const std::string& g : forms)
        if (g != f && g.size() > 3 && g.substr(g.size() - 3) == "\\w*" &&
            f.rfind(g.substr(0, g.size() - 3), 0) == 0 && f.find(' ') == std::string::npos)
          covered = true;
      if (!covered) kept.push_back(f);
    }
    return "\\b(?:" + absl::StrJoin(kept, "|") + ")\\b";
  }

  void CountTerms();
  static std::string UniqueId(const std::string& question, std::set<std::string>* ids);
  std::vector<std::string> DraftKeywords(size_t i, Intent* intent, DraftReport* report);
  void DraftRelated(size_t i, const std::vector<std::string>& keywords, Intent* intent);
  void DraftPattern(size_t i, Intent* intent);
  void ReportSimilar(const Knowledge& k, DraftReport* report) const;

  const FaqDocument& doc_;
  Knowledge knowledge_;
  std::unique_ptr<Analyzer> analyzer_;
  std::unordered_map<std::string, std::set<std::string>> surface_;  // term -> words in the text
  const std::unordered_set<std::string_view> common_{CommonWords().begin(), CommonWords().end()};
  // Per entry, the question's terms (each once, no numbers) and the answer's (in order).
  std::vector<std::vector<std::string>> question_terms_, answer_terms_;
  std::unordered_map<std::string, int> question_df_, answer_df_;  // entries using each term
};

// Drafting passes, in order: count each term's questions and answers, then per intent its id,
// keywords, related words, pattern and sequence, then the pairs of questions too alike.
Knowledge Drafter::Draft(const std::string& document, DraftReport* report) {
  CountTerms();
  Knowledge k = knowledge_;
  k.document = document;
  std::set<std::string> ids;
  for (size_t i = 0; i < doc_.entries.size(); ++i) {
    Intent& intent = k.intents[i];
    intent.id = UniqueId(doc_.entries[i].question, &ids);
    std::vector<std::string> keywords = DraftKeywords(i, &intent, report);
    DraftRelated(i, keywords, &intent);
    DraftPattern(i, &intent);
    Sequence seq;
    if (DraftSequence(doc_.entries[i], intent.id, &seq)) {
      intent.sequence = seq.id;
      k.sequences.push_back(std::move(seq));
    }
  }
  ReportSimilar(k, report);
  report->questions = static_cast<int>(doc_.entries.size());
  report->sequences = static_cast<int>(k.sequences.size());
  return k;
}

void Drafter::CountTerms() {
  const size_t n = doc_.entries.size();
  question_terms_.assign(n, {});
  answer_terms_.assign(n, {});
  for (size_t i = 0; i < n; ++i) {
    question_terms_[i] = Unique(analyzer_->Terms(doc_.entries[i].question));
    std::erase_if(question_terms_[i], HasDigit);
    answer_terms_[i] = analyzer_->Terms(doc_.entries[i].answer);
    for (const std::string& t : question_terms_[i]) ++question_df_[t];
    for (const std::string& t : Unique(answer_terms_[i])) ++answer_df_[t];
  }
}

// The id from the question's words, with "-2", "-3"... when another question had it.
std::string Drafter::UniqueId(const std::string& question, std::set<std::string>* ids) {
  std::string id = IdFromQuestion(question);
  if (id.empty()) id = "question";
  std::string unique = id;
  for (int suffix = 2; !ids->insert(unique).second; ++suffix)
    unique = id + "-" + std::to_string(suffix);
  return unique;
}

// Keywords: the question's terms, weighted by how few questions share them. Returns the terms.
std::vector<std::string> Drafter::DraftKeywords(size_t i, Intent* intent, DraftReport* report) {
  const int count = static_cast<int>(doc_.entries.size());
  std::vector<std::string> keywords = question_terms_[i];
  if (keywords.empty()) {
    // A question of stop words only ("What is it?"): its answer has to carry it.
    std::map<std::string, int> tf;
    for (const std::string& t : answer_terms_[i])
      if (!HasDigit(t)) ++tf[t];
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [t, c] : tf) ranked.emplace_back(-c, t);
    std::sort(ranked.begin(), ranked.end());
    for (size_t j = 0; j < ranked.size() && j < 3; ++j) keywords.push_back(ranked[j].second);
    report->notes.push_back("\"" + doc_.entries[i].question +
                            "\" has no content words; its keywords come from its answer");
  }
  for (const std::string& t : keywords) {
    double idf = Idf(question_df_.count(t) ? question_df_[t] : 1, count);
    intent->keywords.push_back(
        {Word(t), Round2(kCommonWeight + (kRareWeight - kCommonWeight) * idf)});
  }
  return keywords;
}

// Related words: the answer's words that are not the question's, the rarer across the answers
// the heavier, everyday words lighter.
void Drafter::DraftRelated(size_t i, const std::vector<std::string>& keywords, Intent* intent) {
  const int count = static_cast<int>(doc_.entries.size());
  const std::unordered_set<std::string> own(keywords.begin(), keywords.end());
  std::map<std::string, int> tf;
  std::vector<std::string> order;
  for (const std::string& t : answer_terms_[i]) {
    if (own.count(t) || HasDigit(t) || t.size() < 3) continue;
    if (tf[t]++ == 0) order.push_back(t);
  }
  struct Scored {
    std::string term;
    double weight;
    double rank;
  };
  std::vector<Scored> scored;
  for (const std::string& t : order) {
    double w = 0.25 + 0.55 * Idf(answer_df_[t], count);
    std::string word = Word(t);
    if (common_.count(word)) w *= 0.6;
    scored.push_back({t, Round2(std::clamp(w, 0.1, 1.0)), w * (1 + std::log(tf[t]))});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.rank > b.rank; });
  std::unordered_set<std::string> written;
  for (const Scored& s : scored) {
    if (intent->related.size() >= kMaxRelated) break;
    std::string word = Word(s.term);
    if (!written.insert(word).second) continue;
    intent->related.push_back({word, s.weight});
  }
}

// A pattern over the question's most distinctive words, when together they name this question
// alone, in any order: "upper back stretches" asks what "stretch the upper back" does.
void Drafter::DraftPattern(size_t i, Intent* intent) {
  const size_t n = doc_.entries.size();
  const int count = static_cast<int>(n);
  std::vector<std::string> distinctive;
  for (const std::string& t : question_terms_[i])
    if (Idf(question_df_[t], count) >= kDistinctiveIdf) distinctive.push_back(t);
  std::stable_sort(distinctive.begin(), distinctive.end(),
                   [&](const std::string& a, const std::string& b) {
                     return question_df_[a] < question_df_[b];
                   });
  if (distinctive.size() > kMaxPatternWords) distinctive.resize(kMaxPatternWords);
  if (n <= 1 || distinctive.size() < 2) return;
  for (size_t j = 0; j < n; ++j) {
    auto asked = [&](const std::string& t) {
      return std::ranges::count(question_terms_[j], t) > 0;
    };
    if (j != i && std::ranges::all_of(distinctive, asked)) return;
  }
  std::vector<std::string> parts = distinctive;
  std::sort(parts.begin(), parts.end());
  std::string pattern;
  do {
    std::string one;
    for (const std::string& t : parts) one += (one.empty() ? "" : ".*") + Alternatives(t);
    pattern += (pattern.empty() ? "" : "|") + one;
  } while (std::next_permutation(parts.begin(), parts.end()));
  intent->patterns.push_back(pattern);
}

// Questions whose keywords are nearly the same, by weighted Jaccard over their terms, or one's
// all within the other's: only a word's absence tells them apart.
void Drafter::ReportSimilar(const Knowledge& k, DraftReport* report) const {
  const size_t n = k.intents.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      std::map<std::string, std::pair<double, double>> w;
      for (const WeightedTerm& t : k.intents[i].keywords) w[t.term].first = t.weight;
      for (const WeightedTerm& t : k.intents[j].keywords) w[t.term].second = t.weight;
      double low = 0, high = 0;
      for (const auto& [term, pair] : w) {
        low += std::min(pair.first, pair.second);
        high += std::max(pair.first, pair.second);
      }
      bool subset =
          std::abs(low - std::min(Sum(k.intents[i].keywords), Sum(k.intents[j].keywords))) < 1e-9;
      if (high > 0 && (low / high >= kSimilarKeywords || subset))
        report->similar.emplace_back(k.intents[i].question, k.intents[j].question);
    }
  }
}

}  // namespace

std::string IdFromQuestion(const std::string& question) {
  static const auto* stop =
      new std::unordered_set<std::string_view>(StopWords().begin(), StopWords().end());
  std::string id;
  int words = 0;
  for (const std::string& w : NormalizeWords(question)) {
    if (stop->count(w)) continue;
    std::string ascii;
    for (char c : w)
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ascii += c;
    if (ascii.empty()) continue;
    id += (id.empty() ? "" : "-") + ascii;
    if (++words == 6) break;
  }
  return id;
}

Knowledge DraftKnowledge(const FaqDocument& doc, const std::string& document, const Knowledge& base,
                         DraftReport* report) {
  Drafter drafter(doc, base);
  return drafter.Draft(document, report);
}

}  // namespace backtalk
