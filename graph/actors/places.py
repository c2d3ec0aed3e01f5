"""Places and governments: mentions that stand for a country through a place or a body.

The dateline ('MANILA —', 'LIMA, Peru (Reuters) -') and the country it names; a capital that is also the
seat of an international body; a country before '-led', '-run' or '-appointed'; 'the government of Costa Rica' and
'the Trump administration' (the country acts); described countries ('the Gulf state', 'the impoverished
nation', with the regions of regions.csv); and place anaphora ('the canal' after 'the Panama Canal').
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from graph.actors.country_readings import _private_after
from graph.actors.knowledge import Alias, KnowledgeBase, Person, knowledge_base, read_data, word_lists
from graph.actors.patterns import SpanSet, _Taken
from graph.records import Mention
from graph.words import anchored_matches, holds_any, matches_from, may_hold


@cache
def _seats() -> dict[str, str]:
    """Capitals that also name an international body seated there (country_aliases.csv kind seat) -> ISO3."""
    return {row["alias"]: row["iso3"] for row in read_data("country_aliases.csv") if row["kind"] == "seat"}


def _seat_as_host(raw: list[tuple[Mention, str]]) -> None:
    """'Kigali cut ties with Brussels' in a report on Belgium: the seat of the European Union is Belgium's
    capital too. It stands for its country when the document names that country and the body by no other
    name."""
    for seat, country in _seats().items():
        at = [i for i, (m, _) in enumerate(raw) if m.type == "organization" and m.text == seat]
        if not at or not any(m.country == country for m, _ in raw) or any(
                m.type == "organization" and m.key == raw[at[0]][0].key and m.text != seat for m, _ in raw):
            continue
        for i in at:
            m, gender = raw[i]
            raw[i] = (Mention(m.start, m.end, m.text, "country", country, country, "", "capital"), gender)


#: What a country glued to each participle family of words.csv stands for ('Chinese-run', 'Saudi-led'): the via of
#: its mention; the product family ('Chinese-made drones') names no party.
_HYPHEN_FAMILIES = (("HYPHEN_LEADING", "led"), ("HYPHEN_HOLDING", "held"), ("HYPHEN_APPOINTING", "government"),
                    ("HYPHEN_ORIGIN", "origin"))


@cache
def _hyphen_compound() -> tuple[re.Pattern[str], dict[str, str]]:
    """'a Russia-led security bloc', 'a Chinese-run port', 'Afghanistan-based planners': a name of one or two
    capitalised words right before a hyphen and a participle of a family; and the via of each participle.
    A pair ('Russia-Ukraine war', 'US-China talks', 'Sino-US') ends in no participle and stays untouched."""
    lists = word_lists()
    via_of = {word.lower(): via for family, via in _HYPHEN_FAMILIES for word in lists[family]}
    participles = "|".join(sorted(via_of, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w-])([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)-(" + participles + r")(?![\w-])")
    return pattern, via_of


def _add_led_by(text: str, raw: list[tuple[Mention, str]], kb: KnowledgeBase, blocked: SpanSet) -> None:
    """A country named in a compound before a participle ('Russian-led CSTO', 'a Chinese-run port', 'the
    Taliban-appointed minister'): a mention of the country whose via tells the participle's family, so that
    leaving the bloc is a step away from it, the port is the country's hold, the minister its officer."""
    pattern, via_of = _hyphen_compound()
    if not holds_any(text, tuple("-" + participle for participle in via_of)):
        return  # most documents have none: a few substring tests skip the scan
    for match in pattern.finditer(text):
        alias, start = kb.lookup(match.group(1)), match.start(1)
        if alias is None and " " in match.group(1):
            # ('The US-led coalition' at a sentence's start: the capitalised article is no part of the name)
            start = match.start(1) + match.group(1).rindex(" ") + 1
            alias = kb.lookup(text[start:match.end(1)])
        if alias is None or not alias.country or blocked.covers(match.start()):
            continue
        via = via_of[match.group(2).lower()]
        if alias.type == "person" and via == "led":
            # 'the Assimi Goita-led interim government': the leader the compound names is a person of the text
            raw.append((Mention(start, match.end(1), text[start:match.end(1)], "person", alias.key, alias.country,
                                alias.role, "person"), alias.gender))
            continue
        if alias.type != "country" and not (via == "government" and alias.kind == "government"):
            continue  # (a body that governs a country appoints for it: 'the Taliban-appointed minister')
        # a country, not an official: it does not travel; a held thing or an appointed officer follows the whole
        # compound, as it follows a name ('a Chinese-run port' as 'a Chinese port')
        end = match.end() if via in ("held", "government") else match.end(1)
        if via == "origin" and _private_after().match(text, match.end()):
            via = "private"  # 'a Hong Kong-based company': a firm based there, as 'Chinese firms' are, not the state
        raw.append((Mention(start, end, text[start:end], "country", alias.country, alias.country, "", via), ""))
    raw.sort(key=lambda item: item[0].start)


#: The head noun right after a compound's participle: 'coalition' in 'the US-led coalition'
_LED_HEAD = re.compile(r"[\w.]*-[a-z]+[ \t]+(?:military[ \t]+)?(coalition|alliance|bloc|force|forces|mission)(?![\w-])")


def _add_led_anaphora(text: str, raw: list[tuple[Mention, str]]) -> None:
    """'The US-led coalition is conducting airstrikes ... Syria condemned the coalition's airstrike': the bare
    group noun again stands for the country that leads it, as the first naming did. Only the group nouns a
    '-led' compound named before count, and only its country (the nearest such compound before)."""
    heads = []
    for mention, _ in raw:
        if mention.via == "led":
            head = _LED_HEAD.match(text, mention.end)
            if head:
                heads.append((head.end(), head.group(1).lower(), mention.country))
    if not heads:
        return
    ends = [end for end, _, _ in heads]
    for match in re.finditer(r"(?<![\w-])[Tt]he[ \t]+(coalition|alliance|bloc|force|forces|mission)(?![\w-])",
                             text):
        index = bisect_right(ends, match.start()) - 1
        while index >= 0 and heads[index][1] != match.group(1).lower():
            index -= 1
        if index >= 0:
            raw.append((Mention(match.start(), match.end(), match.group(), "country", heads[index][2],
                                heads[index][2], "", "led"), ""))


#: 'MANILA —', 'LIMA, Peru (Reuters) -', 'SANTO DOMINGO, Dominican Republic (AP) —' (a country of up to three
#: words after the comma), and the colon of many national agencies ('KATHMANDU, May 6:', 'ISLAMABAD:')
_DATELINE = re.compile(r"^\s*(?:([A-ZÀ-Þ][A-ZÀ-Þ .'’/-]{2,40}?)(?:,\s*[A-Z][\w.]*\.?(?:\s+[A-Z][\w.]*){0,2}"
                       r"(?:\s+\d{1,2})?)?"
                       r"\s*(?:\([^)]*\)\s*)?"
                       # a place in title case only before its agency credit: 'Ankara, (APP - ...) :', 'Oslo, NTB –'
                       r"|([A-Z][a-zà-ÿ'’.-]+(?: [A-Z][a-zà-ÿ'’.-]+)?)(?:,?\s*\([^)]*\)|,\s*[A-Z]{2,6})\s*)"
                       r"(?:[—–-]{1,2}|:)\s"
                       # the date and credit of many national agencies close the dateline with no dash: 'Male, Jan 14
                       # (PTI) ', 'New Delhi, March 3 (IANS) '
                       r"|^\s*([A-Z][a-zà-ÿ'’.-]+(?: [A-Z][a-zà-ÿ'’.-]+)?),\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                       r"Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*\([A-Z][\w .-]{1,20}\)\s"
                       # an agency credit between slashes before the dash: 'ISLAMABAD, JAN 17 /DNA/ –'
                       r"|^\s*([A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,40}?)(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?\s*"
                       r"/[A-Z][A-Za-z-]{1,15}/\s*[—–-]{1,2}\s", re.M)


def dateline_country(text: str, kb: KnowledgeBase) -> str:
    """The country of a dateline such as 'MANILA —' or 'LIMA, Peru (Reuters) -' opening the body."""
    return dateline_of(text, kb)[0]


def dateline_end(text: str, start: int) -> int:
    """Where a dateline opening the line at `start` ends ('LIMA, Peru (Reuters) - '), or -1: the places it
    names say where the report was filed, they are no parties of its first sentence."""
    match = _DATELINE.match(text, start)
    return match.end() if match else -1


_DATELINE_CACHE: list = [None, None, ("", -1)]  #: the text and knowledge base last asked, and the answer


def dateline_of(text: str, kb: KnowledgeBase) -> tuple[str, int]:
    """The dateline's country and the offset of its line in `text`; ("", -1) without a placed dateline.

    Several steps ask for the document being processed: the answer is kept for it."""
    if _DATELINE_CACHE[0] is not text or _DATELINE_CACHE[1] is not kb:
        _DATELINE_CACHE[:] = [text, kb, _dateline_of(text, kb)]
    return _DATELINE_CACHE[2]


def _dateline_of(text: str, kb: KnowledgeBase) -> tuple[str, int]:
    """`dateline_of` worked out: only the first eight lines are cut from the text."""
    offset = 0
    for line in text.split("\n", 8)[:8]:
        match = _DATELINE.match(line)
        if match:
            # ('QUITO/BOGOTA': the first place)
            place = next(group for group in match.groups() if group).split("/")[0].strip().title()
            alias = kb.lookup(place) or kb.lookup(place.replace("Of", "of")) or _named_after_country(place, kb)
            if alias is not None and alias.type == "country":
                return alias.country, offset
        offset += len(line) + 1
    return "", -1


def _named_after_country(place: str, kb: KnowledgeBase) -> Alias | None:
    """A city named after its country, 'Port Sudan', 'Kuwait City', 'Djibouti Ville': the country's name with
    one word before or after it."""
    words = place.split()
    if len(words) < 2:
        return None
    for name in (" ".join(words[1:]), " ".join(words[:-1])):
        alias = kb.lookup(name)
        if alias is not None and alias.type == "country" and alias.kind == "name":
            return alias
    return None


#: 'the government of Costa Rica', 'the government of the Republic of Panama', 'the military junta in Niger',
#: 'the generals in Niamey', 'the Ministry of Foreign Affairs of Peru'
_GOVERNMENT_OF_RE = re.compile(
    r"(?:[Tt]he|[Ii]ts)[ \t]+(?:[\w-]+[ \t]+)?(?:[Gg]overnments?|[Aa]uthorities|[Gg]enerals|"
    r"[Ll]eadership|[Rr]egime|[Jj]unta|[Rr]ulers|people|(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior)[ \t]+[Mm]inistry|"
    r"(?:[Mm]inistry|[Dd]epartment)[ \t]+of[ \t]+(?:[A-Z][\w-]*[ \t]+and[ \t]+)?(?:[Ff]oreign|[Ee]xternal)[ \t]+"
    # a long portfolio: 'the Ministry of Foreign Affairs and International Cooperation of Italy', 'the Ministry of
    # Foreign Affairs, Regional Integration and Burkinabe Abroad of Burkina Faso', 'the Ministry of Europe and
    # Foreign Affairs of France'
    r"[Aa]ffairs(?:,?[ \t]+(?:and[ \t]+)?(?:[A-Z][\w-]*[ \t]+){0,2}[A-Z][\w-]*){0,3})[ \t]+(?:of|in)[ \t]+"
    r"(?:the[ \t]+)?$"
    # 'Authorities in Bamako accused', 'officials in Beijing said': a plural body needs no article before it
    r"|(?<![\w-])(?:[Aa]uthorities|[Oo]fficials|[Rr]ulers)[ \t]+in[ \t]+$")


def _ends_with_linking_word(window: str) -> bool:
    """Whether `window` ends with 'of', 'in' or 'from' and white space, maybe then 'the' and white space: the
    end every reading of `_GOVERNMENT_OF_RE` and `_AGENTS_FROM_RE` has, tested before either regex runs (most
    mentions follow other words)."""
    if not window.endswith((" ", "\t")):
        return False
    # (the last two words are all it reads: cut from the end, not the whole window; a first piece with white
    # space before it still ends as the word does)
    words = window.rsplit(None, 2)
    if words and words[-1] == "the" and len(words) > 1:
        words.pop()
    return bool(words) and words[-1].endswith(("of", "in", "from"))


def _add_governments_of(text: str, raw: list[tuple[Mention, str]]) -> None:
    """'the government of Costa Rica' acts for Costa Rica: widen the country mention over the phrase."""
    for mention, _ in list(raw):
        if (mention.type == "country" and mention.via in ("name", "capital")) or (
                mention.type == "person" and mention.country):
            window = text[max(0, mention.start - 120):mention.start]
            if not _ends_with_linking_word(window):
                continue
            match = _GOVERNMENT_OF_RE.search(window) or (
                _AGENTS_FROM_RE.search(window) if mention.type == "country"
                and not re.match(r"[ \t]+[A-Z]", text[mention.end:mention.end + 2])
                and may_hold(window, _AGENT_WORDS) else None)
            # ('officials from the Pakistan High Commission': the country names a body, whose officials are
            # named as such only if the body is)
            if match and match.re is _AGENTS_FROM_RE and _OWNED_AGENT.search(window, 0, match.start()):
                continue  # 'the expulsion of its diplomat from Russia': another's staff, sent out of the place
            if match:
                start = mention.start - len(window) + match.start()
                raw.append((Mention(start, mention.end, text[start:mention.end], "country", mention.country,
                                    mention.country, "", "government"), ""))


#: 'envoys from the United States', 'top diplomats of Germany': people who act for the country named.
#: (`_AGENT_WORDS`: what every match holds, tested before it runs)
_AGENT_WORDS = ("envoy", "diplomat", "official", "minister", "delegat", "representative", "negotiator", "counterpart")
_AGENTS_FROM_RE = re.compile(r"\b(?:[Ee]nvoys?|[Dd]iplomats?|[Oo]fficials?|[Mm]inisters|[Dd]elegations?|[Dd]elegates|"
                             r"[Rr]epresentatives|[Nn]egotiators|[Cc]ounterparts)[ \t]+(?:from|of)[ \t]+"
                             r"(?:the[ \t]+)?$")
#: A possessive right before the agent noun ('its diplomat from', "Canada's envoys from"): the staff are the owner's
_OWNED_AGENT = re.compile(r"(?:\b(?:its|their|his|her|our)|['’]s?)[ \t]+(?:[a-z-]+[ \t]+)?$")
#: 'the Trump administration', "President Trump's government": a leader's government acts for the leader's country
_ADMIN_RE = re.compile(r"(?:['’]s?)?[ \t]+(?:administration|government|White House|cabinet|regime)(?![\w-])")


_PLACE_ANAPHORA = re.compile(r"\b[Tt]he\s+(canal|waterway|base|port|strait|dam|islands?)\b")
_PLACE_HEAD = {"waterway": "canal"}


@cache
def _regions() -> dict[str, frozenset[str]]:
    """Region words and the countries they describe (graph/data/regions.csv)."""
    return {row["region"]: frozenset(row["countries"].split()) for row in read_data("regions.csv")}


#: Words that describe a country without placing it ('the impoverished nation', words.csv COUNTRY_DESCRIPTION)
#: point back as 'the country' does; 'neighbouring' is not one of them: 'the neighbouring country' is another.
_DESCRIBED_NOUN = (r"(?:country|nation|state|kingdom|republic|monarchy|emirate|archipelago|island|giant|power|ally"
                   r"|neighbou?r|partner)")


@cache
def _described_re() -> re.Pattern[str]:
    regions = "|".join(sorted((re.escape(r) for r in _regions()), key=len, reverse=True))
    descriptions = "|".join(sorted((re.escape(d) for d in word_lists()["COUNTRY_DESCRIPTION"]), key=len,
                                   reverse=True))
    return re.compile(
        rf"(?<![\w-])[Tt]he[ \t]+(?:(?:{descriptions})(?:,)?[ \t]+)*(?:(?P<region>{regions})[ \t]+"
        rf"(?:(?:{descriptions}|island)[ \t]+)?|(?P<plain>(?:{descriptions})[ \t]+))"
        rf"{_DESCRIBED_NOUN}(?![\w-])(?![ \t]+of\b)(?!['’]s[ \t]+\w+[ \t]+of\b)")


#: 'the island nation', 'the archipelago': a description that fits island states only (words.csv ISLAND_STATES)
_ISLAND_STATE = re.compile(r"(?<![\w-])[Tt]he[ \t]+(?:island[ \t]+(?:nation|state|country|republic|kingdom)"
                           r"|archipelago|archipelagic[ \t]+(?:nation|state))(?![\w-])(?![ \t]+of\b)")


#: 'the Kingdom', 'the Sultanate' (regions.csv lists the states of each form), not 'the Kingdom of Spain'
_TITLED_STATE = re.compile(r"(?<![\w-])[Tt]he[ \t]+(Kingdom|Sultanate|Emirate|Principality)(?![\w-])(?![ \t]+of\b)")


def _add_described_countries(text: str, raw: list[tuple[Mention, str]]) -> None:
    """'The Central American country', 'the Gulf state', 'the impoverished nation': news names a country
    it has just named by describing it. A description with a region stands for the nearest country named
    before it in that region (in the last 1,500 characters); 'the island nation' and 'the archipelago' for the
    nearest island state named before; one without a region points back as 'the country' does. 'The Gulf state
    of Qatar' names its country itself and is left alone."""
    if "he " not in text:
        return
    # (a place such as Gaza or Crimea is no nation, state or kingdom a description points back to)
    countries = sorted((m for m, _ in raw if m.type == "country" and m.country and m.via not in ("private", "place")),
                       key=lambda m: m.start)
    starts = [m.start for m in countries]
    # (each pattern opens with 'the': it is matched only where 'the' stands)
    described = [(match, match.group("region"))
                 for match in matches_from(_described_re(), text, ("the",), word_start=True)]
    # 'the Kingdom', 'the Sultanate': a capitalised form of state stands for the nearest such state named before
    described += [(match, match.group(1)) for match in matches_from(_TITLED_STATE, text, ("the",), word_start=True)]
    described += [(match, "") for match in matches_from(_ISLAND_STATE, text, ("the",), word_start=True)]
    for match, region in described:
        if region is None:
            raw.append((Mention(match.start(), match.end(), match.group(), "pronoun", "nation", "", "",
                                "pronoun"), ""))
            continue
        # (with no island state named before, 'the island nation' points back as 'the nation' does)
        members = _regions()[region] if region else frozenset(word_lists()["ISLAND_STATES"])
        index = bisect_right(starts, match.start()) - 1
        while index >= 0 and countries[index].start > match.start() - 1500:
            found = countries[index]
            if found.country in members and found.end <= match.start():
                raw.append((Mention(match.start(), match.end(), match.group(), "country", found.country,
                                    found.country, "", "pronoun"), ""))
                break
            index -= 1


#: The compass words that tell apart the halves of a divided land ('North Korea', 'South Korea')
_COMPASS = ("North", "South", "East", "West")
_HALVES_CACHE: list = [None, []]  #: the knowledge base last asked and its divided lands


def _compass_halves(kb: KnowledgeBase) -> list[dict[str, str]]:
    """The divided lands the data knows: for each land that two countries' names share after a compass word
    ('North Korea', 'South Korea'), the country of each compass word. Pairs come from the data, not from a list
    of wordings; read once per knowledge base."""
    if _HALVES_CACHE[0] is kb:
        return _HALVES_CACHE[1]
    lands: dict[str, dict[str, str]] = {}
    for key, alias in kb.aliases.items():
        word, _, land = key.partition(" ")
        if word in _COMPASS and land and alias.type == "country" and alias.kind == "name" and alias.country:
            lands.setdefault(land, {})[word] = alias.country
    _HALVES_CACHE[:] = [kb, [by_word for by_word in lands.values() if len(set(by_word.values())) >= 2]]
    return _HALVES_CACHE[1]


#: 'the North', "the South's military", 'the South side': a compass word after 'the' with no name after it
#: ('the North Atlantic', 'the South China Sea' name places)
_BARE_HALF = re.compile(r"(?<![\w-])[Tt]he[ \t]+(North|South|East|West)(?![\w-])(?![ \t]+[A-Z])")


def _add_compass_halves(text: str, raw: list[tuple[Mention, str]], kb: KnowledgeBase) -> None:
    """'Seoul blamed the North', 'we urge the South side': in a text that names both halves of a divided land
    (North and South Korea), the bare compass word stands for the half it names. A text that names only one
    of them (or none) keeps 'the North' a region."""
    if not holds_any(text, tuple("he " + word for word in _COMPASS)):
        return  # most texts have no bare compass word: a few substring tests skip the rest
    named = {m.country for m, _ in raw if m.type == "country" and m.country}
    chosen: dict[str, str] = {}
    for by_word in _compass_halves(kb):
        if sum(country in named for country in set(by_word.values())) >= 2:
            chosen.update({word: country for word, country in by_word.items() if country in named})
    if not chosen:
        return
    for match in _BARE_HALF.finditer(text):
        country = chosen.get(match.group(1))
        if country:
            raw.append((Mention(match.start(1), match.end(1), match.group(1), "country", country, country, "",
                                "name"), ""))


#: A hyphen before a capital, which every pair of nationalities below has: a search for it (a literal, found in
#: C) tells most articles apart at once from the few that may hold such a pair
_JOINED_CAPITAL = re.compile(r"-[A-Z]")
#: Two nationalities joined by a hyphen before a noun of people: 'British-Iranian nationals' (not the
#: 'Russian-Turkish Business Association')
_DUAL = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)(?=\s+(?:dual\s+)?(?:nationals?|citizens?|man|men|woman|women|"
                   r"journalists?|academics?|researchers?|businessm[ae]n|aid\s+workers?|students?|prisoners?|"
                   r"detainees?|activists?)\b)")


def _add_dual_nationalities(text: str, raw: list[tuple[Mention, str]], kb: KnowledgeBase) -> None:
    """'two British-Iranian dual nationals held in Iran': the first nationality is the one a release or a
    consular complaint is about (the second is most often the country holding them); the pair is no name."""
    if not _JOINED_CAPITAL.search(text):
        return
    for match in _DUAL.finditer(text):
        first, second = kb.lookup(match.group(1)), kb.lookup(match.group(2))
        if first is None or second is None or first.kind != "demonym" or second.kind != "demonym":
            continue
        raw.append((Mention(match.start(1), match.end(1), match.group(1), "country", first.key, first.country,
                            "", "demonym"), ""))


#: Two nationalities joined by a hyphen before a tie: 'the Libyan-Italian friendship treaty', 'Peruvian-Chilean
#: relations'. Both are the parties of the tie.
_BILATERAL = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)(?=\s+(?:[a-z]+\s+)?(?:relations|ties|treaty|pact|accord|"
                        r"agreement|alliance|partnership)\b)")


def _add_bilateral_pairs(text: str, raw: list[tuple[Mention, str]], kb: KnowledgeBase) -> None:
    """'the termination of the Libyan-Italian friendship treaty': each nationality of the pair is a party."""
    if not _JOINED_CAPITAL.search(text):
        return
    for match in _BILATERAL.finditer(text):
        first, second = kb.lookup(match.group(1)), kb.lookup(match.group(2))
        if first is None or second is None or first.kind != "demonym" or second.kind != "demonym" \
                or first.country == second.country:
            continue
        for index, found in ((1, first), (2, second)):
            raw.append((Mention(match.start(index), match.end(index), match.group(index), "country", found.key,
                                found.country, "", "demonym"), ""))


@cache
def _named_pair() -> re.Pattern[str]:
    """Two names of up to three capitalised words joined by a hyphen before a noun of the pair (words.csv
    PAIR_NOUNS): 'the U.S.-South Korea talks', 'the China-Philippines standoff'. Up to two lower-case words may
    qualify the noun ('the Kenya-Uganda security talks', 'the India-Japan annual summit'); a word that joins or
    opens another phrase (words.csv PREPOSITIONS, NOT_PAIR_MODIFIERS) is none ('Israel-Gaza and normalisation
    talks': the talks are not the pair's)."""
    name = r"[A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*){0,2}"
    lists = word_lists()
    stops = "|".join(re.escape(word) for word in lists["PREPOSITIONS"] + lists["NOT_PAIR_MODIFIERS"])
    modifier = r"(?!(?:" + stops + r")\b)[a-z][a-z-]*[ \t]+"
    return re.compile(r"(?<![\w'’.-])(" + name + r")-(" + name + r")(?=\s+(?:" + modifier + r"){0,2}(?:" + "|".join(
        re.escape(word) for word in lists["PAIR_NOUNS"]) + r")\b)")


def _pair_part(kb: KnowledgeBase, text: str, start: int, end: int) -> tuple[int, Alias] | None:
    """The country a part of a named pair names, and where that name starts: capitalised words before it that are
    no part of it ('The US-China talks') are passed over."""
    while start < end:
        alias = kb.lookup(text[start:end])
        if alias is not None and alias.type == "country" and alias.kind in ("name", "capital"):
            return start, alias
        space = text.find(" ", start, end)
        if space < 0:
            return None
        start = space + 1
    return None


def _add_named_pairs(text: str, raw: list[tuple[Mention, str]], kb: KnowledgeBase) -> None:
    """'the U.S.-South Korea talks', 'the China-Philippines standoff': the two countries a hyphen joins before a
    noun of the pair are its parties, each a mention of its own (a name glued to a hyphen is found by no other
    scan, and a longer name's tail, 'Korea' of '-South Korea', gives way)."""
    if not _JOINED_CAPITAL.search(text):
        return
    for match in _named_pair().finditer(text):
        first = _pair_part(kb, text, match.start(1), match.end(1))
        second = kb.lookup(match.group(2))
        if first is None or second is None or second.type != "country" or second.kind not in ("name", "capital") \
                or first[1].country == second.country:
            continue
        raw[:] = [item for item in raw if not first[0] <= item[0].start < match.end()]
        for start, end, found in ((first[0], match.end(1), first[1]), (match.start(2), match.end(2), second)):
            raw.append((Mention(start, end, text[start:end], "country", found.key, found.country, "", found.kind),
                        ""))
    raw.sort(key=lambda item: item[0].start)


#: A name set off by a description of a place in another one: 'Magelang, a city in Central Java', 'Tuas, a port
#: town on the coast of Singapore'
_DESCRIBED_PLACE = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?),[ \t]+(?:a|an|the)[ \t]+"
                              r"(?:[a-z-]+[ \t]+){0,2}(?:city|town|port|village|resort|district|province|county|"
                              r"region|island)[ \t]+(?:in|on|of)[ \t]+(?:(?:the|southern|northern|eastern|western|"
                              r"central|coast|of)[ \t]+)*")


