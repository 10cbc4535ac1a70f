// Spelling correction: edit distance with transpositions, sound-alikes, and what is never touched.
#include "text/speller.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace backtalk {
namespace {

TEST(SpellerTest, DistanceCountsTranspositionsAsOneEdit) {
  EXPECT_EQ(Speller::Distance("middel", "middle", 2), 1);
  EXPECT_EQ(Speller::Distance("strech", "stretch", 2), 1);
  EXPECT_EQ(Speller::Distance("exersiz", "exercis", 2), 2);
  EXPECT_EQ(Speller::Distance("abcdef", "uvwxyz", 2), 3);  // capped at limit + 1
}

TEST(SpellerTest, SoundKeyHearsSilentLettersAndSoftC) {
  EXPECT_EQ(Speller::SoundKey("tight"), Speller::SoundKey("tite"));
  EXPECT_EQ(Speller::SoundKey("exercise"), Speller::SoundKey("exersize"));
  EXPECT_NE(Speller::SoundKey("tight"), Speller::SoundKey("twist"));
}

class SpellerVocabularyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* w : {"stretch", "middl", "exercis", "muscl", "tight", "tilt", "releas"})
      speller_.Add(w, 2);
    for (const char* w : {"car", "time", "tie"}) speller_.Add(w, 0);
  }
  Speller speller_;
};

TEST_F(SpellerVocabularyTest, CorrectsTyposToKnowledgeWords) {
  EXPECT_EQ(speller_.Correct("strech"), "stretch");
  EXPECT_EQ(speller_.Correct("midl"), "middl");
  EXPECT_EQ(speller_.Correct("excercis"), "exercis");
  EXPECT_EQ(speller_.Correct("musl"), "muscl");
  EXPECT_EQ(speller_.Correct("reles"), "releas");
}

TEST_F(SpellerVocabularyTest, PrefersASoundAlikeOverAnEquallyCloseWord) {
  EXPECT_EQ(speller_.Correct("tite"), "tight");  // not "tilt", one edit away
}

TEST_F(SpellerVocabularyTest, LeavesShortAndUnrelatedWordsAlone) {
  EXPECT_EQ(speller_.Correct("ca"), "");       // two letters: never corrected
  EXPECT_EQ(speller_.Correct("tit"), "tilt");  // three letters: only a dropped letter
  EXPECT_EQ(speller_.Correct("tgt"), "");
  EXPECT_EQ(speller_.Correct("weather"), "");
  EXPECT_EQ(speller_.Priority("car"), 0);  // known, at priority 0
  EXPECT_EQ(speller_.Priority("cat"), -1);
}

TEST_F(SpellerVocabularyTest, NeverCorrectsIntoACommonWord) {
  EXPECT_EQ(speller_.Correct("tiem"), "");  // "time" is known, but not a correction target
}

// The rules of Correct, applied to every word of the vocabulary one by one: what the buckets
// and filters of Speller must find, with the same winner.
class BruteForceSpeller {
 public:
  void Add(const std::string& word, int priority) {
    if (word.empty()) return;
    auto [it, inserted] = priority_.try_emplace(word, priority);
    if (!inserted && priority > it->second) it->second = priority;
  }
  int Priority(const std::string& word) const {
    auto it = priority_.find(word);
    return it == priority_.end() ? -1 : it->second;
  }
  std::string Correct(const std::string& word) const {
    int limit = Speller::MaxEdits(word.size());
    if (limit == 0) return "";
    std::string key = Speller::SoundKey(word);
    // Lowest cost, then highest priority, then fewest edits, then first in order.
    std::tuple<int, int, int, std::string> best{limit + 1, 0, 0, ""};
    for (const auto& [w, priority] : priority_) {
      if (priority <= 0) continue;
      bool first = w[0] == word[0] || (word.size() > 1 && w[0] == word[1]);
      bool length = word.size() == 3
                        ? w.size() == 4
                        : w.size() + limit >= word.size() && w.size() <= word.size() + limit;
      if (first && length) {
        int d = Speller::Distance(word, w, limit);
        if (d <= limit) best = std::min(best, {d, -priority, d, w});
      }
      if (word.size() >= 4 && key.size() >= 2 && Speller::SoundKey(w) == key) {
        int d = Speller::Distance(word, w, 3);
        if (d <= 3) best = std::min(best, {std::min(d, 1), -priority, d, w});
      }
    }
    return std::get<0>(best) <= limit ? std::get<3>(best) : "";
  }

