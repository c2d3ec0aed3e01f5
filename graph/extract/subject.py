"""The subject of a trigger: the acting party nearest before it within its clause (`_left_actor`).

Skips prepositional objects, relative clauses and parties set aside ('Kyiv, not Moscow'); goes back to the
first verb's subject when verbs are coordinated ('... and accused Washington', a headline's bare comma);
reads 'it' and 'they' back to the last country named, 'we' in a quotation as its speaker, the object of a
causing verb as the subject of what follows ('allowing these countries to receive'), and a possessive
decision as its owner's act ("Madrid's decision to back"); subject_wordings.py reads those subjects a wording
names rather than a position. attribution.py applies it as the actor rule 'left' and for the subjects other
rules need; acting.py says whether each party it meets acts there.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.actors.antecedents import thing_subject
from graph.extract.acting import (
    _TOLD_BEFORE,
    _acts_here,
    _clause_opener,
    _last_country_before,
    _modifies_noun,
    _possessed_person,
)
from graph.extract.candidates import _Candidate
from graph.extract.coordination import _after_preposition, _subordinate_subject, _trip_owner
from graph.extract.document import _SPEAKER_LABEL, _WORDS_RE, _Doc
from graph.extract.nominal_refusals import refusal_owner
from graph.extract.owners import _can_act
from graph.extract.subject_wordings import (
    _EARLIER_ITS,
    _INCLUDING_SUBJECT,
    _ITS_ACT,
    _ITS_ACT_ENDS,
    _MEASURES,
    _NOBODY,
    _OF_PARTY_DECISION,
    _SAID_DECISION,
    _SPOKEN,
    _caused_subject,
    _counted_states_said,
    _group_subject,
    _handed_note,
    _instructed,
    _issued_document,
    _like_subject,
    _measure_owner,
    _named_group_doing,
    _partners_of_subject,
    _possessive_decision,
    first_person_series,
    past_place_aside,
)
from graph.records import Mention
from graph.words import ends_with_any, ends_with_word, may_hold


@cache
def _it_subject() -> re.Pattern[str]:
    """'it', 'they' right before the trigger, up to three words of words.csv PRONOUN_LEAD_WORDS between ('it has
    since', 'they also'): the pronoun is the subject."""
    return re.compile(r"\b(?:[Ii]t|[Tt]hey)\s+(?:(?:" + word_classes()["PRONOUN_LEAD_WORDS"] + r")\s+){0,3}$")


@cache
def _refusal_noun() -> re.Pattern[str]:
    """A trigger whose head is a noun of refusing (words.csv REFUSAL_NOUNS: 'refusal', 'rejection')."""
    return re.compile(r"(?:" + word_classes()["REFUSAL_NOUNS"] + r")", re.I)


@cache
def _impersonal_it() -> re.Pattern[str]:
    """'it was therefore "necessary and appropriate" to place': a dummy 'it', a verb 'to be' and a word of need
    (words.csv NEED_WORDS) opening the infinitive the trigger is in."""
    return re.compile(r"\b[Ii]t\s+(?:is|was|has\s+been|had\s+been|would\s+be|will\s+be)\s+(?:[a-z]+\s+){0,2}[\"“]?"
                      r"(?:" + word_classes()["NEED_WORDS"] + r")\b[^.;:]{0,40}?\bto\s+(?:[a-z]+\s+){0,3}$")


#: ', and he has ', ', and she later ': a person's pronoun as the subject of a coordinated clause, right before the
#: trigger
_PERSON_PRONOUN_SUBJECT = re.compile(r",\s+and\s+(?:he|she)\s+(?:(?:has|had|was|is|will|would|also|then|later|"
                                     r"[a-z]+ly)\s+){0,2}$")
#: A relative clause without 'that' on a plural noun, its subject a pronoun: 'diplomats they accuse of'
_REDUCED_RELATIVE = re.compile(r"\b[a-z]{3,}s\s+(?:they|we)\s+$")
#: What every match of `_PERSON_PRONOUN_SUBJECT` ends with ('he' also ends 'she', 'ly' every adverb in -ly), for
#: 'in which she', 'where he also': a person's pronoun as the subject right before the trigger
#: (not before 'was': 'where he was received by' is a passive, its subject the one received)
_BARE_PERSON_PRONOUN = re.compile(r"\b(?:which|whom|where|when)\s+(?:he|she)\s+(?:(?:also|then|later|again|"
                                  r"would|will)\s+){0,2}$")
_BARE_PRONOUN_ENDS = ("he", "also", "then", "later", "again", "would", "will")
#: `ends_with_any`: the look-back regexes of `_left_actor` run only before a trigger whose last word can end them
_PERSON_PRONOUN_ENDS = ("he", "has", "had", "was", "is", "will", "would", "also", "then", "later", "ly")
#: A sentence whose subject is 'it' or 'they', after a time phrase perhaps, with a finite verb of its own: 'On
#: Tuesday, it branded'
_PRONOUN_CLAUSE_SUBJECT = re.compile(r"\W*(?:(?:On|In|Late|Early|Last|Earlier|Later)\b[^,;.]{0,30},\s*)?"
                                     r"(?P<pronoun>[Ii]t|[Tt]hey)\s+(?:(?:also|then|later|quickly)\s+)?[a-z]+(?:ed|s)\b")
#: A person's name of two or more capitalised words
_TWO_NAMES = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+\b")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b(?:\s+\w+){0,4}\s*$")


