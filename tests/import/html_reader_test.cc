#include "import/html_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <utility>

#include "support/source.h"

namespace backtalk {
namespace {

using testing::Source;

FaqDocument Parse(const std::string& html, const HtmlStructures& structures = {},
                  const std::string& name = "page.html") {
  FaqDocument doc;
  std::string err;
  EXPECT_TRUE(ParseHtmlDocument(html, name, &doc, &err, structures)) << err;
  return doc;
}

std::string Error(const std::string& html, const std::string& name = "page.html") {
  FaqDocument doc;
  std::string err;
  EXPECT_FALSE(ParseHtmlDocument(html, name, &doc, &err));
  EXPECT_TRUE(doc.entries.empty());
  return err;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs QuestionsAndAnswers(const FaqDocument& doc) {
  Pairs pairs;
  for (const FaqEntry& e : doc.entries) pairs.emplace_back(e.question, e.answer);
  return pairs;
}

// tests/data/import/toptier-faq.html: a page as served, with FAQPage structured data, the same
// questions as <details> with a link after each answer, a menu, a "pre-footer" and a footer.
TEST(HtmlReaderTest, ARealPageIsReadFromItsStructuredData) {
  FaqDocument doc = Parse(Source("tests/data/import/toptier-faq.html"), {}, "toptier-faq.html");
  EXPECT_EQ(doc.how, "HTML: schema.org FAQPage structured data (JSON-LD)");
  EXPECT_EQ(
      QuestionsAndAnswers(doc),
      (Pairs{
          {"When should I upgrade my electrical panel?",
           "If your panel is outdated, trips frequently, or lacks space for new circuits, an "
           "upgrade may be the safest option."},
          {"How long does a panel upgrade take?",
           "Timing depends on the panel layout and scope, but most upgrades are completed in "
           "a single day once the plan is confirmed."},
          {"Do you install EV chargers?",
           "Yes. We install Level 2 EV chargers for homes and small businesses with safe "
           "routing and proper circuit sizing."},
          {"How long does an EV charger installation take?",
           "Many installations are completed in one visit after the routing and electrical "
           "capacity are confirmed."},
          {"What areas do you serve?",
           "We serve West Michigan including Holland, Grand Rapids, Byron Center, Zeeland, "
           "Saugatuck, Hudsonville, and Allegan."},
          {"Are you licensed and insured?",
           "Yes. We are licensed and insured, and the site footer lists MI License #6220430."},
          {"Do you provide scope details before work begins?",
           "Yes. We confirm the repair or installation scope before starting work so you "
           "know the plan."},
          {"Do you work on weekends?", "Yes. Saturday appointments are available from 9am to 1pm."},
      }));
  EXPECT_TRUE(doc.warnings.empty());
  // Each question points at its own line in the script.
  EXPECT_EQ(doc.entries[0].line, 126);
  EXPECT_EQ(doc.entries[0].column, 21);
  EXPECT_EQ(doc.entries[7].line, 182);
}

// The same page's accordion, read on its own: the icons before each question are decoration,
// the links keep their text, the menu and the footer stay out.
TEST(HtmlReaderTest, TheSamePagesAccordionGivesTheSameQuestions) {
  HtmlStructures accordions;
  accordions.structured_data = false;
  FaqDocument doc = Parse(Source("tests/data/import/toptier-faq.html"), accordions);
  EXPECT_EQ(doc.how, "HTML: <details><summary> accordions and <dl><dt><dd> lists");
  ASSERT_EQ(doc.entries.size(), 8u);
  EXPECT_EQ(doc.entries[0].question, "When should I upgrade my electrical panel?");
  EXPECT_EQ(doc.entries[0].answer,
            "If your panel is outdated, trips frequently, or lacks space for new circuits, an "
            "upgrade may be the safest option. Learn more about panel upgrades.");
  EXPECT_EQ(doc.entries[4].answer,
            "We serve West Michigan including Holland, Grand Rapids, Byron Center, Zeeland, "
            "Saugatuck, Hudsonville, and Allegan. See our service areas page for more "
            "information.");
  EXPECT_EQ(doc.entries[0].line, 291);
}

// tests/data/import/toptier-faq-2025-09.html: the same site's FAQ page as served in September
// 2025, before it had structured data: an accordion page, with entities and curly quotes.
TEST(HtmlReaderTest, ARealAccordionPage) {
  FaqDocument doc = Parse(Source("tests/data/import/toptier-faq-2025-09.html"));
  EXPECT_EQ(doc.how, "HTML: <details><summary> accordions and <dl><dt><dd> lists");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{
                {"When should I upgrade my electrical panel?",
                 "If your home still uses a fuse box, experiences frequent breaker trips or "
                 "hasn’t been updated in over 30 years, it may be time to upgrade. Modern breaker "
                 "panels handle higher electrical loads safely and reduce the risk of fire."},
                {"Do you install EV chargers?",
                 "Yes! We install Level 2 and DC fast chargers for homes and businesses. We also "
                 "assist with permitting and inspection to ensure everything is up to code."},
                {"What areas do you serve?",
                 "We serve Holland, Grand Rapids, Byron Center and the surrounding West Michigan "
                 "communities. See our contact page for more information."},
                {"Are you licensed and insured?",
                 "Absolutely. Our company holds a Master Electrician license and carries "
                 "comprehensive insurance for your protection and peace of mind."},
                {"Do you offer free estimates?",
                 "Yes. We provide free, no‑obligation estimates for all projects. Get in touch via "
                 "our contact page or call us to schedule an appointment."},
            }));
  EXPECT_EQ(doc.entries[1].line, 72);
}

// tests/data/import/toptier-electrical-repairs.html: a service page whose FAQ is h3 questions,
// each in a <div class="faq-item"> with its answer, under an h2; read with its structured data
// set aside, the headings give the same ten questions and nothing of the page around them.
TEST(HtmlReaderTest, ARealHeadingPage) {
  std::string page = Source("tests/data/import/toptier-electrical-repairs.html");
  HtmlStructures headings;
  headings.structured_data = false;
  headings.accordions = false;
  FaqDocument doc = Parse(page, headings);
  EXPECT_EQ(doc.how, "HTML: h2-h6 question headings, each answered by what follows it");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{
                {"What should I do if I smell something burning?",
                 "Turn off the affected circuit if it’s safe to do so and call for service. We’ll "
                 "help you determine the next steps."},
                {"Can you troubleshoot intermittent power loss?",
                 "Yes. We trace the circuit, check connections, and isolate the failing "
                 "component."},
                {"Do you repair aluminum wiring?",
                 "We can evaluate aluminum wiring and recommend safe correction options based on "
                 "what we find."},
                {"Is a tripping breaker always a panel issue?",
                 "Not always. It can be caused by a faulty device, wiring issue, or an overloaded "
                 "circuit."},
                {"Can you fix outdoor outlets that stop working?",
                 "Yes. We test GFCI protection and repair or replace faulty outlets and covers."},
                {"Will you provide repair options before work starts?",
                 "Yes. We explain findings and outline the repair scope before proceeding."},
                {"Do you handle commercial troubleshooting?",
                 "We handle light commercial troubleshooting; call to confirm the scope."},
                {"Can you fix flickering lights?",
                 "Yes. We check fixtures, switches, neutrals, and panel connections to find the "
                 "cause."},
                {"Do I need to replace an outlet that is warm to the touch?",
                 "A warm outlet can signal a loose connection. We recommend shutting off the "
                 "circuit and scheduling service."},
                {"Can you help if multiple rooms are out?",
                 "Yes. We investigate shared circuits, breakers, and connection points to restore "
                 "power safely."},
            }));
  EXPECT_EQ(doc.entries[0].line, 436);
  FaqDocument structured = Parse(page);
  ASSERT_EQ(structured.entries.size(), doc.entries.size());
  for (size_t i = 0; i < doc.entries.size(); ++i)
    EXPECT_EQ(structured.entries[i].question, doc.entries[i].question);
}

