// Reading an FAQ document: plain text, Markdown or Q:/A: blocks, into its questions and answers.
//
// Which lines are questions depends on what the document shows of itself, so that a question
// asked in passing inside an answer never splits it:
//   1. a document with "Q:" lines: only those start questions (the answer follows "A:");
//   2. else a document with Markdown headings or **bold** lines that end in '?': only those;
//   3. else plain text: a line that is one short sentence ending in '?', also inside a bullet
//      ("  • What are the best exercises for mid back?").
// An answer runs to the next question (or, in Markdown, to the next heading). Its bullet lines
// (•, -, *, +, –, "1." or "1)") stay a list: each becomes a line starting with "• ". Lines
// of one paragraph are joined by spaces. Bad input (empty, binary, invalid UTF-8, no
// questions) is an error that names the file and, where it makes sense, the line.
#ifndef BACKTALK_IMPORT_DOCUMENT_H_
#define BACKTALK_IMPORT_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

namespace backtalk {

struct FaqEntry {
  std::string question;  // as written, markers (#, **, Q:, bullets) removed
  std::string answer;    // paragraphs and bullets, one per line; bullets start with "• "
  // The answer as blocks: each paragraph or bullet item, without the "• ".
  std::vector<std::string> blocks;
  std::vector<bool> bullet;  // parallel to blocks: true for a list item
  int line = 0;              // 1-based line of the question
};

struct FaqDocument {
  std::vector<FaqEntry> entries;
  // Things worth a look that did not stop the import: "notes.txt:12: 'Why?' has no answer".
  std::vector<std::string> warnings;
};

// Parses `text`; `name` is used in messages. On failure returns false, sets *err and leaves
// *out untouched.
bool ParseDocument(std::string_view text, const std::string& name, FaqDocument* out,
                   std::string* err);

// Reads `path` (at most kMaxDocumentBytes) and parses it.
bool ReadDocumentFile(const std::string& path, FaqDocument* out, std::string* err);

constexpr size_t kMaxDocumentBytes = 16 << 20;

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_DOCUMENT_H_
