#include "import/document.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/source.h"

namespace backtalk {
namespace {

using testing::Source;

FaqDocument Parse(const std::string& text, const std::string& name = "doc.txt") {
  FaqDocument doc;
  std::string err;
  EXPECT_TRUE(ParseDocument(text, name, &doc, &err)) << err;
  return doc;
}

std::vector<std::string> Questions(const FaqDocument& doc) {
  std::vector<std::string> q;
  for (const FaqEntry& e : doc.entries) q.push_back(e.question);
  return q;
}

std::string Error(const std::string& text, const std::string& name = "notes.txt") {
  FaqDocument doc;
  std::string err;
  EXPECT_FALSE(ParseDocument(text, name, &doc, &err));
  EXPECT_TRUE(doc.entries.empty());
  return err;
}

TEST(DocumentTest, BackFaqHasItsNineQuestionsVerbatim) {
  FaqDocument doc = Parse(Source("knowledge/back-faq.txt"), "back-faq.txt");
  EXPECT_EQ(Questions(doc), (std::vector<std::string>{
                                "How do you stretch your upper middle back?",
                                "Why does the middle and top of my back hurt?",
                                "Why is my middle back so tight?",
                                "How do I relax my mid-back muscles?",
                                "How do you release back tension?",
                                "What are the best exercises for upper back?",
                                "What are the best exercises for mid back?",
                                "What are the best exercises for middle back pain?",
                                "How do you stretch your middle back?",
                            }));
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_EQ(doc.entries[0].line, 1);
  EXPECT_EQ(doc.entries[6].line, 29);  // the question inside a bullet line
}

TEST(DocumentTest, BackFaqListsStayLists) {
  FaqDocument doc = Parse(Source("knowledge/back-faq.txt"), "back-faq.txt");
  // The fragment before the list is an item that lost its marker; the question in the last
  // bullet starts a new entry instead of ending this list.
  EXPECT_EQ(doc.entries[5].answer,
            "• Child’s Pose\n• Cat-Cow\n• Shoulder Roll\n• Neck Side Bend Rotations\n"
            "• Scapular Squeeze");
  // An indented paragraph among bullets is an item too.
  EXPECT_EQ(doc.entries[6].answer.rfind("• Behind the Back Shrug. Via Get", 0), 0u);
  EXPECT_EQ(doc.entries[6].blocks.size(), 5u);
  // "– Lie ... – Inhale ..." on one line are four items.
  EXPECT_EQ(doc.entries[8].blocks,
            (std::vector<std::string>{
                "Lie on your stomach, body long, chin on the mat or face down. Place your hands "
                "underneath your shoulders.",
                "Inhale and curl your chest off the ground, engaging your back muscles.",
                "Press lightly into your hands to deepen the stretch.",
                "Hold for 2 breaths and release."}));
  EXPECT_EQ(doc.entries[8].bullet, (std::vector<bool>{true, true, true, true}));
  // A paragraph stays one block.
  EXPECT_EQ(doc.entries[0].blocks.size(), 1u);
  EXPECT_EQ(doc.entries[0].answer.find('\n'), std::string::npos);
}

TEST(DocumentTest, AQuestionInsideAnAnswerDoesNotSplitIt) {
  FaqDocument doc = Parse(
      "How do I start?\n"
      "\n"
      "Read the guide. Stuck? Ask us. Still not sure what to do? Call the desk.\n"
      "Then come back and ask us whether the next step is right?\n"
      "The answer goes on here.\n"
      "\n"
      "Where is the desk?\n"
      "\n"
      "On the ground floor, and\n"
      "who staffs it, you ask?\n");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"How do I start?", "Where is the desk?"}));
  EXPECT_EQ(doc.entries[0].answer,
            "Read the guide. Stuck? Ask us. Still not sure what to do? Call the desk. Then come "
            "back and ask us whether the next step is right? The answer goes on here.");
  EXPECT_EQ(doc.entries[1].answer, "On the ground floor, and who staffs it, you ask?");
}

