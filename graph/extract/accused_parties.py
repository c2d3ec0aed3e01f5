"""Who a charge is against when its wording names others than the accused, for `targets._find_targets`.

A grievance passed on for another country ('conveyed Sudan's concerns'), a charge against one's own side
('accused Mr Biden of ...'), people accused of serving a state (the state is accused), an act condemned with
its doer after 'by' (the doer is accused, not the one it was done to), a doer that is no state ('by gunmen'),
the parties a harm is done to ('pressure on Greenland'), who suffer it rather than do it, and an armed group a
relative clause charges ('a militia that Kigali regards as a threat'), which no state stands for. Also the
grounds a measure is said to be taken on (`_grounds`, for `inferences._accusations_of_grounds`): conduct that
charges whoever did it ('because of their meddling'), a ground quoted as the measure-taker's own words, any
conduct of the target after a wording of retaliation or protest, and the target's own words ('because of "grave
statements" made by Ankara'); each makes the measure a charge against its target as well.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.attribution import _can_act, _is_target
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.no_object import _unnamed_group
from graph.records import Event, Mention


@cache
def _harmed_before() -> re.Pattern[str]:
    """A harm (words.csv HARMS) and the parties it is done to, up to the one at hand: 'pressure on ', 'aggression
    against Chad and '."""
    return re.compile(r"\b(?:" + word_classes()["HARMS"] + r")[”\"'’]?\s+(?:on|against|towards?)\s+(?:the\s+)?"
                      r"(?:[A-Z][\w.’'-]*\s+){0,3}?(?:(?:,|and|or)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}?)*$")


_OBJECT_BY = re.compile(r"[^,;:.!?()\"“”]{0,80}?\bby\s+(?:the\s+)?$")


#: What may stand between 'accusing' and the one accused: a courtesy title or an article.
_ACCUSED_GAP = re.compile(r"\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+|the\s+)?")


def _others_grievance(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """Whether the grievance inside the wording belongs to another country ('conveyed Sudan's concerns'): the actor
    only passes it on."""
    return any(candidate.head_end <= m.start and m.end < candidate.end and m.country and m.country != actor.country
               and _GRIEVANCE_OWNED.match(doc.text, m.end) for m in doc.mentions(candidate.sentence))


#: A grievance noun owned by the party right before it: 'Sudan's concerns', 'Kenya's strong protest'
_GRIEVANCE_OWNED = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:concerns?|alarm|dismay|outrage|objections?|protests?|"
                              r"displeasure|indignation|condemnation|anger|disappointment|grievances?|complaints?)\b",
                              re.I)


def _accuses_own_side(doc: _Doc, candidate: _Candidate, actor: Mention) -> bool:
    """Whether the one accused right after the verb is of the accuser's own country ('accused Mr Biden of
    ...'): the parties in the charge are not accused."""
    following = next((m for m in doc.mentions(candidate.sentence) if m.start >= candidate.head_end), None)
    return following is not None and following.type == "person" and following.country == actor.country \
        and _ACCUSED_GAP.fullmatch(doc.text, candidate.head_end, following.start) is not None \
        and re.match(r"\s+of\b", doc.text[following.end:following.end + 5]) is not None


@cache
def _agents_of() -> re.Pattern[str]:
    """What lies between a verb of accusing and the state its people are said to serve: 'accused two men of being
    "agents" of the', 'of spying for' (words.csv SPY_NOUNS)."""
    return re.compile(r"\s+(?:[\w'’-]+\s+){1,5}?of\s+(?:(?:being|acting\s+as|working\s+as)\s+(?:[\w-]+\s+){0,2}?"
                      r"[\"“]?(?:" + word_classes()["SPY_NOUNS"] + r")[\"”]?\s+(?:of|for)|spying\s+for|working\s+for)"
                      r"\s+(?:the\s+)?$", re.I)


