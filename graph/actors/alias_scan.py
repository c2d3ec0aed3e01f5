"""The scan for known names: the aliases a text holds, and those that are part of something else.

`_alias_matches` gives the knowledge base's names in text order, each demonym of a hyphenated pair ('a
Chilean-Peruvian plan') on its own, over the text with a lower-case slip of a country's name raised
(`_lower_names_raised`: 'Chile ... chile's port'). The finder skips a match these tests read as no actor: a short
form glued to a longer name ('New Jersey', unless a title or an envoy's post owns it: 'PNG Defence Minister'),
a capital before an Arabic family name, 'One' before a country ('the One China policy'), an abbreviation a
country's short form also is (acronyms.csv: 'declared two envoys PNG'); and it extends a known person's name by
an Arabic family name or a given name written after the family name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from heapq import merge

from graph.actors.knowledge import KnowledgeBase, read_data, trie_pattern, word_classes, word_lists, word_pattern
from graph.actors.patterns import NOT_NAME

#: 'One' right before a country's name, perhaps after a quotation mark: "the 'One China' policy"
_ONE_BEFORE = re.compile(r"(?<![\w-])['‘\"“]?(?:One[\s-]|one-)$")

#: `_lower_name_scan` of each knowledge base, by its identity (a knowledge base is not hashable)
_LOWER_NAMES: dict[int, tuple[KnowledgeBase, re.Pattern[str]]] = {}


def _lower_name_scan(kb: KnowledgeBase) -> re.Pattern[str]:
    """One-word country names in lower case ('israel'), but for those that are common words (COMMON_WORD_NAMES),
    each as a whole run of lower-case letters ('condemned israel's attack', not 'israeli'). One trie of the names:
    a scan of every run of four letters or more, each then looked up in Python, took a third longer."""
    known = _LOWER_NAMES.get(id(kb))
    if known is not None and known[0] is kb:
        return known[1]
    common = set(word_lists()["COMMON_WORD_NAMES"])
    names = sorted({surface.lower() for surface, alias in kb.aliases.items()
                    if alias.type == "country" and alias.kind == "name" and re.fullmatch(r"[A-Z][a-z]{3,}", surface)
                    and surface.lower() not in common})
    # (a name is letters a-z only: not after a word character or a joiner, not before a word character, so the
    # match is the whole run of lower-case letters, as a scan of runs then a look-up of each finds it)
    scan = re.compile(r"(?<![\w'’.@/-])" + trie_pattern(names) + r"(?![\w@/-])" if names else r"(?!)")
    _LOWER_NAMES[id(kb)] = (kb, scan)
    return scan


def _lower_names_raised(text: str, kb: KnowledgeBase) -> str:
    """The text with a country's name written in lower case given its capital letter, where the same document
    also writes it capitalised ('Israel's offensive ... israel's use of starvation'): a slip of the writer, not
    another word. Names that are common words (words.csv COMMON_WORD_NAMES: 'turkey', 'china') stay as written.
    The text keeps its length, so every offset still points into the original."""
    raised = None
    for match in _lower_name_scan(kb).finditer(text):
        name = match.group().capitalize()
        if name not in text:
            continue
        raised = raised or list(text)
        raised[match.start()] = name[0]
    return "".join(raised) if raised else text


def _alias_matches(text: str, kb: KnowledgeBase) -> Iterator[re.Match[str]]:
    """The known names of the text in order, with each demonym of a hyphenated pair ('a Sudanese-Egyptian
    proposal') as a match of its own: the pair names two parties, where a hyphen elsewhere keeps a name from
    matching inside a longer word."""
    parts = []
    for pair in kb.pair_matches(text):
        hyphen = pair.start() + next(i for i in range(1, len(pair.group()))
                                     if pair.group()[i] == "-" and kb.demonym_re.fullmatch(text, pair.start(),
                                                                                          pair.start() + i))
        parts += [kb.demonym_re.fullmatch(text, pair.start(), hyphen),
                  kb.demonym_re.fullmatch(text, hyphen + 1, pair.end())]
    if not parts:  # (most texts: no pair, nothing to merge)
        yield from kb.alias_matches(text)
        return
    yield from merge(kb.alias_matches(text), parts, key=lambda match: match.start())


#: A known Arabic name with 'bin': an Arabic family name after it that the knowledge base leaves out, perhaps after
#: a grandfather's name: ' Al Nahyan', ' Al-Saud', ' bin Jassim Al Thani'
_LINEAGE_IN = re.compile(r" (?:bin|ibn|bint) ")
_FAMILY_NAME_AFTER = re.compile(r"(?:[ \t]+(?:bin|ibn)[ \t]+[A-Z][\w'’]+){0,2}"
                                r"[ \t]+(?:Al|al|Āl)(?:-|[ \t]+)[A-Z][\w'’]+(?![\w-])")
#: An Arabic family name after a word: ' al-Maliki', ' bin Zayed', ' Al Thani'
_NAME_PARTICLE_AFTER = re.compile(r"[ \t]+(?:[Aa]l|[Ee]l|bin|ibn|bint|Abu|abu)(?:-|[ \t]+)[A-Z]")


@cache
def _acronym_readings() -> dict[str, list[tuple[re.Pattern[str] | None, re.Pattern[str] | None]]]:
    """acronyms.csv: for each country short form that is also a common abbreviation ('PNG' for persona non
    grata), the words before and after it that make it the abbreviation, as patterns."""
    readings: dict[str, list[tuple[re.Pattern[str] | None, re.Pattern[str] | None]]] = {}
    for row in read_data("acronyms.csv"):
        before = re.compile(r"\b(?:" + word_pattern(row["before"]) + r")[ \t]+(?:[\w'’-]+[ \t]+){0,4}$", re.I) \
            if row["before"] else None
        after = re.compile(r"[ \t]*(?:" + word_pattern(row["after"]) + r")(?![\w-])", re.I) if row["after"] else None
        readings.setdefault(row["acronym"], []).append((before, after))
    return readings


def _other_reading(text: str, acronym: str, start: int, end: int) -> bool:
    """Whether a country's short form is, where it stands, the abbreviation it also is: 'declared two envoys PNG',
    'a PNG declaration', 'a PNG file' name no country. The contexts are data (acronyms.csv), one row a context."""
    return any((before is not None and before.search(text, max(0, start - 60), start))
               or (after is not None and after.match(text, end))
               for before, after in _acronym_readings().get(acronym, ()))


#: Capitalised words before a title after a country's name: 'PNG Defence Minister', 'Chad Foreign Affairs Minister'
_TITLE_WORDS = re.compile(r"[ \t]+(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&)[ \t]+)?){0,4}")


def _title_after(text: str, end: int, kb: KnowledgeBase) -> bool:
    """Whether a capitalised title follows a country's name ('PNG Defence Minister Billy Joseph said'): the
    capitals after it open the title the country owns, not a longer name ('Michael Jordan', 'New Jersey')."""
    words = _TITLE_WORDS.match(text, end)
    if words is None:
        return False
    starts = [end + word.start() for word in re.finditer(r"(?<![\w'’-])[A-Z]", text[end:words.end() + 1])]
    return any(kb.role_re.match(text, start) is not None for start in starts)


@cache
def _envoy_to() -> re.Pattern[str]:
    """A resident envoy's title and 'to' or 'in' right before a country (words.csv RESIDENT_ENVOY)."""
    return re.compile(r"(?<![\w'’-])(?i:" + word_classes()["RESIDENT_ENVOY"]
                      + r")[ \t]+(?:to|in)[ \t]+(?:the[ \t]+)?$")


def _posting_before(text: str, start: int) -> bool:
    """Whether an envoy's title names the country as the post ('Chinese Ambassador to Korea Xing Haiming'): the
    name after it is the envoy's, so a short form glued to it is still the country, not part of a longer name."""
    return _envoy_to().search(text, max(0, start - 40), start) is not None


_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w'’-]*)(?<!['’]s)[ \t]+$")  #: a capitalised word right before
_CAPITALISED_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]*)")  #: a capitalised word right after