#: The comma and article that every `_DESCRIBED_PLACE` match has right after its name
_DESCRIPTION_OPENER = re.compile(r",[ \t]+(?:a|an|the)[ \t]")


def _described_places(text: str) -> list[re.Match[str]]:
    """The matches of `_DESCRIBED_PLACE` in the text, as its `finditer` gives them.

    A regex scan from every position of the text costs more than finding the few ', a' / ', the' the pattern
    needs after its name: the name ends at that comma, so a match can start only at the capitalised word right
    before the comma or at the one before that (two-word names)."""
    return anchored_matches(_DESCRIBED_PLACE, text, [start for opener in _DESCRIPTION_OPENER.finditer(text)
                                                     for start in _name_starts(text, opener.start())])


def _name_starts(text: str, end: int) -> list[int]:
    """The start of the `[A-Z][a-z]+` word ending at `end`, and that of such a word ending a space or tab before
    it (the two-word names of `_DESCRIBED_PLACE`)."""
    starts: list[int] = []
    while len(starts) < 2:
        at = end
        while at > 0 and "a" <= text[at - 1] <= "z":
            at -= 1
        if at == end or at == 0 or not "A" <= text[at - 1] <= "Z":
            break
        starts.append(at - 1)
        if at - 1 == 0 or text[at - 2] not in " \t":
            break
        end = at - 2
    return starts


