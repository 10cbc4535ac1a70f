// The state token codec: every state of a conversation survives the round trip, and a token
// that is damaged, cut short, of another version, for other knowledge, or whole but naming
// things the knowledge lacks or a state that cannot be, is refused with its reason.
#include "server/state_token.h"

#include <gtest/gtest.h>

#include "support/builtin.h"

namespace backtalk::testing {
namespace {

const Knowledge& K() { return BuiltinEngine().knowledge(); }

Session::Memory Decode(const std::string& token, std::string* err) {
  Session::Memory m;
  m.state = Session::State::kOffered;  // overwritten, also on failure
  EXPECT_FALSE(DecodeStateToken(token, K(), &m, err) && !err->empty());
  return m;
}

std::string Error(const std::string& token) {
  std::string err;
  Session::Memory m;
  if (DecodeStateToken(token, K(), &m, &err)) return "";
  EXPECT_EQ(m.state, Session::State::kIdle) << "a refused token leaves a new conversation";
  return err;
}

// A token's bytes: version, fingerprint, state, offer, run flag and fields, choices.
std::string Bytes(uint8_t version, uint32_t fingerprint, uint8_t state, uint8_t offer,
                  std::string run, std::string choices) {
  std::string b;
  b += static_cast<char>(version);
  for (int i = 0; i < 4; ++i) b += static_cast<char>((fingerprint >> (8 * i)) & 0xFF);
  b += static_cast<char>(state);
  b += static_cast<char>(offer);
  b += run.empty() ? std::string(1, '\0') : "\1" + run;
  b += choices.empty() ? std::string(1, '\0') : choices;
  return b;
}

TEST(StateTokenTest, EmptyIsANewConversation) {
  std::string err;
  Session::Memory m = Decode("", &err);
  EXPECT_EQ(m.state, Session::State::kIdle);
  EXPECT_EQ(m.offer, nullptr);
  EXPECT_FALSE(m.run.has_value());
  EXPECT_TRUE(m.choices.empty());
}

TEST(StateTokenTest, EveryStateRoundTrips) {
  const Knowledge& k = K();
  std::vector<Session::Memory> memories;
  memories.push_back({});
  memories.push_back({.state = Session::State::kOffered, .offer = &k.sequences.back()});
  memories.push_back({.choices = {&k.intents[3], &k.intents[0], &k.intents[8]}});
  for (const Sequence& s : k.sequences) {
    memories.push_back({.state = Session::State::kInSequence,
                        .run = SequenceRun{.sequence = &s,
                                           .step = s.steps.size() - 1,
                                           .done = 1,
                                           .skipped = static_cast<int>(s.steps.size()) - 2,
                                           .started_micros = int64_t{1764681600} * 1000000},
                        .choices = {&k.intents[1]}});
  }
  for (const Session::Memory& m : memories) {
    std::string token = EncodeStateToken(m, k);
    EXPECT_LT(token.size(), 64u);
    EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                      "0123456789-_"),
              std::string::npos)
        << token;
    std::string err;
    Session::Memory back;
    ASSERT_TRUE(DecodeStateToken(token, k, &back, &err)) << err;
    EXPECT_EQ(back.state, m.state);
    EXPECT_EQ(back.offer, m.offer);
    ASSERT_EQ(back.run.has_value(), m.run.has_value());
    if (m.run) {
      EXPECT_EQ(back.run->sequence, m.run->sequence);
      EXPECT_EQ(back.run->step, m.run->step);
      EXPECT_EQ(back.run->done, m.run->done);
      EXPECT_EQ(back.run->skipped, m.run->skipped);
      EXPECT_EQ(back.run->started_micros, m.run->started_micros);
    }
    EXPECT_EQ(back.choices, m.choices);
    EXPECT_EQ(EncodeStateToken(back, k), token);
  }
}

TEST(StateTokenTest, EveryChangedCharacterAndEveryCutIsRefused) {
  const Knowledge& k = K();
  Session::Memory m{.state = Session::State::kInSequence,
                    .run = SequenceRun{.sequence = &k.sequences[0], .step = 1, .done = 1},
                    .choices = {&k.intents[2]}};
  std::string token = EncodeStateToken(m, k);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (size_t i = 0; i < token.size(); ++i) {
    for (char c : alphabet) {
      if (c == token[i]) continue;
      std::string t = token;
      t[i] = c;
      EXPECT_NE(Error(t), "") << "position " << i << " changed to " << c;
    }
  }
  for (size_t n = 1; n < token.size(); ++n) EXPECT_NE(Error(token.substr(0, n)), "") << n;
  EXPECT_NE(Error(token + "A"), "");
  EXPECT_EQ(Error(token + "AAAA"), "bad state token: damaged or truncated (checksum mismatch)");
  EXPECT_EQ(Error(token + "="), "bad state token: not base64url");
  EXPECT_EQ(Error("AAAA"), "bad state token: truncated");
  EXPECT_EQ(Error("a token"), "bad state token: not base64url");
  EXPECT_EQ(Error(std::string(kMaxStateTokenBytes + 1, 'A')), "bad state token: too long");
}

