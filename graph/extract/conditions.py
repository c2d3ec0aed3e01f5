"""Demands read from the conditions a measure sets: 'Britain would suspend aid ... unless Kigali withdrew its
forces' demands the withdrawal of Kigali (`_demands_of_conditions`), and so does 'the measures will stay in place
until Israel allows aid in', a later sentence naming the measure back (`_demands_of_measures_named_back`); a threat
held over an act going on ('if the flights continue') or set as the price of one left undone ('drop the charges or
face tariffs') demands it of the one threatened (`_threats_on_going_acts`). A headline that quotes one party's words
to another, 'Washington to Seoul: pay more for your troops', names the speaker, then 'to' and the one spoken to,
then after a colon the order: the first party demands of the second, though no verb of demanding is written
(`_headline_demands`).
"""

from __future__ import annotations

import re

from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.events import _make_event
from graph.extract.inferences import _implied
from graph.extract.lexicon import Trigger
from graph.extract.owners import _as_country
from graph.records import Event, Mention

#: 'unless Kigali withdrew its forces', 'until Juba cooperates', 'as long as Minsk keeps': the condition a threat or a
#: measure sets names what the other side must do.
_UNLESS = re.compile(r"\b(?:unless|until|till|(?:as|so)\s+long\s+as)\s+(?:the\s+)?")
#: What every `_UNLESS` match holds verbatim (the pattern is case-sensitive)
_UNLESS_WORDS = ("unless", "til", "long")


def _may_set_condition(text: str, start: int, end: int) -> bool:
    """Whether `_UNLESS` may match between `start` and `end`: substring tests in C rule out most sentences before
    the regex scans them."""
    return any(text.find(word, start, end) != -1 for word in _UNLESS_WORDS)
_CONDITIONED = frozenset({"threatenedSanctions", "threatened", "threatenedExpulsion", "reducesCooperation"})
#: A verb right after the party named in the condition ('unless Kigali withdrew', 'until Juba quickly cooperates')
_VERB_NEXT = re.compile(r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)?\b")
#: 'if Beijing does not withdraw its duties': a condition told as an act left undone is an 'unless'
_IF = re.compile(r"\bif\s+(?:the\s+)?")
_NOT_VERB_NEXT = re.compile(r"\s+(?:does\s+not|do\s+not|did\s+not|doesn['’]t|don['’]t|didn['’]t|fails?\s+to|"
                            r"failed\s+to|refuses?\s+to)\s+(?:\w+ly\s+)?[a-z]+\b")


def _condition_openings(doc: _Doc, sentence) -> list[tuple[re.Match[str], re.Pattern[str]]]:
    """Where a condition on a party opens in a sentence, with what must follow the party's name: a verb after
    'unless' or 'until', an act left undone after 'if' ('if Beijing does not withdraw')."""
    found = [(match, _VERB_NEXT) for match in _UNLESS.finditer(doc.text, sentence.start, sentence.end)]
    return found + [(match, _NOT_VERB_NEXT) for match in _IF.finditer(doc.text, sentence.start, sentence.end)]


def _condition_demand(doc: _Doc, sentence, match: re.Match[str], party: Mention, measure: Event) -> Event | None:
    """The demand a condition makes: the measure's actor demands, of the party named after 'unless'/'until'."""
    trigger = _implied("demands", "(condition)", "diplomacy", listed=True)
    candidate = _Candidate(trigger, sentence, match.start(), match.end(), party.end, "demands")
    kind = measure.actor_type if measure.actor_type in ("person", "country", "organization") else "country"
    actor = Mention(match.start(), match.start(), measure.actor, kind, measure.actor, measure.actor_country, "",
                    "implicit")
    return _make_event(doc, candidate, actor, party)


