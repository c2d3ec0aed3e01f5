"""Speaker intros: people news introduces without a title.

As speakers ('Yolande Makolo said': `_speaker_intros`, a private person when described as a national or a
prisoner), by a country's possessive ("Congo's Thérèse Kayikwamba Wagner": `_possessive_intros`) or as
someone's counterpart of a country ('his Dutch counterpart Jan de Vries': `_counterpart_intros`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from graph.actors.knowledge import KnowledgeBase, word_classes
from graph.actors.patterns import (
    NAME,
    SpanSet,
    _starts_of,
    _Taken,
    sentences_of,
    speech_matches,
)
from graph.actors.people import PersonIntro
from graph.actors.person_countries import _country_for
from graph.actors.person_names import ORG_WORDS, _acceptable_name, _clean_name
from graph.actors.person_sides import _sent_away
from graph.records import Mention

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
        if _private_person(text, begin, kb):
            # 'a German national, Rico Krieger, who ...': a private citizen or a prisoner acts for no state
            intros.append(PersonIntro(begin, begin + len(name), name, "", "", False, True))
            continue
        placed = "" if _sent_away(text, begin, begin + len(name)) else _country_for(text, begin, kb, raw)
        intros.append(PersonIntro(begin, begin + len(name), name, placed, "", False))
    return intros


@cache
def _private_before() -> re.Pattern[str]:
    """What introduces a private person right before their name: 'a German national, ', 'eight Russians, most
    notably ', 'the novelist ' (words.csv NATIONALS, HOSTAGES and PRIVATE_PERSONS, or a people's plural)."""
    classes = word_classes()
    group = classes["NATIONALS"] + "|" + classes["HOSTAGES"] + "|" + classes["PRIVATE_PERSONS"]
    return re.compile(r"\b(?:(?P<group>" + group + r")|(?P<people>[A-Z]\w+s))"
                      r",?[ \t]+(?:(?:most[ \t]+notably|notably|including|among[ \t]+them|such[ \t]+as)[ \t]+)?$",
                      re.I)


def _private_person(text: str, begin: int, kb: KnowledgeBase) -> bool:
    """Whether a name follows a private person's description (a national, a prisoner, one of 'eight Russians'),
    not a country's name ('the Philippines, Jose Cruz')."""
    found = _private_before().search(text, max(0, begin - 60), begin)
    if found is None or found.group("group"):
        return found is not None
    alias = kb.lookup(found.group("people"))
    return alias is not None and alias.type == "country" and alias.kind == "demonym"


#: "Congo's Thérèse Kayikwamba Wagner signed" but not "Venezuela's Tren de Aragua gang" (a group's name)
_POSSESSIVE_NAME = re.compile(rf"['’]s[ \t]+({NAME})(?=[ \t]+[a-z]|,)(?![ \t]+(?:gang|gangs|cartel|cartels|group|"
                              r"militia|militias|movement|network|syndicate|faction|rebels|army|brigade|clan|party|"
                              r"company|firm|prison|programme|program|law|act)\b)"
                              # ("South Korea's Joint Chiefs of Staff said": a body whose name goes on after 'of')
                              r"(?![ \t]+of[ \t]+[A-Z])")


@cache
def _region_after() -> re.Pattern[str]:
    """A noun of a part of a country right after a name (words.csv REGION_NOUNS): "Chile's Los Lagos region" names
    a place, not a person."""
    return re.compile(r"(?:[ \t]+\([^()\n]{1,30}\))?[ \t]+(?:" + word_classes()["REGION_NOUNS"] + r")\b")


#: A capitalised name going on after 'and' ("Poland's Heavy Search and Rescue Unit")
_NAME_GOES_ON = re.compile(r"[ \t]+(?:and|&)[ \t]+((?:[A-Z][\w'’-]*[ \t]*){1,4})")


