"""The finder: `find_actors` runs the steps of the mention stage over one document's text.

It scans the text for the knowledge base's aliases (alias_scan.py: the matches, and the tests of a match that
is part of something else), skipping photo credits and bylines (`credit_spans`) and reading what follows a
country's name (country_readings.py: 'Honduran authorities' are its government, 'Chinese firms' its private
parties, 'the Russian city of Kazan' a place in it); adds the people, places,
governments and pronouns the other steps find; resolves the pronouns; and ranks the countries the document is
about. `iter_entities` lists a document's named actors for the entities table (written.py: how it writes them).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from graph.actors.alias_scan import (
    _FAMILY_NAME_AFTER,
    _LINEAGE_IN,
    _NAME_PARTICLE_AFTER,
    _ONE_BEFORE,
    _acronym_readings,
    _alias_matches,
    _given_name_after,
    _given_name_after_title,
    _inside_longer_name,
    _lower_names_raised,
    _other_reading,
    _posting_before,
    _title_after,
)
from graph.actors.body_short_forms import add_body_short_forms
from graph.actors.country_readings import (
    _CAPITAL_AFTER,
    _LANGUAGE_AFTER,
    _LANGUAGE_BEFORE,
    _TOWN_OF,
    SPLIT_WORDS,
    _agent_after,
    _associates_after,
    _breakaway_region,
    _nation_as_subject,
    _private_after,
    _shares_agent,
    lower_case_demonyms,
)
from graph.actors.demonym_variants import read_demonym_slips
from graph.actors.knowledge import (
    Alias,
    KnowledgeBase,
    Person,
    knowledge_base,
    word_lists,
)
from graph.actors.offices_and_groups import (
    _add_group_anaphora,
    _add_joint_subjects,
    _add_named_groups,
    _add_role_anaphora,
)
from graph.actors.patterns import NOT_NAME, SpanSet, pronoun_matches
from graph.actors.people import (
    _add_known_surnames,
    _add_leader_surnames,
    _claim_known_surname,
    _first_word_names,
    _merge_short_names,
    _written_spelling,
)
from graph.actors.person_names import _name_patterns
from graph.actors.person_sides import _fill_countries
from graph.actors.places import (
    _COMPASS,
    _add_administrations,
    _add_bilateral_pairs,
    _add_compass_halves,
    _add_described_countries,
    _add_described_places,
    _add_dual_nationalities,
    _add_governments_of,
    _add_led_anaphora,
    _add_led_by,
    _add_named_pairs,
    _add_place_anaphora,
    _compass_halves,
    _seat_as_host,
    add_surname_administrations,
    dateline_country,
    dateline_of,
)
from graph.actors.resolution import _resolve
from graph.actors.role_intros import _person_intros
from graph.actors.speaker_intros import (
    _commentators,
    _counterpart_intros,
    _freed,
    _office_named_next,
    _possessive_intros,
    _speaker_intros,
)
from graph.actors.stated_countries import _stated_countries
from graph.actors.transcript_intros import _transcript_intros, _without_crossed_titles
from graph.records import Mention
from graph.text import quote_spans

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


#: Between a country's name and its short form in brackets: 'the United Arab Emirates (UAE)'
_ABBREVIATION_BEFORE = re.compile(r"[ \t]*\(")


def find_actors(text: str, *, kb: KnowledgeBase | None = None) -> DocumentActors:
    """Find and resolve every actor mention in a document's text."""
    kb = kb or knowledge_base()
    credits = credit_spans(text)
    blocked = SpanSet(credits)
    raw: list[tuple[Mention, str]] = []  # (mention, gender)
    media_spans: list[tuple[int, int]] = []
    split_words = any(word in text for word in SPLIT_WORDS)  # (once per text, not at every country's name)

    for match in _alias_matches(_lower_names_raised(text, kb), kb):
        if blocked.covers(match.start()):
            continue
        alias = kb.lookup(match.group())
        if alias is None:
            continue
        if alias.type in ("media", "region"):
            media_spans.append(match.span())
            continue
        given = _given_name_after(text, match.end(), alias.key) if alias.type == "person" else 0
        if alias.standalone and not given and _inside_longer_name(text, match.start(), match.end(), kb) \
                and not _title_after(text, match.end(), kb) and not _posting_before(text, match.start()):
            continue  # ('PNG Defence Minister Billy Joseph': a title after the short form owns it, no longer name)
        if alias.kind == "capital" and _NAME_PARTICLE_AFTER.match(text, match.end()):
            continue  # 'Foreign Minister Riyadh al-Maliki': a given name before an Arabic family name, no capital
        if alias.kind == "capital" and _given_name_after_title(text, match.start(), match.end(), kb):
            continue  # 'Foreign Minister Santiago Cafiero': a given name after a title, no capital
        if alias.type == "country" and alias.kind == "name" and _ONE_BEFORE.search(text, max(0, match.start() - 6),
                                                                                   match.start()):
            continue  # "the 'One China' policy", 'the one-China principle': a policy's name, not the party
        if alias.type == "country" and alias.kind in ("name", "capital") \
                and _name_patterns()[1].match(text, match.end()):
            continue  # 'the Vienna Convention', 'the Minsk agreements': a treaty's name, not a party
        if alias.type == "country" and match.group() in _acronym_readings() \
                and _other_reading(text, match.group(), *match.span()):
            continue  # 'declared two envoys PNG', 'a PNG declaration': persona non grata, not Papua New Guinea
        if alias.type == "country" and alias.kind in ("demonym", "name") \
                and _breakaway_region(text, *match.span(), split_words):
            continue  # 'a deal with the breakaway Georgian region of Abkhazia': the region is the party, no state
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
            elif alias.kind in ("demonym", "name") and _private_after().match(text, end) \
                    or alias.kind in ("demonym", "name", "capital") and _associates_after().match(text, end):
                via = "private"  # 'U.S. business leaders', 'Chinese firms': the country's people, not its state
                # ("Moscow's closest ally": another state bound to it, whichever the text names)
            elif alias.kind == "demonym" and _nation_as_subject(text, start, end):
                via = "government"  # 'The Egyptians refused to': the nation's side acts, not some of its people
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
        if alias.type == "country" and raw and raw[-1][0].type == "country" and raw[-1][0].country == alias.country \
                and _ABBREVIATION_BEFORE.fullmatch(text, raw[-1][0].end, start) and text.startswith(")", end):
            # 'the United Arab Emirates (UAE) signed': the short form in brackets restates the name, one mention
            before = raw[-1][0]
            raw[-1] = (Mention(before.start, end + 1, text[before.start:end + 1], "country", before.key,
                               before.country, before.role, before.via), raw[-1][1])
            continue
        if alias.type == "person" and _LINEAGE_IN.search(alias.key):
            family = _FAMILY_NAME_AFTER.match(text, end)
            end = family.end() if family else end  # 'Sheikh Abdullah bin Zayed Al Nahyan': the family name too
        end = max(end, given)  # 'Motegi Toshimitsu': the known Toshimitsu Motegi, family name first
        mtype = alias.type
        role = alias.role
        raw.append((Mention(start, end, text[start:end], mtype, alias.key, alias.country, role, via),
                    alias.gender))

    for start, end, key in lower_case_demonyms(text, kb):
        if not blocked.covers(start):
            alias = kb.aliases[key]
            agent = _agent_after(text, end)
            raw.append((Mention(start, agent or end, text[start:agent or end], "country", alias.key, alias.country, "",
                                "government" if agent else "demonym"), ""))
    raw.sort(key=lambda item: item[0].start)
    read_demonym_slips(raw, kb)
    _seat_as_host(raw)
    _add_led_by(text, raw, kb, blocked)
    blocked.extend(media_spans)
    intros, offices = _person_intros(text, kb, blocked, raw)
    layout = _transcript_intros(text, kb, blocked)
    intros = layout + _without_crossed_titles(intros, layout)
    # (a counterpart of a country before a speaker: 'his Colombian counterpart, X, who ...' states X's country)
    intros += _counterpart_intros(text, kb, blocked, raw, intros)
    intros += _speaker_intros(text, kb, blocked, raw, intros)
    intros += _possessive_intros(text, kb, blocked, raw, intros)
    intros += _office_named_next(text, kb, blocked, offices, intros)
    intros = _freed(text, _commentators(text, _stated_countries(text, raw, intros), kb), kb)
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
            known = kb.people.get(hit.key) if hit and hit.type == "person" else (
                kb.person_by_ends(intro.name) or kb.person_by_lineage(intro.name) or kb.person_reversed(intro.name)
                or kb.person_by_tail(intro.name) or kb.person_by_variant(intro.name)
                or kb.person_by_short_given(intro.name))
        if known is not None:
            # blank for an international body's officer unless the text names a country ('Dutch Prime Minister
            # Mark Rutte' before he led NATO); the context's guess does not count
            country = known.country or (intro.country if intro.explicit_country else "")
            name = _written_spelling(intro.name, known.name)
            person = Person(name, country, known.role or intro.role, known.start, known.end, known.gender,
                            known.aliases + ((known.name,) if name != known.name else ()))
        else:
            gender = kb.roles.get(intro.role.lower(), ("", ""))[1]
            person = Person(intro.name, intro.country, intro.role, gender=gender)
            if intro.international:
                international.add(person.name)
            if not intro.role and not intro.explicit_country:
                unplaced.add(person.name)
            surname = intro.name.split()[-1]
            if _short_surname(surname) and kb.lookup(surname) is None:
                # 'Mary Ng ... Ng met with Don Farrell': a two-letter family name read back in its own case
                new_aliases[surname] = Alias("person", person.name, person.country, "person", role=person.role)
            elif len(surname) > 2 and kb.lookup(surname) is None:
                new_aliases[surname] = Alias("person", person.name, person.country, "person", role=person.role)
            elif len(surname) > 2:
                _claim_known_surname(raw, kb, person, surname, text)
            family = intro.name.split()[0]
            if _first_word_names(person.country) and len(intro.name.split()) >= 2 \
                    and len(family) > 1 and family not in NOT_NAME and kb.lookup(family) is None:
                # 'Chinese President Hu Jintao ... Hu and Koehler held talks': the family name comes first
                new_aliases[family] = Alias("person", person.name, person.country, "person", role=person.role)
        persons.setdefault(person.name, person)
        gender_of[person.name] = person.gender
        raw.append((Mention(intro.start, intro.end, text[intro.start:intro.end], "person", person.name,
                            person.country, person.role, "intro"), person.gender))
    _add_known_surnames(raw, kb, persons, new_aliases)
    _add_leader_surnames(raw, kb, persons, new_aliases, text)
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
    add_surname_administrations(text, raw)
    _add_place_anaphora(text, raw)
    _add_described_places(text, raw)
    _add_dual_nationalities(text, raw, kb)
    _add_bilateral_pairs(text, raw, kb)
    _add_named_pairs(text, raw, kb)
    _add_described_countries(text, raw)
    _add_compass_halves(text, raw, kb)
    _add_led_anaphora(text, raw)
    for match in pronoun_matches(text):
        if not blocked.covers(match.start()):
            kind = match.lastgroup or ""
            if kind == "it":
                kind = "nation"  # 'it ordered the ambassador to leave': the country acts
            if kind == "nation" and _MEASURED_AFTER.match(text, match.end()):
                continue  # 'the country of 15 islands': a description by size names no country read back
            raw.append((Mention(match.start(), match.end(), match.group(), "pronoun", kind, "", "", "pronoun"),
                        ""))

    quotes = SpanSet(quote_spans(text))
    mentions = _resolve(_non_overlapping(raw), persons, gender_of, quotes, text, _home_of_bodies(text, kb, raw))
    mentions = _add_group_anaphora(text, mentions, blocked)
    mentions = _add_named_groups(text, mentions, blocked)
    mentions = _add_joint_subjects(text, mentions, blocked)
    mentions = add_body_short_forms(text, mentions, blocked)
    named = {m.key for m in mentions if m.type == "person"} | {m.role for m in mentions if m.via == "administration"}
    named |= _governing_people(raw, mentions)
    persons = {name: person for name, person in persons.items() if name in named}
    focus = _rank_countries(mentions)
    # People of international bodies stay without a country: the knowledge base's ('Ursula von der Leyen'),
    # and those introduced by one ('EU envoy Miroslav Lajcak'); filling in the document's country misplaces them
    stateless = {name for name in persons if name in kb.people and not kb.people[name].country} | international
    if any(not person.country and name not in stateless for name, person in persons.items()):
        home = dateline_country(text, kb) or _headline_subject(text, mentions) or _compass_home(mentions, kb) \
            or (focus[0] if focus else "")
        persons, mentions = _fill_countries(persons, mentions, home, text, focus, stateless)
        focus = _rank_countries(mentions)
    return DocumentActors(mentions, persons, focus, credits, quotes, frozenset(unplaced - {
        name for name, person in persons.items() if person.role}))


