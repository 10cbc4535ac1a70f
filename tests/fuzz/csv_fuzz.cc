// Fuzz target: arbitrary bytes as a spreadsheet export. Splitting must give rows in line order
// or an error with a position; the reader must find entries (each with a question and an answer,
// as clean UTF-8) or say why not; never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/csv_reader.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The first byte chooses the delimiter.
  char delimiter = size > 0 && (data[0] & 1) ? '\t' : ',';
  std::vector<backtalk::CsvRow> rows;
  std::string err;
  if (backtalk::SplitCsv(text, delimiter, "fuzz.csv", &rows, &err)) {
    int line = 0;
    for (const backtalk::CsvRow& row : rows) {
      if (row.line < 1 || row.line < line || row.fields.empty()) __builtin_trap();
      line = row.line;
    }
  } else if (err.rfind("fuzz.csv:", 0) != 0) {
    __builtin_trap();
  }
  backtalk::FaqDocument doc;
  err.clear();
  if (!backtalk::ParseCsvDocument(text, delimiter, "fuzz.csv", &doc, &err)) {
    if (err.empty() || !doc.entries.empty()) __builtin_trap();
    return 0;
  }
  if (doc.entries.empty()) __builtin_trap();
  for (const backtalk::FaqEntry& e : doc.entries) {
    if (e.question.empty() || e.answer.empty()) __builtin_trap();
    if (backtalk::CleanText(e.question, e.question.size() + 1) != e.question) __builtin_trap();
    for (const std::string& block : e.blocks)
      if (block.empty() || backtalk::CleanText(block, block.size() + 1) != block) __builtin_trap();
  }
  return 0;
}
