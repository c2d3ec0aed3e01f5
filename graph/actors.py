"""The mention stage: the actor knowledge base and the actors named in a text.

Takes a document's text and gives `Mention` records in text order: countries (by ISO name, short name,
alias, demonym or capital metonym, 'Washington said'), organisations (State Department, ICE) with their
country, people the knowledge base knows, people it has never seen but whom news introduces with a role
('Argentine President Javier Milei', 'Peru's foreign minister, Elmer Schialer'), unnamed office holders
('the president of Honduras'), and pronouns or nominals ('she', 'the country', 'its government',
'the administration') resolved to the actor they point back to.

All facts live in data files under graph/data/ (country_aliases.csv, people.csv, organizations.csv,
roles.csv, words.csv) plus ISO 3166 from pycountry; this module holds only the mechanism.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pycountry

from graph.records import Mention, value_record
from graph.text import quote_spans, split_sentences
from graph.words import (
    WORD,
    WordIndex,
    anchored_matches,
    can_anchor,
    doc_words,
    previous_word_start,
    word_index,
    word_starts,
)

DATA_DIR = Path(__file__).parent / "data"


# --------------------------------------------------------------------------------------------- data files
def read_data(name: str) -> list[dict[str, str]]:
    """Rows of a CSV data file in graph/data, skipping `#` comment lines."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#") and line.strip())
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


@cache
def country_names() -> dict[str, str]:
    """ISO3 -> the name news uses: country_names.csv, else pycountry's common name, else its ISO name.

    'Russia' and 'DR Congo' rather than 'Russian Federation' and 'Congo, The Democratic Republic of the':
    these names label countries in the graph, the tables and the view.
    """
    iso = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    return iso | {row["iso3"]: row["name"] for row in read_data("country_names.csv")}


def official_name(iso3: str) -> str | None:
    """pycountry's official name of a country ('Russian Federation', 'Plurinational State of Bolivia')."""
    known = pycountry.countries.get(alpha_3=iso3)
    return (getattr(known, "official_name", None) or known.name) if known else None


def word_pattern(words: str) -> str:
    """Regex for a `|`-separated word list from a data file: `deport*` matches any ending, spaces any space.

    The words are arranged as a trie (see `trie_pattern`), so a long list costs a few character tests where
    it cannot match.

    >>> re.fullmatch(word_pattern("deport*|trade war"), "trade  war") is not None
    True
    """
    keys = {_WORD_SPACE.join(w.rstrip("*") + (_WORD_STEM if w.endswith("*") else "") for w in phrase.split())
            for phrase in (w.strip() for w in words.split("|")) if phrase}
    return trie_pattern(keys, {_WORD_SPACE: r"\s+", _WORD_STEM: r"[\w'’-]*"})


_WORD_SPACE, _WORD_STEM = "\x00", "\x01"  #: markers for a space and a stem's ending inside `word_pattern`


@cache
def word_lists() -> dict[str, tuple[str, ...]]:
    """Word classes from words.csv as word lists, keyed by class name."""
    return {row["class"]: tuple(w.strip() for w in row["words"].split("|") if w.strip())
            for row in read_data("words.csv")}


@cache
def word_classes() -> dict[str, str]:
    """Word classes from words.csv as regex fragments (no boundaries), keyed by class name."""
    return {name: word_pattern("|".join(words)) for name, words in word_lists().items()}


_TRANSLITERATE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                                "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d",
                                "Ð": "D", "ı": "i", "ħ": "h", "Ħ": "H"})


def slug(name: str) -> str:
    """ASCII, lower-case, hyphenated form of a name, used for IRIs and person identity.

    Letters without an ASCII decomposition are transliterated; a name in another script keeps a stable
    identity through a short hash.

    >>> slug("José Raúl Mulino"), slug("Radosław Sikorski")
    ('jose-raul-mulino', 'radoslaw-sikorski')
    """
    text = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    result = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if not result or len(result) < len(re.sub(r"\W", "", name)) // 2:
        import hashlib

        result = (result + "-" if result else "") + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    return result


# ------------------------------------------------------------------------------------------ knowledge base
@dataclass(frozen=True)
class Alias:
    """What a surface form in the text stands for."""

    type: str  #: country, person, organization, media
    key: str  #: ISO3 for countries, canonical name otherwise
    country: str
    kind: str  #: name, demonym, capital, place, person, org, media...
    standalone: bool = False
    role: str = ""
    gender: str = ""


@value_record
class Person:
    name: str
    country: str
    role: str
    start: str = ""
    end: str = ""
    gender: str = ""
    aliases: tuple[str, ...] = ()


@dataclass
class KnowledgeBase:
    """Countries, organisations, people and roles, with compiled matchers."""

    countries: dict[str, str]  #: ISO3 -> English short name
    iso2: dict[str, str]
    aliases: dict[str, Alias]
    people: dict[str, Person]  #: canonical name -> person
    roles: dict[str, tuple[str, str]]  #: lower-case phrase -> (canonical role, gender)
    alias_re: re.Pattern[str] = field(init=False)
    role_re: re.Pattern[str] = field(init=False)
    folded: dict[str, str] = field(init=False)
    genders: dict[str, str] = field(init=False)  #: known person -> gender, copied per document
    role_words: list[str] = field(init=False)  #: first words of the roles
    role_index: WordIndex = field(init=False)  #: which document words start with a role's first word
    _ends: dict[tuple[str, str], Person | None] | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        # a look-ahead on the first letters lets the scan skip most positions before trying the trie
        firsts = "".join(sorted({re.escape(alias[0]) for alias in self.aliases}))
        self.alias_re = re.compile(rf"(?=[{firsts}])(?<![\w'’.-])" + trie_pattern(self.aliases) + r"(?![\w-]|\.\w)")
        # Case variants in the trie instead of (?i): case-insensitive matching is twice as slow to scan.
        variants = {v for role in self.roles for v in _case_variants(role)}
        self.role_re = re.compile(r"(?<![\w-])" + trie_pattern(variants) + r"s?(?![\w-])")
        self.folded = {_fold(k): k for k in self.aliases}
        self.genders = {person.name: person.gender for person in self.people.values()}
        # anchors: a role's first word as the word pass cuts it ('chargé' -> 'charg'), so that the document's
        # words can tell which roles may occur
        self.role_words = sorted({_first_word(role) for role in self.roles})
        self.role_index = word_index((i, [word + "*"]) for i, word in enumerate(self.role_words))

    def lookup(self, surface: str) -> Alias | None:
        """The alias entry for a surface form, tolerant of accents and curly apostrophes."""
        hit = self.aliases.get(surface)
        if hit is None:
            key = self.folded.get(_fold(surface))
            hit = self.aliases.get(key) if key else None
        return hit

    def country_name(self, iso3: str) -> str:
        return self.countries.get(iso3, iso3)

    def person_by_ends(self, name: str) -> Person | None:
        """The known person whose first and last names a longer written name has ('Bola Ahmed Tinubu' is
        Bola Tinubu): news adds middle names the knowledge base leaves out."""
        words = _fold(name).split()
        if len(words) < 3:
            return None
        if self._ends is None:
            ends: dict[tuple[str, str], Person | None] = {}
            for person in self.people.values():
                parts = _fold(person.name).split()
                if len(parts) >= 2:
                    key = (parts[0], parts[-1])
                    ends[key] = None if key in ends else person  # two people share the ends: neither
            self._ends = ends
        return self._ends.get((words[0], words[-1]))


def _first_word(phrase: str) -> str:
    """The first word of a lower-case phrase as `doc_words` cuts words (ASCII letters and digits)."""
    found = WORD.match(phrase)
    return found.group() if found else phrase.split(" ")[0]


def _case_variants(phrase: str) -> tuple[str, ...]:
    """How news capitalises a lower-case role: as is, sentence case, title case with or without its small
    words ('Minister of the Interior'), upper case."""
    headline = " ".join(w if w in ("of", "the", "and", "for", "on", "to", "in") else w[:1].upper() + w[1:]
                        for w in phrase.split(" "))
    return phrase, phrase[:1].upper() + phrase[1:], phrase.title(), headline, headline[:1].upper() + headline[1:],\
        phrase.upper()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def trie_pattern(words: Iterable[str], special: dict[str, str] | None = None) -> str:
    """A regex alternation of literal words arranged as a trie, so matching stays fast with thousands of words.

    Longer words win over their prefixes because each trie branch tries continuations before stopping, and
    at each letter the branch leading to the longest word is tried first, as a list sorted longest first
    would. `special` maps marker characters to regex pieces.
    """
    special = special or {}
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    depth: dict[int, int] = {}

    def longest(node: dict) -> int:
        if id(node) not in depth:
            depth[id(node)] = max((1 + longest(child) for ch, child in node.items() if ch != ""), default=0)
        return depth[id(node)]

    def build(node: dict) -> str:
        end = "" in node
        keys = sorted((ch for ch in node if ch != ""), key=lambda ch: (-longest(node[ch]), ch))
        branches = [(special.get(ch) or re.escape(ch)) + build(node[ch]) for ch in keys]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return "(?:" + build(trie) + ")"


@cache
def _hyphen_variants(name: str) -> tuple[str, ...]:
    """Other spellings of a hyphenated given name ('Lee Jae-myung': 'Lee Jae Myung', 'Lee Jae-Myung') and of an
    unhyphenated one ('Kim Jong Un': 'Kim Jong-un'): English news writes Korean and Chinese names all ways."""
    words = name.split()
    if len(words) == 2 and words[1].count("-") == 1:
        first, second = words[1].split("-")
        return (f"{words[0]} {first} {second.capitalize()}", f"{words[0]} {first}-{second.capitalize()}")
    if len(words) == 3 and all(w[:1].isupper() for w in words) and "-" not in name:
        return (f"{words[0]} {words[1]}-{words[2].lower()}", f"{words[0]} {words[1]}-{words[2]}")
    return ()


@cache
def knowledge_base() -> KnowledgeBase:
    """Load the actor knowledge base once per process."""
    countries: dict[str, str] = {}
    iso2: dict[str, str] = {}
    aliases: dict[str, Alias] = {}

    def add(surface: str, alias: Alias) -> None:
        surface = surface.strip()
        if surface.startswith("the "):
            surface = surface[4:]  # 'the' stays outside the mention; aliases then all start with a capital
        if surface and surface not in aliases:
            aliases[surface] = alias
            if "'" in surface:
                aliases.setdefault(surface.replace("'", "’"), alias)

    rows = [row for row in read_data("country_aliases.csv") if row["kind"] != "seat"]  # seats: _seats()
    for row in rows:
        alias_type = "region" if row["kind"] == "region" else "country"
        add(row["alias"], Alias(alias_type, row["iso3"], row["iso3"], row["kind"], row["standalone"] == "1"))
    for row in rows:
        # 'Cameroonians', 'Iraqis': the plural of a demonym names the country's people as the singular does
        if row["kind"] == "demonym" and re.search(r"(?:an|i)$", row["alias"]):
            add(row["alias"] + "s", Alias("country", row["iso3"], row["iso3"], "demonym", row["standalone"] == "1"))
    for country in pycountry.countries:
        iso3 = country.alpha_3
        short = country_names()[iso3]
        countries[iso3] = short
        iso2[iso3] = country.alpha_2
        for name in (short, country.name, getattr(country, "official_name", "")):
            if name and "," not in name and "(" not in name:
                add(name, Alias("country", iso3, iso3, "name"))
    for alias in aliases.values():
        if alias.type == "country" and alias.key and alias.key not in countries and alias.kind == "name":
            # a country the ISO table lacks (Kosovo, XKX): its first listed name is its label
            countries[alias.key] = next(k for k, a in aliases.items() if a.key == alias.key and a.kind == "name")
    for row in read_data("organizations.csv"):
        kind = row["kind"]
        # media outlets and armed groups are named so that their names never count as a party
        alias_type = "media" if kind in ("media", "armed-group") else "organization"
        entry = Alias(alias_type, row["name"], row["country"], kind)
        for surface in [row["name"], *row["aliases"].split("|")]:
            add(surface, entry)
    people: dict[str, Person] = {}
    for row in read_data("people.csv"):
        names = tuple(a for a in row["aliases"].split("|") if a)
        person = Person(row["name"], row["country"], row["role"], row["start"], row["end"], row["gender"], names)
        people[person.name] = person
        entry = Alias("person", person.name, person.country, "person", role=person.role, gender=person.gender)
        for surface in (person.name, *names):
            add(surface, entry)
            for variant in _hyphen_variants(surface):
                add(variant, entry)
    roles = {row["role"].lower(): (row["canonical"], row["gender"]) for row in read_data("roles.csv")}
    return KnowledgeBase(countries, iso2, aliases, people, roles)


