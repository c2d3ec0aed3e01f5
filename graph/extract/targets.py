"""Toward whom: the targets of a trigger (`_find_targets`), following the trigger's target rule.

Right after the trigger, the object of a demand, the nationality of released people, the place of a visit,
a program's name; the readers of objects and subjects are in `objects`, and for wording that names no other side
the sender or counterpart comes from `senders`.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.actors.places import _described_re
from graph.extract.attribution import _as_country, _can_act, _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import (
    _LIST_GAP,
    _after_preposition,
    _following_list,
    _listed_with,
    _pronoun_for_list,
)
from graph.extract.document import _RELATIVE, _Doc
from graph.extract.lexicon import _cue
from graph.extract.objects import (
    _BY_BEFORE,
    _CALLS_TO,
    _CONDEMN,
    _COUNTED_LIST_GAP,
    _PLACE_BEFORE,
    _SAYER_AFTER,
    _TIME_PREPOSITION,
    _any_target,
    _charge_names_no_doer,
    _charged_target,
    _object_target,
    _right_targets,
    _shared_object,
    _subject_target,
    _violent_act,
)
from graph.extract.senders import _ARRIVED_IN, _MIGRATION, _PEOPLE_NOUN, _counterpart, _deporter, _explicit_sender
from graph.records import Mention

#: A party's kin, not the party: "Armenia's neighbour", "Iran's allies", "Russia's rival"
_KIN_NOUN = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:neighbou?rs?|allies|ally|partners?|rivals?|enemies|enemy|foes?|"
                       r"adversar(?:y|ies)|proxies|proxy)\b,?", re.I)
_QUOTED_NAME = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")
_CALLED = re.compile(r"\b(?:called|named|dubbed|known\s+as|titled|referred\s+to\s+as|branded)\s+[“\"]?"
                     r"([A-Z][^,.;“”\"]{1,60})")


_BODY_GAP = re.compile(r"\s*(?:with|to|from|on|against)?\s*(?:the\s+)?")


def _object_is_a_body(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger's object is an international body ('cooperation with the IAEA', 'quit the WTO'):
    then no country is its target, whatever the sentence names later."""
    following = next((m for m in doc.mentions(candidate.sentence) if m.start >= candidate.end), None)
    inside = next((m for m in doc.mentions(candidate.sentence) if candidate.head_end <= m.start < candidate.end), None)
    if candidate.relation in ("rejects", "accuses") and inside is not None and inside.type == "organization" \
            and not inside.country \
            and _BODY_GAP.fullmatch(doc.text, candidate.head_end, inside.start) is not None \
            and _OWNED_AFTER.match(doc.text, inside.end):
        return True  # 'rejects Brussels' claims': the body whose claims are rejected is the other side
    if _accession_end().search(doc.text, candidate.head_end, candidate.end):
        return False  # 'blocked Ukraine's bid to join the EU': the body after a way in is the bloc joined
    return following is not None and following.type == "organization" and not following.country \
        and _BODY_GAP.fullmatch(doc.text, candidate.end, following.start) is not None


@cache
def _accession_end() -> re.Pattern[str]:
    """A wording that ends in a party's way into a bloc (words.csv ACCESSION: 'accession', 'bid to join')."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["ACCESSION"] + r")$", re.I)


_OWNED_AFTER = re.compile(r"['’]s?\s")


@cache
def _unseated_before() -> re.Pattern[str]:
    """'ousted democratically-elected president ', 'the former Bolivian ': words.csv UNSEATED, then at most three
    words (a nationality, a title) right before a person or a nationality."""
    return re.compile(r"\b(?:" + word_classes()["UNSEATED"] + r")\s*(?:[\w'’-]+\s+){0,3}$", re.I)


@cache
def _unseated_after() -> re.Pattern[str]:
    """"'s ousted president", "'s former leader": a country's leader out of office (words.csv UNSEATED)."""
    return re.compile(r"['’]s?\s+(?:" + word_classes()["UNSEATED"] + r")\s*(?:[\w-]+\s+)?(?:president|leader|"
                      r"prime\s+minister|premier|head\s+of\s+state|ruler|king|monarch)\b", re.I)


def _unseated_leader(doc: _Doc, mention: Mention) -> bool:
    """A person out of office (ousted, exiled, former) named as the one backed: like an opposition leader, he stands
    for no state, so support for him is no cooperation with his country."""
    if mention.type == "country" and _unseated_after().match(doc.text, mention.end):
        return True  # "Niger's ousted president"
    if mention.type != "person" and mention.via != "demonym":
        return False
    return _unseated_before().search(doc.text, max(0, mention.start - 50), mention.start) is not None


def _in_actors_relative(doc: _Doc, candidate: _Candidate, actor: Mention, mention: Mention) -> bool:
    """'Kenya, whose nationals make up most deportees flown to Tanzania, criticised the plan': a clause set off by
    commas that describes the actor before its verb is no part of the act; a party named in it is no target."""
    if not (actor.end <= mention.start < candidate.head_start):
        return False
    for clause in _RELATIVE.finditer(doc.text, actor.end, candidate.head_start):
        if clause.start() - actor.end <= 2 and clause.start() <= mention.start < clause.end():
            return True
    return False


