"""Fallback geocoding for names the local gazetteer does not know, via geopy.

The gazetteer answers almost every name offline; the few it misses may be asked of a
geopy geocoder (public Nominatim by default). This module makes that fallback polite
and safe to run unattended:

* **one settings object** (:class:`GeocoderSettings`) holds every default, so the CLI,
  the pipeline config and the docs read the same numbers;
* **polite**: calls go through geopy's :class:`~geopy.extra.rate_limiter.RateLimiter`
  (one request per second for public Nominatim), Nominatim needs an identifying user
  agent, ``Retry-After`` is honoured, and a total time budget caps a run;
* **never asks twice**: answers *and* "nothing found" are kept in an on-disk sqlite
  cache that survives killed processes, concurrent writers and corruption;
* **never crashes a build**: a timeout, 5xx, 429, bad JSON or refused connection
  returns ``None`` and is recorded in :attr:`Geocoder.failures` (or raises
  :class:`~geomap.errors.GeocodeError` with ``raise_errors=True``).

Example::

    settings = GeocoderSettings(user_agent="myproject/1.0 (me@example.org)")
    with Geocoder(settings) as geocode:
        place = geocode("Kafr Nabudah", near=(35.1, 36.7), max_distance_km=150)

Answers are data: ``Place.raw`` keeps the provider's JSON as-is and nothing in it is
ever treated as markup or code. Please read the provider's terms before bulk use.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import logging
import math
import re
import threading
import time
import types
from collections.abc import Iterable, Mapping
from dataclasses import KW_ONLY, dataclass, field
from pathlib import Path
from typing import Any

from geopy.adapters import RequestsAdapter, URLLibAdapter
from geopy.exc import (
    ConfigurationError as GeopyConfigurationError,
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderNotFound,
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeocoderRateLimited,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service

from geomap.errors import ConfigurationError, GeocodeError
from geomap.geocache import AnswerCache, cache_path, clear_cache
from geomap.model import Place
from geomap.names import fold

__all__ = ["GeocoderSettings", "Geocoder", "clear_cache", "OFFLINE_NAMES"]

logger = logging.getLogger("geomap")

#: Service names that mean "no geocoder": every query returns ``None`` without network.
OFFLINE_NAMES = frozenset({"none", "offline"})
#: Services whose usage policy requires an identifying user agent.
USER_AGENT_REQUIRED = frozenset({"nominatim"})
#: geopy's own placeholder user agents: as good as none for the policy.
_SAMPLE_USER_AGENTS = frozenset(
    {"my-application", "my_app/1", "my_user_agent/1.0", "specify_your_app_name_here"}
)
_USER_AGENT_HINT = '--user-agent "myproject/1.0 (me@example.org)"'

#: Options that change how we talk to a service but not what it answers: left out of cache keys
#: (and secrets must never be written to disk anyway).
_TRANSPORT_OPTIONS = frozenset({"user_agent", "timeout", "proxies", "ssl_context", "adapter_factory", "scheme"})
_SECRET_OPTION = re.compile(r"key|token|secret|password|auth|user(name)?$|client_id", re.IGNORECASE)

#: Bump when the stored record or the key recipe changes: old rows then simply stop matching.
_CACHE_FORMAT = 1
#: Below this much budget left a request could not finish anyway.
_MIN_REQUEST_SECONDS = 0.05
_EARTH_RADIUS_KM = 6371.0088
_MAX_REASON = 200


@dataclass(frozen=True, slots=True)
class GeocoderSettings:
    """Every geocoder default, in one place (the CLI and docs read these).

    name: a geopy service name (``geopy.geocoders.SERVICE_TO_GEOCODER``) or ``"none"``.
    user_agent: who is asking; required by Nominatim's usage policy.
    options: extra keyword arguments for the geopy geocoder class (``domain``,
        ``scheme``, ``api_key``...). Never put the timeout here; use ``timeout``.
    timeout: seconds per HTTP request.
    min_delay_seconds: spacing between requests (public Nominatim allows one per second).
    max_retries: retries of a transient failure (timeout, 5xx, 429, bad JSON).
    error_wait_seconds: pause after a failed attempt (at least ``min_delay_seconds``).
    budget_seconds: total wall-clock time all geocoding of one run may take; once
        spent, further queries return ``None`` (one warning).
    retry_after_cap_seconds: the longest ``Retry-After`` we wait for; a longer one
        gives the query up instead of stalling the run.
    country_codes: ISO 3166-1 alpha-2 codes the search is biased to (``()`` for none).
    cache_dir: where the answer cache lives; ``None`` means ``platformdirs.user_cache_dir("geomap")``.
    use_cache: keep answers on disk so a name is never asked twice.
    raise_errors: raise :class:`GeocodeError` on failures instead of returning ``None``.
    """

    name: str = "nominatim"
    _: KW_ONLY
    user_agent: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict, hash=False)
    timeout: float = 5.0
    min_delay_seconds: float = 1.0
    max_retries: int = 2
    error_wait_seconds: float = 2.0
    budget_seconds: float = 120.0
    retry_after_cap_seconds: float = 60.0
    country_codes: tuple[str, ...] = ("sy",)
    cache_dir: Path | None = None
    use_cache: bool = True
    raise_errors: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ConfigurationError("geocoder name must be a non-empty string (or 'none' to stay offline)")
        object.__setattr__(self, "options", types.MappingProxyType(dict(self.options or {})))
        object.__setattr__(self, "country_codes", normalize_country_codes(self.country_codes))
        if self.cache_dir is not None:
            object.__setattr__(self, "cache_dir", Path(self.cache_dir).expanduser())
        for name in ("timeout", "budget_seconds"):
            if not getattr(self, name) > 0:
                raise ValueError(f"GeocoderSettings.{name} must be > 0, got {getattr(self, name)!r}")
        for name in ("min_delay_seconds", "error_wait_seconds", "retry_after_cap_seconds"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"GeocoderSettings.{name} must be >= 0, got {getattr(self, name)!r}")
        if not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise ValueError(f"GeocoderSettings.max_retries must be an int >= 0, got {self.max_retries!r}")
        if self.error_wait_seconds < self.min_delay_seconds:
            raise ValueError("GeocoderSettings.error_wait_seconds must be >= min_delay_seconds")

    @property
    def service(self) -> str:
        """The service name as geopy spells it (lower case)."""
        return self.name.strip().lower()

    @property
    def offline(self) -> bool:
        """True when no geocoder is used at all."""
        return self.service in OFFLINE_NAMES

    @property
    def cache_path(self) -> Path:
        """The cache file these settings use (the default directory comes from platformdirs)."""
        return cache_path(self.cache_dir)


def normalize_country_codes(codes: str | Iterable[str] | None) -> tuple[str, ...]:
    """Lower-cased, de-duplicated alpha-2 codes; a bad code raises ``ValueError`` early."""
    if codes is None:
        return ()
    if isinstance(codes, str):
        codes = codes.replace(",", " ").split()
    out: list[str] = []
    for code in codes:
        code = str(code).strip().lower()
        if not re.fullmatch(r"[a-z]{2}", code):
            raise ValueError(f"country code {code!r} is not an ISO 3166-1 alpha-2 code (like 'sy')")
        if code not in out:
            out.append(code)
    return tuple(out)


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two ``(lat, lon)`` points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


# ------------------------------------------------------------------------------ answers


_SETTLEMENT = {"city", "town", "village", "hamlet", "isolated_dwelling", "settlement"}
_KIND_BY_TYPE = {
    **dict.fromkeys(_SETTLEMENT, "settlement"),
    **dict.fromkeys(["suburb", "neighbourhood", "quarter", "city_district", "borough"], "neighbourhood"),
    **dict.fromkeys(["airfield", "military_airfield", "airbase", "aerodrome"], "airbase"),
    "state": "admin1",
    **dict.fromkeys(["state_district", "county"], "admin2"),
    "country": "country",
}


def kind_from_raw(raw: Mapping[str, Any], name: str = "") -> str:
    """A :data:`~geomap.model.PLACE_KINDS` kind from a Nominatim-style answer, else "landmark".

    An aerodrome is an airbase unless its name says "airport": in news about Syria
    most aerodromes named are military ones.
    """
    for tag in ("addresstype", "type", "class", "category"):
        value = raw.get(tag)
        kind = _KIND_BY_TYPE.get(value) if isinstance(value, str) else None
        if kind == "airbase" and "airport" in name.lower():
            return "airport"
        if kind:
            return kind
    return "landmark"


def _record_from_location(location: Any) -> dict[str, Any] | None:
    """The cacheable part of a geopy ``Location``; ``None`` if its coordinates are unusable."""
    try:
        lat, lon = float(location.latitude), float(location.longitude)
    except (TypeError, ValueError, AttributeError, OverflowError):
        return None
    raw = location.raw if isinstance(getattr(location, "raw", None), Mapping) else {}
    record = {"address": str(location.address or ""), "lat": lat, "lon": lon, "raw": dict(raw)}
    # Round-trip through JSON now, so a fresh answer and a cached one are the same value.
    return json.loads(json.dumps(record, default=str))


def place_from_record(service: str, record: Mapping[str, Any], query: str = "") -> Place | None:
    """Map a stored answer to a :class:`Place`; ``None`` for an answer we cannot use."""
    try:
        lat, lon = float(record["lat"]), float(record["lon"])
    except (KeyError, TypeError, ValueError, OverflowError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    raw = record.get("raw") if isinstance(record.get("raw"), dict) else {}
    address = record.get("address") if isinstance(record.get("address"), str) else ""
    name = address.split(",")[0].strip() or (raw.get("name") if isinstance(raw.get("name"), str) else "") or query
    if isinstance(raw.get("osm_type"), str) and isinstance(raw.get("osm_id"), (int, str)) and str(raw["osm_id"]):
        ref = f"{raw['osm_type']}/{raw['osm_id']}"
    else:
        ref = hashlib.sha1(f"{address}|{lat:.6f}|{lon:.6f}".encode()).hexdigest()[:16]
    address_parts = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    admin1 = address_parts.get("state")
    admin2 = address_parts.get("state_district") or address_parts.get("county")
    country = address_parts.get("country_code")
    try:
        importance = float(raw.get("importance") or 0.0)
    except (TypeError, ValueError, OverflowError):
        importance = 0.0
    return Place(
        id=f"geocoder:{service}:{ref}",
        name=name,
        kind=kind_from_raw(raw, name),
        lat=lat,
        lon=lon,
        admin1=admin1 if isinstance(admin1, str) else None,
        admin2=admin2 if isinstance(admin2, str) else None,
        source=service,
        importance=importance if math.isfinite(importance) else 0.0,
        country=country.upper() if isinstance(country, str) and country else None,
        raw=raw,
    )


# ------------------------------------------------------------------------------ cache


class _OutOfBudget(Exception):
    """The run's geocoding time budget is spent (control flow, never leaves this module)."""