TEST(HtmlReaderTest, EveryHeadingOfTheQuestionLevelIsAnEntryAndTheRestOfThePageIsNot) {
  FaqDocument doc = Parse(
      "<!DOCTYPE html><html><body>"
      "<div class=\"cookie-banner\"><h3>Do you accept cookies?</h3><p>We use cookies.</p></div>"
      "<header><a href=\"/\">Shop</a><nav><h3>Where to?</h3><a href=\"/faq\">FAQ</a></nav></header>"
      "<main><h1>FAQ</h1><h2>Shipping</h2>"
      "<h3>How long does shipping take?</h3><p>3&ndash;5 days. Caf&eacute; &amp; more.</p>"
      "<ul><li>EU: 3 days<ul><li>Nordics: 4</li></ul></li><li>US: <a href=\"/x\">see rates</a>"
      "</li></ul>"
      "<h3>Returns without a receipt</h3><p>Store credit.<br>Any time.</p><h4>Example</h4>"
      "<p>A gift.</p><script>track()</script><style>p{}</style>"
      "<h3>Can I pay by card?</h3><p>Yes.</p>"
      "<h2>About us</h2><h3>Our team</h3><p>Five people.</p></main>"
      "<aside><h3>Why us?</h3><p>Because.</p></aside>"
      "<footer><h3>Why not?</h3><p>Copyright</p></footer></body></html>");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{{"How long does shipping take?",
                    "3–5 days. Café & more.\n• EU: 3 days\n• Nordics: 4\n• US: see rates"},
                   {"Returns without a receipt", "Store credit.\nAny time.\nExample\nA gift."},
                   {"Can I pay by card?", "Yes."}}));
  EXPECT_EQ(doc.entries[1].bullet, (std::vector<bool>{false, false, false, false}));
  EXPECT_EQ(doc.entries[0].bullet, (std::vector<bool>{false, true, true, true}));
}