def _governing_people(raw: list[tuple[Mention, str]], mentions: list[Mention]) -> set[str]:
    """People named inside a mention of the government they lead ('the regime of Alexander Lukashenko'): the
    phrase acts for the country, and the leader it names is still a person of the document."""
    governing = sorted((m.start, m.end) for m in mentions if m.type == "country" and m.via == "government")
    if not governing:
        return set()
    # the furthest end of the phrases opened so far, so that each person costs one bisection, not a pass over
    # every phrase of the document (a long one-line text has thousands)
    starts = [start for start, _ in governing]
    furthest = list(accumulate((end for _, end in governing), max))
    found = set()
    for mention, _ in raw:
        if mention.type == "person" and mention.country:
            index = bisect_left(starts, mention.start) - 1
            if index >= 0 and mention.end <= furthest[index]:
                found.add(mention.key)
    return found


#: International agencies and the country of their head desk, where stories about anywhere are filed from:
#: 'LONDON (Reuters) -', 'PARIS (AFP) —'
_AGENCY_DESKS = (("Reuters", "GBR"), ("AFP", "FRA"), ("Agence France-Presse", "FRA"), ("AP", "USA"),
                 ("Associated Press", "USA"), ("Bloomberg", "USA"), ("dpa", "DEU"), ("DPA", "DEU"), ("EFE", "ESP"),
                 ("ANSA", "ITA"))


