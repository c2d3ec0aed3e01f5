"""What the steps of the mention stage share.

The shape of a person's name (`NAME`, and the capitalised words that are `NOT_NAME`); the anchored matchers
of pronouns, speech verbs and roles (`pronoun_matches`, `speech_matches`, `role_matches`: found from where
their words occur in the document rather than by trying every position); sets of spans (`SpanSet`,
`_Taken`); the document's sentences (`sentences_of`, split once and shared with the event stage); and
whether a preposition or a verb stands before a word (a country after one is an object, not a subject).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cache

from graph.actors.knowledge import KnowledgeBase, word_lists
from graph.records import Mention
from graph.text import split_sentences
from graph.words import WordIndex, anchored_matches, can_anchor, doc_words, previous_word_start, word_index, word_starts

_UC = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ"
_LC = "a-zß-öø-ÿā-žș-ț"
#: One word of a name: 'Rubio', 'Claver-Carone', "O'Brien", 'McAllister', 'MaryKay', 'DiMaio' (a second capital
#: after a lower-case run), 'J.', initials run together ('A.K.'), 'Md.' (Muhammad, in South Asian names), a
#: glottal stop written as an apostrophe ("Mata'afa"; never a possessive 's or a contraction's 'll, 're, 've); the
#: given names written short are words.csv GIVEN_NAME_ABBREVIATIONS ('Ma. Teresita Daza', 'Md. Touhid Hossain').
_SHORT_GIVEN = "|".join(sorted(map(re.escape, word_lists()["GIVEN_NAME_ABBREVIATIONS"]), key=len, reverse=True))
NAME_PART = (rf"(?:(?:{_SHORT_GIVEN})\.|[{_UC}](?:[{_LC}]+(?:[{_UC}][{_LC}]{{2,}})?|\.(?:[{_UC}]\.)*)"
             rf"(?:-[{_UC}]?[{_LC}]+|['’][{_UC}][{_LC}]+|['’](?!(?:ll|re|ve)\b)[{_LC}]{{2,}})*)")
#: A later word of a name may open with an Arabic article or a particle joined by a hyphen: 'al-Aiban', 'el-Sisi'.
_JOINED_PARTICLE = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|abu|abd|ben|ould)[-‑])?"
PARTICLE = r"(?:de\s+la|de|del|da|das|do|dos|van\s+der|van|von\s+der|von|der|den|bin|ibn|al|el|le|du|di|y)"
#: Regnal numbers and suffixes, longest first ('Mohammed VI' is not 'Mohammed V').
REGNAL = r"(?:[ \t]+(?:VIII|VII|VI|IV|IX|III|II|I|V|X|Jr\.|Sr\.)(?![\w]))?"
NAME = rf"{NAME_PART}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{_JOINED_PARTICLE}{NAME_PART}){{0,5}}{REGNAL}"
NAME_RE = re.compile(NAME)
POSSESSIVE = r"(?:['’]s|['’](?=\s))"
#: Capitalised words that start or end a name-shaped span but are not names.
NOT_NAME = set("""
The A An This That These Those He She It They We I His Her Its Their Our Mr Mrs Ms Dr In On At For By From
With Without After Before During As But And Or Not No Yes If When While Since Until Also Still Yet Meanwhile
Although Though Whereas Because Once Unlike
However Nevertheless Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
May June July August September October November December Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Today
Tomorrow Yesterday President Minister Secretary Prime Vice Foreign Ambassador Envoy Special General Chief
Government Department Office Ministry House Senate Congress Parliament Republic Kingdom State States Union
National Federal Army Navy Military Police Court Supreme Party Council Commission Agency Bureau Service
Administration Embassy Palace Canal Lake River Sea Ocean North South East West Central Latin American
Great Hall Square Peninsula Strait Gulf
Brother Come Home Mission Missions Quad Trump's Who What Where Why How There Here Then Both Each Every
Several Many Some All Any Other Another Such One Two Three Four Five Six Seven Eight Nine Ten Don't
Sir Dame Over Amid Against Into Onto Upon Toward Towards Despite Following Ahead Under Incident Row Talks
Has Have Is Was Says Orders Urges Warns Summons Slams Meets Visits Rejects Accuses Expels Recalls Deliver Delivers
Protest Protests Issue Issues Demarche Agree Agrees Sign Signs Meet Hold Holds Discuss Discusses Call Calls Seek
Seeks Vow Vows Pledge Pledges Urge Threaten Threatens Reject Accuse Expel Recall Visit Ban Bans Back Backs
To Of Via Sends Send Tells Letter Letters HE H.E HH H.H PM FM DPM
Demand Demands Aim Aims Want Wants Plan Plans Ask Asks Retract Retracts Remarks Comments Host Hosts Receive Receives
Welcome Welcomes Phone Telephone Deputy
Photo Photos Image Picture Credit File Flies Fly Jets Travels Arrives Lands Heads
""".split())  # (the last lines: words of title-case headlines, 'Summons Latvian Ambassador To Deliver Protest',
# and the abbreviated titles of headlines, 'PM Albanese', 'FM Baerbock'; the words of photo captions and credits,
# 'Zhao Lijian Photo: File', and headline verbs of travel, 'President Ruto Flies to the US')


PRONOUN_RE = re.compile(  # the leading look-ahead lets the scanner skip most positions cheaply
    r"(?=[HhSsTtIiBbEe])(?<![\w-])(?:"
    # (an office may be written capitalised: 'the two Foreign Ministers')
    r"(?P<pair>(?:[Tt]he\s+(?:two|2)|[Bb]oth)\s+(?:countries|nations|nation|(?i:leaders)|sides|governments|neighbours|"
    r"men|neighbors|capitals|(?i:presidents|prime\s+ministers|foreign\s+ministers|ministers|heads\s+of\s+state)|states|"
    r"international\s+locations)|[Ee]ither\s+(?:country|nation|side|government)"
    # 'They agreed to ...' ('The two agreed') right after a sentence about two countries, or
    # '... met Y, and they agreed': the pair acting together ('The leaders agreed' after a meeting of two)
    r"|(?:They|(?<=,\sand\s)they|[Tt]he\s+two|[Tt]he\s+(?i:leaders|presidents|premiers|prime\s+ministers|"
    r"foreign\s+ministers|ministers|heads\s+of\s+(?:state|government)))(?=\s+(?:also\s+|later\s+|then\s+|further\s+|have\s+|had\s+)?(?:agreed|signed|pledged|vowed|discussed|"
    r"reaffirmed|committed|exchanged|underscored|welcomed|held\s+talks|resolved|inked|concluded)\b))"
    r"|(?P<person>[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)"
    r"|(?P<nation>(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:country|nation|state|government|[Ff]ederal\s+[Gg]overnment|"
    r"(?:military|new|interim|transitional|ruling|central|national)\s+(?:government|authorities|leadership|regime|junta)|"
    r"regime|authorities|leadership|kingdom|republic|emirate|island\s+nation|island\s+state|junta|"
    # ('the state-controlled mouthpiece warned': a state's own medium speaks for it)
    r"state(?:-run|-controlled|-owned)?\s+(?:media|mouthpiece|news\s+agency))"
    r"|[Ii]ts\s+(?:federal\s+)?(?:government|authorities|leaders|leadership|officials|president|regime|"
    r"military|army|navy|forces|diplomats|territory))"
    # ('it has been decided to recall', 'it was agreed that': an empty subject, no party)
    r"|(?P<it>[Ii]t)(?!\s+(?:(?:has|had|have)\s+been|(?:will|would)\s+be|was|is)\s+(?:decided|agreed|announced|"
    r"reported|expected|understood|feared|believed|said|learned|learnt|confirmed)\b)"
    r"(?=\s+(?i:has|had|have|will|would|also|then|later|quickly|said|says|added|adds|stated|noted|stressed|"
    r"insisted|explained|argued|declared|reiterated|continued|wrote|called|calls|termed|"
    r"described|ordered|expelled|recalled|reserves|reserved|"
    r"announced|agreed|refused|signed|closed|shut|summoned|accused|threatened|warned|demanded|rejected|"
    # ('said it expects that Bangladesh will reciprocate': the speaker's own stance, its subject the speaker)
    r"expects|expected|urges|urged|condemns|condemned|rejects|demands|wants|wanted|hopes|hoped)\b)"
    r"|(?P<latter>[Tt]he\s+latter(?!\s+(?:half|part|parts|stage|stages|years?|months?|days?|weeks?|case|group|"
    r"category|option|point|scenario|period|phase)\b))"
    r"|(?P<former>[Tt]he\s+former(?=\s*[,.;:)]|\s+(?:has|had|is|was|will|would|also|said|says|did|does|could|can|"
    r"insisted|accused|argued|added|denied|called|urged|demanded|rejected|refused|agreed)\b))"
    r"|(?P<admin>[Tt]he\s+administration|[Tt]his\s+administration)"
    r"|(?P<body>[Tt]he\s+(?:(?i:(?:(?:foreign|interior|home|defen[cs]e|trade|commerce|external\s+affairs)\s+)?"
    r"ministry|cabinet|parliament|legislature|national\s+assembly|foreign\s+office|presidency|mofa"
    r"|(?:foreign|external)\s+affairs\s+ministry|ministry\s+of\s+(?:foreign|external)\s+affairs)"
    r"|(?:[Pp]residential\s+)?National\s+Security\s+(?:Council|Committee))(?=[^\w-]|$)(?!\s+of\b))"
    r"|(?P<office>[Tt]he\s+(?:president|secretary|minister|prime\s+minister|premier|chancellor|envoy|"
    r"foreign\s+minister|ambassador|leader)))(?![\w-])"
)

#: Office holders in the plural opening a clause of joint acts: 'The leaders agreed', 'On Tuesday the leaders
#: signed' (PRONOUN_RE reads them as a pair only there, right after a sentence that names just two parties)
OFFICIALS_TOGETHER = re.compile(r"[Tt]he\s+(?:leaders|presidents|premiers|prime\s+ministers|foreign\s+ministers|"
                                r"ministers|heads\s+of\s+(?:state|government))")


#: Words every PRONOUN_RE match starts with, and the words after 'the', 'this' or 'that' in its other forms.
_PRONOUN_WORDS = ("he", "she", "his", "her", "him", "himself", "herself", "it", "its", "both", "either", "they")
_PRONOUN_NOUNS = ("country", "nation", "state", "government", "federal", "regime", "authorities", "leadership",
                  "military", "new", "interim", "transitional", "ruling", "central", "national", "kingdom",
                  "republic", "emirate", "island", "junta", "administration", "president", "secretary", "minister",
                  "prime", "premier", "chancellor", "envoy", "foreign", "ambassador", "leader", "two", "2",
                  "leaders", "presidents", "premiers", "ministers", "heads", "latter", "former", "ministry",
                  "cabinet", "parliament", "legislature", "interior", "home", "defence", "defense", "trade",
                  "commerce", "external", "presidency", "presidential", "national", "mofa")
_SPEECH_WORDS = ("said", "says", "stated", "states", "told", "added", "wrote", "warned", "noted", "argued",
                 "insisted", "explained", "declared", "announced", "who")


_ANCHOR_LISTS = (_PRONOUN_WORDS, _PRONOUN_NOUNS, _SPEECH_WORDS)


@cache
def _anchor_index() -> WordIndex:
    """Which document words start with a word of one of the anchor lists ('country' in "country's" too);
    one index for all of them, so a document is looked up once."""
    return word_index((n * 1000 + i, [word + "*"]) for n, words in enumerate(_ANCHOR_LISTS)
                      for i, word in enumerate(words))


_ANCHOR_CACHE: list = [None, {}]


def _anchors(text: str, words: tuple[str, ...]) -> Iterator[int]:
    """Offsets where one of `words` (an anchor list) stands as a word of the text, alone or before a joiner
    ("country's")."""
    for found in _anchor_words(text)[_ANCHOR_LISTS.index(words)]:
        yield from word_starts(text, found, whole=True)


def _anchor_words(text: str) -> tuple[list[str], ...]:
    """For each anchor list, the document's words that are one of its words, alone or before a joiner: sorted
    out once per document, in one pass over the words found."""
    found_words = doc_words(text)
    if _ANCHOR_CACHE[0] is not found_words:
        by_list: tuple[list[str], ...] = tuple([] for _ in _ANCHOR_LISTS)
        for found, features in _anchor_index().lookup(found_words).items():
            for feature in features:
                kept = by_list[feature // 1000]
                word = _ANCHOR_LISTS[feature // 1000][feature % 1000]
                if (len(found) == len(word) or found[len(word)] in "'’.-") and not (kept and kept[-1] is found):
                    kept.append(found)
        _ANCHOR_CACHE[0], _ANCHOR_CACHE[1] = found_words, by_list
    return _ANCHOR_CACHE[1]


def pronoun_matches(text: str) -> list[re.Match[str]]:
    """PRONOUN_RE's matches, found from where its words occur rather than by scanning every position."""
    if not can_anchor(text):
        return list(PRONOUN_RE.finditer(text))
    starts = list(_anchors(text, _PRONOUN_WORDS))
    for at in _anchors(text, _PRONOUN_NOUNS):
        before = previous_word_start(text, at)
        if before != -1 and text[before:at].rstrip().lower() in ("the", "this", "that"):
            starts.append(before)
    return anchored_matches(PRONOUN_RE, text, starts)


