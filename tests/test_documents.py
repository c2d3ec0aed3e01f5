"""Reading inputs (graph/documents.py): which files are read, how bytes become text, what is skipped and
why, the metadata header, and where a document's date comes from.

Expected titles, dates, texts and reasons are written here by hand from the fixture files in
tests/data/inputs/ (see its README.md) and from inputs generated in temporary folders.
"""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

import pytest

from graph.documents import (
    decode,
    document_from_bytes,
    find_dateline,
    html_to_text,
    iter_inputs,
    latest_date,
    normalise_date,
    parse_header,
    read_document,
    read_documents,
)


# ------------------------------------------------------------------------------------------ which files
def test_folder_is_read_recursively_in_sorted_order_without_readme_or_hidden_files(tmp_path):
    """Every non-hidden file except READMEs is listed; other formats are then reported, not dropped."""
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.html").write_text("<p>a</p>")
    (tmp_path / "README.md").write_text("# about this folder")
    (tmp_path / "readme.txt").write_text("about")
    (tmp_path / "LICENSE").write_text("MIT")
    (tmp_path / ".notes.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("c")
    (tmp_path / "sub" / "README.md").write_text("# sub")
    (tmp_path / "data.csv").write_text("x,y")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path])]
    assert found == ["a.html", "b.txt", "data.csv", "sub/c.md"]
    csv_doc = read_document(tmp_path / "data.csv")
    assert csv_doc.skipped.startswith("'.csv' files are not read as articles")


def test_named_files_are_read_whatever_their_name(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# x")
    missing = tmp_path / "nope.txt"
    assert list(iter_inputs([readme, str(missing), "-"])) == [readme, missing, Path("-")]


def test_readme_in_input_fixtures_is_not_an_article(inputs_dir):
    names = [p.name for p in iter_inputs([inputs_dir])]
    assert names == ["bogota_cp1252.txt", "guatemala_flights.txt", "no_dateline.txt", "panama_page.html",
                     "washington_dateline.txt"]


def test_unreadable_file_types_in_a_folder_are_reported_not_dropped(tmp_path):
    (tmp_path / "article.txt").write_text("Panama left the Belt and Road Initiative.")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    documents = list(read_documents([tmp_path]))
    assert [(d.source.rsplit("/", 1)[-1], bool(d.skipped)) for d in documents] == [
        ("article.txt", False), ("report.pdf", True)]
    assert "PDF" in documents[1].skipped


# -------------------------------------------------------------------------------------- skipped inputs
BINARY = "; convert it to text or HTML first"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "empty file"),
        (bytes.fromhex("89504e470d0a1a0a0000000d49484452"), "binary file (a PNG image)" + BINARY),
        (b"%PDF-1.4\n1 0 obj", "binary file (a PDF document)" + BINARY),
        (b"PK\x03\x04\x14\x00word/document.xml", "binary file (a ZIP archive (DOCX/XLSX/EPUB?))" + BINARY),
        (b"Guatemala\x00\x00\x00accepted" * 20, "binary file (contains NUL bytes)" + BINARY),
        (bytes(range(1, 9)) * 200, "binary file (mostly control characters)" + BINARY),
        (b"<html><head><title>x</title><script>var a = 1;</script></head><body><nav>Home</nav></body></html>",
         "no text left after removing markup"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "docx", "nul", "control", "markup-only"],
)
def test_unreadable_content_is_skipped_with_its_reason(tmp_path, raw, reason):
    path = tmp_path / "input.txt"
    path.write_bytes(raw)
    document = read_document(path)
    assert document.skipped == reason
    assert document.text == ""
    assert document.source == str(path)
    # A skipped file still has an identity: the SHA-256 of its raw bytes.
    assert document.sha256 == hashlib.sha256(raw).hexdigest()


def test_missing_file_is_skipped_with_advice(tmp_path):
    document = read_document(tmp_path / "2025" / "lost.txt")
    assert document.skipped == "no such file; check the path"
    assert document.source == str(tmp_path / "2025" / "lost.txt")


def test_file_over_the_size_limit_is_skipped_with_advice(tmp_path, make_big_article):
    path = tmp_path / "dump.txt"
    path.write_text(make_big_article(3.2), encoding="utf-8")
    document = read_document(path, max_bytes=2_000_000)
    assert document.skipped == "file is 3 MB, over the 2 MB limit; split it into articles"
    assert document.text == ""


def test_several_megabyte_article_is_read_whole(tmp_path, make_big_article, big_article_event):
    text = make_big_article(3.0)
    assert len(text.encode()) > 3_000_000
    path = tmp_path / "digest.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert document.skipped == ""
    assert document.text == text
    assert document.text.endswith(big_article_event + "\n")
    assert document.title == "Regional digest"
    assert document.date == "2025-02-07"
    assert document.publisher == "Valley Courier"


