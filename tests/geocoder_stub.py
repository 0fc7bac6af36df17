"""A local Nominatim stand-in, so geocoder tests never touch the internet.

``StubGeocoder`` is a stdlib ``ThreadingHTTPServer`` on 127.0.0.1 (port 0 = any free
port) answering ``/search?q=...&format=json`` with a JSON list, like Nominatim. It
counts requests per query, keeps every request's parameters and headers, and can
misbehave per query or at a seeded random rate::

    with StubGeocoder({"Kafr Nabudah": [KAFR_NABUDAH]}) as stub:
        stub.fail("Hama", "429", times=1, retry_after=2)
        settings = GeocoderSettings(user_agent="tests/1.0", options=stub.options, ...)
        ...
        assert stub.requests["Kafr Nabudah"] == 1

Failure modes: ``timeout`` (hangs ``hang_seconds``), ``slow`` (answers after ``delay``),
``429`` (with ``Retry-After``), ``403`` (access refused), ``500``, ``503``, ``invalid_json``, ``wrong_shape``
(valid JSON Nominatim would never send), ``reset`` (closes the connection without an
answer). A refused connection needs no server: use :func:`refused_options`.
"""

from __future__ import annotations

import json
import random
import socket
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

MODES = ("timeout", "slow", "429", "403", "500", "503", "invalid_json", "wrong_shape", "reset")


def nominatim_answer(
    name: str,
    lat: float,
    lon: float,
    *,
    addresstype: str = "village",
    cls: str = "place",
    type: str | None = None,
    state: str | None = None,
    country: str = "Syria",
    country_code: str = "sy",
    osm_type: str = "node",
    osm_id: int = 1,
    importance: float = 0.4,
) -> dict[str, Any]:
    """One Nominatim ``format=json`` result (with ``addressdetails``), as the real service shapes it."""
    address = {addresstype: name, "country": country, "country_code": country_code}
    if state:
        address["state"] = state
    parts = [name, *([state] if state else []), country]
    return {
        "place_id": osm_id * 10,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright",
        "osm_type": osm_type,
        "osm_id": osm_id,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "class": cls,
        "type": type or addresstype,
        "place_rank": 19,
        "importance": importance,
        "addresstype": addresstype,
        "name": name,
        "display_name": ", ".join(parts),
        "address": address,
        "boundingbox": [f"{lat - 0.01:.7f}", f"{lat + 0.01:.7f}", f"{lon - 0.01:.7f}", f"{lon + 0.01:.7f}"],
    }


KAFR_NABUDAH = nominatim_answer("Kafr Nabudah", 35.4369, 36.5208, state="Hama Governorate", osm_id=2001)
DAMASCUS = nominatim_answer("Damascus", 33.5131, 36.3097, addresstype="city", state="Damascus Governorate", osm_id=2002)
HAMA_GOVERNORATE = nominatim_answer(
    "Hama Governorate", 35.1, 36.9, addresstype="state", cls="boundary", type="administrative",
    osm_type="relation", osm_id=2003,
)
TIYAS_AIRBASE = nominatim_answer(
    "Tiyas Military Airbase", 34.5225, 37.6297, addresstype="aeroway", cls="aeroway", type="aerodrome",
    state="Homs Governorate", osm_type="way", osm_id=2004,
)
PALMYRA_SYRIA = nominatim_answer("Tadmur", 34.5560, 38.2670, addresstype="city", state="Homs Governorate", osm_id=2005)
PALMYRA_NEW_YORK = nominatim_answer(
    "Palmyra", 43.0637, -77.2333, addresstype="town", state="New York", country="United States",
    country_code="us", osm_id=2006, importance=0.5,
)

#: A small table of realistic answers; "Palmyra" is ambiguous on purpose (New York first).
SYRIA_ANSWERS: dict[str, list[dict[str, Any]]] = {
    "Kafr Nabudah": [KAFR_NABUDAH],
    "Damascus": [DAMASCUS],
    "Hama Governorate": [HAMA_GOVERNORATE],
    "Tiyas Airbase": [TIYAS_AIRBASE],
    "Palmyra": [PALMYRA_NEW_YORK, PALMYRA_SYRIA],
}


@dataclass
class Failure:
    """How to misbehave: ``mode`` (see :data:`MODES`), for the next ``times`` requests (None = always)."""

    mode: str
    times: int | None = None
    retry_after: int | str | None = 1
    delay: float = 0.1

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown failure mode {self.mode!r}; one of {MODES}")