def _find_targets(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention | str]:
    """Targets for a trigger: mentions, or a program name (str) for launchedProgram.

    The trigger's target rule may chain fallbacks with '|' ('right|implicit': the party after the trigger,
    else the document's other side).
    """
    if candidate.patient is not None:
        return [candidate.patient]
    if candidate.relation == "accuses" and _REASON_AFTER.match(doc.text, candidate.head_end) \
            and _RELATIVE_OBJECT.search(doc.text, max(candidate.sentence.start, candidate.head_start - 80),
                                        candidate.head_start):
        return []  # 'the ex-president, whom Mulino blamed for the crisis with the US': the blamed one is 'whom'
    what_called = candidate.relation == "accuses" and _WHAT_CALLED.search(
        doc.text, max(candidate.sentence.start, candidate.head_start - 40), candidate.head_start) is not None \
        and not _LABEL_OWNED.match(doc.text, candidate.head_end)
    if candidate.relation == "accuses" and _UNNAMED_OBJECT.match(doc.text, candidate.end) \
            and _OF_AFTER.match(doc.text, candidate.end):
        return []  # 'accuses the opposition of working with the CIA': the accused is the opposition
    if candidate.relation in ("accuses", "rejects") and _ANY_OBJECT.match(doc.text, candidate.end) \
            and not _ANY_OBJECT.match(doc.text, candidate.head_end):
        return []  # 'reiterated its rejection of any forced displacement': a rule for everyone, nobody's act
    if candidate.relation in ("accuses", "rejects") and _ANY_OBJECT.match(doc.text, candidate.head_end) \
            and not (candidate.relation == "rejects" and _ANY_PRESSURE.match(doc.text, candidate.head_end)) \
            and not doc.text[candidate.head_start:candidate.end].lower().endswith(" with") \
            and not any(m.via == "demonym" and m.start == _ANY_OBJECT.match(doc.text, candidate.head_end).end() + 1
                        for m in doc.mentions(candidate.sentence)):
        # ('rejecting any Russian claim': whatever Russia claims, Russia's; 'reject any talks with Chile' names
        # the other side after 'with')
        return []  # 'opposed any action that raises tensions': a rule for everyone, nobody's act in particular
    if _makers_named_after(doc, candidate):
        # 'rejected a demand from Arab leaders for a truce in Lebanon': its makers are no state named here, but
        # may be the parties of the latest demand told
        return list(_demanders(doc, candidate, actor))
    if candidate.relation == "accuses" and _others_grievance(doc, candidate, actor):
        return []  # 'the Chadian envoy undertook to convey Sudan's concerns': a messenger of another's grievance
    if candidate.relation == "accuses" and _accuses_own_side(doc, candidate, actor):
        return []  # 'accusing Mr Biden of siding with China': a quarrel at home, the charge names no target
    if candidate.relation == "accuses":
        doer = _doer_of_object(doc, candidate, actor)
        if doer is not None:
            # 'the decision by the Polish, Hungarian and Slovakian governments': every one of them
            return [m for m in _following_list(doc, doer, doc.mentions(candidate.sentence)) if _is_target(m, actor)]
    if candidate.relation in ("accuses", "demands") \
            and _EVERYONE.match(doc.text, candidate.head_end, max(candidate.end, candidate.head_end + 30)):
        return []  # 'called for the international community to resist any hegemonic act': everyone, nobody named
    if _object_is_a_body(doc, candidate):
        return []  # 'suspended cooperation with the IAEA after Israeli strikes': the body is the other side
    enumerated = _enumerated_group(doc, candidate, actor) \
        or _pronoun_for_list(doc, candidate.relation, candidate.head_end, candidate.sentence, actor)
    if enumerated:
        return enumerated
    for rule in candidate.trigger.target.split("|"):
        found = _targets_by_rule(doc, candidate, actor, rule)
        if found and candidate.relation in ("agreesToCooperate", "shiftsTowardCooperation") \
                and any(isinstance(m, Mention) and _unseated_leader(doc, m) for m in found):
            return []  # 'reiterated support for ousted president Mohamed Bazoum': backing a man out of office
        if found:
            found = [m for m in found if not (isinstance(m, Mention) and _in_actors_relative(doc, candidate, actor, m))]
        if found:
            # '... to resist any hegemonic act, according to a transcript published by the foreign ministry': the
            # source of the report is no party to what it reports
            found = [m for m in found if not (isinstance(m, Mention) and m.start > candidate.end
                                              and _ACCORDING_TO.search(doc.text, candidate.end, m.start))]
            # 'control over the Spratly Islands, which Vietnam claims': the subject of a relative clause on
            # the object is no party to the act
            found = [m for m in found if not (isinstance(m, Mention) and m.start > candidate.end
                                              and _RELATIVE_SUBJECT_BEFORE.search(doc.text, max(0, m.start - 8),
                                                                                  m.start))]
            # 'took a milder line than the United States and others': the standard of a comparison is no party to
            # the act
            found = [m for m in found if not (isinstance(m, Mention) and m.start > candidate.end
                                              and _COMPARED_BEFORE.search(doc.text, max(0, m.start - 12), m.start))]
            # 'a port in Somaliland, a region Somalia claims as its own': the subject of a clause describing a
            # place is no party to the act either
            found = [m for m in found if not (isinstance(m, Mention) and m.start > candidate.end
                                              and _PLACE_DESCRIBED_BEFORE.search(doc.text, max(0, m.start - 50),
                                                                                 m.start)
                                              and _HOLDER_VERB_AFTER.match(doc.text, m.end))]
        if found and what_called:
            # 'praised Mexico's leader for standing up to what he called "blackmail"': the thing so called is
            # another's, named after the label if at all, not the party the sentence names before it
            found = [m for m in found if not (isinstance(m, Mention) and m.end <= candidate.head_start)]
        if found and candidate.relation not in ("visits", "meetsWith"):
            # 'Iran and Sweden completed a prisoner swap in Muscat': a capital after 'in' or 'at' is where it
            # happened, when other parties are there to be the targets (alone, it is most often the partner's:
            # 'signed a deal in Beijing')
            kept = [m for m in found if not (isinstance(m, Mention) and m.via in ("capital", "place")
                                             and m.start > candidate.head_end
                                             and _IN_PLACE.search(doc.text, max(0, m.start - 8), m.start))]
            if kept or _listed_partner(doc, candidate, actor):
                found = kept
        if found and candidate.relation == "accuses" and _violent_act().search(doc.text, candidate.head_end,
                                                                             candidate.head_end + 60) \
                and _non_state_agent().search(doc.text, candidate.head_end, candidate.sentence.end):
            # 'condemned the storming of its embassy in Khartoum by gunmen': the site of an act done by others than
            # a state is no party to it ('the raid on its embassy in Quito' by the host's police is the host's)
            found = [m for m in found if not (isinstance(m, Mention) and m.via in ("capital", "place", "name")
                                              and m.start > candidate.head_end
                                              and _IN_PLACE.search(doc.text, max(0, m.start - 8), m.start))]
        if found and candidate.relation == "rejects" \
                and _measure_on().search(doc.text, candidate.head_start, candidate.end):
            # 'Budapest opposes new EU sanctions on Moscow': the party a rejected measure is on suffers it; the one
            # rejected is whoever takes the measure
            found = [m for m in found if not (isinstance(m, Mention) and _ON_PARTY.fullmatch(doc.text, candidate.end,
                                                                                           m.start))]
        if found and candidate.relation == "demands":
            # 'China and Vietnam should seize the opportunity': a party listed with the actor is asked along with
            # it, not by it
            found = [m for m in found if not (isinstance(m, Mention) and _listed_with(doc, m, actor))]
        if found and candidate.relation == "visits":
            # 'arrived at the ministry's building': the ministry stands for its country as a party, but going
            # to it is what envoys summoned in their host capital do, not a visit to that country
            found = [m for m in found if not (isinstance(m, Mention) and m.via == "pronoun"
                                              and _national_body().search(m.text))]
        if found and candidate.relation == "agreesToCooperate":
            found = found + _gapped_partners(doc, candidate, found, actor)
        if found:
            return found
    return []


