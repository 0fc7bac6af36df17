"""Tests for the fallback geocoder against a local Nominatim stub: never the internet.

Timings are kept tiny (timeout 0.3 s, no delays) and long waits (Retry-After) run on
a fake clock, so the whole file takes a few seconds.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from geopy.exc import GeocoderServiceError
from hypothesis import given, settings as hypothesis_settings, strategies as st

from geomap.errors import ConfigurationError, GeocodeError
from geomap.geocode import Geocoder, GeocoderSettings, clear_cache, kind_from_raw, place_from_record

try:
    from geocoder_stub import MODES, StubGeocoder, refused_options
except ImportError:  # tests/ imported as a package
    from tests.geocoder_stub import MODES, StubGeocoder, refused_options

ROOT = Path(__file__).resolve().parents[1]
UA = "geomap-tests/1.0 (tests@example.org)"


@pytest.fixture
def stub():
    with StubGeocoder() as server:
        yield server


@pytest.fixture
def make(tmp_path):
    """Build geocoders with fast test settings (overridable); closes them afterwards."""
    made: list[Geocoder] = []

    def factory(stub: StubGeocoder | None = None, **overrides: Any) -> Geocoder:
        base: dict[str, Any] = dict(
            user_agent=UA,
            options=stub.options if stub is not None else {},
            timeout=0.3,
            min_delay_seconds=0.0,
            error_wait_seconds=0.0,
            max_retries=2,
            cache_dir=tmp_path / "cache",
        )
        base.update(overrides)
        geocoder = Geocoder(GeocoderSettings(**base))
        made.append(geocoder)
        return geocoder

    yield factory
    for geocoder in made:
        geocoder.close()


class FakeTime:
    """Replaces a geocoder's clock and sleep: sleeping advances the clock instantly."""

    def __init__(self, geocoder: Geocoder) -> None:
        self.offset = 0.0
        self.sleeps: list[float] = []
        geocoder._clock = lambda: time.monotonic() + self.offset  # type: ignore[method-assign]
        geocoder._sleep = self.sleep  # type: ignore[method-assign]

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.offset += seconds


