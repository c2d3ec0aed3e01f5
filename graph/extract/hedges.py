"""Whether a trigger's act is only wished, guessed, asked for or set on a condition (`_in_condition`), a
step threatened rather than taken (`threatened_step`) or a guess (`speculated`).

Negation (negation.py) reads whether an act is denied; this step reads whether it is stated at all: 'if Spain
expels the envoy', 'she hoped to sign', 'analysts say Peru may recall', 'urged him to visit Lima', 'should he
refuse'. Such an act is no event, or one in its own mode. Kept apart from negation because these readings look
at the clause around the trigger for condition and hedge words, not at a negation cue.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.actors.knowledge import word_lists
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.lexicon import _cue
from graph.words import ends_with_any, ends_with_word, literal_ends

_CONDITION_WORD = re.compile(r"\b(?:if|unless|whether|until|in\s+exchange\s+for|in\s+return\s+for)\b", re.I)
_CALL_FOR = re.compile(r"calls?\s+for\b", re.I)
_OPENING_CONDITION = re.compile(r"\s*(?:[Ii]f|[Uu]nless)\b")
_HOPED_TO = re.compile(r"\bhop(?:e|es|ed|ing)\s+to\s+(?:[\w'’-]+\s+){0,2}$", re.I)  #: 'she hoped to sign'
#: 'should he not accept', 'Should Panama fail to act': 'should' before its subject makes a condition (or a
#: question), never a statement
#: 'we expect that Dhaka will ', 'expects Ottawa to ': another's act the subject only expects (a trip or a meeting
#: expected is planned, and is not looked for here)
_EXPECTED_OF_ANOTHER = re.compile(r"\bexpect(?:s|ed|ing)?\s+(?:that\s+)?(?!to\b)(?:[\w'’.-]+\s+){1,4}?"
                                  r"(?:(?:will|would|to)\s+(?:\w+ly\s+)?)?$", re.I)
_INVERTED_SHOULD = re.compile(r"\b[Ss]hould\s+(?:he|she|it|they|we|you|[A-Z][\w.'’-]+)\b")


@cache
def _hedge() -> re.Pattern[str]:
    """Before a trigger, what makes its act wished for, guessed at or unreal: 'hoped (that)', 'speculating that',
    'would have received', 'could, in theory, demand', 'a move that could see ... leave', 'under heavy pressure to
    receive', 'efforts aimed at reaching', 'had been due to'; a guess of onlookers (words.csv GUESSERS, GUESS_VERBS:
    'economists warn that Washington may'); an attempt to coerce (ATTEMPT_WORDINGS, COERCING_VERBS), any supposed
    attempt (SUPPOSED_ATTEMPTS), what was due (DUE_WORDS), a call for something (CALL_FOR_VERBS, ASKED_FOR_WORDS)."""
    classes = word_classes()
    return re.compile(r"\b(?:hop(?:e|es|ed|ing)|wish(?:es|ed|ing)?|speculat\w*)\b(?!\s+(?:for|to)\b)[^.;:]*$"
                      r"|\bwould\s+have\s+(?:\w+ly\s+)?$|\b(?:in\s+theory|theoretically|hypothetically)\b[^.;:]*$"
                      # 'a decision that might see the foreign soldiers go home': an outcome guessed at, no act
                      r"|\b(?:could|may|might)\s+(?:well\s+|eventually\s+|also\s+)?see\s+[^.;:,]*$"
                      r"|\b(?:eager|keen|anxious|longing)\s+to\s+$"
                      # 'economists warn that Washington may', 'some fear Russia could': a guess of onlookers, no act
                      r"|\b(?:" + classes["GUESSERS"] + r")\s+(?:\w+\s+){0,2}?(?:" + classes["GUESS_VERBS"] + r")\w*\s+"
                      r"(?:that\s+)?[^.;:]*$"
                      r"|\bfalsely\s+(?:" + classes["FALSE_CLAIM_VERBS"] + r")\w*\s+(?:that\s+)?[^.;:]*$"
                      r"|\bpressure\s+to\s+(?:\w+ly\s+)?$"
                      # 'an attempt to force Albania's recognition of Kosovo': what an attempt would force, not done
                      r"|\b(?:" + classes["ATTEMPT_WORDINGS"] + r")\s+to\s+(?:" + classes["COERCING_VERBS"] + r")\s+"
                      r"(?:[\w'’.-]+\s+){0,3}$"
                      r"|\baimed\s+at\s+$"
                      # 'a firm reply to any bid by Caracas to annex': an act only supposed, any one
                      r"|\bany\s+(?:further\s+|future\s+|such\s+)?(?:" + classes["SUPPOSED_ATTEMPTS"] + r")"
                      r"\s+(?:by\s+(?:the\s+)?(?:[\w'’.-]+\s+){1,3})?to\s+(?:\w+ly\s+)?$"
                      # 'had been due to be deported', 'was supposed to visit', 'was to have hosted': planned, not done
                      r"|\bhad\s+been\s+(?:" + classes["DUE_WORDS"] + r")\s+to\s+(?:be\s+)?$"
                      r"|\b(?:was|were)\s+(?:supposed\s+to\s+(?:have\s+)?|to\s+have\s+)(?:been\s+|be\s+)?$"
                      # 'called for peace talks between', 'urged a ceasefire': asked for, not held
                      r"|\b(?:" + classes["CALL_FOR_VERBS"] + r")\s+for\s+"
                      r"(?:(?:" + classes["ASKED_FOR_WORDS"] + r")\s+)*$", re.I)


@cache
def _onlookers_act_ends() -> tuple[str, ...] | None:
    """What every match of `_onlookers_act_pattern` ends with, for `ends_with_any` (None: no such words)."""
    ends = literal_ends(word_lists()["ONLOOKERS"])
    return None if ends is None else (*ends, "have", "had", "also")


@cache
def _onlookers_act_pattern() -> re.Pattern[str]:
    """Onlookers (words.csv ONLOOKERS) as the subject right before a trigger ('experts have accused'): their
    judgement, no party's act."""
    return re.compile(r"\b(?:" + word_classes()["ONLOOKERS"] + r")\s+(?:have\s+|had\s+|also\s+)?$", re.I)


