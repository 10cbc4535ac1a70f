// The real binary at a pseudo-terminal: the readline prompt, an answer and its offer, yes, the
// live countdown, Enter and Ctrl-C during a hold, history that survives a restart, colour only
// where wanted, and an unwritable history file that costs one warning.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "e2e/process.h"

namespace backtalk::testing {
namespace {

// One run of backtalk on the slave side of a pseudo-terminal; the test types on the master.
class Terminal {
 public:
  Terminal(const std::vector<std::string>& args,
           const std::vector<std::pair<std::string, std::string>>& env) {
    winsize size{};
    size.ws_row = 40;
    size.ws_col = 120;
    pid_ = forkpty(&fd_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      unsetenv("NO_COLOR");
      setenv("TERM", "xterm", 1);
      setenv("INPUTRC", "/dev/null", 1);  // not the key bindings of whoever runs the tests
      for (const auto& [key, value] : env) setenv(key.c_str(), value.c_str(), 1);
      std::vector<std::string> copy = args;
      std::string binary = BACKTALK_BINARY;
      std::vector<char*> argv{binary.data()};
      for (std::string& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
  }
  ~Terminal() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
  }

  // Reads until `text` appears after what earlier waits consumed; false after 10 s without it.
  bool WaitFor(const std::string& text) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (true) {
      size_t at = out_.find(text, mark_);
      if (at != std::string::npos) {
        mark_ = at + text.size();
        return true;
      }
      if (std::chrono::steady_clock::now() > deadline || !ReadSome(100)) return false;
    }
  }
  void Type(const std::string& keys) {
    ASSERT_EQ(write(fd_, keys.data(), keys.size()), ssize_t(keys.size()));
  }
  // Waits for the program to end and returns its exit status (-1 if killed or too slow).
  int Status() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      ReadSome(50);
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        while (ReadSome(0)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return -1;
  }
  const std::string& out() const { return out_; }

