"""Derive graph/data/wordnet_senses.csv from WordNet 3.0 and the core senses of graph/data/wordnet_core.csv.

The trigger lexicon was written from the wording of the texts it was built on; reporting elsewhere uses other
words for the same acts ('excoriated', 'upbraided', 'ousted'). WordNet groups such words by sense, so from a
few hand-chosen senses per relation this script lists their synonyms, the nouns and verbs WordNet derives from
them, and the inflected forms of all of these. The extractor reads only the committed table: WordNet is never
needed at run time.

Run (WordNet 3.0 from the Debian package `wordnet-base`, files under /usr/share/wordnet):

    apt-get install wordnet-base
    python -m graph.data.derive_wordnet            # rewrites graph/data/wordnet_senses.csv
    python -m graph.data.derive_wordnet --check    # exit status 1 when the committed table differs

The WordNet database files are read directly (plain text, one synset a line); the output is sorted, so the same
database and core list always give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
COPYRIGHT = Path("/usr/share/doc/wordnet-base/copyright")
DATA = Path(__file__).resolve().parent
CORE = DATA / "wordnet_core.csv"
TABLE = DATA / "wordnet_senses.csv"
_POS = {"v": "verb", "n": "noun"}
#: Noun files of WordNet whose nouns name an act or a message ('condemnation', 'expulsion'); nouns of people
#: ('accuser', 'liberator') and of states or things do not name the act a trigger reads.
_NOUN_FILES = {"04", "10"}  # noun.act, noun.communication
_LEMMA = re.compile(r"[a-z]+(?:[-_][a-z]+)*")


@dataclass(frozen=True)
class Synset:
    """One line of a data.* file: its lexicographer file, its words and its derivation pointers."""

    lex_file: str
    words: tuple[str, ...]
    derived: tuple[tuple[str, str, int], ...]  #: (pos, offset, target word number) of '+' pointers


def _synset(pos: str, offset: str, root: Path = WORDNET) -> Synset:
    """Parse the synset at a byte offset of data.<pos> (the offset is the synset's address in WordNet)."""
    with open(root / f"data.{_POS[pos]}", encoding="latin-1") as handle:
        handle.seek(int(offset))
        fields = handle.readline().split("|", 1)[0].split()
    count = int(fields[3], 16)
    words = tuple(re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count))
    at = 4 + 2 * count
    derived = []
    for k in range(int(fields[at])):
        symbol, target, target_pos, source_target = fields[at + 1 + 4 * k: at + 5 + 4 * k]
        if symbol == "+" and target_pos in _POS:
            derived.append((target_pos, target, int(source_target[2:], 16)))
    return Synset(fields[1], words, tuple(derived))


def _sense_offset(lemma: str, pos: str, sense: int, root: Path = WORDNET) -> str:
    """The synset offset of a word's n-th sense, as index.<pos> orders the senses."""
    with open(root / f"index.{_POS[pos]}", encoding="latin-1") as handle:
        for line in handle:
            fields = line.split()
            if fields and fields[0] == lemma and not line.startswith(" "):
                count, pointers = int(fields[2]), int(fields[3])
                return fields[6 + pointers: 6 + pointers + count][sense - 1]
    raise KeyError(f"{lemma}/{pos} is not in WordNet")


def _exceptions(pos: str, root: Path = WORDNET) -> dict[str, list[str]]:
    """Irregular and consonant-doubling forms of each base word (verb.exc: 'expelled expel', 'threw throw')."""
    forms: dict[str, list[str]] = {}
    with open(root / f"{_POS[pos]}.exc", encoding="latin-1") as handle:
        for line in handle:
            inflected, *bases = line.split()
            for base in bases:
                forms.setdefault(base, []).append(inflected)
    return forms


def _verb_forms(verb: str, irregular: dict[str, list[str]]) -> set[str]:
    """A verb's base, -s, past and -ing forms: WordNet's exception list where it has them, else regular rules."""
    forms = {verb}
    special = irregular.get(verb, [])
    forms.update(special)
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(verb + "es")
    elif re.search(r"[^aeiou]y$", verb):
        forms.add(verb[:-1] + "ies")
    elif not any(form.endswith("s") for form in special):  # ('has')
        forms.add(verb + "s")
    if not any(form.endswith("ed") or not form.endswith("ing") and form != verb for form in special):
        if re.fullmatch(r"[^aeiou]+[aeiou]t", verb):
            pass  # ('set', 'let': the past is the base)
        elif verb.endswith("e"):
            forms.add(verb + "d")
        elif re.search(r"[^aeiou]y$", verb):
            forms.add(verb[:-1] + "ied")
        else:
            forms.add(verb + "ed")
    if not any(form.endswith("ing") for form in special):
        if verb.endswith("ie"):
            forms.add(verb[:-2] + "ying")
        elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
            forms.add(verb[:-1] + "ing")
        else:
            forms.add(verb + "ing")
    return forms


