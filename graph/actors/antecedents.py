"""Antecedents: the tests on a pronoun's sentence that choose or rule out what it points back to.

'it' in a relative clause on a party's case is that party (`_owner_of_relative`); 'it' after an opening
'Although ...,' clause is that clause's subject (`_subject_of_opening_clause`); 'the country' in what a speaker
reports is the other country he names (`_focus_over_speaker`); a subject is not its own partner later in the
sentence (`_own_object`); an opening pronoun points to the previous sentence's subject (`_previous_subject`);
'he' before a participle clause's speaker is that speaker (`_cataphora`); 'it' closing a reported sentence ('"...,"
it added') is the speaker told before (`_closing_speaker_it`); 'the former' after a preposition leaves out its own
clause's subject (`_pair_without_own_subject`); a party after an object and a bare comma opens the next clause
(`_next_clause_subject`), and one after 'from both' is an object (`_object_after_pair_word`). They read the
shape of a sentence and the subjects of the sentences before it, not the running state, so they are a step of their
own; `resolution` reads the mentions in text order, keeps what each pronoun could point to (its trackers) and asks
these tests.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from graph.actors.knowledge import Person, word_classes
from graph.actors.offices_and_groups import _PAIR_PREPOSITIONS
from graph.actors.patterns import _SPEECH_AFTER_NAME, SpanSet, _after_preposition, _after_verb
from graph.records import Mention
from graph.words import ends_with_any

#: "Ghana's case against Togo, in which it": the owner of the thing a relative clause opens on
_OWNED_THING_RELATIVE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){1,3}(?:against|with)\s+[^,.;:]{1,60},\s+"
                                   r"(?:in\s+which|under\s+which|where)\s+")


def _owner_of_relative(text: str, resolved: list[Mention], at: int) -> Mention | None:
    """'a court threw out Ghana's case against Togo, in which it accused ...': 'it' in a relative clause on a
    party's case, complaint or deal is that party, not the other side named last."""
    for earlier in reversed(resolved[-6:]):
        if earlier.type == "country" and earlier.country and earlier.end < at \
                and _OWNED_THING_RELATIVE.fullmatch(text, earlier.end, at):
            return earlier
    return None


_INNER_PREPOSITION = re.compile(r"\s(?:of|from|to|in|with|against|for)\s")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z]+[ \t]+(?:the[ \t]+)?$")


def _object_phrase(text: str, mention: Mention) -> bool:
    """'recall its envoys from Chile', 'ordered out the envoys of Chile': a phrase naming a country's people
    after a lower-case word is an object, so its country is no subject for a later 'it'."""
    return mention.via in ("government", "role") and _INNER_PREPOSITION.search(mention.text) is not None \
        and _LOWER_WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start) is not None


#: A sentence opened by a participle clause: 'Speaking in Ankara, where he met ..., Zelensky said'.
_PARTICIPLE_OPENER = re.compile(r"[\"“‘']?(?:[A-Z][a-z]+ing|Asked|Interviewed|Questioned|Pressed)\b")


def _cataphora(items: list[tuple[Mention, str]], persons: dict[str, Person], sentences: list, starts: list[int],
               text: str) -> dict[int, Mention]:
    """Pronouns that point forward: in a sentence opened by a participle clause, 'he' or 'she' before the
    sentence's speaker is that speaker ('Speaking in Ankara, where he met Erdogan, Zelensky said')."""
    found: dict[int, Mention] = {}
    # The mentions of a sentence by bisection of their starts: a scan of every mention for every such
    # sentence was quadratic in long texts.
    ordered = sorted((m for m, _ in items), key=lambda m: m.start)
    mention_starts = [m.start for m in ordered]
    _leaders_named_after(found, ordered, persons, text)
    for sentence in sentences:
        opening = _OWN_TIME_OPENER.match(text, sentence.start)
        if opening is not None:
            _point_to_subject(found, ordered, mention_starts, opening, sentence, text)
            continue
        if not _PARTICIPLE_OPENER.match(text, sentence.start):
            continue
        inside = ordered[bisect_left(mention_starts, sentence.start):bisect_left(mention_starts, sentence.end)]
        speaker = next((m for m in inside if m.type == "person" and _SPEECH_AFTER_NAME.match(text, m.end)), None)
        if speaker is None:
            continue
        person = persons.get(speaker.key)
        speaker = Mention(speaker.start, speaker.end, speaker.text, "person", speaker.key,
                          person.country if person else speaker.country, speaker.role, speaker.via)
        for mention in inside:
            if mention.start >= speaker.start:
                break
            if mention.type == "pronoun" and mention.key == "person" and mention.text.lower() in ("he", "she"):
                found[mention.start] = speaker
    return found