# ------------------------------------------------------------------------------------------- encodings
@pytest.mark.parametrize(
    "text",
    [
        "Bogotá said “no” to the flights.",
        "Colombia’s president said “no” on Sunday in Bogotá.",
        "President Gustavo Petro told reporters in Bogotá that the answer was “no”; José Raúl Mulino – "
        "Panamá’s leader – met Nicolás Maduro’s envoy.",
    ],
)
def test_windows_1252_text_is_decoded_with_a_warning(text):
    document = document_from_bytes("note.txt", text.encode("cp1252"))
    assert document.text == text
    assert document.warnings == ("decoded as cp1252",)


def test_windows_1252_article_with_dateline_is_decoded_correctly(inputs_dir):
    document = read_document(inputs_dir / "bogota_cp1252.txt")
    assert document.warnings == ("decoded as cp1252",)
    assert document.text.startswith("Title: Colombia backs down over deportation flights\n")
    body = document.text[document.body_start:]
    assert body.startswith("BOGOTÁ — Colombia will accept deportation flights from the United States, "
                           "President Gustavo Petro’s government said on Monday")
    assert "with a flat “no”." in body
    assert "available in Bogotá to bring Colombians home “with dignity”." in body


def test_windows_1252_fixture_header_is_read(inputs_dir):
    # What does not depend on guessing the exact legacy encoding: the ASCII header and the date.
    document = read_document(inputs_dir / "bogota_cp1252.txt")
    assert document.skipped == ""
    assert document.title == "Colombia backs down over deportation flights"
    assert document.date == "2025-01-27"
    assert document.publisher == "Andes Wire"
    assert len(document.warnings) == 1 and document.warnings[0].startswith("decoded as ")


def test_latin_1_bytes_are_decoded_as_windows_1252():
    raw = "São Tomé e Príncipe; Asunción; Bogotá".encode("latin-1")
    assert decode(raw) == ("São Tomé e Príncipe; Asunción; Bogotá", "cp1252")


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        ("Bogotá “no”".encode(), "Bogotá “no”", "utf-8"),
        (b"\xef\xbb\xbf" + "Bogotá".encode(), "Bogotá", "utf-8"),
        ("Bogotá “no”".encode("utf-16"), "Bogotá “no”", "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom"],
)
def test_unicode_encodings(raw, text, encoding):
    assert decode(raw) == (text, encoding)


def test_utf8_file_has_no_warning(inputs_dir):
    assert read_document(inputs_dir / "guatemala_flights.txt").warnings == ()


def test_utf16_file_with_header_is_read():
    raw = "Title: Fichier\nDate: 3 February 2025\n\nSAN SALVADOR — Texto.\n".encode("utf-16")
    document = document_from_bytes("f.txt", raw)
    assert document.title == "Fichier"
    assert document.date == "2025-02-03"
    assert document.warnings == ("decoded as utf-16",)


def test_windows_line_endings_become_newlines():
    raw = b"Title: T\r\nDate: 2025-02-01\r\n\r\nLine one.\rLine two.\r\n"
    document = document_from_bytes("crlf.txt", raw)
    assert document.text == "Title: T\nDate: 2025-02-01\n\nLine one.\nLine two.\n"
    assert document.body_start == len("Title: T\nDate: 2025-02-01\n\n")


# ------------------------------------------------------------------------------------------------- HTML
def test_html_page_is_stripped_to_its_article_text(inputs_dir):
    document = read_document(inputs_dir / "panama_page.html")
    assert document.skipped == ""
    assert document.text == (
        "Panama leaves China’s Belt and Road\n"
        "PANAMA CITY — Panama will leave China’s Belt and Road Initiative, President José Raúl Mulino said "
        "on Thursday, days after meeting Secretary of State Marco Rubio.\n"
        "Mulino said the decision was Panama’s own & was not taken under pressure.\n"
    )
    assert document.warnings == ("HTML stripped to text",)


@pytest.mark.parametrize("hidden", ["Mexico refuses deportation flights", "Venezuela threatens Guyana",
                                    "Honduras threatens to expel", "Cuba accuses", "Nicaragua expels",
                                    "dataLayer", "font-family", "Isthmus Daily", "<p>", "&eacute;"])
def test_html_scripts_styles_navigation_and_markup_are_gone(inputs_dir, hidden):
    assert hidden not in read_document(inputs_dir / "panama_page.html").text


def test_html_metadata_gives_title_date_and_publisher(inputs_dir):
    document = read_document(inputs_dir / "panama_page.html")
    assert document.title == "Panama leaves Belt and Road | Isthmus Daily"
    assert document.date == "2025-02-06"  # article:published_time 2025-02-06T15:30:00-05:00, local date
    assert document.publisher == "Isthmus Daily"
    assert document.body_start == 0


