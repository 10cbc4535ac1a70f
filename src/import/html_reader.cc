#include "import/html_reader.h"

#include <absl/strings/ascii.h>
#include <absl/strings/str_replace.h>
#include <absl/strings/str_split.h>
#include <gumbo.h>
#include <utf8proc.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <ranges>
#include <span>
#include <utility>
#include <vector>

#include "util/source_error.h"
#include "util/utf8.h"

namespace backtalk {

namespace {

using nlohmann::json;

// Deeper elements are not read: real pages nest a few dozen levels, and a bound keeps the walk's
// stack small whatever the page.
constexpr int kMaxDepth = 256;
// A "question" longer than this is a paragraph that happens to be a heading or a summary.
constexpr size_t kMaxQuestionBytes = 400;
// JSON-LD nests a few levels; anything deeper is not an FAQ.
constexpr int kMaxJsonDepth = 64;

struct GumboFree {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
// Owns a gumbo parse tree.
using Parsed = std::unique_ptr<GumboOutput, GumboFree>;

Parsed Parse(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.tab_stop = 1;    // columns in characters
  options.max_errors = 0;  // the tree is all we read; its error list would only take memory
  return Parsed(gumbo_parse_with_options(&options, html.data(), html.size()));
}

bool IsElement(const GumboNode* node) { return node->type == GUMBO_NODE_ELEMENT; }

GumboTag Tag(const GumboNode* node) {
  return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

// The children of an element, as nodes: gumbo keeps them as GumboNode pointers stored in void*.
std::span<GumboNode* const> Children(const GumboNode* node) {
  const GumboVector& v = node->v.element.children;
  return {reinterpret_cast<GumboNode* const*>(v.data), v.length};
}

std::string Attribute(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return "";
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? "" : a->value;
}

// The words of a class or id attribute: "site-footer cookie_bar" -> site, footer, cookie, bar.
std::vector<std::string> Words(std::string attribute) {
  for (char& c : attribute) c = absl::ascii_isalnum(c) ? absl::ascii_tolower(c) : ' ';
  return absl::StrSplit(attribute, ' ', absl::SkipEmpty());
}

// 1 for <h1> ... 6 for <h6>, else 0.
int HeadingLevel(GumboTag tag) {
  return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6 ? tag - GUMBO_TAG_H1 + 1 : 0;
}

// Parts of a page that are never part of an answer or a question.
bool Excluded(const GumboNode* node) {
  static constexpr GumboTag kTags[] = {
      GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,    GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HEAD,
      GUMBO_TAG_TITLE,  GUMBO_TAG_NAV,      GUMBO_TAG_FOOTER,   GUMBO_TAG_ASIDE,    GUMBO_TAG_FORM,
      GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_INPUT,    GUMBO_TAG_SVG,      GUMBO_TAG_MATH,
      GUMBO_TAG_IFRAME, GUMBO_TAG_OBJECT,   GUMBO_TAG_CANVAS,   GUMBO_TAG_IMG,
  };
  if (!IsElement(node)) return false;
  if (std::ranges::find(kTags, Tag(node)) != std::end(kTags)) return true;
  std::string role = absl::AsciiStrToLower(Attribute(node, "role"));
  if (role == "navigation" || role == "contentinfo" || role == "complementary" ||
      role == "search" || role == "dialog" || role == "alertdialog" || role == "menu" ||
      role == "menubar")
    return true;
  if (absl::AsciiStrToLower(Attribute(node, "aria-modal")) == "true") return true;
  static const char* const kWords[] = {
      "cookie",     "cookies", "consent",    "gdpr",      "nav",        "navbar",
      "navigation", "menu",    "footer",     "sidebar",   "breadcrumb", "breadcrumbs",
      "skip",       "share",   "sharing",    "social",    "banner",     "newsletter",
      "icon",       "icons",   "headerlink", "permalink", "anchorjs",
  };
  for (const char* attribute : {"class", "id"})
    for (const std::string& w : Words(Attribute(node, attribute)))
      if (std::ranges::find(kWords, w) != std::end(kWords)) return true;
  // A page header with the site's menu in it; a header inside an article keeps its heading.
  if (Tag(node) == GUMBO_TAG_HEADER) {
    const GumboNode* parent = node->parent;
    if (parent != nullptr && (Tag(parent) == GUMBO_TAG_BODY || role == "banner")) return true;
  }
  return false;
}

// A block-level element starts and ends a line of text.
bool IsBlock(GumboTag tag) {
  static constexpr GumboTag kBlocks[] = {
      GUMBO_TAG_P,       GUMBO_TAG_DIV,     GUMBO_TAG_SECTION,    GUMBO_TAG_ARTICLE,
      GUMBO_TAG_MAIN,    GUMBO_TAG_HEADER,  GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_UL,
      GUMBO_TAG_OL,      GUMBO_TAG_DL,      GUMBO_TAG_DT,         GUMBO_TAG_DD,
      GUMBO_TAG_TABLE,   GUMBO_TAG_TR,      GUMBO_TAG_FIGURE,     GUMBO_TAG_FIGCAPTION,
      GUMBO_TAG_ADDRESS, GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY,    GUMBO_TAG_FIELDSET,
      GUMBO_TAG_HR,      GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER,
  };
  return HeadingLevel(tag) > 0 || std::ranges::find(kBlocks, tag) != std::end(kBlocks);
}

// Collects text as blocks: paragraphs and list items, whitespace collapsed as a browser shows it.
class BlockWriter {
 public:
  struct Block {
    std::string text;
    bool bullet = false;
  };

  void Text(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (!space && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // no-break space
        space = true;
        ++i;
      }
      if (space) {
        pending_space_ = !current_.empty();
        continue;
      }
      if (pending_space_) current_ += ' ';
      pending_space_ = false;
      current_ += c;
    }
  }
  // Ends the current line. What comes next is a list item only right after StartItem().
  void Break() {
    if (!current_.empty()) {
      blocks_.push_back({current_, next_bullet_});
      next_bullet_ = false;
    }
    current_.clear();
    pending_space_ = false;
  }
  void StartItem() {
    Break();
    next_bullet_ = true;
    ++items_;
  }
  void EndItem() {
    Break();
    next_bullet_ = false;
    if (items_ > 0) --items_;
  }
  // A <br>: a new line, except inside a list item, which stays one item.
  void LineBreak() {
    if (items_ > 0)
      Text(" ");
    else
      Break();
  }
  // A <pre>: its lines as they are.
  void Preformatted(const std::string& text) {
    Break();
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
      if (line.find_first_not_of(' ') != line.npos) blocks_.push_back({std::string(line), false});
    }
  }
  std::vector<Block> Finish() {
    Break();
    return std::move(blocks_);
  }

