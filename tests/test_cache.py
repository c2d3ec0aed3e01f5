"""The extraction cache (graph/cache.py): a rebuild extracts only new and changed articles, and gives the
same outputs as a build from scratch."""

from __future__ import annotations

import shutil

import pytest

import graph.build
import graph.cache
from graph.build import build

from conftest import CORPUS

OUTPUTS = ("events.csv", "entities.csv", "graph.nt")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.fixture
def extracted(monkeypatch):
    """The documents the build really extracts (it calls graph.build.extract_documents)."""
    seen: list[str] = []
    real = graph.build.extract_documents

    def counting(documents, **kwargs):
        documents = list(documents)
        seen.extend(d.source.rsplit("/", 1)[-1] for d in documents)
        return real(documents, **kwargs)

    monkeypatch.setattr(graph.build, "extract_documents", counting)
    return seen


def test_a_rebuild_extracts_only_new_and_changed_articles(corpus, tmp_path, extracted):
    out = tmp_path / "build"
    first = build([corpus], out=out, views=False)
    assert (first.cache.new, first.cache.unchanged) == (13, 0) and len(extracted) == 13
    extracted.clear()
    changed = sorted(corpus.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPeru expelled the Venezuelan ambassador.\n",
                       encoding="utf-8")
    sorted(corpus.glob("*.txt"))[-1].unlink()
    (corpus / "20_new.txt").write_text("Chile condemned Argentina over the border incident.\n", encoding="utf-8")
    second = build([corpus], out=out, views=False)
    stats = second.cache
    assert (stats.new, stats.changed, stats.unchanged, stats.removed) == (1, 1, 11, 1)
    assert sorted(extracted) == sorted([changed.name, "20_new.txt"])
    fresh = build([corpus], out=tmp_path / "fresh", views=False)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name
    assert fresh.events == second.events


def test_a_new_extractor_version_extracts_everything_again(corpus, tmp_path, extracted, monkeypatch):
    out = tmp_path / "build"
    build([corpus], out=out, views=False)
    extracted.clear()
    monkeypatch.setattr(graph.cache, "extractor_version", lambda: "a changed lexicon")
    again = build([corpus], out=out, views=False)
    assert again.cache.changed == 13 and len(extracted) == 13


def test_the_version_follows_the_code_and_every_data_file(tmp_path):
    package = tmp_path / "graph"
    shutil.copytree(graph.cache.Path(graph.cache.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = graph.cache.version_of(package)
    assert before == graph.cache.extractor_version()
    words = package / "data" / "words.csv"
    words.write_text(words.read_text(encoding="utf-8") + "EXTRA,word\n", encoding="utf-8")
    after_lexicon = graph.cache.version_of(package)
    events = package / "extract" / "events.py"
    events.write_text(events.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_code = graph.cache.version_of(package)
    resolution = package / "actors" / "resolution.py"
    resolution.write_text(resolution.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_mentions = graph.cache.version_of(package)
    assert len({before, after_lexicon, after_code, after_mentions}) == 4
    (package / "render.py").write_text("# the view is no part of extraction\n", encoding="utf-8")
    assert graph.cache.version_of(package) == after_mentions


def test_unused_cache_entries_are_removed(corpus, tmp_path):
    out = tmp_path / "build"
    build([corpus], out=out, views=False)
    for path in sorted(corpus.glob("*.txt"))[:5]:
        path.unlink()
    build([corpus], out=out, views=False)
    assert len(list((out / ".cache").glob("*.json"))) == 8 + 1  # eight articles and the index


def test_a_build_killed_while_extracting_keeps_what_it_extracted(corpus, tmp_path, extracted):
    """SIGKILL after some articles: the previous build still answers, the next one reuses every complete entry."""
    import signal
    import subprocess
    import sys
    import textwrap

    out = tmp_path / "build"
    small = tmp_path / "first"
    small.mkdir()
    shutil.copy(sorted(corpus.glob("*.txt"))[0], small)
    build([small], out=out, views=False)
    script = textwrap.dedent(f"""
        import os, signal
        import graph.build
        real = graph.build.extract_documents
        def dying(documents, **kwargs):
            for count, result in enumerate(real(documents, **kwargs)):
                if count == 5:
                    os.kill(os.getpid(), signal.SIGKILL)
                yield result
        graph.build.extract_documents = dying
        graph.build.build([{str(corpus)!r}], out={str(out)!r}, views=False)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert run.returncode == -signal.SIGKILL
    from graph import query_df

    assert len(query_df("SELECT ?e WHERE { ?e a sg:StanceEvent }", graph=out)) > 0  # the previous build answers
    extracted.clear()
    again = build([corpus], out=out, views=False)
    assert again.ok and len(extracted) == 13 - 5  # the five articles extracted before the kill are reused


def test_an_article_extraction_failed_on_is_not_cached_and_is_tried_again(corpus, tmp_path, extracted,
                                                                          monkeypatch):
    """A build names the article a rule's fault made extraction raise on and still publishes the others; the
    failure is not kept in the cache, so the next build, with the fault mended, extracts that article."""
    import graph.extract.run as run

    real = run._find_candidates
    victim = sorted(corpus.glob("*.txt"))[0]

    def faulty(doc):
        if doc.document.source == str(victim):
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc)

    monkeypatch.setattr(run, "_find_candidates", faulty)
    out = tmp_path / "build"
    first = build([corpus], out=out, views=False)
    assert [s for s, why in first.skipped if why.startswith("extraction failed: RecursionError")] == [str(victim)]
    assert not first.ok and first.events > 0
    monkeypatch.setattr(run, "_find_candidates", real)
    extracted.clear()
    second = build([corpus], out=out, views=False)
    assert not second.skipped, second.skipped
    assert extracted == [victim.name] and second.events > first.events
