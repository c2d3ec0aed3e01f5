"""Written names: how a document writes each person it names, for the entities it lists.

The graph keeps one node per person under the canonical name; the entities of a document show the longest
form of the name the document itself writes (`written_names`), or the one word it names them by.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.actors.knowledge import Person
from graph.actors.name_spellings import _fold, _fold_name
from graph.records import Mention

if TYPE_CHECKING:
    from graph.actors.finder import DocumentActors


def written_names(actors: DocumentActors) -> dict[str, str]:
    """Person -> the longest form of their name the document writes, when it has two words or more and ends
    in the same surname as the canonical name ('Abdel Fattah al-Sisi' where the knowledge base spells
    'el-Sisi'). The entities of a document are listed by these names; the graph keeps one node per person,
    named by the canonical name, with the written forms as alternative labels."""
    found: dict[str, str] = {}
    alone: dict[str, str] = {}  # person -> the one word the document names them by, when it names them by one
    surnames = _surname_counts(actors.mentions)
    for mention in map(_leader_of_administration, actors.mentions):
        if mention.type != "person" or mention.via == "pronoun" or not mention.text[:1].isupper() \
                or mention.text.isupper():
            continue  # ('FELETI TEO:' in a transcript's capitals is no spelling of the name)
        words = mention.text.split()
        surname = _fold(mention.key.split()[-1]).lower().split("-")[-1]  # ('Kim Jong-un' for 'Kim Jong Un')
        if len(words) == 1 and len(mention.key.split()) >= 2 and mention.key in actors.persons \
                and _fold(words[0]) in {_fold(word) for word in mention.key.split()[:-1]}:
            alone.setdefault(mention.key, words[0])
        if len(words) >= 2 and (_fold(words[-1]).lower().split("-")[-1] == surname or _written_whole(mention.key, words)
                                or _written_reversed(mention.key, words)
                                or _written_alias(actors.persons.get(mention.key), words)
                                or _known_spelling(actors, mention.key, words)) \
                and _longer_or_commoner(" ".join(words), found.get(mention.key, ""), surnames.get(mention.key, {})):
            found[mention.key] = " ".join(words)
    # 'President Xi' and nothing longer: the document's name for Xi Jinping is 'Xi', the family name written first
    # ('President Duque' is Iván Duque: the canonical name ends in the word written)
    return {name: found.get(name) or word for name, word in alone.items()} | found


def _surname_counts(mentions: list[Mention]) -> dict[str, dict[str, int]]:
    """Person -> how often the document writes each last word of theirs, for the spelling it uses most."""
    counts: dict[str, dict[str, int]] = {}
    for mention in mentions:
        if mention.type == "person" and mention.via != "pronoun" and mention.text[:1].isupper():
            last = _fold(mention.text.split()[-1]).lower()
            counts.setdefault(mention.key, {})[last] = counts.get(mention.key, {}).get(last, 0) + 1
    return counts


def _longer_or_commoner(form: str, best: str, surnames: dict[str, int]) -> bool:
    """Whether a written form names the person better than the best so far: longer, unless both give the same
    given names and the document writes the best one's surname more often ('Volodymyr Zelensky' once and
    'Zelensky' thrice beat a single 'Volodymyr Zelenskyy'); a spelling the text mostly uses is its name."""
    words, old = form.split(), best.split()
    if len(words) == len(old) and words[:-1] == old[:-1] and words[-1] != old[-1]:
        new_count, old_count = (surnames.get(_fold(w[-1]).lower(), 0) for w in (words, old))
        if new_count != old_count:
            return new_count > old_count
    return len(form) > len(best)


def _leader_of_administration(mention: Mention) -> Mention:
    """"Ferdinand Marcos Jr.'s administration" acts for the country and writes its leader's name in full: the
    name as a person's mention, for the spelling the document gives that person."""
    if mention.via != "administration" or not mention.role or not mention.text.startswith(mention.role):
        return mention
    return Mention(mention.start, mention.start + len(mention.role), mention.role, "person", mention.role,
                   mention.country, "", "administration")


def _known_spelling(actors: DocumentActors, name: str, words: list[str]) -> bool:
    """Whether a written form is one of the person's known spellings ('Volodymyr Zelenskyy' for the known
    'Volodymyr Zelensky'): the surname differs in its letters, yet the name is written in full."""
    person = actors.persons.get(name)
    return person is not None and " ".join(words) in person.aliases


def _written_reversed(name: str, words: list[str]) -> bool:
    """Whether a written form holds the words of the canonical name in another order: 'Kamikawa Yoko' for the
    known 'Yoko Kamikawa', as Japanese, Chinese, Korean and Hungarian names are often written family name first."""
    known = _fold_name(name).lower().split()
    written = _fold_name(" ".join(words)).lower().split()
    return len(known) >= 2 and sorted(known) == sorted(written) and known != written


def _written_alias(person: Person | None, words: list[str]) -> bool:
    """Whether a written form is one of the known full spellings of the person ('Volodymyr Zelenskyy' for the
    known 'Volodymyr Zelensky'): the surname is transliterated otherwise, and the text's spelling names them."""
    written = _fold_name(" ".join(words)).lower()
    return person is not None and any(" " in alias and _fold_name(alias).lower() == written for alias in person.aliases)


def _written_whole(name: str, words: list[str]) -> bool:
    """Whether a written form holds the whole canonical name and more: 'Prince Faisal bin Farhan Al Saud' adds a
    title and the family name to the known 'Faisal bin Farhan'. The text's longer spelling names the person."""
    known = _fold_name(name).lower().split()
    written = _fold_name(" ".join(words)).lower().split()
    return len(known) >= 2 and any(written[at:at + len(known)] == known for at in range(len(written) - len(known) + 1))
