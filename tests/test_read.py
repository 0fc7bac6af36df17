"""Tests for geomap.read: every input format, every error with its file and line, streaming,
encodings, stdin, publication dates and datelines. All articles here are written for these tests."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import logging
import os
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geomap.read as read_module
from geomap.errors import InputError
from geomap.model import Article
from geomap.read import dateline_end, dateline_span, dateline_spans, find_published_date, published_date_span, read_articles

SHARED_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

STORY = (
    "Warplanes hit a market in the northern countryside\n"
    "\n"
    "ALEPPO: Warplanes struck a crowded market on Tuesday, killing at least nine people, a rescue "
    "worker said. Residents said a second raid hit the same street an hour later.\n"
)


def read_all(*inputs: str | os.PathLike[str], **kwargs: object) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    articles = list(read_articles(list(inputs), on_error=errors.append, **kwargs))  # type: ignore[arg-type]
    return articles, errors


def where(errors: list[InputError]) -> list[tuple[str | None, int | None]]:
    return [(e.path, e.line) for e in errors]


# --- text and Markdown ----------------------------------------------------------------------


def test_text_file_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "market.txt"
    path.write_text(STORY, encoding="utf-8")
    (article,), errors = read_all(path)
    assert errors == []
    assert article.id == path.as_posix()
    assert article.text == STORY
    assert article.title == "Warplanes hit a market in the northern countryside"
    assert article.published is None and article.source is None


def test_text_id_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    (article,), _ = read_all("sub/a.txt")
    assert article.id == "sub/a.txt"


def test_crlf_line_ends_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode())
    (article,), _ = read_all(path)
    assert article.text == STORY


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Rebels shell the old city\n\nBody text follows here.", "Rebels shell the old city"),
        ("\n\n  Rebels shell the old city  \nBody.", "Rebels shell the old city"),
        ("Rebels shelled the old city on Monday.\nMore text.", None),  # a sentence, not a headline
        ("Rebels shell the old city", None),  # the only line is the article itself
        ("x" * 250 + "\nBody.", None),  # too long for a headline
        ("DAMASCUS: Rebels shell the old city\nBody.", None),  # a dateline opens the body
    ],
)
def test_headline_detection(tmp_path: Path, text: str, title: str | None) -> None:
    path = tmp_path / "t.txt"
    path.write_text(text)
    (article,), _ = read_all(path)
    assert article.title == title


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# **Mortars hit a school**\n\nMortar rounds fell near a school in the district.\n")
    (article,), _ = read_all(path)
    assert article.title == "Mortars hit a school"
    assert article.text.startswith("# **Mortars")


def test_text_published_from_date_line_then_argument(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text("Shelling resumes\nNorthern Monitor, March 3, 2016\n\nShelling resumed at dawn.\n")
    undated = tmp_path / "undated.txt"
    undated.write_text(STORY)
    articles, _ = read_all(dated, undated, published=dt.date(2017, 5, 1))
    assert [a.published for a in articles] == [dt.date(2016, 3, 3), dt.date(2017, 5, 1)]


def test_published_argument_may_be_a_datetime(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (article,), _ = read_all(tmp_path / "a.txt", published=dt.datetime(2017, 5, 1, 12, 0))
    assert article.published == dt.date(2017, 5, 1)


def test_bad_arguments_raise() -> None:
    with pytest.raises(TypeError):
        next(read_articles(["x.txt"], published="2017-05-01"))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        next(read_articles(["x.txt"], max_chars=0))


def test_a_single_path_is_not_read_as_characters(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    assert len(list(read_articles(str(tmp_path / "a.txt")))) == 1  # type: ignore[arg-type]


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>Convoy hit near the border | The Example Courier</title>
<meta property="article:published_time" content="2017-06-14T08:30:00Z">
<script>window.tracker = "SCRIPT-NOISE";</script>
<style>.menu { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">NAV-NOISE World</a></li></ul></nav>
<article>
<h1>Convoy hit near the border</h1>
<p>An aid convoy was hit by shelling on the road to the border crossing early on Wednesday,
the relief agency running it said, and three drivers were wounded.</p>
<p>The agency said the trucks carried flour and medicine for displaced families sheltering in
camps near the frontier, and that the convoy had been cleared with all sides the day before.</p>
<p>Two of the trucks burned out on the road and the rest turned back towards the city, a driver
said by telephone, adding that shells kept falling around the column for half an hour.</p>
</article>
<footer>FOOTER-NOISE Copyright 2017 The Example Courier. All rights reserved.</footer>
</body></html>"""


def test_html_main_text_only(tmp_path: Path) -> None:
    path = tmp_path / "convoy.html"
    path.write_text(PAGE)
    (article,), errors = read_all(path)
    assert errors == []
    assert "aid convoy was hit by shelling" in article.text
    assert "shells kept falling" in article.text
    for noise in ("SCRIPT-NOISE", "NAV-NOISE", "FOOTER-NOISE", "color: red"):
        assert noise not in article.text
    assert article.title == "Convoy hit near the border"
    assert article.published == dt.date(2017, 6, 14)


def test_htm_extension(tmp_path: Path) -> None:
    (tmp_path / "convoy.htm").write_text(PAGE)
    (article,), _ = read_all(tmp_path / "convoy.htm")
    assert "aid convoy" in article.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Jets struck the bridge at dawn.<div><b>unclosed <i>tags",
        "<<<>>> <p>Jets struck the bridge at dawn.</p></td></tr></table></html></html>",
        "<p>Jets struck the bridge at dawn.<script>never closed",
        "<!-- comment --><p>Jets struck the bridge &amp; the depot at dawn.&#x20;</p>",
    ],
)
def test_malformed_html_does_not_crash(tmp_path: Path, html: str) -> None:
    path = tmp_path / "broken.html"
    path.write_text(html)
    articles, errors = read_all(path)
    assert errors == []
    assert "Jets struck the bridge" in articles[0].text
    assert "never closed" not in articles[0].text


def test_html_fallback_strips_tags_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("parser exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    path = tmp_path / "convoy.html"
    path.write_text(PAGE)
    with caplog.at_level(logging.WARNING, logger="geomap"):
        (article,), errors = read_all(path)
    assert errors == []
    assert "aid convoy was hit by shelling" in article.text
    for noise in ("SCRIPT-NOISE", "NAV-NOISE", "FOOTER-NOISE", "color: red"):
        assert noise not in article.text
    assert article.title == "Convoy hit near the border | The Example Courier"
    assert any("convoy.html" in r.getMessage() and "stripping tags" in r.getMessage() for r in caplog.records)


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>x()</script></head><body>   </body></html>")
    articles, errors = read_all(path)
    assert articles == []
    assert where(errors) == [(path.as_posix(), None)]


def test_html_declared_charset(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    html = PAGE.replace("<head>", '<head><meta charset="windows-1256">').replace(
        "three drivers were wounded", "three drivers were wounded (قصف)"
    )
    path = tmp_path / "ar.html"
    path.write_bytes(html.encode("cp1256"))
    with caplog.at_level(logging.WARNING, logger="geomap"):
        (article,), _ = read_all(path)
    assert "(قصف)" in article.text
    assert any("ar.html" in r.getMessage() and "cp1256" in r.getMessage() for r in caplog.records)


# --- JSONL ----------------------------------------------------------------------------------


def test_jsonl_fields(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a1", "text": "Rockets hit the port.", "title": "Port hit", "published": "2017-04-05",
         "url": "https://example.org/a1", "source": "Example Wire"},
        {"id": 7, "text": "Clashes near the dam.", "published": "2017-04-05T22:10:00+03:00", "source": "Wire"},
        {"text": "Jets struck the ridge.", "published": "Wednesday, 5 April 2017"},
        {"text": "Displaced families arrived.", "published": "5 avril 2017", "title": "  "},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    articles, errors = read_all(path)
    assert errors == []
    assert [a.id for a in articles] == ["a1", "7", f"{path.as_posix()}:3", f"{path.as_posix()}:4"]
    assert articles[0] == Article("a1", "Rockets hit the port.", "Port hit", dt.date(2017, 4, 5), "https://example.org/a1")
    assert articles[1].source == "Wire"
    assert {a.published for a in articles} == {dt.date(2017, 4, 5)}
    assert articles[3].title is None


def test_ndjson_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_text('{"text": "Mortars hit a bakery."}\n')
    (article,), _ = read_all(path)
    assert article.id == f"{path.as_posix()}:1"


def test_jsonl_published_falls_back_to_text_then_argument(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [
        {"text": "Riverside Daily, 2 March 2016\nShelling hit the bridge."},
        {"text": "Shelling hit the bridge.", "published": "sometime soon"},
        {"text": "Shelling hit the bridge.", "published": None},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with caplog.at_level(logging.WARNING, logger="geomap"):
        articles, errors = read_all(path, published=dt.date(2016, 3, 9))
    assert errors == []
    assert [a.published for a in articles] == [dt.date(2016, 3, 2), dt.date(2016, 3, 9), dt.date(2016, 3, 9)]
    assert any(f"{path.as_posix()}:2" in r.getMessage() and "sometime soon" in r.getMessage() for r in caplog.records)


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        '{"id": "ok1", "text": "Jets struck the ridge."}',  # 1
        "",  # 2: blank lines are skipped, but counted
        '{"id": "broken", "text": ',  # 3: not JSON
        '["a", "list"]',  # 4: not an object
        '{"id": "no-text"}',  # 5: no text
        '{"id": "num-text", "text": 42}',  # 6: text not a string
        '{"id": "blank-text", "text": "   "}',  # 7: empty text
        '"just a string"',  # 8: not an object
        "[" * 100_000,  # 9: nested too deeply (or invalid)
        '{"id": "ok2", "text": "Shelling hit the dam."}',  # 10
    ]
    path.write_text("\n".join(lines) + "\n")
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert where(errors) == [(path.as_posix(), n) for n in (3, 4, 5, 6, 7, 8, 9)]
    assert str(errors[0]).startswith(f"{path.as_posix()}:3: not valid JSON")
    assert "text" in errors[2].reason and "string" in errors[3].reason


def test_jsonl_keeps_unicode_line_separators_inside_strings(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "first\u2028second"}\n{"text": "third"}\n', encoding="utf-8")
    articles, errors = read_all(path)
    assert errors == [] and [a.text for a in articles] == ["first\u2028second", "third"]


def test_jsonl_without_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "one"}\n{"text": "two"}')
    assert [a.text for a in read_all(path)[0]] == ["one", "two"]


# --- CSV / TSV ------------------------------------------------------------------------------


def test_csv_fields_and_physical_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(
        "id,title,text,published,url\n"  # 1
        'c1,Bridge hit,"Shelling hit the bridge.\nTwo trucks burned.\n\nThe road closed.",'  # 2-5
        "2016-07-01,https://example.org/c1\n"
        "\n"  # 6: blank
        "c2,No text,,2016-07-01,\n"  # 7: empty text
        'c3,,"Jets struck the ridge, again.",,\n'  # 8
        '"c4","Quoted\nid row",  ,,\n'  # 9-10: blank text
        ",,Rockets hit the port.,,\n",  # 11: no id
        encoding="utf-8",
    )
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["c1", "c3", f"{path.as_posix()}:11"]
    assert articles[0].text == "Shelling hit the bridge.\nTwo trucks burned.\n\nThe road closed."
    assert articles[0].title == "Bridge hit" and articles[0].source == "https://example.org/c1"
    assert articles[0].published == dt.date(2016, 7, 1)
    assert articles[1].title is None and articles[1].published is None
    assert where(errors) == [(path.as_posix(), 7), (path.as_posix(), 9)]


def test_csv_header_is_case_insensitive_and_rows_may_be_short(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("ID, Text ,Source\nx1,Clashes near the dam.\nx2\n")
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["x1"]
    assert where(errors) == [(path.as_posix(), 3)]


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("\nid,body\n1,Jets struck.\n")
    articles, errors = read_all(path)
    assert articles == []
    assert where(errors) == [(path.as_posix(), 2)]
    assert "'text'" in errors[0].reason


def test_csv_long_field(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    long_text = "Shelling continued through the night. " * 10_000  # > 128 KiB, the csv default limit
    path.write_text(f'id,text\nlong,"{long_text}"\n')
    (article,), errors = read_all(path)
    assert errors == [] and article.text == long_text


def test_csv_error_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    filler = "".join(f"r{i},Shelling hit district {i}.\n" for i in range(400))
    path.write_bytes(b"id,text\n" + filler.encode() + b"bad,carriage\rreturn\nlast,Jets struck.\n")
    articles, errors = read_all(path)
    assert articles[-1].id == "last" and len(articles) == 401
    assert where(errors) == [(path.as_posix(), 402)]
    assert errors[0].reason.startswith("malformed CSV: a bare carriage return")


def test_tsv(tmp_path: Path) -> None:
    path = tmp_path / "feed.tsv"
    path.write_text("id\ttext\tpublished\nt1\tMortars hit a school, medics said.\t2015-02-03\n")
    (article,), errors = read_all(path)
    assert errors == []
    assert (article.id, article.published) == ("t1", dt.date(2015, 2, 3))
    assert article.text == "Mortars hit a school, medics said."


# --- directories ----------------------------------------------------------------------------


def test_directory_recursive_sorted_supported_only(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "b" / "2.txt").write_text("Jets struck two.")
    (root / "b" / "1.md").write_text("Jets struck one.")
    (root / "a" / "z.jsonl").write_text('{"id": "j", "text": "Jets struck jay."}\n')
    (root / "a" / "notes.docx").write_bytes(b"PK\x03\x04")
    (root / "a" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (root / ".hidden" / "secret.txt").write_text("hidden")
    (root / ".dot.txt").write_text("hidden too")
    (root / "c.TXT").write_text("Jets struck see.")
    articles, errors = read_all(root)
    assert errors == []
    assert [a.id for a in articles] == [
        "j",
        (root / "b" / "1.md").as_posix(),
        (root / "b" / "2.txt").as_posix(),
        (root / "c.TXT").as_posix(),
    ]


def test_directory_ids_keep_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "x.txt").write_text("Jets struck.")
    monkeypatch.chdir(tmp_path)
    (article,), _ = read_all("corpus")
    assert article.id == "corpus/x.txt"


def test_unreadable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(path: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(read_module.os, "scandir", denied)
    articles, errors = read_all(tmp_path)
    assert articles == [] and errors[0].reason == "permission denied"
    assert errors[0].path == tmp_path.as_posix()


# --- stdin ----------------------------------------------------------------------------------


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(STORY))
    (article,), errors = read_all("-")
    assert errors == []
    assert (article.id, article.text, article.title) == ("<stdin>", STORY, STORY.splitlines()[0])


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = '{"id": "s1", "text": "Jets struck."}\n\n{"text": "Shelling."}\nnot json\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(data))
    # the sniff sees a line that is not "{": the whole input is one text
    (article,), _ = read_all("-")
    assert article.text == data
    monkeypatch.setattr(sys, "stdin", io.StringIO(data.replace("not json\n", "")))
    articles, errors = read_all("-")
    assert [a.id for a in articles] == ["s1", "<stdin>:3"] and errors == []


def test_stdin_jsonl_errors_past_the_sniffed_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    good = "".join(json.dumps({"text": f"Jets struck {i}."}) + "\n" for i in range(30))
    monkeypatch.setattr(sys, "stdin", io.StringIO(good + "{oops\n"))
    articles, errors = read_all("-")
    assert len(articles) == 30 and where(errors) == [("<stdin>", 31)]


def test_stdin_bytes_in_another_encoding(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    text = "قصفت طائرات حربية بلدة في الريف الجنوبي صباح اليوم، ما أدى إلى نزوح عائلات كثيرة نحو الحدود.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("cp1256")), encoding="utf-8"))
    with caplog.at_level(logging.WARNING, logger="geomap"):
        (article,), _ = read_all("-")
    assert article.text == text
    assert any("<stdin>" in r.getMessage() and "cp1256" in r.getMessage() for r in caplog.records)


def test_stdin_bytes_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = '\ufeff{"text": "Jets struck the ridge."}\n'.encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    (article,), errors = read_all("-")
    assert errors == [] and article.text == "Jets struck the ridge." and article.id == "<stdin>:1"


@pytest.mark.parametrize("data", ["", "\n  \n"])
def test_stdin_empty(monkeypatch: pytest.MonkeyPatch, data: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(data))
    articles, errors = read_all("-")
    assert articles == [] and where(errors) == [("<stdin>", None)]


def test_stdin_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00"), encoding="utf-8"))
    articles, errors = read_all("-")
    assert articles == [] and "binary" in errors[0].reason


# --- encodings ------------------------------------------------------------------------------

FRENCH = (
    "Les réfugiés ont quitté la ville après les frappes aériennes.\n"
    "Des familles déplacées se sont abritées près de la frontière, à l'écart des combats.\n"
)
ARABIC = (
    "قصفت طائرات حربية سوقا شعبية في المدينة صباح الثلاثاء، ما أدى إلى مقتل تسعة أشخاص على الأقل.\n"
    "وقال سكان إن غارة ثانية استهدفت الشارع نفسه بعد ساعة، فنزحت عائلات كثيرة نحو القرى المجاورة.\n"
)


def test_latin1_text_decoded_with_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="geomap"):
        (article,), errors = read_all(path)
    assert errors == [] and article.text == FRENCH
    assert any(path.as_posix() in r.getMessage() and "not UTF-8" in r.getMessage() for r in caplog.records)


def test_cp1256_text_decoded_with_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "ar.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    with caplog.at_level(logging.WARNING, logger="geomap"):
        (article,), _ = read_all(path)
    assert article.text == ARABIC
    assert any(path.as_posix() in r.getMessage() and "cp1256" in r.getMessage() for r in caplog.records)


def test_cp1256_jsonl_decoded_with_one_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "ar.jsonl"
    lines = [json.dumps({"id": str(i), "text": line}, ensure_ascii=False) for i, line in enumerate(ARABIC.splitlines())]
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1256"))
    with caplog.at_level(logging.WARNING, logger="geomap"):
        articles, errors = read_all(path)
    assert errors == [] and [a.text for a in articles] == ARABIC.splitlines()
    assert sum("not UTF-8" in r.getMessage() for r in caplog.records) == 1


def test_latin1_csv(tmp_path: Path) -> None:
    path = tmp_path / "fr.csv"
    first, second = FRENCH.splitlines()
    path.write_bytes(f'id,text\n1,{first}\n2,"{second}"\n'.encode("latin-1"))
    articles, errors = read_all(path)
    assert errors == [] and [a.text for a in articles] == FRENCH.splitlines()


def test_one_bad_line_in_a_utf8_jsonl_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = '{"text": "Déplacés, réfugiés."}\n'.encode()
    path.write_bytes(good + '{"text": "Réfugiés à la frontière."}\n'.encode("latin-1") + good)
    articles, errors = read_all(path)
    assert errors == [] and articles[0].text == articles[2].text == "Déplacés, réfugiés."
    assert articles[1].text == "Réfugiés à la frontière."


def test_utf8_bom(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + STORY.encode())
    (tmp_path / "bom.jsonl").write_bytes(b'\xef\xbb\xbf{"text": "Jets struck."}\n')
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbfid,text\n1,Jets struck.\n")
    articles, errors = read_all(tmp_path / "bom.txt", tmp_path / "bom.jsonl", tmp_path / "bom.csv")
    assert errors == []
    assert [a.text for a in articles] == [STORY, "Jets struck.", "Jets struck."]
    assert articles[2].id == "1"


def test_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(STORY.encode("utf-16"))
    (tmp_path / "wide.jsonl").write_bytes('{"text": "Jets struck."}\n{"text": "Shelling."}\n'.encode("utf-16"))
    articles, errors = read_all(tmp_path / "wide.txt", tmp_path / "wide.jsonl")
    assert errors == []
    assert [a.text for a in articles] == [STORY, "Jets struck.", "Shelling."]


# --- file errors ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["picture.txt", "feed.jsonl", "feed.csv", "page.html"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    articles, errors = read_all(path)
    assert articles == []
    assert where(errors) == [(path.as_posix(), None)]
    assert errors[0].reason.startswith("binary file, not text")


def test_undecodable_file_without_nul_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 8)
    articles, errors = read_all(path)
    assert articles == [] and errors[0].reason.startswith("binary file, not text")


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.jsonl", "empty.csv", "empty.html", "blank.txt"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("  \n\n" if name == "blank.txt" else "")
    articles, errors = read_all(path)
    assert articles == []
    assert where(errors) == [(path.as_posix(), None)]
    assert errors[0].reason.startswith("empty file")


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "gone.txt"
    articles, errors = read_all(path)
    assert articles == []
    assert str(errors[0]) == f"{path.as_posix()}: no such file or directory"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(read_module, "open", denied, raising=False)
    articles, errors = read_all(path)
    assert articles == [] and str(errors[0]) == f"{path.as_posix()}: permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file_by_permissions(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY)
    path.chmod(0)
    try:
        articles, errors = read_all(path)
    finally:
        path.chmod(0o644)
    assert articles == [] and errors[0].reason == "permission denied"


def test_unsupported_extension_given_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    articles, errors = read_all(path)
    assert articles == [] and "unsupported file type" in errors[0].reason


def test_errors_are_logged_when_no_callback(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "ok.txt").write_text(STORY)
    with caplog.at_level(logging.WARNING, logger="geomap"):
        articles = list(read_articles([tmp_path / "missing.txt", tmp_path / "ok.txt"]))
    assert len(articles) == 1
    assert any("missing.txt: no such file or directory" in r.getMessage() for r in caplog.records)


def test_a_raising_callback_stops_reading_and_is_called_once(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": 1}\n{"text": "ok"}\n')
    calls: list[InputError] = []

    def strict(error: InputError) -> None:
        calls.append(error)
        raise error

    with pytest.raises(InputError, match=r"feed.jsonl:1"):
        list(read_articles([path], on_error=strict))
    assert len(calls) == 1


def test_reading_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text(STORY)
    articles, errors = read_all(tmp_path / "a.txt", tmp_path / "missing", tmp_path / "b.txt", tmp_path / "c.txt")
    assert len(articles) == 1 and len(errors) == 3


def test_nothing_is_read_before_iteration(tmp_path: Path) -> None:
    errors: list[InputError] = []
    articles = read_articles([tmp_path / "missing.txt"], on_error=errors.append)
    assert errors == []
    assert list(articles) == [] and len(errors) == 1


# --- max_chars ------------------------------------------------------------------------------


def test_long_text_is_cut_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "long.txt").write_text("Jets struck. " * 100)
    (tmp_path / "long.jsonl").write_text(json.dumps({"text": "Shelling. " * 100}) + "\n")
    with caplog.at_level(logging.WARNING, logger="geomap"):
        articles, errors = read_all(tmp_path / "long.txt", tmp_path / "long.jsonl", max_chars=50)
    assert errors == [] and [len(a.text) for a in articles] == [50, 50]
    messages = [r.getMessage() for r in caplog.records]
    assert any("long.txt" in m and "cut" in m for m in messages)
    assert any("long.jsonl:1" in m and "cut" in m for m in messages)


def test_multibyte_text_cut_by_the_byte_cap(tmp_path: Path) -> None:
    path = tmp_path / "ar.txt"
    path.write_text(ARABIC * 20, encoding="utf-8")
    (article,), errors = read_all(path, max_chars=30)
    assert errors == [] and article.text == (ARABIC * 20)[:30]


# --- streaming ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.jsonl"
    with path.open("w") as out:
        for i in range(100_000):
            out.write(f'{{"id": "r{i}", "text": "Shelling hit district {i}, residents said."}}\n')
    return path


def test_streaming_first_article_without_reading_the_whole_file(big_jsonl: Path) -> None:
    size = big_jsonl.stat().st_size
    tracemalloc.start()
    try:
        articles = read_articles([big_jsonl])
        first = list(itertools.islice(articles, 3))
        _, peak = tracemalloc.get_traced_memory()
        articles.close()
    finally:
        tracemalloc.stop()
    assert [a.id for a in first] == ["r0", "r1", "r2"]
    assert size > 5_000_000
    assert peak < size / 20  # a few buffers, not the file


def test_streaming_reads_lines_written_after_the_first_article(tmp_path: Path) -> None:
    path = tmp_path / "growing.jsonl"
    with path.open("w") as out:
        for i in range(3000):  # well past the first read buffers
            out.write(json.dumps({"id": f"g{i}", "text": "Mortars hit the square."}) + "\n")
    articles = read_articles([path])
    assert next(articles).id == "g0"
    with path.open("a") as out:  # appended after reading began: only a streaming reader sees it
        out.write(json.dumps({"id": "late", "text": "Jets struck later."}) + "\n")
    rest = [a.id for a in articles]
    assert rest[-1] == "late" and len(rest) == 3000


def test_streaming_directory_reads_files_lazily(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Jets struck first.")
    (tmp_path / "b.txt").write_text("Jets struck second.")
    articles = read_articles([tmp_path])
    assert next(articles).text == "Jets struck first."
    (tmp_path / "b.txt").write_text("Changed before it was read.")
    assert next(articles).text == "Changed before it was read."


# --- publication dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A headline about the front\n\nBy Staff Writer\n\n"
            "Global Research, January 11, 2018\n\nOn January 11, rebels...",
            dt.date(2018, 1, 11),
        ),
        ("Wed 05 Apr 2017 Syria attack leaves dozens dead. Jets struck a town on Tuesday.", dt.date(2017, 4, 5)),
        ("Headline\n2018-01-11\nJets struck.", dt.date(2018, 1, 11)),
        ("Headline\n2018-01-11T09:30:00Z\nJets struck.", dt.date(2018, 1, 11)),
        ("13/01/2018\nJets struck.", dt.date(2018, 1, 13)),
        ("02.10.2017 Fifteen people died in a blast.", dt.date(2017, 10, 2)),
        ("Posted on April 19 2017 by the desk. Six killed in a blast.", dt.date(2017, 4, 19)),
        ("Date of publication 12 August 2016 Shells hit a funeral.", dt.date(2016, 8, 12)),
        ("Jets hit a bakery Reuters Tuesday 6 May 2014 About thirty people were killed.", dt.date(2014, 5, 6)),
        ("Last updated at Jun 062016 Strikes hit the city.", dt.date(2016, 6, 6)),
        ("Sat Feb 28 2015 Hostages freed.", dt.date(2015, 2, 28)),
        ("North-west Syria: Situation Report No. 9\nAs of 26 February 2020\n\nHIGHLIGHTS", dt.date(2020, 2, 26)),
        # The day a list was documented on is not the day it was published.
        ("Victims documented on Wednesday, 29 January 2020\nDocumentation Office (published Thursday 30 January 2020)"
         "\n\nThe following civilians were killed yesterday.", dt.date(2020, 1, 30)),
        # Else the day the lead tells with its weekday, as wire copy gives its own day.
        ("Headline\n\nBEIRUT (AP) - Troops captured Qusair on Wednesday, June 5, 2013, ending an offensive.",
         dt.date(2013, 6, 5)),
        # A headline ending in a preposition, or in a month, is not part of the date line below it.
        ("Rockets rain on Baba Amr as Lavrov flies in\n\n7 February 2012 Last updated at 14:02 GMT\n\nShells hit.",
         dt.date(2012, 2, 7)),
        ("Rebels open a route for the first time since July.\n\n7 Aug 2016\n\nRebels say the siege is broken.",
         dt.date(2016, 8, 7)),
        # An Arabic page's date line: weekday, day in Eastern Arabic digits, month, year.
        ("الجمعة ١٥ آذار ٢٠٢٤\nقصفت الطائرات الحربية مدينة سراقب أمس", dt.date(2024, 3, 15)),
    ],
)
def test_find_published_date(text: str, expected: dt.date) -> None:
    assert find_published_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "11/01/2018\nJets struck.",  # ambiguous day and month
        "Headline\n\nOn 5 March 2016 jets struck the town.",  # an event date, not the article's
        "Jets struck the town in 12 March 2016 raids.",
        "Headline\nJanuary 11\nJets struck.",  # no year
        "\n".join(["Line"] * 9) + "\nJanuary 11, 2018\nOne.\nTwo.\nThree.\nFour.",  # past the first eight lines, above the last four
        "x" * 700 + " January 11, 2018",  # past the first 600 characters
        "",
    ],
)
def test_find_published_date_rejects(text: str) -> None:
    assert find_published_date(text) is None


