"""Offices whose country the text states next to a person, or states for the same office earlier.

A person introduced with a bare office is placed from the sentence around them, which picks the wrong side
where the sentence is about another country: 'Delhi summoned Abdul Karim, Bangladesh's deputy envoy' (the
envoy is Bangladesh's, not India's), 'the regime expelled France's ambassador. ... Ambassador Jean Roux was
asked to leave' (the ambassador told of earlier is France's, not that of the dateline's city). Both state the
person's country outright, so they win over a guess. So do an office set off before the name ("Bahrain's top
diplomat, X") and a clause naming the side ('On the Russian side, Presidential Adviser X'). So, last, do a mission
named bare after an office ('the Second Secretary of the Embassy, X' after 'the Chilean Embassy'), a president's
house before it ('State House Spokesperson X') and a body the office heads named earlier with its country ('the
National Security Council of Chile ... National Security Adviser X').
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from graph.actors.knowledge import knowledge_base, word_classes, word_lists
from graph.actors.patterns import POSSESSIVE
from graph.actors.people import PersonIntro
from graph.actors.places import dateline_country
from graph.records import Mention

#: An apposition right after a name: ', ' then what it says, up to the next comma, semicolon or parenthesis
_APPOSITION = re.compile(r",[ \t]+(?P<body>[^,;()\n\"“”]{3,120})")
#: An article alone before a country owning the office: "X, the country's envoy", "X, Bangladesh's envoy"
_ARTICLE = re.compile(r"(?:(?:an?|the)[ \t]+)?")
#: A preposition linking an office to the country it serves: 'Minister of ... of Cambodia', 'at the British Embassy'
_LINK_BEFORE = re.compile(r"\b(?:of|for|at|to)[ \t]+(?:the[ \t]+)?$")
#: What may follow a country named as the end of an office ('of Cambodia, ', 'of Cambodia in Jakarta'): not a
#: word that makes the country a topic ('director for China affairs'); the apposition may also end unmarked before
#: the sentence's verb ('X, Minister of Foreign Affairs of Cambodia chaired the meeting')
_OFFICE_ENDS = re.compile(r"[ \t]*(?:$|[.,;:)]|(?:in|to|on|at|and|since|from|who|until|said|says|told|[a-z]+ed)\b)")
_POSSESSIVE_RE = re.compile(POSSESSIVE)
#: Between an office and the body it speaks for: 'a spokesperson for the U.S. mission'
_FOR_THE = re.compile(r"[ \t]+for[ \t]+the[ \t]+")



#: How far around an office or a name a country owning it may stand (a country's name is shorter than this)
_NEAR = 200


class _Countries:
    """The country mentions of a text in order, looked up by where they start: each person's checks read only
    the mentions near them, so that a long text costs time in proportion to its length."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self._owners: dict[str, tuple[list[int], list[str | None]]] = {}
        self._bodies: dict[tuple[str, ...], tuple[list[int], list[str]]] = {}

    def starting(self, low: int, high: int) -> list[Mention]:
        """The mentions that start at `low` or after and before `high`."""
        return self.mentions[bisect_left(self.starts, low):bisect_left(self.starts, high)]

    def owners_of_office(self, text: str, role: str) -> tuple[list[int], list[str | None]]:
        """Where each mention of an office word ends, and the one country that mentions up to it own (None when
        none or several do), read once per office word."""
        if role not in self._owners:
            ends: list[int] = []
            owners: list[str | None] = []
            seen: set[str] = set()
            for office in _owned_office(role).finditer(text):
                owner = _owner_of(text, office, self)
                if owner:
                    seen.add(owner)
                ends.append(office.end())
                owners.append(next(iter(seen)) if len(seen) == 1 else None)
            self._owners[role] = (ends, owners)
        return self._owners[role]

    def owners_of_body(self, text: str, words: tuple[str, ...]) -> tuple[list[int], list[str]]:
        """Where each mention of a body named by an office's words starts, and the one country that the mentions
        before it and it name ("" when none or several do), read once per office, not once per person."""
        if words not in self._bodies:
            starts: list[int] = []
            owners: list[str] = []
            seen: set[str] = set()
            for body in re.finditer(r"(?<![\w-])" + r"[ \t]+".join(map(re.escape, words)) + r"[ \t]+[A-Z][\w-]*",
                                    text):
                of = _BODY_OF.match(text, body.end())
                after = self.starting(of.end(), of.end() + 1) if of else []  # 'the Council (NSC) of Chile'
                before = [m for m in self.starting(body.start() - 40, body.start())  # "Chile's", 'the Chilean'
                          if text[m.end:body.start()].strip(" \t") in ("", "'s", "’s", "'", "’")]
                seen.update(m.country for m in after[:1] + before[-1:])
                starts.append(body.start())
                owners.append(next(iter(seen)) if len(seen) == 1 else "")
            self._bodies[words] = (starts, owners)
        return self._bodies[words]


