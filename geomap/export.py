"""Exports of event records for GIS tools and spreadsheets: JSONL, GeoJSON, CSV, GeoPackage,

GeoParquet too, for big outputs. This is the one place where coordinates turn from geomap's ``lat``/``lon`` into GeoJSON's
``[lon, lat]`` order, in WGS84 (EPSG:4326, RFC 7946). Every file is written atomically
(temporary file, then rename), so an interrupted run never leaves half a file in place of the
previous one, and deterministically (fixed column order, no timestamps).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import ConfigurationError
from .model import EVENT_FIELDS, Event

#: Characters that make a spreadsheet read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("jsonl", "geojson", "csv", "gpkg", "parquet")


@contextlib.contextmanager
def atomic_writer(path: str | Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it over ``path`` only on success."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        mode = "wb" if binary else "w"
        with os.fdopen(fd, mode, **({} if binary else {"encoding": "utf-8", "newline": ""})) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def event_feature(event: Event) -> dict[str, Any]:
    """One GeoJSON Feature: a Point at ``[lon, lat]`` with every other field as a property.

    ``start``/``end`` carry the date so folium's Timeline can use the features directly.
    """
    properties = {k: v for k, v in event.to_dict().items() if k not in ("lat", "lon")}
    properties["start"] = properties["end"] = event.date
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [event.lon, event.lat]}, "properties": properties}


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    """Events as JSON lines, one record a line in contract field order."""
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_geojson(events: Iterable[Event], out: IO[str]) -> int:
    """Events as one GeoJSON FeatureCollection (streamed feature by feature)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for event in events:
        out.write((",\n" if count else "") + json.dumps(event_feature(event), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    """Events as CSV with the contract's columns, in order; formula-like cells neutralised."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_FIELDS)
    count = 0
    for event in events:
        writer.writerow([safe_cell(getattr(event, name)) for name in EVENT_FIELDS])
        count += 1
    return count


def to_geodataframe(events: Iterable[Event]) -> Any:
    """Events as a ``geopandas.GeoDataFrame`` of points in EPSG:4326, one row per event."""
    import geopandas
    import pandas

    records = [event.to_dict() for event in events]
    frame = pandas.DataFrame.from_records(records, columns=list(EVENT_FIELDS))
    geometry = geopandas.points_from_xy(frame["lon"], frame["lat"], crs="EPSG:4326")
    return geopandas.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def write_gpkg(events: Iterable[Event], path: str | Path) -> int:
    """Events as a GeoPackage layer ``events`` (written beside, then renamed into place)."""
    frame = to_geodataframe(events)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp.gpkg")
    try:
        frame.to_file(tmp, driver="GPKG", layer="events", index=False)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return len(frame)


def write_geoparquet(events: Iterable[Event], path: str | Path) -> int:
    """Events as GeoParquet (needs pyarrow: ``pip install 'geomap[parquet]'``), for big outputs."""
    try:
        import pyarrow  # noqa: F401
    except ModuleNotFoundError as exc:
        raise ConfigurationError("GeoParquet output needs pyarrow: pip install 'geomap[parquet]'") from exc
    frame = to_geodataframe(events)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp.parquet")
    try:
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return len(frame)


_WRITERS = {"jsonl": write_jsonl, "geojson": write_geojson, "csv": write_csv}
_FILE_WRITERS = {"gpkg": write_gpkg, "parquet": write_geoparquet}


def write_events(events: Iterable[Event], path: str | Path | None, fmt: str, *, stdout: IO[str] | None = None) -> int:
    """Write events in a format to a path (atomically) or to ``stdout`` when path is None or "-"."""
    if fmt not in FORMATS:
        raise ConfigurationError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt in _FILE_WRITERS:
        if path is None or str(path) == "-":
            raise ConfigurationError(f"{fmt} output needs a file path (-o FILE.{fmt})")
        return _FILE_WRITERS[fmt](events, path)
    writer = _WRITERS[fmt]
    if path is None or str(path) == "-":
        return writer(events, stdout or io.StringIO())
    with atomic_writer(path) as handle:
        return writer(events, handle)


def format_for_path(path: str | Path | None, default: str = "jsonl") -> str:
    """The export format an output file name asks for (``.geojson``, ``.csv``, ``.gpkg``…)."""
    if path is None:
        return default
    suffix = Path(str(path)).suffix.lower().lstrip(".")
    return {"json": "geojson", "ndjson": "jsonl"}.get(suffix, suffix if suffix in FORMATS else default)
