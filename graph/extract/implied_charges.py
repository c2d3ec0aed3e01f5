"""Charges and threats read from other events, once every sentence has been read.

A measure taken on the ground of conduct that is a charge accuses the party it is taken against (a made-up
example: 'Ruritania expelled two Freedonian diplomats over their spying' also has Ruritania accuse
Freedonia, `_accusations_of_grounds`, as does a sentence opening 'Faced with their hostile attitude, ...'); a
party warned to end such conduct is accused of it by the one who warns (`_charges_of_conduct_to_end`); a threat
over 'such actions' is against the one party just charged with them (`_threats_over_charged_acts`); a charge told
with 'they' right after a measure several parties took ('which they accuse of') is each taker's
(`_charges_of_joint_takers`). The conduct that charges whoever does it is words.csv CHARGED_CONDUCT.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from graph.actors import word_classes, word_lists
from graph.extract.accused_parties import _grounds
from graph.extract.attribution import _find_actors
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.events import _make_event
from graph.extract.inferences import _implied
from graph.extract.requested import asked_to_do
from graph.records import Event, Mention
from graph.words import case_blind_matches, literal_starts

#: The measures whose grounds may charge the party they are taken against (turning deportees away is one too)
_MEASURES = frozenset({"threatenedExpulsion", "reducesCooperation", "threatenedSanctions", "refusesDeportees"})


def _next_measure_of_another(doc: _Doc, sentence, event: Event, events: list[Event], start: int) -> int:
    """Where the next measure of another party in the sentence begins (else the sentence's end): 'Russia
    expelled three Slovak diplomats after Bratislava expelled three Russian diplomats for espionage' gives the
    ground to Bratislava's measure, not Russia's."""
    reach = sentence.end
    for other in events:
        if other.sequence != event.sequence or other.actor_country == event.actor_country \
                or other.relation not in _MEASURES:
            continue
        head = re.compile(r"\s+".join(map(re.escape, other.trigger.split()))).search(doc.text, start, reach)
        if head is not None:
            reach = head.start()
    return reach


#: The doer named right after the conduct: 'over the alleged plot by Russian agents', 'interference by Moscow'
_DOER_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+by\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}?\S", re.I)


def _doer_end(doc: _Doc, match: re.Match[str]) -> int:
    """Where the ground's conduct and its doer end: a doer named after it with 'by' is the one charged, so a
    measure against another party over it charges no one ('sanctioned Iranian officials over the alleged plot
    by Russian agents')."""
    after = _DOER_AFTER.match(doc.text, match.end())
    return after.end() if after is not None else match.end()


@cache
def _leading_ground() -> re.Pattern[str]:
    """'Faced with a hostile attitude of mass expulsion, we would have to change our cooperation': a sentence that
    opens on the conduct it answers (words.csv CHARGED_CONDUCT) gives the ground of the measure it goes on to tell,
    before its wording rather than after it."""
    gap = r"(?!(?:and|or|but|that|which|who|while|after|before)\b)[\w'’-]+\s+"
    return re.compile(r"[\W]{0,3}(?:faced\s+with|in\s+the\s+face\s+of|in\s+view\s+of)\s+(?:" + gap + r"){0,4}?"
                      r"(" + word_classes()["CHARGED_CONDUCT"] + r")\b", re.I)


def charge_of_measure(doc: _Doc, sentence, event: Event, label: str, start: int, end: int,
                      actor_country: str | None = None) -> Event | None:
    """The charge a measure's reason makes: `accuses` from the measure's taker (`actor_country` when one of several
    takers) to its target, its evidence the reason's span; one builder for every step that reads a measure's reason."""
    candidate = _Candidate(_implied("accuses", label, "grievance", listed=True), sentence, start, end, end, "accuses")
    actor = Mention(start, start, event.actor, event.actor_type if event.actor_type in (
        "person", "country", "organization") else "country", event.actor, actor_country or event.actor_country, "",
        "implicit")
    target = Mention(start, start, event.target, "country", event.target_country, event.target_country, "",
                     "implicit")
    return _make_event(doc, candidate, actor, target)


def _accusations_of_grounds(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Caracas expelled the envoys of Peru and Chile because of their meddling', 'Quito recalled its ambassador
    from Mexico, citing Mexico's interference': a measure taken on the ground of conduct that is a charge
    (meddling, spying, hostile acts) accuses each party it is taken against. A ground named as another
    party's doing ('over Russia's aggression' in a measure against Belarus) charges no target."""
    found: list[Event] = []
    have = {(e.sequence, e.actor_country, e.target_country) for e in events if e.relation == "accuses"}
    of_sequence: dict[int, list[Event]] = {}  # (the events of one sentence, read once: a long text has many)
    for event in events:
        of_sequence.setdefault(event.sequence, []).append(event)
    for event in events:
        if event.relation not in _MEASURES or not event.target_country or not event.actor_country \
                or (event.sequence, event.actor_country, event.target_country) in have:
            continue
        sentence = doc.sentence_at(event.start)
        if sentence is None:
            continue
        head = re.search(r"\s+".join(map(re.escape, event.trigger.split())), doc.text[sentence.start:sentence.end])
        if head is None:
            continue
        same = of_sequence[event.sequence]
        measured = {e.target_country for e in same if e.actor_country == event.actor_country
                    and e.relation in _MEASURES}
        reach = _next_measure_of_another(doc, sentence, event, same, sentence.start + head.end())
        leading = _leading_ground().match(doc.text, sentence.start, sentence.start + head.start())
        grounds = _grounds(doc, sentence, event, sentence.start + head.end(), reach)
        for match in ([leading] if leading is not None else []) + grounds:
            named = {m.country for m in doc.mentions(sentence) if match.start() <= m.start < _doer_end(doc, match)}
            if named - measured - {event.actor_country}:
                continue  # the conduct is a third party's
            if named & measured and event.target_country not in named:
                break  # ('on Russian and Ukrainian officials blamed for Russia's incursion': Russia's conduct only)
            made = charge_of_measure(doc, sentence, event, "(measure's ground)", match.start(), match.end())
            if made is not None:
                have.add((event.sequence, event.actor_country, event.target_country))
                found.append(made)
            break
    return found


@cache
def _they_charge() -> re.Pattern[str]:
    """', which they accuse of', 'as they criticized': a charge whose subject is the joint takers of the measure told
    right before it (a charging verb, or one of words.csv CONDEMNING_VERBS)."""
    return re.compile(r"[\s,]*(?:[\w'’.-]+,?\s+){0,8}?(?P<clause>(?:(?P<rel>which|whom)|as|who)\s+they\s+(?:also\s+)?"
                      r"(?:accus\w*|" + word_classes()["CONDEMNING_VERBS"] + r"))\b", re.I)


def _charges_of_joint_takers(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Burkina Faso, Mali and Niger recalled their ambassadors from Algeria, which they accuse of shooting down a
    drone', 'Peru and Ecuador called their envoys home from Israel as they condemned the bombing of Gaza': a
    charge worded with 'they' right after a measure several parties took together is each taker's, though the
    charge's own wording may read 'they' as one party only; it is against the measure's target when the relative
    pronoun stands for it, or when the target is named in the charge."""
    found: list[Event] = []
    have = {(e.sequence, e.actor_country, e.target_country) for e in events if e.relation == "accuses"}
    joint: dict[tuple[int, str, str], dict[str, Event]] = {}
    for event in events:
        if event.relation in _MEASURES and event.actor_country and event.target_country and event.trigger:
            joint.setdefault((event.sequence, event.trigger, event.target_country), {})[event.actor_country] = event
    for (_, trigger, target), takers in joint.items():
        measure = next(iter(takers.values()))
        sentence = doc.sentence_at(measure.start)
        head = re.search(r"\s+".join(map(re.escape, trigger.split())), doc.text[sentence.start:sentence.end]) \
            if sentence is not None and len(takers) > 1 else None
        charge = _they_charge().match(doc.text, sentence.start + head.end(), sentence.end) if head else None
        if charge is None:
            continue
        named = {m.country for m in doc.mentions(sentence) if charge.end() <= m.start < charge.end() + 60}
        if not (charge.group("rel") or target in named):
            continue
        for country, taken in takers.items():
            if (taken.sequence, country, target) in have:
                continue
            candidate = _Candidate(_implied("accuses", "(charge of joint takers)", "grievance", listed=True),
                                   sentence, charge.start("clause"), charge.end(), charge.end(), "accuses")
            at = charge.start("clause")
            actor = Mention(at, at, taken.actor, taken.actor_type if taken.actor_type in (
                "person", "country", "organization") else "country", taken.actor, country, "", "implicit")
            made = _make_event(doc, candidate, actor, Mention(charge.end(), charge.end(), taken.target, "country",
                                                                target, target, "", "implicit"))
            if made is not None:
                have.add((taken.sequence, country, target))
                found.append(made)
    return found


#: 'warned Russia to cease hostile actions', 'if it did not stop its meddling': conduct a party is told to end
@cache
def _cease_conduct() -> re.Pattern[str]:
    """'cease', 'stop', 'end', 'halt' or 'refrain from' and conduct that charges whoever does it (words.csv
    CHARGED_CONDUCT), a few words apart at most."""
    return re.compile(r"\b(?:" + word_classes()["CEASE"] + r")\s+(?:(?:its|their|all|the|such|further)\s+)*"
                      r"(?:[\w-]+\s+){0,2}?(?:" + word_classes()["CHARGED_CONDUCT"] + r")\b", re.I)


#: A warning or demand addressed to the party named right after it: 'warned Russia', 'urged Minsk'
_WARNED = re.compile(r"\b(?:warn(?:s|ed|ing)?|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|press(?:es|ed|ing)?|"
                     r"told|tell(?:s|ing)?|ask(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on)\s+(?:that\s+)?(?:the\s+)?$")
#: Between the party told to end its conduct and the verb: ' to ', ' must ', 'if it did not ', 'unless they '
_DOER_GAP = re.compile(r"\s+(?:(?:to|must|should|would|will|(?:did|does|do)\s+not|didn['’]t|doesn['’]t|don['’]t)\s+)?"
                       r"(?:(?:not|immediately|fully)\s+)?", re.I)
_PRONOUN_DOER = re.compile(r"\b(?:it|they)\s+(?:(?:did|does|do)\s+not|didn['’]t|doesn['’]t|don['’]t|would\s+not|"
                           r"will\s+not|won['’]t)?\s*$", re.I)


def _charges_of_conduct_to_end(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Poland warned Russia that its presence would be reduced if it did not cease hostile actions': the party
    told to end conduct that is a charge (meddling, hostile acts) is accused of it by the one who warns."""
    found: list[Event] = []
    if "cease" not in doc.text and "stop" not in doc.text and "halt" not in doc.text and "end " not in doc.text \
            and "refrain" not in doc.text:
        return found
    have = {(e.sequence, e.actor_country, e.target_country) for e in events if e.relation == "accuses"}
    # ('end ' is in most documents: the pattern is matched only where a word of words.csv CEASE opens)
    for match in case_blind_matches(_cease_conduct(), doc.text, literal_starts(word_lists()["CEASE"])):
        sentence = doc.sentence_at(match.start())
        if sentence is None:
            continue
        mentions = [m for m in doc.mentions(sentence) if m.country and m.type in ("country", "person")]
        warned = [m for m in mentions if m.end <= match.start()
                  and _WARNED.search(doc.text, max(sentence.start, m.start - 30), m.start)]
        if not warned:
            continue
        doer = warned[-1]
        before = [m for m in mentions if m.end <= match.start()]
        if before and before[-1] is not doer and _DOER_GAP.fullmatch(doc.text, before[-1].end, match.start()):
            doer = before[-1]  # 'warned Minsk that Moscow must stop its meddling': the one named before the verb
        elif not (_DOER_GAP.fullmatch(doc.text, doer.end, match.start())
                  or _PRONOUN_DOER.search(doc.text, max(sentence.start, match.start() - 30), match.start())):
            continue
        verb = _WARNED.search(doc.text, max(sentence.start, warned[-1].start - 30), warned[-1].start)
        if asked_to_do(doc, sentence.start, verb.start()) is not None:  # 'called on China to press Russia to stop'
            continue
        accusers = [m for m in mentions if m.end <= verb.start()]
        if not accusers or accusers[-1].country == doer.country \
                or (sentence.index, accusers[-1].country, doer.country) in have:
            continue
        trigger = _implied("accuses", "(conduct to end)", "grievance")
        candidate = _Candidate(trigger, sentence, match.start(), match.end(), match.end(), "accuses")
        made = _make_event(doc, candidate, accusers[-1], doer)
        if made is not None:
            have.add((sentence.index, accusers[-1].country, doer.country))
            # (the charge stands whatever the warning makes conditional: 'if it did not cease')
            found.append(replace(made, mode="asserted") if made.mode == "conditional" else made)
    return found


@cache
def _threat_over_acts() -> re.Pattern[str]:
    """'such irresponsible actions will lead to consequences': a threat whose subject points back to acts told
    before (words.csv ACTS_TOLD_BEFORE), naming no party of its own; what they bring (BRING_ABOUT) is a dire outcome
    (DIRE_OUTCOME)."""
    classes = word_classes()
    return re.compile(r"\b(?:such|these|those|this|that)\s+(?:[\w-]+\s+){0,2}?(?:" + classes["ACTS_TOLD_BEFORE"]
                      + r")\s+(?:will|would|could|shall)\s+(?:[a-z]+ly\s+)?(?:" + classes["BRING_ABOUT"]
                      + r")\s+(?:[\w-]+\s+){0,3}?(?:consequences?|repercussions?)\b", re.I)


def _threats_over_charged_acts(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Kabul denounced the strikes, warning that such actions will lead to consequences': a threat over acts the
    same party charged another with, in the same sentence or the two before, is against the one it charged (and
    only when it charged one country there: with several, which acts are meant is not said)."""
    found: list[Event] = []
    if "consequence" not in doc.text and "repercussion" not in doc.text:
        return found
    for match in _threat_over_acts().finditer(doc.text):
        sentence = doc.sentence_at(match.start())
        if sentence is None or any(m.start >= sentence.start and m.end <= match.end() and m.type == "country"
                                   and match.start() <= m.start for m in doc.mentions(sentence)):
            continue  # 'such actions by Pakistan will ...' names its party: the worded trigger reads it
        trigger = _implied("threatened", "(threat over charged acts)", "security")
        candidate = _Candidate(trigger, sentence, match.start(), match.end(), match.end(), "threatened")
        for actor in _find_actors(doc, candidate):
            charged = {e.target_country for e in events if e.relation == "accuses"
                       and e.actor_country == actor.country and e.target_country
                       and sentence.index - 2 <= e.sequence <= sentence.index}
            if len(charged) != 1 or any(e.sequence == sentence.index and e.relation == "threatened"
                                        and e.actor_country == actor.country for e in events + found):
                continue
            country = next(iter(charged))
            target = Mention(match.start(), match.end(), country, "country", country, country, "", "implicit")
            event = _make_event(doc, candidate, actor, target)
            if event is not None:
                found.append(event)
    return found
