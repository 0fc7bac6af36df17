"""Many articles at once: parallel extraction and per-article result caching.

:func:`extract_articles` runs the same :class:`~geomap.pipeline.Extractor` over a stream of
articles, in this process or in ``jobs`` worker processes (each builds its extractor once), and
yields each article's events in input order, so ``--jobs 2`` gives exactly what ``--jobs 1``
gives. Results are cached per article in :class:`ResultCache`, keyed by the article's content,
geomap's version and source, the gazetteer version (which covers a ``--places`` file) and the
settings that change answers, so re-running a build over a folder only processes new or changed
articles.
"""

from __future__ import annotations

import collections
import concurrent.futures
import functools
import hashlib
import itertools
import json
import logging
import multiprocessing
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InputError
from .model import Article, Event
from .pipeline import Extractor, RunReport

log = logging.getLogger("geomap")

#: Articles handed to worker processes at a time: bounds memory, keeps output in order.
CHUNK = 64


@dataclass(frozen=True)
class ExtractionSettings:
    """Everything that decides what an article's events are; picklable for worker processes."""

    places: str | None = None
    model: str | None = None
    #: Keyword arguments of :class:`geomap.geocode.GeocoderSettings`, or None for no geocoder.
    geocoder: Mapping[str, Any] | None = field(default=None, hash=False)

    def build(self, *, jobs: int = 1) -> Extractor:
        """An extractor for these settings. With several jobs each process keeps its share of
        the geocoder's request rate, so together they stay within the service's policy."""
        geocode = None
        if self.geocoder is not None:
            from .geocode import Geocoder, GeocoderSettings

            options = dict(self.geocoder)
            options["min_delay_seconds"] = float(options.get("min_delay_seconds", 1.0)) * jobs
            options["error_wait_seconds"] = max(float(options.get("error_wait_seconds", 2.0)), options["min_delay_seconds"])
            settings = GeocoderSettings(**options)
            geocode = None if settings.offline else Geocoder(settings)
        return Extractor(places=self.places, model=self.model, geocode=geocode)

    def fingerprint(self, gazetteer_version: str) -> str:
        """What, besides the article, its cached events depend on."""
        geocoder = {k: v for k, v in (self.geocoder or {}).items() if k in ("name", "options", "country_codes")}
        parts = [__version__, code_stamp(), gazetteer_version, self.model or "",
                 json.dumps(geocoder, sort_keys=True, default=str)]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def code_stamp() -> str:
    """A hash of geomap's own source: an edited checkout (an editable install, a patched rule)
    answers differently under the same version number, so its cached results must not be reused."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    """Events per article on disk (SQLite, WAL): safe across processes and interrupted runs."""

    def __init__(self, directory: str | Path | None = None) -> None:
        if directory is None:
            import platformdirs

            directory = platformdirs.user_cache_dir("geomap")
        self.path = Path(directory) / "articles.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent; a crash loses at most the last results
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, events TEXT NOT NULL, unresolved TEXT NOT NULL)")
            return db
        except sqlite3.DatabaseError as exc:
            log.warning("%s: unreadable article cache (%s); starting a new one", self.path, exc)
            self.path.replace(self.path.with_suffix(".corrupt"))
            return self._open()

    @staticmethod
    def key(article: Article, fingerprint: str) -> str:
        """The cache key of an article: its content and the settings' fingerprint."""
        content = [fingerprint, article.id, article.text, article.title or "", str(article.published or ""), article.source or ""]
        return hashlib.sha256("\x1f".join(content).encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> tuple[list[Event], list[str]] | None:
        """Cached events and unresolved names of an article, or None."""
        try:
            row = self._db.execute("SELECT events, unresolved FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            log.warning("%s: article cache read failed: %s", self.path, exc)
            return None
        if row is None:
            return None
        return [Event(**record) for record in json.loads(row[0])], json.loads(row[1])

    def put(self, key: str, events: list[Event], unresolved: list[str]) -> None:
        """Store an article's results (committed at once, so a killed run keeps them)."""
        payload = json.dumps([e.to_dict() for e in events], ensure_ascii=False)
        try:
            self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", (key, payload, json.dumps(unresolved)))
        except sqlite3.DatabaseError as exc:
            log.warning("%s: article cache write failed: %s", self.path, exc)

    def clear(self) -> int:
        """Remove every cached result; returns how many there were."""
        count = self._db.execute("SELECT count(*) FROM results").fetchone()[0]
        self._db.execute("DELETE FROM results")
        return int(count)


# ---------------------------------------------------------------------- worker processes

_WORKER: Extractor | None = None


def _start_worker(settings: ExtractionSettings, jobs: int) -> None:
    global _WORKER
    _WORKER = settings.build(jobs=jobs)


def _extract_in_worker(article: Article) -> tuple[list[Event], list[str], str | None]:
    if _WORKER is None:
        raise RuntimeError("geomap worker process was not initialised")
    return _extract_one(_WORKER, article)


def _extract_one(extractor: Extractor, article: Article) -> tuple[list[Event], list[str], str | None]:
    """An article's events and unresolved names, or the error that stopped it: one article that
    breaks the pipeline must not stop a run of a thousand."""
    before = len(extractor.report.unresolved)
    try:
        events = extractor.events(article)
    except Exception as exc:  # noqa: BLE001 - reported with the article's id, the run goes on
        log.warning("%s: extraction failed: %s", article.id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        return [], [], f"extraction failed: {type(exc).__name__}: {exc}"
    unresolved = extractor.report.unresolved[before:]
    del extractor.report.unresolved[before:]  # the run's report collects them, not the worker's
    return events, unresolved, None


# ---------------------------------------------------------------------- the run

def extract_articles(
    articles: Iterable[Article],
    settings: ExtractionSettings,
    *,
    jobs: int | None = None,
    cache: ResultCache | None = None,
    report: RunReport | None = None,
) -> Iterator[list[Event]]:
    """Each article's events, in input order (see the module docstring).

    ``jobs`` None means one process per core; small inputs (under one chunk) run in this
    process, since starting workers would cost more than it saves.
    """
    jobs = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
    report = report if report is not None else RunReport()
    local = settings.build()
    fingerprint = settings.fingerprint(local.gazetteer.version)
    stream = iter(articles)
    pool: concurrent.futures.ProcessPoolExecutor | None = None
    # Chunks handed out and not yet read back: the next chunk goes to the workers before this one's
    # results are read, so they never wait for the reading, caching and writing between chunks.
    ahead: collections.deque[tuple[list[Article], list[str | None], list[Any], Iterator[Any]]] = collections.deque()
    try:
        while True:
            chunk = list(itertools.islice(stream, CHUNK))
            if chunk:
                keys = [ResultCache.key(a, fingerprint) for a in chunk] if cache else [None] * len(chunk)
                cached = [cache.get(k) if cache and k else None for k in keys]
                todo = [a for a, hit in zip(chunk, cached) if hit is None]
                if pool is None and jobs > 1 and len(chunk) == CHUNK and len(todo) > 1:
                    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
                    pool = concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                                                  initargs=(settings, jobs))
                if pool is not None and len(todo) > 1:
                    fresh = iter(pool.map(_extract_in_worker, todo, chunksize=max(1, len(todo) // (jobs * 4))))
                else:
                    fresh = (_extract_one(local, a) for a in todo)
                ahead.append((chunk, keys, cached, fresh))
                if len(ahead) < 2:
                    continue
            if not ahead:
                break
            chunk, keys, cached, fresh = ahead.popleft()
            for article, key, hit in zip(chunk, keys, cached):
                events, unresolved, error = (*hit, None) if hit is not None else next(fresh)
                if error is not None:
                    report.skipped.append(InputError(error, path=article.id))
                    continue
                if hit is None and cache and key:
                    cache.put(key, events, unresolved)
                report.articles += 1
                report.events += sum(e.role == "event" for e in events)
                report.mentions += sum(e.role == "mention" for e in events)
                report.unresolved.extend(unresolved)
                report.cached += hit is not None
                yield events
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
