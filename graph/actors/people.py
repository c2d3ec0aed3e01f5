"""People: who news introduces, and in which country it places them.

A person is introduced by a role before the name ('Argentine President Javier Milei') or after it in
apposition ('Elmer Schialer, Peru's foreign minister'), as a speaker ('Yolande Makolo said') or by a
country's possessive ("Congo's Thérèse Kayikwamba Wagner") or as a country's counterpart ('his Dutch
counterpart Jan de Vries'); an unnamed office holder ('the president of Honduras') is a mention of their
country (`_person_intros`, `_speaker_intros`, `_possessive_intros`, `_counterpart_intros`). A title may be
completed before the name ('the head of Chile's mission, Ana Soto'), and an armed movement's spokesman acts
for no state. One introduced without a country is placed from the sentence around them (`_country_for`), by
what the document states about them elsewhere (`_stated_countries`), or else in the document's home country
(`_fill_countries`). A known person lends their surname to the rest of the document (`_add_known_surnames`),
and a short form of a name is the person of the longer one (`_merge_short_names`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice, takewhile

from graph.actors.knowledge import Alias, KnowledgeBase, Person, _fold, knowledge_base, word_classes, word_lists
from graph.actors.patterns import (
    _AFTER_PREPOSITION,
    _LIST_ITEM_GAP,
    NAME,
    NAME_RE,
    NOT_NAME,
    PARTICLE,
    POSSESSIVE,
    SpanSet,
    _after_verb,
    _country_mention,
    _starts_of,
    _Taken,
    role_matches,
    sentences_of,
    speech_matches,
)
from graph.records import Mention, value_record
from graph.text import quote_spans


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
            words = [w for w in name.split() if w.rstrip(".") not in ("Jr", "Sr")]  # 'Ferdinand Marcos Jr.': Marcos
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
    """Trim leading/trailing words that are not part of a name ('Tuesday', 'The'), and the titles news writes
    before one: ranks and forms of address ('Colonel Ana Ruiz', 'Your Excellency ...'), a title word ('Senator
    Ishaq Dar') and the last word of a portfolio ('Minister of Foreign Affairs Hakan Fidan')."""
    words = raw.split()
    roles = knowledge_base().roles
    while words and (words[0].rstrip(".") in NOT_NAME or words[0] in _title_openers()
                     or (len(words) > 2 and words[0][:1].isupper() and words[0].lower() in roles)):
        words.pop(0)
    while words and (words[-1].rstrip(".") in NOT_NAME or re.fullmatch(PARTICLE, words[-1])):
        words.pop()
    return " ".join(words)


@cache
def _title_openers() -> frozenset[str]:
    """Words that open a name-shaped span before the name: portfolios (words.csv PORTFOLIO), ranks, forms of
    address."""
    return frozenset(word_lists()["PORTFOLIO"]) | _RANK_WORDS | {"Your", "Excellency", "Hon.", "Hon", "Honourable",
                                                                 "Honorable"}


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
        if not intro.explicit_country and intro.name in explicit:
            intro = PersonIntro(intro.start, intro.end, intro.name, explicit[intro.name], intro.role, True,
                                intro.international)
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
    chosen = {name: ((_across_from(name, home, mentions, text) or _posted_here(person)
                      or _expelled(name, mentions, text)) and other) or home
              for name, person in persons.items() if not person.country and name not in stateless}
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


def _expelled(name: str, mentions: list[Mention], text: str) -> bool:
    """Whether a person with no stated country is first named as the one sent away: in a report from the
    sending country, they belong to the other side ('Colonel Ivan Petrov had been ordered to leave')."""
    first = next((m for m in mentions if m.type == "person" and m.key == name), None)
    return first is not None and bool(text) and _sent_away(text, first.start, first.end)


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


#: Words between an owner and a role ("Peru's new foreign minister", 'Kremlin foreign policy aide').
_MODIFIER = (r"(?:(?:new|former|then|acting|interim|deputy|top|senior|chief|incoming|outgoing|current|"
             r"foreign[ \t]+policy|security|military|trade|economic|diplomatic|presidential)[ \t]+){0,2}")


#: A military rank between an office and the name, perhaps retired: 'Adviser Lt Gen (retd.) Jahangir Alam'.
_RANK = re.compile(r"(?:(?:Lt|Lieut|Maj|Brig|Gen|Col|Adm|Capt|Cmdr|Air[ \t]+Marshal|Vice[ \t]+Adm|Rear[ \t]+Adm)\.?"
                   r"(?:[ \t]+(?:Gen|General|Col|Colonel)\.?)?|Lieutenant[ \t]+General|Major[ \t]+General|"
                   r"Brigadier[ \t]+General|General|Colonel|Admiral)[ \t]+(?:\((?:retd|ret|retired)\.?\)[ \t]+)?"
                   r"(?=[A-Z])")


#: Military ranks that open a name-shaped span before the name itself ('Colonel Ana Ruiz').
_RANK_WORDS = frozenset("Colonel General Major Lieutenant Captain Admiral Brigadier Commander Lt Lt. Gen Gen. Col Col. "
                        "Maj Maj. Capt Capt. Adm Adm. Brig Brig.".split())

#: 'Ambassador to Baku', 'ambassador to the United States': where an envoy is posted, before the name
_POSTED_TO = re.compile(r"[ \t]+to[ \t]+")

#: An initial without a stop opening a name: 'K Natwar Singh', 'S Jaishankar'.
_INITIALS = re.compile(r"([A-Z])[ \t]+(?=[A-Z][a-z])")

#: A form of address between a title and the name: 'the Minister for Trade, Hon. Kofi Mensah', 'Mr Juma Otieno'.
_HONORIFIC = re.compile(r"(?:(?:The[ \t]+)?(?:Rt\.?[ \t]+)?Hon(?:ourable|orable)?|Mr|Mrs|Ms|Dr|Prof|H\.[ \t]?E)\.?"
                        r"[ \t]+(?=[A-Z])")

#: What completes a title before a comma and the name: the office's body, portfolio, posting or time ('the
#: head of Chile's mission, Ana Soto', 'the envoy in Oslo, Ian Hay', 'minister at the time, Eli Roth').
#: Six words at most, none of them 'with': 'the presidents of Ghana and Togo each
#: held talks with Nigeria's leader, Bola Tinubu' is a clause, and Tinubu is not their president.
_COMPLEMENT = re.compile(r"(?:[ \t]+and[ \t]+[A-Z][\w'’-]*)?[ \t]+(?P<prep>of|for|in|to|on|at)[ \t]+"
                         r"(?:(?!with\b)[^\s,.;:!?\"“”()]+[ \t]+){0,5}(?!with\b)[^\s,.;:!?\"“”()]+,[ \t]+")


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
        owner = _owner_before(text, start, by_end) or _us_party_member(text, start, canonical)
        named_owner = owner or _field_owner(text, start, by_end, canonical)
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
            if of_country is None:
                # 'Principal Secretary of Foreign Affairs of Kenya': the country after the portfolio
                portfolio_of = _portfolio_of().match(text, end + of_match.end())
                of_country = by_start.get(portfolio_of.end()) if portfolio_of else None
        name_at = end
        posted = _POSTED_TO.match(text, end) if of_country is None else None
        posted_to = by_start.get(end + posted.end() - posted.start()) if posted else None
        portfolio = _name_patterns()[0].match(text, end) if of_country is None else None
        if posted_to is not None and posted_to.type == "country":
            # 'Ambassador to Kyrgyzstan Erlan Nurov': the country posted to is not the envoy's own
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
        complement = None
        if not _name_at(text, name_at, kb):
            # one office holder: 'the presidents of Ghana and Togo' are several
            complement = _COMPLEMENT.match(text, end) if role_text.lower() in kb.roles else None
            if complement is not None and _name_at(text, _after_honorific(text, complement.end()), kb):
                name_at = complement.end()
                posted_to = _posting_in(complement, by_start) or posted_to
                of_country = of_country or _office_of(complement, by_start)
            else:
                complement = None
        name_at = _after_honorific(text, name_at) if name_at > end else name_at
        rank = _RANK.match(text, name_at) if name_at > end else None
        if rank:
            name_at = rank.end()  # 'Home Affairs Adviser Lt Gen (retd.) Jahangir Alam Chowdhury'
        initials = _INITIALS.match(text, name_at) if name_at > end else None
        if initials is not None and kb.lookup(initials.group(1)) is None:
            # 'External Affairs Minister K Natwar Singh': South Asian names open with initials without stops
            name_match = NAME_RE.match(text, initials.end())
            name = f"{initials.group(1)} {_clean_name(name_match.group())}" if name_match else ""
        else:
            name_match = NAME_RE.match(text, name_at) if name_at > end else None
            name = _clean_name(name_match.group()) if name_match else ""
        if complement is not None and (len(name.split()) < 2 or not _ends_clause(text, name_match.end())):
            name = ""  # 'the minister of Chile, Peru and Bolivia': a list, not a name in apposition
        country_mention = of_country or named_owner or _country_after_name(text, name_match, by_start)
        country = country_mention.country if country_mention else ""
        written = name
        if country and len(name.split()) == 1 and not _acceptable_name(name, kb):
            known_person = kb.person_by_surname(country, name)
            name = known_person.name if known_person is not None and name_match is not None else name
        stateless = named_owner is None and _movement_before(text, start, blocked)
        international = stateless or country_mention is not None and country_mention.type == "organization" \
            and not country_mention.country
        royal = canonical in _ROYAL_ROLES and role_text[0].isupper() and len(name.split()) == 1 \
            and name not in NOT_NAME and kb.lookup(name) is None
        if name and (_acceptable_name(name, kb) or royal) and (role_text[0].isupper() or named_owner or of_country
                                                               or _lower_role_ok(role_text)
                                                               or len(name.split()) > 1):
            name_end = name_match.end() if name_match else name_at
            name_start = name_at + text[name_at:name_end].find(written)
            name_end = name_start + len(written)
            placed = country or ("" if international or _sent_away(text, start, name_end)
                                 else _joined_to(text, name_at, intros) or _country_for(text, name_at, kb, raw))
            if posted_to is not None and placed == posted_to.country:
                placed = ""  # an envoy is not of the country they are posted to
            intros.append(PersonIntro(name_start, name_end, name, placed, canonical, bool(country), international))
            continue
        # Apposition: "Elmer Schialer, Peru's foreign minister" / "Grenell, the envoy for special missions".
        appo = None
        if text.find(",", max(0, start - 40), start) != -1:  # cheap test before the costly pattern
            appo = _APPOSITION.search(text[max(0, start - 90):start])
            if appo is None and canonical in _FIELD_HEADS:
                appo = _FIELD_APPOSITION.search(text[max(0, start - 90):start])  # ", Chile's climate envoy"
        if appo:
            name = _clean_name(appo.group(1))
            if name and _acceptable_name(name, kb):
                name_start = max(0, start - 90) + appo.start(1) + appo.group(1).find(name)
                country = named_owner.country if named_owner else (of_country.country if of_country else "")
                if stateless:  # 'Lawrence Kanyuka, an M23 spokesman': a movement's man acts for no state
                    intros.append(PersonIntro(name_start, name_start + len(name), name, "", canonical, False, True))
                    continue
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


def _joined_to(text: str, at: int, intros: list[PersonIntro]) -> str:
    """The stated country of the office holder named just before and joined by 'and' ('the President of Haiti,
    Jean Fils, and Prime Minister Ann Roy'): office holders named together are one side."""
    if not intros or not intros[-1].explicit_country or at - intros[-1].end > 60:
        return ""
    return intros[-1].country if _JOINED.fullmatch(text, intros[-1].end, at) else ""


_JOINED = re.compile(r",?[ \t]+and[ \t]+(?:(?!counterparts?\b|his\b|her\b|their\b)[\w'’.-]+[ \t]+){0,3}")


def _name_at(text: str, at: int, kb: KnowledgeBase) -> bool:
    """Whether a name starts at `at`, perhaps after a form of address or an initial."""
    at = _after_honorific(text, at)
    initials = _INITIALS.match(text, at)
    name = NAME_RE.match(text, initials.end() if initials else at)
    return name is not None and _acceptable_name((initials.group(1) + " " if initials else "")
                                                 + _clean_name(name.group()), kb)


def _after_honorific(text: str, at: int) -> int:
    """Where the name starts after a form of address ('Hon. Kofi Mensah' -> 'Kofi Mensah')."""
    honorific = _HONORIFIC.match(text, at)
    return honorific.end() if honorific else at


def _posting_in(complement: re.Match[str], by_start: dict[int, Mention]) -> Mention | None:
    """The country an envoy is posted to, named in a complement with 'in' or 'to' ('the ambassador in Oslo, ...'):
    the country of the posting is not the envoy's."""
    if complement.group("prep") not in ("in", "to"):
        return None
    return next((by_start[at] for at in range(complement.start("prep"), complement.end()) if at in by_start
                 and by_start[at].type == "country"), None)


def _office_of(complement: re.Match[str], by_start: dict[int, Mention]) -> Mention | None:
    """The country whose office a complement with 'of' or 'for' names ("the head of Chile's mission"): the first
    country named in it."""
    if complement.group("prep") not in ("of", "for"):
        return None
    found = next((by_start[at] for at in range(complement.start("prep"), complement.end()) if at in by_start
                  and by_start[at].type == "country"), None)
    return _country_mention(found) if found is not None else None


def _ends_clause(text: str, at: int) -> bool:
    """A name in apposition is closed by a comma, a stop or a verb, not by 'and' another name."""
    return re.match(r"[ \t]*(?:[,.;:)]|$|[ \t]+(?!and\b|or\b)[a-z])", text[at:at + 12]) is not None


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
_FIELD_APPOSITION = re.compile(rf"({NAME}),[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?:\S+(?:[ \t]\S+)?){POSSESSIVE}?[ \t]+"
                               r"(?:[a-z][a-z-]+[ \t]+){1,2}$")
_ROYAL_ROLES = {"King", "Queen", "Emir", "Sultan", "Crown Prince", "Pope", "Prince", "Princess"}
#: Words that make a name-shaped span an organisation rather than a person.
ORG_WORDS = set("""
Watch International Group Bank Fund Council Ministry Office Company Corp Corporation Inc Agency Association
Union Party Court Commission News Times Post Journal Institute University Center Centre Foundation Sachs
Capital Partners Holdings Ltd Airlines Airways Motor Motors Energy Oil Petroleum Network Press Media Television
Electronics Steel Chemical Chemicals Industries Pharma Pharmaceuticals Telecom Shipping Logistics Automotive
Radio Service Services Department Authority Committee Forum Alliance Coalition Organization Organisation
Federation Reserve Exchange Police Army Navy Force Forces Guard Command Embassy Consulate Parliament Senate
Congress Assembly Government Administration House Palace Square Street Avenue Airport Port Canal Island
Islands Province State States City County Region Republic Kingdom Emirates Ministries Initiative Program
Programme Project Summit Conference Agreement Treaty Accord Cup League Club United FC Olympics Games
Headquarters
""".split())


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
        # the words as written, before trimming: "Haiti's Transitional Council" names a body, whatever is left
        if not 2 <= len(words) <= 4 or any(w in ORG_WORDS for w in match.group(1).split()) \
                or not _acceptable_name(name, kb) \
                or blocked.covers(start) or taken.overlaps(start, start + len(name)):
            continue
        intros.append(PersonIntro(start, start + len(name), name, mention.country, "", True))
    return intros


#: "his Dutch counterpart Jan de Vries", 'her Kenyan counterpart, Ann Wambui': the other side's holder of the office
_COUNTERPART_BEFORE = re.compile(r"(?:\b[Hh]is|\b[Hh]er|\b[Tt]heir)[ \t]+(?:(?:new|former)[ \t]+)?$")
_COUNTERPART_NAME = re.compile(rf"[ \t]+counterpart,?[ \t]+({NAME})")


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
        if mention.type != "country" or mention.via not in ("demonym", "name") \
                or not _COUNTERPART_BEFORE.search(text, max(0, mention.start - 20), mention.start):
            continue
        match = _COUNTERPART_NAME.match(text, mention.end)
        if match is None:
            continue
        name = _clean_name(match.group(1))
        start = match.start(1) + match.group(1).find(name)
        if len(name.split()) < 2 or not _acceptable_name(name, kb) or blocked.covers(start) \
                or taken.overlaps(start, start + len(name)):
            continue
        index = bisect_right(_starts_of(text), mention.start) - 1
        sentence_start = sentences_of(text)[max(0, index - 1)].start  # 'Fidan ... He met his Dutch counterpart'
        before = bisect_left(starts, mention.start) - 1
        role = holders[before][1] if before >= 0 and holders[before][0] >= sentence_start else ""
        intros.append(PersonIntro(start, start + len(name), name, mention.country, role, True))
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
    owner = by_end.get(owner_end)
    if owner is None:
        # 'Burundian External Relations and International Cooperation Minister': across the title's portfolio
        owner = next((by_end[end] for end in range(max(0, start - 90), start) if end in by_end
                      and _portfolio_before().fullmatch(text, end, start)), None)
    if owner is not None and owner.via in ("name", "capital") and not match.group().startswith(("'", "’")) \
            and _POSTING_BEFORE.search(text, max(0, owner.start - 8), owner.start):
        return None  # "Pakistan's head of mission in Kabul Ambassador X": the place of the posting owns nothing
    return owner


@cache
def _portfolio_of() -> re.Pattern[str]:
    """A portfolio and 'of' before the country whose office it is ('Foreign Affairs of Kenya')."""
    return re.compile(r"(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&)[ \t]+)?){0,4}" + word_classes()["PORTFOLIO"]
                      + r"[ \t]+of[ \t]+(?:the[ \t]+)?")


@cache
def _portfolio_before() -> re.Pattern[str]:
    """Capitalised words ending in a portfolio (words.csv PORTFOLIO) right before a role: an owner stands before
    them."""
    return re.compile(rf"{POSSESSIVE}?[ \t]+(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&)[ \t]+)?){{0,5}}"
                      + word_classes()["PORTFOLIO"] + r"[ \t]+")


_POSTING_BEFORE = re.compile(r"\b(?:in|to)[ \t]+(?:the[ \t]+)?$")


#: 'Republican Senator', 'Democratic Congresswoman': the two parties of the US Congress place its members
_US_PARTY_BEFORE = re.compile(r"\b(?:Republican|Democratic|Democrat|GOP)\s+$")
_CONGRESS_ROLES = frozenset({"Senator", "Member of Congress", "Representative"})


def _us_party_member(text: str, start: int, canonical: str) -> Mention | None:
    """The United States as the owner of a member of Congress named with a US party ('Republican Senator
    Tom Cotton'), whatever country the sentence names after the name."""
    if canonical not in _CONGRESS_ROLES or not _US_PARTY_BEFORE.search(text, max(0, start - 12), start):
        return None
    return Mention(start, start, "", "country", "USA", "USA", "", "name")


def _country_after_name(text: str, name_match: re.Match[str] | None, by_start: dict[int, Mention]) -> Mention | None:
    """'Minister Ivo Rask of Estonia': the country after the name places the person, whatever country the
    sentence named before."""
    if name_match is None:
        return None
    of = re.match(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[name_match.end():name_match.end() + 12])
    mention = by_start.get(name_match.end() + of.end()) if of else None
    return mention if mention is not None and mention.type == "country" else None


def _movement_before(text: str, start: int, blocked: SpanSet) -> bool:
    """Whether a role follows the name of an armed movement or a media outlet ('an M23 spokesman', 'the RSF
    commander'): the names the knowledge base lists so that they never count as a state."""
    before = text[max(0, start - 40):start].rstrip()
    if not before or before[-1:].isspace() or len(before) == len(text[max(0, start - 40):start]):
        return False
    span = blocked.span_at(max(0, start - 40) + len(before) - 1)
    return span is not None and not blocked.covers(start)


def _field_owner(text: str, start: int, by_end: dict[int, Mention], canonical: str) -> Mention | None:
    """The owner before a role that heads a field, across the field's nouns: 'Iraqi militia leader', "Chile's
    climate envoy". Only for a named holder: 'U.S. business leaders' are no office of the state."""
    if canonical not in _FIELD_HEADS:
        return None
    window = text[max(0, start - 40):start]
    field = _FIELD_BEFORE.search(window)
    if field is None or any(w in _NOT_FIELD or w.endswith(("ed", "ly")) for w in field.group("field").split()):
        return None
    return by_end.get(max(0, start - 40) + field.start())


#: Roles news puts after the field they head: 'militia leader', 'army commander', 'human rights commissioner'.
_FIELD_HEADS = frozenset({"Leader", "Commander", "Chief", "Commissioner", "Spokesperson", "Envoy", "Special Envoy"})
#: One or two lower-case words between an owner and such a role.
_FIELD_BEFORE = re.compile(rf"{POSSESSIVE}?[ \t]+(?P<field>(?:[a-z][a-z-]+[ \t]+){{1,2}})$")
#: Lower-case words that end a clause rather than name a field ('Peru said leader ...', 'Chile and its leader').
_NOT_FIELD = frozenset("""said says say told and or but the a an its their his her of to for with from by in on at as
is was are were be been has had have will would could should may might also now then than that which who when while
after before since if""".split())




@cache
def _name_end_places() -> frozenset[str]:
    """words.csv NAME_END_PLACES: last words of a place or a portfolio, not of a person."""
    return frozenset(word_lists()["NAME_END_PLACES"])


def _acceptable_name(name: str, kb: KnowledgeBase) -> bool:
    words = name.split()
    if not words or any(w.rstrip(".") in NOT_NAME or w in word_lists()["NAME_DOCUMENT_WORDS"] for w in words):
        return False
    if len(words) > 1 and words[-1] in ORG_WORDS or words[-1] in _name_end_places():
        return False  # 'Taita Taveta County', 'the Volta Region', 'Niger Delta Affairs': a place or a body
    hit = kb.lookup(name)
    if hit is not None:
        return hit.type == "person"
    if any(kb.lookup(w) is not None and kb.lookup(w).type != "person" for w in words):
        return False
    # An unknown single word is too often a place, a firm or a headline word to call it a person.
    return len(words) > 1


_IN_PLACE = re.compile(r"^\W*(?:In|From|Back\s+in|Speaking\s+in|Meanwhile\s+in|Over\s+in)\s+$")


#: 'with' introducing the other side of a meeting or a deal, in the clause right before a person's name.
_COUNTERPART_WITH = re.compile(r"\b(?:with|met|meets|received|receives|hosted|hosts|welcomed|greeted|called\s+on|"
                               r"calls\s+on)\s+"
                               r"(?:[\w'’.-]+\s+){0,8}$")
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
    if index < 0:
        return ""
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