TEST(DocumentTest, QuestionsWithoutBlankLinesBetweenThem) {
  FaqDocument doc = Parse(
      "Why is the sky blue?\nBecause air scatters blue light most.\nHow far is the moon?\n"
      "About 384,000 km.\n");
  EXPECT_EQ(Questions(doc),
            (std::vector<std::string>{"Why is the sky blue?", "How far is the moon?"}));
  EXPECT_EQ(doc.entries[1].answer, "About 384,000 km.");
}

TEST(DocumentTest, HardWrappedLinesJoinAndCrLfAndByteOrderMarkAreRead) {
  FaqDocument doc = Parse(
      "\xEF\xBB\xBFWhat is this?\r\n\r\nA paragraph that was\r\nwrapped by an editor.\r\n\r\n"
      "- one item\r\n  that wraps\r\n- two\r\n");
  ASSERT_EQ(doc.entries.size(), 1u);
  EXPECT_EQ(doc.entries[0].question, "What is this?");
  EXPECT_EQ(doc.entries[0].answer,
            "A paragraph that was wrapped by an editor.\n• one item that wraps\n• two");
}

TEST(DocumentTest, MarkdownHeadingsAreTheQuestions) {
  FaqDocument doc = Parse(Source("tests/data/import/houseplants.md"), "houseplants.md");
  EXPECT_EQ(Questions(doc), (std::vector<std::string>{
                                "How often should I water my houseplants?",
                                "Why are the leaves turning yellow?",
                                "How do I repot a plant?",
                                "Which plants grow in low light?",
                                "Caring for cuttings",
                                "How do I get rid of fungus gnats?",
                                "Should I mist my plants?",
                            }));
  // "Not sure?" in a paragraph and a '?' line in a code block do not split answers.
  EXPECT_NE(doc.entries[0].answer.find("Not sure? Wait another day"), std::string::npos);
  EXPECT_NE(doc.entries[5].answer.find("Do not water until the top 2 cm is dry?"),
            std::string::npos);
  EXPECT_EQ(doc.entries[1].answer,
            "Yellow leaves usually mean one of these:\n"
            "• too much water, so the roots cannot breathe\n"
            "• too little light\n"
            "• a pot without drainage holes");
  // A numbered list is a list; links and bold read as plain text.
  EXPECT_EQ(doc.entries[2].blocks.size(), 5u);
  EXPECT_EQ(doc.entries[2].blocks[0],
            "Water the plant the day before, so the root ball holds together.");
  EXPECT_NE(doc.entries[3].answer.find("See the light guide (https://example.org/light) for more."),
            std::string::npos);
  EXPECT_NE(doc.entries[5].answer.find("put yellow sticky traps on"), std::string::npos);
  // A heading of the question level is an entry even without '?'; the title is not.
  EXPECT_EQ(doc.entries[4].answer, "Cuttings are covered in the propagation leaflet.");
  EXPECT_EQ(doc.how, "Markdown: every '##' heading from the first question to the last");
}

TEST(DocumentTest, EveryHeadingOfTheQuestionLevelBetweenTheQuestionsIsAnEntry) {
  FaqDocument doc = Parse(
      "# Shop FAQ\n\nIntro.\n\n## Orders\n\n### Can I change my order?\n\nWithin an hour.\n\n"
      "### Returns without a receipt\n\nWe refund to store credit.\n\n#### Example\n\nA gift.\n\n"
      "### Where is my parcel?\n\nSee the tracking link.\n\n## About us\n\nA family shop.\n\n"
      "### Our team\n\nFive people.\n",
      "shop.md");
  EXPECT_EQ(Questions(doc),
            (std::vector<std::string>{"Can I change my order?", "Returns without a receipt",
                                      "Where is my parcel?"}));
  // A deeper heading stays in the answer as a line of its own; a higher one ends it.
  EXPECT_EQ(doc.entries[1].answer, "We refund to store credit.\nExample\nA gift.");
  EXPECT_EQ(doc.entries[2].answer, "See the tracking link.");
}

