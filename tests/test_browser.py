"""The HTML view in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Every request that is not a file:// URL is blocked and recorded; a view must make none, log no console
error, draw every node and edge it embeds, and show hostile evidence as text. Clicks, typing and sliders
go through the page as a reader would use them. The expected counts are those of
tests/data/analysis/stances.ttl (see tests/test_render.py). The screenshot test draws the bundled corpus
with the side panel open on Colombia; `make screenshot` writes that picture to docs/screenshot.png.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graph.analyze import load_events
from graph.build import build as build_graph
from graph.outputs import atomic_write_bytes
from graph.render import CHROMIUM as CHROMIUM_PATH
from graph.render import CHROMIUM_ARGS, render_events, view_data, write_html
from graph.store import open_store

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
STANCES = REPO / "tests" / "data" / "analysis" / "stances.ttl"
SCREENSHOT = REPO / "docs" / "screenshot.png"
CHROMIUM = Path(CHROMIUM_PATH)
HOSTILE_EVIDENCE = (
    "Mulino said \"no\" & 'never' </script><script>window.__pwned=1</script> "
    '<img src=x onerror="window.__pwned=1"> \u2028end.'
)


def chromium() -> Path | None:
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


@pytest.fixture(scope="module")
def browser():
    executable = chromium()
    if executable is None:
        pytest.skip("Chromium not found (/usr/bin/chromium): install the Debian package, e.g. `make browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@dataclass
class View:
    """An opened graph.html with everything the browser tried to fetch and every error it logged."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)


def open_view(browser, path: Path, *, width: int = 1280, height: int = 800) -> View:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    view = View(page)

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith("file://"):
            request_route.continue_()
        else:
            view.requests.append(url)
            request_route.abort()

    context.route("**/*", route)
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:")) else view.requests.append(r.url))
    page.on("console", lambda m: view.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: view.errors.append(str(e)))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.__stancegraphReady === true", timeout=30_000)
    return view


def clean(view: View) -> bool:
    """No request left the page and nothing was logged as an error."""
    return view.requests == [] and view.errors == []


def write_view(events, path: Path, **options) -> Path:
    path.write_text(render_events(events, **options), encoding="utf-8")
    return path


