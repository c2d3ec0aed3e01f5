"""Trigger candidates of a sentence -> `Event` records (`_sentence_events`, `_make_event`).

Overlapping triggers keep the highest priority; the content of a demand is no act of its own; meetings
abroad and signings with a foreign leader also yield visits and meetings (read in `meetings`); an official
present in a foreign capital is visiting it (`_presence_visits`, in `inferences`). Each event gets its mode
(`_mode`) and policy context. Who acts on whom in each match is read in `pairs`.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import knowledge_base, word_classes
from graph.extract.attribution import _OFFICIAL_ONLY
from graph.extract.background import earlier_pact, report_year
from graph.extract.candidates import _Candidate, demand_received
from graph.extract.coordination import _LIST_GAP
from graph.extract.dates import after_report, event_date, past
from graph.extract.document import _CONDITIONAL_RE, _WORDS_RE, _Doc
from graph.extract.event_checks import (
    _joined_to_ended,
    _labelled_measure,
    _offence_of_the_punished,
    _opposed_visit,
    _person_as_place,
    _switch_of_sides,
    _thanked_together,
    _withdrawn_from_elsewhere,
    talks_before_deal,
)
from graph.extract.fronted_possessives import owned_by_subject_ahead
from graph.extract.hedges import _in_condition, speculated, threatened_step
from graph.extract.held_firm import _own_demand_held_firm
from graph.extract.implicit_targets import unseen_guess
from graph.extract.lexicon import _context, _cue
from graph.extract.meetings import (
    _meetings_in_presence,
    _meetings_of_signings,
    _meetings_of_trips,
    _resident_visitor,
    _summit_pairs_dropped,
    _talks_at_home,
    _ties_as_topic,
    _visit_to_person,
    _visits_of_meetings,
    _visits_of_signings,
    talks_before_deals,
)
from graph.extract.negation import _apply_negation, _called_off, _met_apart, _signing_called_off
from graph.extract.no_doer import own_charge_denied
from graph.extract.owners import _topic_of_signed_pact
from graph.extract.pairs import _MUTUAL, _candidate_pairs
from graph.extract.relative_objects import unnamed_doer_of_relative
from graph.extract.released_nationals import released_now_in
from graph.extract.requested import asked_to_do, told_that
from graph.extract.resident_visitors import resident_visitor
from graph.extract.senses import _trade_retaliation
from graph.extract.subject import _vp_coordination
from graph.extract.targets import _find_targets, _national_body
from graph.records import Event, Mention

#: Relations that one wording can state together ('accept deportees, including on military aircraft').
_COMPATIBLE = {frozenset(("acceptsDeportees", "allowsMilitaryDeportationFlights")),
               frozenset(("visits", "meetsWith")),
               frozenset(("refusesDeportees", "refusesMilitaryDeportationFlights")),
               frozenset(("rejects", "demands")),  # 'refused Mogadishu's demands': a demand, and its refusal
               frozenset(("refusesDeportees", "demands")),  # 'rejects US pressure to accept deportees': the same
               # 'rejected a US proposal to take in deportees': the proposal's rejection, and the deportees refused
               frozenset(("refusesDeportees", "rejects")),
               frozenset(("rejects", "accuses")),  # 'dismissed Ottawa's accusations': a charge, and its rebuttal
               frozenset(("accuses", "exertsInfluenceOn")),  # 'claims China exerts influence': the charge, and the act
               # 'asked India to withdraw its troops': a demand, and the expulsion it asks for
               frozenset(("demands", "threatenedExpulsion")),
               # 'warned Ethiopia to pull back its troops or face the consequences': a demand, and the threat behind it
               frozenset(("demands", "threatened")),
               # 'the release followed negotiations between US envoy Boehler and Taliban officials': a release, and
               # the talks that won it
               frozenset(("releasesDetainees", "meetsWith")),
               # 'Venezuela, US reach prisoner swap deal': the deal struck, and the releases it makes
               frozenset(("releasesDetainees", "agreesToCooperate"))}
#: 'Zambia is expected to sign': what the subject will likely do, not what anyone asks of it
_EXPECTED_OF_SELF = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:widely\s+|also\s+)?expected$")
#: ', warning of tougher sanctions': a participle after a comma is a second act of the clause's subject.
_PARTICIPLE_AFTER_COMMA = re.compile(r", [a-z]+ing\b")
#: 'called for an end to the war during televised talks with X': the talks say when the demand was made, they
#: are no part of what is demanded
_MEETING_AS_TIME = re.compile(r"\b(?:during|at|in|after|before)\s+(?:(?:a|an|the|his|her|their|its)\s+)?"
                              r"(?:[\w-]+\s+){0,2}$")


#: Verbs that ask rather than order: 'asked/urged/called on India to withdraw its troops' is a demand as well;
#: so is telling a named party to act ('told Afghanistan to withdraw 20 diplomats')
_ASKED = re.compile(r"(?:ask|urg|call|press|appeal|request|demand|want|expect|tell|told)", re.I)
_ADDRESSEE_TO = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}[\"“]?to\s")
#: What joins the next verb of a list to the act before it: 'expelled French troops, pushed', '... and pushed'
_NEXT_VERB_OF_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:then\s+|also\s+|later\s+)?")
_HELPED = re.compile(r"\b(?:help(?:s|ed|ing)?|assist(?:s|ed|ing)?)\s+(?:to\s+)?$", re.I)


def _protested_party(doc: _Doc, candidate: _Candidate, actor: Mention, earlier: list[Mention | str],
                     targets: list[Mention | str]) -> list[Mention | str]:
    """Whom 'in protest of ...' is aimed at: the state the clause's own measure hit, when it names one ('downgraded
    its ties with Lithuania in protest of Taiwan opening an office in Vilnius': Lithuania let the office open,
    Taiwan only opened it); else the party read again from the one who protests ('expelled the envoy in protest at
    the Baltic state's decision to let Taiwan open an office' is aimed at the Baltic state, which the envoy named
    as the protest's nearest subject had hidden)."""
    hit = [t for t in earlier if isinstance(t, Mention) and t.country and t.country != actor.country]
    return hit or [t for t in _find_targets(doc, candidate, actor) or targets
                   if not isinstance(t, Mention) or t.country != actor.country] or earlier


def _sentence_events(doc: _Doc, candidates: list[_Candidate]) -> list[Event]:
    """Resolve one sentence's trigger matches into events."""
    for candidate in candidates:
        _apply_negation(doc, candidate)
        if _trade_retaliation(doc.text, candidate):
            candidate.relation = "threatenedSanctions"
    live = [c for c in candidates if c.relation and c.relation != "-"]
    live.sort(key=lambda c: (-c.trigger.priority, c.head_start))
    pairs_of: dict[int, list[tuple[Mention, list[Mention | str]]]] = {}
    kept: list[_Candidate] = []
    for candidate in live:  # by priority: a trigger overlapping a kept one of another kind is not resolved
        if any(candidate.head_start < k.end and k.head_start < candidate.end
               and frozenset((candidate.relation, k.relation)) not in _COMPATIBLE
               and not _switch_of_sides(doc, candidate, k) and not _labelled_measure(doc, candidate, k)
               and not _opposed_visit(doc, candidate, k) and not talks_before_deal(doc, candidate, k)
               for k in kept):
            continue
        if _joined_to_ended(doc, candidate, kept) or _topic_of_signed_pact(doc, candidate):
            continue
        pairs = _candidate_pairs(doc, candidate)
        # a trigger that yields no actor and target does not block an overlapping one
        if not pairs or _in_condition(doc, candidate) or _withdrawn_from_elsewhere(doc, candidate, pairs) \
                or _offence_of_the_punished(doc, candidate) or _own_demand_held_firm(doc, candidate) \
                or _talks_at_home(doc, candidate) or _ties_as_topic(doc, candidate) \
                or (candidate.relation in _MUTUAL
                    and _HELPED.search(doc.text, max(0, candidate.head_start - 20), candidate.head_start)) \
                or _thanked_together(doc, candidate, pairs) or _person_as_place(doc, candidate, pairs) \
                or unnamed_doer_of_relative(doc, candidate) or resident_visitor(doc, candidate, pairs) \
                or released_now_in(doc, candidate) or owned_by_subject_ahead(doc, candidate):
            # ('thanked Norway and Switzerland for helping negotiate the deal': go-betweens, not its parties)
            continue
        pairs_of[id(candidate)] = pairs
        kept.append(candidate)
    kept.sort(key=lambda c: c.head_start)

    resolved: list[tuple[_Candidate, Mention, list[Mention | str]]] = []
    for candidate in kept:
        pairs = pairs_of[id(candidate)]
        if _part_of_a_measure(doc, candidate, resolved):
            continue
        if _IN_PROTEST.search(doc.text, max(0, candidate.head_start - 4), candidate.head_end) and resolved:
            # 'summoned the Bolivian ambassador in protest against': the one who summoned protests (every party
            # of the clause: 'Kuwait, Oman and Jordan recalled their ambassadors in protest at')
            clause = resolved[-1][0]
            targets = [t for _, ts in pairs for t in ts]
            pairs = [(actor, _protested_party(doc, candidate, actor, earlier, targets))
                     for c, actor, earlier in resolved if c is clause]
        for actor, targets in pairs:
            if not actor.country:
                continue  # 'leaders including the Commission's president ... jetted to': no state acts
            resolved.append((candidate, actor, targets))

    resolved = _measures_against_the_same(resolved)
    demand_objects = [(c.head_start, t) for c, _, ts in resolved if c.relation == "demands"
                      for t in ts if isinstance(t, Mention)]
    # a demand verb with an addressee and what they are to do ('pressed countries to acquiesce'); one whose
    # object is an act ('ordered the termination of the treaty') is the actor's own act, told as an order
    # ('warned that an attempt would be an act of war' is a threat: a warning is a demand only with its addressee)
    addressed = {c.head_start for c, _, ts in resolved if c.relation == "demands" and ts}
    demanding = [c for c in candidates if c.trigger.relation == "demands"
                 and (c.head_start in addressed or not doc.text.startswith("warn", c.head_start))
                 and not _EXPECTED_OF_SELF.search(doc.text, max(0, c.head_start - 12), c.head_end)]
    demand_heads = [c.head_start for c in demanding
                    if (_TO_AFTER.match(doc.text, c.head_end) or _THAT_AFTER.match(doc.text, c.head_end)
                        or not _OWN_ORDER.match(doc.text, c.head_start))
                    and not (_OWN_ORDER.match(doc.text, c.head_start) and _own_forces_to().match(doc.text, c.head_end))]
    demand_ends = [c.end for c in demanding]
    events: list[Event] = []
    seen: set[tuple[str, str, str]] = set()
    resolved = [item for item in resolved if not (item[0].relation in _OFFICIAL_ONLY and _called_off(doc, item[0]))
                and not (item[0].relation == "agreesToCooperate" and _signing_called_off(doc, item[0]))]
    resolved += _meetings_of_signings(doc, resolved)
    resolved += _meetings_in_presence(doc, resolved)
    resolved += _visits_of_meetings(doc, resolved) + _visits_of_signings(doc, resolved)
    resolved += _meetings_of_trips(doc, resolved)
    resolved = [_visit_to_person(doc, item) for item in resolved]
    resolved += _visits_of_meetings(doc, resolved) + talks_before_deals(doc, candidates, resolved)
    resolved = [item for item in _summit_pairs_dropped(resolved) if not _met_apart(doc, item[0])]
    accused_of = [(c.end, doc.text[c.head_start:c.head_end].lower().endswith("ing"),
                   _ACCUSE_OF.match(doc.text, c.head_start).end()) for c in candidates
                  if c.relation == "accuses" and _ACCUSE_OF.match(doc.text, c.head_start)]
    for candidate, actor, targets in resolved:
        if any(
                end < candidate.head_start and not _CLAUSE_END.search(doc.text, end, candidate.head_start)
                and not _NAMED_SUBJECT_CLAUSE.search(doc.text, end, candidate.head_start)
                and not (gerund and _AND_GERUND.search(doc.text, end, candidate.head_end))
                and not _charge_ended(doc.text, charge, candidate.head_end)
                for end, gerund, charge in accused_of):
            continue  # 'accuses Ethiopia of endangering its water security by operating the dam': the charge (also
            # a charge inside it: 'accused Somalia of shifting the blame' is no charge of Somalia's)
        if candidate.relation != "demands" and any(
                start < candidate.head_start and (obj.key == actor.key or obj.country == actor.country)
                for start, obj in demand_objects) \
                and not _OWN_CLAUSE_BEFORE.search(doc.text, max(0, actor.start - 16), actor.start):
            continue  # the content of a demand is not an act of its own ('after Kampala rejected': a clause of its own)
        if candidate.relation == "demands" and actor.end <= candidate.head_start \
                and _TO_INFINITIVE.fullmatch(doc.text, actor.end, candidate.head_start) \
                and _URGED_BEFORE.search(doc.text, max(0, actor.start - 30), actor.start):
            continue  # 'urged Ottawa to insist that Beijing agree': what Ottawa is urged to do, no demand of its own
        if candidate.relation == "demands" and any(
                other.relation == "threatenedExpulsion" and other_actor.country == actor.country
                and candidate.head_start - 60 <= other.head_start <= candidate.head_end + 60
                and not ((_ASKED.match(doc.text, candidate.head_start)
                          or _NEXT_VERB_OF_LIST.fullmatch(doc.text, other.end, candidate.head_start))
                         and _ADDRESSEE_TO.match(doc.text, candidate.head_end))
                and not _troops_told_to_go(doc, candidate)
                for other, other_actor, _ in resolved):
            continue  # 'Moldova ordered a Russian diplomat to leave': the order is the expulsion, no demand ('kicked
            # out French troops, pushed France to recall its ambassador': the next verb of a list is an act of its own)
        if candidate.relation != "demands" and _demanded_of(doc, actor, demand_ends):
            continue  # 'expected Caracas to free all Americans': what is demanded of Caracas, not its act
        request = asked_to_do(doc, candidate.sentence.start, candidate.head_start)
        if request is not None and actor.start > request:
            continue  # 'urged the court to halt German aid to Israel': asked for, done by nobody yet (the one who
            # asks may still charge the doer the wording names: 'urged countries to resist Chinese coercion')
        if candidate.relation not in ("demands", "threatenedExpulsion") and any(
                actor.end <= head < candidate.head_start
                and not (_MODAL_HEAD.match(doc.text, head) and _NEXT_THAT_CLAUSE.search(doc.text, head,
                                                                                        candidate.head_start))
                and not told_that(doc, head, candidate.head_start, actor, candidate.trigger.actor)
                for head in demand_heads) \
                and not (_vp_coordination().search(doc.text, max(0, candidate.head_start - 40), candidate.head_start)
                         and not _bare_verb(doc.text[candidate.head_start:candidate.head_end])) \
                and not _PARTICIPLE_AFTER_COMMA.match(doc.text, max(0, candidate.head_start - 2)) \
                and not (candidate.relation == "meetsWith" and _MEETING_AS_TIME.search(
                    doc.text, max(0, candidate.head_start - 40), candidate.head_start)) \
                and not (candidate.relation == "accuses" and candidate.trigger.target.startswith("inside")):
            # ('urged countries to resist Chinese coercion', 'to hold Moscow responsible': the doer the wording
            # itself names is charged by the one who urges too)
            continue  # 'X pressed countries to acquiesce': X demands, it does not acquiesce ('X demanded ...
            # and imposed entry restrictions' is a second act of X's; 'ordered troops to leave' expels them)
        for target in targets:
            if _listed_with_own_country(doc, candidate, actor, target):
                continue
            event = _make_event(doc, candidate, actor, target)
            if event is None:
                continue
            key = (event.actor_country, event.relation, event.target_country or event.target)
            if key not in seen:
                seen.add(key)
                events.append(event)
                doc.last_actor = actor
                if event.relation == "visits":
                    doc.visited.add((event.actor_country, event.target_country))
                elif event.relation == "demands":
                    doc.demands.append((candidate.sentence.index, actor))
                elif event.relation == "accuses" and event.target_country:
                    doc.protests.append((candidate.sentence.index, actor, event.target_country))
                if event.relation in _MEASURES and event.target_country and isinstance(target, Mention):
                    doc.measures.append((candidate.sentence.index, actor, target, event.relation))
    return events


#: A subordinate clause opening right before a party: 'after Kampala rejected', 'because the Ugandan side', or a
#: clause joined by ', and' ('called on Venezuela to allow a recount, and Caracas responded by'). The party is the
#: subject of a clause of its own, not in what a demand before it asks.
_OWN_CLAUSE_BEFORE = re.compile(r"(?:\b(?:after|because|since|although|though|whereas|but)|,\s*and)\s+(?:the\s+)?$")


#: A second 'that' clause joined after a demand ('said that every country must accept ..., and that the four
#: countries have failed'): what it says is no longer what is demanded
_NEXT_THAT_CLAUSE = re.compile(r"\band\s+that\b")
#: A demand told by a modal, with no addressee ('every country must accept'), unlike 'told Mulino that'
_MODAL_HEAD = re.compile(r"(?:must|should|ought|needs?|has|have)\b")


#: Acts against a party that it may answer as 'the measures', 'the move', 'the decision'.
_MEASURES = frozenset({"threatenedSanctions", "threatenedExpulsion", "reducesCooperation", "threatened"})


#: 'accused Chile of interference and asked it to': a finite verb after 'and' is the accuser's next act
_AND_VERB = re.compile(r"\sand\s+(?:also\s+|then\s+|later\s+)?([a-z]+)\b")
#: the same, ending where the trigger's first word ends
_AND_VERB_AT = re.compile(r"\sand\s+(?:also\s+|then\s+|later\s+)?([a-z]+)$")


def _charge_ended(text: str, charge: int, head: int) -> bool:
    """Whether the charge of an accusation that starts with a noun ('of interference') ended at 'and' + a
    past verb before `head` (a trigger's end); a charge told with verbs ('of detaining and torturing', 'of having
    seized and held') goes on, unless the trigger itself is a past verb joined by 'and' ('of shelling villages and
    warned of consequences': the accuser's second act)."""
    first = text[charge:charge + 20].split(" ", 1)[0].lower()
    if first.endswith("ing"):
        joined = _AND_VERB_AT.search(text, charge, head)
        return first not in ("having", "being") and joined is not None and past().fullmatch(joined.group(1)) is not None
    return any(past().fullmatch(match.group(1)) for match in _AND_VERB.finditer(text, charge, head))


def _bare_verb(head: str) -> bool:
    """Whether a trigger's first word is a verb's bare form ('urged Damascus to sign up and normalise
    relations': still what was urged, not a second act of the one urging, which would be 'normalised'): not
    past (the past forms the date reader knows, 'tore', 'withdrew', '-ed'), not '-s', not '-ing'."""
    word = head.split()[0].lower() if head.split() else ""
    return bool(word) and not past().fullmatch(word) and not word.endswith(("ing", "s"))


#: 'accused/accuses <party> of': what follows is the charge, not an act reported as fact
_ACCUSE_OF = re.compile(r"accus\w*\s+(?:[\w'’.-]+\s+){1,5}?of\s", re.I)
#: 'accusing Trump of ... and announcing tariffs': a second participle of the accuser, not more of the charge
_AND_GERUND = re.compile(r"\sand\s+[a-z]+ing\b")
_CLAUSE_END = re.compile(r"[;:,]|\s(?:but|while|whereas)\s|\sand\s+(?:said|says|added|warned|announced|that)\b")
#: 'accused the United States of savagery after Washington imposed sanctions': a clause with a named subject of its
#: own (words.csv SUBJECT_CLAUSE_OPENERS and a capitalised name right before the trigger) is what led to the charge,
#: not part of it
_NAMED_SUBJECT_CLAUSE = re.compile(r"\s(?:" + word_classes()["SUBJECT_CLAUSE_OPENERS"] + r")\s+(?:the\s+)?"
                                   r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:(?:had|has|have|also|again)\s+)*$")
_DEMANDED_OF = re.compile(r"\s*(?:the\s+)?$")
#: 'in protest against', 'in protest at': an adverbial of the clause's verb, whose subject protests
_IN_PROTEST = re.compile(r"\bin\s+protest\b", re.I)
#: ', including banning him from entering Iran': a step named as part of a measure told before it
_INCLUDING_STEP = re.compile(r",\s+(?:including|such\s+as|among\s+them)\s+$", re.I)


@cache
def _troop_units() -> re.Pattern[str]:
    """Units of soldiers (words.csv TROOP_UNITS)."""
    return re.compile(r"\b(?:" + word_classes()["TROOP_UNITS"] + r")\b", re.I)


def _troops_told_to_go(doc: _Doc, candidate: _Candidate) -> bool:
    """'told French troops to leave', 'gives French troops a month to leave': a force goes home when its own state
    withdraws it, so telling the troops to go is a demand on that state as well as their expulsion (unlike an
    envoy ordered out, whose expulsion is the whole act)."""
    return candidate.relation == "demands" \
        and _troop_units().search(doc.text, candidate.head_start, candidate.end) is not None


def _part_of_a_measure(doc: _Doc, candidate: _Candidate, resolved: list) -> bool:
    """'decided to take countermeasures against lawmaker A, including banning him from entering Iran': the step is
    the measure already read, whose object the pronoun names; its own nearest party is the one it hits."""
    return candidate.relation in _MEASURES and bool(resolved) \
        and any(c.relation in _MEASURES for c, _, _ in resolved) \
        and doc.text[candidate.head_start:candidate.head_end].split(" ", 1)[0].lower().endswith("ing") \
        and _INCLUDING_STEP.search(doc.text, max(0, candidate.head_start - 20), candidate.head_start) is not None


_TO_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}to\s+\w", re.I)
#: 'push Japan into imposing': what the one pushed is to do
_INTO_ING = re.compile(r"\s+into\s+\w+ing\b", re.I)
_OWN_ORDER = re.compile(r"(?:order|instruct|direct)", re.I)
_THAT_AFTER = re.compile(r"\s+that\b", re.I)