def test_a_date_line_with_no_space_after_the_comma_is_read() -> None:
    assert find_published_date("Busra Al Harir By JT - Jun 27,2018 - Last updated at Jun 27,2018 AMMAN") == dt.date(2018, 6, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published: 07/03/2023 - 10:22\n\nOn February 19, jets struck Kafr Sousa.", dt.date(2023, 3, 7)),
        ("Posted 07/03/2023\n\nFighting has raged since June 30.", dt.date(2023, 7, 3)),
        ("Published: 07/03/2023\n\nOn 1 March jets struck Idlib. On June 30 more fell.", None),  # both fit
        ("Published: 07/03/2023\n\nJets struck Idlib.", None),  # nothing tells
        # The lead's weekday: the day of the report or the day before.
        ("Published on: 03/04/2025 - 10:22\n\nNine people were killed near Nawa overnight, officials said Thursday.",
         dt.date(2025, 4, 3)),  # Thursday 3 April, not Tuesday 4 March
        ("Published: 07/03/2023\n\nJets struck Idlib on Sunday.", dt.date(2023, 7, 3)),  # Monday 3 July
        ("Published: 07/03/2023\n\nJets struck Idlib on Monday.", None),  # Tuesday 7 March, or Monday 3 July
        ("Army breaks siege\n\nAleppo, SANA – 10/11/2015\n\nArmy units broke the siege on Friday.",
         dt.date(2015, 11, 10)),  # SANA writes day first
        ("Homs, SANA – 09/04/2018\n\nAir defences confronted at dawn on Monday missiles over Homs.",
         dt.date(2018, 4, 9)),  # Monday 9 April, or Tuesday 4 September: SANA's convention decides
        ("Aleppo, SANA – 10/11/2015\n\nOn September 20, army units began the advance.", dt.date(2015, 10, 11)),  # the text tells
        ("Syria TV – 8/2/2023\n\nJindires is the town most affected by Monday's earthquake.", dt.date(2023, 2, 8)),  # day first too
        # A two-digit year after a publication label, read as its numbers or the text's days allow.
        ("IDF strikes smuggling routes\nYnetnews | Published: 10.26.24, 09:12\n\nJets struck on Friday evening.",
         dt.date(2024, 10, 26)),  # only month first reads
        ("Published 26.10.24\n\nJets struck on Friday.", dt.date(2024, 10, 26)),  # only day first reads
        ("Published: 10.11.24\n\nOn November 3, jets struck Idlib.", dt.date(2024, 11, 10)),  # the text tells
        ("Published: 10.11.24\n\nJets struck on Friday, officials said on Saturday.", None),  # both fit
        ("Version 10.26.24\n\nJets struck on Friday.", None),  # no publication label: not a date
    ],
)
def test_an_ambiguous_numeric_date_line_is_read_as_the_written_days_say(text: str, expected: dt.date | None) -> None:
    assert find_published_date(text) == expected


