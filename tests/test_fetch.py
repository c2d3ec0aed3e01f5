"""Articles from the web (graph/fetch.py), against a real HTTP server on 127.0.0.1.

The server serves article pages, a feed that lists one article twice (once with tracking parameters),
a robots.txt that keeps one path out, ETags for conditional requests, and a page that fails once
before it answers. Nothing leaves the machine.
"""

from __future__ import annotations

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from graph.documents import read_documents
from graph.extract import extract
from graph.fetch import USER_AGENT, Fetcher, canonical_url

ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title>
<meta property="og:site_name" content="Valley Courier">
<meta name="date" content="2025-02-05"></head>
<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>
<p>NAIROBI — {sentence}</p>
<p>The agreement follows weeks of talks between officials of the two governments, who met in Nairobi and in
Washington to settle how and when the flights would arrive and who would pay for them.</p>
<p>Rights groups said they would follow the returns closely and asked both governments to publish the
terms of the arrangement in full.</p></article><footer>Subscribe now</footer></body></html>"""

PAGES = {
    "/world/kenya-deportees": ARTICLE.format(
        title="Kenya to take deportees", sentence="Kenya agreed on Tuesday to receive deportees from the United "
        "States, the foreign ministry said in a statement."),
    "/world/brazil-protest": ARTICLE.format(
        title="Brazil protests", sentence="Brazil condemned the United States over the treatment of deported "
        "migrants, the foreign ministry said."),
    "/private/memo": ARTICLE.format(title="Memo", sentence="Chile condemned Peru over the border incident."),
}
PAGES["/mirror/kenya"] = PAGES["/world/kenya-deportees"]  # the same article at another address
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
<item><title>Kenya</title><link>{base}/world/kenya-deportees?utm_source=rss&amp;utm_medium=feed</link>
<pubDate>Wed, 05 Feb 2025 10:00:00 GMT</pubDate></item>
<item><title>Kenya again</title><link>{base}/world/kenya-deportees</link></item>
<item><title>Brazil</title><link>{base}/world/brazil-protest</link></item>
<item><title>Kenya, syndicated</title><link>{base}/mirror/kenya</link></item>
</channel></rss>"""


class Site(BaseHTTPRequestHandler):
    hits: list[tuple[str, str, int]] = []  # (path, user agent, status)
    failed_once: set[str] = set()
    versions = 0  # of /changing, a page that changes at every request
    conditional: list[str | None] = []  # the If-None-Match of each request for /changing

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server wants
        path = self.path
        if path == "/robots.txt":
            return self._send(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/feed.xml":
            return self._send(200, FEED.format(base=f"http://{self.headers['Host']}"), "application/rss+xml")
        if path == "/changing":
            Site.versions += 1
            Site.conditional.append(self.headers.get("If-None-Match"))
            page = PAGES["/world/brazil-protest"].replace("Brazil protests",
                                                          f"Brazil protests, version {Site.versions}")
            return self._send(200, page, "text/html", etag=f'"v{Site.versions}"')
        if path == "/slow":
            time.sleep(1.5)
            return self._send(200, PAGES["/world/brazil-protest"], "text/html")
        if path == "/loop":
            Site.hits.append((path, "", 302))
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return None
        if path == "/report.pdf":
            return self._send(200, "%PDF-1.4 binary", "application/pdf")
        if path == "/latin":
            page = PAGES["/world/brazil-protest"].replace("Brazil protests", "São Paulo protests")
            return self._send(200, page, "text/html; charset=iso-8859-1")
        if path == "/huge":
            return self._send(200, PAGES["/world/brazil-protest"] + "<p>" + "x" * 60_000 + "</p>", "text/html")
        if path == "/flaky" and path not in self.failed_once:
            self.failed_once.add(path)
            return self._send(503, "busy", "text/plain")
        page = PAGES.get(path.split("?")[0]) or (PAGES["/world/brazil-protest"] if path == "/flaky" else None)
        if page is None:
            return self._send(404, "not found", "text/plain")
        etag = '"' + hashlib.sha256(page.encode()).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, "", "text/html")
        self._send(200, page, "text/html; charset=utf-8", etag=etag)

    def _send(self, status: int, body: str, kind: str, etag: str = "") -> None:
        Site.hits.append((self.path, self.headers.get("User-Agent", ""), status))
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if status != 304:
            self.wfile.write(data)


