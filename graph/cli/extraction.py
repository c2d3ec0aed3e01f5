"""The build and extract commands: articles read, events extracted, and the graph or the CSVs written.

Both check their inputs and output targets before extracting (a missing input or an unwritable file is
said at once, not after minutes of work), and turn a full disk or a read-only folder into one line that
says what to do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.cli.arguments import (
    _add_web_arguments,
    _columns,
    _existing_file,
    _fetcher,
    _missing_inputs,
    _report_inputs,
)
from graph.cli.errors import _unwritable_file, _where, _write_problem
from graph.outputs import atomic_write_text


def _add_extraction_commands(sub: argparse._SubParsersAction) -> None:
    """build, extract."""
    build = sub.add_parser(
        "build", help="extract, build the graph and write every output into a folder",
        description="Read articles (text or HTML files, folders, news dumps in JSON Lines, CSV or Parquet with "
                    "one article per record), extract stance events and write build/: "
                    "events.csv, entities.csv, graph.ttl, graph.nt, graph.jsonld, store/, stances.csv, "
                    "stance_changes.csv, "
                    "graph.gexf, graph.graphml and graph.html. Corrections (corrections.csv beside the articles, "
                    "or --corrections FILE) are applied after extraction. Exit 1 when an input was skipped or "
                    "a correction row was bad.",
    )
    build.add_argument("inputs", nargs="*", default=[], metavar="INPUT",
                       help="files, folders or article URLs to read (default: corpus/, unless --feeds is given)")
    build.add_argument("--out", default="build", help="output folder (default: build/)")
    build.add_argument("--focus", default="USA", help="ISO3 country the view and stances centre on (default USA)")
    build.add_argument("--jobs", type=int, default=1, help="processes for extraction (0 = all cores)")
    build.add_argument("--no-views", action="store_true", help="write the graph and store only (no analysis/HTML)")
    build.add_argument("--columns", type=_columns, default=None, metavar="FIELD=NAME,...",
                       help="field names of news dumps (JSON Lines, CSV, Parquet) when they are not the usual "
                            "ones, e.g. text=story,date=pubDate (fields: text, title, date, url, publisher, "
                            "language)")
    build.add_argument("--corrections", metavar="FILE", type=_existing_file, default=None,
                       help="corrections to apply after extraction: reject, accept, change or add events, merge "
                            "aliases, set a person's country or role (default: corrections.csv in each input "
                            "folder, when there is one)")
    _add_web_arguments(build)
    build.add_argument("--shards", metavar="DIR", type=Path, default=None,
                       help="write extraction results into DIR partition by partition (Parquet events, entities "
                            "and articles; the graph as N-Triples), so the corpus is never all in memory")
    build.add_argument("--no-store", action="store_true",
                       help="with --shards: stop after writing the shards (the graph is DIR/triples/*.nt, ready "
                            "for a triple store's bulk loader); --out is not touched")
    build.add_argument("--dask", metavar="ADDRESS", default=None,
                       help="extract on a dask.distributed cluster (scheduler address, e.g. tcp://10.0.0.5:8786) "
                            "into --shards DIR, a folder every worker can write; inputs are files and folders "
                            "the workers read under the same paths")
    build.add_argument("--no-wait", action="store_true",
                       help="refuse at once when another build into the same folder is running (default: wait)")
    build.set_defaults(func=_cmd_build)

    ext = sub.add_parser(
        "extract", help="extract stance events and entities as CSV",
        description="Extract stance events (one row per evidence sentence) and named entities from articles. "
                    "Events go to stdout unless --events names a file. Exit 1 when an input was skipped.",
    )
    ext.add_argument("inputs", nargs="*", metavar="INPUT",
                     help="files, folders or article URLs to read ('-' = stdin)")
    ext.add_argument("--events", default="-", help="events CSV file ('-' = stdout, the default)")
    ext.add_argument("--entities", help="entities CSV file ('-' for standard output, after the events)")
    ext.add_argument("--jobs", type=int, default=1, help="processes (0 = all cores)")
    ext.add_argument("--columns", type=_columns, default=None, metavar="FIELD=NAME,...",
                     help="field names of news dumps when they are not the usual ones (see build --help)")
    ext.add_argument("--dask", metavar="ADDRESS", default=None,
                     help="extract on a dask.distributed cluster (scheduler address); the workers write shards "
                          "into --shards DIR, read back here one at a time")
    ext.add_argument("--shards", metavar="DIR", type=Path, default=None,
                     help="with --dask: the shard folder, one every worker can write (see build --help)")
    _add_web_arguments(ext)
    ext.set_defaults(func=_cmd_extract)


def _cmd_build(args: argparse.Namespace) -> int:
    from graph.analyze import UnknownFocusError
    from graph.build import NothingToBuild, build
    from graph.publish import BuildFolderError

    if not args.inputs and not args.feeds:
        args.inputs = ["corpus"]
    missing = _missing_inputs(args.inputs)
    if missing and len(missing) == len(args.inputs) and not args.feeds:
        print(f"error: no such input: {', '.join(missing)}", file=sys.stderr)
        return 2
    if (args.no_store or args.dask) and args.shards is None:
        print(f"error: {'--no-store' if args.no_store else '--dask'} needs --shards DIR", file=sys.stderr)
        return 2
    try:
        result = build(args.inputs, out=args.out, focus=args.focus.upper(), jobs=args.jobs, progress=True,
                       views=not args.no_views, wait=not args.no_wait, columns=args.columns, feeds=args.feeds,
                       fetcher=_fetcher(args), corrections=args.corrections, shards=args.shards,
                       store=not args.no_store, dask=args.dask,
                       on_wait=lambda: print(f"waiting for another build into {args.out} to finish", file=sys.stderr))
    except (UnknownFocusError, BuildFolderError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        problem = _write_problem(exc)
        if problem is None:
            raise
        reason, advice, status = problem
        print(f"error: cannot write the build into {_where(exc, Path(args.out))}: {reason}; {advice}, or build into "
              f"another folder with --out; nothing in {args.out} was changed", file=sys.stderr)
        return status
    except NothingToBuild as exc:
        nothing = exc.args[0]
        _report_inputs([], nothing.skipped, nothing.warnings)
        if nothing.documents == 0:
            print(f"error: no articles found in {', '.join(args.inputs)}; add .txt or .html files; "
                  f"{args.out} is unchanged", file=sys.stderr)
            return 2
        print(f"error: none of the {nothing.documents} inputs could be read; {args.out} is unchanged",
              file=sys.stderr)
        return 1
    _report_inputs([], result.skipped, result.warnings)
    read = result.documents - len(result.skipped)
    if "shards" in result.outputs:
        print(f"read {read} of {result.documents} documents, {result.events} event mentions, {result.triples} "
              f"triples -> {result.out}/triples/*.nt (load: oxigraph load --location STORE --file "
              f"{result.out}/triples/*.nt)")
        if result.curation is not None:
            _report_corrections(result)
        return 0 if result.ok else 1
    print(f"read {read} of {result.documents} documents, {result.events} event mentions, "
          f"{result.triples} triples -> {result.out}/")
    stats = result.cache
    print(f"articles: {stats.new} new, {stats.changed} changed, {stats.unchanged} unchanged (not extracted "
          f"again), {stats.removed} removed; seconds: "
          + ", ".join(f"{stage} {seconds:.2f}" for stage, seconds in stats.seconds.items()))
    if result.curation is not None:
        _report_corrections(result)
    if result.dropped:
        print(f"removed with the previous build, drawn from its data: {', '.join(result.dropped)} (render them "
              "again to see this build)", file=sys.stderr)
    if "graph.html" in result.outputs:
        print(f"view: {result.outputs['graph.html'].absolute()}")
    return 0 if result.ok else 1


def _report_corrections(result) -> None:
    """One line on what the corrections did, and a line on stderr per problem row."""
    from collections import Counter

    curation = result.curation
    for problem in curation.problems:
        print(problem, file=sys.stderr)
    done = Counter(row.action for row in curation.applied())
    kinds = Counter(p.kind for p in curation.problems)
    actions = ", ".join(f"{count} {action}" for action, count in sorted(done.items()))
    applied = sum(done.values())
    print(f"corrections: {', '.join(str(p) for p in result.corrections)}: {applied} row{'s' * (applied != 1)} applied"
          f"{' (' + actions + ')' if actions else ''}, {kinds['unmatched']} unmatched, "
          f"{kinds['contradiction']} contradictory, {kinds['bad']} bad")



def _cmd_extract(args: argparse.Namespace) -> int:
    from graph.extract import entities_csv, events_csv, extract

    missing = _missing_inputs(args.inputs)
    if not args.inputs and not args.feeds:
        print("error: give files, folders or URLs to read, or --feeds FILE", file=sys.stderr)
        return 2
    if missing and len(missing) == len(args.inputs) and not args.feeds:
        print(f"error: no such input: {', '.join(missing)}", file=sys.stderr)
        return 2
    for option, target in (("--events", args.events), ("--entities", args.entities)):
        problem = _unwritable_file(target, option.strip("-") + ".csv") if target and target != "-" else ""
        if problem:  # said before the extraction, not after it as a traceback
            print(f"error: {option} {target} {problem}", file=sys.stderr)
            return 2
    if args.dask and (args.shards is None or args.feeds):
        print("error: --dask needs --shards DIR" if args.shards is None else "error: --feeds are not read on a "
              "Dask cluster", file=sys.stderr)
        return 2
    if args.dask:
        results = list(extract(args.inputs, columns=args.columns, dask=args.dask, shards=args.shards))
    else:
        results = list(extract(args.inputs, jobs=args.jobs, progress=True, columns=args.columns, feeds=args.feeds,
                               fetcher=_fetcher(args)))
    if not results:
        print(f"error: no articles found in {', '.join(args.inputs)}; add .txt or .html files", file=sys.stderr)
        return 2
    events = [e for r in results for e in r.events]
    skipped = [(r.document.source, r.document.skipped) for r in results if r.document.skipped]
    warnings = [(r.document.source, w) for r in results for w in r.document.warnings]
    target = ""
    try:
        if args.events == "-":
            sys.stdout.write(events_csv(events))
        else:
            target = f"--events {args.events}"
            atomic_write_text(args.events, events_csv(events))
        if args.entities == "-":  # after the events when both go to standard output
            sys.stdout.write(entities_csv(e for r in results for e in r.entities))
        elif args.entities:
            target = f"--entities {args.entities}"
            atomic_write_text(args.entities, entities_csv(e for r in results for e in r.entities))
    except OSError as exc:
        problem = _write_problem(exc)
        if problem is None or not target:
            raise
        reason, advice, status = problem
        print(f"error: cannot write {target}: {reason}; {advice}, or give a file on another disk "
              "(a file there before is unchanged)", file=sys.stderr)
        return status
    _report_inputs([], skipped, warnings)
    return 1 if skipped else 0

