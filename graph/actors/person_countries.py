"""Person countries: in which country the document places a person it introduced.

One introduced without a country is placed from the sentence around them (`_country_for`: a place opening
the sentence, a subject country, an apposition, the host of a visit), by what the document states about them
elsewhere (`_stated_countries`), or else in the document's home country (`_fill_countries`), unless they sit
across the table from the home side or are the one it sends away. The one a state expels or frees is never
placed in that state (`_sent_away`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice, takewhile

from graph.actors.knowledge import KnowledgeBase, Person, word_lists
from graph.actors.patterns import (
    _AFTER_PREPOSITION,
    _LIST_ITEM_GAP,
    POSSESSIVE,
    SpanSet,
    _after_verb,
    _starts_of,
    sentences_of,
)
from graph.actors.people import PersonIntro
from graph.records import Mention
from graph.text import quote_spans

#: A blank line: a headline or a paragraph ends there
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


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
    # 'Major General Felix Okello, spokesperson for the Ugandan military': the apposition states the country the
    # rank before the name left to a guess
    explicit = {i.name: i.country for i in intros if i.explicit_country and i.country}
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
        # (not past a blank line: 'FM X meets Chinese counterpart' then, below the headline, 'Foreign Minister Y')
        words = _PARAGRAPH_BREAK.split(text[at:at + 90], maxsplit=1)[0].split()
        for word in words[:6]:
            bare = word.rstrip(",.;:")
            if bare in surnames:
                votes[bare][mention.country] += 1
                break
            # words that may stand between a country and a surname it places (words.csv PLACING): "Sri Lanka's
            # President Anura Kumara Dissanayake"; capitalised words pass too
            if not (bare[:1].isupper() or bare.lower() in placing) or bare != word:
                break
    attributed = _attributed_countries(text, raw, open_intros)
    placed = []
    for intro in intros:
        if not intro.explicit_country and intro.name not in votes and intro.name.split()[-1] not in votes \
                and attributed.get(intro.name):
            votes[intro.name.split()[-1]] = attributed[intro.name]
        if not intro.explicit_country and intro.name in explicit:
            intro = PersonIntro(intro.start, intro.end, intro.name, explicit[intro.name], intro.role, True,
                                intro.international)
        stated = votes.get(intro.name.split()[-1]) if not intro.explicit_country else None
        if stated:
            country = stated.most_common(1)[0][0]
            intro = PersonIntro(intro.start, intro.end, intro.name, country, intro.role, True)
        placed.append(intro)
    return placed


#: A sentence closed by its attribution to a national body: ', the Chinese Foreign Ministry said.' (the body is the
#: country mention right after group 0)
_ATTRIBUTION_OPENS = re.compile(r"[,\"”][ \t]*(?:[\"”][ \t]*)?(?:the[ \t]+)?$")
_ATTRIBUTION_CLOSES = re.compile(r"[ \t]+(?:said|says|stated|announced|added)\b[^.;:\"“”]{0,30}[.!?]?[ \t]*$")
#: A verb of conveying a country's stance right after a person: 'X expressed Beijing's', 'X conveyed Tokyo's'
_CONVEYED = re.compile(r"[ \t]+(?:\w+ly[ \t]+)?(?:expressed|conveyed|voiced|relayed|reiterated|delivered|lodged|"
                       r"expresses|conveys|voices|relays|reiterates|delivers|lodges)[ \t]+$")
#: Only a title before a name that opens a sentence: 'Vice Foreign Minister ', or nothing
_TITLE_OPENING = re.compile(r"[\W]*(?:[A-Z][\w.'’-]*[ \t]+){0,5}$")


def _attributed_countries(text: str, raw: list[tuple[Mention, str]], intros: list[PersonIntro]
                          ) -> dict[str, Counter]:
    """Countries a document gives people introduced without one by what they are said to speak for.

    A person who opens a sentence that a country's body is credited with ('Vice Foreign Minister Sun Weidong
    voiced strong dissatisfaction, the Chinese Foreign Ministry said'; 'Funakoshi "urged China to ...," the
    Japanese foreign ministry said') speaks for that body's country; so does one who conveys a country's stance
    ("X expressed Beijing's dissatisfaction"). News names such officials with a bare title, and the country
    named last before them is as often the other side's.
    """
    bodies = sorted((m for m, _ in raw if m.country and m.via == "government"
                     and m.type in ("country", "organization")), key=lambda m: m.start)
    body_starts = [m.start for m in bodies]
    countries = [(m.start, order, m) for order, m in enumerate(m for m, _ in raw if m.country and m.type == "country"
                                                                and m.via in ("name", "capital"))]
    countries.sort(key=lambda item: item[0])
    country_starts = [start for start, _, _ in countries]
    sentences = sentences_of(text)
    starts = _starts_of(text)
    openers = _opening_words(text, sentences)
    found: dict[str, Counter] = defaultdict(Counter)
    for intro in intros:
        words = intro.name.split()
        names = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in {intro.name, words[0], words[-1]}) + r")\b")
        for index in _sentences_opened_by(openers, len(sentences), (words[0], words[-1])):
            sentence = sentences[index]
            opening = names.search(text, sentence.start, min(sentence.end, sentence.start + 80))
            if opening is None or not _TITLE_OPENING.fullmatch(text, sentence.start, opening.start()):
                continue
            inside = bodies[bisect_right(body_starts, opening.end()):bisect_left(body_starts, sentence.end)]
            closing = next((m for m in reversed(inside) if opening.end() < m.start < sentence.end
                            and _ATTRIBUTION_OPENS.search(text, max(sentence.start, m.start - 8), m.start)
                            and _ATTRIBUTION_CLOSES.match(text, m.end, sentence.end)), None)
            if closing is not None:
                found[intro.name][closing.country] += 1
        index = bisect_right(starts, intro.start) - 1
        end = sentences[index].end if index >= 0 else len(text)
        after = countries[bisect_right(country_starts, intro.end):bisect_left(country_starts, end)]
        conveyed = min(((order, m) for _, order, m in after
                        if _CONVEYED.fullmatch(text, intro.end, m.start) and text.startswith(("'", "’"), m.end)),
                       default=(0, None), key=lambda item: item[0])[1]
        if conveyed is not None:
            found[intro.name][conveyed.country] += 1
    return found


def _opening_words(text: str, sentences: list) -> dict[str, list[int]]:
    """Word -> the sentences whose first 80 characters hold it as a whole run of word characters.

    A person can open only the sentences whose opening holds their name; looking them up here instead of trying
    every sentence for every person keeps a long text (a dump record on one line) linear."""
    openers: dict[str, list[int]] = defaultdict(list)
    for index, sentence in enumerate(sentences):
        for word in set(re.findall(r"\w+", text[sentence.start:min(sentence.end, sentence.start + 80)])):
            openers[word].append(index)
    return openers


def _sentences_opened_by(openers: dict[str, list[int]], count: int, words: tuple[str, ...]) -> list[int]:
    """The sentences whose opening may hold one of `words` (by each word's first run of word characters; every
    sentence when a word does not start with one, so that nothing the full search would find is skipped)."""
    found: set[int] = set()
    for word in words:
        piece = re.match(r"\w+", word)
        if piece is None:
            return list(range(count))
        found.update(openers.get(piece.group(), ()))
    return sorted(found)


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

    def other(name: str) -> str:
        # (not a country of the list across from them: 'held talks with the ministers of Kenya and Ghana'; nor one
        # they travel to or whose officials they meet elsewhere: 'after visits to Afghanistan and Iran')
        across = _across_list(name, mentions, text, mention_starts, firsts) \
            | _hosts_of(name, mentions, text, mention_starts, own.get(name, []))
        return next((country for country in focus if country != home and country not in across), "")

    def addressee(name: str) -> str | None:
        # the one a letter or a message is sent to is not of the sender's side; which side they are of, the
        # document's other countries do not tell ('Putin wrote to President Diallo. Diallo accused France')
        sender = _sender_of(name, mentions, text, firsts)
        if sender is None:
            return None
        return home if home != sender else ""

    chosen = {name: other(name) if (_across_from(name, home, mentions, text, mention_starts, firsts)
                                    or _posted_here(person)
                                    or _expelled(name, mentions, text, firsts)) else home
              for name, person in persons.items() if not person.country and name not in stateless}
    chosen |= {name: found for name in chosen if (found := addressee(name)) is not None}
    filled = {name: (person if person.country or name not in chosen else
                     Person(person.name, chosen[name], person.role, person.start, person.end, person.gender,
                            person.aliases))
              for name, person in persons.items()}
    updated = [Mention(m.start, m.end, m.text, m.type, m.key, chosen[m.key], m.role, m.via)
               if m.type == "person" and not m.country and m.key in chosen else m for m in mentions]
    return filled, updated


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


#: What is sent or said to someone named right after it: 'a letter to President ', 'wrote to', 'handed a message
#: to Prime Minister ': the one addressed is not of the sender's side
_ADDRESSED_BEFORE = re.compile(r"\b(?:letters?|messages?|note|notes|invitations?|appeals?|plea|pleas|request|ultimatum|"
                               r"wrote|writes|written|writing|sent|sends|send|sending|delivered|delivers|handed|hands|"
                               r"addressed|spoke|speaks|talked|talks|phoned|appealed)\b[^.;:\"“”]{0,40}?\bto[ \t]+"
                               r"(?:the[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+){0,4}$")


def _addressed(text: str, offset: int) -> bool:
    """Whether a person is named as the one a letter, a message or a call goes to ('Trump's letter to Prime
    Minister Marek Halas', 'wrote to President X'): the sentence's countries before them are the sender's."""
    return _ADDRESSED_BEFORE.search(text, max(0, offset - 90), offset) is not None


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


_CONJOINED = re.compile(r"[ \t]+and[ \t]+(?:(?!counterparts?\b|his\b|her\b|their\b)[\w'’.-]+[ \t]+){0,3}")


#: 'with', or a verb of meeting ('met Kenyan President B', 'called on'): the other side of the table comes next
_ACROSS = re.compile(r"[^.;]{0,120}?\b(?:with|and\s+their|and\s+his|and\s+her|met|meets|called\s+on|calls\s+on)"
                     r"\s+(?:the\s+|his\s+|her\s+|their\s+)?")


def _after(mentions: list[Mention], starts: list[int] | None, offset: int) -> Iterator[Mention]:
    """The mentions that end after `offset`, in order; with their `starts` found by bisection (no mention is
    200 characters long), so a long document costs no scan from its start per person."""
    low = max(0, bisect_left(starts, offset - 200)) if starts is not None else 0
    return (m for m in islice(mentions, low, None) if m.end > offset)


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
    if across is None:
        return False
    # ('with the ministers of Kenya': the office named with its country starts before the article's end)
    other = next(_after(mentions, starts, across.end()), None)
    return other is not None and other.start - across.end() <= 30 and other.country == home \
        and other.type in ("country", "person")


#: Right before the host side of a trip or a meeting: 'visits to ', 'arrived in ', 'met Iranian Foreign Minister ',
#: 'talks with his Chinese counterpart '
_HOST_BEFORE = re.compile(r"\b(?:(?:visit|visits|visiting|visited|trip|trips|tour|leg)\s+(?:\w+\s+){0,2}?(?:to|of|in)|"
                          r"visit|visits|visited|visiting|arrived\s+in|arrives\s+in|reached|reaches|landed\s+in|"
                          r"(?:travel|travels|travelled|traveled|flew|flies|heads|headed|went|goes)\s+(?:on\s+)?to|"
                          r"(?:met|meets|meet|meeting|talks)\s+(?:with\s+)?(?:his|her|their|the)?)\s*"
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
                    and _HOST_BEFORE.search(text, max(mention.end, other.start - 60), other.start) \
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


_IN_PLACE = re.compile(r"^\W*(?:In|From|Back\s+in|Speaking\s+in|Meanwhile\s+in|Over\s+in)\s+$")


#: 'with' introducing the other side of a meeting or a deal, in the clause right before a person's name.
_COUNTERPART_WITH = re.compile(r"\b(?:with|met|meets|meet|received|receives|hosted|hosts|welcomed|greeted|called\s+on|"
                               r"calls\s+on|call\s+on)\s+"
                               r"(?:[\w'’.-]+\s+){0,8}$")
#: A sentence told as part of a visit named before: 'During the visit, ', 'During his stay, '
_DURING_THE_VISIT = re.compile(r"\W*(?:During|On|In\s+the\s+course\s+of)\s+(?:the|his|her|this)\s+"
                               r"(?:[\w-]+\s+)?(?:visit|trip|stay|tour)\b")
_VISIT_TO = re.compile(r"\b(?:(?:visit|visiting|visits|trip|tour)\s+(?:\w+\s+){0,2}?(?:to|of)|visited|arrived\s+in|"
                       r"arrives\s+in|arriving\s+in|landed\s+in)\s+(?:the\s+)?$")
#: The one who receives a visitor, named right after 'by': 'was received at the airport by Prime Minister '
_HOSTED_BY = re.compile(r"\b(?:received|welcomed|greeted|hosted|met|feted)\s+(?:[^.;:,]{0,40}?\s)?by\s+(?:the\s+)?"
                        r"(?:[\w'’.-]+\s+){0,4}$")


def _visited(text: str, mentions: list[Mention]) -> Mention | None:
    """The last country of `mentions` named as where someone went: 'visit to Nepal', 'arrived in Maputo'."""
    return next((m for m in reversed(mentions) if m.type == "country"
                 and _VISIT_TO.search(text, max(0, m.start - 30), m.start)), None)
#: 'in Havana' after the other side of a meeting: that side's country ('met President Raul Ortiz in Havana')
_MET_IN = re.compile(r"[^.;:,]{0,40}?\b(?:in|at)\s+(?:the\s+)?$")


#: 'officials, including Prime Minister X and Foreign Minister': people listed as members of a group named just
#: before
_INCLUDING_BEFORE = re.compile(r",?[ \t]+(?:including|among\s+them|such\s+as)[ \t]+"
                               r"(?:[A-Z][\w'’.-]*,?[ \t]+(?:and[ \t]+)?){0,10}$")


_GROUP_OWNED = re.compile(r"(?:['’]s?)?[ \t]+(?:[\w-]+[ \t]+){0,2}(?:leadership|officials|ministers|team|delegation|"
                          r"cabinet|government|leaders)")
#: A name, then an apposition that says whose office it is: ', head of Mali's ...', ', the leader of Chad'.
#: 'John Coale, an envoy of ', 'Ana Ruiz, a senior aide to ': one who serves the person named next
_AGENT_OF = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3},[ \t]+(?:an?|the)[ \t]+(?:[a-z-]+[ \t]+){0,2}"
                       r"(?:envoy|aide|adviser|advisor|emissary|representative|spokes(?:wo)?man|spokesperson)[ \t]+"
                       r"(?:of|to|for)[ \t]+(?:the[ \t]+)?")
