// `backtalk serve` end to end: the real binary on a free port, real HTTP. Every endpoint, every
// error status, a whole conversation through /v1/chat that follows a stretch, state tokens
// replayed against a second server process, damaged tokens, the limits (body size, slow
// clients), CORS, the request log, and a clean exit on SIGTERM and SIGINT.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "e2e/process.h"
#include "e2e/server_process.h"

namespace backtalk::testing {
namespace {

using Json = nlohmann::json;

struct Answer {
  int status = 0;
  Json json;
  std::string body;
  httplib::Headers headers;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

Answer From(const httplib::Result& r) {
  Answer a;
  if (!r) return a;
  a.status = r->status;
  a.body = r->body;
  a.headers = r->headers;
  a.json = Json::parse(r->body, nullptr, false);
  return a;
}

class Client {
 public:
  explicit Client(int port) : http_("127.0.0.1", port) {
    http_.set_read_timeout(10, 0);
    http_.set_keep_alive(true);
  }
  Answer Get(const std::string& path) { return From(http_.Get(path)); }
  Answer Post(const std::string& path, const std::string& body) {
    return From(http_.Post(path, body, "application/json"));
  }
  Answer Chat(const std::string& line, const std::string& state = "") {
    return Post("/v1/chat", Json{{"line", line}, {"state", state}}.dump());
  }
  httplib::Client& http() { return http_; }

 private:
  httplib::Client http_;
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string Joined(const Json& replies) {
  std::string all;
  for (const Json& r : replies) all += r.get<std::string>() + "\n\n";
  return all;
}

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess({"--quiet"}); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_GT(server_->port(), 0) << server_->Log(); }
  static ServerProcess* server_;
  Client client_{server_->port()};
};
ServerProcess* ServeTest::server_ = nullptr;

TEST_F(ServeTest, HealthIsOk) {
  Answer a = client_.Get("/healthz");
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.body, R"({"status":"ok"})");
  EXPECT_EQ(a.Header("Content-Type"), "application/json");
}

TEST_F(ServeTest, AskGivesExactlyWhatAskJsonPrints) {
  for (const std::string question :
       {"why is my mid back so stiff?", "how do I stretch my lower back?", "best exercises",
        "hello", "my arm is numb and my back hurts", "häh? \xC3\xA9\t\u2019"}) {
    Answer a = client_.Post("/v1/ask", Json{{"question", question}}.dump());
    ProcessResult cli = RunBacktalk({"ask", "--json", question});
    EXPECT_EQ(a.status, 200) << question;
    EXPECT_EQ(a.body + "\n", cli.out) << question;
  }
}

TEST_F(ServeTest, AskFields) {
  Answer a = client_.Post("/v1/ask", R"({"question": "how long should I hold a stretch?"})");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.json["matched"], true);
  EXPECT_EQ(a.json["question"], "How do you release back tension?");
  EXPECT_EQ(a.json["sequence"], "gentle-release");
  a = client_.Post("/v1/ask", R"({"question": "why is my car engine tight", "extra": 1})");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.json["matched"], false);
  EXPECT_TRUE(a.json["question"].is_null());
}

TEST_F(ServeTest, KnowledgeListsQuestionsAndSequences) {
  Answer a = client_.Get("/v1/knowledge");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.json["questions"].size(), 9u);
  EXPECT_EQ(a.json["questions"][0]["question"], "How do you stretch your upper middle back?");
  EXPECT_TRUE(Has(a.json["disclaimer"].get<std::string>(), "not medical advice"));
  bool found = false;
  for (const Json& s : a.json["sequences"]) {
    if (s["id"] != "posture-reset") continue;
    found = true;
    EXPECT_EQ(s["name"], "the posture reset");
    ASSERT_EQ(s["steps"].size(), 5u);
    EXPECT_EQ(s["steps"][0]["hold_seconds"], 15);
    EXPECT_EQ(s["steps"][0]["hold_seconds_max"], 30);
    EXPECT_EQ(s["steps"][0]["hold"], "hold 15-30 s");
  }
  EXPECT_TRUE(found);
}

