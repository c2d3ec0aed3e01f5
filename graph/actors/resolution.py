"""Resolution: what pronouns and nominals point back to.

`_resolve` reads a document's mentions in text order with a `_Tracker` for all of them and one for those
outside quotes, and turns each 'he', 'she', 'the country', 'its government', 'the administration', 'the
latter' or 'the two countries' into the actor it stands for, or drops it. The tracker and the readings of a
pair word ('the two countries', 'both leaders') are in recent_parties.py. Pronouns that point forward
(`_cataphora`) are resolved here too; the tests on a sentence's shape that choose or rule out an antecedent
are in antecedents.py; an office named alone ('The President urged') and a group named after a list ('these
countries', 'the trio') are made mentions before, in offices_and_groups.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from graph.actors.antecedents import (
    _cataphora,
    _closing_speaker_it,
    _focus_over_speaker,
    _guests_before,
    _labeller,
    _last_person_under_measure,
    _next_clause_subject,
    _object_after_pair_word,
    _object_later,
    _object_phrase,
    _opens_clause,
    _other_recent,
    _own_object,
    _owner_of_relative,
    _pair_without_own_subject,
    _previous_subject,
    _said_that,
    _speaks,
    _subject_of_opening_clause,
    addressed_by_own_verb,
    other_side_told,
    thing_subject,
)
from graph.actors.knowledge import Person, word_classes
from graph.actors.patterns import (
    _LIST_ITEM_GAP,
    SpanSet,
    _after_preposition,
    _after_verb,
    _country_mention,
    sentences_of,
)
from graph.actors.recent_parties import _main_pair, _pair_mentions, _Tracker
from graph.records import Mention
from graph.words import ends_with_word, may_hold


@cache
def _described_private_person() -> re.Pattern[str]:
    """A person described by a noun of people and identified by a name ('the deportee, identified as X'): a
    private person, whom a later 'he' or 'his' stands for (words.csv DESCRIBED_PEOPLE)."""
    return re.compile(r"\b(?i:(?:the|a|an)\s+(?:" + word_classes()["DESCRIBED_PEOPLE"] + r"|detainee|prisoner)\b,?\s+"
                      r"(?:identified|named)\s+as\s+)[A-Z]")


@cache
def _thing_after() -> re.Pattern[str]:
    """A noun a country's name describes right after it ('a US military plane'): words.csv MODIFIED."""
    return re.compile(r"[ \t]+(?:" + word_classes()["MODIFIED"] + r")(?![\w-])", re.I)


#: An indefinite article right before a country's name: 'a US plane' is one of many things of the country, never
#: the country itself ('The US sanctions' may well be its subject: the sanctions are its own)
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:a|an)\s+$", re.I)


@cache
def _person_noun_after() -> re.Pattern[str]:
    """A noun of people right after a nationality ('a Congolese national'): words.csv DESCRIBED_PEOPLE."""
    return re.compile(r"[ \t]+(?:" + word_classes()["DESCRIBED_PEOPLE"] + r")\b", re.I)




#: A relative clause opened by a preposition and 'whom' right before a pronoun: ', with whom he', ', to whom she'
_WITH_WHOM = re.compile(r",\s+(?:with|to|from|alongside)\s+whom\s+$", re.I)