class _GiveUp(Exception):
    """Retrying this query cannot help (control flow; the geopy error is ``__cause__``)."""

    def __init__(self, reason: str, *, quiet: bool = False) -> None:
        super().__init__(reason)
        self.quiet = quiet


class _Limiter(RateLimiter):
    """geopy's RateLimiter, with clock and sleep routed through the owning Geocoder
    so that sleeping respects the time budget and tests can replace time."""

    def __init__(self, func: Any, owner: Geocoder, **kwargs: Any) -> None:
        super().__init__(func, **kwargs)
        self._owner = owner

    def _clock(self) -> float:
        return self._owner._clock()

    def _sleep(self, seconds: float) -> None:
        self._owner._wait(seconds)


def _default_adapter_factory() -> Any:
    # No hidden transport-level retries: every retry is counted by the RateLimiter, so a
    # failing query costs at most (max_retries + 1) timeouts.
    if RequestsAdapter.is_available:
        return functools.partial(RequestsAdapter, max_retries=0)
    return URLLibAdapter


def _build_geopy(settings: GeocoderSettings) -> Any:
    """The geopy geocoder for the settings; every configuration mistake becomes our ConfigurationError."""
    service = settings.service
    try:
        cls = get_geocoder_for_service(service)
    except GeocoderNotFound as error:
        names = ", ".join(["none", *sorted(SERVICE_TO_GEOCODER)])
        raise ConfigurationError(
            f"unknown geocoder {settings.name!r}. Valid names are geopy's service names"
            f" (geopy.geocoders.SERVICE_TO_GEOCODER): {names}"
        ) from error
    options = dict(settings.options)
    if "timeout" in options:
        raise ConfigurationError("set the geocoder timeout with GeocoderSettings(timeout=...), not in options")
    user_agent = settings.user_agent or options.pop("user_agent", None)
    options.pop("user_agent", None)
    if service in USER_AGENT_REQUIRED and (not user_agent or user_agent.strip() in _SAMPLE_USER_AGENTS):
        raise ConfigurationError(
            f"the {service} geocoder's usage policy requires a user agent that identifies you"
            " (https://operations.osmfoundation.org/policies/nominatim/): pass"
            f" {_USER_AGENT_HINT} (GeocoderSettings(user_agent=...)), or --offline to skip geocoding"
        )
    if user_agent:
        options["user_agent"] = user_agent
    options.setdefault("adapter_factory", _default_adapter_factory())
    try:
        return cls(timeout=settings.timeout, **options)
    except GeopyConfigurationError as error:
        raise ConfigurationError(f"geocoder {service!r}: {error}") from error
    except TypeError as error:
        raise ConfigurationError(
            f"geocoder {service!r} ({cls.__name__}) does not accept these options: {error};"
            " see geopy's documentation of that class for its arguments"
        ) from error