@cache
def _own_forces_to():
    """'ordered the police to stop sharing intelligence': one's own forces or offices (words.csv ORDERED_OWN) carry
    out what they are ordered to do, so the act is the orderer's own, not a demand on another party."""
    return re.compile(r"\s+(?:the|its|his|her|their|all|national|country's|nation's)\s+(?:[\w-]+\s+)?"
                      + word_classes()["ORDERED_OWN"] + r"\s+to\s+\w", re.I)


#: Before a country named as a place one goes to or is kept from: 'from entering China and Hong Kong'
_INTO_PLACE = re.compile(r"\b(?:entering|enter|enters|into|to|visiting|visit|in|from)\s+(?:the\s+)?$")


def _listed_with_own_country(doc: _Doc, candidate: _Candidate, actor: Mention, target) -> bool:
    """'barred her from entering China and Macau' said of China: a party listed right after the actor's own
    country stands where that country stands (a place), not across from the actor."""
    if not isinstance(target, Mention) or target.start < candidate.head_end:
        return False
    return any(m.country == actor.country and m.type == "country" and m.start != actor.start
               and _INTO_PLACE.search(doc.text, max(0, m.start - 16), m.start)
               and candidate.head_end <= m.start and m.end <= target.start
               and _LIST_GAP.fullmatch(doc.text, m.end, target.start) for m in doc.mentions(candidate.sentence))