def test_html_without_html_suffix_is_recognised():
    raw = (b"<!doctype html><html><body><p>Chile <b>welcomed</b> the visit.</p>"
           b"<script>x()</script></body></html>")
    document = document_from_bytes("saved.txt", raw)
    assert document.text == "Chile welcomed the visit.\n"
    assert document.warnings == ("HTML stripped to text",)


def test_html_to_text_reads_og_title_before_the_title_element():
    text, meta = html_to_text(
        '<html><head><title>Site | Story</title><meta property="og:title" content="Story"/>'
        '<meta name="dc.date" content="Feb. 3, 2025"/></head><body><p>A</p><br>B</body></html>'
    )
    assert text == "A\nB\n"
    assert meta == {"title": "Story", "date": "Feb. 3, 2025"}


# ---------------------------------------------------------------------------------------- header block
def test_header_block_and_body_offset():
    text = ('Title: Guatemala takes more flights\nSource: Prensa, "Arévalo after Rubio", 2025-02-05\n'
            "Date: 2025-02-05\n\nGUATEMALA CITY — Body.\n")
    meta, body_start = parse_header(text)
    assert meta == {"title": "Guatemala takes more flights",
                    "source": 'Prensa, "Arévalo after Rubio", 2025-02-05', "date": "2025-02-05"}
    assert body_start == 104  # 36 + 50 + 17 characters of header lines, 1 blank line
    assert text[body_start:] == "GUATEMALA CITY — Body.\n"


@pytest.mark.parametrize(
    "text",
    [
        "GUATEMALA CITY — Guatemala agreed.\n\nMore.",
        "Title: Headline\nGUATEMALA CITY — no blank line after the header.\n",
        "Note: this is not a header key\n\nBody.",
        "\nTitle: a blank first line means no header\n\nBody.",
    ],
)
def test_no_header(text):
    assert parse_header(text) == ({}, 0)


def test_header_keys_are_case_insensitive_and_values_trimmed():
    assert parse_header("TITLE :  Spaced  \nurl: https://example.org/a\n\nBody") == (
        {"title": "Spaced", "url": "https://example.org/a"}, 46)


def test_header_only_file():
    text = "Title: Only a header\nDate: 2025-02-01"
    assert parse_header(text) == ({"title": "Only a header", "date": "2025-02-01"}, len(text))


def test_fixture_header_gives_title_publisher_date_and_body_start(inputs_dir):
    document = read_document(inputs_dir / "guatemala_flights.txt")
    assert document.title == "Guatemala agrees to take more deportation flights from the United States"
    assert document.publisher == "Central America Desk"
    assert document.date == "2025-02-05"
    assert document.text[document.body_start:].startswith("GUATEMALA CITY — Guatemala agreed on Wednesday")
    assert document.body_start == 185


def test_source_line_supplies_title_publisher_and_date_when_header_lacks_them():
    document = document_from_bytes(
        "s.txt", "Source: Andes Wire, “Petro accepts return flights”, Jan. 27, 2025\n\nBody.\n".encode())
    assert (document.title, document.publisher, document.date) == (
        "Petro accepts return flights", "Andes Wire", "2025-01-27")


def test_title_falls_back_to_the_first_body_line():
    document = document_from_bytes("t.txt", b"\n\n  Panama says it will leave  \n\nBody text.\n")
    assert document.title == "Panama says it will leave"


# ------------------------------------------------------------------------------------------------ dates
def test_date_comes_from_the_header_first():
    raw = b"Date: 2025-02-10\n\nWASHINGTON, Feb. 3, 2025 \xe2\x80\x94 Text from March 1, 2025.\n"
    assert document_from_bytes("d.txt", raw).date == "2025-02-10"


def test_unparseable_header_date_falls_back_to_the_dateline():
    raw = b"Title: T\nDate: last Tuesday\n\nWASHINGTON, Feb. 3, 2025 \xe2\x80\x94 Body.\n"
    assert document_from_bytes("d.txt", raw).date == "2025-02-03"


def test_dateline_fixture_uses_the_dateline_not_the_latest_date(inputs_dir):
    document = read_document(inputs_dir / "washington_dateline.txt")
    assert document.date == "2025-02-03"  # the text also mentions March 1, 2025 and Nov. 17, 2017
    assert document.title == "Panama says it will leave China's Belt and Road plan"
    assert document.body_start == 0


def test_without_metadata_or_dateline_the_latest_date_is_used(inputs_dir):
    document = read_document(inputs_dir / "no_dateline.txt")
    assert document.date == "2025-02-04"  # of Jan. 14, 28 January and Feb. 4, 2025
    assert document.title == "Regional ministers weigh migration talks"