 private:
  bool ReadSome(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return timeout_ms > 0;  // nothing yet: keep waiting
    char buffer[4096];
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) return false;  // the program has gone
    out_.append(buffer, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
  std::string out_;
  size_t mark_ = 0;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(PtyTest, AskAcceptCountdownCtrlCAndGoOnThenHistorySurvives) {
  std::string state = TempDir();
  std::vector<std::pair<std::string, std::string>> env{{"XDG_STATE_HOME", state}};
  {
    Terminal t({}, env);
    ASSERT_TRUE(t.WaitFor("not medical advice")) << t.out();
    ASSERT_TRUE(t.WaitFor("backtalk> ")) << t.out();
    t.Type("why is my mid back tight?\r");
    ASSERT_TRUE(t.WaitFor("\033[1mWhy is my middle back so tight?\033[0m")) << t.out();
    ASSERT_TRUE(t.WaitFor("Want to try the posture reset (5 steps, about 2 minutes)? [y/n]"));
    ASSERT_TRUE(t.WaitFor("[y/n]> ")) << t.out();
    t.Type("yes\r");
    ASSERT_TRUE(t.WaitFor("Step 1/5")) << t.out();
    // The countdown redraws its line in place.
    ASSERT_TRUE(t.WaitFor("\r\033[K  ▕░░░░░░░░░░░░░░░░░░░░▏ 15 s")) << t.out();
    t.Type("\x03");  // Ctrl-C
    ASSERT_TRUE(t.WaitFor("Stopped the posture reset at step 1/5 (0 done).")) << t.out();
    ASSERT_TRUE(t.WaitFor("backtalk> ")) << t.out();
    t.Type("thanks\r");
    ASSERT_TRUE(t.WaitFor("You're welcome.")) << t.out();
    t.Type("quit\r");
    ASSERT_TRUE(t.WaitFor("Take care of your back!")) << t.out();
    EXPECT_EQ(t.Status(), 0) << t.out();
  }
  EXPECT_EQ(ReadFile(state + "/backtalk/history"),
            "why is my mid back tight?\nyes\nthanks\nquit\n");
  {
    Terminal t({}, env);
    ASSERT_TRUE(t.WaitFor("backtalk> ")) << t.out();
    t.Type("\033[A\033[A\033[A\033[A\r");  // up four times: the first question of the last run
    ASSERT_TRUE(t.WaitFor("Postures that involve a lot of sitting")) << t.out();
    ASSERT_TRUE(t.WaitFor("[y/n]> ")) << t.out();
    t.Type("\x04");  // Ctrl-D
    EXPECT_EQ(t.Status(), 0) << t.out();
  }
}

TEST(PtyTest, EnterDuringAHoldGoesOnAndTabCompletes) {
  Terminal t({}, {{"XDG_STATE_HOME", TempDir()}});
  ASSERT_TRUE(t.WaitFor("backtalk> ")) << t.out();
  t.Type("stre\tposture-r\t\r");
  ASSERT_TRUE(t.WaitFor("stretch posture-reset")) << t.out();
  ASSERT_TRUE(t.WaitFor("▏ 15 s")) << t.out();
  t.Type("\r");  // Enter during the hold
  ASSERT_TRUE(t.WaitFor("Step 2/5")) << t.out();
  ASSERT_TRUE(t.WaitFor("step 2/5> ")) << t.out();
  t.Type("how long left?\r");
  ASSERT_TRUE(t.WaitFor("4 steps are left, this one included, with 30-60 s of holds")) << t.out();
  t.Type("ouch\r");
  ASSERT_TRUE(t.WaitFor("Stop now: a stretch should feel comfortable, never painful.")) << t.out();
  ASSERT_TRUE(t.WaitFor("backtalk> ")) << t.out();
  t.Type("exit\r");
  EXPECT_EQ(t.Status(), 0) << t.out();
}

TEST(PtyTest, TypingAQuestionDuringAHoldPausesItAndAnswers) {
  Terminal t({}, {{"XDG_STATE_HOME", TempDir()}});
  ASSERT_TRUE(t.WaitFor("backtalk> ")) << t.out();
  t.Type("stretch posture-reset\r");
  ASSERT_TRUE(t.WaitFor("▏ 15 s")) << t.out();
  t.Type("how long left?\r");
  ASSERT_TRUE(t.WaitFor("5 steps are left, this one included, with 45-90 s of holds")) << t.out();
  ASSERT_TRUE(t.WaitFor("step 1/5> ")) << t.out();
  t.Type("q\r");
  ASSERT_TRUE(t.WaitFor("Stopped the posture reset at step 1/5")) << t.out();
  ASSERT_TRUE(t.WaitFor("backtalk> ")) << t.out();
  t.Type("\x04");
  EXPECT_EQ(t.Status(), 0) << t.out();
}

TEST(PtyTest, NoColourWithNoColorOrDumbTerminal) {
  for (const auto& setting :
       std::vector<std::pair<std::string, std::string>>{{"NO_COLOR", "1"}, {"TERM", "dumb"}}) {
    Terminal t({}, {{"XDG_STATE_HOME", TempDir()}, setting});
    ASSERT_TRUE(t.WaitFor("> ")) << t.out();
    t.Type("why is my mid back tight?\r");
    ASSERT_TRUE(t.WaitFor("Postures that involve")) << t.out();
    t.Type("quit\r");
    EXPECT_EQ(t.Status(), 0) << t.out();
    EXPECT_EQ(t.out().find("\033[1m"), std::string::npos) << setting.first;
    EXPECT_EQ(t.out().find("\033[2m"), std::string::npos) << setting.first;
  }
}

TEST(PtyTest, AnUnwritableHistoryIsOneWarning) {
  std::string not_a_folder = TempDir() + "/file";
  std::ofstream(not_a_folder) << "x";
  Terminal t({}, {{"XDG_STATE_HOME", not_a_folder}});
  ASSERT_TRUE(t.WaitFor("backtalk> ")) << t.out();
  t.Type("hello\r");
  ASSERT_TRUE(t.WaitFor("Hello!")) << t.out();
  ASSERT_TRUE(t.WaitFor("backtalk> ")) << t.out();
  t.Type("thanks\r");
  ASSERT_TRUE(t.WaitFor("You're welcome.")) << t.out();
  t.Type("quit\r");
  EXPECT_EQ(t.Status(), 0) << t.out();
  size_t first = t.out().find("backtalk: cannot save history to " + not_a_folder);
  EXPECT_NE(first, std::string::npos) << t.out();
  EXPECT_EQ(t.out().find("cannot save history", first + 40), std::string::npos) << t.out();
}

TEST(PtyTest, StretchCommandIsGuidedAtATerminal) {
  Terminal t({"stretch", "seated-twist"}, {{"XDG_STATE_HOME", TempDir()}});
  ASSERT_TRUE(t.WaitFor("Step 1/6")) << t.out();
  ASSERT_TRUE(t.WaitFor("step 1/6> ")) << t.out();
  t.Type("s\r");
  ASSERT_TRUE(t.WaitFor("Step 2/6")) << t.out();
  ASSERT_TRUE(t.WaitFor("step 2/6> ")) << t.out();
  t.Type("q\r");
  ASSERT_TRUE(t.WaitFor("Stopped the seated twist at step 2/6 (0 done, 1 skipped).")) << t.out();
  EXPECT_EQ(t.Status(), 0) << t.out();
}

}  // namespace
}  // namespace backtalk::testing