def _demanded_of(doc: _Doc, actor: Mention, demand_ends: list[int]) -> bool:
    """Whether the actor is the object of a demand word right before it, followed by 'to' + verb.

    One's own officials are not ('telling his commerce minister to raise tariffs' is the government's act), nor
    is a national body named without its country ('ordered the foreign ministry to declare ...') or one of the
    orderer's own offices (words.csv ORDERED_OWN: 'ordered the State Department to limit visas').
    """
    if actor.text.split(" ", 1)[0].lower() in ("his", "her", "its", "their", "our", "my"):
        return False
    if actor.via == "pronoun" and _national_body().search(actor.text):
        return False
    return any(end <= actor.start and _DEMANDED_OF.fullmatch(doc.text, end, actor.start)
               and (_TO_AFTER.match(doc.text, actor.end) or _INTO_ING.match(doc.text, actor.end))
               and not (_own_forces_to().match(doc.text, end) and _ordered_at(doc.text, end))
               for end in demand_ends)


def _ordered_at(text: str, end: int) -> bool:
    """Whether the demand word ending at `end` is an order ('ordered', 'instructed'): one's own government or police
    carries out what it is ordered to do, while what it is urged to do ('lawmakers urged the German government to
    expel more diplomats') is only asked of it."""
    last = _LAST_WORD.search(text, max(0, end - 24), end)
    return last is not None and _OWN_ORDER.match(last.group(1)) is not None


