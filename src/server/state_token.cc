#include "server/state_token.h"

#include <absl/strings/escaping.h>

#include <limits>

namespace backtalk {

namespace {

constexpr size_t kMaxChoices = 64;

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    *out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  *out += static_cast<char>(v);
}

void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) *out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// 32-bit FNV-1a: fixed, so a token stays valid across processes and builds.
uint32_t Checksum(std::string_view bytes) {
  uint32_t h = 2166136261u;
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// Reads the token's bytes front to back; every read checks what is left.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool U8(uint8_t* v) {
    if (rest_.empty()) return false;
    *v = static_cast<uint8_t>(rest_[0]);
    rest_.remove_prefix(1);
    return true;
  }
  bool U32(uint32_t* v) {
    if (rest_.size() < 4) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i) *v |= uint32_t{static_cast<uint8_t>(rest_[i])} << (8 * i);
    rest_.remove_prefix(4);
    return true;
  }
  // A varint of at most `max`; longer encodings than needed are refused too.
  bool Varint(uint64_t max, uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b;
      if (!U8(&b)) return false;
      if (shift > 0 && b == 0) return false;  // a redundant zero byte
      *v |= uint64_t{b & 0x7Fu} << shift;
      if ((b & 0x80) == 0) return *v <= max;
    }
    return false;
  }
  bool empty() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace

uint32_t KnowledgeFingerprint(const Knowledge& k) {
  std::string parts;
  for (const Intent& i : k.intents) parts += i.id + '\n';
  parts += '\n';
  for (const Sequence& s : k.sequences) parts += s.id + ' ' + std::to_string(s.steps.size()) + '\n';
  return Checksum(parts);
}

std::string EncodeStateToken(const Session::Memory& m, const Knowledge& k) {
  auto sequence_index = [&k](const Sequence* s) {
    return static_cast<uint64_t>(s - k.sequences.data());
  };
  std::string bytes;
  bytes += static_cast<char>(kStateTokenVersion);
  PutU32(KnowledgeFingerprint(k), &bytes);
  bytes += static_cast<char>(m.state);
  PutVarint(m.offer ? sequence_index(m.offer) + 1 : 0, &bytes);
  if (m.run) {
    bytes += '\1';
    PutVarint(sequence_index(m.run->sequence), &bytes);
    PutVarint(m.run->step, &bytes);
    PutVarint(static_cast<uint64_t>(m.run->done), &bytes);
    PutVarint(static_cast<uint64_t>(m.run->skipped), &bytes);
    PutVarint(static_cast<uint64_t>(std::max<int64_t>(0, m.run->started_micros / 1000000)), &bytes);
  } else {
    bytes += '\0';
  }
  size_t choices = std::min(m.choices.size(), kMaxChoices);
  PutVarint(choices, &bytes);
  for (size_t i = 0; i < choices; ++i)
    PutVarint(static_cast<uint64_t>(m.choices[i] - k.intents.data()), &bytes);
  return SealStateToken(bytes);
}

std::string SealStateToken(std::string_view bytes) {
  std::string sealed(bytes);
  PutU32(Checksum(sealed), &sealed);
  return absl::WebSafeBase64Escape(sealed);
}

bool DecodeStateToken(std::string_view token, const Knowledge& k, Session::Memory* memory,
                      std::string* err) {
  *memory = Session::Memory{};
  if (token.empty()) return true;
  auto fail = [err](const char* why) {
    *err = std::string("bad state token: ") + why;
    return false;
  };
  if (token.size() > kMaxStateTokenBytes) return fail("too long");
  std::string bytes;
  // Only the one encoding of each byte string is taken: no padding, no other characters, no
  // stray bits at the end.
  std::string text(token);  // Abseil's string_view is not std's
  if (!absl::WebSafeBase64Unescape(text, &bytes) || absl::WebSafeBase64Escape(bytes) != text)
    return fail("not base64url");
  if (bytes.size() < 4 + 1 + 4) return fail("truncated");
  std::string_view body(bytes.data(), bytes.size() - 4);
  uint32_t sum;
  Reader tail(std::string_view(bytes).substr(bytes.size() - 4));
  tail.U32(&sum);
  if (Checksum(body) != sum) return fail("damaged or truncated (checksum mismatch)");

  Reader r(body);
  uint8_t version, state, has_run;
  uint32_t fingerprint;
  r.U8(&version);
  if (version != kStateTokenVersion) return fail("unknown version");
  if (!r.U32(&fingerprint) || !r.U8(&state)) return fail("truncated");
  if (fingerprint != KnowledgeFingerprint(k))
    return fail("made for other knowledge; start a new conversation");
  if (state > static_cast<uint8_t>(Session::State::kInSequence)) return fail("unknown state");
  Session::Memory m;
  m.state = static_cast<Session::State>(state);
  uint64_t offer;
  if (!r.Varint(k.sequences.size(), &offer)) return fail("bad offered sequence");
  if (offer > 0) m.offer = &k.sequences[offer - 1];
  if (!r.U8(&has_run) || has_run > 1) return fail("truncated");
  if (has_run) {
    uint64_t sequence, step, done, skipped, started;
    if (k.sequences.empty() || !r.Varint(k.sequences.size() - 1, &sequence))
      return fail("bad sequence");
    const Sequence& s = k.sequences[sequence];
    if (!r.Varint(s.steps.size() > 0 ? s.steps.size() - 1 : 0, &step) || s.steps.empty())
      return fail("bad step");
    if (!r.Varint(step, &done) || !r.Varint(step - done, &skipped))
      return fail("bad count of steps done");
    if (!r.Varint(std::numeric_limits<uint32_t>::max(), &started)) return fail("bad start time");
    m.run = SequenceRun{.sequence = &s,
                        .step = step,
                        .done = static_cast<int>(done),
                        .skipped = static_cast<int>(skipped),
                        .started_micros = static_cast<int64_t>(started) * 1000000};
  }
  uint64_t choices;
  if (k.intents.empty() ? !r.Varint(0, &choices) : !r.Varint(kMaxChoices, &choices))
    return fail("bad choices");
  for (uint64_t i = 0; i < choices; ++i) {
    uint64_t intent;
    if (!r.Varint(k.intents.size() - 1, &intent)) return fail("bad choice");
    m.choices.push_back(&k.intents[intent]);
  }
  if (!r.empty()) return fail("trailing bytes");
  bool consistent = (m.state == Session::State::kOffered) == (m.offer != nullptr) &&
                    (m.state == Session::State::kInSequence) == m.run.has_value();
  if (!consistent) return fail("inconsistent state");
  *memory = std::move(m);
  return true;
}

}  // namespace backtalk