 private:
  std::vector<Block> blocks_;
  std::string current_;
  bool pending_space_ = false;
  bool next_bullet_ = false;
  int items_ = 0;  // open list items
};

// Appends the raw text under `node` (for <pre>, <script>).
void RawText(const GumboNode* node, std::string* out, int depth = 0) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    *out += node->v.text.text;
    return;
  }
  if (!IsElement(node)) return;
  if (Tag(node) == GUMBO_TAG_BR) *out += "\n";
  for (const GumboNode* child : Children(node)) RawText(child, out, depth + 1);
}

// What a walk over a part of the page stops at.
struct StopAt {
  int level = 0;  // a heading of this level or higher (1 is highest); 0: none
  const std::vector<const GumboNode*>* also = nullptr;  // these elements (other questions)
  bool Stops(const GumboNode* node) const {
    if (!IsElement(node)) return false;
    int h = HeadingLevel(Tag(node));
    if (level > 0 && h > 0 && h <= level) return true;
    return also != nullptr && std::find(also->begin(), also->end(), node) != also->end();
  }
};

// Writes the text of `node` into `w`. Returns false when it met a node `stop` stops at (the
// text before it is written).
bool Walk(const GumboNode* node, BlockWriter* w, const StopAt& stop, int depth) {
  if (depth > kMaxDepth) return true;
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      w->Text(node->v.text.text);
      return true;
    case GUMBO_NODE_ELEMENT:
      break;
    default:
      return true;
  }
  if (stop.Stops(node)) return false;
  if (Excluded(node)) return true;
  GumboTag tag = Tag(node);
  if (tag == GUMBO_TAG_BR) {
    w->LineBreak();
    return true;
  }
  if (tag == GUMBO_TAG_PRE) {
    std::string text;
    RawText(node, &text);
    w->Preformatted(text);
    return true;
  }
  bool item = tag == GUMBO_TAG_LI;
  bool block = item || IsBlock(tag);
  if (item) w->StartItem();
  if (block && !item) w->Break();
  if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) w->Text(" ");
  for (const GumboNode* child : Children(node))
    if (!Walk(child, w, stop, depth + 1)) return false;
  if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) w->Text(" ");
  if (item) w->EndItem();
  if (block) w->Break();
  return true;
}