#: 'in ', 'at ' right before a party: a place where something happens ('"Today in Muscat we hosted')
_AT_PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+$", re.I)
#: 'by the Palestinian movement of its agreement to': an announcer after 'by' owning the decision the trigger completes
_BY_OWNER_OF_ITS = re.compile(r"\bby\s+(?P<owner>(?:[\w.'’()-]+\s+){1,7}?)of\s+(?:its|their)\s+"
                              r"(?:[\w-]+\s+){1,2}to\s+$")
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+)*$")


@cache
def _vp_coordination() -> re.Pattern[str]:
    """A verb phrase coordinated after 'and', 'but', 'then': up to three words of words.csv VP_LEAD_WORDS or
    adverbs in -ly, each maybe set off by a comma ('..., and has in turn moved to drop Japan', ', and subsequently,
    recalled'), then a verb of will before the trigger's infinitive (words.csv WILL_VERBS or a verb in -ed: '...,
    and agreed to receive') or steps taken to the act ('... and took punitive measures to downgrade ties')."""
    classes = word_classes()
    return re.compile(r"(?:,\s*|\s)(?:and|but|then|before|after)\s+(?:(?:" + classes["VP_LEAD_WORDS"] + r"|[a-z]+ly)"
                      r",?\s+){0,3}(?:(?:[a-z]+ed|" + classes["WILL_VERBS"] + r")\s+to\s+"
                      r"|(?:took|takes|take)\s+(?:[a-z-]+\s+)?(?:measures|steps|action)\s+to\s+)?$")


@cache
def _purpose_after_object() -> re.Pattern[str]:
    """'summoned a Chinese envoy to protest': an infinitive of purpose after the object of a verb of meeting or
    calling (words.csv PURPOSE_CONTACT_VERBS: 'telephoned the prime minister to urge him') is the subject's act,
    not the object's (also after a list: 'summoned envoys representing A, B, C and D to
    object'), also with a verb of delivering a protest (words.csv PROTEST_DELIVERY)."""
    return re.compile(r"\b(?:" + word_classes()["PURPOSE_CONTACT_VERBS"] + r")\s+(?:[\w'’.,-]+\s+){1,12}?to\s+"
                      # 'summoned the Argentine ambassador to lodge a protest'
                      r"(?:(?:" + word_classes()["PROTEST_DELIVERY"] + r")\s+"
                      r"(?:a|an|the|its|their|his|her)?\s*(?:[\w-]+\s+)?)?$", re.I)


#: A list closed by unnamed parties of the same kind, right before a relative pronoun: 'the United States and
#: some other countries that imposed sanctions' (the named party heads the clause's subject)
@cache
def _others_of_the_kind() -> re.Pattern[str]:
    return re.compile(r"\s+(?:and|or)\s+(?:some\s+|many\s+|several\s+|a\s+few\s+|a\s+number\s+of\s+)?"
                      r"(?:other|its|their)\s+(?:[\w-]+\s+)?(?:" + word_classes()["STATES"] + r"|allies|partners)\s*")


#: A relative pronoun right before the trigger, with what may stand between ('imports that do not comply').
_RELATIVE_BEFORE = re.compile(r"\s(?:that|which|who)\s+(?:(?:do|does|did|would|will|could|can|may|might|has|have|"
                              r"had|is|are|was|were)\s+)?(?:not\s+|n[o']t\s+|never\s+)?"
                              r"(?:\w+ly\s+|also\s+|now\s+|still\s+)?$")
#: A relative clause opened after a comma and still open at the trigger: ', which the State Department said had'
_WHICH_CLAUSE_BEFORE = re.compile(r",\s*(?:which|who)\b[^,;]*$")
#: A possessive with at most one word after it, right before a trigger: "Moldova's calls", "Ghana's renewed demand"
_OWNED_BEFORE = re.compile(r"['’]s?\s+(?:[a-z]+\s+)?$")
#: A clause break between two offsets
_CLAUSE_MARK = re.compile(r"[,;:]")


#: An apposition naming a party's kind and opening a clause on it: ', a country that maintains', ', a close ally
#: which has'
_DESCRIBED_PARTY_CLAUSE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:country|nation|state|government|power|"
                                     r"neighbou?r|ally|partner)\s+(?:that|which)\s+[^,;:]*$")


