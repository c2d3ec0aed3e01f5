"""How long the HTML view takes to open on a large graph: 5,000 nodes and 15,000 edges in headless Chromium.

Builds a synthetic store in memory (200 countries, 4,800 people, 15,000 stance events with evidence
sentences, from a fixed random seed), renders it at actor level with graph.render, opens the page from
the file system in Chromium (Debian's /usr/bin/chromium, network blocked), and prints:

- the Python side: load_events + view data (edges aggregated, bent around the focus) + HTML, and the
  page size;
- first stable render: from navigation start until the last frame drawn before the page stays still for
  half a second (the page's own clock, ``performance.now()``);
- then what a reader does, each until the next frame is drawn: a zoom by mouse wheel, a click on the
  focus (side panel with its events, newest first), and a move of the date slider (filters, re-fit).

The target (issue 11) is a stable first render in under 5 s. Run ``python -m bench render_bench``
(``make bench`` runs every bench module). Optional arguments: nodes and edges, e.g. ``1000 3000``.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import pycountry
import pyoxigraph as ox

from graph.analyze import load_events
from graph.render import CHROMIUM, CHROMIUM_ARGS, render_events

SG = "https://w3id.org/stancegraph/ontology#"
ID = "https://w3id.org/stancegraph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PROV_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
#: (relation, polarity, weight) used for the synthetic events.
RELATIONS = [
    ("acceptsDeportees", 1, 5.0),
    ("refusesDeportees", -1, -5.0),
    ("visits", 1, 2.0),
    ("meetsWith", 1, 2.0),
    ("agreesToCooperate", 1, 4.0),
    ("threatenedSanctions", -1, -6.0),
    ("accuses", -1, -3.0),
    ("rejects", -1, -4.0),
    ("demands", -1, -5.0),
    ("exertsInfluenceOn", 0, 0.0),
]


def synthetic_store(n_nodes: int = 5000, n_edges: int = 15000, *, seed: int = 0) -> ox.Store:
    """A store following the stancegraph model with `n_nodes` actors and `n_edges` stance events."""
    rng = random.Random(seed)
    codes = sorted(c.alpha_3 for c in pycountry.countries)[: max(2, min(200, n_nodes // 25))]
    if "USA" not in codes:
        codes[0] = "USA"
    sg = lambda name: ox.NamedNode(SG + name)  # noqa: E731
    quads: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(s, p, o))

    actors: list[tuple[ox.NamedNode, str]] = []
    for code in codes:
        node = ox.NamedNode(f"{ID}country/{code}")
        add(node, RDF_TYPE, sg("Country"))
        add(node, RDFS_LABEL, ox.Literal(pycountry.countries.get(alpha_3=code).name))
        actors.append((node, code))
    for index in range(n_nodes - len(codes)):
        code = codes[index % len(codes)]
        node = ox.NamedNode(f"{ID}person/person-{index:05d}")
        add(node, RDF_TYPE, sg("Person"))
        add(node, RDFS_LABEL, ox.Literal(f"Official {index:05d}"))
        add(node, sg("country"), ox.NamedNode(f"{ID}country/{code}"))
        actors.append((node, code))
    source = ox.NamedNode(f"{ID}source/{'0' * 16}")
    add(source, RDF_TYPE, sg("SourceDocument"))
    add(source, sg("path"), ox.Literal("bench/synthetic.txt"))
    decimal, integer, date = (ox.NamedNode(XSD + t) for t in ("decimal", "integer", "date"))
    for index in range(n_edges):
        if index < len(actors):  # every actor takes part in at least one event
            partner = rng.choice(actors[:index] or actors[1:])
            (actor, actor_code), (target, target_code) = actors[index], partner
        else:
            (actor, actor_code), (target, target_code) = rng.sample(actors, 2)
        if rng.random() < 0.3:  # a third of the events involve the focus, as in real reporting
            target, target_code = ox.NamedNode(f"{ID}country/USA"), "USA"
        relation, polarity, weight = rng.choice(RELATIONS)
        event = ox.NamedNode(f"{ID}event/{index:016x}")
        add(event, RDF_TYPE, sg("StanceEvent"))
        add(event, sg("actor"), actor)
        add(event, sg("actorCountry"), ox.NamedNode(f"{ID}country/{actor_code}"))
        add(event, sg("relation"), sg(relation))
        add(event, sg("target"), target)
        add(event, sg("targetCountry"), ox.NamedNode(f"{ID}country/{target_code}"))
        add(event, sg("date"), ox.Literal(f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}", datatype=date))
        add(event, sg("sequence"), ox.Literal(str(index), datatype=integer))
        add(event, sg("confidence"), ox.Literal(f"{rng.uniform(0.4, 1.0):.2f}", datatype=decimal))
        add(event, sg("polarity"), ox.Literal(str(polarity), datatype=integer))
        add(event, sg("weight"), ox.Literal(str(weight), datatype=decimal))
        outcome = rng.choice(["well", "badly"])
        add(
            event,
            sg("evidence"),
            ox.Literal(
                f"Officials said on day {index % 365} that talks on item {index} went {outcome}"
                " and that a decision <b>& more</b> would follow."
            ),
        )
        add(event, PROV_DERIVED, source)
    store = ox.Store()
    store.bulk_extend(quads)
    return store


#: JavaScript: a promise for the next frame the network draws after `action` runs, in milliseconds.
NEXT_FRAME = """action => new Promise(resolve => {
    const start = performance.now();
    stancegraph.network.once("afterDrawing", () => resolve(performance.now() - start));
    action();
})"""


def measure(html_path: Path) -> dict[str, float]:
    """Open the page in headless Chromium with the network blocked; return timings in seconds."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith("file://")
                    else (blocked.append(route.request.url), route.abort())
                ),
            )
            page.goto(html_path.resolve().as_uri(), wait_until="load", timeout=120_000)
            page.wait_for_function("() => window.__stancegraphReady === true", timeout=120_000, polling=50)
            # stable: no frame drawn for half a second
            page.wait_for_function("() => performance.now() - window.__stancegraphLastDraw > 500", timeout=120_000,
                                   polling=100)
            stable = page.evaluate("window.__stancegraphLastDraw") / 1000
            counts = page.evaluate(
                "[stancegraph.network.body.nodeIndices.length, stancegraph.network.body.edgeIndices.length,"
                " stancegraph.data.events.length]"
            )
            page.evaluate(
                "() => { window.__frame = new Promise(r => stancegraph.network.once('afterDrawing', () => r(true))); }"
            )
            page.mouse.move(500, 450)
            start = time.perf_counter()
            page.mouse.wheel(0, -300)
            page.evaluate("window.__frame")
            zoom = time.perf_counter() - start
            click = page.evaluate(
                "() => { const t = performance.now(); stancegraph.showNode(stancegraph.data.nodes.find("
                "n => n.country === stancegraph.data.focus && n.type === 'country').id); "
                "return [performance.now() - t, document.querySelectorAll('#details .event').length]; }"
            )
            slider = page.evaluate(NEXT_FRAME.replace("action()", """(() => {
                const input = document.getElementById("date-to");
                input.value = String(Math.floor(Number(input.max) / 2));
                input.dispatchEvent(new Event("input"));
            })()"""), None)
            shown = page.evaluate("stancegraph.shown.reduce((a, b) => a + b, 0)")
        finally:
            browser.close()
    return {
        "stable": stable,
        "zoom": zoom,
        "click": click[0] / 1000,
        "listed": click[1],
        "slider": slider / 1000,
        "shown": shown,
        "nodes_drawn": counts[0],
        "edges_drawn": counts[1],
        "events": counts[2],
        "requests_blocked": len(blocked),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the render benchmark; exit 1 when the page takes 10 s or more to become interactive."""
    args = sys.argv[1:] if argv is None else argv
    n_nodes, n_edges = (int(args[0]), int(args[1])) if len(args) >= 2 else (5000, 15000)
    if not Path(CHROMIUM).exists():
        print(f"render bench skipped: {CHROMIUM} not found (apt-get install chromium)")
        return 0
    t0 = time.perf_counter()
    store = synthetic_store(n_nodes, n_edges)
    t1 = time.perf_counter()
    events = load_events(store)
    t2 = time.perf_counter()
    html = render_events(events, focus="USA", level="actor")
    t3 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        path.write_text(html, encoding="utf-8")
        browser = measure(path)
    print(f"render bench: {n_nodes} nodes, {n_edges} events (actor level)")
    print(f"  synthetic store        {t1 - t0:6.2f} s")
    print(f"  load_events (SPARQL)   {t2 - t1:6.2f} s")
    print(f"  view data + HTML       {t3 - t2:6.2f} s   ({len(html.encode()) / 1e6:.1f} MB)")
    print(f"  first stable render    {browser['stable']:6.2f} s   (navigation -> last frame; target < 5 s)")
    print(f"  zoom (mouse wheel)     {browser['zoom']:6.2f} s")
    print(f"  click -> side panel    {browser['click']:6.2f} s   ({browser['listed']} events listed)")
    print(f"  date slider -> frame   {browser['slider']:6.2f} s   ({browser['shown']} events left)")
    print(
        f"  drawn: {browser['nodes_drawn']} nodes, {browser['edges_drawn']} edges for {browser['events']} events; "
        f"network requests blocked: {browser['requests_blocked']}"
    )
    return 0 if browser["stable"] < 5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