#: Between a measure and the party it is taken against: ' on ', ' against the '
_ON_PARTY = re.compile(r"\s+(?:on|against|targeting)\s+(?:the\s+)?")


@cache
def _measure_on() -> re.Pattern[str]:
    """A measure (words.csv SANCTIONS) closing a trigger's words ('opposes new EU sanctions')."""
    return re.compile(r"(?:" + word_classes()["SANCTIONS"] + r")$", re.I)
#: What follows a partner after 'with': a phrase of degree or time ('to "strategic partnership"', 'in 2022'),
#: then the partners of the same act left without their verb (', with Chile and Bolivia to ...', ', and Paris
#: last year').
_GAPPED_AFTER = re.compile(r"\s+(?P<prep>to|in)\s+[^,;.]{1,60}?[,;]\s*[”\"']?\s+(?P<join>and\s+(?:with\s+)?|with\s+)"
                           r"(?:the\s+)?(?=[A-Z])")
#: After the gapped partners: the same preposition again, or a time that ends the clause.
_GAP_TAIL_TIME = re.compile(r"\s+(?:in\s+\d{4}|last\s+(?:year|month|week)|this\s+year|the\s+(?:following|next|"
                            r"previous)\s+(?:year|month)|earlier|later|a\s+year\s+later)\s*[.;,]")


def _gapped_partners(doc: _Doc, candidate: _Candidate, found: list[Mention | str], actor: Mention,
                     gapped: bool = False) -> list[Mention]:
    """'elevated relations with Peru to "strategic partnership", with Chile and Bolivia to "comprehensive
    partnerships"', 'signed similar accords with Ottawa in 2022, and Paris last year': the verb of a partner
    after 'with' is left out before the next partners of the same act."""
    last = found[-1]
    if not isinstance(last, Mention) or last.start < candidate.head_end \
            or not gapped and not re.search(r"\bwith\s+(?:the\s+)?$", doc.text[max(0, last.start - 10):last.start]):
        return []
    gap = _GAPPED_AFTER.match(doc.text, last.end, candidate.sentence.end)
    if gap is None:
        return []
    mentions = doc.mentions(candidate.sentence)
    first = next((m for m in mentions if m.start == gap.end()), None)
    if first is None:
        return []
    listed = [m for m in _following_list(doc, first, mentions) if _is_target(m, actor)]
    if not listed:
        return []
    tail = listed[-1].end
    same_preposition = re.match(r"\s+" + gap.group("prep") + r"\s", doc.text[tail:tail + 6])
    if not (same_preposition if gap.group("join").startswith("with") or gap.group("prep") == "to"
            else _GAP_TAIL_TIME.match(doc.text, tail)):
        return []
    return listed + _gapped_partners(doc, candidate, listed, actor, gapped=True)
_FROM_AFTER = re.compile(r"\s+(?:from|by)\s", re.I)


def _makers_named_after(doc: _Doc, candidate: _Candidate) -> bool:
    """'rejected a demand from ...': the makers of a rejected demand or offer (words.csv ANSWERED) are named after
    'from' or 'by', and the wording that reads them (triggers.csv, 'rejects ... from|by') finds no state there when
    this shorter match is left; no other party is then the target."""
    return candidate.relation == "rejects" and _FROM_AFTER.match(doc.text, candidate.end) is not None \
        and _cue("ANSWERED").search(doc.text, candidate.head_start, candidate.end) is not None


def _listed_partner(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """True when another party is listed with the actor before the trigger ('Iran and Sweden completed')."""
    return any(m.country and m.country != actor.country and m.end <= candidate.head_start
               and _listed_with(doc, m, actor) for m in doc.mentions(candidate.sentence))


#: The word that opens the standard of a comparison: 'milder than the', 'rather than'
_COMPARED_BEFORE = re.compile(r"\bthan\s+(?:the\s+)?$")
_RELATIVE_SUBJECT_BEFORE = re.compile(r"(?:,\s*|\s)which\s+$")
#: A place described after it, its describing clause's subject next: ', a region ', 'an island that '
_PLACE_DESCRIBED_BEFORE = re.compile(r"(?:,\s+|\b)(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(?:region|territory|area|province|"
                                     r"island|islands|enclave|land|zone|strip|reef|shoal|waters|breakaway\s+state)\s+"
                                     r"(?:that\s+|which\s+)?$")
#: What the subject of such a clause does to the place: claims, controls or fears for it
_HOLDER_VERB_AFTER = re.compile(r"\s+(?:also\s+|still\s+)?(?:claims|claimed|considers|considered|regards|regarded|"
                                r"sees|views|controls|controlled|occupies|occupied|fears|feared|says|said|calls|"
                                r"called|wants|covets)\b")
_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.I)
#: Addressees that are everyone: a call on them names no party.
_EVERYONE = re.compile(r"\s*(?:for\s+|on\s+|upon\s+)?(?:the\s+)?(?:international\s+community|world"
                       r"|all\s+(?:parties|sides|countries|nations|states)|every\s+country)\b", re.I)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
@cache
def _national_body() -> re.Pattern[str]:
    """A national body named without its country, as the actor finder reads it ('the ministry', 'the
    cabinet'): words.csv BODY_NOUNS at the end of the mention."""
    return re.compile(r"(?i)(?:" + word_classes()["BODY_NOUNS"] + r")$")


#: 'any action', 'all attempts', 'such moves': an object said of anyone
_ANY_OBJECT = re.compile(r"\s+(?:any|all|every|such)\b", re.I)
#: 'not subject to any interference', 'would not accept any offer that': pressure or an offer of any kind refused is
#: what the other side puts forward, not a rule for everyone
_ANY_PRESSURE = re.compile(r"\s+any\s+(?:(?:kind|form|sort)\s+of\s+)?(?:foreign\s+|outside\s+|external\s+|such\s+)?"
                           r"(?:interference|pressure|meddling|threats?|dictates?|diktats?|offers?|proposals?|demands?|"
                           r"ultimatums?|terms|conditions)\b", re.I)
#: An object that names no party ('accused critics of', 'warned some countries'): no other side is implied.
_UNNAMED_OBJECT = re.compile(r"\s+(?:(?:some|certain|other|its|his|her|their|the|foreign|western|unnamed)\s+)*"
                             r"(?:critics|opponents|detractors|countries|nations|governments|powers|forces|media|"
                             r"journalists|activists|opposition|rivals|enemies|neighbou?rs|politicians|officials|"
                             r"people|those)\b", re.I)
