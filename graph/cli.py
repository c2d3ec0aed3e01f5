"""stancegraph command line: a thin layer that parses arguments, calls one library function, formats output.

Exit codes (every subcommand): 0 success; 1 the job ran but found problems (skipped inputs, SHACL
violations, a query error); 2 usage errors (bad arguments, missing files).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from graph.outputs import OutputPathError, atomic_write_text, check_file_target


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

    ev = sub.add_parser(
        "evaluate", help="measure extraction against gold events and people, or against reviewed corrections",
        description="Extract from a folder of articles and score the result against gold files at country "
                    "level (precision, recall, F1 for events and people). By default the gold files are "
                    "DIR/gold_events.csv and DIR/gold_people.csv. Exit 1 when --min-f1 is not reached. "
                    "With --corrections FILE, score it against the decisions of a corrections file instead: "
                    "the precision of what people reviewed (accepted / (accepted + rejected)) and the counts "
                    "per relation; --examples writes the reviewed events as training examples (JSON Lines). "
                    "Exit 1 when a corrections row was bad.",
    )
    ev.add_argument("folder", metavar="DIR", nargs="?",
                    help="folder of articles (*.txt, *.html) with its gold files, or a sentence-level set (a CSV "
                         "file with id,text,facts: one short text per row and the facts it states, as in "
                         "tests/data/sentences/) (with --corrections: the articles the corrections are about; "
                         "default the corrections file's folder)")
    ev.add_argument("--corrections", metavar="FILE", type=_existing_file,
                    help="score against the accepted, rejected, fixed and added events of this corrections file")
    ev.add_argument("--examples", metavar="FILE",
                    help="with --corrections: write the reviewed events as training examples (JSON Lines: "
                         "sentence, actor, relation, target, label, ...)")
    ev.add_argument("--gold-events", help="gold events CSV (default DIR/gold_events.csv)")
    ev.add_argument("--gold-people", help="gold people CSV (default DIR/gold_people.csv, if present)")
    ev.add_argument("--min-f1", type=float, help="exit 1 when the events F1 is below this")
    ev.add_argument("-v", "--verbose", action="store_true", help="list missed and wrong items")
    ev.add_argument("--by-relation", action="store_true",
                    help="also a table of the events score per relation (required, found, hits, false, P, R, F1)")
    ev.set_defaults(func=_cmd_evaluate)


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


def _cmd_evaluate(args: argparse.Namespace) -> int:
    if args.corrections is not None:
        return _evaluate_reviewed(args)
    if args.examples:
        print("error: --examples needs --corrections FILE", file=sys.stderr)
        return 2
    if args.folder is None:
        print("error: give a folder of articles with gold files, or --corrections FILE", file=sys.stderr)
        return 2
    if args.folder.lower().endswith(".csv"):
        if not Path(args.folder).is_file():
            print(f"error: {args.folder}: no such sentence-level set (a CSV file with id,text,facts)", file=sys.stderr)
            return 2
        return _evaluate_sentence_set(args)
    return _evaluate_folder(args, Path(args.folder))


def _evaluate_sentence_set(args: argparse.Namespace) -> int:
    """evaluate FILE.csv: a sentence-level set (id,text,facts) scored as a folder of one article per row."""
    import tempfile

    from graph.evaluate import SentenceSetError, write_sentence_set

    with tempfile.TemporaryDirectory() as tmp:
        try:
            write_sentence_set(args.folder, tmp)
        except (SentenceSetError, UnicodeDecodeError, csv.Error) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        return _evaluate_folder(args, Path(tmp))


def _evaluate_folder(args: argparse.Namespace, folder: Path) -> int:
    """Extract a folder of articles and score it against its gold files."""
    import tempfile

    from graph.evaluate import relation_scores, relation_table, score_events, score_people
    from graph.extract import entities_csv, events_csv, extract

    gold_events = Path(args.gold_events or folder / "gold_events.csv")
    gold_people = Path(args.gold_people) if args.gold_people else folder / "gold_people.csv"
    if not folder.is_dir() or not gold_events.is_file():
        print(f"error: need a folder of articles and its gold events file ({gold_events})", file=sys.stderr)
        return 2
    articles = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))
    results = list(extract(articles))
    with tempfile.TemporaryDirectory() as tmp:
        events_file, entities_file = Path(tmp) / "events.csv", Path(tmp) / "entities.csv"
        events_file.write_text(events_csv(e for r in results for e in r.events), encoding="utf-8")
        entities_file.write_text(entities_csv(e for r in results for e in r.entities), encoding="utf-8")
        events = score_events(events_file, gold_events)
        per_relation = relation_scores(events_file, gold_events) if args.by_relation else {}
        people = score_people(entities_file, gold_people) if gold_people.is_file() else None
    print(f"{len(articles)} articles; events {events.line()} (required found {events.found}/{events.required}, "
          f"hits {events.hits}, false {events.false})")
    if people is not None:
        print(f"people {people.line()} (found {people.found}/{people.required}, false {people.false})")
    if per_relation:
        print(relation_table(per_relation))
    if args.verbose:
        for label, items in (("missed", events.missed), ("wrong", events.wrong)):
            for item in items:
                print(f"  {label} event: {item}")
        if people is not None:
            for label, items in (("missed", people.missed), ("wrong", people.wrong)):
                for item in items:
                    print(f"  {label} person: {item}")
    return 1 if args.min_f1 is not None and events.f1 < args.min_f1 else 0


def _evaluate_reviewed(args: argparse.Namespace) -> int:
    """evaluate --corrections: the extraction of the articles scored against the decisions of a corrections
    file (graph.evaluate.score_reviewed), and with --examples the training examples."""
    from graph.build import curate
    from graph.evaluate import examples_jsonl, score_reviewed, training_examples
    from graph.extract import extract
    from graph.rdf import event_keys

    folder = Path(args.folder) if args.folder else args.corrections.parent
    if not folder.exists():
        print(f"error: no such input: {folder}", file=sys.stderr)
        return 2
    problem = _unwritable_file(args.examples, "examples.jsonl") if args.examples else ""
    if problem:
        print(f"error: --examples {args.examples} {problem}", file=sys.stderr)
        return 2
    results = [r for r in extract([folder]) if not r.document.skipped]
    curation = curate([args.corrections], results)
    for problem in curation.problems:
        print(problem, file=sys.stderr)
    iris = event_keys(results)
    score = score_reviewed(curation, iris, articles=len(results))
    print(score.line())
    if score.counts:
        print(score.table())
    if args.examples:
        examples = training_examples(curation, iris)
        atomic_write_text(args.examples, examples_jsonl(examples))
        print(f"{len(examples)} training examples -> {args.examples}")
    return 1 if curation.bad else 0


def _unwritable_file(target: str, name: str) -> str:
    """Why a CSV cannot be written at `target` ('' when it can): a folder there, or a file on its way, or a
    folder that takes no new file (no permission, a read-only file system)."""
    import tempfile

    path = Path(target)
    if path.is_dir():
        return f"is a folder; give a file name, e.g. {path / name}"
    if path.exists() and not path.is_file():  # /dev/null, a named pipe: written to as it is (atomic_write_text)
        return ""
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            return f"cannot be written: {parent} is a file, not a folder"
    folder = next(parent for parent in path.parents if parent.exists())
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        problem = _write_problem(error)
        reason = problem[0] if problem else error.strerror or str(error)
        return f"cannot be written: {folder}: {reason}; give a file in a folder you can write to"
    return ""


def _write_problem(error: OSError) -> tuple[str, str, int] | None:
    """(reason, advice, exit status) when `error` is a full disk or a folder that cannot be written, else None.

    Oxigraph's errors carry no errno, only the system's words in the message."""
    import errno

    text = str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in text or "quota exceeded" in text:
        return "no space left on the device", "free some space there", 1
    if error.errno == errno.EROFS or "Read-only file system" in text:
        return "the file system is read-only", "mount it writable", 2
    if error.errno in (errno.EACCES, errno.EPERM) or "Permission denied" in text:
        return "permission denied", "make it writable for you", 2
    return None


def _folder_of(error: OSError) -> str:
    """The folder a write failed in (the file itself is often a temporary name the user never gave)."""
    written = _written_path(error)
    return os.path.dirname(os.path.abspath(written)) if written else "the output folder"


def _where(error: OSError, out: Path) -> str:
    """The path to name in a message about `error`: `out` itself, unless the error is about a path elsewhere
    (a file inside `out` is an internal detail; the fetch cache, for example, is not)."""
    written = _written_path(error)
    if written:
        path = Path(written).absolute()
        if out.absolute() != path and out.absolute() not in path.parents:
            return str(path)
    return str(out)


def _written_path(error: OSError) -> str:
    """The path a failed write was creating: the second name of a two-path call (the link that
    os.symlink(target, link) makes, the destination of a rename), else the one name ('' for none).
    The first name of a symlink is its target, relative to the link's folder, not to ours."""
    name = error.filename2 or error.filename
    return os.fsdecode(name) if name else ""


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


