"""Lists of parties and prepositional objects: the phrase structure the actor and the target steps share.

'Poland, Slovenia and Norway handed over' makes three actors and 'condemned Japan, the Philippines and
Australia' three targets (`_coordinated`, `_coordinated_back`); a party after a preposition ('from Moscow,
Washington and Berlin') is an object, not a subject (`_after_preposition`), except the members of a group
('a delegation of US senators') and the agents before 'from' ('two officials from the ministry').
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import knowledge_base, word_classes
from graph.actors.places import _regions
from graph.extract.document import _Doc, _preposition_before
from graph.extract.owners import _can_act, _verb_after
from graph.records import Mention


@cache
def _group_of() -> re.Pattern[str]:
    """The end of a group's name before its members, from words.csv: COLLECTIVE_OF before 'of' ('a delegation of
    US senators', 'the tiny South Pacific nation of Nauru'), SENT_FROM before 'from' ('a letter from Chad's
    air force chief', 'a commission from the Organization of American States') and COLLECTIVE_INCLUDING before
    'including' ('Countries including Jordan, Egypt and Qatar condemned'): the members named act, the word before
    them is no preposition of an object."""
    classes = word_classes()
    return re.compile(r"\b(?:(?:" + classes["COLLECTIVE_OF"] + r")\s+of"
                      r"|(?:" + classes["SENT_FROM"] + r")\s+from"
                      r"|(?:" + classes["COLLECTIVE_INCLUDING"] + r")"
                      r"(?:,)?\s+(?:including|such\s+as|like|among\s+them))\s+(?:the\s+)?$", re.I)


#: (a list may be told in order: 'visits The Gambia and then Senegal')
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and(?:\s+then)?|,?\s+as\s+well\s+as|,\s+(?:along|together)\s+with|&|,?\s+or)"
                       r"\s+(?:the\s+)?"
                       # 'Hegseth and the new Dutch Defence Minister met': a word of time in office
                       r"(?:(?:new|incoming|outgoing|acting)\s+)?"
                       # 'The US, and allies Germany and Poland freed': the allies are listed with the first
                       r"(?:(?:its|their|fellow|close|western)\s+)?(?:allies\s+|partners\s+|neighbou?rs\s+)?"
                       r"(?:(?:[A-Z][\w.'’-]*\s+){0,3}"
                       # "and Thailand's acting prime minister, Phumtham": a possessive office before the name
                       r"|[A-Z][\w.'’-]*['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+)$")



#: 'President of Iran A, President of Chile B': the office of the next item before its country
_OFFICE_OF_GAP = re.compile(r",?\s+(?:and\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}of\s+(?:the\s+)?")


#: Only a capitalised title between two mentions ('U.S.' + ' Secretary of State ' + 'Marco Rubio').
_TITLE_GAP = re.compile(r"(?:\s+(?:[A-Z][\w.'’-]*|of|for|and|the))+\s+")


def _after_preposition(doc: _Doc, mention: Mention, mentions: list[Mention], floor: int) -> bool:
    """True when the mention is the object of a preposition, also as a later item of a list
    ('from Moscow, Washington and Berlin')."""
    key = (mention.start, mention.end, floor)
    cached = doc.prepositional.get(key)
    if cached is None:
        cached = doc.prepositional[key] = _after_preposition_uncached(doc, mention, mentions, floor)
    return cached


@cache
def _agents_from() -> re.Pattern[str]:
    """An agent noun (words.csv AGENT, or relief sent, RELIEF_FORMS) right before 'from': 'Two officials from', 'A
    delegation from', 'rescuers from Chile and Norway are on the way' (those who send the relief act)."""
    classes = word_classes()
    return re.compile(rf"\b(?:{classes['AGENT']}|{classes['RELIEF_FORMS']})\s+from\s+(?:the\s+)?$", re.I)


@cache
def _agents_from_including() -> re.Pattern[str]:
    """Members named after 'including' of agents from a place told broadly: 'Rescue teams from across the globe,
    including Japan and Greece, have departed', 'personnel from over 20 allies, including Sweden': the list
    stands for the agents' origin, so its members are their senders, not objects (words.csv AGENT, RELIEF_FORMS)."""
    classes = word_classes()
    return re.compile(rf"\b(?:{classes['AGENT']}|{classes['RELIEF_FORMS']})\s+from\s+[^,;()]{{1,40}}?,\s+"
                      r"(?:including|such\s+as|among\s+them)\s+(?:the\s+)?$", re.I)


