"""Toward whom: the targets of a trigger (`_find_targets`), following the trigger's target rule.

Right after the trigger, the object of a demand, the nationality of released people, the place of a visit,
a program's name, or, for migration wording with no explicit sender, the country the document shows
deporting people or is mostly about.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import knowledge_base, word_classes
from graph.actors.places import _described_re
from graph.extract.attribution import _can_act, _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import (
    _COMMA_AND,
    _LIST_GAP,
    _TITLE_GAP,
    _after_preposition,
    _coordinated,
    _coordinated_back,
    _following_list,
    _list_continues,
)
from graph.extract.document import _Doc
from graph.extract.lexicon import _TIME, _cue
from graph.extract.owners import _VERB_AFTER
from graph.records import Mention

_QUOTED_NAME = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")
_CALLED = re.compile(r"\b(?:called|named|dubbed|known\s+as|titled|referred\s+to\s+as|branded)\s+[“\"]?"
                     r"([A-Z][^,.;“”\"]{1,60})")


_BODY_GAP = re.compile(r"\s*(?:with|to|from|on|against)?\s*(?:the\s+)?")


def _object_is_a_body(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger's object is an international body ('cooperation with the IAEA', 'quit the WTO'):
    then no country is its target, whatever the sentence names later."""
    following = next((m for m in doc.mentions(candidate.sentence) if m.start >= candidate.end), None)
    return following is not None and following.type == "organization" and not following.country \
        and _BODY_GAP.fullmatch(doc.text, candidate.end, following.start) is not None


def _find_targets(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention | str]:
    """Targets for a trigger: mentions, or a program name (str) for launchedProgram.

    The trigger's target rule may chain fallbacks with '|' ('right|implicit': the party after the trigger,
    else the document's other side).
    """
    if candidate.patient is not None:
        return [candidate.patient]
    if candidate.relation == "accuses" and _REASON_AFTER.match(doc.text, candidate.head_end) \
            and _RELATIVE_OBJECT.search(doc.text, max(candidate.sentence.start, candidate.head_start - 80),
                                        candidate.head_start):
        return []  # 'the ex-president, whom Mulino blamed for the crisis with the US': the blamed one is 'whom'
    if candidate.relation == "accuses" and _UNNAMED_OBJECT.match(doc.text, candidate.end) \
            and _OF_AFTER.match(doc.text, candidate.end):
        return []  # 'accuses the opposition of working with the CIA': the accused is the opposition
    if candidate.relation in ("accuses", "rejects") and _ANY_OBJECT.match(doc.text, candidate.head_end):
        return []  # 'opposed any action that raises tensions': a rule for everyone, nobody's act in particular
    if candidate.relation == "accuses" and _accuses_own_side(doc, candidate, actor):
        return []  # 'accusing Mr Biden of siding with China': a quarrel at home, the charge names no target
    if candidate.relation == "accuses":
        doer = _doer_of_object(doc, candidate, actor)
        if doer is not None:
            # 'the decision by the Polish, Hungarian and Slovakian governments': every one of them
            return [m for m in _following_list(doc, doer, doc.mentions(candidate.sentence)) if _is_target(m, actor)]
    if candidate.relation in ("accuses", "demands") \
            and _EVERYONE.match(doc.text, candidate.head_end, max(candidate.end, candidate.head_end + 30)):
        return []  # 'called for the international community to resist any hegemonic act': everyone, nobody named
    if _object_is_a_body(doc, candidate):
        return []  # 'suspended cooperation with the IAEA after Israeli strikes': the body is the other side
    for rule in candidate.trigger.target.split("|"):
        found = _targets_by_rule(doc, candidate, actor, rule)
        if found:
            # '... to resist any hegemonic act, according to a transcript published by the foreign ministry': the
            # source of the report is no party to what it reports
            found = [m for m in found if not (isinstance(m, Mention) and m.start > candidate.end
                                              and _ACCORDING_TO.search(doc.text, candidate.end, m.start))]
            # 'control over the Spratly Islands, which Vietnam claims': the subject of a relative clause on
            # the object is no party to the act
            found = [m for m in found if not (isinstance(m, Mention) and m.start > candidate.end
                                              and _RELATIVE_SUBJECT_BEFORE.search(doc.text, max(0, m.start - 8),
                                                                                  m.start))]
        if found and candidate.relation not in ("visits", "meetsWith"):
            # 'Iran and Sweden completed a prisoner swap in Muscat': a capital after 'in' or 'at' is where it
            # happened, when other parties are there to be the targets (alone, it is most often the partner's:
            # 'signed a deal in Beijing')
            kept = [m for m in found if not (isinstance(m, Mention) and m.via in ("capital", "place")
                                             and m.start > candidate.head_end
                                             and _IN_PLACE.search(doc.text, max(0, m.start - 8), m.start))]
            if kept or _listed_partner(doc, candidate, actor):
                found = kept
        if found and candidate.relation == "visits":
            # 'arrived at the ministry's building': the ministry stands for its country as a party, but going
            # to it is what envoys summoned in their host capital do, not a visit to that country
            found = [m for m in found if not (isinstance(m, Mention) and m.via == "pronoun"
                                              and _national_body().search(m.text))]
        if found:
            return found
    return []


