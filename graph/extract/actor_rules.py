"""Where a trigger's actor is named: the readers of the actor rules of graph/data/triggers.csv (`_actor_by_rule`).

The wording of a trigger tells where its doer stands, so each rule reads one place: 'left' the subject before it
(subject.py), 'by' the agent after a passive's 'by' (a person behind a title, a counterpart, the leader after 'the
government of'), 'holder' who held the people released, 'to' and 'destination' the party after the closing 'to',
'in' the country after 'in' or 'at', 'poss' a possessive, 'after' the parties that follow ('talks between Egypt
and Ethiopia'), 'prev' the first party of the sentence before, 'speaker' and 'sayer' who speaks (or owns the
allegations whose that-clause holds the wording: "Venezuela's allegations that ..."), 'imposer' who
imposed the report's latest sanctions, 'releaser' who freed people up to three sentences before, 'host' who
summoned an envoy told as summoned. attribution.py sets aside wordings whose doer is nobody named and tries a
trigger's rules in turn.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.acting import _possessed_person
from graph.extract.agentless_returns import people_sent_in_passive
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _AND_OR, _LIST_GAP, _after_preposition
from graph.extract.document import _Doc
from graph.extract.lexicon import _cue
from graph.extract.owners import _as_country, _can_act
from graph.extract.requested import requester_not_the_doer
from graph.extract.subject import _left_actor
from graph.records import Mention
from graph.words import ends_with_word


@cache
def _signed_after() -> re.Pattern[str]:
    """The signer of a deal told in a sentence: the party right before the signing verb (words.csv SIGNING_VERBS:
    'after China signed a pact')."""
    return re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:" + word_classes()["SIGNING_VERBS"] + r")\b")


#: 'between the Afghan minister and an American diplomat': a party told with an indefinite article ends the list
_AND_INDEFINITE = re.compile(r"\s+and\s+an?\s+")
#: A title between a country and the person it describes: 'U.S. hostage envoy Adam Boehler'
_TITLE_BEFORE_NAME = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,3}")


@cache
def _and_own_counterpart() -> re.Pattern[str]:
    """'between Foreign Minister X and his Mexican counterpart': 'and', a possessive of the first party, then the
    other party's adjective before a noun of the other side (words.csv COUNTERPART_NOUNS) continue the list."""
    return re.compile(r"\s+and\s+(?:his|her|their)\s+$")


def _counterpart_after(doc: _Doc, mention: Mention, words: int = 0) -> bool:
    """Whether a noun of the other side follows a mention ('Mexican counterpart'), past up to `words`
    capitalised words ('his Mexican counterpart')."""
    return re.match(rf"(?:\s+[A-Z][\w-]*){{0,{words}}}\s+(?:" + word_classes()["COUNTERPART_NOUNS"] + r")\b",
                    doc.text[mention.end:mention.end + 40]) is not None


