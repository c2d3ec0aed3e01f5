"""Toward whom: the targets of a trigger (`_find_targets`), following the trigger's target rule.

The rules themselves (right after the trigger, the object of a demand, the nationality of released people, the place
of a visit, a program's name) are read in `target_rules`; the readers of objects and subjects are in `objects`, the
places of a visit that name no country in `visit_places`, the one accused when a charge names others in
`accused_parties`, and for wording that names no other side the sender or counterpart comes from `senders`. This
step decides which rules to try (none for a charge against one's own side, a rule for everyone, a body of states as
the object; the countries listed for a counted group) and drops the parties a rule found that take no part in the
act: the source of a report, the standard of a comparison, the place where it happened, a party listed with the
actor.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.accused_parties import (
    _accused_antecedent,
    _accuses_own_side,
    _doer_of_object,
    _group_charged_in_relative,
    _harmed_before,
    _named_beside_unnamed,
    _non_state_agent,
    _others_grievance,
    _principal_of_agents,
)
from graph.extract.answered import _demanders
from graph.extract.attribution import _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _following_list, _listed_with, _pronoun_for_list
from graph.extract.document import _RELATIVE, _Doc
from graph.extract.drafts import drafters, rejects_a_draft
from graph.extract.implicit_targets import _unnamed_other_side
from graph.extract.lexicon import _cue
from graph.extract.objects import _violent_act
from graph.extract.target_rules import _group_object, _targets_by_rule, _unnamed_object
from graph.extract.target_wordings import (
    _affiliation_nationality,
    _charged_nationals,
    _judge_of_act,
    _measure_of_another,
    _measure_on_own_side,
    _model_followed,
    _outlet_nationality,
    _owner_of_labelled_it,
    _stops_what_called,
    _summoned_addressee,
)
from graph.extract.trip_senses import at_gathering_edge
from graph.extract.victims import suffers_charge
from graph.extract.visit_places import _named_site, _region_before, _region_next, place_of_owner
from graph.records import Mention

#: A verb of taking people in at the end of a wording, then a number or 'the': 'agreed to host the', 'to receive 90'
_HOSTING = re.compile(r"(?:host|hosts|hosting|hosted|shelter\w*|receive|receiving|take\s+in|resettle)$", re.I)
_PEOPLE_GAP = re.compile(r"\s+(?:the\s+|some\s+|\d[\d,]*\s+)?")


def _hosted_people(doc: _Doc, candidate: _Candidate, mention: Mention) -> bool:
    """Whether the party after a trigger is a plural nationality taken in ('agreed to host the Nicaraguans'):
    people, not their state, which is no partner of the one hosting them."""
    if mention.via != "demonym" or not doc.text[mention.start:mention.end].endswith("s"):
        return False
    gap = _PEOPLE_GAP.fullmatch(doc.text, candidate.end, mention.start)
    return gap is not None and _HOSTING.search(doc.text, candidate.head_start, candidate.end) is not None


#: A plural group of states right after a trigger: ' the Seven countries', ' the Western governments'
#: (lower case: 'the United States' is a country)
#: (also a region held sway over, and the governments one takes from: 'accepts the return of its citizens from
#: foreign governments'; people 'from other countries' are of other nations, which says nothing of who sends them)
_GROUP_OBJECT = re.compile(r"\s+(?:[Tt]he\s+|[Tt]hese\s+|[Tt]hose\s+)(?:[\w-]+\s+){0,2}?"
                           r"(?:countries|nations|states|governments)\b|\s+from\s+(?:foreign|other)\s+governments\b"
                           # 'a stance against socialist regimes in the region': a kind of government, no one of them
                           r"|\s+(?:[a-z][\w-]*\s+)?regimes\b|\s+[a-z][\w-]*\s+governments\b"
                           # 'held sway over the region': a whole region, no one country of it
                           r"|\s+(?:over|across|throughout)\s+(?:the|this|that|a|their|its)\s+(?:[\w-]+\s+)?"
                           r"(?:region|regions|area|continent|hemisphere|neighbou?rhood|islands)\b")


def _unresolved_group(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger's object is a group of states that stands for no country named (no mention begins
    there): the text names its other side, so the document's main other side is no guess to make."""
    match = _GROUP_OBJECT.match(doc.text, candidate.end)
    if match is None:
        return False
    at = match.start() + len(match.group()) - len(match.group().lstrip())
    return not any(m.start == at for m in doc.mentions(candidate.sentence))


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


