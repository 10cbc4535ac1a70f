// How replies look as plain text on a terminal or in a pipe.
#ifndef BACKTALK_CLI_FORMAT_H_
#define BACKTALK_CLI_FORMAT_H_

#include <string>

#include "dialog/reply_text.h"
#include "engine/engine.h"
#include "match/matcher.h"

namespace backtalk {

// `backtalk explain`: tokens, corrections, synonyms, and the evidence behind the top intents.
std::string FormatExplanation(const Reply& reply, const Engine& engine);

}  // namespace backtalk

#endif  // BACKTALK_CLI_FORMAT_H_
