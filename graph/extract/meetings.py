"""Meetings and visits told by other events of the same sentence (`_meetings_of_signings`, `_visits_of_meetings`).

Signing with a foreign leader is meeting them; a third party present at a meeting or a signing meets its
parties; a meeting held in a foreign place, or under a foreign dateline with its host, is a visit by every
foreign participant, and so is a signing there; a visit to a person is a meeting with them, and a trip made
for talks with no other partner named is a meeting with the country visited; talks a deal followed ('following four
days of discussions') were held by the deal's parties (`talks_before_deals`). These events are
read from the events a sentence already has, once its triggers are resolved, so they are a step of their own
after `events` has paired actors and targets; where a meeting was held is read here too, and whether a visitor
is an envoy resident where they went (`_resident_visitor`: no visit of the envoy's country), whether talks an
envoy called home is to hold are held at home (`_talks_at_home`: no meeting with the other side), and whether
the party after 'with' is only the one a discussed relationship is with (`_ties_as_topic`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc, in_setting_phrase
from graph.extract.lexicon import Trigger
from graph.extract.owners import _as_country
from graph.extract.pairs import _AT_PLACE
from graph.extract.trip_senses import at_gathering_edge, hosted_talks
from graph.records import Mention

_VISIT_TRIGGER = Trigger("visits", "(meeting held in a foreign place)", (), "-", "left", "place", False, 19,
                         0.65, "diplomacy", worded=False)

#: A place named inside the wording of a meeting ('talks in New York between'): it was held there
_PLACE_IN_WORDING = re.compile(r"\b(?:in|at)\s+(?:the\s+)?[A-Z]")
#: A place named right after the meeting verb ('met in Brussels'): where the meeting was, not the dateline's city
_PLACE_NEXT = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]")


def _meetings_of_signings(doc: _Doc, resolved: list) -> list:
    """'signed a partnership with President Zelensky': signing with a foreign leader is meeting them."""
    extra = []
    for candidate, actor, targets in resolved:
        if candidate.relation != "agreesToCooperate" or not _SIGNED.match(doc.text, candidate.head_start):
            continue
        people = [t for t in targets if isinstance(t, Mention) and t.type == "person" and t.country != actor.country]
        if people and (actor.type == "person" or actor.via in ("role", "government")):
            meeting = _Candidate(candidate.trigger, candidate.sentence, candidate.head_start, candidate.head_end,
                                 candidate.end, "meetsWith")
            extra.append((meeting, actor, people))
    return extra


_SIGNED = re.compile(r"sign(?:s|ed|ing)?\b", re.I)
#: A third party at a meeting or a signing: 'in the presence of Crown Prince Mohammed', 'witnessed by Rubio'.
_IN_PRESENCE = re.compile(r"\b(?:in\s+the\s+presence\s+of|witnessed\s+by|overseen\s+by|in\s+a\s+ceremony\s+"
                          r"attended\s+by)\s+(?:the\s+)?", re.I)


def _meetings_in_presence(doc: _Doc, resolved: list) -> list:
    """'Trump met al-Sharaa in the presence of the Saudi crown prince', 'the deal was signed ..., witnessed by
    Rubio': every party of the meeting or signing meets the official who was there."""
    extra = []
    for candidate, actor, targets in resolved:
        if candidate.relation not in ("meetsWith", "agreesToCooperate"):
            continue
        presence = _IN_PRESENCE.search(doc.text, candidate.head_start, candidate.sentence.end)
        if presence is None:
            continue
        witness = next((m for m in doc.mentions(candidate.sentence) if presence.end() <= m.start <= presence.end() + 40
                        and m.type == "person" and "," not in doc.text[presence.end():m.start]), None)
        if witness is None or not witness.country or not (witness.type == "person" or witness.via == "role"):
            continue
        parties = [actor] + [t for t in targets if isinstance(t, Mention)]
        meeting = _Candidate(candidate.trigger, candidate.sentence, candidate.head_start, candidate.head_end,
                             candidate.end, "meetsWith")
        for party in parties:
            if party.country and party.country != witness.country:
                extra.append((meeting, party, [witness]))
    return extra


@cache
def _meeting_topic() -> re.Pattern[str]:
    """A topic noun right before 'in' (words.csv MEETING_TOPIC): 'the war in Ukraine' places the war."""
    return re.compile(r"(?<![\w-])" + word_classes()["MEETING_TOPIC"] + r"\s+$", re.I)


