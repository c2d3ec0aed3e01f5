"""The lexicons of the event stage: triggers.csv compiled into `Trigger`s, contexts.csv into `Context`s.

Also the word features that tell cheaply which triggers a document can hold at all (`_possible_triggers`),
the word-class cues (`_cue`) the later steps look for, and the policy context of a sentence (`_context`).
Every loader is cached once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from graph.actors import knowledge_base, read_data, trie_pattern, word_classes, word_lists, word_pattern
from graph.actors.knowledge import not_a_region
from graph.extract.wordnet import wordnet_classes, wordnet_lists
from graph.words import _CHUNK_WORDS, WORD, WordIndex, doc_chunks, doc_words, word_index


@dataclass(frozen=True)
class Trigger:
    """One row of triggers.csv. Its regex and its required words are compiled the first time they are asked for:
    the word needs (`_requirements`) rule out most triggers of a document before their regex would run, so most
    never need one, and compiling the whole lexicon up front took seconds before the first document."""

    relation: str
    pattern: str
    heads: tuple[str, ...]  #: first-word alternatives, for the fast candidate scan
    negated: str
    actor: str
    target: str
    list: bool
    priority: int
    confidence: float
    context: str
    require_class: str = ""  #: a word class that must also stand near the sentence ('' for none)
    worded: bool = True  #: False for an act the text implies: such a trigger matches no text of its own

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The pattern as a regex, compiled once (and kept) when first needed."""
        if not self.worded:
            return re.compile(r"(?!)")
        return re.compile(compile_pattern(self.pattern, _classes())[0], re.I)

    @cached_property
    def require(self) -> re.Pattern[str] | None:
        """The required word class as a regex, compiled once when first needed; None when nothing is required."""
        return _required_words(self.require_class) if self.require_class else None


_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|april|may|june|july|aug(?:ust|\.)?|sept?(?:ember|\.)?"
          r"|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)")
#: A time phrase inside a trigger's gap: 'on Monday', 'late on Wednesday', 'last week', 'in April', 'on Feb. 3,'.
_TIME = (rf"(?:(?:(?:late|early)\s+)?(?:on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
         rf"|(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|month|year|weekend)"
         rf"|(?:in|on|since)\s+{_MONTH}(?:\s+\d{{1,2}})?|yesterday|today|tonight),?")


#: A word inside a trigger's gap; a comma may end it, but not one that opens a new clause ('..., after talks');
#: an abbreviation in brackets is a word too ('United Arab Emirates (UAE) embassy staff'); 'said' is none (a trigger
#: does not run across a reporting clause: 'agreed to the plan, Lammy said after meeting'), nor is a participle that
#: names what was just said ('rebuffed the charges, calling them baseless': 'them' are the charges) or judges it
#: ('responded to the order with a statement, decrying the tariffs': no order of tariffs), nor 'without',
#: whose object is what is missing ('the talks ended without a deal' ends no deal), nor 'amid', whose object is
#: the setting ('spoke up amid cooling relations with the generals' speaks to no one), nor 'but', which opens a
#: clause of its own ('ignored the order but officials of the embassy confirmed it' orders no embassy shut), nor
#: 'with' right after a comma, which opens a phrase of manner ('withdrawal of all troops, with strong support': no
#: support withdrawn) unless a comma closes it as an aside ('revoked, with immediate effect, its agreement').
_GAP_WORD = (r"(?!(?:said|says|citing|saying|adding|noting|calling|describing|branding|terming|labelling|labeling|"
             r"decrying|denouncing|condemning|criticising|criticizing|without|amid|amidst|but)\b)"
             r"(?!(?<=,\s)with\b(?![^,.;:]{0,40},))"
             r"(?:[“\"‘]?[\w'’.,%$€£/-]+[”\"]?,?|\([\w.'’/-]{1,15}\),?|[—–])")


#: A ministry's or office's full name is one word of a gap, however long its portfolio ('rejected the Indian
#: Ministry of External Affairs' latest remarks', 'the Ministry of Foreign Affairs and International Cooperation of
#: Italy'): capitalised as written (the scoped flag), up to six words after 'of'
_BODY_NAME = (r"(?-i:(?:Ministry|Department|Office)\s+of\s+(?:(?:the\s+)?[A-Z][\w'’-]*,?\s+(?:(?:and|&)\s+)?){0,5}?"
              r"[A-Z][\w'’-]*(?:['’]s?)?,?)")