#: Between 'the administration' and the leader it belongs to: 'of President ', 'of Prime Minister '
_OF_TITLE = re.compile(r"[ \t]+of[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,3}")


def _leaders_named_after(found: dict[int, Mention], ordered: list[Mention], persons: dict[str, Person],
                         text: str) -> None:
    """'the administration of President Donald Trump deported 200 Venezuelans': an administration whose leader
    is named right after it is that leader's country's, not that of the country last named before."""
    for mention, following in zip(ordered, ordered[1:], strict=False):
        if mention.type != "pronoun" or mention.key != "admin" or following.type != "person" \
                or _OF_TITLE.fullmatch(text, mention.end, following.start) is None:
            continue
        person = persons.get(following.key)
        country = person.country if person else following.country
        if country:
            found[mention.start] = Mention(following.start, following.end, following.text, "person", following.key,
                                           country, following.role, following.via)


#: A sentence opened by a time told through its subject's own act: 'During her visit, ', 'After his talks in Paris, '
_OWN_TIME_OPENER = re.compile(r"\W*(?:During|Throughout|After|Before|On|Following|At\s+the\s+end\s+of)\s+"
                              r"(?P<owner>his|her|their)\s+[^,.;:]{1,60},\s+")


#: Capitalised words before a mention of a person's surname: the rest of their name
_NAME_WORDS = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){0,2}")


def _point_to_subject(found: dict[int, Mention], ordered: list[Mention], mention_starts: list[int],
                      opening: re.Match[str], sentence, text: str) -> None:
    """'During her visit, the Japanese Foreign Minister also called on ...': the owner of the opening phrase is
    the main clause's subject right after its comma, not whoever the previous sentence named last."""
    at = bisect_left(mention_starts, opening.end())
    # ('During his visit, Holmes Trujillo ...': the surname found, the first of two family names before it)
    if at >= len(ordered) or not _NAME_WORDS.fullmatch(text, opening.end(), ordered[at].start) \
            or ordered[at].start >= sentence.end \
            or ordered[at].type == "pronoun" or not (ordered[at].type == "person" or ordered[at].via == "role"):
        return
    subject = ordered[at]
    for mention in ordered[bisect_left(mention_starts, opening.start("owner")):at]:
        if mention.type == "pronoun" and mention.key == "person" and mention.start == opening.start("owner"):
            found[mention.start] = subject


#: A preposition that introduces a clause's other party: 'an agreement with Russia', 'sanctions against Iran'.
_PARTY_PREPOSITION = re.compile(r"\b(?:with|against)\s+(?:the\s+)?$")


def _own_object(text: str, items: list[tuple[Mention, str]], starts: list[int], mention: Mention, country: str,
                sentences: list, index: int) -> bool:
    """True when the country a subject pronoun would stand for is named later in its sentence as the other
    party ('... signed an agreement with Russia'): a clause's subject is not its own partner."""
    if index < 0 or index >= len(sentences) \
            or not _SUBJECT_START.fullmatch(text, sentences[index].start, mention.start):
        return False
    end = sentences[index].end
    at = bisect_left(starts, mention.end)
    for other, _ in items[at:]:
        if other.start >= end:
            return False
        if other.country == country and other.type == "country" \
                and _PARTY_PREPOSITION.search(text, max(0, other.start - 12), other.start):
            return True
    return False


