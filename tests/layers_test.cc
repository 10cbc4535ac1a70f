// The layers of src/ (docs/design.md): each folder includes only the folders above it in the
// list, and only cli/repl.cc talks to readline and the terminal's modes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace backtalk {
namespace {

namespace fs = std::filesystem;

// Lowest first: a folder may include itself and those before it.
const std::vector<std::string> kLayers = {"util",   "knowledge", "text",  "match",  "safety",
                                          "engine", "term",      "coach", "dialog", "eval",
                                          "import", "server",    "cli"};

struct Include {
  std::string file;  // relative to src/
  std::string header;
};

std::vector<Include> Includes(const std::regex& pattern) {
  const fs::path src = fs::path(BACKTALK_SOURCE_DIR) / "src";
  std::vector<Include> found;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(src)) {
    std::string ext = e.path().extension().string();
    if (ext != ".cc" && ext != ".h") continue;
    std::ifstream in(e.path());
    std::smatch m;
    for (std::string line; std::getline(in, line);)
      if (std::regex_search(line, m, pattern))
        found.push_back({fs::relative(e.path(), src).string(), m[1].str()});
  }
  return found;
}

size_t Layer(const std::string& path) {
  std::string folder = path.substr(0, path.find('/'));
  auto it = std::find(kLayers.begin(), kLayers.end(), folder);
  return static_cast<size_t>(it - kLayers.begin());
}

TEST(LayersTest, EachFolderIncludesOnlyTheFoldersBelowIt) {
  std::vector<Include> includes = Includes(std::regex(R"(^#include "([a-z_]+/[^"]+)\")"));
  ASSERT_GT(includes.size(), 100u);
  for (const Include& i : includes) {
    ASSERT_LT(Layer(i.file), kLayers.size()) << "src/" << i.file << " is in no layer";
    ASSERT_LT(Layer(i.header), kLayers.size()) << i.header << " is in no layer";
    EXPECT_LE(Layer(i.header), Layer(i.file)) << "src/" << i.file << " includes " << i.header;
  }
}

TEST(LayersTest, OnlyTheReplTalksToReadlineAndTheTerminal) {
  std::vector<Include> includes =
      Includes(std::regex(R"(^#include <(readline/[^>]+|termios\.h)>)"));
  ASSERT_FALSE(includes.empty());
  for (const Include& i : includes) EXPECT_EQ(i.file, "cli/repl.cc") << i.header;
}

}  // namespace
}  // namespace backtalk