#: A story longer than the header the top date line is looked for in.
_STORY = "".join(f"Shells hit the {n} district of Aleppo on Saturday, killing {n} civilians.\n\n" for n in range(1, 10))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_STORY + "Reporting by Ahmad Othman\nEditing by Hogir Al-Abdo\n\n15 January 2024\n", dt.date(2024, 1, 15)),
        (_STORY + "Published: 30 October 2016\n\nHazem Sabbagh / Manal", dt.date(2016, 10, 30)),
        (_STORY + "Posted Monday, 15 January 2024 - 10:22 GMT", dt.date(2024, 1, 15)),
        (_STORY + "The attack took place on 15 January 2024.", None),  # a sentence's date, not a stamp
    ],
)
def test_a_date_stamp_under_the_story_is_its_publication_date(text: str, expected: dt.date | None) -> None:
    assert find_published_date(text) == expected
    if expected:
        start, end = published_date_span(text)  # type: ignore[misc]
        assert text[start:end] in ("15 January 2024", "30 October 2016", "Monday, 15 January 2024")


def test_a_date_said_to_be_the_publications_outranks_the_headers_others() -> None:
    text = "UNHCR Syria – Flash Update on Returns\n\nReporting period: 16–29 June 2025\nPublished 30 June 2025\n\nReturns rose."
    assert find_published_date(text) == dt.date(2025, 6, 30)


