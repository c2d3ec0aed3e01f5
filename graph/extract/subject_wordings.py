"""Subjects named by a wording rather than by position, for `subject._left_actor`.

The owner of a possessive decision, measure or call ("Madrid's decision to", "China's duty hike", "its refusal
to"), the issuer of a document, the one who hands a note over, the object of a causing verb ('allowing these
countries to receive'), the members after 'including' or 'like', and the unnamed agents that act for no state
(an instructed police, an armed group, a country's allies): each reads who acts before the nearest party does.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.actors.knowledge import knowledge_base
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.owners import _can_act
from graph.records import Mention
from graph.words import may_hold


@cache
def _issued_document() -> re.Pattern[str]:
    """'signed an executive order that', 'passed a law which' (words.csv ISSUING_VERBS, ISSUED_DOCUMENTS): a
    document whose acts are its issuer's."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["ISSUING_VERBS"] + r")\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?"
                      r"(?:[\w-]+\s+){0,2}?(?:" + classes["ISSUED_DOCUMENTS"] + r")\s*,?\s+(?:that|which)\s+[^,;]*$",
                      re.I)


#: A note handed over, what it says told by an '-ing' participle right after it: 'handed the envoy a note
#: demanding', 'handed over a demarche seeking'
@cache
def _handed_note() -> re.Pattern[str]:
    """A verb of handing over (words.csv HAND_OVER) a few words before a note (NOTES), at the end of the text
    searched."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["HAND_OVER"] + r")\s+(?:[\w'’.-]+\s+){0,8}?(?:" + classes["NOTES"]
                      + r")[\"”’']?\s*,?\s+$", re.I)


@cache
def _possessive_decision() -> re.Pattern[str]:
    """"X's decision to", "X's offer to" (words.csv DECIDED_THINGS), also one of the possessor's acts named by a
    verb 'to be' ("Among Chile's steps was the sudden decision to"; the acts are words.csv STEPS_NOUNS): the
    possessor is the one who acts."""
    decided = r"(?:" + word_classes()["DECIDED_THINGS"] + r")\s+to\s+$"
    return re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:(?:" + word_classes()["STEPS_NOUNS"] + r")\s+"
                      r"(?:was|were|is|are|included|includes|include)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?)?" + decided)


#: The same told with 'of': 'with assurances of the Fijian Government to elevate cooperation', 'the decision of
#: Madrid to back the plan': the party after 'of' is the one whose pledge or decision it is
_OF_PARTY_DECISION = re.compile(r"\b(?:assurances?|decision|move|plan|offer|bid|willingness|readiness|pledges?|"
                                r"promises?|refusal|attempt|efforts?|intention|commitments?|determination|resolve|vow)"
                                r"\s+of\s+"
                                r"(?P<party>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
                                r"(?:\s+(?:government|authorities|side|leadership))?)\s+to\s+$")


#: 'said that the decision to': a decision a speaker explains without naming whose it is
_SAID_DECISION = re.compile(r"\b(?:said|says|stated|explained|announced|confirmed)\s+(?:[\w-]+\s+){0,2}?(?:that\s+)?"
                            r"the\s+(?:decision|move)\s+to\s+$")


#: 'its refusal to', 'their decision to', 'its ' right before a trigger that is a noun ('due to its refusal'):
#: the act belongs to the party the possessive stands for.
_ITS_ACT = re.compile(r"\b(?:its|their)\s+(?:(?:[\w-]+\s+)?(?:decision|move|plan|offer|bid|willingness|readiness|"
                      r"pledge|promise|attempt|efforts?|intention|commitment|vow)\s+(?:not\s+)?to\s+)?$")


#: What every match of `_ITS_ACT` ends with, for `ends_with_any`
_ITS_ACT_ENDS = ("its", "their", "to")


#: Relations told by what a party says: its owner says a call, a charge, a refusal or a warning ("X's calls")
_SPOKEN = frozenset({"demands", "accuses", "rejects", "threatened"})


#: An earlier 'its' whose phrase is joined to the trigger's by 'and': 'its allegiance to Ukraine and its'
_EARLIER_ITS = re.compile(r"\b(?:its|their)\s+[^,;:]*?\s(?:and|or)\s+$")


#: 'Countries like Panama have also agreed to': the parties named after 'like' or 'such as' act.
@cache
def _like_subject() -> re.Pattern[str]:
    return re.compile(r"(?:\W*[\w-]+\s+){0,3}?(?:" + word_classes()["STATES"] + r"|neighbou?rs)\s+"
                      r"(?:like|such\s+as)\s+"
                      r"(?P<list>[^;,]{1,80}?(?:,\s+[^;,]{1,40}?){0,4})\s+"
                      r"(?:(?:have|has|had|also|already|too|will|would|were|are|is|was)\s+){0,3}$", re.I)


_INCLUDING_SUBJECT = re.compile(r"\s*[^,;]{1,60},\s+including\s+(?P<list>[^;]{1,120}?),\s+(?:[a-z]+\s+){0,2}$")


#: 'allowing these countries to receive', 'helped Kenya to send': the object of a causing verb is the subject
#: of the infinitive that follows it.
_CAUSING_STEMS = ("allow", "enabl", "let", "permit", "help", "forc", "requir", "persuad", "convinc", "encourag", "get")
_CAUSED_SUBJECT = re.compile(r"\b(?:" + "|".join(_CAUSING_STEMS) + r")\w*\s+"
                             r"(?P<np>(?:[\w'’.-]+\s+){1,5}?)to\s+(?:\w+\s+)?$", re.I)


@cache
def _plural_anaphor() -> re.Pattern[str]:
    return re.compile(r"(?:these|those|both|the\s+two|the\s+three)\s+(?:" + word_classes()["STATES"] + r")"
                      r"|them|they", re.I)


def _caused_subject(doc: _Doc, candidate: _Candidate, mentions: list[Mention], before: str) -> Mention | None:
    """The party a causing verb lets act: 'deals with Honduras and Uganda, allowing these countries to
    receive migrants' (the listed countries receive, not the United States)."""
    window = before[-80:]
    match = _CAUSED_SUBJECT.search(window) if may_hold(window, _CAUSING_STEMS) else None
    if match is None:
        return None
    offset = candidate.head_start - len(window)
    np_start, np_end = offset + match.start("np"), offset + match.end("np")
    inside = [m for m in mentions if np_start <= m.start and m.end <= np_end and _can_act(m)]
    if inside:
        return inside[-1]
    if _plural_anaphor().fullmatch(match.group("np").strip()):
        earlier = [m for m in mentions if m.end <= offset + match.start() and m.type == "country" and _can_act(m)]
        if earlier:
            return earlier[-1]
    return _NOBODY  # 'a step that allows authorities to reject such claims': unnamed authorities act