#: Adjectives in a row, each closed by a comma, before the last one ('unprecedented, extraordinary, '): function
#: words and reporting verbs end a clause, not an adjective
_ADJECTIVE_RUN = (r"(?:[“\"‘']?(?!(?:and|or|but|nor|which|who|whom|whose|that|after|before|while|when|where|because|"
                  r"although|though|said|says|then|also|as|if)\b)[a-z][a-z-]+[”\"’']?,\s+){1,3}")


#: A list of three or more capitalised names is one word of a gap, however many names it holds ('urged several
#: countries, including Argentina, Chile, Costa Rica, Peru and Uruguay, to withdraw': the list is one object)
_LISTED_NAME = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_NAME_LIST = rf"(?-i:{_LISTED_NAME},\s+(?:{_LISTED_NAME},\s+)+(?:and\s+)?{_LISTED_NAME},?)"


@cache
def _of_after_no_title() -> str:
    """A wording's closing 'of' that is not the 'of' of a title right before it (class TITLE_OF): in 'a visit from
    Secretary of State Marco Rubio' or 'a trip by the President of Panama' the 'of' belongs to the title, and the
    party after it is who acts, not where or whom the wording reaches."""
    titles = sorted(word_lists()["TITLE_OF"], key=len)
    return "".join(rf"(?<!\b{re.escape(title)}\s)" for title in titles) + "of"


@cache
def _place_words() -> tuple[str, ...]:
    """The one-word names of countries, their capitals and peoples ('Quito', 'Namibia', 'Portuguese')."""
    return tuple(sorted({surface for surface, alias in knowledge_base().aliases.items()
                         if alias.type == "country" and re.fullmatch(r"[A-Z][\w'’-]+", surface)}))


@cache
def _lower_place_words() -> tuple[tuple[str, str], ...]:
    """Each of `_place_words` with its lower case, worked out once rather than for every word of every pattern."""
    return tuple((name, name.lower()) for name in _place_words())


def _not_a_place(words: list[str]) -> str:
    """A lookahead that keeps a wording's stems ('quit*', 'nam*', 'port*') off the names of places and peoples
    they spell the start of ('Quito, the agreement' is no quitting of it, a country called 'Namibia'
    names nothing): '' when no name starts with one of the stems. Capitalised names only ('Quito', not 'quite')."""
    stems = [word.rstrip("*").lower() for word in words if word.endswith("*") and " " not in word]
    if not stems:
        return ""  # (most words of a pattern are no stems: the walk over every name is skipped)
    heads = tuple(stems)  # (one C test per name rules out those no stem starts; a cold run compiles hundreds)
    names = [name for name, lower in _lower_place_words() if lower.startswith(heads)
             and any(lower.startswith(stem) and len(name) > len(stem) for stem in stems)]
    return "(?!(?-i:" + "|".join(map(re.escape, names)) + r")(?![\w'’-]))" if names else ""