#: The last word before a point
_LAST_WORD = re.compile(r"(\w+)\W*$")


#: Relations a country's firms or people can carry ('Chinese firms run the ports', 'freed two American
#: tourists', 'sanctions on Russian banks'); other relations need the state.
_PRIVATE_OK = frozenset({"exertsInfluenceOn", "releasesDetainees", "acceptsDeportees", "refusesDeportees",
                         "threatenedSanctions"})

_FORMER_BEFORE = re.compile(r"\b(?:[Oo]usted|[Ff]ormer|[Ee]xiled|[Dd]eposed|[Tt]oppled|[Ff]ugitive)\s+"
                            r"(?:[\w-]+\s+){0,3}$")
_EMBASSY = re.compile(r"\b(?:embass(?:y|ies)|consulates?|legations?)\b", re.I)


def _make_event(doc: _Doc, candidate: _Candidate, actor: Mention, target: Mention | str) -> Event | None:
    sentence = candidate.sentence
    kb = knowledge_base()
    if isinstance(target, str):
        target_name, target_type, target_country = target, "program", ""
    else:
        if target.country == actor.country:
            return None
        if "private" in (actor.via, target.via) and candidate.relation not in _PRIVATE_OK:
            return None  # 'met U.S. business leaders' is no meeting with the United States
        if _resident_visitor(doc, candidate, actor, target) or own_charge_denied(doc, candidate, actor):
            return None
        if candidate.relation == "visits" and actor.type == "person" \
                and _FORMER_BEFORE.search(doc.text, max(sentence.start, actor.start - 40), actor.start):
            return None  # 'Ousted Maldivian president Ahmed Rasheed ... arrived in Sri Lanka': no state visit
        if candidate.relation == "demands" \
                and demand_received(doc.text, candidate.head_start, candidate.head_end, sentence.end):
            return None  # 'Sogavare had been told of Australia's concern': the one told asks nothing (the wording
            # still holds its words: 'had been asked to take deportees' takes in no one)
        if candidate.relation == "agreesToCooperate" and earlier_pact(
                doc.text, (sentence.start, sentence.end), (candidate.head_start, candidate.end),
                report_year(doc.text, doc.document.date)):
            return None  # 'since a 2018 agreement between the two': a pact of years ago told as background
        if candidate.relation == "visits" and _EMBASSY.search(target.text):
            return None  # 'Lavrov visited the Chinese Embassy in Moscow': a call at an embassy is no trip abroad
        target_name, target_type, target_country = _actor_fields(target, kb)
    actor_name, actor_type, actor_country = _actor_fields(actor, kb)
    mode = _mode(doc, candidate, actor)
    # the date the act happened, not its report's
    happened = event_date(sentence.text, doc.document.date,
                          (candidate.head_start - sentence.start, candidate.end - sentence.start))
    if mode == "asserted" and after_report(happened, doc.document.date):
        mode = "planned"  # 'leaves on Saturday': announced, not yet done
    confidence = candidate.trigger.confidence
    if actor.via == "pronoun":
        confidence *= 0.9
    if isinstance(target, Mention) and target.via == "implicit":
        confidence *= 0.85
    if mode in ("reported", "conditional"):
        confidence *= 0.9
    if unseen_guess(doc, candidate, target, confidence) or speculated(doc, candidate):
        return None  # 'would not back down' with no side in view: not the document's other side by default
    # ('threatened in August to end the treaty': the threat is the act told)
    relation = "threatened" if threatened_step(doc, candidate, mode) else candidate.relation
    return Event(
        source=doc.document.source, date=doc.document.date, actor=actor_name, actor_type=actor_type,
        actor_country=actor_country, relation=relation, target=target_name, target_type=target_type,
        target_country=target_country, confidence=round(min(confidence, 1.0), 2), mode=mode,
        context=_context(sentence.text, candidate.trigger.context), evidence=_one_line(sentence.text),
        start=sentence.start, end=sentence.end, trigger=_one_line(doc.text[candidate.head_start:candidate.end]),
        sequence=sentence.index, url=doc.document.url, publisher=doc.document.publisher,
        title=_one_line(doc.document.title), event_date=happened,
    )