@cache
def _worlds_voice() -> re.Pattern[str]:
    """The last word of a wording said to be everyone's (words.csv WORLD_VOICES): 'international criticism',
    'global pressure'. A court is none (words.csv COURTS): 'took Ecuador to the world court' names who is taken
    there."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["WORLD_VOICES"] + r")\s+(?!(?:" + classes["COURTS"] + r")$)[a-z-]+$", re.I)


@cache
def _visit_timing() -> re.Pattern[str]:
    """A phrase that dates an act by a trip, up to the visitor named after it: 'following a visit from Secretary of
    State ', 'after the trip by ' (words.csv VISIT_TIMING, TRIP_WORDS; titles and names in capitals between)."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["VISIT_TIMING"] + r")\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:" + classes["TRIP_WORDS"] + r")\s+(?:from|by|of)\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|of)\s+)"
                      r"{0,5}$")


def _visitor_of_timing(doc: _Doc, candidate: _Candidate, mention: Mention) -> bool:
    """Whether a party after the trigger is named only as the one whose visit the act followed ('Bolivia scrapped
    its pact following a visit from Marco Rubio'): the visit tells when, and the visitor is no party to the act."""
    return mention.start > candidate.end and _visit_timing().search(doc.text, candidate.end, mention.start) is not None


def _find_targets(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention | str]:
    """Targets for a trigger: mentions, or a program name (str) for launchedProgram.

    The trigger's target rule may chain fallbacks with '|' ('right|implicit': the party after the trigger,
    else the document's other side).
    """
    if candidate.patient is not None:
        return list(candidate.listed_patients or [candidate.patient])
    if rejects_a_draft(doc, candidate):
        return list(drafters(doc, candidate, actor))  # 'vetoed the draft tabled by France': its drafters, or nobody
    if candidate.relation == "visits" and _region_next(doc.text, candidate.end):
        return []  # "Premier Li's tour of Africa": a trip to a region names no country visited
    antecedent = _accused_antecedent(doc, candidate, actor)
    if antecedent is not None:
        return [antecedent]  # 'from Algeria, which they accuse of downing a drone': the party the clause is on
    beside = _named_beside_unnamed(doc, candidate, actor)
    if beside:
        return beside  # 'accused Western nations and Zelensky of': the party listed with the unnamed group
    if candidate.relation == "accuses" and _REASON_AFTER.match(doc.text, candidate.head_end) \
            and _RELATIVE_OBJECT.search(doc.text, max(candidate.sentence.start, candidate.head_start - 80),
                                        candidate.head_start):
        return []  # 'the ex-president, whom Mulino blamed for the crisis with the US': the blamed one is 'whom'
    what_called = candidate.relation == "accuses" and _WHAT_CALLED.search(
        doc.text, max(candidate.sentence.start, candidate.head_start - 40), candidate.head_start) is not None \
        and not _LABEL_OWNED.match(doc.text, candidate.head_end)
    if _charged_nationals(doc, candidate):
        return []  # 'deported 200 Venezuelans, accusing them of gang membership': the people, not their state
    if candidate.relation == "accuses" and _unnamed_object().match(doc.text, candidate.end) \
            and _OF_AFTER.match(doc.text, candidate.end):
        return []  # 'accuses the opposition of working with the CIA': the accused is the opposition
    if candidate.relation in ("accuses", "rejects") and _ANY_OBJECT.match(doc.text, candidate.end) \
            and not _ANY_OBJECT.match(doc.text, candidate.head_end):
        return []  # 'reiterated its rejection of any forced displacement': a rule for everyone, nobody's act
    if candidate.relation in ("accuses", "rejects") and _ANY_OBJECT.match(doc.text, candidate.head_end) \
            and not (candidate.relation == "rejects" and _any_pressure().match(doc.text, candidate.head_end)) \
            and not doc.text[candidate.head_start:candidate.end].lower().endswith(" with") \
            and not any(m.via == "demonym" and m.start == _ANY_OBJECT.match(doc.text, candidate.head_end).end() + 1
                        for m in doc.mentions(candidate.sentence)) \
            and not _any_act_with_doer().match(doc.text, candidate.head_end):
        # ('rejecting any Russian claim': whatever Russia claims, Russia's; 'reject any talks with Chile' names
        # the other side after 'with')
        return []  # 'opposed any action that raises tensions': a rule for everyone, nobody's act in particular
    if _any_partner().match(doc.text, candidate.end) or _unnamed_other_side(doc, candidate,
                                                                          doc.mentions(candidate.sentence)):
        return []  # 'has the right to enter into accords with any country': a partner left open is no party
    if _makers_named_after(doc, candidate):
        # 'rejected a demand from Arab leaders for a truce in Lebanon': its makers are no state named here, but
        # may be the parties of the latest demand told
        return list(_demanders(doc, candidate, actor))
    if candidate.relation == "accuses" and _others_grievance(doc, candidate, actor):
        return []  # 'the Chadian envoy undertook to convey Sudan's concerns': a messenger of another's grievance
    if candidate.relation == "accuses" and _group_charged_in_relative(doc, candidate):
        return []  # 'a Rwandan Hutu militia that Kigali regards as a threat': the militia is charged, no state
    if candidate.relation == "accuses" and _accuses_own_side(doc, candidate, actor):
        return []  # 'accusing Mr Biden of siding with China': a quarrel at home, the charge names no target
    if candidate.relation == "accuses":
        principal = _principal_of_agents(doc, candidate, actor)
        if principal is not None:
            return [principal]  # 'accused two men of being agents of the Nigerien junta': the junta's state
        doer = _doer_of_object(doc, candidate, actor)
        if doer is not None:
            # 'the decision by the Polish, Hungarian and Slovakian governments': every one of them
            return [m for m in _following_list(doc, doer, doc.mentions(candidate.sentence)) if _is_target(m, actor)]
    if candidate.relation in ("accuses", "demands") \
            and _EVERYONE.match(doc.text, candidate.head_end, max(candidate.end, candidate.head_end + 30)):
        return []  # 'called for the international community to resist any hegemonic act': everyone, nobody named
    if candidate.relation in ("rejects", "accuses") and _worlds_voice().search(doc.text, candidate.head_end,
                                                                               candidate.end) \
            and not _FROM_AFTER.match(doc.text, candidate.end):
        return []  # 'Abinader has rejected international criticism of the deportations': everyone's, nobody named
    if _object_is_a_body(doc, candidate):
        return []  # 'suspended cooperation with the IAEA after Israeli strikes': the body is the other side
    labelled = _owner_of_labelled_it(doc, candidate, actor)
    if labelled is not None:
        return [labelled]  # 'deplored the move of the Venezuelan authorities, describing it as arbitrary'
    enumerated = _enumerated_group(doc, candidate, actor) \
        or _pronoun_for_list(doc, candidate.relation, candidate.head_end, candidate.sentence, actor)
    if enumerated:
        return enumerated
    if _measure_on_own_side(doc, candidate, actor) or _measure_of_another(doc, candidate, actor):
        return []  # ('considered the British sanctions baseless': Britain's measure, which Iran takes no part in)
    addressee = _summoned_addressee(doc, candidate, actor)
    if addressee is not None:
        return [addressee]
    for rule in candidate.trigger.target.split("|"):
        if rule in ("implicit", "host", "place") and candidate.relation == "visits" and (
                _named_site(doc, candidate) or _region_before(doc.text, candidate.head_start)):
            break  # 'visits by Koizumi to the Yasukuni shrine': the place visited is named, and is no country
        if rule == "implicit" and _unresolved_group(doc, candidate):
            break  # 'accused the Seven countries of ...': the other side is named, as a group no list resolves
        found = _targets_by_rule(doc, candidate, actor, rule)
        if found and candidate.relation in ("agreesToCooperate", "shiftsTowardCooperation") \
                and any(isinstance(m, Mention) and _unseated_leader(doc, m) for m in found):
            return []  # 'reiterated support for ousted president Mohamed Bazoum': backing a man out of office
        if found:
            found = [m for m in found if not (isinstance(m, Mention) and _in_actors_relative(doc, candidate, actor, m))]
            if found and all(isinstance(m, Mention) and _visitor_of_timing(doc, candidate, m) for m in found):
                return []  # 'scrapped its lithium pact following a visit from Marco Rubio': the visit dates the act
        if found:
            # 'The US slammed Russia for suspending the grain deal': who condemns the act is no party to it
            found = [m for m in found if not (isinstance(m, Mention) and _judge_of_act(doc, m, actor, candidate))]
            # 'at the meeting at the German Ramstein Air Base': a nationality naming where, no party
            # ('a lecturer at New Zealand's Massey University': where a commentator works, no party either)
            found = [m for m in found if not (isinstance(m, Mention) and (
                _site_nationality(doc, m) or _affiliation_nationality(doc, m) or (
                    rule == "implicit" and _outlet_nationality(doc, m))))]
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
                                              and (_COMPARED_BEFORE.search(doc.text, max(0, m.start - 12), m.start)
                                                   or _model_followed(doc, m)))]  # ('following Washington's lead')
            # 'a port in Somaliland, a region Somalia claims as its own': the subject of a clause describing a
            # place is no party to the act either
            found = [m for m in found if not (isinstance(m, Mention) and m.start > candidate.end
                                              and _PLACE_DESCRIBED_BEFORE.search(doc.text, max(0, m.start - 50),
                                                                                 m.start)
                                              and _holder_verb_after().match(doc.text, m.end))]
        if found and rule == "right":
            # 'agreed to host the Nicaraguans': the people hosted are no party to the deal; the partner is another
            hosted = [m for m in found if isinstance(m, Mention) and _hosted_people(doc, candidate, m)]
            if hosted:
                # ('... while they apply for entry to the United States': the party named after them is the partner)
                return [m for m in doc.mentions(candidate.sentence) if m.start > hosted[-1].end and m.country
                        and m.country not in (actor.country, hosted[-1].country)][:1]
        if found and what_called:
            # 'praised Mexico's leader for standing up to what he called "blackmail"': the thing so called is
            # another's, named after the label if at all, not the party the sentence names before it
            found = [m for m in found if not (isinstance(m, Mention) and m.end <= candidate.head_start
                                              and not _stops_what_called(doc, m))]
        if found and candidate.relation not in ("visits", "meetsWith"):
            # 'Iran and Sweden completed a prisoner swap in Muscat': a capital after 'in' or 'at' is where it
            # happened, when other parties are there to be the targets (alone, it is most often the partner's:
            # 'signed a deal in Beijing')
            kept = [m for m in found if not (isinstance(m, Mention) and m.via in ("capital", "place")
                                             and m.start > candidate.head_end
                                             and _IN_PLACE.search(doc.text, max(0, m.start - 8), m.start))]
            if kept or _listed_partner(doc, candidate, actor):
                found = kept
        if found and any(isinstance(m, Mention) and _located_in(doc, candidate, m) for m in found):
            # 'told delegates at an African Union meeting in Equatorial Guinea', 'support for armed groups in Congo
            # must end': the venue of a body's gathering and the ground armed groups hold are no party to the act
            found = [m for m in found if not (isinstance(m, Mention) and _located_in(doc, candidate, m))]
            if not found:
                return []
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
        if found and candidate.relation == "accuses":
            # 'called the episode "unacceptable pressure" on Greenland and Denmark': the parties a harm is done to
            # suffer it; the one accused is whoever does it
            found = [m for m in found if not (isinstance(m, Mention) and m.start > candidate.head_end
                                              and (_harmed_before().search(
                                                  doc.text, max(candidate.head_end, m.start - 60), m.start)
                                                   or suffers_charge(doc.text, m)))]
        if found and candidate.relation in _HOSTILE and any(isinstance(m, Mention) and _joint_partner(doc, candidate, m)
                                                            for m in found):
            # 'fired missiles during joint naval drills with Iran': the partner in a joint act
            # does it along with the actor, and suffers none of it
            found = [m for m in found if not (isinstance(m, Mention) and _joint_partner(doc, candidate, m))]
            if not found:
                return []
        if found and candidate.relation == "demands":
            # 'China and Vietnam should seize the opportunity': a party listed with the actor is asked along with
            # it, not by it
            found = [m for m in found if not (isinstance(m, Mention) and _listed_with(doc, m, actor))]
        if found and candidate.relation == "visits":
            found = [place_of_owner(doc, candidate, m) if isinstance(m, Mention) else m for m in found]
            # 'met his counterpart on the sidelines of an OPEC+ meeting in Vienna': the venue of a gathering
            # attended, no country visited
            found = [m for m in found if not (isinstance(m, Mention) and at_gathering_edge(doc.text, m.start))]
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


