"""Events read from other events and from the whole document, once every sentence has been read.

An official named before 'in'/'at' a foreign capital is visiting it (`_presence_visits`); a guest named after
'visiting' is on a visit (`_visiting_guests`); a party that 'followed suit' does what the last event did
(`_followed_suit`), one that retaliates turns the same measure back (`_retaliations`); a measure held over a
party 'unless' it acts demands that act (graph/extract/conditions.py); a measure taken over the other party's
meddling or spying accuses it of that (`_accusations_of_grounds`), and so does warning it to end such conduct
(`_charges_of_conduct_to_end`); a threat over 'such actions' is against the party just charged with them
(`_threats_over_charged_acts`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from graph.actors import knowledge_base, word_classes, word_lists
from graph.extract.accused_parties import _grounds
from graph.extract.attribution import _find_actors
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _coordinated
from graph.extract.document import _Doc, in_setting_phrase
from graph.extract.events import _make_event
from graph.extract.hedges import _asked_to_go, _trip_asked_about
from graph.extract.lexicon import Trigger
from graph.extract.meetings import _CLAUSE_BREAK, _place_as_modifier, _territory
from graph.extract.negation import _stayed_away
from graph.extract.owners import _as_country
from graph.extract.pairs import _AT_PLACE
from graph.records import Event, Mention
from graph.words import case_blind_matches, literal_starts


def _implied(relation: str, label: str, context: str, *, listed: bool = False) -> Trigger:
    """A trigger standing for an act the text implies ('followed suit', 'retaliated'): it matches no text of
    its own, the left party acts, and its confidence is lower than that of any worded trigger."""
    return Trigger(relation, label, (), "-", "left", "right", listed, 20, 0.6, context, worded=False)


_PRESENCE_TRIGGER = Trigger("visits", "(official present in a foreign place)", (), "-", "left", "place", False,
                            18, 0.6, "diplomacy", worded=False)


@cache
def _presence_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words before 'in'/'at' that tie a person to a place without a visit ('born in', 'jailed in', 'troops
    in'), and roles of people who live where they work (ambassadors, envoys): word classes NOT_A_VISIT and
    RESIDENT."""
    classes = word_classes()
    return (re.compile(r"\b" + classes["NOT_A_VISIT"] + r"\s+(?:\w+\s+)?$", re.I),
            re.compile(classes["RESIDENT"], re.I))


#: 'met visiting US Secretary of State Rex Tillerson', 'welcomed the visiting Kenyan president': the guest named
#: after 'visiting' is on a visit to the host, who meets them.
_VISITING_GUEST = re.compile(r"\bvisiting\s+(?:(?:[A-Z][\w.'’-]*|of|the|and)\s+){0,6}$")


#: What a host does toward a guest named after 'visiting' in the same sentence
_HOSTS_ACTS = frozenset({"meetsWith", "demands", "accuses"})


def _visiting_guests(doc: _Doc, events: list[Event]) -> list[Event]:
    """A person named after 'visiting' visits the country of the sentence's party that meets, welcomes or
    talks with them ('Xi met visiting Secretary of State Tillerson': Tillerson visits China), or that tells
    them something or charges them ('Wang told visiting Secretary of State Pompeo that Washington should stop')."""
    found: list[Event] = []
    seen = {(e.sequence, e.actor_country, e.target_country) for e in events if e.relation == "visits"}
    for event in events:
        if event.relation not in _HOSTS_ACTS or not event.target_country:
            continue
        sentence = doc.sentence_at(event.start)
        if sentence is None:
            continue
        guest = next((m for m in doc.mentions(sentence) if m.type == "person" and m.country == event.target_country
                      and _VISITING_GUEST.search(doc.text, max(sentence.start, m.start - 80), m.start)), None)
        if guest is None or not guest.country or guest.country == event.actor_country \
                or (sentence.index, guest.country, event.actor_country) in seen:
            continue
        word = _VISITING_GUEST.search(doc.text, max(sentence.start, guest.start - 80), guest.start)
        host = Mention(0, 0, knowledge_base().country_name(event.actor_country), "country", event.actor_country,
                       event.actor_country, "", "implicit")
        candidate = _Candidate(_PRESENCE_TRIGGER, sentence, word.start(), word.start() + len("visiting"), guest.end,
                               "visits")
        visit = _make_event(doc, candidate, guest, host)
        if visit is not None:
            seen.add((sentence.index, guest.country, event.actor_country))
            found.append(visit)
    return found


