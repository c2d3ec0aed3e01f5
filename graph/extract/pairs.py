"""Who acts on whom in one trigger match: the (actor, targets) pairs it yields (`_candidate_pairs`).

The actor rules (attribution.py) and the target rules (target_rules.py) each read one side, but a match can name
several parties, so they are paired here: on a mutual relation the parties of a list act toward each other
('Xi and Boluarte signed', 'Ukraine and Russia each returned prisoners') unless a partner is named after 'with'
or the deal is one like another party's ('agreed to a similar arrangement'); 'the two sides' carry no bare
'agreed to'; envoys told to leave are expelled by the country they leave ('its consul must leave Belarus'),
staff sent away by their own government by nobody ('told its embassy staff to leave'), nor troops a party
withdrew itself ('withdrew its troops from Niger after the junta ordered them to leave'); a firm speaks for no
state. The checks that turn a pair round, drop it or add parties by the shape of the wording (a pact's partner
is not the one leaving it, a hostile act reported in the passive charges its doer) are pair_corrections.py's.
Which of a sentence's matches stand, and the events they make, is events.py's step.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.attribution import _find_actors
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _CHARGES_AND_CLAIMS, _listed_subject, _measure_agreed_on_another
from graph.extract.departures import (
    _own_envoys_told_to_leave,
    _own_staff_sent_away,
    _speakers_side_sent_away,
    _staff_ordered_out,
)
from graph.extract.document import _Doc
from graph.extract.drafts import drafters_speaking
from graph.extract.listed_states import states_listed_after_dash
from graph.extract.nominal_refusals import refused_sides_named
from graph.extract.owned_pacts import pacts_owned_by_adjectives
from graph.extract.owners import own_staff_leaving
from graph.extract.pair_corrections import (
    _STATE_VOICE,
    _aid_received_ended,
    _charged_party_as_actor,
    _doer_named_as_object,
    _doerless_act_condemned,
    _holder_lifts,
    _joiners,
    _joint_meeting,
    _leaving_own_pact,
    _opposition_figures_dropped,
    _own_nationals_held_elsewhere,
    _own_pair_addressed,
    _own_punishment_expected,
    _owner_eases,
    _pair_subject_reported,
    _partners_of_a_deal,
    _reciprocal_partners,
    _reported_hostile_act,
    _reporter_as_target,
    _senders_place_as_taker,
)
from graph.extract.target_rules import _targets_by_rule
from graph.extract.targets import _find_targets
from graph.records import Mention

#: 'called on' and a name right after it: the one called on, named ('called on the M23'), even when it is no state
_CALLED_ON = re.compile(r"\bcall(?:s|ed|ing)?\s+(?:on|upon)\b", re.I)
_NAMED_OBJECT = re.compile(r"\s+(?:the\s+)?[A-Z0-9][\w-]*")
#: Relations where a list of actors acts toward each other ('A and B signed a deal').
_MUTUAL = {"meetsWith", "agreesToCooperate", "releasesDetainees"}
_SYMMETRIC_RELATIONS = {"meetsWith", "agreesToCooperate"}


@cache
def _release_noun() -> re.Pattern[str]:
    """A noun of release (words.csv RELEASE_NOUNS): 'the release of all hostages' discussed by two leaders is
    nobody's release to the other."""
    return re.compile(r"(?:" + word_classes()["RELEASE_NOUNS"] + r")", re.I)


#: 'agreed to a similar arrangement': a deal like one made with someone else
_SIMILAR_DEAL = re.compile(r"\b(?:similar|same|such|comparable|parallel)\s+(?:arrangement|deal|agreement|pact|accord|"
                           r"scheme)s?\b", re.I)
#: wording that makes listed parties act toward each other ('traded accusations')
#: ('Armenia and Azerbaijan trade accusations': a headline's present tense, not the noun 'trade ties')
_RECIPROCAL = re.compile(r"\b(?:each\s+other|one\s+another|traded|trading|exchanged|exchanging|"
                         r"(?:trade|trades|exchange|exchanges)\s+(?:accusations|blame|insults|barbs|recriminations|"
                         r"charges))\b")