@pytest.fixture
def site():
    Site.hits, Site.failed_once, Site.versions, Site.conditional = [], set(), 0, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetcher(tmp_path):
    return Fetcher(tmp_path / "cache", delay=0.0, retries=2)


def test_an_article_url_is_read_as_its_main_text(site, fetcher):
    [result] = list(extract([f"{site}/world/kenya-deportees"], fetcher=fetcher))
    document = result.document
    assert document.title == "Kenya to take deportees" and document.date == "2025-02-05"
    assert document.publisher == "Valley Courier"
    assert "Subscribe now" not in document.text and "Home | World" not in document.text
    assert {(e.actor_country, e.relation, e.target_country) for e in result.events} == {
        ("KEN", "acceptsDeportees", "USA")}
    assert all(agent == USER_AGENT for _, agent, _ in Site.hits)


def test_a_feed_gives_each_article_once(site, fetcher, tmp_path):
    documents = list(read_documents([], feeds=[f"{site}/feed.xml"], fetcher=fetcher))
    assert [d.source for d in documents] == [f"{site}/world/kenya-deportees", f"{site}/world/brazil-protest"]
    assert documents[0].date == "2025-02-05"


def test_a_second_run_downloads_nothing_unchanged(site, tmp_path):
    urls = [f"{site}/world/kenya-deportees", f"{site}/world/brazil-protest"]
    list(read_documents(urls, fetcher=Fetcher(tmp_path / "cache", delay=0.0)))
    Site.hits.clear()
    again = list(read_documents(urls, fetcher=Fetcher(tmp_path / "cache", delay=0.0)))
    assert [status for path, _, status in Site.hits if path != "/robots.txt"] == [304, 304]
    assert all(not d.skipped and d.text for d in again)


def test_robots_txt_is_respected(site, fetcher):
    [document] = list(read_documents([f"{site}/private/memo"], fetcher=fetcher))
    assert "robots.txt" in document.skipped and document.text == ""
    assert not any(path.startswith("/private") for path, _, _ in Site.hits)


def test_a_failing_answer_is_retried_and_a_missing_page_named(site, fetcher):
    documents = list(read_documents([f"{site}/flaky", f"{site}/nowhere"], fetcher=fetcher))
    assert documents[0].text and not documents[0].skipped
    assert [status for path, _, status in Site.hits if path == "/flaky"] == [503, 200]
    assert documents[1].skipped == "HTTP 404 Not Found"


def test_docstring_examples_run():
    import doctest

    import graph.fetch

    assert doctest.testmod(graph.fetch).failed == 0


def test_canonical_urls_drop_tracking_and_amp():
    assert canonical_url("https://Example.org/a/b/amp?utm_campaign=x&fbclid=y#c") == "https://example.org/a/b"
    assert canonical_url("https://example.org/a?id=3&utm_source=z") == "https://example.org/a?id=3"


def test_build_from_a_feed_on_the_command_line(site, tmp_path, cli):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# world news\n{site}/feed.xml\n", encoding="utf-8")
    run = cli("build", "--feeds", str(feeds), "--fetch-cache", str(tmp_path / "cache"), "--fetch-delay", "0",
              "--out", str(tmp_path / "build"), "--no-views")
    assert run.status == 0, run.stderr
    assert run.stdout.startswith("read 2 of 2 documents")


def test_unreadable_answers_are_named_and_the_rest_is_read(site, tmp_path):
    fetcher = Fetcher(tmp_path / "cache", delay=0.0, retries=1, timeout=0.5, max_bytes=50_000)
    urls = ["/slow", "/loop", "/report.pdf", "/huge", "/latin"]
    documents = {canonical_url(d.source).rsplit("/", 1)[-1]: d
                 for d in read_documents([site + u for u in urls], fetcher=fetcher)}
    assert documents["slow"].skipped.startswith("could not be fetched after 2 tries (")
    assert documents["loop"].skipped.startswith("HTTP 30")
    assert documents["report.pdf"].skipped == "is application/pdf, not a web page; save the article as text"
    assert documents["huge"].skipped == "is larger than 0 MB; not read"
    assert "São Paulo protests" in documents["latin"].title  # the bytes are UTF-8 whatever the header says