TEST_F(ServeTest, PageIsSelfContained) {
  Answer a = client_.Get("/");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_TRUE(Has(a.body, "<title>backtalk"));
  EXPECT_TRUE(Has(a.body, "prefers-reduced-motion"));
  EXPECT_TRUE(Has(a.body, "prefers-color-scheme: dark"));
  EXPECT_TRUE(Has(a.body, "aria-label=\"Stretch controls\""));
  // Nothing is loaded from anywhere else: no CDN, no framework.
  EXPECT_FALSE(Has(a.body, "http://")) << "an outside address";
  EXPECT_FALSE(Has(a.body, "https://")) << "an outside address";
  EXPECT_FALSE(Has(a.body, "<script src"));
  EXPECT_FALSE(Has(a.body, "<link"));
  EXPECT_TRUE(Has(a.Header("Content-Security-Policy"), "default-src 'none'"));
}

TEST_F(ServeTest, UnknownPathIs404Json) {
  for (const std::string path : {"/nope", "/v1", "/v1/ask/more", "/index.html", "/v2/chat"}) {
    Answer a = client_.Get(path);
    EXPECT_EQ(a.status, 404) << path;
    EXPECT_EQ(a.Header("Content-Type"), "application/json") << path;
    EXPECT_EQ(a.json["error"], "no such path: " + path);
    EXPECT_EQ(a.json["status"], 404);
  }
  EXPECT_EQ(client_.Post("/nope", "{}").status, 404);
}

TEST_F(ServeTest, WrongMethodIs405) {
  Answer a = client_.Get("/v1/ask");
  EXPECT_EQ(a.status, 405);
  EXPECT_EQ(a.Header("Allow"), "POST");
  EXPECT_EQ(a.json["error"], "method not allowed; use POST");
  a = client_.Post("/healthz", "{}");
  EXPECT_EQ(a.status, 405);
  EXPECT_EQ(a.Header("Allow"), "GET");
  EXPECT_EQ(From(client_.http().Delete("/v1/chat")).status, 405);
}

TEST_F(ServeTest, BodyOver64KiBIs413) {
  std::string question(64 * 1024 - 20, 'a');
  std::string body = Json{{"question", question}}.dump();
  ASSERT_LE(body.size(), 64u * 1024);
  EXPECT_EQ(client_.Post("/v1/ask", body).status, 200);  // at the limit: answered

  body = Json{{"question", std::string(64 * 1024, 'a')}}.dump();
  for (const std::string path : {"/v1/ask", "/v1/chat"}) {
    Client fresh(server_->port());  // the server closes a connection after a 413
    Answer a = fresh.Post(path, body);
    EXPECT_EQ(a.status, 413) << path;
    EXPECT_EQ(a.json["error"], "the request body is over 64 KiB") << a.body;
  }
  // Ten megabytes announced are refused before they are read.
  int fd = Connect(server_->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd,
                      "POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Content-Length: 10485760\r\n\r\n{\"question\":\""));
  bool closed;
  std::string reply = ReadUntilClosed(fd, 5000, &closed);
  close(fd);
  EXPECT_TRUE(reply.rfind("HTTP/1.1 413", 0) == 0) << reply;

  // A chunked body counts as it arrives.
  fd = Connect(server_->port());
  ASSERT_GE(fd, 0);
  std::string chunk(70000, 'a');
  char size[16];
  std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
  ASSERT_TRUE(
      SendAll(fd, "POST /v1/chat HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                      std::string(size) + chunk + "\r\n0\r\n\r\n"));
  reply = ReadUntilClosed(fd, 5000, &closed);
  close(fd);
  EXPECT_TRUE(reply.rfind("HTTP/1.1 413", 0) == 0) << reply.substr(0, 200);
  EXPECT_TRUE(Has(reply, "the request body is over 64 KiB")) << reply.substr(0, 400);
}

TEST_F(ServeTest, MalformedRequestsAre400WithAMessage) {
  struct Case {
    std::string path, body, error;
  };
  for (const Case& c : std::vector<Case>{
           {"/v1/ask", "", "malformed JSON: body:1:1: "},
           {"/v1/ask", "{\"question\": ", "malformed JSON: body:1:14: "},
           {"/v1/ask", "[\"why\"]", "the body must be a JSON object"},
           {"/v1/ask", "{}", "missing field \"question\" (a string)"},
           {"/v1/ask", "{\"question\": 3}", "field \"question\" must be a string"},
           {"/v1/ask", "{\"question\": \"\xFF\"}", "malformed JSON: body:1:"},
           {"/v1/chat", "{\"state\": \"\"}", "missing field \"line\" (a string)"},
           {"/v1/chat", "{\"line\": \"hi\", \"state\": 7}", "field \"state\" must be a string"},
           {"/v1/chat", "{\"line\": null}", "field \"line\" must be a string"},
       }) {
    Answer a = client_.Post(c.path, c.body);
    EXPECT_EQ(a.status, 400) << c.body;
    EXPECT_EQ(a.Header("Content-Type"), "application/json");
    ASSERT_TRUE(a.json.is_object()) << a.body;
    EXPECT_EQ(a.json["error"].get<std::string>().rfind(c.error, 0), 0u) << a.body;
  }
  // Not HTTP at all.
  int fd = Connect(server_->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, "HELLO THERE\r\n\r\n"));
  bool closed;
  std::string reply = ReadUntilClosed(fd, 5000, &closed);
  close(fd);
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
}