@cache
def _between_them() -> re.Pattern[str]:
    """What lies between the two parties of a list (words.csv SHARED_BETWEEN: 'mended ties', 'reopened their
    shared border'): the act is between them."""
    return re.compile(r"\b(?:" + word_classes()["SHARED_BETWEEN"] + r")\b")


_SUPPORT_WORDING = re.compile(r"\b(?:support|backing|solidarity|endors\w*)\b", re.I)
_AT_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


@cache
def _gift_noun() -> re.Pattern[str]:
    """A thing given (words.csv RELIEF_FORMS, GIFT_NOUNS) inside a trigger's wording."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["RELIEF_FORMS"] + "|" + classes["GIFT_NOUNS"] + r")\b", re.I)


def _co_givers(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether a cooperation wording tells a thing given ('China, UK pledge aid for flood-hit areas', 'Greece and
    Spain sent rescuers'): the parties named together give side by side to a third, so they are no partners of
    each other; only a partner the sentence names gets the gift."""
    if candidate.relation != "agreesToCooperate":
        return False
    # ('rescue teams from Japan and Greece are on the way': the thing given is the subject of a wording of arrival)
    start = candidate.sentence.start if candidate.trigger.require_class == "RELIEF_FORMS" else candidate.head_start
    return _gift_noun().search(doc.text, start, candidate.end) is not None


def _focus_receivers(doc: _Doc, candidate: _Candidate, actor: Mention, actors: list[Mention]) -> list[Mention]:
    """'Rescue teams from Italy and Israel are on the way': a gift told with no receiver goes to the country the
    report is about (target rule 'focus'), for each giver of the list; the givers are no partners of each other."""
    if "focus" not in candidate.trigger.target.split("|") or not _co_givers(doc, candidate):
        return []
    givers = {a.country for a in actors}
    return [t for t in _find_targets(doc, candidate, actor)
            if isinstance(t, Mention) and t.via == "implicit" and t.country not in givers]


def _weak_for_pair(candidate: _Candidate, actors: list[Mention]) -> bool:
    """A bare 'agreed to' (target rule 'none') counts between parties named in a list, not for 'the two
    sides', whose resolution to the last two named is too often wrong to carry so weak a trigger."""
    return candidate.trigger.target == "none" and len(actors) > 1 and len({(a.start, a.end) for a in actors}) == 1


#: From this many parties on, a text they all agreed to or signed is a bloc's declaration, not a pact of each
#: with each
_MANY_PARTIES = 5


def _many_signatories(candidate: _Candidate, actors: list[Mention]) -> bool:
    """'The declaration was signed by Brazil, Uruguay, Paraguay, Argentina and Chile': a joint text of a bloc
    binds no two of its signers to each other; read pairwise, one list makes dozens of bilateral pacts."""
    return candidate.relation == "agreesToCooperate" and len({a.country for a in actors}) >= _MANY_PARTIES


def _joint_presence_of_states(doc: _Doc, candidate: _Candidate, actors: list[Mention]) -> bool:
    """'Xi and Boluarte inaugurated the port' is a meeting of the two leaders; 'envoys from Nepal and Bhutan
    attended the ceremony' is two delegations in one room, not a meeting of their countries."""
    return candidate.relation == "meetsWith" and candidate.trigger.target == "with" \
        and (any(actor.type != "person" for actor in actors) or _discussed_on_a_call(doc, candidate)) \
        and not _held_talks().search(doc.text, candidate.head_start, candidate.end)