def speech_matches(text: str) -> list[re.Match[str]]:
    """_SPEECH_AFTER_NAME's matches (', who' and ' said'), anchored at the white space before each verb."""
    if not can_anchor(text):
        return list(_SPEECH_AFTER_NAME.finditer(text))
    starts = []
    for at in _anchors(text, _SPEECH_WORDS):
        space = at
        while space > 0 and text[space - 1] in " \t":
            space -= 1
        if space < at:
            starts.append(space - 1 if space > 0 and text[space - 1] == "," else space)
            starts.append(space)
    return anchored_matches(_SPEECH_AFTER_NAME, text, starts)


def role_matches(text: str, kb: KnowledgeBase) -> list[re.Match[str]]:
    """The knowledge base's role phrases in the text, anchored at the words that start them."""
    if not can_anchor(text):
        return list(kb.role_re.finditer(text))
    starts = [at for index in kb.role_index.present(doc_words(text))
              for at in word_starts(text, kb.role_words[index])]
    return anchored_matches(kb.role_re, text, starts)


def _country_mention(mention: Mention) -> Mention:
    return Mention(mention.start, mention.end, mention.text, "country", mention.country, mention.country,
                   mention.role, mention.via)


class SpanSet:
    """Sorted, non-overlapping spans with fast 'is this offset inside one' checks."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def extend(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted([*self.spans, *spans])
        self.starts = [s for s, _ in self.spans]

    def covers(self, offset: int) -> bool:
        """Whether an offset lies in a span (`span_at` written out: both stages ask for nearly every mention and
        trigger, and most sets are empty)."""
        if not self.starts:
            return False
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]

    def span_at(self, offset: int) -> tuple[int, int] | None:
        """The span an offset lies in, or None."""
        i = bisect_right(self.starts, offset) - 1
        return self.spans[i] if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1] else None


class _Taken:
    """Spans already taken (they may overlap), asked 'does any overlap [lo, hi)?' by bisection: a scan of
    every span for every speech verb made long documents quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def overlaps(self, lo: int, hi: int) -> bool:
        first = bisect_left(self.starts, lo - self.longest)
        last = bisect_left(self.starts, hi)
        return any(b > lo for _, b in self.spans[first:last])


