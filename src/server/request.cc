#include "server/request.h"

#include <nlohmann/json.hpp>

namespace backtalk {

namespace {

// Parses `body` as one JSON object; nlohmann's message names the byte where it went wrong.
bool ParseObject(std::string_view body, nlohmann::json* object, std::string* err) {
  try {
    *object = nlohmann::json::parse(body);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: ..." -> from "parse".
    size_t bracket = what.find("] ");
    *err = "malformed JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
    return false;
  }
  if (!object->is_object()) {
    *err = "the body must be a JSON object";
    return false;
  }
  return true;
}

// Reads `name` as a string; absent is allowed only when `required` is false (then "").
bool StringField(const nlohmann::json& object, const char* name, bool required, std::string* value,
                 std::string* err) {
  auto it = object.find(name);
  if (it == object.end() || (!required && it->is_null())) {
    if (!required) return true;
    *err = std::string("missing field \"") + name + "\" (a string)";
    return false;
  }
  if (!it->is_string()) {
    *err = std::string("field \"") + name + "\" must be a string";
    return false;
  }
  *value = it->get<std::string>();
  return true;
}

}  // namespace

bool ParseAskRequest(std::string_view body, AskRequest* request, std::string* err) {
  *request = AskRequest{};
  nlohmann::json object;
  return ParseObject(body, &object, err) &&
         StringField(object, "question", true, &request->question, err);
}

bool ParseChatRequest(std::string_view body, ChatRequest* request, std::string* err) {
  *request = ChatRequest{};
  nlohmann::json object;
  return ParseObject(body, &object, err) &&
         StringField(object, "line", true, &request->line, err) &&
         StringField(object, "state", false, &request->state, err);
}

}  // namespace backtalk