@cache
def _instructed() -> re.Pattern[str]:
    """'police are instructed to', 'troops have been ordered to' (words.csv INSTRUCTED_AGENTS): unnamed agents
    told to act by someone else (words.csv INSTRUCTING_VERBS)."""
    return re.compile(r"\b(?:" + word_classes()["INSTRUCTED_AGENTS"] + r")\s+(?:is|are|was|were|has\s+been|have\s+been|"
                      r"had\s+been)\s+(?:" + word_classes()["INSTRUCTING_VERBS"] + r")\s+to\s+$")


#: What `_caused_subject` returns when the one a causing verb lets act is named but is no party.
_NOBODY = Mention(-1, -1, "", "pronoun", "", "", "", "unnamed")


@cache
def _group_subject() -> re.Pattern[str]:
    """An armed or other non-state group as the subject right before the verb ('the militia and its allies',
    'the rebels': words.csv ARMED_GROUPS and NON_STATE_AGENTS)."""
    return re.compile(r"\bthe\s+(?:[a-z-]+\s+)?(?:" + word_classes()["ARMED_GROUPS"] + "|"
                      + word_classes()["NON_STATE_AGENTS"] + r")(?:\s+and\s+(?:its|their)\s+(?:allies|backers|"
                      r"partners))?\s+(?:[a-z]+ly\s+|also\s+|have\s+|has\s+|had\s+)?$", re.I)


#: Others defined by a country, as the subject right before the verb (or the verb of a noun trigger): 'US allies ',
#: "Russia's trading partners ", 'US allies imposed '
#: What every `_PARTNERS_SUBJECT` match holds (the pattern is case-sensitive): a window with none of them is ruled
#: out by substring tests before the regex runs
_PARTNER_NOUNS = ("allies", "partners", "neighbo", "rivals", "adversaries")


_PARTNERS_SUBJECT = re.compile(r"(?:['’]s?)?\s+(?:[a-z-]+\s+)?(?:allies|partners|neighbou?rs|rivals|adversaries)\s+"
                               r"(?:(?:[a-z]+ly|also|have|has|had|will|would|were|are)\s+){0,2}(?:[a-z]+(?:ed|s)\s+)?$")


def _partners_of_subject(doc: _Doc, mentions: list[Mention], before: str, head_start: int) -> bool:
    """Whether the subject right before the trigger is a country's allies, partners or neighbours ('US allies
    imposed sanctions'): they act, unnamed; the country named only says whose they are ('Japan and its allies'
    keeps Japan, which is named as a party of its own)."""
    tail = before[-80:]
    if not any(noun in tail for noun in _PARTNER_NOUNS):
        return False
    match = _PARTNERS_SUBJECT.search(tail)
    if match is None:
        return False
    at = head_start - len(tail) + match.start()
    return any(m.end == at and m.type == "country" and m.via in ("name", "demonym", "capital", "private")
               for m in mentions)


_OWNED_TRIGGER = re.compile(r"['’]s?\s+(?:[a-z-]+\s+)?$")


_MEASURES = frozenset({"threatenedSanctions", "reducesCooperation"})


#: A country's name written short: 'U.S.', 'UK', 'U.A.E.'
_SHORT_FORM = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")