_ADVERBIAL_ING = re.compile(r"\b(?:while|when|whilst|after|before|since)\s+$", re.I)


_OURS = re.compile(r"\b(?:our|we|us)\b")
#: A first-person owner right before a noun trigger in a quote: 'My visit to', 'our first trip to'
_FIRST_PERSON_OWNER = re.compile(r"(?:^|[^\w'’])(?:[Mm]y|[Oo]ur)\s+(?:[a-z-]+\s+)?$")


#: How a sentence of running text ends; a headline has no final stop.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s*$")


@cache
def _object_of_verb() -> re.Pattern[str]:
    """A plural of parties (words.csv PLURAL_PARTIES), then a past-tense verb right before a party: the party is
    that verb's object ('lambasted Israel's attacks')."""
    return re.compile(r"\b(?:" + word_classes()["PLURAL_PARTIES"] + r")\s+"
                      r"(?:[a-z]+ly\s+)?[a-z]{3,}ed\s+(?:the\s+)?$")


#: A participle in -ing right before a party: the party is its object ('condemning Russia's aggression')
_GERUND_BEFORE = re.compile(r"\b[a-z]{3,}ing\s+(?:the\s+)?$")
#: A relative clause with a common noun as its subject right before the trigger: 'that the army blamed'
_NOUN_SUBJECT_RELATIVE = re.compile(r"\b(?:that|which|whom)\s+(?:the|its|their)\s+(?:[a-z]+\s+){1,2}$")
#: 'between A and B to' right before the trigger: the purpose of what the parties between them agreed
_BETWEEN_PARTIES_TO = re.compile(r"\bbetween\s+[^,;:.]{1,60}?\s+and\s+[^,;:.]{1,60}?\s+to\s+$")
_BETWEEN_PARTIES_IN = re.compile(r"\bbetween\s+[^,;:.]{1,60}?\s+and\s+[^,;:.]{1,60}?\s+to\s+[a-z]")
#: A clause opened by a conjunction, with a subject of one word and a present or past verb of its own ('as Europe
#: braces for', 'while the bloc prepares to'); the last one before the trigger
_UNNAMED_SUBJECT_CLAUSE = re.compile(r"\b(?:as|while|whereas|although|though)\s+(?:the\s+)?"
                                     r"(?!(?:it|he|she|they|we|well|much|soon|far|long)\s)"
                                     r"(?P<subject>[A-Za-z][a-z-]+)"
                                     r"\s+(?:[a-z]+(?:es|s|ed))\s+(?:for|to|a|an|the|up|with|over|on)\b"
                                     r"(?!.*\b(?:as|while|whereas|although|though)\s)[^;:]*$")
#: A reporting clause after a comma whose verb an adverbial '-ing' phrase follows: ', Rubio said after'
_SAID_AFTER_COMMA = re.compile(r"(?:,|[”\"])\s+(?:[\w.'’-]+\s+){1,5}?(?:said|says|told\s+[\w-]+|added|stated)\s+"
                               r"(?:[\w-]+\s+){0,3}?(?:after|before|while|when|during|following)\s+$")
#: What every match of `_SAID_AFTER_COMMA` ends with, for `ends_with_any`
_SAID_AFTER_COMMA_ENDS = ("after", "before", "while", "when", "during", "following")


#: A series of verb phrases with one subject: 'has removed its envoys, cancelled visas for its citizens, and ended
#: the treaty'; a verb after the first comma belongs to the first verb's subject, not to that verb's object
#: (a quotation may close after the comma: 'branded the UAE an "aggressor state," severed ties')
_SERIES_BEFORE = re.compile(r"\b[a-z]+ed\s+[^,;:]+,[”\"’']?\s*$")
_SERIES_AFTER = re.compile(r"[^;:]*?,?\s+and\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")


@cache
def _aside_before() -> re.Pattern[str]:
    """A comma-enclosed aside opened by a words.csv ADVERBIAL_OPENERS word and an '-ing' verb, right before the
    trigger (', besides expelling the Ugandan envoy, '): the parties inside are what the aside acts on; the
    clause's subject stands before it."""
    return re.compile(r",\s+(?:" + word_classes()["ADVERBIAL_OPENERS"] + r")\s+[a-z]{3,}ing\b[^,;:()]*,\s*$", re.I)


#: Between a person and the country their office is of: ' of', ', President of the Republic of'
_OFFICE_OF_GAP = re.compile(r",?\s+(?:(?:[A-Z][\w-]*|the)\s+){0,3}of\s+(?:the\s+)?"
                            r"(?:(?:Republic|Kingdom|State)\s+of\s+)?")


def _person_of_country(doc: _Doc, mentions: list[Mention], country: Mention) -> Mention:
    """The person a relative clause's antecedent country is named after ('President Hichilema of Zambia, who is on
    a state visit'): the clause is the person's, an official who can travel, not the bare country's."""
    person = next((m for m in mentions if m.type == "person" and m.end < country.start
                   and m.country == country.country and _OFFICE_OF_GAP.fullmatch(doc.text, m.end, country.start)), None)
    return person if person is not None else country