# ----------------------------------------------------------------------------------------------- patterns
_UC = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ"
_LC = "a-zß-öø-ÿā-žș-ț"
#: One word of a name: 'Rubio', 'Claver-Carone', "O'Brien", 'McAllister', 'MaryKay', 'DiMaio' (a second capital
#: after a lower-case run), 'J.', 'Md.' (Muhammad, in South Asian names).
NAME_PART = (rf"(?:(?:Md|Mohd|Muhd)\.|[{_UC}](?:[{_LC}]+(?:[{_UC}][{_LC}]{{2,}})?|\.)"
             rf"(?:-[{_UC}]?[{_LC}]+|['’][{_UC}][{_LC}]+)*)")
#: A later word of a name may open with an Arabic article or a particle joined by a hyphen: 'al-Aiban', 'el-Sisi'.
_JOINED_PARTICLE = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|abu|abd|ben|ould)[-‑])?"
PARTICLE = r"(?:de\s+la|de|del|da|das|do|dos|van\s+der|van|von\s+der|von|der|den|bin|ibn|al|el|le|du|di|y)"
#: Regnal numbers and suffixes, longest first ('Mohammed VI' is not 'Mohammed V').
REGNAL = r"(?:[ \t]+(?:VIII|VII|VI|IV|IX|III|II|I|V|X|Jr\.|Sr\.)(?![\w]))?"
NAME = rf"{NAME_PART}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{_JOINED_PARTICLE}{NAME_PART}){{0,5}}{REGNAL}"
NAME_RE = re.compile(NAME)
POSSESSIVE = r"(?:['’]s|['’](?=\s))"
#: Capitalised words that start or end a name-shaped span but are not names.
NOT_NAME = set("""
The A An This That These Those He She It They We I His Her Its Their Our Mr Mrs Ms Dr In On At For By From
With Without After Before During As But And Or Not No Yes If When While Since Until Also Still Yet Meanwhile
However Nevertheless Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
May June July August September October November December Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Today
Tomorrow Yesterday President Minister Secretary Prime Vice Foreign Ambassador Envoy Special General Chief
Government Department Office Ministry House Senate Congress Parliament Republic Kingdom State States Union
National Federal Army Navy Military Police Court Supreme Party Council Commission Agency Bureau Service
Administration Embassy Palace Canal Lake River Sea Ocean North South East West Central Latin American
Brother Come Home Mission Missions Quad Trump's Who What Where Why How There Here Then Both Each Every
Several Many Some All Any Other Another Such One Two Three Four Five Six Seven Eight Nine Ten Don't
Sir Dame Over Amid Against Into Onto Upon Toward Towards Despite Following Ahead Under Incident Row Talks
""".split())
_STARTERS = NOT_NAME


@value_record
class PersonIntro:
    """A person introduced in the text, with what the introduction says about them."""

    start: int
    end: int
    name: str
    country: str
    role: str
    explicit_country: bool
    international: bool = False  #: introduced as an international body's ('EU envoy ...'): no country




def _add_known_surnames(raw: list, kb: KnowledgeBase, persons: dict[str, Person],
                        new_aliases: dict[str, Alias]) -> None:
    """'Pedro Sánchez ... Days later Sanchez visited Rabat': news names a person in full once, then by the
    surname alone. A known person named in the document lends their surname (as written there, and without
    accents) to the rest of it, unless the surname is another name the knowledge base knows or two people
    of the document share it."""
    named: dict[str, set[str]] = {}
    for mention, _gender in raw:
        if mention.type != "person" or mention.key not in kb.people:
            continue
        person = kb.people[mention.key]
        for name in {person.name, mention.text}:
            words = name.split()
            if len(words) >= 2 and len(words[-1]) > 2 and words[-1][0].isupper():
                named.setdefault(words[-1], set()).add(person.name)
                folded = _ascii(words[-1])
                named.setdefault(folded, set()).add(person.name)
            if person.country in word_lists()["FAMILY_NAME_FIRST"] and len(words) >= 2 and len(words[0]) > 1:
                named.setdefault(words[0], set()).add(person.name)  # 'Lee Jae-myung ... Lee met Ishiba'
    for surname, owners in named.items():
        if surname in new_aliases:
            del new_aliases[surname]  # an unknown person of the document shares it: nobody gets it
            continue
        if len(owners) != 1 or kb.lookup(surname) is not None:
            continue
        person = kb.people[next(iter(owners))]
        persons.setdefault(person.name, person)
        new_aliases[surname] = Alias("person", person.name, person.country, "person", role=person.role)


def _ascii(word: str) -> str:
    """'Sánchez' -> 'Sanchez': news in English often drops the accents of a name."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() or word


def _clean_name(raw: str) -> str:
    """Trim leading/trailing words that are not part of a name ('Tuesday', 'The')."""
    words = raw.split()
    while words and words[0].rstrip(".") in NOT_NAME:
        words.pop(0)
    while words and (words[-1].rstrip(".") in NOT_NAME or re.fullmatch(PARTICLE, words[-1])):
        words.pop()
    return " ".join(words)


# ----------------------------------------------------------------------------------------------- lines
CREDIT_LINE = re.compile(
    r"^[ \t]*(?:(?:photo|photograph|image|picture|credit)s?(?:\s+by)?\s*[:\-]?\s*)?"
    r"[\w.'’\- ]{2,60}(?:/[\w.'’&\- ]{2,40})+[ \t]*$"
    r"|^[ \t]*(?:photo|photograph|image|picture)s?\s*(?:by|:)[^\n]{0,80}$"
    r"|^[ \t]*[\w.'’\- ]{2,60}\s+(?:for|via)\s+(?:Getty Images|Reuters|AP|AFP|EPA|Bloomberg)[^\n]{0,40}$"
    r"|^[ \t]*By\s+[A-Z][^\n]{0,80}$",
    re.M,
)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Spans of photo-credit and byline lines ('Jane Doe/Reuters', 'By Jane Doe'): never actors or events.

    Only short lines are candidates, so the check costs little on long articles.
    """
    spans = []
    offset = 0
    for line in text.split("\n"):
        if len(line) < 130 and ("/" in line or " via " in line or " for " in line or line[:12].lstrip()[:3]
                                in ("By ", "Pho", "Ima", "Pic", "Cre")):
            if CREDIT_LINE.match(line):
                spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


# ------------------------------------------------------------------------------------------- resolution
PRONOUN_RE = re.compile(  # the leading look-ahead lets the scanner skip most positions cheaply
    r"(?=[HhSsTtIiBbEe])(?<![\w-])(?:"
    r"(?P<pair>(?:[Tt]he\s+(?:two|2)|[Bb]oth)\s+(?:countries|nations|nation|leaders|sides|governments|neighbours|men|"
    r"neighbors|capitals|presidents|prime\s+ministers|foreign\s+ministers|ministers|heads\s+of\s+state|states|"
    r"international\s+locations)|[Ee]ither\s+(?:country|nation|side|government))"
    r"|(?P<person>[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)"
    r"|(?P<nation>(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:country|nation|state|government|federal\s+government|"
    r"(?:military|new|interim|transitional|ruling|central|national)\s+(?:government|authorities|leadership|regime)|"
    r"regime|authorities|leadership|kingdom|republic|emirate|island\s+nation|island\s+state|junta)"
    r"|[Ii]ts\s+(?:federal\s+)?(?:government|authorities|leaders|leadership|officials|president|regime|"
    r"military|army|navy|forces|diplomats|territory))"
    r"|(?P<it>[Ii]t)(?=\s+(?i:has|had|have|will|would|also|then|later|quickly|said|says|called|calls|termed|"
    r"described|ordered|expelled|recalled|"
    r"announced|agreed|refused|signed|closed|shut|summoned|accused|threatened|warned|demanded|rejected)\b)"
    r"|(?P<latter>[Tt]he\s+latter(?!\s+(?:half|part|parts|stage|stages|years?|months?|days?|weeks?|case|group|"
    r"category|option|point|scenario|period|phase)\b))"
    r"|(?P<former>[Tt]he\s+former(?=\s*[,.;:)]|\s+(?:has|had|is|was|will|would|also|said|says|did|does|could|can|"
    r"insisted|accused|argued|added|denied|called|urged|demanded|rejected|refused|agreed)\b))"
    r"|(?P<admin>[Tt]he\s+administration|[Tt]his\s+administration)"
    r"|(?P<office>[Tt]he\s+(?:president|secretary|minister|prime\s+minister|premier|chancellor|envoy|"
    r"foreign\s+minister|ambassador|leader)))(?![\w-])"
)

#: Words every PRONOUN_RE match starts with, and the words after 'the', 'this' or 'that' in its other forms.
_PRONOUN_WORDS = ("he", "she", "his", "her", "him", "himself", "herself", "it", "its", "both", "either")
_PRONOUN_NOUNS = ("country", "nation", "state", "government", "federal", "regime", "authorities", "leadership",
                  "military", "new", "interim", "transitional", "ruling", "central", "national",
                  "kingdom", "republic", "emirate", "island", "junta", "administration", "president", "secretary",
                  "minister", "prime", "premier", "chancellor", "envoy", "foreign", "ambassador", "leader", "two", "2",
                  "latter", "former")
_SPEECH_WORDS = ("said", "says", "stated", "states", "told", "added", "wrote", "warned", "noted", "argued",
                 "insisted", "explained", "declared", "announced", "who")


_ANCHOR_LISTS = (_PRONOUN_WORDS, _PRONOUN_NOUNS, _SPEECH_WORDS)


@cache
def _anchor_index() -> WordIndex:
    """Which document words start with a word of one of the anchor lists ('country' in "country's" too);
    one index for all of them, so a document is looked up once."""
    return word_index((n * 1000 + i, [word + "*"]) for n, words in enumerate(_ANCHOR_LISTS)
                      for i, word in enumerate(words))


_ANCHOR_CACHE: list = [None, {}]


def _anchors(text: str, words: tuple[str, ...]) -> Iterator[int]:
    """Offsets where one of `words` (an anchor list) stands as a word of the text, alone or before a joiner
    ("country's")."""
    found_words = doc_words(text)
    if _ANCHOR_CACHE[0] is not found_words:
        _ANCHOR_CACHE[0], _ANCHOR_CACHE[1] = found_words, _anchor_index().lookup(found_words)
    base = _ANCHOR_LISTS.index(words) * 1000
    for found, features in _ANCHOR_CACHE[1].items():
        if any(base <= f < base + 1000 and (len(found) == len(words[f - base]) or found[len(words[f - base])]
                                              in "'’.-") for f in features):
            yield from word_starts(text, found, whole=True)


def pronoun_matches(text: str) -> list[re.Match[str]]:
    """PRONOUN_RE's matches, found from where its words occur rather than by scanning every position."""
    if not can_anchor(text):
        return list(PRONOUN_RE.finditer(text))
    starts = list(_anchors(text, _PRONOUN_WORDS))
    for at in _anchors(text, _PRONOUN_NOUNS):
        before = previous_word_start(text, at)
        if before != -1 and text[before:at].rstrip().lower() in ("the", "this", "that"):
            starts.append(before)
    return anchored_matches(PRONOUN_RE, text, starts)


def speech_matches(text: str) -> list[re.Match[str]]:
    """_SPEECH_AFTER_NAME's matches (', who' and ' said'), anchored at the white space before each verb."""
    if not can_anchor(text):
        return list(_SPEECH_AFTER_NAME.finditer(text))
    starts = []
    for at in _anchors(text, _SPEECH_WORDS):
        space = at
        while space > 0 and text[space - 1] in " \t":
            space -= 1
        if space < at:
            starts.append(space - 1 if space > 0 and text[space - 1] == "," else space)
            starts.append(space)
    return anchored_matches(_SPEECH_AFTER_NAME, text, starts)