TEST(HtmlReaderTest, StructuredDataInAGraphWithMarkupAndEntities) {
  FaqDocument doc = Parse(
      "<html><head><script type=\"application/ld+json\">{broken</script>"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
      "{\"@type\":\"WebPage\"},{\"@type\":[\"FAQPage\"],\"mainEntity\":{\"@type\":\"Question\","
      "\"name\":\"Can&#039;t I log in with &lt;email&gt;?\",\"acceptedAnswer\":[{\"@type\":"
      "\"Answer\",\"text\":\"<p>Reset it:</p><ol><li>Click &quot;Forgot&quot;</li><li>Check "
      "mail \\u2014 soon</li></ol>\"}]}}]}</script></head><body><h2>Other?</h2><p>x</p></body>"
      "</html>");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{{"Can't I log in with <email>?",
                    "Reset it:\n• Click \"Forgot\"\n• Check mail — soon"}}));
  EXPECT_EQ(
      doc.warnings,
      (std::vector<std::string>{"page.html:1: a JSON-LD script that is not valid JSON; left out"}));
}

// A documentation generator's page: each question in a <section> of its own, with a permalink.
TEST(HtmlReaderTest, SectionedHeadingsWithPermalinks) {
  FaqDocument doc = Parse(
      "<div role=\"main\"><section id=\"faq\"><h1>FAQ<a class=\"headerlink\" href=\"#faq\">"
      "¶</a></h1><section id=\"a\"><h2>What is it?<a class=\"headerlink\" href=\"#a\">¶</a>"
      "</h2><p>A tool.</p><div class=\"highlight\"><pre>tool --help\n</pre></div></section>"
      "<section id=\"b\"><h2>Why?<a class=\"headerlink\" href=\"#b\">¶</a></h2><p>Because."
      "</p></section></section></div><div class=\"footer\">Built with a generator.</div>");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{{"What is it?", "A tool.\ntool --help"}, {"Why?", "Because."}}));
}

