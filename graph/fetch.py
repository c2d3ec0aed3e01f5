"""Articles from the web: URLs and RSS/Atom feeds -> `Document` records, fetched politely and cached.

Only what the user names is fetched (a URL given as input, the feeds of `--feeds FILE`, the articles
those feeds list). Every request:

- names the tool in its User-Agent and asks robots.txt first (a disallowed page is skipped, named);
- waits `delay` seconds between two requests to the same host, times out after `timeout` seconds and
  is retried with backoff on a network error or a 5xx answer;
- is conditional when the page was fetched before (ETag, Last-Modified), against an on-disk fetch
  cache, so a second run downloads nothing that has not changed.

The article's main text and metadata (title, date, site) come from trafilatura, not from hand-written
HTML stripping; feeds are read with feedparser. The same article reached through several feeds or URLs
(tracking parameters, AMP pages, a canonical link) is read once: one canonical URL.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.normalise import normalise_body
from graph.records import Document

USER_AGENT = "stancegraph/0.1 (news stance graph; +https://w3id.org/stancegraph)"
#: Query parameters that track a click and do not name a different page.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "smid", "spm")


def is_url(value: str | Path) -> bool:
    return str(value).startswith(("http://", "https://"))


def canonical_url(url: str) -> str:
    """The URL without tracking parameters, fragment and AMP variant: one article, one URL.

    >>> canonical_url("https://News.example.org/world/a-story/amp/?utm_source=x&id=7#top")
    'https://news.example.org/world/a-story?id=7'
    """
    parts = urllib.parse.urlsplit(url.strip())
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING) and k.lower() not in ("amp", "output")]
    path = parts.path
    for suffix in ("/amp/", "/amp", ".amp"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path.rstrip("/") or "/",
                                    urllib.parse.urlencode(query), ""))


@dataclass
class Fetched:
    """One answer: the final URL, the status, the body (from the cache after a 304) and its headers."""

    url: str
    status: int
    body: bytes
    content_type: str = ""
    from_cache: bool = False
    #: when this body was downloaded (UTC, ISO 8601 to the second): after a 304 it is the first download's
    #: time, since the page has not changed since then
    retrieved: str = ""


#: Pages larger than this are not read (a scraped page is a few hundred kilobytes at most).
MAX_PAGE_BYTES = 20_000_000


@dataclass
class Fetcher:
    """HTTP GET with robots.txt, per-host delay, timeouts, retries and a conditional on-disk cache."""

    cache: Path
    timeout: float = 20.0
    retries: int = 2
    delay: float = 1.0
    user_agent: str = USER_AGENT
    max_bytes: int = MAX_PAGE_BYTES
    requests: int = 0  #: requests sent (a 304 counts; a robots.txt answer too)
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cache = Path(self.cache)

    def get(self, url: str) -> Fetched:
        """Fetch `url`, or raise `FetchError` with one line saying why not."""
        if not self.allowed(url):
            raise FetchError(f"robots.txt of {urllib.parse.urlsplit(url).netloc} disallows it")
        return self._get(url)

    def allowed(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                answer = self._get(host + "/robots.txt")
                parser.parse(answer.body.decode("utf-8", "replace").splitlines() if answer.status == 200 else [])
            except FetchError:
                parser.parse([])  # no robots.txt: everything is allowed
            self._robots[host] = parser
        parser = self._robots[host]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def _get(self, url: str) -> Fetched:
        entry = self.cache / hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        meta = _read_json(entry.with_suffix(".json"))
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
        error: Exception | None = None
        for attempt in range(self.retries + 1):
            self._wait(url)
            self.requests += 1
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers=headers),
                                            timeout=self.timeout) as answer:
                    body = answer.read(self.max_bytes + 1)
                    if len(body) > self.max_bytes:
                        raise FetchError(f"is larger than {self.max_bytes // 1_000_000} MB; not read")
                    fetched = Fetched(answer.geturl(), answer.status, body, answer.headers.get("Content-Type", ""),
                                      retrieved=_now())
                    self._store(entry, fetched, answer.headers)
                    return fetched
            except urllib.error.HTTPError as http:
                if http.code == 304 and entry.with_suffix(".body").is_file():
                    return Fetched(meta.get("url", url), 200, entry.with_suffix(".body").read_bytes(),
                                   meta.get("content_type", ""), from_cache=True,
                                   retrieved=meta.get("retrieved", "") or _now())
                if http.code < 500:
                    raise FetchError(f"HTTP {http.code} {http.reason}") from None
                error = http
            except (urllib.error.URLError, TimeoutError, OSError) as network:
                error = network
            time.sleep(min(8.0, 0.5 * 2 ** attempt))
        raise FetchError(f"could not be fetched after {self.retries + 1} tries ({error})")

    def _store(self, entry: Path, fetched: Fetched, headers) -> None:
        """Keep the body, then its validators, each by an atomic rename: a run killed while writing leaves
        either no entry or a complete one (a validator never points at a half-written body)."""
        self.cache.mkdir(parents=True, exist_ok=True)
        meta = entry.with_suffix(".json")
        meta.unlink(missing_ok=True)  # the old validators must not outlive the body they belong to
        _atomic_write(entry.with_suffix(".body"), fetched.body)
        _atomic_write(meta, json.dumps({
            "url": fetched.url, "etag": headers.get("ETag", ""), "last_modified": headers.get("Last-Modified", ""),
            "content_type": fetched.content_type, "retrieved": fetched.retrieved}).encode("utf-8"))

    def _wait(self, url: str) -> None:
        host = urllib.parse.urlsplit(url).netloc
        wait = self._last.get(host, 0.0) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()


class FetchError(RuntimeError):
    """A page that cannot be fetched: the message says why, in one line."""


def default_cache() -> Path:
    """Where fetched pages are kept between runs: $XDG_CACHE_HOME/stancegraph/fetch (~/.cache/...)."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stancegraph" / "fetch"