#: 'no' right before an official: 'no Kenyan minister' names nobody who is there
_NONE_OF = re.compile(r"\b[Nn]o\s+$")
#: A possessive right after a place ("Mexico's"), compiled once
_POSSESSIVE_NEXT = re.compile(r"['’]s?\s")


def _presence_visits(doc: _Doc, events: list[Event]) -> list[Event]:
    """'King Abdullah II held his ground at the White House', 'Abdelatty, who held talks in Washington':
    an official named before 'in'/'at' a foreign capital (or country) in the same clause is visiting it.

    Residents (ambassadors, envoys, spokespeople) and ties that are not visits ('born in', 'jailed in',
    'troops in') are skipped, as are places of another party's clause ('said talks in Washington would').
    """
    found: list[Event] = []
    seen = {(e.sequence, e.actor_country, e.target_country) for e in events if e.relation == "visits"}
    for place in doc.actors.mentions:
        if place.type != "country" or place.via not in ("capital", "name", "place") \
                or place.start < doc.document.body_start or _territory(place):
            continue
        sentence = doc.sentence_at(place.start)
        if sentence is None or doc.is_caption(sentence):
            continue
        before = doc.text[max(sentence.start, place.start - 8):place.start]
        at = _AT_PLACE.search(before) or _OPENING_PLACE.fullmatch(doc.text, sentence.start, place.start)
        if at is None or (place.via == "name" and at.group().startswith("at")):
            continue  # people are 'in Canada'; 'aimed at Canada' is no place
        if _POSSESSIVE_NEXT.match(doc.text[place.end:place.end + 3]) \
                and not _PLACE_OWNED.match(doc.text, place.end):
            continue  # 'a role in Mexico's struggle': the country owns what follows ('in Oman's capital' is a place)
        if _place_as_modifier().match(doc.text, place.end):
            continue  # 'Abiy in Sudan peace push': the country names the push
        if _stayed_away(doc, sentence.start, place.start):
            continue  # 'Rubio boycotted a G20 meeting hosted in Johannesburg': he was not there
        if _asked_to_go(doc.text, sentence.start, place.start):
            continue  # 'urged Lula to attend the summit in Manila': asked to go, not there
        if _trip_asked_about(doc.text, sentence.start, place.start):
            continue  # 'declined to say whether Li would attend the summit in New Delhi': asked about, not told
        if in_setting_phrase(doc.text, sentence.start, place.start):
            continue  # 'met Kishida despite grumblings in Beijing': where others grumble, nobody is there
        if _deal_made_there().search(doc.text, max(sentence.start, place.start - 80), place.start):
            continue  # 'both leaders stood by a truce agreed at a summit in Tanzania': where the deal was made
        preposition_at = place.start - len(before) + at.start() if at.re is _AT_PLACE else sentence.start
        if _presence_patterns()[0].search(doc.text, max(sentence.start, preposition_at - 40), preposition_at):
            continue
        earlier = [m for m in doc.mentions(sentence) if m.end <= preposition_at]
        actor = _present_official(doc, earlier, preposition_at, place.country) if earlier \
            else _opening_place_official(doc, sentence, place)
        if actor is None or actor.country == place.country or not actor.country \
                or _NONE_OF.search(doc.text, max(0, actor.start - 4), actor.start):
            continue  # ('There was no Kenyan minister in Beijing': nobody of Kenya's was there)
        candidate = _Candidate(_PRESENCE_TRIGGER, sentence, preposition_at, place.start, place.end, "visits")
        # 'Greek Prime Minister X and Cypriot Foreign Minister Y took part ... at the White House': both are there
        for present in _coordinated(doc, doc.mentions(sentence), actor):
            if not present.country or present.country == place.country \
                    or (sentence.index, present.country, place.country) in seen:
                continue
            event = _make_event(doc, candidate, present, _as_country(place))
            if event is not None:
                seen.add((sentence.index, present.country, place.country))
                found.append(event)
    return found