#: A nation described by its size right after it: ' of 15 islands', ' of about 5 million people'
_MEASURED_AFTER = re.compile(r"\s+of\s+(?:about\s+|some\s+|nearly\s+|around\s+|just\s+|more\s+than\s+)?\d")


def _home_of_bodies(text: str, kb: KnowledgeBase, raw: list) -> str:
    """The country whose bodies the text names bare ('the Foreign Ministry said'): the dateline's, except an
    international agency's head desk that the story never names again ('LONDON (Reuters) - Russia said ...':
    the ministry is Russia's; 'ANKARA (Reuters) - The cabinet ...' stays Turkey's)."""
    home, offset = dateline_of(text, kb)
    if not home:
        return home
    credit = text[offset:offset + 80]
    if not any(f"({agency})" in credit and desk == home for agency, desk in _AGENCY_DESKS):
        return home
    return home if any(m.type == "country" and m.country == home and m.start > offset + 80 for m, _ in raw) else ""


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


def _rank_countries(mentions: list[Mention]) -> list[str]:
    """Countries by how often the document refers to them (directly or through its people and bodies)."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.country:
            counts[mention.country] += 1
    return [iso for iso, _ in counts.most_common()]


def _headline_subject(text: str, mentions: list[Mention]) -> str:
    """The country a headline opens with as its subject ('Maldives asks India to withdraw troops', "Pakistan's
    decision to evict Afghans"): the side the report is told from, where the country named most often is as likely
    the one acted on and its people speak less. '' without a headline (a first line followed by a blank line), when
    the headline opens with no country before a lower-case word ('US Navy Aircraft Lands'), and for a headline on
    sanctions, whose report names the people sanctioned: the other side's."""
    end = text.find("\n")
    if end < 0 or not text[end:].lstrip(" \t").startswith(("\n", "\r\n")) or _SANCTIONS.search(text, 0, end):
        return ""
    first = next((m for m in mentions if m.start < end and m.country), None)
    if first is None or first.type != "country" or first.via in ("place", "private") or text[:first.start].strip() \
            or not _LOWER_WORD_AFTER.match(text, first.end, end):
        return ""
    return first.country


def _compass_home(mentions: list[Mention], kb: KnowledgeBase) -> str:
    """The half of a divided land a text is told from: the other half than the one it calls by a bare compass word
    ('the North fired a missile' is written from the South); "" when it calls no half so, or both."""
    bare = {m.country for m in mentions if m.type == "country" and m.via == "name" and m.text in _COMPASS}
    if len(bare) != 1:
        return ""
    half = next(iter(bare))
    others = {country for by_word in _compass_halves(kb) if half in by_word.values()
              for country in by_word.values()} - {half}
    return others.pop() if len(others) == 1 else ""


#: A headline's verb or noun after its subject: ' asks', "'s decision", ' to summon'
_LOWER_WORD_AFTER = re.compile(r"(?:['’]s)?[ \t]+[a-z]")
_SANCTIONS = re.compile(r"[Ss]anction")


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


def _short_surname(surname: str) -> bool:
    """A two-letter family name in title case that is no English word a sentence may open with ('Ng', 'Wu', not
    'He', 'An' or 'Of'; words.csv SHORT_WORDS): read back in the text like a longer one."""
    return len(surname) == 2 and surname[0].isupper() and surname[1].islower() \
        and surname.lower() not in word_lists()["SHORT_WORDS"] and surname not in NOT_NAME