def test_find_published_date_non_string() -> None:
    assert find_published_date(None) is None  # type: ignore[arg-type]


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_articles() -> None:
    seeds = sorted(SHARED_SEEDS.glob("*.txt"))
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in seeds}
    assert find_published_date(texts["004"]) == dt.date(2018, 1, 11)
    assert find_published_date(texts["000"]) is None
    start, end = dateline_span(texts["000"])  # type: ignore[misc]
    assert texts["000"][start:end].strip() == "DAMASCUS:"


# --- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("DAMASCUS: Troops entered the suburb.", "DAMASCUS: "),
        ("BEIRUT (Reuters) - Jets struck the ridge.", "BEIRUT (Reuters) - "),
        ("IDLIB, Syria — Shells fell on the market.", "IDLIB, Syria — "),
        ("Idlib, Syria — Shells fell on the market.", "Idlib, Syria — "),
        ("RAS AL-AIN, Syria -- Clashes went on.", "RAS AL-AIN, Syria -- "),
        ("BEIRUT, Jan 11 (Reuters) - Jets struck.", "BEIRUT, Jan 11 (Reuters) - "),
        ("Beirut (AFP) - Jets struck the ridge.", "Beirut (AFP) - "),
        ("MOSCOW (Sputnik) An explosion hit the city.", "MOSCOW (Sputnik) "),
        ("  HOMS: Mortars hit a school.", "HOMS: "),
        ("Idlib, Syria (March 3, 2019) - Jets struck.", "Idlib, Syria (March 3, 2019) - "),
        ("Deir ez-Zor, Oct. 21 (SANA) – A mine went off.", "Deir ez-Zor, Oct. 21 (SANA) – "),
        ("Ras al-Ain, Hasakah (AFP) - Shells fell.", "Ras al-Ain, Hasakah (AFP) - "),
        # A press release's places and its date written day first.
        ("Amman/Brussels, 7 May 2019 - MSF is alarmed by the strikes.", "Amman/Brussels, 7 May 2019 - "),
        ("BEIRUT/ANKARA (Reuters) - Turkish drones struck Kobani.", "BEIRUT/ANKARA (Reuters) - "),
        ("Saraqib, 3 February — Shelling went on.", "Saraqib, 3 February — "),
        ("As Sweida, 3 May 2019 - Clashes went on.", "As Sweida, 3 May 2019 - "),  # "As" is an article here
        ("IDLIB, Syria (North Press) – Seven civilians were killed.", "IDLIB, Syria (North Press) – "),
    ],
)
def test_dateline(text: str, dateline: str) -> None:
    start, end = dateline_span(text)  # type: ignore[misc]
    assert text[start:end] == dateline
    assert dateline_end(text) == end