def role_matches(text: str, kb: KnowledgeBase) -> list[re.Match[str]]:
    """The knowledge base's role phrases in the text, anchored at the words that start them."""
    if not can_anchor(text):
        return list(kb.role_re.finditer(text))
    starts = [at for index in kb.role_index.present(doc_words(text))
              for at in word_starts(text, kb.role_words[index])]
    return anchored_matches(kb.role_re, text, starts)


_PEOPLE_PAIR = re.compile(r"(?:leaders|men|presidents|ministers|heads\s+of\s+state)$")


@dataclass
class _Tracker:
    """What 'he', 'she', 'the country' and 'the administration' point back to, updated in text order."""

    person: Mention | None = None
    by_gender: dict[str, Mention] = field(default_factory=dict)
    country: Mention | None = None  #: last country named as a subject (not after a preposition)
    any_country: Mention | None = None  #: last country named at all
    sentence: int = -1  #: sentence of the current mention
    subject_in_sentence: bool = False  #: whether `country` was named in the current sentence
    government: Mention | None = None
    by_role: dict[str, Mention] = field(default_factory=dict)
    recent: list[Mention] = field(default_factory=list)  #: the last countries named, one per country, newest last
    recent_subjects: list[Mention] = field(default_factory=list)  #: the same, named as subjects only
    by_noun: dict[str, Mention] = field(default_factory=dict)  #: 'junta' -> "Niger's military junta"

    _sentence_start: int = 0

    def enter(self, sentence: int, start: int) -> None:
        """Move to the sentence of the next mention."""
        if sentence != self.sentence:
            self.sentence, self.subject_in_sentence, self._sentence_start = sentence, False, start
            self.person_in_sentence = False

    person_in_sentence: bool = False

    def see(self, mention: Mention, gender: str, prepositional: bool = False, possessive: bool = False,
            place: bool = False) -> None:
        """Note a mention; `prepositional`: not a subject (after a preposition or a verb); `place`: after a
        preposition ('talks on Haiti', 'in Lima'), so not a party either."""
        if mention.type == "person" or mention.via == "role":
            if mention.type == "person" and not (possessive and self.person_in_sentence):
                # 'Grenell, President Trump's envoy, ... he': a possessive in an apposition is not the topic
                self.person = mention
                self.person_in_sentence = True
                if gender:
                    self.by_gender[gender] = mention
            for word in mention.role.lower().split():
                self.by_role[word] = mention
        if mention.country and mention.via != "place" and not place \
                and mention.type in ("country", "organization", "person"):
            # parties, not places or topics ('talks on Haiti')
            self.recent = [m for m in self.recent[-3:] if m.country != mention.country] + [mention]
            if not prepositional:
                self.recent_subjects = [m for m in self.recent_subjects[-3:] if m.country != mention.country] \
                    + [mention]
        if mention.country and mention.type in ("country", "organization") and mention.via != "place":
            self.any_country = mention
            if not prepositional or self.country is None:
                self.country = mention
                self.subject_in_sentence = not prepositional
        if mention.type == "country" and mention.via in ("government", "administration", "role"):
            self.government = mention
            noun = mention.text.lower().split()[-1]
            if noun in word_lists()["OWN_GOVERNMENT_NOUNS"]:
                self.by_noun[noun] = mention

    def resolve(self, kind: str, word: str, gender_of: dict[str, str]) -> Mention | None:
        lower = word.lower()
        if kind == "person":
            gender = "f" if lower.startswith(("she", "her")) else "m"
            candidate = self.by_gender.get(gender)
            # A person of unknown gender is the best guess when no person of the right gender was seen.
            if self.person is not None and gender_of.get(self.person.key, "") == "":
                if candidate is None or candidate.start < self.person.start:
                    candidate = self.person
            return candidate
        if kind == "nation" and lower.split()[-1] in self.by_noun:
            # 'the junta' after "Niger's military junta": the country whose junta was named, not the last
            # country named (France, whose ambassador the junta expelled)
            return _country_mention(self.by_noun[lower.split()[-1]])
        if kind == "nation":
            # Within a sentence with no country as subject, 'its' points to the last country named at all
            # ('a trade war against Colombia prompted its authorities'); otherwise to the last subject country.
            found = self.country if self.subject_in_sentence or self.any_country is None \
                or self.any_country.start < self._sentence_start else self.any_country
            return _country_mention(found) if found is not None else None
        if kind == "admin":
            if self.government is None and self.country is None and self.person is not None \
                    and self.person.country:
                return _country_mention(self.person)  # "President Trump's team ... The administration"
            found = self.government or self.country
            return _country_mention(found) if found is not None else None
        if kind in ("latter", "former"):
            # 'Trump and Petro traded barbs, with the latter accusing Trump': the last or the one before of
            # the last two parties named
            if len(self.recent) < 2:
                return None
            return self.recent[-1] if kind == "latter" else self.recent[-2]
        if kind == "office":
            last = lower.split()[-1]
            return self.by_role.get(last)
        return None

    def resolve_pair(self) -> list[Mention]:
        """'The two countries', 'both leaders': the last two parties named as subjects ('Rubio said the
        United States wanted a stable Haiti and that the Dominican Republic ...'), else the last two named."""
        found = self.recent_subjects if len(self.recent_subjects) >= 2 else self.recent
        return found[-2:] if len(found) >= 2 else []


def _country_mention(mention: Mention) -> Mention:
    return Mention(mention.start, mention.end, mention.text, "country", mention.country, mention.country,
                   mention.role, mention.via)


# ------------------------------------------------------------------------------------------------ finder
@dataclass
class DocumentActors:
    """Everything the mention stage learned about one document."""

    mentions: list[Mention]
    persons: dict[str, Person]  #: people named in the document, keyed by canonical name
    focus: list[str]  #: countries ranked by how much the document talks about them
    credits: list[tuple[int, int]]
    quotes: SpanSet | None = None  #: quoted speech, shared with the event stage
    #: people known only as someone quoted (no title, no country given): not taken for envoys who travel or meet
    unplaced: frozenset[str] = frozenset()
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions that start within [start, end)."""
        lo = bisect_right(self.starts, start - 1)
        hi = bisect_right(self.starts, end - 1)
        return self.mentions[lo:hi]


def find_actors(text: str, *, kb: KnowledgeBase | None = None) -> DocumentActors:
    """Find and resolve every actor mention in a document's text."""
    kb = kb or knowledge_base()
    credits = credit_spans(text)
    blocked = SpanSet(credits)
    raw: list[tuple[Mention, str]] = []  # (mention, gender)
    media_spans: list[tuple[int, int]] = []

    for match in kb.alias_re.finditer(text):
        if blocked.covers(match.start()):
            continue
        alias = kb.lookup(match.group())
        if alias is None:
            continue
        if alias.type in ("media", "region"):
            media_spans.append(match.span())
            continue
        if alias.standalone and _inside_longer_name(text, match.start(), match.end()):
            continue
        if alias.type == "country" and alias.kind in ("name", "capital") \
                and _name_patterns()[1].match(text, match.end()):
            continue  # 'the Vienna Convention', 'the Minsk agreements': a treaty's name, not a party
        via = alias.kind
        start, end = match.span()
        if alias.kind == "demonym" and (_LANGUAGE_AFTER.match(text, match.end()) and (
                _LANGUAGE_BEFORE.search(text, max(0, match.start() - 12), match.start())
                or text.startswith("-language", match.end()))):
            continue
        if alias.type == "country" and alias.kind in ("demonym", "name", "capital"):
            agent = _agent_after(text, end, possessive=alias.kind != "demonym")
            if agent:
                via, end = "government", agent
            elif alias.kind == "demonym" and _shares_agent(text, end, kb):
                via = "government"  # 'the British and Australian embassies': both governments
            elif alias.kind in ("demonym", "name") and _private_after().match(text, end):
                via = "private"  # 'U.S. business leaders', 'Chinese firms': the country's people, not its state
            elif alias.kind == "demonym" and _CAPITAL_AFTER.match(text, end):
                via, end = "capital", end + _CAPITAL_AFTER.match(text, end).end() - end  # 'the Saudi capital'
            elif alias.kind == "demonym" and _TOWN_OF.match(text, end):
                via, end = "capital", _TOWN_OF.match(text, end).end()  # 'in the Russian city of Kazan'
        if alias.type == "organization" and alias.country and raw and raw[-1][0].type == "country" \
                and raw[-1][0].country != alias.country \
                and re.fullmatch(r"(?:['’]s)?[ \t]+", text[raw[-1][0].end:start]):
            # 'the Pakistan Foreign Office', "Ghana's State Department": the body of the country named before
            # it, not the British or American one its bare name stands for
            before = raw[-1][0]
            raw[-1] = (Mention(before.start, end, text[before.start:end], "country", before.key, before.country,
                               before.role, "government"), raw[-1][1])
            continue
        mtype = alias.type
        role = alias.role
        raw.append((Mention(start, end, text[start:end], mtype, alias.key, alias.country, role, via),
                    alias.gender))

    _seat_as_host(raw)
    _add_led_by(text, raw, kb, blocked)
    blocked.extend(media_spans)
    intros, offices = _person_intros(text, kb, blocked, raw)
    intros += _speaker_intros(text, kb, blocked, raw, intros)
    intros += _possessive_intros(text, kb, blocked, raw, intros)
    intros = _stated_countries(text, raw, intros)
    raw.extend((office, "") for office in offices)
    _add_governments_of(text, raw)
    persons: dict[str, Person] = {}
    gender_of = dict(kb.genders)
    new_aliases: dict[str, Alias] = {}
    unplaced: set[str] = set()
    international: set[str] = set()
    for intro in intros:
        known = kb.people.get(intro.name)
        if known is None:
            hit = kb.lookup(intro.name)
            known = kb.people.get(hit.key) if hit and hit.type == "person" else kb.person_by_ends(intro.name)
        if known is not None:
            # blank for an international body's officer unless the text names a country ('Dutch Prime Minister
            # Mark Rutte' before he led NATO); the context's guess does not count
            country = known.country or (intro.country if intro.explicit_country else "")
            person = Person(known.name, country, known.role or intro.role, known.start, known.end,
                            known.gender, known.aliases)
        else:
            gender = kb.roles.get(intro.role.lower(), ("", ""))[1]
            person = Person(intro.name, intro.country, intro.role, gender=gender)
            if intro.international:
                international.add(person.name)
            if not intro.role and not intro.explicit_country:
                unplaced.add(person.name)
            surname = intro.name.split()[-1]
            if len(surname) > 2 and kb.lookup(surname) is None:
                new_aliases[surname] = Alias("person", person.name, person.country, "person", role=person.role)
        persons.setdefault(person.name, person)
        gender_of[person.name] = person.gender
        raw.append((Mention(intro.start, intro.end, text[intro.start:intro.end], "person", person.name,
                            person.country, person.role, "intro"), person.gender))
    _add_known_surnames(raw, kb, persons, new_aliases)
    for surname, alias in new_aliases.items():
        # A handful of surnames per document: plain substring search beats compiling a pattern for each.
        known = persons[alias.key]
        at = text.find(surname)
        while at != -1:
            end = at + len(surname)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-")) \
                    and (end == len(text) or not (text[end].isalnum() or text[end] == "-")) \
                    and not blocked.covers(at):
                raw.append((Mention(at, end, surname, "person", known.name, known.country, known.role, "surname"),
                            known.gender))
            at = text.find(surname, end)
    for mention, _gender in raw:
        if mention.type == "person" and mention.key in kb.people and mention.key not in persons:
            persons[mention.key] = kb.people[mention.key]
    _merge_short_names(raw, persons)
    _add_role_anaphora(text, raw, kb)
    _add_administrations(text, raw, persons)
    _add_place_anaphora(text, raw)
    _add_described_countries(text, raw)
    for match in pronoun_matches(text):
        if not blocked.covers(match.start()):
            kind = match.lastgroup or ""
            if kind == "it":
                kind = "nation"  # 'it ordered the ambassador to leave': the country acts
            raw.append((Mention(match.start(), match.end(), match.group(), "pronoun", kind, "", "", "pronoun"),
                        ""))

    quotes = SpanSet(quote_spans(text))
    mentions = _resolve(_non_overlapping(raw), persons, gender_of, quotes, text)
    mentions = _add_group_anaphora(text, mentions, blocked)
    named = {m.key for m in mentions if m.type == "person"}
    persons = {name: person for name, person in persons.items() if name in named}
    focus = _rank_countries(mentions)
    # People of international bodies stay without a country: the knowledge base's ('Ursula von der Leyen'),
    # and those introduced by one ('EU envoy Miroslav Lajcak'); filling in the document's country misplaces them
    stateless = {name for name in persons if name in kb.people and not kb.people[name].country} | international
    if any(not person.country and name not in stateless for name, person in persons.items()):
        home = dateline_country(text, kb) or (focus[0] if focus else "")
        persons, mentions = _fill_countries(persons, mentions, home, text, focus, stateless)
        focus = _rank_countries(mentions)
    return DocumentActors(mentions, persons, focus, credits, quotes, frozenset(unplaced - {
        name for name, person in persons.items() if person.role}))




