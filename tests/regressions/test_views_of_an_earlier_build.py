"""Regression: views written into a build folder by `render --out` (`china.html`, `actors.html`, as the README
does) stayed beside the next build, drawn from data that build no longer has. A file written at the top of
a build folder now goes into the build's current generation with a link beside the build's own outputs, and
the next build removes the link and says so; files stancegraph did not write are never touched."""

from __future__ import annotations

import os

from conftest import INPUTS

GUATEMALA = str(INPUTS / "guatemala_flights.txt")


def test_views_rendered_into_a_build_folder_leave_with_that_build(cli, tmp_path):
    out = tmp_path / "build"
    assert cli("build", str(INPUTS), "--out", str(out)).status == 0
    for argv in (("--level", "actor", "--out", str(out / "actors.html")),
                 ("--focus", "MEX", "--out", str(out / "mexico.html"))):
        run = cli("render", "--graph", str(out), *argv)
        assert run.status == 0 and run.stdout == f"view: {argv[-1]}\n", run.stderr
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert os.readlink(out / "actors.html") == ".current/actors.html"
    assert "Mexico" in (out / "mexico.html").read_text(encoding="utf-8")

    run = cli("build", GUATEMALA, "--out", str(out))
    assert run.status == 0, run.stderr
    assert "removed with the previous build, drawn from its data: actors.html, mexico.html" in run.stderr
    assert not (out / "actors.html").exists() and not (out / "actors.html").is_symlink()
    assert not (out / "mexico.html").is_symlink()
    assert (out / "graph.html").is_file() and (out / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_rendering_the_build_s_own_view_keeps_it_a_link(cli, tmp_path):
    out = tmp_path / "build"
    assert cli("build", str(INPUTS), "--out", str(out)).status == 0
    run = cli("render", "--graph", str(out), "--focus", "MEX")
    assert run.status == 0 and run.stdout == f"view: {out / 'graph.html'}\n"
    assert os.readlink(out / "graph.html") == ".current/graph.html"
    run = cli("analyze", "--graph", str(out), "--focus", "MEX")
    assert run.status == 0, run.stderr
    assert all(os.readlink(out / name) == f".current/{name}" for name in ("stances.csv", "graph.gexf"))
    run = cli("build", GUATEMALA, "--out", str(out))
    assert run.status == 0 and "removed with the previous build" not in run.stderr
    assert "Mexico" not in (out / "graph.html").read_text(encoding="utf-8")