def _actor_fields(mention: Mention, kb) -> tuple[str, str, str]:
    if mention.type == "person":
        return mention.key, "person", mention.country
    if mention.type == "organization":
        return mention.key, "organization", mention.country
    return kb.country_name(mention.country), "country", mention.country


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _mode(doc: _Doc, candidate: _Candidate, actor: Mention) -> str:
    sentence = candidate.sentence
    before = doc.text[max(sentence.start, candidate.head_start - 50):candidate.head_start]
    before_words = " ".join(_WORDS_RE.findall(before)[-4:])
    conditional, reported = doc.sentence_modes(sentence)
    if conditional:
        conditional = _condition_near(doc, candidate)
    if conditional or (_MAY_RE.search(before_words) and not candidate.negated and candidate.relation != "rejects"):
        return "conditional"
    attended = _ATTENDED_BEFORE.search(before)
    if attended is not None:  # 'will also participate in a trilateral meeting': the modal is the verb of taking part's
        verb = candidate.head_start - len(before) + attended.start()
        before_words = " ".join(_WORDS_RE.findall(doc.text[max(sentence.start, verb - 40):verb])[-3:])
    planned = _cue("PLANNED").search(before_words)
    if planned and not (candidate.negated and planned.group().lower() in ("will", "would", "shall")):
        return "planned"
    if candidate.relation in ("meetsWith", "visits") and _future_after_noun().match(
            doc.text, candidate.end, min(sentence.end, candidate.end + 80)):
        return "planned"  # 'talks between the two countries would resume in Lima': a meeting to come
    # A named source's statement is an attributed assertion; hedged wording marks a claim as reported.
    return "reported" if reported else "asserted"


