#include "import/document.h"

#include <absl/strings/ascii.h>
#include <absl/strings/match.h>
#include <absl/strings/str_join.h>
#include <absl/strings/str_replace.h>
#include <absl/strings/str_split.h>
#include <absl/strings/strip.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "import/csv_reader.h"
#include "util/source_error.h"
#include "util/utf8.h"

namespace backtalk {

namespace {

enum class Kind {
  kBlank,
  kRule,
  kFence,
  kHeading,
  kBold,
  kQuestionTag,
  kAnswerTag,
  kBullet,
  kText
};

struct Line {
  Kind kind = Kind::kText;
  std::string text;            // the content, markers removed
  int number = 0;              // 1-based
  int indent = 0;              // leading spaces (a tab counts as 4)
  int level = 0;               // a heading's level (1 for '#'), else 0
  bool code = false;           // inside a ``` fence
  std::string marker;          // the bullet marker, for inline bullets
  int ordinal = 0;             // a numbered line's number ("3." is 3), else 0
  char number_mark = 0;        // the '.' or ')' after it
  bool ends_sentence = false;  // the raw line ends with . ! ? or :
};

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  return b == std::string_view::npos ? ""
                                     : std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

// Collapses runs of spaces into one.
std::string Squeeze(const std::string& s) {
  return absl::StrJoin(absl::StrSplit(s, ' ', absl::SkipEmpty()), " ");
}

// Markdown's inline marks are for a renderer, not for a terminal: "**hold** [it](url)" reads
// "hold it (url)".
std::string StripInlineMarkdown(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s.substr(i).starts_with("**") || s.substr(i).starts_with("__")) {
      i += 2;
      continue;
    }
    if (s[i] == '`') {
      ++i;
      continue;
    }
    if (s[i] == '[') {
      size_t close = s.find("](", i);
      size_t end = close == std::string_view::npos ? close : s.find(')', close);
      if (close != std::string_view::npos && end != std::string_view::npos &&
          s.substr(i, close - i).find('\n') == std::string_view::npos) {
        out += s.substr(i + 1, close - i - 1);
        out += " (";
        out += s.substr(close + 2, end - close - 2);
        out += ")";
        i = end + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return Squeeze(Trim(out));
}

// The bullet marker at the start of `s` and where its content begins, or 0.
size_t BulletMarker(std::string_view s, std::string* marker) {
  for (std::string_view m : {"•", "–", "—", "‣", "◦", "▪"}) {
    if (s.starts_with(m)) {
      *marker = std::string(m);
      return m.size();
    }
  }
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
    *marker = std::string(1, s[0]);
    return 2;
  }
  size_t digits = 0;
  while (digits < s.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(s[digits])))
    ++digits;
  if (digits > 0 && digits + 1 < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      s[digits + 1] == ' ') {
    marker->clear();  // a numbered item: its number is no inline separator
    return digits + 2;
  }
  return 0;
}

// "Q: ...", "Question: ...", "Q. ...", numbered "Q1: ..." or "Question 2. ..." (any case);
// returns the text after the tag. A full stop counts only straight after the tag and before a
// space, so that "Q.E.D." stays text.
bool Tag(const std::string& s, std::initializer_list<const char*> tags, std::string* rest) {
  for (const char* tag : tags) {
    if (!absl::StartsWithIgnoreCase(s, tag)) continue;
    size_t after = std::strlen(tag);
    size_t digits = after + (after + 1 < s.size() && s[after] == ' ' ? 1 : 0);
    size_t end = digits;
    while (end < s.size() && end < digits + 3 && std::isdigit(static_cast<unsigned char>(s[end])))
      ++end;
    if (end > digits) after = end;
    size_t i = s.find_first_not_of(' ', after);
    if (i != std::string::npos && s[i] == ':') {
      *rest = Trim(s.substr(i + 1));
      return true;
    }
    if (after < s.size() && s[after] == '.' && (after + 1 == s.size() || s[after + 1] == ' ')) {
      *rest = Trim(s.substr(after + 1));
      return true;
    }
  }
  return false;
}

Line Classify(std::string_view raw, int number, bool in_code) {
  Line line;
  line.number = number;
  for (char c : raw) {
    if (c == ' ')
      line.indent += 1;
    else if (c == '\t')
      line.indent += 4;
    else
      break;
  }
  std::string s = Trim(raw);
  line.ends_sentence = !s.empty() && std::strchr(".!?:", s.back()) != nullptr;
  if (s.starts_with("```") || s.starts_with("~~~")) {
    line.kind = Kind::kFence;
    return line;
  }
  if (in_code) {
    line.kind = s.empty() ? Kind::kBlank : Kind::kText;
    line.code = true;
    line.text = std::string(raw);
    while (!line.text.empty() && line.text.back() == ' ') line.text.pop_back();
    return line;
  }
  if (s.empty()) {
    line.kind = Kind::kBlank;
    return line;
  }
  if (s.size() >= 3 && s.find_first_not_of("-*_ ") == std::string::npos &&
      (s.find_first_not_of("- ") == std::string::npos ||
       s.find_first_not_of("* ") == std::string::npos ||
       s.find_first_not_of("_ ") == std::string::npos)) {
    line.kind = Kind::kRule;
    return line;
  }
  // A '#' line indented by four spaces or more is code ("    # a shell comment").
  if (s[0] == '#' && line.indent < 4) {
    size_t level = s.find_first_not_of('#');
    if (level != std::string::npos && level <= 6 && s[level] == ' ') {
      std::string text = Trim(s.substr(level));
      while (!text.empty() && text.back() == '#') text.pop_back();
      line.kind = Kind::kHeading;
      line.level = static_cast<int>(level);
      line.text = StripQuestionNumber(StripInlineMarkdown(text));
      // "### Q: How do I ...?"
      if (std::string asked; Tag(line.text, {"q", "question"}, &asked) && !asked.empty())
        line.text = asked;
      return line;
    }
  }
  // GitHub's collapsible sections in Markdown: "<details>", "<summary>Question?</summary>",
  // the answer, "</details>". The summary is read as a bold line, the tags as blank lines.
  if (absl::StartsWithIgnoreCase(s, "<details") || absl::StartsWithIgnoreCase(s, "</details>")) {
    if (s.back() == '>' && s.find('>') == s.size() - 1) {
      line.kind = Kind::kBlank;
      return line;
    }
  }
  if (absl::StartsWithIgnoreCase(s, "<summary") && absl::EndsWithIgnoreCase(s, "</summary>")) {
    // Markup's tags go; other text in angle brackets ("brew info <formula>") stays.
    std::string inner;
    for (size_t i = 0; i < s.size();) {
      size_t close = s[i] == '<' ? s.find('>', i) : std::string::npos;
      if (close != std::string::npos) {
        std::string name = absl::AsciiStrToLower(s.substr(i + 1, close - i - 1));
        if (name.starts_with("/")) name.erase(0, 1);
        name = name.substr(0, name.find(' '));
        if (name == "summary" || name == "b" || name == "strong" || name == "em" || name == "i" ||
            name == "code" || name == "span" || name == "p" ||
            (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')) {
          i = close + 1;
          continue;
        }
      }
      inner += s[i++];
    }
    line.kind = Kind::kBold;
    line.text = StripQuestionNumber(StripInlineMarkdown(inner));
    return line;
  }
  // "**Q:** ..." is as much a Q: line as "Q: ...".
  std::string unmarked = StripInlineMarkdown(s);
  std::string rest;
  if (Tag(unmarked, {"q", "question"}, &rest)) {
    line.kind = Kind::kQuestionTag;
    line.text = rest;
    return line;
  }
  if (Tag(unmarked, {"a", "answer"}, &rest)) {
    line.kind = Kind::kAnswerTag;
    line.text = rest;
    return line;
  }
  for (std::string_view mark : {"**", "__"}) {
    if (s.size() > 4 && s.starts_with(mark) &&
        s.find(mark, 2) == s.size() - 2 - (s.ends_with(std::string(mark) + "?") ? 1 : 0)) {
      line.kind = Kind::kBold;
      line.text = StripQuestionNumber(unmarked);
      return line;
    }
  }
  std::string marker;
  if (size_t skip = BulletMarker(s, &marker); skip > 0) {
    line.kind = Kind::kBullet;
    line.marker = marker;
    line.text = StripInlineMarkdown(s.substr(skip));
    if (std::isdigit(static_cast<unsigned char>(s[0]))) {
      line.ordinal = std::stoi(s);
      line.number_mark = s[skip - 2];
    }
    return line;
  }
  line.kind = Kind::kText;
  line.text = unmarked;
  return line;
}

// The question's text ends in '?', perhaps inside closing quotes or brackets.
bool EndsWithQuestionMark(std::string_view s) {
  while (!s.empty()) {
    if (s.back() == '?') return true;
    if (s.back() == '"' || s.back() == ')' || s.back() == '\'' || s.back() == ' ') {
      s.remove_suffix(1);
    } else if (s.ends_with("”") || s.ends_with("’")) {
      s.remove_suffix(3);
    } else {
      return false;
    }
  }
  return false;
}

bool IsBlankish(Kind k) { return k == Kind::kBlank || k == Kind::kRule || k == Kind::kFence; }

// Splits "– Lie down. – Inhale." into its items: a bullet line that repeats its own marker
// between spaces holds several items.
std::vector<std::string> InlineItems(const std::string& text, const std::string& marker) {
  if (marker.empty() || marker == "*" || marker == "+") return {text};
  std::vector<std::string> items;
  for (absl::string_view item : absl::StrSplit(text, " " + marker + " ", absl::SkipWhitespace()))
    items.emplace_back(absl::StripAsciiWhitespace(item));
  return items;
}

size_t CountWords(const std::string& s) {
  return std::vector<absl::string_view>(absl::StrSplit(s, ' ', absl::SkipEmpty())).size();
}

struct Block {
  std::string text;
  bool bullet = false;
  bool indented = false;
  bool code = false;
};

// Builds an answer from the lines [begin, end).
void BuildAnswer(const std::vector<Line>& lines, size_t begin, size_t end,
                 const std::string& first_text, FaqEntry* entry) {
  std::vector<Block> blocks;
  bool open = false;  // the last block takes continuation lines
  if (!first_text.empty()) {
    blocks.push_back({first_text, false, false, false});
    open = true;
  }
  for (size_t i = begin; i < end; ++i) {
    const Line& line = lines[i];
    if (IsBlankish(line.kind)) {
      open = false;
      continue;
    }
    if (line.code) {
      blocks.push_back({line.text, false, false, true});
      open = false;
      continue;
    }
    if (line.kind == Kind::kBullet) {
      for (const std::string& item : InlineItems(line.text, line.marker))
        blocks.push_back({item, true, line.indent >= 2, false});
      open = true;
      continue;
    }
    if (line.text.empty()) continue;
    if (line.kind == Kind::kHeading) {  // a heading below the question level: its own line
      blocks.push_back({line.text, false, false, false});
      open = false;
      continue;
    }
    if (open && !blocks.empty()) {
      blocks.back().text += " " + line.text;
    } else {
      blocks.push_back({line.text, false, line.indent >= 2, false});
      open = true;
    }
  }
  // A list item that lost its marker: in an answer that is otherwise a list, an indented
  // paragraph or a short fragment without a full stop is one of the items.
  size_t bullets = 0;
  for (const Block& b : blocks) bullets += b.bullet;
  if (bullets > 0 && bullets + 3 >= blocks.size()) {
    for (Block& b : blocks) {
      if (b.bullet || b.code || b.text.empty() || b.text.back() == ':') continue;
      if (b.indented || (CountWords(b.text) <= 6 && b.text.back() != '.')) b.bullet = true;
    }
  }
  for (const Block& b : blocks) {
    std::string text = b.code ? b.text : Squeeze(b.text);
    if (!text.empty()) AddAnswerBlock(entry, text, b.bullet);
  }
}

// Why a plain-text line that ends in '?' was not taken as a question, or empty if it would be.
std::string NotAQuestionBecause(std::string_view s) {
  unsigned char first = static_cast<unsigned char>(s[0]);
  if (first < 0x80 && !std::isupper(first) && !std::isdigit(first))
    return "it does not start with a capital letter";
  int words = 1;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == ' ') ++words;
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' && i + 2 < s.size() &&
        std::isupper(static_cast<unsigned char>(s[i + 2])))
      return "it has more than one sentence";
  }
  if (words < 2) return "it is a single word";
  if (words > 30) return "it is longer than 30 words";
  return "";
}