#: What ends a list before its last member ('Congo, the United States and U.N.'): 'and', a few capitalised words
_LAST_CONJUNCT = re.compile(r"(?:,\s*|\s+)and\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$")


def _onlookers_act(doc: _Doc, clause_start: int, at: int) -> bool:
    """Whether onlookers are the subject of the trigger at `at`. Onlookers listed after parties ('Congo, the
    United States and U.N. experts accuse Rwanda') leave the act to the parties: a country mention ends right
    before the 'and' that adds them."""
    low = max(clause_start, at - 90)
    match = _onlookers_act_pattern().search(doc.text, low, at) \
        if ends_with_any(doc.text[low:at], _onlookers_act_ends()) else None
    if match is None:
        return False
    joined = _LAST_CONJUNCT.search(doc.text, max(clause_start, match.start() - 40), match.start())
    if joined is None:
        return True
    return not any(m.type == "country" and m.end == joined.start() for m in doc.actors.between(joined.start() - 80,
                                                                                                joined.start()))


@cache
def _asked_to_go_pattern() -> re.Pattern[str]:
    """A trip asked of someone named: 'urged Lula to attend the summit in Manila', 'pressed Ruto to visit' (no
    visit); the trip verbs are words.csv TRIP_ASKED, in lower case."""
    return re.compile(r"\b(?:[Uu]rg(?:e|es|ed|ing)|[Ee]ncourag(?:e|es|ed|ing)|[Pp]ress(?:es|ed|ing)?)\s+"
                      r"(?:[A-Z][\w.'’-]*\s+){1,3}to\s+(?:" + word_classes()["TRIP_ASKED"] + r")\b[^.;:]*$")


