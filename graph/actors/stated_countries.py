"""Stated countries: the country a document states for a person anywhere, over a guess from one sentence.

A person introduced without a country ('Foreign Minister Ana Ruiz said') is placed by `_country_for`
(person_countries.py) from the sentence around them, which goes wrong where they speak abroad. What the document
states elsewhere wins (`_stated_countries`): a country's name or possessive right before their surname ("Chile's
Ruiz", 'Chilean Foreign Minister Ana Ruiz'), several such statements voting; a relative clause giving them an
office of a named country (`_relative_roles`: 'Ana Ruiz, who is also the foreign minister of Chile'); an office
an apposition or an earlier mention states (stated_offices.py); a statement credited to a country's body
(credited.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from graph.actors.credited import _attributed_countries
from graph.actors.knowledge import knowledge_base, word_lists
from graph.actors.patterns import POSSESSIVE
from graph.actors.people import PersonIntro
from graph.actors.stated_offices import stated_offices
from graph.records import Mention

_POSSESSIVE_RE = re.compile(POSSESSIVE)
#: A blank line: a headline or a paragraph ends there
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _stated_countries(text: str, raw: list[tuple[Mention, str]], intros: list[PersonIntro]) -> list[PersonIntro]:
    """Give a person the country the document states for them anywhere, over a guess from one sentence.

    A person introduced without a country is placed from the sentence around them, which goes wrong where
    they speak abroad ("President X returned from a state visit to China"). When the document says whose
    they are elsewhere, "Sri Lanka's Dissanayake" in the headline or "Japanese Foreign Minister Yoko
    Kamikawa", that statement wins; several statements vote.
    """
    open_intros = [i for i in intros if not i.explicit_country]
    if not open_intros:
        return intros
    # 'Major General Felix Okello, spokesperson for the Ugandan military': the apposition states the country the
    # rank before the name left to a guess
    explicit = {i.name: i.country for i in intros if i.explicit_country and i.country}
    surnames = {i.name.split()[-1] for i in open_intros}
    placing = set(word_lists()["PLACING"])
    country_words = {m.text.split()[0] for m, _ in raw if m.type == "country" and m.text}
    votes: dict[str, Counter] = defaultdict(Counter)
    for mention, _ in raw:
        if mention.type != "country" or mention.via not in ("name", "capital", "demonym"):
            continue
        at = mention.end
        if mention.via != "demonym":
            possessive = _POSSESSIVE_RE.match(text[at:at + 2])
            if not possessive:
                continue
            at += possessive.end()
        # (not past a blank line: 'FM X meets Chinese counterpart' then, below the headline, 'Foreign Minister Y')
        after = text[at:at + 90]
        words = (_PARAGRAPH_BREAK.split(after, maxsplit=1)[0] if "\n" in after else after).split()
        limit = 6
        for position, word in enumerate(words):
            if position >= limit:
                break
            bare = word.rstrip(",.;:")
            if bare in surnames:
                votes[bare][mention.country] += 1
                break
            # words that may stand between a country and a surname it places (words.csv PLACING): "Sri Lanka's
            # President Anura Kumara Dissanayake"; capitalised words pass too, and an 'and' inside a title
            if bare == "and" and _and_inside_title(words, position, country_words):
                limit += 1
                continue
            if not (bare[:1].isupper() or bare.lower() in placing) or bare != word:
                break
    attributed = _attributed_countries(text, raw, open_intros)
    explicit |= {name: country for name, country in _relative_roles(text, raw, open_intros).items()
                 if name not in explicit}
    explicit |= {name: country for name, country in stated_offices(text, raw, open_intros).items()
                 if name not in explicit}
    placed = []
    for intro in intros:
        if not intro.explicit_country and intro.name not in votes and intro.name.split()[-1] not in votes \
                and attributed.get(intro.name):
            votes[intro.name.split()[-1]] = attributed[intro.name]
        if not intro.explicit_country and intro.name in explicit:
            intro = PersonIntro(intro.start, intro.end, intro.name, explicit[intro.name], intro.role, True,
                                intro.international)
        stated = votes.get(intro.name.split()[-1]) if not intro.explicit_country else None
        if stated:
            country = stated.most_common(1)[0][0]
            intro = PersonIntro(intro.start, intro.end, intro.name, country, intro.role, True)
        placed.append(intro)
    return placed


def _and_inside_title(words: list[str], position: int, country_words: set[str]) -> bool:
    """Whether the 'and' at `position` joins two capitalised words of an office ('Mining and Energy'), the second
    no country or people ('Chinese and Russian leaders')."""
    after = words[position + 1] if 0 < position < len(words) - 1 else ""
    return words[position - 1][:1].isupper() and after[:1].isupper() and after.rstrip(",.;:") not in country_words


#: A relative clause after a name that gives the person an office: 'Ralph Gonsalves, who is also the premier of'
_WHO_IS = re.compile(r",[ \t]+who[ \t]+(?:is|was|serves[ \t]+as|has[ \t]+been)[ \t]+(?:also[ \t]+|now[ \t]+)?")


def _relative_roles(text: str, raw: list[tuple[Mention, str]], intros: list[PersonIntro]) -> dict[str, str]:
    """Person -> the country of the office a relative clause right after their name gives them ('talks chaired
    by Ralph Gonsalves, who is also head of government of his island state'):
    the text states whose they are, over the country of the sentence they stand in."""
    kb = knowledge_base()
    names = {mention.start: mention.country for mention, _ in raw
             if mention.type == "country" and mention.via == "name" and mention.country}
    found: dict[str, str] = {}
    for intro in intros:
        clause = _WHO_IS.match(text, intro.end)
        role = kb.role_re.match(text, clause.end() + (4 if text.startswith("the ", clause.end()) else 0)) \
            if clause else None
        of = _OF_THE.match(text, role.end()) if role else None
        if of and names.get(of.end()):
            found.setdefault(intro.name, names[of.end()])
    return found


#: Between an office and the country it serves: ' of ', ' of the '
_OF_THE = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?")