def _add_validation_commands(sub: argparse._SubParsersAction) -> None:
    """validate."""

    def run_validate(args: argparse.Namespace) -> int:
        from graph.validate import GraphFileError, validate

        try:
            result = validate(args.graph, shapes=args.shapes)
        except GraphFileError as exc:
            print(f"stancegraph validate: {exc}", file=sys.stderr)
            return 2
        print(result.report())
        return 0 if result.conforms else 1

    parser = sub.add_parser(
        "validate",
        help="check a graph against the SHACL shapes",
        description=(
            "Check a stancegraph graph against the SHACL shapes in ontology/shapes.ttl (with the ontology "
            "mixed in) and print the violations grouped by shape. Exit codes: 0 the graph conforms, "
            "1 it has violations, 2 the file is missing, empty or not valid RDF (the message names the file "
            "and line)."
        ),
    )
    parser.add_argument(
        "graph",
        nargs="?",
        default="build/graph.ttl",
        help="graph file (Turtle, N-Triples, JSON-LD, ...) or a build folder holding graph.ttl "
        "(default: build/graph.ttl)",
    )
    parser.add_argument("--shapes", metavar="FILE", help="SHACL shapes file (default: ontology/shapes.ttl)")
    parser.set_defaults(func=run_validate)


def _add_analysis_commands(sub: argparse._SubParsersAction) -> None:
    """stances, analyze, render."""

    def fail(command: str, message: object, code: int = 2) -> int:
        print(f"stancegraph {command}: {message}", file=sys.stderr)
        return code

    def open_events(command: str, graph: str, raw: bool = False):
        """(events, None) or (None, exit code) after printing why the graph cannot be read."""
        from graph.analyze import load_events

        try:
            return load_events(open_graph(graph, raw)), None
        except (FileNotFoundError, OSError, SyntaxError, ValueError) as exc:
            return None, fail(command, f"cannot read graph {graph!r}: {exc}")

    def open_graph(graph: str, raw: bool):
        """The curated graph, or with `raw` the raw extraction (graph.store.raw_view)."""
        from graph.store import open_store, raw_view

        return raw_view(graph) if raw else open_store(graph)

    def default_out(graph: str) -> Path:
        """Outputs go next to the graph: into a build folder, or beside a graph file."""
        path = Path(graph)
        return path if path.is_dir() else path.parent

    def run_stances(args: argparse.Namespace) -> int:
        from graph.analyze import (
            PERIODS,
            UnknownFocusError,
            format_panel,
            format_stances,
            stance_changes,
            stance_panel,
            stances,
        )

        if args.by is not None and args.by not in PERIODS:  # said in one line, before the graph is read
            return fail("stances", f"--by {args.by!r}: give one of {', '.join(PERIODS)}")
        events, code = open_events("stances", args.graph, args.raw)
        if events is None:
            return code
        try:
            if args.by:
                text = format_panel(stance_panel(events, focus=args.focus, by=args.by),
                                    stance_changes(events, focus=args.focus))
            else:
                text = format_stances(stances(events, focus=args.focus, include_all=args.all),
                                      evidence=not args.brief)
        except UnknownFocusError as exc:
            return fail("stances", exc)
        per = f" by {'ISO week' if args.by == 'week' else 'month'}" if args.by else ""
        print(f"stance toward {args.focus.upper()}{per} (score in -1..1; ontology/scoring.ttl holds the rule)")
        print(text)
        return 0

    def run_analyze(args: argparse.Namespace) -> int:
        from graph.analyze import (
            UnknownFocusError,
            actor_graph,
            centrality,
            check_focus,
            communities,
            country_graph,
            structural_balance,
            summary,
            write_analysis,
        )

        out = Path(args.out) if args.out else default_out(args.graph)
        if out.exists() and not out.is_dir():  # said before the analysis, not as a traceback after it
            return fail("analyze", f"--out {out} is not a folder; give a folder for the exports")
        events, code = open_events("analyze", args.graph, args.raw)
        if events is None:
            return code
        try:
            check_focus(args.focus, events)
        except UnknownFocusError as exc:
            return fail("analyze", exc)
        actors, countries = actor_graph(events), country_graph(events)
        print("== Summary (country level)")
        print(summary(countries, seed=args.seed).to_string(index=False))
        print(f"\n== Brokers: actors by betweenness centrality (top {args.top})")
        table = centrality(actors, seed=args.seed).head(args.top)
        print(table[["label", "type", "country", "events", "degree", "betweenness"]].to_string(index=False))
        print("\n== Communities of actors (greedy modularity)")
        for number, group in communities(actors, seed=args.seed).groupby("community"):
            print(f"  {number}: {', '.join(group['label'])}")
        triads = structural_balance(countries)
        balanced = int(triads["balanced"].sum())
        print(f"\n== Structural balance: {balanced} of {len(triads)} country triads balanced")
        unbalanced = triads[~triads["balanced"]]
        if len(unbalanced):
            print("unbalanced:")
            print(unbalanced[["a", "b", "c", "sign_ab", "sign_ac", "sign_bc"]].to_string(index=False))
        paths = write_analysis(open_graph(args.graph, args.raw), out, focus=args.focus)
        print("\nwrote " + ", ".join(str(path) for path in paths.values()))
        return 0

    def run_render(args: argparse.Namespace) -> int:
        from graph.analyze import UnknownFocusError
        from graph.render import write_html

        out = Path(args.out) if args.out else default_out(args.graph) / "graph.html"
        try:  # said before the graph is read, not after the page is drawn
            check_file_target(out, "graph.html")
        except OutputPathError as exc:
            return fail("render", f"--out {exc}")
        try:
            store = open_graph(args.graph, args.raw)
        except (FileNotFoundError, OSError, SyntaxError, ValueError) as exc:
            return fail("render", f"cannot read graph {args.graph!r}: {exc}")
        try:
            path = write_html(store, out, focus=args.focus, level=args.level)
        except UnknownFocusError as exc:
            return fail("render", exc)
        print(f"view: {path.absolute()}")  # the name given, not the generation a build folder links it to
        return 0

    graph_help = "build folder, Oxigraph store or RDF file (default: build)"
    raw_help = ("read the raw extraction instead of the curated graph: events a correction rejected or replaced "
                "back in, events people changed or added left out")
    focus_help = "ISO 3166-1 alpha-3 code of the focus country (default: USA)"

    parser = sub.add_parser(
        "stances",
        help="print each country's stance toward a focus country, with the evidence",
        description=(
            "Score how each country stands toward the focus country from the stance events in the graph, "
            "label it (cooperative, coerced, mixed, resistant, pressured, unknown), give its trend, and list the "
            "events and sentences behind it; with --by week or --by month, how each stance moved over time "
            "and where its label changed. The weights and thresholds are in ontology/scoring.ttl. "
            "Exit codes: 0 ok, 2 missing graph, unknown focus code or unknown period."
        ),
    )
    parser.add_argument("--focus", default="USA", metavar="ISO3", help=focus_help)
    parser.add_argument("--graph", default="build", metavar="PATH", help=graph_help)
    parser.add_argument("--raw", action="store_true", help=raw_help)
    parser.add_argument("--all", action="store_true", help="also list countries with no event with the focus")
    parser.add_argument("--brief", action="store_true", help="the table only, without events and evidence")
    parser.add_argument("--by", metavar="PERIOD",
                        help="stance over time instead: one row per country and period (week: ISO week such as "
                             "2025-W06; month: 2025-02) with the period's score, label and events and the running "
                             "score up to it, then the change points, the events after which a country's label "
                             "changed")
    parser.set_defaults(func=run_stances)

    parser = sub.add_parser(
        "analyze",
        help="print network metrics and write stances.csv, stance_changes.csv, graph.gexf and graph.graphml",
        description=(
            "Print a summary of the country graph, the actors that broker most (betweenness centrality), "
            "modularity communities and the structural balance of country triads; then write "
            "stances.csv, stance_changes.csv, graph.gexf and graph.graphml (for Gephi or Cytoscape). "
            "Exit codes: 0 ok, 2 missing graph or unknown focus code."
        ),
    )
    parser.add_argument("--focus", default="USA", metavar="ISO3", help=focus_help)
    parser.add_argument("--graph", default="build", metavar="PATH", help=graph_help)
    parser.add_argument("--raw", action="store_true", help=raw_help)
    parser.add_argument("--out", metavar="DIR", help="folder for the exports (default: the graph's folder)")
    parser.add_argument("--top", type=int, default=10, help="how many brokers to list (default 10)")
    parser.add_argument("--seed", type=int, default=0,
                        help="random seed for sampled centrality (default 0); communities do not depend on it")
    parser.set_defaults(func=run_analyze)

    parser = sub.add_parser(
        "render",
        help="write the interactive HTML view of the graph",
        description=(
            "Write a self-contained HTML page (no network needed) showing the focus country at the "
            "centre and every other country coloured by its stance, at country level (people rolled "
            "up to their country) or actor level. Hover an edge for its evidence sentence. "
            "Exit codes: 0 ok, 2 missing graph or unknown focus code."
        ),
    )
    parser.add_argument("--focus", default="USA", metavar="ISO3", help=focus_help)
    parser.add_argument("--level", choices=["country", "actor"], default="country", help="node level")
    parser.add_argument("--graph", default="build", metavar="PATH", help=graph_help)
    parser.add_argument("--raw", action="store_true", help=raw_help)
    parser.add_argument("--out", metavar="FILE", help="HTML file (default: graph.html in the graph's folder)")
    parser.set_defaults(func=run_render)