TEST_F(ServeTest, AWholeStretchThroughChat) {
  Answer a = client_.Chat("why is my mid back so stiff?");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json["mode"], "offered");
  EXPECT_EQ(a.json["offer"]["id"], "posture-reset");
  EXPECT_EQ(a.json["offer"]["steps"], 5);
  EXPECT_TRUE(Has(Joined(a.json["replies"]), "Want to try the posture reset"));
  EXPECT_TRUE(a.json["step"].is_null());

  a = client_.Chat("yes", a.json["state"]);
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.json["mode"], "sequence");
  EXPECT_TRUE(a.json["offer"].is_null());
  EXPECT_EQ(a.json["step"]["number"], 1);
  EXPECT_EQ(a.json["step"]["total"], 5);
  EXPECT_EQ(a.json["step"]["countdown_seconds"], 15);
  EXPECT_EQ(a.json["step"]["hold_seconds_max"], 30);
  ASSERT_EQ(a.json["replies"].size(), 2u);
  EXPECT_TRUE(Has(a.json["replies"][0], "The posture reset (5 steps, about 2 minutes)."));
  EXPECT_EQ(a.json["replies"][1].get<std::string>().rfind("Step 1/5: Focus on sitting upright", 0),
            0u);

  a = client_.Chat("next", a.json["state"]);
  EXPECT_EQ(a.json["step"]["number"], 2);
  EXPECT_EQ(a.json["step"]["countdown_seconds"], 0);
  a = client_.Chat("how long left?", a.json["state"]);
  EXPECT_EQ(a.json["step"]["number"], 2);
  EXPECT_TRUE(Has(Joined(a.json["replies"]), "4 steps are left, this one included")) << a.body;
  a = client_.Chat("skip", a.json["state"]);
  EXPECT_EQ(a.json["step"]["number"], 3);
  EXPECT_EQ(a.json["step"]["side"], "right");
  a = client_.Chat("repeat", a.json["state"]);
  EXPECT_EQ(a.json["step"]["number"], 3);
  // A question in the middle is answered, and the stretch waits at the same step.
  a = client_.Chat("how do I relax my mid-back muscles?", a.json["state"]);
  EXPECT_EQ(a.json["mode"], "sequence");
  EXPECT_EQ(a.json["step"]["number"], 3);
  EXPECT_TRUE(Has(Joined(a.json["replies"]), "Back to step 3/5")) << a.body;
  a = client_.Chat("", a.json["state"]);  // an empty line goes on, like Enter
  EXPECT_EQ(a.json["step"]["number"], 4);
  a = client_.Chat("next", a.json["state"]);
  EXPECT_EQ(a.json["step"]["number"], 5);
  a = client_.Chat("next", a.json["state"]);
  EXPECT_EQ(a.json["mode"], "idle");
  EXPECT_TRUE(a.json["step"].is_null());
  EXPECT_TRUE(Has(Joined(a.json["replies"]),
                  "Well done! You finished the posture reset: 4 of 5 steps done, 1 skipped, in "))
      << a.body;
  EXPECT_EQ(a.json["end"], false);
  a = client_.Chat("quit", a.json["state"]);
  EXPECT_EQ(a.json["end"], true);
  EXPECT_TRUE(Has(Joined(a.json["replies"]), "Take care of your back!"));
}