def _body_name_goes_on(text: str, end: int) -> bool:
    """Whether a name after a country's possessive runs on past 'and' into an organisation word (ORG_WORDS):
    "Poland's Heavy Search and Rescue Unit will help" names a body, not a person called 'Heavy Search'."""
    goes_on = _NAME_GOES_ON.match(text, end)
    return goes_on is not None and any(word in ORG_WORDS for word in goes_on.group(1).split())


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
        # the words as written, before trimming: "Haiti's Transitional Council" names a body, whatever is left
        if not 2 <= len(words) <= 4 or any(w in ORG_WORDS for w in match.group(1).split()) \
                or not _acceptable_name(name, kb) \
                or blocked.covers(start) or taken.overlaps(start, start + len(name)) \
                or _region_after().match(text, match.end(1)) or _body_name_goes_on(text, match.end(1)):
            continue
        intros.append(PersonIntro(start, start + len(name), name, mention.country, "", True))
    return intros


#: "his Dutch counterpart Jan de Vries", 'her Kenyan counterpart, Ann Wambui': the other side's holder of the office
_COUNTERPART_BEFORE = re.compile(r"(?:\b[Hh]is|\b[Hh]er|\b[Tt]heir)[ \t]+(?:(?:new|former)[ \t]+)?$")
_COUNTERPART_NAME = re.compile(rf"[ \t]+counterpart,?[ \t]+({NAME})"
                               rf"|(?:[ \t]+counterparts)?,?[ \t]+({NAME}),?[ \t]+and[ \t]+({NAME})")


def _counterpart_intros(text: str, kb: KnowledgeBase, blocked: SpanSet, raw: list[tuple[Mention, str]],
                        known: list[PersonIntro]) -> list[PersonIntro]:
    """People introduced as someone's counterpart of a country: "Fidan met his Dutch counterpart Jan de Vries".

    The demonym gives the country; the office is the one of the person last named before, in the sentence or
    the one before it (a foreign minister's counterpart is a foreign minister), when known.
    """
    if "counterpart" not in text:
        return []
    taken = _Taken([(i.start, i.end) for i in known] + [(m.start, m.end) for m, _ in raw if m.type == "person"])
    # the office the text gives ('Russian Defence Minister X') over the one the knowledge base holds now
    stated = {i.name: i.role for i in known if i.role}
    offices = {m.start: stated.get(m.key, m.role) for m, _ in raw if m.type == "person" and m.role} | {
        i.start: i.role for i in known if i.role}
    holders = sorted(offices.items())
    starts = [start for start, _ in holders]
    intros = []
    for mention, _ in raw:
        if mention.type != "country" or mention.via not in ("demonym", "name") and not (
                mention.via == "government" and mention.text.endswith("counterparts")) \
                or not _COUNTERPART_BEFORE.search(text, max(0, mention.start - 20), mention.start):
            continue
        match = _COUNTERPART_NAME.match(text, mention.end)
        if match is None or match.group(2) and not text[mention.start:match.start(2)].rstrip(", \t").endswith(
                "counterparts"):  # (the plural ends the mention: 'Japanese counterparts' stands for that side)
            continue
        index = bisect_right(_starts_of(text), mention.start) - 1
        sentence_start = sentences_of(text)[max(0, index - 1)].start  # 'Fidan ... He met his Dutch counterpart'
        before = bisect_left(starts, mention.start) - 1
        role = holders[before][1] if before >= 0 and holders[before][0] >= sentence_start else ""
        # 'their Japanese counterparts Kono Taro and Motegi Toshimitsu': each of the two is of that country
        for group in ((1,) if match.group(1) else (2, 3)):
            name = _clean_name(match.group(group))
            start = match.start(group) + match.group(group).find(name)
            if len(name.split()) < 2 or not _acceptable_name(name, kb) or blocked.covers(start) \
                    or taken.overlaps(start, start + len(name)):
                continue
            intros.append(PersonIntro(start, start + len(name), name, mention.country, role if group == 1 else "",
                                      True))
    return intros