// Questions outside the page's <main> are still found.
TEST(HtmlReaderTest, QuestionsOutsideMainAreFound) {
  FaqDocument doc = Parse(
      "<body><main><h1>Help</h1><p>Welcome.</p></main>"
      "<section><h2>Is it free?</h2><p>Yes.</p></section></body>");
  EXPECT_EQ(QuestionsAndAnswers(doc), (Pairs{{"Is it free?", "Yes."}}));
}

// Structured data without answers gives way to the page's accordion.
TEST(HtmlReaderTest, StructuredDataWithoutAnswersGivesWayToTheAccordion) {
  FaqDocument doc = Parse(
      "<script type=\"application/ld+json\">{\"@type\":\"FAQPage\",\"mainEntity\":[{\"@type\":"
      "\"Question\",\"name\":\"Is it free?\",\"acceptedAnswer\":{\"text\":\"\"}}]}</script>"
      "<details><summary>Is it free?</summary><p>Yes.</p></details>");
  EXPECT_EQ(doc.how, "HTML: <details><summary> accordions and <dl><dt><dd> lists");
  EXPECT_EQ(QuestionsAndAnswers(doc), (Pairs{{"Is it free?", "Yes."}}));
  EXPECT_EQ(doc.warnings,
            (std::vector<std::string>{"page.html:1: \"Is it free?\" has no answer; left out"}));
}

TEST(HtmlReaderTest, DefinitionListsCountWhenOneOfTheirTermsAsks) {
  FaqDocument doc = Parse(
      "<dl><dt>What is LFS?</dt><dd><p>Linux From Scratch.</p></dd>"
      "<div><dt>Contributing to this FAQ.</dt><dd>Send mail.</dd></div></dl>"
      "<dl><dt>Author</dt><dd>Bob</dd></dl>");
  EXPECT_EQ(QuestionsAndAnswers(doc), (Pairs{{"What is LFS?", "Linux From Scratch."},
                                             {"Contributing to this FAQ.", "Send mail."}}));
}

TEST(HtmlReaderTest, ParagraphsThatOpenWithABoldQuestion) {
  FaqDocument doc = Parse(
      "<html><body><h1>FAQ</h1><p>Read this first.</p>"
      "<p><strong>Is it free?</strong></p><p>Yes.</p><ul><li>for students</li></ul>"
      "<p><b>2. Where is it?</b><br>Here.</p><p>Ask at the desk.</p>"
      "<p>Text with <strong>a bold word?</strong> in it.</p><p><b>Note</b> the hours.</p>"
      "<p><strong>Tips for parents</strong></p><p>Bring snacks.</p><p><b>Hours:</b></p>"
      "<p>Nine to six.</p><p><strong>Is there parking?</strong></p><p>No.</p>"
      "<h2>Contact</h2><p>Call us.</p><p><strong>Our team</strong></p><p>Five.</p></body></html>");
  EXPECT_EQ(
      doc.how,
      "HTML: bold questions, buttons and \"question\" elements, each answered by what follows it");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{{"Is it free?", "Yes.\n• for students"},
                   {"Where is it?",
                    "Here.\nAsk at the desk.\nText with a bold word? in it.\nNote the hours."},
                   {"Tips for parents", "Bring snacks.\nHours:\nNine to six."},
                   {"Is there parking?", "No."}}));
}

