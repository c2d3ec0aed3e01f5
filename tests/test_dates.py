"""Event dates (graph/extract/dates.py): the date an act happened, read from its sentence against the date it
was reported; then the same through extraction, the CSV, the graph and the bundled corpus.

Every sentence here was written for this test. The report dates are chosen for their weekday: 2025-01-31
is a Friday, 2025-02-03 a Monday, 2025-02-20 a Thursday.
"""

from __future__ import annotations

import csv
import doctest
import io

import pytest

from graph import extract_document
from graph.extract import dates, events_csv
from graph.extract.dates import after_report, event_date, time_expressions
from graph.records import EVENT_COLUMNS, Document

FRIDAY, MONDAY, THURSDAY = "2025-01-31", "2025-02-03", "2025-02-20"


def _date(sentence: str, report: str, trigger: str) -> str:
    """The event date of the act named by `trigger`, the first occurrence of those words in the sentence."""
    start = sentence.index(trigger)
    return event_date(sentence, report, (start, start + len(trigger)))


@pytest.mark.parametrize(
    ("sentence", "report", "trigger", "expected"),
    [
        # weekdays: the most recent on or before the report date in the past tense, the next one in the future
        ("Early on Sunday, Peru said it would not take the flights.", FRIDAY, "take", "2025-01-26"),
        ("Chile closed its consulate on Monday.", MONDAY, "closed", "2025-02-03"),
        ("Chile closed its consulate on Tuesday.", MONDAY, "closed", "2025-01-28"),
        ("Ecuador agreed on Friday night to receive the flights.", "2025-02-01", "agreed", "2025-01-31"),
        ("The envoy leaves on Saturday for a tour of four capitals.", FRIDAY, "tour", "2025-02-01"),
        ("The minister will travel to Quito on Monday.", MONDAY, "travel", "2025-02-10"),
        ("The president is due to meet the king on Wednesday.", MONDAY, "meet", "2025-02-05"),
        ("The two sides met last Monday.", MONDAY, "met", "2025-01-27"),
        ("The ministers meet again next Friday.", MONDAY, "meet", "2025-02-07"),
        ("Lima said on Monday it will host the talks on Friday.", MONDAY, "host", "2025-02-07"),
        ("Lima said on Monday it will host the talks on Friday.", MONDAY, "said", "2025-02-03"),
        # words of days, weeks and months
        ("Bolivia expelled the attaché yesterday.", MONDAY, "expelled", "2025-02-02"),
        ("Bolivia expels the attaché today.", MONDAY, "expels", "2025-02-03"),
        ("Bolivia will expel the attaché tomorrow.", MONDAY, "expel", "2025-02-04"),
        ("The premier told reporters last week that the deal was off.", MONDAY, "told", "2025-01-27"),
        ("Talks resume next week in Geneva.", FRIDAY, "Talks", "2025-02-03"),
        ("Uruguay recalled its envoy earlier this month.", THURSDAY, "recalled", "2025-02-01"),
        ("Uruguay recalled its envoy last month.", THURSDAY, "recalled", "2025-01-01"),
        # a day and a month, a month: the report's year, last year's for a later month in the past tense
        ("The treaty was signed on Feb. 3 in Brasília.", THURSDAY, "signed", "2025-02-03"),
        ("The treaty was signed on 3 February in Brasília.", THURSDAY, "signed", "2025-02-03"),
        ("The treaty was signed on February 3, 2024 in Brasília.", THURSDAY, "signed", "2024-02-03"),
        ("Paraguay expelled two diplomats in December.", FRIDAY, "expelled", "2024-12-01"),
        ("Paraguay will expel two diplomats in December.", FRIDAY, "expel", "2025-12-01"),
        ("Paraguay expelled two diplomats in March.", "2025-06-10", "expelled", "2025-03-01"),
        ("Officials said in late January that Cuba had refused the flights.", MONDAY, "refused", "2025-01-25"),
        ("Officials met at the end of January.", MONDAY, "met", "2025-01-31"),
        ("Officials met in mid-January.", MONDAY, "met", "2025-01-15"),
        ("Guyana took back 300 people between 20 and 26 January.", MONDAY, "took", "2025-01-20"),
        ("Guyana took back 300 people on 2025-01-22, the ministry said.", MONDAY, "took", "2025-01-22"),
        # 'two weeks after X', 'a day after X': X dated from the other expression of the sentence
        ("A flight landed on Thursday, two weeks after Rubio visited Costa Rica.", THURSDAY, "visited",
         "2025-02-06"),
        ("A flight landed on Thursday, two weeks after Rubio visited Costa Rica.", THURSDAY, "landed",
         "2025-02-20"),
        ("A day after Petro refused the flights, Colombia gave in on Monday.", MONDAY, "refused", "2025-02-02"),
        ("Colombia gave in on Monday, a day after Petro refused the flights.", MONDAY, "gave in", "2025-02-03"),
        ("The talks opened three days after 4 February.", THURSDAY, "opened", "2025-02-07"),
        # nothing to resolve: no date, or one this module does not guess
        ("Mexico agreed to take back its nationals.", MONDAY, "agreed", ""),
        ("Two weeks after the election, Peru recalled its envoy.", MONDAY, "election", ""),
        ("Panama signed the memorandum in 2017.", MONDAY, "signed", ""),
        ("The May talks may resume; Rubio toured Mar-a-Lago.", MONDAY, "toured", ""),
    ],
)
def test_event_date_of_each_form(sentence, report, trigger, expected):
    assert _date(sentence, report, trigger) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Early on Sunday, Peru said it would not take the flights.", "take", ""),
        ("Peru recalled its envoy last week.", "recalled", ""),
        ("Peru recalled its envoy in March.", "recalled", ""),
        ("Peru recalled its envoy on 3 March 2024.", "recalled", "2024-03-03"),
        ("Peru recalled its envoy on March 3, 2024.", "recalled", "2024-03-03"),
        ("Peru recalled its envoy on 2024-03-03.", "recalled", "2024-03-03"),
    ],
)
def test_an_undated_article_dates_only_full_dates(sentence, trigger, expected):
    assert _date(sentence, "", trigger) == expected