// Strips what decorates a question: leading and trailing symbols (icons written as emoji or
// dingbats, "+" toggles) and spaces.
std::string TrimDecoration(const std::string& s) {
  auto decoration = [](utf8proc_int32_t cp) {
    // 0xB6 is the pilcrow of a heading's permalink.
    if (cp == '+' || cp == '-' || cp == ' ' || cp == 0xB6 || cp == 0xFE0F || cp == 0x200D)
      return true;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_SO || c == UTF8PROC_CATEGORY_SK || c == UTF8PROC_CATEGORY_SM ||
           c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_CO;
  };
  size_t begin = 0, end = 0, n = 0;
  bool started = false;
  for (size_t i = 0; i < s.size(); i += n) {
    if (!decoration(static_cast<utf8proc_int32_t>(DecodeAt(s, i, &n)))) {
      if (!started) begin = i;
      started = true;
      end = i + n;
    }
  }
  return started ? s.substr(begin, end - begin) : "";
}

// The text of a question element on one line.
std::string QuestionText(const GumboNode* node) {
  BlockWriter w;
  Walk(node, &w, StopAt{}, 0);
  std::string text;
  for (const BlockWriter::Block& b : w.Finish()) text += (text.empty() ? "" : " ") + b.text;
  return CleanText(TrimDecoration(text), kMaxQuestionBytes * 4);
}

bool EndsWithQuestionMark(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == ')')) s.remove_suffix(1);
  if (!s.empty() && s.back() == '?') return true;
  return s.size() >= 3 && (s.substr(s.size() - 3) == "？" || s.substr(s.size() - 2) == "\xD8\x9F");
}

void SetAnswer(FaqEntry* entry, std::vector<BlockWriter::Block> blocks) {
  for (BlockWriter::Block& b : blocks) {
    std::string text = CleanText(b.text, kMaxDocumentBytes);
    if (text.find_first_not_of(' ') == std::string::npos) continue;
    AddAnswerBlock(entry, text, b.bullet);
  }
}

FaqEntry EntryAt(const GumboNode* node, std::string question) {
  FaqEntry entry;
  entry.question = std::move(question);
  entry.line = static_cast<int>(node->v.element.start_pos.line);
  entry.column = static_cast<int>(node->v.element.start_pos.column);
  return entry;
}

// Points `entry` at `needle` (the question as the JSON writes it) inside the script's text, so
// that a message names the question's own line.
void PlaceInScript(const GumboNode* script, const std::string& needle, FaqEntry* entry) {
  if (Children(script).empty()) return;
  const GumboNode* text = Children(script)[0];
  if (text->type != GUMBO_NODE_TEXT && text->type != GUMBO_NODE_CDATA &&
      text->type != GUMBO_NODE_WHITESPACE)
    return;
  std::string_view source(text->v.text.original_text.data, text->v.text.original_text.length);
  size_t at = source.find(needle);
  if (at == std::string_view::npos) return;
  SourceError place = ErrorAt("", source, at, "");
  entry->line = static_cast<int>(text->v.text.start_pos.line) + place.line - 1;
  entry->column = place.line == 1
                      ? static_cast<int>(text->v.text.start_pos.column) + place.column - 1
                      : place.column;
}

// Appends to *blocks what follows `from` in its parent; when nothing more is found (`from` has a
// wrapper of its own), what follows the parent, and so on up, until a walk stops, but never
// past `scope`.
void AppendWhatFollows(const GumboNode* from, const GumboNode* scope, const StopAt& stop,
                       std::vector<BlockWriter::Block>* blocks) {
  bool stopped = false, first_level = true;
  while (!stopped && (first_level || blocks->empty()) && from != scope && from->parent != nullptr &&
         IsElement(from->parent)) {
    BlockWriter w;
    for (const GumboNode* next : Children(from->parent).subspan(from->index_within_parent + 1))
      stopped = stopped || !Walk(next, &w, stop, 0);
    std::vector<BlockWriter::Block> more = w.Finish();
    blocks->insert(blocks->end(), more.begin(), more.end());
    from = from->parent;
    first_level = false;
  }
}

class PageReader {
 public:
  PageReader(const GumboNode* root, const std::string& name, FaqDocument* doc)
      : root_(root), name_(name), doc_(doc) {}