TEST(HtmlReaderTest, QuestionsInButtonsClassNamedElementsListItemsAndQaTags) {
  // An accordion of buttons, each followed by its panel.
  EXPECT_EQ(QuestionsAndAnswers(Parse(
                "<h1>FAQ</h1><button class=\"accordion\">Is it open?</button><div class=\"panel\">"
                "<p>Yes.</p></div><button class=\"accordion\">Parking</button><div class=\"panel\">"
                "<p>Behind.</p></div><button class=\"accordion\">Who runs it?</button>"
                "<div class=\"panel\"><p>We do.</p></div>")),
            (Pairs{{"Is it open?", "Yes."}, {"Parking", "Behind."}, {"Who runs it?", "We do."}}));
  // Elements named by class, with a wrapper round each question and answer.
  EXPECT_EQ(QuestionsAndAnswers(
                Parse("<div class=\"faq\"><div class=\"faq-item\"><div class=\"faq-question\">"
                      "<span>Is it open?</span></div><div class=\"faq-answer\"><p>Yes.</p></div>"
                      "</div><div class=\"faq-item\"><div class=\"faq-question\">Where is it?</div>"
                      "<div class=\"faq-answer\">Here.</div></div></div>")),
            (Pairs{{"Is it open?", "Yes."}, {"Where is it?", "Here."}}));
  // A list of questions, each in bold at the start of its item.
  EXPECT_EQ(QuestionsAndAnswers(Parse("<ol><li><strong>Is it open?</strong><p>Yes.</p></li>"
                                      "<li><strong>Parking</strong><p>Behind.</p></li>"
                                      "<li><b>Who runs it?</b><p>We do.</p><ul><li>all of us</li>"
                                      "</ul></li></ol>")),
            (Pairs{{"Is it open?", "Yes."},
                   {"Parking", "Behind."},
                   {"Who runs it?", "We do.\n• all of us"}}));
  // "Q:" and "A:" in bold.
  EXPECT_EQ(QuestionsAndAnswers(Parse(
                "<p><strong>Q:</strong> Is it open?</p><p><strong>A:</strong> Yes.</p><p>Daily.</p>"
                "<p><b>Q.</b> Where is it?</p><p><b>A.</b></p><p>Here.</p>")),
            (Pairs{{"Is it open?", "Yes.\nDaily."}, {"Where is it?", "Here."}}));
}

TEST(HtmlReaderTest, TableRowsOfQuestionsAndAnswers) {
  FaqDocument doc = Parse(
      "<h1>FAQ</h1><table><thead><tr><th>Question</th><th>Answer</th></tr></thead><tbody>"
      "<tr><td>Is it open?</td><td><p>Yes.</p><ul><li>daily</li></ul></td></tr>"
      "<tr><td>Parking</td><td>Behind the hall.</td></tr></tbody></table>"
      "<table><tr><td>Opening</td><td>9:00</td></tr></table>");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{{"Is it open?", "Yes.\n• daily"}, {"Parking", "Behind the hall."}}));
}

TEST(HtmlReaderTest, QuestionHeadingsDownToH6) {
  FaqDocument doc = Parse(
      "<h1>FAQ</h1><h5>Is it open?</h5><p>Yes.</p><h5>Parking</h5><p>Behind.</p>"
      "<h5>Who runs it?</h5><p>We do.</p><h6>Is it free?</h6><p>No.</p>");
  EXPECT_EQ(QuestionsAndAnswers(doc), (Pairs{{"Is it open?", "Yes."},
                                             {"Parking", "Behind."},
                                             {"Who runs it?", "We do."},
                                             {"Is it free?", "No."}}));
}

TEST(HtmlReaderTest, ParagraphsThatAreAQuestion) {
  FaqDocument doc = Parse(
      "<html><body><h1>FAQ</h1><p>Welcome to our help page.</p><p>Is it open?</p><p>Yes. Why "
      "not come by?</p><p>I want to park. Is there a car park?</p><ul><li>behind the hall</li>"
      "</ul></body></html>");
  EXPECT_EQ(doc.how, "HTML: paragraphs that are a question, each answered by what follows it");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{{"Is it open?", "Yes. Why not come by?"},
                   {"I want to park. Is there a car park?", "• behind the hall"}}));
}

TEST(HtmlReaderTest, HeadingsThatDoNotAskAreTheQuestionsWhenNothingElseIs) {
  FaqDocument doc = Parse(
      "<html><body><h1>Help</h1><h2>Opening hours</h2><p>Nine to six.</p>"
      "<h3>Holidays</h3><p>Closed.</p><h2>3. Parking</h2><p>Behind the hall.</p></body></html>");
  EXPECT_EQ(QuestionsAndAnswers(doc), (Pairs{{"Opening hours", "Nine to six.\nHolidays\nClosed."},
                                             {"Parking", "Behind the hall."}}));
  // One section is a page, not an FAQ.
  Error("<html><body><h1>Help</h1><h2>Opening hours</h2><p>Nine to six.</p></body></html>");
}

