"""Who sends whom away, in the pairs of an expulsion wording: staff caught and 'ordered to leave' are expelled by
the subject of that order, not by their own country named before them; envoys told 'its consul must leave Belarus'
are expelled by the country they leave; a government that tells its own staff to go, or withdrew its own troops,
expels nobody; a passive leave order told in the first person befalls the speaker's own side. Each step takes the
(actor, targets) pairs `pairs._candidate_pairs_as_read` has read and gives them back turned or thinned.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from graph.actors import word_classes
from graph.extract.actor_rules import _actor_by_rule
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.owners import _as_country
from graph.records import Mention

#: A verb of the same subject, later in the wording, that orders the staff named before out: 'caught two Pakistani
#: officials spying and ordered them to leave'
_ORDERED_THEM = re.compile(r"\band\s+(?:then\s+|later\s+)?(?P<verb>ordered|told|asked|instructed|directed)"
                           r"\s+them\s+to\b")


def _staff_ordered_out(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'India said it caught two Pakistan High Commission officials spying and ordered them to leave': the staff's
    country, named before them, is not who expels them; the subject of the verb that orders them out is, and the
    staff's country is the target."""
    if candidate.relation != "threatenedExpulsion" or not candidate.trigger.target.startswith("owner"):
        return pairs
    ordered = _ORDERED_THEM.search(doc.text, candidate.head_start, candidate.end)
    if ordered is None:
        return pairs
    # (read as the verb it is, not as the staff noun the wording starts with: the verb's subject is the clause's)
    verb = _Candidate(replace(candidate.trigger, pattern=ordered.group("verb")), candidate.sentence,
                      ordered.start("verb"), ordered.end("verb"), ordered.end("verb"))
    subject = _actor_by_rule(doc, verb, doc.mentions(candidate.sentence), "left")
    turned = []
    for actor, targets in pairs:
        if subject is not None and subject.country and subject.country != actor.country \
                and actor.end <= candidate.head_start and subject.end <= actor.start:
            turned.append((subject, [_as_country(actor)]))
        else:
            turned.append((actor, targets))
    return turned


#: 'its consul has until Friday to leave Belarus': the speaker's own envoy, told to go by the host
_OWN_PERSONNEL_BEFORE = re.compile(r"\b(?:its|their|our)\s+(?:[\w-]+\s+)?$", re.I)
_LEAVE_BEFORE = re.compile(r"\bleave\s+(?:the\s+)?$")


@cache
def _ordered_own_away() -> re.Pattern[str]:
    """A government ordering its own people away (words.csv ORDERING_VERBS: 'told its embassy staff', 'ordered
    non-emergency employees')."""
    return re.compile(r"\b(?:" + word_classes()["ORDERING_VERBS"] + r")\s+(?:all\s+)?(?:(?:its|our|his|her)\s+"
                      r"(?:own\s+)?|non-emergency\s+|non-essential\s+)[^,;.]*$", re.I)


@cache
def _withdrawn_own() -> re.Pattern[str]:
    """A party taking its own people away, told as done (words.csv WITHDREW: 'withdrew its troops', 'has pulled the
    last of its soldiers'); not 'must withdraw its troops' nor 'to pull its forces': those are asked of it."""
    return re.compile(r"\b(?:" + word_classes()["WITHDREW"] + r"|(?:has|have|had)\s+withdrawn|"
                      r"(?:began|begun|begins|started|starts|is|are|was|were)\s+(?:withdrawing|pulling|evacuating))\s+"
                      r"(?:all\s+|the\s+(?:last|rest|bulk)\s+of\s+)?(?:its|their|his|her|our)\s+(?:own\s+)?[^,;.]*$",
                      re.I)


def _own_staff_sent_away(doc: _Doc, candidate: _Candidate) -> bool:
    """'Britain told its embassy staff in Sudan to leave the country': a government sending its own staff home
    evacuates them; nobody expels them. Nor does one that withdrew its own troops ('the United States withdrew
    its troops from Niger after the junta ordered them to leave': the order is Niger's, told in its own clause)."""
    if candidate.relation != "threatenedExpulsion":
        return False
    before = doc.text[max(candidate.sentence.start, candidate.head_start - 80):candidate.head_start]
    return (candidate.trigger.target.startswith("owner") and _ordered_own_away().search(before) is not None) \
        or _withdrawn_own().search(before) is not None


#: The speaker's own side in the words around a leave order: 'our diplomats', 'whispering us apologies'
_FIRST_PERSON = re.compile(r"\b(?:we|us|our|ours)\b", re.I)


def _speakers_side_sent_away(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'"When one or two diplomats are asked to leave while whispering us apologies ...," Lavrov said': a
    passive leave order with no named sender, told in the first person, befalls the speaker's own side, so
    the speaker credited with it by default expels nobody. A party named before the order in the sentence
    still acts ('We welcome that Chisinau told two of the envoys to leave')."""
    if candidate.relation != "threatenedExpulsion" or not candidate.trigger.target.startswith("owner"):
        return pairs
    sentence = candidate.sentence
    if not _FIRST_PERSON.search(doc.text, sentence.start, min(sentence.end, candidate.end + 60)):
        return pairs
    return [(actor, targets) for actor, targets in pairs
            if sentence.start <= actor.start < candidate.head_start]


def _own_envoys_told_to_leave(doc: _Doc, candidate: _Candidate, pairs: list) -> list:
    """'It said its consul must leave Belarus': the envoys are the actor's own, so the country they must leave
    expels them; the pair read left to right is turned round."""
    if candidate.relation != "threatenedExpulsion" or not candidate.trigger.target.startswith("owner") \
            or not _OWN_PERSONNEL_BEFORE.search(doc.text, max(0, candidate.head_start - 30), candidate.head_start):
        return pairs
    turned = []
    for actor, targets in pairs:
        for target in targets:
            if isinstance(target, Mention) and target.start >= candidate.head_end \
                    and _LEAVE_BEFORE.search(doc.text, max(0, target.start - 12), target.start):
                turned.append((target, [actor]))
            else:
                turned.append((actor, [target]))
    return turned