#: 'expelled diplomats and officials from the Trade Office': the agents are a verb's object, acted on
_OBJECT_OF_VERB = re.compile(r"\b[a-z]+ed\s+(?:[\w,-]+\s+){0,3}?[\w-]+\s+from\s+(?:the\s+)?$")
#: 'withdrew its troops from Congo': agents a possessive gives an owner are not the people of the place after 'from'
_OWNED_AGENTS = re.compile(r"\b(?:its|their|his|her|our)\s+(?:own\s+)?(?:[\w-]+\s+)?[\w-]+\s+from\s+(?:the\s+)?$", re.I)


#: 'with' opening a clause after a comma: ', with ' (the absolute construction 'with X alleging that ...')
_ABSOLUTE_WITH = re.compile(r"[,;]\s+with\s+$")
#: A participle right after a party, past an apposition between commas: ', a ministry spokesman, alleging'
_PARTICIPLE_AFTER = re.compile(r"(?:,[^,;.]{1,80},)?\s+[a-z]+ing\b")


#: A capitalised title right before a person's name: 'Prime Minister ', 'President ', 'Foreign Minister '
_TITLE_BEFORE = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]*[ \t]+){1,4}$")


def _before_title(text: str, start: int, end: int) -> str:
    """The text before a person's name, reaching past a title after 'to': in "Trump's letter to Prime Minister
    Marek Halas demanded", 'to' governs the addressee, who does not demand. Only a title the knowledge base
    knows is skipped ('Marek' in 'Marek Halas' is not)."""
    title = _TITLE_BEFORE.search(text, start, end)
    if title is None or knowledge_base().role_re.search(text, title.start(), end) is None \
            or not _TO_BEFORE.search(text, max(start, title.start() - 12), title.start()):
        return text[max(start, end - 40):end]
    return text[max(start, title.start() - 40):title.start()]


_TO_BEFORE = re.compile(r"\bto[ \t]+(?:the[ \t]+)?$")


def _after_preposition_uncached(doc: _Doc, mention: Mention, mentions: list[Mention], floor: int) -> bool:
    if mention.via in ("role", "government", "administration") and mention.text[:3].lower() == "the":
        return False
    prefix = doc.text[max(floor, mention.start - 40):mention.start]
    if mention.type == "person" and not doc.text.startswith(("'s", "’s"), mention.end):
        # ('ahead of Prime Minister Modi's visit': the possessor of the noun 'of' governs may still act)
        prefix = _before_title(doc.text, max(floor, mention.start - 70), mention.start)
    if mention.type == "person" and _ABSOLUTE_WITH.search(prefix) and _PARTICIPLE_AFTER.match(doc.text, mention.end):
        return False  # 'the clash sparked accusations, with Qani, a ministry spokesman, alleging that': the person
        # after a clause-opening 'with' is the subject of the participle that follows (a country there may still
        # be one of a list's voices: 'rejecting the raid, with Brasilia calling it a violation')
    if _agents_from_including().search(doc.text, max(floor, mention.start - 100), mention.start) is not None \
            and _OBJECT_OF_VERB.search(doc.text, max(floor, mention.start - 100), mention.start) is None:
        return False
    if _preposition_before().search(prefix) and not _group_of().search(prefix):
        # 'Two officials from the German interior ministry held talks': the agents of what follows 'from'
        return _agents_from().search(prefix) is None or _OBJECT_OF_VERB.search(prefix) is not None \
            or _OWNED_AGENTS.search(prefix) is not None
    named_again = [m for m in mentions if m.end <= mention.start and m.country == mention.country
                   and re.fullmatch(r",?\s", doc.text[m.end:mention.start])]
    if mention.via == "capital" and (named_again and _after_preposition(doc, named_again[-1], mentions, floor)
                                     or _CITY_DESCRIBED_AFTER_PREPOSITION.search(prefix)):
        return True  # 'talks in the Ghanaian capital Accra': the city named again after its description is a place
    listed = _LIST_GAP.search(prefix) is not None  # (searched once for both checks below)
    if listed and _BETWEEN_FIRST.search(doc.text, max(floor, mention.start - 60), mention.start):
        return True  # 'relations between Kenya and Somalia plummeted': 'between' takes both, whatever verb follows
    verb_after = listed and _verb_after().match(doc.text, mention.end) is not None
    if listed and verb_after and _in_pair_of_places(doc, mention):
        return True  # 'frozen funds in South Korea and Iraq began to flow': the pair is where, the verb is the clause's
    if listed and not verb_after:
        earlier = [m for m in mentions if m.end <= mention.start and mention.start - m.end <= 12]
        gap = doc.text[earlier[-1].end:mention.start] if earlier else ""
        if earlier and _COMMA_AND.fullmatch(gap) \
                and _verb_after().match(doc.text, _following_list(doc, mention, mentions)[-1].end):
            return False  # 'cut ties with Israel, and Chile, Mexico and Colombia withdrew': a new clause's subject
        if earlier and _COMMA_GAP.fullmatch(gap) and _OPENING_PHRASE.match(doc.text, floor, earlier[-1].end) \
                and _verb_after().match(doc.text, _following_list(doc, mention, mentions)[-1].end):
            return False  # 'During talks in Istanbul, Russia and Ukraine agreed': the opening phrase ends at the comma
        if earlier and _LIST_GAP.fullmatch(gap) and (re.search(r"\b(?:and|or)\b", gap)
                                                     or _list_continues(doc, mention, mentions)):
            return _after_preposition(doc, earlier[-1], mentions, floor)
    return False


