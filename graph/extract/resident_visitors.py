"""A visit read for a country's standing body in the country visited: 'a representative of the Japanese embassy in
Moscow arrived at the Russian Foreign Ministry'. Embassy and consulate staff (words.csv RESIDENT_BODIES) live where
they work, so going to the host's ministry is the envoy's daily business (at most a meeting), not a trip from one
state to another. The check holds for every visit wording, whatever its verb."""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.records import Mention


@cache
def _body_after() -> re.Pattern[str]:
    """A standing body right after the party's name ('Japanese embassy', "Kenya's high commission")."""
    return re.compile(r"(?:['’]s?)?\s+(?:" + word_classes()["RESIDENT_BODIES"] + r")\b", re.I)


@cache
def _body_at_end() -> re.Pattern[str]:
    """A standing body that ends the party's own mention ('a representative of the Kenyan embassy')."""
    return re.compile(r"\b(?:" + word_classes()["RESIDENT_BODIES"] + r")$", re.I)


def _of_a_resident_body(doc: _Doc, actor: Mention) -> bool:
    """Whether the party is named as, or by a member of, its country's embassy or consulate."""
    return _body_at_end().search(actor.text) is not None or _body_after().match(doc.text, actor.end) is not None


def resident_visitor(doc: _Doc, candidate: _Candidate, pairs: list[tuple[Mention, list]]) -> bool:
    """Whether every visitor of a visit is named as its country's embassy or consulate (the body that sits in the
    visited country), so the wording tells no visit."""
    if candidate.relation != "visits" or not pairs:
        return False
    return all(_of_a_resident_body(doc, actor) for actor, _ in pairs)
