"""Where each target rule of triggers.csv looks for the party an act is toward (`_targets_by_rule`).

One reader per rule: right after the trigger, the object of a demand, the nationality of released people, the
place or host of a visit, the owner before the trigger, a program's name, the proposer of what is rejected, or,
with no party named ('implicit'), the makers of an answered demand, protest or measure and else the document's
other side. Reading a rule is its own step: `targets` decides which rules to try and then drops the parties a
rule found that are no party to the act. The nations of released people and the party a release was made for
are read in released_nationals.py.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.actors.places import _described_re
from graph.extract.actor_rules import PAIR_MODIFIERS
from graph.extract.answered import _bare_refusal_of_demand, _demanders, _measure_takers, _proposer, _protesters
from graph.extract.attribution import _can_act, _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import (
    _LIST_GAP,
    _after_preposition,
    _following_list,
    _listed_with,
)
from graph.extract.document import _Doc
from graph.extract.implicit_targets import doer_of_told_act, taker_of_measure_faced
from graph.extract.objects import (
    _CALLS_TO,
    _CONDEMN,
    _PLACE_BEFORE,
    _any_target,
    _charge_names_no_doer,
    _charged_target,
    _no_one_to_guess,
    _object_target,
    _shared_object,
    _subject_target,
    _violent_act,
)
from graph.extract.released_nationals import nationals_freed, release_requester
from graph.extract.right_targets import _SAYER_AFTER, _right_targets
from graph.extract.senders import (
    _ARRIVED_IN,
    _MIGRATION,
    _counterpart,
    _deporter,
    _explicit_sender,
    _people_noun,
    go_between_counterpart,
    lead_receiver,
    sender_of_agentless_return,
)
from graph.extract.trip_senses import host_after_fronted_visit
from graph.records import Mention

#: A party's kin, not the party: "Armenia's neighbour", "Iran's allies", "Russia's rival"
_KIN_NOUN = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:neighbou?rs?|allies|ally|partners?|rivals?|enemies|enemy|foes?|"
                       r"adversar(?:y|ies)|proxies|proxy)\b,?", re.I)
_QUOTED_NAME = re.compile(r"[“\"]([^”\"]{2,80})[”\"]")


@cache
def _called() -> re.Pattern[str]:
    """A name given with a verb of naming (words.csv NAMING_WORDS: 'dubbed "Operation Shield"'); group 1 is the
    name."""
    return re.compile(r"\b(?:" + word_classes()["NAMING_WORDS"] + r")\s+[“\"]?"
                      r"([A-Z][^,.;“”\"]{1,60})")


@cache
def _unnamed_states_described() -> re.Pattern[str]:
    """Unnamed states (words.csv STATES) described by a clause whose subject is a pronoun, right before the trigger:
    'countries he terms', 'nations they call'; or the place of a clause the trigger is in ('countries where the
    United States once enjoyed influence'): the states meant are those unnamed ones."""
    return re.compile(r"\b(?:" + word_classes()["STATES"] + r")\s+(?:(?:he|she|it|they|we)\s+|"
                      r"(?:where|in\s+which)\s+(?:[\w.’'-]+\s+){1,5}?)$", re.I)


@cache
def _wished_outcome() -> re.Pattern[str]:
    """An outcome right after a modal (words.csv WISHED_OUTCOMES): 'must lose', 'should be defeated'."""
    return re.compile(r"\s+(?:" + word_classes()["WISHED_OUTCOMES"] + r")\b", re.I)


@cache
def _unnamed_object() -> re.Pattern[str]:
    """An object that names no party, after the trigger or its preposition (words.csv UNNAMED_PARTIES: 'accused
    critics of', 'warned some countries', 'lashed out' + 'at those worried about'): no
    other side is implied; officials placed in a country ('accused officials in Rwanda') are named, as that
    country's government."""
    return re.compile(r"\s+(?:(?:at|against|on)\s+)?(?:(?:some|certain|other|its|his|her|their|the|foreign|"
                      r"western|unnamed)\s+)*"
                      r"(?:" + word_classes()["UNNAMED_PARTIES"] + r")\b"
                      r"(?![ \t]+(?:in|from)[ \t]+(?:the[ \t]+)?(?-i:[A-Z]))", re.I)


#: What is denied is aimed at the one denying it: ' against him', ' levelled against her'
_AGAINST_SELF = re.compile(r"\s+(?:(?:levell?ed|brought|made|filed|laid)\s+)?against\s+(?:him|her|them|himself|herself|"
                           r"themselves)\b", re.I)


@cache
def _proposed_owned() -> re.Pattern[str]:
    """A possessive and a noun of a thing put forward (words.csv PROPOSED): "'s proposal ", "'s peace plan "."""
    return re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:" + word_classes()["PROPOSED"] + r")\s+", re.I)