_REMOTE = re.compile(r"\b(?:phone|telephone|video|videolink|call|calls|conversations?|letter|virtual|virtually|"
                     r"online)\b", re.I)


@cache
def _legal_place() -> re.Pattern[str]:
    """Words before 'in' that tie a person to a place by a court, a birth or a prison, not by a trip
    (words.csv LEGAL_PLACE)."""
    return re.compile(rf"\b(?:{word_classes()['LEGAL_PLACE']})\s+$", re.I)


#: Between a visit's word and the person visited: 'to', then a title ('paid a visit to Prime Minister A')
_TO_TITLED = re.compile(r"\s*(?:to\s+)?(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|of|and)\s+)*")
_VISIT_WORD = re.compile(r"visit", re.I)


def _visit_to_person(doc: _Doc, item: tuple) -> tuple:
    """'paid a visit to Prime Minister A of Ghana', 'visited Ghanaian President A': a visit to a person is a
    meeting with them; where it was held, if anywhere, is a place named on its own ('in Accra', a dateline)."""
    candidate, actor, targets = item
    if candidate.relation != "visits" or not targets or not _VISIT_WORD.match(doc.text, candidate.head_start):
        return item
    people = [m for m in doc.mentions(candidate.sentence) if m.type == "person"]
    for target in targets:
        if not isinstance(target, Mention) or not _TO_TITLED.fullmatch(doc.text, candidate.end, target.start):
            return item
        if target.type != "person" and not (target.via == "demonym" and any(
                m.country == target.country and _TO_TITLED.fullmatch(doc.text, target.end, m.start) for m in people)):
            return item
    return replace(candidate, relation="meetsWith"), actor, targets


@cache
def _resident_title() -> re.Pattern[str]:
    """words.csv RESIDENT_ENVOY at the start of a role or a title."""
    return re.compile(word_classes()["RESIDENT_ENVOY"] + r"(?![\w-])", re.I)


def _resident_envoy(actor: Mention) -> bool:
    """'Ambassador of Chile A called on the foreign minister': an ambassador lives in the country he serves, so
    his meetings there are no visits of his country (a special envoy who travels is no resident)."""
    return _resident_title().match(actor.role) is not None \
        or (actor.type == "country" and _resident_title().match(actor.text) is not None)


def _envoy_of_resident(doc: _Doc, actor: Mention) -> bool:
    """'the Indian envoy' with no name, in a text that names India's ambassador: the envoy is that ambassador,
    who lives in the country he serves, so his meetings there are no visits. The ambassadors are read once."""
    if actor.type == "person" or actor.role.lower() != "envoy":
        return False
    if doc.resident_envoys is None:
        doc.resident_envoys = frozenset(m.country for m in doc.actors.between(0, len(doc.text))
                                        if m.country and m.role and _resident_title().match(m.role))
    return actor.country in doc.resident_envoys


def _placed_elsewhere(doc: _Doc, candidate: _Candidate, host: str) -> bool:
    """Whether the meeting verb names its place right after it, and the place is of another country than the
    dateline's ('met in Brussels' under a YEREVAN dateline): the meeting was not held at the dateline ('met in
    Belem' under BRASILIA, a city of no other country, still is)."""
    place = _PLACE_NEXT.match(doc.text, candidate.head_end)
    if place is None:
        return False
    named = next((m for m in doc.mentions(candidate.sentence) if m.start == place.end() - 1), None)
    return named is not None and named.country != host  # (Brussels stands for the EU, of no one country)


_MEETING_TRIGGER = Trigger("meetsWith", "(trip made for talks)", (), "-", "left", "place", False, 19,
                           0.65, "diplomacy", worded=False)
#: A purpose of talks told right after the place of a trip ('travel to Russia for strategic security discussions'),
#: with no other partner named ('for talks with Hamas' meets Hamas, not the host)
_FOR_TALKS = re.compile(r"\s+(?:[\w-]+\s+){0,3}?for\s+(?:[\w-]+\s+){0,4}?(?:talks|discussions|consultations|"
                        r"negotiations)\b(?!\s+(?:with|between|among|on\s+the\s+sidelines)\b)", re.I)