def _principal_of_agents(doc: _Doc, candidate: _Candidate, actor: Mention) -> Mention | None:
    """'Benin accused two men of being agents of the Nigerien junta': people accused of serving a state stand for
    it, so the charge is against that state (the first party right after what `_agents_of` reads)."""
    for mention in doc.mentions(candidate.sentence):
        if mention.start <= candidate.head_end or mention.start - candidate.head_end > 110:
            continue
        if _agents_of().fullmatch(doc.text, candidate.head_end, mention.start) and _is_target(mention, actor):
            return mention
    return None


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


@cache
def _non_state_agent() -> re.Pattern[str]:
    """'by gunmen', 'by an angry mob': a doer that is no state (words.csv NON_STATE_AGENTS)."""
    return re.compile(r"\bby\s+(?:(?:a|an|the|unknown|armed|masked|angry|hundreds\s+of)\s+)*(?:"
                      + word_classes()["NON_STATE_AGENTS"] + r")\b", re.I)


@cache
def _armed_group_relative() -> re.Pattern[str]:
    """An armed group (words.csv ARMED_GROUPS) opening a relative clause that is still open: 'a Rwandan Hutu militia
    that Kigali regards ', 'the rebels, which Kigali sees '."""
    return re.compile(r"\b(?:" + word_classes()["ARMED_GROUPS"] + r")\s*,?\s+(?:that|which|whom)\s+[^,;:.!?]{0,60}$",
                      re.I)


