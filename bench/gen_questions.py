#!/usr/bin/env python3
"""Writes N questions, one a line, for whole-process measurements of backtalk with its built-in
knowledge: paraphrases of the document's questions in casual wording, the same with typos, and
questions it must not answer (other body parts, other topics). Generated from templates, so the
figures do not depend on any labelled set. Deterministic for a given --seed.

  bench/gen_questions.py --count 100000 > build-bench/questions.txt
"""
import argparse
import random

OPENERS = ["", "", "", "hey ", "so ", "quick question, ", "i was wondering ", "please tell me "]
PARAPHRASES = [
    "how do i stretch my {upper} {middle} back",
    "how should i stretch the {upper} {middle} back",
    "{upper} {middle} back stretches",
    "why does my {middle} and {upper} back {hurt}",
    "what causes {middle} back {pain}",
    "why is my {middle} back so {tight}",
    "why does my {middle} back feel {tight}",
    "how can i relax my {middle} back muscles",
    "relax {middle} back muscles",
    "how do i release tension in my back",
    "how to get rid of back tension",
    "best exercises for {upper} back",
    "what are good exercises for my {middle} back",
    "which exercises help {middle} back {pain}",
    "how do you stretch your {middle} back",
    "stretches for a {tight} {middle} back",
]
WORDS = {
    "upper": ["upper", "top", "higher"],
    "middle": ["middle", "mid", "center"],
    "hurt": ["hurt", "ache", "feel sore"],
    "pain": ["pain", "soreness", "ache"],
    "tight": ["tight", "stiff", "tense"],
}
OUT_OF_SCOPE = [
    "how do i fix my lower back pain", "my knee hurts when i run", "best stretch for a stiff neck",
    "what is the capital of france", "can you recommend a good pillow", "is coffee bad for you",
    "how do i treat a headache", "what should i eat before a workout", "tell me a joke",
    "why do my hips ache after sitting", "how long does a sprained ankle take to heal",
    "what time is it in tokyo", "how do i get rid of a sore throat",
]


def typo(rng, line):
    words = line.split()
    candidates = [i for i, w in enumerate(words) if len(w) >= 5]
    if not candidates:
        return line
    i = rng.choice(candidates)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    kind = rng.choice(["drop", "swap", "double", "replace"])
    if kind == "drop":
        w = w[:j] + w[j + 1:]
    elif kind == "swap":
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif kind == "double":
        w = w[:j] + w[j] + w[j:]
    else:
        w = w[:j] + rng.choice("aeiou") + w[j + 1:]
    words[i] = w
    return " ".join(words)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--count", type=int, default=100000)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    rng = random.Random(args.seed)
    out = []
    for k in range(args.count):
        kind = k % 10
        if kind < 4:  # paraphrase
            line = rng.choice(PARAPHRASES).format(**{w: rng.choice(v) for w, v in WORDS.items()})
        elif kind < 7:  # paraphrase with a typo
            line = typo(rng, rng.choice(PARAPHRASES).format(
                **{w: rng.choice(v) for w, v in WORDS.items()}))
        else:  # out of scope
            line = rng.choice(OUT_OF_SCOPE)
        line = rng.choice(OPENERS) + line + rng.choice(["", "", "?", "?", "!"])
        out.append(line)
    print("\n".join(out))


if __name__ == "__main__":
    main()
