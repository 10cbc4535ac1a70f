#include "import/faq_file.h"

#include <absl/strings/ascii.h>
#include <absl/strings/str_split.h>

#include <cctype>
#include <vector>

#include "import/csv_reader.h"
#include "import/html_reader.h"
#include "util/read_file.h"

namespace backtalk {

namespace {

bool LooksLikeHtml(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos || text[first] != '<') return false;
  std::string head(text.substr(first, 4096));
  absl::AsciiStrToLower(&head);
  for (const char* mark : {"<!doctype html", "<html", "<head", "<body"})
    if (head.find(mark) != std::string::npos) return true;
  // A fragment: a page's content without its frame, starting with a block element.
  size_t i = 1;
  std::string tag;
  while (i < head.size() && std::isalnum(static_cast<unsigned char>(head[i]))) tag += head[i++];
  for (const char* block :
       {"h1", "h2", "h3", "h4", "div", "section", "article", "main", "details", "dl", "p", "ul",
        "ol", "table", "meta", "script", "style", "link", "title"})
    if (tag == block) return true;
  return false;
}

// Each format and its name.
const std::pair<const char*, DocumentFormat> kFormatNames[] = {
    {"auto", DocumentFormat::kDetect},
    {"html", DocumentFormat::kHtml},
    {"csv", DocumentFormat::kCsv},
    {"tsv", DocumentFormat::kTsv},
    {"markdown", DocumentFormat::kMarkdown},
    {"text", DocumentFormat::kText},
    {"qa", DocumentFormat::kQa},
};

}  // namespace

bool ParseDocumentFormat(std::string_view name, DocumentFormat* out) {
  for (const auto& [n, f] : kFormatNames) {
    if (name == n) {
      *out = f;
      return true;
    }
  }
  return false;
}

DocumentFormat DetectDocumentFormat(std::string_view text, const std::string& path) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string lower = absl::AsciiStrToLower(path);
  if (LooksLikeHtml(text)) return DocumentFormat::kHtml;
  if (HeaderNamesColumns(text, '\t')) return DocumentFormat::kTsv;
  if (HeaderNamesColumns(text, ',') || HeaderNamesColumns(text, ';')) return DocumentFormat::kCsv;
  size_t first = text.find_first_not_of(" \t\r\n\f");
  if ((lower.ends_with(".html") || lower.ends_with(".htm")) && first != std::string_view::npos &&
      text[first] == '<')
    return DocumentFormat::kHtml;
  if (lower.ends_with(".tsv")) return DocumentFormat::kTsv;
  if (lower.ends_with(".csv")) return DocumentFormat::kCsv;
  return DocumentFormat::kText;
}

bool ParseFaqText(std::string_view text, const std::string& name, DocumentFormat format,
                  FaqDocument* out, std::string* err) {
  // Binary, empty and invalid UTF-8 are refused the same way whatever the format.
  if (!CheckDocumentText(&text, name, err)) return false;
  bool detected = format == DocumentFormat::kDetect;
  if (detected) format = DetectDocumentFormat(text, name);
  switch (format) {
    case DocumentFormat::kHtml:
      return ParseHtmlDocument(text, name, out, err);
    case DocumentFormat::kCsv:
      return ParseCsvDocument(text, ',', name, out, err);
    case DocumentFormat::kTsv:
      return ParseCsvDocument(text, '\t', name, out, err);
    case DocumentFormat::kMarkdown:
      return ParseDocument(text, name, out, err, TextLayout::kMarkdown);
    case DocumentFormat::kQa:
      return ParseDocument(text, name, out, err, TextLayout::kQuestionTags);
    default:  // kText: detected, any text layout; asked for, plain text
      return ParseDocument(text, name, out, err,
                           detected ? TextLayout::kDetect : TextLayout::kPlain);
  }
}

bool ReadFaqFile(const std::string& path, DocumentFormat format, FaqDocument* out,
                 std::string* err) {
  static constexpr FileKind kDocument = {"document", "an FAQ document", kMaxDocumentBytes};
  std::string text;
  if (!ReadWholeFile(path, kDocument, &text, err)) return false;
  return ParseFaqText(text, path, format, out, err);
}

}  // namespace backtalk