_OF_APPOSITION = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3},[ \t]+(?:the[ \t]+)?(?:[a-z-]+[ \t]+){1,2}"
                            r"of[ \t]+(?:the[ \t]+)?"
                            # ', Assistant Secretary at the U.S. Department of Homeland Security'
                            r"|[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3},[ \t]+(?:an?[ \t]+|the[ \t]+)?"
                            r"(?:[A-Z][\w-]*[ \t]+){1,3}(?:at|of|for)[ \t]+the[ \t]+")


def _country_for(text: str, offset: int, kb: KnowledgeBase, raw: list[tuple[Mention, str]]) -> str:
    """Country of a person introduced without one, read from where news places them.

    In order: a place opening the sentence ('In Moscow, foreign ministry spokeswoman ...'); the first
    country the sentence names before the person, as a subject rather than a prepositional object; the
    first such country of the previous sentence in the same paragraph. "" when none applies (the caller
    then falls back to the dateline or the country the document is mostly about).
    """
    sentences = sentences_of(text)
    index = bisect_right(_starts_of(text), offset) - 1
    if index < 0 or _addressed(text, offset):
        return ""  # (the addressee of a letter is placed once the document's sides are known: `_fill_countries`)
    sentence = sentences[index]
    countries, mention_starts = _placing_mentions(raw)
    # Only mentions between the previous sentence's start and the offset can place the person.
    low = bisect_left(mention_starts, sentences[index - 1].start if index > 0 else sentence.start)
    high = bisect_left(mention_starts, offset)
    quoted = _quotes_of(text)
    # a country inside a quotation is what the speaker talks about, not where they stand ('"What China did
    # was reckless," coast guard spokesman X said')
    outside = not quoted.covers(offset)
    in_sentence = [m for m in countries[low:high] if m.start >= sentence.start
                   and not (outside and quoted.covers(m.start))]
    for mention in in_sentence:
        if _IN_PLACE.match(text[sentence.start:mention.start]):
            return mention.country
    including = _INCLUDING_BEFORE.search(text, max(sentence.start, offset - 120), offset)
    if including:
        group = next((m for m in _backwards(countries, high) if m.end <= including.start()), None)
        if group is not None and group.country and (
                including.start() - group.end <= 12
                or _GROUP_OWNED.fullmatch(text, group.end, including.start())):
            # ("the Kazakh government's senior leadership including ...": the group the owner names)
            return group.country  # 'Maldivian officials, including Vice President Ahmed Latheef'
    apposition = _OF_APPOSITION.match(text, offset, sentence.end)
    if apposition:
        at = bisect_left(mention_starts, apposition.end())
        if at < len(countries) and countries[at].start == apposition.end() and countries[at].type == "country" \
                and countries[at].via in ("name", "capital", "government"):
            return countries[at].country  # 'Abdoulaye Maiga, head of Mali's transitional government'
    agent = _AGENT_OF.match(text, offset, sentence.end)
    if agent:
        at = bisect_left(mention_starts, agent.end())
        if at < len(countries) and countries[at].type == "person" and countries[at].country \
                and countries[at].start - agent.end() <= 25:
            return countries[at].country  # 'John Coale, an envoy of President Trump': whom he serves
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
            object_end = mention.end  # 'troops of Guinea and Mali': the whole list is the object
            continue
        return mention.country
    if counterpart is not None:
        after = next((m for m in takewhile(lambda m: m.start < sentence.end, islice(countries, high, None))
                      if m.type == "country" and m.via in ("capital", "name")
                      and _MET_IN.fullmatch(text, offset, m.start)), None)
        if after is not None:
            return after.country  # 'US envoy Mark Dalton met President Raul Ortiz in Havana'
        visited = _visited(text, [m for m in in_sentence if m.start < counterpart.start()])
        if visited is None and _DURING_THE_VISIT.match(text, sentence.start) and index > 0:
            # 'X will pay a visit to Ghana. During the visit, X will meet President Y': the visit told before
            visited = _visited(text, [m for m in countries[low:high] if m.start < sentence.start])
        if visited is not None:
            return visited.country  # 'X, on an official visit to Nepal, held talks with Prime Minister Y'
    if _HOSTED_BY.search(text, max(sentence.start, offset - 90), offset):
        visited = _visited(text, countries[low:high])
        if visited is not None:
            # 'X arrived in Maputo. He was received at the airport by Prime Minister Y': the host is of the
            # place visited, not of the visitor the sentence before was about
            return visited.country
    if _ITS_ROLE.search(text[max(sentence.start, offset - 60):offset]):
        for mention in _backwards(countries, high):
            if mention.type == "country" and mention.via != "demonym" \
                    and not _AFTER_PREPOSITION.search(text[max(0, mention.start - 15):mention.start]):
                return mention.country
    if index > 0 and sentences[index - 1].line_start == sentence.line_start:
        previous = sentences[index - 1]
        object_end = -1
        for mention in countries[low:high]:
            if mention.start >= previous.end:
                break
            if object_end >= 0 and _LIST_ITEM_GAP.fullmatch(text, object_end, mention.start):
                object_end = mention.end  # 'agreed by China and the US': the whole list is the object
                continue
            if mention.via == "demonym" or mention.type == "person":
                continue
            if _after_verb(text, mention.start):
                object_end = mention.end  # 'The ministry summoned the Emirati envoy': a verb's object is the other side
                continue
            if not _AFTER_PREPOSITION.search(text[max(previous.start, mention.start - 15):mention.start]) \
                    or _IN_PLACE.match(text[previous.start:mention.start]):  # 'In La Paz, the ministry said'
                return mention.country
            object_end = mention.end
    speech = _SAID_SUBJECT.match(text, offset, sentence.end)
    if speech:
        at = bisect_left(mention_starts, speech.end())
        for mention in countries[at:]:
            if mention.start != speech.end():
                break
            if mention.type == "country" and mention.via != "demonym":
                return mention.country  # 'Foreign Minister X said Mexico would ...': the speaker's country
    return ""


