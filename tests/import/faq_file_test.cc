#include "import/faq_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/source.h"

namespace backtalk {
namespace {

using testing::Source;

DocumentFormat Detect(const std::string& text, const std::string& path = "faq") {
  return DetectDocumentFormat(text, path);
}

TEST(FaqFileTest, TheFormatComesFromTheContent) {
  EXPECT_EQ(Detect(Source("tests/data/import/toptier-faq.html")), DocumentFormat::kHtml);
  EXPECT_EQ(Detect("\xEF\xBB\xBF  <!DOCTYPE html>\n<title>x</title>"), DocumentFormat::kHtml);
  EXPECT_EQ(Detect("<details><summary>Why?</summary>Because.</details>"), DocumentFormat::kHtml);
  EXPECT_EQ(Detect(Source("tests/data/import/furilabs-faq.csv")), DocumentFormat::kCsv);
  EXPECT_EQ(Detect("\nAnswer\tQuestion\nYes.\tIs it?\n"), DocumentFormat::kTsv);
  EXPECT_EQ(Detect("Question;Answer\nIs it?;Yes.\n"), DocumentFormat::kCsv);
  EXPECT_EQ(Detect("FAQ Question,FAQ Answer\nIs it?,Yes.\n"), DocumentFormat::kCsv);
  EXPECT_EQ(Detect(Source("tests/data/import/houseplants.md")), DocumentFormat::kText);
  EXPECT_EQ(Detect(Source("knowledge/back-faq.txt")), DocumentFormat::kText);
  // Markdown with some markup in it is still text; a comma in the first line is no header.
  EXPECT_EQ(Detect("<!-- draft -->\n## Why?\n\nBecause.\n"), DocumentFormat::kText);
  EXPECT_EQ(Detect("Hello, world\nWhy?\n\nBecause.\n"), DocumentFormat::kText);
}

TEST(FaqFileTest, TheNameDecidesOnlyWhenTheContentDoesNot) {
  EXPECT_EQ(Detect("<p>Why?</p>", "x.txt"), DocumentFormat::kHtml);
  EXPECT_EQ(Detect("<faq-item>Why?</faq-item>", "page.HTM"), DocumentFormat::kHtml);
  EXPECT_EQ(Detect("<faq-item>Why?</faq-item>", "notes.txt"), DocumentFormat::kText);
  EXPECT_EQ(Detect("id,title\n1,a\n", "export.csv"), DocumentFormat::kCsv);
  EXPECT_EQ(Detect("id\ttitle\n", "export.tsv"), DocumentFormat::kTsv);
  EXPECT_EQ(Detect("question,answer\nWhy?,Because.\n", "faq.md"), DocumentFormat::kCsv);
}

TEST(FaqFileTest, AnExplicitFormatIsRead) {
  FaqDocument doc;
  std::string err;
  // As detected, a Q:/A: document; read as Markdown, its heading is the question.
  std::string text = "Q: Is it open?\nA: Yes.\n\n## Opening hours\n\nNine to five.\n";
  EXPECT_EQ(Detect(text), DocumentFormat::kText);
  ASSERT_TRUE(ParseFaqText(text, "doc", DocumentFormat::kDetect, &doc, &err)) << err;
  EXPECT_EQ(doc.entries[0].question, "Is it open?");
  ASSERT_TRUE(ParseFaqText(text, "doc", DocumentFormat::kMarkdown, &doc, &err)) << err;
  EXPECT_EQ(doc.entries[0].question, "Opening hours");
  // Plain text on request: the heading line is no question, the Q: line ends in '?'.
  ASSERT_TRUE(ParseFaqText("Is it open?\n\nYes.\n", "doc", DocumentFormat::kText, &doc, &err));
  EXPECT_EQ(doc.how.rfind("plain text", 0), 0u);
  // A CSV read as HTML finds nothing to read.
  EXPECT_FALSE(
      ParseFaqText("question,answer\nWhy?,Because.\n", "f.csv", DocumentFormat::kHtml, &doc, &err));
  EXPECT_EQ(err.rfind("f.csv: no questions found (looked for schema.org FAQPage", 0), 0u) << err;
}

TEST(FaqFileTest, FormatNames) {
  DocumentFormat f = DocumentFormat::kHtml;
  const std::pair<const char*, DocumentFormat> kNames[] = {
      {"html", DocumentFormat::kHtml},  {"csv", DocumentFormat::kCsv},
      {"tsv", DocumentFormat::kTsv},    {"markdown", DocumentFormat::kMarkdown},
      {"text", DocumentFormat::kText},  {"qa", DocumentFormat::kQa},
      {"auto", DocumentFormat::kDetect}};
  for (const auto& [name, format] : kNames) {
    ASSERT_TRUE(ParseDocumentFormat(name, &f)) << name;
    EXPECT_EQ(f, format) << name;
  }
  EXPECT_FALSE(ParseDocumentFormat("pdf", &f));
}

TEST(FaqFileTest, BadFilesAreErrorsWhateverTheFormat) {
  FaqDocument doc;
  std::string err;
  for (DocumentFormat f : {DocumentFormat::kDetect, DocumentFormat::kHtml, DocumentFormat::kCsv}) {
    EXPECT_FALSE(ParseFaqText(std::string("PK\x03\x04\0\0", 6), "x.zip", f, &doc, &err));
    EXPECT_EQ(err, "x.zip: is a binary file, not an FAQ document (text, Markdown, HTML or CSV)");
  }
  EXPECT_FALSE(ReadFaqFile("/nonexistent/faq.html", DocumentFormat::kDetect, &doc, &err));
  EXPECT_EQ(err, "/nonexistent/faq.html: cannot read the document: No such file or directory");
  EXPECT_FALSE(ReadFaqFile(BACKTALK_SOURCE_DIR, DocumentFormat::kDetect, &doc, &err));
  EXPECT_EQ(err, std::string(BACKTALK_SOURCE_DIR) + ": is a folder, not an FAQ document");
  EXPECT_TRUE(ReadFaqFile(std::string(BACKTALK_SOURCE_DIR) + "/knowledge/back-faq.txt",
                          DocumentFormat::kDetect, &doc, &err))
      << err;
  EXPECT_EQ(doc.entries.size(), 9u);
}

}  // namespace
}  // namespace backtalk
