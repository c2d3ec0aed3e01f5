"""The other side a migration or measure wording leaves unnamed: who sends the deportees, or the document's counterpart.

'Ecuador agreed to take in deportees' names no sender: the sender named elsewhere in the sentence ('flown from the
United States', 'U.S. military flights'; `_explicit_sender`), else the country the document shows deporting people
(`_deporter`), else the country the document is mostly about (`_counterpart`) is the target; in a roundup, only a
country the stance's own item names (`item_countries`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from graph.actors import knowledge_base, word_classes
from graph.extract.attribution import _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _listed_with
from graph.extract.document import _Doc
from graph.records import Event, Mention


@cache
def _tie_owner() -> re.Pattern[str]:
    """"Burkina Faso's neighbour Ghana": a party named only as the one another is a neighbour or ally of, which
    sends no one by that mention."""
    return re.compile(r"['’]s?\s+(?:" + word_classes()["TIE_NOUNS"] + r")\b", re.I)


def _explicit_sender(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """The sender named in a migration sentence: 'from the U.S.', 'by Washington', 'U.S. military flights'.

    'People from India detained in the United States' names an origin and a sender; when the country the
    document is mostly about is named in the sentence, it is taken as the sender.
    """
    candidates = [m for m in mentions if _is_target(m, actor) and not (m.type == "person" and m.via == "pronoun")]
    sender_suffix, military_end = _sender_patterns()
    for mention in candidates:
        suffix = doc.text[mention.end:mention.end + 30]
        if mention.via == "demonym" and _people_noun().match(suffix):
            continue  # 'will not accept Cuban deportees from Canada': the people's nationality, not their sender
        if _ORIGIN_FROM.search(doc.text, max(candidate.sentence.start, mention.start - 30), mention.start):
            continue  # 'migrants aboard, originating from Nepal and India': where they come from
        if _participle_by().match(suffix):
            continue  # 'migrants from India deported by the United States': the sender follows 'by'
        if sender_suffix.match(suffix) or (mention.via == "government" and military_end.search(mention.text)):
            return mention  # 'U.S. military flights', 'US navy plane': the flights' owner sends them
        if _DEPORTED_FROM.search(doc.text, max(candidate.sentence.start, mention.start - 30), mention.start):
            return mention  # 'flown from the United States' (not 'men from Sudan', an origin)
    allies = {m.country for m in mentions if _listed_with(doc, m, actor)}  # 'Peru and Bolivia called ...'
    counterpart = _counterpart(doc, actor.country, allies)
    if counterpart is not None:
        named = [m for m in mentions if m.country == counterpart.country and m.type == "country"
                 and not (m.via == "demonym" and _people_noun().match(doc.text, m.end))
                 and not (m.start > candidate.end and _CLAUSE_OPENER.search(doc.text, max(0, m.start - 12), m.start))
                 and not (candidate.relation in _MIGRATION and m.start > candidate.end
                          and _ARRIVED_IN.search(doc.text, max(0, m.start - 24), m.start))
                 and not (m.start > candidate.end and _SAID_AFTER.match(doc.text, m.end))
                 and not _tie_owner().match(doc.text, m.end)
                 and not _named_as_go_between(doc, m, candidate.sentence.start)]
        if named:
            return named[0]
    for mention in candidates:
        prefix = doc.text[max(candidate.sentence.start, mention.start - 12):mention.start]
        suffix = doc.text[mention.end:mention.end + 30]
        if _ORIGIN_FROM.search(doc.text, max(candidate.sentence.start, mention.start - 30), mention.start) \
                or (mention.via == "demonym" and _people_noun().match(suffix)):
            continue  # (nor 'accepting the Peruvian deportees': their nationality, not who deported them)
        if re.search(r"\b(?:from|by)\s+(?:the\s+)?$", prefix, re.I) \
                and (candidate.relation in _MIGRATION or mention.start > candidate.head_start) \
                and not _go_between_by().search(doc.text, max(candidate.sentence.start, mention.start - 30),
                                                mention.start):
            return mention  # (not 'Ghana, backed by Nigeria, has rejected the proposal': Nigeria made none)
        if re.match(r"\s+(?:\w+\s+){0,3}?(?:deport\w*|expel\w*|sent|sends|send|flew|flown|removed|returned)\b",
                    suffix, re.I) and mention.start > candidate.head_start:
            return mention
    return None


@cache
def _go_between_by() -> re.Pattern[str]:
    """'resume relations in a deal brokered by China' (words.csv GO_BETWEEN): the agent of a mediation helped the
    two sides agree; it is neither of them, so it is no sender nor the other side of their wording."""
    return re.compile(r"\b(?:" + word_classes()["GO_BETWEEN"] + r")\s+by\s+(?:the\s+)?$", re.I)


def _named_as_go_between(doc: _Doc, mention: Mention, floor: int) -> bool:
    """'in a deal brokered by China', 'a Chinese-brokered deal', 'Qatari mediation': a go-between helped two sides
    agree and is neither of them, so it is not the other side of what they agreed."""
    return bool(_go_between_by().search(doc.text, max(floor, mention.start - 30), mention.start)
                or re.match(r"(?:-|\s+)(?:" + word_classes()["GO_BETWEEN"] + r")",
                            doc.text[mention.end:mention.end + 20], re.I))


def go_between_counterpart(doc: _Doc, mentions: list[Mention], country: str, floor: int) -> bool:
    """True when every mention of the country in the sentence names it as a go-between ('normalized relations in
    a deal brokered by China'): the document's other side is then no party to this wording."""
    named = [m for m in mentions if m.country == country]
    return bool(named) and all(_named_as_go_between(doc, m, floor) for m in named)


#: A conjunction opening another clause right before a party: 'accepting them when Peru refused', the subject of
#: its own clause, not the sender of the people accepted
_CLAUSE_OPENER = re.compile(r"\b(?:when|while|but|whereas|although|though)\s+(?:the\s+)?$", re.I)
#: 'and more than 100 arrived in Costa Rica': another place the people reached, not where they came from
_ARRIVED_IN = re.compile(r"\b(?:arriv\w*|land\w*|sent|flown|taken)\s+(?:in|to|at)\s+(?:the\s+)?$", re.I)
#: ', the two countries said': who reports the arrival, not who sent the people
_SAID_AFTER = re.compile(r"\s+(?:said|say|says|told|added|announced|reported|confirmed)\b")


@cache
def _people_noun() -> re.Pattern[str]:
    """People sent or held, right after their demonym (words.csv PEOPLE_SENT: 'Guatemalan deportees'): the
    demonym names their country, not a party that acts."""
    return re.compile(r"\s+(?:" + word_classes()["PEOPLE_SENT"] + r")\b", re.I)


_ORIGIN_FROM = re.compile(r"\b(?:originat\w*|hail\w*|coming|came|fled|fleeing)\s+(?:from|in)\s+(?:the\s+)?"
                          r"(?:[A-Z][\w'’-]*,?\s+(?:and\s+)?){0,4}$")


@cache
def _participle_by() -> re.Pattern[str]:
    """'deported by', 'sent back from' (words.csv SENT_BACK_PARTICIPLES): a participle describing the people of a
    place, its agent after it."""
    return re.compile(r"\s+(?:" + word_classes()["SENT_BACK_PARTICIPLES"] + r")\s+(?:back\s+)?(?:by|from)\b", re.I)


@cache
def _sender_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    military = word_classes()["MILITARY"]
    return (re.compile(r"['’]?s?\s+(?:" + military + r"|deport\w*|removal)", re.I),
            re.compile(r"(?:" + military + r")$", re.I))


_MIGRATION = {"acceptsDeportees", "refusesDeportees", "allowsMilitaryDeportationFlights",
              "refusesMilitaryDeportationFlights"}
_DEPORTED_FROM = re.compile(r"\b(?:deport\w*|removed|expelled|flown|sent|returned|flights?|detained|held)\s+"
                            r"(?:(?:group|groups|flight|flights|planes?)\s+)?(?:back\s+)?(?:from|by|in)\s+(?:the\s+)?$"
                            # 'who may not get asylum in the US': people seek asylum where they are removed from
                            r"|\basylum\s+in\s+(?:the\s+)?$", re.I)
#: 'Washington's deportation flights', 'the U.S. has deported', 'the US recently flew deportees'
_DEPORTS_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:has|have|had|is|was|will|would)\s+)?(?:been\s+)?"
                            r"(?:(?:recently|already|also|now|since|began|begun|started|resumed)\s+)?(?:(?:military|navy|immigration|mass|new)\s+)?"
                            r"(?:deport\w*|removals?|expels?|expelled|flew\s+deportees|flown\s+deportees|"
                            r"sent\s+deportees|(?:resumed\s+)?flights\s+deporting)\b", re.I)


def _deporter(doc: _Doc, actor_country: str) -> Mention | None:
    """The country the document shows deporting people ('deported from the United States', "Washington's
    deportation flights"), other than the actor: the sender behind migration wording with no sender."""
    if doc.deporters is None:
        counts: dict[str, int] = {}
        for mention in doc.actors.mentions:
            if mention.type not in ("country", "person") or not mention.country \
                    or mention.via in ("pronoun", "place", "demonym"):
                continue  # 'Honduran nationals' are the deported, not the deporting state ('deported by Trump' is
                # the deporting state's leader)
            before = doc.text[max(0, mention.start - 30):mention.start]
            if _DEPORTED_FROM.search(before) or _DEPORTS_AFTER.match(doc.text, mention.end, mention.end + 40):
                counts[mention.country] = counts.get(mention.country, 0) + 1
        doc.deporters = sorted(counts, key=lambda iso: (-counts[iso], iso))
    for iso3 in doc.deporters:
        if iso3 != actor_country:
            return Mention(0, 0, knowledge_base().country_name(iso3), "country", iso3, iso3, "", "implicit")
    return None


def _counterpart(doc: _Doc, actor_country: str, allies: set[str] | frozenset[str] = frozenset(),
                 position: int | None = None) -> Mention | None:
    """The country the document is mostly about, other than the actor's and those acting with it: the
    implicit other side. A country the document names only as the venue of a gathering ('spoke on the sidelines
    of the Tashkent conference, in the Uzbek capital') is where the actor stood, not whom it faces. With a
    position, only a country named in the item of a roundup that holds it (`item_countries`)."""
    venues = _venues_only(doc)
    item = item_countries(doc, position) if position is not None else None
    for iso3 in doc.actors.focus:
        if iso3 != actor_country and iso3 not in allies and iso3 not in venues and (item is None or iso3 in item):
            return Mention(0, 0, knowledge_base().country_name(iso3), "country", iso3, iso3, "", "implicit")
    return None


@cache
def _at_venue() -> re.Pattern[str]:
    """Before a venue: 'a conference in ', 'the sidelines of the forum on Afghanistan in the ' (words.csv
    GATHERING_NOUNS, or 'sidelines'); `_gathering_after` is the noun after one (' conference': 'the Tashkent
    conference'). ('its embassy in Quito' names the host, no venue.)"""
    return re.compile(r"\b(?:" + word_classes()["GATHERING_NOUNS"] + r"|sidelines)\b[^.;,]{0,40}?"
                      r"\b(?:in|at)\s+(?:the\s+)?$")


@cache
def _gathering_after() -> re.Pattern[str]:
    """A gathering noun right after a place (words.csv GATHERING_NOUNS: ' summit'): the place is a venue."""
    return re.compile(r"\s+(?:" + word_classes()["GATHERING_NOUNS"] + r")\b")


def _venues_only(doc: _Doc) -> frozenset[str]:
    """Countries every mention of which is a capital or a place named as where a gathering happens ('a conference
    in Tashkent', 'on the sidelines of the forum in the Uzbek capital', 'the Tashkent conference'): worked out once
    a document, in one pass over its mentions."""
    if doc.venues is None:
        venue: set[str] = set()
        other: set[str] = set()
        for mention in doc.actors.mentions:
            if not mention.country:
                continue
            if mention.type == "country" and mention.via in ("capital", "place") and (
                    _at_venue().search(doc.text, max(0, mention.start - 70), mention.start)
                    or _gathering_after().match(doc.text, mention.end)):
                venue.add(mention.country)
            else:
                other.add(mention.country)
        doc.venues = frozenset(venue - other)
    return doc.venues


# Items of a roundup: the part of a text in which a guessed other side must have been named.
#
# A news digest (a world summary, a live page, a column of briefs) tells unrelated stories one after another: the
# country such a text names most is the subject of one of its items, not the other side of a stance told in another
# ('China's chief statistician blamed "structural adjustment pressures"' is no charge against the United States
# because the item before was about American strikes). An item is a run of paragraphs (lines) that name countries
# in common: a line naming countries, none of which the item so far has named, starts a new item; a line naming
# none goes on with the item before it. A single-story report is one item, so nothing changes for it.


def _lines(text: str) -> list[tuple[int, int]]:
    """The spans of the text's non-blank lines: a paragraph, a heading or a bullet each."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _items(doc: _Doc) -> tuple[list[int], list[frozenset[str]]]:
    """Where each item starts, and the countries each names: worked out once a document."""
    if doc.items is not None:
        return doc.items
    starts: list[int] = []
    countries: list[set[str]] = []
    lines = _lines(doc.text)
    headline: set[str] = set()
    if len(lines) > 1 and not doc.text[lines[0][1]:lines[1][0]].strip(" \t\r\n") \
            and doc.text.count("\n", lines[0][1], lines[1][0]) > 1:
        # a headline over a blank line speaks for the whole report ('Latvia shuts border crossing'): its countries
        # are in every item, and it starts none
        headline = {m.country for m in doc.actors.between(*lines[0]) if m.country}
        lines = lines[1:]
    for start, end in lines:
        named = {m.country for m in doc.actors.between(start, end) if m.country}
        if not starts or (named and countries[-1] and not named & countries[-1]):
            starts.append(start)
            countries.append(set())
        countries[-1] |= named
    doc.items = (starts, [frozenset(c | headline) for c in countries])
    return doc.items


def item_countries(doc: _Doc, position: int) -> frozenset[str]:
    """The countries named in the item that holds the position."""
    starts, countries = _items(doc)
    if not starts:
        return frozenset()
    return countries[max(0, bisect_right(starts, position) - 1)]


#: Refusals of people or of flights sent back: a party's bare refusal toward the same side is the same act
_REFUSALS_OF_RETURNS = frozenset({"refusesDeportees", "refusesMilitaryDeportationFlights"})


@cache
def _bare_refusal() -> re.Pattern[str]:
    """A rejection worded with no thing rejected of its own ('refusing to cooperate', 'a stance against'): words.csv
    BARE_REFUSALS ending the trigger."""
    return re.compile(r"\b(?:" + word_classes()["BARE_REFUSALS"] + r")(?:\s+\w+)?$", re.I)


def _refusals_told_again(events: list[Event]) -> list[Event]:
    """'Colombia turned the deportation flights away ... punished for refusing to cooperate': a bare rejection by a
    party that the document shows refusing people or flights from the same other side is that refusal told again,
    not a second stance."""
    refused = {(e.actor_country, e.target_country) for e in events if e.relation in _REFUSALS_OF_RETURNS}
    return [e for e in events if not (e.relation == "rejects" and (e.actor_country, e.target_country) in refused
                                      and _bare_refusal().search(e.trigger))]



#: The actor said to stand where a measure's target stood: ', which faced the same threat,', 'who faced similar curbs'
_FACED_THE_SAME = re.compile(r"\b(?:which|who|that|after|having)\s+(?:had\s+|also\s+)?(?:faced|facing|received|got)\s+"
                             r"(?:the\s+|a\s+)?(?:same|similar)\s+\w+", re.I)


def measure_taker(doc: _Doc, candidate: _Candidate, actor_country: str) -> Mention | None:
    """The party whose measure against another (visa curbs, sanctions) the report told within the last eight
    sentences, when the actor is said to have faced the same ('Britain announced visa curbs on Congo over its refusal
    to take back migrants. Angola, which faced the same threat, agreed to accept returnees'): the ones taken back
    come from the party pressing for their return, not from the country the report is mostly about."""
    if not _FACED_THE_SAME.search(doc.text, candidate.sentence.start, candidate.head_start):
        return None
    for index, taker, _, _ in reversed(doc.measures):
        if candidate.sentence.index - index > 8:
            return None
        if taker.country and taker.country != actor_country:
            return taker
    return None
