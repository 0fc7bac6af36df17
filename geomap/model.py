"""The small frozen data model passed between pipeline stages.

read → :class:`Article`; find mentions → :class:`Mention`; resolve → :class:`Place`;
date and type → :class:`Event`. Each stage takes the previous stage's values and
returns new ones; nothing is mutated after construction.

Coordinates are always ``lat``/``lon`` (latitude first) inside geomap. Only at the
GeoJSON/geopandas boundary (:mod:`geomap.export`) do they become ``(lon, lat)``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Role = Literal["event", "mention"]
Resolver = Literal["gazetteer", "geocoder", "user"]
DatePrecision = Literal["day", "month", "year"]
DateSource = Literal["sentence", "relative", "published"]

EVENT_TYPES: tuple[str, ...] = (
    "airstrike",
    "shelling",
    "clashes",
    "offensive",
    "explosion",
    "killing",
    "displacement",
    "protest",
    "other",
)

#: Kinds of places. Settlements are points people live in; admin levels follow OCHA
#: (admin1 governorate, admin2 district, admin3 subdistrict).
PLACE_KINDS: tuple[str, ...] = (
    "settlement",
    "neighbourhood",
    "airbase",
    "airport",
    "admin1",
    "admin2",
    "admin3",
    "region",
    "country",
    "city",
    "landmark",
)

#: Kinds whose point stands for an area rather than a spot: drawn as approximate.
AREA_KINDS: frozenset[str] = frozenset({"admin1", "admin2", "admin3", "region", "country"})


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from an input. ``id`` is its own field or its path."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise TypeError("Article.id must be a non-empty string")
        if not isinstance(self.text, str):
            raise TypeError(f"Article {self.id!r}: text must be a string")
        if self.published is not None and not isinstance(self.published, dt.date):
            raise TypeError(f"Article {self.id!r}: published must be a datetime.date or None")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (or a geocoder answer): one point with its names."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    admin1: str | None = None
    admin2: str | None = None
    name_ar: str | None = None
    source: str = ""
    importance: float = 0.0
    #: ISO 3166-1 alpha-2 code ("SY", "LB"); None when unknown (a geocoder answer, a user place abroad).
    country: str | None = None
    raw: dict[str, Any] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not (-90.0 <= float(self.lat) <= 90.0 and -180.0 <= float(self.lon) <= 180.0):
            raise ValueError(f"Place {self.id!r}: coordinates out of range ({self.lat}, {self.lon})")

    @property
    def approximate(self) -> bool:
        """True when the point stands for an area (governorate, region, country)."""
        return self.kind in AREA_KINDS


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ranked answer of a gazetteer lookup: the place, how it matched, its score (0–1)."""

    place: Place
    score: float
    match: Literal["exact", "variant", "fuzzy", "user"]
    matched_name: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in an article's text; ``text == article.text[start_char:end_char]``."""

    doc_id: str
    text: str
    start_char: int
    end_char: int
    sentence: str
    role: Role = "event"
    #: Where the span came from: the gazetteer matcher, a place-context rule, or a trained model.
    origin: Literal["gazetteer", "context", "model"] = "gazetteer"
    #: A kind the surrounding words ask for ("airbase" in "the X airbase"), else None.
    kind_hint: str | None = None
    sentence_start: int = 0
    #: The words around say a place stands here ("in X", "X village", a list of places).
    place_context: bool = False
    #: The name stands for a government ("the Damascus government", "loyal to Damascus",
    #: "reconciliation with Damascus"): it says nothing of where its sentence's places lie.
    government: bool = False
    #: A neighbour's adjective says the place lies abroad ("the Lebanese town of Hermel").
    abroad: bool = False


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A mention with the place it was resolved to, and by whom."""

    mention: Mention
    place: Place
    resolver: Resolver
    score: float


@dataclass(frozen=True, slots=True)
class Event:
    """The event record: the contract the map, exports and outside tools depend on.

    Field order is the column order of every export.
    """

    doc_id: str
    place: str
    mention: str
    start_char: int
    end_char: int
    lat: float
    lon: float
    kind: str
    admin1: str | None
    place_id: str
    resolver: Resolver
    score: float
    role: Role
    date: str | None
    date_precision: DatePrecision | None
    date_source: DateSource | None
    event_type: str
    sentence: str
    title: str | None
    source: str | None
    #: How many mentions in the article this event gathers (one event per article, place, date, type).
    reports: int = 1
    name_ar: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict, fields in contract order."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @property
    def approximate(self) -> bool:
        """True when the point stands for an area or came from the fallback geocoder."""
        return self.kind in AREA_KINDS or self.resolver == "geocoder"


EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))