def _verb_series(doc: _Doc, candidate: _Candidate, before: str) -> bool:
    """Whether the trigger is a middle verb of a series 'V1 X, V2 Y, and V3 Z' sharing the clause's subject."""
    return doc.text[candidate.head_start:candidate.head_end].endswith("ed") \
        and _SERIES_BEFORE.search(before[-80:]) is not None \
        and _SERIES_AFTER.match(doc.text, candidate.end, candidate.sentence.end) is not None


def _left_actor(doc: _Doc, candidate: _Candidate, mentions: list[Mention]) -> Mention | None:
    """The acting party nearest before the trigger within its clause.

    Skips prepositional objects ('according to X', 'requests from X'), relative clauses (', which ...,'),
    and, when the verb is coordinated ('... and accused Washington'), goes back to the clause's subject.
    """
    sentence = candidate.sentence
    text = doc.text
    trigger_quoted = doc.quotes.covers(candidate.head_start)
    before = text[sentence.start:candidate.head_start]
    # (the patterns of an instruction and of a decision's owner end in 'to' right before the trigger: most triggers
    # follow no 'to', and those searches are skipped)
    to_before = ends_with_word(before, "to")
    labelled = _SPEAKER_LABEL.match(text, sentence.line_start) is not None
    first_person = _FIRST_PERSON.search(before[-60:]) if trigger_quoted or labelled else None
    pronoun_at = candidate.head_start - len(before[-60:]) + first_person.start() if first_person else 0
    if first_person is not None and not any(
            _can_act(m) for m in mentions if candidate.head_start - 60 <= m.start and m.end <= candidate.head_start
            and (m.start >= pronoun_at or doc.quotes.covers(m.start))
            and not (m.start < pronoun_at and _AT_PLACE_BEFORE.search(text, max(0, m.start - 4), m.start))):
        # (the speaker named before the quotation stands for no other party: 'Verdi said: "We held talks'; nor
        # does a place before the pronoun: '"Today in Muscat we hosted')
        return doc.speaker(sentence)
    if first_person is None and trigger_quoted and first_person_series(before):
        return doc.speaker(sentence)
    if _partners_of_subject(doc, mentions, before, candidate.head_start):
        return None  # 'US trading partners responded with tariffs': the partners act, not the country they are of
    if ends_with_any(before, ("they", "we")) and _REDUCED_RELATIVE.search(before[-40:]):
        return None  # 'to expel 45 Russian diplomats they accuse of spying': the party is in what 'they' act on
    person_match = _PERSON_PRONOUN_SUBJECT.search(before[-50:]) \
        if ends_with_any(before, _PERSON_PRONOUN_ENDS) else None
    if person_match:
        at = candidate.head_start - (len(before[-50:]) - person_match.start())
        names = list(_TWO_NAMES.finditer(text, sentence.start, at))
        if names and not any(m.start <= names[-1].start() < m.end for m in mentions) \
                and not any(at <= m.start and m.end <= candidate.head_start and (_can_act(m) or m.type == "pronoun")
                            for m in mentions):
            # 'released French citizen Olivier Dupont, and he has returned to France': the 'he' of a coordinated
            # clause is the person named last, who the document places nowhere: a private person, acting for no
            # state (not for the first clause's subject)
            return None
    bare = _BARE_PERSON_PRONOUN.search(before[-40:]) if ends_with_any(before, _BARE_PRONOUN_ENDS) else None
    if bare is not None and not any(candidate.head_start - len(before[-40:]) + bare.start() <= m.start
                                    and m.end <= candidate.head_start for m in mentions):
        # 'the statement by the minister, in which she called for the release of Russian activist X': a 'she' that
        # names nobody known is the subject; no party named before it acts
        return None
    if _impersonal_it().search(before[-120:]):
        # 'Trump explained that Russia's war was an emergency and it was therefore necessary to place tariffs on
        # India': a dummy 'it' names no party; the one who explains the need acts, not the owner named before it
        return doc.speaker(sentence)
    it_match = _it_subject().search(before[-50:])
    if it_match:
        it_start = candidate.head_start - (len(before[-50:]) - it_match.start())
        if not any(it_start <= m.start and m.end <= candidate.head_start and _can_act(m) for m in mentions):
            if thing_subject(text, sentence.start, it_start, text[it_start:it_start + 4].split()[0], mentions):
                return None  # 'the bloc leaders decided that they will recall': the bloc's, no country's
            return _last_country_before(doc, it_start)
    if to_before and _instructed().search(before[-60:]):
        # 'guards have been told to remove the attaché, the ministry said': the one who instructs acts through them
        return doc.speaker(sentence)
    handed = _handed_note().search(before[-160:]) if candidate.relation in _SPOKEN \
        and text[candidate.head_start:candidate.head_end].lower().endswith("ing") else None
    if handed is not None:
        # 'Lima handed the Chilean envoy a note demanding an apology': the one who hands the note over says what it
        # says, not the party named last (its receiver)
        at = candidate.head_start - len(before[-160:]) + handed.start()
        return _left_actor(doc, _Candidate(candidate.trigger, sentence, at, at, at, candidate.relation), mentions)
    caused = _caused_subject(doc, candidate, mentions, before)
    if caused is _NOBODY:
        return None
    if caused is not None:
        return caused
    owner = _measure_owner(mentions, sentence.start, before) if candidate.relation in _MEASURES else None
    if owner is _NOBODY:
        return None  # "France backed the EU's tariff increase on Chinese EVs": a union of states owns the measure
    if owner is not None:
        return owner  # "France will bear the brunt of China's responding duty hike": the owner takes the measure
    announced = _SAID_DECISION.search(before) if to_before else None
    if announced is not None:
        # 'Rubio said the decision to revoke visas for South Sudanese came because': the one who explains a decision
        # told without its owner speaks for the side that took it
        sayer = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.start + announced.start()
                 and _can_act(m) and not _after_preposition(doc, m, mentions, sentence.start)]
        if sayer:
            return sayer[-1]
    decided = _possessive_decision().search(before) if to_before else None
    if decided is not None:
        # "Madrid's decision to back Morocco's plan": whoever decided acts, not the sentence's subject
        owner = next((m for m in mentions if m.end == sentence.start + decided.start() and _can_act(m)), None)
        if owner is not None:
            return owner
    decided = _OF_PARTY_DECISION.search(before[-120:]) if to_before else None
    if decided is not None:
        # 'with assurances of the Fijian Government to elevate cooperation': the party after 'of' pledged it
        low = candidate.head_start - len(before[-120:]) + decided.start("party")
        high = candidate.head_start - len(before[-120:]) + decided.end("party")
        owner = next((m for m in mentions if low <= m.start and m.end <= high and _can_act(m)), None)
        if owner is not None:
            return owner
    owned = _OWNED_BEFORE.search(before) if candidate.relation in _SPOKEN else None
    if owned is not None:
        # "in response to Moldova's calls for an inquiry", "Ghana's renewed demand": the owner of what was said
        # said it
        owner = next((m for m in mentions if m.end == sentence.start + owned.start() and _can_act(m)), None)
        if owner is not None:
            return _possessed_person(doc, mentions, owner)
    refusal = _OWNED_BEFORE.search(before) if _refusal_noun().fullmatch(
        text, candidate.head_start, candidate.head_end) else None
    if refusal is not None:
        # "over Gabon's refusal to take back migrants": the refusal's owner refuses, not the clause's subject
        owner = next((m for m in mentions if m.end == sentence.start + refusal.start() and _can_act(m)), None)
        if owner is not None:
            return owner
    owner = refusal_owner(candidate, before, mentions)
    if owner is not None and _can_act(owner):
        return owner  # "over Ghana's refusal to adopt steps that permit returns": the refuser acts
    its = _ITS_ACT.search(before[-80:]) if ends_with_any(before, _ITS_ACT_ENDS) else None
    if its is not None:
        # 'tariffs on Colombia due to its refusal to accept military flights', 'informed Iran of their decision
        # to': the party 'its' stands for acts, the nearest named before it, also after a preposition
        at = candidate.head_start - len(before[-80:]) + its.start()
        earlier = _EARLIER_ITS.search(text, max(sentence.start, at - 60), at)
        if earlier is not None and not _CLAUSE_MARK.search(text, earlier.start(), at):
            # 'over its allegiance to Ukraine and its accusations': both stand for one party, named before the first
            at = earlier.start()
        owner = next((m for m in reversed(mentions) if m.end <= at and _can_act(m) and m.country
                      and m.type in ("country", "organization", "person")), None)
        if owner is not None and at - owner.end <= 40 and not _CLAUSE_MARK.search(doc.text, owner.end, at) \
                and not _TOLD_BEFORE.search(doc.text, max(0, owner.start - 16), owner.start):
            # (after a comma, 'its' is the clause subject's: ', escalating its protest'; and the one told of
            # 'its decision' is not the one who decided)
            return owner
        if before[-80:][its.start():].startswith("its") and owner is not None and owner.type == "person":
            opener = _clause_opener(doc, mentions, sentence.start, at)
            if opener is not None:
                return opener  # 'summon the UK ambassador, Jane Hart, over its claim': 'its' is no person's
    including = _INCLUDING_SUBJECT.match(before) if "including" in before else None  # (words every match holds)
    including = including or (_like_subject().match(before) if may_hold(before, ("like", "such")) else None)
    if including is not None:
        # 'Two dozen countries, including the U.S., have ordered ...': the parties the subject includes act
        members = [m for m in mentions if sentence.start + including.start("list") <= m.start
                   and m.end <= sentence.start + including.end("list") and _can_act(m)]
        if members:
            return members[0]
    if _group_subject().search(before[-80:]):
        return None  # 'a rally where the militia and its allies signed': an armed group acts, no state
    by_owner = _BY_OWNER_OF_ITS.search(before[-120:]) if ends_with_word(before, "to") else None
    if by_owner is not None and not any(
            candidate.head_start - len(before[-120:]) + by_owner.start("owner") <= m.start
            and m.end <= candidate.head_start and _can_act(m) for m in mentions):
        return None  # 'welcomed the announcement by the Palestinian movement of its agreement to free': the
        # announcer after 'by' owns the decision, and names no party; the one who welcomes it does not act
    counted = _counted_states_said().search(before[-160:])
    if counted is not None and not any(
            candidate.head_start - len(before[-160:]) + counted.start("count") <= m.start
            and m.end <= candidate.head_start and _can_act(m) for m in mentions):
        return None  # 'the envoy said three states are close to restoring ties with Qatar': the
        # unnamed states act, not the one who says so
    if _named_group_doing().search(before[-120:]):
        return None  # 'Oman confirmed that the Houthis are to release', 'welcomed the announcement by Hamas of its
        # agreement to release': the named group acts, no state (not the one who reports or welcomes it)
    if to_before and _BETWEEN_PARTIES_TO.search(before[-160:]) \
            or _BETWEEN_PARTIES_IN.search(text, candidate.head_start, candidate.end):
        return None  # 'an agreement between Chile and Bolivia to restore relations': the parties of the agreement
        # carry its purpose, told with the agreement; no one outside it acts
    unnamed = _UNNAMED_SUBJECT_CLAUSE.search(before)
    if unnamed is not None and not any(sentence.start + unnamed.start() <= m.start < candidate.head_start
                                       and _acts_here(doc, m, mentions, sentence, candidate, trigger_quoted)
                                       for m in mentions):
        return None  # 'signed a deal as Europe braces for a cutoff in retaliation for ...': the clause opened by
        # 'as' has a subject of its own that names no party; the main clause's subject does not act in it
    # (the relative clauses below open with 'that', 'which', 'who' or 'whom': a sentence start without them has none)
    relative_word = "that" in before or "wh" in before
    noun_subject = _NOUN_SUBJECT_RELATIVE.search(before) if relative_word else None
    if noun_subject is not None and not any(sentence.start + noun_subject.start() <= m.start < candidate.head_start
                                            for m in mentions):
        return None  # 'strikes on Port Sudan that the army blamed on RSF forces': the clause's own subject names
        # no party, and no party outside it acts here
    described = _DESCRIBED_PARTY_CLAUSE.search(before) if relative_word else None
    if described is not None:
        # 'deported from the United States, a country that maintains sanctions on Venezuela': the clause describes
        # the party named right before its apposition, whatever else leads the sentence
        owner = next((m for m in mentions if m.end == sentence.start + described.start() and _can_act(m)), None)
        if owner is not None:
            return owner
    relative_verb = None
    relative = _WHICH_CLAUSE_BEFORE.search(before) if relative_word else None
    if relative is None and relative_word:
        relative = relative_verb = _RELATIVE_BEFORE.search(before)
    if relative is not None and not _subordinate_subject(doc, mentions, sentence.start + relative.start(),
                                                         candidate.head_start):
        antecedent_end = sentence.start + relative.start()
        antecedents = [m for m in mentions if m.end <= antecedent_end and antecedent_end - m.end <= 30
                       and _can_act(m) and (len(_WORDS_RE.findall(doc.text, m.end, antecedent_end)) <= 1
                                            or _others_of_the_kind().fullmatch(doc.text, m.end, antecedent_end))]
        antecedents = antecedents or _trip_owner(doc, mentions, antecedent_end)
        if antecedents:
            return _person_of_country(doc, mentions, antecedents[-1])  # 'Eswatini, which the State Department said'
        issued = _issued_document().search(before)
        if issued is not None:
            # 'Trump signed an executive order that halted all aid': whoever issued the order acts
            issuer = [m for m in mentions if m.end <= sentence.start + issued.start() and _can_act(m)
                      and not _after_preposition(doc, m, mentions, sentence.start)]
            if issuer:
                return issuer[-1]
        if relative_verb is not None or _RELATIVE_BEFORE.search(before):
            return None  # 'deported them to a homeland that currently refuses them': the clause's subject is
            # its antecedent, which names no party; the main clause's subject does not act here
    absolute = _WITH_SUBJECT.search(before[-60:]) \
        if text[candidate.head_start:candidate.head_end].lower().endswith("ing") else None
    if absolute is not None:
        # ', with Seoul accusing Tokyo of ...', 'declined to comment on Uganda seeking': the party right before the
        # '-ing' verb is its subject, not the main clause's
        at = candidate.head_start - len(before[-60:]) + absolute.end("np")
        owner = next((m for m in mentions if m.end == at and _can_act(m)), None)
        if owner is not None and not any(m.country == owner.country and sentence.start <= m.start < owner.start
                                         and not _after_preposition(doc, m, mentions, sentence.start)
                                         for m in mentions):
            # (one of the parties named before: 'Brazil, Colombia and Chile rejected the raid, with Brasília
            # calling it a violation' words a shared act, which all of them keep; one named as an object does not:
            # 'relations between Brazil and Nicaragua are strained, with Brazil freezing contacts')
            return _possessed_person(doc, mentions, owner)
    # Only the first eligible mention (coordinated verbs) or the last one is wanted: stop at it.
    before_trigger = [m for m in mentions if m.end <= candidate.head_start]
    # ', and accused Washington' and ', accusing them of ...': the subject of the main verb acts
    # (a noun's trigger after 'and' is a coordinated noun, not a verb: 'tariffs and sanctions on the country')
    coordinated = (_vp_coordination().search(before[-40:]) is not None
                   and not candidate.trigger.pattern.startswith("@")) or (
        before.rstrip(" ").endswith(",") and text[candidate.head_start:candidate.head_end].lower().endswith("ing")) \
        or _purpose_after_object().search(before[-120:]) is not None \
        or (before.rstrip(" ").endswith(",") and not _SENTENCE_END.search(sentence.text)) \
        or (_ADVERBIAL_ING.search(before[-12:]) is not None
            and text[candidate.head_start:candidate.head_end].lower().endswith("ing")) \
        or _verb_series(doc, candidate, before)
    # ('... delaying tactics while insisting that': the main clause's subject insists)
    # (a headline joins its verbs with a bare comma: 'Oman and Kuwait recall envoys from Israel, cut ties')
    pronoun_lead = _PRONOUN_CLAUSE_SUBJECT.match(before) if coordinated else None
    if pronoun_lead is not None:
        # 'On Tuesday, it branded the UAE an "aggressor state," severed diplomatic ties': 'it' is the subject of
        # every verb of the series, the party it stands for, not the first verb's object
        subject = _last_country_before(doc, sentence.start + pronoun_lead.start("pronoun"))
        if subject is not None:
            return subject
    if coordinated:
        # 'withdrew its envoys after Bolivian President Arce expressed support and condemned the drill': the
        # subordinate clause's own subject does its coordinated verbs
        opened = [m for m in before_trigger if _SUBORDINATE_SUBJECT.search(text, max(sentence.start, m.start - 20),
                                                                           m.start)]
        if opened:
            before_trigger = [m for m in before_trigger if m.start >= opened[-1].start]
    said = _SAID_AFTER_COMMA.search(before) if ends_with_any(before, _SAID_AFTER_COMMA_ENDS) else None
    if coordinated and said is not None:
        # '"...", Rubio said after meeting with Bukele': the one who said it met, not the quoted clause's subject
        before_trigger = [m for m in before_trigger if m.start >= sentence.start + said.start()]
    if coordinated and before_trigger and _object_of_verb().search(
            text, max(sentence.start, before_trigger[0].start - 20), before_trigger[0].start):
        # 'The three South American countries lambasted Israel's attacks and condemned': the first party named is
        # the first verb's object; the subject names no party
        before_trigger = []
    if coordinated and before_trigger and text[candidate.head_start:candidate.head_end].lower().endswith("ing") \
            and _GERUND_BEFORE.search(text, max(sentence.start, before_trigger[0].start - 20), before_trigger[0].start):
        # 'a vote condemning Russia's aggression and demanding its withdrawal': the first party named is the object
        # of the first participle; the participles' subject (a vote, a resolution) names no party
        before_trigger = []
    aside = _aside_before().search(before[-160:]) if not coordinated and before.rstrip().endswith(",") else None
    if aside is not None:
        # "Nairobi's ministry, besides expelling the Ugandan envoy, recalled its own ambassador": the envoy is the
        # aside's object; the subject named before the aside recalls
        aside_start = candidate.head_start - len(before[-160:]) + aside.start()
        before_trigger = [m for m in before_trigger if m.end <= aside_start]
    chosen = next((m for m in (before_trigger if coordinated else reversed(before_trigger))
                   if _acts_here(doc, m, mentions, sentence, candidate, trigger_quoted)), None)
    opening = _past_dateline(doc, before, candidate.head_start)
    if chosen is None and _OPENING_PHRASE.search(opening) and not _OWN_SUBJECT.search(opening):
        comma = doc.text.find(",", candidate.end, sentence.end)
        if comma != -1:
            comma = past_place_aside(doc.text, comma, sentence.end)  # '..., just outside Jakarta, Ishiba pledged'
        named = doc.text.find(",", comma + 1, sentence.end) \
            if comma != -1 and _named_counterpart().search(doc.text, candidate.end, comma) else -1
        if named != -1 and _SET_OFF_NAME.fullmatch(doc.text, comma + 1, named):
            # 'alongside his Ghanaian counterpart, President John Mahama, in Accra, Nigeria's president said': the
            # name set off after the counterpart is the counterpart's; the main clause opens after it
            comma = named
        if comma != -1:
            after = [m for m in mentions if m.start > comma and _can_act(m) and not _modifies_noun(doc, m)
                     and not _after_preposition(doc, m, mentions, sentence.start)]
            if after:
                return after[0]  # the subject of the main clause does what the opening phrase says
    if chosen is None and trigger_quoted and (
            _OURS.search(text, candidate.head_start, candidate.end)
            or _FIRST_PERSON_OWNER.search(text, max(sentence.start, candidate.head_start - 24), candidate.head_start)):
        # '"... it has been decided to recall our ambassador," the ministry said'; '"My visit to Cairo marked a
        # turning point," Erdogan said': the speaker's own act
        return doc.speaker(sentence)
    if chosen is None:
        agents = [m for m in before_trigger if _can_act(m)
                  and _BY_AGENT.search(text[max(sentence.start, m.start - 30):m.start])]
        return agents[-1] if agents else None
    # With '..., and accused Washington' the subject of the first verb acts, not its object.
    return _possessed_person(doc, mentions, chosen)


