"""Documentation that tests itself: the ontology page (graph/docs.py) and the README.

The ontology page: both renderers, escaping, the command's exit codes.

The README: every subcommand of the command line has its section; every shell command it shows runs and
exits 0 (in a temporary copy of the corpus and test sets, with a build made once for the session, so the
examples can use the default `build/` a user would paste them into); its Python examples run; its tables
of relations, named queries, prefixes, scoring numbers and lexicon columns match the code and data.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import graph
from graph import docs

RELATION_NAMES = [
    "acceptsDeportees", "refusesDeportees", "allowsMilitaryDeportationFlights",
    "refusesMilitaryDeportationFlights", "threatenedExpulsion", "threatenedSanctions", "threatened",
    "demands", "rejects", "accuses", "reducesCooperation", "visits", "meetsWith", "agreesToCooperate",
    "shiftsTowardCooperation", "releasesDetainees", "exertsInfluenceOn", "launchedProgram",
]  # fmt: skip
HAS_PYLODE = importlib.util.find_spec("pylode") is not None


def _relation_rows(page: str) -> list[str]:
    section = page[page.index('id="stance-relations"') :]
    section = section[: section.index("</table>")]
    return re.findall(r'<a href="#(\w+)"><code>sg:\w+</code></a>', section)


def test_builtin_page_lists_every_relation_with_its_numbers():
    page = docs.render("builtin")
    assert sorted(_relation_rows(page)) == sorted(RELATION_NAMES)
    row = page[page.index('href="#threatenedSanctions"') :].split("</tr>")[0]
    assert '<td class="num">-1</td>' in row and '<td class="num">-6.0</td>' in row
    assert "<code>1312</code> Threaten with sanctions, boycott, embargo" in row
    assert "<code>THREATEN</code>" in row
    neutral = page[page.index('href="#launchedProgram"') :].split("</tr>")[0]
    assert '<td class="num">0</td>' in neutral and '<td class="num">0.0</td>' in neutral
    for anchor in ('id="Country"', 'id="actorCountry"', 'id="confidence"', 'id="asserted"'):
        assert anchor in page


def test_builtin_page_escapes_text():
    page = docs.render("builtin")
    # The definition of sg:trigger quotes an example phrase; it must arrive escaped.
    assert "&quot;would not accept&quot;" in page
    assert '"would not accept"' not in page


@pytest.mark.skipif(not HAS_PYLODE, reason="pyLODE (the docs extra) is not installed")
def test_pylode_page_has_one_title_and_the_relations_table():
    page = docs.render("pylode")
    assert re.search(r"<h1>\s*stancegraph ontology\s*</h1>", page)
    assert sorted(_relation_rows(page)) == sorted(RELATION_NAMES)
    assert '<a href="#stance-relations">Stance relations</a>' in page


def test_command_writes_the_page(tmp_path, capsys):
    out = tmp_path / "site" / "ontology.html"
    assert docs.main([str(out), "--engine", "builtin"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out.strip() == f"wrote {out}"


def test_command_reports_an_unwritable_path(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert docs.main([str(blocker / "ontology.html"), "--engine", "builtin"]) == 2
    assert "cannot write" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------------- README

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
#: Folders the README's commands read, copied into the temporary workspace they run in.
WORKSPACE_INPUTS = ("corpus", "tests/data/devset", "tests/data/heldout", "tests/data/dumps",
                    "tests/data/corrections", "tests/data/sentences")
#: Commands that are not run here: `make` targets are what the whole suite runs under, and servers block
#: until Ctrl-C (tests/test_server.py runs the server, tests/test_review.py the review page; the push example
#: gets a server from a fixture).
NOT_RUN = (("make",), ("stancegraph", "serve"), ("stancegraph", "review"), ("oxigraph", "serve"))
#: The Graph Store Protocol endpoint the README's push example uploads to.
README_ENDPOINT = "http://127.0.0.1:7879/store"


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def _blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced code block."""
    return re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.M | re.S)