def _add_described_places(text: str, raw: list[tuple[Mention, str]]) -> None:
    """'in Magelang, a city in Central Java': a place the lexicon does not know is in the country of the known
    place or country its description names, so that being there is being in that country."""
    if ", a" not in text and ", the" not in text:
        return
    by_start = {m.start: m for m, _ in raw if m.type == "country" and m.country and m.via in ("name", "capital",
                                                                                             "place")}
    taken = _Taken((m.start, m.end) for m, _ in raw)
    for match in _described_places(text):
        where = by_start.get(match.end())
        if where is None or taken.overlaps(match.start("name"), match.end("name")):
            continue
        raw.append((Mention(match.start("name"), match.end("name"), match.group("name"), "country", where.country,
                            where.country, "", "place"), ""))


def _add_place_anaphora(text: str, raw: list[tuple[Mention, str]]) -> None:
    """'the canal' after 'the Panama Canal' is the same place, in the same country."""
    places = sorted((m for m, _ in raw if m.via == "place"), key=lambda m: m.start)
    if not places:
        return
    starts = [m.start for m in places]
    for match in _PLACE_ANAPHORA.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        noun = _PLACE_HEAD.get(match.group(1).lower(), match.group(1).lower())
        while index >= 0:
            place = places[index]
            if place.text.lower().endswith(noun) and place.end <= match.start():
                raw.append((Mention(match.start(), match.end(), match.group(), "country", place.key,
                                    place.country, "", "place"), ""))
                break
            index -= 1