def _group_charged_in_relative(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the one a charge is about is an armed group that a relative clause describes ('a militia that Kigali
    regards as a threat'): the group, no state, is the one charged."""
    return _armed_group_relative().search(doc.text, max(candidate.sentence.start, candidate.head_start - 120),
                                          candidate.head_start) is not None


@cache
def _charged_ground() -> re.Pattern[str]:
    """'because of', 'over', 'citing', 'in response to' and conduct that charges whoever did it (word class
    CHARGED_CONDUCT): the ground a measure was taken on. Up to four words ('their', 'Mexico's', 'what it called')
    may come between, none that opens another clause, and the conduct may open a quotation ('because of their
    "interference"'); a clause of reason may name it a little further ('because the country "will not tolerate
    subversive activities"'); group 1 is the conduct."""
    gap = r"(?!(?:and|or|but|that|which|who|while|after|before)\b)[\w'’\"“-]+\s+"
    return re.compile(r"\b(?:(?:because\s+of|over|citing|cites|cited|for|due\s+to|in\s+response\s+to|"
                      r"in\s+retaliation\s+for|"
                      r"in\s+protest\s+(?:at|over|against)|on\s+(?:the\s+)?grounds\s+of)\s+(?:" + gap + r"){0,4}?"
                      r"|because\s+(?:" + gap + r"){0,8}?)[\"“‘']?"
                      r"(" + word_classes()["CHARGED_CONDUCT"] + r")\b", re.I)


#: A ground that is the target's own words: "because of 'grave statements' made by Ankara", "over Erdogan's
#: remarks" (words.csv SPOKEN_WORDS); the speaker is the owner or the party after 'by'/'from'
@cache
def _spoken_ground() -> re.Pattern[str]:
    """The ground of a measure told as what another party said (group 'owner' before the words, 'by' after).
    Only words of reason open it: 'after remarks by a minister' tells when, not why."""
    words = word_classes()["SPOKEN_WORDS"]
    return re.compile(r"\b(?:because\s+of|over|in\s+response\s+to|"
                      r"in\s+protest\s+(?:at|over|against))"
                      r"\s+(?:the\s+)?(?:(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s?\s+)?"
                      r"(?:[\w\"“”-]+\s+){0,2}?[\"“]?(?:" + words + r")[\"”]?"
                      r"(?:\s+(?:made\s+)?(?:by|from)\s+(?:the\s+)?"
                      r"(?P<by>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}))?", re.I)


def _spoken_by_target(doc: _Doc, sentence, event: Event, match: re.Match[str]) -> bool:
    """Whether the words a measure answers are the target's: its name (or its leader's) owns them or says them."""
    spans = [(match.start(group), match.end(group)) for group in ("owner", "by") if match.group(group)]
    return any(start <= m.start < end and m.country == event.target_country
               for m in doc.mentions(sentence) for start, end in spans)


#: A ground that is a grievance whatever the conduct is called, when it is the target's own: 'in retaliation for
#: Moscow's military action', 'in protest at Rome's decision'
_OWNED_GROUND = re.compile(r"\b(?:in\s+retaliation\s+(?:for|against)|in\s+protest\s+(?:at|over|against)|"
                           r"in\s+reprisal\s+for|to\s+punish\s+\w+\s+for)\s+(?:the\s+)?"
                           r"(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s?\s+", re.I)


#: A ground the measure's actor names in quotation marks, right after 'over' or 'citing': 'recalls envoy over
#: "pro-Russian course"', 'over "antisemitic" remarks': the quoted words are the actor's own charge, whatever they are
_QUOTED_GROUND = re.compile(r"\b(?:over|citing|cites|cited)\s+(?:(?:the|its|their|his|her|what\s+it\s+called)\s+)?"
                            r"[\"“‘'](?=\w)[^\"”’']{3,40}[\"”’']", re.I)


def _grounds(doc: _Doc, sentence, event: Event, start: int, reach: int) -> list[re.Match[str]]:
    """The grounds of a measure read after its wording, in text order: charged conduct, a ground quoted as the
    actor's own words, or any conduct of the measure's target after a wording that makes it a grievance ('in
    retaliation for Moscow's military action')."""
    found = list(_charged_ground().finditer(doc.text, start, reach))
    found += [match for match in _QUOTED_GROUND.finditer(doc.text, start, reach)
              if not any(match.start() <= other.start() < match.end() for other in found)]
    for match in _OWNED_GROUND.finditer(doc.text, start, reach):
        if any(m.start == match.start("owner") and m.country == event.target_country for m in doc.mentions(sentence)):
            found.append(match)
    found += [match for match in _spoken_ground().finditer(doc.text, start, reach)
              if (match.group("owner") or match.group("by")) and _spoken_by_target(doc, sentence, event, match)
              and not any(match.start() <= other.start() < match.end() for other in found)]
    return sorted(found, key=lambda match: match.start())


#: A relative clause on the party named before it, up to the trigger: ', which they accuse', ' whom Bamako
#: blames' (its subject and an auxiliary or adverb in up to three words)
_ANTECEDENT_CLAUSE = re.compile(r",?\s+(?:which|whom)\s+(?:[\w.'’-]+\s+){1,3}")
#: What the charge is: ' of', ' for', ' over' right after the trigger
_CHARGE_AFTER = re.compile(r"\s+(?:of|for|over)\b")


def _accused_antecedent(doc: _Doc, candidate: _Candidate, actor: Mention) -> Mention | None:
    """'recalled their envoys from Algeria, which they accuse of shooting down a Malian drone': the object of a
    charge told in a relative clause is the party the clause is on, named right before 'which', not a party the
    charge itself names."""
    if candidate.relation != "accuses" or not _CHARGE_AFTER.match(doc.text, candidate.head_end):
        return None
    before = [m for m in doc.mentions(candidate.sentence) if m.end <= candidate.head_start]
    for mention in reversed(before):
        if _ANTECEDENT_CLAUSE.fullmatch(doc.text, mention.end, candidate.head_start):
            return mention if _is_target(mention, actor) else None
    return None


#: Between a group that names no party and a party listed with it: ' and ', ' and the '
_AND_NAMED = re.compile(r"\s+and\s+(?:the\s+)?")


def _named_beside_unnamed(doc: _Doc, candidate: _Candidate, actor: Mention) -> list[Mention]:
    """'blamed Western capitals and the Moldovan president for stalling the deal': a group that
    names no party, then 'and' a named one; the group leaves no one to guess, but the party listed with it is
    charged too."""
    if candidate.relation != "accuses":
        return []
    group = _unnamed_group().match(doc.text, candidate.end)
    named = _AND_NAMED.match(doc.text, group.end()) if group is not None else None
    if named is None:
        return []
    first = next((m for m in doc.mentions(candidate.sentence) if m.start == named.end()), None)
    return [first] if first is not None and _is_target(first, actor) else []
