// The conversation loop over a scripted reader: prompts follow the session's state, quit and
// end of input stop it, Ctrl-C stops a sequence and the loop goes on.
#include "dialog/conversation.h"

#include <gtest/gtest.h>

#include "support/builtin.h"
#include "term/fakes.h"

namespace backtalk::testing {
namespace {

const Engine& BuiltIn() { return BuiltinEngine(); }

class ConversationTest : public ::testing::Test {
 protected:
  FakeClock clock_;
  FakeScreen screen_{&clock_};
  Player player_{&clock_, &screen_, Player::Mode::kGuided};
  Session session_{&BuiltIn(), &player_, &screen_};
};

TEST_F(ConversationTest, PromptsFollowTheStateAndQuitEnds) {
  ScriptedReader reader({"how do I relax my mid-back muscles?", "yes", "", "quit", "never read"});
  Converse(&reader, &session_, &screen_);
  EXPECT_EQ(reader.prompts(),
            (std::vector<std::string>{"backtalk> ", "[y/n]> ", "step 1/6> ", "step 2/6> "}));
  EXPECT_NE(screen_.text().find("Stopped the seated twist at step 2/6"), std::string::npos);
  EXPECT_NE(screen_.text().find("Take care of your back!"), std::string::npos);
}

TEST_F(ConversationTest, CtrlCStopsTheSequenceAndTheConversationGoesOn) {
  ScriptedReader reader({"stretch seated-twist", ScriptedReader::kInterruptLine, "hello"});
  Converse(&reader, &session_, &screen_);
  EXPECT_EQ(reader.prompts(),
            (std::vector<std::string>{"backtalk> ", "step 1/6> ", "backtalk> ", "backtalk> "}));
  EXPECT_NE(screen_.text().find("Stopped the seated twist at step 1/6"), std::string::npos);
  EXPECT_NE(screen_.text().find("Hello!"), std::string::npos);
}

TEST_F(ConversationTest, EndOfInputInTheMiddleOfASequenceEndsItCleanly) {
  ScriptedReader reader({"stretch seated-twist", ""});
  Converse(&reader, &session_, &screen_);
  EXPECT_EQ(session_.state(), Session::State::kIdle);
  const std::string end = "Stopped the seated twist at step 2/6 (1 done).\n";
  const std::string& text = screen_.text();
  ASSERT_GE(text.size(), end.size());
  EXPECT_EQ(text.substr(text.size() - end.size()), end);
}

TEST_F(ConversationTest, UntilTheSequenceEndsStopsReadingAfterIt) {
  session_.Start(*BuiltIn().knowledge().FindSequence("prone-elbow-prop"));
  ScriptedReader reader({"", "", "", "", "not read"});
  Converse(&reader, &session_, &screen_, ConverseUntil::kSequenceEnds);
  EXPECT_EQ(reader.prompts().size(), 4u);
  EXPECT_NE(screen_.text().find("Well done! You finished the prone elbow prop: 4 of 4"),
            std::string::npos)
      << screen_.text();
}

}  // namespace
}  // namespace backtalk::testing
