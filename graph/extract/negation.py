"""Whether a trigger's act holds: negation and refusal (`_apply_negation` flips the relation or drops it),
if/unless conditions (`_in_condition`) and acts called off (`_called_off`).
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.actors.knowledge import word_lists
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.lexicon import _cue
from graph.words import ends_with_any, ends_with_word, literal_ends, literal_starts, may_hold

#: Patterns of the checks below, compiled once (they run for every trigger match)
_CLAUSE_STOP = re.compile(r"[;:]|,\s+(?:but|while)\b")
_COMMA_BREAK = re.compile(r"[,;]\s")
_AND = re.compile(r"\band\b")
_CLAUSE_SPLIT = re.compile(r"[;:,]")
_CONDITION_WORD = re.compile(r"\b(?:if|unless|whether|until|in\s+exchange\s+for|in\s+return\s+for)\b", re.I)
_CALL_FOR = re.compile(r"calls?\s+for\b", re.I)
_OPENING_CONDITION = re.compile(r"\s*(?:[Ii]f|[Uu]nless)\b")
_CALLED_OFF = re.compile(r"\b(?:called\s+off|cancell?ed|postponed|scrapped|put\s+off|shelved|cut\s+short|"
                         r"not\s+welcome|disinvited"
                         # 'talks between them have not yet taken place': none held
                         r"|(?:have|has|had)\s+not\s+(?:yet\s+)?(?:taken\s+place|been\s+held)"
                         r"|(?:did\s+not|never)\s+(?:take\s+place|happen))\b", re.I)


def _called_off(doc: _Doc, candidate: _Candidate) -> bool:
    """'A visit by the deputy prime minister was called off', 'postponed a planned visit': no visit took place;
    'boycotted the G20 meeting in Johannesburg': nor was the one who stayed away there."""
    if _called_off_before().search(doc.text, max(candidate.sentence.start, candidate.head_start - 40),
                                   candidate.head_start) or _stayed_away(doc, candidate.sentence.start,
                                                                       candidate.head_start):
        return True
    clause_end = candidate.sentence.end
    following = doc.text[candidate.end:clause_end]
    stop = _CLAUSE_STOP.search(following)
    return _CALLED_OFF.search(following[: stop.start()] if stop else following) is not None


#: 'they held only separate meetings with the envoy', 'met separately', 'did not meet': no meeting of the two
_MET_APART = re.compile(r"\bseparate(?:ly)?\s+(?:meetings|talks|sessions|consultations)\b"
                        r"|\bmet\s+(?:only\s+)?separately\b|\b(?:did\s+not|didn['’]t|never)\s+meet\b", re.I)


def _met_apart(doc: _Doc, candidate: _Candidate) -> bool:
    """'The leaders were in Geneva for a meeting. However, they held only separate meetings with the envoy': a
    meeting whose own or next sentence says the parties met apart or not at all did not bring them together
    (though each was there)."""
    if candidate.relation != "meetsWith":
        return False
    index = candidate.sentence.index
    end = doc.sentences[index + 1].end if index + 1 < len(doc.sentences) else candidate.sentence.end
    return _MET_APART.search(doc.text, candidate.end, end) is not None


@cache
def _called_off_before() -> re.Pattern[str]:
    """Words that call off what follows (words.csv CALLING_OFF: 'postponed a planned visit', 'the cancellation of
    the summit'), also its signing ('postponed the signing of a gas deal between': no deal was made)."""
    return re.compile(r"\b(?:" + word_classes()["CALLING_OFF"] + r")\s+(?:a\s+|the\s+|his\s+|her\s+|its\s+|their\s+)?"
                      r"(?:planned\s+|scheduled\s+|upcoming\s+|state\s+|official\s+|[A-Z]\w+\s+)?"
                      r"(?:(?:signing|conclusion|initialling|initialing)\s+of\s+(?:an?\s+|the\s+)?"
                      r"(?:[\w-]+\s+){0,2}?)?$", re.I)


#: 'boycotted a G20 foreign ministers' meeting', 'skipped the summit', 'stayed away from the talks'
_STAYED_AWAY = re.compile(r"\b(?:boycott(?:s|ed|ing)?|skip(?:s|ped|ping)|st(?:ay|ays|ayed|aying)\s+away\s+from|"
                          r"snub(?:s|bed|bing)|(?:did\s+not|didn't|will\s+not|won't)\s+attend)\s+"
                          r"(?:[\w'’-]+\s+){0,8}?$", re.I)


def _signing_called_off(doc: _Doc, candidate: _Candidate) -> bool:
    """'postponed the signing of a gas deal between the two neighbours': the deal was not made."""
    return _called_off_before().search(doc.text, max(candidate.sentence.start, candidate.head_start - 70),
                                       candidate.head_start) is not None


def _stayed_away(doc: _Doc, start: int, at: int) -> bool:
    """Whether the clause before `at` says its subject boycotted or skipped what follows."""
    window = doc.text[max(start, at - 70):at]
    return bool(_STAYED_AWAY.search(window)) and not _COMMA_BREAK.search(window[_STAYED_AWAY.search(window).end():])


_CLAUSE_BREAK_BEFORE = re.compile(r"(?:[,;:—–]|\bbut\b)(?!.*(?:[,;:—–]|\bbut\b))", re.S)


@cache
def _not_negation() -> re.Pattern[str]:
    """Phrases that hold a negation word without negating the act ('not only', 'without delay', 'without
    conditions': words.csv NOT_NEGATION); their negation words are removed before negation is looked for."""
    return re.compile(r"(?<![\w'’])" + word_classes()["NOT_NEGATION"] + r"(?![\w-])", re.I)


#: A word for the distance from a negation to its trigger: a hyphenated compound counts once ('has not yet had a
#: large-scale meeting': the adjective is one word)
_NEGATION_WORD = re.compile(r"\w[\w'’]*(?:-[\w'’]+)*")


#: The determiner 'no' right before a trigger's noun: 'allows no interference', 'there was no agreement'
_NO_BEFORE = re.compile(r"(?<![\w'’-])no\s+$", re.I)
#: ... or right before the last noun of a trigger's wording: 'signed no agreement', 'reached no deal with'
_NO_BEFORE_LAST = re.compile(r"\sno\s+(?!longer\b)(?:[\w-]+\s+)?[\w'’-]+(?:\s+(?:with|to|for|on|of))?$", re.I)
#: An object that names no one ('blamed nobody', 'accused no country'): the act has no party to be done to
_NOBODY_AFTER = re.compile(r"\s+(?:nobody|no\s+one|no-one|no\s+(?:country|countries|state|states|government|"
                           r"governments|party|side))\b", re.I)


@cache
def _reversed_before() -> re.Pattern[str]:
    """A decision, plan or threat (words.csv UNDONE_THINGS) taken back (REVERSING), right before the act it was
    about: 'reversed its decision to reject', 'dropped its threat to impose', 'backtracked on its plan to expel'.
    The act is told as undone."""
    classes = word_classes()
    return re.compile(r"\b(?:" + classes["REVERSING"] + r")\s+(?:(?:his|her|its|their|the|a|an|earlier|previous|"
                      r"initial)\s+)*(?:" + classes["UNDONE_THINGS"] + r")\s+(?:to\s+|of\s+)?(?:[\w'’-]+\s+)?$", re.I)
#: Relations that tell a change of course themselves: the reversal is their content, not what undoes them
_SHIFTS = frozenset({"shiftsTowardCooperation"})


@cache
def _reversed_right_before() -> re.Pattern[str]:
    """A reversal (words.csv REVERSING) right before a trigger that names the stance itself (UNDONE_HEADS: 'a
    U-turn on its refusal to take back deportees', 'dropped its ban on deportation flights')."""
    return re.compile(r"\b(?:" + word_classes()["REVERSING"] + r")\s+(?:(?:his|her|its|their|the|a|an|earlier|"
                      r"previous|initial)\s+)*$", re.I)


def _stance_reversed(doc: _Doc, candidate: _Candidate, window: str) -> bool:
    """Whether the trigger's own stance is taken back right before it: the refusal or ban no longer stands."""
    return doc.text[candidate.head_start:candidate.head_end].split(" ", 1)[0].lower() in word_lists()["UNDONE_HEADS"] \
        and _reversed_right_before().search(window) is not None

#: A passive of hindering between a trigger's subject and its verb ('planes ... were blocked from landing',
#: 'deportees were not allowed to disembark'): the act the trigger names did not happen
_BLOCKED_INSIDE = re.compile(r"\b(?:was|were|been|being|is|are|get|got)\s+(?:\w+ly\s+)?(?:blocked|barred|"
                             r"prevented|stopped|banned|kept|turned\s+away|refused\s+permission|denied\s+permission|"
                             r"not\s+(?:allowed|permitted|cleared))\s+(?:from|to)\s+[\w'’-]+$", re.I)


@cache
def _hindered_before() -> re.Pattern[str]:
    """A hindering verb (words.csv HINDERING_STEMS) whose object is kept from the act the trigger names: 'the
    dispute has prevented the two countries from signing a peace treaty', 'kept Kigali from joining': the act did
    not happen, nor was it refused."""
    return re.compile(r"\b(?:" + word_classes()["HINDERING_STEMS"] + r")(?:s|ed|ing|e|es)?\s+(?:[\w'’-]+\s+){0,5}?"
                      r"from\s+$", re.I)


#: 'no longer' right before the verb: a part taken until now is given up
_NO_LONGER = re.compile(r"\bno\s+longer\s+(?:\w+\s+)?$", re.I)
#: taking part in something with others ('participate in', 'take part in', 'join')
_TAKING_PART = re.compile(r"(?:participate|take\s+part|be\s+part|be\s+a\s+member)\b", re.I)


@cache
def _undone_starts() -> tuple[str, ...]:
    """The words one of words.csv UNDONE_THINGS starts with, worked out once rather than at every trigger match."""
    return literal_starts(word_lists()["UNDONE_THINGS"])


def _plan_denied(tail: str) -> bool:
    """A plan said not to exist (words.csv NO_PLANS) within four words before the trigger: 'had no plans to
    recall its ambassador', 'no question of New Delhi downgrading ties'. Unlike 'not', it tells of no refusal
    ('no intention of signing a new agreement' rejects no one), so the act is dropped rather than flipped."""
    return any(len(_NEGATION_WORD.findall(tail, match.end())) <= 4 for match in _cue("NO_PLANS").finditer(tail))


#: Relations of acts a sentence may go on to say are not set
_SETTLED_ACTS = frozenset({"meetsWith", "visits", "agreesToCooperate", "acceptsDeportees", "releasesDetainees"})


def _unsettled_after(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the rest of the sentence says the act is not set (words.csv UNSETTLED_AFTER: 'could meet next month,
    though nothing has been scheduled', 'talk of a swap was "premature"'): neither done nor planned, nor refused."""
    return candidate.trigger.relation in _SETTLED_ACTS \
        and _cue("UNSETTLED_AFTER").search(doc.text, candidate.head_end, candidate.sentence.end) is not None


#: 'refused to let', 'would not allow': a refusal whose object is told by the clause after the verb of letting
_LET_AFTER = re.compile(r"\s+to\s+(?:let|allow|permit)\b|\s+(?:let|allow|permit)\b", re.I)


def _let_words(tail: str, at: int) -> int:
    """How many words right after a refusal cue only say 'let' ('refused to let an Air France charter ... land'):
    they do not count in the distance from the cue to the trigger, which starts at the thing kept out."""
    let = _LET_AFTER.match(tail, at)
    return len(let.group().split()) if let else 0


def _named_demand(doc: _Doc, candidate: _Candidate) -> bool:
    """A demand named as a noun with its maker after 'from' or 'by' ('a request from Caracas'): a refusal
    before it answers the demand, which stands; only a negation ('no request from Caracas') undoes it."""
    return candidate.trigger.relation == "demands" and candidate.trigger.actor == "by" \
        and _cue("ANSWERED").fullmatch(doc.text, candidate.head_start, candidate.head_end) is not None


@cache
def _granted_before() -> re.Pattern[str]:
    """A favourable answer right before a demand's noun (words.csv GRANTED): 'responded positively to a request
    from the U.S.' tells the cooperation the request won, not a demand pressed on the one who grants it."""
    return re.compile(r"\b(?:" + word_classes()["GRANTED"] + r")\s+(?:(?:a|an|the|its|their|this|that)\s+)?"
                      r"(?:[\w-]+\s+){0,2}$", re.I)


#: A sentence that says no demand was made: 'though Riyadh has made no such request', 'no request has been put
#: forward', 'had not received any formal U.S. request'
_NO_DEMAND_MADE = re.compile(r"\b(?:no|not\s+received['’\"]?\s+any)\s+(?:such\s+|formal\s+|official\s+)?"
                             r"(?:[A-Z][\w.]*\s+)?(?:request|requests|demand|demands|appeal|appeals|plea|pleas)\b",
                             re.I)


def _demand_said_unmade(doc: _Doc, candidate: _Candidate) -> bool:
    """'Analysts said Saudi Arabia might push Russia to cut output, though Riyadh has made no such request': a
    demand the same sentence says was never made is none."""
    return candidate.trigger.relation == "demands" \
        and _NO_DEMAND_MADE.search(doc.text, candidate.sentence.start, candidate.sentence.end) is not None


def _apply_negation(doc: _Doc, candidate: _Candidate) -> None:
    """Set the candidate's relation, flipping or dropping it when a negation or refusal governs the trigger."""
    if _demand_said_unmade(doc, candidate) or _unsettled_after(doc, candidate):
        candidate.negated, candidate.relation = True, ""
        return
    if _named_demand(doc, candidate) and _granted_before().search(
            doc.text, max(candidate.sentence.start, candidate.head_start - 60), candidate.head_start):
        candidate.negated, candidate.relation = False, ""
        return
    trigger = candidate.trigger
    window_start = max(candidate.sentence.start, candidate.head_start - 60)
    window = doc.text[window_start:candidate.head_start]
    last_break = _CLAUSE_BREAK_BEFORE.search(window)  # the clause the trigger is in starts after the last break
    if last_break:
        window = window[last_break.end():]
    words = _NEGATION_WORD.findall(window)[-6:]
    tail = " ".join(words)
    negated = False
    if _not_negation().search(tail):
        tail = _not_negation().sub(" ", tail)
    if tail.strip() and trigger.actor != "poss" and not (ends_with_any(window, _RELATIVE_VERB_ENDS)
                                                         and _RELATIVE_VERB_BEFORE.search(window)):
        # ('refused Mogadishu's demands': the demand stands)
        ands = [m.start() for m in _AND.finditer(tail)]
        for name in ("NEG", "REFUSE"):
            if name == "REFUSE" and not negated and _named_demand(doc, candidate):
                continue  # 'refused a request from Caracas': the request was made all the same
            for match in _cue(name).finditer(tail):
                if _JOINED_VERB.match(tail, match.end()) and match.group().lower().endswith(("ed", "ects")):
                    continue  # 'rejected and condemned the remarks': two acts joined, the second not refused
                if len(_NEGATION_WORD.findall(tail, match.end())) - _let_words(tail, match.end()) <= 4 \
                        and not _own_verb_before(tail, match.end(), ands) \
                        and not _agreement_to().search(tail, match.end()) \
                        and not _OTHER_SUBJECT_TO.match(tail, match.end()) \
                        and not _SUBORDINATOR.search(tail, match.end()):
                    negated = True
    if _plan_denied(tail):
        candidate.negated, candidate.relation = True, ""  # 'had no plans to recall its ambassador': nothing done
        return
    if not negated and (ends_with_word(window, "no") and _NO_BEFORE.search(window)
                        or _NO_BEFORE_LAST.search(doc.text, candidate.head_end, candidate.end)):
        negated = True  # 'a matter which brooks no interference from any external force', 'signed no deal'
    if _NOBODY_AFTER.match(doc.text, candidate.end):
        candidate.negated, candidate.relation = True, ""  # 'blamed nobody yet for the blast': no one is its object
        return
    if not negated and _BLOCKED_INSIDE.search(doc.text, candidate.head_end, candidate.end):
        negated = True  # 'planes with migrants were blocked from landing': kept out, not let in
    candidate.negated = negated
    if ends_with_word(window, "from") and _hindered_before().search(window):
        candidate.relation = ""  # 'prevented the two countries from signing a treaty': no treaty was signed
        return
    if trigger.relation not in _SHIFTS and (may_hold(window, _undone_starts()) and _reversed_before().search(window)
                                            or _stance_reversed(doc, candidate, window)):
        candidate.relation = ""  # 'reversed its decision to reject the flights': the refusal no longer stands
        return
    if negated and trigger.relation == "-" and _NO_LONGER.search(window) \
            and _TAKING_PART.match(doc.text, candidate.head_start):
        candidate.relation = "reducesCooperation"  # 'would no longer participate in a Beijing-led grouping': it leaves
        return
    if negated and trigger.relation == "agreesToCooperate" and _UNREACHED_BEFORE.search(window):
        candidate.relation = ""  # 'left Vanuatu without finalising the agreement': a deal not reached, none refused
        return
    if negated and trigger.relation == "agreesToCooperate" \
            and _cue("CONTINUATION").fullmatch(doc.text, candidate.head_start, candidate.head_end):
        candidate.relation = "reducesCooperation"  # "will not extend its Silk Road pact with Beijing": the tie ends
        return
    if negated and trigger.relation == "-" and _negated_passive(doc, candidate, window):
        candidate.relation = ""  # 'it was not handed over to China': a fact told of the thing, no one refusing
        return
    if negated:
        candidate.relation = "" if trigger.negated in ("", "-") else trigger.negated
    else:
        candidate.relation = "" if trigger.relation == "-" else trigger.relation
    if candidate.relation == "threatenedSanctions" and trigger.actor.startswith("left") \
            and _measure_opposed(doc, candidate):
        candidate.relation = ""


#: A negated passive's auxiliary right before the participle: 'was not', 'has not been', "weren't"
_PASSIVE_NOT = re.compile(r"\b(?:(?:was|were|is|are|been|be)\s+not|wasn['’]t|weren['’]t|isn['’]t|aren['’]t)"
                          r"\s+(?:\w+ly\s+)?$", re.I)


#: A copula, 'not' and an article before the wording's noun: 'was "not a negotiation', 'is not a surrender'
_NOT_A_NOUN = re.compile(r"\b(?:is|was|were|are|been|be)\s+[“\"‘']?not\s+(?:a|an)\s+$", re.I)


def _negated_passive(doc: _Doc, candidate: _Candidate, window: str) -> bool:
    """'it was not handed over to China', 'the territory was never ceded': a wording that says something only when
    negated ("will not hand over" is a refusal) tells, in the passive, what did not happen to a thing; nobody
    refuses."""
    head = doc.text[candidate.head_start:candidate.head_end].lower()
    return head.endswith(("ed", "en")) and _PASSIVE_NOT.search(window) is not None \
        or _NOT_A_NOUN.search(window) is not None  # 'the meeting was "not a negotiation"': what it was not


#: An agreement not (yet) reached rather than refused: 'without finalising', 'failed to sign'
_UNREACHED_BEFORE = re.compile(r"\b(?:without|fail(?:ed|s|ing)?\s+to)\s+(?:[a-z]+\s+)?$", re.I)


#: 'from future measures, including a comprehensive embargo': the measure named after 'including' is one of
#: those named before it, and whatever is done to them is done to it
_INCLUDING_BEFORE = re.compile(r",\s+(?:including|such\s+as|notably|especially|among\s+them)\s+(?:[\w'’-]+\s+){0,3}$",
                               re.I)


def _measure_opposed(doc: _Doc, candidate: _Candidate) -> bool:
    """'threatened to block EU sanctions against Iran', 'will not support the extension of sanctions on',
    'would not face repercussions from measures, including an embargo on': the party before the measure blocks,
    opposes or faces it (words.csv MEASURE_OPPOSED); it is not the one imposing it."""
    noun = _cue("SANCTIONS").search(doc.text, candidate.head_start, candidate.end)
    at = noun.start() if noun else candidate.head_start
    before = doc.text[max(candidate.sentence.start, at - 120):at]
    including = _INCLUDING_BEFORE.search(before)
    if including:
        before = before[:including.start()] + " "
    return _opposed_before().search(_CLAUSE_SPLIT.split(before)[-1]) is not None


@cache
def _opposed_before() -> re.Pattern[str]:
    """An opposing verb up to six words before the end of a text (words.csv MEASURE_OPPOSED)."""
    return re.compile(r"(?<![\w'’-])(?:" + word_classes()["MEASURE_OPPOSED"] + r")\s+(?:[\w'’.-]+\s+){0,6}$", re.I)


#: 'failed to consult it before signing agreements with China': the negation stays in its own clause
_SUBORDINATOR = re.compile(r"\b(?:before|after|when|while|since|until|without|by)\b", re.I)
#: A relative pronoun right before the trigger's verb: 'have not forced the Russians who operate the port to leave'
#: (the relative clause has a verb of its own, which a negation outside it does not reach)
_RELATIVE_VERB_BEFORE = re.compile(r"\b(?:who|which)\s+(?:(?:have|has|had|also|still|now|already)\s+){0,2}$", re.I)
#: What every match of `_RELATIVE_VERB_BEFORE` ends with, for `ends_with_any`
_RELATIVE_VERB_ENDS = ("who", "which", "have", "has", "had", "also", "still", "now", "already")


@cache
def _agreement_to() -> re.Pattern[str]:
    """'would not renew the agreement to join the Belt and Road': the negation is of the verb that has the
    agreement as its object; what follows 'agreement to' is what the agreement was about."""
    return re.compile(r"\b(?:" + word_classes()["AGREEMENT"] + r")\s+to\s*$", re.I)


#: 'and' right after a refusing verb, perhaps with an adverb: the trigger after it is a second verb of its own
_JOINED_VERB = re.compile(r"\s+and(?:\s+\w+ly)?\s*$")


#: 'will not invite Ukraine to (join)': the negated verb has an object of its own, who is to do the act after
#: 'to' ('not let/allow/permit', which refuses the act itself, is left to `_let_words`)
_OTHER_SUBJECT_TO = re.compile(r"\s+(?!(?:let|allow|permit)\b)[a-z]+\s+(?:the\s+)?[A-Z][\w'’-]*"
                               r"(?:\s+[A-Z][\w'’-]*)*\s+to\s*$")


def _own_verb_before(tail: str, cue_end: int, ands: list[int]) -> bool:
    """'would not withdraw the vessel and called on China': the negation has its own verb and object before
    'and', so the verb after 'and' is not negated ('did not accept or house them' still is: only 'and'
    after two words or more closes the negated verb phrase)."""
    return any(at > cue_end and len(_NEGATION_WORD.findall(tail[cue_end:at])) >= 2 for at in ands)


_HOPED_TO = re.compile(r"\bhop(?:e|es|ed|ing)\s+to\s+(?:[\w'’-]+\s+){0,2}$", re.I)  #: 'she hoped to sign'
#: 'should he not accept', 'Should Panama fail to act': 'should' before its subject makes a condition (or a
#: question), never a statement
_INVERTED_SHOULD = re.compile(r"\b[Ss]hould\s+(?:he|she|it|they|we|you|[A-Z][\w.'’-]+)\b")


@cache
def _hedge() -> re.Pattern[str]:
    """Before a trigger, what makes its act wished for, guessed at or unreal: 'hoped (that)', 'speculating that',
    'would have received', 'could, in theory, demand', 'a move that could see ... leave', 'under heavy pressure to
    receive', 'efforts aimed at reaching', 'had been due to'; a guess of onlookers (words.csv GUESSERS, GUESS_VERBS:
    'economists warn that Washington may')."""
    classes = word_classes()
    return re.compile(r"\b(?:hop(?:e|es|ed|ing)|wish(?:es|ed|ing)?|speculat\w*)\b(?!\s+(?:for|to)\b)[^.;:]*$"
                      r"|\bwould\s+have\s+(?:\w+ly\s+)?$|\b(?:in\s+theory|theoretically|hypothetically)\b[^.;:]*$"
                      # 'a decision that might see the foreign soldiers go home': an outcome guessed at, no act
                      r"|\b(?:could|may|might)\s+(?:well\s+|eventually\s+|also\s+)?see\s+[^.;:,]*$"
                      r"|\b(?:eager|keen|anxious|longing)\s+to\s+$"
                      # 'economists warn that Washington may', 'some fear Russia could': a guess of onlookers, no act
                      r"|\b(?:" + classes["GUESSERS"] + r")\s+(?:\w+\s+){0,2}?(?:" + classes["GUESS_VERBS"] + r")\w*\s+"
                      r"(?:that\s+)?[^.;:]*$"
                      r"|\bfalsely\s+(?:claim|said|say|report|allege|assert|suggest|state)\w*\s+(?:that\s+)?[^.;:]*$"
                      r"|\bpressure\s+to\s+(?:\w+ly\s+)?$"
                      # 'an attempt to force Albania's recognition of Kosovo': what an attempt would force, not done
                      r"|\b(?:attempts?|efforts?|bids?|ploy|tries|trying|try)\s+to\s+(?:force|compel|coerce|pressure|push|"
                      r"extract|impose)\s+(?:[\w'’.-]+\s+){0,3}$"
                      r"|\baimed\s+at\s+$"
                      # 'had been due to be deported', 'was supposed to visit', 'was to have hosted': planned, not done
                      r"|\bhad\s+been\s+(?:due|supposed|scheduled|set|expected|meant)\s+to\s+(?:be\s+)?$"
                      r"|\b(?:was|were)\s+(?:supposed\s+to\s+(?:have\s+)?|to\s+have\s+)(?:been\s+|be\s+)?$"
                      # 'called for peace talks between', 'urged a ceasefire': asked for, not held
                      r"|\b(?:call(?:s|ed|ing)?|appeal(?:s|ed|ing)?|push(?:es|ed|ing)?|press(?:es|ed|ing)?|urg(?:e|es|ed|ing))"
                      r"\s+for\s+(?:(?:a|an|the|new|fresh|peace|direct|urgent|renewed|immediate|further)\s+)*$", re.I)


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


#: A trip asked of someone named: 'urged Lula to attend the summit in Manila', 'pressed Ruto to visit' (no visit)
_ASKED_TO_GO = re.compile(r"\b(?:[Uu]rg(?:e|es|ed|ing)|[Ee]ncourag(?:e|es|ed|ing)|[Pp]ress(?:es|ed|ing)?)\s+"
                          r"(?:[A-Z][\w.'’-]*\s+){1,3}to\s+(?:attend|visit|travel\s+to|come\s+to|go\s+to|join)\b[^.;:]*$")


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
    return _ASKED_TO_GO.search(text, max(start, at - 90), at) is not None


#: A release asked or worked for rather than made: 'demanded the immediate release of', 'called for the freeing of',
#: 'was mediating the release of' (a mediation under way; 'mediated the release' tells it done)
_ASKED_RELEASE = re.compile(r"\b(?:demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|seek(?:s|ing)?|sought|negotiat\w+|"
                            r"mediat(?:e|es|ing)|insist\w*\s+on|(?:press|push|call|appeal|ask|work|campaign|support)(?:s|es|ed|ing)?\s+for|"
                            r"backing\s+for)\s+"
                            r"(?:the\s+)?[\"“]?(?:(?:immediate|swift|urgent|unconditional|prompt|speedy|early|eventual|"
                            r"safe)\s+(?:and\s+)?)*$", re.I)


#: A list of what is asked or offered, told as its contents: 'The demands included X ending ...', 'the conditions
#: were that'. The acts in it are asked for, not done.
_CONTENT_OF_TERMS = re.compile(r"\b(?:demands|conditions|preconditions|terms|requests|list\s+of\s+\w+)\s+"
                               r"(?:[\w-]+\s+){0,3}?(?:included|include|includes|were|are|such\s+as|call\s+for|"
                               r"called\s+for)\b[^.;]*$", re.I)


#: 'Washington may dismiss the threats': a guess at what a party might do; a refusal or a charge only guessed at is
#: none (a threat or a visit that may come is still told: those stay)
_GUESSED = re.compile(r"\b(?:may|might)\s+(?:well\s+|also\s+|yet\s+|still\s+|even\s+)?$", re.I)
_GUESSED_RELATIONS = frozenset({"rejects", "accuses"})
#: A question opened by an auxiliary verb ('Could the White House aim for a deal that ...?'): asked, not told
_AUXILIARY_QUESTION = re.compile(r"[\"“‘']?(?:Could|Would|Will|Can|Should|Might|May|Is|Are|Was|Were|Does|Do|Did|"
                                 r"Has|Have|Had|Shall)\s[^\n]*\?[\"”’']?\s*$")


@cache
def _onlookers_say() -> re.Pattern[str]:
    """Onlookers (words.csv ONLOOKERS_SAYING) saying what they think: what they judge ('a provocation', 'a hostile
    act') is no party's charge."""
    return re.compile(r"\b(?:" + word_classes()["ONLOOKERS_SAYING"] + r")\s+(?:\w+\s+){0,2}?(?:said|say|says|argued|"
                      r"argue|argues|noted|note|notes|told\s+\w+)\s+(?:that\s+)?[^.;:]*$", re.I)


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
    if _AUXILIARY_QUESTION.match(candidate.sentence.text):
        return True  # 'Could the White House aim for a deal ... that chips away at Havana's ties with Moscow?'
    if candidate.relation in _GUESSED_RELATIONS \
            and _GUESSED.search(doc.text, max(clause_start, candidate.head_start - 20), candidate.head_start):
        return True  # 'The US may dismiss the threats': a guess, no refusal
    if _INVERTED_SHOULD.search(clause):
        return True  # 'the consequences he would face should he not accept the return': a condition
    if candidate.relation == "releasesDetainees" \
            and _ASKED_RELEASE.search(doc.text, max(clause_start, candidate.head_start - 60), candidate.head_start):
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
    if _onlookers_act(doc, clause_start, candidate.head_start):
        return True  # 'analysts have accused': an onlooker's judgement, no party's act
    if "speaker" in candidate.trigger.actor and _onlookers_say().search(doc.text, clause_start, candidate.head_start):
        return True  # 'Experts said that Peru's move is a provocation against Chile': an onlooker's judgement
    if _CONTENT_OF_TERMS.search(before) and candidate.relation != "demands":
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