#: A city's description after a preposition, right before its name: 'in the Ghanaian capital ', 'at the port city of '
_CITY_DESCRIBED_AFTER_PREPOSITION = re.compile(r"\b(?:in|at|from|to|near)\s+the\s+(?:[\w'’-]+\s+){0,2}(?:capital|city|"
                                               r"port|town)\s*(?:,\s*|of\s+)?$", re.I)
#: 'between Kenya and ': the first of the two parties 'between' takes; the one after 'and' is its second
_BETWEEN_FIRST = re.compile(r"\bbetween\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}and\s+(?:the\s+)?$")
#: 'in South Korea and ': a pair of places after 'in' joined by a bare 'and'
_IN_PAIR = re.compile(r"\bin\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}and\s+(?:the\s+)?$")


def _in_pair_of_places(doc: _Doc, mention: Mention) -> bool:
    """Whether a party is the second of two joined by a bare 'and' after 'in' ('funds in South Korea and Iraq
    began'): a verb right after it is the clause's, not that of a new clause with the pair as subject."""
    return _IN_PAIR.search(doc.text, max(0, mention.start - 50), mention.start) is not None


#: ', and ' between two parties: a list's last item, or the start of a new clause
_COMMA_AND = re.compile(r"\s*,\s+and\s+(?:the\s+)?")


#: The words of a list's first item before its party, ending in a preposition ('all imports from ')
_ITEM_LEAD = re.compile(r"(?:[\w-]+\s+){0,3}(?:from|of|on|against|to)\s+$", re.I)
_REPEATED_GAP = re.compile(r",?\s+and\s+((?:[\w-]+\s+){1,4})")


def _phrase_repeated(doc: _Doc, first: Mention, end: int, start: int) -> bool:
    """'all imports from Peru and all imports from Chile': the list goes on with its first item's words repeated."""
    gap = _REPEATED_GAP.fullmatch(doc.text, end, start)
    # (the first item's words are looked for only after a gap that repeats some: the look-back costs more)
    lead = _ITEM_LEAD.search(doc.text, max(0, first.start - 40), first.start) if gap is not None else None
    if gap is None or lead is None:
        return False
    repeated, words = gap.group(1).lower().split(), lead.group(0).lower().split()
    return len(repeated) >= 2 and words[-len(repeated):] == repeated


#: A country's possessive before its person, perhaps with a title ("Somalia's Hassan Sheikh Mohamud", "Peru's
#: President Dina Boluarte")
_POSSESSIVE_GAP = re.compile(r"['’]s?(?:\s+(?:[A-Z][\w.'’-]*|of|for|the))*\s+")


