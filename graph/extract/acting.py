"""Whether a party named before a trigger acts there (`_acts_here`), and who acts for it.

The subject search (subject.py) walks back from a trigger; each party it meets is tested here: parties that
modify a noun ('US military aircraft'), are set aside ('Kyiv, not Moscow'), are left ('left Accra'), describe the
subject in an apposition, are only told something, own the envoy that is the target, stand in a relative
clause, a prepositional phrase, a dateline or another quotation do not act. A country that introduces a person
("Congo's Thérèse Kayikwamba Wagner", 'Alberto Ruiz, Peru's foreign minister,') acts through that person, and
'it' reads back to the last country that could act (`_last_country_before`), up to a body of no one country
that opens its sentence as its subject ('the G7 agreed ... They also urged': 'they' is that body).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from graph.extract.candidates import _Candidate
from graph.extract.coordination import _after_preposition, _list_head
from graph.extract.document import _RELATIVE, _Doc, _preposition_before
from graph.extract.lexicon import _cue
from graph.extract.owners import _can_act
from graph.records import Mention
from graph.text import Sentence


def _excluded_spans(doc: _Doc, sentence: Sentence) -> list[tuple[int, int]]:
    cached = doc.relatives.get(sentence.index)
    if cached is None:
        cached = [(sentence.start + m.start(), sentence.start + m.end()) for m in _RELATIVE.finditer(sentence.text)]
        doc.relatives[sentence.index] = cached
    return cached


def _possessed_person(doc: _Doc, mentions: list[Mention], mention: Mention) -> Mention:
    """"Congo's Thérèse Kayikwamba Wagner": the person the country's name introduces acts, not the bare
    country (which could not travel or meet)."""
    if mention.type != "country" or mention.via not in ("name", "capital", "demonym"):
        return mention
    apposed = _apposed_person(doc, mentions, mention)
    if apposed is not None:
        return apposed
    following = next((m for m in mentions if m.start >= mention.end), None)
    if following is not None and following.type == "person" and following.country == mention.country \
            and _OWNED_NAME.fullmatch(doc.text, mention.end, following.start):
        return following
    return mention


def _passive_agent(doc: _Doc, mentions: list[Mention], passive: re.Match[str]) -> Mention | None:
    """The party a passive's 'by' names. The match may take in an article that the mention spans ('by the Russian
    foreign minister'), and a nationality before a title and a name ('by Russian Foreign Minister Sergei Lavrov')
    introduces the person who holds the office: that person acts, for that country."""
    agent = next((m for m in mentions if passive.start() < m.start <= passive.end()), None)
    if agent is None or agent.via != "demonym":
        return agent
    return _possessed_person(doc, mentions, agent)


def _apposed_person(doc: _Doc, mentions: list[Mention], mention: Mention) -> Mention | None:
    """"Alberto Ruiz, Peru's foreign minister, met ...": the country names the office of the person before the
    comma, who acts (and can meet or travel, as the bare country cannot)."""
    if not _OFFICE_APPOSED.match(doc.text, mention.end):
        return None
    person = next((m for m in reversed(mentions) if m.end <= mention.start), None)
    if person is not None and person.type == "person" and person.country == mention.country \
            and _COMMA_GAP.fullmatch(doc.text[person.end:mention.start]):
        return person
    return None


#: A bare comma and its white space between two names (compiled once: these checks run for every party of a clause)
_COMMA_GAP = re.compile(r",\s+")
_COMMA_BEFORE = re.compile(r",\s+$")
#: "'s foreign minister," after a country set off by commas after a person: the person's office (a portfolio of
#: two fields joined by 'and' may lengthen it: "'s minister for international development and the Pacific,")
_OFFICE_APPOSED = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,4}?(?:and\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?)?[\w-]+\s*,")


#: between a country and the person it introduces: "Congo's Thérèse ...", 'US envoy Richard Grenell',
#: 'Chinese President Xi Jinping' (a country's own person: at worst the actor gets finer, never another country)
_OWNED_NAME = re.compile(r"(?:['’]s)?\s+(?:[\w.'’-]+\s+){0,3}")


#: A quotation that opens right after a name and goes on with a verb: the name is the quoted clause's subject. A
#: quotation opening on a lower-case word continues the sentence ('Funakoshi "strongly urged China to ...').
_QUOTE_OPENS = re.compile(r"\s*[\"“](?=\s*(?:has|have|had|is|was|will|would|also|agreed|wants|[a-z]+ly\s+[a-z]+|"
                          r"[a-z]+ed)\b)")


def _quote_after(doc: _Doc, end: int) -> tuple[int, int] | None:
    """The quotation that opens right after a name with a verb ('Bukele "has agreed ...'), if any."""
    opening = _QUOTE_OPENS.match(doc.text, end)
    return doc.quotes.span_at(opening.end()) if opening else None


_POSSESSOR_GAP = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?")


_NOT_BEFORE = re.compile(r",\s+not\s+$")


_TOLD_BEFORE = re.compile(r"\b(?:told|tell|tells|telling|informed|informing|informs|inform|notified|notifying|"
                          r"notifies|assured|assuring)\s+(?:the\s+)?$", re.I)


#: What the one told is told: a clause ('that ...') or the teller's own decision ('about its decision to recall')
_THAT_AFTER_ADDRESSEE = re.compile(r"\s+(?:that\b|(?:about|of)\s+(?:(?:its|their|the|a|an|his|her)\s+)?"
                                   # ('of an "important" decision': a word or two, quoted perhaps, may describe it)
                                   r"(?:[“\"‘']?[\w-]+[”\"’']?\s+){0,2}?(?:decision|plans?|intention|move)\b)", re.I)


#: An apposition describing the subject, opened after it ('Kenya, a close US ally,', 'both key allies of') and
#: closed by a comma before the verb: a party named in it describes the subject and does not act.
_APPOSITION_OPENS = re.compile(r",\s+(?:a|an|both|two|three|all|each|one|itself|themselves|long-?time|key|close)\s+"
                               r"[^,;:()\"“”]*$", re.I)
_APPOSITION_CLOSES = re.compile(r"[^,;:()\"“”]*,\s*(?:[a-z]+\s+){0,3}")
#: A possessive description closed by a comma before the verb: "'s most important backer, "
_OWNER_APPOSED = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,4}[a-z][\w-]*\s*,\s*(?:[a-z]+\s+){0,3}")


#: A verb of leaving a place right before it: 'left Accra', 'departed from Lima'
_LEFT_FROM = re.compile(r"\b(?:left|leaves|leaving|departed|departs|departing)\s+(?:from\s+)?(?:the\s+)?$")


def _acts_here(doc: _Doc, mention: Mention, mentions: list[Mention], sentence: Sentence, candidate: _Candidate,
               trigger_quoted: bool) -> bool:
    if not _can_act(mention) or _modifies_noun(doc, mention):
        return False
    if _NOT_BEFORE.search(doc.text, max(0, mention.start - 8), mention.start):
        return False  # 'Kyiv, not Moscow, had refused': the party set aside does not act
    if candidate.relation == "visits" and _LEFT_FROM.search(doc.text, max(0, mention.start - 24), mention.start):
        return False  # 'left Accra on Sunday after a visit to Ghana': the place left is no visitor
    if _APPOSITION_OPENS.search(doc.text, max(sentence.start, mention.start - 40), mention.start) \
            and _APPOSITION_CLOSES.fullmatch(doc.text, mention.end, candidate.head_start) \
            and any(_can_act(m) and m.end <= mention.start - 3 for m in mentions if m.start >= sentence.start):
        return False  # 'Kenya and Uganda, both key US allies, dismissed': a description of the subject
    if _COMMA_BEFORE.search(doc.text[max(sentence.start, mention.start - 4):mention.start]) \
            and _OWNER_APPOSED.fullmatch(doc.text, mention.end, candidate.head_start) \
            and any(_can_act(m) and m.end <= mention.start - 2 for m in mentions if m.start >= sentence.start):
        return False  # "The United Kingdom, Moldova's main backer, condemned": the owner in a description
    if doc.dateline_start <= mention.start and mention.end <= doc.dateline_end:
        return False  # 'QUITO/BOGOTA, Colombia (Reuters) - Ecuador ...': where the report was filed
    if _TOLD_BEFORE.search(doc.text, max(0, mention.start - 16), mention.start) \
            and _THAT_AFTER_ADDRESSEE.match(doc.text, mention.end):
        return False  # 'answered by telling Vilnius that ...': the one told is no doer of what it is told
    if candidate.trigger.target.startswith("owner") and _POSSESSOR_GAP.fullmatch(doc.text, mention.end,
                                                                                 candidate.head_start):
        return False  # "the junta requested that France's ambassador leave": the envoy's owner is the target
    if any(start <= mention.start < end and end <= candidate.head_start
           for start, end in _excluded_spans(doc, sentence)):
        return False
    if _after_preposition(doc, mention, mentions, sentence.start):
        return False
    quoted = doc.quotes.covers(mention.start)
    if quoted and not trigger_quoted:
        return False  # '"The United States' arms sales ...," a spokesperson said, urging Washington to'
    if mention.type == "person" and trigger_quoted and not quoted \
            and _quote_after(doc, mention.end) == doc.quotes.span_at(candidate.head_start):
        return True  # 'Bukele "has agreed to the most extraordinary deal," Rubio said': the quote is his predicate
    return not (mention.type == "person" and quoted != trigger_quoted)


def _last_country_before(doc: _Doc, offset: int) -> Mention | None:
    """The most recent acting country (or a person's country) before an offset: the antecedent of 'it'."""
    index = bisect_right(doc.actors.starts, offset) - 1
    while index >= 0:
        mention = doc.actors.mentions[index]
        if _stateless_subject(doc, mention):
            return None  # 'The EU said it would widen its measures on Minsk. They also asked'
        if _can_act(mention) and mention.type in ("country", "organization") and mention.country:
            first = _list_head(doc, index)  # 'the envoys of Chile, Colombia and Brazil': Brazil is an object too
            prefix = doc.text[max(0, first.start - 40):first.start]
            if not _preposition_before().search(prefix) and not _modifies_noun(doc, mention):
                return mention
        index -= 1
    return None


def _stateless_subject(doc: _Doc, mention: Mention) -> bool:
    """A body of no one country (the G7, the UN) that opens its sentence as its subject: a later 'it' or 'they'
    is that body, not a country its sentence named only as an object ('sanctions against Moscow')."""
    if mention.type != "organization" or mention.country:
        return False
    sentence = doc.sentence_at(mention.start)
    return sentence is not None and _OPENING_PHRASE_GAP.fullmatch(doc.text, sentence.start, mention.start) is not None


#: Before a sentence's subject: an opening phrase up to its comma, at most ('In a communique on Sunday, the ')
_OPENING_PHRASE_GAP = re.compile(r"\W*(?:(?:In|On|At|After|Earlier|Later|Late|Early|Last)\b[^,;:.\"“”]{0,60},\s*)?"
                                 r"(?:[Tt]he\s+)?")


def _modifies_noun(doc: _Doc, mention: Mention) -> bool:
    """'US military aircraft', 'Chinese seafood': a country name used as a modifier is not a subject."""
    if mention.type != "country" or mention.via not in ("name", "capital"):
        return False
    followed = doc.text[mention.end:mention.end + 1] == " "
    return followed and _cue("MODIFIED").match(doc.text, mention.end + 1) is not None


#: Before the subject that opens a sentence: a time or a place, at most ('On Tuesday, ', 'In Moscow, ')
_OPENER_GAP = re.compile(r"\s*(?:(?:On|In|At|Last|Late|Early)\s+[\w ]{1,20},\s*)?(?:The\s+|the\s+)?")


def _clause_opener(doc: _Doc, mentions: list[Mention], start: int, before: int) -> Mention | None:
    """The country or body that opens the sentence as its subject, if one does before `before`: 'Moscow will summon
    the UK ambassador, Jane Hart, over its claim' reads 'its' as Moscow's, not as the envoy's (no person is 'its')."""
    first = next((m for m in mentions if m.start >= start), None)
    if first is None or first.start >= before or first.type not in ("country", "organization") \
            or not _can_act(first) or not _OPENER_GAP.fullmatch(doc.text, start, first.start):
        return None
    return first


#: A passive with its agent, then a clause of time or manner on it: 'were seized by Venezuelan police after crossing
#: the border or while ', 'was stopped by guards when '
_PASSIVE_THEN_ADJUNCT = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:\s+(?:up|off|out|away))?"
                                   r"\s+by\s+[^,;:.]{1,80}?\b(?:after|before|while|when|upon|since)\s+[^;:.]*$", re.I)


def passive_subjects_adjunct(doc: _Doc, candidate: _Candidate) -> bool:
    """Whether the trigger, a participle, opens or continues a clause of time on a passive ('the Americans were seized
    by Venezuelan police after crossing from Colombia or while travelling in the country'): its doer is the passive's
    subject, those acted on, not the agent named after 'by' nearest before it."""
    if not doc.text[candidate.head_start:candidate.head_end].split(" ", 1)[0].lower().endswith("ing"):
        return False
    return _PASSIVE_THEN_ADJUNCT.search(doc.text, max(candidate.sentence.start, candidate.head_start - 200),
                                        candidate.head_start) is not None