#: A conversation held at a distance, told in the sentence or near the top of the document ('Readout of the
#: President's Call with', 'spoke by phone')
_ON_A_CALL = re.compile(r"\b(?:(?:phone|telephone|video)[\s-]*(?:calls?|conversations?|talks|conferences?)|"
                        r"calls?\s+with|by\s+(?:phone|telephone|video)|over\s+the\s+phone|videoconferences?|"
                        r"virtual\s+(?:meeting|talks|summit))\b", re.I)


@cache
def _go_between_agents() -> re.Pattern[str]:
    """A go-between's participle and 'by' right before a list of parties (words.csv GO_BETWEEN): 'negotiations
    mediated by', 'a truce brokered by the'."""
    return re.compile(r"\b(?:" + word_classes()["GO_BETWEEN"] + r")\s+by\s+(?:the\s+)?$", re.I)


def _listed_go_betweens(doc: _Doc, actors: list[Mention]) -> bool:
    """'negotiations mediated by the United States and France': the list is the agent of the mediation, two
    helpers of other parties' talks, who neither meet nor deal with each other there."""
    first = min(actors, key=lambda actor: actor.start)
    return _go_between_agents().search(doc.text, max(0, first.start - 40), first.start) is not None


def _discussed_on_a_call(doc: _Doc, candidate: _Candidate) -> bool:
    """'Trump and Modi discussed plans' in the readout of a call: two leaders who discuss are meeting, unless
    the document tells their conversation as a call."""
    return doc.text[candidate.head_start:candidate.head_end].lower().startswith("discuss") \
        and (_ON_A_CALL.search(candidate.sentence.text) is not None
             or _ON_A_CALL.search(doc.text, 0, min(len(doc.text), 400)) is not None)


@cache
def _unnamed_partner_after() -> re.Pattern[str]:
    """Partners left unnamed after 'with' a few words past the trigger (words.csv PARTNER_COUNTS,
    PARTNER_MODIFIERS, PARTNER_NOUNS, OPEN_PARTNERS): 'each signed a pact with at least one partner',
    'held talks with regional partners' (a trigger may end on its own 'with')."""
    classes = word_classes()
    return re.compile(r"\s+(?P<with>(?:[\w-]+\s+){0,3}?with\s+)?(?:at\s+least\s+|more\s+than\s+|up\s+to\s+)?"
                      r"(?:(?:" + classes["PARTNER_COUNTS"] + r")\s+)?(?:(?:" + classes["PARTNER_MODIFIERS"]
                      + r")\s+)?(?:[a-z][\w-]*\s+)?(?:" + classes["PARTNER_NOUNS"] + "|" + classes["OPEN_PARTNERS"]
                      + r")\b", re.I)


def _dealt_with_unnamed_partners(doc: _Doc, candidate: _Candidate) -> bool:
    """'Tonga, Nauru and Palau each signed a pact with at least one partner': the listed parties each
    dealt with someone the sentence leaves unnamed, so none of them dealt with another of the list."""
    match = _unnamed_partner_after().match(doc.text, candidate.end)
    return match is not None and (match.group("with") is not None
                                  or doc.text[candidate.head_start:candidate.end].lower().endswith("with"))


def _met_a_body(doc: _Doc, candidate: _Candidate) -> bool:
    """'The presidents of Peru and Bolivia met EU leaders': the list met the party named right after the verb, a
    body of no one country, not each other."""
    if candidate.relation != "meetsWith":
        return False
    after = _RIGHT_AFTER.match(doc.text, candidate.end)
    return after is not None and any(m.start == after.end() and not m.country and m.type == "organization"
               for m in doc.mentions(candidate.sentence))


_RIGHT_AFTER = re.compile(r"\s+(?:with\s+)?(?:the\s+)?")


@cache
def _held_talks() -> re.Pattern[str]:
    """Talks held by a list of parties are between them ('Japan and South Korea held consultations in Seoul'; the
    nouns are words.csv HELD_TALKS)."""
    return re.compile(r"\b(?:" + word_classes()["HELD_TALKS"] + r")\b", re.I)