def _meetings_of_trips(doc: _Doc, resolved: list) -> list:
    """'China's foreign minister will travel to Russia for strategic security discussions': a trip made for talks,
    with no other partner named, is a meeting with the country visited."""
    extra = []
    for candidate, actor, targets in resolved:
        if candidate.relation != "visits" or not candidate.trigger.worded:
            continue
        for target in targets:
            if isinstance(target, Mention) and target.type == "country" and target.country != actor.country \
                    and _FOR_TALKS.match(doc.text, target.end, candidate.sentence.end):
                meeting = _Candidate(_MEETING_TRIGGER, candidate.sentence, candidate.head_start, candidate.head_end,
                                     candidate.end, "meetsWith")
                extra.append((meeting, actor, [target]))
    return extra


def _visits_of_meetings(doc: _Doc, resolved: list) -> list:
    """A meeting 'in Ankara' or 'at the White House' is also a visit by every foreign participant."""
    extra = []
    for candidate, actor, targets in resolved:
        if candidate.relation != "meetsWith" or _resident_envoy(actor) or _envoy_of_resident(doc, actor):
            continue
        if _REMOTE.search(doc.text, candidate.head_start, candidate.end):
            continue  # 'spoke by phone with', 'conversations between': nobody travelled
        host = doc.dateline
        if (host, actor.country) in doc.visited:
            continue  # 'Prabowo flew to Beijing ... the two leaders signed': the meeting is abroad, not here
        if host and host != actor.country and any(isinstance(t, Mention) and t.country == host for t in targets) \
                and not _PLACE_IN_WORDING.search(doc.text, candidate.head_start, candidate.end) \
                and not _placed_elsewhere(doc, candidate, host) and not _hosts_it(doc, candidate, actor) \
                and not any(m.type == "country" and m.via in ("name", "capital", "place")
                            and _AT_PLACE.search(doc.text[max(0, m.start - 8):m.start])
                            for m in doc.mentions(candidate.sentence)):
            # 'Abiy held sessions with Erdogan' under an ANKARA dateline: he is visiting Turkey
            place = next(t for t in targets if isinstance(t, Mention) and t.country == host)
            extra.append((_Candidate(_VISIT_TRIGGER, candidate.sentence, candidate.head_start, candidate.head_end,
                                     candidate.end, "visits"), actor, [_as_country(place)]))
            continue
        if host and host == actor.country and candidate.head_start >= doc.dateline_start \
                and not _placed_elsewhere(doc, candidate, host) and not hosted_talks(doc.text, candidate.head_start):
            extra += _guests_of_host(doc, candidate, targets)
        elif _hosting_verb().fullmatch(doc.text, candidate.head_start, candidate.head_end):
            extra += _guests_of_hosting(doc, candidate, actor, targets)
        else:
            extra += _guests_at_home_place(doc, candidate, actor, targets)
        named_here = _PLACE_IN_WORDING.search(doc.text, candidate.head_start, candidate.end)
        for mention in doc.mentions(candidate.sentence):
            if mention.type != "country" or mention.via not in ("name", "capital", "place") \
                    or mention.country == actor.country or _territory(mention):
                continue  # (a city is a place of its country: 'talks with Erdogan in Sochi'; Gaza is no city)
            if named_here and not candidate.head_start <= mention.start < candidate.end:
                continue  # 'a meeting in Rome between ..., Italy will build two centres in Albania': held in Rome
            at = _AT_PLACE.search(doc.text[max(candidate.sentence.start, mention.start - 8):mention.start])
            if not at:
                continue
            verbless = _VERBLESS_WHILE.search(doc.text, candidate.end, mention.start)
            # ('will meet McClay while in Wellington': a 'while' with no verb of its own keeps the meeting's subject)
            if mention.start > candidate.end and _CLAUSE_BREAK.search(doc.text, candidate.end,
                                                                      verbless.start() if verbless else mention.start):
                continue  # 'the meeting, which comes as a commission arrived in Port-au-Prince': another clause's
            if mention.end <= candidate.head_start and _TIME_APART.search(doc.text, mention.end, candidate.head_start):
                continue  # 'saw Wang Yi in Beijing on Monday, two days before talks between Hanoi and
                # Washington': the place is that of the earlier act, the talks are told as a time apart from it
            if mention.end <= candidate.head_start \
                    and _OTHER_REPORTED_CLAUSE.search(doc.text, mention.end, candidate.head_start):
                continue  # 'said both stood by a truce agreed at a summit in Tanzania, and that they would pursue
                # the talks opened in Doha': the place is in an earlier reported clause, not where the talks were
            if in_setting_phrase(doc.text, candidate.sentence.start, mention.start):
                continue  # 'Despite grumblings in Beijing, Ruto met Kishida': where others grumble, not the venue
            if at_gathering_edge(doc.text, mention.start):
                continue  # 'met his counterpart on the sidelines of an OPEC+ meeting in Vienna': no visit to the host
            if _place_as_modifier().match(doc.text, mention.end):
                continue  # 'a meeting with Abiy in Sudan peace push': the country names the push, not a place
            preposition_at = max(candidate.sentence.start, mention.start - 8) + at.start()
            if _meeting_topic().search(doc.text, max(candidate.sentence.start, preposition_at - 40), preposition_at):
                continue  # 'discussed the war in Ukraine': the place of a topic, not of the meeting
            if _legal_place().search(doc.text, max(candidate.sentence.start, preposition_at - 30), preposition_at) \
                    or _FACILITY_BEFORE.search(doc.text, max(candidate.sentence.start, preposition_at - 30),
                                               preposition_at):
                continue  # 'a minister indicted in France met ... in Dakar': where a person is charged or born
            visit = _Candidate(_VISIT_TRIGGER, candidate.sentence, candidate.head_start, candidate.head_end,
                               candidate.end, "visits")
            extra.append((visit, actor, [mention]))
            break
    return extra