def _apposed_country(text: str, intro: PersonIntro, countries: _Countries) -> str:
    """The country an apposition right after the person's name gives their office ('Abdul Karim, Bangladesh's
    deputy envoy', 'John Carter, second secretary of the British Embassy in Moscow', 'Hun Sen, Minister of
    Foreign Affairs of Cambodia'); "" when it names none or opens with no office.

    The country must own the office (a possessive, a demonym before a capitalised body, or the object of
    'of/for/at' closing the office); a country named after 'to' ('ambassador to Japan') or 'on' ('envoy on
    Myanmar') is where the office works, not whose it is, and is left out.
    """
    apposition = _APPOSITION.match(text, intro.end)
    if apposition is None:
        return ""
    body_start, body_end = apposition.start("body"), apposition.end("body")
    for mention in countries.starting(body_start, body_end):
        before = text[body_start:mention.start]
        possessive = _POSSESSIVE_RE.match(text, mention.end)
        if possessive and mention.via in ("name", "capital") and (
                _ARTICLE.fullmatch(before) and _office_before(text[possessive.end():body_end])
                or _LINK_BEFORE.search(before) and _office_before(before)):
            return mention.country  # "Bangladesh's deputy envoy", 'adviser to India's security council'
        if not _office_before(before):
            return ""  # the first country is no office's: 'Ana Ruiz, who flew to Peru'
        if (mention.via == "government" or mention.via == "demonym"
                and text[mention.end:mention.end + 2].strip()[:1].isupper()) \
                and _owning_link(before):
            return mention.country  # 'second secretary of the British Embassy'
        if mention.via == "name" and _owning_link(before) and _LINK_BEFORE.search(before).group(0).startswith("of") \
                and _OFFICE_ENDS.match(text, mention.end, body_end + 1):
            # ('special representative for Venezuela' is the office's topic, not its owner)
            return mention.country  # 'Minister of Foreign Affairs of Cambodia'
        return ""
    return ""


def _owning_link(before: str) -> bool:
    """Whether the words before a country link it to the office as its owner ('of', 'for', 'at'), not as where
    the office works ('ambassador to Japan')."""
    link = _LINK_BEFORE.search(before)
    return link is not None and not link.group(0).startswith("to")


def _office_before(before: str) -> bool:
    """Whether the words before a country in an apposition hold an office title ('Minister of Foreign Affairs
    of', 'second secretary of the'), within the first words of the apposition."""
    found = knowledge_base().role_re.search(before)
    return found is not None and len(before[:found.start()].split()) <= 3


@cache
def _owned_office(role: str) -> re.Pattern[str]:
    """An office word as written anywhere in the text, whatever its case ('ambassador', 'Ambassador'); its owner
    is read around each match (`_owner_of`)."""
    return re.compile(r"(?<![\w-])" + re.escape(role) + r"(?![\w-])", re.I)