def _listed_partner(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """True when another party is listed with the actor before the trigger ('Iran and Sweden completed')."""
    return any(m.country and m.country != actor.country and m.end <= candidate.head_start
               and _listed_with(doc, m, actor) for m in doc.mentions(candidate.sentence))


_RELATIVE_SUBJECT_BEFORE = re.compile(r"(?:,\s*|\s)which\s+$")
_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.I)
#: Addressees that are everyone: a call on them names no party.
_EVERYONE = re.compile(r"\s*(?:for\s+|on\s+|upon\s+)?(?:the\s+)?(?:international\s+community|world"
                       r"|all\s+(?:parties|sides|countries|nations|states)|every\s+country)\b", re.I)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
@cache
def _national_body() -> re.Pattern[str]:
    """A national body named without its country, as the actor finder reads it ('the ministry', 'the
    cabinet'): words.csv BODY_NOUNS at the end of the mention."""
    return re.compile(r"(?i)(?:" + word_classes()["BODY_NOUNS"] + r")$")


#: 'any action', 'all attempts', 'such moves': an object said of anyone
_ANY_OBJECT = re.compile(r"\s+(?:any|all|every|such)\b", re.I)
#: An object that names no party ('accused critics of', 'warned some countries'): no other side is implied.
_UNNAMED_OBJECT = re.compile(r"\s+(?:(?:some|certain|other|its|his|her|their|the|foreign|western|unnamed)\s+)*"
                             r"(?:critics|opponents|detractors|countries|nations|governments|powers|forces|media|"
                             r"journalists|activists|opposition|rivals|enemies|neighbou?rs|politicians|officials|"
                             r"people|those)\b", re.I)
_OF_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?of\b")
_REQUEST_OF = re.compile(r"\b(?:at|on|after|following)\s+(?:the\s+)?(?:request|behest|urging|demand)\s+of\s+"
                         r"(?:the\s+)?$", re.I)
_REQUEST_AFTER = re.compile(r"['’]s?\s+(?:request|behest|urging|demand)\b")
_REASON_AFTER = re.compile(r"\s+(?:for|over)\b")
_RELATIVE_OBJECT = re.compile(r"\b(?:whom|which)\s+[^,;:.!?]*$")
_OBJECT_BY = re.compile(r"[^,;:.!?()\"“”]{0,80}?\bby\s+(?:the\s+)?$")


#: 'with more than a dozen leaders over two days, among them ...': a group met, then some of it named
_WITH_GROUP_NAMING = re.compile(r"\s*(?:[\w-]+\s+){0,3}?with\s+[^.;:,]{0,60},\s+(?:among\s+them|including|such\s+as)"
                                r"\s+(?:[A-Z][\w'’.-]*\s+){0,3}$")


#: What may stand between 'accusing' and the one accused: a courtesy title or an article.
_ACCUSED_GAP = re.compile(r"\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+|the\s+)?")


