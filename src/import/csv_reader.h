// Reading a spreadsheet export (CSV or TSV) into its questions and answers (the FaqDocument of
// import/document.h).
//
// Fields are split by libcsv in strict RFC 4180 mode: a field may be quoted with "...", a quote
// inside it is written "", and a quoted field may hold delimiters and line breaks. TSV is read
// with the same rules and a tab for the delimiter; a CSV whose header row is split by ';' (as
// spreadsheets write it where the decimal mark is a comma) is read with ';'. The first row is a
// header naming the columns, in any order and any case, with or without a "FAQ" before the name
// or a "text" after it ("FAQ Question", "answer_text"):
//   question: "question", "questions", "q", "query", "title", "prompt";
//   answer:   "answer", "answers", "a", "response", "reply", "body";
//   optional, other ways of asking: "alternates", "alternatives", "paraphrases", "variants",
//             "phrasings", "utterances", "keywords", "keyword". A cell holds several phrasings
//             split by line breaks, '|' or ';' (and ',' in a keywords column).
// Other columns (ids, categories) are ignored. Every row must have as many fields as the
// header; a row whose question or answer cell is empty is left out with a warning. Errors carry
// the file, the line and, for a stray quote, the column.
#ifndef BACKTALK_IMPORT_CSV_READER_H_
#define BACKTALK_IMPORT_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "import/document.h"

namespace backtalk {

// One record of a CSV file and the line it starts on.
struct CsvRow {
  std::vector<std::string> fields;
  int line = 0;
};

// Splits `text` into rows with `delimiter` (REQUIRES: ',', ';' or '\t'). Blank lines are
// skipped. On a malformed file returns false with *err = "NAME:LINE[:COLUMN]: message".
bool SplitCsv(std::string_view text, char delimiter, const std::string& name,
              std::vector<CsvRow>* rows, std::string* err);

// True when a header cell names the question column, or the answer column.
bool IsQuestionColumn(const std::string& header);
bool IsAnswerColumn(const std::string& header);

// True when `header` names a question column and an answer column.
bool IsFaqHeader(const std::vector<std::string>& header);

// True when the first non-blank line of `text`, split at `delimiter`, is such a header.
bool HeaderNamesColumns(std::string_view text, char delimiter);

// Parses a CSV (delimiter ',') or TSV ('\t') export; `name` is used in messages. On failure
// returns false, sets *err and leaves *out untouched.
bool ParseCsvDocument(std::string_view text, char delimiter, const std::string& name,
                      FaqDocument* out, std::string* err);

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_CSV_READER_H_