#: Envoys named by no country of theirs: 'Western ambassadors', 'at envoys', 'foreign diplomats in Moscow'
_UNPLACED_ENVOYS = re.compile(r"\s+(?:(?:at|the|some|several|other|certain|western|foreign|european|unnamed)\s+)*"
                              r"(?:ambassadors|diplomats|envoys|embassies)\b"
                              r"(?!\s+(?:of|from)\s+(?:the\s+)?[A-Z])", re.I)
_OF_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?of\b")
_REQUEST_OF = re.compile(r"\b(?:at|on|after|following)\s+(?:the\s+)?(?:request|behest|urging|demand)\s+of\s+"
                         r"(?:the\s+)?$", re.I)
_REQUEST_AFTER = re.compile(r"['’]s?\s+(?:request|behest|urging|demand)\b")
_REASON_AFTER = re.compile(r"\s+(?:for|over)\b")
#: 'over what it called his "unacceptable comments"', '... comments made by': the label's owner is named
_LABEL_OWNED = re.compile(r"(?:\s+as)?\s+(?:his|her|its|their)\b|[^.;]{0,60}?\b(?:made|voiced|issued|uttered)\s+by\b")
#: 'what he called', 'what Beijing described as': a label for a thing the clause leaves unnamed
_WHAT_CALLED = re.compile(r"\bwhat\s+(?:he|she|they|it|we|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+"
                          r"(?:has\s+|had\s+|have\s+|repeatedly\s+|once\s+)?$")
_RELATIVE_OBJECT = re.compile(r"\b(?:whom|which)\s+[^,;:.!?]*$")
_OBJECT_BY = re.compile(r"[^,;:.!?()\"“”]{0,80}?\bby\s+(?:the\s+)?$")


#: 'with more than a dozen leaders over two days, among them ...': a group met, then some of it named
#: 'held talks with the ', 'a series of meetings: with Kenyan ': up to 'with' and a few words after it
_WITH_PHRASE = re.compile(r"\s*(?::\s*)?(?:[\w-]+\s+){0,3}?with\s+(?:(?:the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,4}$")
_WITH_GROUP_NAMING = re.compile(r"\s*(?:[\w-]+\s+){0,3}?with\s+[^.;:,]{0,60},\s+(?:among\s+them|including|such\s+as)"
                                r"\s+(?:[A-Z][\w'’.-]*\s+){0,3}$")


#: What may stand between 'accusing' and the one accused: a courtesy title or an article.
_ACCUSED_GAP = re.compile(r"\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+|the\s+)?")


def _others_grievance(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """Whether the grievance inside the wording belongs to another country ('conveyed Sudan's concerns'): the actor
    only passes it on."""
    return any(candidate.head_end <= m.start and m.end < candidate.end and m.country and m.country != actor.country
               and _GRIEVANCE_OWNED.match(doc.text, m.end) for m in doc.mentions(candidate.sentence))


#: A grievance noun owned by the party right before it: 'Sudan's concerns', 'Kenya's strong protest'
_GRIEVANCE_OWNED = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:concerns?|alarm|dismay|outrage|objections?|protests?|"
                              r"displeasure|indignation|condemnation|anger|disappointment|grievances?|complaints?)\b",
                              re.I)


def _accuses_own_side(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """Whether the one accused right after the verb is of the accuser's own country ('accused Mr Biden of
    ...'): the parties in the charge are not accused."""
    following = next((m for m in doc.mentions(candidate.sentence) if m.start >= candidate.head_end), None)
    return following is not None and following.type == "person" and following.country == actor.country \
        and _ACCUSED_GAP.fullmatch(doc.text, candidate.head_end, following.start) is not None \
        and re.match(r"\s+of\b", doc.text[following.end:following.end + 5]) is not None


def _doer_of_object(doc: _Doc, candidate: _Candidate, actor: Mention) -> Mention | None:
    """'condemned the expulsion of Chile's envoy by Bolivia': what is condemned is an act, and the party
    that did it (after 'by', in the same phrase) is the one accused, not the party it was done to."""
    for mention in doc.mentions(candidate.sentence):
        if mention.start < candidate.head_end or mention.start - candidate.head_end > 90:
            continue
        if _OBJECT_BY.fullmatch(doc.text, candidate.head_end, mention.start) and _is_target(mention, actor) \
                and _can_act(mention):
            return mention
    return None


#: A counted or vague group of countries right after the wording, with only small words between: 'entry for
#: nationals of 12 countries', 'accused seven Latin American countries'
@cache
def _group_object() -> re.Pattern[str]:
    return re.compile(r"(?:\s+[a-z]+){0,4}?\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"several|a\s+dozen|a\s+number\s+of|a\s+handful\s+of)\s+(?:other\s+|more\s+)?"
                      r"(?:[A-Z][\w-]*\s+){0,2}(?:" + word_classes()["STATES"] + r")\b(?![^.;:!?]{0,40}\b(?:including"
                      r"|such\s+as|among\s+them|like)\b)")


#: A sentence that goes on to name the group: 'They are ...', 'Nine of them are in Africa: ...', 'The list
#: includes ...', 'The countries are ...'
_ENUMERATION = re.compile(r"\s*(?:They|These|Those|The\s+(?:\w+\s+)?(?:countries|nations|states|list)|"
                          r"(?:\w+|\d+)\s+of\s+(?:them|those|these|the\s+(?:countries|nations|states)))\s+(?:are|were|is|include[sd]?)\b")
_LIST_GOES_ON = re.compile(r",?\s+(?:along\s+with|as\s+well\s+as|plus|and\s+also)\s+(?:the\s+)?")
#: Between that opening and the list: nothing, 'also', or where they lie before a colon ('are in Africa:')
_ENUMERATION_GAP = re.compile(r"\s*(?:also\s+|:\s*|(?:located\s+)?in\s+[^.;:,]{1,40}:\s*)(?:the\s+)?|\s+(?:the\s+)?")


def _enumerated_group(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention | str]:
    """The countries the next sentence names for a group the trigger's object only counts: 'suspended entry for
    nationals of 12 countries. Nine of them are in Africa: Chad, Eritrea and Libya.' News often gives the count in
    the lead and the list after it; without the list the group stays unnamed (no target)."""
    if not _group_object().match(doc.text, candidate.head_end, candidate.sentence.end):
        return []
    index = candidate.sentence.index + 1
    if index >= len(doc.sentences) or not _ENUMERATION.match(doc.sentences[index].text):
        return []
    following = doc.sentences[index]
    opening = _ENUMERATION.match(following.text)
    mentions = doc.mentions(following)
    first = next((m for m in mentions if m.type == "country" and m.country), None)
    if first is None or not _ENUMERATION_GAP.fullmatch(doc.text, following.start + opening.end(), first.start):
        return []  # ('They were mostly in Africa, said Kenya': the named ones are not the list)
    listed = _following_list(doc, first, mentions)
    more = next((m for m in mentions if m.start >= listed[-1].end and m.country), None)
    if more is not None and _LIST_GOES_ON.fullmatch(doc.text, listed[-1].end, more.start):
        listed += _following_list(doc, more, mentions)  # '..., Somalia and Sudan, along with Iran and Yemen'
    named = [m for m in listed if m.country and m.country != actor.country]
    return named if len(named) >= 2 else []