def _inside_longer_name(text: str, start: int, end: int, kb: KnowledgeBase) -> bool:
    """True when an ambiguous alias is glued to another capitalised word ('Michael Jordan', 'New Jersey'); a
    possessive before it is no part of the name ("Japan's Iwaya"), nor is a country's own unambiguous name: two
    countries side by side are two parties whose comma was left out ('Apart from China and UAE Turkey and Japan
    have sent aid')."""
    before = _CAPITALISED_BEFORE.search(text[max(0, start - 30):start])
    after = _CAPITALISED_AFTER.match(text[end:end + 30])
    return bool((before and before.group(1) not in NOT_NAME and not _country_name(before.group(1), kb))
                or (after and after.group(1) not in NOT_NAME))


def _country_name(word: str, kb: KnowledgeBase) -> bool:
    """Whether a word is a country's name that names nothing else (unlike 'Jordan' or 'Chad')."""
    alias = kb.lookup(word)
    return alias is not None and alias.type == "country" and alias.kind == "name" and not alias.standalone


def _given_name_after(text: str, end: int, name: str) -> int:
    """Where a known person's given name ends when it follows their family name ('Motegi Toshimitsu' for the
    known Toshimitsu Motegi); 0 when the next word is not their given name."""
    words = name.split()
    if len(words) != 2 or not text.startswith(" " + words[0], end):
        return 0
    after = end + 1 + len(words[0])
    return after if after == len(text) or not (text[after].isalnum() or text[after] in "-'’") else 0


def _given_name_after_title(text: str, start: int, end: int, kb: KnowledgeBase) -> bool:
    """'Foreign Minister Santiago Cafiero': a capital's name right after a title and before a capitalised word
    the knowledge base does not know is a person's given name, not the city (the title says a person follows)."""
    after = _CAPITALISED_AFTER.match(text, end)
    if after is None or after.group(1) in NOT_NAME or kb.lookup(after.group(1)) is not None:
        return False
    words = text[max(0, start - 40):start].split()
    return any(" ".join(words[-n:]).lower() in kb.roles for n in (1, 2, 3) if len(words) >= n)