def _candidate_pairs(doc: _Doc, candidate: _Candidate) -> list[tuple[Mention, list[Mention | str]]]:
    """The (actor, targets) pairs a trigger match yields."""
    if _own_staff_sent_away(doc, candidate):
        return []
    pairs = _own_envoys_told_to_leave(doc, candidate, _candidate_pairs_as_read(doc, candidate))
    pairs = _speakers_side_sent_away(doc, candidate, pairs)
    pairs = own_staff_leaving(doc, candidate, pairs)
    pairs = _staff_ordered_out(doc, candidate, pairs)
    pairs = _partners_of_a_deal(doc, candidate, pairs)
    pairs = pacts_owned_by_adjectives(doc, candidate, pairs)
    pairs = refused_sides_named(doc, candidate, pairs)
    pairs = _senders_place_as_taker(doc, candidate, pairs)
    pairs = _joiners(doc, candidate, pairs)
    pairs = _reported_hostile_act(doc, candidate, pairs)
    pairs = _doer_named_as_object(doc, candidate, pairs)
    pairs = _charged_party_as_actor(doc, candidate, pairs)
    pairs = _reporter_as_target(doc, candidate, pairs)
    pairs = _doerless_act_condemned(doc, candidate, pairs)
    pairs = _leaving_own_pact(doc, candidate, pairs)
    pairs = _holder_lifts(doc, candidate, pairs)
    pairs = _owner_eases(doc, candidate, pairs)
    pairs = _own_punishment_expected(doc, candidate, pairs)
    pairs = _opposition_figures_dropped(doc, candidate, pairs)
    pairs = _own_nationals_held_elsewhere(doc, candidate, pairs)
    _aid_received_ended(doc, candidate, pairs)
    pairs = _joint_meeting(doc, candidate, pairs)
    pairs = _reciprocal_partners(doc, candidate, pairs)
    pairs = _pair_subject_reported(doc, candidate, pairs)
    pairs = _own_pair_addressed(doc, candidate, pairs) or states_listed_after_dash(doc, candidate)
    if candidate.relation in _STATE_VOICE:
        # 'Huawei said the German probe is discriminatory': a firm is no state's voice (it may still be the
        # target of a state's measure)
        pairs = [(actor, targets) for actor, targets in pairs if actor.via != "company"
                 and (actor.via != "state-company" or candidate.relation == "exertsInfluenceOn")]
        # ('Cosco runs the port of Chancay': a firm the state owns holds the port for it, though it speaks for no one)
    if candidate.relation == "accuses":
        # 'China hit out at the sale of CK Hutchison's ports': criticising a firm charges no state
        pairs = [(actor, [t for t in targets if not (isinstance(t, Mention) and t.via in ("company", "state-company"))])
                 for actor, targets in pairs]
    return pairs