@cache
def _seats() -> dict[str, str]:
    """Capitals that also name an international body seated there (country_aliases.csv kind seat) -> ISO3."""
    return {row["alias"]: row["iso3"] for row in read_data("country_aliases.csv") if row["kind"] == "seat"}


def _seat_as_host(raw: list[tuple[Mention, str]]) -> None:
    """'Kigali cut ties with Brussels' in a report on Belgium: the seat of the European Union is Belgium's
    capital too. It stands for its country when the document names that country and the body by no other
    name."""
    for seat, country in _seats().items():
        at = [i for i, (m, _) in enumerate(raw) if m.type == "organization" and m.text == seat]
        if not at or not any(m.country == country for m, _ in raw) or any(
                m.type == "organization" and m.key == raw[at[0]][0].key and m.text != seat for m, _ in raw):
            continue
        for i in at:
            m, gender = raw[i]
            raw[i] = (Mention(m.start, m.end, m.text, "country", country, country, "", "capital"), gender)


#: 'a Russia-led security bloc', 'the Saudi-led coalition', 'a US-brokered truce': the country leads it
_LED_BY = re.compile(r"(?<![\w-])([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)-(?:led|dominated|backed|brokered|sponsored|"
                     r"controlled|run)(?![\w-])")


_LED_SUFFIXES = ("-led", "-dominated", "-backed", "-brokered", "-sponsored", "-controlled", "-run")


def _add_led_by(text: str, raw: list[tuple[Mention, str]], kb: KnowledgeBase, blocked: SpanSet) -> None:
    """A country named in a compound before '-led', '-dominated' ('Russian-led CSTO'): a mention of the
    country, so that leaving the bloc is a step away from it."""
    if not any(suffix in text for suffix in _LED_SUFFIXES):
        return  # most documents have none: skip the scan
    for match in _LED_BY.finditer(text):
        alias = kb.lookup(match.group(1))
        if alias is None or alias.type != "country" or blocked.covers(match.start()):
            continue
        raw.append((Mention(match.start(1), match.end(1), match.group(1), "country", alias.key, alias.country, "",
                            "led"), ""))  # a country, not an official: it does not travel
    raw.sort(key=lambda item: item[0].start)


def _stated_countries(text: str, raw: list[tuple[Mention, str]], intros: list[PersonIntro]) -> list[PersonIntro]:
    """Give a person the country the document states for them anywhere, over a guess from one sentence.

    A person introduced without a country is placed from the sentence around them, which goes wrong where
    they speak abroad ("President X returned from a state visit to China"). When the document says whose
    they are elsewhere, "Sri Lanka's Dissanayake" in the headline or "Japanese Foreign Minister Yoko
    Kamikawa", that statement wins; several statements vote.
    """
    open_intros = [i for i in intros if not i.explicit_country]
    if not open_intros:
        return intros
    surnames = {i.name.split()[-1] for i in open_intros}
    placing = set(word_lists()["PLACING"])
    votes: dict[str, Counter] = defaultdict(Counter)
    for mention, _ in raw:
        if mention.type != "country" or mention.via not in ("name", "capital", "demonym"):
            continue
        at = mention.end
        if mention.via != "demonym":
            possessive = re.match(POSSESSIVE, text[at:at + 2])
            if not possessive:
                continue
            at += possessive.end()
        words = text[at:at + 90].split()
        for word in words[:6]:
            bare = word.rstrip(",.;:")
            if bare in surnames:
                votes[bare][mention.country] += 1
                break
            # words that may stand between a country and a surname it places (words.csv PLACING): "Sri Lanka's
            # President Anura Kumara Dissanayake"; capitalised words pass too
            if not (bare[:1].isupper() or bare.lower() in placing) or bare != word:
                break
    placed = []
    for intro in intros:
        stated = votes.get(intro.name.split()[-1]) if not intro.explicit_country else None
        if stated:
            country = stated.most_common(1)[0][0]
            intro = PersonIntro(intro.start, intro.end, intro.name, country, intro.role, True)
        placed.append(intro)
    return placed


def _fill_countries(persons: dict[str, Person], mentions: list[Mention], home: str, text: str = "",
                    focus: Iterable[str] = (), stateless: frozenset[str] | set[str] = frozenset()
                    ) -> tuple[dict[str, Person], list[Mention]]:
    """Give people with no known country the document's home country (dateline, else main country).

    One who first appears across a table from the home side ('Foreign Minister Kamikawa signed the pact
    with Philippine Defense Secretary Teodoro' under a Manila dateline) is on the other side: they get
    the document's next country instead.
    """
    if not home:
        return persons, mentions
    other = next((country for country in focus if country != home), "")
    chosen = {name: ((_across_from(name, home, mentions, text) or _posted_here(person)) and other) or home
              for name, person in persons.items() if not person.country and name not in stateless}
    filled = {name: (person if person.country or name not in chosen else
                     Person(person.name, chosen[name], person.role, person.start, person.end, person.gender,
                            person.aliases))
              for name, person in persons.items()}
    updated = [Mention(m.start, m.end, m.text, m.type, m.key, chosen[m.key], m.role, m.via)
               if m.type == "person" and not m.country and m.key in chosen else m for m in mentions]
    return filled, updated


#: 'Mulino and Foreign Minister ': a second office holder named with the first, not his counterpart
def _posted_here(person: Person) -> bool:
    """An ambassador, high commissioner or attaché with no stated country, in a report from where they serve,
    represents another country ('High Commissioner Sanjay Kumar Verma' in a report from Ottawa is India's)."""
    return bool(person.role) and re.search(r"(?i)\b(?:ambassador|high\s+commissioner|attach[eé]|charg[eé]|consul)",
                                           person.role) is not None


_CONJOINED = re.compile(r"[ \t]+and[ \t]+(?:(?!counterparts?\b|his\b|her\b|their\b)[\w'’.-]+[ \t]+){0,3}")


_ACROSS = re.compile(r"[^.;]{0,120}?\b(?:with|and\s+their|and\s+his|and\s+her)\s+(?:the\s+)?")


def _across_from(name: str, home: str, mentions: list[Mention], text: str) -> bool:
    """Whether a person's first mention has the home side right after 'with' in the same sentence."""
    first = next((m for m in mentions if m.type == "person" and m.key == name), None)
    if first is None or not text:
        return False
    across = _ACROSS.match(text, first.end)
    if across is None:
        return False
    other = next((m for m in mentions if m.start >= across.end()), None)
    return other is not None and other.start - across.end() <= 30 and other.country == home \
        and other.type in ("country", "person")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when an ambiguous alias is glued to another capitalised word ('Michael Jordan', 'New Jersey')."""
    before = re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[max(0, start - 30):start])
    after = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[end:end + 30])
    return bool((before and before.group(1) not in NOT_NAME) or (after and after.group(1) not in NOT_NAME))


_AGENT_RE: re.Pattern[str] | None = None


_NEXT_DEMONYM = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*,[ \t]+and[ \t]+)((?:the[ \t]+)?[A-Z][\w-]+"
                           r"(?:[ \t][A-Z][\w-]+)?)")


def _shares_agent(text: str, end: int, kb: KnowledgeBase) -> bool:
    """Whether a demonym is listed with others before a shared agent noun ('British and Australian embassies',
    'French, German and Italian officials')."""
    for _ in range(4):
        listed = _NEXT_DEMONYM.match(text, end)
        if listed is None:
            return False
        alias = kb.lookup(listed.group(1))
        if alias is None or alias.type != "country" or alias.kind not in ("demonym", "name"):
            return False
        end = listed.end()
        if _agent_after(text, end):
            return True
    return False


def _agent_after(text: str, end: int, *, possessive: bool = False) -> int:
    """End offset of an agent noun right after a demonym ('Honduran authorities') or, with `possessive`,
    after a country's name ("Bogotá's authorities", 'US officials'), or 0."""
    global _AGENT_RE
    if _AGENT_RE is None:
        classes = word_classes()
        _AGENT_RE = re.compile(r"(?P<poss>['’]s)?[ \t]+(?:" + classes["AGENT_MODIFIER"] + r"[ \t]+){0,2}"
                               + classes["AGENT"] + r"(?![\w-])", re.I)
    match = _AGENT_RE.match(text, end)
    if match is None:
        return 0
    return match.end()


class SpanSet:
    """Sorted, non-overlapping spans with fast 'is this offset inside one' checks."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def extend(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted([*self.spans, *spans])
        self.starts = [s for s, _ in self.spans]

    def covers(self, offset: int) -> bool:
        return self.span_at(offset) is not None

    def span_at(self, offset: int) -> tuple[int, int] | None:
        """The span an offset lies in, or None."""
        i = bisect_right(self.starts, offset) - 1
        return self.spans[i] if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1] else None


class _Taken:
    """Spans already taken (they may overlap), asked 'does any overlap [lo, hi)?' by bisection: a scan of
    every span for every speech verb made long documents quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def overlaps(self, lo: int, hi: int) -> bool:
        first = bisect_left(self.starts, lo - self.longest)
        last = bisect_left(self.starts, hi)
        return any(b > lo for _, b in self.spans[first:last])


#: Words between an owner and a role ("Peru's new foreign minister", 'Kremlin foreign policy aide').
_MODIFIER = (r"(?:(?:new|former|then|acting|interim|deputy|top|senior|chief|incoming|outgoing|current|"
             r"foreign[ \t]+policy|security|military|trade|economic|diplomatic|presidential)[ \t]+){0,2}")


#: A military rank between an office and the name, perhaps retired: 'Adviser Lt Gen (retd.) Jahangir Alam'.
_RANK = re.compile(r"(?:(?:Lt|Lieut|Maj|Brig|Gen|Col|Adm|Capt|Cmdr|Air[ \t]+Marshal|Vice[ \t]+Adm|Rear[ \t]+Adm)\.?"
                   r"(?:[ \t]+(?:Gen|General|Col|Colonel)\.?)?|Lieutenant[ \t]+General|Major[ \t]+General|"
                   r"Brigadier[ \t]+General|General|Colonel|Admiral)[ \t]+(?:\((?:retd|ret|retired)\.?\)[ \t]+)?"
                   r"(?=[A-Z])")


#: 'Ambassador to Baku', 'ambassador to the United States': where an envoy is posted, before the name
_POSTED_TO = re.compile(r"[ \t]+to[ \t]+")