def _add_sparql_commands(sub: argparse._SubParsersAction) -> None:
    """query, serve, push."""

    def fail(command: str, message: object, code: int) -> int:
        print(f"stancegraph {command}: {message}", file=sys.stderr)
        return code

    def run_query(args: argparse.Namespace) -> int:
        import textwrap

        from graph import store

        if args.list:
            for named in store.named_queries().values():
                params = " ".join(f"--param {p.name}={p.kind}" for p in named.params)
                print(f"{named.name} {params}".rstrip())
                print(textwrap.fill(named.description, 100, initial_indent="    ", subsequent_indent="    "))
            return 0
        if not args.query:
            return fail("query", "give a query name, a .rq file or SPARQL text (or --list)", 2)
        params: dict[str, str] = {}
        for item in args.param:
            key, sep, value = item.partition("=")
            if not sep or not key:
                return fail("query", f"--param {item!r}: write KEY=VALUE, e.g. focus=USA", 2)
            params[key] = value
        try:
            sys.stdout.write(store.query_text(args.query, args.format, graph=args.graph, params=params,
                                              allow_network=args.allow_network, timeout_s=args.timeout_s,
                                              max_memory_mb=args.max_memory_mb, raw=args.raw,
                                              max_results=args.max_results))
        except store.GraphNotFoundError as exc:
            return fail("query", exc, 2)
        except store.QueryError as exc:
            return fail("query", exc, 1)
        return 0

    def run_serve(args: argparse.Namespace) -> int:
        from graph import store

        try:
            return store.serve(args.graph, host=args.host, port=args.port, timeout_s=args.timeout_s,
                               allow_hosts=args.allow_host, max_results=args.max_results)
        except store.GraphNotFoundError as exc:
            return fail("serve", exc, 2)
        except store.ServerError as exc:
            return fail("serve", exc, 1)

    def run_push(args: argparse.Namespace) -> int:
        import os
        from urllib.parse import urlsplit

        from graph import store

        user, password, netrc_file = args.user, os.environ.get("STANCEGRAPH_PASSWORD") if args.user else None, None
        if not password:  # none given: the netrc file's entry for the endpoint's host (never printed)
            try:
                found = store.netrc_credentials(args.endpoint, args.user)
            except ValueError as exc:
                return fail("push", exc, 2)
            if found is not None:
                user, password, netrc_file = found
        plain = [url for url in (args.endpoint, args.update_endpoint or "") if url.startswith("http:")
                 and (urlsplit(url).hostname or "") not in ("localhost", "127.0.0.1", "::1")]
        if user and plain:
            print("stancegraph push: warning: sending a password over plain http", file=sys.stderr)
        if args.default_graph and args.graph:
            return fail("push", "give --graph IRI or --default-graph, not both", 2)
        if args.chunk_mb <= 0:
            return fail("push", f"--chunk-mb {args.chunk_mb:g}: give a size above 0", 2)
        try:
            result = store.push(
                args.source,
                endpoint=args.endpoint,
                graph_iri=args.graph or store.DEFAULT_GRAPH_IRI,
                user=user,
                password=password,
                default_graph=args.default_graph,
                netrc_file=netrc_file,
                chunk_bytes=int(args.chunk_mb * 2**20),
                update_endpoint=args.update_endpoint,
            )
        except (store.GraphNotFoundError, ValueError) as exc:
            return fail("push", exc, 2)
        except store.PushError as exc:
            return fail("push", exc, 1)
        into = f"<{result.graph_iri}>" if result.graph_iri else "the default graph"
        requests = f" in {result.requests} requests" if result.requests > 1 else ""
        print(f"pushed {result.triples} triples into {into} at {result.endpoint}{requests}")
        return 0

    parser = sub.add_parser(
        "query",
        help="run a named SPARQL query, a .rq file or SPARQL text on the graph",
        description=(
            "Run a SPARQL query on the built graph. QUERY is a name from --list, a .rq file, or query "
            "text; the model's prefixes (sg:, country:, ...) need no declaration. Parameters are bound as "
            "RDF terms, typed by the query header (focus=USA binds ?focus to country:USA). SPARQL UPDATE "
            "is never run; SERVICE and FROM <http...> are refused without --allow-network. The table "
            "format shortens IRIs and cuts long cells; csv, tsv and json are the W3C SPARQL result formats "
            "with full values. Exit codes: 0 ok, 1 query error (syntax, refused, bad parameter), "
            "2 missing graph or bad usage."
        ),
    )
    parser.add_argument("query", nargs="?", help="query name, path to a .rq file, or SPARQL text")
    parser.add_argument(
        "--param", "-p", action="append", default=[], metavar="KEY=VALUE", help="bind ?KEY (repeatable)"
    )
    parser.add_argument(
        "--format",
        "-f",
        default="table",
        choices=["table", "csv", "tsv", "json", "nt", "turtle"],
        help="output format (nt and turtle for CONSTRUCT/DESCRIBE); default table",
    )
    parser.add_argument("--graph", default="build", metavar="PATH", help="build folder, store or RDF file")
    parser.add_argument("--allow-network", action="store_true", help="allow SERVICE and FROM <http...>")
    parser.add_argument("--raw", action="store_true",
                        help="query the raw extraction instead of the curated graph (events a correction rejected "
                             "or replaced back in, events people changed or added left out)")
    parser.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    parser.add_argument("--timeout-s", type=float, default=60, metavar="SECONDS",
                        help="stop the query after this many seconds (0: no limit); default 60")
    parser.add_argument("--max-memory-mb", type=int, default=0, metavar="MB",
                        help="stop the query when it needs more memory than this; default half of the machine's")
    parser.add_argument("--max-results", type=int, default=100_000, metavar="ROWS",
                        help="refuse an answer of more rows or triples than this (0: no limit); default 100000, "
                             "as serve")
    parser.set_defaults(func=run_query)

    parser = sub.add_parser(
        "serve",
        help="serve the graph read-only with the Oxigraph SPARQL server",
        description=(
            "Run the Oxigraph HTTP server (PyPI package oxigraph) read-only on the graph, behind a checked "
            "front, and print the URL of its query UI. A graph file is first loaded into a temporary store. "
            "Listens on loopback unless --host says otherwise. Requests whose Host header is not the address "
            "served (or an --allow-host name) are refused (421), as are SERVICE and FROM <http...> queries "
            "(403) and answers over --max-results rows (413). Ctrl-C stops the server and removes temporary "
            "files. Exit codes: 0 stopped, 1 server failed, 2 missing graph."
        ),
    )
    parser.add_argument("--graph", default="build", metavar="PATH", help="build folder, store or RDF file")
    parser.add_argument("--port", type=int, default=7878, help="TCP port (default 7878; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--timeout-s", type=int, default=30, metavar="SECONDS",
                        help="time limit of each query (default 30)")
    parser.add_argument("--max-results", type=int, default=100_000, metavar="ROWS",
                        help="refuse an answer of more rows or triples than this (default 100000)")
    parser.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                        help="also answer requests for this host name, e.g. a name of this machine (repeatable; "
                             "default: only the address served, and localhost on loopback)")
    parser.set_defaults(func=run_serve)

    parser = sub.add_parser(
        "push",
        help="upload the graph to a SPARQL Graph Store Protocol endpoint",
        description=(
            "Upload the built graph with HTTP PUT to a SPARQL 1.1 Graph Store Protocol endpoint, "
            "replacing the named graph (pushing twice duplicates nothing); a graph above --chunk-mb goes in "
            "several requests and replaces it only once all have arrived. With --user, HTTP basic auth "
            "is used and the password is read from the STANCEGRAPH_PASSWORD environment variable; without "
            "them, from the netrc file ($NETRC, else ~/.netrc; private to you) entry of the endpoint's host. "
            "Credentials are never printed. "
            "Exit codes: 0 uploaded, 1 the endpoint could not be reached or refused the upload, "
            "2 bad arguments or missing graph."
        ),
    )
    parser.add_argument(
        "--endpoint", required=True, metavar="URL", help="GSP endpoint, e.g. http://localhost:7878/store"
    )
    parser.add_argument(
        "--graph", metavar="IRI", help="named graph to replace; default https://w3id.org/stancegraph/graph"
    )
    parser.add_argument("--default-graph", action="store_true",
                        help="replace the default graph instead, where the named queries run as written")
    parser.add_argument("--user", metavar="NAME",
                        help="basic auth user (password: STANCEGRAPH_PASSWORD, else this login's entry in ~/.netrc); "
                             "default: the ~/.netrc entry of the endpoint's host, if any")
    parser.add_argument("--source", default="build", metavar="PATH", help="build folder, store or RDF file")
    parser.add_argument("--chunk-mb", type=float, default=64, metavar="MB",
                        help="largest request: a bigger graph is sent in several into a temporary graph (a PUT, "
                             "then POSTs), which one SPARQL Update MOVE puts in place of the target; default 64")
    parser.add_argument("--update-endpoint", metavar="URL",
                        help="SPARQL 1.1 Update service for the MOVE that ends a push in several requests (basic "
                             "auth as for --endpoint); default: beside a known --endpoint (Oxigraph .../store -> "
                             ".../update, Fuseki .../DATASET/data -> .../DATASET/update), else required for such "
                             "a push")
    parser.set_defaults(func=run_push)