def _resolve(items: list[tuple[Mention, str]], persons: dict[str, Person], gender_of: dict[str, str],
             quotes: SpanSet, text: str, home: str = "") -> list[Mention]:
    """Resolve pronouns and nominals in text order; drop the ones that point nowhere.

    A national body named without its country ('the cabinet', 'the foreign ministry', 'the National Security
    Committee') is the body of the person whose act or word it follows ('he instructed the foreign ministry');
    else of the country last named with a body of the same noun ("China's commerce ministry ... the
    ministry"); else of `home`, the country the report is filed from (its dateline), since news names the
    home side's bodies bare; else of the last country named as a subject.

    Two habits of news prose decide between candidates. A pronoun that opens a sentence (or follows a
    closing quote: '"...," he said') points to the subject of the previous sentence, not to whoever was
    named last. A pronoun outside quotation marks skips people named only inside quotes.
    """
    sentences = sentences_of(text)
    starts = [sentence.start for sentence in sentences]
    ahead = _cataphora(items, persons, sentences, starts, text)
    everywhere, outside = _Tracker(), _Tracker()
    main_pair = _main_pair(items)
    subjects: dict[int, Mention] = {}
    guests: set[int] = set()  #: sentences whose first person named is a guest received, not their subject
    sayers: dict[int, Mention] = {}  #: an office holder named without a name as a sentence's subject
    country_subjects: dict[int, Mention] = {}
    resolved: list[Mention] = []
    previous_object: Mention | None = None
    latest_country: dict[str, Mention] = {}  #: the last mention of each country resolved so far
    body_owners: dict[str, Mention] = {}  #: 'ministry' -> China after "China's commerce ministry"
    item_starts = [m.start for m, _ in items]
    sentence_parties: dict[int, dict[str, Mention]] = {}  #: the countries acting in each sentence, first mention
    sentence_subjects: dict[int, set[str]] = {}  #: the countries each sentence names as a main clause's subject
    speaker: tuple[int, Mention] | None = None  #: the last party told as saying something, and its sentence
    index = -2
    for mention, gender in items:
        quoted = quotes.covers(mention.start) if quotes.spans else False
        tracker = everywhere if quoted else outside
        if index < 0 or not (starts[index] <= mention.start and (index + 1 == len(starts)
                                                                  or mention.start < starts[index + 1])):
            index = bisect_right(starts, mention.start) - 1  # mentions come in text order: mostly the same one
            sentence_start = sentences[index].start if index >= 0 else 0
            everywhere.enter(index, sentence_start)
            outside.enter(index, sentence_start)
        if mention.type == "pronoun" and mention.key == "pair":
            resolved.extend(_pair_mentions(mention, text, sentences, index, quotes, tracker, resolved,
                                           sentence_parties, sentence_subjects, main_pair, latest_country))
            continue
        if mention.type == "pronoun":
            antecedent = ahead.get(mention.start)
            if antecedent is None and mention.key == "person" and index >= 0 \
                    and (_opens_clause(text, sentences[index].start, mention.start, quotes)
                         or _OPENING_PHRASE.fullmatch(text, sentences[index].start, mention.start)):
                if _guests_before(subjects, guests, index):
                    # 'Mwale received Sultan Omar Ali of Brunei. On June 11, he received ...': 'he' is the host the
                    # sentence before did not name as a person, not the guest
                    continue
                antecedent = _previous_subject(subjects, index, mention.text, gender_of, sayers, text)
            if antecedent is None and mention.key == "person" and resolved and resolved[-1].type == "person" \
                    and (_SAYER_GAP.fullmatch(text, resolved[-1].end, mention.start)
                         or _POSSESSIVE_SAYING.fullmatch(text, resolved[-1].end, mention.start)):
                antecedent = resolved[-1]  # 'after he announced he would lift': the one who announced
            if antecedent is None and mention.key == "person" and index in subjects and (
                    _COORDINATED_SAYING.search(text, max(sentences[index].start, mention.start - 40), mention.start)
                    or _SUBORDINATE_OPENER.search(text, max(sentences[index].start, mention.start - 30),
                                                  mention.start)
                    or (mention.text.lower() in ("he", "she")
                        and _COORDINATED_CLAUSE.search(text, max(sentences[index].start, mention.start - 8),
                                                       mention.start)
                        and _last_person_under_measure(text, resolved, sentences[index].start))):
                # 'the president offered Rubio closer cooperation and said he would not renew': the subject
                # of the coordinated speech verb is the sentence's subject, not the person named last (and so is
                # 'he' opening a clause joined by ', and' after a person named only as what a measure is on:
                # 'Biden named sanctions on X, and he urged Tehran'; in 'met X, and he' X may well be 'he')
                subject = subjects[index]
                wanted = "f" if mention.text.lower().startswith(("she", "her")) else "m"
                if gender_of.get(subject.key, "") in ("", wanted):
                    antecedent = subject
            sayer = min((m for m in (subjects.get(index), sayers.get(index)) if m is not None),
                        key=lambda m: m.start, default=None)
            if antecedent is None and mention.key == "person" and sayer is not None \
                    and mention.text.lower() in ("his", "her") and _said_that(text, sayer, mention.start):
                # "Guatemala's president said after meeting with Rubio that his country will": the sayer's
                subject = sayer
                wanted = "f" if mention.text.lower().startswith("her") else "m"
                if gender_of.get(subject.key, "") in ("", wanted):
                    antecedent = subject
            if antecedent is None and mention.key == "person" and index in subjects \
                    and mention.text.lower() in ("his", "her") and _DURING.search(
                        text, max(sentences[index].start, mention.start - 20), mention.start) \
                    and (_OWN_STAY.match(text, mention.end) or (
                        _OWN_TRIP.match(text, mention.end)
                        and not _RECEIVED.search(text, subjects[index].end, mention.start))):
                # 'X paid a visit to President Y during her stay in Tokyo', 'X called on President Y during her
                # visit to Kenya': the stay or trip is the subject's, not the person's named last (but in
                # 'welcomed Y on his visit' the trip is the guest's)
                subject = subjects[index]
                wanted = "f" if mention.text.lower().startswith("her") else "m"
                if gender_of.get(subject.key, "") in ("", wanted):
                    antecedent = subject
            if antecedent is None and mention.key == "person" and index in subjects \
                    and mention.text.lower() in ("he", "she") \
                    and _WITH_WHOM.search(text, max(sentences[index].start, mention.start - 20), mention.start):
                # 'X arrives on the invitation of his counterpart Y, with whom he will discuss ...': the one named
                # before 'whom' is the pronoun's partner, not the pronoun; the sentence's subject is
                subject = subjects[index]
                wanted = "f" if mention.text.lower() == "she" else "m"
                if gender_of.get(subject.key, "") in ("", wanted) and not (
                        resolved and resolved[-1].key == subject.key and resolved[-1].end >= mention.start - 30):
                    antecedent = subject
            if antecedent is None and mention.key == "person" and sayer is not None \
                    and _labeller(text, sayer, mention) \
                    and gender_of.get(sayer.key, "") in ("", "f" if mention.text.lower() == "she" else "m"):
                antecedent = sayer  # 'China's foreign minister told X that Y should stop what he called ...'
            if antecedent is None and mention.key == "nation" and mention.text.lower() == "it" and index >= 0 \
                    and thing_subject(text, sentences[index].start, mention.start, "it", resolved):
                continue  # 'The complaint ... targets Chile, which buys arms from Peru, but it also': the complaint
            if antecedent is None and mention.key == "nation" and speaker is not None and index - speaker[0] <= 2 \
                    and _closing_speaker_it(text, mention):
                antecedent = speaker[1]  # '"...," the ministry said. "...," it added': the same speaker goes on
            if antecedent is None and mention.key == "nation" and mention.text.lower() == "it":
                antecedent = _owner_of_relative(text, resolved, mention.start)
            if antecedent is None and mention.key == "nation" and mention.text.lower() == "it" and index >= 0:
                antecedent = _subject_of_opening_clause(text, resolved, sentences[index].start, mention.start)
            if antecedent is None and mention.key == "nation" and index in country_subjects \
                    and _COORDINATED_SAYING.search(text, max(sentences[index].start, mention.start - 40),
                                                   mention.start):
                antecedent = country_subjects[index]  # 'Mexico refuses US aircraft, says it will ...'
            if antecedent is None and mention.key == "nation" and resolved and resolved[-1].type == "person" \
                    and resolved[-1].country and _SAYER_GAP.fullmatch(text, resolved[-1].end, mention.start):
                antecedent = resolved[-1]  # 'Foreign Minister de la Fuente stated the federal government had': his
            if antecedent is None and mention.key == "body" and resolved and resolved[-1].type == "person" \
                    and resolved[-1].country and _OWN_BODY_GAP.fullmatch(text, resolved[-1].end, mention.start):
                antecedent = resolved[-1]  # 'he had instructed the foreign ministry to': his own ministry
            if antecedent is None and mention.key == "nation" and index >= 0 and not mention.text.lower().startswith(
                    "its") and _FRONTED_PARTICIPLE.fullmatch(text, sentences[index].start, mention.start) \
                    and tracker.country is not None and tracker.country.start < sentences[index].start:
                # "'Faced with France's careless attitude,' the junta decided": a party named in the opening phrase
                # is what the subject faced, never the subject; the one the report was about is
                antecedent = _country_mention(tracker.country)
            if antecedent is None and mention.key == "nation" and _RULERS.search(mention.text):
                antecedent = body_owners.get("junta")  # 'Niger's junta ... despite pressure from the military regime'
            if antecedent is None and mention.key == "body":
                antecedent = body_owners.get(mention.text.lower().split()[-1])  # "China's commerce ministry"
                if antecedent is None and home:
                    antecedent = Mention(mention.start, mention.end, mention.text, "country", home, home, "",
                                         "government")
                if antecedent is None and index > 0 and _SAID_AFTER.match(text, mention.end):
                    # 'Peru announced duties on Chilean fruit. Chile's duty is unfair, the ministry said': the
                    # speaking body is that of the party the report follows, not of the one its sentence opens with
                    antecedent = country_subjects.get(index - 1)
            if antecedent is None and mention.key in ("latter", "former") and index >= 0:
                antecedent = _pair_without_own_subject(text, resolved, mention.key, sentences[index].start, mention)
            if antecedent is None:
                antecedent = tracker.resolve(mention.key, mention.text, gender_of)
                if antecedent is not None and mention.key == "nation" and index >= 0:
                    antecedent = _focus_over_speaker(text, resolved, sentences[index].start, mention, antecedent)
            if antecedent is not None and mention.key == "person" \
                    and _described_private_person().search(text, max(antecedent.end, mention.start - 600),
                                                           mention.start):
                continue  # 'the deportee, identified as X, ... would not accept him': he is the private person
                # described since, not the official named before
            if antecedent is None:
                continue
            if mention.key == "nation" and index >= 1 and "junta" not in body_owners \
                    and _RULERS.search(mention.text) \
                    and _object_later(text, items, item_starts, mention, antecedent.country, sentences[index].end):
                # 'France recalled its envoy from Niger. The military government accused Paris': military rulers
                # no country was said to have are not the ones their clause accuses, but the other side
                antecedent = _other_recent(resolved, antecedent.country, sentences[index - 1].start) or antecedent
            elif mention.key in ("nation", "admin", "body") and index >= 1 \
                    and addressed_by_own_verb(text, items, item_starts, mention, antecedent.country,
                                              sentences[index].start, sentences[index].end):
                # 'The ministry pressed the Ugandan cabinet to think again': the body acts on the party
                # its verb names, so it is the other side told lately
                antecedent = other_side_told(resolved, antecedent.country,
                                             sentences[max(0, index - 2)].start) or antecedent
            if mention.key in ("nation", "admin", "body") and home and antecedent.country != home \
                    and _own_object(text, items, item_starts, mention, antecedent.country, sentences, index):
                # 'The government has signed an agreement with Russia' under a BAMAKO dateline: the subject is not
                # the party it signs with; the country the report is filed from is the likelier one
                antecedent = Mention(mention.start, mention.end, mention.text, "country", home, home, "", "government")
            if mention.key in ("nation", "admin", "body"):
                target = _country_mention(antecedent)
                body = mention.key == "body"
                mention = Mention(mention.start, mention.end, mention.text, "country", target.key,
                                  target.country, "", "pronoun")
                if body:
                    # 'China will apply tariffs, the ministry said. Canada's levies harm China, the ministry said':
                    # the bare body is the one already told, until another country's is named
                    body_owners.setdefault(mention.text.lower().split()[-1], target)
            else:
                mention = Mention(mention.start, mention.end, mention.text, antecedent.type, antecedent.key,
                                  antecedent.country, antecedent.role, "pronoun")
        elif mention.type == "person" and mention.key in persons:
            person = persons[mention.key]
            gender = gender or person.gender
            gender_of[person.name] = person.gender
            mention = Mention(mention.start, mention.end, mention.text, "person", person.name, person.country,
                              person.role, mention.via)
        resolved.append(mention)
        if mention.type in ("country", "organization") and mention.country and not quoted and _speaks(text, mention):
            speaker = (index, mention)
        if mention.type == "country" and mention.country:
            latest_country[mention.country] = mention
            owned = _body_after_country().match(text, mention.end) \
                if mention.via in ("name", "demonym", "capital") \
                else _body_after_country().match(" " + mention.text.split()[-1]) if mention.via == "government" \
                else None
            if owned:
                body_owners[owned.group(1).lower()] = mention
            if mention.via in ("government", "pronoun") and _RULERS.search(mention.text):
                body_owners["junta"] = mention  # the military rulers told last, for 'the regime' named later
        elif mention.type == "organization" and mention.country and mention.via == "government":
            owned = _body_after_country().match(" " + mention.text.split()[-1])
            if owned:  # 'The Chinese Foreign Ministry announced ... The ministry said': China's ministry
                body_owners[owned.group(1).lower()] = _country_mention(mention)
        if mention.type in ("country", "organization") and mention.country and mention.via not in ("place",
                                                                                                   "private"):
            sentence_parties.setdefault(index, {}).setdefault(mention.country, mention)
        if mention.type == "country" and mention.via == "role" and not quoted and index not in subjects \
                and index not in sayers:
            sayers[index] = mention  # "Guatemala's president said ... that his country": an unnamed office holder
        if mention.type == "person" and not quoted and index not in subjects and index >= 0 \
                and may_hold(text[sentences[index].start:mention.start], _RECEIVED_WORDS) \
                and _RECEIVED_BEFORE.search(text, sentences[index].start, mention.start):
            guests.add(index)  # 'Mwale received Sultan Omar Ali': the one received is no subject
        elif mention.type == "person" and not quoted and index not in subjects and index not in guests and not (
                index >= 0 and _OPENING_PHRASE_TO.match(text, sentences[index].start, mention.start)):
            subjects[index] = mention  # not "Hours after Ortega's speech, Chaves ...": Ortega is no subject
        if mention.type == "country" and mention.via in ("name", "government", "capital") and not quoted \
                and index not in country_subjects and index >= 0 \
                and not _after_preposition(text, mention.start) and not _after_verb(text, mention.start):
            country_subjects[index] = mention  # the first country a sentence names as a subject
        after_preposition = mention.type in ("country", "organization") and (
            _after_preposition(text, mention.start) or previous_object is not None
            and _LIST_ITEM_GAP.fullmatch(text, previous_object.end, mention.start) is not None
            and not _next_clause_subject(text, previous_object, mention))
        if mention.type in ("country", "organization") and not after_preposition \
                and _object_after_pair_word(text, mention.start):
            after_preposition = True  # 'the weaponization of trade from both China and Russia': objects both
        prepositional = after_preposition or (mention.type in ("country", "organization") and (
            _after_verb(text, mention.start) or _object_phrase(text, mention)))
        if mention.type == "country" and ends_with_word(text[max(0, mention.start - 20):mention.start], "of") \
                and _NATION_OF.search(text, max(0, mention.start - 20), mention.start):
            # 'The small West African nation of Togo said it': the nation a description names is its subject
            prepositional = after_preposition = False
        # 'the envoys of Chile, Colombia and Brazil': every item of an object's list is one
        previous_object = mention if prepositional else None
        possessive = text.startswith(("'s", "’s"), mention.end)
        # 'the deportee was a Congolese national and that it would not accept him': a nationality describing a
        # person is no party 'it' can point back to
        if mention.via == "demonym" and _person_noun_after().match(text, mention.end):
            prepositional = after_preposition = True
        if mention.type == "country" and _ARTICLE_BEFORE.search(text, max(0, mention.start - 5), mention.start) \
                and _thing_after().match(text, mention.end):
            prepositional = True  # 'refused to let a US military plane land on its territory': the plane's maker
            # is no subject; 'its' is the refuser's
        subordinate = _SUBORDINATE_SUBJECT.search(text, max(0, mention.start - 12), mention.start) is not None
        if mention.country and not quoted and not prepositional and not subordinate \
                and mention.type in ("country", "organization", "person") and mention.via not in ("place", "private"):
            sentence_subjects.setdefault(index, set()).add(mention.country)
        everywhere.see(mention, gender, prepositional, possessive, after_preposition, subordinate)
        if not quoted:
            outside.see(mention, gender, prepositional, possessive, after_preposition, subordinate)
    return resolved