def test_the_expression_of_the_triggers_clause_wins():
    """'told ... last week that Mexico had received ... between 20 and 26 January': the receiving is dated
    by its own clause, the telling by the other."""
    sentence = "Sheinbaum told reporters last week that Mexico had received 4,000 people between 20 and 26 January."
    assert _date(sentence, MONDAY, "received") == "2025-01-20"
    assert _date(sentence, MONDAY, "told") == "2025-01-27"


def test_after_report_marks_announced_acts():
    assert after_report("2025-02-01", FRIDAY) and not after_report(FRIDAY, FRIDAY)
    assert not after_report("", FRIDAY) and not after_report("2025-02-01", "")


def test_month_names_need_their_capital_and_a_preposition():
    assert time_expressions("They may march in protest.") == ()
    assert [e.kind for e in time_expressions("They march in March.")] == ["month"]


def test_docstring_examples_run():
    assert doctest.testmod(dates).failed == 0


# ------------------------------------------------------------------------------------ through extraction
def _events(text: str, date: str = FRIDAY):
    document = Document(source="brief.txt", text=text, sha256="0" * 64, date=date)
    return extract_document(document).events


def test_an_announced_trip_is_planned_and_dated_when_it_happens():
    (event,) = _events("WASHINGTON — Marco Rubio leaves on Saturday for a tour of Panama.")
    assert (event.relation, event.target_country) == ("visits", "PAN")
    assert (event.date, event.event_date, event.mode) == (FRIDAY, "2025-02-01", "planned")


def test_a_past_act_keeps_its_mode_and_gets_its_day():
    (event,) = _events("BOGOTÁ — Colombia refused to accept deportees from the United States on Tuesday.")
    assert (event.relation, event.mode, event.date, event.event_date) == ("refusesDeportees", "asserted", FRIDAY,
                                                                        "2025-01-28")


def test_no_time_expression_leaves_the_event_date_empty():
    (event,) = _events("Colombia agreed to accept deportees from the United States.")
    assert (event.date, event.event_date) == (FRIDAY, "")


def test_the_csv_carries_the_event_date_after_the_older_columns():
    events = _events("BOGOTÁ — Colombia refused to accept deportees from the United States on Tuesday.")
    rows = list(csv.DictReader(io.StringIO(events_csv(events))))
    assert EVENT_COLUMNS[-1] == "event_date" and list(rows[0])[-1] == "event_date"
    assert (rows[0]["date"], rows[0]["event_date"]) == (FRIDAY, "2025-01-28")


