#include "import/csv_reader.h"

#include <absl/strings/str_cat.h>
#include <absl/strings/str_join.h>
#include <absl/strings/str_split.h>
#include <csv.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <memory>
#include <utility>

#include "util/source_error.h"
#include "util/utf8.h"

namespace backtalk {

namespace {

// What libcsv's callbacks fill: the rows so far, the fields of the row being read, and the line
// that row started on.
struct SplitState {
  std::vector<CsvRow>* rows;
  std::vector<std::string> fields;
  int row_line = 0;
  bool in_row = false;
};

void OnField(void* data, size_t size, void* state) {
  auto* s = static_cast<SplitState*>(state);
  s->fields.emplace_back(data == nullptr ? "" : std::string(static_cast<const char*>(data), size));
}

void OnRow(int, void* state) {
  auto* s = static_cast<SplitState*>(state);
  s->rows->push_back({std::move(s->fields), s->row_line});
  s->fields.clear();
  s->in_row = false;
}

std::string Key(const std::string& header) {
  std::string key;
  for (char c : header)
    if (std::isalnum(static_cast<unsigned char>(c)))
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

bool OneOf(const std::string& key, std::initializer_list<std::string_view> names) {
  return std::ranges::find(names, key) != names.end();
}

// A header's name without what spreadsheets add around it: "FAQ Question", "question_text".
std::string ColumnName(const std::string& header) {
  std::string key = Key(header);
  for (std::string_view prefix : {"faq", "faqs"})
    if (key.size() > prefix.size() && key.starts_with(prefix)) key.erase(0, prefix.size());
  for (std::string_view suffix : {"text", "content"})
    if (key.size() > suffix.size() && key.ends_with(suffix)) key.resize(key.size() - suffix.size());
  return key;
}

bool IsAlternatesColumn(const std::string& h) {
  return OneOf(Key(h), {"alternates", "alternatives", "paraphrases", "variants", "phrasings",
                        "utterances", "keywords", "keyword"});
}

// A cell of text: control characters (a tab, a stray CR) become spaces, runs of spaces one.
std::string CellText(absl::string_view cell) {
  std::string clean = CleanText({cell.data(), cell.size()}, kMaxDocumentBytes);
  return absl::StrJoin(absl::StrSplit(clean, ' ', absl::SkipEmpty()), " ");
}

}  // namespace

bool IsQuestionColumn(const std::string& h) {
  return OneOf(ColumnName(h), {"question", "questions", "q", "query", "title", "prompt"});
}
bool IsAnswerColumn(const std::string& h) {
  return OneOf(ColumnName(h), {"answer", "answers", "a", "response", "reply", "body"});
}

bool HeaderNamesColumns(std::string_view text, char delimiter) {
  for (absl::string_view line : absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    if (line.find_first_not_of(" \t\r") == absl::string_view::npos) continue;
    if (line.find(delimiter) == absl::string_view::npos) return false;
    std::vector<CsvRow> rows;
    std::string ignored;
    return SplitCsv({line.data(), line.size()}, delimiter, "", &rows, &ignored) && !rows.empty() &&
           IsFaqHeader(rows[0].fields);
  }
  return false;
}

bool SplitCsv(std::string_view text, char delimiter, const std::string& name,
              std::vector<CsvRow>* rows, std::string* err) {
  assert(delimiter == ',' || delimiter == ';' || delimiter == '\t');
  // Strict RFC 4180 for CSV; TSV writers seldom quote, so a quote inside a TSV field is text.
  unsigned char options = CSV_STRICT_FINI | (delimiter != '\t' ? CSV_STRICT : 0);
  csv_parser parser;
  if (csv_init(&parser, options) != 0) {
    *err = FormatError({name, 0, 0, "", "out of memory"});
    return false;
  }
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> free_on_return(&parser, csv_free);
  csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
  std::vector<CsvRow> out;
  SplitState state{&out, {}, 0, false};
  // Fed one line at a time, so that each row knows the line it starts on.
  int line = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = start;
    while (end < text.size()) {
      char c = text[end++];
      if (c == '\n') break;
      if (c == '\r') {  // CR LF, or an old Mac's lone CR
        if (end < text.size() && text[end] == '\n') ++end;
        break;
      }
    }
    ++line;
    std::string_view chunk = text.substr(start, end - start);
    // A row starts on the first line after the last row that has anything on it (a tab is
    // something in a TSV: two empty fields).
    if (!state.in_row) {
      state.row_line = line;
      state.in_row = chunk.find_first_not_of(delimiter == '\t' ? " \r\n" : " \t\r\n") !=
                     std::string_view::npos;
    }
    size_t used = csv_parse(&parser, chunk.data(), chunk.size(), OnField, OnRow, &state);
    if (used < chunk.size() || csv_error(&parser) != CSV_SUCCESS) {
      if (csv_error(&parser) == CSV_EPARSE) {
        *err = FormatError(ErrorAt(name, text, start + used,
                                   "a stray quote; a field with a quote in it is written in "
                                   "quotes with the quote doubled (\"say \"\"hi\"\"\")"));
      } else {
        *err = FormatError({name, line, 0, "", csv_strerror(csv_error(&parser))});
      }
      return false;
    }
    start = end;
  }
  if (csv_fini(&parser, OnField, OnRow, &state) != 0) {
    *err = FormatError(
        {name, state.row_line, 0, "", "a quoted field that starts on this row is never closed"});
    return false;
  }
  *rows = std::move(out);
  return true;
}

bool IsFaqHeader(const std::vector<std::string>& header) {
  bool question = false, answer = false;
  for (const std::string& h : header) {
    question = question || IsQuestionColumn(h);
    answer = answer || IsAnswerColumn(h);
  }
  return question && answer;
}

bool ParseCsvDocument(std::string_view text, char delimiter, const std::string& name,
                      FaqDocument* out, std::string* err) {
  if (!CheckDocumentText(&text, name, err)) return false;
  // Spreadsheets in locales with a decimal comma write CSV with ';': the header row tells.
  if (delimiter == ',' && !HeaderNamesColumns(text, ',') && HeaderNamesColumns(text, ';'))
    delimiter = ';';
  std::vector<CsvRow> rows;
  if (!SplitCsv(text, delimiter, name, &rows, err)) return false;
  if (rows.empty()) {
    *err = FormatError(
        {name, 0, 0, "", "is empty; an FAQ document has questions, each followed by its answer"});
    return false;
  }
  const CsvRow& header = rows[0];
  int question = -1, answer = -1;
  std::vector<int> alternates;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& h = header.fields[i];
    int index = static_cast<int>(i);
    if (question < 0 && IsQuestionColumn(h)) {
      question = index;
    } else if (answer < 0 && IsAnswerColumn(h)) {
      answer = index;
    } else if (IsAlternatesColumn(h)) {
      alternates.push_back(index);
    }
  }
  if (question < 0 || answer < 0) {
    std::string names =
        absl::StrJoin(header.fields, ", ", [](std::string* out, const std::string& h) {
          absl::StrAppend(out, "\"", CellText(h), "\"");
        });
    *err = FormatError({name, header.line, 0, "",
                        std::string("the header row names no ") +
                            (question < 0 ? "question column (question, q, query, title or prompt)"
                                          : "answer column (answer, a, response, reply or body)") +
                            "; its columns are " + names});
    return false;
  }
  FaqDocument doc;
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (row.fields.size() != header.fields.size()) {
      size_t got = row.fields.size(), want = header.fields.size();
      *err =
          FormatError({name, row.line, 0, "",
                       "this row has " + std::to_string(got) + (got == 1 ? " field" : " fields") +
                           " and the header " + std::to_string(want) +
                           (got < want ? "; a column is missing"
                                       : "; a field with the delimiter in it is written in "
                                         "quotes")});
      return false;
    }
    FaqEntry entry;
    entry.line = row.line;
    entry.question = CellText(row.fields[static_cast<size_t>(question)]);
    std::string answer_text = row.fields[static_cast<size_t>(answer)];
    if (entry.question.empty()) {
      if (!CellText(answer_text).empty())
        doc.warnings.push_back(
            FormatError({name, row.line, 0, "", "a row with an answer but no question; left out"}));
      continue;
    }
    // The answer's paragraphs are its lines; a line starting with a bullet mark is a list item.
    for (absl::string_view line : absl::StrSplit(answer_text, '\n')) {
      std::string paragraph = CellText(line);
      bool bullet = false;
      for (std::string_view mark : {"• ", "- ", "* "}) {
        if (paragraph.starts_with(mark)) {
          paragraph.erase(0, mark.size());
          bullet = true;
        }
      }
      if (!paragraph.empty()) AddAnswerBlock(&entry, paragraph, bullet);
    }
    if (entry.answer.empty()) {
      doc.warnings.push_back(FormatError(
          {name, row.line, 0, "", "\"" + entry.question + "\" has no answer; left out"}));
      continue;
    }
    for (int column : alternates) {
      const std::string& cell = row.fields[static_cast<size_t>(column)];
      bool keywords = Key(header.fields[static_cast<size_t>(column)]).rfind("keyword", 0) == 0;
      for (absl::string_view phrasing :
           absl::StrSplit(cell, absl::ByAnyChar(keywords ? "\n|;," : "\n|;"))) {
        std::string p = CellText(phrasing);
        if (!p.empty() && p != entry.question) entry.alternates.push_back(p);
      }
    }
    AddEntry(&doc, std::move(entry), name);
  }
  if (doc.entries.empty()) {
    *err = FormatError({name, 0, 0, "",
                        "no questions found (looked for rows under a header row that names the "
                        "question and answer columns)"});
    return false;
  }
  doc.how = std::string(delimiter == '\t' ? "TSV" : "CSV") + ": the \"" +
            CellText(header.fields[static_cast<size_t>(question)]) + "\" and \"" +
            CellText(header.fields[static_cast<size_t>(answer)]) + "\" columns";
  for (int column : alternates)
    doc.how +=
        ", other phrasings from \"" + CellText(header.fields[static_cast<size_t>(column)]) + "\"";
  *out = std::move(doc);
  return true;
}

}  // namespace backtalk
