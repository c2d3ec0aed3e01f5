"""The review page (graph/review.py): decisions written to the corrections file, the per-run token and the
CSRF token, hostile text shown as text. The page is driven in headless Chromium (Debian's
/usr/bin/chromium) as tests/test_browser.py does; the refusals are checked with plain HTTP requests.
The screenshot test draws the page of the bundled corpus; `make screenshot` writes it to docs/review.png.
"""

from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import graph
from graph.actors import knowledge_base
from graph.analyze import stances
from graph.build import build
from graph.corrections import load
from graph.outputs import atomic_write_bytes
from graph.render import CHROMIUM_ARGS
from graph.review import SHORTCUTS, Review, article_text, review_events, start

REPO = Path(__file__).resolve().parents[1]
SCREENSHOT = REPO / "docs" / "review.png"
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
    span = review.events[0]["evidence"]
    assert _status(url + "add", {"event": event, "evidence": span, "actor": "MEX", "relation": "accuses",
                                 "target": "USA"}) == 403
    assert _status(root + "/" + "x" * 32 + "/review.js") == 403
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


def _rows(folder: Path) -> list[tuple[str, str, str]]:
    rows, problems = load(folder / "corrections.csv")
    assert not problems
    return [(r.action, r.event, r.value) for r in rows]


def _expected_stance(review: Review, drop: str) -> str:
    """The effect of rejecting an event as graph.analyze.stances reads the curated events with and without it."""
    country = next(e for e in review.events if e["event"] == drop)["actor_country"]

    def say(frame) -> str:
        table = stances(frame, focus="USA").set_index("country")
        if country not in table.index:
            return "no events"
        row = table.loc[country]
        count = int(row['n_events'])
        return f"{row['label']} {row['score']:+.2f} ({count} event{'s' * (count != 1)})"

    return f"{country} toward USA: {say(review.frame)} → {say(review.frame[review.frame['event'] != drop])}"


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
        effect = page.locator(f"li#e-{target['key']} .effect").inner_text()
        assert effect == _expected_stance(review, target["event"])
        assert page.locator("#pending .effect").first.inner_text() == effect
        page.locator(f"li#e-{fixed['key']} select[name=relation]").select_option("accuses")
        page.locator(f"li#e-{fixed['key']} button.fix").click()
        page.wait_for_load_state()
        effect = page.locator(f"li#e-{fixed['key']} .effect").inner_text()
        assert effect.startswith(f"{fixed['actor_country']} toward USA: cooperative") and "→ resistant" in effect
    finally:
        page.close()
    assert _rows(folder) == [("reject", f"event:{target['key']}", ""), ("relation", f"event:{fixed['key']}", "accuses")]
    assert {r.curator for r in load(folder / "corrections.csv")[0]} == {"Ana Analyst"}
    result = build([folder], out=tmp_path / "again", views=False)
    assert result.ok and not result.curation.problems
    events = graph.load_events(graph.open_store(tmp_path / "again"))
    assert target["event"] not in set(events["event"]) and fixed["event"] not in set(events["event"])
    assert ((events["actor_label"] == fixed["actor_label"]) & (events["relation"] == "accuses")).any()
    # the page's effect is what the rebuilt graph says
    table = stances(events, focus="USA").set_index("country")
    assert table.loc[fixed["actor_country"], "label"] == "resistant"
    assert target["actor_country"] not in table.index


