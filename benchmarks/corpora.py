"""Streaming loaders for the geoparsing benchmarks kept in ``../shared/benchmarks/``.

Nothing here copies corpus text into the repository: every loader reads the shared folder
(``--shared PATH`` of the benchmark scripts, default ``<repo>/../shared``) with the standard
library's incremental XML parser, one article at a time.

Corpora (see ``../shared/benchmarks/LICENSE-NOTE.txt`` for their origin and citations):

* **GeoWebNews** (``GWN.xml`` + ``gwn_full.txt``): the text comes from ``GWN.xml``; the gold is
  ``gwn_full.txt``, one line per article *in the order of the articles in GWN.xml* (which is
  the lexicographic order of their ``file`` attribute, "0", "1", "10", "100"…, not numeric
  order). Line 70 (index 69) is empty: that article has no geocoded toponym. Each line is
  ``name,,mention,,lat,,lon,,start,,end`` items joined by ``||``. The fine-grained
  annotation type of ``GWN.xml`` (Literal, Metonymic, Demonym…) is joined in by offsets.
* **LGL** (``lgl.xml``): ``<toponym>`` with start/end/phrase and, for most, a ``<gaztag>`` with
  GeoNames lat/lon; ``<dltime>`` is the download time.
* **TR-News** (``TR-News.xml``): the same layout as LGL; ``<dltime>`` is the article date.
  About 9% of its offsets drift by 1–10 characters inside a few articles; they are realigned
  to the nearest occurrence of the phrase (:func:`realign`).
* **GeoVirus** (``GeoVirus.xml``): ``<location>`` with name/start/end/lat/lon/page; every
  offset is one character too far right (start and end both +1), and three locations are
  nested inside another location element. Realigned the same way.
* **FA-KES dev half** (``fakes-dev/fakes-dev.jsonl``): Syrian war articles with the event's
  governorate and date (no toponym spans).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: Repository root (this file lives in ``<repo>/benchmarks/``).
REPO = Path(__file__).resolve().parent.parent

#: Syria's bounding box (lat_min, lat_max, lon_min, lon_max): loose, it takes in slices of
#: Turkey, Lebanon, Jordan and Iraq along the borders.
SYRIA_BBOX = (32.3, 37.35, 35.7, 42.4)

#: Names of the benchmark corpora with toponym gold, in report order.
CORPORA = ("GWN", "LGL", "TR-News", "GeoVirus")

#: How far (characters) :func:`realign` looks for a phrase whose offsets are wrong.
REALIGN_WINDOW = 60


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold toponym: its span, as given, and its point (None when the corpus has none)."""

    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    #: Fine-grained annotation type where the corpus has one (GeoWebNews), else None.
    type: str | None = None
    #: True when the corpus offsets were wrong and :func:`realign` moved them.
    realigned: bool = False

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class Doc:
    """One benchmark article: id, text, publication date (if known) and gold toponyms."""

    id: str
    text: str
    published: dt.date | None
    gold: list[Gold] = field(default_factory=list)
    title: str | None = None


@dataclass(frozen=True, slots=True)
class FakesArticle:
    """One FA-KES article with its gold event governorate and date."""

    id: str
    title: str | None
    text: str
    source: str | None
    event_date: dt.date | None
    governorate: str
    credible: int


def default_shared() -> Path:
    """``<repo>/../shared``: where the shared data lives beside the repository."""
    return REPO.parent / "shared"


def benchmarks_dir(shared: str | Path | None = None) -> Path:
    """The ``benchmarks`` folder inside the shared data folder."""
    return Path(shared or default_shared()) / "benchmarks"


def in_syria(lat: float | None, lon: float | None) -> bool:
    """True when the point lies inside Syria's bounding box."""
    if lat is None or lon is None:
        return False
    lat_min, lat_max, lon_min, lon_max = SYRIA_BBOX
    return lat_min <= lat <= lat_max and lon_min <= lon <= lon_max


def realign(text: str, start: int, end: int, phrase: str) -> tuple[int, int, bool]:
    """Offsets of ``phrase`` at or nearest to ``start`` (within :data:`REALIGN_WINDOW`).

    Returns ``(start, end, moved)``; the given offsets unchanged (``moved`` False) when they
    are right or when the phrase cannot be found nearby.
    """
    if text[start:end] == phrase or not phrase:
        return start, end, False
    lo = max(0, start - REALIGN_WINDOW)
    hi = min(len(text), end + REALIGN_WINDOW)
    found = [lo + m.start() for m in re.finditer(re.escape(phrase), text[lo:hi])]
    if not found:
        return start, end, False
    best = min(found, key=lambda s: (abs(s - start), s))
    return best, best + len(phrase), True


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None and value.strip() else None
    except ValueError:
        return None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _articles(path: Path, tag: str = "article") -> Iterator[ET.Element]:
    """Each top-level ``<article>`` element, parsed incrementally and freed after use."""
    depth = 0
    for event, elem in ET.iterparse(path, events=("start", "end")):
        if event == "start":
            if elem.tag == tag:
                depth += 1
            continue
        if elem.tag == tag:
            depth -= 1
            if depth == 0:
                yield elem
                elem.clear()


def _gold(text: str, start: int, end: int, phrase: str, lat, lon, type_=None) -> Gold:  # noqa: ANN001
    start, end, moved = realign(text, start, end, phrase)
    return Gold(start, end, phrase, lat, lon, type_, moved)


# --------------------------------------------------------------------------- GeoWebNews