def _accuses_own_side(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """Whether the one accused right after the verb is of the accuser's own country ('accused Mr Biden of
    ...'): the parties in the charge are not accused."""
    following = next((m for m in doc.mentions(candidate.sentence) if m.start >= candidate.head_end), None)
    return following is not None and following.type == "person" and following.country == actor.country \
        and _ACCUSED_GAP.fullmatch(doc.text, candidate.head_end, following.start) is not None \
        and re.match(r"\s+of\b", doc.text[following.end:following.end + 5]) is not None


def _doer_of_object(doc: _Doc, candidate: _Candidate, actor: Mention) -> Mention | None:
    """'condemned the expulsion of Chile's envoy by Bolivia': what is condemned is an act, and the party
    that did it (after 'by', in the same phrase) is the one accused, not the party it was done to."""
    for mention in doc.mentions(candidate.sentence):
        if mention.start < candidate.head_end or mention.start - candidate.head_end > 90:
            continue
        if _OBJECT_BY.fullmatch(doc.text, candidate.head_end, mention.start) and _is_target(mention, actor) \
                and _can_act(mention):
            return mention
    return None


def _targets_by_rule(doc: _Doc, candidate: _Candidate, actor: Mention, rule: str) -> list[Mention | str]:
    mentions = doc.mentions(candidate.sentence)
    if rule == "program":
        name = _program_name(doc, candidate)
        return [name] if name else []
    if rule == "implicit":
        if candidate.relation == "rejects" and _CALLS_TO.match(doc.text, candidate.end):
            return []  # 'rejected Western calls to condemn Tehran': who called is unnamed, Tehran is what they ask
        if candidate.relation == "accuses" and _CONDEMN.match(doc.text, candidate.head_start) \
                and _violent_act().search(doc.text, candidate.head_start, candidate.end + 40):
            return []  # 'condemned the suicide attack in Pakistan's Quetta': an attack nobody named is blamed for
        shared = _shared_object(doc, candidate, mentions, actor)
        if shared is not None:
            return [shared]
        explicit = _explicit_sender(doc, candidate, mentions, actor)
        if explicit is not None:
            return [explicit]
        demanders = _demanders(doc, candidate, actor) or _measure_takers(doc, candidate, actor)
        if demanders:
            return demanders
        if candidate.relation in _MIGRATION:
            deporter = _deporter(doc, actor.country)
            if deporter is not None:
                return [deporter]
        if _UNNAMED_OBJECT.match(doc.text, candidate.end):
            return []  # 'accused critics of ...', 'condemned some countries': the object is named, and unplaced
        following = next((m for m in mentions if m.start >= candidate.end), None)
        if following is not None and following.type == "organization" and not following.country \
                and re.fullmatch(r"\s*(?:the\s+)?", doc.text[candidate.end:following.start]):
            return []  # 'criticized EU deadlines': the object is a union or a body of states, not a guess
        counterpart = _counterpart(doc, actor.country, {m.country for m in mentions if _listed_with(doc, m, actor)})
        return [counterpart] if counterpart else []
    if rule == "imposed":
        # 'the tariffs would be suspended': the party the latest sanctions were aimed at
        latest = doc.latest_sanctions(candidate.sentence.index)
        return [latest[2]] if latest is not None and latest[2].country != actor.country else []
    if rule == "nationality":
        for mention in mentions:
            if candidate.head_start <= mention.start <= candidate.end + 15 and mention.type == "country" \
                    and mention.country != actor.country \
                    and not _TIME_PREPOSITION.search(doc.text, max(candidate.head_start, mention.start - 12),
                                                     mention.start):
                # (not 'frees 12 prisoners after French envoy visit': an envoy's visit, not the prisoners)
                # 'nationals of Japan, Poland and Latvia', 'three Poles and two Lithuanians': every nation listed
                listed = _following_list(doc, mention, mentions)
                for later in mentions:
                    if later.start > listed[-1].end and later.type == "country" \
                            and _COUNTED_LIST_GAP.fullmatch(doc.text, listed[-1].end, later.start):
                        listed.append(later)
                    elif later.start > listed[-1].end:
                        break
                return [m for m in listed if m.type == "country" and m.country != actor.country]
        return []
    if rule == "request":
        # 'freed nine prisoners at Washington's request', 'at the request of the United States': the party
        # the release was made for
        for mention in mentions:
            if mention.start >= candidate.end and _is_target(mention, actor) and mention.type == "country" and (
                    _REQUEST_OF.search(doc.text, max(candidate.end, mention.start - 30), mention.start)
                    or _REQUEST_AFTER.match(doc.text, mention.end)) \
                    and "." not in doc.text[candidate.end:mention.start]:
                return [mention]
        return []
    if rule == "inside":
        for mention in mentions:
            if candidate.head_end <= mention.start and mention.end <= candidate.end and _is_target(mention, actor):
                # 'declared ministers from Italy, Greece and Malta persona non grata': the whole list
                return [m for m in _following_list(doc, mention, mentions)
                        if m.end <= candidate.end and _is_target(m, actor)]
        return []
    if rule == "owner":
        for mention in mentions:
            if mention.start < candidate.head_start < mention.end and _is_target(mention, actor):
                return [mention]  # 'French officials given 48 hours to leave'
        for mention in reversed(mentions):
            if mention.end <= candidate.head_start:
                gap = doc.text[mention.end:candidate.head_start]
                if re.fullmatch(r"(?:['’]s?)?\s*(?:[\w-]+\s+)?", gap) and _is_target(mention, actor) \
                        and (mention.via != "pronoun" or _described_re().fullmatch(mention.text)):
                    # 'it must' may be the speaker's own side; 'the Central American ally must' is not
                    return [mention]
                return []
        return []
    if rule == "with":
        for mention in mentions:
            if mention.start >= candidate.end and _is_target(mention, actor):
                gap = doc.text[candidate.end:mention.start]
                if re.match(r"\s*(?:[\w-]+\s+){0,3}?with\s+(?:(?:the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,4}$", gap) \
                        and (re.search(r"\b(?:of|from)\s+(?:the\s+)?$", gap)
                             or re.search(r"\s(?:of|from)\s", mention.text)):
                    # 'meetings with leaders of Indonesia, Brazil and Chile': every party of the list
                    return [m for m in _following_list(doc, mention, mentions) if _is_target(m, actor)]
                if re.match(r"\s*(?:[\w-]+\s+){0,3}?with\s+(?:(?:the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,4}$", gap):
                    # 'talks with officials from both nations': every party the phrase stands for
                    return [m for m in mentions if (m.start, m.end) == (mention.start, mention.end)
                            and _is_target(m, actor)]
                if _WITH_GROUP_NAMING.match(gap):
                    # 'held meetings with a dozen leaders, among them Sisi and Museveni': those named of the group
                    return [m for m in _following_list(doc, mention, mentions) if _is_target(m, actor)]
                return []
        return []
    if rule == "direct":
        for mention in mentions:
            if mention.start >= candidate.end:
                gap = doc.text[candidate.end:mention.start]
                if re.fullmatch(r"\s+(?:the\s+)?", gap) and _is_target(mention, actor):
                    return [mention]
                return []
        return []
    if rule == "near":
        found = _right_targets(doc, candidate, mentions, actor, adjacent=False)
        if found and isinstance(found[0], Mention) and candidate.relation == "rejects" \
                and re.search(r"\bto\s+[a-z]+\b", doc.text[candidate.end:found[0].start]):
            return []  # 'rejected Western calls to condemn Tehran': the party is in what the calls ask
        if found and isinstance(found[0], Mention) and len(doc.text[candidate.end:found[0].start].split()) <= 6:
            return found[:1]
        return []
    if rule == "object":
        return _object_target(doc, candidate, mentions, actor)
    if rule == "subject":
        return _subject_target(doc, candidate, mentions, actor)
    if rule == "any":
        return _any_target(doc, candidate, mentions, actor)
    if rule == "dateline":
        # 'Xi is on a state visit' under a LIMA dateline: the dateline's country hosts the visit
        host = doc.dateline
        if any(m.type == "country" and m.country != host and _PLACE_BEFORE.search(
                doc.text, max(candidate.sentence.start, m.start - 12), m.start) for m in mentions):
            return []  # 'Putin later flew to Vietnam to begin a state visit' under a SEOUL dateline
        if host and host != actor.country and candidate.head_start >= doc.dateline_start:
            return [Mention(candidate.head_start, candidate.head_end, doc.text[candidate.head_start:candidate.head_end],
                            "country", host, host, "", "dateline")]
        return []
    if rule == "place":
        for mention in mentions:
            if mention.type == "country" and _is_target(mention, actor) and mention.via in ("name", "capital"):
                before = doc.text[max(candidate.sentence.start, mention.start - 8):mention.start]
                if re.search(r"\b(?:in|at)\s+$", before):
                    return [mention]
        return []
    if rule == "none":
        return []  # only the parties of the actor's own list, toward each other ('A and B agreed to ...')
    if rule == "within":
        for mention in mentions:
            if mention.start >= candidate.end and mention.start - candidate.end <= 40 \
                    and mention.type == "country" and mention.country != actor.country:
                between = doc.text[candidate.end:mention.start]
                if re.fullmatch(r"\s*(?:in|over|on|across|throughout|inside|into|within)\s+(?:the\s+)?", between):
                    return [mention]
        return []
    return _right_targets(doc, candidate, mentions, actor, adjacent=rule == "adjacent")


def _demanders(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'The Kremlin dismissed the demands': a rejection of demands with no party named rejects the parties
    of the latest demand in the document (the leaders who made it), when they are not the actor's side."""
    # what a rejection can answer (words.csv ANSWERED): 'dismissed the demands' rejects whoever made them
    if candidate.relation != "rejects" or not _cue("ANSWERED").search(doc.text, candidate.head_start, candidate.end):
        return []
    if not doc.demands or not 0 <= candidate.sentence.index - doc.demands[-1][0] <= 12:
        return []
    latest = doc.demands[-1][0]
    found = {m.country: m for index, m in doc.demands if index == latest and m.country != actor.country}
    return list(found.values())


#: 'the measures', 'this move', 'the sanctions': an act named back as the object of a rejection or an accusation.
_MEASURE_OBJECT = re.compile(r"\s+(?:the|this|these|that|those|such)\s+(?:[\w-]+\s+)?(?:measures?|moves?|decisions?|"
                             r"steps?|sanctions|penalties|tariffs|expulsions?|ban|restrictions|actions?)\b", re.I)


def _measure_takers(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'Kigali called the measures unjustified': an accusation or a rejection of 'the measures' with no party
    named answers those who took the latest measure against the actor's side in the report."""
    if candidate.relation not in ("rejects", "accuses") or not doc.measures:
        return []
    if not _MEASURE_OBJECT.match(doc.text, candidate.head_end) and not _MEASURE_OBJECT.match(doc.text, candidate.end):
        return []
    for index, taker, _, _ in reversed(doc.measures):
        if not 0 <= candidate.sentence.index - index <= 8:
            return []
        if taker.country and taker.country != actor.country:
            return [taker]
    return []


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_AGAINST_BEFORE = re.compile(r"\bagainst\s+(?:the\s+)?$")
_PLACE_BEFORE = re.compile(r"\b(?:to|in|at)\s+(?:the\s+)?$")
_NEW_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas|although)\s+(?:[A-Z]|the\s+[A-Z]|it\b|they\b)"
                         r"|\bahead\s+of\b")  # 'agreed to closer ties ahead of Lee's summit with Trump'


#: Relations between partners: a country named as where people come from is none of them.
_PARTNERSHIPS = frozenset({"agreesToCooperate", "meetsWith"})
_ORIGIN_BEFORE = re.compile(r"\b(?:migrants?|nationals?|citizens?|deportees?|returnees?|refugees?|asylum[- ]seekers?|"
                            r"immigrants?|workers?|prisoners?|detainees?|people|travell?ers)\s+(?:from|of)\s+"
                            r"(?:the\s+)?$")


#: 'met separately in Antalya with': an adverb and a place between a verb and its 'with'.
_PLACE_BEFORE_WITH = re.compile(
    r"^\s*(?:\w+ly\s+)?(?:(?:over|by|on)\s+(?:the\s+)?(?:phone|telephone|video\s+link|videolink)\s+)?"
    rf"(?:(?i:{_TIME})\s+)?(?:(?:in|at|on)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){{1,3}})?(?=with\b)")
#: The capitalised title right before a name ('Secretary of State ', 'Foreign Minister ').
_TITLE_BEFORE_NAME = re.compile(r"(?<=\s)(?:(?:[A-Z][\w.'’-]*|of|for|and|the)\s+)+$")


#: Before a person's name, a description may run in lower case too ('met high-ranking Chinese military
#: official Zhang Youxia'), as long as no word of it opens another clause.
_DESCRIPTION_BEFORE_NAME = re.compile(
    r"(?<=\s)(?:(?:[A-Z][\w.'’-]*|of|the|his|her|their|its|high-ranking|senior|top|visiting|military|official|"
    r"minister|foreign|defence|defense|chief|deputy|former|acting|new|special|envoy|adviser|advisor|aide|"
    r"spokesman|spokeswoman|spokesperson|counterpart|commander|general|leader|president|prime|secretary|"
    r"ambassador|security|national|state)\s+){1,6}$")


#: 'speaking to Al Jazeera, said President Ruiz of Peru': a verb of saying ends the slot right after the trigger
_SAID_IN_GAP = re.compile(r"\b(?:said|says|told|tells|added|stated)\b")


#: 'accusing X of sending': the charge has begun, a party after it is part of what X is accused of
_CHARGE_OPENED = re.compile(r"\bof\s+(?:\w+ly\s+)?[a-z]+ing\b")
#: 'over', 'amid' right before a party: the reason for a measure ('cut ties over Gaza offensive')
_REASON_BEFORE = re.compile(r"\b(?:over|amid)\s+(?:the\s+)?$")
_CONDEMN = re.compile(r"(?:condemn|denounc|deplor)", re.I)
_CALLS_TO = re.compile(r"\s+to\s+[a-z]+\b")
_TIME_PREPOSITION = re.compile(r"\b(?:after|before|during|following|amid|ahead\s+of)\s+(?:the\s+|a\s+)?$", re.I)
#: 'in Sudan', 'inside Venezuela' after the object of a word: a place
_PLACE_IN_BEFORE = re.compile(r"\b(?:in|inside|across|within)\s+(?:the\s+)?(?:eastern\s+|western\s+|northern\s+|"
                              r"southern\s+|central\s+)?$")
_WORDED_RELATIONS = frozenset({"accuses", "threatened", "rejects"})
_MEASURE_RELATIONS = frozenset({"reducesCooperation", "threatenedSanctions", "threatenedExpulsion"})


#: 'three Poles and two Lithuanians', 'two Swedes and a Dutchman': a count before each people of a list
_COUNTED_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
                               r"(?:\s+(?:other|more|dual|[a-z]+-[a-z]+))?\s+")