_SPEECH_AFTER_NAME = re.compile(r",[ \t]+who\b|[ \t]+(?:said|says|stated|states|told|added|wrote|warned|noted|argued|"
                                r"insisted|explained|declared|announced)\b")


#: Prepositions whose object is a place or a topic, not the subject of what follows.
_PREPOSITIONS = frozenset("""to with from against toward towards into on at in by for of over about than between
among""".split())
_AFTER_PREPOSITION = re.compile(r"\b(?:" + "|".join(sorted(_PREPOSITIONS, key=len, reverse=True))
                                + r")\s+(?:the\s+)?$", re.I)


#: Lower-case words before a country that do not make it a verb's object (conjunctions, speech verbs...).
_NOT_A_VERB = frozenset("""and or but nor that said says say as while when because if although after before
since then so which who whereas both either neither where the a an its their his her also now still meanwhile
however""".split())

def _after_preposition(text: str, start: int) -> bool:
    """`_AFTER_PREPOSITION` on the words before `start`, without a regex search (run for every mention)."""
    words = text[max(0, start - 15):start].split()
    if not words or not text[start - 1].isspace():
        return False
    if words[-1].lower() == "the" and len(words) > 1:
        words.pop()
    # a lone word at the window's start may be the cut end of a longer one ('onto' -> 'to')
    return words[-1].lower() in _PREPOSITIONS and (len(words) > 1 or start <= 15 or not text[start - 16].isalnum())


