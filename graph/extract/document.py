"""Per-document working state of the event stage (`_Doc`): sentences, quotations, credits, photo captions,
who speaks in a sentence, and whether a sentence is conditional or hedged as reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from graph.actors import (
    DocumentActors,
    SpanSet,
    dateline_end,
    dateline_of,
    knowledge_base,
    sentences_of,
    word_classes,
    word_lists,
)
from graph.extract.carried_speakers import carried_speaker
from graph.extract.lexicon import _cue
from graph.extract.outlet_speakers import outlet_speaker
from graph.extract.transcripts import _SPEAKER_LABEL, transcript_speaker, transcript_turns
from graph.records import Document, Mention
from graph.text import Sentence, quote_spans
from graph.words import literal_starts, may_hold


@cache
def _preposition_before() -> re.Pattern[str]:
    """A party after a preposition (words.csv PREPOSITIONS) is its object ('with Peru', 'of 300 Haitians'), except
    after a year that opens a clause ('In 2021 Peru signed', 'since 2019 Chile has'): the year is the time, the
    party the subject. A determiner, 'neighbouring' ('rebels in neighboring Congo') and a count words.csv
    COUNT_MODIFIERS opens ('on about 500') may come between."""
    classes = word_classes()
    return re.compile(
        r"(?:\b(?!(?:in|since|during|until|by)\s+(?:1[89]|20)\d\d\s+$)(?:" + classes["PREPOSITIONS"] + r")"
        r"(?:\s+(?:the|a|an|its|their|his|her|both|all|other))?"
        r"(?:\s+(?:neighbou?ring|nearby))?"
        r"(?:\s+(?:" + classes["COUNT_MODIFIERS"] + r"))?"
        r"(?:\s+\d(?:[\d,.]*\d)?(?:\s+(?:more|other|senior|additional))?)?\s+)$", re.I)


_RELATIVE = re.compile(r",\s*(?:which|who|whose|where|whom|a\s+country|the\s+country)\b[^,;]*,")
_CAPTION_END = re.compile(r",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},"
                          r"\s+\d{4}\.?\s*$")

#: A picture counter opening a caption line ('1 of 2 | Colombian President ...')
_GALLERY_COUNTER = re.compile(r"[ \t]*\d{1,2}\s+of\s+\d{1,2}\s*\|")
#: A credit closing a caption line ('... on January 22. Photo by Jane Doe/EPA', '(Photo: Jane Doe/AFP)')
_TRAILING_CREDIT = re.compile(r"[.!?)\]]\s+\(?(?:Photo|Photograph|Picture|Image|File\s+photo)s?\s*(?:by|:)\s*"
                              r"[^.\n]{2,60}?(?:/[\w.'’&\- ]{2,40})?\)?\s*$")


#: A phrase of a setting or a concession ('Despite grumblings in Beijing', 'amid protests in Tehran'): a place in it
#: is where others react, not where the sentence's parties meet or whom they address
_SETTING_PHRASE = re.compile(r"\b(?:despite|in\s+spite\s+of|amid|amidst|notwithstanding|although|though|even\s+as)"
                             r"\b[^,;.:!?]*$", re.I)


def in_setting_phrase(text: str, floor: int, offset: int) -> bool:
    """Whether `offset` (a party's start) lies inside a concessive or setting phrase opened after `floor`
    ('Despite grumblings in Beijing, Ruto met Kishida': Beijing is no venue of the meeting)."""
    return _SETTING_PHRASE.search(text, max(floor, offset - 80), offset) is not None


#: The opening of a joint statement, which says who 'we' are for the rest of it.
_WE_OPENING = re.compile(r"\bWe,\s+the\s+(?:leaders|heads\s+of\s+state(?:\s+and\s+government)?|foreign\s+ministers|"
                         r"ministers|governments|representatives|presidents|prime\s+ministers)\s+of\s+"
                         r"(?P<list>[^;:.]{3,200}?),\s+(?!the\b|and\b)(?=[a-z])")




class _Doc:
    """Per-document working state for the event stage."""

    def __init__(self, document: Document, actors: DocumentActors) -> None:
        self.document = document
        self.text = document.text
        self.actors = actors
        self.sentences = sentences_of(self.text)
        self.starts = [s.start for s in self.sentences]
        self.quotes = actors.quotes if actors.quotes is not None else SpanSet(quote_spans(self.text))
        self.credits = SpanSet(actors.credits)
        self._captions: dict[int, bool] = {}
        self._newlines: list[int] | None = None
        self._speakers: dict[int, Mention | None] = {}
        self._labels: tuple[list[int], list[Mention | None]] | None = None
        self._modes: dict[int, tuple[bool, bool]] = {}
        self._mentions_of: dict[tuple[int, int], list[Mention]] = {}
        self.visited: set[tuple[str, str]] = set()  #: (visitor, host) of the visits read so far
        #: relation -> (sentence index, actor) of its latest event, for agents news leaves out
        self.recent: dict[str, tuple[int, Mention]] = {}
        #: the actor of the latest event made so far: who a list of measures under a bare heading speaks for
        self.last_actor: Mention | None = None
        #: (sentence index, actor) of every demand made so far, for 'dismissed the demands'
        self.demands: list[tuple[int, Mention]] = []
        #: (sentence index, actor, target country) of every protest or accusation so far, for 'rejected the protest'
        self.protests: list[tuple[int, Mention, str]] = []
        #: (sentence index, actor, target, relation) of each measure taken against a party (sanctions, expulsions,
        #: cuts, threats): what 'the measures' of a later rejection or 'the tariffs would be suspended' refer to
        self.measures: list[tuple[int, Mention, Mention, str]] = []
        self.sports = False
        self.relatives: dict[int, list[tuple[int, int]]] = {}
        self.deporters: list[str] | None = None
        #: countries named only as where something happens (`senders._venues_only`)
        self.venues: frozenset[str] | None = None
        #: where each item of a roundup starts and the countries it names (`senders._items`)
        self.items: tuple[list[int], list[frozenset[str]]] | None = None
        #: countries whose ambassador (words.csv RESIDENT_ENVOY) the document names (`meetings._envoy_of_resident`)
        self.resident_envoys: frozenset[str] | None = None
        self.dateline, at = dateline_of(self.text[document.body_start:], knowledge_base())
        #: where the dateline's line starts: a headline above it was not written from that place
        self.dateline_start = document.body_start + at if at >= 0 else len(self.text)
        #: where the dateline's own words end ('QUITO/BOGOTA, Colombia (Reuters) - '): no party stands there
        self.dateline_end = dateline_end(self.text, self.dateline_start) if at >= 0 else -1
        self.prepositional: dict[tuple[int, int, int], bool] = {}
        self._says: dict[tuple[int, str], bool] = {}

    def is_caption(self, sentence: Sentence) -> bool:
        """Whether a sentence captions a photo: a line ending in a date right before a credit line.

        Worked out on demand, only for the sentences holding a trigger."""
        found = self._captions.get(sentence.index)
        if found is None:
            line_end = self._line_end(sentence.end)
            next_line = self.text[line_end + 1:self._line_end(line_end + 1)] if line_end != -1 else ""
            is_credit_next = line_end != -1 and self.credits.covers(line_end + 1) and bool(next_line.strip())
            if _CAPTION_END.search(sentence.text) and (is_credit_next or sentence.text.count(" ") < 40):
                found = True
            elif self._credited_line(sentence.start, line_end):
                found = True
            else:
                found = is_credit_next and sentence.end == (line_end if line_end != -1 else len(self.text))
            self._captions[sentence.index] = found
        return found

    def _credited_line(self, start: int, line_end: int) -> bool:
        """Whether the line holding `start` is a gallery caption: it opens with a picture counter ('1 of 2 | ...')
        or closes with its own credit ('... arrives in Haiti. Photo by Jane Doe/EPA')."""
        if self._newlines is None:
            self._line_end(start)
        index = bisect_left(self._newlines, start)
        line_start = self._newlines[index - 1] + 1 if index > 0 else 0
        end = line_end if line_end != -1 else len(self.text)
        if end - line_start >= 400:
            return False  # (measured before the line is copied: a long one-line text made each call cost its length)
        line = self.text[line_start:end]
        return _GALLERY_COUNTER.match(line) is not None or _TRAILING_CREDIT.search(line) is not None

    def _line_end(self, offset: int) -> int:
        """`text.find("\\n", offset)` from the list of line breaks: a find over a long one-line text at every
        sentence made extraction quadratic."""
        if self._newlines is None:
            self._newlines = [match.start() for match in re.finditer("\n", self.text)]
        index = bisect_left(self._newlines, offset)
        return self._newlines[index] if index < len(self._newlines) else -1

    def sentence_at(self, offset: int) -> Sentence | None:
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        return sentence if offset < sentence.end else None

    def sentence_modes(self, sentence: Sentence) -> tuple[bool, bool]:
        """Whether the sentence is conditional ('if', 'unless') and whether it is hedged as reported."""
        found = self._modes.get(sentence.index)
        if found is None:
            # (few sentences hold a word every conditional match holds: the regex, slow on a whole sentence, runs
            # only on those)
            conditional = may_hold(sentence.text, _CONDITIONAL_WORDS) and _CONDITIONAL_RE.search(sentence.text)
            found = self._modes[sentence.index] = (bool(conditional),
                                                   _cue("REPORTED").search(sentence.text) is not None)
        return found

    def may_say(self, sentence: Sentence, name: str) -> bool:
        """Whether the sentence may hold a word of words.csv class `name` (`may_hold` on the words its entries start
        with), worked out once per sentence and class: a rule whose every match holds such a word inside the sentence
        is then skipped for each trigger of a sentence that holds none, before its window is cut and searched."""
        key = (sentence.index, name)
        found = self._says.get(key)
        if found is None:
            found = self._says[key] = may_hold(sentence.text, literal_starts(word_lists()[name]))
        return found

    def mentions(self, sentence: Sentence) -> list[Mention]:
        """The mentions of a sentence, worked out once per sentence: every check of every trigger of the sentence
        asks for them (the list is shared: callers read it, never change it)."""
        key = (sentence.start, sentence.end)
        found = self._mentions_of.get(key)
        if found is None:
            found = self._mentions_of[key] = self.actors.between(sentence.start, sentence.end)
        return found

    @property
    def we(self) -> list[Mention]:
        """Who 'we' are in a joint statement: the parties of its opening 'We, the leaders of A, B and C,'
        (empty when the document has no such opening)."""
        if self._we is None:
            self._we = []
            opening = _WE_OPENING.search(self.text) if "We," in self.text else None  # (found in C first)
            if opening is not None:
                self._we = [m for m in self.actors.mentions if opening.start("list") < m.end
                            and m.end <= opening.end("list") and m.type == "country" and m.country]
        return self._we

    _we: list[Mention] | None = None

    def speaker(self, sentence: Sentence) -> Mention | None:
        """Who is speaking in a sentence: 'X said' / 'said X' / 'according to X', or the attribution of the
        quotation the sentence belongs to (in the same paragraph)."""
        if sentence.index in self._speakers:
            return self._speakers[sentence.index]
        self._speakers[sentence.index] = None  # (a quoted sentence asks its neighbour, whose bare 'the
        # statement said' asks back for this one: without the mark the two asked each other forever)
        found = self._attribution(sentence)
        if found is None and self._is_quoted(sentence):
            for other in (sentence.index + 1, sentence.index - 1, sentence.index + 2, sentence.index - 2):
                if 0 <= other < len(self.sentences):
                    neighbour = self.sentences[other]
                    if neighbour.line_start == sentence.line_start or abs(other - sentence.index) == 1:
                        found = self._attribution(neighbour)
                        if found is not None:
                            break
        self._speakers[sentence.index] = found
        return found

    def _is_quoted(self, sentence: Sentence) -> bool:
        return self.quotes.covers(sentence.start) or self.quotes.covers(sentence.end - 1)

    def _attribution(self, sentence: Sentence) -> Mention | None:
        """The party a speech verb attributes the sentence to: its subject ('X, who..., said'), or the
        party right after it ('said X', 'according to X'); in a transcript, the speaker named before a colon
        at the start of the paragraph ('Lin Jian: We urge the US side to ...')."""
        mentions = [m for m in self.mentions(sentence) if not self.quotes.covers(m.start)
                    and (m.type in ("person", "organization") or (m.type == "country" and m.via not in
                                                                  ("demonym", "place")))]
        label = _SPEAKER_LABEL.match(self.text, self.sentences[sentence.index].line_start)
        if label is not None:
            speaker = next((m for m in self.mentions(self.sentence_at(label.start()) or sentence)
                            if m.type == "person" and m.country and m.end == label.end() - 2), None)
            if speaker is not None:
                return speaker
        excluded = [(sentence.start + m.start(), sentence.start + m.end())
                    for m in _RELATIVE.finditer(sentence.text)]
        outlet = outlet_speaker(self, sentence)
        for match in _cue("SPEECH").finditer(self.text, sentence.start, sentence.end):
            if self.quotes.covers(match.start()):
                continue
            if outlet is not None and outlet.end == match.end():
                return outlet  # '"...," the KCNA said': the state outlet speaks, not the party its words name
            if _DETERMINER_BEFORE.search(self.text, max(sentence.start, match.start() - 8), match.start()):
                continue  # 'his repeated violations', 'the stated aim': an adjective, no speech
            if match.group().lower() == "claims" and _CLAIMS_NOUN_BEFORE.search(
                    self.text, max(sentence.start, match.start() - 12), match.start()):
                continue  # 'a spat over claims the opposition colluded': the noun, no speech
            after = [m for m in mentions if 0 <= m.start - match.end() <= 12
                     and "," not in self.text[match.end():m.start]
                     or m.type == "person" and _office_words_only().fullmatch(self.text, match.end(), m.start)]
            # (not 'said, urging Washington'; 'said ministry spokesperson Zhao Lijian': the office's words stand
            # between the verb and the speaker)
            before = [m for m in mentions if m.end <= match.start() and match.start() - m.end <= 80
                      and not any(a <= m.start < b for a, b in excluded)
                      and not _preposition_before().search(self.text[max(sentence.start, m.start - 30):m.start])]
            if match.group().lower() == "according to" and after:
                return after[0]
            if after and not match.group().lower().endswith("ing") \
                    and _INVERTED_SPEECH.search(self.text, max(sentence.start, match.start() - 3), match.start()) \
                    and not any(match.start() - 3 <= b <= match.start() for _, b in excluded) \
                    and not _THAT_AFTER.match(self.text, match.end()):
                # (', which has a treaty with Manila, said China's actions': the relative clause closes there;
                # 'its minister, Cho, stated that Tokyo had': a party after 'that' is what is said, no speaker)
                return after[0]  # '..., says Chad's foreign minister': the speaker follows the verb
            participle = self.text[max(0, match.start() - 2):match.start()] == ", " \
                and match.group().lower().endswith("ing")  # 'Croatia summoned Serbia's envoy, saying ...'
            if participle or _COORDINATED_SPEECH.search(self.text, sentence.start, match.start()):
                # 'Blinken met Petro in Bogota and made it clear that ...': the speaker is the subject of the
                # first verb, not the object named last, however long the first verb's clause
                first = next((m for m in mentions if m.end <= match.start() and not _preposition_before().search(
                    self.text[max(sentence.start, m.start - 30):m.start])), None)
                if first is not None or before:
                    return first if first is not None else before[-1]
            if before:
                return before[-1]
            if after and not _THAT_AFTER.match(self.text, match.end()) and not _TOLD.fullmatch(match.group()):
                # ('warned that the US will face ...': a party after 'that' is what is said; 'told the Pakistani
                # envoy that ...': the one told, not the one telling)
                return after[0]
        return self._unnamed_sayer(sentence) or self._home_spokesperson(sentence) \
            or self._transcript_speaker(sentence) or carried_speaker(self, sentence) or outlet

    def _transcript_speaker(self, sentence: Sentence) -> Mention | None:
        """In a transcript (transcripts.py), the speaker of the turn the sentence's paragraph belongs to."""
        if self._labels is None:
            self._labels = transcript_turns(self)
        return transcript_speaker(self._labels, sentence.line_start)

    def _unnamed_sayer(self, sentence: Sentence) -> Mention | None:
        """'..., a Foreign Ministry statement said', '..., the spokeswoman said': a speaker named by a bare noun
        is the last body or speaker named with that noun before ("Pakistan's Foreign Ministry said"); a bare
        'A statement said' continues the speaker of the sentence before, in the same paragraph. Without this the
        quotation's speaker was borrowed from a neighbouring sentence of the other side."""
        match = _BARE_SAYER.search(self.text, sentence.start, sentence.end)
        if match is None or self.quotes.covers(match.end() - 1):
            return None
        noun = (match.group("body") or match.group("noun")).lower()
        if noun == "statement":
            if sentence.index == 0:
                return None
            previous = self.sentences[sentence.index - 1]
            return self.speaker(previous) if previous.line_start == sentence.line_start else None
        stem = noun[:6]  # ('spokeswoman' after 'a ministry spokesperson': any spokes- word)
        for mention in reversed(self.actors.between(0, sentence.start)):
            if mention.type == "country" and mention.country and mention.via == "role" and stem == "spokes" \
                    and stem in mention.text.lower():
                # ('a State Department spokesperson said' before: the office's spokesperson is the one named)
                return Mention(match.start(), match.end(), match.group(), "country", mention.country,
                               mention.country, "", "government")
            if mention.type in ("country", "organization") and mention.country and mention.via == "government" \
                    and stem in (mention.text + self.text[mention.end:mention.end + 16]).lower():
                return Mention(match.start(), match.end(), match.group(), "country", mention.country,
                               mention.country, "", "government")
        return None

    def latest_sanctions(self, index: int) -> tuple[int, Mention, Mention, str] | None:
        """The latest sanctions or tariffs of the report within eight sentences before sentence `index`:
        what 'the tariffs would be suspended' speaks of."""
        for measure in reversed(self.measures):
            if not 0 <= index - measure[0] <= 8:
                return None
            if measure[3] == "threatenedSanctions":
                return measure
        return None

    def _home_spokesperson(self, sentence: Sentence) -> Mention | None:
        """'BEIJING - ... a foreign ministry spokesperson said': an unnamed spokesperson of a ministry speaks
        for the country the report is filed from."""
        if not self.dateline:
            return None
        match = _UNNAMED_SPOKESPERSON.search(self.text, sentence.start, sentence.end)
        if match is None or self.quotes.covers(match.start()):
            return None
        return Mention(match.start(), match.end(), match.group(), "country", self.dateline, self.dateline, "",
                       "government")


#: 'a foreign ministry spokesperson said', 'said a spokesman for the defence ministry': no country named
_UNNAMED_SPOKESPERSON = re.compile(
    r"\b(?:a|the)\s+(?:(?:foreign|defen[cs]e|commerce|trade|interior)\s+)?ministry\s+spokes(?:person|man|woman)"
    r"(?=\s+(?:said|says|told|added)\b)|\b(?:said|says|told\s+\w+|added)\s+(?:a|the)\s+(?:(?:foreign|defen[cs]e|"
    r"commerce|trade|interior)\s+)?ministry\s+spokes(?:person|man|woman)\b", re.I)


#: A speaker named by a bare noun, the subject of the speech verb: 'a Foreign Ministry statement said', 'the
#: spokeswoman said'; group 'body' the qualifying body's noun, 'noun' the speaker's
_BARE_SAYER = re.compile(r"(?:^|[,\"”]\s*)(?:[Aa]n?|[Tt]he)\s+(?:(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior)\s+)?"
                         r"(?:(?P<body>[Mm]inistry|[Oo]ffice)\s+)?(?P<noun>statement|spokes(?:person|man|woman)|"
                         r"ministry)\s+(?:also\s+)?(?:said|says|stated|added)\b")


#: a speech verb right after a comma or a closing quotation mark, its subject after it ('..., said Rubio')
@cache
def _office_words_only() -> re.Pattern[str]:
    """Lower-case words of an office between an inverted speech verb and the speaker's name ('said ministry
    spokesperson Zhao Lijian', 'said government spokesperson X'; words.csv SPEAKER_OFFICE_WORDS)."""
    return re.compile(r"\s+(?:(?:" + word_classes()["SPEAKER_OFFICE_WORDS"] + r")\s+){1,5}")


_INVERTED_SPEECH = re.compile(r"(?:,|[”\"])\s*$")
_THAT_AFTER = re.compile(r"\s+that\b")
#: Speech verbs whose object is the one addressed: the party right after them is told, it does not speak
_TOLD = re.compile(r"(?:told|tells?|telling)", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:his|her|its|their|our|my|the|a|an|this|that)\s+$", re.I)
#: before 'claims' as a noun: a preposition or a word that judges it ('over claims', 'baseless claims'); an owner
#: stays its speaker ("the Kremlin's claims that the toxin was made in Czechia")
_CLAIMS_NOUN_BEFORE = re.compile(r"\b(?:over|of|about|amid|despite|on|after|against|with|by|to|these|those|"
                                 r"such|any|false|baseless|unfounded|new|repeated)\s+$", re.I)
#: a speech verb that is the second predicate of its sentence ('met Petro on Friday and made it clear')
_COORDINATED_SPEECH = re.compile(r"\band\s+(?:also\s+|later\s+|then\s+|\w+ly\s+)?$")


_WORDS_RE = re.compile(r"[\w'’]+")
_CONDITIONAL_RE = re.compile(r"\b(?:if|unless)\b|\bshould\s+(?:its|the|their|his|her|it|they)\b", re.I)
#: A word every match of `_CONDITIONAL_RE` holds, for `may_hold`
_CONDITIONAL_WORDS = ("if", "unless", "should")