def compile_pattern(pattern: str, classes: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """Compile the trigger pattern language into a regex; also return the first word's alternatives.

    >>> compile_pattern("threat* [2] @X", {"X": "(?:tariffs)"})[1]
    ('threat*',)
    """
    parts: list[str] = []
    gap = ""
    for token in pattern.split():
        gap_match = re.fullmatch(r"\[(\d+)\]", token)
        if gap_match:
            # A time phrase right after a word ('agreed on Monday to', 'signed late on Friday a') does not count
            # against the gap, nor does a run of adjectives set off by commas ('the most unprecedented,
            # extraordinary, historic agreement' is one word longer than 'the most historic agreement').
            word = rf"(?:{_BODY_NAME}|{_NAME_LIST}|{_GAP_WORD})"
            gap = rf"(?:{_TIME}\s+)?(?:(?:{_ADJECTIVE_RUN})?{word}\s+){{0,{gap_match.group(1)}}}?"
            continue
        alternatives = [alt if alt.startswith("@") else alt.replace("_", " ") for alt in token.split("|")]
        words = [alt for alt in alternatives if not alt.startswith("@")]
        bodies = [classes[alt[1:]] for alt in alternatives if alt.startswith("@")]
        if parts and "of" in words:
            words.remove("of")
            bodies.append(_of_after_no_title())
        if words:
            bodies.append(word_pattern("|".join(words)))
        body = _not_a_place(words) + not_a_region(words) + "(?:" + "|".join(bodies) + ")"
        if parts:
            # before a gap the previous word may end a clause part ('revoked, with immediate effect, its ...')
            # and a quotation may close right after it ('"terminated" Niger's missions'); words of the wording may
            # be quoted on their own ("would 'defend itself' if")
            parts.append(r"[”\"’']?" + (r",?\s+" if gap else r"\s+") + gap + r"[“\"‘']?")
        parts.append(body)
        gap = ""
    return r"(?<![\w-])(?:" + "".join(parts) + r")(?![\w-])", pattern_heads(pattern)


def pattern_heads(pattern: str) -> tuple[str, ...]:
    """The alternatives of a trigger pattern's first word, a word class's words spelled out: what the candidate
    scan looks up a document's words by, known without compiling the pattern.

    >>> pattern_heads("threat*|warn_of [2] @X")
    ('threat*', 'warn of')
    """
    alternatives = pattern.split()[0].split("|")
    lists = _lists()
    return tuple(alt.replace("_", " ") for alt in alternatives if not alt.startswith("@")) \
        + tuple(word for alt in alternatives if alt.startswith("@") for word in lists[alt[1:]])


@cache
def _demonyms() -> tuple[str, ...]:
    return tuple(surface for surface, alias in knowledge_base().aliases.items()
                 if alias.type == "country" and alias.kind == "demonym")


@cache
def _short_nationality() -> str:
    """A country written short as an adjective (words.csv SHORT_NATIONALITY, in capitals only, so never the
    pronoun 'us') before its people or firms, perhaps past two qualifiers: 'five US defence industry companies',
    'ten U.S. diplomats'. It stands where a demonym would. The noun must be one of people or bodies (words.csv
    NATIONALS, DIPLOMATS, HOSTAGES, PRIVATE_PARTIES, SHORT_NATIONALITY_NOUNS): before anything else ('US
    military planes', 'sanctioned by the US for') the country is named as a party of its own."""
    lists = word_lists()
    nouns = word_pattern("|".join(lists["NATIONALS"] + lists["DIPLOMATS"] + lists["HOSTAGES"]
                                  + lists["PRIVATE_PARTIES"] + lists["SHORT_NATIONALITY_NOUNS"]))
    stops = "|".join(re.escape(word) for word in lists["PREPOSITIONS"] + lists["NOT_PAIR_MODIFIERS"] + lists["SPEECH"])
    qualifier = r"(?!(?:" + stops + r")\b)[a-z][a-z-]*[ \t]+"
    short = "|".join(re.escape(form.upper()) for form in sorted(lists["SHORT_NATIONALITY"], key=len, reverse=True))
    return r"(?-i:" + short + r")(?=[ \t]+(?-i:(?:" + qualifier + r"){0,2})(?:" + nouns + r")\b)"


@cache
def _classes() -> dict[str, str]:
    """Word classes, plus @NATIONALITY: every demonym the knowledge base knows ('Venezuelans') or a country
    written short before its people or firms ('US firms'), plus the classes derived from WordNet (@WN_*). A dual
    nationality is one word ('British-Egyptian', 'Saudi-American'): the release of a dual national is a release
    toward the nationality that is not the releaser's."""
    demonym = trie_pattern(_demonyms())
    return {**word_classes(), **wordnet_classes(),
            "NATIONALITY": rf"(?:(?:{demonym}-(?=[A-Z]))?{demonym}|{_short_nationality()})"}


@cache
def _lists() -> dict[str, tuple[str, ...]]:
    """Word lists by class; @NATIONALITY also lists each demonym as the stem of a dual nationality
    ('saudi-*': the word cutter keeps 'Saudi-American' whole) and the short forms of a country ('us')."""
    return {**word_lists(), **wordnet_lists(),
            "NATIONALITY": _demonyms() + tuple(d + "-*" for d in _demonyms() if " " not in d)
            + word_lists()["SHORT_NATIONALITY"]}


@cache
def triggers() -> tuple[Trigger, ...]:
    """The trigger lexicon, read once per process (each regex is compiled when first needed: `Trigger.regex`)."""
    return tuple(
        Trigger(row["relation"], row["pattern"], pattern_heads(row["pattern"]), row["negated"], row["actor"],
                row["target"], row["list"] == "1", int(row["priority"]), float(row["confidence"]), row["context"],
                row["require"])
        for row in read_data("triggers.csv"))


@cache
def _required_words(name: str) -> re.Pattern[str]:
    """A word class that must stand near a trigger's sentence, compiled once for every trigger requiring it."""
    return re.compile(r"(?<![\w-])" + _classes()[name], re.I)


_NEED, _SPORT = 1 << 20, 1 << 21  #: offsets of the need and sports features in `_word_features`


@cache
def _word_features() -> WordIndex:
    """For each word: the triggers (by index in the lexicon) it can start, the needs of `_requirements` it
    meets (offset by `_NEED`) and the sports words it is (offset by `_SPORT`). One index, so a document is
    looked up once."""
    needs, _ = _requirements()
    return word_index([
        *enumerate(trigger.heads for trigger in triggers()),
        *((_NEED + index, [*exact, *(stem + "*" for stem in stems)]) for index, (exact, stems) in enumerate(needs)),
        *((_SPORT + index, [word]) for index, word in enumerate(word_lists()["SPORTS"])),
    ])


_FEATURES_CACHE: list = [None, {}]


def _features_of(text: str) -> dict[str, tuple[int, ...]]:
    """The document's words that have features, with them (cached for the document being processed)."""
    words = doc_words(text)
    if _FEATURES_CACHE[0] is not words:
        _FEATURES_CACHE[0], _FEATURES_CACHE[1] = words, _word_features().lookup(words)
    return _FEATURES_CACHE[1]


@cache
def _requirements() -> tuple[tuple[tuple[frozenset[str], tuple[str, ...]], ...], tuple[tuple[int, ...], ...]]:
    """What each trigger's later tokens need: the distinct needs (exact words and stems, lower case) and,
    for each trigger, the indexes of its needs.

    A document that lacks every alternative of some token cannot match the trigger, so the trigger is
    skipped for that document without running its regex: the cheap check that keeps extraction fast.
    Needs shared by many triggers (a word class such as @MIGRANTS) are checked once per document.
    """
    lists = _lists()
    needs: dict[tuple[frozenset[str], tuple[str, ...]], int] = {}
    per_trigger = []
    for trigger in triggers():
        indexes = []
        head = trigger.pattern.split()[0].split("|")
        if all(not alt.startswith("@") and "_" in alt for alt in head):
            # 'in_a_reversal|in_an_about-face': the head word 'in' is everywhere; each alternative's longest
            # word must be in the document too
            need = _need([max(alt.lower().split("_"), key=lambda w: len(w.rstrip("*"))) for alt in head])
            if need is not None:
                indexes.append(needs.setdefault(need, len(needs)))
        for token in trigger.pattern.split()[1:]:
            if re.fullmatch(r"\[\d+\]", token):
                continue
            words: list[str] = []
            for alt in token.split("|"):
                words.extend(lists[alt[1:]] if alt.startswith("@") else [alt.replace("_", " ")])
            # (a word never ends on a full stop for the tokenizer: the need of "u.s." is "u.s")
            need = _need([w.split()[0].lower().rstrip(".") for w in words if w.split()])
            if need is not None:
                indexes.append(needs.setdefault(need, len(needs)))
        per_trigger.append(tuple(indexes))
    for trigger in triggers():  # (after every trigger's own needs: their bits stay where they were)
        head = _head_alternatives(trigger.pattern.split()[0])
        if head is not None:
            needs.setdefault(head[1], len(needs))
    return tuple(needs), tuple(per_trigger)


@cache
def _head_alternatives(head: str) -> tuple[tuple[tuple[str, bool, bool], ...], tuple[frozenset[str], tuple[str, ...]]] \
        | None:
    """A trigger's first token as (first word, is a stem, is one word) per alternative, with the need that the
    words after the first word of its alternatives of several words meet together (the longest word of each); None
    for a token with a word class, with a first word not of plain ASCII letters, or with no alternative of several
    words. 'to_sanction|will_sanction|sanctioned': at 'to' only 'to sanction' can match, so 'sanction' must follow."""
    alternatives = []
    later = []
    for alternative in head.lower().split("|"):
        words = alternative.split("_")
        first = words[0].rstrip("*")
        if alternative.startswith("@") or not (first.isascii() and first.isalpha()):
            return None
        alternatives.append((first, words[0].endswith("*"), len(words) == 1))
        if len(words) > 1:
            later.append(max(words[1:], key=lambda word: len(word.rstrip("*"))).rstrip("."))
    need = _need(later) if later else None
    return None if need is None else (tuple(alternatives), need)


def _continuation_mask(trigger: Trigger, word: str) -> int:
    """The need (bit mask) a trigger's regex has where its first token starts at the document word `word`
    beyond the trigger's own needs: the later words of its first token's alternatives of several words, when only
    such an alternative can match at that word (none of one word may, and each exact first word is the word
    itself); 0 when nothing more is known. Most hits of 'to', 'will' or 'has' are then ruled out without the regex.
    (A word beyond ASCII is left to the regex: re.I may match its letters to other ones.)"""
    head = _head_alternatives(trigger.pattern.split()[0])
    if head is None or not word.isascii():
        return 0
    for first, stem, single in head[0]:
        if (word.startswith(first) or first.startswith(word)) and (single or not stem and first != word):
            return 0  # (an alternative that may match at the word needs no later word)
    return 1 << _need_index(head[1])


@cache
def _need_index(need: tuple[frozenset[str], tuple[str, ...]]) -> int:
    """The bit of a need of `_requirements` in need masks."""
    return _requirements()[0].index(need)


def _need(words: list[str]) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """A need (exact words, stems) that a document's words (as `doc_words` cuts them) meet wherever a trigger
    token with these alternatives (lower case, `word*` a stem) occurs; None when no word set can tell.

    The trigger regex is Unicode-aware and ends a word before an apostrophe, the word cutter is not: 'chargé'
    is cut to 'charg', and 'Russia's' stays one word. So a word with a letter the cutter stops at is needed as
    the part the cutter keeps, and a whole word may also go on with an apostrophe or a dot in the document.
    """
    exact: set[str] = set()
    stems: set[str] = set()
    for word in words:
        stem = word.endswith("*")
        word = word.rstrip("*")
        kept = WORD.match(word)
        if kept is None:
            return None  # ('élysée': the cutter starts further on; such a token cannot rule a document out)
        if kept.end() < len(word) and not (stem and word[kept.end():] == "-"):
            # ('anti-*' is a stem: the cutter keeps 'anti-Algerian' whole)
            exact.add(kept.group())  # the cutter stops where the word does not go on: 'attaché*' is 'attach'
        elif stem:
            stems.add(word)
        else:
            exact.add(word)
            stems.update(word + joiner for joiner in "'’.")
    return frozenset(exact), tuple(sorted(stems))


def _possible_triggers(text: str) -> frozenset[int]:
    """Indexes of the triggers whose every token has some word in the document."""
    present = _present_needs(text)
    return frozenset(index for index, wanted in enumerate(_need_masks()) if wanted & present == wanted)


def _present_needs(text: str) -> int:
    """The needs (bit mask) the document's words meet: a trigger whose needs are not all among them cannot match
    anywhere in it."""
    present = 0
    for mask in _word_need_masks(text).values():
        present |= mask
    return present


#: The (trigger, need mask) rows of each features tuple seen, so the triggers a word can start are looked up once
#: per distinct tuple rather than filtered out of its features in every document
_ROWS_OF_FEATURES: dict[tuple[int, ...], tuple[tuple[Trigger, int], ...]] = {}


def _trigger_rows(features: tuple[int, ...]) -> tuple[tuple[Trigger, int], ...]:
    """The triggers a word with these features can start, each with its need mask, in lexicon order of the
    features (the order the candidate scan tries them in)."""
    rows = _ROWS_OF_FEATURES.get(features)
    if rows is None:
        if len(_ROWS_OF_FEATURES) > _MASK_LIMIT:
            _ROWS_OF_FEATURES.clear()  # (bounded memory on an endless vocabulary)
        all_triggers, wanted = triggers(), _need_masks()
        rows = _ROWS_OF_FEATURES[features] = tuple((all_triggers[n], wanted[n]) for n in features if n < _NEED)
    return rows


#: The rows a word can start that a document meets the needs of, by the word and the document's needs among those
#: the rows have at all: that part takes few values, so the rows are filtered once per value, not once per word of
#: every document. (Keyed by the word, whose features follow from it alone: a key holding the features tuple cost
#: a hash of the whole tuple at every look-up.)
_ROWS_MET: dict[tuple[str, int], tuple[tuple[Trigger, int], ...]] = {}
#: The needs any row of a word's features has, by word
_WANTED_OF_WORD: dict[str, int] = {}


def _possible_rows(features: tuple[int, ...], present: int, word: str) -> tuple[tuple[Trigger, int], ...]:
    """The rows of `_trigger_rows` (same order) whose needs are all among `present`, the needs a document meets,
    for the document word `word` with these features (its features in the word index: the same for every
    document): each row's needs then also hold the later words its trigger needs where it starts at that word
    (`_continuation_mask`)."""
    wanted = _WANTED_OF_WORD.get(word)
    if wanted is None:
        if len(_WANTED_OF_WORD) > _MASK_LIMIT or len(_ROWS_MET) > _MASK_LIMIT:
            _WANTED_OF_WORD.clear()  # (bounded memory on an endless vocabulary)
            _ROWS_MET.clear()
        wanted = 0
        for _, needs in _trigger_rows(features):
            wanted |= needs
        _WANTED_OF_WORD[word] = wanted
    key = (word, present & wanted)
    rows = _ROWS_MET.get(key)
    if rows is None:
        rows = _ROWS_MET[key] = tuple((trigger, needs | _continuation_mask(trigger, word))
                                      for trigger, needs in _trigger_rows(features) if needs & present == needs)
    return rows


_WORD_NEEDS_CACHE: list = [None, {}]


def _word_need_masks(text: str) -> dict[str, int]:
    """The document's words that meet some need, with those needs as a bit mask (cached for the document being
    processed), so the needs a stretch of it meets are a few dictionary lookups (`_needs_met`)."""
    features = _features_of(text)
    if _WORD_NEEDS_CACHE[0] is not features:
        if len(_MASK_OF_FEATURES) > _MASK_LIMIT:
            _MASK_OF_FEATURES.clear()  # (bounded memory on an endless vocabulary)
        masks = {}
        for word, word_features in features.items():
            mask = _MASK_OF_FEATURES.get(word_features)
            if mask is None:
                mask = _MASK_OF_FEATURES[word_features] = _need_mask(word_features)
            if mask:
                masks[word] = mask
        _learn_chunk_needs(doc_chunks(text), masks)
        _WORD_NEEDS_CACHE[0], _WORD_NEEDS_CACHE[1] = features, masks
    return _WORD_NEEDS_CACHE[1]


#: The need mask of each features tuple seen (words share few distinct tuples), so a document's words are
#: dictionary lookups rather than a walk over each word's features
_MASK_OF_FEATURES: dict[tuple[int, ...], int] = {}
_MASK_LIMIT = 100_000


def _need_mask(features: tuple[int, ...]) -> int:
    """The needs among a word's features, as a bit mask."""
    mask = 0
    for feature in features:
        if _NEED <= feature < _SPORT:
            mask |= 1 << (feature - _NEED)
    return mask


_CHUNK_REACH = 64  #: how far `_needs_met` looks for the white space around a stretch before giving up


def _needs_met(lower: str, masks: dict[str, int], start: int, end: int) -> int:
    """The needs (bit mask) that the words of the document's lower case `lower` between `start` and `end` meet;
    -1 (every need) when the stretch does not begin and end near white space.

    A trigger whose needs a sentence does not all meet cannot match in it: the trigger regex, which fails on most
    sentences that hold its first word, need not run there. The stretch is widened to the white space around it
    and cut into words as `doc_words` cuts the document (chunks between white space), so its words are the
    document's words there.
    """
    low, high = start, end
    while low > 0 and not lower[low - 1].isspace():
        low -= 1
        if start - low > _CHUNK_REACH:
            return -1
    while high < len(lower) and not lower[high].isspace():
        high += 1
        if high - end > _CHUNK_REACH:
            return -1
    met = 0
    for chunk in _CHUNK_NEEDS.keys() & lower[low:high].split():
        met |= _CHUNK_NEEDS[chunk]
    return met


#: The needs (bit mask) of each white-space chunk seen that meets some, kept across documents: a chunk's needs
#: follow from its words alone (a word's features do not depend on the document), so the needs of a stretch are
#: the few of its chunks found here, picked out in C by a set intersection rather than looked up one by one
_CHUNK_NEEDS: dict[str, int] = {}
#: Every chunk whose needs were worked out: the current document's chunks all are (`_learn_chunk_needs`), so a
#: chunk of it missing from `_CHUNK_NEEDS` meets none
_CHUNKS_SEEN: set[str] = set()


def _learn_chunk_needs(chunks: set[str], masks: dict[str, int]) -> None:
    """Work out the needs of a document's chunks never seen before (`masks`: its words' needs)."""
    if len(_CHUNKS_SEEN) > _MASK_LIMIT:
        _CHUNKS_SEEN.clear()  # (bounded memory on an endless vocabulary)
        _CHUNK_NEEDS.clear()
    fresh = chunks.difference(_CHUNKS_SEEN)
    for chunk in fresh:
        words = _CHUNK_WORDS.get(chunk)  # (the chunks of the document being processed are cut already)
        mask = 0
        for word in WORD.findall(chunk) if words is None else words:
            mask |= masks.get(word, 0)
        if mask:
            _CHUNK_NEEDS[chunk] = mask
    _CHUNKS_SEEN.update(fresh)


@cache
def _need_masks() -> tuple[int, ...]:
    """Each trigger's needs as a bit mask, so the check per trigger is one integer operation."""
    return tuple(sum(1 << need for need in set(wanted)) for wanted in _requirements()[1])


@dataclass(frozen=True)
class Context:
    slug: str
    label: str
    regex: re.Pattern[str]
    definition: str


@cache
def contexts() -> tuple[Context, ...]:
    """Policy contexts in priority order."""
    return tuple(
        Context(row["slug"], row["label"], re.compile(r"(?<![\w-])" + word_pattern(row["keywords"]) + r"(?![\w-])",
                                                      re.I), row["definition"])
        for row in read_data("contexts.csv")
    )


@cache
def _cue(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’-])" + word_classes()[name] + r"(?![\w-])", re.I)