def _right_targets(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention, *,
                   adjacent: bool) -> list[Mention | str]:
    start = candidate.end if adjacent else candidate.head_end
    targets: list[Mention | str] = []
    previous_end = None
    previous: Mention | None = None
    agent_end = -1
    for mention in mentions:
        if mention.start < start:
            continue
        if agent_end >= 0 and _LIST_GAP.fullmatch(doc.text, agent_end, mention.start):
            agent_end = mention.end  # 'mediated by Qatar and Egypt': the whole list is the agent
            continue
        if previous_end is None:
            gap = doc.text[start:mention.start]
            title = _TITLE_BEFORE_NAME if mention.type != "person" else _DESCRIPTION_BEFORE_NAME
            core = _PLACE_BEFORE_WITH.sub(" ", title.sub("", gap))
            if adjacent and (len(core.split()) > 3 or re.search(r"[.;:!?]", gap) or _SAID_IN_GAP.search(gap)):
                return []  # (a title before the name does not count: 'met with Secretary of State Marco Rubio')
            if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", gap) and re.match(r"\s+with\b", doc.text[mention.end:]):
                continue  # 'met in Addis Ababa with ...': the place of the meeting, the partner comes after 'with'
            if _NEW_CLAUSE.search(doc.text, start, mention.end):
                return []  # 'called it a grave breach, and Nicaragua announced': a new clause, a new subject
            if _BY_BEFORE.search(doc.text, max(start, mention.start - 12), mention.start):
                agent_end = mention.end
                continue  # 'a ceasefire mediated by Qatar': the agent of a participle is no target
            if candidate.relation == "accuses" and _CHARGE_OPENED.search(doc.text, start, mention.start):
                return targets  # 'accusing the country of sending migrants to Poland': Poland is in the charge
            if candidate.relation in _MEASURE_RELATIONS and _REASON_BEFORE.search(
                    doc.text, max(start, mention.start - 8), mention.start):
                continue  # 'cut economic ties over Gaza offensive': the reason for a measure, not its target
            if candidate.relation in _WORDED_RELATIONS and mention.start - start > 12 \
                    and _PLACE_IN_BEFORE.search(doc.text, max(start, mention.start - 12), mention.start):
                continue  # 'condemned the advance of RSF forces in Sudan': where it happens, not who is blamed
            if candidate.relation == "agreesToCooperate" and _AGAINST_BEFORE.search(
                    doc.text, max(start, mention.start - 12), mention.start):
                agent_end = mention.end
                continue  # 'pledged closer coordination against North Korea's threats': the adversary
            if candidate.relation in _PARTNERSHIPS and _ORIGIN_BEFORE.search(doc.text, max(start, mention.start - 40),
                                                                           mention.start):
                agent_end = mention.end
                continue  # 'a deal to deport migrants from Venezuela and Colombia': where people come from
            if not _is_target(mention, actor):
                if adjacent or mention.country == actor.country:
                    continue
                continue
            targets.append(mention)
            previous, previous_end = mention, mention.end
            if not candidate.trigger.list and not _list_continues(doc, mention, mentions):
                return targets  # a list closed by 'and' is coordination for every relation ('condemned
                # Japan, the Philippines and Australia'); other triggers stop at their first target
        else:
            gap = doc.text[previous_end:mention.start]
            if previous is not None and mention.type == "person" and mention.country == previous.country \
                    and _TITLE_GAP.fullmatch(gap):
                # 'U.S. Secretary of State Marco Rubio and Polish Foreign Minister X': a country or a demonym
                # before an office names the person's country; the person is the list item
                if not any(isinstance(t, Mention) and t.country == mention.country for t in targets) \
                        and _is_target(mention, actor):
                    targets.append(mention)
                previous, previous_end = mention, mention.end
                continue
            if not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+as\s+well\s+as|&|,?\s+or)?\s*(?:the\s+)?", gap) \
                    and not (candidate.relation == "threatenedSanctions" and _RATE_LIST_GAP.fullmatch(gap)):
                break
            if len(targets) == 1 and _COMMA_AND.fullmatch(gap) and _VERB_AFTER.match(
                    doc.text, _following_list(doc, mention, mentions)[-1].end):
                break  # 'cut ties with Israel, and Chile, Mexico and Colombia withdrew': a new clause's subject
            if _is_target(mention, actor):
                targets.append(mention)
            previous, previous_end = mention, mention.end
    return targets