def _person_intros(text: str, kb: KnowledgeBase, blocked: SpanSet,
                   raw: list[tuple[Mention, str]]) -> tuple[list[PersonIntro], list[Mention]]:
    """People introduced by a role: before the name, after it in apposition, or with 'the X of Country'.

    Also returns unnamed office holders ('the president of Honduras', "Mexico's foreign minister") as
    mentions of their country, so that they can act in events.
    """
    by_end = {m.end: m for m, _ in raw if m.type in ("country", "organization")}
    by_start = {m.start: m for m, _ in raw if m.type in ("country", "organization")}
    intros: list[PersonIntro] = []
    offices: list[Mention] = []
    for role_match in role_matches(text, kb):
        if blocked.covers(role_match.start()):
            continue
        role_text = role_match.group()
        canonical = (kb.roles.get(role_text.lower()) or kb.roles[role_text.lower()[:-1]])[0]
        start, end = role_match.span()
        owner = _owner_before(text, start, by_end)
        after = text[end:end + 140]
        of_country = None
        of_match = re.match(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?", after)
        if of_match:
            of_country = by_start.get(end + of_match.end())
            if of_country is None:
                # 'commissioner of the Royal Canadian Mounted Police': a country inside the body's name
                run = _TITLE_RUN.match(text, end + of_match.end())
                if run:
                    of_country = next((by_start[at] for at in range(run.start(), run.end()) if at in by_start
                                       and by_start[at].type == "country"), None)
                    of_country = _country_mention(of_country) if of_country is not None else None
        name_at = end
        posted = _POSTED_TO.match(text, end) if of_country is None else None
        posted_to = by_start.get(end + posted.end() - posted.start()) if posted else None
        portfolio = _name_patterns()[0].match(text, end) if of_country is None else None
        if posted_to is not None and posted_to.type == "country":
            # 'Ambassador to Russia Rahman Mustafayev': the country posted to is not the envoy's own
            tail = re.match(r"[ \t]+", text[posted_to.end:posted_to.end + 3])
            name_at = posted_to.end + (tail.end() if tail else 0)
        elif portfolio:
            name_at = portfolio.end()  # 'Vice Minister of International Affairs Hugo Ticona Mamani'
        elif of_country is not None:
            tail = re.match(r",?[ \t]+", text[of_country.end:of_country.end + 3])
            name_at = of_country.end + (tail.end() if tail else 0)
        else:
            gap = re.match(r",?[ \t]+", after)
            name_at = end + (gap.end() if gap else 0)
        rank = _RANK.match(text, name_at) if name_at > end else None
        if rank:
            name_at = rank.end()  # 'Home Affairs Adviser Lt Gen (retd.) Jahangir Alam Chowdhury'
        name_match = NAME_RE.match(text, name_at) if name_at > end else None
        name = _clean_name(name_match.group()) if name_match else ""
        country_mention = of_country or owner
        country = country_mention.country if country_mention else ""
        international = country_mention is not None and country_mention.type == "organization" \
            and not country_mention.country
        royal = canonical in _ROYAL_ROLES and role_text[0].isupper() and len(name.split()) == 1 \
            and name not in NOT_NAME and kb.lookup(name) is None
        if name and (_acceptable_name(name, kb) or royal) and (role_text[0].isupper() or owner or of_country
                                                               or _lower_role_ok(role_text)
                                                               or len(name.split()) > 1):
            name_end = name_at + len(name_match.group().rstrip()) if name_match else name_at
            name_end = name_at + text[name_at:name_end].find(name) + len(name)
            placed = country or ("" if international else _country_for(text, name_at, kb, raw))
            if posted_to is not None and placed == posted_to.country:
                placed = ""  # an envoy is not of the country they are posted to
            intros.append(PersonIntro(name_at + text[name_at:name_end].find(name), name_end, name, placed,
                                      canonical, bool(country), international))
            continue
        # Apposition: "Elmer Schialer, Peru's foreign minister" / "Grenell, the envoy for special missions".
        appo = None
        if text.find(",", max(0, start - 40), start) != -1:  # cheap test before the costly pattern
            appo = _APPOSITION.search(text[max(0, start - 90):start])
        if appo:
            name = _clean_name(appo.group(1))
            if name and _acceptable_name(name, kb):
                name_start = max(0, start - 90) + appo.start(1) + appo.group(1).find(name)
                country = owner.country if owner else (of_country.country if of_country else "")
                intros.append(PersonIntro(name_start, name_start + len(name), name,
                                          country or _country_for(text, name_start, kb, raw), canonical,
                                          bool(country)))
                continue
        holder = of_country or owner
        if holder is not None and holder.country:
            span_start = holder.start if holder is owner else start
            article = re.search(r"(?:[Tt]he|[Aa]n?)[ \t]+$", text[max(0, span_start - 5):span_start])
            if article:
                span_start -= len(article.group())
            span_end = of_country.end if holder is of_country else end
            offices.append(Mention(span_start, span_end, text[span_start:span_end], "country", holder.country,
                                   holder.country, canonical, "role"))
    return intros, offices


@cache
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A portfolio between a title and a name ('Minister of International Affairs Hugo ...'), and a treaty's
    name after a place ('the Vienna Convention'), from the PORTFOLIO and TREATY_NAME word classes (matched as
    written: the capitals matter)."""
    classes = word_classes()
    portfolio = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&)[ \t]+)?){0,3}"
                           + classes["PORTFOLIO"] + r",?[ \t]+(?=[A-Z])")
    treaty = re.compile(r"[ \t]+" + classes["TREATY_NAME"] + r"\b")
    return portfolio, treaty


_TITLE_RUN = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){0,4}[A-Z][\w'’-]*")
_APPOSITION = re.compile(rf"({NAME}),[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?:(\S+(?:[ \t]\S+)?){POSSESSIVE}?[ \t]+)?"
                         rf"{_MODIFIER}$")
_ROYAL_ROLES = {"King", "Queen", "Emir", "Sultan", "Crown Prince", "Pope", "Prince", "Princess"}
#: Words that make a name-shaped span an organisation rather than a person.
ORG_WORDS = set("""
Watch International Group Bank Fund Council Ministry Office Company Corp Corporation Inc Agency Association
Union Party Court Commission News Times Post Journal Institute University Center Centre Foundation Sachs
Capital Partners Holdings Ltd Airlines Airways Motors Energy Oil Petroleum Network Press Media Television
Radio Service Services Department Authority Committee Forum Alliance Coalition Organization Organisation
Federation Reserve Exchange Police Army Navy Force Forces Guard Command Embassy Consulate Parliament Senate
Congress Assembly Government Administration House Palace Square Street Avenue Airport Port Canal Island
Islands Province State States City County Region Republic Kingdom Emirates Ministries Initiative Program
Programme Project Summit Conference Agreement Treaty Accord Cup League Club United FC Olympics Games
""".split())
_SPEECH_AFTER_NAME = re.compile(r",[ \t]+who\b|[ \t]+(?:said|says|stated|states|told|added|wrote|warned|noted|argued|"
                                r"insisted|explained|declared|announced)\b")
_NAME_AT_END = re.compile(rf"({NAME})$")


def _speaker_intros(text: str, kb: KnowledgeBase, blocked: SpanSet, raw: list[tuple[Mention, str]],
                    known: list[PersonIntro]) -> list[PersonIntro]:
    """People news quotes without a title: 'Laura Richardson, who led ...', 'Yolande Makolo said'."""
    taken = _Taken([(i.start, i.end) for i in known] + [(m.start, m.end) for m, _ in raw])
    intros = []
    for verb in speech_matches(text):
        # Look back from each speech verb for a name right before it (cheaper than scanning every name).
        window_start = max(0, verb.start() - 70)
        # A name ending right before the verb has a capital in its last word: most verbs follow 'he',
        # 'officials' or 'it', and the costly backward name search is skipped for them.
        last_word = verb.start()
        while last_word > window_start and (text[last_word - 1].isalpha() or text[last_word - 1] in ".-'’"):
            last_word -= 1
        if text[last_word:verb.start()].islower():
            continue
        match = _NAME_AT_END.search(text, window_start, verb.start())
        if match is None:
            continue
        start = match.start(1)
        if blocked.covers(start) or taken.overlaps(start, start + 1):
            continue
        raw_name = match.group(1)
        role = kb.role_re.match(raw_name)
        if role:
            raw_name = raw_name[role.end():].lstrip()
        name = _clean_name(raw_name)
        words = name.split()
        if len(words) < 2 or any(w in ORG_WORDS for w in words) or not _acceptable_name(name, kb):
            continue
        if re.search(r"\b(?:in|at|from|of|to|near|outside|inside|across)\s+$", text[max(0, start - 10):start]):
            continue  # 'Analysts in La Ceiba said': a place
        begin = start + match.group(1).find(name)
        if taken.overlaps(begin, begin + len(name)):
            continue
        intros.append(PersonIntro(begin, begin + len(name), name, _country_for(text, begin, kb, raw), "", False))
    return intros


#: "Congo's Thérèse Kayikwamba Wagner signed" but not "Venezuela's Tren de Aragua gang" (a group's name)
_POSSESSIVE_NAME = re.compile(rf"['’]s[ \t]+({NAME})(?=[ \t]+[a-z]|,)(?![ \t]+(?:gang|gangs|cartel|cartels|group|"
                              r"militia|militias|movement|network|syndicate|faction|rebels|army|brigade|clan|party|"
                              r"company|firm|prison|programme|program|law|act)\b)")


def _possessive_intros(text: str, kb: KnowledgeBase, blocked: SpanSet, raw: list[tuple[Mention, str]],
                       known: list[PersonIntro]) -> list[PersonIntro]:
    """People news introduces by their country alone: "Congo's Thérèse Kayikwamba Wagner signed".

    The name must have two to four words, none of them an organisation word, and be followed by a verb
    or a comma (not "Brazil's Petrobras Group"); the possessor gives the country.
    """
    taken = _Taken([(i.start, i.end) for i in known] + [(m.start, m.end) for m, _ in raw if m.type == "person"])
    intros = []
    for mention, _ in raw:
        if mention.type != "country" or mention.via not in ("name", "capital"):
            continue
        match = _POSSESSIVE_NAME.match(text, mention.end)
        if match is None:
            continue
        name = _clean_name(match.group(1))
        words = name.split()
        start = match.start(1) + match.group(1).find(name)
        if not 2 <= len(words) <= 4 or any(w in ORG_WORDS for w in words) or not _acceptable_name(name, kb) \
                or blocked.covers(start) or taken.overlaps(start, start + len(name)):
            continue
        intros.append(PersonIntro(start, start + len(name), name, mention.country, "", True))
    return intros


_LOWER_ROLES = {"strongman", "dictator", "envoy", "special envoy", "spokeswoman", "spokesman", "spokesperson",
                "leader", "opposition leader", "ambassador", "particular envoy"}


def _lower_role_ok(role_text: str) -> bool:
    """Lower-case roles introduce a name only when the role is a descriptor news puts before names."""
    return role_text.lower() in _LOWER_ROLES


def _owner_before(text: str, start: int, by_end: dict[int, Mention]) -> Mention | None:
    """The country or organisation right before a role ('Mexican President', "Peru's foreign minister")."""
    window = text[max(0, start - 40):start]
    match = re.search(rf"{POSSESSIVE}?[ \t]+{_MODIFIER}$", window)
    if not match:
        return None
    owner_end = max(0, start - 40) + match.start()
    return by_end.get(owner_end)




def _acceptable_name(name: str, kb: KnowledgeBase) -> bool:
    words = name.split()
    if not words or any(w.rstrip(".") in NOT_NAME or w in word_lists()["NAME_DOCUMENT_WORDS"] for w in words):
        return False
    hit = kb.lookup(name)
    if hit is not None:
        return hit.type == "person"
    if any(kb.lookup(w) is not None and kb.lookup(w).type != "person" for w in words):
        return False
    # An unknown single word is too often a place, a firm or a headline word to call it a person.
    return len(words) > 1


_IN_PLACE = re.compile(r"^\W*(?:In|From|Back\s+in|Speaking\s+in|Meanwhile\s+in|Over\s+in)\s+$")
#: Prepositions whose object is a place or a topic, not the subject of what follows.
_PREPOSITIONS = frozenset("""to with from against toward towards into on at in by for of over about than between
among""".split())
_AFTER_PREPOSITION = re.compile(r"\b(?:" + "|".join(sorted(_PREPOSITIONS, key=len, reverse=True))
                                + r")\s+(?:the\s+)?$", re.I)


#: 'with' introducing the other side of a meeting or a deal, in the clause right before a person's name.
_COUNTERPART_WITH = re.compile(r"\bwith\s+(?:[\w'’.-]+\s+){0,8}$")


#: 'officials, including Prime Minister X and Foreign Minister': people listed as members of a group named just
#: before
_INCLUDING_BEFORE = re.compile(r",?[ \t]+(?:including|among\s+them|such\s+as)[ \t]+"
                               r"(?:[A-Z][\w'’.-]*,?[ \t]+(?:and[ \t]+)?){0,10}$")


#: A name, then an apposition that says whose office it is: ', head of Mali's ...', ', the leader of Chad'.
_OF_APPOSITION = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3},[ \t]+(?:the[ \t]+)?(?:[a-z-]+[ \t]+){1,2}"
                            r"of[ \t]+(?:the[ \t]+)?")


def _country_for(text: str, offset: int, kb: KnowledgeBase, raw: list[tuple[Mention, str]]) -> str:
    """Country of a person introduced without one, read from where news places them.

    In order: a place opening the sentence ('In Moscow, foreign ministry spokeswoman ...'); the first
    country the sentence names before the person, as a subject rather than a prepositional object; the
    first such country of the previous sentence in the same paragraph. "" when none applies (the caller
    then falls back to the dateline or the country the document is mostly about).
    """
    sentences = sentences_of(text)
    index = bisect_right(_starts_of(text), offset) - 1
    if index < 0:
        return ""
    sentence = sentences[index]
    countries, mention_starts = _placing_mentions(raw)
    # Only mentions between the previous sentence's start and the offset can place the person.
    low = bisect_left(mention_starts, sentences[index - 1].start if index > 0 else sentence.start)
    high = bisect_left(mention_starts, offset)
    in_sentence = [m for m in countries[low:high] if m.start >= sentence.start]
    for mention in in_sentence:
        if _IN_PLACE.match(text[sentence.start:mention.start]):
            return mention.country
    including = _INCLUDING_BEFORE.search(text, max(sentence.start, offset - 120), offset)
    if including:
        group = next((m for m in _backwards(countries, high) if m.end <= including.start()), None)
        if group is not None and including.start() - group.end <= 12 and group.country:
            return group.country  # 'Afghan Taliban officials, including Prime Minister Hasan Akhund'
    apposition = _OF_APPOSITION.match(text, offset, sentence.end)
    if apposition:
        at = bisect_left(mention_starts, apposition.end())
        if at < len(countries) and countries[at].start == apposition.end() and countries[at].type == "country" \
                and countries[at].via in ("name", "capital", "government"):
            return countries[at].country  # 'Abdoulaye Maiga, head of Mali's transitional government'
    for mention in _backwards(countries, high):
        if mention.start < offset - 80:
            break
        if mention.type == "country" and mention.end <= offset and offset - mention.end <= 3 \
                and re.match(r"['’]s?\s+$", text[mention.end:offset]):
            return mention.country  # "Denmark's Lars Løkke Rasmussen"
        if mention.type == "person" and mention.country and _CONJOINED.fullmatch(text, mention.end, offset):
            # 'talks with Mulino and Foreign Minister Chapma': office holders named together are one side
            return mention.country
    counterpart = _COUNTERPART_WITH.search(text, sentence.start, offset)
    object_end = -1
    for mention in in_sentence:
        if counterpart is not None and mention.start < counterpart.start():
            continue  # 'The Japanese ministers met with Foreign Secretary Manalo': the other side's man
        if _AFTER_PREPOSITION.search(text[max(sentence.start, mention.start - 15):mention.start]) or (
                object_end >= 0 and _LIST_ITEM_GAP.fullmatch(text, object_end, mention.start)):
            object_end = mention.end  # 'forces of Burkina Faso and Mali': the whole list is the object
            continue
        return mention.country
    if _ITS_ROLE.search(text[max(sentence.start, offset - 60):offset]):
        for mention in _backwards(countries, high):
            if mention.type == "country" and mention.via != "demonym" \
                    and not _AFTER_PREPOSITION.search(text[max(0, mention.start - 15):mention.start]):
                return mention.country
    if index > 0 and sentences[index - 1].line_start == sentence.line_start:
        previous = sentences[index - 1]
        for mention in countries[low:high]:
            if mention.start >= previous.end:
                break
            if mention.via == "demonym" or mention.type == "person":
                continue
            if not _AFTER_PREPOSITION.search(text[max(previous.start, mention.start - 15):mention.start]) \
                    or _IN_PLACE.match(text[previous.start:mention.start]):  # 'In La Paz, the ministry said'
                return mention.country
    speech = _SAID_SUBJECT.match(text, offset, sentence.end)
    if speech:
        at = bisect_left(mention_starts, speech.end())
        for mention in countries[at:]:
            if mention.start != speech.end():
                break
            if mention.type == "country" and mention.via != "demonym":
                return mention.country  # 'Foreign Minister X said Mexico would ...': the speaker's country
    return ""


#: Lower-case words before a country that do not make it a verb's object (conjunctions, speech verbs...).
_NOT_A_VERB = frozenset("""and or but nor that said says say told as while when because if although after before
since then so which who whereas both either neither where the a an its their his her also now still meanwhile
however""".split())



def _after_preposition(text: str, start: int) -> bool:
    """`_AFTER_PREPOSITION` on the words before `start`, without a regex search (run for every mention)."""
    words = text[max(0, start - 15):start].split()
    if not words or not text[start - 1].isspace():
        return False
    if words[-1].lower() == "the" and len(words) > 1:
        words.pop()
    # a lone word at the window's start may be the cut end of a longer one ('onto' -> 'to')
    return words[-1].lower() in _PREPOSITIONS and (len(words) > 1 or start <= 15 or not text[start - 16].isalnum())


def _after_verb(text: str, start: int) -> bool:
    """A country right after a lower-case word that is not a conjunction or a speech verb is a verb's object
    ('would leave Ecuador', 'accused Mexico'): like a prepositional object, it is not the next subject."""
    words = text[max(0, start - 25):start].split()
    if words and words[-1] == "the":
        words.pop()
    if not words or not text[start - 1].isspace():
        return False
    word = words[-1]
    return word.isalpha() and word.islower() and word not in _NOT_A_VERB


_SAID_SUBJECT = re.compile(r"[^.;:]{0,60}?\b(?:said|says|told\s+\w+|stated|announced|insisted|warned|added)"
                           r"\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:the\s+)?")
_ITS_ROLE = re.compile(r"(?:\b[Ii]ts|\b[Tt]heir|\b[Tt]he\s+(?:country|nation|government|ministry|junta|regime)['’]s)"
                       r"\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:[A-Z][\w.-]*\s+){0,2}$")
_SENTENCE_CACHE: dict[int, tuple[str, list]] = {}
_PLACING: list = [None, ([], []), 0]
_STARTS: list = [None, []]


def _backwards(items: list[Mention], end: int) -> Iterator[Mention]:
    """`items[:end]` last to first without copying it: a copy per person placed was quadratic in long texts."""
    for index in range(end - 1, -1, -1):
        yield items[index]


def _placing_mentions(raw: list[tuple[Mention, str]]) -> tuple[list[Mention], list[int]]:
    """Mentions that can place a person in a country, sorted, with their starts for bisecting; computed once
    per document's mention list."""
    # Keyed by the list itself (held, so its id cannot be reused by the next document's list) and its length.
    if _PLACING[0] is not raw or _PLACING[2] != len(raw):
        _PLACING[0], _PLACING[2] = raw, len(raw)
        placing = sorted((m for m, _ in raw if m.type in ("country", "organization", "person") and m.country
                          and m.via in ("name", "demonym", "government", "capital", "role", "administration",
                                        "agency", "person")), key=lambda m: m.start)
        _PLACING[1] = (placing, [m.start for m in placing])
    return _PLACING[1]


def _starts_of(text: str) -> list[int]:
    """Sentence starts of a text, cached with its sentences."""
    sentences = sentences_of(text)
    if _STARTS[0] is not sentences:
        _STARTS[0], _STARTS[1] = sentences, [sentence.start for sentence in sentences]
    return _STARTS[1]


def sentences_of(text: str) -> list:
    """Sentences of a text, cached for the document being processed (both stages split it once)."""
    cached = _SENTENCE_CACHE.get(id(text))
    if cached is None or cached[0] is not text:
        _SENTENCE_CACHE.clear()
        cached = (text, split_sentences(text))
        _SENTENCE_CACHE[id(text)] = cached
    return cached[1]


#: 'MANILA —', 'LIMA, Peru (Reuters) -', and the colon of many national agencies ('KATHMANDU, May 6:',
#: 'ISLAMABAD:')
_DATELINE = re.compile(r"^\s*([A-ZÀ-Þ][A-ZÀ-Þ .'’/-]{2,40}?)(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?"
                       r"\s*(?:\([^)]*\)\s*)?(?:[—–-]{1,2}|:)\s")


_CAPITAL_AFTER = re.compile(r"[ \t]+capital(?![\w-])")
#: 'the Russian city of Kazan', 'the Egyptian resort of Sharm el-Sheikh': a place in the demonym's country
_TOWN_OF = re.compile(r"[ \t]+(?:city|town|port|resort|Red[ \t]+Sea[ \t]+resort|Black[ \t]+Sea[ \t]+resort|"
                      r"seaside[ \t]+resort)[ \t]+of[ \t]+[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?")
# 'said in Spanish', 'a statement in French and English', 'speaking Portuguese', 'a Spanish-language daily':
# the demonym names a language, and nobody of that country is a party
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|from|speaks?|spoke|speaking|fluent)[ \t]+$")
_LANGUAGE_AFTER = re.compile(r"-language\b|(?=[ \t]*(?:[,.;:)\]]|$|and\b|or\b|to\b|on\b|at\b|after\b|before\b"
                             r"|when\b|while\b|during\b|[\"”’]))")