TEST_F(ServeTest, StopWordsOfPainAndWarningSigns) {
  Answer a = client_.Chat("stretch seated twist");
  ASSERT_EQ(a.json["mode"], "sequence") << a.body;
  Answer stopped = client_.Chat("q", a.json["state"]);
  EXPECT_EQ(stopped.json["mode"], "idle");
  EXPECT_TRUE(Has(Joined(stopped.json["replies"]), "Stopped the seated twist at step 1/"));
  Answer pain = client_.Chat("ouch it hurts", a.json["state"]);
  EXPECT_EQ(pain.json["mode"], "idle");
  EXPECT_TRUE(Has(Joined(pain.json["replies"]), "Stopped the seated twist")) << pain.body;
  Answer sign = client_.Chat("my arm is numb", a.json["state"]);
  EXPECT_EQ(sign.json["mode"], "idle");
  EXPECT_TRUE(sign.json["offer"].is_null());
  EXPECT_TRUE(Has(Joined(sign.json["replies"]), "doctor")) << sign.body;
}

TEST_F(ServeTest, NumberedSuggestionsAndNo) {
  Answer a = client_.Chat("topics");
  ASSERT_EQ(a.json["choices"].size(), 9u) << a.body;
  EXPECT_EQ(a.json["choices"][1]["number"], 2);
  std::string second = a.json["choices"][1]["question"];
  Answer b = client_.Chat("2", a.json["state"]);
  EXPECT_TRUE(Has(Joined(b.json["replies"]), second)) << b.body;
  EXPECT_TRUE(b.json["choices"].empty());

  a = client_.Chat("how do I relax my mid-back muscles?");
  ASSERT_EQ(a.json["mode"], "offered");
  b = client_.Chat("no", a.json["state"]);
  EXPECT_EQ(b.json["mode"], "idle");
  EXPECT_TRUE(Has(Joined(b.json["replies"]), "OK. Ask me anything else"));
  // Without a state, "yes" has nothing to accept.
  b = client_.Chat("yes");
  EXPECT_TRUE(Has(Joined(b.json["replies"]), "Nothing is on offer right now")) << b.body;
}

// Corrupts `token` in every way a client could: each character changed, cut short at each
// length, padded, and things that are not tokens at all. Each gets 400, never an answer.
TEST_F(ServeTest, DamagedTokensAre400) {
  Answer a = client_.Chat("why is my mid back so stiff?");
  Answer b = client_.Chat("yes", a.json["state"]);
  std::string token = b.json["state"];
  ASSERT_EQ(client_.Chat("next", token).status, 200);
  std::vector<std::string> bad;
  for (size_t i = 0; i < token.size(); ++i) {
    std::string t = token;
    t[i] = t[i] == 'A' ? 'B' : 'A';
    bad.push_back(t);
  }
  for (size_t n = 1; n < token.size(); ++n) bad.push_back(token.substr(0, n));
  for (const std::string& t :
       std::vector<std::string>{token + "A", token + "AAAA", token + "=", "not a token",
                                std::string(2000, 'A'), "\xC3\xA9", "////"})
    bad.push_back(t);
  for (const std::string& t : bad) {
    Answer r = client_.Chat("next", t);
    EXPECT_EQ(r.status, 400) << t;
    EXPECT_EQ(r.json["error"].get<std::string>().rfind("bad state token: ", 0), 0u) << r.body;
  }
}

