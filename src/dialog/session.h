// Session: one conversation, as a state machine over input lines.
//
// A line is read as a command before the Engine is asked anything, so a command never costs a
// match and is never read as a question. Idle: a line is a command (help, topics, stretch,
// quit), a number picking one of the last suggestions, a yes or no with nothing on offer, or
// else a question for the Engine; an answer with a related sequence makes an offer. Offered:
// yes starts the sequence, no declines, anything else is handled as if idle (the offer lapses).
// In a sequence (guided mode only): Enter, s, r and q drive the Player; then a warning sign
// stops it with the Engine's notice, words of pain stop it at once, "how long left?" is
// answered from the remaining holds, a command or a number is handled as if idle, and any
// other question is answered while the sequence waits at the same step. docs/design.md has
// the whole order.
//
// The session has no terminal I/O of its own: it writes to an injected Screen (plain text, or
// one JSON object per line) and plays steps through an injected Player, so a whole
// conversation is a unit test. Not thread-safe; one session per conversation.
#ifndef BACKTALK_DIALOG_SESSION_H_
#define BACKTALK_DIALOG_SESSION_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coach/player.h"
#include "engine/engine.h"
#include "term/screen.h"

namespace backtalk {

class Session {
 public:
  enum class State { kIdle, kOffered, kInSequence };

  // With `json`, every non-blank line gives exactly one JSON object and sequences are never
  // guided.
  // REQUIRES: `engine`, `player` and `screen` are not null and outlive the session.
  Session(const Engine* engine, Player* player, Screen* screen, bool json = false);

  // Handles one input line. Returns false when the person asked to leave (quit, exit).
  bool Handle(std::string_view line);
  // Starts `sequence` at once, as `stretch NAME` does.
  void Start(const Sequence& sequence);
  // Ctrl-C at the prompt: stops a running sequence and withdraws an offer.
  void Interrupt();
  // End of input: stops a running sequence cleanly.
  void End();

  // The one line said at the start of a conversation at a terminal.
  std::string Welcome() const;
  // The prompt for the next line: "backtalk> ", "[y/n]> ", "step 2/6> ".
  std::string Prompt() const;

  State state() const { return state_; }
  const Sequence* offer() const { return offer_; }
  const SequenceRun* run() const { return run_ ? &*run_ : nullptr; }

  // What the session remembers between lines. A server that keeps no sessions hands it to the
  // client with each answer (see server/state_token.h) and restores it from the next request.
  struct Memory {
    State state = State::kIdle;
    const Sequence* offer = nullptr;     // with kOffered
    std::optional<SequenceRun> run;      // with kInSequence
    std::vector<const Intent*> choices;  // the numbered suggestions a number picks from
  };
  Memory Remember() const;
  // Continues from `memory`.
  // REQUIRES: its pointers are into this session's knowledge; an offer with kOffered, a run
  // that is not finished with kInSequence (server/state_token.cc checks a token for both).
  void Restore(const Memory& memory);

 private:
  // A line as the session reads it before asking the Engine anything.
  struct Line {
    std::string input;  // cleaned as the Engine cleans it (see CleanText)
    std::string words;  // Engine::Words of it: "let us go", "stretch seated twist"
    bool blank = false;
  };
  enum class Command { kNone, kDone, kStarted, kQuit };

  // The passes of Handle, in order; each returns whether the line was its.
  bool HandleOfferReply(const Line& line);
  Command HandleCommand(const Line& line);
  bool HandleChoice(const Line& line, bool offer);
  bool HandleInSequence(const Line& line);
  bool HandleStepKey(const Line& line);
  void Answer(const Reply& reply, bool offer);
  // Says `text` in reply to `line`: as it is, or as the JSON line with `text` as its reply.
  void Tell(const Line& line, const std::string& text);
  void StartSequence(const std::string& input, const Sequence* sequence);
  // Plays steps until one waits for the person or the sequence ends.
  void Continue();
  void Stop(const std::string& why);
  void Finish();
  std::string RemainingText() const;
  std::string ListText() const;
  const Sequence* FindSequenceByName(const std::string& words) const;
  // Writes a turn's text, after a blank line when something was said before.
  void Say(const std::string& text);

  const Engine* engine_;
  Player* player_;
  Screen* screen_;
  bool json_;
  bool said_ = false;
  State state_ = State::kIdle;
  const Sequence* offer_ = nullptr;
  std::optional<SequenceRun> run_;
  std::vector<const Intent*> choices_;  // the last numbered suggestions
};

}  // namespace backtalk

#endif  // BACKTALK_DIALOG_SESSION_H_
