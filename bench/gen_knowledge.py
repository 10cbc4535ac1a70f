#!/usr/bin/env python3
"""Generates a synthetic knowledge file (backtalk's knowledge format) with N intents, and a file
of questions for it, to measure how load time and time per question grow with the knowledge.

  bench/gen_knowledge.py --intents 10000 --out build-bench/kb-10000.json \
      --questions build-bench/q-10000.txt

The vocabulary is made of pronounceable made-up words (so the stemmer and the speller work on
them as on real ones), drawn with a Zipf-like skew, about two words per intent: a large FAQ has
a large vocabulary and a few very common words. One intent in ten has an RE2 pattern, one in
three offers a stretch sequence. The questions are paraphrases of generated questions (reordered,
with filler), the same with a typo, and out-of-scope questions in common words. Deterministic
for a given --seed.
"""
import argparse
import itertools
import json
import random

ONSETS = ["b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m",
          "n", "p", "pl", "pr", "qu", "r", "s", "sh", "sl", "sp", "st", "t", "th", "tr", "v", "w"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "oo", "io"]
CODAS = ["", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "ng", "ck", "sh"]
SUFFIXES = ["", "", "", "s", "ing", "ed", "er", "ness", "ful", "ly"]

QUESTION_FORMS = [
    "How do I {v} my {a} {b}?",
    "Why is my {a} {b} so {c}?",
    "What are the best {a} {b} for {c}?",
    "How do you {v} a {a} {b}?",
    "Can I {v} the {a} {b} with {c}?",
    "When should I {v} my {a} {b}?",
]
VERBS = ["fix", "clean", "stretch", "replace", "check", "store", "move", "warm", "test", "treat"]
FILLER = ["please tell me", "i wonder", "quick question", "so", "basically", "hey"]
OUT_OF_SCOPE = [
    "what time is the train to london", "who won the football game last night",
    "how do i bake bread at home", "recommend a good film for tonight",
    "what is the capital of france", "how much does a new car cost",
    "is it going to rain tomorrow", "tell me a joke about cats",
]


def make_word(rng, used):
    while True:
        syllables = rng.choice([1, 2, 2, 2, 3])
        w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                    for _ in range(syllables))
        w += rng.choice(SUFFIXES)
        if 4 <= len(w) <= 14 and w not in used:
            used.add(w)
            return w


def typo(rng, word):
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "swap", "double"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--intents", type=int, required=True)
    p.add_argument("--out", required=True, help="knowledge file to write")
    p.add_argument("--questions", help="questions file to write (one a line)")
    p.add_argument("--count", type=int, default=3000, help="how many questions")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    rng = random.Random(args.seed)
    n = args.intents

    used = set()
    vocab = [make_word(rng, used) for _ in range(500 + 2 * n)]
    # Zipf-like, flattened at the top; cumulative so that each draw is a binary search.
    cumulative = list(itertools.accumulate(1.0 / (r + 10) for r in range(len(vocab))))

    def words(k):
        out = []
        while len(out) < k:
            w = rng.choices(vocab, cum_weights=cumulative)[0]
            if w not in out:
                out.append(w)
        return out

    sequences = []
    for s in range(min(20, max(1, n // 3))):
        sequences.append({
            "id": f"seq-{s}", "name": f"the {' '.join(words(2))}",
            "intro": " ".join(words(8)).capitalize() + ".",
            "steps": [{"text": " ".join(words(10)).capitalize() + ".", "hold_seconds": 5},
                      {"text": " ".join(words(8)).capitalize() + ".", "hold_seconds": [15, 30]},
                      {"text": " ".join(words(6)).capitalize() + ".", "hold_breaths": 2}],
        })

    intents, questions = [], []
    for i in range(n):
        a, b, c = words(3)
        v = rng.choice(VERBS)
        form = rng.choice(QUESTION_FORMS)
        question = form.format(v=v, a=a, b=b, c=c)
        content = [a, b] + ([c] if "{c}" in form else [])
        answer_words = words(rng.randint(30, 60))
        answer = " ".join(answer_words).capitalize() + "."
        intent = {
            "id": f"intent-{i}",
            "question": question,
            "answer": answer,
            "keywords": {w: round(rng.uniform(0.6, 1.5), 2) for w in content},
            "related": {w: round(rng.uniform(0.3, 0.8), 2) for w in answer_words[:5]
                        if w not in content},
        }
        if i % 10 == 0:
            intent["patterns"] = [f"\\b{a}\\b.*\\b{b}\\b"]
        if i % 3 == 0 and sequences:
            intent["sequence"] = sequences[i % len(sequences)]["id"]
        intents.append(intent)

        if args.questions and len(questions) < args.count:
            shuffled = content[:]
            rng.shuffle(shuffled)
            filler = rng.choice(FILLER)
            paraphrase = f"{filler} {v} {' '.join(shuffled)}"
            questions.append(paraphrase)
            questions.append(" ".join(typo(rng, w) for w in paraphrase.split()))
            questions.append(rng.choice(OUT_OF_SCOPE))

    synonyms = {}
    for _ in range(min(50, n)):
        frm, to = make_word(rng, used), rng.choice(vocab)
        synonyms[frm] = to
    knowledge = {
        "format": "backtalk-knowledge/1",
        "document": f"synthetic-{n}.txt",
        "disclaimer": "Synthetic knowledge for measuring.",
        "settings": {"threshold": 0.5, "margin": 0.08, "suggest_floor": 0.3},
        "synonyms": synonyms,
        "covered": words(5),
        "uncovered": ["lower back", "knee", "neck"],
        "intents": intents,
        "sequences": sequences,
        "safety": [{"id": "numbness", "urgent": False,
                    "patterns": ["\\b(numb|numbness|tingl\\w*)\\b"],
                    "notice": "Please see a doctor."}],
        "small_talk": [{"id": "greeting", "patterns": ["(hi|hello|hey)( there)?"],
                        "reply": "Hello!"}],
    }
    with open(args.out, "w") as f:
        json.dump(knowledge, f, indent=1)
    if args.questions:
        # Cycle to the requested count when the knowledge is small.
        base = questions or OUT_OF_SCOPE
        with open(args.questions, "w") as f:
            for k in range(args.count):
                f.write(base[k % len(base)] + "\n")


if __name__ == "__main__":
    main()
