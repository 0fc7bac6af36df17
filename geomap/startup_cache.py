"""Pickled start-up indexes in the user cache directory.

Parsing the gazetteer and indexing the matcher's keys cost more than reading back what
they produced, and both depend only on the gazetteer version. The first run writes the result
under a name that carries that version; later runs read it. A missing, unreadable or read-only
cache only costs start-up time, never a result.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: File name prefixes of the indexes kept here (``geomap cache clear`` removes them; "automaton-"
#: files were written by geomap before the matcher grew names from key prefixes).
PREFIXES = ("names-", "gazetteer-", "fuzzy-", "automaton-")


def cache_dir() -> Path:
    """geomap's user cache directory (``platformdirs``; ``XDG_CACHE_HOME`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap"))


def cached(name: str, build: Callable[[], T]) -> T:
    """The object pickled as ``name`` in the cache directory, else ``build()`` (then stored)."""
    path = cache_dir() / f"{name}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)  # atomic: a parallel run reads the old file or the new one
    except OSError:
        pass
    return value


def clear() -> int:
    """Delete every start-up index; the number of files removed."""
    removed = 0
    for prefix in PREFIXES:
        for path in cache_dir().glob(f"{prefix}*.pickle"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed
