"""Who acts on whom in one trigger match: the (actor, targets) pairs it yields (`_candidate_pairs`).

The actor rules (attribution.py) and the target rules (target_rules.py) each read one side, but a match can name
several parties, so they are paired here: on a mutual relation the parties of a list act toward each other
('Xi and Boluarte signed', 'Ukraine and Russia each returned prisoners') unless a partner is named after 'with'
or the deal is one like another party's ('agreed to a similar arrangement'); 'the two sides' carry no bare
'agreed to'; envoys told to leave are expelled by the country they leave ('its consul must leave Belarus'),
staff sent away by their own government by nobody ('told its embassy staff to leave'), nor troops a party
withdrew itself ('withdrew its troops from Niger after the junta ordered them to leave'); the partner a pact is
with does not leave it ('Kremlin regrets exit from a pact with Russia'); a hostile act a state
reports in the passive is its charge against the doer ('Nairobi said the drone was shot down by Ugandan forces');
a firm speaks for no state.
Which of a sentence's matches stand, and the events they make, is events.py's step.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.actor_rules import _SAY_VERB, _actor_by_rule
from graph.extract.attribution import _PASSIVE_BY, _find_actors
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _CHARGES_AND_CLAIMS, _listed_subject, _measure_agreed_on_another
from graph.extract.departures import (
    _own_envoys_told_to_leave,
    _own_staff_sent_away,
    _speakers_side_sent_away,
    _staff_ordered_out,
)
from graph.extract.document import _Doc
from graph.extract.lexicon import _cue
from graph.extract.listed_states import states_listed_after_dash
from graph.extract.owners import _as_country, _can_act, own_staff_leaving
from graph.extract.senders import _deporter
from graph.extract.target_rules import _targets_by_rule
from graph.extract.targets import _find_targets
from graph.records import Mention

#: 'called on' and a name right after it: the one called on, named ('called on the M23'), even when it is no state
_CALLED_ON = re.compile(r"\bcall(?:s|ed|ing)?\s+(?:on|upon)\b", re.I)
_NAMED_OBJECT = re.compile(r"\s+(?:the\s+)?[A-Z0-9][\w-]*")
#: Relations where a list of actors acts toward each other ('A and B signed a deal').
_MUTUAL = {"meetsWith", "agreesToCooperate", "releasesDetainees"}
_SYMMETRIC_RELATIONS = {"meetsWith", "agreesToCooperate"}

#: 'the release of all hostages' discussed by two leaders is nobody's release to the other
_RELEASE_NOUN = re.compile(r"(?:release|freeing|freedom|return|handover)", re.I)
#: 'agreed to a similar arrangement': a deal like one made with someone else
_SIMILAR_DEAL = re.compile(r"\b(?:similar|same|such|comparable|parallel)\s+(?:arrangement|deal|agreement|pact|accord|"
                           r"scheme)s?\b", re.I)
#: wording that makes listed parties act toward each other ('traded accusations')
#: ('Armenia and Azerbaijan trade accusations': a headline's present tense, not the noun 'trade ties')
_RECIPROCAL = re.compile(r"\b(?:each\s+other|one\s+another|traded|trading|exchanged|exchanging|"
                         r"(?:trade|trades|exchange|exchanges)\s+(?:accusations|blame|insults|barbs|recriminations|"
                         r"charges))\b")
#: what lies between the two parties of a list ('mended ties', 'reopened their shared border')
_BETWEEN_THEM = re.compile(r"\b(?:ties|relations|relationship|fences|rift|border|borders|frontier)\b")
_SUPPORT_WORDING = re.compile(r"\b(?:support|backing|solidarity|endors\w*)\b", re.I)
_AT_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


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
        and not _HELD_TALKS.search(doc.text, candidate.head_start, candidate.end)


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


def _met_a_body(doc: _Doc, candidate: _Candidate) -> bool:
    """'The presidents of Peru and Bolivia met EU leaders': the list met the party named right after the verb, a
    body of no one country, not each other."""
    if candidate.relation != "meetsWith":
        return False
    after = _RIGHT_AFTER.match(doc.text, candidate.end)
    return after is not None and any(m.start == after.end() and not m.country and m.type == "organization"
               for m in doc.mentions(candidate.sentence))


_RIGHT_AFTER = re.compile(r"\s+(?:with\s+)?(?:the\s+)?")


#: Talks held by a list of parties are between them ('Japan and South Korea held consultations in Seoul')
_HELD_TALKS = re.compile(r"\b(?:talks|consultations|negotiations|discussions|a\s+summit|meetings?)\b", re.I)


def _candidate_pairs(doc: _Doc, candidate: _Candidate) -> list[tuple[Mention, list[Mention | str]]]:
    """The (actor, targets) pairs a trigger match yields."""
    if _own_staff_sent_away(doc, candidate):
        return []
    pairs = _own_envoys_told_to_leave(doc, candidate, _candidate_pairs_as_read(doc, candidate))
    pairs = _speakers_side_sent_away(doc, candidate, pairs)
    pairs = own_staff_leaving(doc, candidate, pairs)
    pairs = _staff_ordered_out(doc, candidate, pairs)
    pairs = _partners_of_a_deal(doc, candidate, pairs)
    pairs = _joiners(doc, candidate, pairs)
    pairs = _reported_hostile_act(doc, candidate, pairs)
    pairs = _leaving_own_pact(doc, candidate, pairs)
    pairs = _holder_lifts(doc, candidate, pairs)
    pairs = _owner_eases(doc, candidate, pairs)
    pairs = _own_punishment_expected(doc, candidate, pairs)
    pairs = _own_nationals_held_elsewhere(doc, candidate, pairs)
    _aid_received_ended(doc, candidate, pairs)
    pairs = _joint_meeting(doc, candidate, pairs)
    pairs = _reciprocal_partners(doc, candidate, pairs)
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


#: A reciprocal object of the act: 'relations between them', 'visits to each other', 'with one another'
_RECIPROCAL_OBJECT = re.compile(r"\bbetween\s+(?:them|themselves)\b|\bwith\s+(?:each\s+other|one\s+another)\b")


def _reciprocal_partners(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'the two nations had agreed to resume diplomatic relations between them': the other side of a reciprocal
    act is one of its subjects, named before it in the sentence, never a party read from another sentence or
    named after it ('... thanked Iraq and Oman')."""
    if not _RECIPROCAL_OBJECT.search(doc.text, candidate.head_end, min(candidate.sentence.end, candidate.end + 25)):
        return pairs
    start = candidate.sentence.start
    kept = [(actor, [t for t in targets if isinstance(t, Mention) and t.via != "implicit"
                     and start <= t.start < candidate.head_start]) for actor, targets in pairs]
    return [(actor, targets) for actor, targets in kept if targets]


