// Reading any FAQ document: which format it is (by its content, the file name only breaking a
// tie) and the reader for it.
//
// Detection, on the text after a byte order mark:
//   html:      it starts with markup ('<') and has <!DOCTYPE html>, <html>, <head> or <body>
//              near the start, or starts with a block element (<h2>, <div>, <details>, ...); or
//              it is named .html/.htm and starts with '<';
//   tsv / csv: its first non-blank line, split at tabs (else at commas), names a question column
//              and an answer column (see import/csv_reader.h); or it is named .tsv/.csv;
//   otherwise text, whose reader tells Q:/A: blocks, Markdown and plain text apart itself.
// An explicit format (backtalk import --format) skips detection.
#ifndef BACKTALK_IMPORT_FAQ_FILE_H_
#define BACKTALK_IMPORT_FAQ_FILE_H_

#include <string>
#include <string_view>

#include "import/document.h"

namespace backtalk {

enum class DocumentFormat { kDetect, kHtml, kCsv, kTsv, kMarkdown, kText, kQa };

// "html", "csv", "tsv", "markdown", "text" (plain text), "qa" (Q:/A: blocks) and "auto"
// (kDetect); false for others. Detection gives kText for any text layout.
bool ParseDocumentFormat(std::string_view name, DocumentFormat* out);

// The format of `text`; `path` only decides when the content does not.
DocumentFormat DetectDocumentFormat(std::string_view text, const std::string& path);

// Parses `text` as `format` (kDetect: detected). `name` is used in messages. On failure returns
// false, sets *err and leaves *out untouched.
bool ParseFaqText(std::string_view text, const std::string& name, DocumentFormat format,
                  FaqDocument* out, std::string* err);

// Reads `path` (at most kMaxDocumentBytes) and parses it as ParseFaqText does.
bool ReadFaqFile(const std::string& path, DocumentFormat format, FaqDocument* out,
                 std::string* err);

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_FAQ_FILE_H_
