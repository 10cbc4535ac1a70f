// Session::Remember and Restore: a conversation moved to a new Session between any two lines
// goes on exactly as if it had stayed, which is what the server does at every request.
#include <gtest/gtest.h>

#include "dialog/session.h"
#include "support/builtin.h"
#include "term/fakes.h"

namespace backtalk::testing {
namespace {

// Says each line to a Session that lives for that line only, carrying only its memory.
std::string Moving(Player::Mode mode, const std::vector<std::string>& lines) {
  FakeClock clock;
  FakeScreen screen(&clock);
  Player player(&clock, &screen, mode);
  Session::Memory memory;
  for (const std::string& line : lines) {
    Session session(&BuiltinEngine(), &player, &screen);
    session.Restore(memory);
    session.Handle(line);
    memory = session.Remember();
    screen.Print("|");
  }
  return screen.Take();
}

// The same lines to one Session.
std::string Staying(Player::Mode mode, const std::vector<std::string>& lines) {
  FakeClock clock;
  FakeScreen screen(&clock);
  Player player(&clock, &screen, mode);
  Session session(&BuiltinEngine(), &player, &screen);
  for (const std::string& line : lines) {
    session.Handle(line);
    screen.Print("|");
  }
  return screen.Take();
}

// A new session has said nothing yet, so only the blank line before a turn may differ.
std::string WithoutBlankLines(std::string s) {
  for (size_t i; (i = s.find("\n\n")) != std::string::npos;) s.erase(i, 1);
  for (size_t i; (i = s.find("|\n")) != std::string::npos;) s.erase(i + 1, 1);
  return s;
}

TEST(SessionMemoryTest, AConversationMovedBetweenSessionsGoesOnTheSame) {
  const std::vector<std::string> lines = {"best exercises",
                                          "2",
                                          "why is my mid back so stiff?",
                                          "yes",
                                          "",
                                          "skip",
                                          "r",
                                          "how long left?",
                                          "how do i relax my mid back",
                                          "next",
                                          "n",
                                          "next",
                                          "topics",
                                          "3",
                                          "no",
                                          "stretch seated twist",
                                          "ouch",
                                          "stretch 1",
                                          "q"};
  for (Player::Mode mode : {Player::Mode::kStepwise, Player::Mode::kGuided}) {
    std::string moving = Moving(mode, lines);
    EXPECT_EQ(WithoutBlankLines(moving), WithoutBlankLines(Staying(mode, lines)));
    EXPECT_NE(moving.find("Step 3/5 (right side)"), std::string::npos) << moving;
  }
}

TEST(SessionMemoryTest, RememberTellsTheState) {
  FakeClock clock;
  FakeScreen screen(&clock);
  Player player(&clock, &screen, Player::Mode::kStepwise);
  Session session(&BuiltinEngine(), &player, &screen);
  session.Handle("why is my mid back so stiff?");
  Session::Memory m = session.Remember();
  EXPECT_EQ(m.state, Session::State::kOffered);
  ASSERT_NE(m.offer, nullptr);
  EXPECT_EQ(m.offer->id, "posture-reset");
  session.Handle("yes");
  m = session.Remember();
  EXPECT_EQ(m.state, Session::State::kInSequence);
  ASSERT_TRUE(m.run.has_value());
  EXPECT_EQ(m.run->step, 0u);
  session.Handle("topics");
  EXPECT_EQ(session.Remember().choices.size(), 9u);
}

}  // namespace
}  // namespace backtalk::testing