def test_a_run_killed_between_body_and_validators_fetches_afresh(site, tmp_path, monkeypatch):
    """The old validators go before the new body is written, and the new ones come after it, each file by
    an atomic rename: an entry torn by a kill is fetched afresh, never validated by the old ETag."""
    import graph.fetch

    url = f"{site}/changing"
    Fetcher(tmp_path / "cache", delay=0.0).get(url)  # version 1 and its ETag are cached
    real = graph.fetch._atomic_write

    def killed_on_validators(path, data):
        if path.suffix == ".json" and b"/changing" in data:
            raise KeyboardInterrupt  # the process dies after the new body, before its validators
        real(path, data)

    monkeypatch.setattr(graph.fetch, "_atomic_write", killed_on_validators)
    with pytest.raises(KeyboardInterrupt):
        Fetcher(tmp_path / "cache", delay=0.0).get(url)  # version 2 arrives, its validators are lost
    monkeypatch.undo()
    answer = Fetcher(tmp_path / "cache", delay=0.0).get(url)
    assert Site.conditional == [None, '"v1"', None]  # the third request is not validated by version 1
    assert b"version 3" in answer.body


def test_a_build_killed_while_fetching_loses_nothing(site, tmp_path):
    """SIGKILL while a page is being fetched: the previous build answers, the next run revalidates what
    was fetched before the kill (conditional requests) and builds."""
    import signal
    import subprocess
    import sys
    import textwrap

    from graph import query_df
    from graph.build import build

    out, cache = tmp_path / "build", tmp_path / "cache"
    first = build([f"{site}/world/brazil-protest"], out=out, views=False, fetcher=Fetcher(cache, delay=0.0))
    events = "SELECT ?e WHERE { ?e a sg:StanceEvent }"
    before = len(query_df(events, graph=out))
    assert first.ok and before > 0
    script = textwrap.dedent(f"""
        import os, signal, threading
        import graph.fetch
        from graph.build import build
        from graph.fetch import Fetcher
        real = graph.fetch.Fetcher.get
        def get(self, url):
            if url.endswith("/slow"):  # killed half-way through the slow answer (1.5 s)
                threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGKILL)).start()
            return real(self, url)
        graph.fetch.Fetcher.get = get
        build([{site + '/world/kenya-deportees'!r}, {site + '/slow'!r}], out={str(out)!r}, views=False,
              fetcher=Fetcher({str(cache)!r}, delay=0.0, timeout=5))
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert run.returncode == -signal.SIGKILL
    assert len(query_df(events, graph=out)) == before  # the previous build still answers
    Site.hits.clear()
    again = build([f"{site}/world/kenya-deportees"], out=out, views=False, fetcher=Fetcher(cache, delay=0.0))
    assert again.ok and again.events > 0
    assert [status for path, _, status in Site.hits if path.startswith("/world")] == [304]


def test_the_download_time_is_kept_and_survives_revalidation(site, tmp_path):
    """A page's retrieval time reaches the graph (sg:retrievedAt, xsd:dateTime); a 304 keeps the first one."""
    from graph.rdf import SG, to_triples

    url = f"{site}/world/kenya-deportees"
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    before = time.strftime(stamp, time.gmtime())
    [first] = list(extract([url], fetcher=Fetcher(tmp_path / "cache", delay=0.0)))
    after = time.strftime(stamp, time.gmtime())
    assert before <= first.document.retrieved <= after
    on_disk = tmp_path / "saved.txt"
    on_disk.write_text(first.document.text, encoding="utf-8")
    assert [d.retrieved for d in read_documents([str(on_disk)])] == [""]  # a file on disk was not downloaded
    time.sleep(1.1)
    Site.hits.clear()
    [again] = list(extract([url], fetcher=Fetcher(tmp_path / "cache", delay=0.0)))
    assert [status for path, _, status in Site.hits if path != "/robots.txt"] == [304]
    assert again.document.retrieved == first.document.retrieved
    [value] = [t.object for t in to_triples([again]) if t.predicate.value == SG + "retrievedAt"]
    assert value.value == first.document.retrieved
    assert value.datatype.value == "http://www.w3.org/2001/XMLSchema#dateTime"
