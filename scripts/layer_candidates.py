"""Candidates of the learned-layer experiment (scripts/train_layer.py): every ordered pair of countries one
sentence names, as the mention stage finds them, with its features and its sentence-level labels; and the rule
events whose two countries stand in their sentence (the population of the filter variant).
"""

from __future__ import annotations

import csv
import pickle
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT / "tests/data/news/train"
TUNE = [ROOT / "tests/data/devset", ROOT / "tests/data/heldout"]
DEV = ROOT / "tests/data/news/dev"
SYMMETRIC = {"meetsWith", "agreesToCooperate"}
NEED_TRIGGER = [False]  #: --need-trigger: propose a relation only where the lexicon matched a trigger of it
TOKEN = re.compile(r"[A-Za-z0-9À-ÿ]+(?:['’.-][A-Za-z0-9À-ÿ]+)*|[,;:()\"“”]")


@dataclass
class Pair:
    """One candidate: an ordered pair of countries in one sentence, with its features and labels."""

    doc: str
    sentence: int
    actor: str
    target: str
    features: dict[str, float]
    labels: set[str] = field(default_factory=set)
    labelled: bool = False
    ruled: bool = False  #: the rules gave an event to this pair (either order) in this sentence
    text: str = ""  #: the sentence, for listing proposals
    span: str = ""  #: the text from the first party to the second, for static vectors
    vector: list[float] = field(default_factory=list)


def stem(word: str) -> str:
    """A crude stem so that 'expelled', 'expels' and 'expel' share one feature."""
    w = word.lower().replace("’", "'")
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def cue_words() -> tuple[set[str], set[str]]:
    """Negation or refusal words, and modal or conditional words, from words.csv (single words; stems with *)."""
    from graph.actors import word_lists

    lists = word_lists()

    def words(*classes: str) -> set[str]:
        return {w.rstrip("*").lower() for c in classes for w in lists[c] if " " not in w}

    return words("NEG", "REFUSE"), words("PLANNED", "CONDITIONAL")


def scoped(tokens: list[str], neg: set[str], mod: set[str]) -> list[str]:
    """Tokens with negation and modality marked on the words in their scope (up to four words, to punctuation)."""
    out, mark, left = [], "", 0
    for tok in tokens:
        low = tok.lower()
        if not tok[0].isalnum():
            mark, left = "", 0
            continue
        if any(low == w or (len(w) > 3 and low.startswith(w)) for w in neg):
            mark, left = "NOT_", 4
            out.append("CUE_NEG")
            continue
        if low in mod:
            mark, left = ("MOD_" if mark != "NOT_" else mark), 4
            out.append("CUE_MOD")
            continue
        out.append(mark + stem(tok) if left else stem(tok))
        if left:
            out.append(stem(tok))
            left -= 1
            if not left:
                mark = ""
    return out


def country_of(mention) -> str:
    """The ISO3 code a mention stands for at country level ('' for none, or for a country's private parties)."""
    if mention.via == "private":
        return ""
    if mention.type == "country":
        return mention.country or mention.key
    return mention.country or ""