TEST(DocumentTest, AHashLineIndentedAsCodeIsNoHeading) {
  FaqDocument doc = Parse(
      "## How do I pin a formula?\n\n    # keep it\n    brew pin foo\n\n"
      "## How do I unpin it?\n\n    brew unpin foo\n",
      "brew.md");
  EXPECT_EQ(Questions(doc),
            (std::vector<std::string>{"How do I pin a formula?", "How do I unpin it?"}));
}

TEST(DocumentTest, ALayoutCanBeImposed) {
  std::string text = "Q: Is it open?\nA: Yes.\n\n## Opening hours\n\nNine to five.\n";
  EXPECT_EQ(Questions(Parse(text)), (std::vector<std::string>{"Is it open?"}));
  FaqDocument doc;
  std::string err;
  ASSERT_TRUE(ParseDocument(text, "doc.md", &doc, &err, TextLayout::kMarkdown)) << err;
  EXPECT_EQ(Questions(doc), (std::vector<std::string>{"Opening hours"}));
}

TEST(DocumentTest, PlainTextReportsLinesThatLookLikeSkippedQuestions) {
  FaqDocument doc = Parse(
      "Why is the sky blue?\n\nLight scatters, and short waves scatter most.\nIs that all?\n"
      "Mostly, yes.\n\nHow do clouds form?\n\nWater condenses.\n",
      "sky.txt");
  EXPECT_EQ(Questions(doc),
            (std::vector<std::string>{"Why is the sky blue?", "How do clouds form?"}));
  EXPECT_EQ(doc.warnings,
            (std::vector<std::string>{
                "sky.txt:4: \"Is that all?\" ends in '?' but is read as answer text: it follows "
                "answer text, and this document sets its questions apart with a blank line or a "
                "bullet"}));
  EXPECT_EQ(doc.how.rfind("plain text: a question is a line", 0), 0u);
}

TEST(DocumentTest, BoldLinesAreTheQuestions) {
  FaqDocument doc = Parse(Source("tests/data/import/bold-questions.md"), "bold-questions.md");
  EXPECT_EQ(Questions(doc),
            (std::vector<std::string>{"Do you bake gluten-free bread?", "When are you open?",
                                      "Can I order a birthday cake?"}));
  EXPECT_EQ(doc.entries[1].answer, "• Monday to Friday: 7:00 to 18:00\n• Saturday: 8:00 to 14:00");
  EXPECT_NE(doc.entries[2].answer.find("Want something else? Ask us."), std::string::npos);
}

TEST(DocumentTest, QuestionAndAnswerBlocks) {
  FaqDocument doc = Parse(Source("tests/data/import/bicycle-qa.txt"), "bicycle-qa.txt");
  EXPECT_EQ(Questions(doc), (std::vector<std::string>{
                                "How do I fix a flat tyre?", "How often should I oil the chain?",
                                "What tyre pressure should I use?", "Why do my brakes squeal?"}));
  EXPECT_EQ(doc.entries[1].answer,
            "Every few hundred kilometres, and after every ride in the rain. Is the chain "
            "squeaking? Then it is overdue. Wipe off the excess oil afterwards, since it collects "
            "grit.");
  EXPECT_EQ(doc.entries[2].answer,
            "The range is printed on the tyre wall.\n• Road tyres: 80 to 100 psi\n"
            "• Hybrid tyres: 50 to 70 psi\n• Mountain bike tyres: 25 to 35 psi");
  EXPECT_EQ(doc.entries[3].line, 18);
}