def _following_list(doc: _Doc, first: Mention, mentions: list[Mention], offices: bool = False) -> list[Mention]:
    """'Jordan and Egypt', 'Panama, Guatemala and Honduras': the list that starts with `first`.

    With `offices`, an item may be a country naming a person's office ('Kenyan President William Ruto and
    Ghanaian President John Mahama') or owning the person ("Ethiopia's Abiy Ahmed and Somalia's Hassan Sheikh
    Mohamud"): the list goes on after the person's name."""
    group = [first]
    end = first.end
    for mention in mentions:
        if mention is not first and (mention.start, mention.end) == (first.start, first.end):
            group.append(mention)  # 'these countries': one phrase standing for several parties
        elif mention.start >= end and mention is not group[-1]:
            if offices and mention.type == "person" and mention.country == group[-1].country \
                    and (_TITLE_GAP.fullmatch(doc.text, end, mention.start) or mention.start - end == 1
                         or _POSSESSIVE_GAP.fullmatch(doc.text, end, mention.start)):
                end = mention.end
            elif _LIST_GAP.fullmatch(doc.text[end:mention.start]) \
                    or offices and _OFFICE_OF_GAP.fullmatch(doc.text, end, mention.start) \
                    or _phrase_repeated(doc, first, end, mention.start):
                group.append(mention)
                end = mention.end
            elif mention.start > end:
                break
    return group


def _list_continues(doc: _Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """True when a list goes on after the mention and ends with 'and'/'or' ('Moscow, Washington and Berlin'),
    or when the mention's phrase stands for several parties ('these countries')."""
    for later in mentions:
        if later is not mention and (later.start, later.end) == (mention.start, mention.end):
            return True
        if later.start >= mention.end:
            gap = doc.text[mention.end:later.start]
            if later.type == "person" and later.country == mention.country \
                    and _TITLE_GAP.fullmatch(gap):
                mention = later  # 'U.S. Secretary of State Marco Rubio': the country names the person's office
                continue
            if not _LIST_GAP.fullmatch(gap):
                return False
            if re.search(r"\b(?:and|or)\b", gap):
                return True
            mention = later
    return False


#: What stands between a country and the person it names: "'s Olivier", ' Foreign Minister ' (compiled once)
_COUNTRY_OF_NAME = re.compile(r"['’]s\s+(?:[A-Z][\w.'’-]*\s+){0,3}|\s+(?:[A-Z][\w.'’-]*\s+){0,3}")


def _coordinated(doc: _Doc, mentions: list[Mention], actor: Mention) -> list[Mention]:
    """'Poland, Slovenia and Norway handed over...': every party of a list holding the actor acts."""
    group = _coordinated_back(doc, mentions, actor)
    index = next((i for i, m in enumerate(mentions) if m is actor), None)
    while index is not None and index + 1 < len(mentions):
        following = mentions[index + 1]
        if (following.start, following.end) == (group[-1].start, group[-1].end):
            group.append(following)  # 'the two leaders': one phrase standing for two parties
            index += 1
            continue
        if following.type == "country" and actor.type == "person" and index + 2 < len(mentions) \
                and _COUNTRY_OF_NAME.fullmatch(doc.text[following.end:mentions[index + 2].start]) \
                and _LIST_GAP.fullmatch(doc.text[group[-1].end:following.start]):
            index += 1  # "and Rwanda's Olivier Nduhungirehe": the country names the person
            following = mentions[index + 1]
            if following.type == actor.type and _can_act(following):
                group.append(following)
                index += 1
                continue
            break
        gap = doc.text[group[-1].end:following.start]
        if gap.strip() == "," and _DESCRIBING_OWNER.match(doc.text, following.end):
            break  # "The United Kingdom, Moldova's main backer, condemned": the owner of a description, no item
        if following.type != actor.type or not _can_act(following) or not _LIST_GAP.fullmatch(gap) \
                or (len(group) > 1 and "," in gap and not _AND_OR.search(gap)
                    and _AND_OR.search(doc.text, group[-2].end, group[-1].start)):
            break  # 'between Thailand and Cambodia, Malaysia's premier said': a list closed by 'and' has ended
        group.append(following)
        index += 1
    return group


_AND_OR = re.compile(r"\b(?:and|or)\b")
#: A possessive and a description closed by a comma: "Moldova's most important backer," describes the party before
_DESCRIBING_OWNER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,4}[a-z][\w-]*\s*,")


_OFFICE_OF_COUNTRY = re.compile(r"\s+(?:(?:[A-Z][\w.'’-]*|of|for|and|counterpart|leader|premier|president),?\s+){0,5}"
                                r"|['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+"
                                r"|['’]s\s+(?:[A-Z][\w.'’-]*\s+){0,3}")  # "Qatar's Emir Sheikh Tamim", "Japan's Lee"


#: A bare comma, or one before an honorific ('..., Dr Jaishankar underlined')
_COMMA_GAP = re.compile(r"\s*,\s*(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Sheikh)\.?\s+)*")


#: A sentence that opens with a prepositional phrase, up to (not past) its first comma.
_OPENING_PHRASE = re.compile(r"\W*(?:Before|After|During|Following|Ahead\s+of|Despite|In|On|At|While|Since|Amid|"
                             r"Unlike|Like|Besides|Alongside|Apart\s+from|With|Without|Although|Though|Even\s+though|"
                             r"Whereas|When|Once|Because)\b[^,;]*$")


def _coordinated_back(doc: _Doc, mentions: list[Mention], actor: Mention) -> list[Mention]:
    group = [actor]
    edge = actor.start  #: where the first item's phrase starts ('U.S. Secretary of State Mike Pompeo')
    index = next((i for i, m in enumerate(mentions) if m is actor), None)
    while index is not None and index > 0:
        previous = mentions[index - 1]
        if (previous.start, previous.end) == (group[0].start, group[0].end):
            group.insert(0, previous)  # 'the two leaders': one phrase standing for two parties
            index -= 1
            continue
        if previous.type == "country" and previous.via in ("name", "demonym") and actor.type == "person" \
                and index > 1 and _OFFICE_OF_COUNTRY.fullmatch(doc.text, previous.end, edge):
            # 'US President Joe Biden', "Thailand's acting prime minister, Phumtham": the country names the
            # person's office, it is not a list item; the list goes on before it ('Lavrov and U.S. Secretary
            # of State Mike Pompeo')
            edge = previous.start
            index -= 1
            continue
        office = _office_apposed(doc, previous, actor, edge)
        if office >= 0:
            # 'the Foreign Minister of Rwanda, Olivier Nduhungirehe': the country names the office of the person
            # apposed to it; the list goes on before the office ('..., Therese Wagner, and the Foreign Minister of')
            edge = office
            index -= 1
            while index > 0 and mentions[index - 1].start >= edge:
                index -= 1  # ('the president of Uganda': the office's own words may be a mention)
            continue
        if previous.via == "pronoun" and previous.text.lower() in ("his", "her", "their") and edge != actor.start \
                and not doc.text[previous.end:edge].strip():
            edge = previous.start  # 'Trump and his Chinese counterpart Xi': the possessive opens the item's phrase
            index -= 1
            continue
        gap = doc.text[previous.end:edge]
        if actor.type == "country" and previous.type == "organization" and not previous.country \
                and _LIST_GAP.fullmatch(gap) and index > 1 \
                and _LIST_GAP.fullmatch(doc.text[mentions[index - 2].end:previous.start]):
            # 'the United States, the European Union, Australia and Japan': a union of states inside a list
            # of states does not end the list (it has no country of its own to act for)
            group.insert(0, previous)
            edge = previous.start
            index -= 1
            continue
        if not _LIST_GAP.fullmatch(gap) or not _can_act(previous) or previous.type != actor.type:
            break
        sentence = doc.sentence_at(previous.start)
        if sentence is not None and _after_preposition(doc, previous, mentions, sentence.start) \
                and not _after_preposition(doc, group[0], mentions, sentence.start) \
                and not _document_by_list(doc, mentions, index - 1, sentence.start) \
                and not (index > 1 and _office_apposed(doc, mentions[index - 2], previous, previous.start) >= 0):
            # ('the president of Kenya, William Ruto, and ...': a person apposed to an office is no object)
            break  # 'According to US officials, Mexico declined': a prepositional object is no list item
        if sentence is not None and _COMMA_GAP.fullmatch(gap) \
                and _OPENING_PHRASE.match(doc.text, sentence.start, previous.start):
            break  # 'Before a call with Trudeau, Trump accused Canada': the opening phrase ends at the comma
        group.insert(0, previous)
        edge = previous.start
        index -= 1
    return group