class StubGeocoder:
    """A Nominatim-like HTTP server in a background thread; use as a context manager."""

    def __init__(
        self,
        answers: Mapping[str, list[dict[str, Any]]] | None = None,
        *,
        fail_rate: float = 0.0,
        fail_mode: str = "500",
        seed: int = 0,
        hang_seconds: float = 3.0,
    ) -> None:
        self.answers: dict[str, list[dict[str, Any]]] = {
            k.casefold(): list(v) for k, v in (SYRIA_ANSWERS if answers is None else answers).items()
        }
        self.failures: dict[str, Failure] = {}
        self.fail_rate = fail_rate
        self.rate_failure = Failure(fail_mode)
        self.hang_seconds = hang_seconds
        #: Requests per query (as sent, ``q`` parameter).
        self.requests: Counter[str] = Counter()
        #: Every request's query parameters (single values) and headers, in order.
        self.log: list[dict[str, Any]] = []
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ configuration

    def answer(self, query: str, results: list[dict[str, Any]]) -> None:
        """Answer ``query`` with ``results`` (``[]`` = nothing found)."""
        self.answers[query.casefold()] = list(results)

    def fail(self, query: str, mode: str, *, times: int | None = None, **kwargs: Any) -> None:
        """Misbehave for ``query``: ``mode`` for the next ``times`` requests (None = always)."""
        self.failures[query.casefold()] = Failure(mode, times, **kwargs)

    # ------------------------------------------------------------------ results

    @property
    def domain(self) -> str:
        """``host:port`` to give geopy's Nominatim as ``domain``."""
        if self._server is None:
            raise RuntimeError("the stub is not running; use it as a context manager")
        host, port = self._server.server_address[:2]
        return f"{host}:{port}"

    @property
    def options(self) -> dict[str, str]:
        """geopy options that point Nominatim at this stub."""
        return {"domain": self.domain, "scheme": "http"}

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> StubGeocoder:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        handler = type("Handler", (_Handler,), {"stub": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._server.handle_error = lambda request, address: None  # clients that hung up are expected
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="stub-geocoder", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()  # wakes handlers that hang or answer slowly
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # ------------------------------------------------------------------ behaviour

    def _behaviour(self, query: str) -> Failure | None:
        with self._lock:
            failure = self.failures.get(query.casefold())
            if failure is not None and failure.times is not None:
                if failure.times <= 0:
                    failure = None
                else:
                    failure.times -= 1
            if failure is None and self.fail_rate and self._rng.random() < self.fail_rate:
                failure = self.rate_failure
            return failure

    def _results(self, query: str, params: dict[str, str]) -> list[dict[str, Any]]:
        results = self.answers.get(query.casefold(), [])
        codes = [c for c in params.get("countrycodes", "").lower().split(",") if c]
        if codes:
            results = [r for r in results if r.get("address", {}).get("country_code") in codes]
        limit = int(params.get("limit", 10) or 10)
        return results[:limit]


class _Handler(BaseHTTPRequestHandler):
    stub: StubGeocoder
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (stdlib name)
        stub = self.stub
        url = urlparse(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        query = params.get("q", "")
        with stub._lock:
            stub.requests[query] += 1
            stub.log.append({"path": url.path, "params": params, "headers": dict(self.headers)})
        if url.path != "/search":
            return self._send(404, {"error": "not found"})
        failure = stub._behaviour(query)
        mode = failure.mode if failure else None
        if mode == "timeout":
            stub._stop.wait(stub.hang_seconds)
        elif mode == "slow":
            stub._stop.wait(failure.delay)
        elif mode == "429":
            headers = {} if failure.retry_after is None else {"Retry-After": str(failure.retry_after)}
            return self._send(429, {"error": "Too Many Requests"}, headers)
        elif mode in ("403", "500", "503"):
            return self._send(int(mode), {"error": "server error"})
        elif mode == "invalid_json":
            return self._send(200, b"<html><body>Bad Gateway</body></html>")
        elif mode == "wrong_shape":
            return self._send(200, [{"lat": "north", "lon": "of here"}])
        elif mode == "reset":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return None
        return self._send(200, stub._results(query, params))

    def _send(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except OSError:  # the client gave up (timeout): nothing to do
            pass


def closed_port() -> int:
    """A local TCP port nothing listens on (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def refused_options() -> dict[str, str]:
    """geopy options pointing Nominatim at a closed local port."""
    return {"domain": f"127.0.0.1:{closed_port()}", "scheme": "http"}