TEST(DocumentTest, QuestionTagsRuleOutOtherQuestionLines) {
  FaqDocument doc =
      Parse("Q: Is it safe?\nA: Yes.\nWhat about children?\nThey need an adult with them.\n");
  ASSERT_EQ(doc.entries.size(), 1u);
  EXPECT_EQ(doc.entries[0].answer, "Yes. What about children? They need an adult with them.");
}

TEST(DocumentTest, AQuestionWithoutAnAnswerIsLeftOutWithAWarning) {
  FaqDocument doc = Parse("## Is it open?\n\n## When does it close?\n\nAt six.\n", "hours.md");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"When does it close?"}));
  EXPECT_EQ(doc.warnings,
            (std::vector<std::string>{"hours.md:1: \"Is it open?\" has no answer; left out"}));
}

TEST(DocumentTest, AQuestionAskedTwiceIsOneEntry) {
  FaqDocument doc = Parse(
      "## Is it open?\n\nYes.\n\n## Where?\n\nHere.\n\n## Is it open?\n\n"
      "Until six.\n",
      "hours.md");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"Is it open?", "Where?"}));
  EXPECT_EQ(doc.entries[0].answer, "Yes.\nUntil six.");
  EXPECT_EQ(doc.entries[0].blocks.size(), 2u);
  EXPECT_EQ(doc.warnings, (std::vector<std::string>{
                              "hours.md:9: \"Is it open?\" was asked at line 1 too; its answers "
                              "are joined"}));
}

TEST(DocumentTest, QDotAndADotAreTagsLikeQColonAndAColon) {
  FaqDocument doc = Parse(
      "Library FAQ\n\nQ. What is my PIN?\nA. Your personal number.\n\nQ. How do I renew?\n"
      "A. Online.\nOr at a branch.\n");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"What is my PIN?", "How do I renew?"}));
  EXPECT_EQ(doc.entries[0].answer, "Your personal number.");
  EXPECT_EQ(doc.entries[1].answer, "Online. Or at a branch.");
}

TEST(DocumentTest, NumberedHeadingsAskWithoutTheirNumbers) {
  FaqDocument doc = Parse(
      "# FAQ\n\n## 1. Is it open?\n\nYes.\n\n## 2) Where is it?\n\nHere.\n\n"
      "**3. Who runs it?**\n\nWe do.\n",
      "faq.md");
  EXPECT_EQ(Questions(doc),
            (std::vector<std::string>{"Is it open?", "Where is it?", "Who runs it?"}));
}

TEST(DocumentTest, HeadingsThatDoNotAskAreTheQuestionsWhenNothingAsks) {
  FaqDocument doc = Parse(
      "# Help\n\n## Opening hours\n\nNine to six.\n\n### Holidays\n\nClosed.\n\n"
      "## Parking\n\nBehind the hall.\n",
      "help.md");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"Opening hours", "Parking"}));
  EXPECT_EQ(doc.entries[0].answer, "Nine to six.\nHolidays\nClosed.");
  // One heading is a title, not a list of questions.
  EXPECT_EQ(Error("# Notes\n\nNothing asked here.\n"),
            "notes.txt: no questions found (looked for \"Q:\"/\"A:\" blocks, Markdown "
            "headings or **bold** lines ending in '?', and lines ending in '?')");
}

TEST(DocumentTest, BoldLinesThatDoNotAskAreQuestionsAmongBoldQuestions) {
  FaqDocument doc = Parse(
      "Help\n\n**Is it open?**\n\nYes.\n\n**Parking for visitors**\n\nBehind the hall.\n\n"
      "**Note:**\n\nIt is small.\n\n**Who runs it?**\nWe do.\n\n**Thanks for reading**\n",
      "help.md");
  ASSERT_EQ(Questions(doc),
            (std::vector<std::string>{"Is it open?", "Parking for visitors", "Who runs it?"}));
  EXPECT_EQ(doc.entries[1].answer, "Behind the hall.\nNote:\nIt is small.");
  EXPECT_EQ(doc.entries[2].answer, "We do.\nThanks for reading");
}