TEST(HtmlReaderTest, ASignOffAtTheEndIsNoQuestion) {
  FaqDocument doc = Parse(
      "<html><body><h1>FAQ</h1><h2>Is it open?</h2><p>Yes.</p><h2>Is there parking?</h2>"
      "<p>No.</p><h2>Still have questions?</h2><p>Call us.</p></body></html>");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{{"Is it open?", "Yes."}, {"Is there parking?", "No."}}));
  doc = Parse(
      "<html><body><p><b>Is it open?</b></p><p>Yes.</p><p><b>Is there parking?</b></p>"
      "<p>No.</p><p><b>More questions?</b></p><p>Call us.</p></body></html>");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{{"Is it open?", "Yes."}, {"Is there parking?", "No."}}));
}

TEST(HtmlReaderTest, APageFooterDoesNotEndTheLastAnswer) {
  FaqDocument doc = Parse(
      "<html><body><h1>FAQ</h1><h2>Is it open?</h2><p>Yes.</p><h2>Is there parking?</h2>"
      "<p>No.</p><div class=\"legal\"><p>&copy; 2026 Example Ltd.</p><p>All rights reserved."
      "</p></div></body></html>");
  EXPECT_EQ(QuestionsAndAnswers(doc),
            (Pairs{{"Is it open?", "Yes."}, {"Is there parking?", "No."}}));
}

TEST(HtmlReaderTest, AnswerFragmentsAsText) {
  EXPECT_EQ(HtmlFragmentText("<p>Yes.</p><ul><li>one</li><li>two <b>bold</b></li></ul>"),
            "Yes.\n• one\n• two bold");
  EXPECT_EQ(HtmlFragmentText("Plain &amp; simple,\n   wrapped"), "Plain & simple, wrapped");
  EXPECT_EQ(HtmlFragmentText("<pre>make\n  make install</pre>"), "make\n  make install");
  // A paragraph inside a list item is the item; a line break inside one does not end it.
  EXPECT_EQ(
      HtmlFragmentText("<ul><li><p>one</p></li><li>two<br>lines</li><li></li></ul><p>after</p>"),
      "• one\n• two lines\nafter");
  EXPECT_EQ(HtmlFragmentText("<h2>What is it?<a class=\"headerlink\" href=\"#x\">¶</a></h2>"),
            "What is it?");
  EXPECT_EQ(HtmlFragmentText("a&nbsp;b\t\tc"), "a b c");
}

TEST(HtmlReaderTest, BadPagesAreClearErrors) {
  EXPECT_EQ(Error("<!DOCTYPE html>\n<html><body><h2>Why?</h2>\n<p>Because"),
            "page.html:3:11: the page ends before </body> and </html>; it looks cut off (save "
            "the whole page)");
  EXPECT_EQ(Error("<html><body><p>Opening hours: nine to five.</p></body></html>"),
            "page.html: no questions found (looked for schema.org FAQPage JSON-LD, "
            "<details><summary> accordions, <dl><dt><dd> lists, and h2-h4 headings ending in "
            "'?')");
  EXPECT_EQ(Error("<html><body><h2>Why?</h2><h2>How?</h2></body></html>"),
            "page.html: no answers found: each question must be followed by its answer");
  EXPECT_EQ(Error(std::string("<html>\0</html>", 14)),
            "page.html: is a binary file, not an FAQ document (text, Markdown, HTML or CSV)");
  EXPECT_EQ(Error("  \n"),
            "page.html: is empty; an FAQ document has questions, each followed by its answer");
  EXPECT_EQ(Error("<html><body><h2>Qu\xE9?</h2></body></html>"),
            "page.html:1:19: invalid UTF-8 (byte 0xE9); save the document as UTF-8");
}

}  // namespace
}  // namespace backtalk
