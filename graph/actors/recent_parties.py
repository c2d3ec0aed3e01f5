"""Recent parties: what a document has named so far, and the pairs read from it.

`_Tracker` keeps, in text order, the last person of each gender, the last country named as a subject or at all,
the last government, office and body noun, and the last few parties one per country; `_resolve` (resolution.py)
asks it what 'he', 'the country' or 'the administration' points back to. A pair word ('the two countries', 'both
leaders', 'they') is read here too (`_pair_mentions`): the two parties of the sentence before or of its own
clause, a pair listed in its sentence, or the pair the whole document is about ('Chile and Peru recalled their
envoys. The two countries ...').
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graph.actors.antecedents import _opens_clause, _parties_before, _parties_not_bystanders
from graph.actors.knowledge import word_lists
from graph.actors.offices_and_groups import _last_list
from graph.actors.patterns import OFFICIALS_TOGETHER, SpanSet, _country_mention
from graph.records import Mention

#: People of a pair of countries ("the two countries' officials", "both nations' foreign ministers"): the countries'
#: governments, who meet and travel
_STAFF_AFTER = re.compile(r"['’]s?[ \t]+(?:[a-z-]+[ \t]+)?(?:officials|leaders|ministers|delegations|delegates|envoys|"
                          r"diplomats|presidents|representatives|negotiators|heads)\b")
_PEOPLE_PAIR = re.compile(r"(?:leaders|men|presidents|ministers|heads\s+of\s+state)$")


@dataclass
class _Tracker:
    """What 'he', 'she', 'the country' and 'the administration' point back to, updated in text order."""

    person: Mention | None = None
    by_gender: dict[str, Mention] = field(default_factory=dict)
    country: Mention | None = None  #: last country named as a subject (not after a preposition)
    any_country: Mention | None = None  #: last country named at all
    sentence: int = -1  #: sentence of the current mention
    subject_in_sentence: bool = False  #: whether `country` was named in the current sentence
    government: Mention | None = None
    by_role: dict[str, Mention] = field(default_factory=dict)
    recent: list[Mention] = field(default_factory=list)  #: the last countries named, one per country, newest last
    recent_subjects: list[Mention] = field(default_factory=list)  #: the same, named as subjects only
    #: the same, without subjects of a clause of time or cause ('as Japan eyes gas'): the sides 'the two leaders' are
    main_subjects: list[Mention] = field(default_factory=list)
    by_noun: dict[str, Mention] = field(default_factory=dict)  #: 'junta' -> "Niger's military junta"

    _sentence_start: int = 0

    def enter(self, sentence: int, start: int) -> None:
        """Move to the sentence of the next mention."""
        if sentence != self.sentence:
            self.sentence, self.subject_in_sentence, self._sentence_start = sentence, False, start
            self.person_in_sentence = False

    person_in_sentence: bool = False

    def see(self, mention: Mention, gender: str, prepositional: bool = False, possessive: bool = False,
            place: bool = False, subordinate: bool = False) -> None:
        """Note a mention; `prepositional`: not a subject (after a preposition or a verb); `place`: after a
        preposition ('talks on Haiti', 'in Lima'), so not a party either. (Run twice for every mention: the
        mention's fields are read once.)"""
        kind, via, country = mention.type, mention.via, mention.country
        if kind == "person" or via == "role":
            if kind == "person" and not (possessive and self.person_in_sentence):
                # 'Grenell, President Trump's envoy, ... he': a possessive in an apposition is not the topic
                self.person = mention
                self.person_in_sentence = True
                if gender:
                    self.by_gender[gender] = mention
            for word in mention.role.lower().split():
                self.by_role[word] = mention
        if country and via != "place" and not place and kind in ("country", "organization", "person"):
            # parties, not places or topics ('talks on Haiti')
            self.recent = _pushed(self.recent, mention)
            if not prepositional:
                self.recent_subjects = _pushed(self.recent_subjects, mention)
                if not subordinate:
                    self.main_subjects = _pushed(self.main_subjects, mention)
        if country and kind in ("country", "organization") and via != "place":
            self.any_country = mention
            if not prepositional or self.country is None:
                self.country = mention
                self.subject_in_sentence = not prepositional
        if kind == "country" and via in ("government", "administration", "role"):
            self.government = mention
            noun = mention.text.lower().split()[-1]
            if noun in word_lists()["OWN_GOVERNMENT_NOUNS"]:
                self.by_noun[noun] = mention

    def resolve(self, kind: str, word: str, gender_of: dict[str, str]) -> Mention | None:
        lower = word.lower()
        if kind == "person":
            gender = "f" if lower.startswith(("she", "her")) else "m"
            candidate = self.by_gender.get(gender)
            # A person of unknown gender is the best guess when no person of the right gender was seen.
            if self.person is not None and gender_of.get(self.person.key, "") == "":
                if candidate is None or candidate.start < self.person.start:
                    candidate = self.person
            return candidate
        if kind == "nation" and lower.split()[-1] in self.by_noun:
            # 'the junta' after "Niger's military junta": the country whose junta was named, not the last
            # country named (France, whose ambassador the junta expelled)
            return _country_mention(self.by_noun[lower.split()[-1]])
        if kind == "nation":
            # Within a sentence with no country as subject, 'its' points to the last country named at all
            # ('a trade war against Colombia prompted its authorities'); otherwise to the last subject country.
            found = self.country if self.subject_in_sentence or self.any_country is None \
                or self.any_country.start < self._sentence_start else self.any_country
            return _country_mention(found) if found is not None else None
        if kind == "body":
            # a body is its country's, not that of a country its sentence mentions in passing ('in response
            # to New Delhi's measures, the committee decided'): the last country named as a subject
            return _country_mention(self.country) if self.country is not None else None
        if kind == "admin":
            if self.government is None and self.country is None and self.person is not None \
                    and self.person.country:
                return _country_mention(self.person)  # "President Trump's team ... The administration"
            found = self.government or self.country
            return _country_mention(found) if found is not None else None
        if kind in ("latter", "former"):
            # 'Trump and Petro traded barbs, with the latter accusing Trump': the last or the one before of
            # the last two parties named
            if len(self.recent) < 2:
                return None
            return self.recent[-1] if kind == "latter" else self.recent[-2]
        if kind == "office":
            last = lower.split()[-1]
            return self.by_role.get(last)
        return None

    def resolve_pair(self, countries: bool = False) -> list[Mention]:
        """'The two countries', 'both leaders': the last two parties named as subjects ('Rubio said the
        United States wanted a stable Haiti and that the Dominican Republic ...'), else the last two named.
        With `countries` ('both nations', not 'both leaders'), a person named since does not count: 'India and
        Pakistan agreed ... Rubio said he met officials from both nations'. Without, a subject of a clause of time
        or cause does not count: 'Ottawa and Tokyo signed a deal as Japan eyes gas when Russia cuts exports. The two
        leaders' are Canada's and Japan's."""
        subjects, recent = (self.recent_subjects if countries else self.main_subjects), self.recent
        if countries:
            subjects = [m for m in subjects if m.type != "person"]
            recent = [m for m in recent if m.type != "person"]
        found = subjects if len(subjects) >= 2 else recent
        return found[-2:] if len(found) >= 2 else []



def _pushed(recent: list[Mention], mention: Mention) -> list[Mention]:
    """The last three of `recent` that are not of the mention's country, then the mention: one per country,
    newest last."""
    country = mention.country
    kept = recent[-3:]
    for other in kept:
        if other.country == country:  # (seldom: most mentions name another country than the last three)
            kept = [m for m in kept if m.country != country]
            break
    kept.append(mention)
    return kept


def _main_pair(items: list[tuple[Mention, str]]) -> frozenset[str]:
    """The two countries a document names most (parties only), when they clearly lead the rest."""
    counts = Counter(m.country for m, _ in items if m.country and m.type in ("country", "person", "organization")
                     and m.via not in ("place", "private"))
    ranked = counts.most_common(3)
    if len(ranked) < 2 or (len(ranked) == 3 and ranked[1][1] <= ranked[2][1]):
        return frozenset()
    return frozenset(country for country, _ in ranked[:2])


def _pair_mentions(mention: Mention, text: str, sentences: list, index: int, quotes: SpanSet,
                   tracker: _Tracker, resolved: list[Mention], sentence_parties: dict[int, dict[str, Mention]],
                   sentence_subjects: dict[int, set[str]], main_pair: frozenset[str],
                   latest_country: dict[str, Mention]) -> list[Mention]:
    """The parties a pair word ('the two countries', 'both leaders', 'they') stands for, as mentions at its
    place; none when it points nowhere. Read from the parties named so far (`resolved`, `tracker`), the parties and
    subjects of each sentence, the pair the document is about (`main_pair`) and the last mention of each country.
    """
    found: list[Mention] = []
    # 'the two leaders' and 'both governments' are officials (they meet and travel); 'the two
    # countries' may be places too
    official = not re.search(r"(?:countries|nations?|states|capitals|locations|country)$", mention.text)
    pair = tracker.resolve_pair(countries=not official)
    previous = sentence_parties.get(index - 1, {})
    if mention.text in ("They", "The two") or OFFICIALS_TOGETHER.fullmatch(mention.text):
        # 'X hosted his Togolese counterpart. They agreed to ...': only right after a sentence whose
        # parties are just two, and only as the subject opening the sentence; else 'they' are anyone
        if len(previous) != 2 or not _opens_clause(text, sentences[index].start, mention.start, quotes) \
                or sentence_parties.get(index) or not previous.keys() & sentence_subjects.get(index - 1, set()):
            # ('... sanctions against Moscow and exposure to China. They also urged': two parties named
            # only as objects are what the sentence was about, not who acts next)
            return []
        pair = list(previous.values())
    elif mention.text in ("they", "the two"):  # ('X received Y in Dakar, and the two signed a deal')
        # 'He met Argentina's minister, and they agreed to ...': the two parties of the clause before
        here = _parties_before(resolved, sentences[index].start, mention.start) if index >= 0 else {}
        if len(here) != 2:
            return []
        pair = list(here.values())
    if not official and len(previous) == 2 and _opens_clause(text, sentences[index].start, mention.start,
                                                                quotes):
        # "China ... ready to open a new chapter of relations with Nauru. The two countries signed": the
        # two countries of the sentence before, when it names just two
        pair = list(previous.values())
    elif not official and main_pair and {m.country for m in pair} != main_pair:
        # 'the two countries broke off relations' after a sentence about a third country: the pair the
        # document is about, when both were named lately
        recent = {m.country: m for m in tracker.recent}
        if main_pair <= recent.keys():
            pair = [recent[country] for country in sorted(main_pair)]
    if not official and index >= 0:
        # 'Vietnam has kept troops in Laos, and the two nations held drills': the two countries the
        # sentence itself has named before it, whatever pair the document is about
        here = _parties_before(resolved, sentences[index].start, mention.start)
        if len(here) > 2:
            here = _parties_not_bystanders(text, here, sentences[index].start, mention.start)
        if len(here) == 2:
            pair = list(here.values())
    if not official:
        # 'troops of Guinea and Mali ... a delegation from both countries': a pair listed in
        # the same sentence, even after prepositions
        listed = _last_list(text, resolved, mention.start, None,
                            reach=mention.start - sentences[index].start if index >= 0 else 0)
        if len(listed) == 2:
            pair = listed
    if official and mention.text not in ("They", "The two", "they", "the two") \
            and not OFFICIALS_TOGETHER.fullmatch(mention.text):
        pair = _named_together(text, resolved, mention.start) or pair
    if len(pair) < 2 and main_pair and not official:
        # 'The two countries had withdrawn their envoys once before' after a paragraph naming one of
        # them as a party and the other only after prepositions: the pair the document is about
        named = {country: latest_country[country] for country in main_pair if country in latest_country}
        if named.keys() == main_pair:
            pair = [named[country] for country in sorted(main_pair)]
    for antecedent in pair:
        if antecedent.type == "person" and _PEOPLE_PAIR.search(mention.text):
            # 'the two men' met: the people themselves ('the two governments' are the countries)
            found.append(Mention(mention.start, mention.end, mention.text, "person", antecedent.key,
                                 antecedent.country, antecedent.role, "pronoun"))
            continue
        country = _country_mention(antecedent)
        staffed = _STAFF_AFTER.match(text, mention.end) is not None
        found.append(Mention(mention.start, mention.end, mention.text, "country", country.key,
                             country.country, "", "government" if official or staffed else "pronoun"))
    return found


#: How far back a pair named together ('Japan and the Philippines') still stands for 'the two leaders'
_TOGETHER_REACH = 600


def _named_together(text: str, resolved: list[Mention], before: int) -> list[Mention]:
    """The two countries last named together as a pair opening a sentence ('Japan and the Philippines each face
    disputes with China'), for 'the two leaders' or 'both sides' after them: the pair word counts back to the
    parties named as one, not to the last two countries whatever their roles (China there is the third party both
    dispute with)."""
    window: list[Mention] = []
    for m in reversed(resolved):  # (in text order: read back from the end, so a long document costs no scan)
        if m.start < before - _TOGETHER_REACH:
            break
        if m.end <= before and m.type == "country" and m.country and m.via not in ("place", "private"):
            window.append(m)
    window.reverse()
    for first, second in reversed(list(zip(window, window[1:], strict=False))):
        if first.country != second.country and _PAIR_AND.fullmatch(text, first.end, second.start) \
                and _OPENS_AS_PAIR.search(text, max(0, first.start - 30), first.start) \
                and not _LIST_GOES_ON.match(text, second.end):
            return [first, second]
    return []


#: 'and' alone between the two members of a pair: 'Japan and the Philippines'
_PAIR_AND = re.compile(r"[ \t]+and[ \t]+(?:the[ \t]+)?")
#: A third member after the pair: 'Japan and the Philippines, and Vietnam', 'Japan and Korea and China'
_LIST_GOES_ON = re.compile(r"(?:['’]s)?(?:[ \t]*,[ \t]*(?:and[ \t]+)?[A-Z]|[ \t]+and[ \t]+)")


#: What comes right before a pair told as one party: a sentence's start ('Japan and the Philippines each face');
#: a pair after a preposition ('ties with Russia and China', 'the war between Russia and Ukraine') is an object or
#: a topic, no pair the next 'two leaders' count back to
_OPENS_AS_PAIR = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:the\s+)?$")