TEST(DocumentTest, ANumberedQuestionTheCountSkipsIsAQuestion) {
  FaqDocument doc = Parse(
      "Library FAQ\n\n1. How do I renew?\n\nOnline:\n\n1. Log in\n2. Click Renew\n\n"
      "2. Holds on many items. Do I enter my card each time?\n\nNo.\n\n"
      "3. Parking at the branches\n\nBehind the hall.\n\n4. Is there Wi-Fi?\n\nYes.\n");
  ASSERT_EQ(Questions(doc),
            (std::vector<std::string>{"How do I renew?",
                                      "Holds on many items. Do I enter my card each time?",
                                      "Parking at the branches", "Is there Wi-Fi?"}));
  EXPECT_EQ(doc.entries[0].answer, "Online:\n• Log in\n• Click Renew");
  EXPECT_EQ(doc.entries[2].answer, "Behind the hall.");
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(DocumentTest, ASignOffAtTheEndIsNoQuestion) {
  FaqDocument doc = Parse(
      "# FAQ\n\n## Any other fees?\n\nNo.\n\n## Is it open?\n\nYes.\n\n"
      "## Still have questions?\n\nCall 555-0100.\n",
      "faq.md");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"Any other fees?", "Is it open?"}));
  EXPECT_EQ(doc.entries[1].answer, "Yes.");
  doc = Parse(
      "Is it open?\nYes.\n\nIs there parking?\nNo.\n\nCan't find what you're looking "
      "for?\nCall 555-0100.\n");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"Is it open?", "Is there parking?"}));
  EXPECT_EQ(doc.entries[1].answer, "No.");
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_TRUE(IsClosingQuestion("Other questions?"));
  EXPECT_TRUE(IsClosingQuestion("Didn’t find your answer?"));
  EXPECT_FALSE(IsClosingQuestion("Any other fees?"));
  EXPECT_FALSE(IsClosingQuestion("Where can I find the desk?"));
}

TEST(DocumentTest, NumberedTagsAndTagsWithoutAnswerTags) {
  FaqDocument doc = Parse(
      "Q1: What is my PIN?\nA1: Your number.\n\nQuestion 2: How do I\n"
      "renew?\nAnswer 2: Online.\n");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"What is my PIN?", "How do I renew?"}));
  EXPECT_EQ(doc.entries[1].answer, "Online.");
  // With no "A" tags the answer starts on the line after the question.
  doc = Parse("Q1. What is my PIN?\nYour number.\n\nQ2. Parking\nBehind the hall.\n");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"What is my PIN?", "Parking"}));
  EXPECT_EQ(doc.entries[0].answer, "Your number.");
  EXPECT_EQ(doc.entries[1].answer, "Behind the hall.");
  doc = Parse("# FAQ\n\n### Q: Is it open?\n\nYes.\n\n### Q: Where?\n\nHere.\n", "faq.md");
  EXPECT_EQ(Questions(doc), (std::vector<std::string>{"Is it open?", "Where?"}));
}

TEST(DocumentTest, CollapsibleSectionsInMarkdown) {
  FaqDocument doc = Parse(
      "# FAQ\n\n<details>\n<summary>Is it open?</summary>\n\nYes.\n\n</details>\n\n"
      "<details open>\n<summary><b>Parking</b></summary>\n\n- behind the hall\n\n</details>\n"
      "<details>\n<summary>Why does <code>brew info <formula></code> fail?</summary>\n\n"
      "It does not.\n</details>\n",
      "README.md");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"Is it open?", "Parking",
                                                      "Why does brew info <formula> fail?"}));
  EXPECT_EQ(doc.entries[0].answer, "Yes.");
  EXPECT_EQ(doc.entries[1].answer, "• behind the hall");
  EXPECT_EQ(doc.entries[2].answer, "It does not.");
}