#: From this many listed parties on, their meeting is a summit, not talks of each with each
_SUMMIT_PARTIES = 5


def _summit_pairs_dropped(resolved: list) -> list:
    """'Leaders of Brazil, Bolivia, Peru, Guyana and Suriname met in Belem': five or more listed parties who meet
    hold a summit; the visits to its venue (read before) stand, but read pairwise the one list would make dozens
    of bilateral meetings no text tells."""
    parties: dict[int, set[str]] = {}
    for candidate, actor, _ in resolved:
        if candidate.relation == "meetsWith":
            parties.setdefault(id(candidate), set()).add(actor.country)
    return [item for item in resolved
            if item[0].relation != "meetsWith" or len(parties[id(item[0])]) < _SUMMIT_PARTIES]


def _held_at_named_place(doc: _Doc, candidate: _Candidate) -> bool:
    """The meeting's wording or its sentence names where it was held ('talks in Sochi', 'met ... at the Kremlin'),
    or it is held at a summit the document places in another country than the dateline's."""
    return _PLACE_IN_WORDING.search(doc.text, candidate.head_start, candidate.end) is not None \
        or any(m.type == "country" and m.via in ("name", "capital", "place")
               and _AT_PLACE.search(doc.text[max(0, m.start - 8):m.start]) for m in doc.mentions(candidate.sentence)) \
        or _at_summit_abroad(doc, candidate)


#: A meeting told as held at a summit, right after its wording: 'meet with Kagame at the joint summit'
_AT_SUMMIT = re.compile(r"[^,.;]{0,40}?\bat\s+(?:the|a|this\s+week's)\s+(?:[\w-]+\s+){0,3}summit\b", re.I)
#: A summit placed in a country: 'Joint Summit in Tanzania', 'the summit in Kazan'
_SUMMIT_IN = re.compile(r"\bsummit\s+(?:[\w-]+\s+){0,2}?in\s+(?:the\s+)?$", re.I)


def _at_summit_abroad(doc: _Doc, candidate: _Candidate) -> bool:
    """'NAIROBI - the president is due to meet his Ugandan peer at the regional summit', where the report placed that
    summit in Tanzania: the meeting is held there, not under the dateline."""
    if not _AT_SUMMIT.match(doc.text, candidate.end):
        return False
    return any(m.type == "country" and m.via in ("name", "capital", "place") and m.country != doc.dateline
               and _SUMMIT_IN.search(doc.text, max(0, m.start - 40), m.start)
               for m in doc.actors.between(0, len(doc.text)))