#: An opening phrase still open at the trigger ('During talks with', 'On Monday, during a visit to', 'Later,
#: addressing a joint press conference with', 'Last week during a visit to', after a time): the subject
#: of the main clause after it does what it says. In 'On Friday, Okafor received A, B and C' the phrase closed
#: before the verb, and the guests after the next comma are its objects, not its subject.
_OPENING_PHRASE = re.compile(r"(?:^\W*(?:(?:Last|This|Earlier\s+this|Later\s+that|Earlier\s+that)\s+[A-Za-z]+,?\s+"
                             r"(?:during|while|after|before|at|on)|During|On|In|While|After|Before|Ahead\s+of|At|"
                             r"(?:(?:Later|Earlier|Afterwards|Then),\s*)?(?i:[a-z]{3,}ing))|"
                             r",\s*(?:during|while|after|before|ahead\s+of|in|at|on))\b[^,]*$")


def _past_dateline(doc: _Doc, before: str, at: int) -> str:
    """The sentence's words before `at` after a dateline that opens it ('TEHRAN, Feb. 25 (MNA) – Speaking at a
    joint press conference with ...'): the place and date the report was filed from are no part of its first
    sentence, which still opens with its own phrase."""
    if 0 <= doc.dateline_end <= at and at - len(before) <= doc.dateline_start:
        return doc.text[doc.dateline_end:at]
    return before


