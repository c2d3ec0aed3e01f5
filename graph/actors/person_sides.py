"""Person sides: which side of a document a person named without a country is on.

`_fill_countries` gives such a person the document's home country (its dateline, else the country it is mostly
about), unless they sit across the table from the home side, travel to or answer it, are posted there, or are the
one it sends away or writes to: they are then of the document's other side, or of none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache

from graph.actors.knowledge import Person, knowledge_base, word_classes
from graph.actors.patterns import _AFTER_PREPOSITION, _LIST_ITEM_GAP, SpanSet, _after_verb, _starts_of, sentences_of
from graph.actors.places import dateline_country
from graph.records import Mention
from graph.text import quote_spans


def _fill_countries(persons: dict[str, Person], mentions: list[Mention], home: str, text: str = "",
                    focus: Iterable[str] = (), stateless: frozenset[str] | set[str] = frozenset()
                    ) -> tuple[dict[str, Person], list[Mention]]:
    """Give people with no known country the document's home country (dateline, else main country).

    One who first appears across a table from the home side ('Foreign Minister Kamikawa signed the pact
    with Philippine Defense Secretary Teodoro' under a Manila dateline) is on the other side: they get
    the document's next country instead, or none when the document names no other.
    """
    if not home:
        return persons, mentions
    mention_starts = [m.start for m in mentions]
    own: dict[str, list[int]] = defaultdict(list)  # a person's mentions, by index
    firsts: dict[str, int] = {}  # the index of a person's first mention by name
    for index, mention in enumerate(mentions):
        if mention.type in ("person", "pronoun") and mention.key:
            own[mention.key].append(index)
            if mention.type == "person":
                firsts.setdefault(mention.key, index)

    away = _gone_toward(mentions, text, {name for name, person in persons.items() if not person.country})

    def other(name: str, objects: frozenset[str] = frozenset()) -> str:
        # (not a country of the list across from them: 'held talks with the ministers of Kenya and Ghana'; nor one
        # they travel to, meet the people of or answer: 'X met Iranian Foreign Minister Zarif in Tehran', 'after
        # visits to Afghanistan and Iran'; nor one their own sentence acts on)
        across = _across_list(name, mentions, text, mention_starts, firsts) \
            | _hosts_of(name, mentions, text, mention_starts, own.get(name, [])) | away.get(name, set()) | objects
        return next((country for country in focus if country != home and country not in across), "")

    def addressee(name: str) -> str | None:
        # the one a letter or a message is sent to is not of the sender's side; which side they are of, the
        # document's other countries do not tell ('Putin wrote to President Diallo. Diallo accused France')
        sender = _sender_of(name, mentions, text, firsts)
        if sender is None:
            return None
        return home if home != sender else ""

    starts, quotes = _starts_of(text), SpanSet(quote_spans(text))
    chosen = {name: other(name) if (_across_from(name, home, mentions, text, mention_starts, firsts)
                                    or _posted_here(person)
                                    or _expelled(name, mentions, text, firsts)
                                    or home in away.get(name, ())) else home
              for name, person in persons.items() if not person.country and name not in stateless}
    # (where a report is filed from ('MANILA —') is where its unplaced officials speak, whatever they talk about)
    if dateline_country(text, knowledge_base()) != home:
        for name, country in chosen.items():
            if country == home and home in (objects := _acted_upon(name, mentions, text, starts, firsts, quotes)):
                chosen[name] = other(name, objects)
    chosen |= {name: found for name in chosen if (found := addressee(name)) is not None}
    filled = {name: (person if person.country or name not in chosen else
                     Person(person.name, chosen[name], person.role, person.start, person.end, person.gender,
                            person.aliases))
              for name, person in persons.items()}
    updated = [Mention(m.start, m.end, m.text, m.type, m.key, chosen[m.key], m.role, m.via)
               if m.type == "person" and not m.country and m.key in chosen else m for m in mentions]
    return filled, updated


#: A capitalised word right before a country that makes it part of a name: 'Radio Pakistan', 'Air India'
_IN_NAME = re.compile(r"(?<![.!?\"“]\s)(?<=\s)[A-Z][a-z]+[ \t]+$")


#: A preposition of place, source, benefit or pair before a country: where the act happens or whom it is for
#: ('accredited in Peru', 'removed from the US', 'signed for the Philippines', 'between Burkina Faso and France'),
#: no sign of whom it is aimed at
_PLACE_BEFORE = re.compile(r"\b(?:in|at|on|from|within|inside|across|throughout|over|into|for|by|between|among)"
                           r"\s+(?:the\s+)?$", re.I)


#: The end of a finished sentence (a line ending without one is wrapped, and the sentence goes on)
_FINISHED = re.compile(r"[.!?][\"”’')]*\s*$")


def _acted_upon(name: str, mentions: list[Mention], text: str, starts: list[int], firsts: dict[str, int],
                quotes: SpanSet) -> frozenset[str]:
    """Countries the sentence that introduces `name` (with the rest of a quotation of theirs it opens) names after
    them as an object, of a preposition or a verb: what the person's act is about, not the side they speak for
    ('trade minister X released the rules agreed with the United States to stop China', 'X said the Petro
    administration helped the Noboa government'). A country the sentence names as a subject after them ('X said
    Mexico would ...') keeps the document's home country; a country inside a name ('Radio Pakistan reported')
    or one a pronoun stands for is neither."""
    first = firsts.get(name)
    if first is None or not text:
        return frozenset()
    person = mentions[first]
    index = bisect_right(starts, person.start) - 1
    sentences = sentences_of(text)
    if index < 0 or index >= len(sentences):
        return frozenset()
    sentence = sentences[index]
    end = sentence.end
    last = min(index + 4, len(sentences) - 1)
    while index < last and not _FINISHED.search(text, sentence.start, end) \
            and "\n\n" not in text[end:sentences[index + 1].start]:
        index += 1  # (a sentence hard-wrapped over lines: 'Minister X said the state\ngovernment demanded ...')
        end = sentences[index].end
    quote = quotes.span_at(end - 1)
    if quote is not None and quote[0] > person.end:
        end = max(end, quote[1])  # 'X said: "This flight shows ... I thank the governments of Ghana and Nigeria"'
    objects: set[str] = set()
    subjects: set[str] = set()
    object_end = -1
    for mention in _forwards(mentions, first + 1):
        if mention.start >= end:
            break
        if mention.type != "country" or not mention.country or mention.via in ("pronoun", "demonym") \
                or _PLACE_BEFORE.search(text, max(sentence.start, mention.start - 15), mention.start) \
                or _IN_NAME.search(text, max(sentence.start, mention.start - 30), mention.start):
            continue
        if _AFTER_PREPOSITION.search(text[max(sentence.start, mention.start - 15):mention.start]) \
                or _after_verb(text, mention.start) \
                or (object_end >= 0 and _LIST_ITEM_GAP.fullmatch(text, object_end, mention.start)):
            objects.add(mention.country)  # (the whole list is the object: 'the governments of Ghana and Nigeria')
            object_end = mention.end
        else:
            subjects.add(mention.country)
    return frozenset(objects - subjects)


@cache
def _goes_toward() -> re.Pattern[str]:
    """A person's own predicate of going to or facing another side, right after their name: ' met ', ' will next
    visit ', ' on Saturday strongly dismissed the allegations made by '; or of a measure against it (words.csv
    MEASURE_ANNOUNCING, MEASURES_ON): ' announced retaliatory tariffs on ' (one does not impose tariffs on one's own
    country's goods); the same in a relative clause after the name (', who is on a working visit to Washington')."""
    return re.compile(r"(?:,[ \t]+who\b)?(?:[ \t]+(?:[\w'’]+|on[ \t]+\w+day)){0,3}?[ \t]+"
                      r"(?:met|meets|will[ \t]+meet|visited|visits|"
                      r"(?:will[ \t]+)?(?:next[ \t]+)?visit|arrived|arrives|travelled|traveled|travels|landed|"
                      r"called[ \t]+on|held[ \t]+talks|"
                      # ('General Pande is on a four-day visit to Uzbekistan')
                      r"(?:is|was|are|were)[ \t]+on[ \t]+(?:a|an|his|her|their)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
                      r"(?:visit|trip|tour)|"
                      r"(?:" + word_classes()["MEASURE_ANNOUNCING"] + r")[ \t]+"
                      r"(?:[\w%-]+[ \t]+){0,3}?"
                      r"(?:" + word_classes()["MEASURES_ON"] + r")[ \t]+(?:on|against)|"
                      r"(?P<answer>(?:dismissed|rejected|denounced)[^.;\n]{0,40}?[ \t]by))\b")


#: Where a clause ends, for the countries a predicate of `_GOES_TOWARD` reaches (a comma too: 'held talks with the
#: ministers of Peru and Chile, who visited Korea' does not go to Korea)
_CLAUSE_END = re.compile(r"[.,;:!?\n]")


def _gone_toward(mentions: list[Mention], text: str, names: set[str]) -> dict[str, set[str]]:
    """For each person of `names`, the countries their own predicates go to or face ('Qureshi met Iranian Foreign
    Minister Zarif in Tehran', 'He arrived in Beijing after visits to Afghanistan and Iran', 'dismissed the
    allegations made by Saudi Foreign Minister ...'): a person is not of a country they visit, meet or answer.
    One pass over the mentions, each predicate reaching only the rest of its clause."""
    found: dict[str, set[str]] = defaultdict(set)
    if not text or not names:
        return found
    for index, mention in enumerate(mentions):
        if mention.type != "person" or mention.key not in names:
            continue
        predicate = _goes_toward().match(text, mention.end)
        if predicate is None:
            continue
        stop = _CLAUSE_END.search(text, predicate.end())
        end = stop.start() if stop else len(text)
        for later in _forwards(mentions, index + 1):
            if later.start >= end:
                break
            if later.start >= predicate.start() and later.country and later.key != mention.key:
                found[mention.key].add(later.country)
                if predicate.group("answer"):
                    break  # (the maker of what is answered, not 'the allegations by X against Iran')
    return found


#: 'Mulino and Foreign Minister ': a second office holder named with the first, not his counterpart
#: 'X had been ordered to leave the country', 'X was expelled': the one sent away is of the other side.
_EXPELLED_AFTER = re.compile(r",?[ \t]+(?:had|has|have)?[ \t]*(?:been|was|were|is|are)[ \t]+(?:ordered[ \t]+to[ \t]+"
                             r"leave|expelled|declared[ \t]+persona[ \t]+non[ \t]+grata|told[ \t]+to[ \t]+leave|"
                             r"given[ \t]+\S+[ \t]+(?:hours|days)[ \t]+to[ \t]+leave)\b")


#: 'Sweden freed Hamid Nouri', 'Norway expelled Ambassador Ivan Petrov': the one sent away right after the verb.
_SENT_AWAY_BEFORE = re.compile(r"\b(?:freed|released|pardoned|expelled|deported|extradited|swapped|exchanged|"
                               r"handed[ \t]+over)[ \t]+(?:[\w'’.-]+[ \t]+){0,2}$")


def _sent_away(text: str, start: int, end: int) -> bool:
    """Whether a person is named as the one a state sends away: expelled, freed or handed over ('freed X', 'X was
    ordered to leave'); the country around them is the sender's, not theirs."""
    return _EXPELLED_AFTER.match(text, end) is not None \
        or _SENT_AWAY_BEFORE.search(text, max(0, start - 40), start) is not None


def _expelled(name: str, mentions: list[Mention], text: str, firsts: dict[str, int] | None = None) -> bool:
    """Whether a person with no stated country is first named as the one sent away: in a report from the
    sending country, they belong to the other side ('Colonel Ivan Petrov had been ordered to leave')."""
    first = _first_person(name, mentions, firsts)
    return first is not None and bool(text) and _sent_away(text, first.start, first.end)


@cache
def _addressed_before() -> re.Pattern[str]:
    """What is sent or said to someone named right after it (words.csv ADDRESSED_TO: 'a letter to President ', 'wrote
    to', 'handed a message to Prime Minister '): the one addressed is not of the sender's side."""
    return re.compile(r"\b(?:" + word_classes()["ADDRESSED_TO"] + r")\b[^.;:\"“”]{0,40}?\bto[ \t]+"
                      r"(?:the[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+){0,4}$")


def _addressed(text: str, offset: int) -> bool:
    """Whether a person is named as the one a letter, a message or a call goes to ('Trump's letter to Prime
    Minister Marek Halas', 'wrote to President X'): the sentence's countries before them are the sender's."""
    return _addressed_before().search(text, max(0, offset - 90), offset) is not None


def _sender_of(name: str, mentions: list[Mention], text: str, firsts: dict[str, int] | None = None) -> str | None:
    """The sender's country when a person's first mention is as the addressee of a letter or a message: the last
    country named before them in the sentence, else the first after them ('' when none), or None when they are
    not addressed."""
    first = _first_person(name, mentions, firsts)
    if first is None or not text or not _addressed(text, first.start):
        return None
    index = bisect_right(_starts_of(text), first.start) - 1
    start = sentences_of(text)[index].start if index >= 0 else 0
    end = sentences_of(text)[index].end if index >= 0 else len(text)
    around = [m for m in mentions if start <= m.start < end and m.country and m.via != "place" and m.key != name]
    before = [m for m in around if m.start < first.start]
    # ('In a letter to President X, Biden urged ...': the sender is the subject after the opening phrase)
    return before[-1].country if before else (around[0].country if around else "")


def _posted_here(person: Person) -> bool:
    """An ambassador, high commissioner or attaché with no stated country, in a report from where they serve,
    represents another country ('High Commissioner Sanjay Kumar Verma' in a report from Ottawa is India's)."""
    return bool(person.role) and re.search(r"(?i)\b(?:ambassador|high\s+commissioner|attach[eé]|charg[eé]|consul)",
                                           person.role) is not None


#: 'and' joining two office holders, with up to three words of role between ('X and Foreign Minister Y') or a
#: longer run of titles ('King X and Crown Prince and Prime Minister Y'): one side.
_CONJOINED = re.compile(r"[ \t]+and[ \t]+(?:(?:(?!counterparts?\b|his\b|her\b|their\b)[\w'’.-]+[ \t]+){0,3}"
                        r"|(?:(?:[A-Z][\w'’.-]*|and)[ \t]+){4,5})")


#: 'with', or a verb of meeting ('met Kenyan President B', 'called on'): the other side of the table comes next
_ACROSS = re.compile(r"[^.;]{0,120}?\b(?:with|and\s+their|and\s+his|and\s+her|met|meets|called\s+on|calls\s+on)"
                     r"\s+(?:the\s+|his\s+|her\s+|their\s+)?")


#: 'between' opening a pair of sides, with the first one's title after it: 'talks between Party General Secretary '
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}$")
_AND_NEXT = re.compile(r"\s+and\s+(?:the\s+)?")


def _after(mentions: list[Mention], starts: list[int] | None, offset: int) -> Iterator[Mention]:
    """The mentions that end after `offset`, in order; with their `starts` found by bisection (no mention is
    200 characters long), so a long document costs no scan from its start per person."""
    low = max(0, bisect_left(starts, offset - 200)) if starts is not None else 0
    return (m for m in _forwards(mentions, low) if m.end > offset)


def _first_person(name: str, mentions: list[Mention], firsts: dict[str, int] | None) -> Mention | None:
    """A person's first mention by name (`firsts`: its index, when the caller has indexed them)."""
    if firsts is not None:
        return mentions[firsts[name]] if name in firsts else None
    return next((m for m in mentions if m.type == "person" and m.key == name), None)


def _across_from(name: str, home: str, mentions: list[Mention], text: str, starts: list[int] | None = None,
                 firsts: dict[str, int] | None = None) -> bool:
    """Whether a person's first mention has the home side right after 'with' (or a verb of meeting) in the same
    sentence."""
    first = _first_person(name, mentions, firsts)
    if first is None or not text:
        return False
    across = _ACROSS.match(text, first.end)
    if across is None and _BETWEEN_BEFORE.search(text, max(0, first.start - 50), first.start):
        across = _AND_NEXT.match(text, first.end)  # 'talks between Secretary X and US President Y': two sides
    if across is None:
        return False
    # ('with the ministers of Kenya': the office named with its country starts before the article's end)
    other = next(_after(mentions, starts, across.end()), None)
    return other is not None and other.start - across.end() <= 30 and other.country == home \
        and other.type in ("country", "person")


@cache
def _host_before() -> re.Pattern[str]:
    """Right before the host side of a trip or a meeting, from words.csv: a trip noun and its preposition (TRIP_WORDS:
    'visits to '), an arrival (ARRIVAL_WORDS: 'arrived in '), travel (TRAVEL_VERBS: 'flew to '), a meeting
    (MEETING_VERBS: 'met Iranian Foreign Minister ', 'talks with his Chinese counterpart ')."""
    classes = word_classes()
    return re.compile(r"\b(?:(?:" + classes["TRIP_WORDS"] + r")\s+(?:\w+\s+){0,2}?(?:to|of|in)|"
                      + classes["ARRIVAL_WORDS"] + r"|(?:" + classes["TRAVEL_VERBS"] + r")\s+(?:on\s+)?to|"
                      r"(?:" + classes["MEETING_VERBS"] + r")\s+(?:with\s+)?(?:his|her|their|the)?)\s*"
                      r"(?:[A-Z][\w'’.-]*,?\s+(?:and\s+)?){0,4}$")


_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b")


def _hosts_of(name: str, mentions: list[Mention], text: str, mention_starts: list[int], own: list[int]) -> set[str]:
    """Countries a person with no stated country travels to or meets the officials of, in the sentences that name
    them ('He arrived in Beijing after visits to Afghanistan and Iran', 'Qureshi met Iranian Foreign Minister
    Zarif'): the host side of a trip, never the traveller's own. Only the 300 characters after each of their
    mentions (`own`: their indices in `mentions`) are read, so a long text costs no more per person than a short
    one."""
    if not text:
        return set()
    sentences = sentences_of(text)
    starts = _starts_of(text)
    found: set[str] = set()
    for mention in (mentions[i] for i in own):
        index = bisect_right(starts, mention.start) - 1
        end = min(sentences[index].end if index >= 0 else len(text), mention.end + 300)
        for other in mentions[bisect_right(mention_starts, mention.end):bisect_left(mention_starts, end)]:
            if other.country and other.type in ("country", "person") and other.key != name \
                    and _host_before().search(text, max(mention.end, other.start - 60), other.start) \
                    and not _RELATIVE.search(text, mention.end, other.start):
                found.add(other.country)  # (not 'talks with the ministers of Peru, who visited Korea': theirs)
    return found


def _across_list(name: str, mentions: list[Mention], text: str, starts: list[int] | None = None,
                 firsts: dict[str, int] | None = None) -> set[str]:
    """The countries of the list right after 'with' that follows a person's first mention ('held talks with
    the ministers of Namibia, Nigeria and Ghana')."""
    first = _first_person(name, mentions, firsts)
    across = _ACROSS.match(text, first.end) if first is not None and text else None
    if across is None:
        return set()
    found: set[str] = set()
    end = across.end()
    for mention in _after(mentions, starts, across.end()):
        if not mention.country:
            continue
        if found and not re.fullmatch(r",?\s*(?:and\s+)?(?:the\s+)?", text[end:mention.start]):
            break
        if not found and mention.start - across.end() > 30:
            break
        found.add(mention.country)
        end = mention.end
    return found


def _forwards(items: list[Mention], start: int) -> Iterator[Mention]:
    """`items[start:]` first to last without skipping the head one by one (`islice` does, per person placed)."""
    for index in range(start, len(items)):
        yield items[index]