def _noun_forms(noun: str, irregular: dict[str, list[str]]) -> set[str]:
    """A noun's singular and plural."""
    if noun in irregular:
        return {noun, *irregular[noun]}
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return {noun, noun + "es"}
    if re.search(r"[^aeiou]y$", noun):
        return {noun, noun[:-1] + "ies"}
    return {noun, noun + "s"}


def _inflect(lemma: str, pos: str, irregular: dict[str, dict[str, list[str]]]) -> set[str]:
    """Inflected forms of a lemma; a phrase ('kick_out') inflects its first word and keeps its spaces."""
    head, *rest = lemma.split("_")
    inflect = _verb_forms if pos == "v" else _noun_forms
    tail = "".join(" " + word for word in rest)
    return {form + tail for form in inflect(head, irregular[pos])}


Rows = list[dict[str, str]]


def core_senses(path: Path = CORE) -> tuple[Rows, dict[tuple[str, str, bool], str], Rows]:
    """The sense rows of the core list, the stoplist ((word, pos, whether only that form) -> reason) and the
    extra forms (a regular form WordNet's exception list leaves out: 'pleaded' beside 'pled')."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#") and line.strip()))
    senses = [row for row in rows if row["kind"] == "sense"]
    stop = {(row["word"], row["pos"], row["kind"] == "stopform"): row["note"] for row in rows
            if row["kind"] in ("stop", "stopform")}
    forms = [row for row in rows if row["kind"] == "form"]
    return senses, stop, forms


def derive(root: Path = WORDNET, core: Path = CORE) -> list[tuple[str, str, str, str]]:
    """(class, word, pos, source) rows: every inflected synonym and derived word of the core senses, sorted.

    Verbs go to WN_<class>, nouns to WN_<class>_NOUN; a word the stoplist names (in any inflection of its lemma)
    is left out, and so is a form the stoplist names on its own. The source names the core sense the word came
    from ('condemn.v.1').
    """
    senses, stop, forms = core_senses(core)
    irregular = {pos: _exceptions(pos, root) for pos in _POS}
    rows: set[tuple[str, str, str, str]] = set()
    for sense in senses:
        pos, source = sense["pos"], f"{sense['word']}.{sense['pos']}.{sense['sense']}"
        synset = _synset(pos, _sense_offset(sense["word"], pos, int(sense["sense"]), root), root)
        lemmas = {(word, pos) for word in synset.words}
        for target_pos, offset, number in synset.derived:
            target = _synset(target_pos, offset, root)
            if target_pos == "v" or target.lex_file in _NOUN_FILES:
                lemmas.add((target.words[number - 1], target_pos))
        for lemma, lemma_pos in lemmas:
            if not _LEMMA.fullmatch(lemma) or (lemma.replace("_", " "), lemma_pos, False) in stop:
                continue
            name = "WN_" + sense["class"] + ("_NOUN" if lemma_pos == "n" else "")
            for form in _inflect(lemma, lemma_pos, irregular):
                # (a form may be stopped alone: the verb 'reprimand' is a noun too)
                if (form, lemma_pos, True) not in stop:
                    rows.add((name, form, lemma_pos, source))
    for row in forms:
        name = "WN_" + row["class"] + ("_NOUN" if row["pos"] == "n" else "")
        rows.add((name, row["word"], row["pos"], "wordnet_core.csv"))
    kept: dict[tuple[str, str, str], str] = {}
    for name, form, lemma_pos, source in sorted(rows):
        kept.setdefault((name, form, lemma_pos), source)  # one row per word, from its first source
    return [(name, form, lemma_pos, source) for (name, form, lemma_pos), source in sorted(kept.items())]


def licence(copyright_file: Path = COPYRIGHT) -> list[str]:
    """The WordNet 3.0 licence notice, as the Debian package states it."""
    lines, inside = [], False
    for line in copyright_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("License: WordNet3.0"):
            inside = True
            continue
        if inside:
            if not line.strip():
                break
            lines.append("" if line.strip() == "." else line.strip())
    return lines


def render(rows: list[tuple[str, str, str, str]], notice: list[str]) -> str:
    """The table's text: the licence as comment lines, then the header and the rows."""
    out = io.StringIO()
    out.write("# Derived from WordNet 3.0 by graph/data/derive_wordnet.py from the senses of wordnet_core.csv;\n")
    out.write("# do not edit by hand. WordNet's licence:\n")
    for line in notice:
        out.write(("# " + line).rstrip() + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["class", "word", "pos", "source"])
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write the table, or with --check report whether the committed one is what WordNet gives."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed table, write nothing")
    args = parser.parse_args(argv)
    text = render(derive(), licence())
    if args.check:
        same = TABLE.exists() and TABLE.read_text(encoding="utf-8") == text
        print("wordnet_senses.csv is up to date" if same else "wordnet_senses.csv differs from WordNet's derivation")
        return 0 if same else 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