def _object_later(text: str, items: list[tuple[Mention, str]], starts: list[int], mention: Mention, country: str,
                  sentence_end: int) -> bool:
    """True when `country` is named later in the sentence as a verb's object or the other party ('The military
    government accused Paris of meddling'): the rulers a nominal names are not the ones their clause acts on."""
    for other, _ in items[bisect_left(starts, mention.end):]:
        if other.start >= sentence_end:
            return False
        if other.country == country and other.type == "country" and other.via in ("name", "capital") \
                and (_after_verb(text, other.start)
                     or _PARTY_PREPOSITION.search(text, max(0, other.start - 12), other.start)):
            return True
    return False


def _other_recent(resolved: list[Mention], country: str, since: int) -> Mention | None:
    """The last country other than `country` named as a country from offset `since` on."""
    for earlier in reversed(resolved):
        if earlier.start < since:
            return None
        if earlier.type == "country" and earlier.country and earlier.country != country \
                and earlier.via in ("name", "capital", "government", "demonym"):
            return earlier
    return None


#: Only an opening phrase or nothing between a sentence's start and its subject.
_SUBJECT_START = re.compile(r"\W*(?:(?:[A-Z][\w-]*|[a-z]+)\s+)?")

#: 'Trump met al-Sharaa ..., a day after he announced': a subordinate clause's 'he' is the main subject
#: The subject's speech verb, then its reported clause: 'said on Monday after talks with X that'
#: (a stop after a lone capital is an abbreviation's, no sentence end: 'after meeting U.S. envoy X that')
_SAID_THAT = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:said|says|announced|stated|declared|insisted|stressed|"
                        r"confirmed)\b(?:[^.;:\"“”]|(?<=\b[A-Z])\.){0,160}?\bthat\s+$")


#: A concessive or temporal clause opening a sentence, up to the comma before the main clause's subject
#: ('Although Wellington has criticised Beijing, it ...'); group 1 ends where the clause's own subject starts
_OPENING_CLAUSE = re.compile(r"\W*((?:although|though|even\s+though|while|whereas|after|before|when|since|once)\s+"
                             r"(?:the\s+)?)[^,;:]+,\s+$", re.I)


def _since(resolved: list[Mention], start: int) -> list[Mention]:
    """The mentions resolved so far (in text order) that start at or after `start`, read back from the end: a scan
    of every mention of the document for each pronoun made long texts quadratic."""
    first = len(resolved)
    while first > 0 and resolved[first - 1].start >= start:
        first -= 1
    return resolved[first:]


def _subject_of_opening_clause(text: str, resolved: list[Mention], sentence_start: int, at: int) -> Mention | None:
    """'Although Wellington has criticised Beijing, it has moved closer to Washington': 'it' right after an opening
    concessive or temporal clause is that clause's subject, not the party named last in it."""
    opening = _OPENING_CLAUSE.fullmatch(text, sentence_start, at)
    if opening is None:
        return None
    subject = next((m for m in _since(resolved, opening.end(1)) if m.start == opening.end(1)), None)
    if subject is None or not subject.country or subject.type not in ("country", "organization", "person") \
            or subject.via == "demonym":
        return None  # ('When Russian jets crossed into its airspace, it': a nationality describes, no subject)
    return subject


def _said_that(text: str, subject: Mention, at: int) -> bool:
    """Whether the pronoun at `at` opens what `subject` is reported as saying."""
    return _SAID_THAT.fullmatch(text, subject.end, at) is not None


#: 'the country', "the nation's": a description a speaker does not use for his own country
_THE_COUNTRY = re.compile(r"the\s+(?:country|nation)", re.I)
_SPEECH_VERB = re.compile(r"\b(?:said|says|stated|told|added|announced|declared|insisted|stressed|explained|noted|"
                          r"argued|warned|confirmed)\b")