// A plain-text question is one short sentence that starts with a capital letter or a digit:
// a question asked in passing inside a paragraph has other sentences on its line.
bool LooksLikeQuestion(std::string_view s) {
  return EndsWithQuestionMark(s) && NotAQuestionBecause(s).empty();
}

// A question with its context before it, on a line of its own: "I want to place holds on
// items. Do I have to enter my card each time?". Two sentences, the first of three words or
// more ending in '.', the second a question that opens with a question word; a paragraph of an
// answer seldom has that shape ("Yes. Want more?" is too short).
bool IsContextAndQuestion(std::string_view s) {
  if (!EndsWithQuestionMark(s) || CountWords(std::string(s)) > 30) return false;
  size_t stop = s.find(". ");
  if (stop == std::string_view::npos || s.find_first_of(".!?", stop + 1) != s.size() - 1)
    return false;
  std::string_view first = s.substr(0, stop + 1), second = s.substr(stop + 2);
  if (CountWords(std::string(first)) < 3 || !NotAQuestionBecause(first).empty()) return false;
  std::string word = absl::AsciiStrToLower(std::string(second.substr(0, second.find(' '))));
  static constexpr std::string_view kQuestionWords[] = {
      "what", "why",   "how",    "when",  "where",   "who",   "which", "whose", "do",
      "does", "did",   "can",    "could", "should",  "would", "will",  "is",    "are",
      "am",   "was",   "were",   "may",   "might",   "must",  "shall", "have",  "has",
      "had",  "isn't", "aren't", "don't", "doesn't", "can't", "won't",
  };
  return std::isupper(static_cast<unsigned char>(second[0])) &&
         std::ranges::find(kQuestionWords, word) != std::end(kQuestionWords);
}

