"""Transcripts: people a transcript or a statement introduces by its layout rather than by a sentence.

A press conference's header lists each speaker on a line with their title on the next ('The Hon Feleti Teo
OBE' over 'Prime Minister of Tuvalu'); a statement may put the title on the line above the name and a colon after
it ('Minister of Foreign Affairs of Tuvalu' over 'Jane Doe:'); a transcript writes its speaker labels in capitals
('FELETI TEO, PRIME MINISTER OF TUVALU:'). Each gives the person, their office and the country the title names.
A title at the end of a header line is the person's above it, never the next line's name. Government readouts of
East Asia write a family name first and in capitals after a form of address or a title ('Mr. ISHIBA Shigeru,
Prime Minister of Japan', 'Foreign Minister CHO Tae-yul'): the name, capitalised as a name is written.
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors.knowledge import KnowledgeBase, word_classes
from graph.actors.patterns import NAME_RE, NOT_NAME, SpanSet
from graph.actors.people import PersonIntro
from graph.actors.person_names import _acceptable_name, _after_honorific, _clean_name

#: Letters after a person's name in a header ('MP', 'OBE', 'KC'): the honours, not the name
_POSTNOMINALS = re.compile(r"(?:[ \t]+(?:MP|MLA|MHA|OBE|CBE|KBE|MBE|GCMG|KCMG|CMG|AC|AO|AM|KC|QC|CF|GCB|PC))*[ \t]*")
#: The country a title line names at its end: ' of Tuvalu', ' OF THE PHILIPPINES'
_OF_COUNTRY = re.compile(r"[ \t]+(?i:of)[ \t]+(?:(?i:the)[ \t]+)?([^\n,:]{2,40}?)[ \t]*$")
#: A speaker label in capitals at a line's start: 'FELETI TEO, PRIME MINISTER OF TUVALU:'
_CAPS_LABEL = re.compile(r"(?m)^([A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){1,3}),[ \t]+([A-Z][A-Z '’-]{3,80}):")


def _title_country(title: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(canonical role, country) of a title that is a role and 'of' a country, and nothing else."""
    role = kb.role_re.match(title)
    if role is None:
        return None
    found = kb.roles.get(role.group().lower()) or kb.roles.get(role.group().lower()[:-1])
    of = _OF_COUNTRY.fullmatch(title, role.end())
    alias = kb.lookup(of.group(1)) if of else None
    if found is None or alias is None or alias.type != "country":
        return None
    return found[0], alias.country


def _name_line(text: str, start: int, end: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """The span of a person's name filling a line (after a form of address, before honours and a colon)."""
    at = _after_honorific(text, start)
    name = NAME_RE.match(text, at, end)
    if name is None or not _POSTNOMINALS.fullmatch(text, name.end(), end):
        return None
    cleaned = _clean_name(name.group())
    if cleaned != name.group() or len(cleaned.split()) < 2 or not _acceptable_name(cleaned, kb, titled=True):
        return None
    return name.start(), name.end()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def _layout_intros(text: str, kb: KnowledgeBase) -> list[PersonIntro]:
    """A name line over its title line (a header), and a title line over a name line ending in a colon."""
    intros = []
    lines = _lines(text)
    for (start, end), (next_start, next_end) in zip(lines, lines[1:], strict=False):
        if end - start > 80:
            continue  # (a paragraph, not a header's line)
        below = _title_country(text[next_start:next_end].strip(), kb) if next_end - next_start <= 80 else None
        name = _name_line(text, start, end, kb) if below else None
        if below and name:
            intros.append(PersonIntro(*name, text[name[0]:name[1]], below[1], below[0], True))
            continue
        above = _title_country(text[start:end].strip(), kb)
        colon = text.find(":", next_start, next_end)
        if above and colon > 0:
            name = _name_line(text, next_start, colon, kb)  # 'Jane Doe:' and what she said, on its line or below
            if name:
                intros.append(PersonIntro(*name, text[name[0]:name[1]], above[1], above[0], True))
    return intros


def _caps_labels(text: str, kb: KnowledgeBase) -> list[PersonIntro]:
    """Speaker labels written in capitals: the name as a name is written, with the office and its country."""
    intros: list[PersonIntro] = []
    if ":" not in text:
        return intros  # (every label ends with a colon: few texts hold one, and the scan of every line is skipped)
    for label in _CAPS_LABEL.finditer(text):
        title = _title_country(label.group(2), kb)
        name = " ".join(word.capitalize() if "-" not in word else "-".join(p.capitalize() for p in word.split("-"))
                        for word in label.group(1).split())
        if title and not any(word in NOT_NAME for word in name.split()) and _acceptable_name(name, kb, titled=True):
            intros.append(PersonIntro(label.start(1), label.end(1), name, title[1], title[0], True))
    return intros


#: A family name in capitals, then the given name (one or two words): 'ISHIBA Shigeru', 'YOON Suk Yeol', 'CHO Tae-yul'.
#: The look-behind (no word character before the name) stands after the first capital and looks one character
#: further back: a pattern that opens with a character class lets the regex engine skip in C to the next capital,
#: where a leading look-behind ran the engine at every position of the text (a quarter of the time)
_CAPS_FAMILY_FIRST = re.compile(r"([A-Z](?<![\w'’-].)[A-Z]+(?:-[A-Z]{2,})?)[ \t]+([A-Z][a-z]+(?:-[a-z]+)?"
                                r"(?:[ \t]+[A-Z][a-z]+(?![ \t]+[A-Z]))?)(?![\w'’-])")


@cache
def _before_caps_family() -> re.Pattern[str]:
    """What stands right before such a name: a form of address or an office's last word ('Mr. ', 'H.E. Mr. ',
    'Prime Minister '; words.csv OFFICES_BEFORE_NAME)."""
    return re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Madam)\.?|\bH\.[ \t]?E\.|\b(?:" + word_classes()["OFFICES_BEFORE_NAME"]
                      + r"))[ \t]+$")
