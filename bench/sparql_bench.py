"""SPARQL bench: the embedded default (on-disk Oxigraph) against rdflib's in-memory store.

Generates a synthetic event graph that follows the stancegraph model (countries, people, organisations,
policies, sources, stance events with mentions and shortcut triples; about 1,000,000 triples by
default), then measures, for each store, the load time and the median time of every named query with
its parameters, and prints them side by side with the ratios.

    python -m bench sparql_bench [--triples 1000000] [--repeat 5] [--seed 0] [--out bench/out]

Data goes to `bench/out/` (gitignored); results go to stdout.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pycountry

from graph import ontology, store

#: The named queries and the parameters they are timed with.
CASES: list[tuple[str, dict[str, str]]] = [
    ("countries-accepting-deportees", {}),
    ("stance-toward", {"focus": "USA"}),
    ("threats", {}),
    ("timeline", {"country": "MEX"}),
    ("people-and-roles", {"country": "USA"}),
    ("evidence", {"relation": "acceptsDeportees"}),
    ("stance-changes", {}),
    ("influence", {}),
]

SG = store.PREFIXES["sg"]
ID = "https://w3id.org/stancegraph/id/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = store.XSD
MODES = ("asserted", "planned", "conditional", "reported")
ROLES = ("President", "Foreign Minister", "Secretary of State", "Ambassador", "Interior Minister", "envoy")


def relation_table() -> list[tuple[str, int, float]]:
    """(local name, polarity, weight) of every stance relation declared in the ontology."""
    return [(r.name, r.polarity, r.weight) for r in ontology.relations().values()]


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def generate(path: Path, *, triples: int = 1_000_000, seed: int = 0) -> int:
    """Write a synthetic stancegraph graph of about `triples` triples as N-Triples; return the count.

    Actors and targets are skewed like news coverage (a few hub countries, USA the most targeted), so
    the parameterised queries select realistic slices rather than uniform ones.
    """
    rng = random.Random(seed)
    relations = relation_table()
    lines: list[str] = []

    def add(s: str, p: str, o: str) -> None:
        lines.append(f"{s} {p} {o} .\n")

    def sg(name: str) -> str:
        return f"<{SG}{name}>"

    countries = sorted(c.alpha_3 for c in pycountry.countries)
    names = {c.alpha_3: c.name for c in pycountry.countries}
    hubs = ["USA", "MEX", "CHN", "COL", "PAN", "GTM", "HND", "SLV", "VEN", "CRI"]
    for code in countries:
        iri = f"<{ID}country/{code}>"
        add(iri, RDF_TYPE, sg("Country"))
        add(iri, LABEL, _lit(names[code]))
        add(iri, sg("iso3"), _lit(code))
        add(iri, "<http://www.w3.org/2004/02/skos/core#altLabel>", _lit(f"{names[code]} government"))
        add(
            iri,
            "<http://www.w3.org/2002/07/owl#sameAs>",
            f"<http://www.wikidata.org/entity/Q{1000 + len(lines)}>",
        )

    def country_pick() -> str:
        return rng.choice(hubs) if rng.random() < 0.6 else rng.choice(countries)

    people: dict[str, list[str]] = {}
    for i in range(2500):
        code = country_pick()
        iri = f"<{ID}person/synthetic-person-{i}>"
        people.setdefault(code, []).append(iri)
        add(iri, RDF_TYPE, sg("Person"))
        add(iri, LABEL, _lit(f"Synthetic Person {i}"))
        add(iri, sg("country"), f"<{ID}country/{code}>")
        add(iri, sg("role"), _lit(rng.choice(ROLES)))
        if rng.random() < 0.5:
            add(iri, sg("roleStart"), _typed(date(2020, 1, 1) + timedelta(days=rng.randrange(1800)), "date"))
    orgs: dict[str, list[str]] = {}
    for i in range(400):
        code = country_pick()
        iri = f"<{ID}org/synthetic-org-{i}>"
        orgs.setdefault(code, []).append(iri)
        add(iri, RDF_TYPE, sg("Organization"))
        add(iri, LABEL, _lit(f"Synthetic Organization {i}"))
        add(iri, sg("country"), f"<{ID}country/{code}>")
    policies = [f"<{ID}policy/synthetic-policy-{i}>" for i in range(30)]
    for i, iri in enumerate(policies):
        add(iri, RDF_TYPE, sg("Program" if i % 5 == 0 else "Policy"))
        add(iri, LABEL, _lit(f"synthetic policy {i}"))

    start = date(2024, 1, 1)
    sources: list[tuple[str, date]] = []
    for i in range(max(200, triples // 150)):
        iri = f"<{ID}source/{i:016x}>"
        day = start + timedelta(days=rng.randrange(600))
        sources.append((iri, day))
        add(iri, RDF_TYPE, sg("SourceDocument"))
        add(iri, sg("path"), _lit(f"corpus/synthetic-{i:06d}.txt"))
        add(iri, "<http://purl.org/dc/terms/title>", _lit(f"Synthetic report {i}"))
        add(iri, "<http://purl.org/dc/terms/date>", _typed(day.isoformat(), "date"))
        add(iri, sg("contentHash"), _lit(f"{rng.getrandbits(128):032x}"))
        add(iri, sg("status"), _lit("extracted"))

    event_number = 0
    while len(lines) < triples:
        event_number += 1
        name, polarity, weight = rng.choice(relations)
        actor_country = country_pick()
        target_country: str | None = "USA" if rng.random() < 0.3 else country_pick()
        while target_country == actor_country:
            target_country = country_pick()
        roll = rng.random()
        if roll < 0.3 and people.get(actor_country):
            actor = rng.choice(people[actor_country])
        elif roll < 0.4 and orgs.get(actor_country):
            actor = rng.choice(orgs[actor_country])
        else:
            actor = f"<{ID}country/{actor_country}>"
        if name == "launchedProgram" or rng.random() < 0.03:
            target, target_country = rng.choice(policies), None
        elif rng.random() < 0.1 and people.get(target_country):
            target = rng.choice(people[target_country])
        else:
            target = f"<{ID}country/{target_country}>"
        event = f"<{ID}event/{event_number:016x}>"
        mentions = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
        chosen = [rng.choice(sources) for _ in range(mentions)]
        dated = rng.random() > 0.02
        first_day = min(day for _, day in chosen)
        sentence = f"Synthetic sentence {event_number} in which {actor_country} {name} someone."
        confidence = round(rng.uniform(0.5, 0.99), 2)
        add(event, RDF_TYPE, sg("StanceEvent"))
        add(event, sg("actor"), actor)
        add(event, sg("actorCountry"), f"<{ID}country/{actor_country}>")
        add(event, sg("relation"), sg(name))
        add(event, sg("target"), target)
        if target_country:
            add(event, sg("targetCountry"), f"<{ID}country/{target_country}>")
        add(event, sg("context"), rng.choice(policies))
        if dated:
            add(event, sg("date"), _typed(first_day.isoformat(), "date"))
        add(event, sg("mode"), sg(rng.choice(MODES)))
        add(event, sg("confidence"), _typed(confidence, "decimal"))
        add(event, sg("polarity"), _typed(polarity, "integer"))
        add(event, sg("weight"), _typed(weight, "decimal"))
        add(event, sg("mentionCount"), _typed(mentions, "integer"))
        add(event, sg("sequence"), _typed(rng.randrange(1, 25), "integer"))
        add(event, sg("evidence"), _lit(sentence))
        for m, (source, day) in enumerate(chosen):
            mention = f"<{ID}mention/{event_number:012x}{m:04x}>"
            begin = rng.randrange(5000)
            add(event, sg("hasMention"), mention)
            add(event, "<http://www.w3.org/ns/prov#wasDerivedFrom>", source)
            add(mention, RDF_TYPE, sg("Mention"))
            add(mention, sg("evidence"), _lit(sentence))
            add(mention, sg("start"), _typed(begin, "integer"))
            add(mention, sg("end"), _typed(begin + len(sentence), "integer"))
            add(mention, sg("source"), source)
            add(mention, sg("trigger"), _lit(name))
            add(mention, sg("mode"), sg(rng.choice(MODES)))
            add(mention, sg("confidence"), _typed(confidence, "decimal"))
            if dated:
                add(mention, sg("date"), _typed(day.isoformat(), "date"))
        add(actor, sg(name), target)
        if target_country and (not actor.endswith(f"/{actor_country}>") or not target.endswith(f"/{target_country}>")):
            add(f"<{ID}country/{actor_country}>", sg(name), f"<{ID}country/{target_country}>")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(lines)
    return len(lines)


class _OverBudget(Exception):
    """A query ran longer than its time limit."""


def _alarm(signum: int, frame: object) -> None:
    raise _OverBudget


def _median_time(run: Callable[[], int], repeat: int, budget: float, limit: int = 0) -> tuple[float, int | None]:
    """Median wall time of `run` over `repeat` calls (fewer once a call exceeds `budget` seconds).

    With `limit`, a call still running after `limit` seconds is interrupted (SIGALRM): the time is then
    reported as `limit` and the row count as None, so ratios computed from it are lower bounds.
    """
    times: list[float] = []
    rows: int | None = 0
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _ in range(repeat):
            began = time.perf_counter()
            signal.alarm(limit)
            try:
                rows = run()
            except _OverBudget:
                return float(limit), None
            finally:
                signal.alarm(0)
            times.append(time.perf_counter() - began)
            if times[-1] > budget:
                break
    finally:
        signal.signal(signal.SIGALRM, previous)
    return statistics.median(times), rows


def bench_oxigraph(
    nt: Path, workdir: Path, repeat: int, loads: int
) -> tuple[float, dict[str, tuple[float, int | None]]]:
    """Load with persist_store (on-disk bulk load; best of `loads`) and time each named query via `store.query`."""
    times = []
    for _ in range(loads):
        began = time.perf_counter()
        store.persist_store(nt, workdir / "store")
        opened = store.open_store(workdir / "store")
        times.append(time.perf_counter() - began)
    load = min(times)
    results = {}
    for name, params in CASES:
        store.query(name, graph=opened, params=params)  # warm the parse/check cache and the page cache
        results[name] = _median_time(
            lambda n=name, p=params: len(store.query(n, graph=opened, params=p)), repeat, budget=60
        )
    return load, results


def bench_rdflib(nt: Path, repeat: int, limit: int, loads: int) -> tuple[float, dict[str, tuple[float, int | None]]]:
    """Load into rdflib's in-memory store (best of `loads`) and time each named query (prepared, parameters
    as initBindings). rdflib gets half the repeats and each run is cut after `limit` seconds (0: no limit).
    """
    import rdflib
    from rdflib.plugins.sparql import prepareQuery

    times = []
    for _ in range(loads):
        began = time.perf_counter()
        graph = rdflib.Graph()
        graph.parse(nt, format="nt")
        times.append(time.perf_counter() - began)
    load = min(times)
    library = store.named_queries()
    results = {}
    for name, params in CASES:
        named = library[name]
        prepared = prepareQuery(named.text)
        bindings = {
            rdflib.Variable(key): rdflib.URIRef(store.bind_param(named.param(key), value).value)
            for key, value in params.items()
        }
        results[name] = _median_time(
            lambda p=prepared, b=bindings: len(list(graph.query(p, initBindings=b))),
            max(1, repeat // 2),
            budget=20,
            limit=limit,
        )
    return load, results


def report(triples: int, oxigraph: tuple, rdflib_: tuple) -> str:
    """The side-by-side table: load time, then each query's median, with rdflib/Oxigraph ratios."""
    (ox_load, ox_q), (rd_load, rd_q) = oxigraph, rdflib_
    lines = [
        f"SPARQL bench: {triples:,} triples; embedded Oxigraph (on-disk store) vs rdflib in-memory; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        f"{'step':<32}{'oxigraph s':>12}{'rdflib s':>12}{'ratio':>9}  rows (ox/rdflib)",
        f"{'load':<32}{ox_load:>12.2f}{rd_load:>12.2f}{rd_load / ox_load:>8.1f}x",
    ]
    for name, _ in CASES:
        (t_ox, n_ox), (t_rd, n_rd) = ox_q[name], rd_q[name]
        if n_rd is None:
            note = f"  {n_ox}/-  (rdflib stopped after {t_rd:.0f}s: ratio is a lower bound)"
        else:
            note = f"  {n_ox}/{n_rd}" + ("" if n_ox == n_rd else "  (row counts differ)")
        lines.append(f"{name:<32}{t_ox:>12.4f}{t_rd:>12.3f}{t_rd / t_ox:>8.1f}x{note}")
    total_ox = sum(t for t, _ in ox_q.values())
    total_rd = sum(t for t, _ in rd_q.values())
    bound = " (lower bound)" if any(n is None for _, n in rd_q.values()) else ""
    lines.append(f"{'all named queries':<32}{total_ox:>12.4f}{total_rd:>12.3f}{total_rd / total_ox:>8.1f}x{bound}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench sparql_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=600, help="stop an rdflib query after this many seconds")
    parser.add_argument("--loads", type=int, default=2, help="loads per store (the fastest is reported)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out", help="folder for the data")
    parser.add_argument("--rdflib", action="store_true",
                        help="also run the queries on rdflib's in-memory store for comparison (about 6 minutes)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    nt = args.out / f"synthetic-{args.triples}-{args.seed}.nt"
    began = time.perf_counter()
    count = generate(nt, triples=args.triples, seed=args.seed)
    print(f"generated {count:,} triples in {time.perf_counter() - began:.1f}s -> {nt}", flush=True)
    oxigraph = bench_oxigraph(nt, args.out / "oxigraph", args.repeat, args.loads)
    if not args.rdflib:
        load, queries = oxigraph
        print(f"SPARQL bench: {count:,} triples in the embedded Oxigraph store (on disk); rdflib comparison with "
              f"`python -m bench sparql_bench --rdflib`\n{'load':<32}{load:>10.2f} s")
        for name, (seconds, rows) in queries.items():
            print(f"{name:<32}{seconds:>10.4f} s  {rows} rows")
        size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file()) / 1e6
        print(f"data left in {args.out} ({size:.0f} MB; delete it when done)")
        return 0
    print("oxigraph done; running rdflib (slow)", flush=True)
    rdflib_ = bench_rdflib(nt, args.repeat, args.limit, args.loads)
    print(report(count, oxigraph, rdflib_))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