// The cells of a Markdown table row "| a | b \| c |" -> "a", "b | c"; none for other lines.
std::vector<std::string> TableCells(const std::string& line) {
  std::string s = Trim(line);
  if (!s.starts_with("|") || s.size() < 3) return {};
  std::vector<std::string> cells(1);
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') {
      cells.back() += '|';
      ++i;
    } else if (s[i] == '|') {
      cells.emplace_back();
    } else {
      cells.back() += s[i];
    }
  }
  if (Trim(cells.back()).empty()) cells.pop_back();  // the closing '|'
  for (std::string& cell : cells) cell = Trim(cell);
  return cells;
}

bool IsTableRule(const std::vector<std::string>& cells) {
  return !cells.empty() && std::ranges::all_of(cells, [](const std::string& c) {
    return c.size() >= 3 && c.find_first_not_of(":-") == std::string::npos;
  });
}

// A Markdown table of questions and answers: a header row that names the question and answer
// columns ("| Question | Answer |"), its rule, and a row for each question; the answer's
// "<br>" are line breaks.
bool ReadMarkdownTables(const std::vector<std::string>& texts, const std::string& name,
                        FaqDocument* out) {
  FaqDocument doc;
  for (size_t i = 0; i + 1 < texts.size(); ++i) {
    std::vector<std::string> header = TableCells(texts[i]);
    if (header.size() < 2 || !IsTableRule(TableCells(texts[i + 1]))) continue;
    size_t question = header.size(), answer = header.size();
    for (size_t c = 0; c < header.size(); ++c) {
      std::string h = StripInlineMarkdown(header[c]);
      if (question == header.size() && IsQuestionColumn(h))
        question = c;
      else if (answer == header.size() && IsAnswerColumn(h))
        answer = c;
    }
    if (question == header.size() || answer == header.size()) continue;
    size_t row = i + 2;
    for (; row < texts.size(); ++row) {
      std::vector<std::string> cells = TableCells(texts[row]);
      if (cells.empty()) break;
      if (std::max(question, answer) >= cells.size()) continue;
      FaqEntry entry;
      entry.question = StripQuestionNumber(StripInlineMarkdown(cells[question]));
      entry.line = static_cast<int>(row) + 1;
      std::string cell = absl::StrReplaceAll(
          cells[answer], {{"<br />", "\n"}, {"<br/>", "\n"}, {"<br>", "\n"}, {"<BR>", "\n"}});
      for (absl::string_view part : absl::StrSplit(cell, '\n')) {
        std::string marker, block = Trim(std::string(part));
        size_t skip = BulletMarker(block, &marker);
        std::string text = StripInlineMarkdown(block.substr(skip));
        if (!text.empty()) AddAnswerBlock(&entry, text, skip > 0);
      }
      if (entry.question.empty() || entry.answer.empty()) continue;
      AddEntry(&doc, std::move(entry), name);
    }
    i = row;
  }
  if (doc.entries.empty()) return false;
  doc.how = "Markdown table: a row for each question, in the question and answer columns";
  *out = std::move(doc);
  return true;
}

