#!/usr/bin/env python3
"""Compiles the English lexicon into a C++ source: the words in common use (hunspell's
dictionaries, en_US and the medical one, expanded to every word form, kept where WordNet has
the form's base), WordNet's irregular forms (lemmas), WordNet's synonyms and the adjective each adverb in -ly
comes from. Each is one sorted text of lines, searched in place by binary search, so the
program loads nothing at start-up and touches only the pages a look-up reads.

Usage: lexicon.py OUTPUT.cc
Needs Debian's hunspell-en-us, hunspell-en-med, hunspell-tools (unmunch) and wordnet-base.
"""
import os
import re
import subprocess
import sys

HUNSPELL = "/usr/share/hunspell"
WORDNET = "/usr/share/wordnet"
WORD = re.compile(r"^[a-z]+$")
# Synonyms come from a word's senses that a tagged corpus saw (WordNet's cntlist.rev), the
# first two of each part of speech at most: the rarer senses of everyday words ("stiff" as a
# corpse) would link questions that share nothing.
SENSES = 2
POS_DIGIT = {"noun": "1", "verb": "2", "adj": "3", "adv": "4"}
MAX_SYNONYMS = 12


def unmunch(dic):
    out = subprocess.run(["unmunch", dic, os.path.join(HUNSPELL, "en_US.aff")],
                         check=True, capture_output=True).stdout
    return out.decode("utf-8", "replace").split("\n")


def english_words():
    words = set()
    for dic in ("en_US.dic", "en_med_glut.dic"):
        for line in unmunch(os.path.join(HUNSPELL, dic)):
            w = line.strip().lower()
            if w.endswith("'s"):
                w = w[:-2]
            if WORD.match(w):
                words.add(w)
    return words


def lemmas():
    forms = {}
    for pos in ("verb", "noun", "adj", "adv"):
        with open(os.path.join(WORDNET, pos + ".exc")) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and WORD.match(parts[0]) and WORD.match(parts[1]):
                    forms.setdefault(parts[0], parts[1])
    return forms


def sense_counts():
    counts = {}
    with open(os.path.join(WORDNET, "cntlist.rev")) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3:
                continue
            lemma, rest = parts[0].split("%", 1)
            digit = "3" if rest[0] == "5" else rest[0]
            counts[(lemma, digit, int(parts[1]))] = int(parts[2])
    return counts


def synsets(pos):
    """WordNet's synsets of a part of speech, from its data file: (offset, words, pointers),
    the words lowercased and without an adjective's marker ("(a)"), each pointer
    (symbol, offset, pos, source/target)."""
    with open(os.path.join(WORDNET, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" ")
            count = int(fields[3], 16)
            words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i].lower()) for i in range(count)]
            at = 4 + 2 * count
            pointers = [tuple(fields[at + 1 + 4 * k:at + 5 + 4 * k])
                        for k in range(int(fields[at]))]
            yield fields[0], words, pointers


def synonyms(english):
    counts = sense_counts()
    data = {}
    for pos in ("noun", "verb", "adj", "adv"):
        for offset, words, _ in synsets(pos):
            data[(pos, offset)] = [w for w in words if WORD.match(w)]
    table = {}
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WORDNET, "index." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                lemma = fields[0]
                if not WORD.match(lemma) or lemma not in english:
                    continue
                synset_count = int(fields[2])
                offsets = fields[-synset_count:][:SENSES]
                syns = table.setdefault(lemma, [])
                for sense, off in enumerate(offsets, 1):
                    if counts.get((lemma, POS_DIGIT[pos], sense), 0) < 2:
                        continue
                    for w in data.get((pos, off), []):
                        if w != lemma and w in english and w not in syns:
                            syns.append(w)
    return {w: s[:MAX_SYNONYMS] for w, s in table.items() if s}