@cache
def _private_after() -> re.Pattern[str]:
    """Words after a country name or demonym that make it a country's firms or people rather than its state."""
    return re.compile(r"(?:['’]s)?[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}" + word_classes()["PRIVATE_PARTIES"] + r"(?![\w-])")


def dateline_country(text: str, kb: KnowledgeBase) -> str:
    """The country of a dateline such as 'MANILA —' or 'LIMA, Peru (Reuters) -' opening the body."""
    return dateline_of(text, kb)[0]


def dateline_end(text: str, start: int) -> int:
    """Where a dateline opening the line at `start` ends ('LIMA, Peru (Reuters) - '), or -1: the places it
    names say where the report was filed, they are no parties of its first sentence."""
    match = _DATELINE.match(text, start)
    return match.end() if match else -1


def dateline_of(text: str, kb: KnowledgeBase) -> tuple[str, int]:
    """The dateline's country and the offset of its line in `text`; ("", -1) without a placed dateline."""
    offset = 0
    for line in text.split("\n")[:8]:
        match = _DATELINE.match(line)
        if match:
            place = match.group(1).split("/")[0].strip().title()  # 'ISLAMABAD/SRINAGAR': the first place
            alias = kb.lookup(place) or kb.lookup(place.replace("Of", "of"))
            if alias is not None and alias.type == "country":
                return alias.country, offset
        offset += len(line) + 1
    return "", -1


_GOVERNMENT_OF_RE = re.compile(
    r"(?:[Tt]he|[Ii]ts)[ \t]+(?:[\w-]+[ \t]+)?(?:[Gg]overnment|[Aa]uthorities|"
    r"[Ll]eadership|[Rr]egime|people)[ \t]+(?:of|in)[ \t]+$")


def _add_governments_of(text: str, raw: list[tuple[Mention, str]]) -> None:
    """'the government of Costa Rica' acts for Costa Rica: widen the country mention over the phrase."""
    for mention, _ in list(raw):
        if (mention.type == "country" and mention.via in ("name", "capital")) or (
                mention.type == "person" and mention.country):
            window = text[max(0, mention.start - 45):mention.start]
            match = _GOVERNMENT_OF_RE.search(window) or (
                _AGENTS_FROM_RE.search(window) if mention.type == "country"
                and not re.match(r"[ \t]+[A-Z]", text[mention.end:mention.end + 2]) else None)
            # ('officials from the Pakistan High Commission': the country names a body, whose officials are
            # named as such only if the body is)
            if match:
                start = mention.start - len(window) + match.start()
                raw.append((Mention(start, mention.end, text[start:mention.end], "country", mention.country,
                                    mention.country, "", "government"), ""))


#: 'envoys from the United States', 'top diplomats of Germany': people who act for the country named.
_AGENTS_FROM_RE = re.compile(r"\b(?:[Ee]nvoys?|[Dd]iplomats?|[Oo]fficials?|[Mm]inisters|[Dd]elegations?|[Dd]elegates|"
                             r"[Rr]epresentatives|[Nn]egotiators|[Cc]ounterparts)[ \t]+(?:from|of)[ \t]+"
                             r"(?:the[ \t]+)?$")
