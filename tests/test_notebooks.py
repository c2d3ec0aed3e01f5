"""The notebooks in notebooks/: each runs top to bottom in a fresh kernel, and each is committed clean.

Every notebook is executed with nbclient in a new kernel started from this interpreter (so it imports the
`graph` package under test), with notebooks/ as working directory, as when Jupyter opens it there, and
with STANCEGRAPH_BUILD pointing at a build of the bundled corpus made once for the session. A cell that
raises fails the test and the error names the cell. A few outputs are checked as well: the charts are
drawn, the view is embedded inline and escaped, the added article changes the graph.
"""

from __future__ import annotations

import contextlib
import html
import re
import sys
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.notebook

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
KERNEL = "stancegraph-test"
CELL_TIMEOUT = 120  # seconds per cell; the slowest cell (a build) takes a few seconds


@pytest.fixture(scope="session")
def notebook_build(tmp_path_factory) -> Path:
    """The bundled corpus built with views, as `make run` does (sources recorded as corpus/...)."""
    from graph import build_graph

    out = tmp_path_factory.mktemp("notebook-build") / "build"
    with contextlib.chdir(REPO):
        result = build_graph(["corpus"], out=out)
    assert result.ok and result.events > 0
    return out


@pytest.fixture(scope="session")
def kernel_specs(tmp_path_factory):
    """A kernel spec manager that knows one kernel: ipykernel on this interpreter (the venv's python).

    Written into a temporary folder, so neither the user's kernels nor a stale `python3` spec that
    points at another Python can be picked up.
    """
    from ipykernel.kernelspec import write_kernel_spec
    from jupyter_client.kernelspec import KernelSpecManager

    kernels = tmp_path_factory.mktemp("kernels")
    write_kernel_spec(kernels / KERNEL)
    manager = KernelSpecManager(kernel_dirs=[str(kernels)])
    assert manager.get_kernel_spec(KERNEL).argv[0] == sys.executable
    return manager


