"""Implicit targets: when a weak guess of the other side is kept.

A trigger whose sentence names no target takes the country the document is mostly about on the other side
(target rule 'implicit'). A strong wording ('received a deportation flight') makes that guess safe; a weak one
('would not back down', 'had refused to take back') only when the guessed side is in view: named in the same
sentence or the two before it, or one of the only two parties the document names more than once. Elsewhere the
stance has no side the text gives, and no event is made. Nor is any side guessed when the other side right
after the trigger is a group the text names no party for ('relations with Western countries', 'accusing them'
of such a group): `_unnamed_other_side`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from graph.actors import word_classes
from graph.extract.answered import latest_measure_taker
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.lexicon import _cue
from graph.extract.no_object import _group_words, _unnamed_group
from graph.extract.right_targets import _CHARGES
from graph.records import Mention

#: Below this confidence (after the discount for an implicit target) a guessed side must be in view.
WEAK_GUESS = 0.6
#: Sentences before the trigger's own in which the guessed side may have been named.
IN_VIEW = 2


def _named_lately(doc: _Doc, candidate: _Candidate, country: str) -> bool:
    """Whether the sentence or one of the `IN_VIEW` before it names the country as any mention."""
    index = candidate.sentence.index
    start = doc.sentences[max(0, index - IN_VIEW)].start
    return any(m.country == country for m in doc.actors.between(start, candidate.sentence.end))


def _one_of_two_parties(doc: _Doc, country: str) -> bool:
    """Whether the document names exactly two countries as parties more than once, the country one of them: then
    the other side of any stance in it is clear."""
    parties = _parties_named_twice(doc)
    return len(parties) == 2 and country in parties


def _parties_named_twice(doc: _Doc) -> frozenset[str]:
    """The countries the document names as parties more than once: counted once per document and kept on it
    (counted per weak stance, a long text with many of them cost time growing with its square)."""
    parties = getattr(doc, "_parties_named_twice", None)
    if parties is None:
        counts = Counter(m.country for m in doc.actors.mentions if m.country
                         and m.type in ("country", "person", "organization") and m.via not in ("place", "private"))
        parties = doc._parties_named_twice = frozenset(c for c, n in counts.items() if n >= 2)
    return parties


def unseen_guess(doc: _Doc, candidate: _Candidate, target: Mention | str, confidence: float) -> bool:
    """True when a weakly worded stance's implicit target is a side the text has not put in view."""
    return isinstance(target, Mention) and target.via == "implicit" and round(confidence, 2) < WEAK_GUESS \
        and not _named_lately(doc, candidate, target.country) and not _one_of_two_parties(doc, target.country)


@cache
def _region_adjective() -> re.Pattern[str]:
    """A region's adjective ending a run of capitalised words (words.csv REGION_ADJECTIVES: 'European')."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["REGION_ADJECTIVES"] + r")$", re.I)


#: A pronoun right after a charge ('accusing them of')
_PRONOUN_OBJECT = re.compile(r"\s+(?P<pronoun>them)\b")


@cache
def _ruling_object() -> re.Pattern[str]:
    """A ruling as the object right after a verb of rejecting ('rejected the 2016 ruling', 'rejected the decision'):
    words.csv COURTS, or a decision or an award; the group 'court' says it names a court's word itself."""
    return re.compile(r"\s+(?:the\s+|that\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:(?P<court>" + word_classes()["COURTS"]
                      + r")|decision|award)\b", re.I)