def _focus_over_speaker(text: str, resolved: list[Mention], sentence_start: int, mention: Mention,
                        antecedent: Mention) -> Mention:
    """'U.S. Secretary of State Rubio said the decision to revoke visas for South Sudanese came because the
    country's government failed to take back its citizens': a speaker names his own country or says 'we'; 'the
    country' in what he reports is the one other country his words name before it (a nationality counts), not
    his own, which the sentence names first as his title's."""
    if not _THE_COUNTRY.fullmatch(mention.text):
        return antecedent
    speech = next(reversed(list(_SPEECH_VERB.finditer(text, sentence_start, mention.start))), None)
    if speech is None:
        return antecedent
    here = [m for m in _since(resolved, sentence_start) if m.start < mention.start and m.country]
    if not any(m.country == antecedent.country and m.end <= speech.start() and m.type in ("person", "country")
               for m in here):
        return antecedent  # the country taken is not the speaker's
    said = [m for m in here if m.start >= speech.end() and m.type == "country"]
    others = {m.country for m in said}
    if len(others) != 1 or antecedent.country in others:
        return antecedent  # 'Rubio said Washington would back the country': his own named again, or no single other
    return said[-1]


def _opens_clause(text: str, sentence_start: int, offset: int, quotes: SpanSet) -> bool:
    """True when at most two words outside quotes come before `offset` in its sentence."""
    words = 0
    for match in re.finditer(r"\S+", text[sentence_start:offset]):
        if not quotes.covers(sentence_start + match.start()):
            words += 1
    return words <= 2


def _guests_before(subjects: dict[int, Mention], guests: set[int], index: int) -> bool:
    """Whether the closest earlier sentence that names a person names only guests it received."""
    earlier = next((i for i in range(index - 1, max(-1, index - 4), -1) if i in subjects or i in guests), None)
    return earlier is not None and earlier in guests


#: Between an office and the name that it introduces: "Thailand's deputy prime minister and defence minister, X,
#: said" is one person
_APPOSED = re.compile(r"(?:[ \t]+and[ \t]+[a-z][a-z -]{0,40})?[\s,]*(?:\([^()]*\)[\s,]*)?")


def _previous_subject(subjects: dict[int, Mention], index: int, pronoun: str, gender_of: dict[str, str],
                      sayers: dict[int, Mention] | None = None, text: str = "") -> Mention | None:
    """The first person named outside quotes in the closest earlier sentence that names one; an office holder
    named only by the office before that person is the subject instead ('The Brazilian president suggested that
    X, who ..., mediate. He reiterated': 'he' is the president, X only the one his clause is about)."""
    wanted = "f" if pronoun.lower().startswith(("she", "her")) else "m"
    for earlier in range(index - 1, max(-1, index - 4), -1):
        subject = subjects.get(earlier)
        sayer = (sayers or {}).get(earlier)
        if subject is not None and sayer is not None and sayer.start < subject.start \
                and not _APPOSED.fullmatch(text, sayer.end, subject.start):
            return sayer
        if subject is not None:
            gender = gender_of.get(subject.key, "")
            return subject if gender in ("", wanted) else None
    return None


_WHAT_BEFORE = re.compile(r"\bwhat\s+$", re.I)


@cache
def _label_after() -> re.Pattern[str]:
    """' called', ' has described as' after the pronoun (words.csv LABELLING_VERBS)."""
    return re.compile(r"\s+(?:has\s+|had\s+|have\s+|repeatedly\s+|once\s+)?(?:" + word_classes()["LABELLING_VERBS"]
                      + r")\b", re.I)


@cache
def _told_that() -> re.Pattern[str]:
    """The subject's telling verb (words.csv TELLING_VERBS) and the 'that' opening what is told: ' has told visiting
    ... Pompeo that ...'."""
    return re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:" + word_classes()["TELLING_VERBS"] + r")\b"
                      r"[^.;:]{0,120}?\bthat\b[^.;:]*$")