def _same_paragraph(text: str, start: int, end: int) -> str:
    """text[start:end] from the last blank line on: the lower-case last word of a headline or of the paragraph
    before ('... dozens of officials' over 'Russia said') is no verb the next paragraph's first party follows."""
    window = text[start:end]
    cut = window.rfind("\n\n")
    return window[cut + 2:] if cut >= 0 else window


def _after_verb(text: str, start: int) -> bool:
    """A country right after a lower-case word that is not a conjunction or a speech verb is a verb's object
    ('would leave Ecuador', 'accused Mexico'): like a prepositional object, it is not the next subject."""
    words = _same_paragraph(text, max(0, start - 25), start).split()
    if words and words[-1] == "the":
        words.pop()
    if not words or not text[start - 1].isspace():
        return False
    word = words[-1]
    if word.lower() in word_lists()["TIE_NOUNS"] and len(words) >= 2 and (words[-2].lower() in ("its", "their")
                                                                 or words[-2].endswith(("'s", "’s"))):
        return False  # "Burkina Faso's neighbour Ghana said": the one named in apposition is the subject
    if word.isalpha() and word.istitle() and word.lower().endswith(("s", "ed")) \
            and word.lower() not in _NOT_A_VERB and _title_case_line(text, start):
        return True  # 'Algiers Expels French Diplomats': a headline capitalises its verb too
    return word.isalpha() and word.islower() and word not in _NOT_A_VERB