def test_the_graph_keeps_both_dates(tmp_path):
    import graph

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Date: 2025-01-31\n\nBOGOTÁ — Colombia refused to accept deportees from the United States on Tuesday.\n",
        encoding="utf-8")
    assert graph.build_graph([folder], out=tmp_path / "build", views=False).ok
    events = graph.load_events(graph.open_store(tmp_path / "build"))
    (row,) = events.to_dict("records")
    assert (row["date"], row["event_date"]) == (FRIDAY, "2025-01-28")
    assert row["description"].startswith("2025-01-28 COL refusesDeportees")
    assert graph.validate_graph(tmp_path / "build" / "graph.ttl").conforms


# ------------------------------------------------------------------------------------ the bundled corpus
def test_corpus_acts_told_after_the_fact_are_dated_when_they_happened(corpus_build):
    """corpus/09, reported on 20 February, looks back at Rubio's stop in San José on 4 February; corpus/03,
    reported on 28 January, at Colombia's agreement of Sunday the 26th."""
    rows = corpus_build.select(
        "SELECT ?path ?report ?happened ?relation ?target WHERE { ?e sg:date ?report ; sg:eventDate ?happened ; "
        "sg:relation ?relation ; sg:targetCountry ?target ; sg:hasMention/sg:source/sg:path ?path }")
    looking_back = {(path.rsplit("/", 1)[-1][:2], report, happened, relation.rsplit("#", 1)[-1],
                     target.rsplit("/", 1)[-1]) for path, report, happened, relation, target in rows}
    assert ("09", THURSDAY, "2025-02-04", "visits", "CRI") in looking_back
    assert ("03", "2025-01-28", "2025-01-26", "agreesToCooperate", "USA") in looking_back
    assert sum(1 for row in looking_back if row[1] != row[2]) >= 5


def test_a_merged_event_is_dated_by_its_earliest_mention_even_one_without_a_time():
    """The first report (the 26th) gives no time, a later one says "on Tuesday" (the 28th): the event happened
    by the 26th, the day of the sentence it shows as evidence, not on the 28th."""
    from graph.rdf import EventSummary

    summary = EventSummary()
    summary.count_one("2025-01-26", "", 0.9)
    summary.count_one("2025-01-28", "2025-01-28", 0.8)
    assert (summary.date, summary.event_date) == ("2025-01-26", "2025-01-26")
    undated = EventSummary()
    undated.count_one("2025-01-26", "", 0.9)
    assert undated.event_date == ""


def test_corpus_deportee_acceptance_shows_the_day_of_its_evidence(corpus_build):
    """Colombia's acceptance is first told on the 26th (corpus/02) and again by the landing of the 28th
    (corpus/03): the event's date and its evidence are both the 26th's."""
    rows = corpus_build.select(
        "SELECT ?report ?happened WHERE { ?e sg:relation sg:acceptsDeportees ; sg:actorCountry country:COL ; "
        "sg:date ?report ; sg:eventDate ?happened }")
    assert rows == [("2025-01-26", "2025-01-26")]


def test_corpus_announced_tour_is_planned_for_the_day_it_starts(corpus_build):
    rows = corpus_build.select(
        "SELECT ?happened ?mode WHERE { ?e sg:relation sg:visits ; sg:targetCountry country:SLV ; "
        "sg:eventDate ?happened ; sg:mode ?mode ; sg:date \"2025-01-31\"^^xsd:date }")
    assert rows == [("2025-02-01", "https://w3id.org/stancegraph/ontology#planned")]


def test_the_cache_of_an_older_extractor_is_not_reused(tmp_path):
    """The date rules are part of the extractor's version (graph/cache.py hashes graph/extract/*.py): a
    change to them extracts every article again, and an entry written before event dates still loads."""
    import json
    import shutil
    from dataclasses import asdict

    import graph.cache
    from graph.records import Event

    package = tmp_path / "graph"
    shutil.copytree(graph.cache.Path(graph.cache.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = graph.cache.version_of(package)
    rules = package / "extract" / "dates.py"
    rules.write_text(rules.read_text(encoding="utf-8").replace('"late": 25', '"late": 20'), encoding="utf-8")
    assert graph.cache.version_of(package) != before
    (event,) = _events("Colombia agreed to accept deportees from the United States.")
    old = {name: value for name, value in asdict(event).items() if name != "event_date"}
    assert Event(**json.loads(json.dumps(old))).event_date == ""