def read_urls(urls: Iterable[str], feeds: Iterable[str], fetcher: Fetcher) -> Iterator[Document]:
    """The articles of `urls` and of every entry of `feeds`, each canonical URL once, in order."""
    seen: set[str] = set()  # canonical URLs, and the content hashes of the articles read
    for url in urls:
        yield from _once(url, fetcher, seen)
    for feed in feeds:
        try:
            answer = fetcher.get(feed)
        except FetchError as error:
            yield _skipped(feed, f"feed {error}")
            continue
        import feedparser

        parsed = feedparser.parse(answer.body)
        if parsed.bozo and not parsed.entries:
            yield _skipped(feed, "is not an RSS or Atom feed")
            continue
        for entry in parsed.entries:
            link = entry.get("link")
            if link:
                yield from _once(urllib.parse.urljoin(answer.url, link), fetcher, seen,
                                 feed_date=_entry_date(entry))


def _once(url: str, fetcher: Fetcher, seen: set[str], *, feed_date: str = "") -> Iterator[Document]:
    canonical = canonical_url(url)
    if canonical in seen:
        return
    seen.add(canonical)
    try:
        answer = fetcher.get(url)
    except FetchError as error:
        yield _skipped(canonical, str(error))
        return
    document = read_page(answer, feed_date=feed_date)
    final = canonical_url(document.url or answer.url)
    if (final != canonical and final in seen) or (not document.skipped and document.sha256 in seen):
        return  # reached again through a redirect, the page's canonical link, or at another address
    seen.update((final, document.sha256))
    yield document


def read_page(answer: Fetched, *, feed_date: str = "") -> Document:
    """The main text and metadata of one fetched page (trafilatura), as a document."""
    import trafilatura

    from graph.documents import decode, normalise_date

    kind = answer.content_type.split(";")[0].strip().lower()
    if kind and not (kind.startswith("text/") or "html" in kind or "xml" in kind):
        return _skipped(canonical_url(answer.url), f"is {kind}, not a web page; save the article as text")
    html, _ = decode(answer.body)  # the bytes decide the encoding, not a charset the page may declare wrongly
    extracted = trafilatura.bare_extraction(html, url=answer.url, with_metadata=True, include_comments=False,
                                            include_tables=False)
    if extracted is None:
        return _skipped(canonical_url(answer.url), "no article text found in the page")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        return _skipped(canonical_url(answer.url), "no article text found in the page")
    url = canonical_url(data.get("url") or answer.url)
    return Document(
        source=url, text=normalise_body(text + "\n"), sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=(data.get("title") or "").strip(), date=normalise_date(data.get("date") or "") or feed_date,
        publisher=(data.get("sitename") or data.get("hostname") or "").strip(), url=url, key=url,
        retrieved=answer.retrieved,
    )


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _entry_date(entry) -> str:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else ""


def _skipped(source: str, reason: str) -> Document:
    return Document(source=source, text="", sha256=hashlib.sha256(source.encode("utf-8")).hexdigest(),
                    skipped=reason, key=source)


def _atomic_write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
