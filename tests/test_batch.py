"""Many articles: --jobs N gives what one job gives, and re-runs only process what changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.batch import CHUNK, ExtractionSettings, ResultCache, extract_articles
from geomap.cli import cli
from geomap.cli import build, extract  # noqa: F401 - registers the commands
from geomap.model import Article
from geomap.pipeline import RunReport

PLACES = ["Saraqib", "Douma", "Maarat al-Numan", "Kafr Nabl", "Raqqa", "Tell Salmo", "Harasta", "Jisr al-Shughur"]
TEMPLATES = [
    "Air strikes hit {a} on {d} March 2019, rescue workers said, and shelling was reported near {b}.",
    "Clashes broke out in {a} on {d} April 2018. Families fled {b} towards the border.",
    "A car bomb exploded in {a} on {d} May 2017, local officials in {b} said.",
]


def _articles(n: int, start: int = 0) -> list[Article]:
    out = []
    for i in range(start, start + n):
        text = TEMPLATES[i % 3].format(a=PLACES[i % len(PLACES)], b=PLACES[(i * 3 + 1) % len(PLACES)], d=1 + i % 27)
        out.append(Article(id=f"a{i:04d}", text=text, title=f"Report {i}"))
    return out


def test_two_jobs_equal_one_job_in_the_same_order() -> None:
    articles = _articles(2 * CHUNK + 7)
    one = list(extract_articles(articles, ExtractionSettings(), jobs=1))
    two = list(extract_articles(articles, ExtractionSettings(), jobs=2))
    assert one == two
    assert sum(len(e) for e in one) > len(articles)


def test_incremental_run_processes_only_new_articles(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    first = RunReport()
    list(extract_articles(_articles(40), ExtractionSettings(), jobs=1, cache=cache, report=first))
    assert first.cached == 0 and first.articles == 40
    again = RunReport()
    events = list(extract_articles(_articles(50), ExtractionSettings(), jobs=1, cache=cache, report=again))
    assert again.articles == 50 and again.cached == 40, "only the 10 new articles are extracted"
    fresh = list(extract_articles(_articles(50), ExtractionSettings(), jobs=1))
    assert events == fresh, "cached results equal fresh ones"


def test_changed_article_or_settings_miss_the_cache(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    articles = _articles(5)
    list(extract_articles(articles, ExtractionSettings(), jobs=1, cache=cache))
    changed = [Article(id=a.id, text=a.text + " Shelling also hit Douma.", title=a.title) for a in articles[:2]] + articles[2:]
    report = RunReport()
    list(extract_articles(changed, ExtractionSettings(), jobs=1, cache=cache, report=report))
    assert report.cached == 3
    other = RunReport()
    places = tmp_path / "places.csv"
    places.write_text("name,lat,lon\nTell Zimrabad,35.7,37.0\n", encoding="utf-8")
    list(extract_articles(articles, ExtractionSettings(places=str(places)), jobs=1, cache=cache, report=other))
    assert other.cached == 0, "a --places file changes the gazetteer version"


def test_edited_geomap_source_misses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited checkout answers differently under the same version number."""
    import geomap.batch

    cache = ResultCache(tmp_path)
    articles = _articles(3)
    list(extract_articles(articles, ExtractionSettings(), jobs=1, cache=cache))
    monkeypatch.setattr(geomap.batch, "code_stamp", lambda: "an edited rule")
    report = RunReport()
    list(extract_articles(articles, ExtractionSettings(), jobs=1, cache=cache, report=report))
    assert report.cached == 0


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "articles.sqlite").write_bytes(b"this is not a database" * 100)
    cache = ResultCache(tmp_path)
    assert list(extract_articles(_articles(3), ExtractionSettings(), jobs=1, cache=cache))
    assert (tmp_path / "articles.corrupt").exists()


def test_cli_reports_cached_articles_and_no_cache(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": a.id, "text": a.text}) for a in _articles(12)) + "\n", encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["extract", str(corpus), "--offline", "-o", str(tmp_path / "a.jsonl")])
    second = runner.invoke(cli, ["extract", str(corpus), "--offline", "-o", str(tmp_path / "b.jsonl")])
    assert "from cache" not in first.stderr and "(12 from cache)" in second.stderr
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    third = runner.invoke(cli, ["extract", str(corpus), "--offline", "--no-cache", "-o", str(tmp_path / "c.jsonl")])
    assert "from cache" not in third.stderr
    assert runner.invoke(cli, ["extract", str(corpus), "--offline", "--jobs", "2", "-q", "-o", str(tmp_path / "d.jsonl")]).exit_code == 0
    assert (tmp_path / "d.jsonl").read_bytes() == (tmp_path / "a.jsonl").read_bytes()


def test_one_failing_article_does_not_stop_the_run(monkeypatch) -> None:  # noqa: ANN001
    from geomap.pipeline import Extractor

    original = Extractor.events

    def sometimes_broken(self, article):  # noqa: ANN001, ANN202
        if article.id == "a0002":
            raise RuntimeError("simulated pipeline bug")
        return original(self, article)

    monkeypatch.setattr(Extractor, "events", sometimes_broken)
    report = RunReport()
    results = list(extract_articles(_articles(5), ExtractionSettings(), jobs=1, report=report))
    assert len(results) == 4
    assert [str(e) for e in report.skipped] == ["a0002: extraction failed: RuntimeError: simulated pipeline bug"]


def test_long_article_in_linear_time() -> None:
    text = "Air strikes hit Saraqib on 3 May 2019, and shelling hit Kafr Nabl. " * 20_000  # 1.3 MB
    [events] = list(extract_articles([Article(id="long", text=text)], ExtractionSettings(), jobs=1))
    assert sorted(e.reports for e in events) == [20_000, 20_000]