@cache
def _trip_to() -> re.Pattern[str]:
    """A trip told right before a place (words.csv TRIP_TO_WORDS): 'trip to ', 'visit to ', 'flew to ', 'arrived
    in '."""
    return re.compile(r"\b(?:" + word_classes()["TRIP_TO_WORDS"] + r")\s+(?:to|in)\s+(?:the\s+)?$", re.I)


def _trip_to_guest_told(doc: _Doc, country: str) -> bool:
    """'MOSCOW - Putin held talks with the crown prince ... Putin's hastily arranged trip to Riyadh': the document
    tells of a trip to the guest's own country, so the talks were held there, not under the dateline."""
    return any(m.country == country and m.type == "country" and m.via in ("capital", "name", "place")
               and _trip_to().search(doc.text, max(0, m.start - 24), m.start)
               for m in doc.actors.between(0, len(doc.text)))


def _guests_of_host(doc: _Doc, candidate: _Candidate, targets: list) -> list:
    """'Putin held meetings with Sisi and Museveni' under a ST PETERSBURG dateline: a leader of the dateline's
    country who meets foreigners at home, with no other place named, is visited by them (unless he had travelled
    to their country, or they are envoys who live there)."""
    host = doc.dateline
    if _held_at_named_place(doc, candidate):
        return []
    extra = []
    for target in targets:
        if not isinstance(target, Mention) or not _guest_in_person(doc, candidate, target) or not target.country \
                or target.country == host or (host, target.country) in doc.visited or _resident_envoy(target) \
                or _trip_to_guest_told(doc, target.country) \
                or any(m.type == "country" and m.country == target.country and m.via in ("capital", "place")
                       for m in doc.mentions(candidate.sentence)):
            continue  # ('travelled to Algiers, where he held talks with Tebboune': the host went to the guest)
        visit = _Candidate(_VISIT_TRIGGER, candidate.sentence, candidate.head_start, candidate.head_end,
                           candidate.end, "visits")
        guest = _sent_by(doc, candidate, target) or target
        extra.append((visit, guest, [Mention(target.start, target.start, "", "country", host, host, "", "dateline")]))
    return extra


#: An auxiliary of the passive right before a host's verb ('was received by Xi': the subject is the guest)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+$", re.I)


@cache
def _hosting_verb() -> re.Pattern[str]:
    """A host's verb (words.csv HOSTING_VERBS): 'hosted', 'received', 'welcomed'."""
    return re.compile(r"(?:" + word_classes()["HOSTING_VERBS"] + r")", re.I)