def _candidate_pairs_as_read(doc: _Doc, candidate: _Candidate) -> list[tuple[Mention, list[Mention | str]]]:
    """The (actor, targets) pairs a trigger match yields, read in text order."""
    pairs = []
    actors = _find_actors(doc, candidate) or drafters_speaking(doc, candidate)
    if actors and actors[0].via != "pronoun":
        doc.recent[candidate.relation] = (candidate.sentence.index, actors[0])
    reciprocal = _RECIPROCAL.search(doc.text, candidate.head_start, candidate.end + 20)
    for actor in actors:
        if _weak_for_pair(candidate, actors):
            continue
        if len(actors) > 1 and _SIMILAR_DEAL.search(doc.text, candidate.head_start, candidate.end + 30):
            # 'Ghana and Togo had agreed to a similar arrangement': each with the party of the first deal, not
            # with each other
            others = {a.country for a in actors}
            targets = [t for t in _find_targets(doc, candidate, actor)
                       if isinstance(t, Mention) and t.country not in others]
            if targets:
                pairs.append((actor, targets))
            continue
        if len(actors) > 1 and (candidate.relation in _SYMMETRIC_RELATIONS or reciprocal):
            # 'Abiy and Mohamud held sessions with Erdogan': each listed party with the named partner;
            # 'Somalia and Ethiopia agreed in Ankara' (a place, no partner): the parties toward each other.
            partners = [] if reciprocal else [
                t for t in _find_targets(doc, candidate, actor) if isinstance(t, Mention)
                and t.country not in {a.country for a in actors}
                and not _AT_PLACE.search(doc.text[max(candidate.sentence.start, t.start - 8):t.start])
                and t.start >= candidate.head_start  # (a partner guessed from elsewhere in the document is none)
                and (_PARTNER_BEFORE.search(doc.text, candidate.head_start, t.start)
                     or re.fullmatch(r"\s*(?:the\s+)?", doc.text[candidate.end:t.start]) is not None)]
            partners = partners or _focus_receivers(doc, candidate, actor, actors)
            presser = _presser(doc, candidate, actors) if not partners and not reciprocal else None
            if presser is not None:
                # 'the Netherlands and Japan agreed to limit exports under pressure from Washington': each
                # gave way to the party that pressed them, not to the other
                partners = [presser]
            # 'both countries expelled each other's diplomats over Israel's killing of Palestinians': each
            # other, whoever else the sentence names
            targets = partners or ([] if _joint_presence_of_states(doc, candidate, actors)
                                   or _many_signatories(candidate, actors)
                                   or _SUPPORT_WORDING.search(doc.text, candidate.head_start, candidate.end)
                                   or _co_givers(doc, candidate)
                                   or _met_a_body(doc, candidate) or _measure_agreed_on_another(doc, candidate, actors)
                                   or _dealt_with_unnamed_partners(doc, candidate)
                                   or _listed_go_betweens(doc, actors)
                                   or (_CALLED_ON.search(doc.text, candidate.head_start, candidate.end) is not None
                                       and _NAMED_OBJECT.match(doc.text, candidate.end) is not None)
                                   else [other for other in actors if other.country != actor.country])
            # ('A, along with B, called on the M23 to stop': the one called on is named and is no state; the
            # callers do not meet each other)
            # ('ministers from Spain, Italy and Sweden expressed their backing for a truce': support for a thing,
            # not for each other)
            if targets:
                pairs.append((actor, targets))
            continue
        if len(actors) == 2 and (actors[0].start, actors[0].end) == (actors[1].start, actors[1].end) \
                and candidate.relation in ("shiftsTowardCooperation", "reducesCooperation"):
            # 'the two countries would restart cooperation': each toward the other, unless a party is named
            other = actors[1] if actor is actors[0] else actors[0]
            named = _targets_by_rule(doc, candidate, actor, "right")
            pairs.append((actor, [t for t in named if isinstance(t, Mention) and t.country != other.country]
                          or [other]))
            continue
        targets = _find_targets(doc, candidate, actor)
        if candidate.relation in _CHARGES_AND_CLAIMS and _listed_subject(doc, actors):
            # 'Albanese and Hipkins said the pact would undermine': parties listed as one subject act together
            targets = [t for t in targets if not (isinstance(t, Mention) and t.country in {a.country for a in actors})]
        if len(actors) == 2 and candidate.relation in ("shiftsTowardCooperation", "reducesCooperation") \
                and targets and all(isinstance(t, Mention) and t.via == "implicit" for t in targets):
            # 'since Morocco and Algeria resumed diplomatic relations': each toward the other, not a guess
            targets = [other for other in actors if other.country != actor.country]
        if not targets and len({a.country for a in actors}) == 2 \
                and candidate.relation in ("shiftsTowardCooperation", "reducesCooperation") \
                and _between_them().search(doc.text, candidate.head_start, candidate.end):
            # 'Kenya and Uganda mended ties': the ties are the pair's own, whatever else the document is about
            targets = [other for other in actors if other.country != actor.country]
        if _expelling_each_other(doc, candidate, actors, targets):
            targets = [other for other in actors if other.country != actor.country]
        if len(actors) > 1 and len({(a.start, a.end) for a in actors}) == 1 and candidate.relation not in _MUTUAL:
            # 'the two sides signed deals and French firms operate mines': a pair acts together, not on itself
            targets = [t for t in targets if not (isinstance(t, Mention) and t.country in {a.country for a in actors})]
        if not targets and len(actors) > 1 and candidate.relation in _MUTUAL \
                and not _weak_for_pair(candidate, actors) \
                and not (candidate.relation == "releasesDetainees"
                         and _release_noun().fullmatch(doc.text, candidate.head_start, candidate.head_end)) \
                and (candidate.relation != "releasesDetainees" or len({a.country for a in actors}) <= 3):
            # (a swap among seven countries is no release by each to every other)
            # 'Ukraine and Russia each returned prisoners', 'Xi and Boluarte signed': each to the other.
            targets = [other for other in actors if other.country != actor.country]
        if targets:
            pairs.append((actor, targets))
    return pairs


