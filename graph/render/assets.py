"""What the page is made of: the templates folder (page, script, stylesheet, the look in style.json), the
vis-network library pyvis ships, and the view data as JSON that cannot end the script element it sits in.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@cache
def style() -> dict:
    """The look of the view (colours, shapes, spacing, large-graph limits) from templates/style.json."""
    return json.loads((_TEMPLATES / "style.json").read_text(encoding="utf-8"))


@cache
def _template(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


@cache
def vis_network_js() -> str:
    """The vis-network library that pyvis ships (standalone build, Apache-2.0/MIT), to inline in the page.

    pyvis itself writes pages that load it from a CDN and that turn tooltips into raw HTML, and its
    `add_edge` is quadratic; stancegraph therefore uses pyvis for the library it packages and builds the
    page from its own template.
    """
    from importlib.resources import files

    lib = files("pyvis") / "templates" / "lib"
    builds = sorted((p for p in lib.iterdir() if p.name.startswith("vis-") and (p / "vis-network.min.js").is_file()),
                    key=lambda p: p.name)
    if not builds:
        raise FileNotFoundError("pyvis does not ship vis-network.min.js; reinstall pyvis (pip install pyvis)")
    return (builds[-1] / "vis-network.min.js").read_text(encoding="utf-8")


def embed_json(data: object) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (so ``</script>`` or ``<!--`` in
    evidence cannot end or change the element), U+2028 and U+2029 become escapes (they end lines in
    older JavaScript parsers). The result still parses with ``JSON.parse`` to the same data.

    Examples
    --------
    >>> embed_json({"evidence": "</script>"})
    '{"evidence":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text
