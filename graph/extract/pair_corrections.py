"""Corrections of the (actor, targets) pairs a match first yields (`_candidate_pairs`, pairs.py, runs them in turn).

The first reading pairs the parties named before and after the wording; these checks turn a pair round, drop
it or add parties when the wording says who does what to whom: a ban on a party's funds is lifted by the one
holding them ('Peru announced the end of the freeze on Chile's assets'), a pact's partner is the one left, not
the leaver; a state reporting a hostile act charges the doer after 'by'; those who join others in an act do it
too, toward the same targets; the partners of a deal to take in people are the ones who take them; the guests
of a three-way summit meet each other. Each check reads one shape of wording and returns the pairs, unchanged
when the shape is absent, so they run one after another.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.actor_rules import _SAY_VERB, _actor_by_rule
from graph.extract.attribution import _PASSIVE_BY
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.lexicon import _cue
from graph.extract.owners import _as_country, _can_act
from graph.extract.senders import _deporter
from graph.records import Mention

#: A reciprocal object of the act: 'relations between them', 'visits to each other', 'with one another'
_RECIPROCAL_OBJECT = re.compile(r"\bbetween\s+(?:them|themselves)\b|\bwith\s+(?:each\s+other|one\s+another)\b")


def _reciprocal_partners(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'the two states said they would restore ties with each other': the other side of a reciprocal
    act is one of its subjects, named before it in the sentence, never a party read from another sentence or
    named after it ('... thanked Iraq and Oman')."""
    low, high = candidate.head_end, min(candidate.sentence.end, candidate.end + 25)
    # (every match holds 'them' or 'other', found in C first)
    if doc.text.find("them", low, high) == -1 and doc.text.find("other", low, high) == -1 \
            or not _RECIPROCAL_OBJECT.search(doc.text, low, high):
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


@cache
def _owned_assets_after() -> re.Pattern[str]:
    """What a lifted ban or freeze is on, owned by a party (words.csv OWNED_ASSETS): ' on Tehran's frozen funds',
    ' on Iranian assets'."""
    return re.compile(r"\s+(?:on|of)\s+(?:the\s+)?(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:['’]s?)?"
                      r"\s+(?:[\w-]+\s+)?(?:" + word_classes()["OWNED_ASSETS"] + r")\b")