#: Pressure a list of parties gave way to: 'after coming under pressure from', 'bowing to pressure from'
_PRESSED_BY = re.compile(r"\b(?:under|bowing\s+to|yielding\s+to|amid)\s+(?:[\w-]+\s+){0,2}pressures?\s+from\s+"
                         r"(?:the\s+)?$", re.I)


def _presser(doc: _Doc, candidate: _Candidate, actors: list[Mention]) -> Mention | None:
    """The party a list of parties gave way to when they agree to something 'under pressure from' it: what
    they agree to is that party's demand, not a pact between them. None when the sentence tells no such
    pressure or names the presser among the list."""
    if candidate.relation != "agreesToCooperate":
        return None
    listed = {a.country for a in actors}
    for mention in doc.mentions(candidate.sentence):
        if mention.start >= candidate.end and mention.country and mention.country not in listed \
                and _PRESSED_BY.search(doc.text, max(candidate.end, mention.start - 60), mention.start):
            return mention
    return None


def _expelling_each_other(doc: _Doc, candidate: _Candidate, actors: list[Mention], targets: list) -> bool:
    """'Latvia and Belarus were expelling dozens of diplomats': two parties expelling envoys of no nation named,
    with no party right after the wording, expel each other's ('amid accusations from Riga' names no target)."""
    if candidate.relation != "threatenedExpulsion" or len(actors) != 2 or len({a.country for a in actors}) != 2 \
            or not all(a.country for a in actors):
        return False
    if any(m.type == "country" and candidate.head_start <= m.start < candidate.end
           for m in doc.mentions(candidate.sentence)):
        return False  # 'expelled Russian diplomats': the envoys' nation is named
    return not any(isinstance(t, Mention) and t.start >= candidate.end
                   and _NAMED_RIGHT_AFTER.fullmatch(doc.text, candidate.end, t.start) for t in targets)


_NAMED_RIGHT_AFTER = re.compile(r"\s*(?:(?:from|of|to|in)\s+)?(?:the\s+)?")


#: 'held sessions with Erdogan', 'a meeting with the premier and Foreign Minister X': a listed pair's partner is
#: the name or title right after 'with' (or 'to', 'by', 'from'), not a party inside a topic ('cooperation on
#: diplomacy to end the Russia-Ukraine war', 'a plan for Gaza'); a compound modifier may stand before the name
#: ('support to flood-hit Pakistan')
_PARTNER_BEFORE = re.compile(r"\b(?:with|to|by|from|hosted|host|hosts|visited|visit|visits|met|meet|meets)\s+"
                             r"(?:(?:[A-Z][\w'’.-]*|and|of|the|his|her|their|its|[\w'’.-]+['’]s),?\s+){0,8}"
                             r"(?:[a-z]+-[a-z]+\s+)?$")