_ADMIN_RE = re.compile(r"[ \t]+(?:administration|government|White House|cabinet|regime)(?![\w-])")


_PLACE_ANAPHORA = re.compile(r"\b[Tt]he\s+(canal|waterway|base|port|strait|dam|islands?)\b")
_PLACE_HEAD = {"waterway": "canal"}


@cache
def _role_anaphor_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """'the President', 'the foreign minister': an office named with 'the' and nothing that places it."""
    alternatives = "|".join(re.escape(role) for role in sorted(roles, key=len, reverse=True))
    return re.compile(rf"\b[Tt]he[ \t]+((?i:{alternatives}))\b(?![ \t]+(?:of|for|[A-Z]))")


def _add_role_anaphora(text: str, raw: list[tuple[Mention, str]], kb: KnowledgeBase) -> None:
    """'President Donald Trump ... The President urged India to': an office named alone refers back to the
    last person of the document holding it, when that person's country is known."""
    people = sorted((m for m, _ in raw if m.type == "person" and m.country and m.role), key=lambda m: m.start)
    if not people:
        return
    taken = _Taken((m.start, m.end) for m, _ in raw)  # bisected: a scan per match was quadratic in long texts
    starts = [m.start for m in people]
    for match in _role_anaphor_pattern(tuple(kb.roles)).finditer(text):
        canonical = kb.roles[match.group(1).lower()][0]
        if taken.overlaps(match.start(), match.end()):
            continue
        index = bisect_right(starts, match.start()) - 1
        while index >= 0 and people[index].role != canonical:
            index -= 1
        if index >= 0:
            holder = people[index]
            raw.append((Mention(match.start(), match.end(), match.group(), "person", holder.key, holder.country,
                                holder.role, "surname"), ""))


@cache
def _regions() -> dict[str, frozenset[str]]:
    """Region words and the countries they describe (graph/data/regions.csv)."""
    return {row["region"]: frozenset(row["countries"].split()) for row in read_data("regions.csv")}


#: Words that describe a country without placing it ('the impoverished nation', words.csv COUNTRY_DESCRIPTION)
#: point back as 'the country' does; 'neighbouring' is not one of them: 'the neighbouring country' is another.
_DESCRIBED_NOUN = (r"(?:country|nation|state|kingdom|republic|monarchy|emirate|archipelago|island|giant|power|ally"
                   r"|neighbou?r|partner)")


@cache
def _described_re() -> re.Pattern[str]:
    regions = "|".join(sorted((re.escape(r) for r in _regions()), key=len, reverse=True))
    descriptions = "|".join(sorted((re.escape(d) for d in word_lists()["COUNTRY_DESCRIPTION"]), key=len,
                                   reverse=True))
    return re.compile(
        rf"(?<![\w-])[Tt]he[ \t]+(?:(?:{descriptions})(?:,)?[ \t]+)*(?:(?P<region>{regions})[ \t]+"
        rf"(?:(?:{descriptions}|island)[ \t]+)?|(?P<plain>(?:{descriptions})[ \t]+))"
        rf"{_DESCRIBED_NOUN}(?![\w-])(?![ \t]+of\b)(?!['’]s[ \t]+\w+[ \t]+of\b)")


def _add_described_countries(text: str, raw: list[tuple[Mention, str]]) -> None:
    """'The Central American country', 'the Gulf state', 'the impoverished nation': news names a country
    it has just named by describing it. A description with a region stands for the nearest country named
    before it in that region (in the last 1,500 characters); one without a region points back as 'the
    country' does. 'The Gulf state of Qatar' names its country itself and is left alone."""
    if "he " not in text:
        return
    countries = sorted((m for m, _ in raw if m.type == "country" and m.country and m.via != "private"),
                       key=lambda m: m.start)
    starts = [m.start for m in countries]
    for match in _described_re().finditer(text):
        if match.group("plain"):
            raw.append((Mention(match.start(), match.end(), match.group(), "pronoun", "nation", "", "",
                                "pronoun"), ""))
            continue
        members = _regions()[match.group("region")]
        index = bisect_right(starts, match.start()) - 1
        while index >= 0 and countries[index].start > match.start() - 1500:
            found = countries[index]
            if found.country in members and found.end <= match.start():
                raw.append((Mention(match.start(), match.end(), match.group(), "country", found.country,
                                    found.country, "", "pronoun"), ""))
                break
            index -= 1


#: 'these countries', 'those governments', 'the seven Latin American countries', 'the trio': a group named just
#: before.
#: 'those countries that refused' is described by what follows, not named before.
_GROUP_RE = re.compile(
    r"(?<![\w-])(?:(?:[Tt]hese|[Tt]hose|[Tt]he[ \t]+(?P<size>three|four|five|six|seven|eight|nine|ten|\d{1,2}))"
    r"(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]+(?:countries|nations|governments|states)|[Tt]he[ \t]+(?P<trio>trio))(?![\w-])"
    r"(?![ \t]+(?:that|which|who|whose|where|with|like|such|including)\b)")
_GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
#: What separates the members of a list of countries: 'A, B and the C', 'A or B'.
_LIST_GAP = re.compile(r"(?:,[ \t]*|[ \t]+)(?:(?:and|or)[ \t]+)?(?:the[ \t]+)?|[ \t]*(?:,[ \t]*)?-[ \t]*")


def _last_list(text: str, mentions: list[Mention], before: int, size: int | None, reach: int = 1500,
               starts: list[int] | None = None) -> list[Mention]:
    """The countries of the last list named before `before` (within `reach` characters): at least two
    countries separated only by commas, 'and' or 'or'; of exactly `size` when the group gives its number.

    `mentions` are in text order; with their `starts` the window is found by bisection, without them it is
    read back from the end (the mentions resolved so far), so a long document costs no scan per group."""
    index = (bisect_right(starts, before) if starts is not None else len(mentions)) - 1
    window: list[Mention] = []
    while index >= 0 and mentions[index].start >= before - reach:
        mention = mentions[index]
        if mention.type == "country" and mention.country and mention.via not in ("place", "private") \
                and mention.end <= before:
            window.append(mention)
        index -= 1
    window.reverse()
    runs: list[list[Mention]] = []
    for mention in window:
        if runs and _LIST_GAP.fullmatch(text, runs[-1][-1].end, mention.start):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    for run in reversed(runs):
        members = list({m.country: m for m in run}.values())
        if len(members) >= 2 and (size is None or len(members) == size):
            return members
    return []


def _add_group_anaphora(text: str, mentions: list[Mention], blocked: SpanSet) -> list[Mention]:
    """'Venezuela expelled the ambassadors of Argentina, Chile and Peru ... the closure of the missions of
    these countries': a plural group stands for each country of the last list named before it, so what is
    said of the group is said of each (as 'the two countries' stands for a pair)."""
    if "these " not in text and "those " not in text and "These " not in text and "Those " not in text \
            and " countries" not in text and " trio" not in text:
        return mentions
    added: list[Mention] = []
    starts = [m.start for m in mentions]
    for match in _GROUP_RE.finditer(text):
        at = bisect_right(starts, match.start()) - 1
        if blocked.covers(match.start()) or (at >= 0 and mentions[at].start <= match.start() < mentions[at].end):
            continue
        size = match.group("size") or ("three" if match.group("trio") else None)
        wanted = (int(size) if size.isdigit() else _GROUP_SIZES[size]) if size else None
        members = _last_list(text, mentions, match.start(), wanted, starts=starts)
        via = "government" if match.group().endswith("governments") else "pronoun"
        added.extend(Mention(match.start(), match.end(), match.group(), "country", m.country, m.country, "", via)
                     for m in members)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _add_place_anaphora(text: str, raw: list[tuple[Mention, str]]) -> None:
    """'the canal' after 'the Panama Canal' is the same place, in the same country."""
    places = sorted((m for m, _ in raw if m.via == "place"), key=lambda m: m.start)
    if not places:
        return
    starts = [m.start for m in places]
    for match in _PLACE_ANAPHORA.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        noun = _PLACE_HEAD.get(match.group(1).lower(), match.group(1).lower())
        while index >= 0:
            place = places[index]
            if place.text.lower().endswith(noun) and place.end <= match.start():
                raw.append((Mention(match.start(), match.end(), match.group(), "country", place.key,
                                    place.country, "", "place"), ""))
                break
            index -= 1


def _merge_short_names(raw: list[tuple[Mention, str]], persons: dict[str, Person]) -> None:
    """'King Abdullah' and 'King Abdullah II' in one article are one person: a name whose words all belong
    to exactly one longer name of the document is that person."""
    words = {name: set(_fold(name).lower().split()) for name in persons}
    merged: dict[str, str] = {}
    for name, own in words.items():
        longer = [other for other, theirs in words.items() if other != name and own < theirs]
        if len(longer) == 1:
            merged[name] = longer[0]
    for index, (mention, gender) in enumerate(raw):
        if mention.type == "person" and mention.key in merged:
            target = persons[merged[mention.key]]
            raw[index] = (Mention(mention.start, mention.end, mention.text, "person", target.name, target.country,
                                  target.role, mention.via), target.gender or gender)
    for name in merged:
        persons.pop(name, None)


def _add_administrations(text: str, raw: list[tuple[Mention, str]], persons: dict[str, Person]) -> None:
    """'The Trump administration' acts for the person's country: add it as a government mention."""
    for mention, _ in list(raw):
        if mention.type == "person" and mention.country:
            match = _ADMIN_RE.match(text, mention.end)
            if match:
                raw.append((Mention(mention.start, match.end(), text[mention.start:match.end()], "country",
                                    mention.country, mention.country, "", "administration"), ""))