def _labeller(text: str, sayer: Mention, mention: Mention) -> bool:
    """'X told Blinken that Washington must halt what he called baseless smears': a 'he' putting a label on a
    thing inside what the sentence's subject tells someone is the teller, not the listener named last (in
    'before the Turkish leader announced what he called', the one named last)."""
    return mention.text.lower() in ("he", "she") \
        and _WHAT_BEFORE.search(text, max(sayer.end, mention.start - 8), mention.start) is not None \
        and _label_after().match(text, mention.end) is not None \
        and _told_that().match(text, sayer.end, mention.start) is not None


#: A speech verb and 'that' opening what a speaker reports: 'X announced that', 'the ministry said on Monday that'
_REPORTED_THAT = re.compile(r"\b(?:said|says|announced|announces|stated|states|declared|added|confirmed)\s+"
                            r"(?:\w+\s+){0,2}?that\b")


@cache
def _venue_after_name() -> re.Pattern[str]:
    """A capital naming a building or a facility ('Doha International Airport'): words.csv VENUE after up to two
    capitalised words."""
    return re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+(?i:" + word_classes()["VENUE"] + r")\b")


def _parties_not_bystanders(text: str, here: dict[str, Mention], sentence_start: int,
                            position: int) -> dict[str, Mention]:
    """The countries of a sentence that can be the two parties of 'the two nations', without the speaker who
    announces the pair's deal and the body of his title ('Minister of State at the Ministry of Foreign Affairs X
    announced that ...') and a capital that only names a place on the way ('en route to Doha International
    Airport'): what is left when a sentence names more than two."""
    reported = _REPORTED_THAT.search(text, sentence_start, position)
    return {country: m for country, m in here.items()
            if not (reported is not None and m.end <= reported.start())
            and not (m.via == "capital" and _venue_after_name().match(text, m.end))}


@cache
def _speaks_after() -> re.Pattern[str]:
    """A speech verb right after a party, an adverb perhaps between: ' said', ' also added' (words.csv
    SPEAKER_VERBS)."""
    return re.compile(r"[ \t]+(?:[a-z]+ly[ \t]+|also[ \t]+)?(?:" + word_classes()["SPEAKER_VERBS"] + r")\b")


#: What closes a reported sentence before its speaker: a comma, a closing quotation mark ('," it said')
_CLOSING_BEFORE = re.compile(r"(?:,[”\"’]?|[”\"’],?)[ \t]*$")


def _speaks(text: str, mention: Mention) -> bool:
    """Whether a party is the subject of a speech verb right after it ('the government said in a statement')."""
    return _speaks_after().match(text, mention.end) is not None


def _closing_speaker_it(text: str, mention: Mention) -> bool:
    """Whether 'it' is the speaker told after what it says ('"...," it added', '..., it said'): the speaker
    told before goes on, not the last country the reported words name."""
    return mention.text.lower() == "it" and _speaks(text, mention) \
        and _CLOSING_BEFORE.search(text, max(0, mention.start - 4), mention.start) is not None



#: The last break between two clauses of a sentence: a comma, a semicolon, a colon or a dash
_CLAUSE_BREAK = re.compile(r"[,;:—–]")
#: Up to two words (an adverb, a time word) between a clause's start and its subject
_CLAUSE_OPENING = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?")


def _pair_without_own_subject(text: str, resolved: list[Mention], kind: str, sentence_start: int,
                              mention: Mention) -> Mention | None:
    """'Shortly after Tegucigalpa broke ties with Taipei, Beijing announced ties with the former': 'the former'
    after a preposition is the other party of its own clause, so the clause's subject (Beijing) is no member of
    the pair it counts back in; the pair is the last two parties named before that clause, objects too (Taipei).
    None when the clause opens on no lone party ('Trump and Petro traded barbs, with the latter ...')."""
    if not _after_preposition(text, mention.start):
        return None
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence_start, mention.start)]
    if not breaks:
        return None
    subject = next((m for m in _since(resolved, breaks[-1]) if m.country and m.start < mention.start), None)
    if subject is None or subject.type not in ("country", "person") \
            or not _CLAUSE_OPENING.fullmatch(text, breaks[-1], subject.start) \
            or re.match(r"\s+and\s", text[subject.end:subject.end + 6]):
        return None
    before: dict[str, Mention] = {}
    for earlier in reversed(resolved[-12:]):
        if earlier.end <= breaks[-1] and earlier.country and earlier.country != subject.country \
                and earlier.type in ("country", "person") and earlier.via not in ("place", "private"):
            before.setdefault(earlier.country, earlier)
        if len(before) == 2:
            break
    if len(before) < 2:
        return None
    latter, former = before.values()
    return latter if kind == "latter" else former