#: A capitalised name right after a charge's verb and before its 'of': 'accused Sharmahd of'
_NAME_THEN_OF = re.compile(r"\s+((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)\s+(?:of|for)\b")


def _stateless_name_accused(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> bool:
    """'accused Sharmahd of participating in attacks', 'Lula criticized Bolsonaro for ...': a named one accused whom
    no country is known for, or a compatriot of the accuser, is no other state; the other side of the report is not
    guessed in their place."""
    named = _NAME_THEN_OF.match(doc.text, candidate.end)
    return named is not None and not any(m.country and m.country != actor.country and m.start < named.end(1)
                                         and m.end > named.start(1) for m in mentions)


#: Envoys named by no country of theirs: 'Western ambassadors', 'at envoys', 'foreign diplomats in Moscow'
_UNPLACED_ENVOYS = re.compile(r"\s+(?:(?:at|the|some|several|other|certain|western|foreign|european|unnamed)\s+)*"
                              r"(?:ambassadors|diplomats|envoys|embassies)\b"
                              r"(?!\s+(?:of|from)\s+(?:the\s+)?[A-Z])", re.I)

#: A part of a country before its name: 'the southern regions of', 'parts of', 'the capital of'
_PART_OF_BEFORE = re.compile(r"\b(?:regions?|areas?|parts?|provinces?|districts?|towns?|villages?|cities|city|"
                             r"capital|coast|interior)\s+of\s+(?:the\s+)?$")

#: 'with more than a dozen leaders over two days, among them ...': a group met, then some of it named
#: 'held talks with the ', 'a series of meetings: with Kenyan ': up to 'with' and a few words after it
_WITH_PHRASE = re.compile(r"\s*(?::\s*)?(?:[\w-]+\s+){0,3}?with\s+(?:(?:the|his|her|their|its)\s+)?"
                          r"(?:[\w.-]+\s+){0,4}$")  # ('with Mr. Modi': a title's full stop too)
#: 'meetings in Washington with ...': the place named between the talks and their partner
_PLACE_BEFORE_WITH = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")
_WITH_NEXT = re.compile(r"\s+with\s")
#: 'his counterpart Vucic, with whom he will discuss': the partner is named before the relative clause
_WITH_WHOM_BEFORE = re.compile(r",\s+with\s+whom\s+(?:[\w'’-]+\s+){1,4}$", re.I)


def _partner_before_whom(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """The party named right before ', with whom' when the trigger's verb is in that clause ('on the invitation of
    his Serbian counterpart Aleksandar Vucic, with whom he will discuss'): the one met, though named first."""
    whom = _WITH_WHOM_BEFORE.search(doc.text, max(candidate.sentence.start, candidate.head_start - 50),
                                    candidate.head_start)
    if whom is None:
        return None
    return next((m for m in mentions if m.end == whom.start() and _is_target(m, actor)), None)


_WITH_GROUP_NAMING = re.compile(r"\s*(?:[\w-]+\s+){0,3}?with\s+[^.;:,]{0,60},\s+(?:among\s+them|including|such\s+as)"
                                r"\s+(?:[A-Z][\w'’.-]*\s+){0,3}$")


#: A counted or vague group of countries right after the wording, with only small words between: 'entry for
#: nationals of 12 countries', 'accused seven Latin American countries'
@cache
def _group_object() -> re.Pattern[str]:
    return re.compile(r"(?:\s+[a-z]+){0,4}?\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"several|a\s+dozen|a\s+number\s+of|a\s+handful\s+of)\s+(?:other\s+|more\s+)?"
                      r"(?:[A-Z][\w-]*\s+){0,2}(?:" + word_classes()["STATES"] + r")\b(?![^.;:!?]{0,40}\b(?:including"
                      r"|such\s+as|among\s+them|like)\b)")


#: A possessive object right after the wording: "the court's verdict", "the panel's findings"
_OWNED_OBJECT = re.compile(r"\s+(?:the\s+|a\s+)?([A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*){0,2})['’]s?\s+[a-z]")
#: Where a clause of the same sentence starts before the trigger's: ', and ', '; '
_CLAUSE_JOIN = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+")


def _earlier_subject(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """The subject of an earlier clause of the same sentence, when the trigger's clause only answers it: 'Kenya cut
    ties with Somalia, and Somalia rejected the decision' (the decision is Kenya's, whatever the document's main
    pair is)."""
    joins = list(_CLAUSE_JOIN.finditer(doc.text, candidate.sentence.start, actor.start))
    if not joins or not re.fullmatch(r"\s*(?:the\s+)?", doc.text[joins[-1].end():actor.start]):
        return None
    first = next((m for m in mentions if m.start >= candidate.sentence.start), None)
    if first is None or first.start >= joins[-1].start() or not _can_act(first) or not first.country \
            or first.country == actor.country or first.via in ("place", "demonym") \
            or not re.fullmatch(r"\s*(?:[A-Z][\w'’-]*\s+){0,3}", doc.text[candidate.sentence.start:first.start]):
        return None
    return first


@cache
def _armed_group_after() -> re.Pattern[str]:
    """' rebels', ' separatist fighters': a nationality naming an armed group's people (words.csv ARMED_GROUPS)."""
    return re.compile(r"[ \t]+(?:[a-z-]+[ \t]+)?(?:" + word_classes()["ARMED_GROUPS"] + r")\b", re.I)


@cache
def _owned_armed_group() -> re.Pattern[str]:
    """"'s Red Tabara rebels", "'s separatist fighters": a country owning an armed group by a possessive, the group
    perhaps named (words.csv ARMED_GROUPS)."""
    return re.compile(r"['’]s?[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:" + word_classes()["ARMED_GROUPS"] + r")\b", re.I)


def _expelled_pronoun(candidate: _Candidate, mention: Mention, actor: Mention) -> bool:
    """'declared him persona non grata': the envoy 'him' points to is the one sent away (elsewhere 'him' and
    'her' are no party: 'visit her family')."""
    return candidate.trigger.relation == "threatenedExpulsion" and mention.via == "pronoun" \
        and mention.type == "person" and mention.text.lower() in ("him", "her") and bool(mention.country) \
        and mention.country != actor.country


#: Between an influence word and the place it reaches: 'influence over Samoa', 'sway over politicians in Honiara'
_WITHIN_GAP = re.compile(r"\s*(?:in|over|on|across|throughout|inside|into|within)\s+(?:the\s+)?"
                         r"(?:[a-z][\w-]*\s+(?:in|of)\s+(?:the\s+)?)?")


@cache
def _media_source() -> re.Pattern[str]:
    """Where a rejected thing comes from the press (words.csv MEDIA_SOURCES): ' in the Israeli press', ' from
    Zagreb newspapers', or the wording's own 'reports of' (not 'a proposal reported by U.S. media': the
    proposal is another's, the press only told of it)."""
    media = word_classes()["MEDIA_SOURCES"]
    return re.compile(r"\s+(?:(?![\w'’-]+ed\s)[\w'’-]+\s+){0,3}?(?:in|from|by)\s+(?:the\s+|a\s+|an\s+)?"
                      r"(?:[\w.'’-]+\s+){0,2}?"
                      r"(?:" + media + r")\b|\b(?:" + media + r")\s+(?:of|about|on)\s", re.I)


def _printed_by_media(doc: _Doc, candidate: _Candidate) -> bool:
    """A rejection of what the press printed: no other side is guessed for it."""
    return _media_source().match(doc.text, candidate.end) is not None \
        or _media_source().search(doc.text, candidate.head_end, candidate.end + 1) is not None


#: Staff named with their owners after 'from' or 'of' ('diplomats from Argentina', 'the envoys of Peru')
_STAFF_FROM = re.compile(r"\S+(?:\s+\S+){0,2}\s+(?:from|of)\s+(?:the\s+)?\S")


def _owners_after_staff(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list[Mention]:
    """'ordered diplomats from Argentina, Chile and Peru to leave': the staff the wording opens with are read with
    their first owner as one mention; every owner of the list is expelled, the first one too (the nearest party
    before the leave wording is only the last of them)."""
    staff = next((m for m in mentions if m.start == candidate.head_start and m.end <= candidate.end
                  and _STAFF_FROM.match(m.text) and _is_target(m, actor)), None)
    if staff is None:
        return []
    return [m for m in _following_list(doc, staff, mentions) if m.end <= candidate.end and _is_target(m, actor)]


def _targets_by_rule(doc: _Doc, candidate: _Candidate, actor: Mention, rule: str) -> list[Mention | str]:
    mentions = doc.mentions(candidate.sentence)
    if rule == "program":
        name = _program_name(doc, candidate)
        return [name] if name else []
    if rule == "implicit":
        if candidate.relation == "rejects" and _CALLS_TO.match(doc.text, candidate.end):
            return []  # 'rejected Western calls to condemn Tehran': who called is unnamed, Tehran is what they ask
        if candidate.relation in ("rejects", "accuses") and _printed_by_media(doc, candidate):
            return []  # 'rejecting an account in the Israeli press', 'labelling rumours of a halt baseless': what a
            # paper printed or rumour says, no state's claim
        if candidate.relation == "accuses" and _CONDEMN.match(doc.text, candidate.head_start) \
                and _violent_act().search(doc.text, candidate.head_start, candidate.end + 40):
            return []  # 'condemned the suicide attack in Pakistan's Quetta': an attack nobody named is blamed for
        told = doer_of_told_act(doc, candidate, actor)
        if told is not None:
            return told  # 'condemned the latest launch': the doer the report told, else no guess
        faced = taker_of_measure_faced(doc, candidate, actor)
        if faced is not None:
            return faced  # 'Kenya, which faced similar threats, agreed to take returns': whoever made them
        if candidate.relation == "accuses" and _charge_names_no_doer(doc, candidate, mentions, actor):
            return []  # 'condemned militants for shelling Kenya': the party named is no doer, none is guessed
        if _UNPLACED_ENVOYS.match(doc.text, candidate.end):
            return []  # 'accused Western ambassadors in Moscow of meddling': envoys of no one country named
        if _unnamed_states_described().search(doc.text, max(candidate.sentence.start, candidate.head_start - 40),
                                              candidate.head_start):
            return []  # 'countries he terms "unfriendly"': the ones charged are the unnamed states, no guess
        if _no_one_to_guess(doc, candidate):
            return []  # 'its growing influence in the Pacific', 'the release of hostages after the attack on Israel'
        if _unnamed_object().match(doc.text, candidate.end):
            return []  # 'accused critics of ...', 'condemned some countries': the object is named, and unplaced
        if candidate.relation == "rejects" and _AGAINST_SELF.match(doc.text, candidate.end):
            return []  # 'He denies the charges against him': a defence of one's own, no state's stance on another
        if candidate.relation == "accuses" and _stateless_name_accused(doc, candidate, mentions, actor):
            return []  # 'Iran accused Sharmahd of leading the group': the one accused is named, and is no state
        shared = _shared_object(doc, candidate, mentions, actor)
        if shared is not None:
            return [shared]
        answered = _demanders(doc, candidate, actor)
        if answered:
            return answered  # 'rejected the call, saying ... as DRC builds up': the call's makers, not the party the
            # reply goes on to blame nor the one the document is mostly about
        explicit = _explicit_sender(doc, candidate, mentions, actor)
        if explicit is not None:
            return [explicit]
        demanders = _demanders(doc, candidate, actor) or _protesters(doc, candidate, actor) \
            or _measure_takers(doc, candidate, actor)
        if demanders:
            return demanders
        if candidate.relation in _MIGRATION:
            deporter = _deporter(doc, actor.country)
            if deporter is not None:
                return [deporter]
        if _group_object().match(doc.text, candidate.head_end, candidate.sentence.end):
            return []  # 'accused seven Latin American governments' with no list after it: unnamed, not a guess
        owned = _OWNED_OBJECT.match(doc.text, candidate.end)
        if owned is not None and candidate.relation in ("accuses", "rejects") \
                and not any(m.start <= owned.start(1) < m.end for m in mentions):
            return []  # "criticised the court's verdict": the object's owner is no state, so no state is the target
        earlier = _earlier_subject(doc, candidate, mentions, actor)
        if earlier is not None and candidate.relation in ("accuses", "rejects"):
            return [earlier]  # 'Kenya cut ties with Somalia, and Somalia rejected the decision': the first clause's
        following = next((m for m in mentions if m.start >= candidate.end), None)
        if following is not None and following.type == "organization" and not following.country \
                and re.fullmatch(r"\s*(?:the\s+)?", doc.text[candidate.end:following.start]):
            return []  # 'criticized EU deadlines': the object is a union or a body of states, not a guess
        if any(m.type == "organization" and not m.country and candidate.head_end < m.start and m.end <= candidate.end
               for m in mentions):
            return []  # 'rejects EU financial aid offer': the body whose offer the wording names is the other side
        if sum(m.start == actor.start and m.type == "country" for m in mentions) > 1:
            return []  # 'The ministers condemned violations of the Charter': a joint statement's parties, speaking
            # together, aim at no one the report is about unless their sentence names it
        counterpart = _counterpart(doc, actor.country, {m.country for m in mentions if _listed_with(doc, m, actor)},
                                   candidate.sentence.start)
        if counterpart is not None and candidate.relation in _MIGRATION and any(
                (m.via == "demonym" and m.country == counterpart.country and _people_noun().match(doc.text, m.end)
                 and candidate.head_start <= m.start < candidate.end)
                or (m.country == counterpart.country and m.start > candidate.end
                    and _ARRIVED_IN.search(doc.text, max(0, m.start - 24), m.start)) for m in mentions):
            return []  # 'accepted the Peruvian deportees': the people's own country is not who sent them, nor is
            # another place they reached ('300 arrived in Panama and 100 arrived in Costa Rica')
        if counterpart is not None and go_between_counterpart(doc, mentions, counterpart.country,
                                                              candidate.sentence.start):
            return []  # 'resume normalized relations in a deal brokered by China': the go-between is no side
        return [counterpart] if counterpart else []
    if rule == "focus":
        # 'Mexico has dispatched 145 rescue personnel': help sent with no receiver named goes to the country the
        # whole report is about, not to one a roundup's item names
        focus = lead_receiver(doc, actor.country, {m.country for m in mentions if _listed_with(doc, m, actor)})
        return [focus] if focus is not None else []
    if rule == "imposed":
        # 'the tariffs would be suspended': the party the latest sanctions were aimed at
        latest = doc.latest_sanctions(candidate.sentence.index)
        return [latest[2]] if latest is not None and latest[2].country != actor.country else []
    if rule == "nationality":
        return nationals_freed(doc, candidate, mentions, actor)
    if rule == "request":
        return release_requester(doc, candidate, mentions, actor)
    if rule == "inside":
        for mention in mentions:
            if candidate.head_end <= mention.start and mention.end <= candidate.end and (
                    _is_target(mention, actor) or _expelled_pronoun(candidate, mention, actor)):
                # 'declared ministers from Italy, Greece and Malta persona non grata': the whole list
                return [m for m in _following_list(doc, mention, mentions)
                        if m.end <= candidate.end and (_is_target(m, actor) or _expelled_pronoun(candidate, m, actor))]
        return []
    if rule == "seat":
        # 'the Downing Street visit, the second by X': the seat or capital named right before a visit noun
        seat = next((m for m in reversed(mentions) if m.end <= candidate.head_start), None)
        if seat is not None and seat.via == "capital" and doc.text[seat.end:candidate.head_start] == " " \
                and _is_target(seat, actor):
            return [seat]
        return []
    if rule == "owner":
        conditioned = _conditioned_party(doc, candidate, mentions, actor)
        if conditioned is not None:
            return [conditioned]
        for mention in mentions:
            if mention.start < candidate.head_start < mention.end and _is_target(mention, actor):
                return [mention]  # 'French officials given 48 hours to leave'
        owners = _owners_after_staff(doc, candidate, mentions, actor)
        if owners:
            return owners
        for mention in reversed(mentions):
            if mention.end <= candidate.head_start:
                gap = doc.text[mention.end:candidate.head_start]
                if re.fullmatch(r"(?:['’]s?)?\s*(?:[\w-]+\s+)?", gap) and _is_target(mention, actor) \
                        and (mention.via != "pronoun" or _described_re().fullmatch(mention.text)):
                    # 'it must' may be the speaker's own side; 'the Central American ally must' is not
                    if candidate.relation == "demands" and _wished_outcome().match(doc.text, candidate.end):
                        return []  # 'The Kremlin must lose': an outcome wished on it, nothing asked of it
                    if candidate.relation == "demands" and _proposed_owned().fullmatch(gap):
                        return []  # "Biden's proposal must be dealt with seriously": the one who proposed it is not
                        # the one asked to act on it
                    if candidate.relation == "demands" and any(
                            m.country == actor.country and m.end <= mention.start
                            and _LIST_GAP.fullmatch(doc.text, m.end, mention.start) for m in mentions):
                        return []  # 'Turkey and Greece should resolve their differences': the speaker's own side too
                    return [mention]
                return []
        return []
    if rule == "with":
        partner = _partner_before_whom(doc, candidate, mentions, actor)
        if partner is not None:
            return [partner]
        for mention in mentions:
            if mention.start >= candidate.end and _is_target(mention, actor):
                gap = doc.text[candidate.end:mention.start]
                if _WITH_PHRASE.match(gap) \
                        and (re.search(r"\b(?:of|from)\s+(?:the\s+)?$", gap)
                             or re.search(r"\s(?:of|from)\s", mention.text)):
                    # 'meetings with leaders of Indonesia, Brazil and Chile': every party of the list
                    return [m for m in _following_list(doc, mention, mentions, offices=True) if _is_target(m, actor)]
                if _WITH_PHRASE.match(gap):
                    # 'talks with officials from both nations': every party the phrase stands for; 'talks with
                    # Kenyan President Ruto and Ghanaian President Mahama': every party of the list
                    return [m for m in _following_list(doc, mention, mentions, offices=True) if _is_target(m, actor)]
                if _WITH_GROUP_NAMING.match(gap):
                    # 'held meetings with a dozen leaders, among them Sisi and Museveni': those named of the group
                    return [m for m in _following_list(doc, mention, mentions) if _is_target(m, actor)]
                if re.fullmatch(r"\s*(?:on|about|over|regarding|concerning)\s+(?:the\s+)?", gap):
                    continue  # 'talks on Somalia with Kenya's envoy': the topic, the partner follows
                if _PLACE_BEFORE_WITH.fullmatch(gap) and _WITH_NEXT.match(doc.text, mention.end):
                    continue  # 'meetings in Washington with Pompeo': the place of the talks, the partner follows
                return []
        return []
    if rule == "direct":
        for mention in mentions:
            if mention.start >= candidate.end:
                gap = doc.text[candidate.end:mention.start]
                if re.fullmatch(r"\s+(?:the\s+)?", gap) and _is_target(mention, actor):
                    if mention.via == "demonym" and _armed_group_after().match(doc.text, mention.end) \
                            or _owned_armed_group().match(doc.text, mention.end):
                        return []  # "support for Malian rebels", "support for Burundi's Red Tabara rebels": the
                        # rebels are backed, not their country
                    kin = _KIN_NOUN.match(doc.text, mention.end)
                    if kin is not None:
                        # "support for Armenia's neighbour, Azerbaijan": the party named after the kin noun
                        named = next((m for m in mentions if m.start >= kin.end()), None)
                        return [named] if named is not None and named.start - kin.end() <= 4 \
                            and _is_target(named, actor) else []
                    if candidate.trigger.list:
                        # 'lifted its veto on Albania and North Macedonia': every party of a list right after it
                        return [m for m in _following_list(doc, mention, mentions) if _is_target(m, actor)]
                    return [mention]
                return []
        return []
    if rule == "near":
        found = _right_targets(doc, candidate, mentions, actor, adjacent=False)
        if found and isinstance(found[0], Mention) and candidate.relation == "rejects" \
                and re.search(r"\bto\s+[a-z]+\b", doc.text[candidate.end:found[0].start]):
            return []  # 'rejected Western calls to condemn Tehran': the party is in what the calls ask
        if found and isinstance(found[0], Mention) and _SAYER_AFTER.match(doc.text, found[0].end):
            return []  # 'lodged a protest, spokeswoman Ana Cruz said': the one who says it is no target
        if found and isinstance(found[0], Mention) and len(doc.text[candidate.end:found[0].start].split()) <= 6:
            # ('in protest at the three governments' decision': one phrase standing for several parties)
            return [t for t in found if isinstance(t, Mention) and (t.start, t.end) == (found[0].start, found[0].end)]
        return []
    if rule == "pair":
        # 'the U.S.-South Korea talks': the other name a hyphen (or the en dash of typeset text: 'Brazil–Nigeria')
        # joins to the actor right before the wording
        return [m for m in mentions if m.end == actor.start - 1 and doc.text[m.end] in "-–" and m.country
                and m.country != actor.country
                and (not doc.text[actor.end:candidate.head_start].strip()
                     or PAIR_MODIFIERS.fullmatch(doc.text, actor.end, candidate.head_start))]
    if rule == "object":
        return _object_target(doc, candidate, mentions, actor)
    if rule == "subject":
        return _subject_target(doc, candidate, mentions, actor) or _measure_takers(doc, candidate, actor) \
            or (sender_of_agentless_return(doc, candidate, actor) if candidate.relation in _MIGRATION else [])
    if rule == "charged":
        return _charged_target(doc, candidate, mentions, actor)
    if rule == "any":
        return _any_target(doc, candidate, mentions, actor)
    if rule == "host":
        # 'Caracas freed six Americans after a visit by envoy Ian Hay': a visit told as the time of the main
        # clause's act is to the main clause's subject
        if not _VISIT_AS_TIME.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                     candidate.head_start):
            return []
        able = [m for m in mentions if _can_act(m) and m.country and m.type in ("country", "organization", "person")
                and m.via not in ("demonym", "pronoun")]
        hosts = [m for m in able if m.end <= candidate.head_start
                 and not _after_preposition(doc, m, mentions, candidate.sentence.start)]
        hosts = hosts or [m for m in [host_after_fronted_visit(doc.text, candidate.sentence.start,
                                                               candidate.head_start, candidate.end, able)] if m]
        return hosts[:1] if hosts and hosts[0].country != actor.country else []
    if rule == "dateline":
        # 'Xi is on a state visit' under a LIMA dateline: the dateline's country hosts the visit
        host = doc.dateline
        if any(m.type == "country" and m.country != host and (_PLACE_BEFORE.search(
                doc.text, max(candidate.sentence.start, m.start - 12), m.start) or _PART_OF_BEFORE.search(
                doc.text, max(candidate.sentence.start, m.start - 30), m.start)) for m in mentions):
            # 'Putin later flew to Vietnam to begin a state visit' under a SEOUL dateline; 'visited projects in the
            # southern regions of Eritrea' under an ADDIS ABABA one
            return []
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
    if rule == "places":
        return _places_after(doc, candidate, mentions, actor)
    if rule == "proposer":
        return _proposer(doc, candidate, actor)
    if rule == "none":
        return []  # only the parties of the actor's own list, toward each other ('A and B agreed to ...')
    if rule == "answered":
        return _bare_refusal_of_demand(doc, candidate, actor)
    if rule == "within":
        for mention in mentions:
            if mention.start >= candidate.end and mention.start - candidate.end <= 40 \
                    and mention.type == "country" and mention.country != actor.country:
                between = doc.text[candidate.end:mention.start]
                if _WITHIN_GAP.fullmatch(between):
                    return [mention]
        return []
    return _right_targets(doc, candidate, mentions, actor, adjacent=rule == "adjacent")


#: A condition on a party opening the sentence, then a pronoun for it: 'If Chile wants talks, it must', 'If Chile
#: persists, it will bear'
_CONDITION_OPENING = re.compile(r"\s*(?:If|Unless|Should)\s+(?:the\s+)?$")
_CONDITION_PRONOUN = re.compile(r",\s*(?:then\s+)?(?:it|they)\s+(?:[a-z]+ly\s+)?$")


def _conditioned_party(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """The party a sentence's opening condition names, when 'it' right before the trigger stands for it: the
    speaker asks or warns the party set the condition ('If Chile truly wants talks, it must stop the raids')."""
    if not _CONDITION_PRONOUN.search(doc.text, candidate.sentence.start, candidate.head_start):
        return None
    first = next((m for m in mentions if m.start >= candidate.sentence.start), None)
    if first is None or not _CONDITION_OPENING.fullmatch(doc.text, candidate.sentence.start, first.start) \
            or not _is_target(first, actor) or first.type != "country":
        return None
    clause = doc.text[first.end:candidate.head_start]
    return first if clause.count(",") == 1 and not re.search(r"[.;:]", clause) else None


#: 'after a visit by', 'following a trip by': a visit told as the time of another act
_VISIT_AS_TIME = re.compile(r"\b(?:after|following|during|since|ahead\s+of)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}$",
                            re.I)


def _program_name(doc: _Doc, candidate: _Candidate) -> str:
    tail = doc.text[candidate.end:candidate.sentence.end]
    quoted = _QUOTED_NAME.search(tail)
    if quoted:
        return quoted.group(1).strip(" .,")
    called = _called().search(tail)
    if called:
        return called.group(1).strip(" .,“”\"")
    inside = re.search(r"((?:[A-ZÀ-Þ][\w'’-]*\s+)(?:[\w'’-]+\s+){0,4}?)(?:program|programme|plan|initiative|scheme)",
                       doc.text[candidate.head_end:candidate.end])
    if inside:
        return inside.group(1).strip()
    words = re.findall(r"[\w'’-]+", doc.text[candidate.head_end:candidate.sentence.end])
    phrase = " ".join(words[:9]).strip()
    return phrase if len(words) >= 3 else ""


#: Between two places of one list of stops: 'in Zimbabwe on Jan. 11, in Rwanda on Jan. 12 and in Gabon'
_STOP_GAP = re.compile(r"(?:\s+on\s+[\w.]+(?:\s+\d{1,2})?)?\s*(?:,|,?\s+and)\s+in\s+(?:the\s+)?")


def _places_after(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list[Mention]:
    """'will hold bilateral meetings in Zimbabwe on Jan. 11, in Rwanda on Jan. 12': the countries (or capitals)
    the wording ends in, and each further stop of the list; a visitor's official talks there are with its hosts."""
    first = next((m for m in mentions if m.start == candidate.end + 1 and m.type == "country"
                  and m.via in ("name", "capital")), None)
    if first is None or not _is_target(first, actor):
        return []
    found = [first]
    for mention in mentions:
        if mention.start > found[-1].end and mention.type == "country" and mention.via in ("name", "capital"):
            if not _STOP_GAP.fullmatch(doc.text, found[-1].end, mention.start):
                break
            if _is_target(mention, actor):
                found.append(mention)
    return found