@cache
def _context_index() -> tuple[re.Pattern[str], dict[str, list[tuple[int, re.Pattern[str]]]]]:
    """One fast regex over the first words of every context keyword, and for each first word (or stem)
    the contexts and full keyword patterns to check where it occurs."""
    by_first: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
    for index, row in enumerate(read_data("contexts.csv")):
        for keyword in row["keywords"].split("|"):
            keyword = keyword.strip().lower()
            if keyword:
                pattern = re.compile(word_pattern(keyword) + r"(?![\w-])", re.I)
                by_first.setdefault(keyword.split()[0], []).append((index, pattern))
    stems = [w.rstrip("*") for w in by_first]
    variants = {v for w in stems for v in (w, w.capitalize(), w.upper())}
    return re.compile(r"(?<![\w-])" + trie_pattern(variants)), by_first


@lru_cache(maxsize=4096)
def _context(sentence: str, default: str) -> str:
    """The first context (in contexts.csv order) whose keywords occur in the sentence, else the default."""
    regex, by_first = _context_index()
    best = None
    for hit in regex.finditer(sentence):
        word = hit.group().lower()
        for first in (word, word + "*"):
            for index, pattern in by_first.get(first, ()):
                if (best is None or index < best) and pattern.match(sentence, hit.start()):
                    best = index
    if best is not None:
        return contexts()[best].slug
    return default or "diplomacy"


def _context_label(slug: str) -> str:
    for context in contexts():
        if context.slug == slug:
            return context.label
    return slug
