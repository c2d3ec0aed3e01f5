"""The party a trigger governs: its object after it, an object it shares with a coordinated verb, or the subject
of a clause it is said of.

'demanded that Cambodia withdraw' (`_right_targets`, in `right_targets`), 'urged Maduro to'
(`_object_target`), 'expelled and barred the envoys of Chile' (`_shared_object`), 'the control of the Chinese
Communist Party over the canal is a threat' (`_subject_target`); lists after the trigger give one target each
('condemned Japan, the Philippines and Australia'), rates each on their own parties ('10% on China and 25% on
Canada and Mexico').
"""

from __future__ import annotations

import re
from functools import cache

from graph.actors import word_classes
from graph.extract.attribution import _is_target
from graph.extract.candidates import _Candidate
from graph.extract.coordination import (
    _COMMA_AND,
    _after_preposition,
    _coordinated,
    _coordinated_back,
    _following_list,
    _listed_with,
)
from graph.extract.dates import _WEEKDAYS
from graph.extract.document import _Doc
from graph.extract.no_object import _act_suffered, _object_of_move_named_back, _only_a_site_named, _victim_before
from graph.extract.right_targets import (
    _CHARGE_OPENED,
    _PLACE_IN_BEFORE,
    _TITLE_BEFORE_NAME,
    _description_before_name,
)
from graph.extract.senders import _MIGRATION
from graph.records import Mention

_PLACE_BEFORE = re.compile(r"\b(?:to|in|at)\s+(?:the\s+)?$")

_CONDEMN = re.compile(r"(?:condemn|denounc|deplor)", re.I)
_CALLS_TO = re.compile(r"\s+to\s+[a-z]+\b")


@cache
def _state_act_noun() -> re.Pattern[str]:
    """Acts only a state does where they happen (words.csv STATE_ACTS: 'condemned the crackdown on protesters in
    Iran'): the place is the doer."""
    return re.compile(r"\b(?:" + word_classes()["STATE_ACTS"] + r")\b", re.I)


@cache
def _counted_list_gap() -> re.Pattern[str]:
    """'three Poles and two Lithuanians', 'two Swedes and a Dutchman': a count before each people of a list, after
    words.csv COUNTED_PEOPLE perhaps (also one counted by where they are from: 'one French citizen and one from the
    U.K.')."""
    return re.compile(r"(?:\s+(?:" + word_classes()["COUNTED_PEOPLE"] + r"))?"
                      r"\s*(?:,|,?\s+and)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
                      r"(?:\s+(?:other|more|dual|[a-z]+-[a-z]+))?\s+(?:from\s+(?:the\s+)?)?")


