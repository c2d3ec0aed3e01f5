"""Regression: `make run` ended with 'wrote build/ontology.html' although the README says it ends by
printing where the interactive view is: the ontology page was written after the build. The recipe (as
`make -n run` prints it, from a copy of the Makefile outside the repository) now writes the page first;
its commands, run here in a workspace holding a copy of the corpus, end with the view's path."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

import pytest

from conftest import CORPUS, REPO


def test_make_run_prints_the_view_last(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(REPO / name, tmp_path / name)
    # under `make test` the outer make's settings would make this one print 'make[1]: Entering directory'
    outer = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}
    env = {key: value for key, value in os.environ.items() if key not in outer}
    dry = subprocess.run(["make", "--no-print-directory", "-n", "run"], capture_output=True, text=True,
                         cwd=tmp_path, timeout=60, env=env)
    assert dry.returncode == 0, dry.stderr
    recipe = dry.stdout.splitlines()
    commands = recipe[recipe.index(next(c for c in recipe if "graph.docs" in c)):]
    assert [shlex.split(c)[0] for c in commands] == [".venv/bin/python", ".venv/bin/stancegraph"]
    shutil.copytree(CORPUS, tmp_path / "corpus")
    output = ""
    for command in commands:
        argv = shlex.split(command)
        argv = [sys.executable, *argv[1:]] if argv[0].endswith("python") else [sys.executable, "-m", "graph", *argv[1:]]
        run = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, timeout=300)
        assert run.returncode == 0, run.stderr
        output += run.stdout
    assert output.splitlines()[-1] == f"view: {tmp_path / 'build' / 'graph.html'}"
    assert (tmp_path / "build" / "ontology.html").is_file()