#: Relations one party takes against another
_HOSTILE = frozenset({"threatened", "threatenedSanctions", "accuses", "demands", "rejects"})
#: 'joint military exercises with ', 'a joint patrol with the ': the party next is a partner in the act
_JOINT_WITH_BEFORE = re.compile(r"\bjoint\s+(?:[\w-]+\s+){0,3}?with\s+(?:the\s+)?$", re.I)


def _joint_partner(doc: _Doc, candidate: _Candidate, mention: Mention) -> bool:
    """Whether the party is named after the trigger's wording as the partner of a joint act ('as part of joint
    drills with Belarus'; 'suspend joint consultations with Slovakia' names the target inside the wording)."""
    return mention.start > candidate.end \
        and _JOINT_WITH_BEFORE.search(doc.text, max(candidate.end, mention.start - 60), mention.start) is not None


#: A body's gathering right before a place: 'an African Union meeting in ', 'the G20 summit held in the '
_BODYS_GATHERING_IN = re.compile(r"\b(?:an?|the)\s+(?:[A-Z][\w-]*\s+){1,4}(?:meeting|summit|conference|forum|session|"
                                 r"assembly|gathering)\s+(?:held\s+)?(?:in|at)\s+(?:the\s+)?$")


@cache
def _armed_groups_in() -> re.Pattern[str]:
    """' rebels in ', ' armed groups in the ': a place named as where armed groups are (words.csv ARMED_GROUPS)."""
    return re.compile(r"\b(?:" + word_classes()["ARMED_GROUPS"] + r")\s+(?:operating\s+)?in\s+(?:eastern\s+|"
                      r"northern\s+|southern\s+|western\s+)?(?:the\s+)?$", re.I)


