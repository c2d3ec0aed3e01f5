"""The actor knowledge base: the data files under graph/data and what the mention stage compiles from them.

Countries (ISO 3166 from pycountry, country_names.csv, and the aliases, demonyms and capitals of
country_aliases.csv), organisations (organizations.csv), people (people.csv) and roles (roles.csv) make one
`KnowledgeBase`, with one trie-shaped matcher for every alias and one for every role (`tries.trie_pattern`),
and lookups of a known person by the other ways news writes a name (their keys in name_spellings.py). The
word classes of words.csv are read as word lists and as regex fragments (`word_lists`, `word_classes`,
`word_pattern`). `country_names`, `official_name` and `slug` name countries and people for the graph.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import pycountry

from graph.actors.name_spellings import (
    _article_variants,
    _case_variants,
    _ends_of,
    _fold,
    _fold_name,
    _hyphen_variants,
    _initial_variants,
    _lineage,
    _particle_variants,
    _skeleton,
    _without_generation,
)
from graph.actors.tries import trie_pattern
from graph.records import value_record
from graph.words import WORD, WordIndex, word_index

DATA_DIR = Path(__file__).parent.parent / "data"


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
    keys = {_WORD_SPACE.join(w.rstrip("*").replace("'", _WORD_APOSTROPHE).replace("’", _WORD_APOSTROPHE)
                             + (_WORD_STEM if w.endswith("*") else "") for w in phrase.split())
            for phrase in (w.strip() for w in words.split("|")) if phrase}
    return trie_pattern(keys, {_WORD_SPACE: r"\s+", _WORD_STEM: r"[\w'’-]*", _WORD_APOSTROPHE: r"['’]"})


#: markers for a space, a stem's ending and an apostrophe inside `word_pattern`: published text writes the
#: apostrophe of "chargé d'affaires" either way, so either matches
_WORD_SPACE, _WORD_STEM, _WORD_APOSTROPHE = "\x00", "\x01", "\x02"


@cache
def word_lists() -> dict[str, tuple[str, ...]]:
    """Word classes from words.csv as word lists, keyed by class name."""
    return {row["class"]: tuple(w.strip() for w in row["words"].split("|") if w.strip())
            for row in read_data("words.csv")}


@cache
def word_classes() -> dict[str, str]:
    """Word classes from words.csv as regex fragments (no boundaries), keyed by class name. A class's stems never
    match the name of a region they spell the start of (`not_a_region`: 'balk*' of REFUSE is no refusal in
    'the Balkans')."""
    return {name: not_a_region(words) + word_pattern("|".join(words)) for name, words in word_lists().items()}


@cache
def region_names() -> tuple[str, ...]:
    """The names of regions as news capitalises them: the gazetteer's regions (country_aliases.csv kind 'region':
    'Balkans', 'Sahel', 'Middle East') and the region adjectives of words.csv REGION_ADJECTIVES ('Baltic',
    'Caribbean'), each word capitalised."""
    names = {row["alias"].strip().removeprefix("the ") for row in read_data("country_aliases.csv")
             if row["kind"] == "region"}
    names.update(" ".join(word[:1].upper() + word[1:] for word in adjective.split())
                 for adjective in word_lists()["REGION_ADJECTIVES"])
    return tuple(sorted(name for name in names if name))


def not_a_region(words: Iterable[str]) -> str:
    """A lookahead that keeps the stems of a word list ('balk*', 'eas*') off the capitalised names of regions they
    spell the start of, in the singular or plural ('Balkans', 'Baltics', 'East Asian'): '' when no region name
    starts with one of the stems. Stems are of one word; a name may be of several."""
    stems = [word[:-1].lower() for word in words if word.endswith("*") and " " not in word]
    names = [name for name in region_names() if any(name.lower().startswith(stem) and len(name) > len(stem)
                                                    for stem in stems)]
    if not names:
        return ""
    return "(?!(?-i:" + "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names) + r")s?(?![\w-]))"


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
    role_re: re.Pattern[str] = field(init=False)
    demonym_re: re.Pattern[str] = field(init=False)  #: one demonym, matched exactly at a known place
    alias_scans: tuple[re.Pattern[str] | None, ...] = field(init=False)  #: alias_re in two parts (`alias_matches`)
    other_aliases: tuple[str, ...] = field(init=False)  #: the aliases that do not open with a capital
    #: what each of them opens with: up to its first hyphen ('al-' for 'al-Assad', 'el-Sisi' ...), or all of it
    other_openings: tuple[str, ...] = field(init=False)
    pair_scan: re.Pattern[str] = field(init=False)  #: pair_re's matches, found faster
    #: a hyphen right before a demonym's first letter, which every match of `pair_scan` holds (`has_pair`)
    pair_hint: re.Pattern[str] = field(init=False)
    folded: dict[str, str] = field(init=False)
    genders: dict[str, str] = field(init=False)  #: known person -> gender, copied per document
    role_words: list[str] = field(init=False)  #: first words of the roles
    role_index: WordIndex = field(init=False)  #: which document words start with a role's first word
    _ends: dict[tuple[str, str], Person | None] | None = field(init=False, default=None, repr=False)
    _tails: dict[tuple[str, str], Person | None] | None = field(init=False, default=None, repr=False)
    _surnames: dict[tuple[str, str], Person | None] | None = field(init=False, default=None, repr=False)
    _lineages: dict[tuple[str, str], Person | None] | None = field(init=False, default=None, repr=False)
    _variants: dict[tuple[str, str], Person | None] | None = field(init=False, default=None, repr=False)
    _by_surname: dict[str, list[tuple[str, Person]]] | None = field(init=False, default=None, repr=False)
    _demonyms: str = field(init=False, default="", repr=False)  #: the demonyms' trie pattern

    @cached_property
    def alias_re(self) -> re.Pattern[str]:
        """Every alias, where no word goes on before or after it: what `alias_matches` finds, as one pattern
        (compiled only when asked for: the mention stage scans with `alias_scans`)."""
        # a look-ahead on the first letters lets the scan skip most positions before trying the trie
        firsts = "".join(sorted({re.escape(alias[0]) for alias in self.aliases}))
        # ('(Kyodo)--North Korea': a double hyphen is a dash, not a compound's hyphen)
        return re.compile(rf"(?=[{firsts}])(?:(?<![\w'’.-])|(?<=--))" + trie_pattern(self.aliases)
                          + r"(?![\w-]|\.\w)")

    @cached_property
    def pair_re(self) -> re.Pattern[str]:
        """'Sudanese-Egyptian': two demonyms joined by a hyphen, what `pair_scan` finds, as one pattern (compiled
        only when asked for)."""
        return re.compile(rf"(?<![\w'’.-])(?:{self._demonyms})-(?:{self._demonyms})(?![\w-])")

    def __post_init__(self) -> None:
        # ('a Sudanese-Egyptian proposal': the hyphen that keeps a name from matching inside a longer word joins
        # two parties here, each a mention of its own)
        demonym_keys = [k for k, a in self.aliases.items() if a.type == "country" and a.kind == "demonym"]
        demonyms = self._demonyms = trie_pattern(demonym_keys)
        self.demonym_re = re.compile(demonyms)
        # The aliases that open with a capital in one pattern, the few others ('al-Assad', 'dpa') in another, tried
        # only on a text that holds one of them; both open with a literal character (`trie_pattern`'s
        # `after_first`), so the regex engine skips in C the positions where no alias can start
        capitals = [k for k in self.aliases if k[:1].isupper()]
        self.other_aliases = tuple(sorted(k for k in self.aliases if not k[:1].isupper()))
        self.other_openings = tuple(dict.fromkeys(k[:k.index("-") + 1] if "-" in k else k for k in self.other_aliases))
        self.alias_scans = tuple(
            re.compile(trie_pattern(keys, after_first=_NO_WORD_BEFORE) + r"(?![\w-]|\.\w)") if keys else None
            for keys in (capitals, self.other_aliases))
        self.pair_scan = re.compile(trie_pattern(demonym_keys, after_first=r"(?<![\w'’.-].)")
                                    + rf"-(?:{demonyms})(?![\w-])")
        self.pair_hint = re.compile("-[" + "".join(sorted({re.escape(key[0]) for key in demonym_keys})) + "]")
        # Case variants in the trie instead of (?i): case-insensitive matching is twice as slow to scan.
        variants = {v for role in self.roles for v in _case_variants(role)}
        self.role_re = re.compile(r"(?<![\w-])" + trie_pattern(variants) + r"s?(?![\w-])")
        self.folded = {_fold_name(k): k for k in self.aliases}
        self.genders = {person.name: person.gender for person in self.people.values()}
        # anchors: a role's first word as the word pass cuts it ('chargé' -> 'charg'), so that the document's
        # words can tell which roles may occur
        self.role_words = sorted({_first_word(role) for role in self.roles})
        self.role_index = word_index((i, [word + "*"]) for i, word in enumerate(self.role_words))

    def pair_matches(self, text: str) -> Iterator[re.Match[str]]:
        """What `pair_scan.finditer(text)` yields. Most texts hold no hyphen before a capital that opens a demonym
        ('-Egyptian'): a search for that, which opens with a literal hyphen the regex engine finds in C, rules
        them out before the trie scan, which tries every capital of the text."""
        if self.pair_hint.search(text) is None:
            return iter(())
        return self.pair_scan.finditer(text)

    def alias_matches(self, text: str) -> Iterator[re.Match[str]]:
        """What `alias_re.finditer(text)` yields: the matches of its two parts in text order, each from the end
        of the one before (a match opens with a capital or with another character, never both, so no two
        matches of the parts start at one offset)."""
        capitals, others = self.alias_scans
        # (a text holding none of their openings holds none of them: a few substring tests for the many aliases)
        if others is None or not any(opening in text for opening in self.other_openings):
            yield from capitals.finditer(text)  # type: ignore[union-attr]
            return
        pos = 0
        upper, lower = capitals.search(text), others.search(text)  # type: ignore[union-attr]
        while upper is not None or lower is not None:
            match = upper if lower is None or (upper is not None and upper.start() < lower.start()) else lower
            yield match  # type: ignore[misc]
            pos = match.end()  # type: ignore[union-attr]
            if upper is not None and upper.start() < pos:
                upper = capitals.search(text, pos)  # type: ignore[union-attr]
            if lower is not None and lower.start() < pos:
                lower = others.search(text, pos)

    def lookup(self, surface: str) -> Alias | None:
        """The alias entry for a surface form, tolerant of accents and curly apostrophes."""
        hit = self.aliases.get(surface)
        if hit is None:
            key = self.folded.get(_fold_name(surface))
            hit = self.aliases.get(key) if key else None
        return hit

    def country_name(self, iso3: str) -> str:
        return self.countries.get(iso3, iso3)

    def person_by_surname(self, country: str, surname: str) -> Person | None:
        """The one known person of a country with this surname ('Philippine President Marcos' is Ferdinand Marcos
        Jr.), or None when none or several have it."""
        if self._surnames is None:
            found: dict[tuple[str, str], Person | None] = {}
            for person in self.people.values():
                words = [w for w in _fold(person.name).split() if w.rstrip(".") not in ("Jr", "Sr")]
                if person.country and len(words) >= 2:
                    key = (person.country, words[-1])
                    found[key] = None if key in found else person
            self._surnames = found
        return self._surnames.get((country, _fold(surname)))

    def person_by_ends(self, name: str) -> Person | None:
        """The known person whose first and last names a longer written name has ('Bola Ahmed Tinubu' is
        Bola Tinubu): news adds middle names the knowledge base leaves out."""
        words = _fold_name(name).split()
        if len(words) < 3:
            return None
        return self._people_by_ends().get((words[0], words[-1]))

    def person_by_tail(self, name: str) -> Person | None:
        """The known person whose last two names a two-word written name is ('Tayyip Erdogan' is Recep Tayyip
        Erdoğan): news drops a first given name the knowledge base keeps, when no other known person ends so."""
        words = _fold_name(name).split()
        return self._people_by_tail().get((words[0], words[1])) if len(words) == 2 else None

    def _people_by_tail(self) -> dict[tuple[str, str], Person | None]:
        """(second-last name, last name) of the known people with three names or more (None when two share)."""
        if self._tails is None:
            self._tails = self._unique_people(lambda parts: (parts[-2], parts[-1]) if len(parts) >= 3 else None)
        return self._tails

    def person_by_variant(self, name: str) -> Person | None:
        """The known person whose surname a two-word written name has, its given name another transliteration of
        theirs ('Esmail Baghaei' is Esmaeil Baghaei, 'Muhammed Bazoum' Mohamed Bazoum): Arabic, Persian and West
        African given names reach English news in several spellings, the same consonants in the same order."""
        words = _fold_name(name).split()
        if len(words) != 2 or len(words[0]) < 4:
            return None
        if self._variants is None:
            self._variants = self._unique_people(lambda parts: (_skeleton(parts[0]), parts[1])
                                                 if len(parts) == 2 and len(parts[0]) >= 4 else None)
        person = self._variants.get((_skeleton(words[0]), words[1]))
        return person if person is not None and len(_skeleton(words[0])) >= 3 else None

    def person_by_short_given(self, name: str) -> Person | None:
        """The known person whose surname a two-word written name has, one given name the start of the other
        ('Pamela Bondi' is the known 'Pam Bondi'): a short form of the given name, when no other known person of
        that surname has a given name so begun."""
        words = _fold_name(name).split()
        if len(words) != 2 or len(words[0]) < 3:
            return None
        if self._by_surname is None:
            self._by_surname = defaultdict(list)
            for person in self.people.values():
                parts = _fold_name(person.name).split()
                if len(parts) == 2 and len(parts[0]) >= 3:
                    self._by_surname[parts[1]].append((parts[0].lower(), person))
        given = words[0].lower()
        found = [person for known, person in self._by_surname.get(words[1], ())
                 if known != given and (known.startswith(given) or given.startswith(known))]
        return found[0] if len(found) == 1 else None

    def person_reversed(self, name: str) -> Person | None:
        """The known person whose two names a written name gives the other way round: 'Kamikawa Yoko' is Yoko
        Kamikawa. Japanese, Chinese, Korean and Hungarian names are often written family name first."""
        words = _fold_name(name).split()
        return self._people_by_ends().get((words[1], words[0])) if len(words) == 2 else None

    def _people_by_ends(self) -> dict[tuple[str, str], Person | None]:
        """(first name, last name) -> the one known person with those ends (None when two share them)."""
        if self._ends is None:
            self._ends = self._unique_people(lambda parts: _ends_of(_without_generation(parts)))
        return self._ends

    def _unique_people(self, key: Callable[[list[str]], tuple[str, str] | None]
                       ) -> dict[tuple[str, str], Person | None]:
        """Each key of a known person's folded name words -> that person, or None when two people share the key
        (a name that could be either is nobody's)."""
        index: dict[tuple[str, str], Person | None] = {}
        for person in self.people.values():
            found = key(_fold_name(person.name).split())
            if found is not None:
                index[found] = None if found in index else person
        return index


    def person_by_lineage(self, name: str) -> Person | None:
        """The known person whose given name and father's name an Arabic name has: 'Sheikh Mohammed bin
        Abdulrahman Al-Thani' and 'Prince Faisal bin Farhan Al Saud' are the known 'Mohammed bin Abdulrahman Al
        Thani' and 'Faisal bin Farhan'. News puts titles before such names, adds the family name or a
        grandfather's, and spells the article several ways; a family name written on both sides must agree. The
        given name compares by its consonants (`_skeleton`): 'Mohammed bin Zayed' is the known 'Mohamed bin Zayed'."""
        found = _lineage(name)
        if found is None:
            return None
        if self._lineages is None:
            lineages: dict[tuple[str, str], Person | None] = {}
            for person in self.people.values():
                known = _lineage(person.name)
                if known is not None and person.country:
                    for key in {known[0], _sounded(known[0])}:
                        lineages[key] = None if key in lineages else person
            self._lineages = lineages
        person = self._lineages.get(found[0])
        if person is None and found[0] not in self._lineages and len(_skeleton(found[0][0])) >= 3:
            person = self._lineages.get(_sounded(found[0]))
        if person is None:
            return None
        family = _lineage(person.name)[1]  # type: ignore[index]
        return person if not (family and found[1]) or family == found[1] else None


def _sounded(lineage: tuple[str, str]) -> tuple[str, str]:
    """A (given name, father's name) pair keyed by the given name's consonants, so that its transliterations meet;
    marked so that it never equals a written pair."""
    return "~" + _skeleton(lineage[0]), lineage[1]


#: Before an alias (`trie_pattern`'s `after_first`, seen from after its first character): no word character,
#: apostrophe, full stop or hyphen, except a double hyphen, which is a dash ('(Kyodo)--North Korea')
_NO_WORD_BEFORE = r"(?:(?<![\w'’.-].)|(?<=--.))"


def _first_word(phrase: str) -> str:
    """The first word of a lower-case phrase as `doc_words` cuts words (ASCII letters and digits)."""
    found = WORD.match(phrase)
    return found.group() if found else phrase.split(" ")[0]


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
            if re.match(r"[A-Z]\. [A-Z]", surface):
                aliases.setdefault(surface.replace(" ", "", 1), alias)  # headlines write 'S.Africa' for 'S. Africa'

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
    for surface, alias in list(aliases.items()):
        if alias.type == "country" and alias.kind == "name" and len(surface) > 4 and surface[1:].islower():
            # 'SWEDEN is withdrawing its aid': a wire's capitals on the first word of a story
            add(surface.upper(), alias)
    for alias in aliases.values():
        if alias.type == "country" and alias.key and alias.key not in countries and alias.kind == "name":
            # a country the ISO table lacks (Kosovo, XKX): its first listed name is its label
            countries[alias.key] = next(k for k, a in aliases.items() if a.key == alias.key and a.kind == "name")
    for row in read_data("organizations.csv"):
        kind = row["kind"]
        # media outlets, market indices and armed groups are named so that their names never count as a party
        alias_type = "media" if kind in ("media", "state-media", "index", "armed-group") else "organization"
        entry = Alias(alias_type, row["name"], row["country"], kind)
        for surface in [row["name"], *row["aliases"].split("|")]:
            add(surface, entry)
    people: dict[str, Person] = {}
    for row in read_data("people.csv"):
        names = tuple(a for a in row["aliases"].split("|") if a)
        person = Person(row["name"], row["country"], row["role"], row["start"], row["end"], row["gender"], names)
        people[person.name] = person
        entry = Alias("person", person.name, person.country, "person", role=person.role, gender=person.gender)
        # a one-word alias (a surname) counts only on its own: 'Rasool' is not 'Karim Rasool Baig'
        alone = Alias("person", person.name, person.country, "person", True, role=person.role, gender=person.gender)
        for surface in (person.name, *names):
            add(surface, alone if " " not in surface else entry)
            for variant in _particle_variants(surface) + _article_variants(surface):
                add(variant, alone if " " not in variant else entry)
            for variant in _hyphen_variants(surface) + _initial_variants(surface):
                add(variant, entry)
            if _fold(surface) != surface:
                # 'Deby' for the 'Déby' listed: English news often drops the accents of names
                add(_fold(surface), alone if " " not in surface else entry)
    roles = {row["role"].lower(): (row["canonical"], row["gender"]) for row in read_data("roles.csv")}
    return KnowledgeBase(countries, iso2, aliases, people, roles)


