// Fuzz target: arbitrary bytes as a saved web page. The HTML reader must either find entries
// (each with a question and an answer, as clean UTF-8 with no control characters) or say why
// not; never crash, hang or leak, whatever the markup, the JSON-LD inside it or the nesting.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "import/html_reader.h"
#include "util/utf8.h"

namespace {

// Clean UTF-8 with no control characters but the line breaks between an answer's blocks.
bool Clean(const std::string& s) {
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    std::string line = s.substr(start, end - start);
    if (backtalk::CleanText(line, line.size() + 1) != line) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view page(reinterpret_cast<const char*>(data), size);
  // The first byte chooses the structures looked for, so each path is reached on its own.
  backtalk::HtmlStructures structures;
  if (size > 0) {
    structures.structured_data = (data[0] & 1) == 0;
    structures.accordions = (data[0] & 2) == 0;
    structures.headings = (data[0] & 4) == 0;
  }
  backtalk::FaqDocument doc;
  std::string err;
  if (!backtalk::ParseHtmlDocument(page, "fuzz.html", &doc, &err, structures)) {
    if (err.empty() || !doc.entries.empty()) __builtin_trap();
    return 0;
  }
  if (doc.entries.empty() || doc.how.empty()) __builtin_trap();
  for (const backtalk::FaqEntry& e : doc.entries) {
    if (e.question.empty() || e.answer.empty()) __builtin_trap();
    if (!Clean(e.question) || !Clean(e.answer)) __builtin_trap();
    if (e.blocks.size() != e.bullet.size() || e.line < 1) __builtin_trap();
  }
  std::string text = backtalk::HtmlFragmentText(page);
  if (!Clean(text)) __builtin_trap();
  return 0;
}
