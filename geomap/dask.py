"""Extract events from large corpora in parallel with Dask (optional: ``pip install 'geomap[dask]'``).

Articles go in as a :class:`dask.bag.Bag` (of :class:`~geomap.model.Article`, dict records or
plain texts) or a :class:`dask.dataframe.DataFrame` (columns ``id``, ``text``, optional
``title``, ``published``, ``source``/``url``: the columns of geomap's JSONL and CSV input);
events come out as a dask DataFrame with exactly the columns of
:data:`geomap.model.EVENT_FIELDS`, in that order, one partition of events per input partition::

    import dask.dataframe as dd
    from geomap.dask import extract_frame, to_geoparquet

    articles = dd.read_json("news-*.jsonl", lines=True, blocksize="32MB")
    events = extract_frame(articles)                  # lazy; columns = EVENT_FIELDS
    events[events.role == "event"].groupby("admin1").size().compute()
    to_geoparquet(events, "events.parquet")           # a directory of GeoParquet files

Each worker process builds the extractor (gazetteer, spaCy pipeline, resolver: about a second
and ~150 MB) once, the first time one of its tasks needs it, and keeps it in a module-level
cache keyed by the places file (path, size, mtime), the model and the geocoder settings; every
later task on that worker reuses it. Nothing heavy is pickled: tasks carry only the settings.

Records are read like the rows of a JSONL file by :func:`geomap.read.read_articles`: a
missing ``published`` date is looked for in the first lines of the text; ``url`` wins over
``source``. A row without text (missing, not a string, blank) is skipped with a warning on the
``geomap`` logger, and so is an article whose extraction fails (with its traceback): one bad
row never fails a partition.

**On a real cluster**, every worker needs geomap installed (the same version as the client,
with ``geomap[dask]``), and a ``places`` file, a geocoder cache directory and the GeoParquet
output directory must be at the same path on every worker (a shared file system), since only
paths travel::

    from distributed import Client
    client = Client("tcp://scheduler:8786")           # started with `dask scheduler` / `dask worker`
    articles = dd.read_json("/shared/news/*.jsonl", lines=True, blocksize="32MB")
    events = extract_frame(articles, places="/shared/extra_places.csv")
    to_geoparquet(events, "/shared/out/events.parquet")

Prefer one thread per worker process (``dask worker --nthreads 1 --nworkers N``): extraction
is pure Python and holds the GIL, so threads add no speed, and all threads of a process share
one extractor (calls into it are serialised by a lock). With a fallback geocoder
(``geocode_settings``) each worker process rate-limits on its own, so N workers may send N
times ``1 / min_delay_seconds`` requests a second: raise ``min_delay_seconds`` accordingly or
use a geocoder you run yourself. Without ``geocode_settings`` extraction is offline.
"""

from __future__ import annotations

try:
    # Absolute imports: this module is ``geomap.dask``, ``dask`` is the real library.
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - exercised only where dask is absent
    raise ImportError(
        "geomap.dask needs Dask (dask[dataframe,distributed]) and pyarrow: pip install 'geomap[dask]'"
    ) from exc

if not hasattr(dask, "delayed") or getattr(dask, "__file__", None) == __file__:  # pragma: no cover
    raise ImportError("geomap.dask imported itself instead of the dask library; run it as geomap.dask, "
                      "not as a script from inside the geomap folder")

import dataclasses
import datetime as dt
import json
import logging
import math
import numbers
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .model import EVENT_FIELDS, Article, Event

__all__ = ["EVENTS_META", "extract_bag", "extract_frame", "extractor_cache_info", "to_geoparquet"]

log = logging.getLogger("geomap")

_INT_FIELDS = frozenset({"start_char", "end_char", "reports"})
_FLOAT_FIELDS = frozenset({"lat", "lon", "score"})
#: Every other event field is a string or None (object dtype).
_STRING_FIELDS = tuple(name for name in EVENT_FIELDS if name not in _INT_FIELDS | _FLOAT_FIELDS)
_DTYPES: dict[str, str] = {
    name: "int64" if name in _INT_FIELDS else "float64" if name in _FLOAT_FIELDS else "object"
    for name in EVENT_FIELDS
}


def _empty_events() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in _DTYPES.items()})