#: A comma and nothing else between two parties: a list's items or the end of a clause and the next one's start
_BARE_COMMA = re.compile(r",[ \t]*(?:the[ \t]+)?")
#: What follows a list's middle item: another comma, 'and', 'or', a possessive ('Chile, Peru's and Bolivia's')
_LIST_GOES_ON = re.compile(r"(?:['’]s?)?(?:,|[ \t]+(?:and|or|as\s+well\s+as)\b)")


def _next_clause_subject(text: str, previous: Mention, mention: Mention) -> bool:
    """'Shortly after Tegucigalpa broke ties with Taipei, Beijing announced ties with the former': a party after
    an object and a bare comma that neither a comma nor 'and' follows opens the next clause as its subject; it is
    no further item of the object's list."""
    return _BARE_COMMA.fullmatch(text, previous.end, mention.start) is not None \
        and _LIST_GOES_ON.match(text, mention.end) is None


#: 'from both China and Russia': a preposition before the pair word that opens a list of objects
_PAIR_WORDS = ("both", "either", "neither")
_PREPOSITION_BOTH = re.compile(r"\b(?:" + "|".join(_PAIR_PREPOSITIONS) + r")\s+(?:" + "|".join(_PAIR_WORDS) + r")\s+$",
                               re.I)


def _object_after_pair_word(text: str, start: int) -> bool:
    """'the weaponization of trade from both China and Russia': a party after a preposition and 'both' is an
    object like one right after the preposition, so no subject a later 'They' stands for."""
    low = max(0, start - 20)
    return ends_with_any(text[low:start], _PAIR_WORDS) and _PREPOSITION_BOTH.search(text, low, start) is not None


def _parties_before(resolved: list[Mention], sentence_start: int, position: int) -> dict[str, Mention]:
    """The countries a sentence names as parties (countries or people) before a position, the last mention of
    each: what a pronoun for a pair there stands for. Reads the resolved mentions back from the end, so only
    this sentence's are visited."""
    here: dict[str, Mention] = {}
    for m in reversed(resolved):
        if m.start < sentence_start:
            break
        if m.start < position and m.country and m.type in ("country", "person"):
            here.setdefault(m.country, m)
    return here


#: A person named as what a measure is on or against: 'sanctions on former president ', 'charges against '
_MEASURE_OBJECT_BEFORE = re.compile(r"\b(?:on|against|upon)\s+(?:[\w.'’-]+\s+){0,4}$")


def _last_person_under_measure(text: str, resolved: list[Mention], sentence_start: int) -> bool:
    """The last person the sentence named so far is only what a measure is on ('sanctions on former president
    Ahmadinejad'), so a later 'he' is not that person."""
    last = next((m for m in reversed(_since(resolved, sentence_start)) if m.type == "person"), None)
    return last is not None and _MEASURE_OBJECT_BEFORE.search(text, max(0, last.start - 50), last.start) is not None


@cache
def _thing_subject_clause() -> re.Pattern[str]:
    """A sentence whose subject is a noun phrase with 'the' and a word of words.csv THING_SUBJECTS ('The case at
    the court', 'the bloc leaders'), after an opening phrase up to its comma perhaps, up to a pronoun that is the
    subject of the clause coordinated with its own (', but it also') or of the clause its verb opens ('decided
    that they')."""
    return re.compile(r"\W*(?:(?!The\b)[A-Z][^,;:.\"“”]{0,60},\s*)?"
                      r"(?P<np>[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}?(?P<head>[a-z][\w-]*))"
                      r"(?:(?P<coordinated>\b[^;:\"“”]{0,200}?,\s+(?:but|and)\s+)"
                      r"|\s+(?:[a-z]+ly\s+)?(?:has\s+|have\s+|had\s+)?[a-z]+(?:ed|s)\s+(?:that\s+)?)")


