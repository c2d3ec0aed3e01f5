"""Who acts: the actor of a trigger (`_find_actors`), following the trigger's actor rule.

Most rules take the subject (subject.py: the acting party nearest before the trigger); a passive names its
actor after 'by'; other rules (read in actor_rules.py) read the party after 'by' or 'from', a possessive, the
speaker, the host of a summons or the item of a list of measures. Before any rule, wordings whose doer is
nobody named are set aside (no_doer.py: an unnamed group, a thing as subject, a judged noun; here: accusations
of unnamed accusers, a release someone else secured). Coordinated parties ('Poland, Slovenia and Norway handed
over') act together. Also the predicates on mentions shared with the target step (`_can_act`, `_is_target`).
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import knowledge_base, word_classes
from graph.extract.acting import _passive_agent, passive_subjects_adjunct
from graph.extract.actor_rules import _actor_by_rule
from graph.extract.actors_elsewhere import (
    _antecedent_list,
    _bullet_actor,
    _imposer_before_measure,
    _relative_object_clause,
    _signer_named_after,
)
from graph.extract.candidates import _Candidate
from graph.extract.coordination import (
    _after_preposition,
    _authors_in_phrase,
    _coordinated,
    _region_group_subject,
    _state_listed_before,
)
from graph.extract.delegations import states_act_through
from graph.extract.document import _Doc
from graph.extract.no_doer import (
    _PASSIVE_AUX,
    _act_held_by_deal,
    _agentless_passive,
    _evaluated_noun,
    _private_doer_subject,
    _thing_subject,
    _unnamed_group_subject,
)
from graph.extract.owners import (
    _OFFICIAL_ONLY,
    _can_act,
    _concern_before,
    _decider,
    _doer_of_worried_act,
    _judged_expulsion,
    _judicial_before,
    _note_sender,
    _noun_owner,
    _others_document_content,
    _relative_subject,
    _visit_modifier,
)
from graph.extract.subject import _FIRST_PERSON, _left_actor
from graph.records import Mention
from graph.words import ends_with_any

#: ' by the United States' after a verb: its agent; ' by the end of May', ' by 15 March', ' by Friday' is a deadline
_PASSIVE_BY = re.compile(r"\s+by\s+(?!(?:the\s+)?(?:end|middle|start|beginning|close|time|deadline|weekend|year|"
                         r"month|week|then|now|far|\d|January|February|March|April|May|June|July|August|September|"
                         r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"mid-|early|late|next|this)\b)(?:the\s+)?")
#: A pronoun subject right before a verb in the present: the verb is active, whatever 'by' follows its object
_ACTIVE_SUBJECT = re.compile(r"\b(?:[Ww]e|[Tt]hey|I|[Yy]ou)\s+(?:\w+ly\s+|will\s+|would\s+|must\s+|do\s+|also\s+|"
                             r"can\s+|cannot\s+|firmly\s+)*$")


def _is_official(mention: Mention, doc: _Doc | None = None) -> bool:
    """People, bodies and governments travel and meet; a bare place name does not, nor does someone known
    only as quoted (a scientist, an analyst)."""
    if mention.type == "person" and doc is not None and mention.key in doc.actors.unplaced:
        return False
    if mention.type == "person" and doc is not None and doc.sports and not _holds_office(mention, doc):
        return False  # in a match report 'Switzerland's Roger Federer defeated American Andy Roddick' is players
    return mention.type in ("person", "organization") or mention.via in ("role", "government", "administration")


#: 'the expulsion of its ambassador': envoys owned by the clause's subject
_OWN_ENVOYS = re.compile(r"\s+of\s+(?:its|their)\s", re.I)


def _holds_office(mention: Mention, doc: _Doc) -> bool:
    """Whether a person is named with an office (their mention's or the one the document gives them)."""
    person = doc.actors.persons.get(mention.key)
    return bool(mention.role or (person is not None and person.role))


#: 'summoned the Ambassador of Armenia to Israel': the country an envoy is posted to is the one summoning him
_SUMMONED = re.compile(r"(?:summon|called\s+in|calls\s+in|call\s+in)", re.I)
_POSTED_GAP = re.compile(r"\s+(?:of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3})?to\s+(?:the\s+)?")


def _posting_host(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """The host that summons a foreign envoy, named as the envoy's posting: 'the Ministry of Foreign Affairs
    summoned the Ambassador of Armenia to Israel' is Israel's act, whoever 'the Ministry' was read as."""
    if candidate.relation != "accuses" or not _SUMMONED.match(doc.text, candidate.head_start):
        return None
    for mention in mentions:
        if candidate.end - 40 <= mention.start and mention.start >= candidate.head_end and mention.type == "country" \
                and mention.via in ("name", "capital") \
                and _POSTED_GAP.fullmatch(doc.text, min(candidate.end, mention.start), mention.start) \
                and mention.start - candidate.end <= 40:
            return mention
    return None


#: An auxiliary right before a participle makes it a passive verb ('Mexico was urged by'); without one the
#: participle only describes the noun before it ('levies ordered by the White House').
#: 'expelled the envoy over what they called outrageous remarks': the pronoun that calls is the main clause's subject
_WHAT_THEY_CALLED = re.compile(r"\b(?:over|for|after|at|against|citing|because\s+of)\s+what\s+(?:it|they|he|she)\s+"
                               r"(?:had\s+|has\s+|have\s+)?$", re.I)
#: What every match of `_WHAT_THEY_CALLED` ends with ('he' also ends 'she'), for `ends_with_any`
_WHAT_THEY_CALLED_ENDS = ("it", "they", "he", "had", "has", "have")


@cache
def _what_its_body_called() -> re.Pattern[str]:
    """'summoned the French ambassador to protest what its foreign ministry called interference': a body of 'its'
    or 'their' (never named as a party of its own) calling the reason of a protest or charge (words.csv
    CONDEMNING_VERBS) or of an act ('over', 'for'...); 'its' is the subject's, as 'they' is."""
    return re.compile(r"\b(?:over|for|after|at|against|citing|because\s+of|(?:" + word_classes()["CONDEMNING_VERBS"]
                      + r"))\s+what\s+(?:its|their)\s+(?:[\w-]+\s+){1,3}?(?:had\s+|has\s+|have\s+)?$", re.I)


def _issuer_in_header(doc: _Doc) -> Mention | None:
    """'Statement by the Foreign Ministry of Estonia' as the first line, then 'This morning we called in the
    Russian envoy': a release whose first line names one government body (and no other
    country) is that government's voice, and its 'we' is that government."""
    line_end = doc.text.find("\n")
    header = doc.actors.between(0, line_end if line_end != -1 else len(doc.text))
    if len({m.country for m in header}) != 1 or header[0].via != "government" or not header[0].country:
        return None
    return header[0]


def _main_subject_calling(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'Ghana expelled the Togolese envoy over what they called hostile remarks': the one who calls the reason
    so is the subject of the act it is the reason for, not the party named last before 'what' (nor the party
    whose envoy it summoned: 'Algeria summoned the French ambassador to protest what its foreign ministry
    called interference')."""
    low = max(candidate.sentence.start, candidate.head_start - 40)
    called = _WHAT_THEY_CALLED.search(doc.text, low, candidate.head_start) \
        if ends_with_any(doc.text[low:candidate.head_start], _WHAT_THEY_CALLED_ENDS) else None
    if called is None and " what " in doc.text[max(candidate.sentence.start, candidate.head_start - 60):
                                                 candidate.head_start]:
        called = _what_its_body_called().search(doc.text, max(candidate.sentence.start, candidate.head_start - 60),
                                                candidate.head_start)
    if called is None:
        return None
    return next((m for m in mentions if m.end <= called.start() and _can_act(m) and m.country
                 and not _after_preposition(doc, m, mentions, candidate.sentence.start)), None)




#: A participle set off by a comma, then its agent: ', facilitated with the help of Turkey', ', brokered by Qatar'
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s+$")
_AGENT_PHRASE_NEXT = re.compile(r"\s+(?:by|with\s+the\s+(?:help|support|assistance|mediation)\s+of)\s", re.I)


#: Relations whose subject in a passive without 'by' is the party acted on, never the actor.
_WE_SUBJECT = re.compile(r"(?:^|[.;]\s+|\b)[Ww]e\s+(?:also\s+|strongly\s+|jointly\s+|further\s+|again\s+|firmly\s+|"
                         r"resolutely\s+|will\s+|remain\s+|reaffirm\s+our\s+)*$")
#: What every match of `_WE_SUBJECT` ends with, for `ends_with_any`
_WE_SUBJECT_ENDS = ("we", "also", "strongly", "jointly", "further", "again", "firmly", "resolutely", "will", "remain",
                    "our")
_PATIENT_SUBJECT = frozenset({"accuses", "demands", "threatened", "threatenedSanctions"})
@cache
def _hyphen_pair_ties() -> re.Pattern[str]:
    """Two countries joined by a hyphen before the ties they name (words.csv PAIR_TIES): 'Vietnam-US relations'
    are between the two."""
    return re.compile(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)[-–]([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+"
                      r"(?:" + word_classes()["PAIR_TIES"] + r")\b")
_TIE_CHANGES = frozenset({"agreesToCooperate", "reducesCooperation", "shiftsTowardCooperation"})


def _hyphen_pair(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> list[Mention]:
    """A change of ties told as a noun with no party before it ('The official upgrade of Vietnam-US relations to
    a partnership'): the two countries of the hyphenated compound inside the wording are its parties (a name
    compound is no mention of its own, so its two names are looked up here)."""
    if candidate.relation not in _TIE_CHANGES or any(m.end <= candidate.head_start and _can_act(m) for m in mentions):
        return []
    match = _hyphen_pair_ties().search(doc.text, candidate.head_start, candidate.end)
    if match is None:
        return []
    sides = []
    for group in (1, 2):
        alias = knowledge_base().lookup(match.group(group))
        if alias is None or alias.type != "country" or not alias.country:
            return []
        sides.append(Mention(match.start(group), match.end(group), match.group(group), "country", alias.key,
                             alias.country, "", "name"))
    return sides if sides[0].country != sides[1].country else []


@cache
def _people_sent_at_end() -> re.Pattern[str]:
    """A word of people sent away (words.csv MIGRANTS) ending the wording: a 'by' after it names their sender."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["MIGRANTS"] + r")$", re.I)


def _official_passive(doc: _Doc, candidate: _Candidate, mentions: list[Mention], passive: re.Match[str]) -> bool:
    """A visit or a meeting told in the passive with an official as its agent ('Ethiopia was visited by Sergei
    Lavrov'): the official travelled or met, and the party before the verb is the one visited. A place named
    after 'by' ('was hosted by Kenya') travels nowhere, so such a sentence keeps its usual reading. The party
    visited is the verb's own subject, right before it: in 'flew to Doha, where they were met by US officials'
    the ones met are people, not the place."""
    agent = _passive_agent(doc, mentions, passive)
    aux = _PASSIVE_AUX.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30), candidate.head_start)
    if agent is None or not _is_official(agent, doc) or aux is None:
        return False
    return any(m.end <= aux.start() and not doc.text[m.end:aux.start()].strip() for m in mentions)


def _find_actors(doc: _Doc, candidate: _Candidate) -> list[Mention]:
    """The acting parties of a trigger, following its actor rule (rules chain with '|').

    A passive ('a policy criticised by the United Nations') names its actor after 'by'; the party before
    the verb is then the target.
    """
    mentions = doc.mentions(candidate.sentence)
    if _stateless_agent_named(doc, candidate):
        agent = _actor_by_rule(doc, candidate, mentions, "by")
        if agent is None or not agent.country:
            return []  # 'hostages have been released by Hamas, the Qatari spokesman said': the doer is named, no state
    if candidate.trigger.actor == "clause":
        # a rejection told in a relative clause on what was rejected ('Moscow's condition, which Tbilisi rejected'):
        # the clause's own subject acts, not the owner of the noun it hangs on
        subject = _actor_by_rule(doc, candidate, mentions, "clause")
        return _coordinated(doc, mentions, subject) if subject is not None and subject.country else []
    passive = _PASSIVE_BY.match(doc.text, candidate.end)
    if passive and candidate.trigger.relation == "accuses" and candidate.end == candidate.head_end \
            and re.fullmatch(r"[a-z]+(?<!ed)", doc.text[candidate.head_start:candidate.head_end]):
        passive = None  # 'the interference by Laos was unacceptable': the noun's 'by' names the one charged
    if passive and _ACTIVE_SUBJECT.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                          candidate.head_start) \
            and not doc.text[candidate.head_start:candidate.head_end].endswith("ed"):
        passive = None  # 'We reject these baseless claims by Kabul': 'by' names the claims' maker, the object
    if passive and candidate.end > candidate.head_end and not _PASSIVE_AUX.search(
            doc.text, max(candidate.sentence.start, candidate.head_start - 30), candidate.head_start) \
            and re.match(r"[a-z]+(?:ed|s)\b", doc.text[candidate.head_start:candidate.head_end]) \
            and any(m.end <= candidate.head_start and re.fullmatch(r"\s*(?:\w+ly\s+)?",
                                                                  doc.text[m.end:candidate.head_start])
                    and _can_act(m) for m in mentions):
        passive = None  # 'Ortega denied claims by the Bolivian government', 'Bolivia refutes allegations by Chile': a
        # subject right before an active verb;
        # 'by' names the maker of its object
    if passive and candidate.relation in ("accuses", "rejects") and candidate.end > candidate.head_end \
            and re.fullmatch(r"(?!(?:was|is|has|does)$)[a-z]+(?:ed|s)",
                             doc.text[candidate.head_start:candidate.head_end]) \
            and not re.match(r"\s+as\b", doc.text[candidate.head_end:candidate.end]) \
            and not _PASSIVE_AUX.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                        candidate.head_start):
        passive = None  # 'The leaders condemned the attack by Russia on Poland': 'by' names the doer of the act
        # condemned, the one charged, never the one who condemns ('the strike, described as an attack by Qatar',
        # is a label: 'by' names who gave it)
    if passive and candidate.relation in ("acceptsDeportees", "refusesDeportees") \
            and _people_sent_at_end().search(doc.text, candidate.head_end, candidate.end):
        passive = None  # 'confirms reception of eight deportees by the US': 'by' names who sent the people
    if passive and _PERFECT_BEFORE.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                          candidate.head_start):
        passive = None  # 'have always rejected sanctions by the United States': a perfect tense is active
    if passive and candidate.trigger.actor != "by" and (candidate.relation not in _OFFICIAL_ONLY
                                                        or _official_passive(doc, candidate, mentions, passive)):
        agent = _passive_agent(doc, mentions, passive)
        if agent is None or not _can_act(agent) or not agent.country:
            return []  # the doer is not a party we can place (an NGO, the UN, unnamed)
        if candidate.relation == "demands" and not _PASSIVE_AUX.search(doc.text, candidate.sentence.start,
                                                                        candidate.head_start):
            return []  # 'levies ordered by the White House': the thing ordered, not a party told to act
        before = [m for m in mentions if m.end <= candidate.head_start and _is_target(m, agent)]
        # a noun's object is inside the trigger ('the expulsion of Chile's envoy by Bolivia'), a passive
        # verb's stands before it ('Chile's envoy was expelled by Bolivia')
        inside = [m for m in mentions if candidate.head_end <= m.start and m.end <= candidate.end
                  and _is_target(m, agent)]
        verbal = _PASSIVE_AUX.search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                     candidate.head_start) is not None
        candidate.patient = inside[0] if inside else (before[-1] if before and verbal else None)
        # ('the release of prisoners by Iran' after 'took place in Austria': a noun's object is never before it)
        return [agent]
    pair = _hyphen_pair(doc, candidate, mentions)
    if pair:
        return pair  # 'the upgrade of Vietnam-US relations': the two sides of the ties named as one compound
    opening = _subject_after_opening_clause(doc, candidate, mentions)
    if opening is not None:
        return [opening]
    host = _posting_host(doc, candidate, mentions)
    if host is not None:
        return [host]
    caller = _main_subject_calling(doc, candidate, mentions)
    if caller is not None:
        return _coordinated(doc, mentions, caller)
    relative = _relative_object_clause(doc, candidate, mentions)
    if relative is not None:
        # 'lobbied capitals to act against Rwanda, which she accused of occupying': the subject of the relative
        # clause acts on the noun the clause hangs on
        subject, antecedent = relative
        candidate.patient = antecedent
        candidate.listed_patients = _antecedent_list(doc, antecedent, subject, mentions)
        return [subject]
    judged = _judged_expulsion(doc, candidate, mentions)
    if judged is not None:  # 'Rwanda criticizes the expulsion of its envoy from Congo': Congo expels
        expeller, envoys = judged
        if envoys is None and _OWN_ENVOYS.match(doc.text, candidate.head_end):
            envoys = _left_actor(doc, candidate, mentions)  # 'its ambassador': the protesting party's
        candidate.patient = envoys
        return [expeller] if expeller is not None and envoys is not None else []
    if _evaluated_noun(doc, candidate):
        return []  # 'Kono said the termination of the pact was regrettable': another's act the speaker judges
    if "holder" not in candidate.trigger.actor and _act_held_by_deal(doc, candidate):
        return []  # 'the first phase will include the release of 33 hostages': done by the deal's parties
    if _thing_subject(doc, candidate, mentions):
        return []  # 'Canada said the renewed fighting undermines peace efforts': the fighting undermines
    members = _region_group_subject(doc, candidate)
    if members:
        return members  # 'The three Baltic countries ordered': each member of the whole group acts
    if _unnamed_group_subject(doc, candidate, mentions):
        return []  # 'the reason Central American countries agreed to receive flights': unnamed parties act
    if _private_doer_subject(doc, candidate):
        return []  # 'targeted the gang leaders working with Iran': the gang leaders work with Iran, no state
    if doc.text[candidate.head_start:candidate.head_end].endswith("ing") and _INDEFINITE_SUBJECT.search(
            doc.text, max(candidate.sentence.start, candidate.head_start - 50), candidate.head_start):
        return []  # 'the latest case of a South American country blocking US flights': no party named
    asked = _ASKED_BY.search(doc.text, max(candidate.sentence.start, candidate.head_start - 80),
                             candidate.head_start)
    if asked is not None:
        # '"We were approached by the US to accept foreign nationals," the president said': the one asked acts
        subject = [m for m in mentions if m.end <= asked.start() and _can_act(m)]
        if subject:
            return _coordinated(doc, mentions, subject[-1])
        speaker = doc.speaker(candidate.sentence) if _FIRST_PERSON.search(
            doc.text, max(candidate.sentence.start, asked.start() - 20), asked.start() + 1) else None
        return [speaker] if speaker is not None else []
    if _judicial_before().search(doc.text, max(candidate.sentence.start, candidate.head_start - 40),
                                 candidate.head_start):
        return []  # 'court rulings ordering Japanese companies to pay': the courts order, no government acts
    if _others_document_content(doc, candidate):
        return []  # 'abstained from votes on resolutions condemning the war': the resolutions condemn
    sender = _note_sender(doc, candidate, mentions)
    if sender is not None:
        return sender  # 'the envoy was handed a note demanding': the note's sender says it, not its receiver
    visitor = _visit_modifier(doc, candidate, mentions) or _noun_owner(doc, candidate, mentions) \
        or _decider(doc, candidate, mentions)
    if visitor is not None:
        return [visitor]
    filer = _relative_subject(doc, candidate, mentions)
    if filer is not None and _DENIED_AFTER.match(doc.text, filer.end):
        return []  # 'accusations that Saied has rejected': the one who denies them is accused, by someone unnamed
    if filer is not None:
        # 'despite the complaint that Kiev filed': the party of the noun's relative clause made it, against
        # the party the sentence is about
        before = [m for m in mentions if m.end <= candidate.head_start and _is_target(m, filer)]
        candidate.patient = before[-1] if before else None
        return [filer]
    if _concern_before().search(doc.text, max(candidate.sentence.start, candidate.head_start - 60),
                                candidate.head_start):
        return _doer_of_worried_act(doc, candidate, mentions)
    we_low = max(candidate.sentence.start, candidate.head_start - 40)
    we_subject = ends_with_any(doc.text[we_low:candidate.head_start], _WE_SUBJECT_ENDS) \
        and _WE_SUBJECT.search(doc.text, we_low, candidate.head_start) is not None
    if doc.we and we_subject and not doc.quotes.covers(candidate.head_start):
        return list(doc.we)  # 'We strongly condemn ...' in a joint statement: every signatory
    if not doc.we and we_subject and not doc.quotes.covers(candidate.head_start):
        # 'We urge Chile to release the crew, the Norwegian foreign ministry said', or a statement's later
        # sentence after 'The Government of Norway deplores ...': the voice of the text is its issuer
        issuer = doc.speaker(candidate.sentence)
        if issuer is None and doc.last_actor is not None and (doc.last_actor.via == "government"
                                                              or doc.last_actor.type == "organization"):
            issuer = doc.last_actor  # (only a government's own voice: a columnist's 'we' is nobody's stance)
        if issuer is None:
            issuer = _issuer_in_header(doc)
        if issuer is not None and issuer.country:
            return [issuer]
    listed_by = _bullet_actor(doc, candidate, mentions)
    if listed_by is not None and passive is None and _PASSIVE_AUX.search(
            doc.text, max(candidate.sentence.start, candidate.head_start - 30), candidate.head_start):
        # '- Two Belarusian diplomats are declared persona non grata' under 'Steps announced by Vilnius:': the
        # item's subject is acted on, by the party of the list
        before = [m for m in mentions if m.end <= candidate.head_start and _is_target(m, listed_by)]
        candidate.patient = before[-1] if before else None
        return [listed_by]
    if passive is None and candidate.trigger.actor.startswith("left") and _PARTICIPLE_AFTER_COMMA.search(
            doc.text, max(candidate.sentence.start, candidate.head_start - 4), candidate.head_start) \
            and _AGENT_PHRASE_NEXT.match(doc.text, candidate.head_end) \
            and doc.text[candidate.head_start:candidate.head_end].lower().endswith("ed"):
        return []  # 'the release of prisoners, facilitated with the help of Turkey': a participle on the noun
        # before it, done by the party after it; the parties named before do not do it
    if passive is None and candidate.relation in _PATIENT_SUBJECT and _agentless_passive(doc, candidate):
        if listed_by is not None:
            # '- Visas issued to Indian nationals stand cancelled' under 'Measures approved by the NSC:'
            before = [m for m in mentions if m.end <= candidate.head_start and _is_target(m, listed_by)]
            candidate.patient = before[-1] if before else None
            return [listed_by]
        return []  # 'Hungary has been accused of ...', 'Mexico was threatened with tariffs': the subject
        # suffers the act; whoever did it is not named here
    if candidate.relation == "accuses" and _BARE_ACCUSED.fullmatch(doc.text, candidate.head_start, candidate.end) \
            and _OF_NEXT.match(doc.text, candidate.end):
        return []  # 'a prisoner accused of espionage': a participle on a noun, its accusers unnamed
    if candidate.relation == "accuses" and _NOUN_AFTER_PREPOSITION.search(
            doc.text, max(candidate.sentence.start, candidate.head_start - 40), candidate.head_start) \
            and not re.search(r"(?:ing|ed)$", doc.text[candidate.head_start:candidate.head_end]) \
            and not _AGENT_NEXT.match(doc.text, candidate.end) and not _AGENT_NEXT.match(doc.text, candidate.head_end):
        return []  # 'Ties soured amid accusations that China spied': accusations of unnamed accusers ('despite
        # protests from Baghdad': the wording's own 'from' names them)
    if candidate.relation == "releasesDetainees" and "holder" not in candidate.trigger.actor \
            and _brokered().search(doc.text, max(candidate.sentence.start, candidate.head_start - 30),
                                 candidate.head_start):
        return []  # 'The US secured the release of 40 Venezuelans': who secures a release does not hold them
    if candidate.trigger.actor.startswith("left") and passive is None and passive_subjects_adjunct(doc, candidate):
        return []  # 'were seized by Venezuelan police while travelling in the country': the seized travel
    signer = _signer_named_after(doc, candidate, mentions) or _imposer_before_measure(doc, candidate, mentions)
    if signer is not None:
        return _coordinated(doc, mentions, signer)
    if "left" in candidate.trigger.actor and _SAID_THEN_PARTICIPLE.search(
            doc.text, max(candidate.sentence.start, candidate.head_start - 120), candidate.head_start) \
            and doc.text[candidate.head_start:candidate.head_end].split(" ", 1)[0].endswith("ing"):
        # 'Iran has released a French citizen, Macron said on Thursday, demanding the release of two others': the
        # participle after the speech verb is the speaker's, not the act reported before it
        sayer = _actor_by_rule(doc, candidate, mentions, "sayer")
        if sayer is not None:
            return _coordinated(doc, mentions, sayer)
    for rule in candidate.trigger.actor.split("|"):
        actor = _actor_by_rule(doc, candidate, mentions, rule)
        place_start = _place_named_with_country(doc, mentions, actor) if actor is not None else 0
        if actor is not None and rule == "left" and candidate.relation in _OFFICIAL_ONLY \
                and _TRAVELLED_TO.search(doc.text, max(candidate.sentence.start, place_start - 24), place_start) \
                and not _is_official(actor, doc):
            # 'Wang Yi visited Canberra for talks with Wong': the place travelled to is no party; the traveller is
            # (also with its country set off after it: 'arrives in Canberra, Australia, to meet')
            actor = _left_actor(doc, _Candidate(candidate.trigger, candidate.sentence, place_start, place_start,
                                                place_start), mentions)
        if actor is not None and rule == "left" and not actor.country:
            actor = _state_listed_before(doc, mentions, actor)
        if actor is None or not actor.country:
            continue
        # ('China and Tonga held talks. The deal was signed': a list the sentence before opens with acts as a whole)
        group = _coordinated(doc, doc.mentions(doc.sentences[candidate.sentence.index - 1]) if rule == "prev"
                             else mentions, actor)
        # 'Talks between Egypt and Ethiopia' are between governments even when only countries are named.
        if (candidate.relation in _OFFICIAL_ONLY and rule != "after"
                and not (rule == "by" and candidate.relation == "meetsWith") or doc.sports) \
                and not any(_is_official(m, doc) for m in group) and not states_act_through(doc, candidate, group):
            # ('Kenya and Ethiopia held talks', 'Iran held talks with Oman': states named as the sides of talks
            # are their governments)
            return []  # bare places do not travel; in a sports report 'Brazil threatened Argentina' is teams
        authors = _authors_in_phrase(doc, mentions, candidate.sentence.start, candidate.head_start)
        if authors and {m.country for m in group} <= {m.country for m in authors}:
            # 'In a statement by the US, Japan and Australia, the U.S. envoy condemned': every author acts
            return authors + [m for m in group if m.country not in {a.country for a in authors}]
        return group
    if listed_by is not None:
        return [listed_by]
    opener = _OPENING_PARTICIPLE.fullmatch(doc.text, candidate.sentence.start, candidate.head_start) \
        and re.match(r"[A-Za-z]+ing\b", doc.text[candidate.head_start:candidate.head_end])
    if opener and "," not in doc.text[candidate.head_start:candidate.end]:
        # 'Rejecting the order against its envoy, the French government said ...': the subject after the comma
        comma = doc.text.find(",", candidate.end, candidate.sentence.end)
        subject = next((m for m in mentions if comma != -1 and m.start > comma and _can_act(m) and m.country), None)
        if subject is not None and re.fullmatch(r",\s*(?:[\w'’-]+\s+){0,3}", doc.text[comma:subject.start]):
            return [subject]
    return _continued_actor(doc, candidate, mentions)


#: A name right after a passive trigger's closing 'by' ('released by Hamas', 'freed by the Taliban')
_NAMED_AGENT = re.compile(r"\s+(?:the\s+)?[A-Z]")


def _stateless_agent_named(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether a wording whose doer follows its 'by' names that doer, though as no state: the doer is told, so no
    other party of the sentence or the one quoted is taken for it."""
    return candidate.trigger.actor.split("|")[0] == "by" \
        and doc.text[candidate.head_start:candidate.end].endswith(" by") \
        and _NAMED_AGENT.match(doc.text, candidate.end) is not None


#: What may stand before a participle that opens its sentence: nothing, or an adverb ('Immediately rejecting').
_OPENING_PARTICIPLE = re.compile(r"\W*(?:[A-Z][a-z]+ly\s+)?")


@cache
def _adverbial_opener() -> re.Pattern[str]:
    """A conjunction or preposition opening the sentence right before an '-ing' verb (words.csv ADVERBIAL_OPENERS:
    'While summoning', 'After recalling')."""
    return re.compile(r"\W*(?:" + word_classes()["ADVERBIAL_OPENERS"] + r")\s+", re.I)


def _subject_after_opening_clause(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """'While summoning its envoy to Ethiopia, Somalia urged the UN to meet': an '-ing' clause opening the sentence
    after 'while', 'after', 'by'... has no subject of its own; the main clause's subject, right after the comma
    that closes it, does it (a party named inside the clause is only its object)."""
    if _adverbial_opener().fullmatch(doc.text, candidate.sentence.start, candidate.head_start) is None \
            or not re.match(r"[A-Za-z]+ing\b", doc.text[candidate.head_start:candidate.head_end]):
        return None
    comma = doc.text.find(",", candidate.end, candidate.sentence.end)
    if comma == -1 or "," in doc.text[candidate.head_start:candidate.end]:
        return None
    subject = next((m for m in mentions if m.start > comma and _can_act(m) and m.country), None)
    if subject is None or not re.fullmatch(r",\s*(?:[\w'’-]+\s+){0,3}", doc.text[comma:subject.start]):
        return None
    return subject


#: 'the signing of Vanuatu's policing pact with China': the signer owns the agreement named after 'of'


#: 'accused of' with no object between: a participle whose subject is the one accused
_BARE_ACCUSED = re.compile(r"(?:accused|charged|suspected)", re.I)
_OF_NEXT = re.compile(r"\s+of\s")
#: A preposition of circumstance right before a noun: 'amid accusations', 'over allegations' (whose makers,
#: unless named after 'by' or 'from', are not the sentence's subject); so is a conjunction of time whose clause the
#: noun is the subject of ('denied it, as accusations continue to grow')
_NOUN_AFTER_PREPOSITION = re.compile(r"\b(?:amid|over|following|despite|because\s+of|due\s+to|as|while)\s+"
                                     r"(?:(?:the|new|fresh|renewed|growing|mounting|repeated|recent)\s+)*$", re.I)
_AGENT_NEXT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:by|from)\s", re.I)
_INDEFINITE_SUBJECT = re.compile(r"\b(?:a|an|another|any)\s+(?:[\w-]+\s+){0,3}(?:country|nation|government|state)"
                                 r"\s+$", re.I)
#: 'were approached by the US to': the one asked is the subject before the passive, not its agent
_ASKED_BY = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:approached|asked|urged|pressed|"
                       r"pressured|invited|requested|pushed|told)\s+by\s+[^,.;]{1,40}?\s+to\s+(?:\w+\s+)?$")
#: A verb of getting someone else's prisoners out, right before the noun of their release
@cache
def _brokered() -> re.Pattern[str]:
    """Words that make a release the outcome of someone's work for it, right before the release (words.csv
    RELEASE_WON: 'secured the release', 'talks credited with freeing', 'negotiation that resulted in release')."""
    return re.compile(r"\b(?:" + word_classes()["RELEASE_WON"] + r")\s+(?:the\s+|a\s+)?$", re.I)


#: Relations whose agent news leaves out when the previous sentence named it: 'Belarus released 14
#: prisoners. Those freed included nationals of Japan and Poland.'
_CONTINUED = frozenset({"releasesDetainees", "threatenedExpulsion", "acceptsDeportees", "refusesDeportees",
                        "threatenedSanctions", "reducesCooperation"})


def _place_named_with_country(doc: _Doc, mentions: list[Mention], mention: Mention) -> int:
    """Where the place starts that a country mention is set off after ('Canberra, Australia'): the country
    only tells where the city is, so what stands before the city governs both; else the mention's own start."""
    place = next((m for m in reversed(mentions) if m.end <= mention.start), None)
    if place is not None and place.type == "country" and place.country == mention.country \
            and place.via in ("capital", "place") and re.fullmatch(r",\s*", doc.text[place.end:mention.start]):
        return place.start
    return mention.start


#: A verb of travel right before its destination: 'visited Canberra', 'flew to Doha', 'arrived in Lima'.
_TRAVELLED_TO = re.compile(r"\b(?:visit|visited|visiting|visits|arrive[sd]?\s+in|arriving\s+in|travel(?:s|l?ed)\s+to|"
                           r"fl(?:ew|ies)\s+to|"
                           r"went\s+to|came\s+to|returned\s+to|landed\s+in)\s+(?:the\s+)?$")


#: A verb of denial after the subject of a relative clause: 'claims that Caracas has denied'.
_DENIED_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:rejected|denied|dismissed|refuted|rebuffed|"
                           r"rejects|denies|dismisses|refutes|rebuffs)\b")


#: A subject that names parties without naming them: 'Several countries', 'Three Gulf states', 'Others'.
@cache
def _unnamed_group_subject_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + word_classes()["STATES"] + r"|neighbou?rs|others|allies|members)\b")


def _continued_actor(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> list[Mention]:
    """The actor of the same relation one or two sentences back, for a trigger with no party before it."""
    if candidate.relation not in _CONTINUED or any(m.start < candidate.head_start for m in mentions):
        return []
    if _unnamed_group_subject_re().search(doc.text, candidate.sentence.start, candidate.head_start):
        return []  # 'Several Central American countries have accepted flights': parties left unnamed act
    recent = doc.recent.get(candidate.relation)
    if recent is None or not 0 < candidate.sentence.index - recent[0] <= 2:
        return []
    return [recent[1]]


_SAID_THEN_PARTICIPLE = re.compile(r",\s+(?:[A-Z][\w.'’-]*\s+){1,5}(?:said|says|told\s+\w+|added|wrote|announced)"
                                   r"(?:\s+(?:on|in|late|early)\s+\w+)?,\s+(?:[a-z]+ing\b[^.;]{0,100}?\s+)?(?:and\s+)?$")


_PERFECT_BEFORE = re.compile(r"\b(?:have|has|had)\s+(?:(?:\w+ly|always|already|also|never|long|repeatedly)\s+)*$")


def _is_target(mention: Mention, actor: Mention) -> bool:
    if mention.via == "pronoun" and mention.text.lower() in ("his", "her", "its", "their", "him", "himself",
                                                               "herself"):
        return False  # 'visit his family' is not a visit to the person 'his' points to
    return mention.type in ("country", "person", "organization") and bool(mention.country) \
        and mention.country != actor.country