@pytest.mark.browser
def test_each_field_is_fixed_from_the_page_with_the_vocabulary(served, browser):
    review, url, folder, tmp_path = served
    event = next(e for e in review.events if e["actor_type"] == "person" and e["mode"] == "asserted")
    page = browser.new_page()
    try:
        page.goto(url)
        item = page.locator(f"li#e-{event['key']}")
        relations_offered = item.locator("select[name=relation] option").all_inner_texts()
        assert sorted(relations_offered) == sorted(graph.relations())
        countries = page.locator("datalist#countries option")
        assert countries.count() == len(knowledge_base().countries)
        assert page.locator("datalist#countries option[value=MEX]").inner_text() == "Mexico"
        assert item.locator("input[name=actor]").input_value() == event["actor_label"]
        assert item.locator("input[name=target]").input_value() == event["target_country"]
        item.locator("select[name=relation]").select_option("threatened")
        item.locator("input[name=actor]").fill("MEX")
        item.locator("input[name=target]").fill("CAN")
        item.locator("select[name=mode]").select_option("planned")
        item.locator("input[name=event_date]").fill("2025-02-05")
        item.locator("button.fix").click()
        page.wait_for_load_state()
        decided = page.locator(f"li#e-{event['key']} .decided").inner_text()
        assert decided == "fix relation threatened, actor MEX, target CAN, mode planned, event_date 2025-02-05"
        # the form now shows the fixed values; sending it again writes nothing more
        assert page.locator(f"li#e-{event['key']} input[name=actor]").input_value() == "MEX"
        page.locator(f"li#e-{event['key']} button.fix").click()
        page.wait_for_load_state()
        # a name that is no country of the knowledge base is refused
        page.locator(f"li#e-{event['key']} input[name=target]").fill("Atlantis")
        with page.expect_response(lambda r: r.url.endswith("/decide")) as answer:
            page.locator(f"li#e-{event['key']} button.fix").click()
        assert answer.value.status == 400
    finally:
        page.close()
    key = f"event:{event['key']}"
    assert _rows(folder) == [("relation", key, "threatened"), ("actor", key, "MEX"), ("target", key, "CAN"),
                             ("mode", key, "planned"), ("event_date", key, "2025-02-05")]
    result = build([folder], out=tmp_path / "again", views=False)
    assert result.ok and not result.curation.problems
    events = graph.load_events(graph.open_store(tmp_path / "again"))
    changed = events[(events["evidence"] == event["evidence"]) & (events["actor_country"] == "MEX")]
    assert changed[["actor_country", "relation", "target_country", "mode", "event_date"]].values.tolist() == [
        ["MEX", "threatened", "CAN", "planned", "2025-02-05"]]


@pytest.mark.browser
def test_keyboard_shortcuts_move_accept_reject_and_fix(served, browser):
    review, url, folder, _ = served
    first, second, third = review.events[:3]
    page = browser.new_page()
    try:
        page.goto(url)
        keys = page.locator("#keys").inner_text()
        for key, what in SHORTCUTS:
            assert f"{key} {what}" in keys
        assert page.locator("li.current").get_attribute("id") == f"e-{first['key']}"
        page.keyboard.press("j")
        page.keyboard.press("j")
        page.keyboard.press("k")
        assert page.locator("li.current").get_attribute("id") == f"e-{second['key']}"
        page.keyboard.press("a")
        page.wait_for_load_state()
        assert page.locator("li.current").get_attribute("id") == f"e-{second['key']}"  # back where it was
        assert page.locator(f"li#e-{second['key']} .decided").inner_text() == "accept"
        page.keyboard.press("j")
        page.keyboard.press("r")
        page.wait_for_load_state()
        assert page.locator(f"li#e-{third['key']} .decided").inner_text() == "reject"
        page.keyboard.press("f")
        focused = page.evaluate("[document.activeElement.name, document.activeElement.closest('li').id]")
        assert focused == ["relation", f"e-{third['key']}"]
        page.keyboard.press("j")  # typed into the form: not a shortcut
        assert page.locator("li.current").get_attribute("id") == f"e-{third['key']}"
        names = sorted(graph.relations())
        page.keyboard.press("ArrowDown")  # the focused list moves to the next relation
        after = names[names.index(third["relation"]) + 1]
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator(f"li#e-{third['key']} .decided").inner_text() == f"fix relation {after}"
        page.keyboard.press("o")
        page.wait_for_url(f"**/event/{third['key']}")
        assert page.locator("mark").inner_text() == third["evidence"]
    finally:
        page.close()
    assert _rows(folder) == [("accept", f"event:{second['key']}", ""), ("reject", f"event:{third['key']}", ""),
                             ("relation", f"event:{third['key']}", after)]


def _select_in_article(page, span: str) -> None:
    """Select `span` in the article view as a person would with the mouse."""
    page.evaluate("""span => {
        const article = document.getElementById('article');
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(span);
            if (at >= 0) {
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + span.length);
                document.getSelection().removeAllRanges();
                document.getSelection().addRange(range);
                return;
            }
        }
        throw new Error('span not in the article');
    }""", span)