def _holder_lifts(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Iran's negotiator announced the lifting of the ban on Tehran's frozen funds': a ban on a party's funds is
    lifted by the party holding them, never by their owner. An announcer who owns the funds is their owner: the
    other side of the pair lifts the ban toward it."""
    if candidate.relation != "shiftsTowardCooperation":
        return pairs
    assets = _owned_assets_after().match(doc.text, candidate.end)
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
            and _backing().match(doc.text, candidate.head_start) is not None)


@cache
def _backing() -> re.Pattern[str]:
    """Backing told in the passive (words.csv BACKING_PARTICIPLES: 'was backed by', 'were funded by'; not 'run
    by', 'owned by': who owns a firm)."""
    return re.compile(r"(?:" + word_classes()["BACKING_PARTICIPLES"] + r")\b", re.I)


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


def _no_party_named(doc: _Doc, mentions: list[Mention], deal: re.Match[str]) -> bool:
    """Whether the partners a deal is made with ('with several states of the region') name no party at all: no
    mention stands between 'with' and 'to'."""
    return not any(deal.start(1) <= m.start and m.end <= deal.end(1) for m in mentions) \
        and len(deal.group(1).split()) <= 8


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
        elif deal is not None and not partners and _no_party_named(doc, mentions, deal):
            continue  # 'signed deals with several states of the region to receive migrants': the ones to take
            # them are named by no party here; the one who made the deals does not take them
        else:
            turned.append((actor, targets))
    return turned


#: Between a wording and the party it acts on: quotes, 'for', 'on', 'upon', 'the' ('condemned North Korea's launch',
#: 'called for Pyongyang to stop', 'strongly condemns" the DPRK')
_OBJECT_GAP = re.compile(r"[\s\"“”'‘’]*(?:(?:for|on|upon|the)\s+)*")
#: Charges, demands, threats and refusals: what one party says to or of another, never of itself
_CHARGES = frozenset({"accuses", "demands", "threatened", "rejects"})


def _doer_named_as_object(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'After North Korea fired, the NSC called for Pyongyang to stop', 'The council condemned North Korea's launch':
    a state named right after a charge, a demand or a threat as what it is aimed at is not the one making it; an
    actor of that country was read from elsewhere (a clause before the subject, an earlier sentence, a later clause
    of the same sentence: 'condemning Russia's votes, the text demands Russia withdraw') while the real doer went
    unnamed, so the pair is dropped rather than turned into a charge of the object against another. (The name
    itself stays the actor: 'a proposal Jakarta turned down' names the subject of a relative clause there.)"""
    if not pairs or candidate.relation not in _CHARGES:
        return pairs
    gap = _OBJECT_GAP.match(doc.text, candidate.head_end)
    at = gap.end() if gap is not None else candidate.head_end
    first = next((m for m in doc.mentions(candidate.sentence) if m.start >= candidate.head_end), None)
    if first is None or first.start != at or not first.country or first.type != "country" \
            or first.via not in ("name", "capital") or _own_stance_after(doc.text, first.end):
        return pairs
    return [(actor, targets) for actor, targets in pairs
            if not (isinstance(actor, Mention) and actor.country == first.country and actor.start != first.start)]


@cache
def _owned_act_before() -> re.Pattern[str]:
    """A possessive, up to two words, then a charged act (words.csv TOLD_ACTS, VIOLENT_ACTS, STATE_ACTS) and up
    to two words before the wording: "'s missile launch constitutes"."""
    acts = "|".join(word_classes()[name] for name in ("TOLD_ACTS", "VIOLENT_ACTS", "STATE_ACTS"))
    return re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}?(?:{acts})\s+(?:[\w-]+\s+){{0,2}}$", re.I)


@cache
def _singled_out_before() -> re.Pattern[str]:
    """'singled out' right before a party (words.csv SINGLED_OUT): the party is the one picked out, the object."""
    return re.compile(rf"\b(?:{word_classes()['SINGLED_OUT']})\s+(?:the\s+)?$", re.I)


def _charged_party_as_actor(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Iran's rocket test is a grave breach of the accord', 'the leaders singled out China to voice their
    opposition': the owner of the act that a charge or a refusal is about, or the party singled out for it, is
    what the wording aims at, never the one voicing it; the voice went unnamed in the wording's clause, so the
    pair is dropped rather than read as a charge of the aimed-at party against another."""
    if not pairs or candidate.relation not in _CHARGES:
        return pairs

    def aimed_at(actor: Mention) -> bool:
        if actor.start >= candidate.head_start or actor.start < candidate.sentence.start:
            return False
        owned = actor.end < candidate.head_start \
            and _owned_act_before().match(doc.text[:candidate.head_start], actor.end) is not None
        singled = _singled_out_before().search(doc.text, max(candidate.sentence.start, actor.start - 30),
                                               actor.start) is not None
        return owned or singled

    return [(actor, targets) for actor, targets in pairs if not (isinstance(actor, Mention) and aimed_at(actor))]


@cache
def _stance_held_after() -> re.Pattern[str]:
    """A possessive, up to two words, then a stance the owner holds (words.csv STANCE_HELD): "'s strong concerns"."""
    return re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}?(?:{word_classes()['STANCE_HELD']})\b", re.I)


def _own_stance_after(text: str, end: int) -> bool:
    """'conveyed New Delhi's strong concerns to Trudeau': the name owns the stance voiced, so it is the doer's own."""
    return _stance_held_after().match(text, end) is not None


@cache
def _doerless_act() -> re.Pattern[str]:
    """The object of a condemnation that is a violent act with no party before it (words.csv VIOLENT_ACTS), up to
    three words of description between: 'the heinous terrorist attack', '"heinous terrorist attack"'."""
    return re.compile(r"[\s\"“”'‘’]*(?:(?:of|in\s+the\s+strongest\s+terms)\s+)?(?:the|a|an|this|that|these|those|"
                      r"yesterday's|today's|friday's|saturday's|sunday's|monday's|tuesday's|wednesday's|thursday's)"
                      r"[\s\"“”'‘’]+(?:[\w-]+[\s\"“”'‘’]+){0,3}?(?:" + word_classes()["VIOLENT_ACTS"] + r")\b", re.I)


#: A doer told after the act: 'the attack by gunmen', 'the bombing carried out by', 'the attack from Lebanon'
_DOER_AFTER = re.compile(r"[\s\"“”'‘’]*(?:(?:carried\s+out|claimed|staged|launched|committed|perpetrated|ordered|"
                         r"backed|sponsored)\s+)?(?:by|from)\s+(?:the\s+)?$", re.I)


#: A second thing condemned, joined to the act: '... and the arbitrary arrest of the former vice president'
_ANOTHER_OBJECT = re.compile(r"\s+and\s+(?:the|a|an|its|their)\s", re.I)


def _doerless_act_condemned(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Chile condemned the deadly bombing of a market and sent its condolences to Peru', 'the minister voiced
    Chile's condemnation of the blast in a call with his Peruvian counterpart': a condemned act whose doer is not
    named charges no one; the parties named after it are where it happened, whom it hit or whom the condolences
    and the call went to. A doer told after 'by' or 'from' is still charged, and so is the party of a second thing
    condemned ('... and the arbitrary arrest of X'), and so is a party named between the wording and the act
    ('warned Manila over the ramming of a supply boat': the one warned over it)."""
    if not pairs or candidate.relation != "accuses":
        return pairs
    act = _doerless_act().match(doc.text, candidate.head_end) or _doerless_act().match(doc.text, candidate.end)
    floor = act.start() if act is not None else candidate.head_end
    if act is None:
        inside = _doerless_act().search(doc.text, candidate.head_start, candidate.end)
        act = inside if inside is not None and inside.end() == candidate.end else None
    if act is None or any(floor <= m.start < act.end() for m in doc.mentions(candidate.sentence)):
        return pairs  # ('called Netanyahu a "terrorist"': a party inside the wording is what it charges)
    other = _ANOTHER_OBJECT.search(doc.text, act.end(), candidate.sentence.end)
    last = other.start() if other is not None else candidate.sentence.end
    kept = [(actor, [t for t in targets if not isinstance(t, Mention) or t.start < floor
                     or t.start >= last or _DOER_AFTER.search(doc.text, max(act.end(), t.start - 40), t.start)])
            for actor, targets in pairs]
    return [(actor, targets) for actor, targets in kept if targets]


#: A possessive, up to two words, then the wording: the party owns the act named ("'s repeated calls to")
_OWNS_WORDING = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}$")


def _reporter_as_target(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'Mao told the press the step followed the US' call to ship weapons', 'He added that Ethiopia's calls to
    resume talks are a pretence': one who reports another's act is no target of it; a party named as the
    speaker of the report, before the owner of the act, is dropped from its targets."""
    if not pairs or candidate.relation not in _CHARGES:
        return pairs

    def reporter(actor: Mention, target: Mention) -> bool:
        return target.end <= actor.start and candidate.sentence.start <= target.start \
            and _SAY_VERB.search(doc.text, target.end, actor.start) is not None

    kept = []
    for actor, targets in pairs:
        if isinstance(actor, Mention) and _OWNS_WORDING.match(doc.text[:candidate.head_start], actor.end):
            targets = [t for t in targets if not (isinstance(t, Mention) and reporter(actor, t))]
        if targets:
            kept.append((actor, targets))
    return kept


#: Relations of taking people in or refusing them: the taker is never where the people are sent from
_INTAKE = frozenset({"acceptsDeportees", "refusesDeportees"})


@cache
def _people_held_in() -> re.Pattern[str]:
    """People to be sent back and 'in' or 'from' right before a party (words.csv MIGRANTS, WEAK_MIGRANTS, ALIENS):
    'any illegal alien in the', 'deportees from'."""
    people = "|".join(word_classes()[name] for name in ("MIGRANTS", "WEAK_MIGRANTS", "ALIENS"))
    return re.compile(rf"\b(?:{people})\s+(?:(?:now|currently|living|staying)\s+)?(?:in|from)\s+(?:the\s+)?$",
                      re.I)


def _senders_place_as_taker(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'It will accept any illegal alien in the United States and house them in its jails': the state named
    between the taker and the wording's end as where the people are is the one sending them, not the one taking
    them in; an actor of that state (a pronoun read as it, a name) is dropped rather than read as the sender taking
    in people from the taker. A place named after the wording belongs to a second act ('France will take back
    people, and in return Britain will accept asylum seekers from France'), and one before the taker is where a
    flight was to land ('declined to land a deportation flight in Guadalajara, though Mexican officials said')."""
    if not pairs or candidate.relation not in _INTAKE:
        return pairs
    places = [m for m in doc.mentions(candidate.sentence) if m.country and m.type == "country"
              and m.start < candidate.end
              and _people_held_in().search(doc.text, max(candidate.sentence.start, m.start - 60), m.start)]

    def sends(actor: Mention) -> bool:
        return any(m.country == actor.country and m.start >= actor.end for m in places)

    return [(actor, targets) for actor, targets in pairs if not (isinstance(actor, Mention) and sends(actor))]


#: Relations of ties between states: a side inside a state is no partner of it
_TIES = frozenset({"agreesToCooperate", "shiftsTowardCooperation"})


@cache
def _opposition_title() -> re.Pattern[str]:
    """A title of a state's opposition right before a person's name ('opposition leader ', words.csv
    OPPOSITION_TITLES)."""
    return re.compile(r"\b(?:" + word_classes()["OPPOSITION_TITLES"] + r")\s+$", re.I)


def _opposition_figures_dropped(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'voiced his support for opposition leader X': backing a state's opposition is a stance inside that state,
    not ties with its government, so an opposition figure is no partner of the state it opposes."""
    if candidate.relation not in _TIES:
        return pairs
    kept = [(actor, [t for t in targets if not (isinstance(t, Mention) and t.type == "person"
                                                 and _opposition_title().search(doc.text, max(0, t.start - 40),
                                                                                t.start))])
            for actor, targets in pairs]
    return [(actor, targets) for actor, targets in kept if targets]


@cache
def _pair_subject_before() -> re.Pattern[str]:
    """A pair named as one subject right before the wording, auxiliaries aside ('each side had agreed'; words.csv
    PAIR_SUBJECTS)."""
    return re.compile(r"\b(?:" + word_classes()["PAIR_SUBJECTS"] + r")\s+(?:(?:had|has|have|would|will|also|"
                      r"both|now|then|already|finally)\s+)*$", re.I)


def _pair_subject_reported(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'After the talks, Anwar said each side had agreed to the truce': the pair is the subject of the wording, so a
    party named before it (the one reporting the act) is none of the two sides when the act is read toward two
    parties besides it; the act is the pair's, never the reporter's toward each side."""
    pair = _pair_subject_before().search(doc.text, max(candidate.sentence.start, candidate.head_start - 60),
                                         candidate.head_start)
    if pair is None:
        return pairs

    def outside_pair(actor: Mention, targets: list) -> bool:
        sides = {t.country for t in targets if isinstance(t, Mention) and t.country}
        return actor.end <= pair.start() and len(sides) >= 2 and actor.country not in sides

    return [(actor, targets) for actor, targets in pairs if not outside_pair(actor, targets)]