def _summoning_host(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """Who summoned an envoy told as summoned in the passive ('The French chargé d'affaires in Algiers was
    summoned to the foreign ministry'): the country of the capital where the envoy serves, else the ministry or
    country named after 'to', else the country the report is filed from."""
    for mention in mentions:
        if mention.end <= candidate.end and mention.via in ("capital", "place") \
                and re.search(r"\bin\s+$", doc.text[max(0, mention.start - 4):mention.start]):
            return _as_country(mention)
    for mention in mentions:
        if candidate.head_start <= mention.start and mention.end <= candidate.end and mention.country \
                and re.search(r"\bto\s+(?:the\s+)?$", doc.text[max(0, mention.start - 8):mention.start]):
            return _as_country(mention)  # 'The Hungarian ambassador to Serbia was summoned': Serbia summoned
    for mention in mentions:
        if candidate.end <= mention.start <= candidate.end + 40 and mention.country and mention.via != "pronoun" \
                and re.match(r"\s+(?:\w+\s+){0,3}?to\s+(?:the\s+)?$", doc.text[candidate.end:mention.start]):
            return _as_country(mention) if mention.via == "demonym" else mention
    if doc.dateline:
        return Mention(candidate.head_start, candidate.head_start, "", "country", doc.dateline, doc.dateline, "",
                       "government")
    return None


_OF_TITLE = re.compile(r"\s+of\s+(?:(?:the\s+)?(?:President|Prime\s+Minister|Premier|Chancellor|King|Emir|Sultan)\s+)?")


def _leader_of_government(doc: _Doc, mentions: list[Mention], mention: Mention) -> Mention | None:
    """'freed by the government of President Daniel Ortega': the leader named after a bare 'the government'
    places it, whatever country the bare phrase was resolved to."""
    if mention.via not in ("pronoun", "government") or not mention.text.lower().startswith("the "):
        return None
    after = _OF_TITLE.match(doc.text, mention.end)
    if after is None:
        return None
    leader = next((m for m in mentions if m.start == after.end() and m.country and _can_act(m)), None)
    return leader


def _destination(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'deported 40 Uyghur men to China': the party right after the closing 'to', when the sender is told: the
    verb's own subject, the agent of a passive ('were deported by the US to Guatemala') or the owner of a noun
    ('the US deportation of 90 Cubans to Guatemala'). Nothing between the verb and the party may start another
    clause ('deported from the US, landed ... on the way to Belo Horizonte'); no passive without its agent ('had
    been deported were sent back to'), no participle on a noun ('showing migrants deported to Brazil') and no
    route ('from Guantanamo Bay to'). The place may be a site in the country ('to a detention centre in
    Honduras', "to El Salvador's prison")."""
    head = doc.text[candidate.head_start:candidate.head_end].lower()
    span = doc.text[candidate.head_start:candidate.end]
    if re.search(r"[;:()]|,(?!\d)", span) or not _own_origin(doc, candidate, mentions):
        # (a comma inside a number, '3,000 suspects', starts no clause)
        return None
    # a passive with its agent, or a noun with its owner, tells the sender itself
    # ('is deporting', 'has been deporting', 'flights deporting migrants': an active form, no passive nor a
    # participle on the deportees, whose subject or noun is the sender)
    if head not in ("was", "were", "been", "being", "is", "are") and not head.endswith(("tion", "tions", "al", "ing")):
        if _PASSIVE_BEFORE.search(doc.text, max(0, candidate.head_start - 20), candidate.head_start) \
                and not people_sent_in_passive(doc, candidate):
            return None  # ('Nineteen migrants have been deported to France': the sender is read from the report)
        before = re.search(r"(\S+)(\s+)$", doc.text[max(0, candidate.head_start - 30):candidate.head_start])
        if before is not None and before.group(1).endswith("s") \
                and before.group(1).lower() not in ("has", "was", "is") \
                and not any(m.end == candidate.head_start - len(before.group(2)) and m.via != "demonym"
                            for m in mentions):
            return None
    for mention in mentions:
        if candidate.end <= mention.start <= candidate.end + 60 and (_can_act(mention) or mention.via == "demonym") \
                and _DESTINATION_GAP.fullmatch(doc.text, candidate.end, mention.start):
            return _as_country(mention) if mention.via == "demonym" else mention
    return _home_of_the_sent(doc, candidate, mentions)


@cache
def _their_home() -> re.Pattern[str]:
    """'... to their home country', 'to their homeland' (words.csv HOMELAND_NOUNS)."""
    return re.compile(r"\s*(?:their|his|her)\s+(?:own\s+)?(?:" + word_classes()["HOMELAND_NOUNS"] + r")\b", re.I)


#: From the people sent to the closing 'to' of where they went: their origin or the sender's agent may come
#: between ('Venezuelans from the United States to', 'migrants who were deported by the Trump administration to')
_ONWARD_TO = re.compile(r"[\w'’]*(?:\s+(?:(?:from|by)\s+)?(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}"
                        r"(?:administration|government|authorities)?)?\s*(?:back\s+)?to\s+(?:the\s+)?")


def _onward_destination(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """The country named as where deported people were sent, right after them and their origin or sender: the
    nationality of the people is who took them only when no place is named."""
    for mention in mentions:
        if candidate.end <= mention.start <= candidate.end + 60 and mention.type == "country" \
                and mention.via != "demonym" and _ONWARD_TO.fullmatch(doc.text, candidate.end, mention.start):
            return mention
    return None


def _home_of_the_sent(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'repatriated 150 Nigerian migrants back to their home country': the destination is the country of the
    nationality the wording gives the people sent, when it is the only one."""
    if _their_home().match(doc.text, candidate.end) is None:
        return None
    nationalities = [m for m in mentions if candidate.head_end <= m.start < candidate.end and m.via == "demonym"]
    if len({m.country for m in nationalities}) != 1:
        return None
    return _as_country(nationalities[0])


def _own_origin(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> bool:
    """No 'from' before the closing 'to', or one that names no other country than the sender's: 'deported 90
    migrants from Arica to Peru' (a city of the deporting state), 'from various countries'; a route through a
    third party ('from Guantanamo Bay to') leaves the destination unread."""
    start = doc.text.find(" from ", candidate.head_end, candidate.end)
    if start < 0:
        return True
    sender = next((m for m in reversed(mentions) if m.end <= candidate.head_start and _can_act(m)), None)
    inside = [m for m in mentions if start < m.start < candidate.end and m.via != "demonym"]
    named = re.match(r"\s+from\s+(?:the\s+)?[A-Z]", doc.text[start:candidate.end])
    deported = doc.text.startswith(("deport", "repatriat"), candidate.head_start)
    if named and not deported and not any(m.start == named.end() - 1 for m in inside):
        return False  # 'flew 90 migrants from Guantanamo Bay to': a leg of a route (who deports is told: 'from Arica')
    return all(sender is not None and m.type == "place" and m.country == sender.country for m in inside)


#: Between 'to' and the receiving country: nothing, or a site in it ('a detention centre in', 'a prison in')
_DESTINATION_GAP = re.compile(r"\s*(?:the\s+)?|\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}(?:in|of)\s+(?:the\s+)?")


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are|get|got)\s+(?:\w+ly\s+)?$")


_COUNTERPART = re.compile(r"\s+counterparts?\b")
#: 'the visit of Prime Minister Anwar Ibrahim', 'a visit by Secretary of State Marco Rubio': only a title (capitalised
#: words, an 'of' inside it) between the wording and the agent's name
_TITLES_ONLY = re.compile(r"\s*(?:the\s+)?[A-Z][\w.'’-]*\s+(?:(?:of\s+)?[A-Z][\w.'’-]*\s+){0,4}")
#: A seat on a body before the party holding it: 'vetoed by permanent member Russia' (words.csv COUNCIL_SEATS)
_SEAT_ONLY = re.compile(r"\s*(?:the\s+|a\s+)?(?:fellow\s+)?(?:" + word_classes()["COUNCIL_SEATS"] + r")\s+", re.I)


def _counterpart_of(doc: _Doc, mentions: list[Mention], mention: Mention) -> Mention | None:
    """'the visit of his Portuguese counterpart': the counterpart is of the demonym's country, not of 'his'."""
    if mention.via != "pronoun" or mention.text.lower() not in ("his", "her", "their", "its"):
        return None
    following = next((m for m in mentions if m.start >= mention.end), None)
    word = _COUNTERPART.match(doc.text, following.end) if following is not None else None
    if word is not None and following.via == "demonym" and not doc.text[mention.end:following.start].strip():
        # an official of that country (one who travels and meets), not the bare demonym
        return Mention(mention.start, word.end(), doc.text[mention.start:word.end()], "country", following.country,
                       following.country, "counterpart", "role")
    return None


#: Patterns of the rules below, compiled once (they run for every trigger match)
_APOSTROPHE = re.compile(r"['’]")
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}")
_OF_WORD = re.compile(r"\bof\s")
_SPACE = re.compile(r"\s+")
#: One to three modifier words (no function words) between a hyphen-joined pair of names and the noun they own
#: ('the Kenya–Uganda security talks', 'the Papua New Guinea–Australia Mutual Defence Treaty')
PAIR_MODIFIERS = re.compile(r"(?:[ \t]+(?!(?:at|a|an|the|in|on|of|to|for|with|and|or|by|from)\b)"
                            r"[A-Za-z][\w-]*){1,3}[ \t]+", re.I)
_TITLED_GAP = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,4}")
#: A short gap between a passive's 'by' and its agent, with no clause or quote closing in it ('released by Hamas,"
#: the Qatari spokesman said': the spokesman is no agent)
_AGENT_GAP = re.compile(r"[^,;\"”]{0,12}")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|into|on|leave)\s+(?:the\s+)?$")




def _hyphen_joined(doc: _Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether another country's name is joined to `mention` by a hyphen or an en dash right before it ('Kenya-' in
    'the Kenya-Uganda talks'): the two name one pair, which owns the noun after them."""
    return mention.start > 0 and doc.text[mention.start - 1] in "-–" and any(
        m.end == mention.start - 1 and m.country and m.country != mention.country for m in mentions)


@cache
def _owned_claim() -> re.Pattern[str]:
    """A possessive, a claim noun (words.csv ALLEGATIONS) and the 'that' opening what is claimed: "'s allegations
    that", "'s repeated claims that"."""
    return re.compile(r"['’]s?\s+(?:[a-z]+\s+)?(?:" + word_classes()["ALLEGATIONS"] + r")\s+that\s+")


def _claim_owner(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """"Venezuela's allegations that Trinidad was being used as a launchpad for plotters": the owner of a claim
    whose that-clause holds the wording is the one who says it, and so its doer; the party inside the clause is
    the one it is said of, not the accuser."""
    for mention in mentions:
        if mention.end >= candidate.head_start or mention.start < candidate.sentence.start:
            continue
        claim = _owned_claim().match(doc.text, mention.end)
        if claim is not None and claim.end() < candidate.head_start and _can_act(mention) \
                and not re.search(r"[.;:]", doc.text[claim.end():candidate.head_start]):
            return mention
    return None


def _actor_by_rule(doc: _Doc, candidate: _Candidate, mentions: list[Mention], rule: str) -> Mention | None:
    sentence = candidate.sentence
    if rule == "speaker":
        return _claim_owner(doc, candidate, mentions) or doc.speaker(sentence)
    if rule == "imposer":
        # 'the tariffs would be suspended for a month': whoever imposed the latest sanctions of the report
        latest = doc.latest_sanctions(sentence.index)
        return latest[1] if latest is not None else None
    if rule == "releaser":
        # '... freed 52 prisoners. 14 were foreign nationals, including six Lithuanians': who released people up to
        # three sentences before released the ones the later sentence counts
        recent = doc.recent.get("releasesDetainees")
        return recent[1] if recent is not None and 0 < sentence.index - recent[0] <= 3 else None
    if rule == "sayer":
        # 'he refused ..., and said Denmark would face tariffs': whoever says it, found as the subject of the
        # speech verb before the trigger (coordinated verbs included)
        verbs = list(_SAY_VERB.finditer(doc.text, sentence.start, candidate.head_start))
        said = verbs[-1] if verbs else None
        if said is None:
            return doc.speaker(sentence)
        return _left_actor(doc, _Candidate(candidate.trigger, sentence, said.start(), said.end(), said.end()),
                           mentions)
    if rule == "by":
        # the agent follows the trigger's 'by', not a party named inside its gap ('nationals of Norway and
        # Chile were freed by Iran')
        by_at = doc.text.rfind(" by", candidate.head_start, candidate.end)
        floor = by_at if by_at != -1 else candidate.head_start
        for mention in mentions:
            if mention.start >= floor and (_can_act(mention) or mention.via == "demonym") \
                    and (mention.start <= candidate.end
                         or _AGENT_GAP.fullmatch(doc.text, candidate.end, mention.start) is not None
                         or _TITLES_ONLY.fullmatch(doc.text, candidate.end, mention.start)
                         or _SEAT_ONLY.fullmatch(doc.text, candidate.end, mention.start)):
                person = _possessed_person(doc, mentions, mention)  # 'a visit by US envoy Richard Grenell'
                if person is not mention:
                    return person
                counterpart = _counterpart_of(doc, mentions, mention)
                if counterpart is not None:
                    return counterpart
                leader = _leader_of_government(doc, mentions, mention)
                if leader is not None:
                    return leader
                return _as_country(mention) if mention.via == "demonym" else mention
        return None
    if rule == "holder":
        # 'the release of three Americans from Russia', 'two Russians held in Slovenia were returned': the
        # party that held them, named after 'from', 'in' or 'by' inside the wording
        for mention in mentions:
            if candidate.head_end <= mention.start <= candidate.end + 12 \
                    and (_can_act(mention)
                         or mention.via == "demonym" and _CUSTODY_AFTER.match(doc.text, mention.end)) \
                    and _HELD_BY.search(doc.text, max(candidate.head_end, mention.start - 12), mention.start):
                return _as_country(mention) if mention.via == "demonym" else mention
        return None
    if rule == "poss":
        for mention in reversed(mentions):
            if mention.end <= candidate.head_start and candidate.head_start - mention.end <= 40:
                between = doc.text[mention.end:candidate.head_start]
                if _APOSTROPHE.match(between) and _POSSESSIVE_GAP.fullmatch(between) \
                        and not _OF_WORD.search(between) \
                        and mention.type in ("country", "person", "organization"):
                    # (not "Togo's refusal of calls": the possessive owns the refusal, not the calls)
                    return mention
                if _SPACE.fullmatch(between) and mention.type == "country" \
                        and (mention.via in ("name", "abbreviation", "held")
                             or mention.via == "demonym"
                             and not _cue("DIPLOMATS").match(doc.text, candidate.head_start)):
                    # 'US pressure to accept', 'American pressure on Panama': a country named right before the noun
                    # owns it as a possessive does (but 'the Swedish ambassador' only says where the envoy is from)
                    return _as_country(mention) if mention.via == "demonym" else mention
                if candidate.trigger.target == "pair" and mention.type == "country" \
                        and PAIR_MODIFIERS.fullmatch(between) and _hyphen_joined(doc, mention, mentions):
                    return mention  # 'the Kenya-Uganda security talks': the pair owns the noun past its modifiers
                return None
        return None
    if rule == "host":
        return _summoning_host(doc, candidate, mentions)
    if rule == "to":
        for mention in mentions:
            if candidate.head_start <= mention.start <= candidate.end + 12 and (_can_act(mention)
                                                                              or mention.via == "demonym"):
                return _as_country(mention) if mention.via == "demonym" else mention
        return None
    if rule == "destination":
        return _destination(doc, candidate, mentions)
    if rule == "after":
        # 'talks between Egypt and Ethiopia': the parties follow; the last of their list is returned so that
        # the list is collected back from it; a list closed by 'and' ends there ('between Thailand and
        # Cambodia, Malaysia's premier said').
        found = None
        closed = False
        for mention in mentions:
            if found is not None and not closed and mention.via == "demonym" and mention.country != found.country \
                    and _and_own_counterpart().fullmatch(doc.text, found.end, mention.start) \
                    and _counterpart_after(doc, mention):
                closed, found = True, _as_country(mention)  # 'between Minister X and his Mexican counterpart'
                continue
            if mention.start >= candidate.end and _can_act(mention):
                if found is not None and mention.via == "pronoun" and _counterpart_after(doc, mention, 2):
                    continue  # ('and his Mexican counterpart': the possessive is the first party's, read past it)
                if found is None:
                    if mention.start - candidate.end > 20 \
                            and not _TITLED_GAP.fullmatch(doc.text[candidate.end:mention.start]):
                        return None  # (a nationality and a title may come first: 'between Brazilian President Lula')
                    found = mention
                elif _LIST_GAP.fullmatch(doc.text[found.end:mention.start]) and not (
                        "," in doc.text[found.end:mention.start] and closed) \
                        or not closed and _AND_INDEFINITE.fullmatch(doc.text, found.end, mention.start):
                    closed = closed or _AND_OR.search(doc.text, found.end, mention.start) is not None
                    found = mention
                elif mention.type == "person" and mention.country == found.country \
                        and _TITLE_BEFORE_NAME.fullmatch(doc.text, found.end, mention.start):
                    found = mention  # 'between U.S. hostage envoy Adam Boehler and ...': the envoy is the US party
                else:
                    break
        if found is None or found.via != "pronoun":
            return found
        return requester_not_the_doer(doc, mentions, found, sentence.start, candidate.head_start)
    if rule == "prev":
        index = candidate.sentence.index - 1
        if index >= 0:
            previous = doc.sentences[index]
            signer = next((m for m in doc.mentions(previous) if _can_act(m) and _signed_after().match(doc.text, m.end)),
                          None)
            if signer is not None:
                return signer  # 'X raised concerns after China signed a pact. The deal was signed': China signed it
            for mention in doc.mentions(previous):
                if _can_act(mention) and not _after_preposition(doc, mention, doc.mentions(previous),
                                                                previous.start):
                    return mention
        return None
    if rule == "carried":
        onward = _onward_destination(doc, candidate, mentions)
        if onward is not None:
            return onward  # 'deported 200 Venezuelans from the US to El Salvador': the place they were sent took them
        for mention in mentions:
            if candidate.head_start <= mention.start < candidate.end and mention.via == "demonym":
                return _as_country(mention)
        return None
    if rule == "inside":
        for mention in mentions:
            if candidate.head_end <= mention.start and mention.end <= candidate.end and _can_act(mention):
                return mention
        return None
    if rule == "clause":
        return _relative_clause_subject(doc, candidate, mentions)
    if rule == "in":
        for mention in mentions:
            if mention.start >= candidate.end and mention.type == "country":
                before = doc.text[max(sentence.start, mention.start - 12):mention.start]
                if _PLACE_PREPOSITION.search(before) and not _transit_before().search(
                        doc.text, max(sentence.start, mention.start - 40), mention.start):
                    return mention  # (the country one is told to leave expels: 'was asked to leave Chad')
        return None
    return _possessor_of_modifier(doc, candidate, mentions) or _owner_of_spoken_piece(doc, candidate, mentions) \
        or _opportunity_taker(doc, candidate, mentions) or _gerund_subject(doc, candidate, mentions) \
        or _measured_for(doc, candidate, mentions) or _left_actor(doc, candidate, mentions)


#: 'in response to', 'after', 'over' right before the party that does the gerund after it (not a bare 'to': 'his
#: visit to the UK spitting venom against Pakistan' is the visitor's act)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in\s+(?:response|reaction|retaliation)\s+to|after|over|following|despite|amid)"
                                 r"\s+(?:the\s+)?$", re.I)


def _gerund_subject(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'China hit back in response to Tokyo speaking out against Beijing's activities': a party right before an
    -ing trigger, after a preposition, is the gerund's subject (elsewhere a prepositional object does not act)."""
    if not _ING_HEAD.match(doc.text, candidate.head_start):
        return None
    party = next((m for m in reversed(mentions) if m.end <= candidate.head_start), None)
    if party is None or party.type not in ("country", "organization") or not party.country or party.via == "place" \
            or not re.fullmatch(r"\s", doc.text[party.end:candidate.head_start]) \
            or not _PREPOSITION_BEFORE.search(doc.text, max(candidate.sentence.start, party.start - 20), party.start):
        return None
    return party


@cache
def _measure_on_before() -> re.Pattern[str]:
    """A measure (words.csv SANCTIONS) and the 'on' or 'against' of the party it hits, at the end of the text
    searched: 'imposed steep duties of as much as 40% on the '."""
    return re.compile(r"\b(?:" + word_classes()["SANCTIONS"] + r")\s+(?:[\w%-]+\s+){0,5}?(?:on|against)\s+(?:the\s+)?$",
                      re.I)


def _measured_for(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'threatened tariffs on Colombia for refusing to cooperate': the party a measure hits does the '-ing' act given
    as the measure's reason, not the one who takes the measure."""
    if not _ING_HEAD.match(doc.text, candidate.head_start) \
            or not doc.text[max(0, candidate.head_start - 5):candidate.head_start].endswith("for "):
        return None
    party = next((m for m in reversed(mentions) if m.end <= candidate.head_start), None)
    if party is None or not party.country or party.type not in ("country", "organization") \
            or not re.fullmatch(r"\s+for\s+", doc.text[party.end:candidate.head_start]) \
            or not _measure_on_before().search(doc.text, max(candidate.sentence.start, party.start - 80), party.start):
        return None
    return party


#: 'took the opportunity of ... to', 'used the occasion to': what the infinitive says is done by the one who took it
_OPPORTUNITY_TO = re.compile(r"\b(?:took|take|takes|taking|used|uses|use|using|seized|seizes|seize|seizing)\s+"
                             r"(?:the|this|that|an?|her|his|its)\s+(?:opportunity|occasion|chance|moment)\b"
                             r"[^;:]{0,160}?\bto\s+$", re.I)  # (searched inside one sentence: 'a U.N. meeting')


def _opportunity_taker(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'The US envoy took the opportunity of Russia's foreign minister, Sergey Lavrov, chairing the Council to
    press for two jailed Americans to be freed': the subject of 'took' presses, not the party named last before the
    verb."""
    low = max(candidate.sentence.start, candidate.head_start - 220)
    # (every match ends with 'to' right before the trigger: most windows end otherwise, and the regex that
    # looks back over 220 characters for the opportunity taken is skipped)
    taken = _OPPORTUNITY_TO.search(doc.text, low, candidate.head_start) \
        if ends_with_word(doc.text[low:candidate.head_start], "to") else None
    if taken is None:
        return None
    at = taken.start()
    return _left_actor(doc, _Candidate(candidate.trigger, candidate.sentence, at, at, at, candidate.relation), mentions)


#: A possessive right before an -ing word: "Beijing's growing influence" (optionally one adverb in between)
_POSSESSIVE_BEFORE_ING = re.compile(r"['’]s?\s+(?:\w+ly\s+)?")
_ING_HEAD = re.compile(r"\w+ing\b")


def _possessor_of_modifier(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'Canberra worries about Beijing's growing influence over Honiara': an -ing word right after a possessive
    opens a noun phrase that the possessor owns (or is the doer of a gerund, 'Moscow's holding of drills'), so the
    possessor acts, not the subject of the clause the phrase sits in."""
    if not _ING_HEAD.match(doc.text, candidate.head_start):
        return None
    for mention in reversed(mentions):
        if mention.end <= candidate.head_start:
            if mention.type in ("country", "person", "organization") and _POSSESSIVE_BEFORE_ING.fullmatch(
                    doc.text, mention.end, candidate.head_start):
                return mention
            return None
    return None


@cache
def _piece_then_participle() -> re.Pattern[str]:
    """"'s speech on Wednesday, " right before a participle: a possessive, a thing said or sent (words.csv
    SPOKEN_PIECES) and perhaps when or where, then a comma."""
    return re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:" + word_classes()["SPOKEN_PIECES"] + r")"
                      r"(?:\s+(?:on|at|in|last|this|earlier|late|early)(?:\s+[\w-]+){1,3})?,\s+$", re.I)


def _owner_of_spoken_piece(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'deeply offended by John Kerry's speech on Wednesday, scolding Israel for an hour': a participle after a
    party's speech, note or statement and a comma tells what the piece does, so its owner acts, not the clause's
    subject (the one offended)."""
    if not _ING_HEAD.match(doc.text, candidate.head_start):
        return None
    if _BACK_TO_PIECE.match(doc.text, candidate.head_end):
        return None  # 'rejected the ministry's remarks, calling them baseless': the piece is what is called so
    # (the owner need not be the party named last: 'the Indian minister's remarks in Delhi, accusing')
    owner = next((m for m in reversed(mentions) if candidate.head_start - 80 <= m.end <= candidate.head_start
                  and m.type in ("country", "person", "organization") and m.country
                  and _piece_then_participle().fullmatch(doc.text, m.end, candidate.head_start)), None)
    if owner is not None and _OBJECT_OF_VERB.search(doc.text, max(candidate.sentence.start, owner.start - 30),
                                                    owner.start):
        return None  # 'Pakistan rejected the Indian ministry's remarks, calling': the piece is the verb's object
    return owner


#: A pronoun object right after the participle, standing for the piece: ', calling them', ', dismissing it'
_BACK_TO_PIECE = re.compile(r"\s+(?:them|it|this|these|those)\b")
#: A lower-case verb, maybe 'the', right before the owner (no 'by': 'offended by Kerry's speech' names its agent)
_OBJECT_OF_VERB = re.compile(r"(?<![\w-])(?!by\b|of\b|in\b|at\b|to\b|and\b|that\b|said\b)[a-z]+(?:ed|s)\s+(?:the\s+)?$")


#: Between the subject of a relative clause and its verb: auxiliaries and adverbs ('that Tbilisi had flatly rejected')
_TO_CLAUSE_VERB = re.compile(r"(?:\s+(?:has|have|had|did|does|will|would|\w+ly))*\s+$")


def _relative_clause_subject(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'terms set by Brussels, which Belgrade rejected', 'a proposal Ankara turned down': the party inside the
    wording that is the subject of its closing verb, the last one named right before that verb."""
    verb = re.search(r"\S+(?:\s+down)?$", doc.text[candidate.head_end:candidate.end])
    verb_start = candidate.head_end + verb.start() if verb else candidate.end
    for mention in reversed(mentions):
        if candidate.head_end <= mention.start and mention.end <= verb_start and _can_act(mention):
            return mention if _TO_CLAUSE_VERB.fullmatch(doc.text, mention.end, verb_start) else None
    return None


@cache
def _transit_before() -> re.Pattern[str]:
    """A stop on the way (words.csv TRANSIT_WORDS), not the place where the flight lands: 'via a connection in
    Jamaica', 'after refuelling in'."""
    return re.compile(r"\b(?:" + word_classes()["TRANSIT_WORDS"] + r")\b[^.;]*$",
                      re.I)


_SAY_VERB = re.compile(r"\b(?:said|says|say|warned|warns|told|tells|stated|added|insisted|declared|announced)\b")


_HELD_BY = re.compile(r"\b(?:from|in|by)\s+(?:the\s+)?$")
#: 'from Iranian custody': a demonym that names the captor
_CUSTODY_AFTER = re.compile(r"\s+(?:custody|captivity|detention|prisons?|jails?)\b")