#: What one party asks another not to do: 'asked Fiji's premier "respectfully" to consider not signing', 'urged
#: Tonga not to join'
_ASKED_NOT_TO = re.compile(r"\b(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|encourag(?:e|es|ed|ing)|"
                           r"request(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on|appeal(?:s|ed|ing)?\s+to)\s+"
                           r"[^.;:]{0,100}?\bto\s+(?:(?:consider|reconsider|think\s+about)\s+)?not\s+(?:to\s+)?$",
                           re.I)


@cache
def _trip_in_question() -> re.Pattern[str]:
    """'whether' or 'if', then the words of one clause (words.csv TRIP_IN_QUESTION); a period only after a lone
    capital ('whether the U.S. delegation would attend')."""
    return re.compile(r"\b(?:" + word_classes()["TRIP_IN_QUESTION"] + r")\s+"
                      r"(?:[^,;:.!?\"“”]|(?<=\b(?-i:[A-Z]))\.){0,100}$", re.I)


def _trip_asked_about(text: str, start: int, at: int) -> bool:
    """Whether the clause before `at` asks or supposes a trip ('declined to say whether Li would attend the summit
    in', 'if he attended a summit in'): whoever it names is not told to be there."""
    found = _trip_in_question().search(text, max(start, at - 100), at)
    return found is not None and len(found.group().split()) <= 15


def _asked_to_go(text: str, start: int, at: int) -> bool:
    """Whether the clause before `at` asks a named person to travel: the trip is wished for, not made."""
    return _asked_to_go_pattern().search(text, max(start, at - 90), at) is not None


@cache
def _asked_release() -> re.Pattern[str]:
    """A release asked or worked for rather than made: 'demanded the immediate release of', 'called for the freeing
    of', 'was mediating the release of' (a mediation under way; 'mediated the release' tells it done); how soon or
    how it is asked for is words.csv RELEASE_MANNER."""
    return re.compile(r"\b(?:demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|seek(?:s|ing)?|sought|negotiat\w+|"
                      r"mediat(?:e|es|ing)|insist\w*\s+on|(?:press|push|call|appeal|ask|work|campaign|support)"
                      r"(?:s|es|ed|ing)?\s+for|backing\s+for)\s+"
                      r"(?:the\s+)?[\"“]?(?:(?:" + word_classes()["RELEASE_MANNER"] + r")\s+(?:and\s+)?)*$", re.I)


