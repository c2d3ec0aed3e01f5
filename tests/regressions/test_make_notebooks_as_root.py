"""Regression: `make notebooks` failed as root ('Running as root is not recommended', then a make error):
Jupyter refuses root without --allow-root. The recipe now passes it when `id -u` is 0. The recipe is read
from `make -n` (nothing run, nothing written) and its commands are run here as the recipe would run them:
the jupyter command line with `echo` in place of the server (no long-running server in a test), and the
kernel installation into a temporary prefix instead of the virtual environment."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def recipe(tmp_path_factory) -> list[str]:
    """The commands `make notebooks` would run, as make prints them (in a copy, outside the repository)."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    folder = tmp_path_factory.mktemp("make")
    for name in ("Makefile", "pyproject.toml"):  # what the recipe and its prerequisites read
        shutil.copy(REPO / name, folder / name)
    run = subprocess.run(["make", "-n", "notebooks"], capture_output=True, text=True, cwd=folder, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def test_jupyter_is_told_to_allow_root_exactly_when_root(recipe):
    line = next(command for command in recipe if "jupyter lab" in command)
    program, rest = line.split(" lab ", 1)
    assert program.endswith("/bin/jupyter")
    shown = subprocess.run(["sh", "-c", f"echo {rest}"], capture_output=True, text=True, check=True).stdout.split()
    assert shown[:3] == ["--ip", "127.0.0.1", "--no-browser"] and shown[-1] == "notebooks/"
    assert ("--allow-root" in shown) == (os.geteuid() == 0)


def test_the_kernel_installs_as_this_user(recipe, tmp_path):
    line = next(command for command in recipe if "ipykernel install" in command)
    argv = shlex.split(line)
    assert argv[1:4] == ["-m", "ipykernel", "install"] and "--sys-prefix" in argv
    argv = [sys.executable, *argv[1:]]
    argv[argv.index("--sys-prefix")] = f"--prefix={tmp_path}"
    run = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    spec = json.loads((Path(tmp_path) / "share" / "jupyter" / "kernels" / "stancegraph" / "kernel.json").read_text())
    assert spec["display_name"] == "stancegraph"
