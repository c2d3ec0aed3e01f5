"""The review page (graph/review.py): decisions written to the corrections file, the per-run token and the
CSRF token, hostile text shown as text. The page is driven in headless Chromium (Debian's
/usr/bin/chromium) as tests/test_browser.py does; the refusals are checked with plain HTTP requests.
"""

from __future__ import annotations

import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import graph
from graph.build import build
from graph.corrections import load
from graph.render import CHROMIUM_ARGS
from graph.review import Review, review_events, start

REPO = Path(__file__).resolve().parents[1]
HOSTILE = "Mulino said </q><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\"> no."


@pytest.fixture
def served(tmp_path):
    """A build of a corpus copy without corrections, and its review page on a free port."""
    folder = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", folder)
    (folder / "corrections.csv").unlink()
    build([folder], out=tmp_path / "build", views=False)
    events = review_events(graph.open_store(tmp_path / "build"))
    review = Review(events, folder / "corrections.csv", "Ana Analyst", "T" * 32, "C" * 32)
    server, url = start(review)
    try:
        yield review, url, folder, tmp_path
    finally:
        server.shutdown()
        server.server_close()


def _status(url: str, data: dict | None = None) -> int:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_events_most_in_need_of_a_look_come_first(served):
    review, *_ = served
    first = review.events[0]
    assert first["alone"] and first["why"].startswith("the only evidence of")
    alone = [e for e in review.events if e["alone"]]
    assert review.events[: len(alone)] == alone
    rest = [e["confidence"] for e in review.events[len(alone):]]
    assert rest == sorted(rest)


def test_the_server_listens_on_loopback_only(served):
    _, url, *_ = served
    assert url.startswith("http://127.0.0.1:")


def test_a_request_without_the_token_or_the_csrf_token_is_refused(served):
    review, url, folder, _ = served
    root = url.rsplit("/", 2)[0]
    assert _status(url) == 200
    assert _status(root + "/") == 404  # no route without a token
    assert _status(root + "/" + "x" * 32 + "/") == 403
    event = review.events[0]["key"]
    assert _status(root + "/" + "x" * 32 + "/decide", {"csrf": review.csrf, "event": event, "action": "reject"}) == 403
    assert _status(url + "decide", {"event": event, "action": "reject"}) == 403
    assert _status(url + "decide", {"csrf": "wrong", "event": event, "action": "reject"}) == 403
    assert not (folder / "corrections.csv").exists()
    assert _status(url + "decide", {"csrf": review.csrf, "event": event, "action": "delete"}) == 400


@pytest.fixture(scope="module")
def browser():
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("Chromium not found (/usr/bin/chromium): install the Debian package, e.g. `make browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.mark.browser
def test_reject_and_fix_in_the_browser_write_rows_that_the_next_build_applies(served, browser):
    review, url, folder, tmp_path = served
    target = review.events[0]
    fixed = review.events[1]
    page = browser.new_page()
    try:
        page.goto(url)
        page.locator(f"li#e-{target['key']} button[value=reject]").click()
        page.wait_for_load_state()
        assert page.locator(f"li#e-{target['key']} .decided").inner_text() == "reject"
        page.locator(f"li#e-{fixed['key']} select").select_option("accuses")
        page.locator(f"li#e-{fixed['key']} button:text('fix relation')").click()
        page.wait_for_load_state()
    finally:
        page.close()
    rows, problems = load(folder / "corrections.csv")
    assert not problems
    assert [(r.action, r.event, r.value, r.curator) for r in rows] == [
        ("reject", f"event:{target['key']}", "", "Ana Analyst"),
        ("relation", f"event:{fixed['key']}", "accuses", "Ana Analyst"),
    ]
    result = build([folder], out=tmp_path / "again", views=False)
    assert result.ok and not result.curation.problems
    events = graph.load_events(graph.open_store(tmp_path / "again"))
    assert target["event"] not in set(events["event"]) and fixed["event"] not in set(events["event"])
    assert ((events["actor_label"] == fixed["actor_label"]) & (events["relation"] == "accuses")).any()


@pytest.mark.browser
def test_hostile_evidence_and_article_text_do_not_run(served, browser, tmp_path):
    review, url, *_ = served
    article = tmp_path / "hostile.txt"
    article.write_text(f"Title: x\n\n{HOSTILE} And more.", encoding="utf-8")
    event = review.events[0]
    event["evidence"], event["source"] = HOSTILE, str(article)
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for address in (url, url + f"event/{event['key']}"):
            page.goto(address)
            assert page.evaluate("window.__pwned") is None
            assert page.locator("img").count() == 0 and page.locator("body script").count() == 0
            assert "<script>window.__pwned=1</script>" in page.inner_text("body")
        assert page.locator("mark").inner_text() == HOSTILE
    finally:
        page.close()
    assert errors == []
