"""Person names: what a person's name looks like, and where it starts after a title.

A name-shaped span is trimmed of the words news writes around a name (days, ranks, forms of address, the last
word of a portfolio: `_clean_name`), and is a person only when no word of it is an organisation's or a place's
(`_acceptable_name`): 'Taita Taveta County' and 'Brazil's Petrobras Group' are none. A name may start after a
form of address or an initial ('Hon. Kofi Mensah', 'K Natwar Singh': `_name_at`).
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors.knowledge import KnowledgeBase, knowledge_base, word_classes, word_lists
from graph.actors.patterns import (
    NAME_RE,
    NOT_NAME,
    PARTICLE,
)


def _clean_name(raw: str) -> str:
    """Trim leading/trailing words that are not part of a name ('Tuesday', 'The'), and the titles news writes
    before one: ranks and forms of address ('Colonel Ana Ruiz', 'Your Excellency ...'), a title word ('Senator
    Ishaq Dar') and the last word of a portfolio ('Minister of Foreign Affairs Hakan Fidan')."""
    words = raw.split()
    roles = knowledge_base().roles
    while True:
        while words and (words[0].rstrip(".") in NOT_NAME or words[0] in _title_openers()
                         or (len(words) > 2 and words[0][:1].isupper() and words[0].lower() in roles
                             and words[1] not in _LINEAGE)):
            words.pop(0)
        address = _address_re().match(" ".join(words))
        if address is None:
            break
        words = " ".join(words)[address.end():].split()  # 'Datuk Seri Anwar Ibrahim', 'His Highness Sheikh ...'
    while words and (words[-1].rstrip(".") in NOT_NAME or re.fullmatch(PARTICLE, words[-1])):
        words.pop()
    return " ".join(words)


#: 'son of'/'daughter of' inside Arabic names: the word before it is a given name even when it is a title
#: ('Sultan bin Saad Al Muraikhi', 'Amir bin Ali').
_LINEAGE = frozenset(("bin", "ibn", "bint"))


@cache
def _title_openers() -> frozenset[str]:
    """Words that open a name-shaped span before the name: portfolios (words.csv PORTFOLIO), ranks, forms of
    address."""
    return frozenset(word_lists()["PORTFOLIO"]) | _RANK_WORDS | {"Your", "Excellency", "Hon.", "Hon", "Honourable",
                                                                 "Honorable"}


#: Military ranks that open a name-shaped span before the name itself ('Colonel Ana Ruiz').
_RANK_WORDS = frozenset("Colonel General Major Lieutenant Captain Admiral Brigadier Commander Lt Lt. Gen Gen. Col Col. "
                        "Maj Maj. Capt Capt. Adm Adm. Brig Brig.".split())

#: An initial without a stop opening a name: 'K Natwar Singh', 'S Jaishankar'.
_INITIALS = re.compile(r"([A-Z])[ \t]+(?=[A-Z][a-z])")

#: A form of address between a title and the name: 'the Minister for Trade, Hon. Kofi Mensah', 'Mr Juma Otieno';
#: 'honourable' is often written in lower case after a comma ('Prime Minister of Tonga, honourable Ana Fifita').
_HONORIFIC = re.compile(r"(?:(?:[Tt]he[ \t]+)?(?:Rt\.?[ \t]+)?(?:Hon|[Hh]on(?:ourable|orable))|Mr|Mrs|Ms|Dr|Prof"
                        r"|H\.[ \t]?E)\.?"
                        r"[ \t]+(?=[A-Z])")


def _name_at(text: str, at: int, kb: KnowledgeBase) -> bool:
    """Whether a name starts at `at`, perhaps after a form of address or an initial."""
    at = _after_honorific(text, at)
    initials = _INITIALS.match(text, at)
    name = NAME_RE.match(text, initials.end() if initials else at)
    return name is not None and _acceptable_name((initials.group(1) + " " if initials else "")
                                                 + _clean_name(name.group()), kb)


def _after_honorific(text: str, at: int) -> int:
    """Where the name starts after a form of address ('Hon. Kofi Mensah' -> 'Kofi Mensah', 'Tan Sri Amir
    Yusof' -> 'Amir Yusof', 'Tun Dr Ali' -> 'Ali')."""
    while True:
        honorific = _HONORIFIC.match(text, at) or _address_re().match(text, at)
        if honorific is None or honorific.end() == at:
            return at
        at = honorific.end()


@cache
def _address_re() -> re.Pattern[str]:
    """Forms of address and honours before a name (words.csv FORMS_OF_ADDRESS, matched as written): Malaysian
    honours ('Datuk Seri', 'Tan Sri') and a ruler's style ('His Highness'); 'Sheikh' stays in the name."""
    return re.compile(r"(?:(?:" + word_classes()["FORMS_OF_ADDRESS"] + r")[ \t]+)+(?=[A-Z])")


def _ends_clause(text: str, at: int) -> bool:
    """A name in apposition is closed by a comma, a stop or a verb, not by 'and' another name."""
    return re.match(r"[ \t]*(?:[,.;:)]|$|[ \t]+(?!and\b|or\b)[a-z])", text[at:at + 12]) is not None


@cache
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A portfolio between a title and a name ('Minister of International Affairs Hugo ...'), and a treaty's
    name after a place ('the Vienna Convention'), from the PORTFOLIO and TREATY_NAME word classes (matched as
    written: the capitals matter)."""
    classes = word_classes()
    portfolio = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&)[ \t]+)?){0,3}"
                           + classes["PORTFOLIO"] + r",?[ \t]+(?=[A-Z])")
    treaty = re.compile(r"[ \t]+" + classes["TREATY_NAME"] + r"\b")
    return portfolio, treaty
#: Words that make a name-shaped span an organisation rather than a person.
ORG_WORDS = set("""
Watch International Group Bank Fund Council Board Bureau Ministry Office Company Corp Corporation Inc Agency Association
Union Party Court Commission News Times Post Journal Institute University Center Centre Foundation Sachs
Capital Partners Holdings Ltd Airlines Airways Motor Motors Energy Oil Petroleum Network Press Media Television
Electronics Steel Chemical Chemicals Industries Pharma Pharmaceuticals Telecom Shipping Logistics Automotive
Radio Service Services Department Authority Committee Forum Alliance Coalition Organization Organisation
Federation Reserve Exchange Police Army Navy Force Forces Guard Command Embassy Consulate Parliament Senate
Congress Assembly Government Administration House Palace Square Street Avenue Airport Port Canal Island
Islands Province State States City County Region Republic Kingdom Emirates Ministries Initiative Program
Programme Project Team Teams Unit Summit Conference Agreement Treaty Accord Cup League Club United FC Olympics Games
Headquarters
""".split())


@cache
def _name_end_places() -> frozenset[str]:
    """words.csv NAME_END_PLACES: last words of a place or a portfolio, not of a person."""
    return frozenset(word_lists()["NAME_END_PLACES"])


#: An Arabic family name: 'al-Maliki', 'Al-Sabah', 'el-Sisi'
_ARABIC_FAMILY_NAME = re.compile(r"(?:[Aa]l|[Ee]l)-[A-Z]")


def _bare_office(name: str, kb: KnowledgeBase) -> bool:
    """Whether a name-shaped span is an office alone, also after words of a stand-in ('Acting High Commissioner',
    'Interim Ambassador': words.csv OFFICE_STAND_INS)."""
    words = name.lower().split()
    stand_ins = word_lists()["OFFICE_STAND_INS"]
    while len(words) > 1 and words[0] in stand_ins:
        words = words[1:]
    return " ".join(words) in kb.roles


def _acceptable_name(name: str, kb: KnowledgeBase, *, titled: bool = False) -> bool:
    """Whether a name-shaped span names a person. `titled`: it follows a title ('Interior Minister Pedro
    Montenegro'), where a surname that is also a place ('Montenegro', 'Lima') still ends a person's name."""
    words = name.split()
    lists = word_lists()
    if not words or any(w.rstrip(".") in NOT_NAME or w in lists["NAME_DOCUMENT_WORDS"] or w in lists["NAME_PLACE_WORDS"]
                        for w in words):
        return False
    if len(words) > 1 and words[-1] in ORG_WORDS or words[-1] in _name_end_places():
        return False  # 'Taita Taveta County', 'the Volta Region', 'Niger Delta Affairs': a place or a body
    hit = kb.lookup(name)
    if hit is not None:
        return hit.type == "person"
    if _bare_office(name, kb):
        return False  # "India's High Commissioner, Pranay Verma": an office, whose holder is named after it
    surname = kb.lookup(words[-1])
    if titled and len(words) == 2 and words[0].isalpha() and kb.lookup(words[0]) is None \
            and surname is not None and surname.type == "country":
        return True  # a given name and a place-named surname right after a title
    for word, following in zip(words, [*words[1:], ""], strict=True):
        alias = kb.lookup(word)
        if alias is not None and alias.type != "person" and not (
                alias.kind == "capital" and (_ARABIC_FAMILY_NAME.match(following) or titled and word == words[0]
                                             and following and kb.lookup(following) is None)):
            return False  # (but 'Riyadh al-Maliki': a capital's name is a given name before an Arabic family name)
    # An unknown single word is too often a place, a firm or a headline word to call it a person.
    return len(words) > 1