def pair_features(text: str, sent, a, b, triggers: list, rules: list, neg: set[str], mod: set[str]) -> dict:
    """The features of the ordered pair (actor mention a, target mention b) in sentence `sent`."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = TOKEN.findall(text[first.end:second.start])
    before = TOKEN.findall(text[sent.start:first.start])[-5:]
    after = TOKEN.findall(text[second.end:sent.end])[:5]
    f: dict[str, float] = {"order:" + ("AB" if a is first else "BA"): 1.0}
    for name, m in (("a", a), ("b", b)):
        f[f"via_{name}:{m.via or m.type}"] = 1.0
        f[f"type_{name}:{m.type}"] = 1.0
        prev = TOKEN.findall(text[max(sent.start, m.start - 25):m.start])
        f[f"prev_{name}:{stem(prev[-1]) if prev else '^'}"] = 1.0
        nxt = TOKEN.findall(text[m.end:min(sent.end, m.end + 25)])
        f[f"next_{name}:{stem(nxt[0]) if nxt else '$'}"] = 1.0
    n = len([t for t in between if t[0].isalnum()])
    f["gap:" + ("0-2" if n <= 2 else "3-6" if n <= 6 else "7-12" if n <= 12 else "13+")] = 1.0
    for tok in scoped(between, neg, mod):
        f["bt:" + tok] = 1.0
    for tok in scoped(before, neg, mod):
        f["bf:" + tok] = 1.0
    for tok in scoped(after, neg, mod):
        f["af:" + tok] = 1.0
    if any(q in text[sent.start:sent.end] for q in '"“”'):
        f["quoted"] = 1.0
    for cand in triggers:
        where = "in" if first.end <= cand.head_start < second.start else \
            "before" if cand.head_start < first.start else "after"
        rel = cand.relation or cand.trigger.relation
        f[f"trig_{where}:{rel}"] = 1.0
        f[f"trig:{rel}"] = 1.0
        if cand.negated:
            f[f"trigneg:{rel}"] = 1.0
    for ev in rules:
        if ev.actor_country == country_of(a):
            f[f"rule_a_actor:{ev.relation}"] = 1.0
        if ev.target_country == country_of(b):
            f[f"rule_b_target:{ev.relation}"] = 1.0
        if ev.actor_country == country_of(b):
            f[f"rule_b_actor:{ev.relation}"] = 1.0
    return f


@dataclass
class RuleEvent:
    """A rule event whose two countries stand in its sentence: the population of the filter variant."""

    doc: str
    triple: tuple[str, str, str]
    features: dict[str, float]
    right: bool = False  #: the labelled sentence states this fact
    labelled: bool = False


def states(actor: str, relation: str, target: str, facts: set) -> bool:
    """Whether the labelled facts of a sentence include this triple (any alternative; symmetric both ways)."""
    for fa, fr, ft in facts:
        if relation not in fr.split("|"):
            continue
        actors, targets = set(fa.split("|")), set(ft.split("|"))
        if (actor in actors and target in targets) or (relation in SYMMETRIC and target in actors
                                                       and actor in targets):
            return True
    return False


def collapse(text: str) -> tuple[str, list[int]]:
    """Text with runs of white space made one space, and the original offset of each kept character."""
    out, where, space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                out.append(" ")
                where.append(i)
            space = True
        else:
            out.append(ch)
            where.append(i)
            space = False
    return "".join(out), where


def gold_spans(text: str, rows: list[dict]) -> tuple[list[tuple[int, int, set]], int]:
    """Where each labelled sentence stands in the text, with its facts; and how many could not be placed."""
    flat, where = collapse(text)
    by_sentence: dict[str, set] = defaultdict(set)
    for row in rows:
        facts = by_sentence[row["sentence"]]
        if row["relation"] != "NONE":
            facts.add((row["actor"], row["relation"], row["target"]))
    spans, lost = [], 0
    for sentence, facts in by_sentence.items():
        key = " ".join(sentence.split())
        at = flat.find(key)
        if at < 0:
            at = flat.find(key[:60])
        if at < 0:
            lost += 1
            continue
        end = min(at + len(key), len(where)) - 1
        spans.append((where[at], where[end] + 1, facts))
    return spans, lost


def labels_for(actor: str, target: str, facts: set) -> set[str]:
    """The relations the labelled facts give the ordered pair (alternatives count; symmetric both ways)."""
    out = set()
    for fa, fr, ft in facts:
        rels = fr.split("|")
        actors, targets = set(fa.split("|")), set(ft.split("|"))
        if actor in actors and target in targets:
            out.add(rels[0])
        elif target in actors and actor in targets and rels[0] in SYMMETRIC:
            out.add(rels[0])
    return out


def documents_of(folder: Path) -> list:
    """The articles of a set folder, read as `evaluate` reads them."""
    from graph.documents import read_documents

    articles = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))
    return list(read_documents(articles))


def pairs_of_set(folder: Path, sentence_rows: dict[str, list[dict]] | None) -> tuple[list[Pair], dict]:
    """Every candidate pair of a set and the rule events of each document (doc -> set of triples)."""
    from graph.actors import find_actors
    from graph.extract.candidates import _find_candidates, _is_sports
    from graph.extract.document import _Doc
    from graph.extract.run import extract_or_skip

    neg, mod = cue_words()
    pairs: list[Pair] = []
    ruled_events: list[RuleEvent] = []
    rule_triples: dict[str, set] = {}
    lost = 0
    for document in documents_of(folder):
        name = Path(document.source).stem
        result = extract_or_skip(document)
        rule_triples[name] = {(e.actor_country, e.relation, e.target_country) for e in result.events
                              if e.actor_country and e.target_country}
        if document.skipped:
            continue
        text = document.text
        actors = find_actors(text)
        doc = _Doc(document, actors)
        doc.sports = _is_sports(text)
        triggers_by: dict[int, list] = defaultdict(list)
        for cand in _find_candidates(doc):
            triggers_by[cand.sentence.index].append(cand)
        spans: list = []
        if sentence_rows is not None:
            spans, miss = gold_spans(text, sentence_rows.get(name, []))
            lost += miss
        for sent in doc.sentences:
            mentions = [m for m in actors.between(sent.start, sent.end) if country_of(m)]
            codes = sorted({country_of(m) for m in mentions})
            if len(codes) < 2:
                continue
            rules = [e for e in result.events if sent.start <= e.start < sent.end]
            ruled = {(e.actor_country, e.target_country) for e in rules}
            facts, labelled = set(), False
            for start, end, span_facts in spans:
                overlap = min(end, sent.end) - max(start, sent.start)
                if overlap > 0.5 * min(end - start, sent.end - sent.start):
                    facts |= span_facts
                    labelled = True
            for ev in rules:
                a_ms = [m for m in mentions if country_of(m) == ev.actor_country]
                b_ms = [m for m in mentions if country_of(m) == ev.target_country]
                if not a_ms or not b_ms or ev.actor_country == ev.target_country:
                    continue
                a, b = min(((x, y) for x in a_ms for y in b_ms),
                           key=lambda p: (abs(p[0].start - p[1].start), p[0].start, p[1].start))
                feats = pair_features(text, sent, a, b, triggers_by.get(sent.index, []), [], neg, mod)
                feats |= {f"rel:{ev.relation}": 1.0, f"mode:{ev.mode}": 1.0,
                          f"trigger:{' '.join(stem(w) for w in ev.trigger.split()[:2])}": 1.0}
                triple = (ev.actor_country, ev.relation, ev.target_country)
                ruled_events.append(RuleEvent(name, triple, feats, states(*triple, facts), labelled))
            for actor in codes:
                for target in codes:
                    if actor == target:
                        continue
                    a_ms = [m for m in mentions if country_of(m) == actor]
                    b_ms = [m for m in mentions if country_of(m) == target]
                    a, b = min(((x, y) for x in a_ms for y in b_ms),
                               key=lambda p: (abs(p[0].start - p[1].start), p[0].start, p[1].start))
                    feats = pair_features(text, sent, a, b, triggers_by.get(sent.index, []), rules, neg, mod)
                    pairs.append(Pair(name, sent.index, actor, target, feats, labels_for(actor, target, facts),
                                      labelled, (actor, target) in ruled or (target, actor) in ruled,
                                      " ".join(sent.text.split()),
                                      " ".join(text[min(a.start, b.start):max(a.end, b.end)].split())))
    if sentence_rows is not None:
        print(f"  {folder.name}: {lost} labelled sentences not placed in their text", file=sys.stderr)
    RULE_EVENTS[str(folder)] = ruled_events
    return pairs, rule_triples


#: the rule events of each set read (folder -> list), kept beside the pairs in the cache
RULE_EVENTS: dict[str, list[RuleEvent]] = {}


def read_sentence_rows() -> dict[str, list[dict]]:
    """The rows of gold_sentences.csv by document."""
    rows: dict[str, list[dict]] = defaultdict(list)
    with open(TRAIN / "gold_sentences.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["doc"]].append(row)
    return rows


def written_rows(paths: list[Path], folder: Path) -> dict[str, list[dict]]:
    """Write the texts of sentence-level CSV files (`id,style,text,facts`; tests/data/sentences/) into `folder`,
    one article each, and return their labelled rows by document as gold_sentences.csv gives them (the whole
    text is the labelled span; an optional fact, '?', counts as stated: it is a plausible reading)."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for path in paths:
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                doc = row["id"]
                (folder / f"{doc}.txt").write_text(row["text"].strip() + "\n", encoding="utf-8")
                facts = [f.strip().lstrip("?") for f in row["facts"].split(";") if f.strip()]
                for fact in facts:
                    if fact == "NONE":
                        rows[doc].append({"sentence": row["text"], "actor": "", "relation": "NONE", "target": ""})
                        continue
                    actor, relation, target = fact.split()
                    rows[doc].append({"sentence": row["text"], "actor": actor, "relation": relation,
                                      "target": target})
    return rows


