// Reading the JSON bodies of the API's requests: {"question": "..."} for /v1/ask and
// {"line": "...", "state": "..."} for /v1/chat. Anything else (not JSON, not an object, a
// missing or non-string field) is refused with a message for the client; fields the API does
// not know are ignored, so clients may send more.
#ifndef BACKTALK_SERVER_REQUEST_H_
#define BACKTALK_SERVER_REQUEST_H_

#include <string>
#include <string_view>

namespace backtalk {

struct AskRequest {
  std::string question;
};

struct ChatRequest {
  std::string line;
  std::string state;  // empty: a new conversation
};

bool ParseAskRequest(std::string_view body, AskRequest* request, std::string* err);
bool ParseChatRequest(std::string_view body, ChatRequest* request, std::string* err);

}  // namespace backtalk

#endif  // BACKTALK_SERVER_REQUEST_H_
