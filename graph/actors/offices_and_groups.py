"""Offices and groups named alone: 'The President urged', 'these countries', 'the trio'.

After the names are found and before pronouns are resolved, two kinds of plain nouns become mentions of the
parties they point back to: an office named with 'the' and nothing that places it stands for the last person
of the document holding it (`_add_role_anaphora`), and a plural group stands for each country of the last list
named before it (`_add_group_anaphora`); a group of states known by one name ('the E3') stands for each of its
members (`_add_named_groups`). `_last_list` is also how resolution.py finds the pair 'both countries' names.
named before it (`_add_group_anaphora`). After pronouns are resolved, a joint statement's later subject ('They',
'Ministers', 'The statement') stands for each party its previous sentence listed as the subject, and a counted
group ('Six foreign ministers from the region') for the list of the statement's issuers that follows it
(`_add_joint_subjects`). `_last_list` is also how resolution.py finds the pair 'both countries' names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from graph.actors.knowledge import KnowledgeBase, word_classes, word_lists
from graph.actors.patterns import SpanSet, _after_preposition, _Taken, sentences_of
from graph.records import Mention
from graph.words import matches_from


@cache
def _role_anaphor_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """'the President', 'the foreign minister': an office named with 'the' and nothing that places it."""
    alternatives = "|".join(re.escape(role) for role in sorted(roles, key=len, reverse=True))
    return re.compile(rf"\b[Tt]he[ \t]+((?i:{alternatives}))\b(?![ \t]+(?:of|for|[A-Z]))")


def _role_fits(anaphor: str, role: str) -> bool:
    """'The Secretary' for a 'Secretary of State', 'The Minister' for a 'Foreign Minister': the office named alone
    is the holder's office or its head noun; 'the Head of State' is any office of words.csv HEAD_OF_STATE."""
    anaphor, role = anaphor.lower(), role.lower()
    if anaphor in ("head of state", "head of government"):
        return role in word_lists()[anaphor.upper().replace(" ", "_")]  # 'The Head of State' after 'President X'
    return role == anaphor or role.startswith(anaphor + " of ") or role.endswith(" " + anaphor)


def _add_role_anaphora(text: str, raw: list[tuple[Mention, str]], kb: KnowledgeBase) -> None:
    """'President Donald Trump ... The President urged India to': an office named alone refers back to the
    last person of the document holding it, when that person's country is known."""
    people = sorted((m for m, _ in raw if m.type == "person" and m.country and m.role), key=lambda m: m.start)
    home = _home_government(raw, text)
    if not people and not home:
        return
    taken = _Taken((m.start, m.end) for m, _ in raw)  # bisected: a scan per match was quadratic in long texts
    starts = [m.start for m in people]
    for match in matches_from(_role_anaphor_pattern(tuple(kb.roles)), text, ("the",), word_start=True):
        canonical = kb.roles[match.group(1).lower()][0]
        office = _office_alias(raw, match)
        if office is None and taken.overlaps(match.start(), match.end()):
            continue
        index = bisect_right(starts, match.start()) - 1
        while index >= 0 and not _role_fits(canonical, people[index].role):
            index -= 1
        if office is not None and index < 0:
            continue  # 'The Federal Chancellor condemned' with no chancellor named: the state that has the office
        if office is not None:
            raw.remove(office)
        if index >= 0:
            holder = _subject_holder(text, people, index, canonical)
            raw.append((Mention(match.start(), match.end(), match.group(), "person", holder.key, holder.country,
                                holder.role, "surname"), ""))
        elif home:
            raw.append((Mention(match.start(), match.end(), match.group(), "country", home, home, "", "title"), ""))


def _office_alias(raw: list[tuple[Mention, str]], match: re.Match[str]) -> tuple[Mention, str] | None:
    """'Chancellor Nehammer arrived. The Federal Chancellor condemned': an office that country_aliases.csv gives
    to the one state that has it yields to a holder of it named earlier, who may serve another state."""
    return next((item for item in raw if item[0].type == "country" and item[0].start == match.start(1)
                 and item[0].end == match.end(1)), None)


def _home_government(raw: list[tuple[Mention, str]], text: str | None = None) -> str:
    """'The Prime Minister urged President Xi to ..., according to Downing Street': a readout that names its own
    seat of government (words.csv GOVERNMENT_SEAT) speaks for that government, so an office it names alone with
    no holder is that country's; when seats of two governments are named, no office is placed. With no seat named,
    a government body on a header line of its own issues the readout (`_issuing_body`)."""
    seat = re.compile(rf"(?i:(?:the\s+)?(?:{word_classes()['GOVERNMENT_SEAT']}))")
    countries = {m.key for m, _ in raw if m.type == "country" and seat.fullmatch(m.text)}
    if not countries and text is not None:
        countries = {m.country for m, _ in raw if _issuing_body(text, m)}
    return next(iter(countries)) if len(countries) == 1 else ""