def _condition_near(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the sentence's 'if' or 'unless' bears on this trigger: it opens the sentence before it
    ('If Bogota refuses, Washington will ...') or follows it closely ('will impose tariffs if'). An 'if'
    far after it belongs to another clause ('met Rubio in Antalya to lock in backing and warn Russia of
    costs if it spurns the truce')."""
    sentence = candidate.sentence
    for match in _CONDITIONAL_RE.finditer(doc.text, sentence.start, sentence.end):
        if match.start() < candidate.head_start or match.start() - candidate.end <= 40:
            return True
    return False


@cache
def _future_after_noun() -> re.Pattern[str]:
    """A noun of meeting followed by its own future verb ('talks ... will take place', 'the visit is expected'; the
    verbs of taking place are words.csv MEETING_HAPPENS): the meeting is still to come."""
    return re.compile(r"[^.;:!?]{0,60}?\b(?:will|would|shall|is\s+to|are\s+to|is\s+expected|are\s+expected|"
                      r"is\s+scheduled|are\s+scheduled|is\s+due|are\s+due)\s+(?:\w+\s+)?"
                      r"(?:" + word_classes()["MEETING_HAPPENS"] + r")\b")
#: A verb of taking part, in its bare form, right before a noun of meeting: 'participate in a trilateral ',
#: 'attend the ', 'take part in a '
_ATTENDED_BEFORE = re.compile(r"\b(?:attend|participate\s+in|take\s+part\s+in|join|chair|co-chair)\s+"
                              r"(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_MAY_RE = re.compile(r"\b(?:could|might|may)\b")

#: Between the addressee of a demand and the verb it is asked to do: ' to ', ' to also '
_TO_INFINITIVE = re.compile(r"\s+to\s+(?:\w+ly\s+|also\s+)?")
_URGED_BEFORE = re.compile(r"\b(?:urg\w*|ask\w*|press\w*|call\w*\s+on|told|tell\w*|encourag\w*|push\w*)\s+(?:the\s+)?$",
                           re.I)

#: Threats that name the measure: a generic threat between the same parties in the same sentence says no more.
_SPECIFIC_THREATS = frozenset({"threatenedSanctions", "threatenedExpulsion", "reducesCooperation"})
#: A threat of armed force is no generic threat: 'ready to launch an invasion or reignite a trade war' threatens both
_ARMED_THREAT = re.compile(r"\b(?:invasion|invade|military|troops|annex\w*)\b", re.I)


def _specific_over_generic(events: list[Event]) -> list[Event]:
    """One sentence's events without a generic threat that a named measure between the same parties tells:
    'Beijing was "taking resolute countermeasures" by imposing sanctions on US firms' is the sanctions."""
    specific = {(e.actor_country, e.target_country) for e in events if e.relation in _SPECIFIC_THREATS}
    measures = {(e.actor_country, e.target_country) for e in events if e.relation in _SPECIFIC_THREATS - {
        "reducesCooperation"}}
    # ('recalled its envoys from Lima and threatened consequences': ties cut now, consequences still to come; a
    # threat of armed force is never told by a measure)
    return [e for e in events if e.relation != "threatened" or (e.actor_country, e.target_country) not in (
        measures if _STILL_TO_COME.search(e.trigger) else specific) or _ARMED_THREAT.search(e.trigger)]


#: A threat of what is still to come, beyond ties already cut: 'threatened consequences', 'warned of reprisals'
_STILL_TO_COME = re.compile(r"\b(?:consequences|repercussions|reprisals)\b", re.I)


def _measures_against_the_same(resolved: list) -> list:
    """'Bolivia cut ties with Israel, while Colombia and Chile recalled their ambassadors': a measure whose
    target is only the document's counterpart (a guess) is against the party another measure of the same
    sentence names."""
    named = [t for c, _, ts in resolved if c.relation in _MEASURES for t in ts
             if isinstance(t, Mention) and t.via != "implicit"]
    if not named:
        return resolved
    takers = {actor.country for c, actor, _ in resolved if c.relation in _MEASURES}
    out = []
    for candidate, actor, targets in resolved:
        # (a target that takes a measure itself in the sentence stands beside the actor, not against it)
        if candidate.relation in _MEASURES and targets and all(
                isinstance(t, Mention) and (t.via == "implicit" or t.country in takers) for t in targets):
            against = [t for t in named if t.country != actor.country and t.country not in takers]
            if against:
                targets = against[:1]
        out.append((candidate, actor, targets))
    return out
