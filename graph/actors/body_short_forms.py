"""A national body's short form, given in brackets where the body is first named, names that body again later.

'The presidential National Security Council (NSC) condemned the launch ... the NSC called for Pyongyang to stop':
news introduces a body once with its short form and then uses the short form alone. Only the short form that
stands as a party counts: one that modifies a noun ('the NSC standing committee') or follows 'of' ('a meeting of
the NSC') names a part or a sitting of the body, not the body acting.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors.knowledge import word_classes
from graph.actors.patterns import SpanSet
from graph.records import Mention

#: A short form in brackets: '(NSC)', '(MoFA)'
_SHORT_FORM = re.compile(r"[ \t]*\((?P<short>[A-Z][A-Za-z]?[A-Z]{1,5})\)")


@cache
def _body_gap() -> re.Pattern[str]:
    """What stands between a country's mention and the short form of its body: "'s Foreign Office", ' cabinet',
    ' Ministry of Foreign Affairs', or nothing when the mention is the body itself. The nouns: words.csv
    BODY_NOUNS."""
    nouns = word_classes()["BODY_NOUNS"]
    return re.compile(r"(?:(?:['’]s?)?[ \t]+(?:[\w-]+[ \t]+){0,2}?(?i:" + nouns + r")"
                      r"(?:[ \t]+of[ \t]+(?:[A-Z][\w-]*[ \t]*){1,3})?)?")


@cache
def _body_last_word() -> re.Pattern[str]:
    """A mention that is the body itself ('the presidential National Security Council'): a BODY_NOUNS word, or
    'Affairs' of a ministry's full name, ends it."""
    return re.compile(r"(?i)(?:" + word_classes()["BODY_NOUNS"] + r"|affairs)$")


#: Where a later short form is no party: after 'of' ('a meeting of the NSC'), or before a lowercase noun it
#: modifies ('the NSC standing committee'); words that may follow a party's name are let through
_OF_BEFORE = re.compile(r"\bof[ \t]+(?:the[ \t]+)?$", re.I)
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:also|then|later|again|has|had|have|is|was|will|would|could|can|did|does|"
                         r"on|in|at|to|and|or|but|for|that|who|which)\b)[a-z]+(?<!ed)(?<!es)\b")


def _owner(mentions: list[Mention], text: str, at: int) -> Mention | None:
    """The country mention whose body the short form starting at `at` abbreviates, if any."""
    for mention in reversed(mentions):
        if mention.end > at:
            continue
        if mention.type != "country" or not mention.country or at - mention.end > 80:
            return None
        gap = text[mention.end:at]
        if not gap.strip() and not _body_last_word().search(mention.text):
            return None  # 'talks with Japan (JPN)': a country's own code, no body
        return mention if _body_gap().fullmatch(gap) else None
    return None


def add_body_short_forms(text: str, mentions: list[Mention], blocked: SpanSet) -> list[Mention]:
    """Add each later party use of a body's bracketed short form as a mention of the body's country."""
    added: list[Mention] = []
    for intro in _SHORT_FORM.finditer(text):
        owner = _owner(mentions, text, intro.start())
        if owner is None:
            continue
        later = re.compile(r"(?:\b[Tt]he[ \t]+)?\b" + re.escape(intro.group("short")) + r"\b(?![\w-])")
        for use in later.finditer(text, intro.end()):
            if any(m.start < use.end() and use.start() < m.end for m in mentions) or blocked.covers(use.start()) \
                    or text[use.end():use.end() + 1] in (")", "-") \
                    or _OF_BEFORE.search(text, max(0, use.start() - 12), use.start()) \
                    or _NOUN_AFTER.match(text, use.end()):
                continue
            added.append(Mention(use.start(), use.end(), use.group(), "country", owner.key, owner.country, "",
                                 "pronoun"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions
