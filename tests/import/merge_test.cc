#include "import/merge.h"

#include <gtest/gtest.h>

namespace backtalk {
namespace {

FaqEntry Entry(const std::string& question, const std::string& answer, int line) {
  FaqEntry e;
  e.question = question;
  e.answer = answer;
  e.blocks = {answer};
  e.bullet = {false};
  e.line = line;
  return e;
}

TEST(MergeTest, EntriesInOrderAndADuplicateReportedWithBothPlaces) {
  NamedDocument a{"a.md", {}};
  a.doc.entries = {Entry("How do I pay?", "By card.", 3), Entry("Can I return it?", "Yes.", 9)};
  a.doc.warnings = {"a.md:12: \"Why?\" has no answer; left out"};
  a.doc.how = "Markdown: every '##' heading from the first question to the last";
  NamedDocument b{"b.csv", {}};
  b.doc.entries = {Entry("how do I pay", "In cash.", 4), Entry("Where are you?", "Here.", 5),
                   Entry("Can I return it?", "Yes.", 6)};
  b.doc.entries[0].alternates = {"payment options"};
  b.doc.how = "CSV: the \"question\" and \"answer\" columns";
  std::vector<std::string> sources;
  FaqDocument merged = MergeDocuments({a, b}, &sources);
  EXPECT_EQ(sources, (std::vector<std::string>{"a.md:3", "a.md:9", "b.csv:5"}));
  std::vector<std::string> questions;
  for (const FaqEntry& e : merged.entries) questions.push_back(e.question);
  EXPECT_EQ(questions,
            (std::vector<std::string>{"How do I pay?", "Can I return it?", "Where are you?"}));
  EXPECT_EQ(merged.entries[0].answer, "By card.");
  EXPECT_EQ(merged.entries[0].alternates, (std::vector<std::string>{"payment options"}));
  EXPECT_EQ(merged.warnings,
            (std::vector<std::string>{
                "a.md:12: \"Why?\" has no answer; left out",
                "b.csv:4: \"how do I pay\" is also asked at a.md:3; the answer from a.md is kept",
                "b.csv:6: \"Can I return it?\" is also asked at a.md:9; the answers are the "
                "same"}));
  EXPECT_EQ(merged.how,
            "a.md: Markdown: every '##' heading from the first question to the last; b.csv: "
            "CSV: the \"question\" and \"answer\" columns");
}

TEST(MergeTest, OneDocumentIsItself) {
  NamedDocument a{"a.md", {}};
  a.doc.entries = {Entry("Why?", "Because.", 1)};
  a.doc.how = "plain text";
  FaqDocument merged = MergeDocuments({a});
  EXPECT_EQ(merged.entries.size(), 1u);
  EXPECT_EQ(merged.how, "plain text");
}

}  // namespace
}  // namespace backtalk