#: A line of a readout's header that names its issuer: 'Office of the Spokesperson, U.S. Department of State'
_ISSUER_LINE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.'’]*[ \t]+(?:of[ \t]+the[ \t]+)?[A-Z][\w.'’]*,[ \t]+)?"
                          r"(?:[A-Z][\w.'’]*[ \t]+)?$")
#: What ends such a line: the end of the line itself, with no full stop
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


def _issuing_body(text: str, mention: Mention) -> bool:
    """'Office of the Spokesperson, U.S. Department of State' on a header line of its own: the government body that
    issues a readout, whose office named alone ('The Secretary welcomed') is its own state's."""
    return mention.type == "organization" and mention.via == "government" and bool(mention.country) \
        and _LINE_END.match(text, mention.end) is not None \
        and _ISSUER_LINE.search(text, max(0, mention.start - 60), mention.start) is not None


#: What ends a sentence between two people: 'met B in Arusha. The minister' (a full stop before a capital).
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?\s+(?=[A-Z\"\u201c])")


def _subject_holder(text: str, people: list[Mention], index: int, office: str) -> Mention:
    """'Kenya's Foreign Minister A met Tanzania's Foreign Minister B. The minister also met': when the last holder
    of the office was named only after another holder of it in the same sentence (the one who met, hosted or
    greeted them), the office named alone is that sentence's subject, not its object."""
    holder = people[index]
    subjects = []
    for at, mention in enumerate(people[:index + 1]):
        if mention.key != holder.key:
            continue
        earlier = next((other for other in people[:at] if other.key != holder.key
                        and _role_fits(office, other.role)
                        and not _SENTENCE_END.search(text, other.end, mention.start)), None)
        if earlier is None:
            return holder  # named once on its own: the last holder stands
        subjects.append(earlier)
    return subjects[-1] if subjects else holder


#: 'these countries', 'those governments', 'the seven Latin American countries', 'the trio': a group named just
#: before.
#: 'those countries that refused' is described by what follows, not named before.
_GROUP_RE = re.compile(
    r"(?<![\w-])(?:(?:[Tt]hese|[Tt]hose|[Tt]he[ \t]+(?P<size>three|four|five|six|seven|eight|nine|ten|\d{1,2}))"
    r"(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]+(?:countries|nations|governments|states)|[Tt]he[ \t]+(?P<trio>trio))(?![\w-])"
    r"(?![ \t]+(?:that|which|who|whose|where|with|like|such|including)\b)")
_GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
#: What separates the members of a list of countries: 'A, B and the C', 'A or B'.
_LIST_GAP = re.compile(r"(?:,[ \t]*|[ \t]+)(?:(?:and|or)[ \t]+)?(?:the[ \t]+)?|[ \t]*(?:,[ \t]*)?-[ \t]*")


def _last_list(text: str, mentions: list[Mention], before: int, size: int | None, reach: int = 1500,
               starts: list[int] | None = None) -> list[Mention]:
    """The countries of the last list named before `before` (within `reach` characters): at least two
    countries separated only by commas, 'and' or 'or'; of exactly `size` when the group gives its number.

    `mentions` are in text order; with their `starts` the window is found by bisection, without them it is
    read back from the end (the mentions resolved so far), so a long document costs no scan per group."""
    index = (bisect_right(starts, before) if starts is not None else len(mentions)) - 1
    window: list[Mention] = []
    while index >= 0 and mentions[index].start >= before - reach:
        mention = mentions[index]
        if mention.type == "country" and mention.country and mention.via not in ("place", "private") \
                and mention.end <= before:
            window.append(mention)
        index -= 1
    window.reverse()
    runs: list[list[Mention]] = []
    for mention in window:
        if runs and _LIST_GAP.fullmatch(text, runs[-1][-1].end, mention.start):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    for run in reversed(runs):
        members = list({m.country: m for m in run}.values())
        if len(members) >= 2 and (size is None or len(members) == size):
            return members
    return []


def _add_group_anaphora(text: str, mentions: list[Mention], blocked: SpanSet) -> list[Mention]:
    """'Managua recalled its envoys from Chile, Colombia and Brazil ... and asked these countries to withdraw
    theirs': a plural group stands for each country of the last list named before it, so what is
    said of the group is said of each (as 'the two countries' stands for a pair)."""
    if "these " not in text and "those " not in text and "These " not in text and "Those " not in text \
            and " countries" not in text and " trio" not in text and " governments" not in text \
            and " nations" not in text and " states" not in text:
        return mentions
    added: list[Mention] = []
    starts = [m.start for m in mentions]
    for match in matches_from(_GROUP_RE, text, ("the", "those"), word_start=True):  # ('these' starts with 'the')
        at = bisect_right(starts, match.start()) - 1
        if blocked.covers(match.start()) or (at >= 0 and mentions[at].start <= match.start() < mentions[at].end):
            continue
        size = match.group("size") or ("three" if match.group("trio") else None)
        wanted = (int(size) if size.isdigit() else _GROUP_SIZES[size]) if size else None
        members = _last_list(text, mentions, match.start(), wanted, starts=starts)
        if not members and wanted:
            members = _last_named(text, mentions, match.start(), wanted)
        via = "government" if match.group().endswith("governments") else "pronoun"
        added.extend(Mention(match.start(), match.end(), match.group(), "country", m.country, m.country, "", via)
                     for m in members)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _last_named(text: str, mentions: list[Mention], offset: int, wanted: int) -> list[Mention]:
    """'Bolivia cut ties ..., while Colombia and Chile recalled their envoys. The three South American countries':
    with no list of the right size, the last `wanted` countries named (as parties, within 600 characters)."""
    found: dict[str, Mention] = {}
    for mention in reversed(mentions):
        if mention.start >= offset:
            continue
        if mention.start < offset - 600 or len(found) == wanted:
            break
        if mention.type == "country" and mention.country and mention.via in ("name", "capital", "government") \
                and mention.country not in found and not _after_preposition(text, mention.start):
            # (a party named after a preposition is an object: 'cut ties with Israel')
            found[mention.country] = mention
    return list(reversed(found.values())) if len(found) == wanted else []


@cache
def _named_groups() -> tuple[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...]:
    """The groups of states known by one name (words.csv GROUP_<name>), the ISO codes of their members
    (GROUP_<name>_MEMBERS) and the lower-case first words of the names, where a match can begin."""
    classes, lists = word_classes(), word_lists()
    return tuple((re.compile(r"(?<![\w-])(?:" + classes[name] + r")(?![\w-])", re.I), tuple(lists[name + "_MEMBERS"]),
                  tuple(sorted({words.split()[0].rstrip("*").lower() for words in lists[name]})))
                 for name in lists if name.startswith("GROUP_") and not name.endswith("_MEMBERS"))


def _add_named_groups(text: str, mentions: list[Mention], blocked: SpanSet) -> list[Mention]:
    """'The E3 urged Tehran to return to talks': a group of states known by one name stands for each of its
    members (Britain, France and Germany), as 'the two countries' stands for a pair."""
    added: list[Mention] = []
    taken = _Taken((m.start, m.end) for m in mentions)
    for pattern, members, firsts in _named_groups():
        for match in matches_from(pattern, text, firsts, word_start=True):
            if blocked.covers(match.start()) or taken.overlaps(match.start(), match.end()):
                continue
            added.extend(Mention(match.start(), match.end(), match.group(), "country", iso, iso, "", "government")
                         for iso in members)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


#: A sentence's subject that speaks for the parties its previous sentence listed as its subject ('The foreign
#: ministers of A, B and C met in Lima. They condemned ...'): 'They', '(The) ministers', 'The leaders', 'The
#: statement', also after an opening participle's phrase ('Recalling earlier statements, they reiterated').
_JOINT_SUBJECT = re.compile(r"(?:[A-Z][a-z]+ing\b[^.;:,\"“”]{0,100},[ \t]+)?(?P<subject>[Tt]hey|(?:[Tt]he[ \t]+)?"
                            r"(?:[Ff]oreign[ \t]+)?[Mm]inisters|[Tt]he[ \t]+leaders|[Tt]he[ \t]+(?:joint[ \t]+)?"
                            r"statement)(?=[ \t]+(?:(?:also|again|jointly|further|then|later|[a-z]+ly)[ \t]+){0,2}"
                            r"(?:[a-z]+ed|said|says|[a-z]+s)\b)")
#: A party listed as a subject is named first in its sentence, bare or as its group's members ('the foreign
#: ministers of A, B and C')
_MEMBERS_OF = re.compile(r"\b(?:ministers|leaders|governments|presidents|heads[ \t]+of[ \t]+state|representatives|"
                         r"delegations|envoys)[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?$", re.I)
#: 'Six foreign ministers from the region condemned': a counted group whose members a later sentence lists
_COUNTED_GROUP = re.compile(r"(?P<size>[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,2})"
                            r"(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]+(?:foreign[ \t]+ministers|ministers|leaders|countries|"
                            r"nations|states|governments)(?:[ \t]+(?:from|of|in)[ \t]+the[ \t]+region)?"
                            r"(?=[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+ed\b)")
#: '..., issued by the foreign ministers of A, B and C, warned': the next sentence names the group's members
_ISSUED_BY_MEMBERS = re.compile(r"\W*The[ \t]+(?:joint[ \t]+)?statement,?[ \t]+(?:issued|signed|released|"
                                r"published)[ \t]+by[ \t]+(?=(?:the[ \t]+)?(?:foreign[ \t]+)?(?:ministers|leaders|"
                                r"governments)[ \t]+of[ \t]+)")


@cache
def _inner_clause_before() -> re.Pattern[str]:
    """A list inside the sentence that is no subject of it: after a word opening a clause within the sentence
    (words.csv WH_WORDS, CLAUSE_SUBORDINATORS: ', where ', ' when ') or after a preposition and a pair word ('from
    both ', 'against either ')."""
    return re.compile(r"\w[,;]?\s+(?i:(?:" + word_classes()["WH_WORDS"] + "|" + word_classes()["CLAUSE_SUBORDINATORS"]
                      + r")|(?:" + "|".join(_PAIR_PREPOSITIONS) + r")\s+(?:both|either|neither))\s+(?:the\s+)?$")


#: Prepositions before a pair word ('from both', 'against either') that open a list of objects
_PAIR_PREPOSITIONS = ("to", "with", "from", "against", "on", "at", "in", "by", "for", "of", "over", "about",
                      "between", "among")


def _listed_subject(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The countries a sentence (`start`..`end`) lists as its subject: a list of at least two that opens its parties
    and stands after no preposition, unless after the group's members ('the ministers of')."""
    parties = [m for m in mentions if start <= m.start and m.end <= end and m.country
               and m.type in ("country", "organization") and m.via not in ("place", "private")]
    # ('the G7 foreign ministers of A, B and C': a body of no one country names no party)
    if not parties or parties[0].type != "country":
        return []
    head = parties[0]
    if head.start > start and _after_preposition(text, head.start) \
            and not _MEMBERS_OF.search(text, max(start, head.start - 40), head.start):
        return []
    if _inner_clause_before().search(text, max(start, head.start - 40), head.start):
        return []  # ('... a settlement, where Armenia and Azerbaijan trade freely': a clause inside, no subject)
    run = [head]
    for mention in parties[1:]:
        if mention.type != "country" or not _LIST_GAP.fullmatch(text, run[-1].end, mention.start):
            break
        run.append(mention)
    members = list({m.country: m for m in run}.values())
    return members if len(members) >= 2 else []


def _add_joint_subjects(text: str, mentions: list[Mention], blocked: SpanSet) -> list[Mention]:
    """'The foreign ministers of A, B and C met in Lima. They condemned X': a joint statement's later sentence
    speaks for every party listed as the subject before, not only for the last one named; and 'Six ministers from
    the region condemned X. The statement, issued by the ministers of A, B, ...' names who the six are."""
    added: list[Mention] = []
    sentences = sentences_of(text)
    starts = [m.start for m in mentions]
    joined: dict[int, list[Mention]] = {}  #: the parties a sentence's joint subject stands for
    for index, sentence in enumerate(sentences):
        joint = _JOINT_SUBJECT.match(text, sentence.start) if index > 0 else None
        if joint is not None and not blocked.covers(joint.start("subject")):
            at = bisect_right(starts, joint.start("subject")) - 1
            if at < 0 or mentions[at].end <= joint.start("subject"):
                previous = sentences[index - 1]
                # ('They underscored ... Recalling earlier statements, they reiterated': the same parties again)
                members = joined.get(index - 1) or _listed_subject(text, mentions, previous.start, previous.end)
                joined[index] = members
                added.extend(Mention(joint.start("subject"), joint.end("subject"), joint.group("subject"), "country",
                                     m.country, m.country, "", "pronoun") for m in members)
        counted = _COUNTED_GROUP.match(text, sentence.start)
        issued = _ISSUED_BY_MEMBERS.match(text, sentences[index + 1].start) if counted is not None \
            and index + 1 < len(sentences) else None
        if counted is not None and issued is not None and not blocked.covers(counted.start()):
            size = counted.group("size").lower()
            wanted = int(size) if size.isdigit() else _GROUP_SIZES.get(size, 2)
            listed = _listed_subject(text, mentions, issued.end(), sentences[index + 1].end)
            if len(listed) == wanted:
                added.extend(Mention(counted.start(), counted.end(), counted.group(), "country", m.country,
                                     m.country, "", "pronoun") for m in listed)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions
