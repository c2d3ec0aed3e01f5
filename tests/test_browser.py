"""The HTML view in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Every request that is not a file:// URL is blocked and recorded; a view must make none, log no console
error, draw every node and edge it embeds, and show hostile evidence as text. The expected counts are
those of tests/data/analysis/stances.ttl (see tests/test_render.py). The last test refreshes
docs/screenshot.png from the bundled corpus.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graph.analyze import load_events
from graph.build import build as build_graph
from graph.outputs import atomic_write_bytes
from graph.render import CHROMIUM as CHROMIUM_PATH
from graph.render import CHROMIUM_ARGS, render_events, write_html
from graph.store import open_store

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
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


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("views")
    store = open_store(STANCES)
    return {
        level: write_html(store, folder / f"{level}.html", focus="USA", level=level) for level in ("country", "actor")
    }


@pytest.mark.parametrize(("level", "nodes", "edges"), [("country", 9, 16), ("actor", 16, 17)])
def test_view_draws_every_node_and_edge_offline(browser, pages, level, nodes, edges):
    view = open_view(browser, pages[level])
    counts = view.js(
        "[stancegraph.nodes.length, stancegraph.edges.length,"
        " stancegraph.network.body.nodeIndices.length, stancegraph.network.body.edgeIndices.length]"
    )
    assert counts == [nodes, edges, nodes, edges]
    assert view.requests == []
    assert view.errors == []
    assert view.js("document.querySelectorAll('#legend .legend-row').length") > 6


def hover_edge(view: View, relation: str) -> tuple[float, float]:
    """Zoom on the middle of the only edge of `relation` and put the mouse there; return the point."""
    point = view.js(
        """relation => {
            const net = stancegraph.network;
            const [edge] = stancegraph.edges.get({filter: e => e.relation === relation});
            const middle = net.body.edges[edge.id].edgeType.getPoint(0.5);
            net.moveTo({position: middle, scale: 2.5, animation: false});
            const dom = net.canvasToDOM(middle);
            const box = document.getElementById("network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        relation,
    )
    view.page.mouse.move(point[0] - 30, point[1] - 30)
    view.page.mouse.move(point[0], point[1], steps=3)
    return point[0], point[1]


def test_hostile_evidence_shows_as_text_and_never_runs(browser, pages):
    view = open_view(browser, pages["country"])
    x, y = hover_edge(view, "rejects")
    view.page.wait_for_selector("#tooltip:not([hidden])", timeout=5_000)
    tooltip = view.js("document.getElementById('tooltip').textContent")
    assert HOSTILE_EVIDENCE in tooltip
    assert "briefs/a.txt" in tooltip and "2025-01-30" in tooltip
    assert view.js("document.querySelectorAll('#tooltip script, #tooltip img').length") == 0
    view.page.mouse.click(x, y)
    assert HOSTILE_EVIDENCE in view.js("document.getElementById('details').textContent")
    assert view.js("document.querySelectorAll('script').length") == 3
    assert view.js("document.querySelectorAll('img').length") == 0
    assert view.js("typeof window.__pwned") == "undefined"
    assert view.requests == [] and view.errors == []


def test_filters_by_relation_and_by_country(browser, pages):
    view = open_view(browser, pages["country"])
    view.page.select_option("#relation-filter", "rejects")
    assert view.js("stancegraph.edgeView.length") == 1
    assert view.js("stancegraph.network.body.edgeIndices.length") == 1
    assert view.page.text_content("#status") == "1 of 16 events shown"
    view.page.select_option("#relation-filter", "")
    view.page.fill("#country-filter", "Mexico")
    # the four events between Mexico and the United States; nodes: Mexico and the focus
    assert view.js("[stancegraph.edgeView.length, stancegraph.nodeView.length]") == [4, 2]
    view.page.fill("#country-filter", "nowhere")
    assert view.page.text_content("#status") == "no country matches"
    view.page.click("#reset")
    assert view.js("[stancegraph.edgeView.length, stancegraph.nodeView.length]") == [16, 9]
    assert view.errors == []


def test_screenshot_of_the_corpus_view(browser, tmp_path, monkeypatch):
    """Renders the bundled corpus and refreshes docs/screenshot.png when the picture changed.

    Built from `corpus` relative to the repository, as `make run` does: source IRIs (and so the order of
    the edges) depend on the path as given, and the picture must not depend on where the clone lives.
    """
    monkeypatch.chdir(REPO)
    result = build_graph(["corpus"], out=tmp_path / "build", views=False)
    html = tmp_path / "graph.html"
    html.write_text(render_events(load_events(open_store(result.out / "store")), focus="USA"), encoding="utf-8")
    view = open_view(browser, html, width=1400, height=860)
    assert view.requests == [] and view.errors == []
    view.js("stancegraph.network.fit({animation: false})")
    view.page.wait_for_timeout(200)
    shot = view.page.screenshot(type="png")
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 20_000  # a real picture, not a blank page
    if not SCREENSHOT.exists() or SCREENSHOT.read_bytes() != shot:
        atomic_write_bytes(SCREENSHOT, shot)


@pytest.mark.parametrize("level", ["country", "actor"])
def test_view_of_untidy_news_opens_without_errors(browser, messy_news_build, level, tmp_path):
    """The view of tests/data/messy (undated events among dated ones) draws everything it embeds."""
    assert messy_news_build.status == 0, messy_news_build.stderr
    path = write_html(open_store(messy_news_build.out / "store"), tmp_path / f"{level}.html", level=level)
    view = open_view(browser, path)
    counts = view.js("[stancegraph.edges.length, stancegraph.network.body.edgeIndices.length]")
    assert counts[0] > 20 and counts[0] == counts[1]
    assert view.requests == [] and view.errors == []


@pytest.mark.parametrize(("source", "linked"), [("https://example.org/world/a-story?id=1", True),
                                                ("javascript:window.__pwned=1", False)])
def test_a_web_source_opens_as_a_link_and_nothing_else_does(browser, tmp_path, source, linked):
    events = load_events(open_store(STANCES))
    events.loc[events["relation"] == "rejects", "source"] = source
    events.loc[events["relation"] == "rejects", "sources"] = None
    path = tmp_path / "view.html"
    path.write_text(render_events(events, focus="USA"), encoding="utf-8")
    view = open_view(browser, path)
    x, y = hover_edge(view, "rejects")
    view.page.mouse.click(x, y)
    links = view.js("[...document.querySelectorAll('#details a')].map(a => [a.getAttribute('href'), a.rel, a.target])")
    assert links == ([[source, "noopener noreferrer", "_blank"]] if linked else [])
    assert source in view.js("document.getElementById('details').textContent")
    assert view.js("typeof window.__pwned") == "undefined" and view.errors == []
