"""Whether a trigger's act holds: negation and refusal (`_apply_negation` flips the relation or drops it) and
acts called off (`_called_off`). Acts only wished, guessed or set on a condition are hedges.py's step.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.actors.knowledge import word_lists
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.lexicon import _cue
from graph.words import ends_with_any, ends_with_word, literal_starts, may_hold

#: Patterns of the checks below, compiled once (they run for every trigger match)
_CLAUSE_STOP = re.compile(r"[;:]|,\s+(?:but|while)\b")
_COMMA_BREAK = re.compile(r"[,;]\s")
_AND = re.compile(r"\band\b")
_CLAUSE_SPLIT = re.compile(r"[;:,]")
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


@cache
def _negated_verb_of_object() -> re.Pattern[str]:
    """A negated verb whose object runs up to the end of the text searched (words.csv NEG)."""
    return re.compile(r"(?<![\w'’])" + word_classes()["NEG"] + r"\s+(?:to\s+)?[a-z]+\b[^,;.:!?]*$", re.I)


def object_of_negated_verb(text: str, start: int, at: int) -> bool:
    """Whether the party at `at` is named in the object of a negated verb of its clause ('has no plans to meet
    Lavrov and Qin Gang at the G20 talks in New Delhi'): what is not done puts none of them at the place."""
    return _negated_verb_of_object().search(text, max(start, at - 100), at) is not None


@cache
def _clause_break_before() -> re.Pattern[str]:
    """The last place a clause ends before the trigger: a punctuation mark, 'but', or a subordinator (words.csv
    CLAUSE_SUBORDINATORS) opening a clause with a subject of its own ('said the levies were unfair as he flew to
    Lima': the trip is not negated)."""
    clause_break = (r"(?:[,;:—–]|\bbut\b|\b(?i:" + word_classes()["CLAUSE_SUBORDINATORS"] + r")\s+"
                    r"(?:he|she|they|we|it|I)\b)")
    return re.compile(clause_break + r"(?!.*" + clause_break + r")", re.S)


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


#: Acts said, not done: what a court or a vote can strike down is a step, not a word
_SAID_ACTS = frozenset({"accuses", "rejects", "demands", "threatened"})


def _struck_down(doc: _Doc, candidate: _Candidate) -> bool:
    """'Downing Street's plan to send asylum seekers to Kigali was struck down by the Supreme Court': an act whose
    own clause goes on to say it was struck down, quashed or annulled (words.csv STRUCK_DOWN) did not take effect."""
    if candidate.trigger.relation in _SAID_ACTS or not doc.may_say(candidate.sentence, "STRUCK_DOWN"):
        return False
    following = doc.text[candidate.end:candidate.sentence.end]
    stop = _CLAUSE_STOP.search(following)
    return _cue("STRUCK_DOWN").search(following[: stop.start()] if stop else following) is not None


@cache
def _claim_denied_after() -> re.Pattern[str]:
    """', but Washington denied it', ', a claim Washington denied', ', but the Kremlin dismissed the report': the
    clause after an act told as one side's claim, in which another denies it (words.csv DENYING_CLAIM)."""
    denying = r"(?:" + word_classes()["DENYING_CLAIM"] + r")"
    claim = r"(?:" + word_classes()["CLAIM_NOUNS"] + r")"  # what a denied claim is called: ', a claim X denied'
    return re.compile(r",?\s+but\s+(?:[\w'’.-]+\s+){1,4}?(?:(?:has|have|had|swiftly|quickly|later)\s+)?" + denying
                      + r"\s+(?:it|this|that|the\s+" + claim + r")\b|,\s+(?:a|an)\s+" + claim
                      + r"\s+(?:that\s+)?(?:[\w'’.-]+\s+){1,4}?(?:(?:has|have|had)\s+)?" + denying + r"\b", re.I)


def _claim_denied(doc: _Doc, candidate: _Candidate) -> bool:
    """'Caracas said it had struck a deal with Bogota to swap detainees, but Colombia denied it':
    an act (not a word: a charge stays made whatever its target says) told as what someone says or announces
    (words.csv SPEECH before it), which the rest of its sentence says another denied, is a claim, not told as
    done."""
    if candidate.trigger.relation in _SAID_ACTS or candidate.trigger.relation == "-" \
            or not doc.may_say(candidate.sentence, "DENYING_CLAIM"):
        return False
    return _cue("SPEECH").search(doc.text, candidate.sentence.start, candidate.head_start) is not None \
        and _claim_denied_after().search(doc.text, candidate.end, candidate.sentence.end) is not None


@cache
def _denied_that() -> re.Pattern[str]:
    """'denied that', 'rejected claims that', 'dismissed the allegations that': a denial opening the clause it
    denies (words.csv DENYING_THAT; CLAIM_NOUNS, ALLEGATIONS), up to the end of the text searched, no clause break
    between."""
    claim = r"(?:" + word_classes()["CLAIM_NOUNS"] + r"|" + word_classes()["ALLEGATIONS"] + r")"
    return re.compile(r"\b(?:" + word_classes()["DENYING_THAT"] + r")\s+(?:(?:the|any|all)\s+)?(?:(?:[a-z]+\s+)?"
                      + claim + r"\s+)?that(?P<clause>\s+[^,;:]*)$", re.I)


def _characterisation_denied(doc: _Doc, candidate: _Candidate) -> bool:
    """'Baghaei denied that the United States has undermined the talks': a wording its speaker's voice would make a
    charge (actor rule 'speaker') is none in a clause someone denies, whoever is named in it."""
    if candidate.trigger.relation != "accuses" or not candidate.trigger.actor.startswith("speaker"):
        return False
    denial = _denied_that().search(doc.text, candidate.sentence.start, candidate.head_start)
    # (a speech verb after the denial opens a clause of its own: 'rejected claims that ... and said X has'; not
    # 'States' of 'the United States')
    return denial is not None and not any(
        said.group().islower() for said in _cue("SPEECH").finditer(doc.text, denial.start("clause"),
                                                                   candidate.head_start))


@cache
def _topic_before() -> re.Pattern[str]:
    """'the issue of troop withdrawals', 'the question of deportation flights': a topic noun (words.csv TOPIC_NOUNS)
    and 'of', then at most two lower-case words, right before the trigger; no party's own act stands between."""
    return re.compile(r"\b(?:" + word_classes()["TOPIC_NOUNS"] + r")\s+of\s+(?:[a-z][\w-]*\s+){0,2}$")


def _act_as_topic(doc: _Doc, candidate: _Candidate) -> bool:
    """'said a U.S. delegation had not raised the issue of troop withdrawals': an act named as the issue or question
    spoken of is a topic, done by no one ('the issue of Russia's expulsion of diplomats' names its doer, and stays)."""
    return doc.may_say(candidate.sentence, "TOPIC_NOUNS") \
        and _topic_before().search(doc.text, max(candidate.sentence.start, candidate.head_start - 50),
                                   candidate.head_start) is not None


@cache
def _any_such_act() -> re.Pattern[str]:
    """'any decision by the United States to', 'any Saudi move to': a decision, plan or other act (words.csv
    DECIDED_THINGS) spoken of as 'any', perhaps with its maker, right before the trigger."""
    return re.compile(r"\bany\s+(?:[\w'’.-]+\s+){0,2}?(?:" + word_classes()["DECIDED_THINGS"] + r")\s+"
                      r"(?:(?:by|from|of)\s+(?:[\w'’.-]+\s+){1,4}?)?to\s+$", re.I)


def _act_said_unknown(doc: _Doc, candidate: _Candidate) -> bool:
    """'said it had not been informed of any decision by the United States to freeze aid', 'was not aware of any
    Saudi decision to resume imports', 'denied any plan to expel': an act spoken of as 'any' such act under a
    negation or a denial of its clause (words.csv ANY_DENIED) is said not to be known or not to exist; the
    sentence tells no act and no refusal."""
    low = max(candidate.sentence.start, candidate.head_start - 120)
    window = doc.text[low:candidate.head_start]
    if "any" not in window:
        return False
    found = _any_such_act().search(window)
    if found is None:
        return False
    before = window[:found.start()]
    last_break = _clause_break_before().search(before)
    clause = before[last_break.end():] if last_break else before
    return _cue("ANY_DENIED").search(clause) is not None


#: Relations of acts a sentence may go on to say are not set
_SETTLED_ACTS = frozenset({"meetsWith", "visits", "agreesToCooperate", "acceptsDeportees", "releasesDetainees"})


def _unsettled_after(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the rest of the sentence says the act is not set (words.csv UNSETTLED_AFTER: 'could meet next month,
    though nothing has been scheduled', 'talk of a swap was "premature"'): neither done nor planned, nor refused."""
    return candidate.trigger.relation in _SETTLED_ACTS \
        and _cue("UNSETTLED_AFTER").search(doc.text, candidate.head_end, candidate.sentence.end) is not None


#: 'refused to let', 'would not allow': a refusal whose object is told by the clause after the verb of letting
_LET_AFTER = re.compile(r"\s+to\s+(?:let|allow|permit)\b|\s+(?:let|allow|permit)\b", re.I)


@cache
def _enabling_after() -> re.Pattern[str]:
    """'to implement measures allowing', 'to adopt steps that permit': steps taken only to let the act after them
    happen (words.csv ENABLING_STEPS), so refusing the steps refuses that act."""
    return re.compile(r"\s+to\s+\w+\s+(?:(?:the|new|any)\s+)?(?:" + word_classes()["ENABLING_STEPS"]
                      + r")\s+(?:(?:that|which|to)\s+)?(?:allow|allows|allowing|permit|permits|permitting|enable|"
                      r"enables|enabling)\b", re.I)


def _let_words(tail: str, at: int) -> int:
    """How many words right after a refusal cue only say 'let' ('refused to let an Air France charter ... land',
    'refusal to adopt steps permitting returns'): they do not count in the distance from the cue to the
    trigger, which starts at the thing kept out."""
    let = _LET_AFTER.match(tail, at) or _enabling_after().match(tail, at)
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


@cache
def _no_demand_made() -> re.Pattern[str]:
    """A sentence that says no demand (words.csv DEMAND_NOUNS) was made: 'though Riyadh has made no such request',
    'no request has been put forward', 'had not received any formal U.S. request'."""
    return re.compile(r"\b(?:no|not\s+received['’\"]?\s+any)\s+(?:such\s+|formal\s+|official\s+)?"
                      r"(?:[A-Z][\w.]*\s+)?(?:" + word_classes()["DEMAND_NOUNS"] + r")\b",
                      re.I)


def _demand_said_unmade(doc: _Doc, candidate: _Candidate) -> bool:
    """'Analysts said Saudi Arabia might push Russia to cut output, though Riyadh has made no such request': a
    demand the same sentence says was never made is none."""
    return candidate.trigger.relation == "demands" \
        and _no_demand_made().search(doc.text, candidate.sentence.start, candidate.sentence.end) is not None


#: An aside set off by dashes or brackets inside a subject ('None of the states — which include Jordan — have')
_ASIDE = re.compile(r"\s[—–]\s[^—–]*?\s[—–]\s|\s--\s.*?\s--\s|\s\([^()]*\)")


@cache
def _no_one_subject() -> re.Pattern[str]:
    """A sentence opening with a subject that denies the act of every party it names (words.csv NO_ONE_SUBJECT),
    running with no clause break up to the trigger, an auxiliary at most between them."""
    return re.compile(r"^\W*(?:(?:but|yet|and|so far|still)\s+)?(?:" + word_classes()["NO_ONE_SUBJECT"]
                      + r")\b[^,;:]*?$", re.I)


def _denied_of_all(doc: _Doc, candidate: _Candidate) -> bool:
    """'None of the Middle Eastern states with ties to Israel — which include Bahrain and Jordan — have cut those
    ties': a subject saying no one of a group acts denies the act of each party it lists, however far from the
    verb the list runs; nothing is done, and nothing refused either."""
    before = doc.text[candidate.sentence.start:candidate.head_start]
    if "(" in before or "—" in before or "–" in before or "--" in before:  # (what every aside holds)
        before = _ASIDE.sub(" ", before)
    return _no_one_subject().match(before) is not None


def _apply_negation(doc: _Doc, candidate: _Candidate) -> None:
    """Set the candidate's relation, flipping or dropping it when a negation or refusal governs the trigger."""
    if _demand_said_unmade(doc, candidate) or _unsettled_after(doc, candidate) or _act_said_unknown(doc, candidate) \
            or _struck_down(doc, candidate) or _act_as_topic(doc, candidate) or _claim_denied(doc, candidate) \
            or _denied_of_all(doc, candidate) or _characterisation_denied(doc, candidate):
        candidate.negated, candidate.relation = True, ""
        return
    if _named_demand(doc, candidate) and _granted_before().search(
            doc.text, max(candidate.sentence.start, candidate.head_start - 60), candidate.head_start):
        candidate.negated, candidate.relation = False, ""
        return
    trigger = candidate.trigger
    window_start = max(candidate.sentence.start, candidate.head_start - 60)
    window = doc.text[window_start:candidate.head_start]
    last_break = _clause_break_before().search(window)  # the clause the trigger is in starts after the last break
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