@cache
def _deal_made_there() -> re.Pattern[str]:
    """A deal named with the participle of its making, then where ('a truce agreed at a summit in', 'the accord
    signed in'): a reduced clause on the deal, whose place tells where the deal was made, not that the official
    before it is there now (words.csv TIES)."""
    return re.compile(r"\b(?:" + word_classes()["TIES"] + r")\s+(?:agreed|signed|reached|brokered|struck|sealed|"
                      r"concluded|negotiated|adopted)\s+(?:(?:upon|on|at|in|during)\s+)?(?:[\w'’-]+\s+){0,4}?"
                      r"(?:at|in)\s+(?:the\s+)?$", re.I)


#: A place opening its sentence, then its time and a comma: 'In Accra on Monday, ', 'At the White House, '
_OPENING_PLACE = re.compile(r"\s*[\"“]?(?:In|At)\s+(?:the\s+)?$")
_AFTER_OPENING_PLACE = re.compile(r"(?:\s+(?:on|last|this|early|late|earlier|later)\b[^,;.]{0,30})?,\s+")


def _opening_place_official(doc: _Doc, sentence, place: Mention) -> Mention | None:
    """'In Accra on Monday, Britain's foreign secretary warned ...': the official right after a place that opens
    the sentence is there."""
    if not _OPENING_PLACE.fullmatch(doc.text, sentence.start, place.start):
        return None
    comma = _AFTER_OPENING_PLACE.match(doc.text, place.end)
    if comma is None:
        return None
    following = [m for m in doc.mentions(sentence) if m.start >= comma.end()]
    if len(following) > 1 and following[0].via == "demonym" and following[1].country == following[0].country:
        following = following[1:]  # 'British Foreign Secretary David Lammy': the demonym names his office
    first = following[0] if following else None
    if first is None or first.start - comma.end() > 40 or not first.country \
            or not (first.type == "person" or first.via == "role"):
        return None
    return first


_PLACE_OWNED = re.compile(r"['’]s?\s+(?:capital|city|port|border|territory|soil|embassy)\b")


@cache
def _travellers() -> re.Pattern[str]:
    """Government people who travel ('the Japanese ministers were in Manila', words.csv TRAVELLERS); troops and
    forces in a place are stationed there, not visiting."""
    return re.compile(r"(?<![\w-])" + word_classes()["TRAVELLERS"] + r"$", re.I)


#: A speech verb, perhaps with its time, right before the place: 'said on Thursday in Magelang', 'told reporters in
#: Hanoi'. The speaker is where they spoke; no reported clause has opened yet.
_SPOKE_THERE = re.compile(r"\s+(?:\w+ly\s+)?(?:said|says|spoke|speaking|told\s+(?:reporters|journalists|a\s+news\s+"
                          r"conference|a\s+press\s+conference))(?:\s+(?:on|last|this|late|early)\s+\w+|\s+(?:today|"
                          r"yesterday|earlier|later))?\s+")


#: 'the late President', 'late King': a dead person, perhaps with a title
_LATE_BEFORE = re.compile(r"\b[Ll]ate\s+(?:[A-Z][\w.'’-]*\s+){0,4}$")
#: A negated verb right before the place ('did not meet in', 'never arrived in'): no one was there for it
_NEGATED_VERB_BEFORE = re.compile(r"\b(?:did\s+not|didn['’]t|never|failed\s+to|will\s+not|won['’]t|would\s+not)\s+"
                                  r"[a-z]+\s+$")
