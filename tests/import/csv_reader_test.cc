#include "import/csv_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <utility>

#include "support/source.h"

namespace backtalk {
namespace {

using testing::Source;

FaqDocument Parse(const std::string& text, char delimiter = ',',
                  const std::string& name = "faq.csv") {
  FaqDocument doc;
  std::string err;
  EXPECT_TRUE(ParseCsvDocument(text, delimiter, name, &doc, &err)) << err;
  return doc;
}

std::string Error(const std::string& text, char delimiter = ',') {
  FaqDocument doc;
  std::string err;
  EXPECT_FALSE(ParseCsvDocument(text, delimiter, "faq.csv", &doc, &err));
  EXPECT_TRUE(doc.entries.empty());
  return err;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

// tests/data/import/furilabs-faq.csv: the first 25 rows of a help desk's export, with id,
// language, category and enabled columns besides the query, its keywords and the response.
TEST(CsvReaderTest, ARealExport) {
  FaqDocument doc = Parse(Source("tests/data/import/furilabs-faq.csv"), ',', "furilabs-faq.csv");
  EXPECT_EQ(doc.how,
            "CSV: the \"query\" and \"response\" columns, other phrasings from \"keyword\"");
  Pairs pairs;
  for (const FaqEntry& e : doc.entries) pairs.emplace_back(e.question, e.answer);
  EXPECT_EQ(
      pairs,
      (Pairs{
          {"How do I enable or disable mobile bands on FuriOS?",
           "Go to Settings > Enable Bands, then select the band type you want to toggle (2G, 3G, "
           "4G, etc.) and enable or disable it."},
          {"How do I turn off or on wifi?",
           "To turn wifi on or off there are two ways. The first and easiest is swipe down from "
           "the top of the screen to show the quick view settings options and tap the wifi to "
           "toggle it off. It's color will change to disabled/off. The second way is to go to "
           "Settings > Wi-Fi and toggle on/off the the Wi-Fi."},
          {"How do I open the Settings app on FuriOS?",
           "You can open Settings by tapping the Settings icon in your app drawer, or by swiping "
           "down from the top of the screen to open the Quick Settings panel and tapping the gear "
           "icon."},
          {"How do I connect to a Wi-Fi network on FuriOS?",
           "Go to Settings > Wi-Fi. Make sure Wi-Fi is enabled (toggle on). Available networks "
           "will appear under Visible Networks. Tap the network you want to connect to and enter "
           "the password if required."},
          {"How do I view my saved Wi-Fi networks?",
           "Go to Settings > Wi-Fi and tap Saved Networks. A popup will appear showing all your "
           "previously connected Wi-Fi networks. From here you can see and manage your saved "
           "connections."},
          {"How do I forget or remove a saved Wi-Fi network?",
           "Go to Settings > Wi-Fi, tap the connected or saved network to open its details, scroll "
           "down and tap Forget Connection... to remove it from your saved networks."},
          {"How do I connect to a hidden Wi-Fi network?",
           "Go to Settings > Wi-Fi and tap Connect to Hidden Network.... In the popup, select your "
           "Wi-Fi adapter, enter the Network name, choose the Wi-Fi security type (None, WPA, "
           "WPA2, etc.), enter the password if needed, and tap Connect."},
          {"How do I turn on Wi-Fi hotspot on FuriOS?",
           "Go to Settings > Wi-Fi and tap Turn On Wi-Fi Hotspot.... A popup will appear where you "
           "can set the Network Name (default: furiphoneflx1s) and Password. Tap Turn On to enable "
           "the hotspot. Others can then connect to share your internet."},
          {"How do I change my Wi-Fi hotspot name and password?",
           "Go to Settings > Wi-Fi and tap Turn On Wi-Fi Hotspot.... In the configuration popup, "
           "you can edit the Network Name and Password fields before turning on the hotspot."},
          {"How do I turn off Wi-Fi hotspot?",
           "When the hotspot is active, go to Settings > Wi-Fi. You'll see Wi-Fi Hotspot Active "
           "with a QR code. Tap Turn Off Hotspot... to disable it and return to normal Wi-Fi "
           "mode."},
          {"How do others connect to my Wi-Fi hotspot?",
           "When your hotspot is active, a QR code is displayed on the Settings > Wi-Fi screen. "
           "Other devices can scan this QR code to automatically connect, or they can manually "
           "search for your hotspot name and enter the password."},
          {"How do I enable Airplane Mode on FuriOS?",
           "Go to Settings > Wi-Fi and toggle on Airplane Mode. This disables mobile broadband. "
           "You can also access Airplane Mode from the Quick Settings by swiping down from the top "
           "of the screen."},
          {"How do I view Wi-Fi network details on FuriOS?",
           "Go to Settings > Wi-Fi and tap on a connected network. The Details tab shows: Signal "
           "Strength, Security type, IPv4 Address, IPv6 Address, Hardware Address (MAC), Supported "
           "Frequencies (2.4 GHz/5 GHz), Default Route, and DNS."},
          {"How do I find my IP address on FuriOS?",
           "Go to Settings > Wi-Fi, tap on your connected network, and view the Details tab. Your "
           "IPv4 Address and IPv6 Address are displayed there along with the Default Route and DNS "
           "settings."},
          {"How do I find my MAC address on FuriOS?",
           "Go to Settings > Wi-Fi, tap on your connected network, and view the Details tab. Your "
           "Hardware Address (MAC address) is displayed there."},
          {"How do I set a Wi-Fi connection to connect automatically?",
           "Go to Settings > Wi-Fi, tap on your connected network, and in the Details tab, enable "
           "the Connect automatically checkbox. The device will automatically connect to this "
           "network when in range."},
          {"How do I share a Wi-Fi connection with other users on FuriOS?",
           "Go to Settings > Wi-Fi, tap on a network, and in the Details tab, enable Make "
           "available to other users. This allows other user accounts on the device to use this "
           "saved connection."},
          {"How do I set a Wi-Fi network as metered on FuriOS?",
           "Go to Settings > Wi-Fi, tap on a network, and in the Details tab, enable Metered "
           "connection. This indicates the connection has data limits or can incur charges. "
           "Software updates and large downloads will not start automatically on metered "
           "connections."},
          {"How do I view or change Wi-Fi identity settings?",
           "Go to Settings > Wi-Fi, tap on a network, and select the Identity tab. Here you can "
           "view and configure: BSSID, MAC Address, and Cloned Address settings."},
          {"How do I configure a static IP address on Wi-Fi?",
           "Go to Settings > Wi-Fi, tap on a network, select the IPv4 tab, and change IPv4 Method "
           "from Automatic (DHCP) to Manual. Then enter your desired Address, Netmask, DNS, and "
           "Routes."},
          {"What IPv4 methods are available for Wi-Fi on FuriOS?",
           "Go to Settings > Wi-Fi, tap on a network, and select the IPv4 tab. Available methods "
           "are: Automatic (DHCP) - gets IP automatically, Manual - set static IP, and Shared to "
           "other computers - share connection."},
          {"How do I set custom DNS servers for Wi-Fi?",
           "Go to Settings > Wi-Fi, tap on a network, select the IPv4 or IPv6 tab. In the DNS "
           "field, enter your preferred DNS server addresses. Separate multiple IP addresses with "
           "commas."},
          {"How do I configure IPv6 settings on Wi-Fi?",
           "Go to Settings > Wi-Fi, tap on a network, and select the IPv6 tab. Choose your method: "
           "Automatic, Automatic, DHCP, Link-Local Only, Manual, Shared to other devices, or "
           "Disable."},
          {"What IPv6 methods are available for Wi-Fi on FuriOS?",
           "Go to Settings > Wi-Fi > [Network] > IPv6. Methods include: Automatic, Automatic, "
           "DHCP, Link-Local Only, Manual (enter Address, Prefix, Gateway), Shared to other "
           "devices, and Disable (turn off IPv6)."},
          {"How do I disable IPv6 on FuriOS?",
           "Go to Settings > Wi-Fi, tap on a network, select the IPv6 tab, and set IPv6 Method to "
           "Disable. Tap Apply to save the changes."},

      }));
  EXPECT_TRUE(doc.warnings.empty());
  // The keywords cell is a list of other phrasings.
  EXPECT_EQ(doc.entries[0].alternates,
            (std::vector<std::string>{"Enable Bands", "disable bands", "cellular bands"}));
  EXPECT_EQ(doc.entries[1].alternates, (std::vector<std::string>{"wifi"}));
  EXPECT_EQ(doc.entries[24].line, 26);
}

TEST(CsvReaderTest, QuotingLineBreaksAndColumnsInAnyOrder) {
  FaqDocument doc = Parse(
      "Answer,Notes,Question,Paraphrases\r\n"
      "\"Yes, \"\"always\"\".\",x,\"Is it \"\"free\"\"?\",is it gratis | does it cost anything\r\n"
      "\r\n"
      "\"Two ways:\n- the app\n- the web\",,\"How do I\n pay?\",\r\n");
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[0].question, "Is it \"free\"?");
  EXPECT_EQ(doc.entries[0].answer, "Yes, \"always\".");
  EXPECT_EQ(doc.entries[0].alternates,
            (std::vector<std::string>{"is it gratis", "does it cost anything"}));
  EXPECT_EQ(doc.entries[1].question, "How do I pay?");
  EXPECT_EQ(doc.entries[1].answer, "Two ways:\n• the app\n• the web");
  EXPECT_EQ(doc.entries[1].line, 4);
}

TEST(CsvReaderTest, SemicolonsAndHeaderNamesWithFaqOrText) {
  FaqDocument doc = Parse(
      "FAQ Question;Answer_Text\r\n\"Is it free?\";\"Yes; always.\nAsk at the desk, please.\"\r\n"
      "Where is it?;Here, by the hall.\r\n");
  ASSERT_EQ(doc.entries.size(), 2u);
  EXPECT_EQ(doc.entries[0].question, "Is it free?");
  EXPECT_EQ(doc.entries[0].answer, "Yes; always.\nAsk at the desk, please.");
  EXPECT_EQ(doc.entries[1].answer, "Here, by the hall.");
  EXPECT_EQ(doc.how, "CSV: the \"FAQ Question\" and \"Answer_Text\" columns");
}

TEST(CsvReaderTest, TabSeparatedWithQuotesAsText) {
  FaqDocument doc = Parse("question\tanswer\nIs the 5\" screen bright?\tYes.\n", '\t', "faq.tsv");
  ASSERT_EQ(doc.entries.size(), 1u);
  EXPECT_EQ(doc.entries[0].question, "Is the 5\" screen bright?");
  EXPECT_EQ(doc.how, "TSV: the \"question\" and \"answer\" columns");
}

TEST(CsvReaderTest, RowsWithoutAQuestionOrAnAnswerAreLeftOutWithAWarning) {
  FaqDocument doc = Parse("q,a\nWhy?,Because.\n,Orphan answer.\nHow?,\n,\n");
  ASSERT_EQ(doc.entries.size(), 1u);
  EXPECT_EQ(doc.warnings,
            (std::vector<std::string>{"faq.csv:3: a row with an answer but no question; left out",
                                      "faq.csv:4: \"How?\" has no answer; left out"}));
}

TEST(CsvReaderTest, BadFilesAreClearErrors) {
  EXPECT_EQ(Error("question,answer\nWhy?\n"),
            "faq.csv:2: this row has 1 field and the header 2; a column is missing");
  // A real export's row 251, with a comma in an unquoted keywords field.
  EXPECT_EQ(Error("id,query,keyword,response\n251,How to enter recovery mode?,recovery,mode,"
                  "Power on.\n"),
            "faq.csv:2: this row has 5 fields and the header 4; a field with the delimiter in it "
            "is written in quotes");
  EXPECT_EQ(Error("question,answer\nWhy?,\"Because\nWhen?,Now\n"),
            "faq.csv:2: a quoted field that starts on this row is never closed");
  EXPECT_EQ(Error("question,answer\nWhy?,Be\"cause\n"),
            "faq.csv:2:8: a stray quote; a field with a quote in it is written in quotes with the "
            "quote doubled (\"say \"\"hi\"\"\")");
  EXPECT_EQ(Error("id,title,text\n1,a,b\n"),
            "faq.csv:1: the header row names no answer column (answer, a, response, reply or "
            "body); its columns are \"id\", \"title\", \"text\"");
  EXPECT_EQ(Error("id,answer\n1,b\n"),
            "faq.csv:1: the header row names no question column (question, q, query, title or "
            "prompt); its columns are \"id\", \"answer\"");
  EXPECT_EQ(Error("question,answer\n"),
            "faq.csv: no questions found (looked for rows under a header row that names the "
            "question and answer columns)");
  EXPECT_EQ(Error(""),
            "faq.csv: is empty; an FAQ document has questions, each followed by its answer");
}

TEST(CsvReaderTest, SplitKeepsTheLineEachRowStartsOn) {
  std::vector<CsvRow> rows;
  std::string err;
  ASSERT_TRUE(SplitCsv("a,b\n\n\"x\ny\",z\rlast,row", ',', "f.csv", &rows, &err)) << err;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x\ny", "z"}));
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"last", "row"}));
  EXPECT_EQ(rows[2].line, 5);
  EXPECT_TRUE(IsFaqHeader({"ID", "Question", "Answer "}));
  EXPECT_FALSE(IsFaqHeader({"question", "notes"}));
}

}  // namespace
}  // namespace backtalk