def node_point(view: View, label: str) -> tuple[float, float]:
    """Where the node labelled `label` is on the screen."""
    return tuple(view.js(
        """label => {
            const net = stancegraph.network;
            const node = stancegraph.data.nodes.find(n => n.label === label);
            const dom = net.canvasToDOM(net.getPositions([node.id])[node.id]);
            const box = document.getElementById("network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        label,
    ))


def click_node(view: View, label: str) -> None:
    x, y = node_point(view, label)
    view.page.mouse.click(x, y)
    view.page.wait_for_selector("#details h3", timeout=5_000)


def set_range(view: View, selector: str, value: int) -> None:
    """Move a slider as a reader would: the value changes and an input event fires."""
    view.js(
        """([selector, value]) => {
            const input = document.querySelector(selector);
            input.value = String(value);
            input.dispatchEvent(new Event("input", {bubbles: true}));
        }""",
        [selector, value],
    )


def visible_events(view: View) -> list[dict]:
    """The events that the filters let through: [date, relation] of each."""
    return view.js("stancegraph.data.events.filter(e => stancegraph.shown[e.id]).map(e => [e.date, e.relation])")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("views")
    store = open_store(STANCES)
    return {
        level: write_html(store, folder / f"{level}.html", focus="USA", level=level) for level in ("country", "actor")
    }



@pytest.mark.parametrize(("level", "nodes", "edges"), [("country", 9, 14), ("actor", 16, 16)])
def test_view_draws_every_node_and_edge_offline(browser, pages, level, nodes, edges):
    view = open_view(browser, pages[level])
    counts = view.js(
        "[stancegraph.nodes.length, stancegraph.edges.length,"
        " stancegraph.network.body.nodeIndices.length, stancegraph.network.body.edgeIndices.length]"
    )
    assert counts == [nodes, edges, nodes, edges]
    assert view.js("document.querySelectorAll('#legend .legend-row').length") > 6
    assert view.js("document.getElementById('focus-warning').hidden") is True
    # node labels are drawn after the edges, on a white halo, so no edge line crosses a name
    halo = view.js("Object.values(stancegraph.network.body.nodes).map(n => n.options.font.strokeWidth)")
    assert halo and min(halo) >= 4
    assert clean(view)


def test_edges_are_aggregated_and_their_labels_wait_for_hover(browser, pages):
    view = open_view(browser, pages["country"])
    edges = view.js(
        """(() => {
            const label = new Map(stancegraph.data.nodes.map(n => [n.id, n.label]));
            return stancegraph.data.edges.map(e => [label.get(e.from), label.get(e.to), e.polarity, e.count,
                stancegraph.edges.get(e.id).width, stancegraph.edges.get(e.id).label]);
        })()"""
    )
    assert len(edges) == 14 and sum(edge[3] for edge in edges) == 16  # 16 events, 14 edges
    pairs = {(a, b, polarity): (count, width, label) for a, b, polarity, count, width, label in edges}
    assert len(pairs) == 14
    hostile = pairs[("Mexico", "United States", -1)]
    assert hostile[0] == 2 and hostile[2] == "refusesDeportees, refusesMilitaryDeportationFlights"
    assert hostile[1] > pairs[("Panama", "United States", -1)][1]  # wider with more events
    # at the initial zoom vis-network draws no edge label (its on-screen size is under the threshold)
    drawn = "id => stancegraph.edges.get(id).font === undefined ? 13 : stancegraph.edges.get(id).font.size"
    threshold = view.js("stancegraph.network.body.edges[0].options.scaling.label.drawThreshold")
    scale = view.js("stancegraph.network.getScale()")
    assert view.js(f"({drawn})(0)") * scale < threshold - 1
    hover_edge(view, "rejects")  # zooms to 2.5: every label is drawn from 1.1 on
    assert view.js("stancegraph.network.getScale()") * 13 >= threshold - 1
    assert clean(view)


def test_clicking_a_country_lists_its_events_newest_first_with_its_chart(browser, pages):
    view = open_view(browser, pages["country"])
    click_node(view, "Mexico")
    assert view.page.text_content("#details h3") == "Mexico"
    items = view.js("[...document.querySelectorAll('#details .event .event-head')].map(e => e.textContent)")
    assert [item.split(" · ")[:2] for item in items] == [
        ["2025-02-03", "meetsWith"], ["2025-01-31", "refusesMilitaryDeportationFlights"],
        ["2025-01-30", "acceptsDeportees"], ["2025-01-20", "refusesDeportees"]]
    assert items[1].endswith("asserted · confidence 0.50")
    text = view.js("document.getElementById('details').textContent")
    assert "Mexico later said it had received thousands of returnees." in text
    assert "Claudia Sheinbaum (MEX) → United States (USA)" in text
    assert "Source: briefs/b.txt" in text
    # the stance-over-time chart: one point per own act toward the focus, drawn by the page itself
    assert view.js("document.querySelectorAll('#details .chart svg circle').length") == 4
    assert "now -2.00" in view.js("document.querySelector('#details .chart-caption').textContent")
    click_node(view, "United States")
    assert "is the focus" in view.js("document.getElementById('details').textContent")
    assert view.js("document.querySelectorAll('#details .event').length") == 14
    assert clean(view)


def test_clicking_an_edge_lists_its_events(browser, pages):
    view = open_view(browser, pages["country"])
    x, y = hover_edge(view, "refusesDeportees")
    view.page.mouse.click(x, y)
    view.page.wait_for_selector("#details h3", timeout=5_000)
    assert view.page.text_content("#details h3") == "Mexico → United States"
    assert view.js("document.querySelectorAll('#details .event').length") == 2
    tooltip = view.js("document.getElementById('tooltip').textContent")
    assert "2 hostile acts" in tooltip
    assert clean(view)


def test_the_date_slider_hides_events_outside_the_range(browser, pages):
    view = open_view(browser, pages["country"])
    dates = view.js("stancegraph.data.dates")
    set_range(view, "#date-from", dates.index("2025-01-30"))
    set_range(view, "#date-to", dates.index("2025-01-31"))
    shown = visible_events(view)
    assert shown and all("2025-01-30" <= date <= "2025-01-31" for date, _ in shown)
    assert len(shown) == 6
    assert view.page.text_content("#status") == "6 of 16 events shown"
    assert view.page.text_content("#date-range") == "2025-01-30 – 2025-01-31"
    # the drawn edges are those with an event in the range, as wide as the events they still show
    assert view.js("stancegraph.network.body.edgeIndices.length") == 6
    labels = view.js("stancegraph.nodeView.get().map(n => n.label).sort()")
    assert "Honduras" in labels and "Costa Rica" not in labels and "Guatemala" not in labels
    # the side panel follows the filter
    click_node(view, "Mexico")
    assert view.page.text_content("#details h2") == "2 of 4 events (filters applied)"
    view.page.click("#reset")
    assert len(visible_events(view)) == 16 and view.page.text_content("#status") == ""
    assert clean(view)


def test_undated_events_stay_until_the_reader_hides_them(browser, tmp_path):
    events = load_events(open_store(STANCES))
    events.loc[events["relation"].isin(["rejects", "accuses"]), "date"] = None
    view = open_view(browser, write_view(events, tmp_path / "undated.html", focus="USA"))
    set_range(view, "#date-from", 0)
    set_range(view, "#date-to", 0)  # the earliest date only
    shown = visible_events(view)
    assert sorted(relation for date, relation in shown if not date) == ["accuses", "rejects"]
    assert {date for date, _ in shown} == {"", "2024-12-28"}
    view.page.check("#hide-undated")
    assert [date for date, _ in visible_events(view)] == ["2024-12-28"]
    view.page.click("#reset")
    x, y = node_point(view, "Panama")
    view.page.mouse.click(x, y)
    view.page.wait_for_selector("#details h3", timeout=5_000)
    heads = view.js("[...document.querySelectorAll('#details .event-head')].map(e => e.textContent)")
    assert heads[-1].startswith("undated · rejects")  # listed after the dated events
    assert clean(view)


@pytest.mark.parametrize(("typed", "found", "drawn"), [
    ("Washington", {"USA"}, 8), ("usa", {"USA"}, 8), ("Beijing", {"CHN"}, {"CHN", "PAN", "USA"}),
    ("Mexican", {"MEX"}, {"MEX", "USA"}), ("Panam", {"PAN"}, {"PAN", "CHN", "CRI", "USA"}),
])
def test_a_country_is_found_by_capital_demonym_or_code(browser, pages, typed, found, drawn):
    view = open_view(browser, pages["country"])
    view.page.fill("#country-filter", typed)
    assert set(view.js("[...stancegraph.matchCountries(document.getElementById('country-filter').value)]")) == found
    assert view.page.text_content("#status").endswith("events shown")
    codes = set(view.js("stancegraph.nodeView.getIds().map(id => stancegraph.data.nodes[id].country)"))
    assert len(codes) == drawn if isinstance(drawn, int) else codes == drawn  # the country and its partners
    assert clean(view)


def test_the_view_refits_to_what_is_shown(browser, pages):
    view = open_view(browser, pages["country"])
    before = view.js("stancegraph.network.getScale()")
    view.page.fill("#country-filter", "Colombia")
    after = view.js("stancegraph.network.getScale()")
    assert after > 1.5 * before  # zoomed in on Colombia and the United States
    inside = view.js(
        """(() => {
            const net = stancegraph.network;
            const box = document.getElementById("network").getBoundingClientRect();
            return stancegraph.nodeView.getIds().every(id => {
                const p = net.canvasToDOM(net.getPositions([id])[id]);
                return p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height;
            });
        })()"""
    )
    assert inside and clean(view)


def test_no_edge_is_drawn_across_the_focus(browser, tmp_path):
    """The drawn curves, sampled where vis-network draws them, keep clear of the focus node (focus CHN too)."""
    events = load_events(open_store(STANCES))
    for focus in ("USA", "CHN", "PAN"):
        view = open_view(browser, write_view(events, tmp_path / f"{focus}.html", focus=focus))
        closest = view.js(
            """() => {
                const net = stancegraph.network;
                const data = stancegraph.data;
                const focus = data.nodes.find(n => n.country === data.focus && n.type === "country");
                const centre = net.getPositions([focus.id])[focus.id];
                let best = Infinity;
                for (const edge of stancegraph.data.edges) {
                    if (edge.from === focus.id || edge.to === focus.id) continue;
                    const drawn = net.body.edges[edge.id];
                    for (let i = 1; i < 40; i++) {
                        const p = drawn.edgeType.getPoint(i / 40);
                        best = Math.min(best, Math.hypot(p.x - centre.x, p.y - centre.y));
                    }
                }
                return [best, focus.size];
            }"""
        )
        assert closest[0] > closest[1], focus
        assert clean(view)


def test_actor_labels_are_readable_at_the_initial_zoom(browser, pages):
    view = open_view(browser, pages["actor"])
    smallest = view.js(
        """(() => {
            const scale = stancegraph.network.getScale();
            const drawn = stancegraph.network.body.nodes;
            return Math.min(...stancegraph.data.nodes.map(n => drawn[n.id].options.font.size * scale));
        })()"""
    )
    assert smallest >= 11
    assert clean(view)


def hover_edge(view: View, relation: str) -> tuple[float, float]:
    """Zoom on the middle of the edge holding the event of `relation` and put the mouse there; return the point."""
    point = view.js(
        """relation => {
            const net = stancegraph.network;
            const event = stancegraph.data.events.find(e => e.relation === relation);
            const middle = net.body.edges[event.edge].edgeType.getPoint(0.5);
            net.moveTo({position: middle, scale: 2.5, animation: false});
            const dom = net.canvasToDOM(middle);
            const box = document.getElementById("network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        relation,
    )
    view.page.mouse.move(point[0] - 30, point[1] - 30)
    view.page.mouse.move(point[0], point[1], steps=3)
    view.page.wait_for_selector("#tooltip:not([hidden])", timeout=5_000)
    return point[0], point[1]


def test_hostile_evidence_shows_as_text_and_never_runs(browser, pages):
    view = open_view(browser, pages["country"])
    x, y = hover_edge(view, "rejects")
    tooltip = view.js("document.getElementById('tooltip').textContent")
    assert HOSTILE_EVIDENCE in tooltip and "Panama → United States" in tooltip
    assert view.js("document.querySelectorAll('#tooltip script, #tooltip img').length") == 0
    view.page.mouse.click(x, y)
    details = view.js("document.getElementById('details').textContent")
    assert HOSTILE_EVIDENCE in details and "briefs/a.txt" in details and "2025-01-30" in details
    click_node(view, "Panama")
    assert HOSTILE_EVIDENCE in view.js("document.getElementById('details').textContent")
    assert view.js("document.querySelectorAll('script').length") == 3
    assert view.js("document.querySelectorAll('img').length") == 0
    assert view.js("typeof window.__pwned") == "undefined"
    assert clean(view)


@pytest.mark.parametrize(("source", "linked"), [("https://example.org/world/a-story?id=1", True),
                                                ("javascript:window.__pwned=1", False),
                                                ("JavaScript:window.__pwned=1//https://x", False)])
def test_a_web_source_opens_as_a_link_and_nothing_else_does(browser, tmp_path, source, linked):
    events = load_events(open_store(STANCES))
    events.loc[events["relation"] == "rejects", "source"] = source
    events.loc[events["relation"] == "rejects", "sources"] = None
    view = open_view(browser, write_view(events, tmp_path / "view.html", focus="USA"))
    x, y = hover_edge(view, "rejects")
    view.page.mouse.click(x, y)
    links = view.js("[...document.querySelectorAll('#details a')].map(a => [a.getAttribute('href'), a.rel, a.target])")
    assert links == ([[source, "noopener noreferrer", "_blank"]] if linked else [])
    assert source in view.js("document.getElementById('details').textContent")
    if not linked:
        view.page.get_by_text(source).click()
    assert view.js("typeof window.__pwned") == "undefined" and clean(view)


def test_a_focus_without_events_says_so_on_the_page(browser, tmp_path):
    events = load_events(open_store(STANCES))
    view = open_view(browser, write_view(events, tmp_path / "france.html", focus="FRA"))
    assert view.js("document.getElementById('focus-warning').hidden") is False
    assert view.page.text_content("#focus-warning") == (
        "No event involves France (FRA) in this graph: the 9 other countries have no stance toward it.")
    assert clean(view)


#: A brief written for this test: a new country (Ecuador) and new acts of two countries already drawn.
EXTRA_ARTICLE = textwrap.dedent("""\
    Title: Quito signs on to return flights
    Source: Test Wire, "a brief written for the stancegraph tests", 2025-02-12
    Date: 2025-02-12

    Ecuador agreed on Wednesday to accept deportation flights from the United States, Foreign Minister
    Gabriela Sommerfeld said.

    Mexico accepted a further group of deportees from the United States on Wednesday, officials said.
    """)


def test_countries_keep_their_place_when_an_article_is_added(browser, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        for article in sorted(CORPUS.glob("0[1-6]_*.txt")):
            shutil.copy(article, folder / article.name)
    (second / "99_quito_flights.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    drawn = {}
    for folder in (first, second):
        result = build_graph([folder.name], out=tmp_path / f"build-{folder.name}", views=False)
        events = load_events(open_store(result.out / "store"))
        view = open_view(browser, write_view(events, tmp_path / f"{folder.name}.html", focus="USA"))
        drawn[folder.name] = view.js(
            """(() => {
                const positions = stancegraph.network.getPositions();
                const place = n => [positions[n.id].x, positions[n.id].y];
                return Object.fromEntries(stancegraph.data.nodes.map(n => [n.country, place(n)]));
            })()"""
        )
        assert clean(view)
    assert set(drawn["second"]) > set(drawn["first"])  # the article brought a country
    assert "ECU" in set(drawn["second"]) - set(drawn["first"])
    for code, place in drawn["first"].items():
        assert drawn["second"][code] == pytest.approx(place), code


def test_screenshot_of_the_corpus_view(browser, tmp_path, monkeypatch):
    """Renders the bundled corpus; `make screenshot` also refreshes docs/screenshot.png from it.

    The side panel is open on Colombia: its events, newest first, and its stance over time. Built from
    `corpus` relative to the repository, as `make run` does: source IRIs (and so the order of the events)
    depend on the path as given, and the picture must not depend on where the clone lives.
    """
    monkeypatch.chdir(REPO)
    result = build_graph(["corpus"], out=tmp_path / "build", views=False)
    events = load_events(open_store(result.out / "store"))
    view = open_view(browser, write_view(events, tmp_path / "graph.html", focus="USA"), width=1400, height=860)
    click_node(view, "Colombia")
    assert view.js("document.querySelectorAll('#details .chart svg circle').length") >= 2
    assert view.js("document.querySelectorAll('#details .event').length") == len(
        [e for e in view_data(events)["events"] if "COL" in (e["actorCountry"], e["targetCountry"])])
    view.page.mouse.move(5, 845)  # away from the graph: no tooltip in the picture
    view.page.wait_for_timeout(200)
    assert clean(view)
    shot = view.page.screenshot(type="png")
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 20_000  # a real picture, not a blank page
    (tmp_path / "screenshot.png").write_bytes(shot)
    refresh = os.environ.get("STANCEGRAPH_REFRESH_SCREENSHOT")
    if refresh and (not SCREENSHOT.exists() or SCREENSHOT.read_bytes() != shot):
        atomic_write_bytes(SCREENSHOT, shot)  # `make screenshot`: a test run never changes the repository


@pytest.mark.parametrize("level", ["country", "actor"])
def test_view_of_untidy_news_opens_without_errors(browser, messy_news_build, level, tmp_path):
    """The view of tests/data/messy (undated events among dated ones) draws everything it embeds."""
    assert messy_news_build.status == 0, messy_news_build.stderr
    path = write_html(open_store(messy_news_build.out / "store"), tmp_path / f"{level}.html", level=level)
    view = open_view(browser, path)
    counts = view.js(
        "[stancegraph.data.events.length, stancegraph.edges.length, stancegraph.network.body.edgeIndices.length]")
    assert counts[0] > 20 and counts[1] == counts[2]
    assert clean(view)