#: A name set off by commas: capitalised words only, a title's among them ('President Hon. John Mahama')
_SET_OFF_NAME = re.compile(r"(?:\s+[A-Z][\w.'’-]*){2,7}\s*")


@cache
def _named_counterpart() -> re.Pattern[str]:
    """The opening phrase ends in a noun of the other side (words.csv COUNTERPART_NOUNS), which a name set off by
    commas follows ('alongside his Australian counterpart, Prime Minister X,')."""
    return re.compile(r"\b(?:" + word_classes()["COUNTERPART_NOUNS"] + r")$", re.I)


#: A clause of its own with a named subject and an '-ing' verb: ', with Seoul accusing', 'comment on Uganda seeking',
#: ', with authorities in Benin accusing'
#: (an adverb in '-ly' may come between them: ', with India squarely blaming')
_WITH_SUBJECT = re.compile(r"(?:(?:^|[,;(]\s*|\s—\s*)with|\b(?:[Oo]n|[Aa]bout|[Oo]ver))\s+"
                           r"(?:(?:the\s+)?(?:authorities|officials|prosecutors|police)\s+in\s+)?"
                           r"(?P<np>(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+"
                           r"(?:(?:also|now|still|repeatedly|openly|[a-z]{3,}ly)\s+)?$")


#: A subordinating conjunction right before a party: the subject of a clause of its own
_SUBORDINATE_SUBJECT = re.compile(r"\b(?:after|when|because|while|since|before|until|although|though|whereas)\s+"
                                  r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}$")


#: 'While other countries in the region have raised concerns': the opening clause has a subject and a verb of its
#: own, so the main clause's subject is not the one acting in it
_OWN_SUBJECT = re.compile(r"^\W*(?:While|After|Before|As|Although)\s+(?:\w+\s+){2,}(?:have|has|had|were|was|are|is|"
                          r"did|do|does|will|would|could|may)\s+(?:\w+\s+)?$")
