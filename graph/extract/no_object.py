"""The wordings that make a party named after a trigger no object of the act, read by `_right_targets`
(right_targets.py) and the object readers as they walk the parties after a trigger.

A party after the wording may be the act's doer after 'by' ('the raid by Chad's army on the villages'), the one
who suffered it ('a violation of Ghana's airspace', 'the attack on Benin'), the place it happened ('the coup in
Mali'), a party whose own act is meant ('praised Norway's decision'), the reason a measure gives ('over its
links to the cartel') or the object of another verb ('and later thanked Oman', 'a deal that saw Togo join'); before
the trigger, so is the object of an '-ing' verb whose act an apposition names back ('by courting Chad, a step that
drew a protest from France').
An unnamed group right after a charge ('hit out at critics worried about Peru') is the one charged, and a party
after it is what the group talks about. Each shape is one pattern here; which of them a rule consults, and what
it then does, stays with the rule.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.records import Mention

#: An act's doer after 'by', then the one it was aimed at: ' by the regime against the besieged '
_AGENT_THEN_VICTIM = re.compile(r"\bby\s+(?:[\w'’-]+\s+){1,5}?(?:against|on|upon|targeting)\s+(?:the\s+)?"
                                r"(?:[a-z][\w-]*\s+)?$")


#: A relative clause with a verb of its own opening after the trigger: ' that saw', ', which brought', ' who
#: wanted' (of a group the partner is: 'a truce with the rebels who sought to drive fighters out of X')
_RELATIVE_VERB = re.compile(r"(?:,\s*|\s)(?:that|which|who)\s+(?!(?:the|a|an|its|their|his|her|this|these|those|it|"
                            r"they|he|she|we|is|are|was|were|will|would|can|could|may|might)\b)(?:[a-z]+(?:ed|s)|saw|took|made|"
                            r"brought|led|won)\b")
#: 'the threat posed by ', 'the danger presented by the ': the one posing a threat, which a measure is aimed at
_POSED_BY = re.compile(r"\b(?:threats?|danger|dangers|menace)\s+(?:[\w-]+\s+)?(?:posed|presented)\s+by\s+(?:the\s+)?$")


@cache
def _reason_link_before() -> re.Pattern[str]:
    """A tie of the ones a measure hits, given as its reason, right before a party: 'for their nexus to the',
    'over its links with' (words.csv REASON_LINKS)."""
    return re.compile(r"\b(?:for|over|because\s+of)\s+(?:their|its|his|her)\s+(?:alleged\s+)?(?:"
                      + word_classes()["REASON_LINKS"] + r")\s+(?:to|with|in)\s+(?:the\s+)?$", re.I)

#: What a party suffers a breach of: "Paraguay's territorial integrity", "Qatar's sovereignty"
_VICTIM_AFTER = re.compile(r"['’]s\s+(?:territorial\s+integrity|sovereignty|airspace|territorial\s+waters|"
                           r"national\s+security|internal\s+affairs)\b", re.I)


@cache
def _coordinated_verb() -> re.Pattern[str]:
    """A second verb of the subject (words.csv SECOND_VERBS) between a trigger and a party: the party is that
    verb's object."""
    return re.compile(r"\band\s+(?:also\s+|then\s+|later\s+)?(?:" + word_classes()["SECOND_VERBS"] + r")\b", re.I)




#: A gerund opening a phrase of its own between a trigger and a party: 'by criticizing', 'after accusing'
_GERUND_CLAUSE = re.compile(r"\b(?:by|for|after|before|while|when|since|without)\s+\w+ing\b", re.I)


@cache
def _act_site() -> re.Pattern[str]:
    """A violent act (words.csv VIOLENT_ACTS) and 'in' right before a party: 'the coup in Niger' is where the act
    happened, not who did it or is backed."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["VIOLENT_ACTS"] + r")\s+(?:in|inside|across)\s+(?:the\s+)?$",
                      re.I)


@cache
def _act_suffered() -> re.Pattern[str]:
    """A violent act (words.csv VIOLENT_ACTS) and 'against' or 'on' right before a party: 'the attack against
    Israel' names the one who suffered it."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["VIOLENT_ACTS"] + r")\s+(?:against|on|upon)\s+(?:the\s+)?",
                      re.I)


@cache
def _possessed_act():
    """'s and an act of the party (words.csv POSSESSED_ACTS): 'welcomed Japan's decision' welcomes no one."""
    return re.compile(r"(?:'|’)s\s+(?:[\w-]+\s+){0,2}?" + word_classes()["POSSESSED_ACTS"] + r"(?![\w-])", re.I)


@cache
def _act_of_before() -> re.Pattern[str]:
    """An act of the party named after 'of' (words.csv POSSESSED_ACTS): 'welcomed the opening of the Kenyan
    consulate' welcomes no one."""
    return re.compile(r"\s+(?:the|a|an)\s+(?:[\w-]+\s+)?" + word_classes()["POSSESSED_ACTS"]
                      + r"\s+of\s+(?:the\s+)?", re.I)


#: A wording that ends in 'by' itself ('rejected a demand by'): it names its target right after (a participle
#: before 'by' names an agent again: 'a proposal reported by U.S. media')
_ENDS_IN_BY = re.compile(r"(?<!ed)\s+by$", re.I)


