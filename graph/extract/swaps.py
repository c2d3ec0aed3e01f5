"""Releases read from a swap: the people a release was made 'in exchange for' were freed by the other side.

'The United States released five Iranians in exchange for five American prisoners' tells two releases: the
United States freed Iranians, and Iran freed the Americans. The second is read here, once every sentence's events
are made, from each release whose people were traded for nationals of the releasing party; and a release of one
nation's people traded for the release of another's ('the release of five Iranian prisoners in exchange for the
release of five American prisoners') tells both, whoever is named as freeing them.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.events import _make_event
from graph.extract.lexicon import Trigger
from graph.records import Event, Mention
from graph.words import lower_of

_SWAP_TRIGGER = Trigger("releasesDetainees", "(released in a swap)", (), "-", "left", "right", False, 20, 0.6,
                        "detainees", worded=False)

#: What the first party got back: 'in exchange for (the release of) five', 'in return for two jailed'
_TRADED_FOR = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+(?:the\s+(?:release|freeing|return)\s+of\s+)?", re.I)
#: Words before the demonym: a number, 'two jailed', 'a former'
_COUNT_BEFORE = re.compile(r"(?:[\w-]+\s+){0,3}")

@cache
def _people_after() -> re.Pattern[str]:
    """The people a demonym names: 'American prisoners', 'French nationals' (words.csv TRADED_PEOPLE; a plural
    demonym, 'Americans', is people)."""
    return re.compile(r"s?\s+(?:[\w-]+\s+)?(?:" + word_classes()["TRADED_PEOPLE"] + r")\b")


def _people_of(doc: _Doc, start: int, end: int) -> Mention | None:
    """The demonym opening the people named from `start` ('five American prisoners', 'two Belarusians')."""
    for mention in doc.actors.between(start, end):
        if mention.via == "demonym" and mention.country and _COUNT_BEFORE.fullmatch(doc.text, start, mention.start) \
                and (mention.text.endswith("s") or _people_after().match(doc.text, mention.end)):
            return mention
        break
    return None


def _traded_nationals(doc: _Doc, sentence, release: Event) -> Mention | None:
    """The demonym of the releasing party's own people that its release was traded for, if the sentence names
    them after 'in exchange for' ('in exchange for five American prisoners')."""
    traded = _TRADED_FOR.search(doc.text, release.start, sentence.end)
    if traded is None:
        return None
    people = _people_of(doc, traded.end(), min(sentence.end, traded.end() + 40))
    return people if people is not None and people.country == release.actor_country else None


#: 'the release of five Iranian prisoners': people whose release is told before what they were traded for
_RELEASE_OF = re.compile(r"\b(?:release|freeing|return)\s+of\s+(?:the\s+)?", re.I)


def _released_made(doc: _Doc, sentence, at: Mention, holder: str, people: Mention) -> Event | None:
    """The release by `holder` of the people named by `people`, read at the demonym `at`."""
    candidate = _Candidate(_SWAP_TRIGGER, sentence, at.start, at.end, at.end, "releasesDetainees")
    actor = Mention(at.start, at.start, holder, "country", holder, holder, "", "implicit")
    target = Mention(people.start, people.end, people.text, "country", people.key, people.country, "", "implicit")
    return _make_event(doc, candidate, actor, target)


def _swaps_of_nationals(doc: _Doc, events: list[Event]) -> list[Event]:
    """'the release of five Iranian prisoners in exchange for the release of five American prisoners': each
    side's people were held by the other, so each side released the other's people."""
    found: list[Event] = []
    have = {(e.actor_country, e.target_country) for e in events if e.relation == "releasesDetainees"}
    lower = lower_of(doc.text)
    if "exchange" not in lower and "return" not in lower:
        return found  # (the letters of both words have no other case under re.I: no need to scan the text)
    for traded in _TRADED_FOR.finditer(doc.text):
        sentence = doc.sentence_at(traded.start())
        if sentence is None:
            continue
        after = _people_of(doc, traded.end(), min(sentence.end, traded.end() + 40))
        opened = list(_RELEASE_OF.finditer(doc.text, max(sentence.start, traded.start() - 200), traded.start()))
        before = _people_of(doc, opened[-1].end(), min(traded.start(), opened[-1].end() + 40)) if opened else None
        if after is None or before is None or after.country == before.country:
            continue
        for holder, people in ((after.country, before), (before.country, after)):
            if (holder, people.country) in have:
                continue
            made = _released_made(doc, sentence, after, holder, people)
            if made is not None:
                have.add((holder, people.country))
                found.append(made)
    return found


def _swapped_back(doc: _Doc, events: list[Event]) -> list[Event]:
    """'The US released five Iranians in exchange for five Americans': the party whose nationals were freed
    (Iran) released the people the freeing party got back (the Americans)."""
    found: list[Event] = []
    have = {(e.actor_country, e.target_country) for e in events if e.relation == "releasesDetainees"}
    for release in events:
        if release.relation != "releasesDetainees" or not release.target_country or not release.actor_country \
                or (release.target_country, release.actor_country) in have:
            continue
        sentence = doc.sentence_at(release.start)
        if sentence is None:
            continue
        traded = _traded_nationals(doc, sentence, release)
        if traded is None:
            continue
        made = _released_made(doc, sentence, traded, release.target_country, traded)
        if made is not None:
            have.add((release.target_country, release.actor_country))
            found.append(made)
    return found + _swaps_of_nationals(doc, events + found)


#: A trade of people named with its two sides: 'a prisoner exchange agreement between Sweden and Iran',
#: 'the mutual release of Iranian and American detainees' (the sides follow within a few words)
_TRADE_BETWEEN = re.compile(r"\b(?:swaps?|exchanges?)\b(?:\s+[\w-]+){0,2}?\s+between\s+(?:the\s+)?", re.I)


@cache
def _trade_of_people_between() -> re.Pattern[str]:
    """A trade that counts its people before its two sides: 'an exchange of 400 captives between Russia and
    Ukraine' (words.csv TRADED_PEOPLE after an optional number; a longer gap than _TRADE_BETWEEN allows, so
    the people must be named: 'an exchange of heavy fire between' is no trade)."""
    return re.compile(r"\b(?:swaps?|exchanges?)\s+of\s+"
                      r"(?:(?:some|about|around|nearly|over|more\s+than|at\s+least)\s+)?(?:[\d,]+\s+)?(?:[\w-]+\s+)?"
                      r"(?:" + word_classes()["TRADED_PEOPLE"] + r")\s+between\s+(?:the\s+)?", re.I)


_MUTUAL_RELEASE = re.compile(r"\b(?:mutual|reciprocal)\s+(?:release|releases|freeing|exchange)\s+of\s+(?:the\s+)?",
                             re.I)
#: A swap named by the two peoples it traded: 'the exchange of Ethiopian and Eritrean prisoners of war'
_EXCHANGE_OF = re.compile(r"\b(?:exchanges?|swaps?)\s+of\s+(?:the\s+)?", re.I)
#: What joins the two sides: 'Sweden and Iran', 'Iranian and American'
_SIDES_GAP = re.compile(r"\s+and\s+(?:the\s+)?")


def _two_sides(doc: _Doc, start: int, end: int, demonyms: bool) -> tuple[Mention, Mention] | None:
    """The two parties of a trade named from `start`: two countries joined by 'and' (nations by name, or by
    their people's nationality after 'mutual release of'), each standing for its country."""
    mentions = [m for m in doc.actors.between(start, end) if m.country
                and (m.via == "demonym" if demonyms else m.type == "country" and m.via != "demonym")]
    if len(mentions) < 2 or doc.text[start:mentions[0].start].strip():
        return None
    first, second = mentions[0], mentions[1]
    if first.country == second.country or not _SIDES_GAP.fullmatch(doc.text, first.end, second.start):
        return None
    return _as_side(first), _as_side(second)


def _as_side(mention: Mention) -> Mention:
    return Mention(mention.start, mention.end, mention.text, "country", mention.country, mention.country, "",
                   "implicit")


def _sides_of_trades(doc: _Doc, events: list[Event]) -> list[Event]:
    """A trade told with its two sides frees each side's people by the other, whoever the sentence's subject
    is: 'Oman facilitated a prisoner exchange between Sweden and Iran' and 'Oman lauded the mutual release of
    Iranian and American detainees' tell releases between Sweden and Iran, and between Iran and the US, none
    by or to the helper. The releases read at the trade's wording with another party give way to them."""
    lower = lower_of(doc.text)
    exchange_of = "exchange of" in lower or "swap of" in lower or "exchanges of" in lower or "swaps of" in lower
    if "between" not in lower and "mutual" not in lower and "reciprocal" not in lower and not exchange_of:
        return events
    # each pattern scans only a text holding its words ('between' and 'swap' or 'exchange'; 'mutual' or
    # 'reciprocal'), or a letter re.I matches to one of theirs ('ſ' to 's', 'ı' and 'İ' to 'i')
    trade_words = "between" in lower and ("swap" in lower or "exchange" in lower or "ſ" in doc.text)
    mutual_words = "mutual" in lower or "reciprocal" in lower or "ı" in doc.text or "İ" in doc.text
    counted = _trade_of_people_between()
    gates = {id(_TRADE_BETWEEN): trade_words, id(counted): trade_words and exchange_of,
             id(_MUTUAL_RELEASE): mutual_words, id(_EXCHANGE_OF): exchange_of}
    for pattern, demonyms in ((_TRADE_BETWEEN, False), (counted, False), (_MUTUAL_RELEASE, True),
                              (_EXCHANGE_OF, True)):
        if not gates[id(pattern)]:
            continue
        for trade in pattern.finditer(doc.text):
            sentence = doc.sentence_at(trade.start())
            if sentence is None:
                continue
            if pattern is _TRADE_BETWEEN and not _people_near(doc, sentence):
                continue
            sides = _two_sides(doc, trade.end(), min(sentence.end, trade.end() + 60), demonyms)
            if sides is None:
                continue
            countries = {sides[0].country, sides[1].country}
            events = [e for e in events if not _read_at(sentence, e, trade.start(), sides[1].end)
                      or {e.actor_country, e.target_country} == countries]
            have = {(e.actor_country, e.target_country) for e in events
                    if e.relation == "releasesDetainees" and e.start == sentence.start}
            for holder, people in ((sides[0], sides[1]), (sides[1], sides[0])):
                if (holder.country, people.country) not in have:
                    made = _released_made(doc, sentence, holder, holder.country, people)
                    if made is not None:
                        events.append(made)
    return events


@cache
def _held_people() -> re.Pattern[str]:
    """Words for people held (words.csv HOSTAGES): 'prisoners', 'detainees', 'captives'."""
    return re.compile(r"\b(?:" + word_classes()["HOSTAGES"] + r")", re.I)


def _people_near(doc: _Doc, sentence) -> bool:
    """'an exchange between Sweden and Iran' trades people only when people held are spoken of in its sentence or
    the one before ('any official exchange between the United States and Taiwan' is contact, no trade)."""
    previous = doc.sentences[max(0, sentence.index - 1)]
    return _held_people().search(doc.text, previous.start, sentence.end) is not None


def _read_at(sentence, event: Event, start: int, end: int) -> bool:
    """Whether `event` is a release read in `sentence` at a wording within [start, end) of the document."""
    if event.relation != "releasesDetainees" or event.start != sentence.start or not event.trigger:
        return False
    at = sentence.text.find(event.trigger)
    return at >= 0 and start < sentence.start + at + len(event.trigger) and sentence.start + at < end