def _charge_names_no_doer(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> bool:
    """'condemned al-Shabaab for firing mortars into Kenya', 'condemning the occupation of Peru', 'condemned the
    fighting in eastern Congo': the first party of the object suffers the act, is part of the charge or is where
    it happens; the one blamed is no state named, and none is guessed."""
    following = next((m for m in mentions if m.start >= candidate.end and _is_target(m, actor)), None)
    if following is None or following.start - candidate.end > 80 \
            or _SENTENCE_MARK.search(doc.text[candidate.end:following.start]):
        return False
    if _victim_before().search(doc.text, max(candidate.end, following.start - 30), following.start):
        return True
    if following.start - candidate.end > 12 and not _PRONOUN_OBJECT.match(doc.text, candidate.end) \
            and _PLACE_IN_BEFORE.search(doc.text, max(candidate.end, following.start - 20), following.start) \
            and not _state_act_noun().search(doc.text, candidate.end, following.start):
        # 'condemned the rebel advance in eastern Congo': where the act happens, not who does it ('accusing them
        # of the break-up of protests in Tbilisi' names the accused before the place)
        return True
    charge = _CHARGE_OPENED.search(doc.text, candidate.end, following.start)
    # ('accusing him of directing Kigali's support': a pronoun stands for a party named before)
    return charge is not None and not _PRONOUN_OBJECT.fullmatch(doc.text, candidate.end, charge.start())


def _owner_of_titled(doc: _Doc, mention: Mention, following: Mention) -> bool:
    """Whether a country names the office of the person right after it ("Fiji's prime minister Sitiveni Rabuka",
    'Solomon Islands prime minister Manasseh Sogavare'): the person is the one addressed, the country only
    qualifies the title, so the words after the country are no clause of its own."""
    if mention.type != "country" or following.type != "person" or following.country != mention.country:
        return False
    owner = _POSSESSIVE_MARK.match(doc.text[mention.end:following.start])
    at = mention.end + (owner.end() if owner else 0)
    title = _description_before_name().search(doc.text, at, following.start)
    return title is not None and title.start() == at + 1 and doc.text[at:at + 1].isspace()


#: Words an editor puts in square brackets inside a quotation: '[Saud al-Faisal]', '[allegations]'
_EDITORS_INSERT = re.compile(r"\s*\[[^\[\]\n]{1,60}\]")
_PRONOUN_OBJECT = re.compile(r"\s+(?:him|her|them|it)\s+", re.I)

#: A relative clause set off by commas right after the one addressed: ', which organises the forum,'
_RELATIVE_ON_ADDRESSEE = re.compile(r",\s+(?:which|who)\s+[^,;:.!?\"“”]{1,150},")

#: What follows the one warned when the warning asks something of it: 'warned Laos (not) to halt the project'
_WARNED_TO = re.compile(r"['’]?s?\s+(?:[\w-]+\s+){0,2}?(?:not\s+)?to\s+(?!the\b|a\b|an\b|its\b|their\b)[a-z]")


#: Patterns of the checks below, compiled once (they run for every party after a demand)
_SENTENCE_MARK = re.compile(r"[.;:!?]")
_POSSESSIVE_MARK = re.compile(r"['’]s?")
_COMMA_TO_FOR = re.compile(r",\s+(?:to|for)\b")
_CLAUSE_MARK = re.compile(r"[.;:!?,]")
_ADDRESSEE_GAP = re.compile(r"\s*(?:that\s+)?(?:the\s+)?(?:[\w-]+\s+)?")
_THAT_NEXT = re.compile(r"\s*that\b")
_TELL = re.compile(r"tel|told", re.I)


#: A person pronoun as the object right before the infinitive of what is asked: 'urge him to reconsider'
_ADDRESSED_PRONOUN = re.compile(r"\s+(?:him|her)\s+(?:not\s+)?to\s+[a-z]")


def _addressed_pronoun(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """'telephoned the Pakistani prime minister to urge him to reconsider': 'him' or 'her' right after the demand
    and before an infinitive is the one addressed, the person named before (elsewhere such a pronoun is no party:
    'visit her family')."""
    if _ADDRESSED_PRONOUN.match(doc.text, candidate.end) is None:
        return None
    pronoun = next((m for m in mentions if m.start > candidate.end and m.via == "pronoun"), None)
    if pronoun is None or pronoun.type != "person" or not pronoun.country or pronoun.country == actor.country \
            or doc.text[candidate.end:pronoun.start].strip():
        return None
    return pronoun


@cache
def _states_described() -> re.Pattern[str]:
    """'appealed to the neighbouring countries of Mali and Burkina Faso': a plural noun of states (words.csv
    STATES_NOUNS) right before the named ones describes them; the states are the ones addressed."""
    return re.compile(r"\s(?:the\s+)?(?:[\w-]+\s+)?(?:" + word_classes()["STATES_NOUNS"] + r")\s+(?:of\s+)?$", re.I)


def _object_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """The party a demand is addressed to: 'urge Maduro to', 'pressed Mexico on', 'demanded that Panama'."""
    pronoun = _addressed_pronoun(doc, candidate, mentions, actor)
    if pronoun is not None:
        return [pronoun]
    apposed = _APPOSED_ADDRESSEE.match(doc.text, candidate.end)
    if apposed is not None:
        # 'urged his Venezuelan counterpart, Nicolas Maduro, to avoid ...': the person named in the apposition
        person = next((m for m in mentions if m.start == apposed.end() and m.type == "person"), None)
        if person is not None and _is_target(person, actor) \
                and _COMMA_TO_FOR.match(doc.text[person.end:person.end + 7]):
            return [person]
    for index, mention in enumerate(mentions):
        if mention.start < candidate.end:
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if mention.via == "demonym" and following is not None and following.type == "person" \
                and following.country == mention.country \
                and _TITLE_BEFORE_NAME.search(doc.text, candidate.end, following.start):
            continue  # 'urged Mexican Foreign Secretary Juan Ramón de la Fuente to': the person is addressed
        if following is not None and _owner_of_titled(doc, mention, following):
            continue  # "asked Fiji's prime minister Sitiveni Rabuka to": the office holder is addressed
        gap = doc.text[candidate.end:mention.start]
        if mention.type == "person":
            gap = _description_before_name().sub(" ", gap)
        elif mention.type == "country":
            gap = _states_described().sub(" ", gap)
        if len(gap.split()) > 3 or _CLAUSE_MARK.search(gap):
            return []
        if not _ADDRESSEE_GAP.fullmatch(gap):
            return []
        group = _following_list(doc, mention, mentions)
        if doc.text[candidate.head_start:candidate.head_end].lower().startswith("warn"):
            if gap.strip() in ("", "the") and _DUTY_TOLD.match(doc.text, group[-1].end) and _is_target(mention, actor):
                return [m for m in group if _is_target(m, actor)]  # 'warned Rwanda and the DRC that they must halt'
            if not (gap.strip() in ("", "the") and _WARNED_TO.match(doc.text, group[-1].end)):
                return []  # 'warned Laos of consequences': a threat; only 'warned Laos (not) to halt' asks something
        if (_THAT_NEXT.match(gap) or doc.text[candidate.head_start:candidate.end].lower().endswith(" that")) \
                and _is_target(mention, actor):
            return [m for m in group if _is_target(m, actor)]
        # ('expect the Saudi foreign minister [Saud al-Faisal] to': an editor's insert in brackets is no word of it)
        after = _EDITORS_INSERT.sub("", doc.text[group[-1].end:group[-1].end + 100])[:60]
        day = _ON_WEEKDAY.match(after)
        if day is not None:
            after = after[day.end():]  # 'told Bukele on Monday that ...': the day is no topic pressed 'on'
        relative = _RELATIVE_ON_ADDRESSEE.match(doc.text, group[-1].end)
        if relative is not None and _is_target(mention, actor):
            # 'called on Qatar, which hosts the forum, to raise gas output': what is asked follows the relative
            after = doc.text[relative.end():relative.end() + 60]
        if _is_target(mention, actor) and _TELL.match(doc.text[candidate.head_start:candidate.head_end]) \
                and _DUTY_TOLD.match(doc.text, group[-1].end):
            return [m for m in group if _is_target(m, actor)]
        if _is_target(mention, actor) and _TELL.match(doc.text[candidate.head_start:candidate.head_end]) \
                and _held_over(doc, candidate, mention, group[-1].end):
            return [m for m in group if _is_target(m, actor)]
        if _offer_told().match(doc.text, group[-1].end):
            return []  # 'told Lula on Monday that China would help fund railways': an offer told, nothing asked
        if _TELL.match(doc.text[candidate.head_start:candidate.head_end]) \
                and _OWN_PLAN_TOLD.match(doc.text, group[-1].end):
            return []  # 'told Japan on Friday that it would suspend imports': the teller's own plan, nothing asked
        if _is_target(mention, actor) and _ADDRESSEE_AND_OTHERS.match(after):
            return [m for m in group if _is_target(m, actor)]
        # ('called on Uganda "to withdraw ...", 'asked Fiji "respectfully" to': what is asked may be quoted)
        if _is_target(mention, actor) and re.match(r"['’]?s?\s*[\"“]?(?:[\w-]+[\"”]?\s+){0,3}?(?:to|on|into|over|for)\b"
                                                   r"|\s+(?:must|should|stop|halt|end|take|accept|release)\b"
                                                   # 'expects Bangladesh's cooperation': what is asked of it
                                                   r"|['’]s?\s+(?:full\s+|active\s+)?(?:cooperation|support|"
                                                   r"help|assistance|compliance|backing)\b", after):
            return [m for m in group if _is_target(m, actor)]
        if _is_target(mention, actor) and re.match(r"(?:demand|request|insist)", doc.text[candidate.head_start:
                                                                                      candidate.head_end], re.I) \
                and _bare_verb_after().match(after):
            return [m for m in group if _is_target(m, actor)]  # 'demand Laos recall its envoy'
        return []
    return []


#: What one is told will happen unless one acts: ' on Friday that Washington would act if China did not stop',
#: up to the party the condition is on
_IF_NOT_ACTING = re.compile(r"(?:\s+on\s+\w+)?\s+that\s+[^.;:]{0,120}?\bif\s+(?:the\s+)?(?P<party>[\w.'’-]+)")
_NOT_ACTING = re.compile(r"(?:[\s\w.'’-]{0,30}?)\s+(?:does\s+not|do\s+not|did\s+not|doesn['’]t|don['’]t|didn['’]t|"
                         r"fails?\s+to|failed\s+to|refuses?\s+to|refused\s+to)\s+[a-z]")


def _held_over(doc: _Doc, candidate: _Candidate, addressee: Mention, end: int) -> bool:
    """'told Chinese leaders on Friday that Washington was prepared to take further action if China did not stop
    supplying components': what the addressee is told will follow unless it acts asks that act of it (the party
    after 'if' is the addressee's country, or 'it' and 'they' for it)."""
    told = _IF_NOT_ACTING.match(doc.text, end, candidate.sentence.end)
    if told is None or not _NOT_ACTING.match(doc.text, told.end("party"), candidate.sentence.end):
        return False
    if told.group("party") in ("it", "they"):
        return True
    return any(m.start == told.start("party") and m.country == addressee.country
               for m in doc.mentions(candidate.sentence))


#: A day right after the addressee: ' on Monday' tells when, not what the addressee is pressed on
_ON_WEEKDAY = re.compile(r"\s+on\s+(?:" + "|".join(_WEEKDAYS) + r")\b")


#: The addressee listed with others that are no party before what is asked of all: 'urge Japan and the wider
#: international community to', "asked Cambodia's fisheries ministry and naval forces to release"
_ADDRESSEE_AND_OTHERS = re.compile(r"(?:['’]s?\s+(?:[\w-]+\s+){1,3}?|\s+)and\s+(?:(?:the|its|their|other)\s+)?"
                                   r"(?:[\w-]+\s+){1,3}?to\s+(?!the\b|a\b|an\b|its\b|their\b)[a-z]")


@cache
def _scope_of_reach() -> re.Pattern[str]:
    """A region or the world as the reach of an influence word (words.csv INFLUENCE_SCOPE), inside its wording or
    right after it: 'increase its Pacific sway', 'growing influence in the Pacific'; or an activity, a gerund right
    after it: 'its growing influence in brokering ceasefires' is a sway over a kind of work, over no country."""
    scope = word_classes()["INFLUENCE_SCOPE"]
    return re.compile(r"\b(?:" + scope + r")\b|^\s+(?:in|across|over|throughout|around)\s+(?:the\s+)?(?:wider\s+)?"
                      r"(?:" + scope + r")\b|^\s+(?:in|over)\s+[a-z]+ing\b", re.I)


def _reach_is_a_region(doc: _Doc, candidate: _Candidate) -> bool:
    """An influence that reaches a region or the world names no one country it sways: guessing the document's
    main country for it makes 'Beijing has vied to increase its Pacific sway' a sway over New Zealand."""
    if candidate.relation != "exertsInfluenceOn":
        return False
    pattern = _scope_of_reach()
    return pattern.search(doc.text[candidate.head_start:candidate.end]) is not None \
        or pattern.match(doc.text[candidate.end:candidate.end + 40]) is not None


def _no_one_to_guess(doc: _Doc, candidate: _Candidate) -> bool:
    """Wording whose other side the sentence leaves unnamed on purpose, so the document's main country is no
    guess for it: an influence over a region ('its Pacific sway'), a demand about hostages whose only country
    named is the one attacked ('called for the release of hostages after the attack against Israel by Hamas')."""
    return _reach_is_a_region(doc, candidate) or (
        candidate.relation == "demands"
        and _act_suffered().search(doc.text, candidate.end, candidate.sentence.end) is not None) \
        or _only_a_site_named(doc, candidate)


@cache
def _offer_told() -> re.Pattern[str]:
    """What is told is the teller's own help (words.csv HELP_OFFERED): 'that China would help fund', 'that Tokyo will
    support'."""
    return re.compile(r"\s+(?:[\w-]+\s+){0,3}?that\s+(?:it|he|she|they|we|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+"
                      r"(?:would|will|was\s+ready\s+to|is\s+ready\s+to|stood\s+ready\s+to)\s+(?:also\s+)?"
                      r"(?:" + word_classes()["HELP_OFFERED"] + r")\b")


#: What is told is a duty of the one told or of its people: 'told Peru that it must release', 'told Chile that
#: diplomats should be reduced' (a named party after 'that' is another's duty)
_DUTY_TOLD = re.compile(r"\s+(?:[\w-]+\s+){0,3}?that\s+(?:[a-z][\w-]*\s+){1,3}?(?:must|should|has\s+to|have\s+to|"
                        r"needs?\s+to|ought\s+to)\b")
#: What is told is what the teller will do: 'on Friday that it would suspend', 'that they will'
_OWN_PLAN_TOLD = re.compile(r"\s+(?:[\w-]+\s+){0,3}?that\s+(?:it|they|we)\s+(?:would|will)\s+"
                            r"(?!have\s+to\b|need\b|face\b|be\s+(?:required|expected|asked)\b)")
#: An addressee described before the name it is set off by commas: 'his Venezuelan counterpart, '.
#: ('asked the U.S. chargé d'affaires, Gabriel Escobar, for explanations': an envoy named after his office)
_APPOSED_ADDRESSEE = re.compile(r"\s+(?:his|her|their|its|the)\s+(?:[A-Z][\w.-]*\s+)?(?:counterpart|president|leader|"
                                r"prime\s+minister|foreign\s+minister|premier|ambassador|envoy|"
                                r"charg[eé]\s+d['’]affaires)s?,\s+")


@cache
def _bare_verb_after() -> re.Pattern[str]:
    """A verb's bare form after the addressee of a demand ('demanded that Cambodia withdraw', 'demand Cambodia
    recall its envoy'): a lower-case word that is no function word (words.csv NO_BARE_VERB) and no past, '-s' or
    '-ing' form."""
    return re.compile(r"\s+(?:immediately\s+|promptly\s+)?(?!(?:" + word_classes()["NO_BARE_VERB"] + r")\b)"
                      r"[a-z]+(?<!ed)(?<!ing)(?<![^s]s)\b")


@cache
def _violent_act() -> re.Pattern[str]:
    """A violent act that is condemned (words.csv VIOLENT_ACTS): 'the suicide attack', 'the bombing'."""
    return re.compile(r"\b(?:" + word_classes()["VIOLENT_ACTS"] + r")\b", re.I)


def _shared_object(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> Mention | None:
    """'Brazil cut ties with Israel, and Chile and Mexico withdrew their ambassadors': a measure with no party
    of its own, in a clause joined to one that names its object, is against that object."""
    if candidate.relation in _MIGRATION:
        return None
    head = _coordinated(doc, mentions, actor)[0]
    before = [m for m in mentions if m.end <= head.start]
    if not before or not _COMMA_AND.fullmatch(doc.text, before[-1].end, head.start):
        return None
    shared = before[-1]
    if _is_target(shared, actor) and _after_preposition(doc, shared, mentions, candidate.sentence.start):
        return shared
    return None


@cache
def _owner_of_subject() -> re.Pattern[str]:
    """'the control of the Chinese Communist Party over the canal area is a threat': the party whose control,
    presence or influence (words.csv OWNED_CONDUCT) the subject is, named after 'of' inside the subject itself."""
    return re.compile(r"\b(?:" + word_classes()["OWNED_CONDUCT"] + r")\s+(?:(?:taken|imposed|adopted|introduced|"
                      r"announced)\s+)?(?:of|by)\s+(?:the\s+)?$")


_SUBJECT_TAIL = re.compile(r"(?:\s+(?:over|in|on|near|around|across|at|along)\s+(?:the\s+)?[\w'’ -]{1,40}?)?\s*")


#: A verb of charging right before a party: 'accused Iran', 'blamed the Taliban'
_CHARGED_BEFORE = re.compile(r"\b(?:accus|blam|condemn|denounc|criticis|criticiz)\w*\s+(?:the\s+)?$", re.I)
#: A summons of a party's envoy around the party: 'summoned the Chinese ambassador', "summoned Pakistan's envoy"
_SUMMONED_BEFORE = re.compile(r"\b(?:summon\w*|call(?:ed|s)?\s+in)\s+(?:the\s+)?$", re.I)
_ENVOY = re.compile(r"(?:[\w'’.-]+\s+){0,3}?(?:ambassador|envoy|charg[ée]\s+d['’]affaires|diplomat)", re.I)
#: Envoys called home from a party: 'recalled its envoys from Lima', 'envoys were recalled from Lima'; the party
#: may be named with its envoys ('recalled [its envoys from Lima]')
_RECALLED_FROM = re.compile(r"\brecall\w*\s+(?:(?:its|their|the|our|\w+['’]s)\s+)?(?:\w+\s+)?(?:(?:envoys?|"
                            r"ambassadors?|diplomats?|representatives?)\s+(?:\w+\s+)?)?from\s+(?:the\s+)?$", re.I)
_RECALLED_WITH_ENVOYS = re.compile(r"\brecall\w*\s+(?:its|their|the|our|\w+['’]s)\s+(?:\w+\s+)?$", re.I)
_ENVOYS_FROM = re.compile(r"(?:envoys?|ambassadors?|diplomats?|representatives?)\s+(?:\w+\s+)?from\b", re.I)


def _recalled_from(doc: _Doc, mention: Mention, start: int) -> bool:
    """Whether `mention` is the party envoys are recalled from: 'recalled its envoys from Lima'."""
    begin = max(start, mention.start - 60)
    return bool(_RECALLED_FROM.search(doc.text, begin, mention.start)
                or _ENVOYS_FROM.match(mention.text) and _RECALLED_WITH_ENVOYS.search(doc.text, begin, mention.start))


#: A verb joined to the one before it: '... and warned', '... and also threatened'
_JOINED_VERB_BEFORE = re.compile(r"\band\s+(?:(?:also|then|later|\w+ly)\s+)?$")
#: A comma right before a participle, done by the clause's subject: '..., demanding'
_COMMA_BEFORE = re.compile(r",\s+(?:\w+ly\s+)?$")


def _charged_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """'Afghanistan accused Iran of airstrikes and warned of consequences': a threat with no party of its own,
    joined by 'and' to a charge of the same subject, is against the party charged, and one joined to a recall of
    envoys is against the parties they were recalled from; one joined to a summons of an envoy is to the envoy's
    country."""
    participle = doc.text[candidate.head_start:candidate.head_end].lower().endswith("ing") and _COMMA_BEFORE.search(
        doc.text, max(candidate.sentence.start, candidate.head_start - 16), candidate.head_start) is not None
    if not participle and not _JOINED_VERB_BEFORE.search(
            doc.text, max(candidate.sentence.start, candidate.head_start - 20), candidate.head_start):
        return []
    before = [m for m in mentions if m.end <= candidate.head_start and m.start > actor.end and _is_target(m, actor)]
    if before and _recalled_from(doc, before[0], candidate.sentence.start):
        # 'recalled its envoys from Lima and La Paz and threatened consequences': against those it recalled them from
        return [m for m in _following_list(doc, before[0], mentions) if _is_target(m, actor)]
    if not before:
        return []
    opening = doc.text[max(candidate.sentence.start, before[0].start - 20):before[0].start]
    if not _CHARGED_BEFORE.search(opening) and not (_SUMMONED_BEFORE.search(opening)
                                                    and _ENVOY.match(doc.text, before[0].start)):
        # ('Tokyo summoned the Chinese ambassador and demanded that it never recur': a demand with no party of
        # its own, told to the envoy summoned, is to the envoy's country)
        return []
    return [before[0]] if all(m.country == before[0].country for m in before) else []


def _owned_by_object(doc: _Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """'arms sales to China's Taiwan region': a party owned by a prepositional object is inside that object
    too, not the subject."""
    owner = next((m for m in reversed(mentions) if m.end <= mention.start), None)
    return owner is not None and re.fullmatch(r"['’]s?\s+", doc.text[owner.end:mention.start]) is not None \
        and _after_preposition(doc, owner, mentions, doc.sentence_at(owner.start).start)


#: Between a noun of a charged act and its doer: 'the interference of Laos', 'aggression by Russia'
_DOER_OF = re.compile(r"\s+(?:of|by)\s+(?:the\s+)?")


#: A doer left unnamed right before the act: 'any actions that would', 'those who seek to', 'anyone who'
_UNNAMED_DOER = re.compile(r"\b(?:(?:any|such|those|all)\s+(?:[a-z-]+\s+){0,2}?[a-z]+|anyone|anybody)\s+"
                           r"(?:that|which|who)\s+(?:(?:would|could|might|may|will|can|seeks?\s+to|tr(?:y|ies)\s+to)\s+)?$")


@cache
def _anyone_judged() -> re.Pattern[str]:
    """'any Chadian official believed to be': whoever a policy may come to judge (words.csv JUDGED_PARTICIPLES)."""
    return re.compile(r"\bany\s+(?:[\w-]+\s+){1,3}?(?:" + word_classes()["JUDGED_PARTICIPLES"]
                      + r")\s+to\s+(?:be\s[^.;:]{0,60}?)?$", re.I)


def _subject_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """What is called a threat: the party before 'is a threat', or, after 'That is', the previous sentence's."""
    if _UNNAMED_DOER.search(doc.text, max(candidate.sentence.start, candidate.head_start - 60), candidate.head_start):
        return []  # 'concerns about any actions that would undermine the region': no party does it
    if _anyone_judged().search(doc.text, max(candidate.sentence.start, candidate.head_start - 120),
                               candidate.head_start):
        return []  # 'visas for any Chadian official believed to be responsible for ...': nobody is charged yet
    if candidate.relation in _MIGRATION and _people_before().search(doc.text, max(0, candidate.head_start - 60),
                                                                    candidate.head_start):
        return []  # 'a video of migrants reportedly deported to Brazil': a participle of the people, no one's act
    for mention in reversed(mentions):
        if mention.end <= candidate.head_start and candidate.relation == "demands" \
                and _stateless_clause_subject(doc, mention, candidate):
            break  # 'the agency published reports under pressure from the U.S.': a body of no state is pressed
        if mention.end <= candidate.head_start and _is_target(mention, actor) and _charged_act(candidate) \
                and _voiced_charge().search(doc.text, mention.end, candidate.head_start):
            break  # 'A and B met and condemned recent ceasefire violations': who condemns did not violate
        if mention.end <= candidate.head_start and _is_target(mention, actor) and mention.via != "place" \
                and not _listed_with(doc, mention, actor) and not _owned_by_object(doc, mention, mentions) \
                and not _object_of_move_named_back(doc, candidate, mention) \
                and (not _after_preposition(doc, mention, mentions, candidate.sentence.start)
                     or _owner_of_subject().search(doc.text, max(candidate.sentence.start, mention.start - 40),
                                                 mention.start)
                     and _SUBJECT_TAIL.fullmatch(doc.text, mention.end, candidate.head_start)):
            if candidate.relation == "meetsWith" or candidate.trigger.list:
                # 'Saudi Arabia and Iran agreed ..., following talks hosted by China': the host meets them all;
                # 'the US and South Korea will face consequences': each party of the subject list faces them
                return [m for m in _coordinated_back(doc, mentions, mention) if _is_target(m, actor)]
            # 'these countries' stands for every party of the list it points back to
            return [m for m in mentions if (m.start, m.end) == (mention.start, mention.end) and _is_target(m, actor)]
    if candidate.relation == "accuses" and doc.text[candidate.head_start:candidate.head_start + 1].islower():
        doer = next((m for m in mentions if m.start >= candidate.head_end), None)
        if doer is not None and _is_target(doer, actor) \
                and _DOER_OF.fullmatch(doc.text, candidate.head_end, doer.start):
            return [doer]  # 'the interference of Laos in its affairs': the doer of the act charged
    before = doc.text[candidate.sentence.start:candidate.head_start].strip(" “\"'")
    if re.match(r"(?:That|This|It|Such)\b", before) and candidate.sentence.index > 0 \
            and not (_charged_act(candidate) and _voiced_charge().search(before)):
        # ('It pointed out violations': the pronoun is the one who voices the charge, not the previous sentence's party)
        previous = doc.sentences[candidate.sentence.index - 1]
        ranked = sorted((m for m in doc.mentions(previous) if _is_target(m, actor)),
                        key=lambda m: (m.via == "place", m.start))
        return ranked[:1]
    return []


@cache
def _people_before() -> re.Pattern[str]:
    """People sent back named right before the trigger, an adverb perhaps between (words.csv MIGRANTS: 'migrants
    reportedly '): the trigger is a participle that describes them, and the clause's subject did not do it."""
    return re.compile(r"(?<![\w-])(?:" + word_classes()["MIGRANTS"] + r")\s+(?:[a-z]+ly\s+)?$", re.I)


def _stateless_clause_subject(doc: _Doc, mention: Mention, candidate: _Candidate) -> bool:
    """Whether the mention is a body of no one state (the IAEA, the UN) in the trigger's own clause, with no
    break between: then that body is the subject the wording is said of, not a state named further back."""
    return mention.type == "organization" and not mention.country \
        and not re.search(r"[,;:.!?\"“”]", doc.text[mention.end:candidate.head_start])


def _charged_act(candidate: _Candidate) -> bool:
    """Whether the wording names the act charged, its doer the subject and its accuser the speaker ('violations'),
    rather than a stance whose subject is the one who holds it ('a demand by Mexico')."""
    return candidate.relation == "accuses" and candidate.trigger.actor == "speaker"


@cache
def _voiced_charge() -> re.Pattern[str]:
    """A verb of condemning or pointing out (words.csv CONDEMNING_VERBS, VOICING_VERBS) before a charge's noun: the
    one who voices the charge is its subject, so the party before that verb is no doer of the act charged."""
    return re.compile(r"\b(?:" + word_classes()["CONDEMNING_VERBS"] + "|" + word_classes()["VOICING_VERBS"]
                      + r")\b", re.I)


def _any_target(doc: _Doc, candidate: _Candidate, mentions: list[Mention], actor: Mention) -> list:
    """The closest country (not a person) anywhere in the sentence.

    A party listed with the actor is none when a clause break stands between their list and the trigger: 'Sweden
    and Norway sought to isolate the rulers, halting cooperation' halts it with the rulers, not with each other.
    """
    options = [m for m in mentions if m.type == "country" and _is_target(m, actor)
               and not (candidate.head_start <= m.start < candidate.end + 12 and m.country == actor.country)
               and not (m.end <= candidate.head_start and actor.end <= candidate.head_start
                        and "," in doc.text[max(m.end, actor.end):candidate.head_start]
                        and (_listed_with(doc, m, actor) or _listed_with(doc, actor, m)))]
    if not options:
        return []
    closest = min(options, key=lambda m: abs(m.start - candidate.head_start))
    if candidate.trigger.list and closest.start >= candidate.head_end:
        # 'run terminals in Belgium, Israel and Spain': a list after the wording is every place of it
        return [m for m in _following_list(doc, closest, mentions) if _is_target(m, actor)]
    return [closest]