def _demands_of_conditions(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Britain would suspend aid ... unless Kigali withdrew its forces': a measure held over a party until it
    acts demands that act of it (the measure's actor demands, of the party named after 'unless')."""
    found: list[Event] = []
    if "unless" not in doc.text and "til" not in doc.text and " long as" not in doc.text and "if " not in doc.text:
        return found
    have = {(e.sequence, e.actor_country, e.target_country) for e in events if e.relation == "demands"}
    for event in events:
        if event.relation not in _CONDITIONED or not event.target_country:
            continue
        sentence = doc.sentence_at(event.start)
        if sentence is None:
            continue
        for match, verb_next in _condition_openings(doc, sentence):
            party = next((m for m in doc.mentions(sentence) if m.start == match.end()), None)
            if party is None or party.country != event.target_country \
                    or not verb_next.match(doc.text, party.end) \
                    or (sentence.index, event.actor_country, party.country) in have:
                continue
            made = _condition_demand(doc, sentence, match, party, event)
            if made is not None:
                have.add((sentence.index, event.actor_country, party.country))
                found.append(made)
    return found


#: A measure named back before its condition: 'the measures would be in place until', 'the ban stays until'
_NAMED_BACK = re.compile(r"\b(?:the|these|those|such|this|that)\s+(?:[\w-]+\s+)?(?:measures?|restrictions|ban|"
                         r"sanctions|tariffs|duties|suspension|steps)\b[^.;:]*$", re.I)


def _demands_of_measures_named_back(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Ankara halted every shipment to Israel. The curbs will stay, the ministry said, until Israel
    allowed aid into Gaza': a measure named back and held until the party it hit acts demands that act of it (the
    actor of the latest such measure of the three sentences before demands, of the party named after 'until')."""
    found: list[Event] = []
    if "unless" not in doc.text and "til" not in doc.text and " long as" not in doc.text:
        return found
    have = {(e.sequence, e.actor_country, e.target_country) for e in events if e.relation == "demands"}
    measures = [e for e in events if e.relation in _CONDITIONED and e.target_country]
    for sentence in doc.sentences:
        if not _may_set_condition(doc.text, sentence.start, sentence.end):
            continue
        for match in _UNLESS.finditer(doc.text, sentence.start, sentence.end):
            if not _NAMED_BACK.search(doc.text, sentence.start, match.start()):
                continue
            party = next((m for m in doc.mentions(sentence) if m.start == match.end()), None)
            if party is None or not party.country \
                    or not _VERB_NEXT.match(doc.text, party.end):
                continue
            measure = next((e for e in reversed(measures) if sentence.index - 3 <= e.sequence <= sentence.index
                            and e.target_country == party.country and e.actor_country != party.country), None)
            if measure is None or (sentence.index, measure.actor_country, party.country) in have:
                continue
            made = _condition_demand(doc, sentence, match, party, measure)
            if made is not None:
                have.add((sentence.index, measure.actor_country, party.country))
                found.append(made)
    return found


#: 'if cargo continued to be held up at the Norwegian border', 'should the shelling persist': a threat set off by
#: an act going on asks that the act stop (group 'body': what lies between the opening and the verb)
_GOING_ON = re.compile(r"\b(?:if|should)\s+(?P<body>[^.;:!?]{0,80}?)\s+(?:continues?|continued|persists?|persisted|"
                       r"goes\s+on|went\s+on)\b")
#: 'accept deportees or face 50% tariffs': the threat is the price of not doing what comes before 'or'
_OR_FACE = re.compile(r"\bor\s+(?:else\s+)?$")


def _threats_on_going_acts(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Russia warned Norway it would take tough countermeasures if cargo continued to be held up at the Norwegian
    border', 'Washington told Bogota to take the flights or face tariffs': a threat held over an act going on, or
    set as the price of an act left undone, demands of the one threatened that it stop or act. A condition that
    names a third party is that party's act, and demands nothing of the one threatened."""
    found: list[Event] = []
    have = {(e.sequence, e.actor_country, e.target_country) for e in events if e.relation == "demands"}
    for event in events:
        if event.relation not in ("threatened", "threatenedSanctions") or not event.target_country \
                or (event.sequence, event.actor_country, event.target_country) in have:
            continue
        sentence = doc.sentence_at(event.start)
        if sentence is None:
            continue
        words = event.trigger.split()
        found_head = re.compile(r"\s+".join(map(re.escape, words))).search(doc.text, sentence.start, sentence.end) \
            if words else None
        head = found_head.start() if found_head is not None else -1
        opening = _or_face(doc, sentence, head) or _going_on(doc, sentence, event, head)
        if opening is None:
            continue
        target = Mention(opening.start(), opening.start(), event.target, "country", event.target_country,
                         event.target_country, "", "implicit")
        made = _condition_demand(doc, sentence, opening, target, event)
        if made is not None:
            have.add((event.sequence, event.actor_country, event.target_country))
            found.append(made)
    return found


def _or_face(doc: _Doc, sentence, head: int) -> re.Match[str] | None:
    """'... or face tariffs': the threat's wording opens with 'face' right after 'or'."""
    if head < sentence.start or not doc.text.startswith("face", head):
        return None
    return _OR_FACE.search(doc.text, max(sentence.start, head - 9), head)


def _going_on(doc: _Doc, sentence, event: Event, head: int) -> re.Match[str] | None:
    """The condition of an act going on after the threat's wording, naming no party but the two sides."""
    if head < sentence.start:
        return None
    for match in _GOING_ON.finditer(doc.text, head, sentence.end):
        named = {m.country for m in doc.mentions(sentence) if match.start() <= m.start < match.end()}
        if named <= {event.actor_country, event.target_country}:
            return match
    return None


_ADDRESSED_TRIGGER = Trigger("demands", "(words addressed to a party in a headline)", (), "-", "left", "right",
                             False, 18, 0.6, "diplomatic-pressure", worded=False)

#: Between the speaker and the one spoken to: ' to '
_TO = re.compile(r"[ \t]+to[ \t]+")
#: After the one spoken to: a colon, perhaps a quotation mark, then a word in lower case that opens an order
#: ('pay up', 'stop', 'back off'), not a statement of the speaker's own ('we will', 'it is')
_ORDER_AFTER = re.compile(r"[ \t]*:[ \t]*[\"“‘']?(?!(?:we|i|it|they|this|that|there|a|an|the)\b)[a-z]+\b")


def _headline_demands(doc: _Doc, events: list[Event]) -> list[Event]:
    """The demand of a headline 'X to Y: <order>' (the first sentence of the text, when it is the headline)."""
    sentence = next((s for s in doc.sentences if s.start >= doc.document.body_start), None)
    if sentence is None:
        return []
    mentions = [m for m in doc.mentions(sentence) if m.country]
    for speaker, addressee in zip(mentions, mentions[1:], strict=False):
        if not _TO.fullmatch(doc.text, speaker.end, addressee.start) \
                or not _ORDER_AFTER.match(doc.text, addressee.end) \
                or doc.text[sentence.start:speaker.start].strip() or speaker.country == addressee.country:
            continue
        candidate = _Candidate(_ADDRESSED_TRIGGER, sentence, speaker.end, addressee.start, addressee.end, "demands")
        event = _make_event(doc, candidate, _as_country(speaker) if speaker.via == "demonym" else speaker,
                            _as_country(addressee) if addressee.via == "demonym" else addressee)
        known = {(e.actor_country, e.relation, e.target_country) for e in events}
        if event is not None and (event.actor_country, "demands", event.target_country) not in known:
            return [event]
    return []