@pytest.mark.browser
def test_a_missing_event_is_added_from_a_span_selected_in_the_article(served, browser):
    review, url, folder, tmp_path = served
    event = next(e for e in review.events if e["source"].endswith("04_mexico_deportees_tariff_pause.txt"))
    text = article_text(event["source"])
    span = next(s.strip() for s in text[text.index(event["evidence"]) + len(event["evidence"]):].split(". ")
                if len(s.strip()) > 40 and "\n" not in s.strip())
    page = browser.new_page()
    try:
        page.goto(url + f"event/{event['key']}")
        _select_in_article(page, span)
        page.wait_for_function("span => document.getElementById('evidence').value === span", arg=span)
        page.locator("form.add input[name=actor]").fill("MEX")
        page.locator("form.add select[name=relation]").select_option("releasesDetainees")
        page.locator("form.add input[name=target]").fill("USA")
        page.locator("form.add button").click()
        page.wait_for_load_state()
        added = page.locator("#pending li").last
        assert "add Mexico (MEX) releasesDetainees United States (USA)" in added.locator(".what").inner_text()
        assert added.locator(".effect").inner_text().startswith("MEX toward USA: ")
    finally:
        page.close()
    rows, problems = load(folder / "corrections.csv")
    assert not problems
    assert [(r.action, r.source, r.actor, r.relation, r.target, r.evidence) for r in rows] == [
        ("add", "04_mexico_deportees_tariff_pause.txt", "MEX", "releasesDetainees", "USA", span)]
    result = build([folder], out=tmp_path / "again", views=False)
    assert result.ok and not result.curation.problems
    events = graph.load_events(graph.open_store(tmp_path / "again"))
    assert ((events["evidence"] == span) & (events["relation"] == "releasesDetainees")).sum() == 1


@pytest.mark.browser
def test_a_span_that_is_not_in_the_article_is_refused_with_a_clear_message(served, browser):
    review, url, folder, _ = served
    event = review.events[0]
    page = browser.new_page()
    try:
        page.goto(url + f"event/{event['key']}")
        page.locator("#evidence").fill("Canada agreed to everything, said nobody.")
        page.locator("form.add input[name=actor]").fill("CAN")
        with page.expect_response(lambda r: r.url.endswith("/add")) as answer:
            page.locator("form.add button").click()
        assert answer.value.status == 400
        message = page.locator("p.error").inner_text()
        assert message.startswith("refused: the selected text is not in the article") and event["source"] in message
        assert page.locator("#evidence").input_value() == "Canada agreed to everything, said nobody."
        page.locator("#evidence").fill("")
        page.locator("form.add button").click()
        assert page.locator("p.error").inner_text().startswith("refused: no text selected")
    finally:
        page.close()
    assert not (folder / "corrections.csv").exists()


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


@pytest.mark.browser
def test_screenshot_of_the_review_page(browser, tmp_path, monkeypatch):
    """The review page of the bundled corpus after one decision; `make screenshot` also refreshes
    docs/review.png (the README's picture) from it. A test run never writes into the repository.

    Built from `corpus` relative to a copy's folder, so the page shows the paths a user sees."""
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    build(["corpus"], out="build", views=False)
    events = review_events(graph.open_store("build"))
    review = Review(events, Path("corpus") / "corrections.csv", "Ana Analyst", "T" * 32, "C" * 32)
    server, url = start(review)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    try:
        page.goto(url)
        page.keyboard.press("j")
        page.keyboard.press("f")
        page.keyboard.press("ArrowDown")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.keyboard.press("j")
        assert page.locator("#pending .effect").count() == 1
        assert page.locator("li.current").get_attribute("id") == f"e-{events[2]['key']}"
        page.evaluate("window.scrollTo(0, 0)")  # the title, the keys and the decision's effect in the picture
        shot = page.screenshot(type="png")
    finally:
        page.close()
        server.shutdown()
        server.server_close()
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 20_000  # a real picture, not a blank page
    (tmp_path / "review.png").write_bytes(shot)
    refresh = os.environ.get("STANCEGRAPH_REFRESH_SCREENSHOT")
    if refresh and (not SCREENSHOT.exists() or SCREENSHOT.read_bytes() != shot):
        atomic_write_bytes(SCREENSHOT, shot)  # `make screenshot`: a test run never changes the repository