#: A possessive object right after the wording: "the court's verdict", "the panel's findings"
_OWNED_OBJECT = re.compile(r"\s+(?:the\s+|a\s+)?([A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*){0,2})['’]s?\s+[a-z]")
#: Where a clause of the same sentence starts before the trigger's: ', and ', '; '
_CLAUSE_JOIN = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+")


def _earlier_subject(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """The subject of an earlier clause of the same sentence, when the trigger's clause only answers it: 'Kenya cut
    ties with Somalia, and Somalia rejected the decision' (the decision is Kenya's, whatever the document's main
    pair is)."""
    joins = list(_CLAUSE_JOIN.finditer(doc.text, candidate.sentence.start, actor.start))
    if not joins or not re.fullmatch(r"\s*(?:the\s+)?", doc.text[joins[-1].end():actor.start]):
        return None
    first = next((m for m in mentions if m.start >= candidate.sentence.start), None)
    if first is None or first.start >= joins[-1].start() or not _can_act(first) or not first.country \
            or first.country == actor.country or first.via in ("place", "demonym") \
            or not re.fullmatch(r"\s*(?:[A-Z][\w'’-]*\s+){0,3}", doc.text[candidate.sentence.start:first.start]):
        return None
    return first


@cache
def _armed_group_after() -> re.Pattern[str]:
    """' rebels', ' separatist fighters': a nationality naming an armed group's people (words.csv ARMED_GROUPS)."""
    return re.compile(r"[ \t]+(?:[a-z-]+[ \t]+)?(?:" + word_classes()["ARMED_GROUPS"] + r")\b", re.I)


@cache
def _non_state_agent() -> re.Pattern[str]:
    """'by gunmen', 'by an angry mob': a doer that is no state (words.csv NON_STATE_AGENTS)."""
    return re.compile(r"\bby\s+(?:(?:a|an|the|unknown|armed|masked|angry|hundreds\s+of)\s+)*(?:"
                      + word_classes()["NON_STATE_AGENTS"] + r")\b", re.I)


def _expelled_pronoun(candidate: _Candidate, mention: Mention, actor: Mention) -> bool:
    """'declared him persona non grata': the envoy 'him' points to is the one sent away (elsewhere 'him' and
    'her' are no party: 'visit her family')."""
    return candidate.trigger.relation == "threatenedExpulsion" and mention.via == "pronoun" \
        and mention.type == "person" and mention.text.lower() in ("him", "her") and bool(mention.country) \
        and mention.country != actor.country


def _targets_by_rule(doc: _Doc, candidate: _Candidate, actor: Mention, rule: str) -> list[Mention | str]:
    mentions = doc.mentions(candidate.sentence)
    if rule == "program":
        name = _program_name(doc, candidate)
        return [name] if name else []
    if rule == "implicit":
        if candidate.relation == "rejects" and _CALLS_TO.match(doc.text, candidate.end):
            return []  # 'rejected Western calls to condemn Tehran': who called is unnamed, Tehran is what they ask
        if candidate.relation == "accuses" and _CONDEMN.match(doc.text, candidate.head_start) \
                and _violent_act().search(doc.text, candidate.head_start, candidate.end + 40):
            return []  # 'condemned the suicide attack in Pakistan's Quetta': an attack nobody named is blamed for
        if candidate.relation == "accuses" and _charge_names_no_doer(doc, candidate, mentions, actor):
            return []  # 'condemned militants for shelling Kenya': the party named is no doer, none is guessed
        if _UNPLACED_ENVOYS.match(doc.text, candidate.end):
            return []  # 'accused Western ambassadors in Moscow of meddling': envoys of no one country named
        shared = _shared_object(doc, candidate, mentions, actor)
        if shared is not None:
            return [shared]
        explicit = _explicit_sender(doc, candidate, mentions, actor)
        if explicit is not None:
            return [explicit]
        demanders = _demanders(doc, candidate, actor) or _protesters(doc, candidate, actor) \
            or _measure_takers(doc, candidate, actor)
        if demanders:
            return demanders
        if candidate.relation in _MIGRATION:
            deporter = _deporter(doc, actor.country)
            if deporter is not None:
                return [deporter]
        if _UNNAMED_OBJECT.match(doc.text, candidate.end):
            return []  # 'accused critics of ...', 'condemned some countries': the object is named, and unplaced
        if _group_object().match(doc.text, candidate.head_end, candidate.sentence.end):
            return []  # 'accused seven Latin American governments' with no list after it: unnamed, not a guess
        owned = _OWNED_OBJECT.match(doc.text, candidate.end)
        if owned is not None and candidate.relation in ("accuses", "rejects") \
                and not any(m.start <= owned.start(1) < m.end for m in mentions):
            return []  # "criticised the court's verdict": the object's owner is no state, so no state is the target
        earlier = _earlier_subject(doc, candidate, mentions, actor)
        if earlier is not None and candidate.relation in ("accuses", "rejects"):
            return [earlier]  # 'Kenya cut ties with Somalia, and Somalia rejected the decision': the first clause's
        following = next((m for m in mentions if m.start >= candidate.end), None)
        if following is not None and following.type == "organization" and not following.country \
                and re.fullmatch(r"\s*(?:the\s+)?", doc.text[candidate.end:following.start]):
            return []  # 'criticized EU deadlines': the object is a union or a body of states, not a guess
        if sum(m.start == actor.start and m.type == "country" for m in mentions) > 1:
            return []  # 'The ministers condemned violations of the Charter': a joint statement's parties, speaking
            # together, aim at no one the report is about unless their sentence names it
        counterpart = _counterpart(doc, actor.country, {m.country for m in mentions if _listed_with(doc, m, actor)})
        if counterpart is not None and candidate.relation in _MIGRATION and any(
                (m.via == "demonym" and m.country == counterpart.country and _PEOPLE_NOUN.match(doc.text, m.end)
                 and candidate.head_start <= m.start < candidate.end)
                or (m.country == counterpart.country and m.start > candidate.end
                    and _ARRIVED_IN.search(doc.text, max(0, m.start - 24), m.start)) for m in mentions):
            return []  # 'accepted the Peruvian deportees': the people's own country is not who sent them, nor is
            # another place they reached ('300 arrived in Panama and 100 arrived in Costa Rica')
        return [counterpart] if counterpart else []
    if rule == "imposed":
        # 'the tariffs would be suspended': the party the latest sanctions were aimed at
        latest = doc.latest_sanctions(candidate.sentence.index)
        return [latest[2]] if latest is not None and latest[2].country != actor.country else []
    if rule == "nationality":
        # 'freed 14 prisoners, including two Estonians and one Italian': the nations of the list that follows
        including = _INCLUDING_AFTER.match(doc.text, candidate.end)
        reach = including.end() + 15 if including else candidate.end + 15
        for mention in mentions:
            if candidate.head_start <= mention.start <= reach and mention.type == "country" \
                    and mention.country != actor.country \
                    and not _BY_BEFORE.search(doc.text, max(candidate.head_start, mention.start - 12), mention.start) \
                    and not _listed_with(doc, mention, actor) \
                    and not _TIME_PREPOSITION.search(doc.text, max(candidate.head_start, mention.start - 12),
                                                     mention.start):
                # (not 'frees 12 prisoners after French envoy visit': an envoy's visit, not the prisoners)
                # 'nationals of Japan, Poland and Latvia', 'three Poles and two Lithuanians': every nation listed
                listed = _following_list(doc, mention, mentions)
                for later in mentions:
                    if later.start > listed[-1].end and later.type == "country" \
                            and _COUNTED_LIST_GAP.fullmatch(doc.text, listed[-1].end, later.start):
                        listed.append(later)
                    elif later.start > listed[-1].end:
                        break
                return [m for m in listed if m.type == "country" and m.country != actor.country]
        # 'saw 12 Danish sailors released from Iranian custody': the people named right before the verb
        before = [m for m in mentions if m.end <= candidate.head_start and m.via == "demonym"
                  and m.country != actor.country
                  and (_PEOPLE_BEFORE_VERB.fullmatch(doc.text, m.end, candidate.head_start)
                       or _NATIONALITY_OF_NOUN.fullmatch(doc.text, m.end, candidate.head_start))]
        if before:
            return before[-1:]
        # 'many of its citizens detained in the US would be released': the owner of the people named by a
        # possessive right before them ('its', 'his' for the speaking official) is their country
        possessive = _POSSESSIVE_BEFORE.search(doc.text, max(candidate.sentence.start, candidate.head_start - 8),
                                               candidate.head_start)
        if possessive is None:
            return []
        # (a possessive the mention stage left unresolved stands for the last party named before it)
        owner = next((m for m in reversed(mentions) if m.end <= possessive.end() and m.country and _can_act(m)
                      and m.type in ("country", "person")), None)
        return [_as_country(owner)] if owner is not None and owner.country != actor.country else []
    if rule == "request":
        # 'freed nine prisoners at Washington's request', 'at the request of the United States': the party
        # the release was made for
        for mention in mentions:
            if mention.start >= candidate.end and _is_target(mention, actor) and mention.type == "country" and (
                    _REQUEST_OF.search(doc.text, max(candidate.end, mention.start - 30), mention.start)
                    or _REQUEST_AFTER.match(doc.text, mention.end)) \
                    and "." not in doc.text[candidate.end:mention.start]:
                return [mention]
        return []
    if rule == "inside":
        for mention in mentions:
            if candidate.head_end <= mention.start and mention.end <= candidate.end and (
                    _is_target(mention, actor) or _expelled_pronoun(candidate, mention, actor)):
                # 'declared ministers from Italy, Greece and Malta persona non grata': the whole list
                return [m for m in _following_list(doc, mention, mentions)
                        if m.end <= candidate.end and (_is_target(m, actor) or _expelled_pronoun(candidate, m, actor))]
        return []
    if rule == "seat":
        # 'the Downing Street visit, the second by X': the seat or capital named right before a visit noun
        seat = next((m for m in reversed(mentions) if m.end <= candidate.head_start), None)
        if seat is not None and seat.via == "capital" and doc.text[seat.end:candidate.head_start] == " " \
                and _is_target(seat, actor):
            return [seat]
        return []
    if rule == "owner":
        conditioned = _conditioned_party(doc, candidate, mentions, actor)
        if conditioned is not None:
            return [conditioned]
        for mention in mentions:
            if mention.start < candidate.head_start < mention.end and _is_target(mention, actor):
                return [mention]  # 'French officials given 48 hours to leave'
        for mention in reversed(mentions):
            if mention.end <= candidate.head_start:
                gap = doc.text[mention.end:candidate.head_start]
                if re.fullmatch(r"(?:['’]s?)?\s*(?:[\w-]+\s+)?", gap) and _is_target(mention, actor) \
                        and (mention.via != "pronoun" or _described_re().fullmatch(mention.text)):
                    # 'it must' may be the speaker's own side; 'the Central American ally must' is not
                    if candidate.relation == "demands" and any(
                            m.country == actor.country and m.end <= mention.start
                            and _LIST_GAP.fullmatch(doc.text, m.end, mention.start) for m in mentions):
                        return []  # 'Turkey and Greece should resolve their differences': the speaker's own side too
                    return [mention]
                return []
        return []
    if rule == "with":
        for mention in mentions:
            if mention.start >= candidate.end and _is_target(mention, actor):
                gap = doc.text[candidate.end:mention.start]
                if _WITH_PHRASE.match(gap) \
                        and (re.search(r"\b(?:of|from)\s+(?:the\s+)?$", gap)
                             or re.search(r"\s(?:of|from)\s", mention.text)):
                    # 'meetings with leaders of Indonesia, Brazil and Chile': every party of the list
                    return [m for m in _following_list(doc, mention, mentions, offices=True) if _is_target(m, actor)]
                if _WITH_PHRASE.match(gap):
                    # 'talks with officials from both nations': every party the phrase stands for; 'talks with
                    # Kenyan President Ruto and Ghanaian President Mahama': every party of the list
                    return [m for m in _following_list(doc, mention, mentions, offices=True) if _is_target(m, actor)]
                if _WITH_GROUP_NAMING.match(gap):
                    # 'held meetings with a dozen leaders, among them Sisi and Museveni': those named of the group
                    return [m for m in _following_list(doc, mention, mentions) if _is_target(m, actor)]
                if re.fullmatch(r"\s*(?:on|about|over|regarding|concerning)\s+(?:the\s+)?", gap):
                    continue  # 'talks on Somalia with Kenya's envoy': the topic, the partner follows
                return []
        return []
    if rule == "direct":
        for mention in mentions:
            if mention.start >= candidate.end:
                gap = doc.text[candidate.end:mention.start]
                if re.fullmatch(r"\s+(?:the\s+)?", gap) and _is_target(mention, actor):
                    if mention.via == "demonym" and _armed_group_after().match(doc.text, mention.end):
                        return []  # 'support for Malian rebels': the rebels are backed, not their country
                    kin = _KIN_NOUN.match(doc.text, mention.end)
                    if kin is not None:
                        # "support for Armenia's neighbour, Azerbaijan": the party named after the kin noun
                        named = next((m for m in mentions if m.start >= kin.end()), None)
                        return [named] if named is not None and named.start - kin.end() <= 4 \
                            and _is_target(named, actor) else []
                    if candidate.trigger.list:
                        # 'lifted its veto on Albania and North Macedonia': every party of a list right after it
                        return [m for m in _following_list(doc, mention, mentions) if _is_target(m, actor)]
                    return [mention]
                return []
        return []
    if rule == "near":
        found = _right_targets(doc, candidate, mentions, actor, adjacent=False)
        if found and isinstance(found[0], Mention) and candidate.relation == "rejects" \
                and re.search(r"\bto\s+[a-z]+\b", doc.text[candidate.end:found[0].start]):
            return []  # 'rejected Western calls to condemn Tehran': the party is in what the calls ask
        if found and isinstance(found[0], Mention) and _SAYER_AFTER.match(doc.text, found[0].end):
            return []  # 'lodged a protest, spokeswoman Ana Cruz said': the one who says it is no target
        if found and isinstance(found[0], Mention) and len(doc.text[candidate.end:found[0].start].split()) <= 6:
            # ('in protest at the three governments' decision': one phrase standing for several parties)
            return [t for t in found if isinstance(t, Mention) and (t.start, t.end) == (found[0].start, found[0].end)]
        return []
    if rule == "object":
        return _object_target(doc, candidate, mentions, actor)
    if rule == "subject":
        return _subject_target(doc, candidate, mentions, actor)
    if rule == "charged":
        return _charged_target(doc, candidate, mentions, actor)
    if rule == "any":
        return _any_target(doc, candidate, mentions, actor)
    if rule == "host":
        # 'Caracas freed six Americans after a visit by envoy Ian Hay': a visit told as the time of the main
        # clause's act is to the main clause's subject
        if not _VISIT_AS_TIME.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                     candidate.head_start):
            return []
        hosts = [m for m in mentions if m.end <= candidate.head_start and _can_act(m) and m.country
                 and m.type in ("country", "organization", "person") and m.via not in ("demonym", "pronoun")
                 and not _after_preposition(doc, m, mentions, candidate.sentence.start)]
        return hosts[:1] if hosts and hosts[0].country != actor.country else []
    if rule == "dateline":
        # 'Xi is on a state visit' under a LIMA dateline: the dateline's country hosts the visit
        host = doc.dateline
        if any(m.type == "country" and m.country != host and _PLACE_BEFORE.search(
                doc.text, max(candidate.sentence.start, m.start - 12), m.start) for m in mentions):
            return []  # 'Putin later flew to Vietnam to begin a state visit' under a SEOUL dateline
        if host and host != actor.country and candidate.head_start >= doc.dateline_start:
            return [Mention(candidate.head_start, candidate.head_end, doc.text[candidate.head_start:candidate.head_end],
                            "country", host, host, "", "dateline")]
        return []
    if rule == "place":
        for mention in mentions:
            if mention.type == "country" and _is_target(mention, actor) and mention.via in ("name", "capital"):
                before = doc.text[max(candidate.sentence.start, mention.start - 8):mention.start]
                if re.search(r"\b(?:in|at)\s+$", before):
                    return [mention]
        return []
    if rule == "proposer":
        return _proposer(doc, candidate, actor)
    if rule == "none":
        return []  # only the parties of the actor's own list, toward each other ('A and B agreed to ...')
    if rule == "answered":
        return _bare_refusal_of_demand(doc, candidate, actor)
    if rule == "within":
        for mention in mentions:
            if mention.start >= candidate.end and mention.start - candidate.end <= 40 \
                    and mention.type == "country" and mention.country != actor.country:
                between = doc.text[candidate.end:mention.start]
                if re.fullmatch(r"\s*(?:in|over|on|across|throughout|inside|into|within)\s+(?:the\s+)?", between):
                    return [mention]
        return []
    return _right_targets(doc, candidate, mentions, actor, adjacent=rule == "adjacent")


