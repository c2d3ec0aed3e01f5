"""The mention stage: the actor knowledge base and the actors named in a text.

Takes a document's text and gives `Mention` records in text order: countries (by ISO name, short name,
alias, demonym or capital metonym, 'Washington said'), organisations (State Department, ICE) with their
country, people the knowledge base knows, people it has never seen but whom news introduces with a role
('Argentine President Javier Milei', 'Peru's foreign minister, Elmer Schialer'), unnamed office holders
('the president of Honduras'), and pronouns or nominals ('she', 'the country', 'its government',
'the administration') resolved to the actor they point back to.

All facts live in data files under graph/data/ (country_aliases.csv, people.csv, organizations.csv,
roles.csv, words.csv) plus ISO 3166 from pycountry; this package holds only the mechanism.

How a text becomes mentions (the module of each step in brackets):

1. The knowledge base is loaded once per process: countries, their aliases, demonyms and capitals,
   organisations, people and roles, with one matcher for all aliases and one for all roles; the word
   classes of words.csv. [knowledge.py; the other spellings of a known name in name_spellings.py, the
   trie-shaped matchers in tries.py]
2. The text is scanned for aliases, skipping photo credits and bylines; what follows a country's name says
   whether it is the state ('Honduran authorities'), its private parties ('Chinese firms') or a place in it
   ('the Russian city of Kazan'). [finder.py; the scan and the matches that are part of a longer name or
   an abbreviation in alias_scan.py, what follows a country's name in country_readings.py]
3. Places and bodies stand for their country: the seat of an international body, 'a Russia-led bloc',
   'the government of Costa Rica', 'the Trump administration', 'the Gulf state', 'the canal'; the dateline
   says where the report was filed. [places.py]
4. People are introduced by a role, as speakers or by a country's possessive, and placed in a country: the
   one the introduction states, the one the document states elsewhere, the one the sentence around them
   names, or else the document's home country. Known people lend their surnames to the rest of the
   document. [role_intros.py, speaker_intros.py; person_countries.py places them, with what the document
   states elsewhere in stated_countries.py and the offices an apposition or an earlier mention states in
   stated_offices.py; person_names.py says what a name looks like, people.py holds their record and merges
   names of one person]
5. Pronouns and nominals ('he', 'the country', 'the administration', 'the two leaders', 'these countries',
   'The President') are resolved to what they point back (or forward) to, or dropped. [offices and groups
   named alone ('The President', 'these countries') in offices_and_groups.py, the rest in resolution.py, whose
   tests of an antecedent are in antecedents.py and whose record of the parties named so far, with the pairs
   read from it ('the two leaders'), is in recent_parties.py]
6. The countries are ranked by how much the document talks about them (`DocumentActors.focus`).
   [finder.py]

The name shapes, the anchored matchers of pronouns, speech verbs and roles, span sets and the document's
sentences that several steps use are in patterns.py. finder.py runs the steps over one document
(`find_actors`) and lists its named actors (`iter_entities`, `written_names`).
"""

from graph.actors.finder import DocumentActors, credit_spans, find_actors, iter_entities
from graph.actors.knowledge import (
    Alias,
    KnowledgeBase,
    Person,
    country_names,
    knowledge_base,
    official_name,
    read_data,
    slug,
    trie_pattern,
    word_classes,
    word_lists,
    word_pattern,
)
from graph.actors.patterns import _AFTER_PREPOSITION as _AFTER_PREPOSITION
from graph.actors.patterns import _SPEECH_AFTER_NAME as _SPEECH_AFTER_NAME
from graph.actors.patterns import (
    NAME,
    NAME_RE,
    PRONOUN_RE,
    SpanSet,
    pronoun_matches,
    role_matches,
    sentences_of,
    speech_matches,
)
from graph.actors.patterns import _after_preposition as _after_preposition
from graph.actors.people import PersonIntro
from graph.actors.places import _described_re as _described_re
from graph.actors.places import dateline_country, dateline_end, dateline_of
from graph.actors.written import written_names

__all__ = [
    "NAME",
    "NAME_RE",
    "PRONOUN_RE",
    "Alias",
    "DocumentActors",
    "KnowledgeBase",
    "Person",
    "PersonIntro",
    "SpanSet",
    "country_names",
    "credit_spans",
    "dateline_country",
    "dateline_end",
    "dateline_of",
    "find_actors",
    "iter_entities",
    "knowledge_base",
    "official_name",
    "pronoun_matches",
    "read_data",
    "role_matches",
    "sentences_of",
    "slug",
    "speech_matches",
    "trie_pattern",
    "word_classes",
    "word_lists",
    "word_pattern",
    "written_names",
]
