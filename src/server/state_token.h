// The state token: a conversation's memory (Session::Memory) as an opaque string that travels
// with each /v1/chat request and answer, so the server keeps no sessions and any instance can
// answer any line.
//
// A token is base64url (no padding) over bytes: a version, a fingerprint of the knowledge
// (ids of intents and sequences, step counts), the state, the offered sequence, the sequence
// under way (step, done, skipped, its start in Unix seconds), the numbered choices, and a
// 32-bit checksum of all of it. Decoding validates it like any input: a token that is
// truncated, altered, of another version or for other knowledge is refused with a message,
// and a decoded token can only name things the knowledge has. A token is not a credential: it
// holds nothing but the client's own place in its conversation.
#ifndef BACKTALK_SERVER_STATE_TOKEN_H_
#define BACKTALK_SERVER_STATE_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dialog/session.h"
#include "knowledge/knowledge.h"

namespace backtalk {

constexpr uint8_t kStateTokenVersion = 1;
// Longer tokens are refused before decoding (a real one is well under 100 characters).
constexpr size_t kMaxStateTokenBytes = 1024;

// `memory` must refer to `knowledge`. `started_micros` of a run is read as microseconds of
// the Unix epoch (the server's clock) and kept to the second.
std::string EncodeStateToken(const Session::Memory& memory, const Knowledge& knowledge);

// An empty token is a new conversation. Otherwise false, with `*err` saying what is wrong,
// unless the token is whole, of this version and for this knowledge.
bool DecodeStateToken(std::string_view token, const Knowledge& knowledge, Session::Memory* memory,
                      std::string* err);

// The last step of encoding: `bytes` with their checksum, in base64url. Public so that tests
// can build tokens byte by byte, each field right or wrong.
std::string SealStateToken(std::string_view bytes);

// Identifies the parts of `knowledge` a token refers to.
uint32_t KnowledgeFingerprint(const Knowledge& knowledge);

}  // namespace backtalk

#endif  // BACKTALK_SERVER_STATE_TOKEN_H_