// Numbered questions ("1. How ...?", "2) ..."): where the count skips a number, the question
// with that number is one the rule passed over (it does not end in '?', or has two sentences).
// It is the last line with that number, marker and indent between its neighbours that starts a
// paragraph: an answer's own numbered list starts again at 1 and runs on from line to line.
void FillNumberedGaps(const std::vector<Line>& lines, std::vector<std::string>* question) {
  std::vector<size_t> asked;
  size_t numbered = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((*question)[i].empty()) continue;
    asked.push_back(i);
    numbered += lines[i].ordinal > 0;
  }
  if (numbered < 2 || 2 * numbered <= asked.size()) return;
  for (size_t k = 0; k + 1 < asked.size(); ++k) {
    const Line& from = lines[asked[k]];
    const Line& to = lines[asked[k + 1]];
    if (from.ordinal == 0 || to.ordinal <= from.ordinal + 1 || to.number_mark != from.number_mark)
      continue;
    size_t end = asked[k + 1];
    for (int missing = to.ordinal - 1; missing > from.ordinal; --missing) {
      for (size_t j = end; j-- > asked[k] + 1;) {
        const Line& line = lines[j];
        if (line.ordinal != missing || line.number_mark != from.number_mark ||
            line.indent != from.indent || line.code || !IsBlankish(lines[j - 1].kind))
          continue;
        (*question)[j] = line.text;
        end = j;
        break;
      }
    }
  }
}

}  // namespace