def _court_ruling_rejected(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """'The tribunal invalidated China's claim. But Beijing has rejected the decision.': a ruling rejected, told of a
    court named in the sentence or the one before it, is the court's; no state is the other side, whoever brought
    the case."""
    ruling = _ruling_object().match(doc.text, candidate.head_end) if candidate.relation == "rejects" else None
    if ruling is None or any(m.start >= candidate.head_end and m.type == "country" for m in mentions):
        return False
    previous = doc.sentences[max(0, candidate.sentence.index - 1)]
    return ruling.group("court") is not None \
        or re.search(r"\b(?:" + word_classes()["COURTS"] + r")\b", doc.text[previous.start:candidate.head_start],
                     re.I) is not None


@cache
def _claim_object() -> re.Pattern[str]:
    """An allegation with no owner as the object right after a verb of rejecting ('denied a suggestion', 'dismissed
    claims', 'rejected media reports'): words.csv ALLEGATIONS; not one told before ('rejected the accusation')."""
    return re.compile(r"\s+(?:a|an|any|such|media|press|news)?\s*(?:" + word_classes()["ALLEGATIONS"]
                      + r"|reports?)\b", re.I)


def _unowned_claim_rejected(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """'The minister denied a suggestion that his government had been caught napping': an unowned claim, denied; no
    state is the other side (a party named after it is what the claim is about, or who made it)."""
    if candidate.relation != "rejects":
        return False
    claim = _claim_object().match(doc.text, candidate.head_end)
    if claim is None:
        return False
    return not any(m.start >= candidate.head_end and m.type == "country" for m in mentions) \
        or _only_content_after(doc, candidate, claim.end())


@cache
def _claim_content() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What opens the content of a claim right after its noun (words.csv CLAIM_CONTENT_OPENERS: 'allegations
    regarding', 'claims of') and what names its maker (CLAIM_MAKER_OPENERS: 'by', 'from')."""
    classes = word_classes()
    return (re.compile(r"\s+(?:" + classes["CLAIM_CONTENT_OPENERS"] + r")\b", re.I),
            re.compile(r"\b(?:" + classes["CLAIM_MAKER_OPENERS"] + r")\s", re.I))


def _only_content_after(doc: _Doc, candidate: _Candidate, claim_end: int) -> bool:
    """'denied allegations regarding Iranian arms exports to Russia', 'dismissed claims of talks with the TTP': the
    parties after an unowned claim's content opener are what is claimed, not its makers; only 'by' or 'from'
    later in the sentence names who claims it ('allegations of meddling by Moscow' keeps Moscow)."""
    opener, maker = _claim_content()
    return opener.match(doc.text, claim_end) is not None \
        and maker.search(doc.text, claim_end, candidate.sentence.end) is None


@cache
def _fighting_object() -> re.Pattern[str]:
    """Fighting between sides as what a demand asks to end, right after its wording (words.csv MUTUAL_FIGHTING):
    'an immediate end to hostilities', 'a halt to the fighting'."""
    return re.compile(r"[\s\"“]+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:" + word_classes()["MUTUAL_FIGHTING"]
                      + r")\b", re.I)


def _end_to_fighting_asked(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """'Chile also called for an immediate end to hostilities': a call to end fighting is made to those who fight;
    when the sentence names no party after it, the country the report is about is no guess for them."""
    return candidate.relation == "demands" and _fighting_object().match(doc.text, candidate.end) is not None \
        and not any(m.start >= candidate.end and m.country for m in mentions)


@cache
def _near_before() -> re.Pattern[str]:
    """A word of nearness right before a party (words.csv NEAR_PLACE): 'warmer waters near the Faroe Islands',
    'a collision off the coast of Japan'."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["NEAR_PLACE"] + r")\s+(?:the\s+)?(?:coast\s+of\s+)?$", re.I)


def _first_party_a_place(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """'Iceland's minister blamed warmer waters near the Faroe Islands and Norway': when the sentence names no
    party before a charge, demand, threat or refusal but its own side, and the first party after it is told by
    nearness, that party names where the thing blamed or asked for is (a deal signed near a place still may bind
    that place's country); the stance has no other side the text gives. (A second party before
    the trigger may be the other side: 'the United States must end what he called a provocation near Russian
    borders'; so may the owner of the place: 'near Beijing's artificial island'.)"""
    if candidate.relation not in _CHARGES or len({m.country for m in mentions if m.end <= candidate.head_start}) > 1:
        return False
    first = next((m for m in mentions if m.start >= candidate.end), None)
    return first is not None and first.via != "demonym" and not doc.text.startswith(("'s", "’s"), first.end) \
        and _near_before().search(doc.text, max(candidate.end, first.start - 24), first.start) is not None


#: Relations between parties that private people cannot be the other side of
_TIES = frozenset({"meetsWith", "agreesToCooperate", "shiftsTowardCooperation"})


@cache
def _private_people_after() -> re.Pattern[str]:
    """People who hold no office, right after a nationality (perhaps with two words between, quoted or not):
    'French "yellow vest" protesters', 'Chinese businessmen' (words.csv PRIVATE_PERSONS, PRIVATE_DOERS and
    NON_STATE_AGENTS)."""
    classes = word_classes()
    nouns = "|".join(classes[name] for name in ("PRIVATE_PERSONS", "PRIVATE_DOERS", "NON_STATE_AGENTS"))
    return re.compile(r"(?:\s+[\"'‘’“”]?[\w-]+[\"'‘’“”]?){0,2}?\s+(?:" + nouns + r")(?![\w-])", re.I)


def _private_people_met(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """'Di Maio met French "yellow vest" protesters': when the first party after a meeting or a tie is a nationality
    of people who hold no office, no state is met or bound, and no other side is to be guessed."""
    if candidate.relation not in _TIES:
        return False
    first = next((m for m in mentions if m.start >= candidate.end), None)
    return first is not None and first.via == "demonym" and _private_people_after().match(doc.text, first.end) \
        is not None


_IT_OBJECT = re.compile(r"\s+it\b", re.I)


@cache
def _condemning_before() -> re.Pattern[str]:
    """A verb of condemning (words.csv CONDEMNING_VERBS) earlier in the sentence."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["CONDEMNING_VERBS"] + r")", re.I)


def _condemned_act_labelled(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """'condemned the Israeli assault on Gaza, describing it as genocide': 'it' is the act just condemned, whose
    doer that charge names by an adjective; the label adds no other side, and the place after it is none ('condemned
    the attack, describing it as a violation' names no doer: the label's own target stands)."""
    if candidate.relation != "accuses" or _IT_OBJECT.match(doc.text, candidate.head_end) is None:
        return False
    verb = _condemning_before().search(doc.text, candidate.sentence.start, candidate.head_start)
    return verb is not None and any(m.via == "demonym" and verb.end() <= m.start < candidate.head_start
                                    for m in mentions)


@cache
def _gathering_after() -> re.Pattern[str]:
    """A gathering or a body as what one takes part in, right after the wording ('participate in CELAC', 'take part
    in the summit'): a name in capitals or a gathering noun (words.csv GATHERING_NOUNS) after 'in' or 'at'."""
    return re.compile(r"\s+(?:in|at)\s+(?:the\s+|this\s+|next\s+|a\s+)?(?:[A-Z][\w-]*\b|(?:[\w-]+\s+){0,3}?(?:"
                      + word_classes()["GATHERING_NOUNS"] + r")\b)")


def _gathering_declined(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """'Lasso does not participate in CELAC either': staying out of a gathering or a body refuses no state when the
    sentence names no country after it; the host, where named ('in South Africa'), is read by the place rules."""
    return candidate.relation == "rejects" and _gathering_after().match(doc.text, candidate.end) is not None \
        and not any(m.start >= candidate.end and m.type == "country" for m in mentions)


def _unnamed_other_side(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """True when the other side right after the trigger is a group the text names no party for: the partners
    after 'with' ('scaling back relations with Western countries due to their role in Ukraine'), or those charged
    by 'them' when the pronoun stands for such a group ('frustration with Western nations, accusing them of stoking
    tensions in Ukraine'). A party
    later in the sentence is where or about what they act, so no rule may guess a target."""
    if _court_ruling_rejected(doc, candidate, mentions) or _unowned_claim_rejected(doc, candidate, mentions) \
            or _end_to_fighting_asked(doc, candidate, mentions) or _first_party_a_place(doc, candidate, mentions) \
            or _private_people_met(doc, candidate, mentions) or _condemned_act_labelled(doc, candidate, mentions) \
            or _gathering_declined(doc, candidate, mentions):
        return True
    group = _unnamed_group().match(doc.text, candidate.end)
    if group is not None and group.group().lstrip()[:4].lower() == "with":
        return True
    pronoun = (_PRONOUN_OBJECT.match(doc.text, candidate.end) or _PRONOUN_OBJECT.match(doc.text, candidate.head_end)) \
        if candidate.relation in _CHARGES else None  # ('calling them illegal': inside the wording too)
    if pronoun is None or any(m.start == pronoun.start("pronoun") for m in mentions):
        return False
    groups = list(_group_words().finditer(doc.text, candidate.sentence.start, candidate.head_start))
    # ('barred ten other Georgian officials, accusing them': a group a party's adjective places is that party's)
    if groups and not any(groups[-1].start() - 16 <= m.start < candidate.head_start for m in mentions):
        return True
    # 'condemned the EU's latest sanctions, calling them illegal': 'them' is a measure no country named owns
    measures = list(_cue("SANCTIONS").finditer(doc.text, candidate.sentence.start, candidate.head_start))
    return bool(measures) and not any(m.type == "country" and measures[-1].start() - 40 <= m.start
                                      < measures[-1].start() for m in mentions)


#: A label given to 'it', the act the clause before named: 'calling it a reckless act'
_LABELS_IT = re.compile(r"(?:call|describ|label|term|brand|denounc)\w*\s+it\b", re.I)


@cache
def _told_act_object() -> re.Pattern[str]:
    """A weapons act the report has told, referred back to right after the charge (words.csv TOLD_ACTS):
    'condemned the latest launch', 'denounced this missile test'."""
    return re.compile(r"\s+(?:the|this|that|its|their|Sunday's|the\s+most)\s+(?:(?:latest|recent|last|new|fresh|"
                      r"second|third|fourth|fifth)\s+)?(?:" + word_classes()["TOLD_ACTS"] + r")\b", re.I)


@cache
def _told_act_verb() -> re.Pattern[str]:
    """The verb that told the act, right after its doer (words.csv TOLD_ACT_VERBS): 'North Korea fired'."""
    return re.compile(r"\s+(?:" + word_classes()["TOLD_ACT_VERBS"] + r")\b", re.I)


def doer_of_told_act(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention] | None:
    """'Hours earlier, North Korea fired a missile. Japan condemned the latest launch': a charge against an act
    the report has just told is aimed at whoever the telling names as its doer, not at the country the report
    is mostly about. None when the charge refers to no told act; no target when the act's doer is not named."""
    if candidate.relation != "accuses":
        return None
    if not _told_act_object().match(doc.text, candidate.head_end) and not (
            _LABELS_IT.match(doc.text, candidate.head_start)
            and _told_act_object().search(doc.text, candidate.sentence.start, candidate.head_start)):
        return None  # (nor '... condemned the latest launch, calling it dangerous': 'it' is the act just named)
    index = candidate.sentence.index
    for sentence in reversed(doc.sentences[max(0, index - IN_VIEW):index + 1]):
        for mention in reversed(doc.mentions(sentence)):
            if mention.country and mention.country != actor.country and mention.end <= candidate.head_start \
                    and _told_act_verb().match(doc.text, mention.end):
                return [mention]
    return []


@cache
def _same_measure_faced() -> re.Pattern[str]:
    """A relative clause on the subject saying it faced what another party had just done to someone else
    (words.csv SAME_MEASURE_FACED): 'Kenya and Uganda, which were under the same pressure, agreed
    to', 'Zambia, having faced similar curbs, agreed to', 'which received the same ultimatum'."""
    return re.compile(r",\s*(?:which|who|having)\s+(?:had\s+|have\s+|has\s+)?(?:also\s+)?(?:faced?|faces|facing|"
                      r"received|got|been\s+under|were\s+under)\s+(?:the\s+|a\s+)?(?:same|similar)\s+(?:"
                      + word_classes()["SAME_MEASURE_FACED"] + r")\b"
                      r"[^,.;]*,", re.I)


def taker_of_measure_faced(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention] | None:
    """'Sweden threatened to cut aid to Somalia ... Kenya and Uganda, who faced similar threats, said they
    would take back their nationals': a subject that faced the same measure answers whoever took it, not the
    party the measure first hit (nor the country the report is mostly about). None when no such clause stands
    between subject and trigger; no target when the report told no measure in the eight sentences before."""
    if not _same_measure_faced().search(doc.text, actor.end, candidate.head_start):
        return None
    return latest_measure_taker(doc, candidate, actor)