def _add_review_command(sub: argparse._SubParsersAction) -> None:
    """review."""

    def run_review(args: argparse.Namespace) -> int:
        from graph.review import run
        from graph.store import GraphNotFoundError

        try:
            return run(args.graph, corrections=args.corrections, curator=args.curator, focus=args.focus.upper(),
                       port=args.port)
        except (GraphNotFoundError, ValueError, OSError) as exc:
            print(f"stancegraph review: {exc}", file=sys.stderr)
            return 2

    parser = sub.add_parser(
        "review",
        help="review the events in a local web page: accept, reject or fix them into the corrections file",
        description=(
            "Serve a review page on 127.0.0.1 (only) and print its address, which carries a per-run token: "
            "the events of the curated graph, those most in need of a look first (the only evidence of a "
            "country's stance toward the focus, then low confidence), with accept, reject and fix controls "
            "(relation, actor, target, mode, event date; keyboard shortcuts j/k/a/r/f/o) and an 'add missing "
            "event' form on each article, from a selected span. Each decision is appended at once to the "
            "corrections file and its effect on the stance toward the focus shown; the next build applies it. "
            "Ctrl-C stops. Exit codes: 0 stopped, 2 missing graph or unusable corrections file."
        ),
    )
    parser.add_argument("--graph", default="build", metavar="PATH", help="build folder, store or RDF file")
    parser.add_argument("--corrections", metavar="FILE",
                        help="where decisions go (default: corrections.csv in the articles' folder)")
    parser.add_argument("--curator", default="", help="your name, written in each row (default: reviewer)")
    parser.add_argument("--focus", default="USA", metavar="ISO3", help="the country stances are toward (default USA)")
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (default 0: a free one)")
    parser.set_defaults(func=run_review)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stancegraph")
    except PackageNotFoundError:  # run from a checkout that was not installed
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stancegraph",
        description="Turn news reporting about how countries stand toward each other into a knowledge graph.",
    )
    parser.add_argument("--version", action="version", version=f"stancegraph {_version()}")
    parser.add_argument("--debug", action="store_true",
                        help="on an error, show Python's traceback instead of one line (for a bug report)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _add_extraction_commands(sub)
    _add_validation_commands(sub)
    _add_analysis_commands(sub)
    _add_sparql_commands(sub)
    _add_review_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every error ends in one line on stderr (the traceback only with --debug)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # before OSError, of which it is one
        # output piped into a reader that stopped early ('| head'): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter from failing on flush
        return 0
    except OutputPathError as exc:  # a folder named where a file goes, a pipe where a folder goes
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the one place that turns what is left into a message
        if args.debug:
            raise
        problem = _write_problem(exc) if isinstance(exc, OSError) else None
        if problem is not None:  # a command without its own message: render, analyze, evaluate, review
            reason, advice, status = problem
            print(f"error: cannot write into {_folder_of(exc)}: {reason}; {advice}, or give another path",
                  file=sys.stderr)
            return status
        print(f"error: {type(exc).__name__}: {exc} (stancegraph did not expect this; run the command again with "
              "--debug for the traceback and report it)", file=sys.stderr)
        return 1