  // Each returns the number of questions found (entries with an answer are added to doc_).
  size_t StructuredData();
  size_t Accordions();
  size_t Tables();
  size_t Headings() { return Headings(/*asking=*/true); }
  size_t QuestionParagraphs() { return QuestionParagraphs(/*plain=*/false); }
  size_t PlainQuestionParagraphs() { return QuestionParagraphs(/*plain=*/true); }
  size_t Sections() { return Headings(/*asking=*/false); }

 private:
  // Within the page's <main> when it has one, else all of it: with `asking`, question headings;
  // without, every heading of the most used level.
  size_t Headings(bool asking);
  // With `plain`, paragraphs that are a question; else paragraphs that open with a bold one,
  // buttons and "question" elements.
  size_t QuestionParagraphs(bool plain);
  size_t Headings(const GumboNode* scope, bool asking);
  // Elements in document order, outside excluded parts.
  void Collect(const GumboNode* node, bool (*want)(const GumboNode*),
               std::vector<const GumboNode*>* out, int depth = 0, bool all = false);
  void FaqPage(const json& value, const GumboNode* script, size_t* found, int depth);
  void Add(FaqEntry entry) {
    if (entry.question.empty()) return;
    if (entry.answer.empty()) {
      doc_->warnings.push_back(FormatError(
          {name_, entry.line, 0, "", "\"" + entry.question + "\" has no answer; left out"}));
      return;
    }
    AddEntry(doc_, std::move(entry), name_);
  }

  const GumboNode* root_;
  const std::string& name_;
  FaqDocument* doc_;
};

void PageReader::Collect(const GumboNode* node, bool (*want)(const GumboNode*),
                         std::vector<const GumboNode*>* out, int depth, bool all) {
  if (depth > kMaxDepth || !IsElement(node)) return;
  if (!all && Excluded(node)) return;
  if (want(node)) out->push_back(node);
  for (const GumboNode* child : Children(node)) Collect(child, want, out, depth + 1, all);
}

void PageReader::FaqPage(const json& value, const GumboNode* script, size_t* found, int depth) {
  if (depth > kMaxJsonDepth) return;
  if (value.is_array()) {
    for (const json& v : value) FaqPage(v, script, found, depth + 1);
    return;
  }
  if (!value.is_object()) return;
  // "@type" is a string or an array of them.
  auto type = value.find("@type");
  if (type == value.end() || !(type->is_string() || type->is_array()) ||
      std::find(type->begin(), type->end(), "FAQPage") == type->end()) {
    for (const auto& [key, v] : value.items())
      if (v.is_object() || v.is_array()) FaqPage(v, script, found, depth + 1);
    return;
  }
  auto main_entity = value.find("mainEntity");
  if (main_entity == value.end()) return;
  for (const json& q : main_entity->is_array() ? *main_entity : json::array({*main_entity})) {
    if (!q.is_object()) continue;
    auto name = q.find("name");
    if (name == q.end() || !name->is_string()) continue;
    ++*found;
    // Question.name is text, but pages write entities in it ("&#039;") and now and then markup.
    std::string raw = name->get<std::string>();
    bool markup = raw.find("</") != std::string::npos || raw.find("<br") != std::string::npos;
    std::string html = markup ? raw : absl::StrReplaceAll(raw, {{"<", "&lt;"}});
    FaqEntry entry = EntryAt(script, QuestionText(Parse(html)->root));
    PlaceInScript(script, json(raw).dump(), &entry);
    std::string answer_html;
    for (const char* key : {"acceptedAnswer", "suggestedAnswer"}) {
      auto answer = q.find(key);
      if (answer == q.end()) continue;
      const json* a = &*answer;
      if (a->is_array() && !a->empty()) a = &(*a)[0];
      if (!a->is_object()) continue;
      auto text = a->find("text");
      if (text != a->end() && text->is_string()) {
        answer_html = text->get<std::string>();
        break;
      }
    }
    BlockWriter w;
    Walk(Parse(answer_html)->root, &w, StopAt{}, 0);
    SetAnswer(&entry, w.Finish());
    Add(std::move(entry));
  }
}

