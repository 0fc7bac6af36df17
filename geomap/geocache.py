"""The geocoder's answer cache on disk: asked once, kept across runs and processes.

One SQLite row per (service, options, country codes, normalised query), committed as soon as it
is known, in WAL mode with a busy timeout: a killed process keeps what it learned, two builds can
share the cache, and a corrupted file is moved aside to ``*.corrupt`` and started again.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from geomap.errors import GeocodeError

logger = logging.getLogger("geomap")

#: The cache file's name inside the cache directory.
CACHE_FILENAME = "geocode.sqlite3"
_BUSY_TIMEOUT_SECONDS = 10.0


def cache_path(cache_dir: Path | str | None) -> Path:
    if cache_dir is None:
        import platformdirs  # only needed when the default location is used

        cache_dir = platformdirs.user_cache_dir("geomap")
    return Path(cache_dir).expanduser() / CACHE_FILENAME


class AnswerCache:
    """Answers on disk: one sqlite row per query, committed as soon as it is known.

    WAL mode and a busy timeout let several processes read and write at once; each
    insert is its own transaction, so a killed process keeps what it already learned.
    A file sqlite cannot read is moved aside to ``*.corrupt`` and a new one started.
    A cache that cannot be used at all (read-only disk, locked too long) is skipped
    with a warning: geocoding works without it, only slower.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._disabled = False

    def get(self, key: str) -> tuple[bool, dict[str, Any] | None]:
        """``(True, record)`` for a cached answer (``record`` None = nothing found), else ``(False, None)``."""
        row = self._run(lambda c: c.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone())
        if row is None:
            return False, None
        if row[0] is None:
            return True, None
        try:
            record = json.loads(row[0])
        except ValueError:
            return False, None
        return (True, record) if isinstance(record, dict) else (False, None)

    def put(self, key: str, service: str, query: str, codes: tuple[str, ...], record: dict[str, Any] | None) -> None:
        """Store one answer (or a miss) and commit it."""
        answer = None if record is None else json.dumps(record, ensure_ascii=False)
        self._run(
            lambda c: c.execute(
                "INSERT OR REPLACE INTO answers (key, service, query, country_codes, answer, created)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (key, service, query, ",".join(codes), answer, time.time()),
            )
        )

    def close(self) -> None:
        """Close the connection (answers are already committed)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _run(self, op: Any) -> Any:
        with self._lock:
            for attempt in (1, 2):
                conn = self._connection()
                if conn is None:
                    return None
                try:
                    return op(conn)
                except sqlite3.OperationalError as error:  # locked, read-only, disk full: not corruption
                    logger.warning("geocoder cache %s not usable (%s); going on without it for this answer", self.path, error)
                    return None
                except sqlite3.DatabaseError as error:
                    if attempt == 2:
                        self._disable(error)
                        return None
                    self._quarantine(error)
            return None

    def _connection(self) -> sqlite3.Connection | None:
        if self._conn is not None or self._disabled:
            return self._conn
        try:
            self._conn = _connect(self.path)
        except sqlite3.OperationalError as error:
            self._disable(error)
        except sqlite3.DatabaseError as error:
            self._quarantine(error)
            try:
                self._conn = _connect(self.path)
            except sqlite3.DatabaseError as error2:
                self._disable(error2)
        except OSError as error:
            self._disable(error)
        return self._conn

    def _quarantine(self, error: Exception) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        target = self.path.with_name(self.path.name + ".corrupt")
        try:
            self.path.replace(target)
        except FileNotFoundError:
            pass
        for suffix in ("-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        logger.warning("geocoder cache %s was unreadable (%s); moved it to %s and started a new one", self.path, error, target)

    def _disable(self, error: Exception) -> None:
        self._disabled = True
        self._conn = None
        logger.warning("geocoder cache %s cannot be used (%s); answers will not be kept", self.path, error)


def _connect(path: Path) -> sqlite3.Connection:
    """Open (and create) the cache. Two processes creating it at once can find it locked while
    the other switches it to WAL, which sqlite's busy handler does not wait for: retry then."""
    deadline = time.monotonic() + _BUSY_TIMEOUT_SECONDS
    while True:
        try:
            return _open(path)
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_SECONDS * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: a killed process loses nothing committed
        conn.execute(
            "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, service TEXT NOT NULL,"
            " query TEXT NOT NULL, country_codes TEXT NOT NULL, answer TEXT, created REAL NOT NULL)"
        )
        conn.execute("SELECT count(*) FROM answers").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def clear_cache(cache_dir: Path | str | None = None) -> int:
    """Forget every cached geocoder answer; returns how many entries were removed.

    Rows are deleted rather than the file removed, so another process that has the
    cache open keeps a valid file. A corrupt cache (and any ``*.corrupt`` copy) is deleted.
    """
    path = cache_path(cache_dir)
    removed = 0
    if path.exists():
        try:
            conn = sqlite3.connect(str(path), timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None)
            try:
                removed = conn.execute("DELETE FROM answers").rowcount
            finally:
                conn.close()
        except sqlite3.OperationalError as error:
            if "no such table" not in str(error):
                raise GeocodeError(f"could not clear the geocoder cache {path}: {error}") from error
        except sqlite3.DatabaseError:
            for suffix in ("", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
    for leftover in path.parent.glob(path.name + ".corrupt"):
        leftover.unlink(missing_ok=True)
    logger.info("cleared %d geocoder answers from %s", removed, path)
    return removed


# ------------------------------------------------------------------------------ geocoder