def _hosts_it(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """Whether `actor` is the one a hosting verb names as host: the subject of 'Putin hosted a dinner for Modi',
    the agent of 'Modi was greeted by Putin'. A host receives at home, so a dateline of the guest's country says
    where the report was written, not where the host went."""
    if not _hosting_verb().match(doc.text, candidate.head_start):
        return False
    if _PASSIVE_BEFORE.search(doc.text, max(0, candidate.head_start - 12), candidate.head_start):
        return actor.start >= candidate.head_end
    return actor.end <= candidate.head_start


def _foreign_place_named(doc: _Doc, candidate: _Candidate, host: str) -> bool:
    """Whether the sentence names a place ('in Rome', 'at the Kremlin') of a country other than `host`."""
    return any(m.type == "country" and m.country != host and m.via in ("name", "capital", "place")
               and _AT_PLACE.search(doc.text[max(0, m.start - 8):m.start]) for m in doc.mentions(candidate.sentence))


def _guests_of_hosting(doc: _Doc, candidate: _Candidate, actor: Mention, targets: list) -> list:
    """'Ruto hosted President Samia of Tanzania at State House, Nairobi': whom a leader hosts, receives or
    welcomes is visiting the host's country, though no dateline names it; unless the sentence names a place of
    another country ('received Lula at the summit in Rome'), the host had travelled to the guest, or the guest
    is an envoy who lives there ('received the ambassador of the Netherlands')."""
    host = actor.country
    if not host or _PASSIVE_BEFORE.search(doc.text, max(0, candidate.head_start - 12), candidate.head_start) \
            or _foreign_place_named(doc, candidate, host):
        return []
    return _guest_visits(doc, candidate, host, targets)


def _guest_visits(doc: _Doc, candidate: _Candidate, host: str, targets: list) -> list:
    """A visit to the host's country by each foreign guest named after the verb and met in person (not an envoy
    living there, not one the host had travelled to, not one already counted)."""
    extra = []
    for target in targets:
        if not isinstance(target, Mention) or target.start < candidate.head_end \
                or not _guest_in_person(doc, candidate, target) or not target.country \
                or target.country == host or (host, target.country) in doc.visited or _resident_envoy(target) \
                or _trip_to_guest_told(doc, target.country):
            continue  # (a guest is named after the verb: 'Ishiba, Yoon and Biden welcomed the secretariat' hosts none)
        visit = _Candidate(_VISIT_TRIGGER, candidate.sentence, candidate.head_start, candidate.head_end,
                           candidate.end, "visits")
        guest = _sent_by(doc, candidate, target) or target
        extra.append((visit, guest, [Mention(target.start, target.start, "", "country", host, host, "", "host")]))
    return extra


def _home_place_after(doc: _Doc, candidate: _Candidate, host: str) -> bool:
    """The meeting's own words go on to 'in Beirut' or 'at ... Beirut', a place of the host's country, with no
    clause break between; and the sentence names no place of another country."""
    if _foreign_place_named(doc, candidate, host):
        return False
    return any(m.type == "country" and m.country == host and m.via in ("capital", "place")
               and m.start >= candidate.end and _AT_PLACE.search(doc.text[max(0, m.start - 8):m.start])
               and not _CLAUSE_BREAK.search(doc.text, candidate.end, m.start)
               for m in doc.mentions(candidate.sentence))


def _guests_at_home_place(doc: _Doc, candidate: _Candidate, actor: Mention, targets: list) -> list:
    """'Lebanon's Berri met U.S. envoy Hochstein in Beirut': a leader who meets foreigners in a city of his own
    country is visited by them, as a host is (unless he had travelled to them, or they are envoys living there)."""
    host = actor.country
    if not host or not _home_place_after(doc, candidate, host):
        return []
    return _guest_visits(doc, candidate, host, targets)


@cache
def _sent_by_gap() -> re.Pattern[str]:
    """Between a leader's name and the person he sends: words.csv SENT_PERSON ('Trump envoy Richard Grenell')."""
    return re.compile(r"(?:['’]s)?\s+(?:" + word_classes()["SENT_PERSON"] + r")\s+")


def _sent_by(doc: _Doc, candidate: _Candidate, target: Mention) -> Mention | None:
    """The person a leader sends, named right after him ('met Trump envoy Richard Grenell'): the guest is the
    envoy who came, not the leader whose name qualifies him."""
    if target.type != "person":
        return None
    return next((m for m in doc.mentions(candidate.sentence) if m.start > target.end and m.type == "person"
                 and _sent_by_gap().fullmatch(doc.text, target.end, m.start)), None)


def _guest_in_person(doc: _Doc, candidate: _Candidate, target: Mention) -> bool:
    """A person met, or a country named as a leader's ("Uganda's Yoweri Museveni", 'Kenyan President Ruto'):
    someone who came in person, not a country met through its bodies ("Russia's state atomic agency")."""
    if target.type == "person":
        return True
    leader_of = _LEADER_OF if target.via == "name" else _DEMONYM_LEADER if target.via == "demonym" else None
    return target.type == "country" and leader_of is not None and any(
        m.type == "person" and m.country == target.country
        and (leader_of.fullmatch(doc.text, target.end, m.start)
             # a name used as a demonym before the title ('U.S. President Joe Biden', 'Kenya President Ruto')
             or (target.via == "name" and _DEMONYM_LEADER.fullmatch(doc.text, target.end, m.start))
             or _sent_by_gap().fullmatch(doc.text, target.end, m.start))  # 'U.S. envoy Amos Hochstein'
        for m in doc.mentions(candidate.sentence))


#: Between a country's name and its leader's: "'s", then a title ("Uganda's President Yoweri Museveni")
_LEADER_OF = re.compile(r"['’]s\s+(?:[A-Z][\w.-]*\s+){0,3}")
#: Between a demonym and the leader it qualifies: a title ('Kenyan President William Ruto')
_DEMONYM_LEADER = re.compile(r"\s+(?:[A-Z][\w.-]*\s+){0,3}")


#: A signing verb, and the place right after what was signed ('signed a peace deal at the White House')
_SIGNED = re.compile(r"(?:sign|ink|initial)\w*\b", re.I)
_SIGNED_AT = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?")


def _visits_of_signings(doc: _Doc, resolved: list) -> list:
    """An agreement signed 'at the White House' or 'in Doha' is a visit there by every foreign signer; only a
    place right after what was signed counts ('signed a deal on gas fields in X' names what the deal is about)."""
    extra = []
    for candidate, actor, _ in resolved:
        if candidate.relation != "agreesToCooperate" or not _SIGNED.match(doc.text, candidate.head_start):
            continue
        for mention in doc.mentions(candidate.sentence):
            if mention.start > candidate.end and mention.type == "country" \
                    and mention.via in ("name", "capital", "place") and mention.country != actor.country \
                    and not _territory(mention) and _SIGNED_AT.fullmatch(doc.text, candidate.end, mention.start):
                extra.append((_Candidate(_VISIT_TRIGGER, candidate.sentence, candidate.head_start,
                                         candidate.head_end, candidate.end, "visits"), actor, [mention]))
                break
    return extra


#: A country name used as a noun's modifier: 'in Sudan peace push', 'in Gaza ceasefire talks'
@cache
def _place_as_modifier() -> re.Pattern[str]:
    """words.csv PLACE_MODIFIED after the name."""
    return re.compile(r"\s+" + word_classes()["PLACE_MODIFIED"] + r"(?![\w-])", re.I)


@cache
def _territory_re() -> re.Pattern[str]:
    return re.compile(word_classes()["TERRITORIES"] + r"$", re.I)


def _territory(mention: Mention) -> bool:
    """A territory or site (words.csv TERRITORIES) rather than a city: being there is no visit."""
    return mention.via == "place" and _territory_re().match(mention.text) is not None


#: 'a high-security jail in Honduras': a facility's place, not the meeting's
_FACILITY_BEFORE = re.compile(r"\b(?:jail|prison|facility|camp|base|detention\s+cent(?:re|er)|held|detained|jailed|"
                              r"imprisoned|trapped|stranded|killed|born|based|stationed|deployed)\s+$", re.I)

#: What ends the official's own clause before the place: punctuation, a conjunction, or a speech verb with
#: words after it ('said conditions in Haiti': the place is in what was said; 'said in Doha' is presence).
#: 'while in Wellington', 'when at the White House': a clause of time with no subject or verb of its own
_VERBLESS_WHILE = re.compile(r"\b(?:while|whilst|when)\s+(?:in|at)\s+(?:the\s+)?$")
#: A second reported clause of the same speaker ('said A, and that B'): what comes before it belongs to A
#: Another act told as a time apart from the one before it: ', a day ahead of', ', two weeks after'
_TIME_APART = re.compile(r",\s+(?:a|an|one|two|three|four|five|six|several|some|just|only|\w+)\s+(?:[\w-]+\s+)?"
                         r"(?:hours?|days?|weeks?|months?)\s+(?:before|after|ahead\s+of|prior\s+to)\b", re.I)
_OTHER_REPORTED_CLAUSE = re.compile(r"[;]|\b(?:and|but)\s+(?:also\s+)?that\b")
_CLAUSE_BREAK = re.compile(r"[;:\"“”]|\b(?:that|which|whose|when|where|while|but)\b"
                           r"|\b(?:said|says|say|told|tells|stated|added|warned|argued|noted|insisted|claimed)\s+\S")


#: 'Kenyan Ambassador to Ethiopia', 'Chile's envoy in Lima': a diplomat posted to the country named next
_POSTED_TO = re.compile(r"\b(?:ambassadors?|envoys?|charg[eé]s?\s+d['’]affaires|consuls?|high\s+commissioners?|"
                        r"diplomats?)\s+(?:to|in)\s+(?:the\s+)?$", re.I)


def _resident_visitor(doc: _Doc, candidate: _Candidate, actor: Mention, target: Mention | str) -> bool:
    """'Kenyan Ambassador to Ethiopia has arrived at the Ethiopian Foreign Ministry': an envoy posted to a
    country lives there; going to its ministry is no visit of the envoy's country."""
    if candidate.relation != "visits" or not isinstance(target, Mention):
        return False
    return any(m.country == target.country and m.end <= candidate.head_start
               and _POSTED_TO.search(doc.text, max(candidate.sentence.start, m.start - 30), m.start)
               for m in doc.mentions(candidate.sentence))


@cache
def _recalled_to_discuss() -> re.Pattern[str]:
    """A recall of one's own envoy (words.csv WITHDREW, DIPLOMATS) up to the purpose told after it: 'recalled
    ambassador Anne Boillon to Paris to ', 'recalled its envoy for consultations to '."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["WITHDREW"] + r")\s+(?:[\w'’.-]+\s+){0,3}?(?:" + classes["DIPLOMATS"]
                      + r")\b[^.;:]{0,60}?\bto\s+$", re.I)


def _talks_at_home(doc: _Doc, candidate: _Candidate) -> bool:
    """'recalled its ambassador to Paris to discuss ties with Azerbaijan': an envoy called home discusses the ties
    with their own government, so the party the ties are with is met by no one."""
    return candidate.relation == "meetsWith" and doc.text.startswith("discuss", candidate.head_start) \
        and _recalled_to_discuss().search(doc.text, max(candidate.sentence.start, candidate.head_start - 140),
                                          candidate.head_start) is not None


@cache
def _owned_ties_with() -> re.Pattern[str]:
    """A possessive, then a ties noun (words.csv TIES_BETWEEN), then the closing 'with' of a meeting wording:
    'their relations with', "its bilateral ties with"."""
    return re.compile(r"\b(?:their|its|his|her|our|[\w.]+['’]s?)\s+(?:[\w-]+\s+)?(?:"
                      + word_classes()["TIES_BETWEEN"] + r")\s+with$", re.I)


def _ties_as_topic(doc: _Doc, candidate: _Candidate) -> bool:
    """'The Russian and Chinese ministers discussed their relations with the United States': the party after
    one's own ties is what was talked about, not who was met (talks with a partner name it after the verb or
    after 'with' alone)."""
    if candidate.relation != "meetsWith":
        return False
    first_with = _WITH.search(doc.text, candidate.head_start, candidate.sentence.end)
    return first_with is not None \
        and _owned_ties_with().search(doc.text, candidate.head_start, first_with.end()) is not None


_WITH = re.compile(r"\bwith\b", re.I)



#: Talks told as what came before the sentence's deal: 'following four days of discussions', 'after talks', 'after
#: two rounds of negotiations' (a span of time or rounds, an adverb and one adjective at most)
_TALKS_FIRST = re.compile(r"\b(?:following|after)\s+(?:the\s+|their\s+)?(?:[\w-]+\s+(?:days?|hours?|weeks?|months?|"
                          r"rounds?)\s+of\s+)?(?:[a-z]+ly\s+)?(?:[a-z-]+\s+)?$", re.I)


@cache
def _talks_noun() -> re.Pattern[str]:
    """A noun of talks (words.csv TALKS_NOUNS): only talks held, not a verb of receiving or welcoming, lead to a
    deal."""
    return re.compile(r"(?:" + word_classes()["TALKS_NOUNS"] + r")", re.I)


def talks_before_deals(doc: _Doc, candidates: list[_Candidate], resolved: list) -> list:
    """'Iran and Saudi Arabia agreed to restore ties, following four days of discussions in Beijing': talks named
    only as a noun after the deal, with no party of their own, were held by the deal's parties.

    The noun's own reading finds no subject (the clause's subject is the deal's), so the meeting is read from the
    agreement resolved before it in the sentence; talks with a party of their own resolve by themselves.
    """
    extra = []
    done = {id(candidate) for candidate, _, _ in resolved}
    nouns = _talks_noun()
    for talks in candidates:
        if talks.relation != "meetsWith" or id(talks) in done \
                or not nouns.fullmatch(doc.text, talks.head_start, talks.head_end) or not _TALKS_FIRST.search(
                doc.text, max(talks.sentence.start, talks.head_start - 60), talks.head_start):
            continue
        for deal, actor, targets in resolved:
            if deal.relation != "agreesToCooperate" or deal.sentence.index != talks.sentence.index \
                    or deal.head_start >= talks.head_start:
                continue
            # (a party named after the noun is where the talks were, not who held them: 'after talks in Muscat')
            partners = [t for t in targets if isinstance(t, Mention) and t.country and t.country != actor.country
                        and t.end <= talks.head_start]
            if partners:
                extra.append((talks, actor, partners))
    return extra
