#include "import/merge.h"

#include <absl/strings/str_cat.h>
#include <absl/strings/str_join.h>

#include <cctype>
#include <unordered_map>
#include <utility>

#include "util/source_error.h"

namespace backtalk {

namespace {

// What makes two questions the same: their letters and digits, case folded for ASCII.
std::string SameKey(const std::string& question) {
  std::string key;
  for (char c : question) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) key += static_cast<char>(std::tolower(u));
  }
  return key;
}

}  // namespace

FaqDocument MergeDocuments(std::vector<NamedDocument> docs, std::vector<std::string>* sources) {
  std::vector<std::string> places;
  FaqDocument merged;
  // key -> (index in merged.entries, the document it came from)
  std::unordered_map<std::string, std::pair<size_t, size_t>> seen;
  for (size_t d = 0; d < docs.size(); ++d) {
    FaqDocument& doc = docs[d].doc;
    merged.warnings.insert(merged.warnings.end(), doc.warnings.begin(), doc.warnings.end());
    for (FaqEntry& entry : doc.entries) {
      std::string key = SameKey(entry.question);
      auto it = seen.find(key);
      if (it == seen.end()) {
        seen.emplace(key, std::make_pair(merged.entries.size(), d));
        places.push_back(docs[d].name + ":" + std::to_string(entry.line));
        merged.entries.push_back(std::move(entry));
        continue;
      }
      FaqEntry& first = merged.entries[it->second.first];
      const std::string& first_name = docs[it->second.second].name;
      std::string where = first_name + ":" + std::to_string(first.line);
      merged.warnings.push_back(FormatError(
          {docs[d].name, entry.line, 0, "",
           "\"" + entry.question + "\" is also asked at " + where + "; " +
               (first.answer == entry.answer ? "the answers are the same"
                                             : "the answer from " + first_name + " is kept")}));
      first.alternates.insert(first.alternates.end(), entry.alternates.begin(),
                              entry.alternates.end());
    }
  }
  auto how = [](std::string* out, const NamedDocument& d) {
    absl::StrAppend(out, d.name, ": ", d.doc.how);
  };
  merged.how = docs.size() == 1 ? docs[0].doc.how : absl::StrJoin(docs, "; ", how);
  if (sources != nullptr) *sources = std::move(places);
  return merged;
}

}  // namespace backtalk
