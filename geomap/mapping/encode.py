"""Events to the compact JSON the browser draws from, and JSON that is safe in HTML.

The payload is column-oriented: one array per field, one entry per drawn event,
events sorted by date (undated last). Repeated strings (places, titles, sources)
are stored once in a string table ``S`` and referenced by index (``-1`` = none).
Nothing in the payload is HTML: the browser puts every string into the page with
``textContent``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
import math
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from geomap.model import EVENT_TYPES, Event

logger = logging.getLogger(__name__)

#: Colours of the event types in :data:`geomap.model.EVENT_TYPES` order.
TYPE_COLORS: dict[str, str] = {
    "airstrike": "#d62728",
    "shelling": "#ff7f0e",
    "clashes": "#9467bd",
    "offensive": "#8c564b",
    "explosion": "#bcbd22",
    "killing": "#2b2b2b",
    "displacement": "#1f77b4",
    "protest": "#2ca02c",
    "other": "#7f7f7f",
}
#: Colours given, in turn, to event types not in EVENT_TYPES.
EXTRA_COLORS: tuple[str, ...] = ("#17becf", "#e377c2", "#393b79", "#637939", "#8c6d31", "#843c39")

PRECISIONS: tuple[str, ...] = ("day", "month", "year")
DATE_SOURCES: tuple[str, ...] = ("sentence", "relative", "published")

_JINJA_OPEN = re.compile(r"\{(?=[{%#])")

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()

_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def safe_json(value: Any) -> str:
    """JSON text that can sit inside an HTML ``<script>`` element and a folium macro.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes, so ``</script>`` or ``<!--`` in
    the data cannot end or change the element; U+2028/U+2029 are escaped too (they
    end lines in older JavaScript). A ``{`` that starts ``{{``, ``{%`` or ``{#``
    becomes ``\\u007b``: branca compiles the output of every macro again as a Jinja
    template, so article text like ``{{ 7*7 }}`` would otherwise be evaluated at
    render time. (In compact JSON a structural ``{`` is always followed by ``"`` or
    ``}``, so only braces inside strings are touched.) Non-ASCII text (Arabic names)
    stays UTF-8. NaN and infinities raise ``ValueError``.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.translate(_JSON_ESCAPES)
    if "{" in text:
        text = _JINJA_OPEN.sub(r"\\u007b", text)
    return text


def type_label(event_type: str) -> str:
    """Human label of an event type: ``"airstrike"`` -> ``"Airstrike"``."""
    text = event_type.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def is_http_url(value: str | None) -> bool:
    """True only for an absolute ``http://`` or ``https://`` URL with a host.

    Anything with whitespace or control characters is refused outright, so a
    browser cannot read it differently from this check.
    """
    if not isinstance(value, str) or not value or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def highlight_span(sentence: str, mention: str, start: int, end: int) -> tuple[int, int]:
    """Where to highlight the mention in the sentence, as ``(start, end)``, or ``(-1, -1)``.

    ``start``/``end`` are used only when they already locate the mention text inside
    the sentence; otherwise the first occurrence of ``mention`` is taken (exact, then
    ignoring case).
    """
    if not sentence or not mention:
        return -1, -1
    if 0 <= start < end <= len(sentence) and sentence[start:end] == mention:
        return start, end
    at = sentence.find(mention)
    if at < 0:
        lower_sentence, lower_mention = sentence.lower(), mention.lower()
        # only when lower-casing keeps lengths, so offsets still fit the original text
        if len(lower_sentence) == len(sentence) and len(lower_mention) == len(mention):
            at = lower_sentence.find(lower_mention)
    if at < 0:
        return -1, -1
    return at, at + len(mention)


def _day_span(date: str | None, precision: str | None) -> tuple[int | None, int]:
    """(days since 1970-01-01, extra days covered) for an ISO date, or (None, 0)."""
    if not date:
        return None, 0
    try:
        day = dt.date.fromisoformat(date)
    except (TypeError, ValueError):
        logger.warning("ignoring invalid event date %r (drawn as undated)", date)
        return None, 0
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        span = (day.replace(day=last) - day).days
    elif precision == "year":
        span = (dt.date(day.year, 12, 31) - day).days
    else:
        span = 0
    return day.toordinal() - _EPOCH_ORDINAL, span


def _sort_key(event: Event) -> tuple:
    return (
        event.date is None,
        event.date or "",
        event.place,
        event.doc_id,
        event.start_char,
        event.end_char,
        event.event_type or "",
        event.mention,
    )


def drawable(events: Iterable[Event]) -> list[Event]:
    """The events a map draws, sorted by date (undated last) then place.

    Only ``role == "event"`` is drawn; events with missing or out-of-range
    coordinates are skipped with a warning.
    """
    kept: list[Event] = []
    for event in events:
        if event.role != "event":
            continue
        try:
            lat, lon = float(event.lat), float(event.lon)
        except (TypeError, ValueError):
            lat = lon = math.nan
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            logger.warning("skipping event at %r: bad coordinates (%r, %r)", event.place, event.lat, event.lon)
            continue
        kept.append(event)
    kept.sort(key=_sort_key)
    return kept


def event_types(events: Iterable[Event]) -> list[str]:
    """Types present in ``events``: known ones in EVENT_TYPES order, then others sorted."""
    present = {type_of(e) for e in events}
    known = [t for t in EVENT_TYPES if t in present]
    return known + sorted(present - set(EVENT_TYPES))


def type_colors(types: Iterable[str]) -> dict[str, str]:
    """A colour per type: fixed for known types, taken in turn for the others."""
    out: dict[str, str] = {}
    extra = 0
    for t in types:
        if t in TYPE_COLORS:
            out[t] = TYPE_COLORS[t]
        else:
            out[t] = EXTRA_COLORS[extra % len(EXTRA_COLORS)]
            extra += 1
    return out


def type_of(event: Event) -> str:
    """The type an event is drawn under: its ``event_type``, or ``"other"`` when empty."""
    return event.event_type if isinstance(event.event_type, str) and event.event_type.strip() else "other"


def encode_events(events: list[Event], types: list[str]) -> dict[str, Any]:
    """The column payload for already :func:`drawable` events (order kept).

    Keys: ``S`` string table; ``lat``/``lon`` (5 decimals); ``t`` type index into
    ``types``; ``d`` day number (days since 1970-01-01, ``null`` if undated) and
    ``e`` extra days the date covers (month/year precision); ``p`` precision and
    ``ds`` date source (indices into ``precisions``/``dateSources``, -1 none);
    ``n`` reports; ``a`` 1 if approximate; ``pl`` place, ``ar`` Arabic name,
    ``ad`` governorate, ``s`` sentence, ``ti`` title, ``so`` source (string
    indices); ``u`` 1 if the source is an http(s) URL; ``h0``/``h1`` mention
    highlight inside the sentence (-1 none).
    """
    strings: dict[str, int] = {}

    def ref(value: str | None) -> int:
        if value is None or value == "":
            return -1
        value = str(value)
        index = strings.get(value)
        if index is None:
            index = strings[value] = len(strings)
        return index

    type_index = {t: i for i, t in enumerate(types)}
    cols: dict[str, list] = {
        k: [] for k in ("lat", "lon", "t", "d", "e", "p", "ds", "n", "a", "pl", "ar", "ad", "s", "ti", "so", "u", "h0", "h1")
    }
    for ev in events:
        day, span = _day_span(ev.date, ev.date_precision)
        sentence = ev.sentence or ""
        h0, h1 = highlight_span(sentence, ev.mention or "", ev.start_char, ev.end_char)
        try:
            reports = max(1, int(ev.reports))
        except (TypeError, ValueError):
            reports = 1
        cols["lat"].append(round(float(ev.lat), 5))
        cols["lon"].append(round(float(ev.lon), 5))
        cols["t"].append(type_index[type_of(ev)])
        cols["d"].append(day)
        cols["e"].append(span)
        cols["p"].append(PRECISIONS.index(ev.date_precision) if day is not None and ev.date_precision in PRECISIONS else -1)
        cols["ds"].append(DATE_SOURCES.index(ev.date_source) if day is not None and ev.date_source in DATE_SOURCES else -1)
        cols["n"].append(reports)
        cols["a"].append(1 if ev.approximate else 0)
        cols["pl"].append(ref(ev.place))
        cols["ar"].append(ref(ev.name_ar))
        cols["ad"].append(ref(ev.admin1))
        cols["s"].append(ref(sentence))
        cols["ti"].append(ref(ev.title))
        cols["so"].append(ref(ev.source))
        cols["u"].append(1 if is_http_url(ev.source) else 0)
        cols["h0"].append(h0)
        cols["h1"].append(h1)
    colors = type_colors(types)
    return {
        "v": 1,
        "types": [{"key": t, "label": type_label(t), "color": colors[t]} for t in types],
        "precisions": list(PRECISIONS),
        "dateSources": list(DATE_SOURCES),
        "S": list(strings),
        **cols,
    }
