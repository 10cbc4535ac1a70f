#include "cli/repl.h"

#include <poll.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "cli/output.h"
#include "dialog/reply_text.h"

namespace backtalk {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

// A key typed during a hold that starts a question: readline gets it as the line's start.
std::string g_typeahead;

void OnInterrupt(int) { g_interrupted = 1; }

// True (once) if Ctrl-C was pressed since the last call.
bool TakeInterrupt() {
  if (!g_interrupted) return false;
  g_interrupted = 0;
  return true;
}

// Readline's callback interface hands the finished line to a plain function.
struct Pending {
  std::string* line = nullptr;
  bool done = false;
  bool end = false;
};
Pending g_pending;

void OnLine(char* text) {
  if (text == nullptr) {
    g_pending.end = true;
  } else {
    *g_pending.line = text;
    std::free(text);
  }
  g_pending.done = true;
  rl_callback_handler_remove();
}

std::vector<std::string> g_completions;
std::vector<std::string> g_sequences;
const std::vector<std::string>* g_candidates = nullptr;

char* NextCandidate(const char* text, int state) {
  static size_t next;
  if (state == 0) next = 0;
  size_t length = std::strlen(text);
  while (g_candidates != nullptr && next < g_candidates->size()) {
    const std::string& c = (*g_candidates)[next++];
    if (c.compare(0, length, text) == 0) return strdup(c.c_str());
  }
  return nullptr;
}

char** Complete(const char* text, int start, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  std::string before(rl_line_buffer, static_cast<size_t>(start));
  if (before.find_first_not_of(' ') == std::string::npos)
    g_candidates = &g_completions;
  else if (before == "stretch " || before == "stretch  ")
    g_candidates = &g_sequences;
  else
    return nullptr;
  return rl_completion_matches(text, NextCandidate);
}

}  // namespace

void InstallInterruptHandler() {
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a waiting poll or sleep returns at once
  sigaction(SIGINT, &action, nullptr);
}

std::string HistoryPath() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state != nullptr && state[0] == '/') return std::string(state) + "/backtalk/history";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0')
    return std::string(home) + "/.local/state/backtalk/history";
  return "";
}

ReadlineReader::ReadlineReader(std::string history_path, std::vector<std::string> completions,
                               std::vector<std::string> sequences)
    : history_path_(std::move(history_path)) {
  g_completions = std::move(completions);
  g_sequences = std::move(sequences);
  rl_readline_name = "backtalk";
  rl_catch_signals = 0;  // our handler only sets a flag; Read() acts on it
  rl_attempted_completion_function = Complete;
  using_history();
  stifle_history(1000);
  if (!history_path_.empty()) read_history(history_path_.c_str());
}

void ReadlineReader::Remember(const std::string& line) {
  add_history(line.c_str());
  if (history_path_.empty() || history_failed_) return;
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(history_path_).parent_path(), ignored);
  int error = append_history(1, history_path_.c_str());
  if (error == ENOENT) error = write_history(history_path_.c_str());
  if (error != 0) {
    // One warning, then the conversation goes on without saving.
    std::fprintf(stderr, "backtalk: cannot save history to %s: %s\n", history_path_.c_str(),
                 std::strerror(error));
    history_failed_ = true;
    return;
  }
  history_truncate_file(history_path_.c_str(), 1000);
}

ReadStatus ReadlineReader::Read(const std::string& prompt, std::string* line) {
  line->clear();
  g_pending = Pending{.line = line};
  TakeInterrupt();
  rl_callback_handler_install(prompt.c_str(), OnLine);
  if (!g_typeahead.empty()) {
    rl_insert_text(g_typeahead.c_str());
    rl_redisplay();
    g_typeahead.clear();
  }
  while (!g_pending.done) {
    pollfd in{STDIN_FILENO, POLLIN, 0};
    int ready = poll(&in, 1, -1);
    if (TakeInterrupt()) {
      // Drop the half-typed line and give a fresh prompt.
      rl_replace_line("", 0);
      rl_free_line_state();
      rl_callback_sigcleanup();
      rl_callback_handler_remove();
      Emit("^C\n");
      return ReadStatus::kInterrupted;
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      rl_callback_handler_remove();
      return ReadStatus::kEnd;
    }
    rl_callback_read_char();
  }
  if (g_pending.end) {
    Emit("\n");
    return ReadStatus::kEnd;
  }
  if (line->find_first_not_of(" \t") != std::string::npos) Remember(*line);
  return ReadStatus::kLine;
}

TerminalScreen::~TerminalScreen() { KeysRaw(false); }

void TerminalScreen::Print(std::string_view text) {
  if (live_) EndRedraw();
  winsize size{};
  int width = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
  if (!Emit(WrapText(text, width))) closed_ = true;
}

void TerminalScreen::Redraw(std::string_view line) {
  live_ = true;
  if (!Emit("\r\033[K" + std::string(line))) closed_ = true;
}

void TerminalScreen::EndRedraw() {
  if (live_ && !Emit("\n")) closed_ = true;
  live_ = false;
  KeysRaw(false);
}

Key TerminalScreen::PollKey() {
  if (TakeInterrupt()) return Key::kInterrupt;
  KeysRaw(true);
  pollfd in{STDIN_FILENO, POLLIN, 0};
  char c;
  if (poll(&in, 1, 0) <= 0 || read(STDIN_FILENO, &c, 1) != 1) return Key::kNone;
  switch (c) {
    case '\n':
    case '\r':
      return Key::kNext;
    case 's':
    case 'S':
      return Key::kSkip;
    case 'r':
    case 'R':
      return Key::kRepeat;
    case 'q':
    case 'Q':
      return Key::kStop;
    default:
      if (static_cast<unsigned char>(c) < ' ' || c == '\x7f') return Key::kNone;
      g_typeahead += c;
      return Key::kPause;
  }
}

void TerminalScreen::KeysRaw(bool raw) {
  static termios saved;
  if (raw == raw_) return;
  if (raw) {
    if (tcgetattr(STDIN_FILENO, &saved) != 0) return;
    termios t = saved;
    t.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));  // ISIG stays: Ctrl-C still signals
    t.c_cc[VMIN] = 0;
    t.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
  } else {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  }
  raw_ = raw;
}

}  // namespace backtalk
