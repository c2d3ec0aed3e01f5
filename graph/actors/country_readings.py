"""What a country's name stands for where the text uses it.

'Honduran authorities' and 'the British and Australian embassies' are governments; 'Chinese firms' are the
country's private parties; 'The Egyptians refused' is the nation's side acting; 'the Saudi capital' and 'the
Russian city of Kazan' are places; 'the breakaway Georgian region of Abkhazia' is a region, no state; 'said in
Spanish' is a language; "Turkey's allies" are other states. The finder (finder.py) asks these of each alias it
matches.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors.knowledge import KnowledgeBase, word_classes
from graph.words import doc_words, word_starts

_AGENT_RE: re.Pattern[str] | None = None

#: (a name written with full stops counts: 'the Japanese and U.S. leaders')
_NEXT_DEMONYM = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*,[ \t]+and[ \t]+)((?:the[ \t]+)?[A-Z][\w.-]+"
                           r"(?:[ \t][A-Z][\w-]+)?)")


def _shares_agent(text: str, end: int, kb: KnowledgeBase) -> bool:
    """Whether a demonym is listed with others before a shared agent noun ('British and Australian embassies',
    'French, German and Italian officials')."""
    for _ in range(4):
        listed = _NEXT_DEMONYM.match(text, end)
        if listed is None:
            return False
        alias = kb.lookup(listed.group(1))
        if alias is None or alias.type != "country" or alias.kind not in ("demonym", "name"):
            return False
        end = listed.end()
        if _agent_after(text, end):
            return True
    return False


def _agent_after(text: str, end: int, *, possessive: bool = False) -> int:
    """End offset of an agent noun right after a demonym ('Honduran authorities') or, with `possessive`,
    after a country's name ("Bogotá's authorities", 'US officials'), or 0. Plural office holders count unless
    names follow them ('the Zambian and Malawian presidents met' vs 'Chilean and Peruvian presidents Rosa Ibarra
    and Carlos Mendoza met': there the people act, each for the country in the same place)."""
    global _AGENT_RE
    if _AGENT_RE is None:
        classes = word_classes()
        _AGENT_RE = re.compile(r"(?P<poss>['’]s)?[ \t]+(?:" + classes["AGENT_MODIFIER"] + r"[ \t]+){0,2}"
                               + r"(?:" + classes["AGENT"] + r"|(?:" + classes["PLURAL_OFFICES"]
                               + r")(?![ \t]+(?-i:[A-Z])))(?![\w-])", re.I)
    match = _AGENT_RE.match(text, end)
    if match is None:
        return 0
    return match.end()


#: 'The' opening a sentence or a clause ('..., but the'): the plural nationality after it may be the subject
_CLAUSE_THE = re.compile(r"(?:^|[.!?:;][\"”’)]?[ \t\n]+|\n[ \t]*|,[ \t]+(?:but|and|while|whereas)[ \t]+)[Tt]he[ \t]+$")


@cache
def _nation_verb() -> re.Pattern[str]:
    """A finite verb right after a plural nationality ('the Finns went', 'the Americans, however, rejected'):
    words.csv NATION_VERBS, or a word in -ed that is not a participle: neither one of NATION_UNDERGONE ('the
    Americans held', 'Egyptians detained') nor one with a place or an agent after it (NATION_PARTICIPLE_AFTER:
    'the Americans held in Iran', 'Egyptians living abroad')."""
    classes = word_classes()
    return re.compile(
        r"(?:[ \t]*,[ \t]*(?:however|though|in\s+turn|for\s+their\s+part)[ \t]*,)?[ \t]+(?:[a-z]+ly[ \t]+)?"
        r"(?:(?:" + classes["NATION_VERBS"] + r")\b"
        r"|(?!(?:" + classes["NATION_UNDERGONE"] + r")\b)"
        r"[a-z]+ed\b(?![ \t]+(?:" + classes["NATION_PARTICIPLE_AFTER"] + r")\b))")


#: Plural nationalities: 'the Finns', and those that keep the adjective's form ('the Chinese', 'the British', 'the
#: French', 'the Dutch')
_PLURAL_NATION = re.compile(r"(?:s|ese|ish|ch)$")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_HOLDS_RE: re.Pattern[str] | None = None


def _holds_after(text: str, end: int) -> re.Match[str] | None:
    """A verb of holding a site after a plural nationality, in its own relative clause or as its finite verb ('the
    Russians who operate the port', 'the Chinese have built a base'), but not a participle placing people ('the
    Americans held in Iran')."""
    global _HOLDS_RE
    if _HOLDS_RE is None:
        _HOLDS_RE = re.compile(r"(?P<who>[ \t]+(?:who|that))?[ \t]+(?:(?:have|has|had|also|still|now|already)[ \t]+)"
                               r"{0,2}(?:" + word_classes()["HOLDING_VERBS"] + r")(?![\w-])"
                               r"(?![ \t]+(?:in|by|from|at|under|abroad|there)\b)", re.I)
    return _HOLDS_RE.match(text, end)


def _nation_as_subject(text: str, start: int, end: int) -> bool:
    """'The Finns went to Moscow', 'the Egyptians refused': a plural nationality as the subject of a clause stands
    for its state, as 'the Finnish side' would; as an object or with a participle ('the Americans detained in
    Iran', 'Egyptians living abroad') it stays the country's people. One that runs, owns or built a site ('forced
    the Russians who operate the port to leave', 'the Chinese have built') is the state too: a nation's people do
    not hold ports and bases."""
    if _PLURAL_NATION.search(text, end - 3, end) is None:
        return False
    holds = _holds_after(text, end)
    if holds is not None and holds.group("who") and _THE_BEFORE.search(text, max(0, start - 5), start):
        return True
    return _CLAUSE_THE.search(text, max(0, start - 12), start) is not None \
        and (_nation_verb().match(text, end) is not None or holds is not None)


_CAPITAL_AFTER = re.compile(r"[ \t]+capital(?![\w-])")
#: 'the Russian city of Kazan', 'the Egyptian resort of Sharm el-Sheikh': a place in the demonym's country
_TOWN_OF = re.compile(r"[ \t]+(?:city|town|port|resort|Red[ \t]+Sea[ \t]+resort|Black[ \t]+Sea[ \t]+resort|"
                      r"seaside[ \t]+resort)[ \t]+of[ \t]+[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?")


@cache
def _region_of() -> re.Pattern[str]:
    """A region that broke away from the country named before it (words.csv SPLIT_OFF, SPLIT_UNITS): ' region
    of Abkhazia', "'s breakaway province of"."""
    classes = word_classes()
    return re.compile(r"(?:['’]s)?[ \t]+(?P<split>(?:" + classes["SPLIT_OFF"] + r")[ \t]+)?(?:" + classes["SPLIT_UNITS"]
                      + r")[ \t]+of[ \t]+[A-Z]")


@cache
def _split_before() -> re.Pattern[str]:
    """A word of breaking away (words.csv SPLIT_OFF) right before a region: the region is not the country's own."""
    return re.compile(r"\b(?:" + word_classes()["SPLIT_OFF"] + r")[ \t]+$")


#: A region that split off, told as lying in a country: 'a self-declared republic in northern ', 'the breakaway
#: region of Somaliland in '
#: The words `_SPLIT_IN_BEFORE` opens with, as written: a text holding none of them is spared its search at every name
SPLIT_WORDS = ("breakaway", "separatist", "secessionist", "self-declared", "self-proclaimed", "rebel-held")
_SPLIT_IN_BEFORE = re.compile(r"\b(?:" + "|".join(SPLIT_WORDS) + r")\b"
                              r"[^.;:,]{0,50}?[ \t]in[ \t]+(?:the[ \t]+)?(?:(?:north|south)?-?(?:north|south|east|west)"
                              r"(?:ern)?[ \t]+|central[ \t]+)?$")


def _breakaway_region(text: str, start: int, end: int, split_words: bool = True) -> bool:
    """Whether a country's name or nationality only says whence a region broke away ('the breakaway Georgian
    region of Abkhazia', "Somalia's separatist region of Somaliland", 'a self-declared republic in northern Somalia'):
    the region, no state, is the party. `split_words`: whether the text holds one of `SPLIT_WORDS` at all."""
    if split_words and _SPLIT_IN_BEFORE.search(text, max(0, start - 80), start):
        return True  # 'Somaliland, a self-declared republic in northern Somalia': where the region lies, no party
    after = _region_of().match(text, end)
    return after is not None and bool(after.group("split") or _split_before().search(text, max(0, start - 20), start))


# 'said in Spanish', 'a statement in French and English', 'speaking Portuguese', 'a Spanish-language daily':
# the demonym names a language, and nobody of that country is a party
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|from|speaks?|spoke|speaking|fluent)[ \t]+$")
_LANGUAGE_AFTER = re.compile(r"-language\b|(?=[ \t]*(?:[,.;:)\]]|$|and\b|or\b|to\b|on\b|at\b|after\b|before\b"
                             r"|when\b|while\b|during\b|[\"”’]))")