def _located_in(doc: _Doc, candidate: _Candidate, mention: Mention) -> bool:
    """Whether a party found for a meeting, a demand or a charge is only named as a location: the venue of a body's
    gathering for a meeting ('at an African Union meeting in Equatorial Guinea'), the ground of armed groups for a
    demand or a charge ('foreign support for armed groups in the DRC must end')."""
    if mention.type != "country" or mention.via not in ("name", "capital", "place"):
        return False
    before = doc.text[max(candidate.sentence.start, mention.start - 60):mention.start]
    if candidate.relation == "meetsWith":
        return _BODYS_GATHERING_IN.search(before) is not None
    if candidate.relation in ("demands", "accuses"):
        return _armed_groups_in().search(before) is not None
    return False


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


@cache
def _holder_verb_after() -> re.Pattern[str]:
    """What the subject of such a clause does to the place (words.csv HOLDER_VERBS): claims, controls or fears for
    it."""
    return re.compile(r"\s+(?:also\s+|still\s+)?(?:" + word_classes()["HOLDER_VERBS"] + r")\b")


_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.I)
#: Addressees that are everyone: a call on them names no party.
_EVERYONE = re.compile(r"\s*(?:for\s+|on\s+|upon\s+)?(?:the\s+)?(?:international\s+community|world"
                       r"|all\s+(?:parties|sides|countries|nations|states)|every\s+country)\b", re.I)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