def _own_pair_addressed(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'the Chinese ministry said the two sides should take the anniversary as a new start': a pair ('the two
    sides', 'both countries') told what it should do by one of its own members asks as much of itself as of the
    other; no demand is made of either. (A third party telling both sides is a demand on each.)"""
    if candidate.relation != "demands":
        return pairs
    mentions = doc.mentions(candidate.sentence)

    def members(target: Mention | str) -> set[str]:
        if not isinstance(target, Mention):
            return set()
        same = {m.country for m in mentions if (m.start, m.end) == (target.start, target.end)}
        return same if len(same) >= 2 else set()

    kept = [(actor, [t for t in targets if actor.country not in members(t)]) for actor, targets in pairs]
    return [(actor, targets) for actor, targets in kept if targets]


#: The partner of a pact named right after it: 'exit from a pact with Russia'
_PACT_WITH = re.compile(r"\s+with\s+(?:the\s+)?")


def _leaving_own_pact(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Kremlin regrets exit from a pact with Russia': the party a pact is with is the one left, never the one
    that leaves it. When the actor read before the wording is that partner, the leaver is a party the sentence
    does not name there, and the pair is dropped rather than turned into the partner leaving a pact with whoever
    else the story is about."""
    if candidate.relation != "reducesCooperation":
        return pairs
    after = _PACT_WITH.match(doc.text, candidate.end)
    if after is None:
        return pairs
    partner = next((m for m in doc.mentions(candidate.sentence) if m.start == after.end() and m.country), None)
    if partner is None:
        return pairs
    return [(actor, targets) for actor, targets in pairs if actor.country != partner.country]


#: What a lifted ban or freeze is on, owned by a party: ' on Tehran's frozen funds', ' on Iranian assets'
_OWNED_ASSETS_AFTER = re.compile(r"\s+(?:on|of)\s+(?:the\s+)?(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:['’]s?)?"
                                 r"\s+(?:[\w-]+\s+)?(?:funds|assets|accounts|money|reserves|property|oil\s+revenues?)\b")


def _holder_lifts(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Iran's negotiator announced the lifting of the ban on Tehran's frozen funds': a ban on a party's funds is
    lifted by the party holding them, never by their owner. An announcer who owns the funds is their owner: the
    other side of the pair lifts the ban toward it."""
    if candidate.relation != "shiftsTowardCooperation":
        return pairs
    assets = _OWNED_ASSETS_AFTER.match(doc.text, candidate.end)
    owner = next((m for m in doc.mentions(candidate.sentence) if assets is not None
                  and m.start == assets.start("owner") and m.country), None)
    if owner is None:
        return pairs
    out = []
    for actor, targets in pairs:
        if actor.country != owner.country:
            out.append((actor, targets))
            continue
        out += [(target, [_as_country(owner)]) for target in targets
                if isinstance(target, Mention) and target.country and target.country != owner.country]
    return out


#: Between a measure's owner and its noun: 'US tariffs', 'the US steel tariffs', 'Washington's new sanctions'
_OWNER_THEN_MEASURE = re.compile(r"(?:['’]s?)?\s+(?:[a-z]+\s+){0,2}$")
#: Between the easing word and the owner: the measure is its object ('pause on ', 'lifted the '), not a cause ('after')
_EASED_OBJECT_GAP = re.compile(r"\s+(?:(?:on|of)\s+)?(?:the\s+)?|\s*")


def _owner_eases(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Sheinbaum announced the pause on US tariffs': a measure eased is eased by its owner, named before its noun in
    the wording as the easing's object; the one announcing it, of another country, is the side it is eased toward.
    A measure that is the cause ('reverses after US visa ban') is no object."""
    if candidate.relation != "shiftsTowardCooperation":
        return pairs
    noun = _cue("SANCTIONS").search(doc.text, candidate.head_start, candidate.end)
    owner = next((m for m in doc.mentions(candidate.sentence) if noun is not None and m.country
                  and candidate.head_start <= m.start and m.type == "country"
                  and _EASED_OBJECT_GAP.fullmatch(doc.text, candidate.head_end, m.start)
                  and _OWNER_THEN_MEASURE.fullmatch(doc.text, m.end, noun.start())), None)
    if owner is None:
        return pairs
    out = []
    for actor, targets in pairs:
        if actor.country and actor.country != owner.country \
                and any(isinstance(t, Mention) and t.country == owner.country for t in targets):
            out.append((owner, [_as_country(actor)]))
        else:
            out.append((actor, targets))
    return out


#: Sanctions asked to go, not to come: 'urged Britain to lift sanctions against Serbian firms'
_LIFTED_BEFORE = re.compile(r"\b(?:lift|lifts|lifting|ease|easing|remove|removing|drop|dropping|end|ending|scrap|"
                            r"relax|relaxing|suspend|waive)\b[^.;:]*$", re.I)


def _own_punishment_expected(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Vucic said he expects Britain to introduce its own sanctions against the Serbian oil company': what a
    party expects another to do against the party's own country is a forecast, not a demand (nobody presses
    others to sanction himself). The pair is dropped when the act after the target names sanctions and then the
    actor's own country."""
    if candidate.relation != "demands" or not pairs:
        return pairs
    sentence_end = candidate.sentence.start + len(candidate.sentence.text)
    mentions = doc.mentions(candidate.sentence)
    kept = []
    for actor, targets in pairs:
        last = max((t.end for t in targets if isinstance(t, Mention)), default=candidate.end)
        measure = _cue("SANCTIONS").search(doc.text, max(last, candidate.end), sentence_end)
        own = measure is not None and not _LIFTED_BEFORE.search(doc.text, max(last, measure.start() - 30),
                                                                 measure.start()) and any(
            m.country == actor.country and measure.end() <= m.start <= measure.end() + 40 for m in mentions)
        if not own:
            kept.append((actor, targets))
    return kept


#: Where people are held, right before the place: 'detained in ', 'previously held in '
_HELD_IN_BEFORE = re.compile(r"\b(?:held|detained|jailed|imprisoned|locked\s+up)\s+in\s+(?:the\s+)?$", re.I)


def _own_nationals_held_elsewhere(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Iran freed two Britons in a swap that also brought home Iranians who had been held in Belgium': the
    actor's own nationals, held in another country, are freed by that country toward the actor,
    never by the actor toward the place that held them."""
    if candidate.relation != "releasesDetainees" or not pairs:
        return pairs
    inside = [m for m in doc.mentions(candidate.sentence) if candidate.head_end <= m.start < candidate.end]
    turned = []
    for actor, targets in pairs:
        holders = [t for t in targets if isinstance(t, Mention) and t.country and t.country != actor.country
                   and _HELD_IN_BEFORE.search(doc.text, max(0, t.start - 30), t.start)]
        if holders and any(m.via == "demonym" and m.country == actor.country for m in inside):
            turned += [(holder, [actor]) for holder in holders]
        else:
            turned.append((actor, targets))
    return turned


#: Aid named by its giver inside an aid cut: 'suspends Belgian aid', 'the aid programme with Belgium', 'aid from Oslo'
_GIVER_BEFORE_AID = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:aid|assistance|development|cooperation)\b", re.I)
_AID_WITH_GIVER = re.compile(r"\b(?:aid|assistance|development|cooperation)\s+(?:[\w-]+\s+){0,2}(?:with|from)\s+"
                             r"(?:the\s+)?$", re.I)
_AID_WORD = re.compile(r"\b(?:aid|assistance)\b", re.I)


def _aid_received_ended(doc: _Doc, candidate: _Candidate, pairs: list) -> None:
    """'Rwanda suspends Belgian aid', 'Rwanda is suspending the aid programme with Belgium': a party that stops aid
    it receives from the giver named ends a cooperation; it sanctions nobody (an aid cut is a sanction only by the
    one who gives it). The relation becomes reducesCooperation when every target is named as the aid's giver."""
    if candidate.relation != "threatenedSanctions" or not pairs \
            or not _AID_WORD.search(doc.text, candidate.head_start, candidate.end + 30):
        return
    givers = [t for _, targets in pairs for t in targets if isinstance(t, Mention)]
    if givers and all(
            (t.via == "demonym" and candidate.head_start <= t.start and _GIVER_BEFORE_AID.match(doc.text, t.end))
            or _AID_WITH_GIVER.search(doc.text, max(candidate.head_start, t.start - 60), t.start)
            for t in givers):
        candidate.relation = "reducesCooperation"


#: A meeting of more than two sides by its name: 'a trilateral summit', 'three-way talks', 'a three-nation meeting'
_JOINT_MEETING = re.compile(r"\b(?:trilateral|three-way|three-nation|three-country|four-way|quadrilateral)\s+"
                            r"(?:[\w-]+\s+)?(?:summit|meeting|talks)\b", re.I)


def _joint_meeting(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Biden is to hold a trilateral summit with the leaders of the Philippines and Japan': one meeting of all
    three, so the partners named after 'with' meet each other too, not only the host."""
    if candidate.relation != "meetsWith" \
            or not _JOINT_MEETING.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                         candidate.end):
        return pairs
    extra = []
    for actor, targets in pairs:
        partners = [t for t in targets if isinstance(t, Mention) and t.country and t.country != actor.country]
        for partner in partners:
            others = [t for t in partners if t.country != partner.country]
            if others:
                extra.append((partner, others))
    return pairs + extra


#: Relations only a state's voice states: a company's complaint or denial is not its country's.
_STATE_VOICE = frozenset({"accuses", "rejects", "exertsInfluenceOn", "demands", "threatened"})


def _hostile_act(doc: _Doc, candidate: _Candidate) -> bool:
    """A wording of a hostile act rather than of a charge made: a judgement its speaker passes ('was destroyed in a
    hostile act', actor rule 'speaker'), force used ('shot down') or backing ('backed by')."""
    trigger = candidate.trigger
    return (candidate.relation == "accuses" and trigger.actor.startswith("speaker")) \
        or (candidate.relation == "threatened" and trigger.pattern == "@FORCE_USED") \
        or (candidate.relation == "exertsInfluenceOn" and trigger.actor == "by"
            and _BACKING.match(doc.text, candidate.head_start) is not None)


#: Backing told in the passive: 'was backed by', 'were funded by' (not 'run by', 'owned by': who owns a firm)
_BACKING = re.compile(r"(?:backed|financed|funded|armed|sponsored|supported)\b", re.I)
#: A passive's auxiliary right before its participle, or opening the wording itself ('was destroyed in')
_PASSIVE_AUXILIARY = re.compile(r"(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$")


def _reported_hostile_act(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Nairobi said the drone was destroyed in a hostile act by the Ugandan army', 'Algiers said one of the groups
    was backed by Rabat': a state reporting a hostile act done by the party after 'by' charges that party; the
    reporter is not the one the act was done to (the drone, the groups name no party)."""
    if not pairs or not _hostile_act(doc, candidate):
        return pairs
    if not _PASSIVE_AUXILIARY.search(doc.text, max(candidate.sentence.start, candidate.head_start - 20),
                                     candidate.head_start) \
            and not re.match(r"(?:was|were|is|are)\s", doc.text[candidate.head_start:candidate.end]):
        return pairs  # 'the company run by France's Orano': a description, not a reported act
    by_end = candidate.end if candidate.trigger.actor == "by" else None
    if by_end is None:
        passive = _PASSIVE_BY.match(doc.text, candidate.end)
        by_end = passive.end() if passive is not None else None
    verbs = list(_SAY_VERB.finditer(doc.text, candidate.sentence.start, candidate.head_start))
    if by_end is None or not verbs:
        return pairs
    mentions = doc.mentions(candidate.sentence)
    agent = next((m for m in mentions if by_end <= m.start <= by_end + 12 and m.country
                  and (_can_act(m) or m.via == "demonym")), None)
    sayer = _actor_by_rule(doc, candidate, mentions, "sayer")
    if agent is None or sayer is None or not sayer.country or sayer.country == agent.country \
            or sayer.via == "demonym":
        return pairs
    if any(verbs[-1].end() <= m.start < candidate.head_start and m.country and m.country != sayer.country
           and m.type in ("country", "person", "organization") for m in mentions):
        return pairs  # 'Chad said Sudan's embassy was attacked by Libyan forces': the act was done to a party
    candidate.relation = "accuses"
    return [(sayer, [_as_country(agent) if agent.via == "demonym" else agent])]


#: 'signed agreements with Guatemala and Honduras to', 'a deal with Panama that allows it to': the partners
_DEAL_WITH_TO = re.compile(r"\b(?:agreements?|deals?|accords?|pacts?|arrangements?|memorand\w+|understandings?)\s+"
                           r"(?:[\w-]+\s+){0,4}?with\s+([^.;:]*?)\s+to\s+$", re.I)


_FROM_BY = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$", re.I)


#: 'joined the US and UK in issuing sanctions': the parties joined, then 'in' and the act
_JOINED = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?$", re.I)
_IN_ACT = re.compile(r"\s+in\s+", re.I)


def _joiners(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Dutch authorities joined the US and UK in issuing sanctions against Uganda': the one who joins the
    parties in an act does it too, toward the same targets."""
    if not pairs:
        return pairs
    first = min((actor for actor, _ in pairs), key=lambda m: m.start)
    last = max((actor for actor, _ in pairs), key=lambda m: m.start)
    joined = _JOINED.search(doc.text, max(candidate.sentence.start, first.start - 16), first.start)
    if joined is None or not _IN_ACT.match(doc.text, last.end) or candidate.head_start - last.end > 60:
        return pairs
    mentions = doc.mentions(candidate.sentence)
    joiner = next((m for m in reversed(mentions) if m.end <= joined.start() and _can_act(m) and m.country
                   and joined.start() - m.end <= 40 and not re.search(r"[,;:]", doc.text[m.end:joined.start()])), None)
    if joiner is None or joiner.country in {actor.country for actor, _ in pairs}:
        return pairs
    return pairs + [(joiner, pairs[0][1])]


def _deports_more(doc: _Doc, partners: list[Mention], actor: Mention) -> bool:
    """Whether a partner of the deal is shown deporting people in the document ahead of the actor: 'Uganda
    reached a deal with the US to take deportees' in a report on US deportations is Uganda's to take."""
    _deporter(doc, actor.country)  # (fills doc.deporters, ranked by how often each is shown deporting)
    ranked = doc.deporters or []
    rank = {iso3: index for index, iso3 in enumerate(ranked)}
    return any(p.country in rank and rank[p.country] < rank.get(actor.country, len(ranked)) for p in partners)


def _partners_of_a_deal(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Canada secured an agreement with Peru to receive migrants': the partners of the deal are the ones to
    receive the people, from the party that made the deal with them; the pair read left to right is turned round."""
    if candidate.relation != "acceptsDeportees":
        return pairs
    turned = []
    for actor, targets in pairs:
        deal = _DEAL_WITH_TO.search(doc.text, actor.end, candidate.head_start)
        mentions = doc.mentions(candidate.sentence)
        partners = [m for m in mentions if deal is not None and deal.start(1) <= m.start
                    and m.end <= deal.end(1) and _can_act(m) and m.country and m.country != actor.country]
        if partners and not any(m.start >= candidate.end and m.country in {p.country for p in partners}
                                and _FROM_BY.search(doc.text, max(0, m.start - 12), m.start) for m in mentions) \
                and not _deports_more(doc, partners, actor):
            # (not 'a deal with Rubio to accept migrants deported from the US': the partner named as the sender)
            turned.extend((partner, [actor]) for partner in partners)
        else:
            turned.append((actor, targets))
    return turned


def _candidate_pairs_as_read(doc: _Doc, candidate: _Candidate) -> list[tuple[Mention, list[Mention | str]]]:
    """The (actor, targets) pairs a trigger match yields, read in text order."""
    pairs = []
    actors = _find_actors(doc, candidate)
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
                                   or _met_a_body(doc, candidate) or _measure_agreed_on_another(doc, candidate, actors)
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
                and _BETWEEN_THEM.search(doc.text, candidate.head_start, candidate.end):
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
                         and _RELEASE_NOUN.fullmatch(doc.text, candidate.head_start, candidate.head_end)) \
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
#: diplomacy to end the Russia-Ukraine war', 'a plan for Gaza')
_PARTNER_BEFORE = re.compile(r"\b(?:with|to|by|from|hosted|host|hosts|visited|visit|visits|met|meet|meets)\s+"
                             r"(?:(?:[A-Z][\w'’.-]*|and|of|the|his|her|their|its|[\w'’.-]+['’]s),?\s+){0,8}$")