#: 'The small West African nation of Togo': the country a description of a nation names
_NATION_OF = re.compile(r"\b(?:nation|country|state|kingdom|republic|archipelago)\s+of\s+$", re.I)

#: 'he announced he would', 'Petro said that he': a pronoun right after its speaker's speech verb is the speaker
_SAYER_GAP = re.compile(r"\s+(?:(?:\w+ly|also|then|later|again|further|has|had|have)\s+){0,2}"
                        r"(?:said|says|announced|announces|added|stated|insisted|stressed|"
                        r"declared|warned|promised|vowed|pledged)\s+(?:that\s+)?")


@cache
def _body_after_country() -> re.Pattern[str]:
    """A national body named with its country ("China's commerce ministry", 'the Pakistani cabinet'): its noun
    (words.csv BODY_NOUNS) as group 1."""
    return re.compile(r"(?:['’]s?)?[ \t]+(?:[\w-]+[ \t]+){0,2}?(?i:(" + word_classes()["BODY_NOUNS"] + r"))\b")


#: A speech verb right after a body: 'the ministry said'
_SAID_AFTER = re.compile(r"\s+(?:said|says|added|stated)\b")
#: Military rulers named as a body: 'Niger's junta', 'the military regime', 'the ruling military government'
_RULERS = re.compile(r"\b(?:junta|military\s+(?:regime|government|authorities|leadership|rulers))\b", re.I)
#: Between a person and a national body that person acts on or speaks for: a few words of one clause ('he had
#: instructed the foreign ministry', 'Dar told the cabinet', 'Sharif, who chairs the cabinet').
_OWN_BODY_GAP = re.compile(r"(?:,?\s+(?!(?:with|from|by|against|told|met|and)\b)[\w'’-]+){1,8}\s+")
#: A sentence's opening prepositional phrase up to a position before its first comma ('Within hours of ...').
_OPENING_PHRASE_TO = re.compile(r"\W*(?:Within|After|Before|During|Following|Despite|In|On|At|Amid|Since|Unlike|"
                                r"Like|Besides|Ahead\s+of|Hours\s+after|Days\s+after)\b[^,;]*$")