#: The ``meta`` of every events frame: the columns of EVENT_FIELDS in order; strings (and
#: optional strings: None where missing) as object, offsets and report counts int64,
#: coordinates and scores float64.
EVENTS_META: pd.DataFrame = _empty_events()


# --------------------------------------------------------------------- per-process extractor


@dataclasses.dataclass
class _CacheEntry:
    extractor: Any  # geomap.pipeline.Extractor
    lock: threading.Lock
    builds: int = 0
    tasks: int = 0
    articles: int = 0


_CACHE: dict[tuple[Any, ...], _CacheEntry] = {}
_CACHE_LOCK = threading.Lock()


def _settings_dict(settings: Any) -> dict[str, Any] | None:
    """Geocoder settings as a plain, picklable dict (None: offline)."""
    if settings is None:
        return None
    if dataclasses.is_dataclass(settings) and not isinstance(settings, type):
        values = {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)}
    elif isinstance(settings, Mapping):
        values = dict(settings)
    else:
        raise TypeError("geocode_settings must be a geomap.geocode.GeocoderSettings, a mapping of its fields, or None")
    values["options"] = dict(values.get("options") or {})
    if values.get("cache_dir") is not None:
        values["cache_dir"] = os.fspath(values["cache_dir"])
    if "country_codes" in values and not isinstance(values["country_codes"], str):
        values["country_codes"] = list(values["country_codes"])
    return values


def _cache_key(places: str | None, model: str | None, settings: dict[str, Any] | None) -> tuple[Any, ...]:
    place_key: tuple[Any, ...] = ()
    if places:
        path = Path(places)
        stat = path.stat()  # a missing file fails the task loudly, like the CLI's --places
        place_key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    settings_key = json.dumps(settings, sort_keys=True, default=str) if settings is not None else None
    return (place_key, model, settings_key)


def _extractor_entry(places: str | None, model: str | None, settings: dict[str, Any] | None) -> _CacheEntry:
    """This process's extractor for these settings, built on first use."""
    key = _cache_key(places, model, settings)
    entry = _CACHE.get(key)
    if entry is not None:
        return entry
    with _CACHE_LOCK:  # threads of one worker wait for the first build instead of repeating it
        entry = _CACHE.get(key)
        if entry is None:
            from .batch import ExtractionSettings

            extractor = ExtractionSettings(places=places, model=model, geocoder=settings).build()
            entry = _CACHE[key] = _CacheEntry(extractor, threading.Lock(), builds=1)
            log.debug("geomap.dask: built an extractor in process %d for %r", os.getpid(), key)
    return entry


def extractor_cache_info() -> dict[str, Any]:
    """This process's id and its cached extractors: ``{"pid", "extractors": [{"key", "id",
    "builds", "tasks", "articles"}]}``. For diagnostics, e.g. ``client.run(extractor_cache_info)``
    shows that each worker built its extractor once however many tasks it ran."""
    with _CACHE_LOCK:
        entries = [
            {"key": repr(key), "id": id(entry.extractor), "builds": entry.builds, "tasks": entry.tasks,
             "articles": entry.articles}
            for key, entry in _CACHE.items()
        ]
    return {"pid": os.getpid(), "extractors": entries}