#: 'tariffs of 10% on China and 25% on Canada and Mexico': a list of rates, each on its own parties
_RATE_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+while)\s+(?:a\s+)?\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)"
                            r"(?:\s+\w+){0,2}?\s+(?:on|for|against)\s+(?:the\s+)?")


def _object_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """The party a demand is addressed to: 'urge Maduro to', 'pressed Mexico on', 'demanded that Panama'."""
    apposed = _APPOSED_ADDRESSEE.match(doc.text, candidate.end)
    if apposed is not None:
        # 'urged his Venezuelan counterpart, Nicolas Maduro, to avoid ...': the person named in the apposition
        person = next((m for m in mentions if m.start == apposed.end() and m.type == "person"), None)
        if person is not None and _is_target(person, actor) \
                and re.match(r",\s+to\b", doc.text[person.end:person.end + 6]):
            return [person]
    for index, mention in enumerate(mentions):
        if mention.start < candidate.end:
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if mention.via == "demonym" and following is not None and following.type == "person" \
                and following.country == mention.country \
                and _TITLE_BEFORE_NAME.search(doc.text, candidate.end, following.start):
            continue  # 'urged Mexican Foreign Secretary Juan Ramón de la Fuente to': the person is addressed
        gap = doc.text[candidate.end:mention.start]
        if mention.type == "person":
            gap = _DESCRIPTION_BEFORE_NAME.sub(" ", gap)
        if len(gap.split()) > 3 or re.search(r"[.;:!?,]", gap):
            return []
        if not re.fullmatch(r"\s*(?:that\s+)?(?:the\s+)?(?:[\w-]+\s+)?", gap):
            return []
        group = _following_list(doc, mention, mentions)
        if re.match(r"\s*that\b", gap) and _is_target(mention, actor):
            return [m for m in group if _is_target(m, actor)]
        after = doc.text[group[-1].end:group[-1].end + 60]
        if _is_target(mention, actor) and re.match(r"['’]?s?\s*(?:[\w-]+\s+){0,3}?(?:to|on|into|over)\b|\s+(?:must|"
                                                   r"should|stop|halt|end|take|accept|release)\b"
                                                   # 'expects Bangladesh's cooperation': what is asked of it
                                                   r"|['’]s?\s+(?:full\s+|active\s+)?(?:cooperation|support|"
                                                   r"help|assistance|compliance|backing)\b", after):
            return [m for m in group if _is_target(m, actor)]
        if _is_target(mention, actor) and re.match(r"(?:demand|request|insist)", doc.text[candidate.head_start:
                                                                                      candidate.head_end], re.I) \
                and _BARE_VERB_AFTER.match(after):
            return [m for m in group if _is_target(m, actor)]  # 'demand Laos recall its envoy'
        return []
    return []


