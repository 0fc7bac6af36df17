"""The command line: thin commands, clear errors, documented exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli, main  # noqa: F401 - main registers the commands
from geomap.cli import build, cache, extract, lookup  # noqa: F401


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


ARTICLE = ("Idlib Daily, 12 March 2019\n\nAir strikes hit Saraqib and Maarat al-Numan on Monday, "
           "rescue workers said. Clashes continued near Khan Sheikhoun on 10 March 2019.\n")


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [[], ["lookup"], ["extract"], ["build"], ["cache"], ["cache", "clear"]])
def test_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "-h"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    if command in (["lookup"], ["extract"], ["build"]):
        assert "Example:" in result.output


def test_help_documents_exit_codes_and_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert "Exit codes" in result.output and "2  usage error" in result.output
    assert runner.invoke(cli, ["--version"]).output.startswith("geomap, version")


def test_lookup_table_and_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lookup", "Abul Thohur", "--limit", "3"])
    assert result.exit_code == 0
    header, first = result.output.splitlines()[:2]
    assert header.split() == ["name", "kind", "admin1", "lat", "lon", "id", "source", "score"]
    assert "Idlib" in first and "settlement" in first
    rows = [json.loads(line) for line in runner.invoke(cli, ["lookup", "Zarzur", "--near", "Idlib", "--json"]).output.splitlines()]
    assert rows[0]["admin1"] == "Idlib" and {"lat", "lon", "id", "source", "score"} <= rows[0].keys()


def test_lookup_of_unknown_name_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lookup", "Xyzzyplugh"])
    assert result.exit_code == 1 and "--places" in result.output


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["lookup"]).exit_code == 2
    assert runner.invoke(cli, ["extract", "x.txt", "--format", "xml"]).exit_code == 2
    assert runner.invoke(cli, ["build", "x.txt", "--types", "picnic"]).exit_code == 2
    assert runner.invoke(cli, ["build", "x.txt", "--from", "yesterday"]).exit_code == 2


def test_extract_jsonl_in_text_order(runner: CliRunner, article: Path) -> None:
    result = runner.invoke(cli, ["extract", str(article), "--offline", "-q"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["start_char"] for r in records] == sorted(r["start_char"] for r in records)
    by_mention = {r["mention"]: r for r in records}
    assert by_mention["Saraqib"]["date"] == "2019-03-11" and by_mention["Saraqib"]["event_type"] == "airstrike"
    assert by_mention["Khan Sheikhoun"]["date"] == "2019-03-10"
    assert list(records[0]) == list(by_mention["Saraqib"])  # the contract's field order


def test_extract_geojson_and_csv_files(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    assert runner.invoke(cli, ["extract", str(article), "--offline", "-q", "-o", str(out)]).exit_code == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    feature = collection["features"][0]
    lon, lat = feature["geometry"]["coordinates"]
    assert 35.5 < lon < 42.5 and 32 < lat < 37.5  # [lon, lat] order
    csv_out = tmp_path / "events.csv"
    assert runner.invoke(cli, ["extract", str(article), "--offline", "-q", "--format", "csv", "-o", str(csv_out)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8"))))
    assert rows and rows[0]["doc_id"] == str(article)


def test_summary_names_unresolved_and_skipped_inputs(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "ok", "text": "Shelling hit Douma on 3 March 2018."}\n{not json\n', encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(article), str(broken), str(tmp_path / "missing.txt"), "--offline"])
    assert result.exit_code == 0
    assert f"{broken}:2:" in result.stderr and "missing.txt" in result.stderr
    assert "2 input(s) skipped" in result.stderr
    strict = runner.invoke(cli, ["extract", str(article), str(broken), "--offline", "--strict", "-q"])
    assert strict.exit_code == 1


def test_places_file_bad_rows_reported_with_line(runner: CliRunner, tmp_path: Path) -> None:
    places = tmp_path / "places.csv"
    places.write_text("name,lat,lon\nTell Zimrabad,35.7,37.0\nOops,north,east\n", encoding="utf-8")
    result = runner.invoke(cli, ["lookup", "Tell Zimrabad", "--places", str(places)])
    assert result.exit_code == 0 and "Tell Zimrabad" in result.output
    assert f"{places}:3:" in result.stderr


def test_build_writes_map_and_exports(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    out, geojson, csv_path = tmp_path / "map.html", tmp_path / "e.geojson", tmp_path / "e.csv"
    result = runner.invoke(cli, ["build", str(article), "-o", str(out), "--offline", "--title", "Idlib",
                                 "--geojson", str(geojson), "--csv", str(csv_path)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Saraqib" in page and "<script src=" not in page
    assert geojson.exists() and csv_path.exists()
    assert "event(s) on the map" in result.stderr


def test_build_filters_and_exits_1_when_nothing_is_mapped(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = runner.invoke(cli, ["build", str(article), "-o", str(out), "--offline", "--from", "2020-01-01"])
    assert result.exit_code == 1 and "no events" in result.output
    only_clashes = runner.invoke(cli, ["build", str(article), "-o", str(out), "--offline", "--types", "clashes", "-q"])
    assert only_clashes.exit_code == 0
    assert "Khan Sheikhoun" in out.read_text(encoding="utf-8")


def test_cache_clear_removes_every_cache(runner: CliRunner, article: Path) -> None:
    assert runner.invoke(cli, ["extract", str(article), "--offline", "-q"]).exit_code == 0
    cleared = runner.invoke(cli, ["cache", "clear"])
    assert cleared.exit_code == 0
    assert "article result(s)" in cleared.stderr and "start-up index file(s)" in cleared.stderr
    again = runner.invoke(cli, ["extract", str(article), "--offline"])
    assert "from cache" not in again.stderr
