// Runs the real backtalk binary as a child process: arguments, bytes on standard input,
// environment additions; collects standard output, standard error and the exit status.
// Used by the end-to-end tests (pipe mode); the pseudo-terminal tests have their own driver.
#ifndef BACKTALK_TESTS_E2E_PROCESS_H_
#define BACKTALK_TESTS_E2E_PROCESS_H_

#include <string>
#include <utility>
#include <vector>

namespace backtalk::testing {

struct ProcessResult {
  std::string out;
  std::string err;
  int status = -1;  // exit status, or -1 if killed by a signal
  int signal = 0;   // the signal that killed it, if any
  bool timed_out = false;
  long max_rss_kb = 0;  // the child's peak resident memory
};

struct ProcessOptions {
  std::string input;                                     // written to standard input
  std::vector<std::pair<std::string, std::string>> env;  // added to the environment
  int timeout_seconds = 30;                              // killed after this
  bool close_stdout_early = false;  // read one line of output, then close the pipe (SIGPIPE)
  bool as_nobody = false;           // run as user "nobody" (uid 65534); see PrepareRunAsNobody
  int interrupt_after_output = 0;   // send SIGINT once this many bytes of output have arrived
  bool keep_stdin_open = false;     // after writing `input`, leave standard input open
  std::string binary;               // the program to run; empty: build/backtalk
};

// Runs build/backtalk (the binary this test was built with), or `options.binary`, with `args`.
ProcessResult RunBacktalk(const std::vector<std::string>& args, const ProcessOptions& options = {});

// Path of a file in the source tree: SourcePath("knowledge/back.json").
std::string SourcePath(const std::string& relative);

// A fresh temporary folder under $TMPDIR (/tmp when unset), removed at exit.
std::string TempDir();

// Readies `options` to run backtalk as user "nobody", for a test of what another user may not
// read. The checkout may sit below a folder only its owner can enter (/root, a `mktemp -d`
// folder), so nobody runs a copy of the binary, placed in a fresh temporary folder that every
// user can reach (mode 0755, removed at exit); the test puts its files there too. Returns that
// folder, or "" with the reason in `why` when the tests do not run as root or nobody cannot
// run the copy.
std::string PrepareRunAsNobody(ProcessOptions* options, std::string* why);

}  // namespace backtalk::testing

#endif  // BACKTALK_TESTS_E2E_PROCESS_H_