#: An addressee described before the name it is set off by commas: 'his Venezuelan counterpart, '.
_APPOSED_ADDRESSEE = re.compile(r"\s+(?:his|her|their|its|the)\s+(?:[A-Z][\w-]*\s+)?(?:counterpart|president|leader|"
                                r"prime\s+minister|foreign\s+minister|premier|ambassador)s?,\s+")
#: A verb's bare form after the addressee of a demand ('demanded that Cambodia withdraw', 'demand Cambodia
#: recall its envoy'): a lower-case word that is no function word and no past, '-s' or '-ing' form.
_BARE_VERB_AFTER = re.compile(r"\s+(?:immediately\s+|promptly\s+)?(?!(?:and|or|but|in|on|at|for|with|the|a|an|over|"
                              r"after|before|from|of|as|by|is|was|are|were|has|had|have|said|says|which|who|that|"
                              r"this|its|their|his|her)\b)[a-z]+(?<!ed)(?<!ing)(?<![^s]s)\b")


@cache
def _violent_act() -> re.Pattern[str]:
    """A violent act that is condemned (words.csv VIOLENT_ACTS): 'the suicide attack', 'the bombing'."""
    return re.compile(r"\b(?:" + word_classes()["VIOLENT_ACTS"] + r")\b", re.I)