def _section(text: str, heading: str) -> str:
    """The text of the `## heading` section, up to the next `## ` heading."""
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _incomplete(command: str) -> bool:
    """True while a command continues on the next line (open quote or trailing backslash)."""
    if command.endswith("\\"):
        return True
    try:
        shlex.split(command)
    except ValueError:
        return True
    return False


def shell_examples(text: str) -> list[tuple[str, list[str]]]:
    """Every shell command shown, with the output lines shown after it.

    Commands are the `$ ` lines of console blocks (their output is what follows, up to the next `$ `)
    and the lines of sh blocks (no output shown); a command continues over the next lines while a quote
    is open or a line ends in a backslash (the ad-hoc SPARQL query spans several).
    """
    examples: list[tuple[str, list[str]]] = []
    for language, body in _blocks(text):
        if language not in ("console", "sh"):
            continue
        lines = body.splitlines()
        index = 0
        while index < len(lines):
            line = lines[index]
            starts = line.startswith("$ ") if language == "console" else bool(line.strip())
            if starts and not line.lstrip().startswith("#"):
                command = line[2:] if language == "console" else line
                while _incomplete(command) and index + 1 < len(lines):
                    index += 1
                    command += "\n" + lines[index]
                examples.append((command, []))
            elif examples and language == "console":
                examples[-1][1].append(line)
            index += 1
    return examples


def shell_commands(text: str) -> list[str]:
    return [command for command, _ in shell_examples(text)]


def _words(command: str) -> tuple[str, ...]:
    return tuple(shlex.split(command, comments=True))


def runnable_examples() -> list[tuple[str, list[str]]]:
    return [(c, out) for c, out in shell_examples(_readme()) if not any(_words(c)[: len(p)] == p for p in NOT_RUN)]


def runnable_commands() -> list[str]:
    return [command for command, _ in runnable_examples()]