TEST(DocumentTest, AQuestionWithItsContextBeforeIt) {
  FaqDocument doc = Parse(
      "How do I renew?\n\nOnline.\n\nYes. Want more?\n\n"
      "I want to place holds on many items. Do I enter my card each time?\n\nNo.\n\n"
      "Is there parking?\n\nBehind the hall.\n");
  ASSERT_EQ(Questions(doc),
            (std::vector<std::string>{"How do I renew?",
                                      "I want to place holds on many items. Do I enter my card "
                                      "each time?",
                                      "Is there parking?"}));
  EXPECT_EQ(doc.entries[0].answer, "Online.\nYes. Want more?");
  EXPECT_EQ(doc.entries[1].answer, "No.");
}

TEST(DocumentTest, APageFooterDoesNotEndTheLastAnswer) {
  FaqDocument doc = Parse(
      "Home | About | Contact\n\nIs it open?\nYes.\n\nIs there parking?\nBehind the hall.\n\n"
      "© 2026 Example Ltd. All rights reserved. Privacy | Terms\n");
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[1].answer, "Behind the hall.");
  EXPECT_EQ(doc.entries[1].blocks.size(), 1u);
}

TEST(DocumentTest, AQuestionWrappedOntoTheNextLines) {
  FaqDocument doc = Parse(
      "If my library items are due and I still need them, can I keep the\n"
      "items after their due date?\n\nYou can renew them\nonline.\n\nWhat about\n"
      "fines?\nThere are none.\n\nAnd when the library is shut, you\nask?\n");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"If my library items are due and I still "
                                                      "need them, can I keep the items after "
                                                      "their due date?",
                                                      "What about fines?"}));
  EXPECT_EQ(doc.entries[0].answer, "You can renew them online.");
  EXPECT_EQ(doc.entries[1].answer, "There are none.\nAnd when the library is shut, you ask?");
  // The wrapped questions' last lines are no warning; a '?' line in an answer still is.
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].rfind("doc.txt:12: \"ask?\"", 0), 0u) << doc.warnings[0];
}

TEST(DocumentTest, AMarkdownTableOfQuestionsAndAnswers) {
  FaqDocument doc = Parse(
      "# FAQ\n\nOur questions:\n\n| # | Question | Answer |\n|---|:---|---|\n"
      "| 1 | Is it **open**? | Yes.<br>- daily<br>- till six |\n| 2 | Parking | Behind \\| left. "
      "|\n"
      "\nThanks.\n",
      "faq.md");
  ASSERT_EQ(Questions(doc), (std::vector<std::string>{"Is it open?", "Parking"}));
  EXPECT_EQ(doc.entries[0].answer, "Yes.\n• daily\n• till six");
  EXPECT_EQ(doc.entries[1].answer, "Behind | left.");
  EXPECT_EQ(doc.entries[1].line, 8);
}

TEST(DocumentTest, BadInputIsAClearError) {
  EXPECT_EQ(Error(""),
            "notes.txt: is empty; an FAQ document has questions, each followed by its answer");
  EXPECT_EQ(Error(" \n\t\r\n"),
            "notes.txt: is empty; an FAQ document has questions, each followed by its answer");
  EXPECT_EQ(Error(std::string("PK\x03\x04\0\0binary?", 12)),
            "notes.txt: is a binary file, not an FAQ document (text, Markdown, HTML or CSV)");
  EXPECT_EQ(Error("How?\n\nFine.\nCaf\xE9 au lait?\n"),
            "notes.txt:4:4: invalid UTF-8 (byte 0xE9); save the document as UTF-8");
  EXPECT_EQ(Error("Just some notes.\nNothing asked here.\n"),
            "notes.txt: no questions found (looked for \"Q:\"/\"A:\" blocks, Markdown "
            "headings or **bold** lines ending in '?', and lines ending in '?')");
  EXPECT_EQ(Error("## Is it open?\n"),
            "notes.txt: no answers found: each question must be followed by its answer");
}

}  // namespace
}  // namespace backtalk