@cache
def _commentary() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What describes a commentator: the word right before the name ('analyst Zhao Tong', 'Prof. Shi'), an
    apposition after it ('Shi Yinhong, a professor of ...'), or one that places them at a university or a think
    tank ('Ali Vaez, Iran project director at the International Crisis Group'); words.csv COMMENTATORS and
    THINK_TANKS."""
    classes = word_classes()
    before = re.compile(r"\b(?:" + classes["COMMENTATORS"] + r")\.?,?[ \t]+$", re.I)
    apposed = re.compile(r",[ \t]+(?:(?:an?|the)[ \t]+)?(?:[\w'’-]+[ \t]+){0,5}?(?:" + classes["COMMENTATORS"]
                         + r")(?![\w-])", re.I)
    at_body = re.compile(r",[ \t]+[^,.;:\"“”()]{0,60}?\b(?:at|of|with|from)[ \t]+(?:the[ \t]+)?[^,.;:\"“”()]{0,50}?"
                         r"\b(?:" + classes["THINK_TANKS"] + r")(?![\w-])"
                         # 'Mambo Kawaya, a civil society representative': outside any state, whatever the title
                         r"|,[ \t]+(?:(?:an?|the)[ \t]+)?(?:[\w'’-]+[ \t]+){0,2}?(?:" + classes["NON_STATE_SPEAKERS"]
                         + r")(?![\w-])", re.I)
    return before, apposed, at_body


@cache
def _freed_context() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What tells a person held and let go: a release or a detainee's description before the name ('Among those
    released were protest leader ', 'freed an elderly British couple, Peter and ', 'The detainee, identified as
    '), or a release told after it ('X, who holds Irish nationality, and Y were freed'); words.csv FREED and
    HOSTAGES. No speech verb in between: 'X said two nationals were freed' is a spokesman. Also what makes one
    freed the state's own man, right after the name: 'Y, who was convicted of war crimes for his post in Iran'
    (words.csv STATE_SERVANT)."""
    classes = word_classes()
    before = re.compile(r"\b(?:(?:" + classes["FREED"] + r")\b[^.;:!?\"“”]{0,60}|(?:" + classes["HOSTAGES"]
                        + r"),?[ \t]+(?:identified[ \t]+as[ \t]+|named[ \t]+)?)$", re.I)
    after = re.compile(r"(?:(?!\b(?:said|says|told|stated|announced|added)\b)[^.;:!?\"“”]){0,80}?\b(?:was|were|"
                       r"(?:had|has|have)[ \t]+been)[ \t]+(?:" + classes["FREED"] + r")\b", re.I)
    servant = re.compile(r",[ \t]+(?:who|an?|the)\b[^.;:!?\"“”]{0,80}?\b(?:" + classes["STATE_SERVANT"] + r")\b", re.I)
    return before, after, servant


def _freed(text: str, intros: list[PersonIntro], kb: KnowledgeBase) -> list[PersonIntro]:
    """People a state held and let go act for no state: the freed citizen is neither of the jailer nor, as a
    party, of home ('Among those released were protest leader Maria Kolesnikova'). Only those who hold no office
    of state (a 'protest leader' of no stated country leads no state); an FSB colonel swapped keeps his
    service's country. They stay people, without a country."""
    before, after, servant = _freed_context()
    freed: set[str] = set()
    servants: set[str] = set()
    for name in {i.name for i in intros if (not i.role or i.role == "Leader" and not i.explicit_country)
                 and kb.people.get(i.name) is None}:
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            if servant.match(text, end):
                servants.add(name)
            elif before.search(text, max(0, at - 70), at) or after.match(text, end):
                freed.add(name)
            at = text.find(name, end)
    return [PersonIntro(i.start, i.end, i.name, "", "", False, True) if i.name in freed - servants else i
            for i in intros]