TEST(ServeReplayTest, TokensWorkOnAnyServerProcess) {
  ServerProcess one({"--quiet"}), two({"--quiet"});
  ASSERT_GT(one.port(), 0);
  ASSERT_GT(two.port(), 0);
  Client a(one.port()), b(two.port());
  Answer r = a.Chat("how do you stretch your upper middle back?");
  ASSERT_EQ(r.json["mode"], "offered");
  r = b.Chat("yes", r.json["state"]);  // the offer made by one is accepted by two
  ASSERT_EQ(r.json["step"]["number"], 1) << r.body;
  std::string at_step_1 = r.json["state"];
  Answer from_one = a.Chat("next", at_step_1);
  Answer from_two = b.Chat("next", at_step_1);
  EXPECT_EQ(from_one.body, from_two.body);  // the same token, the same answer, anywhere
  EXPECT_EQ(from_one.json["step"]["number"], 2);
  // Replayed later, an old token still means the same place in the conversation.
  EXPECT_EQ(a.Chat("next", at_step_1).body, from_one.body);
  // The first server goes away; the conversation goes on with the second.
  EXPECT_EQ(one.Stop(SIGTERM), 0);
  r = b.Chat("next", from_one.json["state"]);
  EXPECT_EQ(r.json["step"]["number"], 3);
}

TEST(ServeReplayTest, TokenForOtherKnowledgeIs400) {
  std::ifstream in(SourcePath("knowledge/back.json"));
  std::stringstream text;
  text << in.rdbuf();
  std::string knowledge = text.str();
  size_t at = knowledge.find("\"posture-reset\"");
  ASSERT_NE(at, std::string::npos);
  std::string changed = knowledge;
  for (size_t i = 0; (i = changed.find("\"posture-reset\"", i)) != std::string::npos; ++i)
    changed.replace(i, 15, "\"posture-reboot\"");
  std::string path = TempDir() + "/other.json";
  std::ofstream(path) << changed;
  ServerProcess builtin({"--quiet"}), other({"--quiet", "--knowledge", path});
  ASSERT_GT(other.port(), 0) << other.Log();
  Answer r = Client(builtin.port()).Chat("why is my mid back so stiff?");
  Answer refused = Client(other.port()).Chat("yes", r.json["state"]);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json["error"],
            "bad state token: made for other knowledge; start a new conversation");
}

TEST(ServeLimitsTest, SlowClientsAreCutOffAndOthersServed) {
  ServerProcess server({"--quiet", "--threads", "2"});
  ASSERT_GT(server.port(), 0);
  // Two clients that never finish their request hold both workers...
  std::vector<int> slow;
  for (int i = 0; i < 2; ++i) {
    int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(SendAll(fd, "POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Le"));
    slow.push_back(fd);
  }
  usleep(200000);
  // ...until the read timeout (5 s) ends their requests with 400 and the keep-alive timeout
  // (2 s) their connections, and a third client is answered.
  auto start = std::chrono::steady_clock::now();
  Answer a = Client(server.port()).Get("/healthz");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(a.status, 200);
  EXPECT_LT(seconds, 12.0);
  for (int fd : slow) {
    bool closed;
    ReadUntilClosed(fd, 3000, &closed);
    EXPECT_TRUE(closed) << "a slow client was not cut off";
    close(fd);
  }
}

TEST(ServeLimitsTest, CorsOnlyWhenAsked) {
  ServerProcess plain({"--quiet"});
  Answer a = Client(plain.port()).Post("/v1/ask", R"({"question":"hi"})");
  EXPECT_EQ(a.Header("Access-Control-Allow-Origin"), "");
  httplib::Client c("127.0.0.1", plain.port());
  EXPECT_EQ(From(c.Options("/v1/ask")).status, 404);

  ServerProcess cors({"--quiet", "--cors", "https://example.org"});
  a = Client(cors.port()).Post("/v1/ask", R"({"question":"hi"})");
  EXPECT_EQ(a.Header("Access-Control-Allow-Origin"), "https://example.org");
  httplib::Client pre("127.0.0.1", cors.port());
  Answer p = From(pre.Options(
      "/v1/chat", {{"Origin", "https://example.org"}, {"Access-Control-Request-Method", "POST"}}));
  EXPECT_EQ(p.status, 204);
  EXPECT_EQ(p.Header("Access-Control-Allow-Origin"), "https://example.org");
  EXPECT_TRUE(Has(p.Header("Access-Control-Allow-Methods"), "POST"));
  EXPECT_EQ(p.Header("Access-Control-Allow-Headers"), "Content-Type");
}