def _told_before(text: str, intro: PersonIntro, countries: _Countries) -> str:
    """The country of the same office told of earlier with its country ("expelled France's ambassador. ...
    Ambassador Jean Roux was asked to leave"): the one country every earlier owned mention of the office names,
    or "" when none or several do."""
    if intro.role.lower() not in word_lists()["TOLD_AGAIN_OFFICES"] or not _titled(text, intro):
        return ""
    ends, owners = countries.owners_of_office(text, intro.role)
    told = owners[bisect_right(ends, intro.start) - 1] if ends and ends[0] <= intro.start else None
    return told or ""


def _titled(text: str, intro: PersonIntro) -> bool:
    """Whether the person's name follows their bare title ('Ambassador Jean Roux'), which leaves the office's
    country to the text; 'its own ambassador, X' is another office than the one told of before."""
    before = text[max(0, intro.start - len(intro.role) - 2):intro.start]
    return before.rstrip().lower().endswith(intro.role.lower()) and before.endswith((" ", "\t"))


def _owner_of(text: str, office: re.Match[str], countries: _Countries) -> str:
    """The country owning one mention of an office: "France's ambassador", 'the French ambassador', 'a
    spokesperson for the U.S. mission'."""
    for mention in countries.starting(office.start() - _NEAR, office.end() + _NEAR):
        if mention.end <= office.start() and office.start() - mention.end <= 4:
            gap = text[mention.end:office.start()]
            if (mention.via == "demonym" and gap.strip() == "") \
                    or (mention.via in ("name", "capital") and _POSSESSIVE_RE.fullmatch(gap.rstrip())):
                return mention.country
        if mention.start >= office.end() and _FOR_THE.fullmatch(text, office.end(), mention.start) \
                and mention.via in ("name", "demonym", "government"):
            return mention.country
    return ""


#: A comma setting a name off from the office before it
_COMMA = re.compile(r",[ \t]+")
#: Between a country's possessive and the name its office introduces: "Bahrain's top diplomat, " (the office
#: words are checked apart)
_OWNED_OFFICE_GAP = re.compile(r"['’]s?[ \t]+(?P<office>(?:[\w-]+[ \t]+){0,3}[\w-]+),[ \t]+")


def _owned_before(text: str, intro: PersonIntro, countries: _Countries) -> str:
    """The country whose office is named just before the name and set off by a comma ("Bahrain's top diplomat,
    Abdullatif bin Rashid Alzayani"): the possessive states the office's owner."""
    for mention in reversed(countries.starting(intro.start - _NEAR, intro.start)):
        if mention.end > intro.start:
            continue
        if intro.start - mention.end > 60:
            return ""
        if mention.via == "government" and _COMMA.fullmatch(text, mention.end, intro.start):
            office = mention.text  # "Chile's top diplomat" read whole as the office of a government
        else:
            gap = _OWNED_OFFICE_GAP.fullmatch(text, mention.end, intro.start)
            if gap is None or mention.via not in ("name", "capital"):
                return ""
            office = gap.group("office")
        role = knowledge_base().role_re.search(office)
        return mention.country if role is not None and role.end() == len(office) else ""
    return ""


#: A clause naming the side whose office holder follows: 'On the Russian side, Presidential Adviser ' (a title in
#: capitalised words, then the name)
_SIDE_BEFORE = re.compile(r"\b(?:[Oo]n|[Ff]or|[Ff]rom)[ \t]+the[ \t]+(?P<side>[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?)"
                          r"(?:['’]s)?[ \t]+side,[ \t]+(?:[A-Z][\w-]*[ \t]+){0,4}$")


def _side_before(text: str, intro: PersonIntro, countries: _Countries) -> str:
    """The country of the side a clause names right before the person's title ('On the Russian side, Presidential
    Adviser X will lead the delegation'): the clause states whose team the person heads."""
    side = _SIDE_BEFORE.search(text, max(0, intro.start - 90), intro.start)
    if side is None:
        return ""
    return next((m.country for m in countries.starting(side.start("side"), side.start("side") + 1)), "")