#: The office after such a name, up to the next comma or stop: ', Prime Minister of Japan,'
_TITLE_AFTER = re.compile(r",[ \t]+([^,.;:\n]{4,80})")


def _office_of_country(title: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(role, country) of 'Prime Minister of Japan' or of an office with a portfolio, 'Minister of Economy, Trade and
    Industry of Japan' read up to its last 'of' ('Minister of Trade of the Republic of Korea' names Korea)."""
    found = _title_country(title, kb)
    role = kb.role_re.match(title)
    if found is not None or role is None:
        return found
    roles = kb.roles.get(role.group().lower()) or kb.roles.get(role.group().lower()[:-1])
    last = list(re.finditer(r"[ \t]+of[ \t]+(?:the[ \t]+)?", title))
    for of in reversed(last):
        alias = kb.lookup(title[of.end():].strip())
        if roles and alias is not None and alias.type == "country":
            return roles[0], alias.country
    return None


def _caps_family_names(text: str, kb: KnowledgeBase) -> list[PersonIntro]:
    """'Mr. ISHIBA Shigeru, Prime Minister of Japan': a family name in capitals after a form of address or an
    office, with the office and its country when a title of a country follows, else the known person's country."""
    intros = []
    for match in _CAPS_FAMILY_FIRST.finditer(text):
        family, given = match.group(1), match.group(2)
        if not _before_caps_family().search(text, max(0, match.start() - 30), match.start()):
            continue
        alias = kb.lookup(family)
        if alias is not None and alias.type != "person":
            continue  # ('Secretary NATO ...': an acronym, not a family name)
        name = f"{'-'.join(part.capitalize() for part in family.split('-'))} {given}"
        after = _TITLE_AFTER.match(text, match.end())
        title = _office_of_country(after.group(1).strip(), kb) if after else None
        hit = kb.lookup(name)
        known = kb.people.get(hit.key) if hit is not None and hit.type == "person" else \
            kb.person_reversed(name) if len(name.split()) == 2 else None
        if title:
            intros.append(PersonIntro(match.start(), match.end(), name, title[1], title[0], True))
        elif known is not None:
            intros.append(PersonIntro(match.start(), match.end(), name, known.country, known.role, False))
    return intros


def _transcript_intros(text: str, kb: KnowledgeBase, blocked: SpanSet) -> list[PersonIntro]:
    """People introduced by a transcript's or a statement's layout (see the module's docstring)."""
    intros = _layout_intros(text, kb) + _caps_labels(text, kb) if "\n" in text else []
    intros += _caps_family_names(text, kb)
    return [intro for intro in intros if not blocked.covers(intro.start)]


def _without_crossed_titles(intros: list[PersonIntro], layout: list[PersonIntro]) -> list[PersonIntro]:
    """Role intros other than the layout's for the same people: 'Prime Minister of Australia' ending a header
    line is the title of the one named above it, not of 'The Hon Feleti Teo' on the next."""
    names = {intro.name for intro in layout}
    return [intro for intro in intros if intro.name not in names]