_OUTLETS: dict[int, re.Pattern[str]] = {}


def _outlet_before(kb: KnowledgeBase) -> re.Pattern[str]:
    """A news outlet the knowledge base knows (organizations.csv kind 'media') with its possessive, right before a
    name: "Al Jazeera's ", "Reuters' ". Who is named so reports for it; they act for no state."""
    pattern = _OUTLETS.get(id(kb))
    if pattern is None:
        names = sorted((re.escape(k) for k, a in kb.aliases.items() if a.type == "media"), key=len, reverse=True)
        pattern = _OUTLETS[id(kb)] = re.compile(r"(?<![\w-])(?:" + "|".join(names or ["(?!)"]) + r")['’]s?[ \t]+$")
    return pattern


def _commentators(text: str, intros: list[PersonIntro], kb: KnowledgeBase) -> list[PersonIntro]:
    """Analysts, academics and other commentators act for no state, wherever the document describes them so:
    "Korea's Park Won-gon told reporters" is not Korea's official when 'Park Won-gon, a professor at Ewha
    University' is said elsewhere. They stay people, without a country. A title of state the introduction gives
    ('Deputy President Prof. Kithure Kindiki') keeps its holder, unless the apposition places them at a
    university or a think tank."""
    before, apposed, at_body = _commentary()
    found: dict[str, bool] = {}  # name -> described at a university or a think tank
    for name in {intro.name for intro in intros if kb.people.get(intro.name) is None}:
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            if at_body.match(text, end):
                found[name] = True
            elif before.search(text, max(0, at - 30), at) or apposed.match(text, end) \
                    or _outlet_before(kb).search(text, max(0, at - 40), at):
                found.setdefault(name, False)  # ("Al Jazeera's Alessandro Rampietti": a reporter of the outlet)
            at = text.find(name, end)
    return [PersonIntro(i.start, i.end, i.name, "", "", False, True)
            if i.name in found and (found[i.name] or not i.role) else i for i in intros]


#: A speech verb right after an office: 'the Polish interior minister said'
_SAID_AFTER_OFFICE = re.compile(r"[ \t]+(?:\w+ly[ \t]+)?(?:said|says|told|stated|announced|added|declared|warned)\b")
#: A name opening a sentence as its subject, followed by its verb: 'Mariusz Kaminski made the statement'
_NAME_OPENING = re.compile(rf"[\s\"“]*({NAME})(?=[ \t]+(?:\w+ly[ \t]+)?[a-z])")


def _office_named_next(text: str, kb: KnowledgeBase, blocked: SpanSet, offices: list[Mention],
                       known: list[PersonIntro]) -> list[PersonIntro]:
    """A name opening the sentence right after one whose speaker was only an office ('..., the Polish interior
    minister said on Monday. Mariusz Kaminski spoke after meeting his counterparts'): news names the speaker in the
    next sentence, and the office gives the name its country and role."""
    taken = _Taken([(i.start, i.end) for i in known])
    sentences = sentences_of(text)
    starts = [s.start for s in sentences]
    intros = []
    for office in offices:
        if office.type != "country" or not office.country or not office.role \
                or not _SAID_AFTER_OFFICE.match(text, office.end):
            continue
        index = bisect_right(starts, office.start) - 1
        if index < 0 or index + 1 >= len(sentences):
            continue
        match = _NAME_OPENING.match(text, sentences[index + 1].start)
        name = _clean_name(match.group(1)) if match else ""
        begin = match.start(1) + match.group(1).find(name) if name else -1
        if not 2 <= len(name.split()) <= 4 or any(w in ORG_WORDS for w in name.split()) \
                or not _acceptable_name(name, kb) or kb.lookup(name) is not None \
                or blocked.covers(begin) or taken.overlaps(begin, begin + len(name)):
            continue
        intros.append(PersonIntro(begin, begin + len(name), name, office.country, office.role, True))
    return intros