void DropPageFooter(FaqEntry* entry) {
  auto footer = [](const std::string& block) {
    std::string lower = absl::AsciiStrToLower(block);
    return lower.find("©") != std::string::npos || lower.find("(c) 2") != std::string::npos ||
           lower.find("copyright") != std::string::npos ||
           lower.find("all rights reserved") != std::string::npos;
  };
  size_t keep = entry->blocks.size();
  while (keep > 1 && footer(entry->blocks[keep - 1])) --keep;
  if (keep == entry->blocks.size()) return;
  FaqEntry kept;
  for (size_t b = 0; b < keep; ++b) AddAnswerBlock(&kept, entry->blocks[b], entry->bullet[b]);
  entry->answer = std::move(kept.answer);
  entry->blocks = std::move(kept.blocks);
  entry->bullet = std::move(kept.bullet);
}

bool IsQuestionSentence(std::string_view s) {
  return LooksLikeQuestion(s) || IsContextAndQuestion(s);
}

bool IsQuestionTag(const std::string& line, std::string* rest) {
  return Tag(line, {"q", "question"}, rest);
}

bool IsAnswerTag(const std::string& line, std::string* rest) {
  return Tag(line, {"a", "answer"}, rest);
}

bool IsClosingQuestion(std::string_view question) {
  std::string s = absl::AsciiStrToLower(
      absl::StrReplaceAll(absl::string_view(question.data(), question.size()), {{"’", "'"}}));
  // About questions, finding or help ("Any other fees?" is a question of the FAQ).
  if (!s.ends_with("?") || CountWords(s) > 9 ||
      (s.find("question") == std::string::npos && s.find("find") == std::string::npos &&
       s.find("help") == std::string::npos))
    return false;
  // clang-format off
  static constexpr std::string_view kOpenings[] = {
      "questions?", "still have", "more questions", "other questions", "any questions",
      "any other", "any more", "any further", "further questions", "additional questions",
      "have more", "have other", "have further", "have additional", "have a question not",
      "have another question", "got more", "got other", "got a question", "got questions",
      "didn't find", "did not find", "can't find", "cannot find", "couldn't find",
      "could not find", "not finding", "still need help", "still can't find",
      "question not answered", "don't see your question",
  };
  // clang-format on
  return std::ranges::any_of(kOpenings,
                             [&s](std::string_view opening) { return s.starts_with(opening); });
}

std::string StripQuestionNumber(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(s[digits])))
    ++digits;
  if (digits == 0 || digits + 1 >= s.size() || (s[digits] != '.' && s[digits] != ')') ||
      s[digits + 1] != ' ')
    return std::string(s);
  return Trim(s.substr(digits + 1));
}

void AddAnswerBlock(FaqEntry* entry, const std::string& text, bool bullet) {
  if (!entry->answer.empty()) entry->answer += "\n";
  entry->answer += (bullet ? "• " : "") + text;
  entry->blocks.push_back(text);
  entry->bullet.push_back(bullet);
}

void AddEntry(FaqDocument* doc, FaqEntry entry, const std::string& name) {
  // The same question twice would be two intents that tie, so neither would ever answer.
  for (FaqEntry& same : doc->entries) {
    if (same.question != entry.question) continue;
    bool joined = same.answer != entry.answer;
    doc->warnings.push_back(
        FormatError({name, entry.line, 0, "",
                     "\"" + entry.question + "\" was asked at line " + std::to_string(same.line) +
                         " too; " + (joined ? "its answers are joined" : "with the same answer")}));
    if (joined) {
      same.answer += "\n" + entry.answer;
      same.blocks.insert(same.blocks.end(), entry.blocks.begin(), entry.blocks.end());
      same.bullet.insert(same.bullet.end(), entry.bullet.begin(), entry.bullet.end());
    }
    same.alternates.insert(same.alternates.end(), entry.alternates.begin(), entry.alternates.end());
    return;
  }
  doc->entries.push_back(std::move(entry));
}

