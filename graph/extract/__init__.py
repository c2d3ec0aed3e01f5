"""The event stage: documents and their actor mentions -> stance `Event` records (one per evidence sentence).

How a sentence becomes an event (the module of each step in brackets):

1. A trigger from graph/data/triggers.csv matches ('would not settle for migrants', 'threatened to expel
   ... troops', 'satisfy with'); overlapping triggers keep the most specific one (highest priority).
   [lexicon.py compiles the triggers, candidates.py finds their matches (hits.py skips the sentences where a
   word's triggers cannot match), senses.py drops words used in another
   sense (relation_senses.py and people_senses.py hold the checks of one relation), events.py keeps the best]
2. Negation turns the relation into its opposite ('would not accept' -> refusesDeportees) or drops it
   ('did not threaten'); never a lost 'not'. [negation.py]
3. The actor is the acting party nearest before the trigger, skipping speakers ('Rubio said Ecuador
   agreed' is Ecuador's act), prepositional objects and relative clauses; pronouns were resolved by the
   mention stage; a noun's owner acts before that ('Lee's planned summit', 'the complaint that Kiev
   filed'); every party of a list acts or is acted on ('Poland, Slovenia and Norway handed over').
   [attribution.py, actor_rules.py, subject.py, owners.py, coordination.py] The target follows the trigger's rule (right
   after it, the object of a demand, the nationality of released people...) or, for migration wording with
   no explicit sender, the country the document is mostly about (deportees sent by the United States in a
   report on US deportations); a weakly worded stance keeps that guessed side only when it is in view (named
   in the sentence or the two before, or one of the document's only two parties). [targets.py; the rules in
   target_rules.py, right_targets.py, no_object.py, objects.py, target_wordings.py, released_nationals.py,
   senders.py, agentless_returns.py; implicit_targets.py; a 'no' to a resolution answers its drafters,
   drafts.py] Each actor is paired with its targets; the parties of a list act toward each other on a mutual
   relation ('Xi and Boluarte signed'). [pairs.py, pair_corrections.py] A party named with only its own count
   after the first party's act ('Norway flew out 70 rescuers, Kenya 30') does what the first did. [gapping.py]
4. Mode: conditional ('could impose tariffs if'), planned ('will visit'), reported (someone else's claim),
   or asserted. Acts inside an if-clause or inside the content of a demand ('expects Maduro to take back')
   are not events of their own; what a party is urged or asked to do is done by no one. [events.py; if-clauses
   in hedges.py, requests in requested.py]
5. Context: the policy or issue the event concerns, from graph/data/contexts.csv. [lexicon.py]
6. Events read from other events: as each sentence's events are made, a signing with a foreign leader is a
   meeting and a meeting or a signing in a foreign place is a visit [meetings.py]; once every sentence is read,
   officials present in a foreign capital visit it, a party that followed suit or retaliated takes the same
   measure, a measure held 'unless' a party acts demands that act, a measure taken over the other party's
   meddling accuses it. [inferences.py; the charges and threats in implied_charges.py]

Photo credits and bylines are never actors, and photo captions yield no events (document.py holds the
per-document state: sentences, quotations, captions, speakers). run.py runs the steps over one document
(`extract_document`) or many (`extract`, `extract_documents`) and writes the CSV text.
"""

from graph.extract.lexicon import Context, Trigger, contexts, triggers
from graph.extract.run import (
    DocumentResult,
    entities_csv,
    events_csv,
    extract,
    extract_document,
    extract_documents,
)

__all__ = [
    "Context",
    "DocumentResult",
    "Trigger",
    "contexts",
    "entities_csv",
    "events_csv",
    "extract",
    "extract_document",
    "extract_documents",
    "triggers",
]