@cache
def _document_by() -> re.Pattern[str]:
    """A document noun (words.csv CONTENT_DOCUMENTS) and its authors' preposition, right before a list:
    'The statement by', 'A letter signed by', 'a declaration issued by the'."""
    return re.compile(r"\b(?:" + word_classes()["CONTENT_DOCUMENTS"] + r")\s+(?:(?:issued|signed|released|sent|"
                      r"published|adopted|put\s+out)\s+)?(?:jointly\s+)?by\s+(?:the\s+)?$", re.I)


def _document_by_list(doc: _Doc, mentions: list[Mention], index: int, floor: int) -> bool:
    """Whether the list holding mentions[index] names the authors of a document ('The statement by Chile, Peru
    and Bolivia criticised Brazil'): the authors act through it, every one of them, though the first follows
    'by' (elsewhere a prepositional object before the last item ends the list: 'According to US officials,
    Mexico declined')."""
    while index > 0 and _LIST_GAP.fullmatch(doc.text, mentions[index - 1].end, mentions[index].start) \
            and mentions[index - 1].start >= floor:
        index -= 1
    head = mentions[index]
    return _document_by().search(doc.text, max(floor, head.start - 60), head.start) is not None


@cache
def _in_document_by() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'In a joint statement by', ', in a letter signed by the': a phrase that names a document (words.csv
    CONTENT_DOCUMENTS, perhaps with a participle of DOCUMENT_ISSUING) by its authors, opening the sentence (the
    first pattern, matched at its start) or set off by a comma (the second, searched)."""
    documents = word_classes()["CONTENT_DOCUMENTS"]
    phrase = (r"[Ii]n\s+(?:a|an|the|their)\s+(?:joint\s+)?(?:" + documents + r")\s+"
              r"(?:(?:" + word_classes()["DOCUMENT_ISSUING"] + r")\s+)?(?:jointly\s+)?by\s+(?:the\s+)?")
    return re.compile(r"\W*" + phrase), re.compile(r",\s+" + phrase)


def _authors_in_phrase(doc: _Doc, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The authors listed in a phrase 'in a statement by A, B, C and seven other states' between `start` and
    `end` (a sentence's start and a trigger): the clause's subject speaks for every one of them ('In a statement
    by the US, Japan and Australia, the U.S. ambassador condemned', 'The envoy, in a statement by ..., said')."""
    opening, set_off = _in_document_by()
    found = opening.match(doc.text, start, end) or set_off.search(doc.text, start, end)
    if found is None:
        return []
    first = next((m for m in mentions if m.start == found.end() and m.country and _can_act(m)), None)
    return [m for m in _following_list(doc, first, mentions) if m.end <= end and m.country] if first else []


#: An office named by what it is of, right before the country: 'the Foreign Minister of (the Republic of)'
_OFFICE_OF_BEFORE = re.compile(r"\b[Tt]he\s+(?:[\w.'’-]+\s+){1,3}of\s+(?:the\s+)?"
                               r"(?:(?:Republic|Kingdom|State|Federation|Sultanate|Emirate)\s+of\s+(?:the\s+)?)?$")


def _office_apposed(doc: _Doc, country: Mention, actor: Mention, edge: int) -> int:
    """Where 'the Foreign Minister of' starts when `country` ends such an office and the person apposed to it
    opens the item at `edge` ('the Foreign Minister of Rwanda, Olivier Nduhungirehe'), else -1."""
    if country.type != "country" or country.via != "name" or actor.type != "person" \
            or not re.fullmatch(r",\s+", doc.text[country.end:edge]):
        return -1
    match = _OFFICE_OF_BEFORE.search(doc.text, max(0, country.start - 60), country.start)
    return match.start() if match else -1


def _state_listed_before(doc: _Doc, mentions: list[Mention], actor: Mention) -> Mention | None:
    """'The US and the EU imposed sanctions', 'Kenya, Uganda and the African Union asked': a body of states
    closing a list speaks for no single state, but the states listed before it act; the last of them."""
    if actor.type != "organization" or actor.country:
        return None
    index = next((i for i, m in enumerate(mentions) if m is actor), 0)
    if index == 0:
        return None
    previous = mentions[index - 1]
    if previous.type not in ("country", "person") or not previous.country or not _can_act(previous) \
            or not _LIST_GAP.fullmatch(doc.text, previous.end, actor.start) \
            or not _AND_OR.search(doc.text, previous.end, actor.start):
        return None
    return previous


