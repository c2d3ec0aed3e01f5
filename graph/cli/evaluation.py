"""The evaluate command: extraction scored against gold files, a sentence-level set or reviewed corrections.

Its three inputs share one report: a folder of articles with gold_events.csv (and gold_people.csv), a CSV
of sentences with the facts each states (written out as a folder of one article per row), or a corrections
file whose accepted and rejected rows stand in for gold.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from graph.cli.arguments import _existing_file
from graph.cli.errors import _unwritable_file
from graph.outputs import atomic_write_text


def _add_evaluation_command(sub: argparse._SubParsersAction) -> None:
    """evaluate."""
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