_STAY_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:stay|sojourn)\s+", re.I)


#: A named subject that opens a sentence right before a 'he' or 'she' that opens the next: 'Louis Arnaud is free. He'
_NAMED_SUBJECT_THEN_PRONOUN = re.compile(r"(?:^|[.\"“]\s*)(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+)\s+"
                                         r"(?:is|was|has|had|will|remains)\b[^.!?]{0,80}[.!?]\s+$")


def _private_subject_before(doc: _Doc, pronoun: Mention) -> bool:
    """Whether the sentence before a 'he' that opens its own has for subject a name that is no party's (a private
    person, whom the document knows as no official): the 'he' stands for that person."""
    found = _NAMED_SUBJECT_THEN_PRONOUN.search(doc.text, max(0, pronoun.start - 140), pronoun.start)
    if found is None:
        return False
    start, end = found.start("name"), found.end("name")
    # (the mentions that start up to a long name's length before it: not a pass over the whole document's)
    return not any(m.start < end and start < m.end for m in doc.actors.between(max(0, start - 200), end))


def _present_official(doc: _Doc, earlier: list[Mention], offset: int, host: str) -> Mention | None:
    """The official whose clause reaches `offset`: the last person (or office) before it, when only parties
    of its own country or of the host country, and no clause break or quotation, stand between them."""
    for mention in reversed(earlier):
        between = doc.text[mention.end:offset]
        if len(between.split()) > 12 or (_CLAUSE_BREAK.search(between) and not _SPOKE_THERE.fullmatch(between)):
            return None
        if mention.via == "pronoun" and mention.type == "person" \
                and _STAY_AFTER.fullmatch(doc.text, mention.end, offset):
            return mention  # 'during her stay in Tokyo': the one staying is there
        if mention.via == "pronoun" and mention.text.lower() in ("his", "her", "its", "their"):
            continue  # a possessive is not the clause's subject
        if mention.via == "pronoun" and mention.type == "person" and _private_subject_before(doc, mention):
            return None  # '"Our compatriot is free at last. He lands in Paris tomorrow after months in an Iranian
            # jail," the president wrote': 'he' is the private person just named, not the speaker
        if mention.country == host and _COMPANION_BEFORE.search(doc.text, max(0, mention.start - 30), mention.start):
            continue  # 'Rubio, speaking alongside Arevalo following their meeting in Guatemala City': the host beside
            # the official is no subject; the official before him is the one there
        if mention.type == "person" and _LATE_BEFORE.search(doc.text, max(0, mention.start - 40), mention.start):
            continue  # 'laid a wreath for the late President X at his mausoleum in Ankara': the dead visit no one
        if mention.type == "person" and _owned_thing_after().match(doc.text, mention.end, offset):
            return None  # 'the world is united against Putin's actions in Ukraine': the place is that of his
            # conduct, not his own ("Rubio's stop in San Jose", "Biden's motorcade in Hanoi" still put him there)
        if mention.type == "person" or mention.via == "role" or (
                mention.via == "government" and _travellers().search(mention.text)):
            if _presence_patterns()[1].search(mention.role or mention.text):
                return None
            if mention.type == "person" and not mention.role:
                return None  # 'Russian deserter Dmitry Setrakov ... in the Armenian city of Gyumri': no office
            if _DONE_TO_AFTER.search(between):
                return None  # 'who was captured by soldiers in Gyumri': taken there, not visiting
            if _NEGATED_VERB_BEFORE.search(between):
                return None  # 'officials did not meet in Istanbul as expected': the place of what did not happen
            if any(m.country not in (mention.country, host, "") and m.start >= mention.end for m in earlier):
                return None
            sentence = doc.sentence_at(mention.start)
            if sentence is not None and _DONE_TO.search(doc.text, max(sentence.start, mention.start - 60),
                                                        mention.start):
                return None  # 'the drone attack that killed General Soleimani in Baghdad': no visit of his
            return mention
    return None


