"""The start-up indexes in the user cache: written once, read back, rebuilt when damaged, and
never a reason to fail (a read-only or broken cache only costs start-up time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap import startup_cache
from geomap.gazetteer import Gazetteer


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "geomap"


def test_built_once_then_read_back(cache_home: Path) -> None:
    calls = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"answer": 42}

    assert startup_cache.cached("gazetteer-test", build) == {"answer": 42}
    assert startup_cache.cached("gazetteer-test", build) == {"answer": 42}
    assert len(calls) == 1
    assert (cache_home / "gazetteer-test.pickle").is_file()
    assert startup_cache.clear() == 1
    assert not list(cache_home.glob("*.pickle"))


def test_a_damaged_file_is_rebuilt(cache_home: Path) -> None:
    cache_home.mkdir(parents=True)
    (cache_home / "fuzzy-test.pickle").write_bytes(b"not a pickle")
    assert startup_cache.cached("fuzzy-test", lambda: [1, 2, 3]) == [1, 2, 3]
    assert startup_cache.cached("fuzzy-test", lambda: []) == [1, 2, 3]  # the rebuilt file is kept


def test_an_unwritable_cache_only_costs_time(cache_home: Path) -> None:
    cache_home.parent.mkdir(parents=True, exist_ok=True)
    cache_home.write_text("a file where the cache directory should be")  # unwritable, even for root
    assert startup_cache.cached("automaton-test", lambda: "built") == "built"
    assert startup_cache.cached("automaton-test", lambda: "built again") == "built again"


def test_the_cached_gazetteer_equals_the_parsed_one(cache_home: Path) -> None:
    parsed = Gazetteer.load()  # first load: parses and writes the index
    assert list(cache_home.glob("gazetteer-*.pickle"))
    cached = Gazetteer.load()
    assert cached.version == parsed.version and len(cached) == len(parsed)
    assert cached._by_key == parsed._by_key
    assert all(cached.names_of(p.id) == parsed.names_of(p.id) and cached.get(p.id) == p for p in parsed)
    assert cached.english_vocabulary == parsed.english_vocabulary
    name, context = "Umm al-Khalakhi", ["Idlib"]
    assert cached.lookup(name, context=context) == parsed.lookup(name, context=context)