def _add_administrations(text: str, raw: list[tuple[Mention, str]], persons: dict[str, Person]) -> None:
    """'The Trump administration' acts for the person's country: add it as a government mention."""
    for mention, _ in list(raw):
        if mention.type == "person" and mention.country:
            match = _ADMIN_RE.match(text, mention.end)
            if match:
                # ("President Boric's government" names the person too: his name is kept as the mention's role)
                owner = mention.key if match.group().startswith(("'", "’")) else ""
                raw.append((Mention(mention.start, match.end(), text[mention.start:match.end()], "country",
                                    mention.country, mention.country, owner, "administration"), ""))


#: 'the Bush administration': a bare surname before 'administration' (no given name anywhere in the text)
_SURNAME_ADMIN_RE = re.compile(r"\b[Tt]he\s+(?P<surname>[A-Z][a-z'’-]+)\s+administration(?![\w-])")


@cache
def _leaders_by_surname() -> dict[str, frozenset[str]]:
    """The countries of the presidents and prime ministers the knowledge base knows, by surname (worked out once,
    not for every document that says 'administration')."""
    found: dict[str, set[str]] = {}
    for person in knowledge_base().people.values():
        if person.country and person.role in ("President", "Prime Minister"):
            found.setdefault(person.name.split()[-1], set()).add(person.country)
    return {surname: frozenset(countries) for surname, countries in found.items()}


def add_surname_administrations(text: str, raw: list[tuple[Mention, str]]) -> None:
    """'The Bush administration ordered the expulsion': an administration is named after its head by surname
    alone; when the known presidents and prime ministers of that surname are all of one country, it acts for
    that country (a surname shared by leaders of two countries names none)."""
    if "administration" not in text:
        return
    leaders = _leaders_by_surname()
    taken = _Taken((m.start, m.end) for m, _ in raw)  # (matches never overlap: what is added here never counts)
    for match in _SURNAME_ADMIN_RE.finditer(text):
        countries = leaders.get(match.group("surname"), frozenset())
        if len(countries) == 1 and not taken.overlaps(match.start(), match.end()):
            country = next(iter(countries))
            raw.append((Mention(match.start(), match.end(), match.group(), "country", country, country, "",
                                "administration"), ""))
