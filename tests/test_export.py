"""Exports: the contract's columns, [lon, lat] GeoJSON, spreadsheet-safe CSV, atomic and repeatable files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geopandas
import pytest

from geomap.errors import ConfigurationError
from geomap.export import atomic_writer, format_for_path, safe_cell, to_geodataframe, write_events
from geomap.model import EVENT_FIELDS, Event


def _event(**changes: object) -> Event:
    base = dict(doc_id="d1", place="Saraqib", mention="Saraqib", start_char=16, end_char=23, lat=35.866, lon=36.803,
                kind="settlement", admin1="Idlib", place_id="ocha:C3916", resolver="gazetteer", score=0.9, role="event",
                date="2019-05-03", date_precision="day", date_source="sentence", event_type="airstrike",
                sentence="Air strikes hit Saraqib.", title="Strikes", source="https://example.org/a")
    base.update(changes)
    return Event(**base)  # type: ignore[arg-type]


def test_csv_columns_in_contract_order_and_formulas_neutralised(tmp_path: Path) -> None:
    hostile = _event(title="=HYPERLINK(\"http://evil\")", sentence="+SUM(A1)", source="@cmd", mention="-2+3", doc_id="\tx")
    path = tmp_path / "e.csv"
    write_events([hostile], path, "csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == EVENT_FIELDS
    record = dict(zip(rows[0], rows[1]))
    for field in ("title", "sentence", "source", "mention", "doc_id"):
        assert record[field].startswith("'"), field
    assert safe_cell(None) == "" and safe_cell(3.5) == 3.5 and safe_cell("Idlib") == "Idlib"


def test_geojson_is_lon_lat_with_timeline_properties(tmp_path: Path) -> None:
    path = tmp_path / "e.geojson"
    write_events([_event()], path, "geojson")
    feature = json.loads(path.read_text(encoding="utf-8"))["features"][0]
    assert feature["geometry"]["coordinates"] == [36.803, 35.866]
    assert feature["properties"]["start"] == feature["properties"]["end"] == "2019-05-03"
    assert "lat" not in feature["properties"]


def test_geodataframe_and_geopackage(tmp_path: Path) -> None:
    frame = to_geodataframe([_event(), _event(place="Douma", lat=33.57, lon=36.40)])
    assert frame.crs.to_epsg() == 4326 and list(frame.columns[:-1]) == list(EVENT_FIELDS)
    write_events([_event()], tmp_path / "e.gpkg", "gpkg")
    back = geopandas.read_file(tmp_path / "e.gpkg", layer="events")
    assert back.crs.to_epsg() == 4326 and back.iloc[0]["place"] == "Saraqib"


def test_geoparquet(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    write_events([_event()], tmp_path / "e.parquet", "parquet")
    back = geopandas.read_parquet(tmp_path / "e.parquet")
    assert back.crs.to_epsg() == 4326 and back.iloc[0].geometry.x == pytest.approx(36.803)


def test_same_events_give_identical_bytes(tmp_path: Path) -> None:
    for fmt in ("jsonl", "geojson", "csv"):
        write_events([_event(), _event(place="Douma")], tmp_path / f"a.{fmt}", fmt)
        write_events([_event(), _event(place="Douma")], tmp_path / f"b.{fmt}", fmt)
        assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


def test_interrupted_write_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("previous\n", encoding="utf-8")

    def exploding():  # noqa: ANN202
        yield _event()
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_events(exploding(), path, "jsonl")
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"], "no temporary file left behind"
    with atomic_writer(path) as handle:
        handle.write("new\n")
    assert path.read_text(encoding="utf-8") == "new\n"


def test_formats_and_errors() -> None:
    assert format_for_path("x.geojson") == "geojson" and format_for_path("x.json") == "geojson"
    assert format_for_path("x.csv") == "csv" and format_for_path(None) == "jsonl" and format_for_path("x.txt") == "jsonl"
    with pytest.raises(ConfigurationError):
        write_events([], None, "gpkg")
    with pytest.raises(ConfigurationError):
        write_events([], None, "xml")
