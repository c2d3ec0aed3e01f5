"""Who a trigger's noun or clause belongs to, before the actor rules run: the possessor of a meeting or visit
noun ('Lee's planned summit'), a demonym before a visit ('the American visit'), the subject of a relative
clause after a noun ('the complaint that Kiev filed'), the doer of an act someone worries about, and
wordings that name no government (courts).
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.actors.knowledge import word_lists
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.records import Mention
from graph.words import literal_starts, may_hold

_OFFICIAL_ONLY = {"visits", "meetsWith"}


@cache
def _verb_after() -> re.Pattern[str]:
    """A finite verb right after a party (a verb in -ed or words.csv FINITE_VERBS, an adverb in -ly may come
    first): the party is a clause's subject, not a listed object."""
    return re.compile(r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|" + word_classes()["FINITE_VERBS"] + r")\b")


def _can_act(mention: Mention) -> bool:
    return mention.type in ("country", "person", "organization") and mention.via not in ("demonym", "place")


def _as_country(mention: Mention) -> Mention:
    return Mention(mention.start, mention.end, mention.text, "country", mention.country, mention.country,
                   "", mention.via)


@cache
def _judicial_before() -> re.Pattern[str]:
    """A court or its ruling (words.csv COURTS) right before the trigger: the act is the court's, not a state's."""
    return re.compile(r"\b(?:" + word_classes()["COURTS"] + r")\s+(?:has\s+|have\s+|had\s+|that\s+|which\s+)?$", re.I)


@cache
def _meeting_noun() -> re.Pattern[str]:
    """A noun of meeting or visit (words.csv MEETING_NOUNS) as a trigger's whole wording: its owner is the
    official who holds it."""
    return re.compile(word_classes()["MEETING_NOUNS"], re.I)


_OWNER_GAP = re.compile(r"['’]s?\s+(?:(?:planned|first|second|third|recent|upcoming|latest|official|state|"
                        r"surprise|weekend|two-day|three-day|foreign|overseas|long-awaited)\s+){0,2}")