def run_notebook(path: Path, kernel_specs) -> nbformat.NotebookNode:
    """Execute a copy of the notebook in a fresh kernel, cwd notebooks/; raise on the first failing cell."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name=KERNEL, kernel_spec_manager=kernel_specs)
    client = NotebookClient(
        notebook, km=manager, timeout=CELL_TIMEOUT, resources={"metadata": {"path": str(NOTEBOOK_DIR)}}
    )
    client.execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode, mime: str) -> list[str]:
    """Every output of one MIME type (text/plain, text/html, image/png...), streams counted as text/plain."""
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and mime == "text/plain":
                found.append(output["text"])
            elif mime in output.get("data", {}):
                found.append(output["data"][mime])
    return found


def check_quickstart(notebook: nbformat.NotebookNode) -> None:
    text = "\n".join(outputs(notebook, "text/plain"))
    assert re.search(r"read \d+ documents: \d+ event mentions", text)  # it built the empty build folder
    assert re.search(r"found at characters \d+-\d+ of \d\d_\w+\.txt", text)  # offsets point into the source


def check_network_analysis(notebook: nbformat.NotebookNode) -> None:
    # bar chart of scores, timeline, brokers, country network: drawn inline, not left to a blocking show()
    assert len(outputs(notebook, "image/png")) >= 4


def check_interactive_view(notebook: nbformat.NotebookNode) -> None:
    frames = [h for h in outputs(notebook, "text/html") if h.lstrip().startswith("<iframe")]
    assert len(frames) == 3  # focus USA, focus CHN, actor level
    for frame in frames:
        # The whole page sits escaped in one srcdoc attribute: no markup of it reaches the notebook page.
        assert "<script" not in frame and "</iframe>" in frame and 'sandbox="allow-scripts"' in frame
        page = html.unescape(re.search(r'srcdoc="([^"]*)"', frame).group(1))
        assert page.startswith("<!DOCTYPE html>")
        assert "default-src 'none'" in page
        assert not re.search(r"<script[^>]+src=", page)  # every script is inline: works offline
    assert "who cooperates with China" in html.unescape(frames[1])


def check_add_an_article(notebook: nbformat.NotebookNode) -> None:
    text = "\n".join(outputs(notebook, "text/plain"))
    assert "acceptsDeportees" in text  # the new article's event is listed
    change = re.search(r"Panama: (\w+) \(([-+]\d\.\d\d)\) -> (\w+) \(([-+]\d\.\d\d)\)", text)
    assert change and float(change.group(4)) > float(change.group(2))
    assert re.search(r"removed .*stancegraph-", text)


def check_stance_over_time(notebook: nbformat.NotebookNode) -> None:
    text = "\n".join(outputs(notebook, "text/plain"))
    assert "COL resistant -> coerced: 2025-01-26" in text  # Colombia refused, then gave in on one Sunday
    assert re.search(r"\d+ stance events, \d+ of them dated by their sentence", text)
    assert len(outputs(notebook, "image/png")) == 1  # the running scores, drawn inline


def check_extraction_accuracy(notebook: nbformat.NotebookNode) -> None:
    text = "\n".join(outputs(notebook, "text/plain"))
    # the devset's figures as the README's accuracy table gives them (tests/test_accuracy.py keeps it true)
    row = next(line for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("| [devset]"))
    precision, recall, f1 = (cell.strip() for cell in row.split("|")[3].split("/"))
    assert f"events P={precision} R={recall} F1={f1}" in text
    assert re.search(r"false +\d+", text) and "trigger" in text  # the false events with their trigger and evidence
    assert re.search(r"\b[A-Z]{3}(\|[A-Z]{3})* [a-z]\w+(\|\w+)* [A-Z]{3}\b", text)  # a missed item
    notes = (REPO / "tests" / "data" / "devset" / "gold_events.csv").read_text(encoding="utf-8")
    notes = [line.rsplit(",", 1)[-1].strip('"') for line in notes.splitlines()[1:]]
    assert any(len(note) > 12 and note in text for note in notes)  # ... beside its gold note
    assert len(outputs(notebook, "image/png")) == 1  # recall and precision per relation, drawn inline
    # the sentence set's dev split by style: its score is the README's, and every style has a row
    row = next(line for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("| [sentences/dev]"))
    precision, recall, f1 = (cell.strip() for cell in row.split("|")[3].split("/"))
    assert "527 texts from dev.csv" in text and f"events P={precision} R={recall} F1={f1}" in text
    for style in ("agency", "paper", "readout", "blog", "headline", "paraphrased"):
        assert re.search(rf"^{style} +\d+ +\d+ +\d+ +\d+ +[01]\.\d+$", text, re.M), style
    assert re.search(r"removed .*stancegraph-evaluate-", text)


CHECKS = {
    "01_quickstart.ipynb": check_quickstart,
    "02_network_analysis.ipynb": check_network_analysis,
    "03_interactive_view.ipynb": check_interactive_view,
    "04_add_an_article.ipynb": check_add_an_article,
    "05_stance_over_time.ipynb": check_stance_over_time,
    "06_extraction_accuracy.ipynb": check_extraction_accuracy,
}


def test_every_notebook_is_checked():
    assert sorted(CHECKS) == [path.name for path in NOTEBOOKS]


#: Notebooks given an empty build folder, so that their "build it if it is missing" cell runs too.
BUILDS_ITS_OWN = {"01_quickstart.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_runs_from_a_fresh_kernel(path, notebook_build, kernel_specs, monkeypatch, tmp_path):
    build = tmp_path / "build" if path.name in BUILDS_ITS_OWN else notebook_build
    monkeypatch.setenv("STANCEGRAPH_BUILD", str(build))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the notebooks choose the inline backend themselves
    executed = run_notebook(path, kernel_specs)
    CHECKS[path.name](executed)
    assert (build / "store").is_dir()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {index} has outputs: clear them before committing"
            assert cell.execution_count is None, f"{path.name} cell {index} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_uses_only_the_public_api(path):
    """Notebooks show what users can do: `import graph` and its public names, no private modules."""
    import graph

    source = "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")
    assert "import graph" in source
    assert not re.search(r"^\s*(from|import)\s+graph\.", source, flags=re.M)
    used = set(re.findall(r"\bgraph\.(\w+)", source))
    assert used and used <= set(graph.__all__), f"not public: {sorted(used - set(graph.__all__))}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_runs_on_untidy_news(path, messy_news_build, kernel_specs, monkeypatch):
    """The same notebooks on the build of tests/data/messy (undated articles, long official names...)."""
    assert messy_news_build.status == 0, messy_news_build.stderr
    monkeypatch.setenv("STANCEGRAPH_BUILD", str(messy_news_build.out))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    executed = run_notebook(path, kernel_specs)
    errors = [output for cell in executed.cells for output in cell.get("outputs", [])
              if output.get("output_type") == "error"]
    assert errors == []


def test_network_notebook_uses_the_colours_of_the_view():
    """The bar chart of stances colours each label as the HTML view does (graph/templates/style.json)."""
    import ast

    from graph.render import style

    source = next(cell.source for cell in nbformat.read(NOTEBOOK_DIR / "02_network_analysis.ipynb", as_version=4).cells
                  if cell.source.startswith("STANCE_COLOURS"))
    colours = ast.literal_eval(source.split("=", 1)[1].split("}", 1)[0] + "}")
    assert colours == {k: v for k, v in style()["stance_colors"].items() if k != "focus"}