#: "Petro's announcement that he had sent back two flights": the one whose statement it is
_POSSESSIVE_SAYING = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:announcement|statement|claim|claims|insistence|assertion|"
                                r"remarks?|comments?|declaration|pledge|promise|warning|threat|admission|denial|"
                                r"announcements|statements)\s+that\s+")

#: Right before the subject of a clause of time or cause inside a sentence: ' as ', ' when ', ' while '
_SUBORDINATE_SUBJECT = re.compile(r"\s(?:as|when|while|whereas|because|since|until)\s+(?:the\s+)?$")
#: 'during his stay in Tokyo': a possessive before a stay, in a time phrase
_DURING = re.compile(r"\b(?:during|throughout|on|in\s+the\s+course\s+of)\s+$", re.I)
_OWN_STAY = re.compile(r"\s+(?:\w+\s+)?(?:stay|sojourn)\b", re.I)
_OWN_TRIP = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\s+(?:to|in)\b", re.I)
_RECEIVED = re.compile(r"\b(?:receiv|welcom|host|greet|accompan)\w*", re.I)
#: A participle opening a sentence, up to the comma before its subject ("'Faced with France's attitude,' the")
_FRONTED_PARTICIPLE = re.compile(r"\W*(?:Faced|Confronted|Angered|Incensed|Irked|Frustrated|Alarmed|Provoked|Stung|"
                                 r"Citing|Blaming|Accusing|Responding|Reacting)\b[^.;:]{0,120},[\"'’”]?\s+")
