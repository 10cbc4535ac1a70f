#include "server/request.h"

#include "knowledge/json_tree.h"
#include "util/source_error.h"

namespace backtalk {

namespace {

// Parses `body` as one JSON object; a syntax error names its line and column in the body.
bool ParseObject(std::string_view body, JsonValue* object, std::string* err) {
  SourceError syntax;
  if (!JsonValue::Parse(body, "body", object, &syntax)) {
    *err = "malformed JSON: " + FormatError(syntax);
    return false;
  }
  if (!object->is_object()) {
    *err = "the body must be a JSON object";
    return false;
  }
  return true;
}

// Reads `name` as a string; absent is allowed only when `required` is false (then "").
bool StringField(const JsonValue& object, const char* name, bool required, std::string* value,
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
  *value = it->string();
  return true;
}

}  // namespace

bool ParseAskRequest(std::string_view body, AskRequest* request, std::string* err) {
  *request = AskRequest{};
  JsonValue object;
  return ParseObject(body, &object, err) &&
         StringField(object, "question", true, &request->question, err);
}

bool ParseChatRequest(std::string_view body, ChatRequest* request, std::string* err) {
  *request = ChatRequest{};
  JsonValue object;
  return ParseObject(body, &object, err) &&
         StringField(object, "line", true, &request->line, err) &&
         StringField(object, "state", false, &request->state, err);
}

}  // namespace backtalk