def load_written(paths: list[Path], cache: Path | None) -> list[Pair]:
    """The candidate pairs of the written sentence-level texts, labelled (cached like `load`)."""
    import tempfile

    path = cache / "written.pkl" if cache else None
    if path is not None and path.exists():
        return pickle.loads(path.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "written"
        folder.mkdir()
        rows = written_rows(paths, folder)
        pairs, _ = pairs_of_set(folder, rows)
    add_vectors(pairs)
    if path is not None:
        path.write_bytes(pickle.dumps(pairs))
    return pairs


def load(folder: Path, labelled: bool, cache: Path | None) -> tuple[list[Pair], dict]:
    """The pairs of a set and its rule triples; with `cache`, kept on disk between runs (delete the folder after
    changing any code: it is keyed by the set's name only)."""
    path = cache / f"{folder.parent.name}_{folder.name}.pkl" if cache else None
    if path is not None and path.exists():
        data, RULE_EVENTS[str(folder)] = pickle.loads(path.read_bytes())
        return data
    data = pairs_of_set(folder, read_sentence_rows() if labelled else None)
    add_vectors(data[0])
    if path is not None:
        path.write_bytes(pickle.dumps((data, RULE_EVENTS[str(folder)])))
    return data


def add_vectors(pairs: list[Pair]) -> None:
    """Static word vectors (wordllama, 256-d, bundled in its wheel; no download) of the text between the two
    parties, as features 'emb:k' (used only with --vectors)."""
    import shutil
    import tempfile

    import wordllama
    from wordllama import WordLlama

    # its loader looks for the bundled tokenizer in the wrong folder and would then download it: give it a
    # cache folder holding the bundled file, and forbid downloads
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "tokenizers").mkdir()
        bundled = Path(wordllama.__file__).parent / "tokenizers" / "l2_supercat_tokenizer_config.json"
        shutil.copy(bundled, Path(folder) / "tokenizers" / bundled.name)
        model = WordLlama.load(cache_dir=folder, disable_download=True)
    if not pairs:
        return
    vectors = model.embed([p.span for p in pairs], norm=True)
    for p, v in zip(pairs, vectors, strict=True):
        p.vector = [float(x) for x in v]
