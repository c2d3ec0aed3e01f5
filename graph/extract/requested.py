"""What a party is asked to do is no act of anyone's: 'urged the court to halt German military aid to Israel',
'asked Turkey to press Iran to halt its drone sales'.

The act named in the 'to' clause of a request is only wanted; nobody has done it, neither the one asked (a
court, a state, a body) nor the party the act's wording names. A request nested in another one ('ask Turkey
to press Iran') is itself only asked for, so the charge a warning implies is not the asked party's either.
"""
from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.document import _Doc
from graph.records import Mention
from graph.words import ends_with_any

#: How far before the act the request may open ('asked the UN's highest court (the ICJ) late on Tuesday to')
_REACH = 120


@cache
def _asked_to() -> re.Pattern[str]:
    """A request verb, its addressee and 'to', right before the act (words.csv REQUEST_VERBS): 'urged the court
    to ', 'press Russia to '; the addressee holds no clause break or second verb's subject ('stated in a press
    release that Uganda would like to' asks nothing: 'press' there is a noun, words.csv REQUEST_VERB_AS_NOUN)."""
    return re.compile(r"(?<!\bthe\s)(?<!\ba\s)\b(?:" + word_classes()["REQUEST_VERBS"] + r")\s+"
                      r"(?!ahead\b|forward\b|on\s+with\b|(?:" + word_classes()["REQUEST_VERB_AS_NOUN"] + r"))"
                      r"(?:[\w.'’()-]+\s+){1,10}?to\s+(?:(?:immediately|urgently|fully|also)\s+)?$", re.I)


#: What every match of `_asked_to` ends with, for `ends_with_any`
_ASKED_TO_ENDS = ("to", "immediately", "urgently", "fully", "also")


@cache
def _own_body() -> re.Pattern[str]:
    """One's own government or forces as the addressee (words.csv ORDERED_OWN): 'a resolution calling on the
    government to end the presence of foreign troops' is the state's own act in the making, told as a request."""
    return re.compile(r"\s+(?:the|its|his|her|their|our)\s+(?:own\s+)?(?:" + word_classes()["ORDERED_OWN"]
                      + r")\s+to\b", re.I)


def asked_to_do(doc: _Doc, floor: int, head_start: int) -> int | None:
    """Where the request opens whose 'to' clause the wording starting at `head_start` is (after `floor`, the
    sentence's start): what it asks another party to do. None when the wording is no such clause."""
    start = max(floor, head_start - _REACH)
    window = doc.text[start:head_start]
    # (every request ends in 'to' or an adverb after it: most windows end otherwise, and the search, which tries
    # every place of the window, is not run there)
    found = _asked_to().search(window) if ends_with_any(window, _ASKED_TO_ENDS) else None
    if found is None or re.search(r"[,;:]\s+(?:and|but|while|which|who)\b|\band\s+(?:then\s+)?\w+ed\b",
                                  found.group(0)):
        return None
    verb = re.match(r"\w+(?:\s+(?:on|upon|to)\b)?", found.group(0))
    return None if _own_body().match(found.group(0), verb.end()) else start + found.start()


#: A speech verb with its addressee and a 'that' clause after it: 'told the Pakistani envoy that', 'tells Seoul that'
_TOLD_THAT = re.compile(r"(?:told|tells?|telling)\s+(?:[\w.'’()-]+\s+){1,6}?that\b", re.I)


def told_that(doc: _Doc, head: int, act_start: int, actor: Mention, actor_rule: str) -> bool:
    """Whether a demand word at `head` is only the speech verb of a 'that' clause whose wording is the speaker's own
    stance ('Kabul told the Pakistani envoy that the strikes will have repercussions'): the clause tells the one
    addressed what the speaker holds, not what that one is to do, so the speaker's threat or charge in it stands.
    Only when the actor is the one telling, named (not a pronoun, whose reading may be another's) last before
    the verb."""
    if not actor_rule.startswith("speaker") or _TOLD_THAT.match(doc.text, head, act_start) is None:
        return False
    sentence = doc.sentence_at(head)
    teller = [m for m in doc.mentions(sentence) if m.end <= head] if sentence is not None else []
    return bool(teller) and (teller[-1].start, teller[-1].end) == (actor.start, actor.end) and actor.via != "pronoun"


#: The words that name who asked right after them: 'at the request of', 'at the behest of', 'at the urging of'
_REQUEST_OF = re.compile(r"\b(?:request|behest|urging|demand)\s+of\s+(?:the\s+)?$", re.I)

#: A preposition before a party: it is an object, not the sentence's subject
_PREPOSITION = re.compile(r"\b(?:of|from|in|to|with|by|for|at|on|after|before)\b", re.I)


def requester_not_the_doer(doc: _Doc, mentions: list[Mention], found: Mention, floor: int, head_start: int) -> Mention:
    """The party that asked, named after 'at the request of' (`found`), when a bare wording ('the government')
    was read as the sentence's subject: one does not act at one's own request, so 'Paris started pulling its
    soldiers out of the Sahel state at the request of the government' names the other party named before
    the request (`floor` is where the sentence starts). Any other requester is kept as found."""
    if found.via != "pronoun" or not _REQUEST_OF.search(doc.text, max(0, found.start - 24), found.start):
        return found
    before = [m for m in mentions if floor <= m.start and m.end <= head_start]
    if not before or before[0].country != found.country or _PREPOSITION.search(doc.text, floor, before[0].start):
        return found
    other = [m for m in before if m.type == "country" and m.country and m.country != found.country]
    return other[-1] if other else found