bool CheckDocumentText(std::string_view* text, const std::string& name, std::string* err) {
  if (text->find('\0') != std::string_view::npos) {
    *err = FormatError(
        {name, 0, 0, "", "is a binary file, not an FAQ document (text, Markdown, HTML or CSV)"});
    return false;
  }
  if (text->starts_with("\xEF\xBB\xBF")) text->remove_prefix(3);  // a byte order mark
  if (text->find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    *err = FormatError(
        {name, 0, 0, "", "is empty; an FAQ document has questions, each followed by its answer"});
    return false;
  }
  if (size_t bad = FindInvalidUtf8(*text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>((*text)[bad]));
    *err = FormatError(
        ErrorAt(name, *text, bad,
                std::string("invalid UTF-8 (byte ") + byte + "); save the document as UTF-8"));
    return false;
  }
  return true;
}

bool ParseDocument(std::string_view text, const std::string& name, FaqDocument* out,
                   std::string* err, TextLayout layout) {
  if (!CheckDocumentText(&text, name, err)) return false;

  std::vector<Line> lines;
  std::vector<std::string> texts;  // each line as written
  bool in_code = false;
  for (absl::string_view raw : absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    absl::ConsumeSuffix(&raw, "\r");
    std::string clean = CleanText(absl::StrReplaceAll(raw, {{"\t", "    "}}), kMaxDocumentBytes);
    Line line = Classify(clean, static_cast<int>(lines.size()) + 1, in_code);
    if (line.kind == Kind::kFence) in_code = !in_code;
    lines.push_back(std::move(line));
    texts.push_back(std::move(clean));
  }
  if (layout == TextLayout::kDetect || layout == TextLayout::kMarkdown) {
    FaqDocument table;
    if (ReadMarkdownTables(texts, name, &table)) {
      *out = std::move(table);
      return true;
    }
  }

  TextLayout mode = layout;
  for (size_t i = 0; i < lines.size() && mode == TextLayout::kDetect; ++i)
    if (lines[i].kind == Kind::kQuestionTag) mode = TextLayout::kQuestionTags;
  for (size_t i = 0; i < lines.size() && mode == TextLayout::kDetect; ++i)
    if ((lines[i].kind == Kind::kHeading || lines[i].kind == Kind::kBold) &&
        EndsWithQuestionMark(lines[i].text))
      mode = TextLayout::kMarkdown;
  if (mode == TextLayout::kDetect) mode = TextLayout::kPlain;

  // The FAQ's question level: the heading level with the most headings that end in '?' (the
  // shallower on a tie). Every heading of that level from the first such question to the last
  // is a question; those before or after (a title, "Contact us") are not.
  int question_level = 0;
  size_t first_question = lines.size(), last_question = 0;
  if (mode == TextLayout::kMarkdown) {
    int count[7] = {0, 0, 0, 0, 0, 0, 0};
    for (const Line& line : lines)
      if (line.kind == Kind::kHeading && !line.code && EndsWithQuestionMark(line.text))
        ++count[line.level];
    for (int level = 1; level <= 6; ++level)
      if (count[level] > count[question_level]) question_level = level;
    if (question_level == 0 && layout == TextLayout::kMarkdown) {
      // Told it is Markdown but no heading asks: the most used heading level below the title.
      int all[7] = {0, 0, 0, 0, 0, 0, 0};
      for (const Line& line : lines)
        if (line.kind == Kind::kHeading && !line.code) ++all[line.level];
      for (int level = 2; level <= 6; ++level)
        if (all[level] > all[question_level]) question_level = level;
      if (question_level == 0 && all[1] > 0) question_level = 1;
    }
    for (size_t i = 0; i < lines.size() && question_level > 0; ++i) {
      const Line& line = lines[i];
      if (line.kind != Kind::kHeading || line.code || line.level != question_level) continue;
      if (!EndsWithQuestionMark(line.text) && count[question_level] > 0) continue;
      first_question = std::min(first_question, i);
      last_question = std::max(last_question, i);
    }
  }

  size_t first_bold = lines.size(), last_bold = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != Kind::kBold || lines[i].code || !EndsWithQuestionMark(lines[i].text))
      continue;
    first_bold = std::min(first_bold, i);
    last_bold = std::max(last_bold, i);
  }

  // Which lines start a question, and the question's text.
  std::vector<std::string> question(lines.size());
  // Where a question's answer starts when its question wraps onto the next lines (0: the next
  // line), and the lines that a wrapped question takes.
  std::vector<size_t> answer_begin(lines.size(), 0);
  std::vector<bool> wrapped(lines.size(), false);
  bool has_answer_tags = std::ranges::any_of(
      lines, [](const Line& line) { return line.kind == Kind::kAnswerTag && !line.code; });
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.code) continue;
    if (mode == TextLayout::kQuestionTags && line.kind == Kind::kQuestionTag) {
      std::string q = line.text;
      // A long question may wrap onto the next lines, up to its answer's "A:" or its '?'; with
      // no "A:" in the document the answer starts on the next line.
      size_t j = i + 1;
      for (; has_answer_tags && j < lines.size() && lines[j].kind == Kind::kText &&
             !lines[j].code && !EndsWithQuestionMark(q);
           ++j) {
        q += ' ';
        q += lines[j].text;
      }
      answer_begin[i] = j;
      question[i] = Squeeze(q);
      if (question[i].empty()) question[i] = " ";  // a Q: with nothing after it
    } else if (mode == TextLayout::kMarkdown) {
      if (line.kind == Kind::kHeading && line.level == question_level && i >= first_question &&
          i <= last_question)
        question[i] = line.text;
      // A deeper heading that asks is a question of its own ("### Should I mist them?").
      if (line.kind == Kind::kHeading && line.level > question_level &&
          EndsWithQuestionMark(line.text))
        question[i] = line.text;
      if (line.kind == Kind::kBold && EndsWithQuestionMark(line.text)) question[i] = line.text;
      // With no question headings, bold lines are the questions: as with headings, every bold
      // line from the first that asks to the last is one, but for a label ("**Note:**").
      if (line.kind == Kind::kBold && question_level == 0 && i > first_bold && i < last_bold &&
          !line.text.empty() && line.text.back() != ':')
        question[i] = line.text;
    } else if (mode == TextLayout::kPlain &&
               (line.kind == Kind::kText || line.kind == Kind::kBullet ||
                line.kind == Kind::kBold)) {
      // A line that carries on the sentence of the line above is not a question of its own.
      bool starts_block = i == 0 || IsBlankish(lines[i - 1].kind) || lines[i - 1].ends_sentence ||
                          line.kind == Kind::kBullet || lines[i - 1].kind == Kind::kHeading;
      if (starts_block && LooksLikeQuestion(line.text)) question[i] = line.text;
      bool own_paragraph = i == 0 || IsBlankish(lines[i - 1].kind) ||
                           lines[i - 1].kind == Kind::kHeading || line.kind == Kind::kBullet;
      if (own_paragraph && IsContextAndQuestion(line.text)) question[i] = line.text;
      // A question wrapped onto a second or third line: a paragraph whose lines run on to the
      // first '?' ("If my items are due and I still need them, can I keep them past\n
      // their due date?").
      if (question[i].empty() && own_paragraph && !line.ends_sentence) {
        std::string q = line.text;
        size_t j = i + 1;
        for (; j < lines.size() && j < i + 3 && lines[j].kind == Kind::kText && !lines[j].code;
             ++j) {
          q += ' ';
          q += lines[j].text;
          if (lines[j].ends_sentence) break;
        }
        // It has an answer after it, and is not the answer of the question before it.
        size_t next = j + 1, before = i;
        while (next < lines.size() && IsBlankish(lines[next].kind)) ++next;
        while (before > 0 && IsBlankish(lines[before - 1].kind)) --before;
        bool answers_the_last =
            before > 0 && (!question[before - 1].empty() || wrapped[before - 1]);
        if (j < lines.size() && j < i + 3 && lines[j].kind == Kind::kText && next < lines.size() &&
            !answers_the_last && EndsWithQuestionMark(q) &&
            (LooksLikeQuestion(q) || IsContextAndQuestion(q))) {
          question[i] = Squeeze(q);
          answer_begin[i] = j + 1;
          for (size_t k = i + 1; k <= j; ++k) wrapped[k] = true;
        }
      }
    }
  }
  if (mode == TextLayout::kPlain) {
    // A document that sets most questions apart (a blank line before, or a bullet) sets all of
    // them apart: a question-shaped line straight after answer text is then part of the answer.
    auto apart = [&lines](size_t i) {
      return i == 0 || IsBlankish(lines[i - 1].kind) || lines[i - 1].kind == Kind::kHeading ||
             lines[i].kind == Kind::kBullet;
    };
    size_t candidates = 0, set_apart = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (question[i].empty()) continue;
      ++candidates;
      set_apart += apart(i);
    }
    if (2 * set_apart > candidates)
      for (size_t i = 0; i < lines.size(); ++i)
        if (!apart(i)) question[i].clear();
    FillNumberedGaps(lines, &question);
  }

  // A sign-off at the end ("Still have questions?") is no question, but it ends the answer
  // before it.
  std::vector<bool> closing(lines.size(), false);
  for (size_t i = lines.size(); i-- > 0;) {
    if (question[i].empty()) continue;
    if (!IsClosingQuestion(question[i])) break;
    question[i].clear();
    closing[i] = true;
  }

  FaqDocument doc;
  if (mode == TextLayout::kPlain) {
    // The rule decides; a line it passes over that still reads like a question is reported.
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      if (!question[i].empty() || wrapped[i] || line.code || line.text.empty() || closing[i] ||
          (line.kind != Kind::kText && line.kind != Kind::kBullet && line.kind != Kind::kBold) ||
          !EndsWithQuestionMark(line.text))
        continue;
      std::string why = NotAQuestionBecause(line.text);
      if (why.empty())
        why =
            "it follows answer text, and this document sets its questions apart with a blank "
            "line or a bullet";
      std::string shown = line.text.size() > 80 ? line.text.substr(0, 77) + "..." : line.text;
      doc.warnings.push_back(
          FormatError({name, line.number, 0, "",
                       "\"" + shown + "\" ends in '?' but is read as answer text: " + why}));
    }
  }

  size_t found = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (question[i].empty()) continue;
    ++found;
    size_t begin = i + 1;
    if (answer_begin[i] > 0) begin = answer_begin[i];
    size_t end = begin;
    // A heading ends the answer, but in Markdown a heading below the question level is part of
    // it ("### Example" under "## How do I ...").
    auto ends_answer = [&](const Line& l) {
      if (l.kind == Kind::kQuestionTag) return true;
      if (l.kind != Kind::kHeading || l.code) return false;
      return mode != TextLayout::kMarkdown || question_level == 0 || l.level <= question_level;
    };
    while (end < lines.size() && question[end].empty() && !closing[end] && !ends_answer(lines[end]))
      ++end;
    FaqEntry entry;
    entry.question = Trim(question[i]);
    entry.line = lines[i].number;
    std::string first_text;
    size_t from = begin;
    if (mode == TextLayout::kQuestionTags) {
      // The answer starts at "A:"; anything between the question and it is part of it too.
      for (size_t j = begin; j < end; ++j) {
        if (lines[j].kind == Kind::kAnswerTag) {
          first_text = lines[j].text;
          from = j + 1;
          break;
        }
      }
    }
    if (entry.question.empty()) {
      doc.warnings.push_back(
          FormatError({name, entry.line, 0, "", "a \"Q:\" with no question; left out"}));
      continue;
    }
    BuildAnswer(lines, from, end, first_text, &entry);
    if (end == lines.size()) DropPageFooter(&entry);
    if (entry.answer.empty()) {
      doc.warnings.push_back(FormatError(
          {name, entry.line, 0, "", "\"" + entry.question + "\" has no answer; left out"}));
      continue;
    }
    AddEntry(&doc, std::move(entry), name);
  }
  if (found == 0 && layout == TextLayout::kDetect && mode == TextLayout::kPlain) {
    // No line asks, but the document is split into sections ("## Shipping costs"): read it as
    // Markdown, each heading of the most used level a question.
    int all[7] = {0, 0, 0, 0, 0, 0, 0};
    for (const Line& line : lines)
      if (line.kind == Kind::kHeading && !line.code) ++all[line.level];
    if (*std::max_element(all + 2, all + 7) >= 2)
      return ParseDocument(text, name, out, err, TextLayout::kMarkdown);
  }
  if (found == 0) {
    const char* looked_for =
        mode == TextLayout::kQuestionTags ? "\"Q:\" lines followed by \"A:\""
        : mode == TextLayout::kMarkdown
            ? "Markdown headings and **bold** lines ending in '?'"
            : "\"Q:\"/\"A:\" blocks, Markdown headings or **bold** lines ending in '?', and lines "
              "ending in '?'";
    *err = FormatError(
        {name, 0, 0, "", std::string("no questions found (looked for ") + looked_for + ")"});
    return false;
  }
  if (doc.entries.empty()) {
    *err = FormatError(
        {name, 0, 0, "", "no answers found: each question must be followed by its answer"});
    return false;
  }
  if (mode == TextLayout::kQuestionTags)
    doc.how = "Q:/A: blocks: a question is a \"Q:\" line, its answer follows \"A:\"";
  else if (mode == TextLayout::kMarkdown && question_level > 0)
    doc.how = "Markdown: every '" + std::string(question_level, '#') +
              "' heading from the first question to the last";
  else if (mode == TextLayout::kMarkdown)
    doc.how = "Markdown: **bold** lines ending in '?'";
  else
    doc.how =
        "plain text: a question is a line of one short sentence (2 to 30 words, starting with a "
        "capital letter or a digit) that ends in '?'";
  *out = std::move(doc);
  return true;
}

}  // namespace backtalk