def _noun_owner(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """"ahead of Lee's planned summit with Trump", "Ishiba welcomed Lee's visit": the possessor of a meeting or
    visit noun is the one meeting or visiting, not the sentence's subject; so is the possessor of a noun of any
    act ("recalled its envoy over Togo's recognition of Kosovo": Togo recognises)."""
    if not (candidate.relation in _OFFICIAL_ONLY and _meeting_noun().fullmatch(doc.text, candidate.head_start,
                                                                             candidate.head_end)) \
            and not (candidate.relation in _OWN_ACT_NOUNS
                     and _ACT_NOUN.fullmatch(doc.text, candidate.head_start, candidate.head_end)):
        return None
    owner = next((m for m in reversed(mentions) if m.end <= candidate.head_start), None)
    if owner is None or not _can_act(owner) or not owner.country \
            or not (_OWNER_GAP.fullmatch(doc.text, owner.end, candidate.head_start)
                    or (owner.via == "pronoun" and owner.text.lower() in ("his", "her")
                        and candidate.relation == "visits"
                        and _OWNER_GAP.fullmatch("'s" + doc.text[owner.end:candidate.head_start]))):
        return None  # ("during her visit to Kenya": the possessive pronoun as the visitor)
    return owner if owner.type == "person" or owner.via != "name" else \
        Mention(owner.start, owner.end, owner.text, "country", owner.key, owner.country, "", "government")


#: A noun of an act whose possessor does it: "Togo's recognition of Kosovo", "Mali's withdrawal from"
_ACT_NOUN = re.compile(r"[a-z]+(?:tion|sion|ment|ance|ence|ure|al)(?:\s+(?:of|from|to|with))?", re.I)


#: (not accusations: "Qatar's interference" names the one accused)
_OWN_ACT_NOUNS = frozenset({"agreesToCooperate", "shiftsTowardCooperation", "reducesCooperation", "rejects"})


_VISIT_NOUN = re.compile(r"(?:visit|visits|trip|tour)$", re.I)
_VISIT_MODIFIER = re.compile(r"\s+(?:(?:highest|high|top|senior|first|state|official|working|rare|surprise)"
                             r"(?:-level)?\s+){0,2}$")


def _visit_modifier(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'the highest-level American visit to the country', 'a Chinese state visit': the demonym before the
    visit noun names the visitor (as its government), not the party named before it in the sentence."""
    if candidate.relation != "visits" or not _VISIT_NOUN.search(doc.text, candidate.head_start, candidate.head_end):
        return None
    before = next((m for m in reversed(mentions) if m.end <= candidate.head_start), None)
    if before is None or before.via != "demonym" \
            or not _VISIT_MODIFIER.fullmatch(doc.text, before.end, candidate.head_start):
        return None
    return Mention(before.start, before.end, before.text, "country", before.key, before.country, "", "government")


_NOUN_RELATIVE = re.compile(r"\s+(?:that|which)\s+(?:the\s+)?$")


def _relative_subject(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """The subject of a relative clause right after a trigger noun ('the complaint that Kiev filed with the
    WTO', 'the sanctions which Washington imposed'), when it is a party followed by its verb."""
    head = doc.text[candidate.head_start:candidate.head_end]
    if not head[:1].islower() or head.endswith(("ed", "ing")):
        return None  # a noun, not a verb ('said that Kiev', 'filed that')
    if _subject_right_before(doc, candidate, mentions):
        return None  # 'The Kremlin also insists that Ukraine should': a verb after its subject, no noun
    if _PRONOUN_SUBJECT_BEFORE.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                      candidate.head_start):
        return None  # '"We expect that Dhaka will reciprocate"': a verb after its pronoun subject, no noun
    after = next((m for m in mentions if m.start >= candidate.head_end), None)
    if after is None or not _can_act(after) or not after.country \
            or not _NOUN_RELATIVE.fullmatch(doc.text, candidate.head_end, after.start) \
            or not _verb_after().match(doc.text, after.end):
        return None
    if _claim_noun().match(head) and not _made_after().match(doc.text, after.end):
        return None  # 'accusations that China spied on lawmakers': what is claimed, not who claims it
    return after


#: A personal pronoun as a subject right before the trigger, an adverb perhaps between ('we expect', 'they
#: firmly insist'): the word after it is a verb, never a noun a relative clause hangs on
_PRONOUN_SUBJECT_BEFORE = re.compile(r"(?<![\w'’-])(?:I|[Ww]e|[Tt]hey|[Yy]ou)\s+(?:(?:also|still|now|again|"
                                     r"repeatedly|firmly|\w+ly)\s+)?$")
_SUBJECT_GAP = re.compile(r"\s+(?:(?:also|still|now|again|repeatedly|firmly|\w+ly)\s+)?")


def _subject_right_before(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """Whether a party (not a nationality word, which may qualify a noun: 'the Russian demands that') stands
    right before the trigger, with at most an adverb between: the '-s' word is then its present-tense verb."""
    before = next((m for m in reversed(mentions) if m.end <= candidate.head_start), None)
    return before is not None and before.via != "demonym" and _can_act(before) \
        and _SUBJECT_GAP.fullmatch(doc.text, before.end, candidate.head_start) is not None


@cache
def _claim_noun() -> re.Pattern[str]:
    """Nouns whose 'that' opens what they claim (words.csv CLAIMED_NOUNS, singular or plural), unless a verb of
    making follows ('the charges that Kyiv levelled')."""
    return re.compile(r"(?:" + word_classes()["CLAIMED_NOUNS"] + r")s?$", re.I)


@cache
def _made_after() -> re.Pattern[str]:
    """A verb of making a claim (words.csv CLAIM_MADE) after its noun: 'the charges that Kyiv levelled'."""
    return re.compile(r"\s+(?:\w+ly\s+)?(?:has\s+|had\s+|have\s+)?(?:" + word_classes()["CLAIM_MADE"] + r")\b")


@cache
def _concern_before() -> re.Pattern[str]:
    """'expressed concern regarding potential cuts in aid by the United States' (words.csv CONCERNS): the act is
    what the subject worries about, done by someone else."""
    return re.compile(r"\b(?:" + word_classes()["CONCERNS"] + r")\s+(?:about|over|regarding|at|on|with)\s+"
                      r"(?:(?:the|a|any|possible|potential|further|new|more|planned|proposed|threatened)\s+){0,2}$",
                      re.I)


_AGENT_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?")


def _doer_of_worried_act(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> list[Mention]:
    """The doer of an act someone worries about: named after 'by' ('cuts in aid programmes by the United
    States'), else nobody we can place (the worried subject does not do it)."""
    agent = _AGENT_AFTER.match(doc.text, candidate.end)
    if agent is None:
        return []
    doer = next((m for m in mentions if m.start == agent.end()), None)
    return [doer] if doer is not None and _can_act(doer) and doer.country else []


#: A verb judging a measure right before its noun ('criticizes the expulsion of', 'protested the recall of'):
#: its subject answers the measure, it did not take it
_JUDGED_MEASURE_BEFORE = re.compile(r"\b(?:condemn|denounc|deplor|critici[sz]|protest|regrett?|lament|decr[iy]|"
                                    r"slamm?|blast|object)\w*\s+(?:to\s+)?(?:the\s+)?(?:[a-z]+\s+)?$", re.I)
_FROM_NEXT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:from|in)\s+(?:the\s+)?$")
_JUDGED_NOUNS = re.compile(r"(?:expulsion|expulsions|removal|ouster)", re.I)


def _judged_expulsion(doc: _Doc, candidate: _Candidate,
                      mentions: list[Mention]) -> tuple[Mention | None, Mention | None] | None:
    """'Rwanda criticizes the expulsion of its ambassador from Congo': an expulsion named as the object of a
    protest is another's act. Returns None when the wording is not such a noun; else (the expelling party, named
    after 'from' right after the envoys, or None when unnamed; the envoys, whose country is expelled)."""
    if candidate.relation != "threatenedExpulsion" \
            or not _JUDGED_NOUNS.match(doc.text, candidate.head_start) \
            or not _JUDGED_MEASURE_BEFORE.search(doc.text, max(candidate.sentence.start, candidate.head_start - 40),
                                                 candidate.head_start):
        return None
    envoys = next((m for m in mentions if candidate.head_end <= m.start < candidate.end), None)
    # the country the envoys are sent from, or were serving in ('of a Russian diplomat in Estonia')
    reach = envoys.end if envoys is not None else candidate.end
    after = (m for m in mentions if m.start >= reach and m.start - reach < 40)
    expeller = next((m for m in after if _FROM_NEXT.search(doc.text, reach, m.start)
                     and _can_act(m) and m.country and (envoys is None or m.country != envoys.country)), None)
    return expeller, envoys


@cache
def _decision_of() -> re.Pattern[str]:
    """'the decision of the United States Government to', 'a move by Beijing to' (words.csv DECISION_NOUNS): whose
    the act after 'to' is."""
    return re.compile(r"\b(?:" + word_classes()["DECISION_NOUNS"] + r")\s+"
                      r"(?:of|by)\s+(?:the\s+)?$", re.I)


_DECIDER_TAIL = re.compile(r"(?:\s+[A-Z][\w.'’-]*){0,2}\s+to\s+(?:\w+ly\s+)?$")


@cache
def _decider_before_noun() -> re.Pattern[str]:
    """'the Chadian decision to expel', "Chad's move to": the people word or possessive before the noun of deciding
    (words.csv DECIDING_NOUNS)."""
    return re.compile(r"(?:['’]s?)?\s+(?:" + word_classes()["DECIDING_NOUNS"] + r")\s+to\s+"
                      r"(?:\w+ly\s+)?$", re.I)


def _decider(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'expressed concern over the decision of the United States Government to reduce visas', 'confirmed receipt of
    the Chadian decision to expel': the act after 'to' is the decider's, not the sentence subject's."""
    for mention in reversed(mentions):
        if mention.end > candidate.head_start:
            continue
        if mention.start < candidate.head_start - 80:
            return None
        if _can_act(mention) and mention.country \
                and _DECIDER_TAIL.fullmatch(doc.text, mention.end, candidate.head_start) \
                and _decision_of().search(doc.text, max(0, mention.start - 30), mention.start):
            return mention
        if mention.type == "country" and mention.via in ("demonym", "name", "alias") \
                and candidate.trigger.actor.split("|")[0] == "left" \
                and _decider_before_noun().fullmatch(doc.text, mention.end, candidate.head_start):
            # 'confirmed receipt of the Chadian decision to expel': the decision names its maker, not the subject
            # (when the wording's actor is its verb's doer: 'a Dominican plan to deport' names the sender, while
            # the deportation wording's actor is the receiving side)
            return _as_country(mention) if mention.via == "demonym" else mention
        return None
    return None


#: A document right before an '-ing' trigger, or before an earlier '-ing' phrase the trigger is coordinated with
#: ('resolutions condemning the war and demanding that troops leave'), its clause not broken by a new subject
@cache
def _document_content() -> re.Pattern[str]:
    return re.compile(r"\b(?P<document>" + word_classes()["CONTENT_DOCUMENTS"] + r")\s+"
                      r"(?:[a-z-]+ing\b(?:(?![,;]\s*(?:and\s+|but\s+)?(?-i:[A-Z]))[^;:])*?\s)?$", re.I)


@cache
def _own_document_before() -> re.Pattern[str]:
    """Issuing or backing verbs, 'in', 'with' or a possessive before the document, with up to three words between
    that are no preposition ('issued a joint statement', 'in a letter'; not 'votes on UN resolutions')."""
    return re.compile(r"(?:^|\W)(?:" + word_classes()["OWN_DOCUMENT"] + r")\W+"
                      r"(?:(?!(?:on|of|against|over|about|from|to|for|at)\s)[\w.'’-]+\s+){0,3}$"
                      r"|['’]s?\s+(?:[\w-]+\s+){0,2}$", re.I)


def _others_document_content(doc: _Doc, candidate: _Candidate) -> bool:
    """'Mali abstained from votes on UN resolutions condemning the war': an '-ing' trigger right after a document
    tells what the document says, and the clause's subject only votes on it, rejects or reports it; it is the
    subject's own act only when the subject issues, signs or backs the document ('issued a statement condemning',
    'in a letter demanding', "Egypt's statement accusing")."""
    if not doc.text[candidate.head_start:candidate.head_end].lower().endswith("ing"):
        return False
    start = candidate.sentence.start
    content = _document_content().search(doc.text, max(start, candidate.head_start - 200), candidate.head_start)
    if content is None:
        return False
    if any(m.country and m.type in ("country", "organization") and m.via != "place"
           and _DOCUMENT_OWNER_GAP.fullmatch(doc.text, m.end, content.start())
           for m in doc.mentions(candidate.sentence)):
        return False  # 'blasted a U.S. State Department report criticizing its record': the report's owner says it
    return _own_document_before().search(doc.text, max(start, content.start() - 50), content.start()) is None


#: Between a party and the document it owns: "'s ", ' ', "'s annual "
_DOCUMENT_OWNER_GAP = re.compile(r"(?:['’]s?)?\s+(?:(?:annual|new|latest|joint)\s+)?")


#: A note its receiver is handed ('the ambassador was given a note in which', 'India received a note verbale from
#: Bangladesh seeking'), what it says following it in the same sentence
@cache
def _received_note() -> re.Pattern[str]:
    classes = word_classes()
    return re.compile(r"\b(?:(?:was|were|been|being|is|are)\s+(?:(?:" + classes["HAND_OVER"] + r")\s+(?:with\s+)?)"
                      r"|received\s+|receives\s+|receiving\s+)(?:[\w'’.-]+\s+){0,4}?(?:" + classes["NOTES"]
                      + r")\b(?:\s+verbale)?(?P<rest>[^.;]*)$", re.I)


_FROM_SENDER = re.compile(r"\s+from\s+(?:the\s+)?")
_RECEIVER_GOES_ON = re.compile(r"(?:\b(?:and|but|then)|,)\s+(?:(?:also|then|later|promptly)\s+)?(?:[a-z]+ed|said|says|"
                               r"will|would|has|had|told|sent|saying|calling)\b")


@cache
def _note_starts() -> tuple[str, ...]:
    """The words one of words.csv NOTES starts with, worked out once rather than at every trigger match."""
    return literal_starts(word_lists()["NOTES"])


def _note_sender(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> list[Mention] | None:
    """'the ambassador was given a note in which the employee was declared persona non grata': what a note says is
    its sender's act, never its receiver's (the party named before); the sender is the party after 'from' right
    after the note, or no one named. None when the trigger is no note's content."""
    start = candidate.sentence.start
    low = max(start, candidate.head_start - 200)
    if not may_hold(doc.text[low:candidate.head_start], _note_starts()):
        return None  # (no note is named: the regex, which needs one, cannot match)
    received = _received_note().search(doc.text, low, candidate.head_start)
    if received is None:
        return None
    rest = received.start("rest")
    if _RECEIVER_GOES_ON.search(doc.text, rest, candidate.head_end):
        return None  # 'Russia received the note and accused Moldova of ...': the receiver's own next act
    sender = _FROM_SENDER.match(doc.text, rest)
    found = next((m for m in mentions if sender is not None and m.start == sender.end() and _can_act(m)), None)
    return [found] if found is not None else []


#: The possessive of the party that owns the staff named next: "Mexico's diplomatic personnel"
_OWNER_OF_STAFF = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}")
_OWNED_STAFF = re.compile(r"[^'’\s]+(?:\s[^'’\s]+){0,2}['’]s?\s")


@cache
def _ordered_out() -> re.Pattern[str]:
    """Wording of an order or a forced departure inside a leave wording (words.csv ORDERED_OUT_WORDS: 'were
    ordered to leave', 'must leave')."""
    return re.compile(r"\b(?:" + word_classes()["ORDERED_OUT_WORDS"] + r")\b", re.I)


def own_staff_leaving(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Mexico's embassy staff in Quito will be coming home, she said': staff leaving with
    no order leave at their own government's word; the owner named right before them, or whoever speaks for
    it, expels nobody (least of all the country they leave). A leave order ('Mexico's diplomats were ordered
    to leave') keeps its pairs."""
    if candidate.relation != "threatenedExpulsion" or not candidate.trigger.target.startswith("owner") \
            or _ordered_out().search(doc.text, candidate.head_start, candidate.end):
        return pairs  # (only the wordings that start with the staff: 'Algeria's expulsions' are acts of Algeria)
    # (the owner alone, "Mexico's", or the staff read as the owner's party, "Mexico's diplomatic personnel")
    owner = next((m for m in doc.mentions(candidate.sentence) if m.country and (
        m.end <= candidate.head_start and _OWNER_OF_STAFF.fullmatch(doc.text, m.end, candidate.head_start)
        or m.start < candidate.head_start < m.end and _OWNED_STAFF.match(m.text))), None)
    if owner is None:
        return pairs
    return [(actor, targets) for actor, targets in pairs if actor.country != owner.country]


@cache
def _signed_pact_topic() -> re.Pattern[str]:
    """'signed a joint communique on ', 'signed an agreement for ': a pact signed (words.csv PACT_NOUNS) and the
    preposition that opens its topic."""
    return re.compile(r"\b(?:sign|signs|signed|signing|conclud\w*|adopt\w*)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}"
                      r"(?:" + word_classes()["PACT_NOUNS"] + r")\s+(?:on|about|for|regarding|concerning)\s+$", re.I)


def _topic_of_signed_pact(doc: _Doc, candidate: _Candidate) -> bool:
    """'The two countries signed a joint communique on restoring diplomatic ties': the change of ties is what the
    pact signed is about; the signing is the act told (an agreement), not a second act of its own."""
    return candidate.relation == "shiftsTowardCooperation" and _signed_pact_topic().search(
        doc.text, max(candidate.sentence.start, candidate.head_start - 80), candidate.head_start) is not None
