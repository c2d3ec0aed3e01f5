"""Person countries: in which country the document places a person it introduced.

One introduced without a country is placed from the sentence around them (`_country_for`: a place opening
the sentence, a subject country, an apposition, the host of a visit), by what the document states about them
elsewhere (`_stated_countries`, in stated_countries.py), or else on the document's side that `person_sides`
works out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cache
from itertools import takewhile

from graph.actors.knowledge import KnowledgeBase, word_classes
from graph.actors.patterns import (
    _AFTER_PREPOSITION,
    _LIST_ITEM_GAP,
    SpanSet,
    _after_verb,
    _starts_of,
    sentences_of,
)
from graph.actors.person_sides import _CONJOINED, _addressed, _forwards
from graph.actors.section_headings import section_country
from graph.records import Mention
from graph.text import quote_spans

#: A place phrase opening a sentence right before a country: 'In ', 'Speaking in '
_IN_PLACE = re.compile(r"^\W*(?:In|From|Back\s+in|Speaking\s+in|Meanwhile\s+in|Over\s+in)\s+$")


#: 'with' introducing the other side of a meeting or a deal, in the clause right before a person's name.
_COUNTERPART_WITH = re.compile(r"\b(?:with|met|meets|meet|received|receives|hosted|hosts|welcomed|greeted|called\s+on|"
                               r"calls\s+on|call\s+on)\s+"
                               r"(?:[\w'’.-]+\s+){0,8}$")
#: A sentence told as part of a visit named before: 'During the visit, ', 'During his stay, '
_DURING_THE_VISIT = re.compile(r"\W*(?:During|On|In\s+the\s+course\s+of)\s+(?:the|his|her|this)\s+"
                               r"(?:[\w-]+\s+)?(?:visit|trip|stay|tour)\b")
#: A sentence whose subject is the visitor told before: 'He met with President Y'
_VISITOR_OPENS = re.compile(r"\W*(?:He|She)\s")
#: Sentences back in which a visit may have been told for a meeting told as its part
_VISIT_REACH = 3


@cache
def _statement_from() -> re.Pattern[str]:
    """A sentence opened by the piece a party issued ('A statement from Trinidad's foreign ministry confirmed
    that Minister X ...'): the issuer after 'from' is the side speaking, so an office holder it names without a
    country is its own (words.csv SPOKEN_PIECES)."""
    return re.compile(r"\W*(?:A|The)\s+(?:joint\s+)?(?:" + word_classes()["SPOKEN_PIECES"]
                      + r")\s+(?:issued\s+)?(?:from|by)\s+(?:the\s+)?$")


@cache
def _visit_to() -> re.Pattern[str]:
    """A visit told right before its place ('a visit to', words.csv VISIT_TO_NOUNS; 'visited', 'arrived in'): the
    place visited."""
    return re.compile(r"\b(?:(?:" + word_classes()["VISIT_TO_NOUNS"] + r")\s+(?:\w+\s+){0,2}?(?:to|of)|visited|"
                      r"arrived\s+in|arrives\s+in|arriving\s+in|landed\s+in)\s+(?:the\s+)?$")


@cache
def _hosted_by() -> re.Pattern[str]:
    """The one who receives a visitor, named right after 'by' (words.csv HOSTED_PARTICIPLES): 'was received at the
    airport by Prime Minister '."""
    return re.compile(r"\b(?:" + word_classes()["HOSTED_PARTICIPLES"] + r")\s+(?:[^.;:,]{0,40}?\s)?by\s+(?:the\s+)?"
                      r"(?:[\w'’.-]+\s+){0,4}$")


def _visited(text: str, mentions: list[Mention]) -> Mention | None:
    """The last country of `mentions` named as where someone went: 'visit to Nepal', 'arrived in Maputo'."""
    return next((m for m in reversed(mentions) if m.type == "country"
                 and _visit_to().search(text, max(0, m.start - 30), m.start)), None)


#: 'in Havana' after the other side of a meeting: that side's country ('met President Raul Ortiz in Havana')
_MET_IN = re.compile(r"[^.;:,]{0,40}?\b(?:in|at)\s+(?:the\s+)?$")


#: 'officials, including Prime Minister X and Foreign Minister': people listed as members of a group named just
#: before
_INCLUDING_BEFORE = re.compile(r",?[ \t]+(?:including|among\s+them|such\s+as)[ \t]+"
                               r"(?:(?:[A-Z][\w'’.-]*|\([A-Z]{2,5}\)),?[ \t]+(?:and[ \t]+)?){0,10}$")


_GROUP_OWNED = re.compile(r"(?:['’]s?)?[ \t]+(?:[\w-]+[ \t]+){0,2}(?:leadership|officials|ministers|team|delegation|"
                          r"cabinet|government|leaders)")


#: A name, then an apposition that says whose office it is: ', head of Mali's ...', ', the leader of Chad'.
@cache
def _agent_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name, then an apposition that says whom the person serves (words.csv SERVING_AGENTS): 'John Coale, an
    envoy of ', 'Ana Ruiz, a senior aide to ' (the one served is named next), and 'Krzysztof Szczerski, President
    Duda's aide,' (named before, with a possessive: group 'owner')."""
    agents = word_classes()["SERVING_AGENTS"]
    name = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3},[ \t]+"
    of = re.compile(name + r"(?:(?:an?|the)[ \t]+)?(?:[a-z-]+[ \t]+){0,2}(?:" + agents
                    + r")[ \t]+(?:of|to|for)[ \t]+(?:the[ \t]+)?")
    owned = re.compile(name + r"(?:[A-Z][\w.-]*[ \t]+){0,3}?(?P<owner>[A-Z][\w.-]*)['’]s?[ \t]+(?:[a-z-]+[ \t]+){0,2}"
                       r"(?:" + agents + r")\b")
    return of, owned


#: A capitalised office and 'of' before a country's name: 'President of the ' (whose envoy someone is)
_TITLE_OF = re.compile(r"(?:[A-Z][a-z]+[ \t]+){1,3}of[ \t]+(?:the[ \t]+)?")

_OF_APPOSITION = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3},[ \t]+(?:the[ \t]+)?(?:[a-z-]+[ \t]+){1,2}"
                            r"of[ \t]+(?:the[ \t]+)?"
                            # ', Assistant Secretary at the U.S. Department of Homeland Security', ', Director for
                            # Sanctions at the U.K. Foreign ... Office'
                            r"|[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3},[ \t]+(?:an?[ \t]+|the[ \t]+)?"
                            r"(?:[A-Z][\w-]*[ \t]+(?:(?:for|of|on|and)[ \t]+(?=[A-Z]))?){1,3}"
                            r"(?:at|of|for)[ \t]+the[ \t]+"
                            # ", the charge d'affaires at the Syrian embassy in Washington": the mission's country
                            r"|[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3},[ \t]+(?:an?[ \t]+|the[ \t]+)?"
                            r"(?:[a-z][\w'’-]*[ \t]+){1,3}at[ \t]+the[ \t]+")


@cache
def _acted_on_before() -> re.Pattern[str]:
    """words.csv ACTS_ON_OTHERS right before an office: 'had warned Ambassador ', 'called Foreign Minister '."""
    return re.compile(rf"\b(?:{word_classes()['ACTS_ON_OTHERS']})[ \t]+(?:the[ \t]+)?$")


@cache
def _condemned_hold_before() -> re.Pattern[str]:
    """A condemning verb, then a state's hold on the person right before the office (words.csv CONDEMNING_VERBS,
    CONDEMNED_HOLDS): 'condemns ... the arbitrary arrest of former Vice President X'."""
    return re.compile(rf"\b(?:{word_classes()['CONDEMNING_VERBS']})\b[^.;:]{{0,160}}?\b(?:"
                      rf"{word_classes()['CONDEMNED_HOLDS']})[ \t]+of[ \t]+(?:the[ \t]+)?"
                      r"(?:(?:former|ex-|ousted)[ \t]*)?$", re.IGNORECASE)


@cache
def _content_before() -> re.Pattern[str]:
    """words.csv PROTESTED then 'that' right before a country: 'the accusation that Rwanda ...'."""
    return re.compile(rf"\b(?:{word_classes()['PROTESTED']})[ \t]+that[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


def _other_side(raw: list[tuple[Mention, str]], country: str) -> str:
    """The country the document names most after `country`: the other side of a two-sided story."""
    counts = _country_counts(raw)
    return next((c for c, _ in counts.most_common() if c != country), "")


def _acted_on(text: str, role_start: int | None, sentence_start: int, in_sentence: list[Mention],
              raw: list[tuple[Mention, str]]) -> str:
    """An office holder who is the object of a country's act is of the other side: 'Polish authorities had
    warned Ambassador X', "Morocco's Foreign Ministry called Foreign Minister X's remarks ...", and so is one whose
    arrest it condemns ('Mexico condemns the arrest of former Vice President X': held by the other side). The document's
    other main country, or '' when the office is no such object."""
    if role_start is None or not (_acted_on_before().search(text, max(sentence_start, role_start - 30), role_start)
                                  or _condemned_hold_before().search(text, max(sentence_start, role_start - 200),
                                                                     role_start)):
        return ""
    subject = next((m for m in in_sentence if m.start < role_start and m.type in ("country", "person")
                    and not _AFTER_PREPOSITION.search(text[max(sentence_start, m.start - 15):m.start])), None)
    return _other_side(raw, subject.country) if subject is not None else ""


#: A word with a verb's ending right before a country, maybe with 'the': 'branded the UAE', 'accuses Mexico' (not
#: 'a senior U.S. delegation')
_VERB_FORM_BEFORE = re.compile(r"(?<![\w-])[a-z]+(?:ed|es)[ \t]+(?:the[ \t]+)?$")


#: A capitalised name run, perhaps after a title: 'President Lee', 'Lee'
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*[ \t]+){0,3}?(?P<last>[A-Z][\w'’-]*)(?![\w'’-])(?![ \t]+[A-Z])")


def _named_earlier(text: str, at: int, countries: list[Mention], before: int) -> str:
    """The country of a person named in full earlier in the text one of whose names ends the name run at `at`
    ('envoy of President Lee' after 'South Korean President Lee Jae-myung' names the same man)."""
    run = _NAME_RUN.match(text, at)
    if run is None:
        return ""
    last = run.group("last")
    return next((m.country for m in countries if m.type == "person" and m.start < before and m.country
                 and last in m.text.split()), "")


def _served_country(text: str, offset: int, sentence_end: int, countries: list[Mention],
                    mention_starts: list[int]) -> str:
    """The country of the one a person serves, from an apposition that says so ('John Coale, an envoy of President
    Trump', 'X, President Duda's aide'): it outranks where the sentence is set ('In Tokyo the premier welcomed X,
    envoy of President Lee': Lee's envoy, not Japan's), as the apposition names the person's side outright."""
    agent_of, agent_owned = _agent_patterns()
    agent = agent_of.match(text, offset, sentence_end)
    if agent:
        at = bisect_left(mention_starts, agent.end())
        if at < len(countries) and countries[at].type == "person" and countries[at].country \
                and countries[at].start - agent.end() <= 25:
            return countries[at].country  # 'John Coale, an envoy of President Trump': whom he serves
        if at < len(countries) and countries[at].type == "country" and countries[at].via == "demonym" \
                and countries[at].start == agent.end():
            return countries[at].country  # 'an aide to Azerbaijani President Ilham Aliyev': the served one's country
        if at < len(countries) and countries[at].type == "country" and countries[at].via == "name" \
                and _TITLE_OF.fullmatch(text, agent.end(), countries[at].start):
            # 'adviser of President of the Republic of Korea Lee Jae-myung': the served office's country
            return countries[at].country
        served = _named_earlier(text, agent.end(), countries, offset)
        if served:
            return served  # 'X, envoy of President Lee' after 'South Korean President Lee Jae-myung'
    owned = agent_owned.match(text, offset, sentence_end)
    if owned:
        owner = next((m for m in raw_mentions_ending(countries, owned.end("owner")) if m.type == "person"), None)
        if owner is not None and owner.country:
            return owner.country  # 'X, President Duda's aide': the country of the one served
    return ""


def _country_for(text: str, offset: int, kb: KnowledgeBase, raw: list[tuple[Mention, str]],
                 role_start: int | None = None) -> str:
    """Country of a person introduced without one, read from where news places them.

    In order: a place opening the sentence ('In Moscow, foreign ministry spokeswoman ...'); the first
    country the sentence names before the person, as a subject rather than a prepositional object; the
    first such country of the previous sentence in the same paragraph. "" when none applies (the caller
    then falls back to the dateline or the country the document is mostly about).
    """
    sentences = sentences_of(text)
    index = bisect_right(_starts_of(text), offset) - 1
    if index < 0 or _addressed(text, offset):
        return ""  # (the addressee of a letter is placed once the document's sides are known: `_fill_countries`)
    sentence = sentences[index]
    countries, mention_starts = _placing_mentions(raw)
    # Only mentions between the previous sentence's start and the offset can place the person.
    low = bisect_left(mention_starts, sentences[index - 1].start if index > 0 else sentence.start)
    high = bisect_left(mention_starts, offset)
    quoted = _quotes_of(text)
    # a country inside a quotation is what the speaker talks about, not where they stand ('"What China did
    # was reckless," coast guard spokesman X said')
    outside = not quoted.covers(offset)
    # ('The accusation that Rwanda backs M23 came from spokesman X': the country accused is no speaker's)
    in_sentence = [m for m in countries[low:high] if m.start >= sentence.start
                   and not (outside and quoted.covers(m.start))
                   and not _content_before().search(text, max(sentence.start, m.start - 40), m.start)]
    served = _served_country(text, offset, sentence.end, countries, mention_starts)
    if served:
        return served
    for mention in in_sentence:
        if _IN_PLACE.match(text[sentence.start:mention.start]):
            return mention.country
    visited = _own_visit_to(text, offset, countries, mention_starts)
    if visited:
        # 'the two governments signed the loan during finance minister Basil Rajapaksa's trip to New Delhi': the
        # visitor is not of the country visited, whatever the sentence names first
        in_sentence = [m for m in in_sentence if m.country != visited]
    including = _INCLUDING_BEFORE.search(text, max(sentence.start, offset - 120), offset)
    if including:
        group = next((m for m in _backwards(countries, high) if m.end <= including.start()), None)
        if group is not None and group.country and (
                including.start() - group.end <= 12
                or _GROUP_OWNED.fullmatch(text, group.end, including.start())):
            # ("the Kazakh government's senior leadership including ...": the group the owner names)
            return group.country  # 'Maldivian officials, including Vice President Ahmed Latheef'
    apposition = _OF_APPOSITION.match(text, offset, sentence.end)
    if apposition:
        at = bisect_left(mention_starts, apposition.end())
        if at < len(countries) and countries[at].start == apposition.end() and (
                countries[at].type == "country" and countries[at].via in ("name", "capital", "government")
                or countries[at].via == "government"):  # ('..., Director at the U.K. Foreign Office')
            return countries[at].country  # 'Abdoulaye Maiga, head of Mali's transitional government'
    other = _acted_on(text, role_start, sentence.start, in_sentence, raw)
    if other:
        return other
    for mention in _backwards(countries, high):
        if mention.start < offset - 80:
            break
        if mention.type == "country" and mention.end <= offset and offset - mention.end <= 3 \
                and re.match(r"['’]s?\s+$", text[mention.end:offset]):
            return mention.country  # "Denmark's Lars Løkke Rasmussen"
        if mention.type == "person" and mention.country and _CONJOINED.fullmatch(text, mention.end, offset):
            # 'talks with Mulino and Foreign Minister Chapma': office holders named together are one side
            return mention.country
    counterpart = _COUNTERPART_WITH.search(text, sentence.start, offset)
    object_end = -1
    for mention in in_sentence:
        if mention.type == "country" and _statement_from().match(text, sentence.start, mention.start):
            return mention.country  # 'A statement from Trinidad's ministry confirmed that Minister X held talks'
        if counterpart is not None and mention.start < counterpart.start():
            continue  # 'The Japanese ministers met with Foreign Secretary Manalo': the other side's man
        if _AFTER_PREPOSITION.search(text[max(sentence.start, mention.start - 15):mention.start]) or (
                object_end >= 0 and _LIST_ITEM_GAP.fullmatch(text, object_end, mention.start)):
            object_end = mention.end  # 'troops of Guinea and Mali': the whole list is the object
            continue
        if _both_sides_listed(text, mention, in_sentence):
            # 'India and Sri Lanka entered into the agreement, treasury secretary X told reporters': a subject
            # that lists both sides places the speaker on neither
            object_end = mention.end
            continue
        if mention.via != "demonym" and _after_verb(text, mention.start) \
                and _VERB_FORM_BEFORE.search(text, max(sentence.start, mention.start - 25), mention.start):
            # 'it branded the UAE an aggressor state, as announced by Defence Minister X': the verb's object is
            # the other side, not the announcer's
            object_end = mention.end
            continue
        return mention.country
    if counterpart is not None:
        after = next((m for m in takewhile(lambda m: m.start < sentence.end, _forwards(countries, high))
                      if m.type == "country" and m.via in ("capital", "name")
                      and _MET_IN.fullmatch(text, offset, m.start)), None)
        if after is not None:
            return after.country  # 'US envoy Mark Dalton met President Raul Ortiz in Havana'
        visited = _visited(text, [m for m in in_sentence if m.start < counterpart.start()])
        if visited is None and index > 0 and (_DURING_THE_VISIT.match(text, sentence.start)
                                              or _VISITOR_OPENS.match(text, sentence.start)):
            # 'X will pay a visit to Ghana. During the visit, X will meet President Y': the visit told before (in
            # the sentences before: 'X paid a State visit to Vietnam. ... He met with President Y')
            earlier = bisect_left(mention_starts, sentences[max(0, index - _VISIT_REACH)].start)
            visited = _visited(text, [m for m in countries[earlier:high] if m.start < sentence.start])
        if visited is not None:
            return visited.country  # 'X, on an official visit to Nepal, held talks with Prime Minister Y'
    if _hosted_by().search(text, max(sentence.start, offset - 90), offset):
        visited = _visited(text, countries[low:high])
        if visited is not None:
            # 'X arrived in Maputo. He was received at the airport by Prime Minister Y': the host is of the
            # place visited, not of the visitor the sentence before was about
            return visited.country
    if _ITS_ROLE.search(text[max(sentence.start, offset - 60):offset]):
        for mention in _backwards(countries, high):
            if mention.type == "country" and mention.via != "demonym" \
                    and not _AFTER_PREPOSITION.search(text[max(0, mention.start - 15):mention.start]):
                return mention.country
    if index > 0 and sentences[index - 1].line_start == sentence.line_start:
        previous = sentences[index - 1]
        object_end = -1
        for mention in countries[low:high]:
            if mention.start >= previous.end:
                break
            if object_end >= 0 and _LIST_ITEM_GAP.fullmatch(text, object_end, mention.start):
                object_end = mention.end  # 'agreed by China and the US': the whole list is the object
                continue
            if mention.via == "demonym" or mention.type == "person":
                continue
            if _after_verb(text, mention.start):
                object_end = mention.end  # 'The ministry summoned the Emirati envoy': a verb's object is the other side
                continue
            if not _AFTER_PREPOSITION.search(text[max(previous.start, mention.start - 15):mention.start]) \
                    or _IN_PLACE.match(text[previous.start:mention.start]):  # 'In La Paz, the ministry said'
                return mention.country
            object_end = mention.end
    speech = _SAID_SUBJECT.match(text, offset, sentence.end)
    if speech:
        at = bisect_left(mention_starts, speech.end())
        for mention in countries[at:]:
            if mention.start != speech.end():
                break
            if mention.type == "country" and mention.via != "demonym":
                return mention.country  # 'Foreign Minister X said Mexico would ...': the speaker's country
    return section_country(text, offset, countries)  # 'Italy' heading the section: 'Foreign Minister X said'


def _both_sides_listed(text: str, mention: Mention, in_sentence: list[Mention]) -> bool:
    """Whether a country named as the subject is listed with another country right after it ('India and Sri
    Lanka'): a subject that holds two sides says nothing of which one a person in the sentence is of."""
    if mention.type != "country" or mention.via == "demonym":
        return False
    following = next((m for m in in_sentence if m.start >= mention.end), None)
    return following is not None and following.type == "country" and following.via != "demonym" \
        and following.country != mention.country and re.fullmatch(r"[ \t]+and[ \t]+(?:the[ \t]+)?",
                                                                  text[mention.end:following.start]) is not None


#: The rest of a name and its possessive, then a trip: "Basil Rajapaksa's visit to ", "Wong's recent trip to "; or
#: the name as the subject of a verb of going: 'Rustam Minnikhanov had wanted to visit ', 'X arrived in '
_OWN_TRIP_AFTER = re.compile(r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:['’]s?[ \t]+(?:[a-z]+[ \t]+)?"
                             r"(?:visit|trip|tour|journey)[ \t]+to|[ \t]+(?:(?:had|has|have|will|would|was|is|"
                             r"wanted|planned|hoped|intended|to|also|then)[ \t]+){0,3}(?:visit|visited|visits|"
                             r"travel(?:l?ed|s)?[ \t]+to|arrived[ \t]+in|arrives[ \t]+in|flew[ \t]+to))[ \t]+"
                             r"(?:the[ \t]+)?")


def _own_visit_to(text: str, offset: int, countries: list[Mention], mention_starts: list[int]) -> str:
    """The country a person named at `offset` is said to visit ("X's visit to New Delhi"), or ""."""
    trip = _OWN_TRIP_AFTER.match(text, offset)
    if trip is None:
        return ""
    at = bisect_left(mention_starts, trip.end())
    if at < len(countries) and countries[at].start == trip.end() and countries[at].type == "country":
        return countries[at].country
    return ""


#: 'our ambassador', 'our new envoy': an office holder of the speaker's own side, inside a quotation
_OUR_BEFORE = re.compile(r"\b[Oo]ur[ \t]+(?:(?:new|former|then|acting|top|senior)[ \t]+)?$")
#: The same office said with 'our' and set off before the title that opens the name: 'our envoy in Lima, Ambassador '
_OUR_APPOSED = re.compile(r"\b[Oo]ur[ \t]+(?:[a-z-]+[ \t]+){0,2}?[a-z-]+(?:[ \t]+(?:in|to|at)[ \t]+(?:the[ \t]+)?"
                          r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})?,[ \t]+$")


def _speakers_side(text: str, role_start: int, raw: list[tuple[Mention, str]]) -> str | None:
    """The country of the speaker who calls an office holder 'our' ('"We recalled our ambassador to Tel Aviv,
    Kemal Aydin," the Turkish ministry said'): the one the quotation is attributed to, in its sentence outside
    the quotation, after it or else before it. '' when the sentence names none; None when no 'our' is said."""
    if not _OUR_BEFORE.search(text, max(0, role_start - 20), role_start) \
            and not _OUR_APPOSED.search(text, max(0, role_start - 80), role_start):
        return None
    quoted = _quotes_of(text)
    quote = quoted.span_at(role_start)
    if quote is None:
        return None
    sentences = sentences_of(text)
    index = bisect_right(_starts_of(text), role_start) - 1
    low = sentences[index].start if index >= 0 else 0
    high = next((s.end for s in sentences[index:] if s.end >= quote[1]), len(text))  # the quotation's sentence
    countries, starts = _placing_mentions(raw)
    around = [m for m in countries[bisect_left(starts, low):bisect_left(starts, high)]
              if not quoted.covers(m.start) and m.via != "place"]
    after = [m for m in around if m.start >= quote[1]]
    found = after[0] if after else (around[-1] if around else None)
    if found is None:
        found = _subject_before_quote(text, quote[0], countries, starts, quoted)
    return found.country if found is not None else ""


def _subject_before_quote(text: str, at: int, countries: list[Mention], starts: list[int],
                          quoted: SpanSet) -> Mention | None:
    """The country a quotation opened by a bare body goes on from ('Chile's ministry spoke on Monday. The ministry
    said: "... our envoy ..."'): the first country named outside quotes and not after a preposition in the
    quotation's sentence before it, else in the sentence before; None when neither names one."""
    sentences = sentences_of(text)
    index = bisect_right(_starts_of(text), at) - 1
    for sentence in sentences[index:index + 1] + sentences[max(0, index - 1):max(0, index)]:
        for mention in countries[bisect_left(starts, sentence.start):bisect_left(starts, min(sentence.end, at))]:
            if quoted.covers(mention.start) or mention.via == "place" or mention.type == "person" \
                    or _AFTER_PREPOSITION.search(text[max(sentence.start, mention.start - 15):mention.start]):
                continue
            return mention
    return None


_SAID_SUBJECT = re.compile(r"[^.;:]{0,60}?\b(?:said|says|told\s+\w+|stated|announced|insisted|warned|added)"
                           r"\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:the\s+)?")
_ITS_ROLE = re.compile(r"(?:\b[Ii]ts|\b[Tt]heir|\b[Tt]he\s+(?:country|nation|government|ministry|junta|regime)['’]s)"
                       r"\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:[A-Z][\w.-]*\s+){0,2}$")


_PLACING: list = [None, ([], []), 0]
_COUNTS: list = [None, Counter(), 0]


def raw_mentions_ending(mentions: list[Mention], end: int) -> list[Mention]:
    """The mentions that end at `end` (a name right before a possessive)."""
    return [m for m in mentions if m.end == end]


def _country_counts(raw: list[tuple[Mention, str]]) -> Counter:
    """How often the document names each country (by name, capital, demonym or government), counted once per
    document's mention list."""
    if _COUNTS[0] is not raw or _COUNTS[2] != len(raw):
        _COUNTS[0], _COUNTS[2] = raw, len(raw)
        _COUNTS[1] = Counter(m.country for m in _placing_mentions(raw)[0] if m.type == "country")
    return _COUNTS[1]


_QUOTED: list = [None, SpanSet([])]


def _quotes_of(text: str) -> SpanSet:
    """The quotations of the document being read, found once per document."""
    if _QUOTED[0] is not text:
        _QUOTED[0], _QUOTED[1] = text, SpanSet(quote_spans(text))
    return _QUOTED[1]


def _backwards(items: list[Mention], end: int) -> Iterator[Mention]:
    """`items[:end]` last to first without copying it: a copy per person placed was quadratic in long texts."""
    for index in range(end - 1, -1, -1):
        yield items[index]


def _placing_mentions(raw: list[tuple[Mention, str]]) -> tuple[list[Mention], list[int]]:
    """Mentions that can place a person in a country, sorted, with their starts for bisecting; computed once
    per document's mention list."""
    # Keyed by the list itself (held, so its id cannot be reused by the next document's list) and its length.
    if _PLACING[0] is not raw or _PLACING[2] != len(raw):
        _PLACING[0], _PLACING[2] = raw, len(raw)
        placing = sorted((m for m, _ in raw if m.type in ("country", "organization", "person") and m.country
                          and m.via in ("name", "demonym", "government", "capital", "role", "administration",
                                        "agency", "person")), key=lambda m: m.start)
        _PLACING[1] = (placing, [m.start for m in placing])
    return _PLACING[1]