@cache
def _owned_thing_after() -> re.Pattern[str]:
    """A possessive right after a person and a noun of their conduct, up to the place ("Putin's actions in",
    words.csv OWNED_CONDUCT); 'presence' excepted, which does put them there."""
    return re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?!presence\b)(?:" + word_classes()["OWNED_CONDUCT"]
                      + r")\s+(?:[\w-]+\s+){0,2}$", re.I)


#: Right before a person who keeps the subject company: 'alongside ', 'together with President '
_COMPANION_BEFORE = re.compile(r"\b(?:alongside|beside|together\s+with|next\s+to|flanked\s+by)\s+"
                               r"(?:(?:the|his|her|their)\s+)?(?:[\w.-]+\s+){0,4}?$")


#: A person who is the object of these verbs, or of these nouns ('the removal of President Mohamed Bazoum'), was
#: not visiting the place named after them.
_DONE_TO = re.compile(r"\b(?:killed|assassinated|arrested|detained|kidnapped|abducted|captured|sentenced|executed|"
                      r"expelled|deported|jailed|imprisoned|targeted|extradited|convicted|"
                      r"(?:removal|ouster|overthrow|toppling|assassination|killing|arrest|abduction)\s+of)\b[^,;.]*$")


_DONE_TO_AFTER = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?(?:killed|arrested|detained|kidnapped|"
                            r"abducted|captured|jailed|imprisoned|held|returned|deported|extradited)\b|"
                            r"\bafter\s+being\s+\w+ed\b")


#: 'Russia later followed suit', 'Canada did the same': the same act by another party ('urged others to follow
#: suit' asks for it: the bare verb is left out)
_FOLLOWED_SUIT = re.compile(r"\b(?:follow(?:ed|s|ing)\s+suit|did\s+(?:the\s+same|likewise)|(?:has|have)\s+done\s+the\s+"
                            r"same|took\s+(?:a\s+)?similar\s+(?:step|steps|measures|action))\b", re.I)
#: The words every `_FOLLOWED_SUIT` match opens with: the text is matched only where they stand
_FOLLOWED_SUIT_OPENINGS = ("follow", "did", "has", "have", "took")


def _act_of_charge(earlier: list[Event]) -> Event:
    """The act a later party repeats: the last event, unless it is a charge the same party made with an act of
    the same sentence ('expelled five Russian diplomats, saying they had violated diplomatic norms. The US took
    similar steps': the step is the expulsion, the charge only its reason)."""
    last = earlier[-1]
    if last.relation != "accuses":
        return last
    acts = [e for e in earlier if e.sequence == last.sequence and e.actor_country == last.actor_country
            and e.relation not in ("accuses", "demands", "rejects")]
    return acts[-1] if acts else last