@pytest.fixture(scope="session")
def readme_workspace(tmp_path_factory) -> Path:
    """A folder laid out like the repository for the README's commands: the corpus and the test sets
    copied in, and `build/` made by `stancegraph build corpus --out build`, as `make run` would."""
    workspace = tmp_path_factory.mktemp("readme") / "stancegraph"
    for name in WORKSPACE_INPUTS:
        shutil.copytree(REPO / name, workspace / name)
    built = subprocess.run(
        [sys.executable, "-m", "graph", "build", "corpus", "--out", "build"],
        cwd=workspace,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    return workspace


@pytest.fixture(scope="session")
def gsp_server():
    """A writable Oxigraph server for the push example (the README starts one with `oxigraph serve`)."""
    handle = graph.start_server(None, writable=True, port=0)
    try:
        yield handle
    finally:
        handle.stop()


def _environment() -> dict[str, str]:
    """The user's environment with this virtual environment first on PATH (as after activating it)."""
    env = {k: v for k, v in os.environ.items() if k != "STANCEGRAPH_PASSWORD"}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def test_readme_starts_with_the_two_setup_commands():
    first = next(body for language, body in _blocks(_readme()) if language == "sh")
    assert first.split("\n")[:2] == ["make run", "make test"] and first.strip().count("\n") == 1


def test_readme_shows_commands_to_run():
    commands = runnable_commands()
    assert len(commands) >= 15
    assert any("PREFIX sg:" in command for command in commands)  # the multi-line ad-hoc query is one command
    assert {_words(c)[0] for c in commands} <= {"stancegraph", "head", "oxigraph"}


def test_every_subcommand_is_in_the_cli_reference():
    from graph.cli import build_parser

    parser = build_parser()
    subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    reference = _section(_readme(), "Command line")
    shown = {_words(c)[1] for c in shell_commands(reference) if _words(c)[0] == "stancegraph"}
    for name in subcommands:
        assert f"\n### {name}\n" in reference, f"no section for `stancegraph {name}` in the CLI reference"
        assert name in shown, f"no example of `stancegraph {name}` in the CLI reference"


def _shape(line: str, workspace: Path) -> str:
    """A line of output with the machine-dependent parts neutralised: the repository path, the port of a
    local server, timings and the width of table columns. Counts and scores are compared as printed, so the README
    shows the numbers the code gives today (update it when the extractor changes them)."""
    line = line.replace(str(workspace), "/home/you/stancegraph")
    line = re.sub(r"(127\.0\.0\.1|localhost):\d+", r"\1:#", line)
    head, timed, timings = line.partition("seconds:")
    line = head + timed + re.sub(r"\d+(\.\d+)?", "#", timings)
    return " ".join(line.split())


@pytest.mark.parametrize(
    ("command", "shown"),
    [pytest.param(c, out, id=" ".join(c.split())[:60]) for c, out in runnable_examples()],
)
def test_readme_command_runs(command, shown, readme_workspace, request):
    """The command exits 0, and what it prints starts like the output the README shows for it."""
    if _words(command)[:2] == ("stancegraph", "push"):
        assert README_ENDPOINT in command
        command = command.replace(README_ENDPOINT, request.getfixturevalue("gsp_server").store_url)
    if " ".join(command.split()) == "stancegraph build corpus --out build":
        shutil.rmtree(readme_workspace / "build")  # the README shows a first build, as `make run` prints it
    done = subprocess.run(
        ["bash", "-c", command], cwd=readme_workspace, env=_environment(), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"{command}\nexit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    if shown and shown[0] != "…":
        expected = _shape(shown[0].removesuffix("…"), readme_workspace)
        first = _shape(done.stdout.splitlines()[0], readme_workspace)
        assert first.startswith(expected) if shown[0].endswith("…") else first == expected, (first, expected)
    _assert_shown_in_order(shown, done.stdout + done.stderr, readme_workspace)


def _assert_shown_in_order(shown: list[str], output: str, workspace: Path) -> None:
    """Every line the README shows for a command is in its output, in the same order: a line ending in
    '…' is a cut line (its start must match), a line '…' stands for lines left out. Paths, ports and
    column widths are neutralised by `_shape`; numbers are not, so the README cannot go stale, and no
    line may be shown that the command does not print."""
    lines = [_shape(line, workspace) for line in output.splitlines()]
    position = 0
    for line in shown:
        if line.strip() in ("…", ""):
            continue
        wanted = _shape(line.removesuffix("…"), workspace)
        cut = line.endswith("…")
        while position < len(lines) and not (lines[position].startswith(wanted) if cut else lines[position] == wanted):
            position += 1
        assert position < len(lines), f"the README shows a line the command does not print (in order): {line!r}"
        position += 1


@pytest.mark.parametrize(
    "code", [body for language, body in _blocks(_readme()) if language == "python"], ids=lambda c: c[:40]
)
def test_readme_python_example_runs(code, readme_workspace):
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=readme_workspace,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def _table(text: str, header: str) -> list[list[str]]:
    """Cells of the markdown table whose header row starts with `header`."""
    start = text.index(header)
    rows = []
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_relation_table_matches_the_ontology():
    rows = _table(_readme(), "| relation | label | polarity | weight | symmetric | CAMEO | PLOVER |")
    table = {row[0].strip("`").removeprefix("sg:"): row for row in rows}
    relations = graph.relations()
    assert sorted(table) == sorted(relations)
    for name, relation in relations.items():
        _, label, polarity, weight, symmetric, cameo, plover = table[name]
        assert (int(polarity), float(weight)) == (relation.polarity, relation.weight), name
        assert (label, symmetric == "yes", cameo, plover) == (
            relation.label,
            relation.symmetric,
            relation.cameo,
            relation.plover,
        ), name


def test_named_query_table_matches_the_query_library():
    rows = _table(_readme(), "| query | parameters | answers |")
    shown = {row[0].strip("`"): re.findall(r"`(\w+)`", row[1]) for row in rows}
    assert shown == {name: [p.name for p in q.params] for name, q in graph.named_queries().items()}


def test_prefixes_are_the_model_namespaces():
    from graph.ontology import PREFIXES

    declared = re.findall(r"^PREFIX (\w+):\s*<([^>]+)>", _readme(), flags=re.M)
    assert len(declared) >= 14
    for prefix, iri in declared:
        assert PREFIXES.get(prefix) == iri, f"PREFIX {prefix}: <{iri}>"


def test_scoring_numbers_are_those_of_the_ontology():
    from graph.analyze import load_scoring

    rule = load_scoring()
    stated = dict(re.findall(r"`sg:(\w+)` = (-?\d+(?:\.\d+)?)", _section(_readme(), "How stance is scored")))
    expected = {
        "ownActFactor": rule.own_act_factor, "receivedActFactor": rule.received_act_factor,
        "evidencePrior": rule.evidence_prior, "cooperativeThreshold": rule.cooperative_threshold,
        "resistantThreshold": rule.resistant_threshold, "trendThreshold": rule.trend_threshold,
    }  # fmt: skip
    assert {name: float(value) for name, value in stated.items()} == expected


def test_lexicon_examples_have_the_columns_of_their_files():
    data = REPO / "graph" / "data"
    headers = {path.read_text(encoding="utf-8").splitlines()[0]: path for path in data.glob("*.csv")}
    examples = [body for language, body in _blocks(_readme()) if language == "csv"]
    files = set()
    for example in examples:
        header, *rows = list(csv.reader(io.StringIO(example)))
        path = headers.get(",".join(header))
        assert path is not None, f"no file in graph/data has the columns {header}"
        assert rows and all(len(row) == len(header) for row in rows), f"example for {path.name}"
        files.add(path.name)
    assert files >= {"country_aliases.csv", "people.csv", "organizations.csv", "roles.csv", "words.csv",
                     "triggers.csv", "contexts.csv", "acronyms.csv"}  # fmt: skip


def test_local_links_point_to_files():
    text = _readme()
    made_by_make_run = {"build/ontology.html"}
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        assert (REPO / target).exists() or target in made_by_make_run, f"broken link: {target}"


def test_readme_commands_parse_as_shell():
    """The continuation rule of `shell_commands` agrees with bash: each command is complete on its own."""
    for command in shell_commands(_readme()):
        checked = subprocess.run(["bash", "-n", "-c", command], capture_output=True, text=True)
        assert checked.returncode == 0, f"{command}: {checked.stderr}"


def test_every_event_and_person_the_readme_names_is_in_the_corpus_build(readme_workspace):
    """The README once showed `event:3f6cd3c3ca97bf5c`, an IRI no build had: every event and person IRI it
    names in full (in prose, tables and Turtle alike) must be in the graph `make run` builds."""
    graph = (readme_workspace / "build" / "graph.nt").read_text(encoding="utf-8")
    readme = _readme()
    named = {("event", local) for local in re.findall(r"\bevent:([0-9a-f]{16})\b", readme)}
    named |= {("person", local) for local in re.findall(r"\bperson:([a-z][a-z-]*[a-z])\b", readme)}
    assert {kind for kind, _ in named} == {"event", "person"}
    missing = [f"{kind}:{local}" for kind, local in sorted(named)
               if f"<https://w3id.org/stancegraph/id/{kind}/{local}>" not in graph]
    assert not missing, f"the README names IRIs the corpus build does not have: {missing}"


def test_the_layout_table_names_every_module_of_the_package():
    """The README's table of where each stage lives names every module of the subpackages, so a reader who
    looks for a step finds its file."""
    table = README.read_text(encoding="utf-8").split("| stage | where |", 1)[1].split("\n\n", 1)[0]
    for folder in sorted(p.parent.name for p in (REPO / "graph").glob("*/__init__.py")):
        cell = next(line for line in table.splitlines() if f"`{folder}/`" in line)
        missing = [p.name for p in sorted((REPO / "graph" / folder).glob("*.py"))
                   if p.name != "__init__.py" and f"`{p.name}`" not in cell]
        assert missing == [], f"graph/{folder}/ modules the README's layout table does not name: {missing}"