def _call_kwargs(geocode: Any, codes: tuple[str, ...]) -> dict[str, Any]:
    """Keyword arguments this service's ``geocode`` accepts: country bias and address details."""
    params = inspect.signature(geocode).parameters
    kwargs: dict[str, Any] = {}
    if "addressdetails" in params:
        kwargs["addressdetails"] = True  # gives admin1/admin2 for the Place
    if codes:
        if "country_codes" in params:
            kwargs["country_codes"] = list(codes)
        elif "country_bias" in params:
            kwargs["country_bias"] = codes[0]
        elif "country" in params:
            kwargs["country"] = list(codes) if len(codes) > 1 else codes[0]
    return kwargs


def _answer_options(options: Mapping[str, Any]) -> dict[str, str]:
    """Options that can change a service's answers (the domain, a language...), for cache keys."""
    return {
        k: repr(v)
        for k, v in sorted(options.items())
        if k not in _TRANSPORT_OPTIONS and not _SECRET_OPTION.search(k)
    }


class Geocoder:
    """Callable fallback geocoder: ``geocoder("Kafr Nabudah") -> Place | None``.

    Cached answers come first; then one rate-limited, retried, time-budgeted request.
    Failures never raise (unless ``settings.raise_errors``); they are recorded in
    :attr:`failures` (query → reason) and are not cached, so a later run asks again.
    Thread-safe; use as a context manager (or call :meth:`close`) to release the cache.
    """

    def __init__(self, settings: GeocoderSettings | None = None) -> None:
        self.settings = settings if settings is not None else GeocoderSettings()
        #: Queries that got no answer because of a failure, with the reason.
        self.failures: dict[str, str] = {}
        self._lock = threading.RLock()
        self._local = threading.local()
        self._memo: dict[str, dict[str, Any] | None] = {}
        self._spent = 0.0
        self._not_before = 0.0  # clock time before which the service asked not to be called
        self._held_back = False
        self._stopped: str | None = None  # why no more requests are sent this run
        self._geopy = None if self.settings.offline else _build_geopy(self.settings)
        self._cache: AnswerCache | None = None
        if self._geopy is not None:
            if self.settings.use_cache:
                self._cache = AnswerCache(self.settings.cache_path)
            self._limited = _Limiter(
                self._attempt,
                self,
                min_delay_seconds=self.settings.min_delay_seconds,
                max_retries=self.settings.max_retries,
                error_wait_seconds=self.settings.error_wait_seconds,
                swallow_exceptions=False,
            )
            self._options_key = _answer_options(self.settings.options)

    @classmethod
    def offline(cls) -> Geocoder:
        """A geocoder that never uses the network and always answers ``None``."""
        return cls(GeocoderSettings("none", use_cache=False))

    @property
    def service(self) -> str:
        """The service name (``"none"`` when offline)."""
        return self.settings.service

    def __repr__(self) -> str:
        return f"Geocoder({self.service!r}, failures={len(self.failures)})"

    def __enter__(self) -> Geocoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the cache connection and HTTP session."""
        if self._cache is not None:
            self._cache.close()
        adapter = getattr(self._geopy, "adapter", None)
        if adapter is not None and hasattr(adapter, "__exit__"):
            adapter.__exit__(None, None, None)

    # -------------------------------------------------------------------- public call

    def __call__(
        self,
        query: str,
        *,
        country_codes: str | Iterable[str] | None = None,
        near: tuple[float, float] | None = None,
        max_distance_km: float | None = None,
    ) -> Place | None:
        """The place ``query`` names, or ``None`` (not found, too far from ``near``, or failed).

        ``country_codes`` overrides the settings' bias (``()`` for none); an answer more
        than ``max_distance_km`` from ``near`` (lat, lon) is rejected.
        """
        if not isinstance(query, str):
            raise TypeError(f"query must be a string, got {type(query).__name__}")
        if max_distance_km is not None:
            if near is None:
                raise ValueError("max_distance_km needs near=(lat, lon)")
            if not max_distance_km > 0:
                raise ValueError(f"max_distance_km must be > 0, got {max_distance_km!r}")
        if near is not None and not (-90 <= near[0] <= 90 and -180 <= near[1] <= 180):
            raise ValueError(f"near must be (lat, lon) in range, got {near!r}")
        codes = self.settings.country_codes if country_codes is None else normalize_country_codes(country_codes)
        text = " ".join(query.split())
        if self._geopy is None or not fold(text):
            return None

        key = self._key(text, codes)
        found, record = self._cached(key)
        if not found:
            try:
                record = self._ask(text, codes)
            except _GiveUp:
                return None
            self._remember(key, text, codes, record)
        if record is None:
            return None
        place = place_from_record(self.service, record, text)
        if place is not None and near is not None and max_distance_km is not None:
            distance = _distance_km(near, (place.lat, place.lon))
            if distance > max_distance_km:
                logger.info(
                    "geocoder %s: rejected %r -> %s at (%.4f, %.4f): %.0f km from (%.4f, %.4f), limit %.0f km",
                    self.service, text, place.name, place.lat, place.lon, distance, near[0], near[1], max_distance_km,
                )
                return None
        return place

    # -------------------------------------------------------------------- cache

    def _key(self, text: str, codes: tuple[str, ...]) -> str:
        parts = [_CACHE_FORMAT, self.service, self._options_key, sorted(codes), fold(text)]
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()

    def _cached(self, key: str) -> tuple[bool, dict[str, Any] | None]:
        with self._lock:
            if key in self._memo:
                return True, self._memo[key]
        if self._cache is None:
            return False, None
        found, record = self._cache.get(key)
        if found:
            with self._lock:
                self._memo[key] = record
        return found, record

    def _remember(self, key: str, text: str, codes: tuple[str, ...], record: dict[str, Any] | None) -> None:
        with self._lock:
            self._memo[key] = record
        if self._cache is not None:
            self._cache.put(key, self.service, fold(text), codes, record)

    # -------------------------------------------------------------------- asking

    def _ask(self, text: str, codes: tuple[str, ...]) -> dict[str, Any] | None:
        """One rate-limited, retried request; the record, ``None`` for "not found", or _GiveUp."""
        if self._stopped is not None:
            self._fail(text, self._stopped, quiet=True)
        kwargs = _call_kwargs(self._geopy.geocode, codes)
        self._local.start = self._clock()
        attempts = self.settings.max_retries + 1
        try:
            location = self._limited(text, **kwargs)
        except _OutOfBudget:
            self._stop(f"the geocoding budget of {self.settings.budget_seconds:g} s is spent;"
                       " further names are not geocoded (raise GeocoderSettings.budget_seconds)")
            self._fail(text, self._stopped or "budget spent", quiet=True)
        except _GiveUp as error:
            self._fail(text, str(error), error.__cause__, quiet=error.quiet)
        except GeopyError as error:
            self._fail(text, f"{type(error).__name__} after {attempts} attempts: {error}", error)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as error:
            # geopy's parsers raise these on JSON of an unexpected shape.
            self._fail(text, f"unusable answer ({type(error).__name__}: {error})", error)
        finally:
            start, self._local.start = self._local.start, None
            with self._lock:
                self._spent += self._clock() - start
        if location is None:
            logger.debug("geocoder %s: nothing found for %r", self.service, text)
            return None
        record = _record_from_location(location)
        if record is None or place_from_record(self.service, record, text) is None:
            self._fail(text, "answer without valid coordinates")
        return record

    def _attempt(self, text: str, **kwargs: Any) -> Any:
        """One request (called by the RateLimiter): honours Retry-After and the budget."""
        cap = self.settings.retry_after_cap_seconds
        wait = self._not_before - self._clock()
        if wait > cap:
            quiet, self._held_back = self._held_back, True  # warn once per hold-back, not per name
            raise _GiveUp(f"rate limited: the service asked us to wait another {wait:.0f} s (cap {cap:g} s)", quiet=quiet)
        if wait > 0:
            self._wait(wait)
        remaining = self._remaining()
        if remaining < _MIN_REQUEST_SECONDS:
            raise _OutOfBudget()
        logger.debug("geocoder %s: asking for %r", self.service, text)
        try:
            return self._geopy.geocode(text, timeout=min(self.settings.timeout, remaining), **kwargs)
        except GeocoderRateLimited as error:
            if error.retry_after is not None:
                with self._lock:
                    self._not_before = max(self._not_before, self._clock() + error.retry_after)
                    self._held_back = False
                if error.retry_after > cap:
                    raise _GiveUp(f"rate limited: Retry-After {error.retry_after} s is over the {cap:g} s cap") from error
            raise
        except (GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges, GeocoderQuotaExceeded) as error:
            # The service refuses us; it will not change its mind during this run.
            self._stop(f"the {self.service} geocoder refused access ({type(error).__name__}: {error})")
            raise _GiveUp(self._stopped) from error
        except GeocoderQueryError as error:
            raise _GiveUp(f"the service rejected the query ({error})") from error

    def _fail(self, text: str, reason: str, cause: BaseException | None = None, *, quiet: bool = False) -> None:
        reason = " ".join(reason.split())  # an error page's body can be long and multi-line
        if len(reason) > _MAX_REASON:
            reason = reason[: _MAX_REASON - 1] + "…"
        with self._lock:
            self.failures[text] = reason
        (logger.debug if quiet else logger.warning)("geocoder %s: no answer for %r: %s", self.service, text, reason)
        if self.settings.raise_errors:
            raise GeocodeError(f"geocoding {text!r} with {self.service} failed: {reason}") from cause
        raise _GiveUp(reason) from cause

    def _stop(self, reason: str) -> None:
        """Send no more requests this run; warn once."""
        with self._lock:
            if self._stopped is not None:
                return
            self._stopped = reason
        logger.warning("geocoder %s: %s", self.service, reason)

    # -------------------------------------------------------------------- time

    def _remaining(self) -> float:
        """Seconds of budget left, counting the call in progress on this thread."""
        start = getattr(self._local, "start", None)
        running = self._clock() - start if start is not None else 0.0
        return self.settings.budget_seconds - self._spent - running

    def _wait(self, seconds: float) -> None:
        """Sleep, unless that would overrun the budget."""
        if seconds > self._remaining():
            raise _OutOfBudget()
        if seconds > 0:
            self._sleep(seconds)

    def _clock(self) -> float:  # seam for tests
        return time.monotonic()

    def _sleep(self, seconds: float) -> None:  # seam for tests
        time.sleep(seconds)