def _followed_suit(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Beijing banned imports of Japanese seafood. Russia later followed suit.': a party that follows suit does
    what the last event of the two sentences before did, to the same target (never to itself)."""
    found: list[Event] = []
    if " suit" not in doc.text and " same" not in doc.text and "likewise" not in doc.text \
            and "similar" not in doc.text:
        return found  # most documents have no such wording: skip the scan
    for match in case_blind_matches(_FOLLOWED_SUIT, doc.text, _FOLLOWED_SUIT_OPENINGS):
        sentence = doc.sentence_at(match.start())
        if sentence is None:
            continue
        earlier = [e for e in events if e.end <= match.start() and sentence.index - 2 <= e.sequence
                   and e.target_country and e.relation not in ("meetsWith", "visits")]
        if not earlier:
            continue
        model = _act_of_charge(earlier)
        trigger = _implied(model.relation, "(followed suit)", model.context, listed=True)
        candidate = _Candidate(trigger, sentence, match.start(), match.end(), match.end(), model.relation)
        target = Mention(match.start(), match.end(), model.target_country, "country", model.target_country,
                         model.target_country, "", "implicit")
        for actor in _find_actors(doc, candidate):
            if actor.country in (model.actor_country, model.target_country):
                continue
            event = _make_event(doc, candidate, actor, target)
            if event is not None:
                found.append(event)
    return found


#: 'Zagreb quickly retaliated', 'Moscow responded in kind': the same measure turned back on the one who took it
#: ('retaliated against X' and 'retaliated by expelling' name the measure or the party themselves)
_RETALIATED = re.compile(r"\b(?:retaliat(?:ed|es)|reciprocated|responded\s+in\s+kind|hit\s+back)\b"
                         r"(?!\s+(?:against|by|with|over)\b)", re.I)
#: The words every `_RETALIATED` match opens with
_RETALIATED_OPENINGS = ("retaliat", "reciprocated", "responded", "hit")
_TURNED_BACK = frozenset({"threatenedExpulsion", "threatenedSanctions", "reducesCooperation"})
_NOT_YET = re.compile(r"\b(?:not|n['’]t|never|yet\s+to)\s+(?:\w+\s+)?$", re.I)


def _retaliations(doc: _Doc, events: list[Event]) -> list[Event]:
    """'Serbia expelled two Croatian diplomats and Zagreb retaliated': a party that retaliates takes the same
    measure against the one that took it against that party, in the same sentence or the two before."""
    found: list[Event] = []
    if "retaliat" not in doc.text and "recipro" not in doc.text and " in kind" not in doc.text \
            and "hit back" not in doc.text:
        return found
    for match in case_blind_matches(_RETALIATED, doc.text, _RETALIATED_OPENINGS):
        sentence = doc.sentence_at(match.start())
        if sentence is None or _NOT_YET.search(doc.text, max(0, match.start() - 12), match.start()):
            continue
        trigger = _implied("threatenedExpulsion", "(retaliated)", "")
        candidate = _Candidate(trigger, sentence, match.start(), match.end(), match.end(), "threatenedExpulsion")
        for actor in _find_actors(doc, candidate):
            models = [e for e in events if e.relation in _TURNED_BACK and e.target_country == actor.country
                      and e.actor_country and sentence.index - 2 <= e.sequence <= sentence.index]
            if not models:
                continue
            model = min(models, key=lambda e: abs(e.start - match.start()))
            candidate.relation = model.relation
            candidate.trigger = _implied(model.relation, "(retaliated)", model.context)
            if any(e.sequence == sentence.index and (e.actor_country, e.relation, e.target_country)
                   == (actor.country, model.relation, model.actor_country) for e in events + found):
                continue  # the sentence already says what the retaliation was ('hit back, ordering duties')
            target = Mention(match.start(), match.end(), model.actor_country, "country", model.actor_country,
                             model.actor_country, "", "implicit")
            event = _make_event(doc, candidate, actor, target)
            if event is not None:
                found.append(event)
    return found


_MEASURES = frozenset({"threatenedExpulsion", "reducesCooperation", "threatenedSanctions"})


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
        for match in _grounds(doc, sentence, event, sentence.start + head.end(), reach):
            named = {m.country for m in doc.mentions(sentence) if match.start() <= m.start < _doer_end(doc, match)}
            if named - measured - {event.actor_country}:
                continue  # the conduct is a third party's
            if named & measured and event.target_country not in named:
                break  # ('on Russian and Ukrainian officials blamed for Russia's incursion': Russia's conduct only)
            trigger = _implied("accuses", "(measure's ground)", "grievance", listed=True)
            candidate = _Candidate(trigger, sentence, match.start(), match.end(), match.end(), "accuses")
            actor = Mention(match.start(), match.start(), event.actor, event.actor_type if event.actor_type in (
                "person", "country", "organization") else "country", event.actor, event.actor_country, "", "implicit")
            target = Mention(match.start(), match.start(), event.target, "country", event.target_country,
                             event.target_country, "", "implicit")
            made = _make_event(doc, candidate, actor, target)
            if made is not None:
                have.add((event.sequence, event.actor_country, event.target_country))
                found.append(made)
            break
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