def test_no_date_anywhere_gives_empty_date():
    assert document_from_bytes("n.txt", b"Officials met on Tuesday in the capital.\n").date == ""


def test_date_inside_the_opening_sentence_is_not_a_dateline():
    raw = (b"Secretary of State Marco Rubio, sworn in on Jan. 21, 2025, will travel to Panama.\n\n"
           b"He arrived in Panama City on Feb. 1, 2025 and met President Mulino the next day.\n")
    assert document_from_bytes("r.txt", raw).date == "2025-02-01"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("WASHINGTON, Feb. 3, 2025 — Rubio said", "2025-02-03"),
        ("PANAMA CITY, Sept. 30, 2024 — The canal", "2024-09-30"),
        ("MEXICO CITY, February 3, 2025 (Reuters) - Sheinbaum", "2025-02-03"),
        ("LONDON, 3 February 2025 — Starmer", "2025-02-03"),
        ("BOGOTÁ, Jan 26th, 2025 — Petro", "2025-01-26"),
        ("Headline first\n2025-02-04\n\nBody", "2025-02-04"),
        ("BOGOTÁ — Petro said on Sunday", ""),
        ("WASHINGTON, Feb. 3 — no year, so no date", ""),
    ],
)
def test_find_dateline(text, iso):
    assert find_dateline(text) == iso


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2025-02-05T14:00:00Z", "2025-02-05"),
        ("2025-02-05T23:30:00-05:00", "2025-02-05"),
        ("Wed, 05 Feb 2025 10:00:00 GMT", "2025-02-05"),
        ("Feb. 3, 2025", "2025-02-03"),
        ("3 February 2025", "2025-02-03"),
        ("2025-02-30", ""),
        ("February 30, 2025", ""),
        ("yesterday", ""),
        ("", ""),
    ],
)
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


def test_latest_date_takes_the_maximum_across_formats():
    text = "On Jan. 26, 2025 Petro refused; on 2025-01-27 he agreed; by 3 February 2025 flights landed; " \
           "an invalid 2025-13-01 and Feb. 30, 2025 are ignored."
    assert latest_date(text) == "2025-02-03"
    assert latest_date("no dates at all") == ""


# ---------------------------------------------------------------------------------------------- stdin
def test_read_documents_reads_stdin_for_dash(monkeypatch):
    raw = "Title: Piped\nDate: 2025-02-02\n\nSAN SALVADOR — Bukele spoke.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    (document,) = read_documents(["-"])
    assert (document.source, document.title, document.date) == ("-", "Piped", "2025-02-02")


FRENCH = ("Le Brésil a condamné lundi les États-Unis pour le traitement des migrants expulsés vers Manaus, "
          "menottés pendant tout le vol, a déclaré le ministère des affaires étrangères dans un communiqué.\n")


def test_an_article_not_in_english_is_skipped_naming_its_language(tmp_path):
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "en.txt").write_text("Brazil condemned the United States over the treatment of deported migrants, "
                                     "who were handcuffed for the whole flight, the foreign ministry said.\n",
                                     encoding="utf-8")
    documents = {Path(d.source).name: d for d in read_documents([tmp_path])}
    assert documents["fr.txt"].skipped == "written in French (fr); only English is read"
    assert not documents["en.txt"].skipped


def test_a_short_text_is_too_short_to_tell_its_language():
    from graph.documents import language_of

    assert language_of("Brasil condena a EE. UU.") is None
    assert language_of(FRENCH) == "fr"


def test_named_pipes_and_dangling_links_are_named_never_waited_on(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kenya agreed to receive deportees from the United States.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    skipped = {Path(d.source).name: d.skipped for d in read_documents([folder]) if d.skipped}
    assert skipped == {
        "gone.txt": "is a link to nothing (a dangling symbolic link); fix or remove it",
        "pipe.txt": "is not a regular file (a named pipe, socket or device); give files",
    }
    # named directly, a pipe with no writer would block a read forever: it is refused at once
    assert read_document(folder / "pipe.txt").skipped.startswith("is not a regular file")


def test_letter_runs_are_the_runs_of_letters_of_any_script():
    """The word cut of `language_of` finds what `[^\\W\\d_]+` finds: letters of any script, no digits, no '_'."""
    import re

    from graph.documents import _LETTER_RUN

    texts = ["Le Brésil a condamné les États-Unis", "straße ²x x² _a_b 12ab ab12 éa aé ǅx ⅻ ½ a_b",
             "Москва заявила, 東京 said, ΣΊΣΥΦΟΣ, naïve café-au-lait", FRENCH]
    for text in texts + [text.lower() for text in texts] + [text.upper() for text in texts]:
        assert _LETTER_RUN.findall(text) == re.findall(r"[^\W\d_]+", text)
