"""People: the record of a person the text introduces, and one person under several names.

The intro modules find people: by a role (role_intros.py), as speakers, by a country's possessive or as a
counterpart (speaker_intros.py), by a transcript's layout (transcript_intros.py); person_countries.py places
them in a country and person_names.py says what a name looks like. Here is their record (`PersonIntro`) and
what makes two names one person: a known person lends their surname to the rest of the document
(`_add_known_surnames`), and a short form of a name is the person of the longer one (`_merge_short_names`).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from graph.actors.knowledge import Alias, KnowledgeBase, Person, word_lists
from graph.actors.name_spellings import _fold, _lineage
from graph.records import Mention, value_record


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
        for surname in _short_names(person.name, person.country, mention.text):
            named.setdefault(surname, set()).add(person.name)
    for surname, owners in named.items():
        if surname in new_aliases:
            del new_aliases[surname]  # an unknown person of the document shares it: nobody gets it
            continue
        if len(owners) != 1 or kb.lookup(surname) is not None:
            continue
        person = kb.people[next(iter(owners))]
        persons.setdefault(person.name, person)
        new_aliases[surname] = Alias("person", person.name, person.country, "person", role=person.role)


def _first_word_names(country: str) -> bool:
    """Whether news names a person of `country` again by the first word of the name: a family name put first
    (words.csv FAMILY_NAME_FIRST) or a given name where no family name is carried (GIVEN_NAME_FIRST: Malay and
    Indonesian names, whose last word is a father's name or a second given name, not what the person is called)."""
    return country in word_lists()["FAMILY_NAME_FIRST"] or country in word_lists()["GIVEN_NAME_FIRST"]


@lru_cache(maxsize=8192)
def _short_names(name: str, country: str, written: str) -> tuple[str, ...]:
    """The words a known person (canonical `name`, written `written` in the text) may be named by alone, in the
    order `_add_known_surnames` records them: the surname as written and without accents, and the family name
    where it comes first. The same people recur in mention after mention and document after document, so the
    words are cut once per name."""
    found: list[str] = []
    for each in {name, written}:
        words = [w for w in each.split() if w.rstrip(".") not in ("Jr", "Sr")]  # 'Ferdinand Marcos Jr.': Marcos
        if len(words) >= 2 and len(words[-1]) > 2 and words[-1][0].isupper():
            found += [words[-1], _ascii(words[-1])]
        if _first_word_names(country) and len(words) >= 2 and len(words[0]) > 1:
            found.append(words[0])  # 'Lee Jae-myung ... Lee met Ishiba', 'Anwar Ibrahim ... Anwar met'
    return tuple(found)


#: Offices whose holder news names by the surname alone once the country is clear ('Sánchez arrived in Dakar')
_LEADER_ROLES = frozenset({"president", "prime minister", "chancellor", "premier", "emir", "king"})


def _add_leader_surnames(raw: list, kb: KnowledgeBase, persons: dict[str, Person], new_aliases: dict[str, Alias],
                         text: str) -> None:
    """'Spain and Mauritania signed ... Sánchez arrived in Nouakchott': a report may name a head of state or
    government by the surname alone, never in full. A leader in office of a country the document names as a party
    lends the surname then, when no other person of the document or other leader of its countries shares it."""
    named = {m.country for m, _gender in raw if m.type == "country" and m.country and m.via in ("name", "capital")}
    taken = {w for m, _gender in raw if m.type == "person" for w in (m.text.split() or [""])[-1:]}
    found: dict[str, set[str]] = {}
    leaders, by_country = _leaders(kb), _LEADERS[2]
    # (the leaders of the countries named, in the knowledge base's order, without a pass over every leader)
    for index in sorted(at for country in named for at in by_country.get(country, ())):
        _country, name, surnames = leaders[index]
        for surname in surnames:
            found.setdefault(surname, set()).add(name)
    for surname, owners in found.items():
        if len(owners) != 1 or surname in new_aliases or surname in taken or kb.lookup(surname) is not None \
                or surname not in text:
            continue
        person = kb.people[next(iter(owners))]
        persons.setdefault(person.name, person)
        new_aliases[surname] = Alias("person", person.name, person.country, "person", role=person.role)


_LEADERS: list = [None, (), {}]  #: the knowledge base, its leaders, and their indexes by country


def _leaders(kb: KnowledgeBase) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(country, name, surnames) of the leaders in office whose surname may stand alone, in the order of the
    knowledge base's people: none of this depends on the document, so it is worked out once per knowledge base
    rather than for every document."""
    if _LEADERS[0] is not kb:
        leaders = []
        for person in kb.people.values():
            if person.end or person.role.lower() not in _LEADER_ROLES:
                continue
            words = [w for w in person.name.split() if w.rstrip(".") not in ("Jr", "Sr")]
            if len(words) < 2 or len(words[-1]) < 4 or not words[-1][0].isupper():
                continue
            leaders.append((person.country, person.name, tuple({words[-1], _ascii(words[-1])})))
        by_country: dict[str, list[int]] = {}
        for index, (country, _name, _surnames) in enumerate(leaders):
            by_country.setdefault(country, []).append(index)
        _LEADERS[:] = [kb, tuple(leaders), by_country]
    return _LEADERS[1]


def _ascii(word: str) -> str:
    """'Sánchez' -> 'Sanchez': news in English often drops the accents of a name."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() or word


def _claim_known_surname(raw: list, kb: KnowledgeBase, person: Person, surname: str, text: str) -> None:
    """'said Martha Bárcena ... Ms. Bárcena said': the knowledge base gives the surname alone to someone else (Alicia
    Bárcena), but a document that names another person of that surname in full, and never the known one's given
    name, means its own person by the surname alone: those mentions are that person's."""
    hit = kb.lookup(surname)
    known = kb.people.get(hit.key) if hit is not None and hit.type == "person" else None
    if known is None or known.name == person.name or _fold(known.name.split()[0]).lower() in _fold(text).lower():
        return
    for index, (mention, gender) in enumerate(raw):
        if mention.type == "person" and mention.key == known.name \
                and _fold(mention.text).lower() == _fold(surname).lower():
            raw[index] = (Mention(mention.start, mention.end, mention.text, "person", person.name, person.country,
                                  person.role, mention.via), person.gender or gender)


def _merge_short_names(raw: list[tuple[Mention, str]], persons: dict[str, Person]) -> None:
    """'King Abdullah' and 'King Abdullah II' in one article are one person: a name whose words all belong
    to exactly one longer name of the document is that person. The longer name's words include those it is
    written with here ('Sheikh Mohammed' after 'Sheikh Mohammed bin Abdulrahman', known as 'Mohammed bin
    Abdulrahman Al Thani')."""
    words = {name: set(_fold(name).lower().split()) for name in persons}
    written = {name: set(own) for name, own in words.items()}
    for mention, _ in raw:
        if mention.type == "person" and mention.key in written:
            written[mention.key] |= set(_fold(mention.text).lower().split())
    merged: dict[str, str] = {}
    for name, own in words.items():
        longer = [other for other in words if other != name and own < written[other]]
        if len(longer) == 1:
            merged[name] = longer[0]
    for index, (mention, gender) in enumerate(raw):
        if mention.type == "person" and mention.key in merged:
            target = persons[merged[mention.key]]
            raw[index] = (Mention(mention.start, mention.end, mention.text, "person", target.name, target.country,
                                  target.role, mention.via), target.gender or gender)
    for name in merged:
        persons.pop(name, None)


def _written_spelling(written: str, known: str) -> str:
    """The name to report for a known person introduced as `written`: the text's own spelling where it writes the
    given name of an Arabic name otherwise ('Mohammed bin Zayed' for the known 'Mohamed bin Zayed'), since a
    reader looks for the name as the report spells it; the knowledge base's name otherwise (the known name
    stays an alias)."""
    mine, theirs = _lineage(written), _lineage(known)
    if mine is None or theirs is None or mine[0][0] == theirs[0][0]:
        return known
    return written