# --------------------------------------------------------------------- records → articles


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _text_or_none(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _published(value: Any, where: str) -> dt.date | None:
    """A row's published value, read as :func:`geomap.read.parse_published` reads JSONL fields."""
    from .read import parse_published

    return None if _missing(value) else parse_published(value, where)


def _record_id(value: Any, fallback: str) -> str:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and not _missing(value):
        return str(float(value))
    return fallback


def _article(item: Any, where: str) -> Article | None:
    """An Article from a bag item or a frame row, or None after a warning saying why not."""
    if isinstance(item, Article):
        if not item.text.strip():
            log.warning("%s: article %r has no text (skipped)", where, item.id)
            return None
        return item
    if isinstance(item, str):
        if not item.strip():
            log.warning("%s: empty text (skipped)", where)
            return None
        from .read import find_published_date

        return Article(id=where, text=item, published=find_published_date(item))
    if not isinstance(item, Mapping):
        log.warning("%s: expected an Article, a record (mapping) or a text, got %s (skipped)",
                    where, type(item).__name__)
        return None
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        reason = "missing 'text'" if _missing(text) else (
            "empty 'text'" if isinstance(text, str) else f"'text' is not a string ({type(text).__name__})")
        log.warning("%s: %s (skipped)", where, reason)
        return None
    article_id = _record_id(item.get("id"), where)
    published = _published(item.get("published"), where)
    if published is None:
        from .read import find_published_date

        published = find_published_date(text)
    source = next((v for v in (_text_or_none(item.get("url")), _text_or_none(item.get("source"))) if v), None)
    return Article(id=article_id, text=text, title=_text_or_none(item.get("title")), published=published,
                   source=source)


# --------------------------------------------------------------------- one partition


def _events_frame(events: list[Event]) -> pd.DataFrame:
    if not events:
        return _empty_events()
    frame = pd.DataFrame.from_records([e.to_dict() for e in events], columns=list(EVENT_FIELDS))
    frame = frame.astype(_DTYPES)
    for name in _STRING_FIELDS:  # pandas may infer its string dtype; the contract is object + None
        frame[name] = pd.Series(
            [None if _missing(v) else v for v in frame[name].tolist()], dtype=object, index=frame.index)
    return frame


def _extract_items(items: Iterable[tuple[str, Any]], places: str | None, model: str | None,
                   settings: dict[str, Any] | None) -> pd.DataFrame:
    """Events of one partition's items ((where, item) pairs), with this process's extractor."""
    entry = _extractor_entry(places, model, settings)
    events: list[Event] = []
    done = 0
    for where, item in items:
        article = _article(item, where)
        if article is None:
            continue
        try:
            with entry.lock:
                found = entry.extractor.events(article)
        except Exception:
            log.warning("%s: extraction failed for article %r (skipped)", where, article.id, exc_info=True)
            continue
        events.extend(found)
        done += 1
    with entry.lock:
        entry.tasks += 1
        entry.articles += done
        entry.extractor.report.unresolved.clear()  # the worker lives on; its report must not grow
    return _events_frame(events)


def _bag_partition(items: list[Any], number: int, places: str | None, model: str | None,
                   settings: dict[str, Any] | None) -> pd.DataFrame:
    return _extract_items(((f"partition {number} item {i}", item) for i, item in enumerate(items)),
                          places, model, settings)


def _frame_partition(frame: pd.DataFrame, places: str | None, model: str | None,
                     settings: dict[str, Any] | None) -> pd.DataFrame:
    if len(frame) == 0:  # also dask's meta inference on an empty frame: no extractor needed
        return _empty_events()
    if "text" not in frame.columns:
        raise KeyError(f"extract_frame needs a 'text' column; the columns are {list(frame.columns)}")
    columns = [c for c in ("id", "text", "title", "published", "source", "url") if c in frame.columns]
    records = frame[columns].to_dict("records")
    items = ((f"row {index}", record) for index, record in zip(frame.index, records, strict=True))
    return _extract_items(items, places, model, settings)


def _check(places: str | os.PathLike[str] | None, model: str | None, geocode_settings: Any) -> tuple[
        str | None, str | None, dict[str, Any] | None]:
    # The places file is opened on the workers (a missing one fails the first task loudly).
    return (os.fspath(places) if places else None), model, _settings_dict(geocode_settings)


# --------------------------------------------------------------------- public API


def extract_bag(articles: db.Bag, *, places: str | os.PathLike[str] | None = None, geocode_settings: Any = None,
                model: str | None = None) -> dd.DataFrame:
    """Events of a bag of articles, as a lazy dask DataFrame with the columns of EVENT_FIELDS.

    ``articles`` holds :class:`~geomap.model.Article` objects, dict records (``id``, ``text``,
    ``title``, ``published``, ``source``/``url``) or plain texts. ``places`` is a user places
    CSV (as ``--places``; the path must exist on every worker); ``geocode_settings`` a
    :class:`geomap.geocode.GeocoderSettings` (or a dict of its fields) to turn the fallback
    geocoder on, None for offline; ``model`` a spaCy pipeline name (as ``--model``).
    One partition of events per partition of the bag, events in article order, then text order.
    """
    if not isinstance(articles, db.Bag):
        raise TypeError(f"extract_bag needs a dask.bag.Bag, got {type(articles).__name__}")
    places_path, model, settings = _check(places, model, geocode_settings)
    parts = [
        dask.delayed(_bag_partition, pure=True)(part, number, places_path, model, settings)
        for number, part in enumerate(articles.to_delayed())
    ]
    # Dask would turn the object columns into pyarrow strings ("dataframe.convert-string");
    # the events contract is object columns holding str or None.
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_delayed(parts, meta=EVENTS_META, verify_meta=False)


def extract_frame(frame: dd.DataFrame, *, places: str | os.PathLike[str] | None = None, geocode_settings: Any = None,
                  model: str | None = None) -> dd.DataFrame:
    """Events of a dask DataFrame of articles (columns ``id``, ``text``, optional ``title``,
    ``published``, ``source``/``url``), as a lazy dask DataFrame with the columns of EVENT_FIELDS.

    Settings as in :func:`extract_bag`. A row without an ``id`` is named ``row INDEX``.
    """
    if not isinstance(frame, dd.DataFrame):
        raise TypeError(f"extract_frame needs a dask.dataframe.DataFrame, got {type(frame).__name__}")
    if "text" not in frame.columns:
        raise KeyError(f"extract_frame needs a 'text' column; the columns are {list(frame.columns)}")
    places_path, model, settings = _check(places, model, geocode_settings)
    with dask.config.set({"dataframe.convert-string": False}):
        return frame.map_partitions(_frame_partition, places_path, model, settings, meta=EVENTS_META,
                                    enforce_metadata=False)


# --------------------------------------------------------------------- GeoParquet


def _event_from_row(row: Mapping[str, Any]) -> Event:
    return Event(**{name: (None if _missing(row[name]) else row[name]) for name in EVENT_FIELDS})


def _geoframe(part: pd.DataFrame) -> Any:
    """One partition of events as a GeoDataFrame (via :func:`geomap.export.to_geodataframe`)."""
    from .export import to_geodataframe

    gdf = to_geodataframe(_event_from_row(row) for row in part[list(EVENT_FIELDS)].to_dict("records"))
    # A nullable string dtype gives every file the same Arrow schema, also where a column is
    # all None in one partition (object columns of Nones would be written as Arrow nulls).
    return gdf.astype({name: "string" for name in _STRING_FIELDS})


def _write_part(part: pd.DataFrame, path: str) -> int:
    gdf = _geoframe(part)
    gdf.to_parquet(path, index=False)
    return len(gdf)


def to_geoparquet(events: dd.DataFrame, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write an events frame as GeoParquet: a directory ``path`` of ``part.N.parquet`` files,
    one per partition, points in EPSG:4326 in a ``geometry`` column beside every event field.

    With dask-geopandas installed it writes through ``dask_geopandas.GeoDataFrame.to_parquet``;
    without it, each partition is turned into a
    GeoDataFrame by :func:`geomap.export.to_geodataframe` and written by geopandas'
    ``to_parquet`` (GeoParquet 1.x metadata), in parallel on the workers. Either way
    ``geopandas.read_parquet(path)`` reads the whole directory back. The directory must be
    writable by the workers (a shared file system on a cluster). An existing non-empty
    directory is an error unless ``overwrite`` (then its ``*.parquet`` files are replaced).
    """
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise FileExistsError(f"{target} exists and is not a directory")
    if target.is_dir() and any(target.iterdir()):
        if not overwrite:
            raise FileExistsError(f"{target} is not empty (pass overwrite=True to replace its parquet files)")
        for old in list(target.glob("*.parquet")) + [target / "_metadata", target / "_common_metadata"]:
            if old.is_file():
                old.unlink()
    try:
        import dask_geopandas
    except ImportError:
        dask_geopandas = None
    if dask_geopandas is not None:
        gdf = events.map_partitions(_geoframe, meta=_geoframe(EVENTS_META))  # a dask_geopandas.GeoDataFrame
        # schema=None: each part keeps the schema geopandas gives it (the same for every part,
        # see _geoframe); dask's schema inference from meta fails on the geometry column
        # (dask-geopandas 0.5 with dask 2026.8 and pandas 3).
        dask_geopandas.from_dask_dataframe(gdf, geometry="geometry").to_parquet(
            os.fspath(target), schema=None, write_index=False)
        return target
    target.mkdir(parents=True, exist_ok=True)
    width = max(1, len(str(events.npartitions - 1)))
    writes = [
        dask.delayed(_write_part, pure=False)(part, os.fspath(target / f"part.{number:0{width}d}.parquet"))
        for number, part in enumerate(events.to_delayed())
    ]
    dask.compute(*writes)
    return target
