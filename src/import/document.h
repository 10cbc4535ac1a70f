// Reading an FAQ document: plain text, Markdown or Q:/A: blocks, into its questions and answers.
// (HTML pages and CSV/TSV exports have readers of their own, import/html_reader.h and
// import/csv_reader.h, that fill the same FaqDocument; import/faq_file.h picks the reader.)
//
// Which lines are questions depends on what the document shows of itself, so that a question
// asked in passing inside an answer never splits it:
//   1. a document with "Q:" lines: only those start questions (the answer follows "A:");
//   2. else a document with Markdown headings or **bold** lines that end in '?': the FAQ's
//      question level is the heading level with the most such headings, and every heading of
//      that level from the first question to the last is a question, with or without '?'
//      ("## My macOS .apps don't find Homebrew utilities"); deeper headings and bold lines
//      that end in '?' are questions too; with no question headings, every **bold** line
//      from the first that ends in '?' to the last is a question, but for a label ("**Note:**");
//      A heading or bold line's number goes ("## 3. How do I ...?" asks "How do I ...?");
//   3. else plain text: a line that is one short sentence ending in '?', also inside a bullet
//      ("  • What are the best exercises for mid back?"), or a paragraph of one line that gives
//      the question's context first ("I want to place holds. Do I enter my card each time?").
//      A question may wrap onto two more lines of its paragraph when an answer follows it. Lines
//      that end in '?' but are read as part of an answer are reported as warnings, with the reason.
//   4. else, when no line asks at all but two or more headings of a level below the title
//      split the document, each heading of the most used such level is a question.
// A Markdown table whose header row names the question and answer columns ("| Question |
// Answer |", the names a CSV header may use) gives a question for each row, before all else.
// A page footer at the end ("© 2026 ...", "All rights reserved") is left out of the last answer.
// GitHub's collapsible sections ("<details>", "<summary>Question?</summary>", the answer,
// "</details>", each tag on a line of its own) read as **bold** questions.
// "Q.", "Q1:", "Question 2." are tags as "Q:" is (and "A.", "A1:" as "A:"); a heading that
// opens with a tag ("### Q: How ...?") asks what follows it. With no "A" tag in the document, an
// answer starts on the line after its "Q" line. The last questions are not questions when they
// only sign off ("Still have questions?", see IsClosingQuestion): they end the answer before.
// An answer runs to the next question (in Markdown, to the next heading of the question level
// or above; deeper headings stay in the answer as paragraphs). Its bullet lines
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
  int column = 0;            // 1-based column (in characters) where known, else 0
  // Other ways of asking the same question (a spreadsheet's "alternates" column).
  std::vector<std::string> alternates;
};

struct FaqDocument {
  std::vector<FaqEntry> entries;
  // Things worth a look that did not stop the import: "notes.txt:12: 'Why?' has no answer".
  std::vector<std::string> warnings;
  // How the questions were found, for the summary: "Markdown: '##' headings".
  std::string how;
};

// How a text document lays out its questions; kDetect decides from the document (see above).
enum class TextLayout { kDetect, kQuestionTags, kMarkdown, kPlain };

// Parses `text`; `name` is used in messages. On failure returns false, sets *err and leaves
// *out untouched.
bool ParseDocument(std::string_view text, const std::string& name, FaqDocument* out,
                   std::string* err, TextLayout layout = TextLayout::kDetect);

// The checks every document passes before a reader sees it: not binary (a NUL byte), not empty,
// valid UTF-8. Removes a byte order mark from *text.
bool CheckDocumentText(std::string_view* text, const std::string& name, std::string* err);

// A question without its number: "3. How do I ...?" and "3) How ...?" -> "How do I ...?".
std::string StripQuestionNumber(std::string_view s);

// A page ends with its footer ("© 2026 Example Ltd. All rights reserved."), which would
// otherwise end the last answer: drops such trailing blocks from `entry`, keeping the first.
void DropPageFooter(FaqEntry* entry);

// A line of plain text that is a question: one short sentence ending in '?' that starts with
// a capital letter or a digit, or a statement followed by such a question.
bool IsQuestionSentence(std::string_view s);

// A line that opens with a question tag ("Q:", "Q.", "Q1:", "Question:", any case); *rest is
// what follows it. IsAnswerTag likewise for "A:", "Answer:".
bool IsQuestionTag(const std::string& line, std::string* rest);
bool IsAnswerTag(const std::string& line, std::string* rest);

// A page's sign-off that asks, not a question it answers: "Still have questions?", "Other
// questions?", "Can't find what you're looking for?". Read only at the end of an FAQ, where its
// answer is a contact line.
bool IsClosingQuestion(std::string_view question);

// Appends a block of answer text (a paragraph, or with `bullet` a list item) to entry->answer
// and entry->blocks.
void AddAnswerBlock(FaqEntry* entry, const std::string& text, bool bullet);

// Adds `entry` to doc->entries. A question already there is not added twice: its answer is
// joined to the first one (unless it is the same) and a warning names both lines.
void AddEntry(FaqDocument* doc, FaqEntry entry, const std::string& name);

constexpr size_t kMaxDocumentBytes = 16 << 20;

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_DOCUMENT_H_