def test_dateline_after_header_lines() -> None:
    text = "Jets pound rebel town\n\nBy a staff writer\n\nALEPPO: Warplanes struck the market."
    assert text[: dateline_end(text)].endswith("ALEPPO: ")


@pytest.mark.parametrize(
    "text",
    [
        "Troops entered the suburb on Monday.",
        "Free Syrian Army (FSA) fighters advanced.",
        "UN-backed talks resumed in Geneva.",
        "BREAKING: jets struck the ridge.",
        "UPDATE 2-Jets struck the ridge.",
        "Meanwhile, the army - which denied it - advanced.",
        "Update: the ridge was hit.",
        "Aleppo - the city was quiet.",
        "Clashes in Deir ez-Zor - the city was quiet.",
        "Forces and al-Nusra, Hama - the city was quiet.",
        "On 5 May 2019 - a Sunday - jets struck.",
        "Monday, 5 May 2019 - jets struck.",
        "\n".join(["Line"] * 9) + "\nDAMASCUS: Jets struck.",
        # A list's entry whose bracket says where the place lies, not who filed the report.
        "Harem (northern Idlib countryside): At least 90 buildings collapsed.",
        "Jinderes (Afrin district, Aleppo countryside): Entire blocks collapsed.",
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_span(text) is None
    assert dateline_end(text) == 0


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_header_helpers_never_raise(text: str) -> None:
    date = find_published_date(text)
    assert date is None or isinstance(date, dt.date)
    end = dateline_end(text)
    assert 0 <= end <= len(text)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv", ".tsv"]))
def test_reading_arbitrary_bytes_never_raises(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        errors: list[InputError] = []
        for article in read_articles([path], on_error=errors.append):
            assert isinstance(article, Article) and article.text
        assert all(e.path == path.as_posix() for e in errors)


def test_datelines_inside_a_flattened_page() -> None:
    """A page whose lines were run together carries its dateline inside the text; a place in
    capitals before an unknown bracket, or a label like BREAKING, is not one."""
    text = "ALEPPO: Jets struck. Get short URL. DAMASCUS (Sputnik) The army advanced. HOMS (local) stayed calm."
    assert [text[s:e].strip() for s, e in dateline_spans(text)] == ["ALEPPO:", "DAMASCUS (Sputnik)"]
    assert dateline_spans("BREAKING (Reuters) jets struck.") == []
    assert dateline_spans("") == []