def _shared_object(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """'Brazil cut ties with Israel, and Chile and Mexico withdrew their ambassadors': a measure with no party
    of its own, in a clause joined to one that names its object, is against that object."""
    if candidate.relation in _MIGRATION:
        return None
    head = _coordinated(doc, mentions, actor)[0]
    before = [m for m in mentions if m.end <= head.start]
    if not before or not _COMMA_AND.fullmatch(doc.text, before[-1].end, head.start):
        return None
    shared = before[-1]
    if _is_target(shared, actor) and _after_preposition(doc, shared, mentions, candidate.sentence.start):
        return shared
    return None


def _listed_with(doc: _Doc, mention: Mention, actor: Mention) -> bool:
    """'Brazil and Colombia called it ...': a party listed with the actor acts along, it is no target."""
    sentence = doc.sentence_at(actor.start)
    if sentence is None or mention is actor or not any(m is actor for m in doc.mentions(sentence)):
        return False
    if actor.end <= mention.start and _ALLY_APPOSED.fullmatch(doc.text, actor.end, mention.start):
        return True  # 'Ghana, backed by Nigeria, rejected': the backer stands with the actor
    return any(m is mention for m in _coordinated(doc, doc.mentions(sentence), actor))


#: An ally set beside the subject between commas: 'Ghana, backed by Nigeria,', 'Peru, joined by Chile,'
_ALLY_APPOSED = re.compile(r",\s+(?:\w+\s+)?(?:backed|supported|joined|flanked|seconded)\s+by\s+(?:the\s+)?"
                           r"|,\s+(?:along|together)\s+with\s+(?:the\s+)?|\s+(?:along|together)\s+with\s+(?:the\s+)?")


#: 'the control of the Chinese Communist Party over the canal area is a threat': the party whose control,
#: presence or influence the subject is, named after 'of' inside the subject itself
_OWNER_OF_SUBJECT = re.compile(r"\b(?:control|presence|influence|role|activities|actions|behaviou?r|conduct|"
                               r"ambitions|expansion|militarization|militarisation|build-?up|policies|policy|"
                               r"programme|program|arsenal)\s+of\s+(?:the\s+)?$")
_SUBJECT_TAIL = re.compile(r"(?:\s+(?:over|in|on|near|around|across|at|along)\s+(?:the\s+)?[\w'’ -]{1,40}?)?\s*")


def _owned_by_object(doc: _Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """'arms sales to China's Taiwan region': a party owned by a prepositional object is inside that object
    too, not the subject."""
    owner = next((m for m in reversed(mentions) if m.end <= mention.start), None)
    return owner is not None and re.fullmatch(r"['’]s?\s+", doc.text[owner.end:mention.start]) is not None \
        and _after_preposition(doc, owner, mentions, doc.sentence_at(owner.start).start)


def _subject_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """What is called a threat: the party before 'is a threat', or, after 'That is', the previous sentence's."""
    for mention in reversed(mentions):
        if mention.end <= candidate.head_start and _is_target(mention, actor) and mention.via != "place" \
                and not _listed_with(doc, mention, actor) and not _owned_by_object(doc, mention, mentions) \
                and (not _after_preposition(doc, mention, mentions, candidate.sentence.start)
                     or _OWNER_OF_SUBJECT.search(doc.text, max(candidate.sentence.start, mention.start - 40),
                                                 mention.start)
                     and _SUBJECT_TAIL.fullmatch(doc.text, mention.end, candidate.head_start)):
            if candidate.relation == "meetsWith":
                # 'Saudi Arabia and Iran agreed ..., following talks hosted by China': the host meets them all
                return [m for m in _coordinated_back(doc, mentions, mention) if _is_target(m, actor)]
            # 'these countries' stands for every party of the list it points back to
            return [m for m in mentions if (m.start, m.end) == (mention.start, mention.end) and _is_target(m, actor)]
    before = doc.text[candidate.sentence.start:candidate.head_start].strip(" “\"'")
    if re.match(r"(?:That|This|It|Such)\b", before) and candidate.sentence.index > 0:
        previous = doc.sentences[candidate.sentence.index - 1]
        ranked = sorted((m for m in doc.mentions(previous) if _is_target(m, actor)),
                        key=lambda m: (m.via == "place", m.start))
        return ranked[:1]
    return []


def _any_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """The closest country (not a person) anywhere in the sentence."""
    options = [m for m in mentions if m.type == "country" and _is_target(m, actor)
               and not (candidate.head_start <= m.start < candidate.end + 12 and m.country == actor.country)]
    if not options:
        return []
    return [min(options, key=lambda m: abs(m.start - candidate.head_start))]


def _explicit_sender(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """The sender named in a migration sentence: 'from the U.S.', 'by Washington', 'U.S. military flights'.

    'People from India detained in the United States' names an origin and a sender; when the country the
    document is mostly about is named in the sentence, it is taken as the sender.
    """
    candidates = [m for m in mentions if _is_target(m, actor) and not (m.type == "person" and m.via == "pronoun")]
    sender_suffix, military_end = _sender_patterns()
    for mention in candidates:
        suffix = doc.text[mention.end:mention.end + 30]
        if sender_suffix.match(suffix) or (mention.via == "government" and military_end.search(mention.text)):
            return mention  # 'U.S. military flights', 'US navy plane': the flights' owner sends them
        if _DEPORTED_FROM.search(doc.text, max(candidate.sentence.start, mention.start - 30), mention.start):
            return mention  # 'flown from the United States' (not 'men from Sudan', an origin)
    allies = {m.country for m in mentions if _listed_with(doc, m, actor)}  # 'Peru and Bolivia called ...'
    counterpart = _counterpart(doc, actor.country, allies)
    if counterpart is not None:
        named = [m for m in mentions if m.country == counterpart.country and m.type == "country"]
        if named:
            return named[0]
    for mention in candidates:
        prefix = doc.text[max(candidate.sentence.start, mention.start - 12):mention.start]
        suffix = doc.text[mention.end:mention.end + 30]
        if re.search(r"\b(?:from|by)\s+(?:the\s+)?$", prefix, re.I) \
                and (candidate.relation in _MIGRATION or mention.start > candidate.head_start):
            return mention  # (not 'Ghana, backed by Nigeria, has rejected the proposal': Nigeria made none)
        if re.match(r"\s+(?:\w+\s+){0,3}?(?:deport\w*|expel\w*|sent|sends|send|flew|flown|removed|returned)\b",
                    suffix, re.I) and mention.start > candidate.head_start:
            return mention
    return None


@cache
def _sender_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    military = word_classes()["MILITARY"]
    return (re.compile(r"['’]?s?\s+(?:" + military + r"|deport\w*|removal)", re.I),
            re.compile(r"(?:" + military + r")$", re.I))


_MIGRATION = {"acceptsDeportees", "refusesDeportees", "allowsMilitaryDeportationFlights",
              "refusesMilitaryDeportationFlights"}
_DEPORTED_FROM = re.compile(r"\b(?:deport\w*|removed|expelled|flown|sent|returned|flights?|detained|held)\s+"
                            r"(?:(?:group|groups|flight|flights|planes?)\s+)?(?:back\s+)?(?:from|by|in)\s+(?:the\s+)?$",
                            re.I)
#: 'Washington's deportation flights', 'the U.S. has deported', 'the US recently flew deportees'
_DEPORTS_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:has|have|had|is|was|will|would)\s+)?(?:(?:recently|already|also|now|"
                            r"since|began|begun|started|resumed)\s+)?(?:(?:military|navy|immigration|mass|new)\s+)?"
                            r"(?:deport\w*|removals?|expels?|expelled|flew\s+deportees|flown\s+deportees|"
                            r"sent\s+deportees|(?:resumed\s+)?flights\s+deporting)\b", re.I)


def _deporter(doc: _Doc, actor_country: str) -> Mention | None:
    """The country the document shows deporting people ('deported from the United States', "Washington's
    deportation flights"), other than the actor: the sender behind migration wording with no sender."""
    if doc.deporters is None:
        counts: dict[str, int] = {}
        for mention in doc.actors.mentions:
            if mention.type != "country" or mention.via in ("pronoun", "place", "demonym"):
                continue  # 'Honduran nationals' are the deported, not the deporting state
            before = doc.text[max(0, mention.start - 30):mention.start]
            if _DEPORTED_FROM.search(before) or _DEPORTS_AFTER.match(doc.text, mention.end, mention.end + 40):
                counts[mention.country] = counts.get(mention.country, 0) + 1
        doc.deporters = sorted(counts, key=lambda iso: (-counts[iso], iso))
    for iso3 in doc.deporters:
        if iso3 != actor_country:
            return Mention(0, 0, knowledge_base().country_name(iso3), "country", iso3, iso3, "", "implicit")
    return None


def _counterpart(doc: _Doc, actor_country: str, allies: set[str] | frozenset[str] = frozenset()) -> Mention | None:
    """The country the document is mostly about, other than the actor's and those acting with it: the
    implicit other side."""
    for iso3 in doc.actors.focus:
        if iso3 != actor_country and iso3 not in allies:
            return Mention(0, 0, knowledge_base().country_name(iso3), "country", iso3, iso3, "", "implicit")
    return None


def _program_name(doc: _Doc, candidate: _Candidate) -> str:
    tail = doc.text[candidate.end:candidate.sentence.end]
    quoted = _QUOTED_NAME.search(tail)
    if quoted:
        return quoted.group(1).strip(" .,")
    called = _CALLED.search(tail)
    if called:
        return called.group(1).strip(" .,“”\"")
    inside = re.search(r"((?:[A-ZÀ-Þ][\w'’-]*\s+)(?:[\w'’-]+\s+){0,4}?)(?:program|programme|plan|initiative|scheme)",
                       doc.text[candidate.head_end:candidate.end])
    if inside:
        return inside.group(1).strip()
    words = re.findall(r"[\w'’-]+", doc.text[candidate.head_end:candidate.sentence.end])
    phrase = " ".join(words[:9]).strip()
    return phrase if len(words) >= 3 else ""