@cache
def _given_by() -> re.Pattern[str]:
    """A wording closing on a giving participle and 'by' (words.csv GIVING_PARTICIPLES: 'accepted the help offered
    by'): the party after it gave what the wording names."""
    return re.compile(r"\b(?:" + word_classes()["GIVING_PARTICIPLES"] + r")\s+by$", re.I)


def _agent_floor(doc: _Doc, candidate: _Candidate) -> int:
    """Where an agent's 'by' may start: after the wording when the wording itself ends in 'by' ('rejected a
    demand by Mexico': Mexico made the demand rejected, it is the target the row names, not a go-between; 'accepted
    the help offered by Spain': Spain gave the help accepted)."""
    if _ENDS_IN_BY.search(doc.text, candidate.head_start, candidate.end) \
            or _given_by().search(doc.text, candidate.head_start, candidate.end):
        return candidate.end
    return 0


@cache
def _unnamed_group() -> re.Pattern[str]:
    """A group named by no party right after a charge, or after its preposition when the trigger ends before
    it ('lashed out' + 'at those concerned about'; words.csv UNNAMED_PARTIES: 'those concerned about', 'critics
    of', 'relations with Western countries'), its members not listed after it: a party later in the phrase is what
    they talk about or where they act."""
    return re.compile(r"\s+(?:(?:at|against|on|with)\s+)?(?:(?:some|certain|other|the|all|foreign|western)\s+)*(?:"
                      + word_classes()["UNNAMED_PARTIES"] + r")\b(?!\s*,?\s*(?:including|such\s+as|like|among\s+them|"
                      r"notably|in|from|of\s+(?-i:[A-Z]))\b)", re.I)


@cache
def _group_words() -> re.Pattern[str]:
    """A group that names no party (words.csv UNNAMED_PARTIES: 'Western nations', 'critics'), which a later 'them'
    may stand for."""
    return re.compile(r"(?<![\w-])(?:(?:some|certain|other|the|all|foreign|western)\s+)*(?:"
                      + word_classes()["UNNAMED_PARTIES"] + r")\b", re.I)


@cache
def _agents_of() -> re.Pattern[str]:
    """'the military governments of', 'the new authorities of': those who act for the party named next
    (words.csv AGENT)."""
    return re.compile(rf"\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}(?:{word_classes()['AGENT']})\s+of\s+(?:the\s+)?", re.I)


#: What a party suffers in a charge: 'a breach of', 'a violation of', 'an attack on', 'a strike targeting'
@cache
def _victim_before() -> re.Pattern[str]:
    """words.csv CHARGE_SUFFERED and SUFFERING before the party, or 'targeting'."""
    classes = word_classes()
    return re.compile(r"(?<![\w-])" + classes["CHARGE_SUFFERED"] + r"\s+(?:of|on|to|in|against|for)\s+(?:the\s+)?$"
                      r"|\btargeting\s+(?:the\s+)?$|(?<![\w-])" + classes["SUFFERING"] + r"\s+of\s+(?:the\s+)?$", re.I)


#: An '-ing' verb right before a party, which is its object: 'by courting Chad'
_GERUND_OBJECT = re.compile(r"\b[a-z]{3,}ing\s+(?:the\s+)?$")


@cache
def _move_named_back() -> re.Pattern[str]:
    """', a move that', ', a decision which' (the comma may be missing): the act just told named back in an
    apposition (words.csv MEASURES_NAMED_BACK) whose relative clause goes on to the trigger."""
    return re.compile(r",?\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:" + word_classes()["MEASURES_NAMED_BACK"]
                      + r")\s+(?:that|which)\b", re.I)


def _object_of_move_named_back(doc: _Doc, candidate: _Candidate, mention: Mention) -> bool:
    """'Moscow widened its reach in the Sahel by courting Chad, a step that drew a protest from France': the
    object of the '-ing' verb whose act an apposition names back is not the one protested against; the doer of
    the move, named before it, is."""
    return candidate.trigger.actor == "after" \
        and _GERUND_OBJECT.search(doc.text, max(candidate.sentence.start, mention.start - 20), mention.start) \
        is not None and _move_named_back().search(doc.text, mention.end, candidate.head_start) is not None
#: A pronoun object right after the wording: the party charged or refused was named before
_PRONOUN_AFTER = re.compile(r"\s+(?:him|her|them|it)\s+", re.I)
#: 'in', 'inside' or 'within' right before a state: where what is charged or rejected happened
_SITE_BEFORE = re.compile(r"\b(?:in|inside|within)\s+(?:the\s+)?$", re.I)


def _only_a_site_named(doc: _Doc, candidate: _Candidate) -> bool:
    """'India rejects the narrative spread by extremists about recent incidents in Bangladesh': a refusal whose
    sentence names a state after it only as where things happened has left its other side unnamed on purpose; the
    state of the site, already set aside as a place, is no better guess for it than the document's main one. (A
    charge is left alone: 'condemned the crackdown on protesters in Iran' blames the state that rules the place.)"""
    if candidate.relation != "rejects" \
            or _PRONOUN_AFTER.match(doc.text, candidate.end):
        return False  # ('rejected it as a plot hatched in Georgia': the one refused was told before)
    after = [m for m in doc.mentions(candidate.sentence) if m.start >= candidate.end and m.country]
    return bool(after) and all(m.type == "country" and _SITE_BEFORE.search(doc.text, max(0, m.start - 12), m.start)
                               for m in after)