def adverb_adjectives(english):
    """Adverbs in -ly and the adjective WordNet derives each from ("slowly" -> "slow")."""
    adjectives = {offset: words for offset, words, _ in synsets("adj")}
    out = {}
    for _, words, pointers in synsets("adv"):
        for symbol, offset, pos, link in pointers:
            if symbol != "\\" or pos not in ("a", "s"):
                continue
            source, target = int(link[:2], 16), int(link[2:], 16)
            targets = adjectives.get(offset, [])
            if source == 0 or target == 0 or target > len(targets):
                continue
            adverb, adjective = words[source - 1], targets[target - 1]
            if (adverb.endswith("ly") and WORD.match(adverb) and WORD.match(adjective) and
                    adverb in english and adjective in english and adverb not in out):
                out[adverb] = adjective
    return out


def wordnet_lemmas():
    words = set()
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WORDNET, "index." + pos), encoding="latin-1") as f:
            for line in f:
                if not line.startswith("  "):
                    lemma = line.split(" ", 1)[0]
                    if WORD.match(lemma):
                        words.add(lemma)
    return words


def bucket(key):
    """Lines are found by their key's first two letters first: 26 * 27 buckets."""
    second = ord(key[1]) - ord("a") + 1 if len(key) > 1 else 0
    return (ord(key[0]) - ord("a")) * 27 + second


# WordNet's morphy: the regular endings, each replaced by what it may stand for.
ENDINGS = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
           ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
           ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"), ("ied", "y"),
           ("ier", "y"), ("iest", "y"), ("ly", ""), ("ily", "y")]


def common_words(english, base, forms):
    """The English word forms in common use: hunspell's forms whose base form WordNet has,
    directly, as an irregular form, or through a regular ending ("stopped" -> "stop")."""
    def common(w):
        if w in base or w in forms:
            return True
        for ending, replacement in ENDINGS:
            if len(w) > len(ending) + 1 and w.endswith(ending):
                stem = w[:-len(ending)] + replacement
                if stem in base:
                    return True
                if not replacement and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in base:
                    return True
        return False
    return sorted(w for w in english if common(w))


def literal(name, lines):
    """The sorted lines as one text, where each line starts (kNameLines), and which lines each
    bucket holds (kNameIndex[b] up to kNameIndex[b + 1], indices into kNameLines)."""
    text = "".join(line + "\n" for line in lines)
    chunks = [text[i:i + 30000] for i in range(0, len(text), 30000)]
    body = "\n".join('  R"lex(' + c + ')lex"' for c in chunks)
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    index = [0] * (26 * 27 + 1)
    for line in lines:
        index[bucket(line.split(" ", 1)[0]) + 1] += 1
    for b in range(26 * 27):
        index[b + 1] += index[b]
    return ("extern const char %s[] =\n%s;\n"
            "extern const unsigned %sLines[] = {%s};\n"
            "extern const unsigned %sCount = %d;\n"
            "extern const unsigned %sIndex[] = {%s};\n" %
            (name, body, name, ",".join(map(str, starts)), name, len(lines), name,
             ",".join(map(str, index))))


def main():
    english = english_words()
    forms = lemmas()
    syns = synonyms(english)
    out = ["// Generated by scripts/lexicon.py from hunspell's and WordNet's data; do not edit.",
           "#include <cstddef>", "namespace backtalk::lexicon_data {"]
    out.append(literal("kCommon", common_words(english, wordnet_lemmas() & english, forms)))
    out.append(literal("kLemmas", ["%s %s" % (f, forms[f]) for f in sorted(forms)]))
    out.append(literal("kSynonyms", ["%s %s" % (w, " ".join(syns[w])) for w in sorted(syns)]))
    adverbs = adverb_adjectives(english)
    out.append(literal("kAdverbs", ["%s %s" % (w, adverbs[w]) for w in sorted(adverbs)]))
    out.append("}  // namespace backtalk::lexicon_data")
    tmp = sys.argv[1] + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(out) + "\n")
    os.replace(tmp, sys.argv[1])


if __name__ == "__main__":
    main()