def _gwn_line(line: str) -> list[tuple[str, str, float | None, float | None, int, int]]:
    items = []
    for item in line.rstrip("\n").split("||"):
        if not item.strip():
            continue
        parts = item.split(",,")
        if len(parts) != 6:
            continue
        name, mention, lat, lon, start, end = parts
        items.append((name, mention, _float(lat), _float(lon), int(start), int(end)))
    return items


def load_gwn(shared: str | Path | None = None, *, limit: int | None = None) -> Iterator[Doc]:
    """GeoWebNews articles with the ``gwn_full.txt`` geocoding gold (2,401 toponyms)."""
    root = benchmarks_dir(shared)
    with (root / "gwn_full.txt").open(encoding="utf-8") as gold_lines:
        for n, elem in enumerate(_articles(root / "GWN.xml")):
            if limit is not None and n >= limit:
                return
            text = elem.findtext("text") or ""
            types = {}
            for t in elem.iter("toponym"):
                try:
                    types[(int(t.findtext("start") or -1), int(t.findtext("end") or -1))] = t.findtext("type")
                except ValueError:
                    continue
            line = gold_lines.readline()
            gold = [_gold(text, s, e, mention, lat, lon, types.get((s, e)))
                    for _name, mention, lat, lon, s, e in _gwn_line(line)]
            gold.sort(key=lambda g: (g.start, g.end))
            yield Doc(id=f"gwn-{elem.get('file')}", text=text, published=None, gold=gold,
                      title=(elem.findtext("title") or "").strip() or None)


# --------------------------------------------------------------------------- LGL, TR-News


def _lgl_like(path: Path, prefix: str, limit: int | None, published_from_dltime: bool) -> Iterator[Doc]:
    for n, elem in enumerate(_articles(path)):
        if limit is not None and n >= limit:
            return
        text = elem.findtext("text") or ""
        gold = []
        for t in elem.iter("toponym"):
            phrase = t.findtext("phrase") or ""
            try:
                start, end = int(t.findtext("start") or ""), int(t.findtext("end") or "")
            except ValueError:
                continue
            tag = t.find("gaztag")
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            gold.append(_gold(text, start, end, phrase, lat, lon))
        gold.sort(key=lambda g: (g.start, g.end))
        published = _date(elem.findtext("dltime")) if published_from_dltime else None
        doc_id = elem.get("docid") or str(n)
        yield Doc(id=f"{prefix}-{doc_id}", text=text, published=published, gold=gold,
                  title=(elem.findtext("title") or "").strip() or None)


def load_lgl(shared: str | Path | None = None, *, limit: int | None = None) -> Iterator[Doc]:
    """LGL articles (588; 5,088 toponyms, 4,462 with a point). dltime is a crawl time, kept."""
    return _lgl_like(benchmarks_dir(shared) / "lgl.xml", "lgl", limit, True)


def load_trnews(shared: str | Path | None = None, *, limit: int | None = None) -> Iterator[Doc]:
    """TR-News articles (118; 1,319 toponyms, 1,275 with a point), dated by dltime."""
    return _lgl_like(benchmarks_dir(shared) / "TR-News.xml", "trnews", limit, True)


# --------------------------------------------------------------------------- GeoVirus


def load_geovirus(shared: str | Path | None = None, *, limit: int | None = None) -> Iterator[Doc]:
    """GeoVirus WikiNews articles (229; 2,170 locations, nested ones included)."""
    for n, elem in enumerate(_articles(benchmarks_dir(shared) / "GeoVirus.xml")):
        if limit is not None and n >= limit:
            return
        text = elem.findtext("text") or ""
        gold = []
        for loc in elem.iter("location"):
            name = loc.findtext("name")
            if name is None:
                continue
            try:
                start, end = int(loc.findtext("start") or ""), int(loc.findtext("end") or "")
            except ValueError:
                continue
            gold.append(_gold(text, start, end, name, _float(loc.findtext("lat")), _float(loc.findtext("lon"))))
        gold.sort(key=lambda g: (g.start, g.end))
        source = (elem.findtext("source") or "").strip()
        doc_id = source.rsplit("/", 1)[-1] if source else str(n)
        yield Doc(id=f"geovirus-{n}-{doc_id}"[:120], text=text, published=None, gold=gold)


LOADERS = {"GWN": load_gwn, "LGL": load_lgl, "TR-News": load_trnews, "GeoVirus": load_geovirus}


def load(corpus: str, shared: str | Path | None = None, *, limit: int | None = None) -> Iterator[Doc]:
    """Documents of a corpus by name (one of :data:`CORPORA`)."""
    return LOADERS[corpus](shared, limit=limit)


# --------------------------------------------------------------------------- FA-KES


def load_fakes(shared: str | Path | None = None, *, limit: int | None = None) -> Iterator[FakesArticle]:
    """The FA-KES development half (384 articles), one JSON object a line."""
    path = benchmarks_dir(shared) / "fakes-dev" / "fakes-dev.jsonl"
    with path.open(encoding="utf-8") as lines:
        n = 0
        for line in lines:
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            row = json.loads(line)
            n += 1
            yield FakesArticle(
                id=str(row["id"]), title=row.get("title") or None, text=row.get("text") or "",
                source=row.get("source") or None, event_date=_date(row.get("event_date")),
                governorate=(row.get("governorate") or "").strip().lower(), credible=int(row.get("credible") or 0),
            )


__all__ = [
    "CORPORA", "Doc", "FakesArticle", "Gold", "LOADERS", "SYRIA_BBOX", "benchmarks_dir", "default_shared",
    "in_syria", "load", "load_fakes", "load_geovirus", "load_gwn", "load_lgl", "load_trnews", "realign",
]