size_t PageReader::StructuredData() {
  std::vector<const GumboNode*> scripts;
  Collect(
      root_,
      [](const GumboNode* n) {
        if (Tag(n) != GUMBO_TAG_SCRIPT) return false;
        std::string type = absl::AsciiStrToLower(Attribute(n, "type"));
        type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
        return type == "application/ld+json";
      },
      &scripts, 0, /*all=*/true);
  size_t found = 0;
  for (const GumboNode* script : scripts) {
    std::string text;
    RawText(script, &text);
    json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
      doc_->warnings.push_back(
          FormatError({name_, static_cast<int>(script->v.element.start_pos.line), 0, "",
                       "a JSON-LD script that is not valid JSON; left out"}));
      continue;
    }
    FaqPage(value, script, &found, 0);
  }
  return found;
}

size_t PageReader::Accordions() {
  std::vector<const GumboNode*> lists;
  Collect(
      root_,
      [](const GumboNode* n) { return Tag(n) == GUMBO_TAG_DETAILS || Tag(n) == GUMBO_TAG_DL; },
      &lists);
  // The items of each list: (question element, answer elements).
  struct Item {
    const GumboNode* question;
    std::vector<const GumboNode*> answer;
  };
  std::vector<Item> details;
  std::vector<std::vector<Item>> dls;
  for (const GumboNode* list : lists) {
    if (Tag(list) == GUMBO_TAG_DETAILS) {
      Item item{nullptr, {}};
      for (const GumboNode* child : Children(list)) {
        if (item.question == nullptr && Tag(child) == GUMBO_TAG_SUMMARY)
          item.question = child;
        else
          item.answer.push_back(child);
      }
      if (item.question != nullptr) details.push_back(std::move(item));
      continue;
    }
    // <dl>: each <dt> with the <dd>s after it; HTML allows a <div> around each group.
    std::vector<Item> items;
    std::vector<const GumboNode*> flat;
    for (const GumboNode* child : Children(list)) {
      if (Tag(child) == GUMBO_TAG_DIV) {
        for (const GumboNode* inner : Children(child)) flat.push_back(inner);
      } else {
        flat.push_back(child);
      }
    }
    for (const GumboNode* n : flat) {
      if (Tag(n) == GUMBO_TAG_DT) items.push_back({n, {}});
      if (Tag(n) == GUMBO_TAG_DD && !items.empty()) items.back().answer.push_back(n);
    }
    dls.push_back(std::move(items));
  }
  // A list counts when one of its questions asks: a <dl> of terms or a "Show code" toggle is no
  // FAQ, but an FAQ's "Shipping costs" among questions is an entry.
  auto asks = [](const std::vector<Item>& items) {
    return std::ranges::any_of(
        items, [](const Item& item) { return EndsWithQuestionMark(QuestionText(item.question)); });
  };
  std::vector<const Item*> taken;
  if (asks(details))
    for (const Item& item : details) taken.push_back(&item);
  for (const std::vector<Item>& items : dls)
    if (asks(items))
      for (const Item& item : items) taken.push_back(&item);
  std::stable_sort(taken.begin(), taken.end(), [](const Item* a, const Item* b) {
    return a->question->v.element.start_pos.offset < b->question->v.element.start_pos.offset;
  });
  for (const Item* item : taken) {
    FaqEntry entry = EntryAt(item->question, QuestionText(item->question));
    BlockWriter w;
    for (const GumboNode* n : item->answer) Walk(n, &w, StopAt{}, 0);
    SetAnswer(&entry, w.Finish());
    Add(std::move(entry));
  }
  return taken.size();
}