#: A condition on a party opening the sentence, then a pronoun for it: 'If Chile wants talks, it must', 'If Chile
#: persists, it will bear'
_CONDITION_OPENING = re.compile(r"\s*(?:If|Unless|Should)\s+(?:the\s+)?$")
_CONDITION_PRONOUN = re.compile(r",\s*(?:then\s+)?(?:it|they)\s+(?:[a-z]+ly\s+)?$")


def _conditioned_party(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """The party a sentence's opening condition names, when 'it' right before the trigger stands for it: the
    speaker asks or warns the party set the condition ('If Chile truly wants talks, it must stop the raids')."""
    if not _CONDITION_PRONOUN.search(doc.text, candidate.sentence.start, candidate.head_start):
        return None
    first = next((m for m in mentions if m.start >= candidate.sentence.start), None)
    if first is None or not _CONDITION_OPENING.fullmatch(doc.text, candidate.sentence.start, first.start) \
            or not _is_target(first, actor) or first.type != "country":
        return None
    clause = doc.text[first.end:candidate.head_start]
    return first if clause.count(",") == 1 and not re.search(r"[.;:]", clause) else None


#: Between the people's demonym and the verb that frees them: ' sailors ', ' nationals were '
_PEOPLE_BEFORE_VERB = re.compile(r"\s+(?:[\w-]+\s+)?(?:sailors|nationals|citizens|prisoners|detainees|fishermen|"
                                 r"soldiers|journalists|tourists|men|women|crew(?:\s+members)?)\s+"
                                 r"(?:who\s+)?(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+|being\s+)?")
#: 'after a visit by', 'following a trip by': a visit told as the time of another act
#: A nationality right before the people noun opening the wording ('British-Iranian dual nationals held in'), or
#: a plural nationality before a relative clause that opens it ('Six Canadians who had been detained in')
_NATIONALITY_OF_NOUN = re.compile(r"(?:-[A-Z][a-z]+)?\s+(?:dual\s+)?|\s+(?:who|that)\s+(?:had|have|has)\s+been\s+")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|his|her|their)\s+$", re.I)
_INCLUDING_AFTER = re.compile(r"(?:\s+[\w-]+){0,4}?,?\s+(?:including|among\s+them|among\s+whom|of\s+whom)\s+")
_VISIT_AS_TIME = re.compile(r"\b(?:after|following|during|since|ahead\s+of)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}$",
                            re.I)


