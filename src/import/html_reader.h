// Reading a saved FAQ web page into its questions and answers (the FaqDocument of
// import/document.h).
//
// The page is parsed by gumbo, an HTML5 parser: the tree is the one a browser builds, however
// broken the markup, so nothing here looks at markup with string matching. The questions come
// from the first of these that the page has, in order of trust:
//   1. schema.org FAQPage structured data: <script type="application/ld+json"> with
//      mainEntity -> Question.name and acceptedAnswer.text (the answer's HTML read as text);
//   2. <details><summary> accordions and <dl><dt><dd> lists (taken when one of their
//      questions ends in '?'; then every one of them is an entry);
//   2b. table rows, the question in the first cell and the answer in the others (taken when
//      one of a table's questions ends in '?'; a header row is left out);
//   3. h2-h6 headings: the question level is the heading level with the most headings that end
//      in '?', and every heading of that level from the first such question to the last is a
//      question (a deeper heading that ends in '?' too). The answer is what follows the heading
//      up to the next heading of the same or a higher level, and not past the end of the
//      element that holds the heading with its answer.
//   4. question paragraphs: a <p>, <div> or <li> that opens with a <strong> or <b> question
//      ("<p><strong>Q:</strong> How ...?</p>" too), a <button> (an accordion's toggle), or an
//      element with the class or id word "question": those ending in '?' and, from the first
//      to the last of them, those on a line of their own. The answer is the rest of the
//      paragraph and what follows it, up to the next question or a heading ("A:" dropped);
//   5. paragraphs that are one question as a line of plain text is (import/document.h),
//      answered as in 4;
//   6. when no heading asks, two or more h2-h6 headings of one level: the most used level's
//      headings are the questions ("Shipping costs"), answered as in 3.
// (The no-questions error still names "h2-h4 headings", as tests/e2e asserts its wording.)
// A question's number goes ("<h2>3. How ...?</h2>" asks "How ...?").
// Navigation, scripts, styles, forms, cookie banners, headers with a menu, sidebars and footers
// are never read (by element, ARIA role, and class or id words such as "cookie", "nav",
// "footer"). Decorative icons (class words "icon") are left out of questions. Paragraphs, list
// items (as bullets), table rows and line breaks become the answer's blocks; links keep their
// text; entities are decoded by the parser. A page that opens <html> but ends before </body>
// and </html> is reported as cut off. Elements nested deeper than 256 are not read (real pages
// nest a few dozen); gumbo's tree building slows down with the square of the nesting depth, so
// a page nested 20,000 deep takes about a second to parse.
#ifndef BACKTALK_IMPORT_HTML_READER_H_
#define BACKTALK_IMPORT_HTML_READER_H_

#include <string>
#include <string_view>

#include "import/document.h"

namespace backtalk {

// Which structures to look for; all by default. The tests turn the more trusted ones off to
// read each structure of a real page on its own.
struct HtmlStructures {
  bool structured_data = true;  // FAQPage JSON-LD
  bool accordions = true;       // <details><summary>, <dl><dt><dd>
  bool headings = true;         // h2-h6 questions
  bool bold =
      true;  // <p><strong>How ...?</strong></p>, <button>, class "question", <p>How ...?</p>
  bool sections = true;  // h2-h6 headings when none of them asks
};

// Parses the page `text` (UTF-8, checked by CheckDocumentText); `name` is used in messages. On
// failure returns false, sets *err ("page.html: no questions found (looked for ...)", or
// "page.html:LINE:COLUMN: ..." for a page cut off) and leaves *out untouched.
bool ParseHtmlDocument(std::string_view text, const std::string& name, FaqDocument* out,
                       std::string* err, const HtmlStructures& structures = {});

// The text of an HTML fragment as answer blocks, as ParseHtmlDocument reads an answer:
// "<p>Yes.</p><ul><li>one</li></ul>" -> "Yes.\n• one".
std::string HtmlFragmentText(std::string_view html);

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_HTML_READER_H_