@cache
def _bare_mission_before() -> re.Pattern[str]:
    """A mission named bare after an office, set off before the name: ' of the Embassy, ' (words.csv MISSION)."""
    return re.compile(r"[ \t]+(?:of|at)[ \t]+the[ \t]+(?P<mission>(?i:" + word_classes()["MISSION"]
                      + r"))[ \t]*,[ \t]+$")


def _mission_told_before(text: str, intro: PersonIntro, countries: _Countries) -> str:
    """The country of a mission an office names bare ('the First Secretary of the Chilean Embassy, X, and the Second
    Secretary of the Embassy, Y': Y is Chile's too): the one country every earlier mission of the same word was
    named with; "" when none or several were."""
    bare = _bare_mission_before().search(text, max(0, intro.start - 60), intro.start)
    if bare is None:
        return ""
    office = knowledge_base().role_re.search(text, max(0, bare.start() - 40), bare.start())
    if office is None or office.end() != bare.start():
        return ""  # the mission is no office's: 'a protest at the embassy, X said'
    word = bare.group("mission").lower()
    owners = {m.country for m in countries.starting(0, bare.start())
              if m.via == "government" and m.text.split()[-1].lower() == word}
    return owners.pop() if len(owners) == 1 else ""


@cache
def _house_before() -> re.Pattern[str]:
    """A president's house right before an office and name: 'State House Spokesperson ' (words.csv
    PRESIDENTS_HOUSES), up to three capitalised words of the office."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in word_lists()["PRESIDENTS_HOUSES"])
                      + r")[ \t]+(?:[A-Z][\w-]*[ \t]+){1,3}$")


def _presidents_house(text: str, intro: PersonIntro, raw: list[tuple[Mention, str]]) -> str:
    """The country of a president's house that owns the office before the name ('State House Spokesperson X'):
    the dateline's, else that of the first president the text names with a country; the house is named bare, as
    only the home side's is, so the sentence around the name does not say whose it is."""
    if _house_before().search(text, max(0, intro.start - 60), intro.start) is None:
        return ""
    home = dateline_country(text, knowledge_base())
    if home:
        return home
    return next((m.country for m, _ in raw if m.type == "person" and m.country and m.role == "President"), "")


#: What may stand between a body's name and the country closing it: ' (NSC) of ', ' of the '
_BODY_OF = re.compile(r"(?:[ \t]+\([A-Z]{2,6}\))?[ \t]+of[ \t]+(?:the[ \t]+)?")


def _body_told_before(text: str, intro: PersonIntro, countries: _Countries) -> str:
    """The country of the body an office of two words or more heads, named earlier with its country ('the National
    Security Council of Chile ... National Security Adviser X': Chile's adviser); "" when no earlier body of the
    office's words names one, or when several do."""
    words = intro.role.split()[:-1]
    if len(words) < 2 or not _titled(text, intro):
        return ""
    starts, owners = countries.owners_of_body(text, tuple(words))
    told = bisect_left(starts, intro.start)  # the bodies named before the person
    return owners[told - 1] if told else ""


def stated_offices(text: str, raw: list[tuple[Mention, str]], intros: list[PersonIntro]) -> dict[str, str]:
    """Person -> the country the text states for their office, by an apposition after the name, by a possessive
    office set off before it, by the side a clause before it names, or by the same office told of earlier with its
    country; only for people introduced without one."""
    countries = _Countries(sorted((m for m, _ in raw if m.type == "country" and m.country), key=lambda m: m.start))
    found: dict[str, str] = {}
    for intro in intros:
        if intro.explicit_country or intro.international or intro.name in found:
            continue
        country = _apposed_country(text, intro, countries) or _owned_before(text, intro, countries) \
            or _side_before(text, intro, countries) or _told_before(text, intro, countries) \
            or _mission_told_before(text, intro, countries) or _presidents_house(text, intro, raw) \
            or _body_told_before(text, intro, countries)
        if country:
            found[intro.name] = country
    return found