def _measure_owner(mentions: list[Mention], sentence_start: int, before: str) -> Mention | None:
    """The party a measure is told as the possession of, right before it ("China's responding duty hike"): it
    takes the measure, not the party named before it in the clause (who backs it or bears it). `_NOBODY` for a
    body of no state ("the EU's new tariffs"); None when no owner is named there."""
    owned = _OWNED_TRIGGER.search(before)
    if owned is None:
        # 'the latest round of U.S. sanctions', 'of American tariffs': a demonym or a short form of a country's
        # name right before the measure says whose it is, after a preposition too ('Iran sanctions' may be on Iran)
        spaced = len(before) - len(before.rstrip())
        return next((m for m in mentions if m.end == sentence_start + len(before) - spaced and 0 < spaced <= 2
                     and m.type == "country" and m.country and (m.via == "demonym" or _SHORT_FORM.fullmatch(m.text))
                     and _can_act(m)), None)
    owner_end = sentence_start + owned.start()
    owner = next((m for m in mentions if m.end == owner_end and m.type in ("country", "organization")), None)
    if owner is None:
        return None
    if owner.type == "organization" and not owner.country:
        return _NOBODY
    return owner if _can_act(owner) and owner.country else None


@cache
def _named_group_doing() -> re.Pattern[str]:
    """A named armed group (organizations.csv kind armed-group) as the subject right before the verb ('the Houthis
    are to', 'Hamas has'), or as the owner of the decision the verb completes ('Hamas agreement to', "Hamas's
    decision to", 'the announcement by Hamas of its agreement to'). Such a group is no state."""
    names = sorted((re.escape(surface) for surface, alias in knowledge_base().aliases.items()
                    if alias.type == "media" and alias.kind == "armed-group"), key=len, reverse=True)
    group = r"(?<![\w-])(?:" + "|".join(names) + r")(?![\w-])\s*(?:\([^()]{1,40}\)\s*)?"
    return re.compile(group + r"(?:(?:(?:is|are|was|were|has|have|had|would|will|also|then|later)\s+){0,2}(?:to\s+)?"
                      r"|(?:['’]s?\s+)?[\w-]+\s+[Tt]o\s+|of\s+(?:its|their)\s+(?:[\w-]+\s+){1,2}to\s+)$")


@cache
def _counted_states_said() -> re.Pattern[str]:
    """A reported clause whose subject is a count of unnamed states, still open at the trigger: 'Trump said five
    nations are "very far down the road" to', 'added that several other countries would' (words.csv COUNT_WORDS,
    STATES_NOUNS). The states counted act, none of them named; not the one who reports it."""
    classes = word_classes()
    return re.compile(r"\b(?:said|says|say|added|noted|told\s+[\w-]+)\s+(?:that\s+)?(?P<count>(?:\d+|"
                      + classes["COUNT_WORDS"] + r"|a\s+few|a\s+number\s+of)\s+(?:other\s+|more\s+)?(?:"
                      + classes["STATES_NOUNS"] + r"))\b[^,;:.]*$", re.I)


#: A first-person subject opening a quotation or sentence, its verbs coordinated up to an 'and' right before the
#: trigger: '"We will condemn the violence, seek scrutiny, and call on'; no clause of another subject between
_FIRST_PERSON_SERIES = re.compile(
    r"(?:^|[\"“‘]\s*)(?:I|We)\s+(?![^;:\"“”]*\b(?:that|which|who|whom|whose|because|if|when|while|unless|since|they|"
    r"he|she|it|you)\b)[^;:\"“”]+?,?\s+and\s+(?:[a-z]+ly\s+)?$")


def first_person_series(before: str) -> bool:
    """Whether a quoted trigger is the last verb of a series whose subject is the quotation's opening 'we' or 'I'.

    The pronoun is too far back for the nearest-subject reading ('"We will continue to condemn the violence, seek
    scrutiny of events in Iran, and call on Iranian authorities'), and the parties named between are the
    earlier verbs' objects: the speaker acts.
    """
    return " and " in before[-24:] and _FIRST_PERSON_SERIES.search(before) is not None


@cache
def _place_aside() -> re.Pattern[str]:
    """A comma aside that only says where a place named before it lies (words.csv PLACE_ASIDE_WORDS): ' just
    outside Jakarta,', ' near the border,', ' south of the capital,'. It closes no opening phrase."""
    return re.compile(r"\s*(?:just\s+|right\s+|some\s+|about\s+|\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
                      r"(?:" + word_classes()["PLACE_ASIDE_WORDS"] + r")\s+[^,;:.]{1,40},")


def past_place_aside(text: str, comma: int, end: int) -> int:
    """The comma that closes an opening phrase ending in a place ('In his meeting with X at the palace, just
    outside Jakarta, Y pledged'): past a place aside after the first comma, the next one; else the first."""
    aside = _place_aside().match(text, comma + 1, end)
    return aside.end() - 1 if aside is not None else comma
