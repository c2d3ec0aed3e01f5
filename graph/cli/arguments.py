"""The options several commands share and the argument types that check them while arguments are parsed.

A missing feed list, corrections file or a bad `--columns` mapping is a usage error (exit 2) that argparse
reports in its own words, before any article is read; the fetcher and the notes on skipped inputs are made
here once for `build` and `extract`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _add_web_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--feeds", metavar="FILE", type=_feed_list, default=[],
                        help="RSS or Atom feeds to read, one URL per line ('#' starts a comment); their "
                             "articles are fetched, as are URLs given as inputs")
    parser.add_argument("--fetch-cache", metavar="DIR", type=Path, default=None,
                        help="where fetched pages are kept between runs (default ~/.cache/stancegraph/fetch)")
    parser.add_argument("--fetch-delay", metavar="SECONDS", type=float, default=1.0,
                        help="pause between two requests to the same host (default 1)")


def _feed_list(value: str) -> list[str]:
    """`--feeds FILE` -> the feed URLs it lists (argparse type: a missing file is a usage error)."""
    try:
        lines = Path(value).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise argparse.ArgumentTypeError(f"{value}: cannot be read ({error.strerror or error})") from None
    feeds = [line.split("#", 1)[0].strip() for line in lines]
    bad = [f for f in feeds if f and not f.startswith(("http://", "https://"))]
    if bad:
        raise argparse.ArgumentTypeError(f"{value}: {bad[0]!r} is no http(s) URL; list one feed URL per line")
    return [f for f in feeds if f]


def _fetcher(args: argparse.Namespace):
    """The fetcher for URLs and feeds of a command, with its cache folder (None: the default one)."""
    from graph.fetch import Fetcher, default_cache

    return Fetcher(args.fetch_cache or default_cache(), delay=max(0.0, args.fetch_delay))


def _existing_file(value: str) -> Path:
    """A file that must exist (argparse type: a missing file is a usage error)."""
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{value}: no such file")
    return path


def _missing_inputs(inputs: list[str]) -> list[str]:
    """Inputs that name no file or folder (URLs and '-' are not looked for on disk)."""
    from graph.fetch import is_url

    return [i for i in inputs if i != "-" and not is_url(i) and not Path(i).exists()]


def _columns(value: str) -> dict[str, str]:
    """`--columns text=story,date=pubDate` -> {"text": "story", "date": "pubDate"} (argparse type)."""
    from graph.dumps import FIELDS

    mapping = {}
    for part in value.split(","):
        field, sep, name = part.partition("=")
        if not sep or not name.strip() or field.strip() not in FIELDS:
            raise argparse.ArgumentTypeError(f"{part!r}: give FIELD=NAME pairs separated by commas, with FIELD one "
                                             f"of {', '.join(FIELDS)}")
        mapping[field.strip()] = name.strip()
    return mapping


def _report_inputs(documents: list, skipped: list[tuple[str, str]], warnings: list[tuple[str, str]]) -> None:
    for source, warning in warnings:
        print(f"note: {source}: {warning}", file=sys.stderr)
    for source, reason in skipped:
        print(f"skipped: {source}: {reason}", file=sys.stderr)