TEST(ServeLimitsTest, OneJsonLogLinePerRequestUnlessQuiet) {
  ServerProcess server;
  ASSERT_GT(server.port(), 0);
  Client c(server.port());
  c.Get("/healthz");
  c.Post("/v1/ask", R"({"question":"why is my back tight"})");
  c.Get("/nope");
  c.Post("/v1/chat", "{");
  EXPECT_EQ(server.Stop(SIGTERM), 0);
  std::istringstream log(server.Log());
  std::string line;
  std::getline(log, line);
  EXPECT_EQ(line.rfind("backtalk: serving on http://127.0.0.1:", 0), 0u) << line;
  std::vector<Json> entries;
  while (std::getline(log, line)) {
    if (line == "backtalk: stopped") continue;
    Json j = Json::parse(line, nullptr, false);
    ASSERT_TRUE(j.is_object()) << line;
    entries.push_back(j);
  }
  ASSERT_EQ(entries.size(), 4u) << server.Log();
  EXPECT_EQ(entries[0]["method"], "GET");
  EXPECT_EQ(entries[0]["path"], "/healthz");
  EXPECT_EQ(entries[0]["status"], 200);
  EXPECT_EQ(entries[1]["path"], "/v1/ask");
  EXPECT_EQ(entries[2]["status"], 404);
  EXPECT_EQ(entries[3]["status"], 400);
  for (const Json& e : entries) {
    EXPECT_TRUE(e["time"].is_string());
    EXPECT_EQ(e["remote"], "127.0.0.1");
    EXPECT_TRUE(e["ms"].is_number());
    EXPECT_TRUE(e["bytes"].is_number());
  }

  ServerProcess quiet({"--quiet"});
  Client(quiet.port()).Get("/healthz");
  EXPECT_EQ(quiet.Stop(SIGINT), 0);
  EXPECT_EQ(quiet.Log().find('{'), std::string::npos) << quiet.Log();
}

// SIGTERM while a request is still arriving: the server stops accepting, answers it, exits 0.
TEST(ServeLimitsTest, SigtermFinishesTheRequestUnderWayAndExitsZero) {
  for (int signal : {SIGTERM, SIGINT}) {
    ServerProcess server({"--quiet"});
    ASSERT_GT(server.port(), 0);
    std::string body = R"({"question":"why is my mid back so stiff?"})";
    int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(SendAll(fd,
                        "POST /v1/ask HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                        "Content-Type: application/json\r\nContent-Length: " +
                            std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10)));
    usleep(200000);
    kill(server.pid(), signal);
    usleep(300000);
    EXPECT_LT(Connect(server.port()), 0) << "still accepting after the signal";
    ASSERT_TRUE(SendAll(fd, body.substr(10)));
    bool closed;
    std::string reply = ReadUntilClosed(fd, 5000, &closed);
    close(fd);
    EXPECT_EQ(reply.rfind("HTTP/1.1 200", 0), 0u) << reply;
    EXPECT_TRUE(Has(reply, "\"matched\":true")) << reply;
    EXPECT_EQ(server.Stop(0), 0);  // signal 0: only wait for the exit
  }
}

TEST(ServeLimitsTest, BadOptionsAndBusyPortExitTwo) {
  ProcessResult r = RunBacktalk({"serve", "--port", "70000"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Has(r.err, "--port")) << r.err;
  r = RunBacktalk({"serve", "--knowledge", "/nonexistent/kb.json"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Has(r.err, "/nonexistent/kb.json")) << r.err;
  ServerProcess first({"--quiet"});
  ASSERT_GT(first.port(), 0);
  ProcessOptions options;
  options.timeout_seconds = 10;
  r = RunBacktalk({"serve", "--port", std::to_string(first.port())}, options);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(Has(r.err, "cannot listen on 127.0.0.1:" + std::to_string(first.port()))) << r.err;
}

}  // namespace
}  // namespace backtalk::testing