_AT_THE = re.compile(r"\b(?:in|at)\s+the\s+$")
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")


def _site_nationality(doc: _Doc, mention: Mention) -> bool:
    """Whether `mention` is a nationality word qualifying a named place after 'at the' or 'in the' ('at the German
    Ramstein Air Base'): it says where, it names no party."""
    return mention.via == "demonym" and _AT_THE.search(doc.text, max(0, mention.start - 8), mention.start) is not None \
        and _NAME_NEXT.match(doc.text, mention.end) is not None


@cache
def _national_body() -> re.Pattern[str]:
    """A national body named without its country, as the actor finder reads it ('the ministry', 'the
    cabinet'): words.csv BODY_NOUNS at the end of the mention."""
    return re.compile(r"(?i)(?:" + word_classes()["BODY_NOUNS"] + r")$")


#: 'any action', 'all attempts', 'such moves': an object said of anyone
_ANY_OBJECT = re.compile(r"\s+(?:any|all|every|such)\b", re.I)


@cache
def _any_act_with_doer() -> re.Pattern[str]:
    """'opposes any visit by the leader of Taiwan to the US', 'any form of official interaction between the United
    States and Taiwan': an act of words.csv OPPOSED_ACTS whose doers are named right after it is theirs, however
    general the 'any' before it."""
    return re.compile(r"\s+any\s+(?:form\s+of\s+)?(?:[\w-]+\s+){0,2}?(?:" + word_classes()["OPPOSED_ACTS"]
                      + r")\s+(?:by|of|between)\b", re.I)


