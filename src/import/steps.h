// Drafting a stretch (or any step-by-step) sequence from an FAQ answer that reads as steps.
//
// An answer reads as steps when most of its sentences are instructions: they start with a verb
// in the imperative ("Raise your upper body...", "Gently twist...", "Water the soil..."). Each
// instruction becomes a step; a sentence that only describes ("You should feel a stretch.")
// stays with the step before it. Durations become holds: "Hold for 5 seconds" holds the step
// before it for 5 seconds, "Hold for 2 breaths" for two breaths, "(15 to 30 seconds)" is a
// range; "Repeat 10 times" repeats the step before it.
#ifndef BACKTALK_IMPORT_STEPS_H_
#define BACKTALK_IMPORT_STEPS_H_

#include <string>
#include <string_view>
#include <vector>

#include "import/document.h"
#include "knowledge/knowledge.h"

namespace backtalk {

// The sentences of a paragraph: split after . ! or ? when a capital letter follows.
std::vector<std::string> SplitSentences(std::string_view text);

// True when `sentence` is an instruction: its first word (after "then", "gently", ...) is a
// verb in the imperative.
bool IsInstruction(std::string_view sentence);

// A duration in `text`: "5 seconds", "two breaths", "15 to 30 seconds", "1 minute". Fills
// the step's hold fields and returns true when one is found.
bool ParseHold(std::string_view text, Step* step);

// Drafts a sequence with id `id` from `entry`'s answer; false when the answer does not read as
// steps (fewer than two instructions, or instructions are not most of its sentences).
bool DraftSequence(const FaqEntry& entry, const std::string& id, Sequence* out);

}  // namespace backtalk

#endif  // BACKTALK_IMPORT_STEPS_H_
