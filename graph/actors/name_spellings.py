"""How news spells a known name or role other than the data files do, and the keys that match them anyway.

A role is capitalised several ways ('foreign minister', 'Foreign Minister', 'FOREIGN MINISTER'); a person's
name loses its accents, writes the Arabic article 'al-', 'el-' or 'Al ', hyphenates a Korean given name or
not, and keeps or drops the full stops of initials. `knowledge.knowledge_base` adds these spellings as
aliases; its person lookups compare folded names (`_fold_name`), the given and father's names of an Arabic
name (`_lineage`) and the consonants of a transliterated given name (`_skeleton`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

#: Words that say whose son or daughter the next name is, inside Arabic names.
_LINEAGE_WORDS = frozenset(("bin", "ibn", "bint"))
#: Titles news writes before an Arabic name and that are no part of it: 'Sheikh Tamim bin Hamad', 'Prince Faisal'.
_NAME_TITLES = frozenset(("sheikh", "sheikha", "shaikh", "shaikha", "sheik", "prince", "princess", "emir", "amir",
                          "king", "sultan", "sayyid", "crown"))


def _lineage(name: str) -> tuple[tuple[str, str], str] | None:
    """((given name, father's name), family name) of an Arabic name with 'bin', 'ibn' or 'bint', or None. Titles
    before it are dropped ('Sultan' before 'bin' is a given name: 'Sultan bin Saad'); the family name is the
    last word run that opens with the article ('al-thani'), '' when none."""
    words = _fold_name(name).lower().split()
    while len(words) > 2 and words[0] in _NAME_TITLES and words[1] not in _LINEAGE_WORDS:
        words.pop(0)
    at = next((i for i, word in enumerate(words) if word in _LINEAGE_WORDS), -1)
    if at < 1 or at + 1 >= len(words):
        return None
    family = next((" ".join(words[i:]) for i in range(at + 2, len(words)) if words[i].startswith("al-")), "")
    return (" ".join(words[:at]), words[at + 1]), family


def _case_variants(phrase: str) -> tuple[str, ...]:
    """How news capitalises a lower-case role: as is, sentence case, title case with or without its small
    words ('Minister of the Interior', 'Inspector-General of Police'), upper case."""
    headline = " ".join(w if w in ("of", "the", "and", "for", "on", "to", "in") else
                        "-".join(part[:1].upper() + part[1:] for part in w.split("-")) for w in phrase.split(" "))
    return phrase, phrase[:1].upper() + phrase[1:], phrase.title(), headline, headline[:1].upper() + headline[1:],\
        phrase.upper()


#: The Arabic article as English news writes it before a name: 'al-Sisi', 'el-Sisi', 'ad-Dabaiba', 'Al Nahyan'.
_FOLDED_ARTICLE = re.compile(r"(?<![\w'’-])(?:al|el|ad|an|ar|as|ash|at|az|ul)[-‑ ](?=\w)", re.I)


@lru_cache(maxsize=1 << 16)
def _fold_name(text: str) -> str:
    """`_fold` with the Arabic article written one way: 'Abdel Fattah al-Sisi' is the known 'Abdel Fattah
    el-Sisi'. (Memoised, as `_fold`: a document asks for the same few names again and again.)"""
    return _FOLDED_ARTICLE.sub("al-", _fold(text))


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """A name without accents and with straight apostrophes ('José' -> 'Jose')."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))

#: An Arabic article or particle joined to a name by a hyphen: lower case inside a name, capitalised on its own
_ARTICLE = re.compile(r"(?<![\w-])(el|al|ad|as|ash|at|az|ar|an|ul)-(?=[A-Z])")


def _particle_variants(name: str) -> tuple[str, ...]:
    """'el-Sisi' is also written 'El-Sisi' (always so when it stands alone or opens a sentence): the article of an
    Arabic name is written in either case."""
    capital = _ARTICLE.sub(lambda m: m.group(1).capitalize() + "-", name)
    return (capital,) if capital != name else ()


#: The Arabic article before a name, transliterated 'el' or 'al' alike ('el-Sisi', 'al-Sisi')
_EL_OR_AL = re.compile(r"(?<![\w-])([Ee]l|[Aa]l)-(?=[A-Z])")


def _article_variants(name: str) -> tuple[str, ...]:
    """'Abdel Fattah el-Sisi' is as often written 'Abdel Fattah al-Sisi': reports transliterate the Arabic article
    either way, and the text's own spelling should still find the known person."""
    swap = {"el": "al", "El": "Al", "al": "el", "Al": "El"}
    other = _EL_OR_AL.sub(lambda m: swap[m.group(1)] + "-", name)
    return (other, *_particle_variants(other)) if other != name else ()


@cache
def _hyphen_variants(name: str) -> tuple[str, ...]:
    """Other spellings of a hyphenated given name ('Lee Jae-myung': 'Lee Jae Myung', 'Lee Jae-Myung') and of an
    unhyphenated one ('Kim Jong Un': 'Kim Jong-un'): English news writes Korean and Chinese names all ways."""
    words = name.split()
    if len(words) == 2 and words[1].count("-") == 1:
        first, second = words[1].split("-")
        return (f"{words[0]} {first} {second.capitalize()}", f"{words[0]} {first}-{second.capitalize()}")
    if len(words) == 3 and all(w[:1].isupper() for w in words) and "-" not in name:
        return (f"{words[0]} {words[1]}-{words[2].lower()}", f"{words[0]} {words[1]}-{words[2]}")
    return ()


def _initial_variants(name: str) -> tuple[str, ...]:
    """'S. Jaishankar' is also written 'S Jaishankar', 'A.K. Antony' 'AK Antony': initials with and without their
    full stops."""
    if not re.search(r"\b[A-Z]\.", name):
        return ()
    bare = re.sub(r"\b([A-Z])\.\s?(?=[A-Z]\.)", r"\1", name)  # 'A.K.' -> 'AK.'
    bare = re.sub(r"\b([A-Z]{1,3})\.(?=\s)", r"\1", bare)  # 'AK.' -> 'AK', 'S.' -> 'S'
    return (bare,) if bare != name else ()


def _without_generation(parts: list[str]) -> list[str]:
    """A name's words without a closing 'Jr.' or 'Sr.': news writes 'Ferdinand Romualdez Marcos' for the known
    'Ferdinand Marcos Jr.', whose last name is Marcos, not the suffix."""
    return parts[:-1] if len(parts) > 2 and parts[-1].rstrip(".").lower() in ("jr", "sr") else parts


def _skeleton(word: str) -> str:
    """A given name's first letter and its later consonants, each run of one letter written once: 'Muhammed'
    and 'Mohamed' are both 'mhmd', 'Esmail' and 'Esmaeil' both 'esml'; transliterations differ in their vowels
    and doubled letters."""
    word = word.lower()
    return re.sub(r"(.)\1+", r"\1", word[:1] + re.sub(r"[aeiouy]", "", word[1:]))


def _ends_of(parts: list[str]) -> tuple[str, str] | None:
    """A name's first and last word, for names of two words or more."""
    return (parts[0], parts[-1]) if len(parts) >= 2 else None