#: A preposition right before a party, 'the' perhaps between ('after the U.S.', 'than China'): its object
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|to|from|in|at|on|with|against|for|by|after|before|than|behind|over|into|"
                                 r"towards?|about|between|among|like)\s+(?:the\s+)?$", re.I)


def thing_subject(text: str, sentence_start: int, at: int, pronoun: str, mentions: list[Mention]) -> bool:
    """Whether 'it' or 'they' at `at` stands for its sentence's subject, a thing or a body of many states named
    with 'the' ('The complaint before the tribunal targets Chile, which buys arms from Peru, but it also
    names Peru', 'the bloc's heads agreed that they would recall'): no country, though one is named nearer.

    The subject phrase names no party itself, agrees with the pronoun in number, and in a coordinated clause the
    party named last before the pronoun is an object of a preposition ('after the U.S.'): after a direct object
    ('The decision angered China, and it summoned') the object may well be the one the pronoun means."""
    found = _thing_subject_clause().fullmatch(text, sentence_start, at)
    if found is None:
        return False
    words = found.group("np").lower().split()[1:]
    if not any(re.fullmatch(word_classes()["THING_SUBJECTS"], word) for word in words):
        return False
    if (pronoun.lower() == "they") != found.group("head").endswith("s"):
        return False
    if any(found.start("np") <= m.start < found.end("np") for m in mentions):
        return False
    if found.group("coordinated") is not None:
        last = next((m for m in reversed(mentions) if found.end("np") <= m.start and m.end <= at), None)
        if last is not None and not _PREPOSITION_BEFORE.search(text, max(0, last.start - 16), last.start):
            return False
    return True


#: What stands between an anaphoric subject and the party its own verb addresses: an acronym in brackets, up to
#: four lower-case words (one quoted at most) and an article ('The ministry urged the', 'The nation "demanded
#: that', 'It continued by calling on the'); no comma, so no other clause comes between
_OWN_VERB_THEN_PARTY = re.compile(r"\s*(?:\([A-Z]{2,6}\)\s*)?[\"“]?(?:[\"“”]?[a-z]+[\"“”]?\s+){1,4}(?:the\s+)?$")


def addressed_by_own_verb(text: str, items: list[tuple[Mention, str]], starts: list[int], mention: Mention,
                          country: str, sentence_start: int, sentence_end: int) -> bool:
    """True when `country` is the first country named after an anaphoric subject opening its sentence, right
    after its own verb ('The ministry pressed the Ugandan cabinet to think again', 'The nation demanded that Chinese
    vessels leave'): the party a body calls on, condemns or summons is the other side, so the last country named
    is not its own ('France said it had recalled the French ambassador': an anaphor inside a clause is left)."""
    if not _SUBJECT_START.fullmatch(text, sentence_start, mention.start):
        return False
    for other, _ in items[bisect_left(starts, mention.end):]:
        if other.start >= sentence_end or other.start - mention.end > 60:
            return False
        if other.type == "country" and other.country:
            return other.country == country and _OWN_VERB_THEN_PARTY.fullmatch(text, mention.end, other.start) \
                is not None
    return False


def other_side_told(resolved: list[Mention], country: str, since: int) -> Mention | None:
    """The last country other than `country` resolved from offset `since` on, as a name, a capital, a government
    or a body or pronoun already resolved ('"...," the ministry said ... It continued by calling on the Israeli
    Government': the ministry); a demonym of people ('killing Palestinians') names no party that speaks."""
    for earlier in reversed(resolved):
        if earlier.start < since:
            return None
        if earlier.type == "country" and earlier.country and earlier.country != country \
                and earlier.via in ("name", "capital", "government", "pronoun"):
            return earlier
    return None