def _list_head(doc: _Doc, index: int) -> Mention:
    """The first item of the list of parties that the mention at `index` ends, or the mention itself."""
    mentions = doc.actors.mentions
    while index > 0 and _LIST_GAP.fullmatch(doc.text, mentions[index - 1].end, mentions[index].start):
        index -= 1
    return mentions[index]


def _listed_with(doc: _Doc, mention: Mention, actor: Mention) -> bool:
    """'Brazil and Colombia called it ...': a party listed with the actor acts along, it is no target."""
    sentence = doc.sentence_at(actor.start)
    if sentence is None or mention is actor or not any(m is actor for m in doc.mentions(sentence)):
        return False
    if actor.end <= mention.start and _ally_apposed().fullmatch(doc.text, actor.end, mention.start):
        return True  # 'Ghana, backed by Nigeria, rejected': the backer stands with the actor
    return any(m is mention for m in _coordinated(doc, doc.mentions(sentence), actor))


@cache
def _ally_apposed() -> re.Pattern[str]:
    """An ally set beside the subject between commas ('Ghana, backed by Nigeria,'; the verbs are words.csv
    ALLY_BACKING) or joined by 'along with': a second subject, not an object."""
    return re.compile(r",\s+(?:\w+\s+)?(?:" + word_classes()["ALLY_BACKING"] + r")\s+by\s+(?:the\s+)?"
                      r"|,\s+(?:along|together)\s+with\s+(?:the\s+)?|\s+(?:along|together)\s+with\s+(?:the\s+)?")


#: A plural pronoun as the object right after a trigger: 'accusing them of', 'urged them to'
_THEM_AFTER = re.compile(r"\s+them\b")
#: Relations whose object is the party blamed, which 'them' may stand for ('ordered them to leave' is said of
#: the envoys themselves: their expulsion, no demand of their countries)
_ADDRESSED = frozenset({"accuses"})


def _pronoun_for_list(doc: _Doc, relation: str, head_end: int, sentence, actor: Mention) -> list[Mention]:
    """'expelled the envoys of Argentina, Chile and Peru, accusing them of meddling': 'them' after the trigger
    stands for the whole list named before it in the sentence, not only its first or its last member (as 'the
    three countries' does). Nothing when no list of two or more parties other than the actor comes before."""
    if relation not in _ADDRESSED or not _THEM_AFTER.match(doc.text, head_end):
        return []
    mentions = [m for m in doc.mentions(sentence) if m.end <= head_end and m.type == "country" and m.country
                and m.country != actor.country]  # ('... from Caracas, accusing them': the actor's own place)
    for index in range(len(mentions) - 1, -1, -1):
        if index > 0 and _LIST_GAP.fullmatch(doc.text[mentions[index - 1].end:mentions[index].start]):
            continue  # inside a list: its first member starts it
        listed = _following_list(doc, mentions[index], mentions)
        return listed if len({m.country for m in listed}) >= 2 else []
    return []


#: The largest region whose name alone ('the Baltic states', 'the Nordic countries') stands for all its members
_WHOLE_REGION_SIZE = 5


@cache
def _region_group_re() -> re.Pattern[str]:
    regions = "|".join(sorted((re.escape(r) for r in _regions()), key=len, reverse=True))
    return re.compile(r"(?P<group>\b[Tt]he\s+(?:(?P<count>two|three|four|five|six|both)\s+)?(?P<region>" + regions
                      + r")\s+(?:states|countries|nations|republics|governments))\s+"
                      r"(?:(?:on\s+[A-Z]\w+|have|has|had|also|jointly|all|each|together|now|then|would|will)\s+)*"
                      # ('ordered the expulsion of': the verb whose object is the trigger's noun)
                      r"(?:[a-z]+ed\s+(?:the\s+|an?\s+)?)?$")


