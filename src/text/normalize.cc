#include "text/normalize.h"

#include <absl/container/flat_hash_map.h>
#include <absl/strings/ascii.h>
#include <absl/strings/string_view.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "util/utf8.h"

namespace backtalk {

namespace {

// Apostrophes and quotes that people type for "'" in contractions.
bool IsApostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == '`' || cp == 0xB4;
}

// Informal spellings without the apostrophe, resolved like their contractions.
void AddWord(std::string_view word, std::vector<std::string>* out) {
  using Words = std::pair<std::string_view, std::string_view>;
  static const auto* bare = new absl::flat_hash_map<absl::string_view, Words>{
      {"arent", {"are", "not"}}, {"cannot", {"can", "not"}},
      {"cant", {"can", "not"}},  {"couldnt", {"could", "not"}},
      {"didnt", {"did", "not"}}, {"doesnt", {"does", "not"}},
      {"dont", {"do", "not"}},   {"gonna", {"going", "to"}},
      {"gotta", {"got", "to"}},  {"hows", {"how", "is"}},
      {"im", {"i", "am"}},       {"isnt", {"is", "not"}},
      {"ive", {"i", "have"}},    {"shouldnt", {"should", "not"}},
      {"thats", {"that", "is"}}, {"wanna", {"want", "to"}},
      {"whats", {"what", "is"}}, {"whys", {"why", "is"}},
      {"wont", {"will", "not"}}, {"wouldnt", {"would", "not"}}};
  if (auto it = bare->find(absl::string_view(word.data(), word.size())); it != bare->end()) {
    out->emplace_back(it->second.first);
    out->emplace_back(it->second.second);
    return;
  }
  out->emplace_back(word);
}

// `stem` + "'" + `tail`: a contraction or a possessive.
void AddContraction(std::string stem, const std::string& tail, std::vector<std::string>* out) {
  if (tail == "t" && stem.size() > 1 && stem.back() == 'n') {
    stem.pop_back();  // "don" + "t"
    if (stem == "wo") stem = "will";
    if (stem == "ca") stem = "can";
    if (stem == "sha") stem = "shall";
    out->push_back(std::move(stem));
    out->emplace_back("not");
    return;
  }
  static const std::unordered_map<std::string_view, std::string_view> kTails = {
      {"re", "are"}, {"ve", "have"}, {"ll", "will"}, {"d", "would"}, {"m", "am"}};
  if (auto it = kTails.find(tail); it != kTails.end()) {
    out->push_back(std::move(stem));
    out->emplace_back(it->second);
    return;
  }
  if (tail == "s") {
    static const std::unordered_set<std::string_view> kIs = {
        "it", "what", "that", "there", "here", "he", "she", "who", "where", "how", "why", "when"};
    bool is = kIs.contains(stem), us = stem == "let";
    out->push_back(std::move(stem));
    if (is) out->emplace_back("is");
    if (us) out->emplace_back("us");
    return;
  }
  out->push_back(std::move(stem));  // an apostrophe we cannot read: keep the word before it
  if (!tail.empty()) out->push_back(tail);
}

}  // namespace

std::string FoldCase(std::string_view text) {
  if (IsAscii(text)) return absl::AsciiStrToLower(absl::string_view(text.data(), text.size()));
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE));
  if (n < 0) return std::string(text);  // not valid UTF-8: the caller should have cleaned it
  std::string out(reinterpret_cast<char*>(folded), static_cast<size_t>(n));
  std::free(folded);
  return out;
}

std::vector<std::string> NormalizeWords(std::string_view text, size_t max_words) {
  std::string folded = FoldCase(text);
  std::vector<std::string> words;
  words.reserve(16);
  std::string word;
  std::string tail;  // after an apostrophe inside a word
  bool in_tail = false;
  auto flush = [&] {
    if (!word.empty()) {
      if (in_tail)
        AddContraction(std::move(word), tail, &words);
      else
        AddWord(std::move(word), &words);
    }
    word.clear();
    tail.clear();
    in_tail = false;
  };
  auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  size_t i = 0;
  while (i < folded.size() && words.size() < max_words) {
    // A run of ASCII letters, most of every question, is taken whole.
    if (ascii_letter(folded[i])) {
      size_t end = i + 1;
      while (end < folded.size() && ascii_letter(folded[end])) ++end;
      (in_tail ? tail : word).append(folded, i, end - i);
      i = end;
      continue;
    }
    char32_t cp = static_cast<unsigned char>(folded[i]);
    size_t n = 1;  // ASCII, most of every question, needs no decoding
    if (cp >= 0x80) cp = DecodeAt(folded, i, &n);  // U+FFFD, not a letter, for invalid UTF-8
    std::string_view ch(folded.data() + i, n);
    i += n;
    // An ASCII letter or digit never gets here: the runs above take them.
    bool letter = false;
    if (cp >= 0x80) {
      utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      letter = cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LU ||
               cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_LM ||
               cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_ND;
    }
    if (letter) {
      (in_tail ? tail : word).append(ch);
    } else if (IsApostrophe(cp) && !word.empty() && !in_tail) {
      in_tail = true;
    } else {
      flush();
    }
  }
  flush();
  if (words.size() > max_words) words.resize(max_words);
  return words;
}

}  // namespace backtalk