@cache
def _content_of_terms() -> re.Pattern[str]:
    """A list of what is asked or offered (words.csv TERMS_NOUNS, or 'list of ...'), told as its contents
    (CONTENTS_TOLD): 'The demands included X ending ...', 'the conditions were that'. The acts in it are asked
    for, not done."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["TERMS_NOUNS"] + r"|list\s+of\s+\w+)\s+"
                      r"(?:[\w-]+\s+){0,3}?(?:" + classes["CONTENTS_TOLD"] + r")\b[^.;]*$", re.I)


#: 'Washington may dismiss the threats': a guess at what a party might do; a refusal or a charge only guessed at is
#: none (a threat or a visit that may come is still told: those stay)
_GUESSED = re.compile(r"\b(?:may|might)\s+(?:well\s+|also\s+|yet\s+|still\s+|even\s+)?$", re.I)
_GUESSED_RELATIONS = frozenset({"rejects", "accuses"})
#: A question opened by an auxiliary verb ('Could the White House aim for a deal that ...?'): asked, not told
_AUXILIARY_QUESTION = re.compile(r"[\"“‘']?(?:Could|Would|Will|Can|Should|Might|May|Is|Are|Was|Were|Does|Do|Did|"
                                 r"Has|Have|Had|Shall)\s[^\n]*\?[\"”’']?\s*$")


@cache
def _wh_question() -> re.Pattern[str]:
    """A question word (words.csv WH_WORDS) opening the sentence or a clause of it: 'Why did Ghana expel ...?'"""
    return re.compile(r"(?:^|[,;:—–]\s*)[\"“‘']?(?:" + word_classes()["WH_WORDS"] + r")\b", re.I)


def _statement_asked(doc: _Doc, candidate: _Candidate) -> bool:
    """'China frees Japanese executive after three-year detention?': a statement that ends in a question mark, with
    no quotation in it, asks whether it holds rather than telling it. A question opened by a question word ('Why
    did Ghana expel ...?') takes its act as told, and so is left alone; so is one its own line goes on to answer
    ('... cuts ties with Iran? Kyiv says no, downgrades instead'), whose answer says what became of the act."""
    sentence = candidate.sentence
    stripped = sentence.text.rstrip()
    if not stripped.endswith("?") or any(mark in stripped for mark in "\"“”") \
            or _wh_question().search(stripped) is not None:
        return False
    line_end = doc.text.find("\n", sentence.end)
    return not doc.text[sentence.end:line_end if line_end != -1 else len(doc.text)].strip()


@cache
def _onlookers_say() -> re.Pattern[str]:
    """Onlookers (words.csv ONLOOKERS_SAYING) saying what they think: what they judge ('a provocation', 'a hostile
    act') is no party's charge. Their verbs of saying are words.csv OPINION_VERBS, or 'told' someone."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["ONLOOKERS_SAYING"] + r")\s+(?:\w+\s+){0,2}?(?:" + classes["OPINION_VERBS"]
                      + r"|told\s+\w+)\s+(?:that\s+)?[^.;:]*$", re.I)


@cache
def _refused_content() -> re.Pattern[str]:
    """A refusal, then in the same clause a deal, demand or plan (words.csv AGREEMENT, ANSWERED) whose aim follows
    in a 'to' clause: 'refused to sign a deal to', 'refused to comply with the demand of Niger's junta to'. What
    the refused thing would bring about is not done."""
    classes = word_classes()
    word = r"(?!(?:and|but|while|as|after|before|saying)\b)[\w'’.-]+\s+"
    return re.compile(r"(?<![\w'’-])(?:" + classes["REFUSE"] + r")\s+(?:" + word + r"){0,8}?(?:" + classes["AGREEMENT"]
                      + "|" + classes["ANSWERED"] + r")\s+(?:" + word + r"){0,4}?to\s+$", re.I)


#: What a speaker may say to a party on a condition, and still say it
_WARNED_ON_CONDITION = frozenset(("threatened", "threatenedSanctions", "threatenedExpulsion", "demands"))


def _in_condition(doc: _Doc, candidate: _Candidate) -> bool:
    """True when the trigger sits inside an if/unless clause: a condition, not an act."""
    clause_start = candidate.sentence.start
    before = doc.text[clause_start:candidate.head_start]
    last_break = max(before.rfind(","), before.rfind(";"))
    clause = before[last_break + 1:] if last_break != -1 else before
    if _CONDITION_WORD.search(clause):
        return True
    if _AUXILIARY_QUESTION.match(candidate.sentence.text) or _statement_asked(doc, candidate):
        return True  # 'Could the White House aim for a deal ... that chips away at Havana's ties with Moscow?'
    if candidate.relation in _GUESSED_RELATIONS \
            and _GUESSED.search(doc.text, max(clause_start, candidate.head_start - 20), candidate.head_start):
        return True  # 'The US may dismiss the threats': a guess, no refusal
    if _INVERTED_SHOULD.search(clause):
        return True  # 'the consequences he would face should he not accept the return': a condition
    if candidate.relation == "releasesDetainees" \
            and _asked_release().search(doc.text, max(clause_start, candidate.head_start - 60), candidate.head_start):
        return True  # 'demanded the immediate release of two nationals held in Iran': asked for, not done
    if candidate.relation not in ("demands", "rejects") \
            and _CALL_FOR.match(doc.text[candidate.head_start:candidate.end]):
        return True  # 'its call for peace talks between Laos and Cambodia': talks asked for, not held
    if candidate.relation != "demands" \
            and _ASKED_NOT_TO.search(doc.text, max(clause_start, candidate.head_start - 120), candidate.head_start):
        return True  # 'to ask Prime Minister X to consider not signing the pact': a refusal asked for, not made
    if candidate.relation in ("visits", "meetsWith") and _asked_to_go(doc.text, clause_start, candidate.head_start):
        return True  # 'urged Lula to visit Manila': a trip asked for, not made
    if _hedge().search(doc.text, max(clause_start, candidate.head_start - 90), candidate.head_start) \
            or candidate.relation not in ("visits", "meetsWith") \
            and _HOPED_TO.search(doc.text, max(clause_start, candidate.head_start - 40), candidate.head_start):
        return True  # 'hoped the meeting would lead to talks', 'would have received': wished, guessed or unreal ('hoped
        # to sign return deals with Iraq' is an aim, while a trip hoped for is planned)
    if candidate.relation not in ("visits", "meetsWith") and _EXPECTED_OF_ANOTHER.search(
            doc.text, max(clause_start, candidate.head_start - 60), candidate.head_start):
        return True  # '"We expect that Dhaka will reciprocate," the ministry said': expected of another, not done
    if _onlookers_act(doc, clause_start, candidate.head_start):
        return True  # 'analysts have accused': an onlooker's judgement, no party's act
    if "speaker" in candidate.trigger.actor and _onlookers_say().search(doc.text, clause_start, candidate.head_start):
        return True  # 'Experts said that Peru's move is a provocation against Chile': an onlooker's judgement
    if _content_of_terms().search(before) and candidate.relation != "demands":
        return True  # 'the demands included Asmara ending support for the rebels, downgrading ties with Sudan'
    if candidate.relation not in ("demands", "rejects") and ends_with_word(before, "to") \
            and _refused_content().search(doc.text, max(clause_start, candidate.head_start - 120),
                                          candidate.head_start):
        return True  # 'refused to sign a deal to normalise relations with': the refused deal's aim is not reached
    # (a warning or a demand after the condition is the speaker's act, conditional in mode: 'If Chile persists,
    # Peru will respond'; anything else told after it is only what would happen)
    return bool(last_break != -1 and _OPENING_CONDITION.match(before)) \
        and candidate.relation not in _WARNED_ON_CONDITION


#: A threat verb or noun governing the verb after 'to': 'threatened in August to end', 'the threat to scrap'
_THREAT_TO = re.compile(r"\bthreat(?:en|ens|ened|ening|s)?\b(?:\s+[\w'’-]+){0,3}?\s+to\s+(?:[a-z]+ly\s+)?$", re.I)
#: A promise of what will come right before the verb ('would review', 'will suspend'), not a guess ('could')
_PROMISED = re.compile(r"\b(?:will|would|shall|'ll|’ll)\s+(?:[a-z]+ly\s+)?$", re.I)


def threatened_step(doc: _Doc, candidate: _Candidate, mode: str) -> bool:
    """Whether a reduction of ties is only threatened: a threat governs its verb ('threatened in August to end the
    1954 treaty'), or it is promised on a condition ('would review the accord with Algiers if passes kept being
    refused'). The step has not been taken; the threat is what the sentence states (the gold files' convention: a
    threat to cut ties is a threat). A guess ('could downgrade ties') threatens nothing."""
    if candidate.relation != "reducesCooperation" or candidate.negated:
        return False
    before = doc.text[max(candidate.sentence.start, candidate.head_start - 60):candidate.head_start]
    if _THREAT_TO.search(before):
        return True
    return mode == "conditional" and _PROMISED.search(before) is not None


#: A guess right before the trigger's verb: 'could restrict', 'might one day push', 'may well ask'
_GUESSED_BEFORE = re.compile(r"\b(?:could|might|may)\s+(?:[\w-]+\s+){0,2}$", re.I)


def speculated(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the act is only an onlooker's guess: a 'could', 'might' or 'may' right before its verb, in a sentence
    whose sayer is an analyst, commentator or other onlooker (words.csv SPECULATORS: 'Analysts at a Singapore bank
    said China could restrict rare-earth exports to Japan'). No state has said or done it: no stance."""
    sentence = candidate.sentence
    before = doc.text[max(sentence.start, candidate.head_start - 40):candidate.head_start]
    return _GUESSED_BEFORE.search(before) is not None \
        and _cue("SPECULATORS").search(doc.text, sentence.start, sentence.end) is not None
