"""Headlines that quote one party's words to another: 'Washington to Seoul: pay more for your troops', 'EU to
Hungary: respect the rule of law'. Such a headline names the speaker, then 'to' and the one spoken to, then after
a colon what is asked of them in the imperative: the first party demands of the second, though no verb of
demanding is written."""

from __future__ import annotations

import re

from graph.extract.candidates import _Candidate
from graph.extract.document import _Doc
from graph.extract.events import _make_event
from graph.extract.lexicon import Trigger
from graph.extract.owners import _as_country
from graph.records import Event

_ADDRESSED_TRIGGER = Trigger("demands", "(words addressed to a party in a headline)", (), "-", "left", "right",
                             False, 18, 0.6, "diplomatic-pressure", worded=False)

#: Between the speaker and the one spoken to: ' to '
_TO = re.compile(r"[ \t]+to[ \t]+")
#: After the one spoken to: a colon, perhaps a quotation mark, then a word in lower case that opens an order
#: ('pay up', 'stop', 'back off'), not a statement of the speaker's own ('we will', 'it is')
_ORDER_AFTER = re.compile(r"[ \t]*:[ \t]*[\"“‘']?(?!(?:we|i|it|they|this|that|there|a|an|the)\b)[a-z]+\b")


def _headline_demands(doc: _Doc, events: list[Event]) -> list[Event]:
    """The demand of a headline 'X to Y: <order>' (the first sentence of the text, when it is the headline)."""
    sentence = next((s for s in doc.sentences if s.start >= doc.document.body_start), None)
    if sentence is None:
        return []
    mentions = [m for m in doc.mentions(sentence) if m.country]
    for speaker, addressee in zip(mentions, mentions[1:], strict=False):
        if not _TO.fullmatch(doc.text, speaker.end, addressee.start) \
                or not _ORDER_AFTER.match(doc.text, addressee.end) \
                or doc.text[sentence.start:speaker.start].strip() or speaker.country == addressee.country:
            continue
        candidate = _Candidate(_ADDRESSED_TRIGGER, sentence, speaker.end, addressee.start, addressee.end, "demands")
        event = _make_event(doc, candidate, _as_country(speaker) if speaker.via == "demonym" else speaker,
                            _as_country(addressee) if addressee.via == "demonym" else addressee)
        known = {(e.actor_country, e.relation, e.target_country) for e in events}
        if event is not None and (event.actor_country, "demands", event.target_country) not in known:
            return [event]
    return []