_HEADLINE_MAX = 300  #: characters: a longer line is body text


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line holding `at` is a headline in title case: every word of four letters or more capitalised."""
    start = text.rfind("\n", max(0, at - _HEADLINE_MAX), at) + 1
    end = text.find("\n", at, at + _HEADLINE_MAX)
    if (start == 0 and at > _HEADLINE_MAX) or (end == -1 and len(text) - at > _HEADLINE_MAX):
        return False  # a line this long is no headline (and a long one-line article is read in linear time)
    line = text[start:end if end != -1 else len(text)]
    words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) >= 4]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


_SENTENCE_CACHE: dict[int, tuple[str, list]] = {}


_STARTS: list = [None, []]


def _starts_of(text: str) -> list[int]:
    """Sentence starts of a text, cached with its sentences."""
    sentences = sentences_of(text)
    if _STARTS[0] is not sentences:
        _STARTS[0], _STARTS[1] = sentences, [sentence.start for sentence in sentences]
    return _STARTS[1]


def sentences_of(text: str) -> list:
    """Sentences of a text, cached for the document being processed (both stages split it once)."""
    cached = _SENTENCE_CACHE.get(id(text))
    if cached is None or cached[0] is not text:
        _SENTENCE_CACHE.clear()
        cached = (text, split_sentences(text))
        _SENTENCE_CACHE[id(text)] = cached
    return cached[1]


#: What separates the items of a list of parties: 'Chile, Colombia and the Dominican Republic'.
_LIST_ITEM_GAP = re.compile(r"(?:,[ \t]*|[ \t]+)(?:(?:and|or)[ \t]+)?(?:the[ \t]+)?")