@cache
def _private_after() -> re.Pattern[str]:
    """Words after a country name or demonym that make it a country's firms or people rather than its state. A
    possessive pronoun between them is the subject's own ('Hungary dropped its opposition'): the state acts."""
    return re.compile(r"(?:['’]s)?[ \t]+(?:(?!(?:its|their|his|her)\b)[a-z][\w-]*[ \t]+){0,2}"
                      + word_classes()["PRIVATE_PARTIES"] + r"(?![\w-])")


@cache
def _associates_after() -> re.Pattern[str]:
    """Words after a country name or demonym that make it other states bound to it ('the two United States
    allies', 'Russian proxies'): those states act, not the country that names them."""
    return re.compile(r"(?:['’]s)?[ \t]+(?:(?:close|closest|key|main|major|regional|traditional|longtime|long-time|"
                      r"fellow|treaty|western|Western)[ \t]+)?" + word_classes()["ASSOCIATES"] + r"(?![\w-])")


_LOWER_CACHE: list = [None, {}]  #: the knowledge base last asked and its lower-case demonyms


def _lower_demonyms(kb: KnowledgeBase) -> dict[str, str]:
    """Each one-word demonym written in lower case ('colombian'), with its known capitalised form."""
    if _LOWER_CACHE[0] is not kb:
        _LOWER_CACHE[:] = [kb, {key.lower(): key for key, alias in kb.aliases.items() if alias.type == "country"
                                and alias.kind == "demonym" and key.isalpha() and key[0].isupper()}]
    return _LOWER_CACHE[1]


def lower_case_demonyms(text: str, kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """'the colombian side', 'the colombian president' in sloppy copy: a demonym written in lower case, as
    (start, end, capitalised form), kept only before an agent noun or a role, where it cannot be a common word
    ('polish' the shoes). The document's words tell at once whether any is there; no scan of the text then."""
    found = doc_words(text).intersection(_lower_demonyms(kb))
    hits = []
    for word in found:
        if word not in text:
            continue  # only written capitalised ('Colombian'): a substring test spares the scan of each occurrence
        for at in word_starts(text, word, whole=True):
            end = at + len(word)
            if text[at:end] == word and (_agent_after(text, end) or kb.role_re.match(text, end + 1)
                                         and text[end:end + 1] == " "):
                hits.append((at, end, _lower_demonyms(kb)[word]))
    return sorted(hits)