_SUBORDINATE_OPENER = re.compile(r"\b(?:after|before|when|because|since|although|though|until|once|where)\s+$")
#: ', and ' or ', but ' right before a subject pronoun: the pronoun opens a clause coordinated with the first one
_COORDINATED_CLAUSE = re.compile(r",\s+(?:and|but)\s+$")
_COORDINATED_SAYING = re.compile(r"(?:\band|\bbut|,)\s+(?:also\s+|later\s+)?(?:said|says|added|adds|insisted|stressed|"
                                 r"noted|warned|announced|told\s+\w+)\s+(?:that\s+)?$", re.I)


#: A verb of receiving a guest right before a person and the person's title ('received Sultan ', 'hosted King '),
#: or the verb of an inverted list of callers ('Among those who called on him were Chile's '): guests, not subjects
_RECEIVED_BEFORE = re.compile(r"\b(?:received|receives|hosted|hosts|welcomed|welcomes|were|included)\s+"
                              r"(?:[A-Z][\w.'’-]*\s+){0,3}$")
#: What every match of `_RECEIVED_BEFORE` holds, tested before it runs (`may_hold`)
_RECEIVED_WORDS = ("receive", "host", "welcome", "were", "included")
#: A time or place phrase opening a sentence before its subject: 'On May 9, ', 'Later that day, ', 'In Accra, '
#: ('On May 9, he received ...': the pronoun is still the sentence's subject)
_OPENING_PHRASE = re.compile(r"\s*(?:On|In|At|Later|Earlier|Then|After|Before|During|Last|This|Next|Meanwhile|"
                             r"Afterwards|Subsequently|The\s+following|The\s+next|Separately|Also)\b[^,;:\"“”]{0,40},\s*")