def _demanders(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'The Kremlin dismissed the demands': a rejection of demands with no party named rejects the parties
    of the latest demand in the document (the leaders who made it), when they are not the actor's side."""
    # what a rejection can answer (words.csv ANSWERED): 'dismissed the demands' rejects whoever made them
    if candidate.relation != "rejects" or not _cue("ANSWERED").search(doc.text, candidate.head_start, candidate.end):
        return []
    if not doc.demands or not 0 <= candidate.sentence.index - doc.demands[-1][0] <= 12:
        return []
    latest = doc.demands[-1][0]
    found = {m.country: m for index, m in doc.demands if index == latest and m.country != actor.country}
    return list(found.values())


#: A refusal that ends its clause, naming nothing refused ('Washington initially refused.')
_CLAUSE_END = re.compile(r"\s*(?:[.;]|,\s+(?:but|and|saying)\b|$)")


def _bare_refusal_of_demand(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'Tehran insisted on talks with Washington. Washington refused.': a refusal with nothing after it answers
    the demand made in the same or the sentence before, and rejects those who made it."""
    if not _CLAUSE_END.match(doc.text, candidate.end) or not doc.demands \
            or not 0 <= candidate.sentence.index - doc.demands[-1][0] <= 1:
        return []
    latest = doc.demands[-1][0]
    found = {m.country: m for index, m in doc.demands if index == latest and m.country != actor.country}
    return list(found.values())


def _protesters(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'Beijing rejected the protest as groundless': a rejection of a protest or an accusation with no party
    named rejects whoever protested to the actor last (within twelve sentences)."""
    if candidate.relation != "rejects" or not _cue("PROTESTED").search(doc.text, candidate.head_start, candidate.end):
        return []
    for index, protester, target in reversed(doc.protests):
        if candidate.sentence.index - index > 12:
            break
        if target == actor.country and protester.country != actor.country:
            return [protester]
    return []


#: 'the measures', 'this move', 'the sanctions': an act named back as the object of a rejection or an accusation.
_MEASURE_OBJECT = re.compile(r"\s+(?:the|this|these|that|those|such)\s+(?:[\w-]+\s+)?(?:measures?|moves?|decisions?|"
                             r"steps?|sanctions|penalties|tariffs|expulsions?|ban|restrictions|actions?)\b", re.I)


def _measure_takers(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'Kigali called the measures unjustified': an accusation or a rejection of 'the measures' with no party
    named answers those who took the latest measure against the actor's side in the report."""
    if candidate.relation not in ("rejects", "accuses") or not doc.measures:
        return []
    if not _MEASURE_OBJECT.match(doc.text, candidate.head_end) and not _MEASURE_OBJECT.match(doc.text, candidate.end):
        return []
    for index, taker, _, _ in reversed(doc.measures):
        if not 0 <= candidate.sentence.index - index <= 8:
            return []
        if taker.country and taker.country != actor.country:
            return [taker]
    return []


def _program_name(doc: _Doc, candidate: _Candidate) -> str:
    tail = doc.text[candidate.end:candidate.sentence.end]
    quoted = _QUOTED_NAME.search(tail)
    if quoted:
        return quoted.group(1).strip(" .,")
    called = _CALLED.search(tail)
    if called:
        return called.group(1).strip(" .,“”\"")
    inside = re.search(r"((?:[A-ZÀ-Þ][\w'’-]*\s+)(?:[\w'’-]+\s+){0,4}?)(?:program|programme|plan|initiative|scheme)",
                       doc.text[candidate.head_end:candidate.end])
    if inside:
        return inside.group(1).strip()
    words = re.findall(r"[\w'’-]+", doc.text[candidate.head_end:candidate.sentence.end])
    phrase = " ".join(words[:9]).strip()
    return phrase if len(words) >= 3 else ""


#: Verbs that put forward what the other side rejects ('Moscow put forward a condition', 'terms set by Brussels')
_PROPOSING = (r"(?:put\s+forward|proposed|made|offered|set(?:\s+out)?|laid\s+down|tabled|presented|submitted|floated|"
              r"issued|drew\s+up|drawn\s+up|suggested|sent|delivered|imposed|attached)")
#: After the proposal's noun: 'from', 'by' or a proposing participle with 'by' ('terms set by the EU')
_PROPOSED_BY = re.compile(r"\s+(?:" + _PROPOSING + r"\s+)?(?:by|from)\s+(?:the\s+)?")
#: Between a subject and the proposal's noun it put forward ('Moscow had put forward a new condition')
_PUT_FORWARD = re.compile(r"\s+(?:(?:has|have|had|also|earlier|already|\w+ly)\s+)*" + _PROPOSING
                          + r"\s+(?:(?:a|an|the|its|their|new|[\w-]+)\s+){0,3}")
#: After the wording: the proposal's own passive ('..., were set by Brussels')
_PROPOSED_LATER = re.compile(r"[^.;:]{0,60}?\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
                             + _PROPOSING + r"\s+by\s+(?:the\s+)?")


def _proposer(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """Who put forward the proposal the wording opens with ('a condition that Tbilisi rejected'): the party after
    'by' or 'from' right after its noun ('terms set by Brussels'), a possessive before it ('Moscow's offer'), the
    subject that put it forward ('Moscow put forward a condition'), or the party of its own passive after the
    wording ('The terms, which were rejected by Belgrade, were set by Brussels'). None named: no target."""
    mentions = [m for m in doc.mentions(candidate.sentence) if _is_target(m, actor)]
    for mention in mentions:
        if candidate.head_end < mention.start < candidate.end \
                and _PROPOSED_BY.fullmatch(doc.text, candidate.head_end, mention.start):
            return [_as_country(mention) if mention.via == "demonym" else mention]
    for mention in reversed(mentions):
        if mention.end <= candidate.head_start:
            between = doc.text[mention.end:candidate.head_start]
            if re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,2}", between) or _PUT_FORWARD.fullmatch(between):
                return [_as_country(mention) if mention.via == "demonym" else mention]
            break
    later = _PROPOSED_LATER.match(doc.text, candidate.end, candidate.sentence.end)
    if later:
        for mention in mentions:
            if mention.start == later.end():
                return [_as_country(mention) if mention.via == "demonym" else mention]
    return []