size_t PageReader::Tables() {
  std::vector<const GumboNode*> tables;
  Collect(
      root_, [](const GumboNode* n) { return Tag(n) == GUMBO_TAG_TABLE; }, &tables);
  size_t found = 0;
  for (const GumboNode* table : tables) {
    // The table's own rows, in <thead>, <tbody> and <tfoot> or straight under it.
    std::vector<const GumboNode*> rows;
    for (const GumboNode* child : Children(table)) {
      if (Tag(child) == GUMBO_TAG_TR) rows.push_back(child);
      if (Tag(child) == GUMBO_TAG_THEAD || Tag(child) == GUMBO_TAG_TBODY ||
          Tag(child) == GUMBO_TAG_TFOOT)
        for (const GumboNode* row : Children(child))
          if (Tag(row) == GUMBO_TAG_TR) rows.push_back(row);
    }
    struct Row {
      const GumboNode* question;
      std::vector<const GumboNode*> answer;
    };
    std::vector<Row> items;
    for (const GumboNode* row : rows) {
      std::vector<const GumboNode*> cells;
      for (const GumboNode* cell : Children(row))
        if (Tag(cell) == GUMBO_TAG_TD || Tag(cell) == GUMBO_TAG_TH) cells.push_back(cell);
      // A header row: all <th>, or one that names the columns.
      bool header =
          std::ranges::all_of(cells, [](const GumboNode* c) { return Tag(c) == GUMBO_TAG_TH; });
      if (cells.size() < 2 || header) continue;
      std::string first = absl::AsciiStrToLower(QuestionText(cells[0]));
      if (first == "question" || first == "questions" || first == "q") continue;
      items.push_back({cells[0], {cells.begin() + 1, cells.end()}});
    }
    // A table counts when one of its rows asks, as a <dl> does.
    if (std::ranges::none_of(
            items, [](const Row& r) { return EndsWithQuestionMark(QuestionText(r.question)); }))
      continue;
    for (const Row& row : items) {
      FaqEntry entry = EntryAt(row.question, StripQuestionNumber(QuestionText(row.question)));
      BlockWriter w;
      for (const GumboNode* cell : row.answer) {
        for (const GumboNode* child : Children(cell)) Walk(child, &w, StopAt{}, 0);
        w.Break();
      }
      SetAnswer(&entry, w.Finish());
      Add(std::move(entry));
      ++found;
    }
  }
  return found;
}

size_t PageReader::Headings(bool asking) {
  // The page's main content when it marks it, else the whole body.
  std::vector<const GumboNode*> mains;
  Collect(
      root_,
      [](const GumboNode* n) {
        return Tag(n) == GUMBO_TAG_MAIN || absl::AsciiStrToLower(Attribute(n, "role")) == "main";
      },
      &mains);
  if (mains.size() == 1) {
    size_t found = Headings(mains[0], asking);
    if (found > 0) return found;
  }
  return Headings(root_, asking);
}

size_t PageReader::Headings(const GumboNode* scope, bool asking) {
  std::vector<const GumboNode*> headings;
  Collect(
      scope, [](const GumboNode* n) { return HeadingLevel(Tag(n)) > 0; }, &headings);
  std::vector<std::string> texts;
  int count[7] = {0, 0, 0, 0, 0, 0, 0};
  for (const GumboNode* h : headings) {
    texts.push_back(StripQuestionNumber(QuestionText(h)));
    int level = HeadingLevel(Tag(h));
    if (level >= 2 && level <= 6 && (!asking || EndsWithQuestionMark(texts.back()))) ++count[level];
  }
  int question_level = 0;
  for (int level = 2; level <= 6; ++level)
    if (count[level] > count[question_level]) question_level = level;
  // One heading that does not ask is a page's section, not a list of questions.
  if (question_level == 0 || (!asking && count[question_level] < 2)) return 0;
  size_t first = headings.size(), last = 0;
  for (size_t i = 0; i < headings.size(); ++i) {
    if (HeadingLevel(Tag(headings[i])) != question_level ||
        (asking && !EndsWithQuestionMark(texts[i])))
      continue;
    first = std::min(first, i);
    last = std::max(last, i);
  }
  std::vector<const GumboNode*> questions;
  std::vector<std::string> question_texts;
  for (size_t i = 0; i < headings.size(); ++i) {
    int level = HeadingLevel(Tag(headings[i]));
    bool at_level = level == question_level && i >= first && i <= last;
    bool deeper = asking && level > question_level && level <= 6 && EndsWithQuestionMark(texts[i]);
    if ((at_level || deeper) && !texts[i].empty() && texts[i].size() <= kMaxQuestionBytes) {
      questions.push_back(headings[i]);
      question_texts.push_back(texts[i]);
    }
  }
  // A sign-off at the end ("Still have questions?") is no question, but it ends the answer
  // before it.
  std::vector<const GumboNode*> stops = questions;
  while (!questions.empty() && IsClosingQuestion(question_texts.back())) {
    questions.pop_back();
    question_texts.pop_back();
  }
  for (size_t q = 0; q < questions.size(); ++q) {
    const GumboNode* heading = questions[q];
    StopAt stop{HeadingLevel(Tag(heading)), &stops};
    std::vector<BlockWriter::Block> blocks;
    AppendWhatFollows(heading, scope, stop, &blocks);
    FaqEntry entry = EntryAt(heading, question_texts[q]);
    SetAnswer(&entry, std::move(blocks));
    Add(std::move(entry));
  }
  return questions.size();
}