#: 'our ambassador', 'our new envoy': an office holder of the speaker's own side, inside a quotation
_OUR_BEFORE = re.compile(r"\b[Oo]ur[ \t]+(?:(?:new|former|then|acting|top|senior)[ \t]+)?$")


def _speakers_side(text: str, role_start: int, raw: list[tuple[Mention, str]]) -> str | None:
    """The country of the speaker who calls an office holder 'our' ('"We recalled our ambassador to Tel Aviv,
    Kemal Aydin," the Turkish ministry said'): the one the quotation is attributed to, in its sentence outside
    the quotation, after it or else before it. '' when the sentence names none; None when no 'our' is said."""
    if not _OUR_BEFORE.search(text, max(0, role_start - 20), role_start):
        return None
    quoted = _quotes_of(text)
    quote = quoted.span_at(role_start)
    if quote is None:
        return None
    sentences = sentences_of(text)
    index = bisect_right(_starts_of(text), role_start) - 1
    low = sentences[index].start if index >= 0 else 0
    high = next((s.end for s in sentences[index:] if s.end >= quote[1]), len(text))  # the quotation's sentence
    countries, starts = _placing_mentions(raw)
    around = [m for m in countries[bisect_left(starts, low):bisect_left(starts, high)]
              if not quoted.covers(m.start) and m.via != "place"]
    after = [m for m in around if m.start >= quote[1]]
    found = after[0] if after else (around[-1] if around else None)
    return found.country if found is not None else ""


_SAID_SUBJECT = re.compile(r"[^.;:]{0,60}?\b(?:said|says|told\s+\w+|stated|announced|insisted|warned|added)"
                           r"\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:the\s+)?")
_ITS_ROLE = re.compile(r"(?:\b[Ii]ts|\b[Tt]heir|\b[Tt]he\s+(?:country|nation|government|ministry|junta|regime)['’]s)"
                       r"\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:[A-Z][\w.-]*\s+){0,2}$")


_PLACING: list = [None, ([], []), 0]
_QUOTED: list = [None, SpanSet([])]


def _quotes_of(text: str) -> SpanSet:
    """The quotations of the document being read, found once per document."""
    if _QUOTED[0] is not text:
        _QUOTED[0], _QUOTED[1] = text, SpanSet(quote_spans(text))
    return _QUOTED[1]


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