_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _region_group_subject(doc: _Doc, candidate) -> list[Mention]:
    """'The three Baltic countries on Friday ordered the expulsion': a group named by its region right before the
    trigger is each of its members, when the text says the group is whole (its count is the region's size, or a
    small region is named with no count). A larger region ('Latin American countries') names no one."""
    match = _region_group_re().search(doc.text, max(candidate.sentence.start, candidate.head_start - 80),
                                      candidate.head_start)
    if match is None:
        return []
    members = _regions()[match.group("region")]
    count = match.group("count")
    if (_COUNTS[count.lower()] != len(members)) if count else len(members) > _WHOLE_REGION_SIZE:
        return []
    return [Mention(match.start(), match.end("group"), match.group("group"), "country", iso, iso, "", "name")
            for iso in sorted(members)]


@cache
def _measure_after_agreeing() -> re.Pattern[str]:
    """An adverb or two, then a measure taken against someone (words.csv AGREED_MEASURES) right after 'agreed to'."""
    return re.compile(r"\s+(?:[a-z]+ly\s+){0,2}(?:" + word_classes()["AGREED_MEASURES"] + r")\b", re.I)


def _measure_agreed_on_another(doc: _Doc, candidate, actors: list[Mention]) -> bool:
    """'Poland and Hungary agreed to temporarily ban imports from Ukraine': the listed parties agree on a measure
    against a third party the sentence names; that common front is no cooperation pact between the two."""
    if candidate.relation != "agreesToCooperate" or candidate.trigger.target != "none" \
            or not _measure_after_agreeing().match(doc.text, candidate.end):
        return False
    listed = {actor.country for actor in actors}
    return any(m.start >= candidate.end and m.type == "country" and m.country and m.country not in listed
               for m in doc.mentions(candidate.sentence))


#: Relations one side takes against or over another, never jointly with its co-subjects on each other
_CHARGES_AND_CLAIMS = frozenset({"accuses", "demands", "threatened", "threatenedSanctions", "rejects",
                                 "exertsInfluenceOn"})


_LIST_JOIN = re.compile(r"(?:\s+and|,(?:\s+and)?)\s+(?:the\s+)?")


def _listed_subject(doc: _Doc, actors: list[Mention]) -> bool:
    """Whether the actors are parties of more than one country named as one list ('Anthony Albanese and Chris
    Hipkins said', 'backed by Spain and the United States'), not a party and a pronoun read from two clauses."""
    ordered = sorted(actors, key=lambda a: a.start)
    return len({a.country for a in actors}) > 1 and all(a.via != "pronoun" for a in actors) \
        and all(_LIST_JOIN.fullmatch(doc.text, one.end, other.start) for one, other in zip(ordered, ordered[1:],
                                                                                         strict=False))
#: A subordinating word right before a party, perhaps with a title: 'after ', 'when President '
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:after|when|because|while|since|before|until|although|though|whereas|as)\s+"
                                  r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}$")
#: Nothing but an adverb between a subordinate clause's subject and its verb: ' initially ', ' '
_ONLY_ADVERB = re.compile(r"\s+(?:\w+ly\s+)?")


def _subordinate_subject(doc: _Doc, mentions: list[Mention], start: int, at: int) -> bool:
    """'Trump, who threatened sanctions after Colombia initially turned away two planes': a subordinate clause
    inside a relative clause, whose own subject stands right before the verb at `at`; the relative clause's
    antecedent does not do that verb. The subject is named ('the two governments' may stand for others)."""
    return any(start <= m.start and m.end <= at and _can_act(m) and m.text[:1].isupper()
               and _ONLY_ADVERB.fullmatch(doc.text, m.end, at)
               and _SUBORDINATOR_BEFORE.search(doc.text, max(start, m.start - 30), m.start) for m in mentions)


@cache
def _trip_before() -> re.Pattern[str]:
    """A possessive, a few describing words and a trip noun (words.csv TRIP_WORDS) ending where a relative clause
    opens: "Rubio's four-nation Caribbean tour"."""
    return re.compile(r"['’]s\s+(?:[\w-]+\s+){0,4}?(?:" + word_classes()["TRIP_WORDS"] + r")\s*$", re.I)


def _trip_owner(doc: _Doc, mentions: list[Mention], at: int) -> list[Mention]:
    """"Rubio's four-nation Caribbean tour, which takes in Jamaica": the one whose trip the relative
    clause describes makes its stops (the trip itself names no party)."""
    trip = _trip_before().search(doc.text, max(0, at - 80), at)
    return [m for m in mentions if trip is not None and m.end == trip.start() and _can_act(m)][:1]