// An element the page names as a question: a <button> (an accordion's toggle), or one with the
// class or id word "question" ("faq-question").
bool NamedQuestion(const GumboNode* node) {
  if (Tag(node) == GUMBO_TAG_BUTTON) return true;
  for (const char* attribute : {"class", "id"})
    for (const std::string& w : Words(Attribute(node, attribute)))
      if (w == "question") return true;
  return false;
}

bool Inside(const GumboNode* node, const GumboNode* ancestor) {
  for (; node != nullptr; node = node->parent)
    if (node == ancestor) return true;
  return false;
}

size_t PageReader::QuestionParagraphs(bool plain) {
  // Each question: the element that asks it (`mark`), and the paragraph it opens (`holder`),
  // the same element when the question is all of it.
  struct Question {
    const GumboNode* mark;
    const GumboNode* holder;
    std::string text;
  };
  std::vector<const GumboNode*> elements;
  if (plain) {
    Collect(
        root_, [](const GumboNode* n) { return Tag(n) == GUMBO_TAG_P; }, &elements);
  } else {
    Collect(
        root_,
        [](const GumboNode* n) {
          return Tag(n) == GUMBO_TAG_STRONG || Tag(n) == GUMBO_TAG_B || NamedQuestion(n);
        },
        &elements);
  }
  std::vector<Question> found;
  for (const GumboNode* e : elements) {
    if (!found.empty() && Inside(e, found.back().holder)) continue;  // a part of the last one
    Question q{e, e, ""};
    if (plain) {
      // A paragraph that is one question, as a plain-text line is.
      q.text = QuestionText(e);
      if (!IsQuestionSentence(q.text)) continue;
    } else if (Tag(e) == GUMBO_TAG_STRONG || Tag(e) == GUMBO_TAG_B) {
      const GumboNode* holder = e->parent;
      GumboTag tag = holder == nullptr ? GUMBO_TAG_UNKNOWN : Tag(holder);
      if (tag != GUMBO_TAG_P && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_LI) continue;
      auto before = Children(holder).first(e->index_within_parent);
      if (!std::ranges::all_of(before,
                               [](const GumboNode* n) { return n->type == GUMBO_NODE_WHITESPACE; }))
        continue;
      q.holder = holder;
      q.text = QuestionText(e);
      // "<p><strong>Q:</strong> How ...?</p>": the question is the rest of the paragraph.
      if (std::string rest; IsQuestionTag(q.text, &rest) && rest.empty()) {
        q.mark = holder;
        IsQuestionTag(QuestionText(holder), &q.text);
      }
    } else {
      q.text = QuestionText(e);
    }
    q.text = StripQuestionNumber(q.text);
    if (q.text.empty() || q.text.size() > kMaxQuestionBytes) continue;
    // One that does not ask is a question only on a line of its own: nothing follows it in its
    // paragraph before a line break or a block.
    if (!EndsWithQuestionMark(q.text) && q.mark != q.holder) {
      bool alone = true;
      for (const GumboNode* next : Children(q.holder).subspan(q.mark->index_within_parent + 1)) {
        if (Tag(next) == GUMBO_TAG_BR || IsBlock(Tag(next))) break;
        BlockWriter rest;
        Walk(next, &rest, StopAt{}, 0);
        if (!rest.Finish().empty()) {
          alone = false;
          break;
        }
      }
      if (!alone) continue;
    }
    found.push_back(std::move(q));
  }
  // As with headings, every one from the first question to the last is a question, with or
  // without '?', but for a label ("Note:"); a bold word that opens a paragraph of an answer
  // ("<p><b>Note</b> that ...</p>") is not.
  size_t first = found.size(), last = 0;
  for (size_t i = 0; i < found.size(); ++i) {
    if (!EndsWithQuestionMark(found[i].text)) continue;
    first = std::min(first, i);
    last = std::max(last, i);
  }
  std::vector<Question> questions;
  std::vector<const GumboNode*> holders;
  for (size_t i = first; i <= last && i < found.size(); ++i) {
    if (found[i].text.back() == ':') continue;
    holders.push_back(found[i].holder);
    questions.push_back(std::move(found[i]));
  }
  // The answer is the rest of the paragraph and what follows it, up to the next question or
  // heading; a sign-off at the end ("Still have questions?") is no question, but ends the one
  // before.
  StopAt stop{6, &holders};
  while (!questions.empty() && IsClosingQuestion(questions.back().text)) questions.pop_back();
  for (const Question& q : questions) {
    std::vector<BlockWriter::Block> blocks;
    if (q.mark != q.holder) {
      BlockWriter w;
      for (const GumboNode* next : Children(q.holder).subspan(q.mark->index_within_parent + 1))
        Walk(next, &w, stop, 0);
      blocks = w.Finish();
    }
    AppendWhatFollows(q.holder, root_, stop, &blocks);
    // "<p><strong>A:</strong> Yes.</p>" answers "Yes."
    if (std::string rest; !blocks.empty() && IsAnswerTag(blocks[0].text, &rest)) {
      if (rest.empty())
        blocks.erase(blocks.begin());
      else
        blocks[0].text = rest;
    }
    FaqEntry entry = EntryAt(q.holder, q.text);
    SetAnswer(&entry, std::move(blocks));
    Add(std::move(entry));
  }
  return questions.size();
}