def _non_overlapping(raw: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """Keep the longest mention where spans overlap (an introduction beats the alias inside it)."""
    order = sorted(raw, key=lambda item: (item[0].start, -(item[0].end - item[0].start)))
    kept: list[tuple[Mention, str]] = []
    last_end = -1
    for item in order:
        mention = item[0]
        if mention.start >= last_end:
            kept.append(item)
            last_end = mention.end
        elif mention.type == "person" and kept and kept[-1][0].type == "country" \
                and kept[-1][0].via == "administration":
            continue
    return kept


def _main_pair(items: list[tuple[Mention, str]]) -> frozenset[str]:
    """The two countries a document names most (parties only), when they clearly lead the rest."""
    counts = Counter(m.country for m, _ in items if m.country and m.type in ("country", "person", "organization")
                     and m.via not in ("place", "private"))
    ranked = counts.most_common(3)
    if len(ranked) < 2 or (len(ranked) == 3 and ranked[1][1] <= ranked[2][1]):
        return frozenset()
    return frozenset(country for country, _ in ranked[:2])


def _resolve(items: list[tuple[Mention, str]], persons: dict[str, Person], gender_of: dict[str, str],
             quotes: SpanSet, text: str) -> list[Mention]:
    """Resolve pronouns and nominals in text order; drop the ones that point nowhere.

    Two habits of news prose decide between candidates. A pronoun that opens a sentence (or follows a
    closing quote: '"...," he said') points to the subject of the previous sentence, not to whoever was
    named last. A pronoun outside quotation marks skips people named only inside quotes.
    """
    sentences = sentences_of(text)
    starts = [sentence.start for sentence in sentences]
    ahead = _cataphora(items, persons, sentences, starts, text)
    everywhere, outside = _Tracker(), _Tracker()
    main_pair = _main_pair(items)
    subjects: dict[int, Mention] = {}
    country_subjects: dict[int, Mention] = {}
    resolved: list[Mention] = []
    previous_object: Mention | None = None
    latest_country: dict[str, Mention] = {}  #: the last mention of each country resolved so far
    index = -2
    for mention, gender in items:
        quoted = quotes.covers(mention.start) if quotes.spans else False
        tracker = everywhere if quoted else outside
        if index < 0 or not (starts[index] <= mention.start and (index + 1 == len(starts)
                                                                  or mention.start < starts[index + 1])):
            index = bisect_right(starts, mention.start) - 1  # mentions come in text order: mostly the same one
            sentence_start = sentences[index].start if index >= 0 else 0
            everywhere.enter(index, sentence_start)
            outside.enter(index, sentence_start)
        if mention.type == "pronoun" and mention.key == "pair":
            # 'the two leaders' and 'both governments' are officials (they meet and travel); 'the two
            # countries' may be places too
            official = not re.search(r"(?:countries|nations?|states|capitals|locations|country)$", mention.text)
            pair = tracker.resolve_pair()
            if not official and main_pair and {m.country for m in pair} != main_pair:
                # 'the two countries broke off relations' after a sentence about a third country: the pair the
                # document is about, when both were named lately
                recent = {m.country: m for m in tracker.recent}
                if main_pair <= recent.keys():
                    pair = [recent[country] for country in sorted(main_pair)]
            if not official:
                # 'forces of Burkina Faso and Mali ... a delegation from the two countries': a pair listed in
                # the same sentence, even after prepositions
                listed = _last_list(text, resolved, mention.start, None,
                                    reach=mention.start - sentences[index].start if index >= 0 else 0)
                if len(listed) == 2:
                    pair = listed
            if len(pair) < 2 and main_pair and not official:
                # 'The two countries had already recalled their ambassadors' after a paragraph naming one of
                # them as a party and the other only after prepositions: the pair the document is about
                named = {country: latest_country[country] for country in main_pair if country in latest_country}
                if named.keys() == main_pair:
                    pair = [named[country] for country in sorted(main_pair)]
            for antecedent in pair:
                if antecedent.type == "person" and _PEOPLE_PAIR.search(mention.text):
                    # 'the two men' met: the people themselves ('the two governments' are the countries)
                    resolved.append(Mention(mention.start, mention.end, mention.text, "person", antecedent.key,
                                            antecedent.country, antecedent.role, "pronoun"))
                    continue
                country = _country_mention(antecedent)
                resolved.append(Mention(mention.start, mention.end, mention.text, "country", country.key,
                                        country.country, "", "government" if official else "pronoun"))
            continue
        if mention.type == "pronoun":
            antecedent = ahead.get(mention.start)
            if antecedent is None and mention.key == "person" and index >= 0 \
                    and _opens_clause(text, sentences[index].start, mention.start, quotes):
                antecedent = _previous_subject(subjects, index, mention.text, gender_of)
            if antecedent is None and mention.key == "person" and resolved and resolved[-1].type == "person" \
                    and (_SAYER_GAP.fullmatch(text, resolved[-1].end, mention.start)
                         or _POSSESSIVE_SAYING.fullmatch(text, resolved[-1].end, mention.start)):
                antecedent = resolved[-1]  # 'after he announced he would lift': the one who announced
            if antecedent is None and mention.key == "person" and index in subjects and (
                    _COORDINATED_SAYING.search(text, max(sentences[index].start, mention.start - 40), mention.start)
                    or _SUBORDINATE_OPENER.search(text, max(sentences[index].start, mention.start - 30),
                                                  mention.start)):
                # 'the president offered Rubio closer cooperation and said he would not renew': the subject
                # of the coordinated speech verb is the sentence's subject, not the person named last
                subject = subjects[index]
                wanted = "f" if mention.text.lower().startswith(("she", "her")) else "m"
                if gender_of.get(subject.key, "") in ("", wanted):
                    antecedent = subject
            if antecedent is None and mention.key == "nation" and index in country_subjects \
                    and _COORDINATED_SAYING.search(text, max(sentences[index].start, mention.start - 40),
                                                   mention.start):
                antecedent = country_subjects[index]  # 'Mexico refuses US aircraft, says it will ...'
            if antecedent is None:
                antecedent = tracker.resolve(mention.key, mention.text, gender_of)
            if antecedent is None:
                continue
            if mention.key in ("nation", "admin"):
                target = _country_mention(antecedent)
                mention = Mention(mention.start, mention.end, mention.text, "country", target.key,
                                  target.country, "", "pronoun")
            else:
                mention = Mention(mention.start, mention.end, mention.text, antecedent.type, antecedent.key,
                                  antecedent.country, antecedent.role, "pronoun")
        elif mention.type == "person" and mention.key in persons:
            person = persons[mention.key]
            gender = gender or person.gender
            gender_of[person.name] = person.gender
            mention = Mention(mention.start, mention.end, mention.text, "person", person.name, person.country,
                              person.role, mention.via)
        resolved.append(mention)
        if mention.type == "country" and mention.country:
            latest_country[mention.country] = mention
        if mention.type == "person" and not quoted and index not in subjects and not (
                index >= 0 and _OPENING_PHRASE_TO.match(text, sentences[index].start, mention.start)):
            subjects[index] = mention  # not "Within hours of Milei's attack, Albares ...": Milei is no subject
        if mention.type == "country" and mention.via in ("name", "government", "capital") and not quoted \
                and index not in country_subjects and index >= 0 \
                and not _after_preposition(text, mention.start) and not _after_verb(text, mention.start):
            country_subjects[index] = mention  # the first country a sentence names as a subject
        after_preposition = mention.type in ("country", "organization") and (
            _after_preposition(text, mention.start) or previous_object is not None
            and _LIST_ITEM_GAP.fullmatch(text, previous_object.end, mention.start) is not None)
        prepositional = after_preposition or (mention.type in ("country", "organization") and (
            _after_verb(text, mention.start) or _object_phrase(text, mention)))
        # 'the envoys of Chile, Colombia and Brazil': every item of an object's list is one
        previous_object = mention if prepositional else None
        possessive = text.startswith(("'s", "’s"), mention.end)
        everywhere.see(mention, gender, prepositional, possessive, after_preposition)
        if not quoted:
            outside.see(mention, gender, prepositional, possessive, after_preposition)
    return resolved


_INNER_PREPOSITION = re.compile(r"\s(?:of|from|to|in|with|against|for)\s")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z]+[ \t]+(?:the[ \t]+)?$")


def _object_phrase(text: str, mention: Mention) -> bool:
    """'recall its envoys from Chile', 'ordered out the envoys of Chile': a phrase naming a country's people
    after a lower-case word is an object, so its country is no subject for a later 'it'."""
    return mention.via in ("government", "role") and _INNER_PREPOSITION.search(mention.text) is not None \
        and _LOWER_WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start) is not None


#: What separates the items of a list of parties: 'Chile, Colombia and the Dominican Republic'.
_LIST_ITEM_GAP = re.compile(r"(?:,[ \t]*|[ \t]+)(?:(?:and|or)[ \t]+)?(?:the[ \t]+)?")


#: A sentence opened by a participle clause: 'Speaking in Ankara, where he met ..., Zelensky said'.
_PARTICIPLE_OPENER = re.compile(r"[\"“‘']?(?:[A-Z][a-z]+ing|Asked|Interviewed|Questioned|Pressed)\b")


def _cataphora(items: list[tuple[Mention, str]], persons: dict[str, Person], sentences: list, starts: list[int],
               text: str) -> dict[int, Mention]:
    """Pronouns that point forward: in a sentence opened by a participle clause, 'he' or 'she' before the
    sentence's speaker is that speaker ('Speaking in Ankara, where he met Erdogan, Zelensky said')."""
    found: dict[int, Mention] = {}
    # The mentions of a sentence by bisection of their starts: a scan of every mention for every such
    # sentence was quadratic in long texts.
    ordered = sorted((m for m, _ in items), key=lambda m: m.start)
    mention_starts = [m.start for m in ordered]
    for sentence in sentences:
        if not _PARTICIPLE_OPENER.match(text, sentence.start):
            continue
        inside = ordered[bisect_left(mention_starts, sentence.start):bisect_left(mention_starts, sentence.end)]
        speaker = next((m for m in inside if m.type == "person" and _SPEECH_AFTER_NAME.match(text, m.end)), None)
        if speaker is None:
            continue
        person = persons.get(speaker.key)
        speaker = Mention(speaker.start, speaker.end, speaker.text, "person", speaker.key,
                          person.country if person else speaker.country, speaker.role, speaker.via)
        for mention in inside:
            if mention.start >= speaker.start:
                break
            if mention.type == "pronoun" and mention.key == "person" and mention.text.lower() in ("he", "she"):
                found[mention.start] = speaker
    return found


#: 'he announced he would', 'Petro said that he': a pronoun right after its speaker's speech verb is the speaker
_SAYER_GAP = re.compile(r"\s+(?:(?:\w+ly|also|then|later|again|further|has|had|have)\s+){0,2}"
                        r"(?:said|says|announced|announces|added|stated|insisted|stressed|"
                        r"declared|warned|promised|vowed|pledged)\s+(?:that\s+)?")
#: A sentence's opening prepositional phrase up to a position before its first comma ('Within hours of ...').
_OPENING_PHRASE_TO = re.compile(r"\W*(?:Within|After|Before|During|Following|Despite|In|On|At|Amid|Since|Unlike|"
                                r"Like|Besides|Ahead\s+of|Hours\s+after|Days\s+after)\b[^,;]*$")
#: "Petro's announcement that he had turned back": the one whose statement it is
_POSSESSIVE_SAYING = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:announcement|statement|claim|claims|insistence|assertion|"
                                r"remarks?|comments?|declaration|pledge|promise|warning|threat|admission|denial|"
                                r"announcements|statements)\s+that\s+")
#: 'Trump met al-Sharaa ..., a day after he announced': a subordinate clause's 'he' is the main subject
_SUBORDINATE_OPENER = re.compile(r"\b(?:after|before|when|because|since|although|though|until|once|where)\s+$")
_COORDINATED_SAYING = re.compile(r"(?:\band|\bbut|,)\s+(?:also\s+|later\s+)?(?:said|says|added|adds|insisted|stressed|"
                                 r"noted|warned|announced|told\s+\w+)\s+(?:that\s+)?$", re.I)


def _opens_clause(text: str, sentence_start: int, offset: int, quotes: SpanSet) -> bool:
    """True when at most two words outside quotes come before `offset` in its sentence."""
    words = 0
    for match in re.finditer(r"\S+", text[sentence_start:offset]):
        if not quotes.covers(sentence_start + match.start()):
            words += 1
    return words <= 2


def _previous_subject(subjects: dict[int, Mention], index: int, pronoun: str,
                      gender_of: dict[str, str]) -> Mention | None:
    """The first person named outside quotes in the closest earlier sentence that names one."""
    wanted = "f" if pronoun.lower().startswith(("she", "her")) else "m"
    for earlier in range(index - 1, max(-1, index - 4), -1):
        subject = subjects.get(earlier)
        if subject is not None:
            gender = gender_of.get(subject.key, "")
            return subject if gender in ("", wanted) else None
    return None


def _rank_countries(mentions: list[Mention]) -> list[str]:
    """Countries by how often the document refers to them (directly or through its people and bodies)."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.country:
            counts[mention.country] += 1
    return [iso for iso, _ in counts.most_common()]


def iter_entities(actors: DocumentActors) -> Iterator[tuple[str, str, str, str]]:
    """(name, type, country, role) for every named actor of a document, each once; people by their
    canonical name (see :func:`written_names` for how the document writes them)."""
    seen: set[tuple[str, str]] = set()
    kb = knowledge_base()
    for person in actors.persons.values():
        seen.add((person.name, "person"))
        yield person.name, "person", person.country, person.role
    for mention in actors.mentions:
        if mention.type == "country" and mention.via != "pronoun":
            key = (mention.key, "country")
            if key not in seen:
                seen.add(key)
                yield kb.country_name(mention.key), "country", mention.key, ""
        elif mention.type == "organization":
            key = (mention.key, "organization")
            if key not in seen:
                seen.add(key)
                yield mention.key, "organization", mention.country, ""


def written_names(actors: DocumentActors) -> dict[str, str]:
    """Person -> the longest form of their name the document writes, when it has two words or more and ends
    in the same surname as the canonical name ('Abdel Fattah al-Sisi' where the knowledge base spells
    'el-Sisi'). The entities of a document are listed by these names; the graph keeps one node per person,
    named by the canonical name, with the written forms as alternative labels."""
    found: dict[str, str] = {}
    for mention in actors.mentions:
        if mention.type != "person" or mention.via == "pronoun" or not mention.text[:1].isupper():
            continue
        words = mention.text.split()
        surname = _fold(mention.key.split()[-1]).split("-")[-1]
        if len(words) >= 2 and _fold(words[-1]).split("-")[-1] == surname \
                and len(mention.text) > len(found.get(mention.key, "")):
            found[mention.key] = " ".join(words)
    return found