def run_child(settings: GeocoderSettings, queries: list[str], *, kill: bool = False) -> subprocess.Popen:
    """Geocode ``queries`` in another Python process sharing the cache."""
    config = {
        "settings": {
            "user_agent": settings.user_agent,
            "options": dict(settings.options),
            "timeout": settings.timeout,
            "min_delay_seconds": 0.0,
            "error_wait_seconds": 0.0,
            "cache_dir": str(settings.cache_dir),
        },
        "queries": queries,
        "kill": kill,
    }
    script = (
        "import json, os, signal, sys\n"
        "from geomap.geocode import Geocoder, GeocoderSettings\n"
        "cfg = json.loads(sys.argv[1])\n"
        "g = Geocoder(GeocoderSettings(**cfg['settings']))\n"
        "out = {q: (None if (p := g(q)) is None else [p.lat, p.lon]) for q in cfg['queries']}\n"
        "if cfg['kill']:\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "sys.stdout.write(json.dumps(out))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", script, json.dumps(config)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def rows(cache_path: Path) -> int:
    with sqlite3.connect(cache_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conn.execute("SELECT count(*) FROM answers").fetchone()[0]


# ------------------------------------------------------------------------ answers


def test_hit_maps_to_place(stub, make):
    place = make(stub)("Kafr Nabudah")
    assert place is not None
    assert (place.lat, place.lon) == pytest.approx((35.4369, 36.5208))
    assert place.name == "Kafr Nabudah"
    assert place.kind == "settlement"
    assert place.admin1 == "Hama Governorate"
    assert place.id == "geocoder:nominatim:node/2001"
    assert place.source == "nominatim"
    assert place.raw["osm_id"] == 2001
    assert stub.log[0]["headers"]["User-Agent"] == UA


@pytest.mark.parametrize(
    ("query", "kind", "ref"),
    [("Tiyas Airbase", "airbase", "way/2004"), ("Hama Governorate", "admin1", "relation/2003"), ("Damascus", "settlement", "node/2002")],
)
def test_kinds_and_ids_from_answers(stub, make, query, kind, ref):
    place = make(stub)(query)
    assert place is not None and place.kind == kind and place.id == f"geocoder:nominatim:{ref}"


@pytest.mark.parametrize(
    ("raw", "name", "kind"),
    [
        ({"addresstype": "town", "type": "administrative"}, "", "settlement"),
        ({"class": "place", "type": "hamlet"}, "", "settlement"),
        ({"class": "military", "type": "airfield"}, "Mezzeh", "airbase"),
        ({"class": "aeroway", "type": "aerodrome"}, "Damascus International Airport", "airport"),
        ({"addresstype": "state"}, "", "admin1"),
        ({"addresstype": "country"}, "", "country"),
        ({"class": "amenity", "type": "hospital"}, "", "landmark"),
        ({"type": ["not", "a", "string"]}, "", "landmark"),
        ({}, "", "landmark"),
    ],
)
def test_kind_from_raw(raw, name, kind):
    assert kind_from_raw(raw, name) == kind


def test_place_without_osm_id_gets_a_stable_hash_id():
    record = {"address": "Somewhere, Syria", "lat": 35.0, "lon": 36.0, "raw": {}}
    first, second = place_from_record("photon", record), place_from_record("photon", dict(record))
    assert first is not None and first.id == second.id and first.id.startswith("geocoder:photon:")


def test_an_answer_keeps_its_country_code():
    """Nominatim's address details name the country: a namesake abroad is told apart by it."""
    raw = {"osm_type": "node", "osm_id": 8, "address": {"country_code": "lb", "state": "North Governorate"}}
    place = place_from_record("nominatim", {"address": "Tripoli, Lebanon", "lat": 34.43, "lon": 35.84, "raw": raw})
    assert place is not None and place.country == "LB"
    assert place_from_record("photon", {"address": "Somewhere", "lat": 35.0, "lon": 36.0, "raw": {}}).country is None


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@hypothesis_settings(max_examples=150, deadline=None)
@given(
    record=st.dictionaries(
        st.sampled_from(["lat", "lon", "address", "raw", "other"]),
        _json | st.dictionaries(st.sampled_from(["osm_type", "osm_id", "address", "importance", "type", "name"]), _json),
    )
)
def test_any_answer_maps_to_a_valid_place_or_none(record):
    """Whatever a service sends, mapping never raises and never yields a bad point."""
    place = place_from_record("nominatim", record)
    if place is not None:
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180
        assert math.isfinite(place.importance)
        assert isinstance(place.name, str) and isinstance(place.id, str)
        assert place.country is None or isinstance(place.country, str)


@pytest.mark.parametrize(
    "record",
    [{"lat": 10**400, "lon": 0}, {"lat": "nan", "lon": 0}, {"lat": 91, "lon": 0}, {"lat": None, "lon": 1}, {}],
)
def test_unusable_coordinates_give_none(record):
    assert place_from_record("nominatim", record) is None


def test_markup_in_an_answer_is_kept_as_plain_data():
    raw = {"name": "<script>alert(1)</script>", "osm_type": "node", "osm_id": 7}
    place = place_from_record("nominatim", {"address": "<b>x</b>, Syria", "lat": 1, "lon": 2, "raw": raw})
    assert place is not None and place.name == "<b>x</b>" and place.raw == raw


def test_miss_returns_none_and_is_not_a_failure(stub, make):
    geocoder = make(stub)
    assert geocoder("Atlantis") is None
    assert geocoder.failures == {}


def test_blank_query_sends_nothing(stub, make):
    geocoder = make(stub)
    assert geocoder("  ") is None and geocoder("--") is None
    assert stub.total_requests == 0


def test_far_answer_rejected_with_near(stub, make, caplog):
    caplog.set_level(logging.INFO, logger="geomap")
    geocoder = make(stub)
    tadmur = (34.556, 38.267)
    assert geocoder("Palmyra", country_codes=(), near=tadmur, max_distance_km=100) is None
    assert "km from" in caplog.text
    new_york = geocoder("Palmyra", country_codes=())  # the answer was cached; only the filter rejected it
    assert new_york is not None and new_york.admin1 == "New York"
    assert stub.requests["Palmyra"] == 1
    syria = geocoder("Palmyra", near=tadmur, max_distance_km=100)  # default bias: sy
    assert syria is not None and syria.name == "Tadmur"


def test_max_distance_needs_near(stub, make):
    with pytest.raises(ValueError, match="near"):
        make(stub)("Damascus", max_distance_km=10)


def test_country_codes_sent_in_query_string(stub, make):
    geocoder = make(stub)
    geocoder("Damascus")
    assert stub.log[-1]["params"]["countrycodes"] == "sy"
    geocoder("Damascus", country_codes=("TR", "sy"))
    assert stub.log[-1]["params"]["countrycodes"] == "tr,sy"
    geocoder("Damascus", country_codes=())
    assert "countrycodes" not in stub.log[-1]["params"]
    assert stub.requests["Damascus"] == 3  # the bias is part of the cache key


# ------------------------------------------------------------------------ cache


def test_second_call_served_from_cache(stub, make):
    geocoder = make(stub)
    first = geocoder("Kafr Nabudah")
    assert geocoder("Kafr Nabudah") == first
    assert geocoder("KAFR  nabūdah") == first  # same folded query
    assert make(stub)("Kafr Nabudah") == first  # another instance, same cache file
    assert stub.requests["Kafr Nabudah"] == 1


def test_miss_is_cached_too(stub, make):
    assert make(stub)("Atlantis") is None
    assert make(stub)("Atlantis") is None
    assert stub.requests["Atlantis"] == 1


def test_without_cache_nothing_written(stub, make, tmp_path):
    geocoder = make(stub, use_cache=False)
    geocoder("Damascus")
    geocoder("Damascus")  # still asked once: in-memory memo
    assert stub.requests["Damascus"] == 1
    assert not (tmp_path / "cache").exists()


def test_other_process_reads_the_cache(stub, make):
    geocoder = make(stub)
    expected = geocoder("Kafr Nabudah")
    geocoder("Atlantis")
    child = run_child(geocoder.settings, ["Kafr Nabudah", "Atlantis"])
    out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err.decode()
    assert json.loads(out) == {"Kafr Nabudah": [expected.lat, expected.lon], "Atlantis": None}
    assert stub.requests["Kafr Nabudah"] == 1 and stub.requests["Atlantis"] == 1


def test_killed_process_keeps_answers(stub, make):
    settings = make(stub).settings
    child = run_child(settings, ["Damascus", "Kafr Nabudah", "Atlantis"], kill=True)
    child.communicate(timeout=30)
    assert child.returncode == -9
    geocoder = make(stub)
    assert geocoder("Damascus") is not None and geocoder("Kafr Nabudah") is not None and geocoder("Atlantis") is None
    assert stub.total_requests == 3


def test_concurrent_writers_processes(stub, make):
    settings = make(stub).settings
    shared = [f"shared {i}" for i in range(10)]
    names = {w: [f"writer {w} place {i}" for i in range(40)] + shared for w in "ab"}
    children = [run_child(settings, names[w]) for w in "ab"]
    for child in children:
        _, err = child.communicate(timeout=30)
        assert child.returncode == 0, err.decode()
    assert rows(settings.cache_path) == 2 * 40 + 10
    before = stub.total_requests
    geocoder = make(stub)
    for name in names["a"] + names["b"]:
        assert geocoder(name) is None
    assert stub.total_requests == before  # every answer came from the shared cache


def test_concurrent_writers_threads(stub, make):
    geocoders = [make(stub) for _ in range(4)]
    shared = make(stub)
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            for i in range(15):
                geocoders[index](f"thread {index} place {i}")
                shared(f"shared {index} {i}")
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert rows(shared.settings.cache_path) == 4 * 15 * 2


def test_corrupt_cache_is_moved_aside_and_rebuilt(stub, make, caplog):
    caplog.set_level(logging.WARNING, logger="geomap")
    path = make(stub).settings.cache_path
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not an sqlite database\x00" * 64)
    place = make(stub)("Damascus")
    assert place is not None
    corrupt = path.with_name(path.name + ".corrupt")
    assert corrupt.exists()
    assert str(path) in caplog.text and ".corrupt" in caplog.text
    assert make(stub)("Damascus") == place
    assert stub.requests["Damascus"] == 1
    assert rows(path) == 1


def test_clear_cache(stub, make, tmp_path):
    make(stub)("Damascus")
    make(stub)("Atlantis")
    (tmp_path / "cache" / "geocode.sqlite3.corrupt").write_bytes(b"old")
    assert clear_cache(tmp_path / "cache") == 2
    assert not (tmp_path / "cache" / "geocode.sqlite3.corrupt").exists()
    make(stub)("Damascus")
    assert stub.requests["Damascus"] == 2
    assert clear_cache(tmp_path / "nothing here") == 0


# ------------------------------------------------------------------------ configuration


def test_offline_never_requests(stub, make, tmp_path):
    assert Geocoder.offline()("Damascus") is None
    geocoder = make(stub, name="none")
    assert geocoder("Damascus") is None and make(stub, name="offline")("Damascus") is None
    assert stub.total_requests == 0
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("user_agent", [None, "", "my-application"])
def test_nominatim_needs_a_user_agent(stub, tmp_path, user_agent):
    with pytest.raises(ConfigurationError, match="--user-agent") as info:
        Geocoder(GeocoderSettings(user_agent=user_agent, options=stub.options, cache_dir=tmp_path))
    assert isinstance(info.value, ValueError)
    assert stub.total_requests == 0


def test_unknown_service_lists_valid_names(tmp_path):
    with pytest.raises(ConfigurationError, match="SERVICE_TO_GEOCODER") as info:
        Geocoder(GeocoderSettings("nominatimm", user_agent=UA, cache_dir=tmp_path))
    assert "nominatim" in str(info.value) and "none" in str(info.value)


@pytest.mark.parametrize("options", [{"timeout": 3}, {"no_such_option": 1}])
def test_bad_options_are_configuration_errors(tmp_path, options):
    with pytest.raises(ConfigurationError):
        Geocoder(GeocoderSettings(user_agent=UA, options=options, cache_dir=tmp_path))


@pytest.mark.parametrize(
    "overrides", [{"timeout": 0}, {"budget_seconds": -1}, {"max_retries": -1}, {"min_delay_seconds": 3.0}, {"country_codes": ("syria",)}]
)
def test_settings_validated_early(overrides):
    with pytest.raises(ValueError):
        GeocoderSettings(**overrides)


def test_settings_defaults_are_documented():
    settings = GeocoderSettings()
    assert (settings.name, settings.min_delay_seconds, settings.country_codes) == ("nominatim", 1.0, ("sy",))
    assert settings.cache_path == Path(platformdirs.user_cache_dir("geomap")) / "geocode.sqlite3"
    doc = GeocoderSettings.__doc__ or ""
    for f in dataclasses.fields(GeocoderSettings):
        assert f"{f.name}:" in doc, f"{f.name} is not documented"


# ------------------------------------------------------------------------ failures


@pytest.mark.parametrize("mode", [m for m in MODES if m not in ("slow", "403")] + ["refused"])
def test_failure_modes_return_none_and_are_recorded(stub, make, mode):
    if mode == "refused":
        geocoder = make(options=refused_options(), max_retries=1)
    else:
        stub.fail("Damascus", mode, retry_after=0)
        geocoder = make(stub, max_retries=1)
    started = time.monotonic()
    assert geocoder("Damascus") is None
    assert time.monotonic() - started < 2.0
    assert "Damascus" in geocoder.failures and geocoder.failures["Damascus"]
    if mode != "refused":
        assert stub.requests["Damascus"] == (1 if mode == "wrong_shape" else 2)
        stub.failures.clear()
        assert make(stub, max_retries=0)("Damascus") is not None  # failures are not cached


def test_slow_answer_within_timeout_is_used(stub, make):
    stub.fail("Damascus", "slow", delay=0.1)
    assert make(stub, timeout=2.0)("Damascus") is not None


def test_transient_failure_then_success(stub, make):
    stub.fail("Damascus", "503", times=2)
    geocoder = make(stub)
    assert geocoder("Damascus") is not None
    assert stub.requests["Damascus"] == 3 and geocoder.failures == {}


def test_raise_errors_chains_the_geopy_error(stub, make):
    stub.fail("Damascus", "500")
    geocoder = make(stub, raise_errors=True, max_retries=0)
    with pytest.raises(GeocodeError, match="Damascus") as info:
        geocoder("Damascus")
    assert isinstance(info.value.__cause__, GeocoderServiceError)
    assert geocoder("Atlantis") is None  # not found is still no error


def test_retry_after_is_respected(stub, make):
    stub.fail("Damascus", "429", times=1, retry_after=7)
    geocoder = make(stub)
    fake = FakeTime(geocoder)
    assert geocoder("Damascus") is not None
    assert stub.requests["Damascus"] == 2
    assert sum(fake.sleeps) == pytest.approx(7, abs=0.5)


def test_retry_after_over_the_cap_gives_up_and_holds_back(stub, make, caplog):
    caplog.set_level(logging.WARNING, logger="geomap")
    stub.fail("Damascus", "429", retry_after=3600)
    geocoder = make(stub)
    FakeTime(geocoder)
    started = time.monotonic()
    assert geocoder("Damascus") is None
    assert "Retry-After" in geocoder.failures["Damascus"]
    for name in ("Kafr Nabudah", "Tiyas Airbase", "Hama Governorate"):
        assert geocoder(name) is None  # the service asked for an hour's rest: not asked
        assert "rate limited" in geocoder.failures[name]
    assert stub.total_requests == 1
    assert time.monotonic() - started < 1.0
    assert sum("rate limited" in r.getMessage() for r in caplog.records) == 2  # not one per name


def test_refused_access_stops_the_run(stub, make):
    stub.fail("Damascus", "403")
    geocoder = make(stub)
    assert geocoder("Damascus") is None and geocoder("Kafr Nabudah") is None
    assert stub.total_requests == 1  # not retried, and nothing more asked
    assert "refused" in geocoder.failures["Kafr Nabudah"]


def test_budget_stops_further_requests(stub, make, caplog):
    caplog.set_level(logging.WARNING, logger="geomap")
    names = [f"slow {i}" for i in range(6)]
    for name in names:
        stub.fail(name, "slow", delay=0.25)
    geocoder = make(stub, timeout=1.0, budget_seconds=0.6)
    started = time.monotonic()
    results = [geocoder(name) for name in names]
    assert results == [None] * 6
    assert time.monotonic() - started < 1.2
    assert stub.total_requests <= 4
    assert set(names[3:]) <= set(geocoder.failures)
    assert sum("budget" in r.getMessage() for r in caplog.records) == 1


def test_seeded_failure_rate_is_reproducible(tmp_path):
    def run(cache: Path) -> tuple[dict[str, str], int]:
        with StubGeocoder(fail_rate=0.4, seed=7) as server:
            settings = GeocoderSettings(
                user_agent=UA, options=server.options, timeout=0.3, min_delay_seconds=0,
                error_wait_seconds=0, max_retries=1, cache_dir=cache,
            )
            with Geocoder(settings) as geocoder:
                for i in range(20):
                    geocoder(f"place {i}")
                return dict(geocoder.failures), server.total_requests

    first, second = run(tmp_path / "one"), run(tmp_path / "two")
    assert first == second
    assert 0 < len(first[0]) < 20