@cache
def _any_partner() -> re.Pattern[str]:
    """A partner left open right after the trigger (words.csv OPEN_PARTNERS after 'any' or 'every': 'accords with
    any country', 'ties to every other nation'): no party is named."""
    return re.compile(r"\s+(?:(?:with|to)\s+)?(?:any|every)\s+(?:other\s+)?(?:foreign\s+)?"
                      r"(?:" + word_classes()["OPEN_PARTNERS"] + r")\b", re.I)


@cache
def _any_pressure() -> re.Pattern[str]:
    """'not subject to any interference', 'would not accept any offer that' (words.csv PUT_UPON): pressure or an
    offer of any kind refused is what the other side puts forward, not a rule for everyone."""
    return re.compile(r"\s+any\s+(?:(?:kind|form|sort)\s+of\s+)?(?:foreign\s+|outside\s+|external\s+|such\s+)?"
                      r"(?:" + word_classes()["PUT_UPON"] + r")\b", re.I)


_OF_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?of\b")

_REASON_AFTER = re.compile(r"\s+(?:for|over)\b")
#: 'over what it called his "unacceptable comments"', '... comments made by': the label's owner is named
_LABEL_OWNED = re.compile(r"(?:\s+as)?\s+(?:his|her|its|their)\b|[^.;]{0,60}?\b(?:made|voiced|issued|uttered)\s+by\b")
#: 'what he called', 'what Beijing described as': a label for a thing the clause leaves unnamed
_WHAT_CALLED = re.compile(r"\bwhat\s+(?:he|she|they|it|we|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+"
                          r"(?:has\s+|had\s+|have\s+|repeatedly\s+|once\s+)?$")
_RELATIVE_OBJECT = re.compile(r"\b(?:whom|which)\s+[^,;:.!?]*$")


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