// A page that opens <html> and has neither </body> nor </html> was cut off while saving.
bool CutOff(const GumboNode* root) {
  if (root == nullptr || !IsElement(root) || root->v.element.original_tag.length == 0) return false;
  if (root->v.element.original_end_tag.length > 0) return false;
  return std::ranges::none_of(Children(root), [](const GumboNode* child) {
    return Tag(child) == GUMBO_TAG_BODY && child->v.element.original_end_tag.length > 0;
  });
}

}  // namespace

std::string HtmlFragmentText(std::string_view html) {
  BlockWriter w;
  Walk(Parse(html)->root, &w, StopAt{}, 0);
  FaqEntry entry;
  SetAnswer(&entry, w.Finish());
  return entry.answer;
}

bool ParseHtmlDocument(std::string_view text, const std::string& name, FaqDocument* out,
                       std::string* err, const HtmlStructures& structures) {
  if (!CheckDocumentText(&text, name, err)) return false;
  Parsed parsed = Parse(text);
  if (CutOff(parsed->root)) {
    size_t end = text.find_last_not_of(" \t\r\n");
    *err = FormatError(ErrorAt(
        name, text, end == std::string_view::npos ? 0 : end + 1,
        "the page ends before </body> and </html>; it looks cut off (save the whole page)"));
    return false;
  }
  // The most trusted structure that gives entries; one whose questions have no answers (empty
  // structured data, say) leaves its warnings and gives way to the next.
  FaqDocument doc;
  size_t found = 0;
  std::vector<std::string> warnings;
  struct Way {
    bool wanted;
    size_t (PageReader::*read)();
    const char* how;
  };
  const Way ways[] = {
      {structures.structured_data, &PageReader::StructuredData,
       "HTML: schema.org FAQPage structured data (JSON-LD)"},
      {structures.accordions, &PageReader::Accordions,
       "HTML: <details><summary> accordions and <dl><dt><dd> lists"},
      {structures.accordions, &PageReader::Tables,
       "HTML: table rows, a question in the first cell and its answer in the others"},
      {structures.headings, &PageReader::Headings,
       "HTML: h2-h6 question headings, each answered by what follows it"},
      {structures.bold, &PageReader::QuestionParagraphs,
       "HTML: bold questions, buttons and \"question\" elements, each answered by what follows it"},
      {structures.bold, &PageReader::PlainQuestionParagraphs,
       "HTML: paragraphs that are a question, each answered by what follows it"},
      {structures.sections, &PageReader::Sections,
       "HTML: every heading of the most used h2-h6 level, none of which asks"},
  };
  for (const Way& way : ways) {
    if (!way.wanted) continue;
    FaqDocument tried;
    PageReader reader(parsed->root, name, &tried);
    found += (reader.*way.read)();
    warnings.insert(warnings.end(), tried.warnings.begin(), tried.warnings.end());
    if (!tried.entries.empty()) {
      DropPageFooter(&tried.entries.back());
      doc = std::move(tried);
      doc.warnings = std::move(warnings);
      doc.how = way.how;
      break;
    }
  }
  if (found == 0) {
    *err = FormatError({name, 0, 0, "",
                        "no questions found (looked for schema.org FAQPage JSON-LD, "
                        "<details><summary> accordions, <dl><dt><dd> lists, and h2-h4 headings "
                        "ending in '?')"});
    return false;
  }
  if (doc.entries.empty()) {
    *err = FormatError(
        {name, 0, 0, "", "no answers found: each question must be followed by its answer"});
    return false;
  }
  *out = std::move(doc);
  return true;
}

}  // namespace backtalk
