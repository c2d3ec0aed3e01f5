"""Ontology documentation page (graph/docs.py): both renderers, escaping, the command's exit codes."""

from __future__ import annotations

import importlib.util
import re

import pytest

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
