"""Role intros: people news introduces by a role, and office holders named without a name.

A role before the name ('Argentine President Javier Milei', 'Ambassador to Baku Ivan Petrov'), after it in
apposition ('Elmer Schialer, Peru's foreign minister'), or completed before the name ('the head of Chile's
mission, Ana Soto'); the owner before the role ('Mexican', "Peru's"), the country after it ('of Honduras') or
after the name gives the country. An unnamed office holder ('the president of Honduras') is a mention of
their country; an armed movement's spokesman acts for no state (`_person_intros`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from graph.actors.knowledge import KnowledgeBase, word_classes, word_lists
from graph.actors.non_state import stateless_role
from graph.actors.patterns import (
    NAME,
    NAME_RE,
    NOT_NAME,
    POSSESSIVE,
    SpanSet,
    _country_mention,
    role_matches,
)
from graph.actors.people import PersonIntro
from graph.actors.person_countries import _country_for, _speakers_side
from graph.actors.person_names import (
    _INITIALS,
    _acceptable_name,
    _after_honorific,
    _clean_name,
    _ends_clause,
    _name_at,
    _name_patterns,
)
from graph.actors.person_sides import _sent_away
from graph.records import Mention

#: Words between an owner and a role ("Peru's new foreign minister", 'Kremlin foreign policy aide', 'International
#: Monetary Fund managing director').
_MODIFIER = (r"(?:(?:new|former|then|acting|interim|deputy|top|senior|chief|incoming|outgoing|current|managing|"
             r"executive|"
             r"foreign[ \t]+policy|security|military|trade|economic|diplomatic|presidential|pilot)[ \t]+){0,2}")


#: 'of' or 'for' right after a role: 'president of', 'envoy for the'
_OF_AFTER = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?")
#: Between a role and the name right after it, perhaps in an editor's brackets: ' ', ', ', ' [', or after the
#: title's short form in brackets: 'Prime Minister (PM) Ali Zeine'
_NAME_GAP = re.compile(r",?(?:[ \t]+\([A-Z]{2,5}\))?[ \t]+(?:\[(?=[A-Z]))?")


#: A military rank between an office and the name, perhaps retired: 'Adviser Lt Gen (retd.) Jahangir Alam'.
_RANK = re.compile(r"(?:(?:Lt|Lieut|Maj|Brig|Gen|Col|Adm|Capt|Cmdr|Air[ \t]+Marshal|Vice[ \t]+Adm|Rear[ \t]+Adm)\.?"
                   r"(?:[ \t]+(?:Gen|General|Col|Colonel)\.?)?|Lieutenant[ \t]+General|Major[ \t]+General|"
                   r"Brigadier[ \t]+General|General|Colonel|Admiral)[ \t]+(?:\((?:retd|ret|retired)\.?\)[ \t]+)?"
                   r"(?=[A-Z])")

#: 'Ambassador to Baku', 'ambassador to the United States': where an envoy is posted, before the name
_POSTED_TO = re.compile(r"[ \t]+to[ \t]+")
#: 'ambassador in Moscow Alison Grant': an envoy's posting by the capital, before the name (envoys only: 'the
#: president in Kyiv' says where, not a posting)
_POSTED_IN = re.compile(r"[ \t]+in[ \t]+")

#: What completes a title before a comma and the name: the office's body, portfolio, posting or time ('the
#: head of Chile's mission, Ana Soto', 'the envoy in Oslo, Ian Hay', 'minister at the time, Eli Roth').
#: Six words at most, none of them 'with': 'the presidents of Ghana and Togo each
#: held talks with Nigeria's leader, Bola Tinubu' is a clause, and Tinubu is not their president.
_COMPLEMENT = re.compile(r"(?:[ \t]+and[ \t]+[A-Z][\w'’-]*)?[ \t]+(?P<prep>of|for|in|to|on|at)[ \t]+"
                         r"(?:(?!with\b)[^\s,.;:!?\"“”()]+[ \t]+){0,5}(?!with\b)[^\s,.;:!?\"“”()]+,[ \t]+")


#: The same, with one to three more capitalised items set off by commas: 'for Democracy, Human Rights and Labor, '
_LONG_COMPLEMENTS = tuple(re.compile(_COMPLEMENT.pattern + r"(?:(?:and[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:(?:and|&)"
                                     r"[ \t]+)?[A-Z][\w'’-]*){0,3},[ \t]+)" + f"{{{count}}}") for count in (1, 2, 3))
_AND_ITEM = re.compile(r"[ \t](?:and|&)[ \t]+[A-Z][\w'’-]*,[ \t]+$")


def _complement(text: str, end: int, kb: KnowledgeBase) -> re.Match[str] | None:
    """The complement of a title before the name set off by a comma ('the ambassador in Oslo, X'); one that lists
    its portfolios with commas and closes the list with 'and' ('Assistant Secretary of State for Democracy, Human
    Rights and Labor, Uzra Zeya') runs to the name after that list."""
    first = _COMPLEMENT.match(text, end)
    if first is None:
        return None
    for pattern in _LONG_COMPLEMENTS:
        longer = pattern.match(text, end)
        if longer is None:
            break
        if _AND_ITEM.search(text, first.end(), longer.end()) \
                and _name_at(text, _after_honorific(text, longer.end()), kb):
            return longer
    return first


#: Words after a ruler's title that make it a given name: 'Sultan bin Saad Al Muraikhi'
_LINEAGE_AFTER = re.compile(r"[ \t]+(?:bin|ibn|bint)[ \t]+[A-Z]")
#: An appointment before a title: 'the Emir appointed Sultan Al Khater as ambassador' (no ruler is appointed)
#: ('The detainee, identified as Amir Amiri': a name given, no ruler's title)
_APPOINTED_BEFORE = re.compile(r"\b(?:appointed|appoints|appoint|appointing|named|nominated|identified[ \t]+as)[ \t]+$")


#: Offices sent abroad: 'for X' after them names where they are sent, not whose they are
_SENT_ROLES = frozenset({"Ambassador", "High Commissioner", "Envoy", "Special Envoy", "Presidential Envoy",
                         "Representative", "Special Representative"})


def _sent_for(text: str, end: int, of_match: re.Match[str] | None, of_country: Mention | None,
              canonical: str) -> Mention | None:
    """The country an envoy is sent for: 'special representative for Venezuela', 'Special Envoy for Sudan'
    name the country the envoy deals with; the envoy is the sender's, so it must not be read as their own."""
    if of_match is None or of_country is None or of_country.type != "country" or canonical not in _SENT_ROLES:
        return None
    return of_country if of_match.group().split()[0] == "for" else None


def _given_name(text: str, start: int, end: int) -> bool:
    """Whether a title word opens a person's name rather than saying the office (words.csv GIVEN_NAME_TITLES:
    'Sultan', 'Amir' are also given names): followed by 'bin', or the one appointed."""
    if text[start:end] not in word_lists()["GIVEN_NAME_TITLES"]:
        return False
    return bool(_LINEAGE_AFTER.match(text, end) or _APPOINTED_BEFORE.search(text, max(0, start - 20), start))


def _person_intros(text: str, kb: KnowledgeBase, blocked: SpanSet,
                   raw: list[tuple[Mention, str]]) -> tuple[list[PersonIntro], list[Mention]]:
    """People introduced by a role: before the name, after it in apposition, or with 'the X of Country'.

    Also returns unnamed office holders ('the president of Honduras', "Mexico's foreign minister") as
    mentions of their country, so that they can act in events.
    """
    by_end = {m.end: m for m, _ in raw if m.type in ("country", "organization")}
    by_start = {m.start: m for m, _ in raw if m.type in ("country", "organization")}
    ends = sorted(by_end)
    ministries = sorted((m for m, _ in raw if m.country and m.via == "government" and _MINISTRY_WORD.search(m.text)),
                        key=lambda m: m.start)
    intros: list[PersonIntro] = []
    offices: list[Mention] = []
    for role_match in role_matches(text, kb):
        if blocked.covers(role_match.start()):
            continue
        role_text = role_match.group()
        if _given_name(text, *role_match.span()):
            continue
        canonical = (kb.roles.get(role_text.lower()) or kb.roles[role_text.lower()[:-1]])[0]
        start, end = role_match.span()
        owner = _owner_before(text, start, by_end, ends) or _ministry_owner(text, start, end, by_end) \
            or _us_party_member(text, start, canonical) or _us_only_title(text, start, end)
        named_owner = owner or _field_owner(text, start, by_end, canonical)
        if owner is not None and role_text.endswith("s"):
            pair = _owners_in_order(text, owner, end, by_end, kb, canonical)
            if pair:
                intros.extend(pair)  # 'Brazilian and Argentine presidents Lula and Alberto Fernandez met'
                continue
        after = text[end:end + 140]
        of_country = None
        of_match = _OF_AFTER.match(after)
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
        sent_for = _sent_for(text, end, of_match, of_country, canonical)
        of_country = None if sent_for is not None else of_country
        body_at = _body_at().match(text, end) if of_match is None else None
        if body_at is not None:
            of_country = _country_inside(body_at.start("body"), body_at.end("body"), by_start)
            body_at = body_at if of_country is not None else None
        name_at = end
        posted = _POSTED_TO.match(text, end) if of_country is None else None
        if posted is None and of_country is None and canonical in _SENT_ROLES:
            posted = _POSTED_IN.match(text, end)
        posted_to = (by_start.get(end + posted.end() - posted.start()) if posted else None) or sent_for
        portfolio = _name_patterns()[0].match(text, end) if of_country is None else None
        if portfolio is None and of_country is None \
                and re.fullmatch(word_classes()["PORTFOLIO"], role_text.split()[-1]):
            portfolio = _more_portfolios().match(text, end)  # 'Minister of Foreign Affairs, Defence and Trade X'
        if posted_to is not None and posted_to.via == "demonym":
            posted_to = None  # 'an aide to Azerbaijani President Ilham Aliyev': one served, no country posted to
        if posted_to is not None and posted_to.type == "country":
            # 'Ambassador to Kyrgyzstan Erlan Nurov': the country posted to is not the envoy's own
            tail = re.match(r"[ \t]+", text[posted_to.end:posted_to.end + 3])
            name_at = posted_to.end + (tail.end() if tail else 0)
        elif portfolio:
            name_at = portfolio.end()  # 'Vice Minister of International Affairs Hugo Ticona Mamani'
        elif body_at is not None:
            name_at = body_at.end()  # 'Minister of State at the Qatari Ministry of Foreign Affairs Ali Saleh'
        elif of_country is not None:
            tail = re.match(r",?[ \t]+", text[of_country.end:of_country.end + 3])
            name_at = of_country.end + (tail.end() if tail else 0)
        else:
            # ('the Saudi foreign minister [Saud al-Faisal]': a name an editor adds in brackets)
            gap = _NAME_GAP.match(after)
            name_at = end + (gap.end() if gap else 0)
        complement = None
        if not _name_at(text, name_at, kb):
            # one office holder: 'the presidents of Ghana and Togo' are several
            complement = _complement(text, end, kb) if role_text.lower() in kb.roles else None
            if complement is not None and _name_at(text, _after_honorific(text, complement.end()), kb):
                name_at = complement.end()
                posting = _posting_in(complement, by_start, canonical in _SENT_ROLES)
                posted_to = posting or posted_to
                of_country = of_country or (None if posting is not None else _office_of(complement, by_start))
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
        country_mention = of_country or named_owner or _country_after_name(text, name_match, by_start) \
            or _the_ministry(text, start, ministries)
        country = country_mention.country if country_mention else (_speakers_side(text, start, raw) or "")
        written = name
        if country and len(name.split()) == 1 and not _acceptable_name(name, kb):
            known_person = kb.person_by_surname(country, name)
            name = known_person.name if known_person is not None and name_match is not None else name
        stateless = named_owner is None and stateless_role(text, start, end, blocked)
        international = stateless or country_mention is not None and country_mention.type == "organization" \
            and not country_mention.country or (not country and canonical.lower() in word_lists()["CHURCH_TITLES"]) \
            or (not country and _body_of_states_before().search(text, max(0, start - 30), start) is not None)
        royal = canonical in _ROYAL_ROLES and role_text[0].isupper() and len(name.split()) == 1 \
            and name not in NOT_NAME and kb.lookup(name) is None
        if name and (_acceptable_name(name, kb, titled=True) or royal) \
                and (role_text[0].isupper() or named_owner or of_country or _lower_role_ok(role_text)
                     or len(name.split()) > 1):
            name_end = name_match.end() if name_match else name_at
            name_start = name_at + text[name_at:name_end].find(written)
            name_end = name_start + len(written)
            placed = country or ("" if international or _sent_away(text, start, name_end)
                                 else _joined_to(text, name_at, intros)
                                 or _country_for(text, name_at, kb, raw, role_start=start))
            if posted_to is not None and placed == posted_to.country:
                placed = ""  # an envoy is not of the country they are posted to
            intros.append(PersonIntro(name_start, name_end, name, placed, canonical, bool(country), international))
            continue
        # Apposition: "Elmer Schialer, Peru's foreign minister" / "Grenell, the envoy for special missions".
        appo = None
        if text.find(",", max(0, start - 40), start) != -1:  # cheap test before the costly pattern
            appo = _APPOSITION.search(text[max(0, start - 90):start])
            if appo is None and canonical in _FIELD_HEADS | {"Minister"}:
                appo = _FIELD_APPOSITION.search(text[max(0, start - 90):start])  # ", Chile's climate envoy"
        if appo:
            name = _clean_name(appo.group(1))
            if name and _acceptable_name(name, kb):
                name_start = max(0, start - 90) + appo.start(1) + appo.group(1).find(name)
                country = named_owner.country if named_owner else (of_country.country if of_country else
                                                                   _speakers_side(text, start, raw) or "")
                # 'Lawrence Kanyuka, an M23 spokesman': a movement's man acts for no state; 'X, a spokesman for the
                # Arab League': an international body's officer, none either
                if stateless or of_country is not None and of_country.type == "organization" and not of_country.country:
                    intros.append(PersonIntro(name_start, name_start + len(name), name, "", canonical, False, True))
                    continue
                placed = country or _country_for(text, name_start, kb, raw)
                if posted_to is not None and placed == posted_to.country:
                    placed = ""  # 'Elliot Abrams, special representative for Venezuela': not Venezuela's man
                intros.append(PersonIntro(name_start, name_start + len(name), name, placed, canonical,
                                          bool(country)))
                continue
        if of_country is not None and role_text.lower() not in kb.roles:
            pair = _respective_names(text, of_country, by_start, kb, canonical)
            intros.extend(pair)  # 'Foreign Ministers of Armenia and Azerbaijan, Ararat Mirzoyan and Jeyhum Bayramov'
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


#: A ministry named without its country right before a role: '"...," ministry spokesman ', "the ministry's spokesman"
_BARE_MINISTRY_BEFORE = re.compile(r"(?:^|[^\w\s'’-]|\b[Tt]he)[ \t]*[Mm]inistry(?:['’]s)?[ \t]+$")
_MINISTRY_WORD = re.compile(r"\b[Mm]inistry\b")


def _the_ministry(text: str, start: int, ministries: list[Mention]) -> Mention | None:
    """The ministry a role names bare refers back to: the last one the text named with its country ("Taiwan's Foreign
    Ministry condemned the move. ... ministry spokesman Joanne Ou said" is Taiwan's man even under a Beijing
    dateline). `ministries` are the document's ministries with a country, sorted."""
    if not _BARE_MINISTRY_BEFORE.search(text, max(0, start - 20), start):
        return None
    at = bisect_left(ministries, start, key=lambda m: m.start)
    return _country_mention(ministries[at - 1]) if at > 0 else None


#: 'of Armenia and Azerbaijan': the second party of a plural office's complement
_SECOND_OWNER = re.compile(r"[ \t]+and[ \t]+(?:the[ \t]+)?")
#: ', Ararat Mirzoyan and Jeyhum Bayramov,' / ' Uhuru Kenyatta and Ismail Omar Guelleh respectively held':
#: two names in apposition to the office holders of two parties, closed by a comma or a verb
_TWO_NAMES = re.compile(rf",?[ \t]+({NAME})[ \t]+and[ \t]+({NAME})(?:,?[ \t]+respectively)?(?=[ \t]*,|[ \t]+[a-z])")


def _respective_names(text: str, first: Mention, by_start: dict[int, Mention], kb: KnowledgeBase,
                      canonical: str) -> list[PersonIntro]:
    """'The leaders of Kenya and Djibouti, Uhuru Kenyatta and Ismail Omar Guelleh respectively, held talks':
    the names in apposition to a plural office of two parties are its holders in the parties' order, so each
    person is of the party named in the same place."""
    joint = _SECOND_OWNER.match(text, first.end)
    second = by_start.get(joint.end()) if joint else None
    if second is None or second.type != "country" or first.type != "country" or second.country == first.country:
        return []
    return _holders_in_order(_TWO_NAMES.match(text, second.end), (first, second), kb, canonical)


#: ' and ' between two owners of one plural office ('Brazilian and Argentine presidents')
_AND_BEFORE = re.compile(r"[ \t]+and[ \t]+$")


def _owners_in_order(text: str, second: Mention, end: int, by_end: dict[int, Mention], kb: KnowledgeBase,
                     canonical: str) -> list[PersonIntro]:
    """'Brazilian and Argentine presidents Luiz Inácio Lula da Silva and Alberto Fernández met': two parties
    owning one plural office, then two names, are its holders in the parties' order (`_respective_names` reads
    the same with the parties after the office)."""
    joint = _AND_BEFORE.search(text, max(0, second.start - 8), second.start)
    first = by_end.get(joint.start()) if joint else None
    if first is None or first.type != "country" or second.type != "country" or first.country == second.country:
        return []
    return _holders_in_order(_TWO_NAMES.match(text, end), (first, second), kb, canonical)


def _holders_in_order(names: re.Match[str] | None, owners: tuple[Mention, Mention], kb: KnowledgeBase,
                      canonical: str) -> list[PersonIntro]:
    """The two names of `_TWO_NAMES` as holders of one office, each of the owner in the same place; none when
    either is no acceptable full name (a half-read pair would give one side's person the other's country)."""
    if names is None:
        return []
    intros = []
    for group, owner in zip((1, 2), owners, strict=True):
        name = _clean_name(names.group(group))
        if not name or len(name.split()) < 2 or not _acceptable_name(name, kb, titled=True):
            return []
        start = names.start(group) + names.group(group).find(name)
        intros.append(PersonIntro(start, start + len(name), name, owner.country, canonical, True))
    return intros


def _joined_to(text: str, at: int, intros: list[PersonIntro]) -> str:
    """The stated country of the office holder named just before and joined by 'and' ('the President of Haiti,
    Jean Fils, and Prime Minister Ann Roy'): office holders named together are one side."""
    if not intros or not intros[-1].explicit_country or at - intros[-1].end > 60:
        return ""
    return intros[-1].country if _JOINED.fullmatch(text, intros[-1].end, at) else ""


_JOINED = re.compile(r",?[ \t]+and[ \t]+(?:(?!counterparts?\b|his\b|her\b|their\b)[\w'’.-]+[ \t]+){0,3}")


def _posting_in(complement: re.Match[str], by_start: dict[int, Mention], sent: bool = False) -> Mention | None:
    """The country an envoy is posted to, named in a complement with 'in' or 'to' ('the ambassador in Oslo, ...'),
    or with 'for' after an office sent abroad ('the British High Commissioner for Pakistan, X'): the country of
    the posting is not the envoy's."""
    if complement.group("prep") not in (("in", "to", "for") if sent else ("in", "to")):
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


_TITLE_RUN = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){0,4}[A-Z][\w'’-]*")
_APPOSITION = re.compile(rf"({NAME}),[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?:(\S+(?:[ \t]\S+)?){POSSESSIVE}?[ \t]+)?"
                         rf"{_MODIFIER}$")
#: (a field of two joined by 'and' too: "X, India's ports and shipping minister")
_FIELD_APPOSITION = re.compile(rf"({NAME}),[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?:\S+(?:[ \t]\S+)?){POSSESSIVE}?[ \t]+"
                               r"(?:[a-z][a-z-]+[ \t]+(?:(?:and|&)[ \t]+[a-z][a-z-]+[ \t]+)?){1,2}$")
_ROYAL_ROLES = {"King", "Queen", "Emir", "Sultan", "Crown Prince", "Pope", "Prince", "Princess"}


_LOWER_ROLES = {"strongman", "dictator", "envoy", "special envoy", "spokeswoman", "spokesman", "spokesperson",
                "leader", "opposition leader", "ambassador", "particular envoy"}


def _lower_role_ok(role_text: str) -> bool:
    """Lower-case roles introduce a name only when the role is a descriptor news puts before names."""
    return role_text.lower() in _LOWER_ROLES


def _owner_before(text: str, start: int, by_end: dict[int, Mention], ends: list[int]) -> Mention | None:
    """The country or organisation right before a role ('Mexican President', "Peru's foreign minister").
    `ends`: the keys of `by_end`, sorted."""
    window = text[max(0, start - 40):start]
    match = _OWNER_GAP.search(window)
    if not match:
        return None
    owner_end = max(0, start - 40) + match.start()
    owner = by_end.get(owner_end)
    if owner is None:
        # 'Burundian External Relations and International Cooperation Minister': across the title's portfolio
        owner = next((by_end[end] for end in ends[bisect_left(ends, max(0, start - 90)):bisect_left(ends, start)]
                      if _portfolio_before().fullmatch(text, end, start)), None)
    if owner is None:
        # 'the Chile Secretary-General of the Council of Ministers X': a country's name used as an adjective before
        # a title whose body ends in the role word the scan found
        owner = next((by_end[end] for end in ends[bisect_left(ends, max(0, start - 90)):bisect_left(ends, start)]
                      if by_end[end].type == "country" and _TITLE_OF_BEFORE.fullmatch(text, end, start)), None)
    if owner is not None and owner.via in ("name", "capital") and not match.group().startswith(("'", "’")) \
            and _POSTING_BEFORE.search(text, max(0, owner.start - 8), owner.start):
        return None  # "Pakistan's head of mission in Kabul Ambassador X": the place of the posting owns nothing
    return owner


#: Between an owner and its role: "'s new ", ' ' (`_owner_before`)
_OWNER_GAP = re.compile(rf"{POSSESSIVE}?[ \t]+{_MODIFIER}$")


def _ministry_owner(text: str, start: int, end: int, by_end: dict[int, Mention]) -> Mention | None:
    """The country of a ministry that opens before the role and ends inside it ('Norwegian foreign ministry
    spokesman': the role 'foreign ministry spokesman' overlaps the ministry 'Norwegian foreign ministry')."""
    return next((by_end[at] for at in range(start + 1, end) if at in by_end and by_end[at].start < start
                 and by_end[at].type == "country" and by_end[at].via == "government"
                 and re.search(r"\b(?:[Mm]inistry|[Dd]epartment)$", text[start:at])), None)


@cache
def _more_portfolios() -> re.Pattern[str]:
    """', Defence and National Security ' after 'Minister of Foreign Affairs': more portfolios of the same office
    between the title and the name (words.csv PORTFOLIO closes each), the last one after 'and'."""
    portfolio = r"(?:[A-Z][\w'’-]*[ \t]+){0,2}" + word_classes()["PORTFOLIO"]
    return re.compile(r"(?:,[ \t]+" + portfolio + r")*,?[ \t]+(?:and|&)[ \t]+" + portfolio + r"[ \t]+(?=[A-Z])")


@cache
def _portfolio_of() -> re.Pattern[str]:
    """A portfolio and 'of' before the country whose office it is ('Foreign Affairs of Kenya')."""
    return re.compile(r"(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&)[ \t]+)?){0,4}" + word_classes()["PORTFOLIO"]
                      + r"[ \t]+of[ \t]+(?:the[ \t]+)?")


@cache
def _body_at() -> re.Pattern[str]:
    """The ministry or office a title is held at, between the title and the name with no comma ('Minister of
    State at the Qatari Ministry of Foreign Affairs Ali Saleh'): the country named inside the body owns the
    title, and the name opens after it."""
    body = r"(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:Ministry|Department|Office)"
    portfolio = (r"(?:[ \t]+of[ \t]+(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&)[ \t]+)?){0,3}" + word_classes()["PORTFOLIO"]
                 + ")?")
    return re.compile(r"[ \t]+at[ \t]+the[ \t]+(?P<body>" + body + portfolio + r"),?[ \t]+(?=[A-Z])")


def _country_inside(start: int, end: int, by_start: dict[int, Mention]) -> Mention | None:
    """The first country named inside a span (a body's name), as a mention of that country."""
    found = next((by_start[at] for at in range(start, end) if at in by_start and by_start[at].type == "country"),
                 None)
    return _country_mention(found) if found is not None else None


@cache
def _portfolio_before() -> re.Pattern[str]:
    """Capitalised words ending in a portfolio (words.csv PORTFOLIO) right before a role: an owner stands before
    them."""
    return re.compile(rf"{POSSESSIVE}?[ \t]+(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&)[ \t]+)?){{0,5}}"
                      + word_classes()["PORTFOLIO"] + r"[ \t]+")


_POSTING_BEFORE = re.compile(r"\b(?:in|to)[ \t]+(?:the[ \t]+)?$")
#: A capitalised title naming its body with 'of' between an owner and the role word closing it: ' Secretary-General
#: of the Council of ' (before 'Ministers')
_TITLE_OF_BEFORE = re.compile(r"[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,3}of[ \t]+the[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,3}"
                              r"(?:of[ \t]+)?")


#: 'Republican Senator', 'Democratic Congresswoman': the two parties of the US Congress place its members
_US_PARTY_BEFORE = re.compile(r"\b(?:Republican|Democratic|Democrat|GOP)\s+$")
_CONGRESS_ROLES = frozenset({"Senator", "Member of Congress", "Representative"})


def _us_party_member(text: str, start: int, canonical: str) -> Mention | None:
    """The United States as the owner of a member of Congress named with a US party ('Republican Senator
    Tom Cotton'), whatever country the sentence names after the name."""
    if canonical not in _CONGRESS_ROLES or not _US_PARTY_BEFORE.search(text, max(0, start - 12), start):
        return None
    return Mention(start, start, "", "country", "USA", "USA", "", "name")


@cache
def _us_only_title_re() -> re.Pattern[str]:
    """A title only the United States gives, ending where the matched role ends (words.csv US_ONLY_TITLES)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(t).replace(r"\ ", r"[ \t]+")
                                         for t in word_lists()["US_ONLY_TITLES"]) + r")$")


def _us_only_title(text: str, start: int, end: int) -> Mention | None:
    """The United States as the owner of a title only it gives ('acting Assistant Secretary of State for
    Democracy, Human Rights and Labor, Uzra Zeya, criticized China'): the sentence may name only the other side."""
    if not _us_only_title_re().search(text, max(0, start - 16), end):
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
def _body_of_states_before() -> re.Pattern[str]:
    """A body of several states named by its organ alone right before an office ('Commission President, Omar
    Alieu Touray': words.csv STATES_BODY_ORGANS): its officer speaks for no one state."""
    return re.compile(r"\b(?:" + word_classes()["STATES_BODY_ORGANS"] + r")[ \t]+$")

