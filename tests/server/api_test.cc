// The API in-process: the same bodies as over HTTP, without a socket. A conversation carried
// only by its tokens, the step object the page counts down from, the knowledge listing, and
// many threads asking the one engine at once.
#include "server/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "engine/reply_json.h"
#include "support/builtin.h"

namespace backtalk::testing {
namespace {

using Json = nlohmann::json;

Json Chat(const Api& api, const std::string& line, const std::string& state) {
  ApiResponse r = api.Chat(Json{{"line", line}, {"state", state}}.dump());
  EXPECT_EQ(r.status, 200) << r.body;
  return Json::parse(r.body);
}

TEST(ApiTest, ChatCarriesTheConversationInItsToken) {
  Api api(BuiltinEngine());
  Json a = Chat(api, "how do you stretch your middle back?", "");
  EXPECT_EQ(a["mode"], "offered");
  EXPECT_EQ(a["offer"]["id"], "prone-chest-lift");
  Json b = Chat(api, "yes", a["state"]);
  ASSERT_EQ(b["mode"], "sequence");
  // The step the page shows and counts down: breaths count as five seconds each.
  Json step = b["step"];
  EXPECT_EQ(step["sequence"], "prone-chest-lift");
  EXPECT_EQ(step["name"], "the prone chest lift");
  EXPECT_EQ(step["number"], 1);
  for (int n = 2; step["countdown_seconds"] == 0 && n < 10; ++n) {
    b = Chat(api, "next", b["state"]);
    step = b["step"];
    ASSERT_EQ(step["number"], n);
  }
  EXPECT_EQ(step["hold_breaths"], 2);
  EXPECT_EQ(step["countdown_seconds"], 10);
  EXPECT_EQ(step["hold"], "hold 2 breaths");
  // The same token twice: the same answer (nothing is kept between requests).
  EXPECT_EQ(api.Chat(Json{{"line", "next"}, {"state", b["state"]}}.dump()).body,
            api.Chat(Json{{"line", "next"}, {"state", b["state"]}}.dump()).body);
}

TEST(ApiTest, AskIsTheJsonLine) {
  Api api(BuiltinEngine());
  ApiResponse r = api.Ask(R"({"question":"how do I relax my mid-back muscles"})");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body + "\n",
            ReplyJsonLine(BuiltinEngine().Ask("how do I relax my mid-back muscles")));
}

TEST(ApiTest, ErrorsAreJson) {
  Api api(BuiltinEngine());
  ApiResponse r = api.Ask(std::string(Api::kMaxBodyBytes + 1, ' '));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.body, R"({"error":"the request body is over 64 KiB","status":413})");
  r = api.Chat(R"({"line":"yes","state":"!!"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"error":"bad state token: not base64url","status":400})");
  EXPECT_EQ(Api::Error(404, "no such path: /\xFF").body,
            "{\"error\":\"no such path: /\xEF\xBF\xBD\",\"status\":404}");
}

TEST(ApiTest, KnowledgeHealthAndPage) {
  Api api(BuiltinEngine());
  Json k = Json::parse(api.Knowledge().body);
  EXPECT_EQ(k["questions"].size(), BuiltinEngine().knowledge().intents.size());
  EXPECT_EQ(k["sequences"].size(), BuiltinEngine().knowledge().sequences.size());
  EXPECT_EQ(api.Health().body, R"({"status":"ok"})");
  EXPECT_EQ(api.Page().content_type, "text/html; charset=utf-8");
  EXPECT_EQ(api.Page().body.rfind("<!doctype html>", 0), 0u);
}

TEST(ApiTest, ManyThreadsAskAtOnce) {
  Api api(BuiltinEngine());
  const std::vector<std::string> questions = {
      "why is my mid back so stiff?", "how do I stretch my lower back?", "best exercises",
      "how do i relaxx my midle back", "how long should I hold a stretch?"};
  std::vector<std::string> expected;
  for (const std::string& q : questions)
    expected.push_back(api.Ask(Json{{"question", q}}.dump()).body);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        size_t q = static_cast<size_t>(t + i) % questions.size();
        if (api.Ask(Json{{"question", questions[q]}}.dump()).body != expected[q]) ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong, 0);
}

}  // namespace
}  // namespace backtalk::testing