// The checksum is 32-bit FNV-1a, little-endian after the bytes: a token made by one build or
// process is read by any other.
TEST(StateTokenTest, TheChecksumIsTheSameInEveryBuild) {
  EXPECT_EQ(SealStateToken("abc"), "YWJjC-lHGg");  // "abc", then FNV-1a("abc") = 0x1a47e90b
}

TEST(StateTokenTest, WholeTokensAreValidatedLikeAnyInput) {
  const Knowledge& k = K();
  uint32_t f = KnowledgeFingerprint(k);
  auto seal = [](const std::string& bytes) { return SealStateToken(bytes); };
  uint8_t sequences = static_cast<uint8_t>(k.sequences.size());
  ASSERT_EQ(Error(seal(Bytes(1, f, 0, 0, "", ""))), "");
  EXPECT_EQ(Error(seal(Bytes(2, f, 0, 0, "", ""))), "bad state token: unknown version");
  EXPECT_EQ(Error(seal(Bytes(1, f + 1, 0, 0, "", ""))),
            "bad state token: made for other knowledge; start a new conversation");
  EXPECT_EQ(Error(seal(Bytes(1, f, 3, 0, "", ""))), "bad state token: unknown state");
  EXPECT_EQ(Error(seal(Bytes(1, f, 1, sequences + 1, "", ""))),
            "bad state token: bad offered sequence");
  // Offered without an offer, an offer while idle, a sequence without a run.
  EXPECT_EQ(Error(seal(Bytes(1, f, 1, 0, "", ""))), "bad state token: inconsistent state");
  EXPECT_EQ(Error(seal(Bytes(1, f, 0, 1, "", ""))), "bad state token: inconsistent state");
  EXPECT_EQ(Error(seal(Bytes(1, f, 2, 0, "", ""))), "bad state token: inconsistent state");
  // A run: sequence, step, done, skipped, start.
  std::string ok_run = std::string("\0\1\1\0\0", 5);
  EXPECT_EQ(Error(seal(Bytes(1, f, 2, 0, ok_run, ""))), "");
  EXPECT_EQ(Error(seal(Bytes(1, f, 2, 0, std::string(1, char(sequences)) + "\1\1\0\0", ""))),
            "bad state token: bad sequence");
  EXPECT_EQ(Error(seal(Bytes(1, f, 2, 0, std::string("\0\x60\0\0\0", 5), ""))),
            "bad state token: bad step");
  EXPECT_EQ(Error(seal(Bytes(1, f, 2, 0, std::string("\0\1\2\0\0", 5), ""))),
            "bad state token: bad count of steps done");
  EXPECT_EQ(Error(seal(Bytes(1, f, 2, 0, std::string("\0\2\1\2\0", 5), ""))),
            "bad state token: bad count of steps done");
  EXPECT_EQ(Error(seal(Bytes(1, f, 0, 0, ok_run, ""))), "bad state token: inconsistent state");
  // A varint with a redundant byte is refused: one state, one token.
  EXPECT_EQ(Error(seal(Bytes(1, f, 2, 0, std::string("\x80\0\1\1\0\0", 6), ""))),
            "bad state token: bad sequence");
  // Choices: a count, then intents that exist.
  EXPECT_EQ(Error(seal(Bytes(1, f, 0, 0, "", std::string("\2\0\10", 3)))), "");
  EXPECT_EQ(Error(seal(Bytes(1, f, 0, 0, "", "\1\11"))), "bad state token: bad choice");
  EXPECT_EQ(Error(seal(Bytes(1, f, 0, 0, "", std::string("\2\0", 2)))),
            "bad state token: bad choice");
  EXPECT_EQ(Error(seal(Bytes(1, f, 0, 0, "", "\x41"))), "bad state token: bad choices");
  EXPECT_EQ(Error(seal(Bytes(1, f, 0, 0, "", "") + "x")), "bad state token: trailing bytes");
}

TEST(StateTokenTest, FingerprintFollowsTheKnowledge) {
  Knowledge k = K();
  uint32_t before = KnowledgeFingerprint(k);
  EXPECT_EQ(KnowledgeFingerprint(k), before);
  k.intents[0].answer += " More.";  // the answers may change: the token names no answer
  EXPECT_EQ(KnowledgeFingerprint(k), before);
  k.sequences[0].steps.pop_back();
  EXPECT_NE(KnowledgeFingerprint(k), before);
}

}  // namespace
}  // namespace backtalk::testing
