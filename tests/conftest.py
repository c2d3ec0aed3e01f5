"""Shared test fixtures: where the test data lives, a messy corpus, and builds shared between modules.

A build takes a second or more, so the builds several tests read are session-scoped; tests must treat
them as read-only (build into their own `tmp_path` when they need to change something). Expensive or
generated inputs (a multi-megabyte article, binary files) are made here in temporary folders instead
of being committed.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
#: Hand-written articles in the shapes real inputs arrive in (see its README.md).
INPUTS = DATA / "inputs"
CORPUS = REPO / "corpus"
#: The seed article lives outside the repository and may be absent (e.g. in a fresh clone).
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


# ------------------------------------------------------------------ the suite leaves the checkout as it was
def repository_status() -> set[str] | None:
    """`git status --porcelain` lines of the checkout under test (untracked files one by one); None when
    it is no git checkout or git is missing, so the check below is skipped rather than wrong."""
    try:
        run = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO,
                             capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return set(run.stdout.splitlines()) if run.returncode == 0 else None


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_STATUS] = repository_status()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when a test wrote into the repository (a README command's events.csv in the root, a
    refreshed screenshot): `make test` must leave `git status` as it found it. Entries that were already
    there (work in progress) are not counted."""
    if os.environ.get("STANCEGRAPH_REFRESH_SCREENSHOT"):
        return  # `make screenshot` is there to rewrite docs/screenshot.png and docs/review.png
    before, after = session.config.stash.get(_STATUS, None), repository_status()
    if before is None or after is None:
        return
    written = sorted(after - before)
    if written:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("the tests changed the repository (git status): " + "; ".join(written), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_STATUS = pytest.StashKey[set[str] | None]()

#: Stance sentence placed at the very end of the generated large article.
BIG_ARTICLE_EVENT = (
    "Honduras agreed on Friday to accept deportation flights from the United States, "
    "Foreign Minister Enrique Reina said."
)
_FILLER = (
    "Talks on {topic} will continue through the spring, officials said on {day} in {city}.",
    "The finance ministry published new figures on {topic} in {city}, which rose by {n} percent over "
    "the previous quarter.",
    "Traders in {city} are weighing the outlook for {topic} while protecting exports of coffee and "
    "bananas, analysts said.",
    "Farmers near {city} reported a smaller harvest after a long dry season, and {topic} dominated "
    "debate at local markets on {day}.",
    "Opposition lawmakers in {city} asked for a hearing on {topic}, citing {n} complaints filed since "
    "the start of the year.",
)
_CITIES = ("Tegucigalpa", "San Pedro Sula", "La Ceiba", "Choluteca", "Comayagua")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_TOPICS = ("remittances", "fuel prices", "road repairs", "school funding", "port fees", "water supply")


def big_article(megabytes: float) -> str:
    """A plausible, long regional news digest of about `megabytes` MB with one stance sentence at the end.

    Generated rather than committed: the point is its size, not its words.
    """
    head = ('Title: Regional digest\nSource: Valley Courier, "Weekly regional digest", 2025-02-07\n'
            "Date: 2025-02-07\n\n")
    parts = [head]
    size = len(head)
    i = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        sentence = _FILLER[i % len(_FILLER)].format(
            city=_CITIES[i % len(_CITIES)], day=_DAYS[(i // 5) % len(_DAYS)],
            topic=_TOPICS[(i // 3) % len(_TOPICS)], n=3 + i % 17,
        )
        paragraph = f"{sentence} Bulletin item {i}.\n\n"
        parts.append(paragraph)
        size += len(paragraph)
        i += 1
    parts.append(BIG_ARTICLE_EVENT + "\n")
    return "".join(parts)


#: Bytes of a real 1x1 PNG image: what a saved image looks like to the reader.
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

#: What each skipped file of `messy_corpus` must be reported with (file name -> words of the reason).
MESSY_SKIPPED = {
    "empty.txt": "empty file",
    "photo.txt": "binary file (a PNG image)",
    "export.txt": "binary file (contains NUL bytes)",
}


@pytest.fixture(scope="session")
def inputs_dir() -> Path:
    """tests/data/inputs: hand-written articles (header block, Windows-1252, HTML, datelines)."""
    return INPUTS


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled corpus/ folder."""
    return CORPUS


@pytest.fixture(scope="session")
def make_big_article():
    """`make_big_article(megabytes)` -> the text of a long generated article ending in one stance."""
    return big_article


@pytest.fixture(scope="session")
def big_article_event() -> str:
    """The stance sentence that ends every `make_big_article` text."""
    return BIG_ARTICLE_EVENT


@pytest.fixture(scope="session")
def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    return PNG_BYTES


@pytest.fixture(scope="session")
def messy_skipped() -> dict[str, str]:
    """File name -> reason expected for every file of `messy_corpus` that cannot be read."""
    return dict(MESSY_SKIPPED)


@pytest.fixture(scope="session")
def messy_corpus(tmp_path_factory) -> Path:
    """A corpus folder as users really have them: good articles next to files that cannot be read.

    Holds the hand-written inputs (UTF-8 with a header, Windows-1252, HTML, datelines), an empty file,
    two binary files saved with a .txt name, a ~3 MB article, a README.md and a hidden folder that must
    not be read, and a nested folder with one more article.
    """
    folder = tmp_path_factory.mktemp("messy") / "corpus"
    folder.mkdir()
    for name in ("guatemala_flights.txt", "bogota_cp1252.txt", "panama_page.html", "washington_dateline.txt",
                 "no_dateline.txt"):
        shutil.copy(INPUTS / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(PNG_BYTES)
    (folder / "export.txt").write_bytes(b"SPSS\x00\x00\x01\x00" + bytes(range(256)) * 8)
    (folder / "big.txt").write_text(big_article(3.0), encoding="utf-8")
    # A README says something a stance reader would pick up if it were (wrongly) read as an article.
    (folder / "README.md").write_text(
        "# Corpus notes\n\nMexico refused to accept deportees from the United States, officials said.\n",
        encoding="utf-8",
    )
    hidden = folder / ".cache"
    hidden.mkdir()
    (hidden / "old.txt").write_text("Cuba accused the United States of sabotage, officials said.\n")
    nested = folder / "more"
    nested.mkdir()
    (nested / "costa_rica.txt").write_text(
        "Title: Costa Rica takes transit deportees\nDate: 2025-02-19\n\n"
        "SAN JOSÉ — Costa Rica agreed to accept deportees from the United States who come from other "
        "countries, President Rodrigo Chaves said on Wednesday.\n",
        encoding="utf-8",
    )
    return folder


@dataclass
class CliRun:
    """One in-process run of `stancegraph ...`: exit status and what it printed."""

    status: int
    stdout: str
    stderr: str
    out: Path | None = None


def run_cli(*argv: str, out: Path | None = None) -> CliRun:
    """Run `stancegraph argv...` in this process and capture stdout and stderr."""
    from graph.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            status = main(list(argv))
        except SystemExit as exc:  # argparse errors and --help
            status = int(exc.code or 0)
    return CliRun(status, stdout.getvalue(), stderr.getvalue(), out)


@pytest.fixture(scope="session")
def cli():
    """`cli("build", "corpus", ...)` runs the command line in-process and returns a `CliRun`."""
    return run_cli


@pytest.fixture(scope="session")
def messy_build(messy_corpus, tmp_path_factory) -> CliRun:
    """`stancegraph build <messy corpus> --out ... --no-views`, run once for the session."""
    out = tmp_path_factory.mktemp("messy-build") / "build"
    return run_cli("build", str(messy_corpus), "--out", str(out), "--no-views", out=out)


#: Articles in the untidy shapes real news comes in (tests/data/messy/README.md), with their manifest.
MESSY_NEWS = DATA / "messy"
MESSY_MANIFEST = DATA / "messy_manifest.csv"


@pytest.fixture(scope="session")
def messy_news_build(tmp_path_factory) -> CliRun:
    """`stancegraph build tests/data/messy --out ...` with views, run once for the session."""
    out = tmp_path_factory.mktemp("messy-news-build") / "build"
    return run_cli("build", str(MESSY_NEWS), "--out", str(out), out=out)


@dataclass
class Built:
    """A finished build: its folder, the `BuildResult`, and its graph loaded in memory for SPARQL."""

    out: Path
    result: object
    store: ox.Store

    def ask(self, where: str) -> bool:
        """SPARQL ASK over the graph with the project prefixes declared."""
        return bool(self.store.query(f"{_prefixes()} ASK {{ {where} }}"))

    def select(self, query: str) -> list[tuple[str, ...]]:
        """Rows of a SPARQL SELECT (project prefixes declared) as tuples of plain values."""
        return [tuple(term.value if term is not None else None for term in row)
                for row in self.store.query(f"{_prefixes()} {query}")]


def _prefixes() -> str:
    from graph.ontology import PREFIXES

    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


def load_store(path: Path) -> ox.Store:
    """An in-memory Oxigraph store holding an N-Triples or Turtle file."""
    store = ox.Store()
    fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
    store.bulk_load(path=str(path), format=fmt)
    return store


def _build(inputs: list[str], out: Path) -> Built:
    from graph.build import build

    result = build(inputs, out=out, views=False)
    return Built(out, result, load_store(out / "graph.nt"))


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory) -> Built:
    """The bundled corpus/ built once (no views)."""
    return _build([str(CORPUS)], tmp_path_factory.mktemp("corpus-build") / "build")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Built:
    """The seed article built once (no views); skipped when the seed folder is not there."""
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"seed article folder {SEEDS} is absent (it lives outside the repository)")
    return _build([str(SEEDS)], tmp_path_factory.mktemp("seed-build") / "build")


@pytest.fixture
def listener():
    """A TCP listener on loopback that records every connection it accepts: a request that must never be
    sent (a SERVICE target) is one that leaves `accepted` empty. Yields (port, accepted)."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    accepted: list[tuple] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, address = server.accept()
            except TimeoutError:
                continue
            accepted.append(address)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join(timeout=2)
    server.close()