 private:
  std::map<std::string, int> priority_;
};

std::string RandomWord(std::mt19937& rng, size_t min_length, size_t max_length) {
  static constexpr std::string_view kLetters = "aeiouyghcpkstzxqw";  // the sound rules' letters
  std::string w(std::uniform_int_distribution<size_t>(min_length, max_length)(rng), ' ');
  for (char& c : w) c = kLetters[std::uniform_int_distribution<size_t>(0, 7 + rng() % 10)(rng)];
  return w;
}

// One to three random edits: drops, insertions, substitutions and swaps.
std::string Mangle(std::mt19937& rng, std::string w) {
  int edits = 1 + static_cast<int>(rng() % 3);
  for (int e = 0; e < edits && !w.empty(); ++e) {
    size_t at = rng() % w.size();
    char c = RandomWord(rng, 1, 1)[0];
    switch (rng() % 4) {
      case 0:
        w.erase(at, 1);
        break;
      case 1:
        w.insert(at, 1, c);
        break;
      case 2:
        w[at] = c;
        break;
      default:
        if (at + 1 < w.size()) std::swap(w[at], w[at + 1]);
    }
  }
  return w;
}

// Optimal string alignment distance by the full table, uncapped.
int FullTableDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

TEST(SpellerTest, DistanceAgreesWithTheFullTable) {
  std::mt19937 rng(7);
  auto word = [&](size_t max_length) {
    std::string w(rng() % (max_length + 1), ' ');
    for (char& c : w) c = static_cast<char>('a' + rng() % 4);  // few letters: many near pairs
    return w;
  };
  for (int i = 0; i < 300000; ++i) {
    size_t max_length = i % 10 == 0 ? 64 : 12;
    std::string a = word(max_length);
    std::string b = rng() % 2 ? word(max_length) : Mangle(rng, a);
    int limit = static_cast<int>(rng() % 4);
    // Words over 64 bytes are never within reach.
    int expected =
        a.size() > 64 || b.size() > 64 ? limit + 1 : std::min(FullTableDistance(a, b), limit + 1);
    ASSERT_EQ(Speller::Distance(a, b, limit), expected) << a << " " << b << " " << limit;
  }
  EXPECT_EQ(Speller::Distance(std::string(65, 'a'), std::string(65, 'a'), 2), 3);  // too long
}

TEST(SpellerTest, FindsWhatAScanOfTheWholeVocabularyFinds) {
  for (unsigned seed : {1u, 2u, 3u}) {
    std::mt19937 rng(seed);
    Speller speller;
    BruteForceSpeller reference;
    std::vector<std::string> vocabulary;
    for (int i = 0; i < 1500; ++i) {
      // Some words come back with another priority, higher or lower, as in a knowledge.
      std::string w = i > 100 && rng() % 5 == 0 ? vocabulary[rng() % vocabulary.size()]
                                                : RandomWord(rng, 1, 14);
      int priority = static_cast<int>(rng() % 4);
      speller.Add(w, priority);
      reference.Add(w, priority);
      vocabulary.push_back(w);
    }
    int corrected = 0;
    for (int i = 0; i < 6000; ++i) {
      std::string query =
          i % 4 == 0 ? RandomWord(rng, 1, 16) : Mangle(rng, vocabulary[rng() % vocabulary.size()]);
      std::string expected = reference.Correct(query);
      ASSERT_EQ(speller.Correct(query), expected) << "seed " << seed << ", query " << query;
      ASSERT_EQ(speller.Priority(query), reference.Priority(query)) << query;
      corrected += !expected.empty();
    }
    EXPECT_GT(corrected, 1000);  // the comparison is not all "no correction"
  }
}

}  // namespace
}  // namespace backtalk
