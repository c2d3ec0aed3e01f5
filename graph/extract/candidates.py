"""Trigger candidates: every match of a trigger in a document's sentences (`_find_candidates`).

A match is dropped when its words are used in another sense ('Hurricane Melissa slammed into Jamaica'),
when a trigger's required words are missing nearby, and in captions and credits; a match report (sports) is
told apart here too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from graph.actors import word_classes
from graph.extract.document import _Doc
from graph.extract.lexicon import _NEED, _SPORT, Trigger, _features_of, _possible_triggers, triggers
from graph.records import Mention
from graph.text import Sentence
from graph.words import TOKEN, lower_of, token_starts

#: 'that' opening a clause inside a trigger's gap: what follows is that clause's, not the trigger's object.
_THAT_IN_GAP = re.compile(r"\s(?:that|whether)\s", re.I)
#: A comma that opens a new clause ('..., after talks'): a trigger's gap does not run across one. Checked on
#: the match (a gap is as short as it can be, so no other match of the trigger would avoid it).
_CLAUSE_IN_GAP = re.compile(r",\s+(?:after|before|while|when|which|whom|whose|where|although|because)\b")
#: Trigger words that are nouns unless a modal, 'to' or a subject pronoun comes right before them.
_NOUN_UNLESS_VERBAL = {"pressure"}
_VERBAL_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|not|they|we|i|you)\s+$", re.I)
_VERB_OR_ADJECTIVE = {"order", "visiting", "demand", "call", "push", "press", "request", "visited"}
_WARNED_ABOUT = re.compile(r"\s+(?:\w+\s+){0,3}?that\s+[^,.;]{1,40}?\b(?:could|would|may|might|was\s+preparing|"
                           r"were\s+preparing|planned|plans)\b", re.I)
_SANCTIONED_THING = re.compile(r"\s+(?:[A-Z][\w-]*|oil|gas|entities|individuals|firms|companies|banks|vessels|ships|"
                               r"goods|tankers|officials)\b")
#: 'has sanctioned Russia', 'Singapore sanctioned Russia': a verb after an auxiliary or a named subject, not a
#: participle describing goods ('buying sanctioned Russian oil', 'officially sanctioned')
_SANCTIONED_AS_VERB = re.compile(r"(?:\b(?:has|have|had|having|also|then|and|it|they|who|which|formally|jointly|"
                                 r"already|previously|recently|separately|further)|[A-Z][\w.'’-]*)\s+$")
_OPEN_TO = re.compile(r"\b(?:open|willing|ready|prepared)\s+to\s+$", re.I)
#: 'allegations of', 'accusations of': a noun of the act alleged follows
_CLAIMED_OF = re.compile(r"\b(?:allegations?|accusations?|claims?|charges?|suspicions?)\s+of\s+(?:the\s+)?$", re.I)
#: 'pressing Japan's claim to', 'pressed its claims': a claim asserted
_CLAIM_PRESSED = re.compile(r"\s+(?:[\w'’.-]+['’]s?\s+|its\s+|their\s+|his\s+|her\s+)?(?:territorial\s+|"
                            r"sovereignty\s+)?claims?\b", re.I)
#: 'a sign of', 'signs that': the noun, not the verb
_NOUN_SIGN_AFTER = re.compile(r"\s+(?:of|that)\b")
_COURTESY_BEFORE = re.compile(r"\bcourtesy\s+$", re.I)
_NAME_AFTER = re.compile(r"\s+[A-Z]")
#: Visits told as a practice, not a trip: 'regular visits', 'reciprocal visits', 'an exchange of visits'.
_HABITUAL_BEFORE = re.compile(r"\b(?:regular|reciprocal|frequent|mutual|exchange\s+of|exchanges\s+of|high-level)\s+"
                              r"(?:[\w-]+\s+)?$", re.I)


def _place_at(doc: _Doc, offset: int) -> bool:
    """True when a country or its capital is named at `offset` ('was visiting El Salvador')."""
    index = bisect_left(doc.actors.starts, offset)
    if index >= len(doc.actors.mentions):
        return False
    mention = doc.actors.mentions[index]
    return mention.start == offset and mention.type == "country" and mention.via in ("name", "capital", "place")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|executive|this|that|new)\s+$", re.I)
#: 'At the end of the meeting', 'concluded his visit': a meeting or a trip that ends is over, not broken off,
#: and concluding one is no agreement.
_END_OF_EVENT = re.compile(r"\s+of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|a\s+|this\s+|that\s+)?(?:[\w-]+\s+)?"
                           r"(?:meeting|visit|talks|summit|trip|tour|session|conference|gathering|day|week|month|year|"
                           r"term|mandate|war|talk|call|stay)\b", re.I)
_ENDED_EVENT = re.compile(r"(?:visit|visits|trip|tour|stay|meeting|talks|summit|session)$", re.I)
_PEOPLE_RECEIVED = re.compile(r"\b(?:migrants?|deportees?|returnees?|refugees?|asylum[- ]seekers?|immigrants?|"
                              r"nationals|detainees|prisoners)\s+(?:(?:that|whom|who)\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
_ANY_ATTEMPT = re.compile(r"\bany\s+(?:(?:attempts?|moves?|efforts?|bids?|plans?|decisions?)\s+(?:by\s+[\w'’.-]+\s+)?to"
                          r"|(?:failures?|delays?|refusals?|obstruction|lapses?)\s+(?:in|of|to)(?:\s+the)?)\s+$", re.I)
_PEOPLE_AFTER = re.compile(r"\s+(?:nationals|migrants|deportees|citizens|returnees|men|women|people|workers|"
                           r"immigrants|asylum|refugees|children|families|detainees|prisoners|students|passengers|"
                           r"illegal|undocumented|irregular|criminal|convicted|deported|expelled|"
                           # a function word after it: the demonym is a noun ('every Colombian the United States
                           # deports', 'any Venezuelan who')
                           r"the|a|an|who|that|which|whom|whose|this|these|those|from|in|on|at|to|back|already|"
                           r"currently|living|held|detained|and|or|with|by|aboard|it|they|we|he|she|was|were|is|"
                           r"are|has|have|had|will|would)\b")


def _demonym_as_adjective(text: str, start: int, end: int) -> bool:
    """Whether a trigger ends on a capitalised demonym used as an adjective of a thing ('the Indian
    announcement'), not as a people ('Indians', 'Indian nationals')."""
    last = text.rfind(" ", start, end) + 1
    if not text[last:end][:1].isupper() or text[end - 1:end] == "s":
        return False
    following = re.match(r"\s+[a-z]", text[end:end + 3])
    return following is not None and not _PEOPLE_AFTER.match(text, end)


#: what follows "by" when it is the means, not the agent: a channel, or a gerund ("responded by announcing tariffs")
_BY_MEANS = re.compile(r"(?:tele)?phone|video|videolink|letter|email|mail|text|message|air|road|sea|bus|land"
                       r"|(?:also\s+)?[a-z]+ing\b")


@dataclass
class _Candidate:  # noqa: D101 - a trigger match with the relation it resolves to
    trigger: Trigger
    sentence: Sentence
    head_start: int
    head_end: int
    end: int
    relation: str = ""
    negated: bool = False
    patient: Mention | None = None  #: in a passive, the party the act was done to


def _is_sports(text: str) -> bool:
    """A match report: country names there mostly stand for teams, not governments.

    Four different sports words make a sports report; the words are looked up in the document's word set,
    not searched for one by one.
    """
    return len({f for features in _features_of(text).values() for f in features if f >= _SPORT}) >= 4


#: A verb that the talks are the subject of, with its own object before 'between' ('talks showed the gap between',
#: 'the meeting exposed the rift between'): 'between' is that object's
_SHOWN_BETWEEN = re.compile(r"\s(?:show|reveal|expos|highlight|underlin|underscor|widen|deepen|la(?:y|id|ys)\s+bare)\w*"
                            r"\s+(?:[\w-]+\s+){0,2}between$", re.I)


#: 'from' right after a noun of blame: its giver is named next
_FROM_GIVER = re.compile(r"\s+from\s")
#: A verb that calls its object something, up to twelve words before 'as' ('denounced the decision as')
_CALLED_AS = re.compile(r"\b(?:denounc|condemn|criticis|criticiz|describ|brand|label|term|characteri|portray|decr[iy]|"
                        r"slam|blast|dismiss|reject|regard|view|call)\w*\s+(?:[\w'’-]+\s+){1,12}$", re.I)
#: A noun of talks and the preposition of their topic right before a trigger ('the dialogue on the normalization of')
_TOPIC_OF_TALKS = re.compile(r"\b(?:talks|dialogue|meeting|meetings|negotiations|discussions|consultations|conference|"
                             r"summit|session|round)\s+(?:[\w-]+\s+){0,2}?(?:on|about|over|regarding|concerning)\s+"
                             r"(?:the\s+|a\s+)?$", re.I)


@cache
def _wished() -> re.Pattern[str]:
    """A verb of wishing right before a noun of talks (words.csv WISH): 'supported dialogue between', 'has
    advocated for peace talks with'."""
    return re.compile(r"\b(?:" + word_classes()["WISH"] + r")\s+(?:for\s+)?(?:(?:a|an|the|more|direct|renewed|new|"
                      r"further|peace|formal|bilateral)\s+)*$", re.I)


@cache
def _private_travellers() -> re.Pattern[str]:
    """People who travel on their own before a verb of travel (words.csv PRIVATE_TRAVELLERS)."""
    return re.compile(r"\b(?:" + word_classes()["PRIVATE_TRAVELLERS"] + r")\s+(?:\w+\s+){0,2}$", re.I)


def _warned_about_another(doc: _Doc, sentence: Sentence, start: int, token_end: int) -> bool:
    """'X warned that Belarus could attack Lithuania': a warning about another party's possible act; not 'warned
    that it might strike' or 'warned that China would respond' said of the warner's own side."""
    match = _WARNED_ABOUT.match(doc.text, token_end)
    if match is None:
        return False
    that = doc.text.find("that", token_end, match.end()) + 5
    mentions = doc.mentions(sentence)
    subject = next((m for m in mentions if m.start == that), None)
    if subject is None or subject.via == "pronoun":
        return False
    before = [m for m in mentions if m.end <= start and m.country]
    return not before or before[-1].country != subject.country


def _find_candidates(doc: _Doc) -> list[_Candidate]:
    """Every trigger match inside a sentence that is not a caption or a credit."""
    found: list[_Candidate] = []
    text = doc.text
    possible = _possible_triggers(text)
    all_triggers = triggers()
    # Only words that can start a trigger possible in this document are looked at.
    active = {}
    for word, features in _features_of(text).items():
        rows = [all_triggers[n] for n in features if n < _NEED and n in possible]
        if rows:
            active[word] = rows
    if not active:
        return found
    lower = lower_of(text)
    begin = doc.document.body_start
    if len(lower) == len(text):
        hits = sorted((start, end, word) for word in active for start, end in token_starts(text, lower, word, begin))
    else:  # rare letters whose lower case changes length: walk every token instead
        hits = [(m.start(), m.end(), m.group().lower()) for m in TOKEN.finditer(text, begin)
                if m.group().lower() in active]
    for start, token_end, word in hits:
        rows = active[word]
        sentence = doc.sentence_at(start)
        if sentence is None or doc.is_caption(sentence) or doc.credits.covers(start):
            continue
        passive_head = text.startswith(" by ", token_end) and not _BY_MEANS.match(text, token_end + 4)
        for trigger in rows:
            hit = trigger.regex.match(text, start, sentence.end)
            if hit is None or ("," in hit.group() and _CLAUSE_IN_GAP.search(text, token_end + 1, hit.end())):
                continue  # (a clause right after the trigger word, 'expulsions, which targeted', describes it)
            if (trigger.relation in _DEPORTEE_RELATIONS or trigger.relation == "launchedProgram") \
                    and _THAT_IN_GAP.search(text, token_end, hit.end()):
                continue  # 'received assurances that the men would be treated well': the men are in another clause
                # ('announced that Poland has a plan': the plan is the object of the clause's own verb)
                # (a warning's or a demand's content is a that-clause: their triggers cross it)
            if passive_head and hit.end() > token_end + 4 and trigger.actor != "by" and " by" not in trigger.pattern \
                    and not trigger.actor.startswith("in"):
                continue  # 'received by Dominican officials' is passive: the words after 'by' act (but in 'men
                # deported by the US arrived in Eswatini' the place they arrive in takes them in)
            if trigger.require is not None and not _required(doc, trigger.require, sentence):
                continue
            if trigger.relation == "demands" and _COURTESY_BEFORE.search(text, max(0, start - 12), start):
                continue  # 'paid a courtesy call on the president' is a meeting, not a demand
            if trigger.relation == "accuses" and word.startswith("accusation") \
                    and _DETERMINER_BEFORE.search(text, max(0, start - 12), start) \
                    and not text.startswith(" that ", token_end):  # ('shot back with an accusation that X')
                continue  # 'calling the accusations against him ridiculous': the noun names no accuser
            if trigger.relation in ("demands", "visits") and word in _VERB_OR_ADJECTIVE \
                    and _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
                continue  # 'signed an order halting aid', 'the visiting minister': not a demand, not a visit
            if trigger.relation == "meetsWith" and _wished().search(text, max(0, start - 40), start):
                continue  # 'said he supported dialogue between Chile and Argentina', 'advocated for talks with
                # Chile': talks wished for, not held
            if trigger.relation == "accuses" and trigger.actor.startswith("left") and hit.end() == token_end \
                    and not word.endswith("ed") and _FROM_GIVER.match(text, token_end):
                continue  # 'his trip drew strong rebukes from European leaders': those after 'from' rebuke; the
                # party before the noun receives the rebuke
            if trigger.relation == "accuses" and word == "as" \
                    and _CALLED_AS.search(text, max(sentence.start, start - 100), start):
                continue  # 'denounced Poland's decision to close the border as an unfriendly step': what the one who
                # denounced called it (that verb's own trigger), no charge by the party named before 'as'
            if trigger.relation == "shiftsTowardCooperation" \
                    and _TOPIC_OF_TALKS.search(text, max(sentence.start, start - 60), start):
                continue  # 'a meeting of the dialogue on the normalization of relations': the topic, not an act
            if trigger.relation == "meetsWith" and trigger.actor == "after" and _SHOWN_BETWEEN.search(hit.group()):
                continue  # 'the talks showed the gap between Sudan and Chad': the gap is between them, not the talks
            if trigger.relation == "visits" and word in ("mission", "missions") and hit.group().endswith(" in"):
                continue  # 'a diplomat of the Chilean mission in the country': the embassy, not a trip
            if trigger.relation == "accuses" and word == "accused" and text[max(0, start - 2):start] == ", " \
                    and text.startswith(" of ", token_end):
                continue  # 'migrants, most of them Cubans, accused of belonging to gangs': a participle, no accuser
            if trigger.relation == "visits" and word.startswith("travel") \
                    and _private_travellers().search(text, max(0, start - 40), start):
                continue  # 'discouraged its citizens from travelling to Serbia': people travel, no state visits
            if trigger.relation == "threatened" and word.startswith("warn") \
                    and _warned_about_another(doc, sentence, start, token_end):
                continue  # 'warned that Belarus could attack Lithuania': a warning about a party, not a threat to it
            if trigger.relation == "threatenedSanctions" and (
                    word == "sanctioned" and not _SANCTIONED_AS_VERB.search(text, max(0, start - 30), start)
                    or word != "sanctioned" and hit.group().lower().endswith("sanctioned")
                    and _SANCTIONED_THING.match(text, hit.end())):
                continue  # 'buying sanctioned Russian oil': goods under sanctions, nobody imposes them here
            if trigger.relation == "meetsWith" and _OPEN_TO.search(text, max(0, start - 20), start):
                continue  # 'said he was always open to meeting X': no meeting held or planned
            if trigger.relation == "accuses" and _CLAIMED_OF.search(text, max(0, start - 30), start):
                continue  # 'refuting British allegations of interference': what is alleged, not an accusation
            if trigger.relation == "demands" and word.startswith("press") and _CLAIM_PRESSED.match(text, token_end):
                continue  # 'a rally pressing Japan's claim to the islets': a claim asserted, nobody is asked
            if word in ("host", "hosts") and _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
                continue  # 'the hosts spoke of a new era': the noun, nobody is hosted
            if word in ("sign", "signs") and _NOUN_SIGN_AFTER.match(text, token_end):
                continue  # 'the latest sign of how badly relations have soured' is a noun, nothing is signed
            if trigger.relation == "visits" and word in ("visits", "trips") \
                    and (_HABITUAL_BEFORE.search(text, max(0, start - 30), start)
                         or text.startswith(" to each other", token_end)):
                continue  # 'agreed to revive regular visits to each other's countries': no trip was made
            if trigger.relation == "visits" and word == "visiting" and _NAME_AFTER.match(text, token_end) \
                    and not _place_at(doc, token_end + 1):
                continue  # 'Xi met visiting US Secretary of State Rex Tillerson': the guest visits (events.py)
            if trigger.relation == "reducesCooperation" and word in ("end", "ends") \
                    and _DETERMINER_BEFORE.search(text, max(0, start - 12), start) \
                    and _END_OF_EVENT.match(text, token_end):
                continue  # 'at the end of the meeting' is a time, not a break
            if trigger.relation == "agreesToCooperate" and word.startswith(("conclud", "wrap", "finali")) \
                    and _ENDED_EVENT.search(text, start, hit.end()):
                continue  # 'concluded his official visit': the visit ended; nothing was agreed
            if trigger.relation in ("meetsWith", "visits") and word.startswith(("receiv", "welcom", "host")) \
                    and _PEOPLE_RECEIVED.search(text, max(0, start - 50), start):
                continue  # 'three migrants it received from the U.S.': people taken in, not a guest
            if _ANY_ATTEMPT.search(text, max(0, start - 40), start):
                continue  # 'any attempt to halt the water would be an act of war': a hypothetical, nobody's act
            if trigger.relation == "acceptsDeportees" and word.startswith(("receiv", "host")) \
                    and _MIGRANTS_ON_THEIR_OWN.match(text, hit.end()):
                continue  # 'receives most of the migrants who leave Tunisia by boat': arrivals, not returns
            if trigger.relation == "acceptsDeportees" and _TO_THEIR_HOMELAND.match(text, hit.end()):
                continue  # 'the return of Afghan refugees to their homeland': sent home, not taken in by the sender
            if trigger.relation in _DEPORTEE_RELATIONS and _demonym_as_adjective(text, start, hit.end()):
                continue  # 'rejects the Indian announcement': a demonym before a thing names no people
            if word in _NOUN_UNLESS_VERBAL and not _VERBAL_BEFORE.search(text, max(0, start - 12), start):
                continue  # 'economic pressure' is a noun; 'to pressure Mexico', 'would pressure' are verbs
            if _not_this_sense(text, start, token_end, hit.end(), trigger):
                continue
            found.append(_Candidate(trigger, sentence, start, token_end, hit.end()))
    return found


@cache
def _sense_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """NOT_A_TRIGGER phrases, the words that make a participle an adjective, and the nouns after a demonym
    that are no migrants (words.csv)."""
    classes = word_classes()
    return (re.compile(classes["NOT_A_TRIGGER"] + r"(?![\w-])", re.I),
            re.compile(r"(?<![\w-])" + classes["PARTICIPLE_BEFORE"] + r"\s+$", re.I),
            re.compile(r"\s+(?:[a-z-]+\s+)?" + classes["NOT_MIGRANTS"] + r"(?![\w-])", re.I))


@cache
def _handed_things() -> re.Pattern[str]:
    """Things, not people, right before a verb of handing over ('tanks to be delivered to'): words.csv
    HANDED_THINGS."""
    return re.compile(r"\b(?:" + word_classes()["HANDED_THINGS"] + r")\s+(?:(?:to|will|would|be|been|being|was|were|"
                      r"is|are|has|have|had)\s+){0,3}$", re.I)


@cache
def _public_feeling() -> re.Pattern[str]:
    """Who holds a feeling right before its noun when that is no state (words.csv PUBLIC_FEELERS): 'public
    discontent', 'popular anger'."""
    return re.compile(r"(?<![\w-])" + word_classes()["PUBLIC_FEELERS"] + r"\s+(?:[a-z-]+\s+)?$", re.I)


_DEPORTEE_RELATIONS = frozenset({"acceptsDeportees", "refusesDeportees"})
#: Migrants who travel on their own after the words that take them in: irregular arrivals, nobody's deportees.
_TO_THEIR_HOMELAND = re.compile(r"\s+(?:[\w-]+\s+){0,3}?to\s+their\s+(?:homeland|home\s+countr(?:y|ies)|"
                                r"countr(?:y|ies)(?:\s+of\s+origin)?|home)\b", re.I)
_MIGRANTS_ON_THEIR_OWN = re.compile(r"\s+(?:who|that)\s+(?:\w+ly\s+)?(?:leave|left|cross|crossed|arrive|arrived|"
                                    r"set\s+off|sail|sailed|depart|departed|flee|fled|reach|reached|escape|escaped|"
                                    r"escaping)\b"
                                    r"|\s+(?:arriving|crossing|fleeing|leaving|escaping)\b")


#: A charge the subject bears: 'has faced accusations of', 'came under renewed criticism for'
_FACED_BEFORE = re.compile(r"\b(?:fac(?:e|es|ed|ing)|(?:came|come|comes|coming)\s+under)\s+(?:(?:renewed|repeated|"
                           r"mounting|growing|fresh|new|international|widespread|the|similar)\s+)*$", re.I)
#: A party's thing right before 'as' ("Chile's actions as hostile"): the thing described, its owner no speaker
_POSSESSED_BEFORE_AS = re.compile(r"[A-Z][\w.-]*['’]s?\s+(?:[a-z-]+\s+){1,2}$")
#: What someone comments on is the topic: 'did not comment on the', 'declined to comment about its'
_COMMENT_ON_BEFORE = re.compile(r"\bcomment(?:s|ed|ing)?\s+(?:on|about)\s+(?:(?:the|a|an|its|their|this|that)\s+)?$",
                                re.I)
#: What is welcomed when it is not a visitor: a party's decision, offer, role...
_WELCOMED_THING = re.compile(r"\s+(?:(?:the|a|an|this|that|its|their|his|her)\s+"
                             r"|(?:[A-Z][\w.-]*\s+){0,3}[\w.-]+['’]s?\s+)(?:\w+\s+)?(?:willingness|decision|offer|proposal|move|announcement|efforts?|commitment|"
                             r"support|plan|statement|readiness|role|step|steps|release|agreement|deal|initiative|news|"
                             r"outcome|results?)\b")
#: 'control of', 'control over': the noun after a verb of having or a clause start, not the verb
_NOUN_CONTROL = re.compile(r"\s+(?:of|over|at)\b", re.I)
#: An area held in a war: 'the territory controlled by', 'areas run by'
_HELD_AREA = re.compile(r"\b(?:territory|territories|areas?|regions?|zones?|parts?|towns?|villages?)\s+$", re.I)
#: 'resume deportation flights', 'restart repatriation flights': migration, not a thaw
_FLIGHTS_AFTER = re.compile(r"\s+(?:the\s+)?(?:[\w-]+\s+)?(?:deportation|repatriation|removal|return)\s+flights?\b",
                            re.I)
#: Tariffs that are no burden: 'zero tariffs', 'lower duties', 'preferential tariffs'
_NO_TARIFF = re.compile(r"\b(?:zero|no|low|lower|reduced|minimal|preferential|duty-free)\s+(?:[\w-]+\s+)?"
                        r"(?:tariffs?|duties|levies)\b", re.I)
#: A visit to one's own people: 'visit her family', 'visiting his hometown'
_PRIVATE_VISIT = re.compile(r"\s+(?:her|his|their|my|our)\s+(?:own\s+)?(?:family|families|relatives|parents|"
                            r"hometown|home\s+town|village|children|mother|father|grave)\b", re.I)
#: Words that turn a sanctions wording into their end ('the lifting of sanctions', 'an end to tariffs').
_LIFTING = re.compile(r"\b(?:lift|lifts|lifted|lifting|removal|remove|removing|easing|ease|end|ending|repeal|"
                      r"repealing|scrapping|relief|waiver|waive|waiving|rollback|roll\s+back|pause|paused|pausing|"
                      r"postpone|postponed|postponing)\b", re.I)
#: 'announced that the tariffs would be halted for now': the measure is called off, not imposed
_CALLED_OFF_AFTER = re.compile(r"\s+(?:would|will|were|was|had|have|are|is)\s+(?:been\s+|be\s+)?(?:now\s+)?"
                               r"(?:halted|paused|suspended|postponed|delayed|lifted|dropped|scrapped|removed|"
                               r"put\s+on\s+hold)\b", re.I)
_LIFTING_BEFORE = re.compile(_LIFTING.pattern + r"\s+(?:of\s+|to\s+|on\s+)?(?:the\s+|all\s+|its\s+|their\s+)?"
                             r"(?:[\w-]+\s+)?$", re.I)


#: A worry between a verb and its object ('raised concerns about ... cuts', 'voiced fears over ... sanctions'):
#: the verb's object is the worry, and the act after it is what the worry is about.
_CONCERN_GAP = re.compile(r"\b(?:concerns?|worries|worry|fears?|questions|doubts|alarm|objections?)\s+"
                          r"(?:about|over|regarding|at|on|of|with|that)\b", re.I)


_GOING_TO = re.compile(r"\s+(?:home|to|back)\b")
_EVALUATED_SHOULD = re.compile(r"\b(?:is|was|were|be|it['’]s)\s+(?:\w+\s+)?(?:intolerable|unacceptable|regrettable|"
                               r"surprising|strange|absurd|outrageous|wrong|odd|ironic|shameful|inconceivable|"
                               r"unthinkable|deplorable)\s+that\b[^.;:!?]*$", re.I)
_INVERTED_AFTER = re.compile(r"\s+(?:he|she|they|it|we|you|(?:the\s+)?(?:[A-Z][\w.'’-]*-?)+(?:\s+[A-Z][\w.'’-]*)*"
                             r"\s+(?:not\s+)?[a-z]+)\b")
_TOPIC_BEFORE = re.compile(r"\b(?:focus(?:ed|ing)?\s+on|discuss(?:ed|ing)?|talks\s+on|discussions\s+on|"
                           r"negotiations\s+on)\s+(?:(?:the\s+)?|(?:[\w'’-]+\s+){0,6}?(?:the\s+)?"
                           r"(?:potential|possible|prospect\s+of|question\s+of|issue\s+of)\s+)$", re.I)
_CALLED_MEETING = re.compile(r"\b(?:call(?:s|ed|ing)?|convene[sd]?|convening|convoke[sd]?|request(?:s|ed|ing)?|"
                             r"propose[sd]?|proposing|seek(?:s|ing)?|sought)\s+(?:an?\s+|the\s+)?"
                             r"(?:(?:emergency|urgent|special|extraordinary|new)\s+)?$", re.I)
#: A verb that judges its object, some words before 'as': 'condemned China's actions as illegal' is the verb's
#: subject judging, the object's owner judges nobody
_JUDGED_AS = re.compile(r"\b(?:condemn|denounc|describ|brand|label|slam|decr|criti[cz]|reject|dismiss|see|saw|seen|"
                        r"view|regard|characteri|portray|den(?:y|ies|ied)|term|blast|lambast|castigat)\w*\s+"
                        r"(?:[\w'’.-]+\s+){1,6}$", re.I)
#: 'convened a security council meeting': a meeting called of the convener's own body, whatever its name
_CONVENED_MEETING = re.compile(r"\b(?:convene[sd]?|convening|convoke[sd]?)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+)?"
                               r"(?:[\w-]+\s+){0,3}$", re.I)
#: A meeting only wished for or thought of: 'his intention to meet', 'the idea of Maduro meeting with'
_WISHED_MEETING = re.compile(r"\b(?:intention|intentions|wish|desire|willingness|readiness|eagerness)\s+to\s+"
                             r"(?:[a-z]+ly\s+)?$"
                             r"|\b(?:idea|prospect|possibility|notion|suggestion|likelihood)\s+(?:of|that)\s+"
                             r"(?:[\w.'’-]+\s+){0,5}$", re.I)
#: A verb of easing before a measure noun: 'scrapped its duties on', 'eased the sanctions on', 'no longer ... impose'
_EASED = (r"(?:eas(?:e|es|ed|ing)|lift(?:s|ed|ing)?|scrap(?:s|ped|ping)?|remov(?:e|es|ed|ing)|waiv(?:e|es|ed|ing)|"
          r"relax(?:es|ed|ing)?|drop(?:s|ped|ping)?|cut(?:s|ting)?|lower(?:s|ed|ing)?|halv(?:e|es|ed|ing)|"
          r"rescind(?:s|ed|ing)?|repeal(?:s|ed|ing)?|end(?:s|ed|ing)?|loosen(?:s|ed|ing)?|suspend(?:s|ed|ing)?|"
          r"reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|paus(?:e|es|ed|ing)|exempt(?:s|ed|ing)?|roll(?:s|ed|ing)?\s+back)")
_EASED_MEASURE = re.compile(r"\b" + _EASED + r"\s+(?:(?:its|their|the|a|an|some|all|most|many|several|those|these|his|"
                            r"her|remaining|existing|punitive|retaliatory|earlier)\s+)*(?:[\w%.-]+\s+){0,2}$", re.I)
_EASED_MEASURE_HEAD = re.compile(_EASED + r"\s+(?:(?:its|their|the|some|all|most|remaining|existing)\s+)*"
                                 r"(?:[\w-]+\s+)?(?:tariffs?|sanctions|duties|levies|embargo|restrictions|curbs|bans?)\b",
                                 re.I)
_WARNED_AGAINST = re.compile(r"\b(?:warn|caution|advis|counsel)\w*\s+(?:[\w'’.-]+\s+){0,3}against\s+$"
                             # 'asked for guarantees against taking in deportees': what is guarded against is not done
                             r"|\b(?:safeguards?|guarantees?|protections?|assurances?)\s+against\s+$", re.I)
_BROKEN_MEASURE = re.compile(r"\b(?:violat\w*|breach\w*|break(?:s|ing)?|broke|defy\w*|defied|evad\w*|evasion\s+of|"
                             r"implementation\s+of|enforcement\s+of|monitoring\s+of|"
                             r"circumvent\w*|flout\w*|bust(?:s|ed|ing)?|skirt\w*|dodg\w*)\s+(?:the\s+|an?\s+|its\s+|"
                             r"their\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_REQUEST_PHRASE = re.compile(r"(?:(?:at|on)\s+the\s+(?:request|behest|urging)|following\s+(?:a\s+request|pressure)|"
                             r"(?:under|after)\s+pressure|pressure\s+from)\b", re.I)
_PROSPECTIVE = re.compile(r"\b(?:talks|negotiations|negotiating|discussions|work|working|push|pushing|hopes?|plans?)\s+"
                          r"(?:on|for|towards?|over)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$|\b(?:possible|proposed|"
                          r"potential|planned|future|draft|prospective|eventual)\s+(?:[\w-]+\s+){0,2}$", re.I)
_HYPOTHETICAL_BEFORE = re.compile(r"\b(?:allow\w*|permit\w*|can|could|may|might|would)\b[^.;,]*$", re.I)
_ALLEGED = re.compile(r"\b(?:alleged|rumou?red|purported|supposed)\s+(?:[\w-]+\s+)?$", re.I)
_INVITED_TO = re.compile(r"\binvit\w*\s+(?:[\w'’.-]+\s+){0,10}(?:to|for|on)\s+(?:(?:an?|the|his|her|their|its)\s+)?"
                         r"(?:(?:official|state|working|formal|first|return|reciprocal)\s+)*$", re.I)
_VEHICLE_BEFORE = re.compile(r"\b(?:flights?|navigation|aircraft|planes?|ships?|vessels?|traffic|cargo|goods|"
                             r"coming\s+from)\s+(?:or\s+|and\s+)?$", re.I)
#: Craft as the subject of a verb of turning, with what may describe them: 'planes headed to Iceland changed course'
_VEHICLE_SUBJECT = re.compile(r"\b(?:flights?|aircraft|planes?|jets?|ships?|vessels?|boats?|warships?|airliners?|"
                              r"drones?|convoys?)\s+(?:(?:headed|heading|bound|flying|sailing|en\s+route)\s+"
                              r"(?:to|for)\s+(?:[\w'’-]+\s+){1,3})?(?:\w+ly\s+|had\s+|have\s+|has\s+|then\s+)?$", re.I)
_DEPORTED = re.compile(r"\b(?:deport\w*|expelled|removed|repatriated|illegally|undocumented|migrants?)\b", re.I)


#: 'would answer any request for help', 'would respond to the call': what is answered is a request, not an attack
_ANSWERED_REQUEST = re.compile(r"\s+(?:to\s+)?(?:any|the|a|every|all|their|its)?\s*(?:request|requests|call|calls|"
                               r"appeal|appeals|questions?|plea|pleas|invitation)\b", re.I)
#: 'host a Chinese base', 'hosts US troops': what is hosted is a force, not a guest
_HOSTED_FORCES = re.compile(r"\s+(?:a|an|any|the|foreign)?\s*(?:[\w-]+\s+)?(?:base|bases|troops|soldiers|forces|"
                            r"facility|facilities|warships)\b", re.I)
#: 'allegations that Niger had signed', 'claims that Rwanda supplied': the act is only alleged, by someone else
_ALLEGED_THAT = re.compile(r"\b(?:allegations?|claims?|accusations?|rumou?rs?|suggestions?|insinuations?)[\"”']?\s+"
                           r"(?:(?:spread|spreading|circulated|circulating|went|made|surfaced|appeared|online|on|in|"
                           r"social|media|the|internet|widely|quickly|falsely)\s+){0,5}that\s+[^.;:!?]*$"
                           # 'dismissed reports that it would take in migrants': a report its subject denies
                           r"|\b(?:den(?:y|ies|ied|ying)|dismiss\w*|refut\w*|reject\w*)\s+(?:(?:the|media|press|news|recent|"
                           r"earlier)\s+){0,2}reports?\s+that\s+[^.;:!?]*$", re.I)
#: 'talks with its neighbour's leader are the best way out': talks judged as a way, not held
_TALKS_AS_MEANS = re.compile(r"[^.;:!?]{0,60}?\b(?:represents?|are|is|remains?|would\s+be|will\s+be|offers?|"
                             r"provides?)\s+(?:the\s+|a\s+)?(?:best|only|right|surest|most\s+\w+|\w+est)\s+(?:way|path|route|means|"
                             r"option|avenue|solution)\b", re.I)
#: 'cancelled his trip to Lisbon': the traveller's own trip, which cuts no ties ('called off a visit by a
#: foreign minister' is the host's snub)
_OWN_TRIP = re.compile(r"(?:trip|trips|visit|visits|journey|tour)\s+to\b", re.I)
_HELD_ACCOUNTABLE = re.compile(r"\s+(?:also\s+)?be\s+(?:held\s+(?:accountable|responsible|to\s+account)|punished|"
                               r"sanctioned|condemned)\b", re.I)
#: 'insisted that Kyiv, not Moscow, had refused': what is insisted on has happened, it is told, not asked for
_INSISTED_FACT = re.compile(r"\s+(?:that\s+)?[^.;:]{0,60}?\b(?:had|has|have|was|were|is|are|did)\b", re.I)
#: "the country's mission", 'its diplomatic mission', 'the permanent mission': a standing mission, an embassy
_STANDING_MISSION_BEFORE = re.compile(r"(?:['’]s|\b(?:its|their|our|his|her|diplomatic|permanent|resident))\s+$",
                                      re.I)
_STANDING_MISSION = re.compile(r"(?:['’]s|\b(?:its|their|our|his|her|diplomatic|permanent|resident))\s+mission\b", re.I)
#: 'two detainees accused of murder', 'a man charged with espionage': a participle after a plural or counted
#: noun of people describes them (a reduced relative clause); nobody accuses anyone in the sentence
_NOUN_ACCUSED_OF = re.compile(r"\b(?:detainees|suspects|men|women|people|individuals|nationals|citizens|"
                              r"prisoners|inmates|defendants|members|officers|brothers|man|woman|suspect|"
                              r"detainee|defendant)[ \t]+(?:accused|charged|suspected)$")


#: 'offensive' after a determiner or a kind of campaign is the noun, a military campaign ('the offensive')
_OFFENSIVE_NOUN = re.compile(r"\b(?:the|an|its|their|his|her|this|that|military|ground|air|new|major|counter)\s+"
                             r"offensive$", re.I)


@cache
def _released_thing() -> re.Pattern[str]:
    """A work or good right after the nationality a release names ('American films'): words.csv RELEASED_THINGS."""
    return re.compile(r"\s+(?:" + word_classes()["RELEASED_THINGS"] + r")\b", re.I)


@cache
def _free_thing() -> re.Pattern[str]:
    """'free' qualifying a thing, not freeing people ('free passage'): words.csv FREE_THINGS."""
    return re.compile(r"free\s+(?:" + word_classes()["FREE_THINGS"] + r")\b", re.I)


def _not_this_sense(text: str, start: int, head_end: int, end: int, trigger: Trigger) -> bool:
    """A trigger's words used in another sense, told by their neighbours.

    'Hurricane Melissa slammed into Jamaica' is no criticism; 'deportations of rejected asylum seekers' has an
    adjective, not a refusal ('of', 'the' before a participle glued to its noun); 'welcomed Russian
    military instructors' receives no migrants (a nationality followed by troops, firms, officials).
    """
    not_trigger, participle_before, not_migrants = _sense_patterns()
    if not_trigger.match(text, start):
        return True
    if trigger.relation == "accuses" and _public_feeling().search(text, max(0, start - 30), start):
        return True  # 'amid public discontent over prices': the public's feeling, no state's grievance
    if trigger.relation == "accuses" and _FACED_BEFORE.search(text, max(0, start - 40), start):
        return True  # 'Burundi has faced accusations of backing the rebels': the subject is the one accused
    if trigger.relation == "accuses" and text[start:head_end].lower() == "as" \
            and _POSSESSED_BEFORE_AS.search(text, max(0, start - 40), start):
        return True  # "condemning Chile's actions as hostile": Chile is the one described, the verb's is the charge
    if _COMMENT_ON_BEFORE.search(text, max(0, start - 30), start):
        return True  # 'did not comment on the withdrawal of the ambassadors': a topic, no act of the one asked
    if trigger.relation in ("meetsWith", "visits") and _WELCOMED_THING.match(text, head_end):
        return True  # 'welcomed Egypt's willingness to advance a deal' is no meeting
    if trigger.relation == "threatenedSanctions" and (
            _LIFTING.search(text, head_end, end) or _LIFTING_BEFORE.search(text, max(0, start - 40), start)
            or _CALLED_OFF_AFTER.match(text, end)):
        return True  # 'would order the removal of sanctions': lifting them is the opposite act
    if trigger.relation == "demands" and text[start:end].lower().endswith("return") and _GOING_TO.match(text, end):
        return True  # 'as they seek to return to their homelands': going back, not a return demanded
    if trigger.relation == "demands" and text[start:head_end].lower() == "should" and _INVERTED_AFTER.match(text,
                                                                                                          head_end):
        return True  # '... should President-elect Trump carry out deportations': a condition, not a demand
    if trigger.relation == "demands" and text[start:head_end].lower().startswith("insist") \
            and _INSISTED_FACT.match(text, head_end):
        return True  # 'insisted that Kyiv had refused to negotiate': a claim about what was done, not a demand
    if trigger.relation == "demands" and text[start:head_end].lower() in ("should", "must") \
            and _HELD_ACCOUNTABLE.match(text, head_end):
        return True  # 'Tehran should be held accountable': a judgement of Tehran, nothing it is asked to do
    if trigger.relation == "demands" and _EVALUATED_SHOULD.search(text, max(0, start - 120), start):
        return True  # 'it was intolerable that the United States should base a position on it': a judgement
    if trigger.relation in ("shiftsTowardCooperation", "threatenedSanctions", "reducesCooperation") \
            and _TOPIC_BEFORE.search(text, max(0, start - 90), start):
        return True  # 'discussions focused on the potential easing of US sanctions': a topic, nobody's act
    if trigger.relation not in ("threatened", "demands", "accuses") \
            and _WARNED_AGAINST.search(text, max(0, start - 60), start):
        return True  # 'cautioned Iraq against cutting ties': the act warned against is not done
    if trigger.relation == "threatenedExpulsion" and re.search(r"\bagainst\s+\w+ing\b", text[head_end:end]):
        return True  # 'warned Oslo against expelling its diplomats': a warning, the expulsion is the other's
    if trigger.relation == "threatenedSanctions" and (
            _EASED_MEASURE.search(text, max(0, start - 50), start)
            or _EASED_MEASURE_HEAD.match(text, start, end)):
        return True  # 'scrapped its duties on Brazilian steel', 'cut tariffs on cars': a measure eased, not imposed
    if trigger.relation == "threatenedSanctions" and _BROKEN_MEASURE.search(text, max(0, start - 50), start):
        return True  # 'violated the arms embargo on Somalia', 'implementation of sanctions on': another's measure
    if trigger.relation == "meetsWith" and _CALLED_MEETING.search(text, max(0, start - 40), start):
        return True  # 'called a meeting of foreign ministers', 'requested talks': convened or asked, not held
    if trigger.relation == "meetsWith" and (_CONVENED_MEETING.search(text, max(0, start - 50), start)
                                            or _WISHED_MEETING.search(text, max(0, start - 60), start)):
        return True  # 'convened a security council meeting', 'his intention to meet', 'the idea of X meeting Y'
    if trigger.relation == "demands" and _REQUEST_PHRASE.match(text, start, end) \
            and _HYPOTHETICAL_BEFORE.search(text, max(0, start - 60), start):
        return True  # 'the deal allows Chinese police to be deployed at the request of Honiara': a term, no request
    if trigger.relation == "agreesToCooperate" and re.match(r"(?:agreements?|accords?|deals?|pacts?|treaty|memorandum|"
                                                            r"arrangement)\s+between\b", text[start:end], re.I) \
            and _PROSPECTIVE.search(text, max(0, start - 40), start):
        return True  # 'talks on a trade agreement between the two countries': sought, not made
    if trigger.relation == "meetsWith" and text[start:end].lower().startswith("talks") \
            and _TALKS_AS_MEANS.match(text, end):
        return True  # 'said talks with its neighbour's leader are the best way out': a way proposed, not taken
    if trigger.relation == "reducesCooperation" and _OWN_TRIP.match(text, start + text[start:end].rfind(" ") + 1):
        return True  # 'cancelled his trip to Lisbon': the traveller's own plans
    if trigger.relation in _DEPORTEE_RELATIONS and _handed_things().search(text, max(0, start - 40), start):
        return True  # 'arms to be handed over to Kyiv from Warsaw': goods, no deportees
    if trigger.relation == "releasesDetainees" and _free_thing().match(text, start):
        return True  # 'free passage of Brazilian barges', 'a free trade deal': the adjective, nobody freed
    if trigger.relation == "accuses" and text[start:head_end].lower() == "as" \
            and _JUDGED_AS.search(text, max(0, start - 70), start):
        return True  # 'condemned China's actions as illegal': the condemning verb's subject judges
    if trigger.relation == "accuses" and _OFFENSIVE_NOUN.search(text, start, end):
        return True  # 'called the offensive against Ukraine a sacred struggle': a military campaign, no insult
    if trigger.relation == "releasesDetainees" and _released_thing().match(text, end):
        return True  # 'postponed the release of American films': a work put out, nobody freed
    if trigger.relation == "visits" and _ALLEGED.search(text, max(0, start - 20), start):
        return True  # 'denied a report of an alleged visit of its army chief to Chile'
    if trigger.relation == "visits" and _INVITED_TO.search(text, max(0, start - 90), start):
        return True  # 'Lee invited Ishiba to visit South Korea': an invitation, no visit yet
    if trigger.relation == "visits" and _PRIVATE_VISIT.match(text, head_end):
        return True  # 'she would visit her family in Bekoji': a private trip
    if trigger.relation == "visits" and _VEHICLE_BEFORE.search(text, max(0, start - 40), start):
        return True  # 'air navigation coming from or heading to Mali', 'flights bound for': traffic, not a trip
    if trigger.relation == "shiftsTowardCooperation" and _VEHICLE_SUBJECT.search(text, max(0, start - 60), start):
        return True  # 'three planes headed to Iceland changed course': a craft's route, no change of policy
    if trigger.relation == "releasesDetainees" and _DEPORTED.search(text, head_end, end):
        return True  # 'the return of Venezuelans deported from the United States': migrants sent back, not captives
    if trigger.relation == "meetsWith" and _HOSTED_FORCES.match(text, head_end):
        return True  # 'no intention to host a Chinese base': a base or troops hosted, no meeting
    if trigger.relation != "accuses" and _ALLEGED_THAT.search(text, max(0, start - 100), start):
        return True  # 'rejected "false allegations" that Niger had signed a secret deal': only alleged
    if trigger.relation == "threatened" and _ANSWERED_REQUEST.match(text, end):
        return True  # 'Cairo would answer any request for help': help offered, no threat
    if trigger.relation == "visits" and (text[start:head_end].lower() == "mission" and _STANDING_MISSION_BEFORE.search(
            text, max(0, start - 30), start) or _STANDING_MISSION.search(text, start, end)):
        return True  # "runs the republic's mission in Minsk": its embassy there, not a trip
    if trigger.relation == "accuses" and _NOUN_ACCUSED_OF.search(text, max(0, start - 30), head_end):
        return True  # 'two detainees accused of murder': a charge the people carry, nobody's accusation here
    if trigger.relation != "accuses" and _CONCERN_GAP.search(text, head_end, end):
        return True  # 'raises concerns about US aid cuts': the concern is raised, nothing is imposed
    head = text[start:head_end].lower()
    if trigger.relation == "exertsInfluenceOn" and trigger.actor != "poss" and head == "control" \
            and _NOUN_CONTROL.match(text, head_end):
        return True  # 'control of the canal was transferred to Panama': the noun, nobody's act of controlling
    if trigger.relation == "threatenedSanctions" and _NO_TARIFF.search(text, start, end + 12):
        return True  # 'goods face virtually zero tariffs in Norway', 'lower duties': no measure against anyone
    if trigger.relation == "exertsInfluenceOn" and "arms control" in text[start:end + 8].lower():
        return True  # 'held arms control consultations': talks on weapons, no control of anyone
    if trigger.relation == "exertsInfluenceOn" and _HELD_AREA.search(text, max(0, start - 30), start):
        return True  # 'soldiers returned from the territory controlled by Kyiv': a front line, no influence
    if trigger.relation == "shiftsTowardCooperation" and _FLIGHTS_AFTER.match(text, head_end):
        return True  # 'Caracas to resume deportation flights': taking deportees back, a migration act
    if head.endswith("ed") and len(text[head_end:end].split()) <= 2 and trigger.relation in _DEPORTEE_RELATIONS \
            and participle_before.search(text, max(0, start - 12), start):
        return True
    return trigger.relation in _DEPORTEE_RELATIONS and not_migrants.match(text, end) is not None \
        and " by " not in text[start:end]  # 'received by Dominican officials': the agent, not the object


def _required(doc: _Doc, require: re.Pattern[str], sentence: Sentence) -> bool:
    """A trigger's required words may stand in its sentence or in the sentences right before or after it; for
    the headline, also in the lead that tells the same story under a byline or a date ('Five Americans freed
    by Iran land in Doha' / 'By staff reports' / 'Five Americans who had been held for years ...')."""
    first = doc.sentences[max(0, sentence.index - 1)].start
    after = min(len(doc.sentences) - 1, sentence.index + 1)
    while sentence.index == 0 and after < min(len(doc.sentences) - 1, 3) \
            and len(doc.sentences[after].text.split()) < 8:
        after += 1  # a byline or a date line between the headline and the lead
    return require.search(doc.text, first, doc.sentences[after].end) is not None
