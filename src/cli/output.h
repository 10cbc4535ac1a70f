// Writing to standard output so that a closed pipe ends the program quietly: SIGPIPE is
// ignored at start, and a failed write is reported as false so the caller can stop.
#ifndef BACKTALK_CLI_OUTPUT_H_
#define BACKTALK_CLI_OUTPUT_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace backtalk {

// Writes and flushes; false once the reader has gone (EPIPE) or stdout fails.
bool Emit(std::string_view text);

}  // namespace backtalk

#endif  // BACKTALK_CLI_OUTPUT_H_
