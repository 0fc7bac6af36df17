"""Runtime lookup in the packaged Syria gazetteer (built by ``gazetteer/build.py``).

The gazetteer is loaded once per process (:func:`default_gazetteer`) into an index from match
key (:func:`geomap.names.normalize`) to entries. :meth:`Gazetteer.lookup` answers a name with
ranked :class:`~geomap.model.Candidate` objects: exact spelling over transliteration variant
over fuzzy match; a settlement over an air base unless the caller asks for one; important
places (capitals, large towns) first; and candidates inside a caller's context (a governorate,
a nearby place or point) moved to the top.

Users extend it without editing the package: :meth:`Gazetteer.with_user_places` merges a CSV of
their own places and spellings (see :func:`read_user_places`).
"""

from __future__ import annotations

import bisect
import csv
import gzip
import heapq
import json
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Union

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from . import startup_cache
from .errors import GazetteerError, InputError
from .model import AREA_KINDS, PLACE_KINDS, Candidate, Place
from .names import NORMALIZER_VERSION, fold, normalize, skeleton, variants, without_article

log = logging.getLogger("geomap")

DATA_PACKAGE = "geomap.gazetteer_data"

#: What a lookup's ``context`` may be: a governorate or place name, a Place, a (lat, lon) point,
#: or several of these.
Context = Union[str, Place, tuple[float, float], Sequence[Union[str, Place, tuple[float, float]]], None]

#: Fuzzy matches below this rapidfuzz ratio (0–100) are not candidates: precision over recall.
FUZZY_THRESHOLD = 88.0
#: The same for a key with the query's consonant skeleton, inside the context's governorates.
SKELETON_THRESHOLD = 70.0
#: Importance from which a place is notable (a district or sub-district centre, a town of some
#: size, a capital, a country): spelled exactly as written it outranks places that only normalise
#: alike, whatever the context, and its name alone shows what a story is about (see resolve.py).
NOTABLE_IMPORTANCE = 0.4
#: What a variant spelling loses, in context, beside an exact one inside the story's governorates.
_VARIANT_BESIDE_EXACT = 0.15
#: Distance within which a context point pulls candidates to the top.
NEAR_KM = 40.0
#: A city's neighbourhoods lie within this distance of its point (the farthest in the gazetteer,
#: Aleppo's Jibreen, is 10.4 km away): a "neighbourhood" farther from every city a story names is
#: another place that shares its name ("the Howayqa neighbourhood of Deir ez-Zor" is no Homs village).
URBAN_KM = 12.0
_KM_PER_DEGREE_LAT = 111.19
#: The fuzzy search pool of "keys with the query's consonant skeleton" (see ``_close_keys``).
_SAME_SKELETON = "\x00skeleton"

_MATCH_SCORE = {"user": 1.0, "exact": 1.0, "variant": 0.9}
_KIND_PRIOR = {
    "settlement": 0.06, "city": 0.05, "neighbourhood": 0.0, "admin1": 0.05, "admin2": -0.02,
    "admin3": -0.04, "country": 0.06, "region": 0.04, "airbase": -0.04, "airport": -0.04, "landmark": 0.07,
}
_FACILITY_KINDS = frozenset({"airbase", "airport"})
_TOWN_KINDS = frozenset({"settlement", "city"})
#: The highest raw score (exact match, asked-for kind, important, inside the context); scores
#: are divided by it so a candidate's score lies in [0, 1] and compares across lookups.
_SCORE_CEILING = 1.75


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    names: tuple[str, ...]
    admin3: str | None
    population: int | None
    capital: int | None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


#: Importance of a capital by its level (OCHA's CAPIT_LVL, which the build also gives world
#: capitals): 0 national, 1 governorate, 2 district, 3 sub-district.
_CAPITAL_IMPORTANCE = {0: 0.8, 1: 0.6, 2: 0.4, 3: 0.2}


def lies_abroad(place: Place) -> bool:
    """A place outside Syria: one with no governorate, other than Syria itself."""
    return place.admin1 is None and place.id != "country:SY"


def is_notable(place: Place) -> bool:
    """A place whose name alone says where a story is: a governorate or district, a region, an air
    base, a capital, a town of some size (importance from ``NOTABLE_IMPORTANCE``). Most villages
    are not: their names are also surnames, acronyms and words."""
    return place.importance >= NOTABLE_IMPORTANCE or place.kind in AREA_KINDS or place.kind in ("airbase", "airport")


def _importance(kind: str, population: int | None, capital: int | None) -> float:
    """0–1: how likely a bare mention of the name means this entry (capitals, big towns)."""
    score = _CAPITAL_IMPORTANCE.get(capital, 0.0) if capital is not None else 0.0
    if population and kind in ("settlement", "city"):
        score += min(math.log10(population + 1) / 7.0, 1.0) * 0.4
    score += {"admin1": 0.5, "country": 0.5, "admin2": 0.2}.get(kind, 0.0)
    return min(score, 1.0)


class Gazetteer:
    """An in-memory index of places by match key. Build with :meth:`load` or from entries."""

    def __init__(self, entries: Iterable[_Entry], *, common_words: Iterable[str] = (),
                 english_words: Iterable[str] = (), version: str = "") -> None:
        self._entries: dict[str, _Entry] = {}
        self._by_key: dict[str, list[str]] = {}
        self._skeletons: dict[str, list[str]] | None = None
        self._keys_by_admin1: dict[str | None, tuple[list[str], list[int]]] | None = None
        self._match_memo: dict[tuple[str, str | None], tuple[_Scored, ...]] = {}
        self._named_context: dict[str, tuple[frozenset[str], tuple[float, float] | None]] = {}
        self._fuzzy_memo: dict[tuple[str, str | None], list[tuple[str, float]]] = {}
        self._kinds_memo: dict[str, frozenset[str]] = {}
        self._ranked_memo: dict[tuple[str, str | None, int], tuple[Candidate, ...]] = {}
        self._capitals: dict[str | None, Place] | None = None
        #: Match keys of one-word place names that are also common English words ("Tell", "May").
        self.common_words: frozenset[str] = frozenset(common_words)
        #: Common English words (lower case) that fold onto a one-word place key ("comes", "air").
        self.english_words: frozenset[str] = frozenset(english_words)
        #: Frequent English words (lower case), place names aside.
        self.english_vocabulary: frozenset[str] = frozenset()
        self.version = version
        for entry in entries:
            self._add(entry, keys=None)

    # ------------------------------------------------------------------ construction

    def _add(self, entry: _Entry, keys: Iterable[str] | None) -> None:
        place_id = entry.place.id
        self._entries[place_id] = entry
        if keys is None:
            keys = {k for name in entry.names for k in variants(name)}
        for key in keys:
            ids = self._by_key.setdefault(key, [])
            if place_id not in ids:
                ids.append(place_id)
        # Derived indexes and memos are rebuilt on demand.
        self._skeletons = self._keys_by_admin1 = None
        self._match_memo, self._fuzzy_memo, self._kinds_memo, self._ranked_memo = {}, {}, {}, {}
        self._capitals = None

    @classmethod
    def load(cls, directory: str | Path | None = None) -> Gazetteer:
        """Load a built gazetteer directory (default: the one installed with geomap).

        The parsed index is kept in the user cache under the gazetteer's version, so later
        runs read it back instead of parsing the JSON again (start-up time).
        """
        try:
            root = Path(directory) if directory is not None else Path(str(resources.files(DATA_PACKAGE)))
            meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
            version = str(meta.get("version", ""))
            if meta.get("normalizer_version") != NORMALIZER_VERSION:
                log.warning("gazetteer keys were built with another normaliser; recomputing them (slower start)")
                return cls._parse(root, version, keys_are_current=False)
            if not _CACHEABLE_VERSION.fullmatch(version):
                return cls._parse(root, version, keys_are_current=True)
            name = f"gazetteer-{version}-{_STATE_FORMAT}"
            return cls._from_state(startup_cache.cached(name, lambda: cls._parse(root, version, keys_are_current=True)._state()))
        except (OSError, ValueError, KeyError, ModuleNotFoundError) as exc:
            raise GazetteerError(f"cannot load the gazetteer from {directory or DATA_PACKAGE}: {exc}") from exc

    @classmethod
    def _parse(cls, root: Path, version: str, *, keys_are_current: bool) -> Gazetteer:
        common = json.loads((root / "common_words.json").read_text(encoding="utf-8"))
        english = json.loads((root / "english_words.json").read_text(encoding="utf-8"))
        gazetteer = cls((), common_words=common, english_words=english, version=version)
        gazetteer.english_vocabulary = frozenset((root / "english_vocabulary.txt").read_text(encoding="utf-8").split())
        with gzip.open(root / "places.jsonl.gz", "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                gazetteer._add(_entry_from_record(record), keys=record["keys"] if keys_are_current else None)
        return gazetteer

    def _state(self) -> tuple:
        """Plain tuples, strings and numbers: what pickles and unpickles fastest."""
        rows = [(*(getattr(e.place, f) for f in _PLACE_FIELDS), e.names, e.admin3, e.population, e.capital)
                for e in self._entries.values()]
        return (self.version, sorted(self.common_words), sorted(self.english_words), sorted(self.english_vocabulary),
                rows, self._by_key)

    @classmethod
    def _from_state(cls, state: tuple) -> Gazetteer:
        version, common, english, vocabulary, rows, by_key = state
        gazetteer = cls((), common_words=common, english_words=english, version=version)
        gazetteer.english_vocabulary = frozenset(vocabulary)
        width = len(_PLACE_FIELDS)
        gazetteer._entries = {row[0]: _Entry(Place(*row[:width]), *row[width:]) for row in rows}
        gazetteer._by_key = by_key
        return gazetteer

    def with_user_places(self, path: str | Path, *, on_error: Callable[[InputError], None] | None = None) -> Gazetteer:
        """A copy of this gazetteer with the places of a user CSV merged in (bad rows skipped)."""
        merged = Gazetteer((), common_words=self.common_words, english_words=self.english_words, version=self.version)
        merged._entries = dict(self._entries)
        merged._by_key = {k: list(v) for k, v in self._by_key.items()}
        merged.english_vocabulary = self.english_vocabulary
        for entry in read_user_places(path, on_error=on_error):
            merged._add(entry, keys=None)
        merged.version = f"{self.version}+{_file_digest(path)}"
        return merged

    # ------------------------------------------------------------------ mapping protocol

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._entries

    def __iter__(self) -> Iterator[Place]:
        return (entry.place for entry in self._entries.values())

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        entry = self._entries.get(place_id)
        return entry.place if entry else None

    def names_of(self, place_id: str) -> tuple[str, ...]:
        """Every spelling the gazetteer knows for a place."""
        entry = self._entries.get(place_id)
        return entry.names if entry else ()

    def keys(self) -> Iterator[tuple[str, list[str]]]:
        """(match key, place ids) pairs: what a text matcher needs."""
        return iter(self._by_key.items())

    def places_spelled(self, name: str) -> list[Place]:
        """The places one of whose names is written as ``name`` (up to case and marks), not only
        filed under its key: "Gaza" is spelled as the city, "Need" only folds onto Niddeh's key."""
        return [place for _, place, how, _ in self._scored_matches(name, None) if how in ("exact", "user")]

    def ids_for_key(self, key: str) -> list[str]:
        """Place ids filed under one match key."""
        return self._by_key.get(key, [])

    def kinds_for_key(self, key: str) -> frozenset[str]:
        """The kinds of the places filed under one match key, memoised: a common name is filed
        under dozens of villages, and the mention stage asks for each name it finds."""
        kinds = self._kinds_memo.get(key)
        if kinds is None:
            entries = (self._entries.get(i) for i in self._by_key.get(key, ()))
            kinds = self._kinds_memo[key] = frozenset(e.place.kind for e in entries if e is not None)
        return kinds

    def capital(self, admin1: str) -> Place | None:
        """The governorate's namesake capital city (Aleppo for Aleppo), or None (Rural Damascus)."""
        if self._capitals is None:
            self._capitals = {e.place.admin1: e.place for e in self._entries.values()
                              if e.capital in (0, 1) and e.place.kind == "settlement" and e.place.name == e.place.admin1}
        return self._capitals.get(admin1)

    def counts(self) -> dict[str, int]:
        """Number of entries per kind."""
        counts: dict[str, int] = {}
        for entry in self._entries.values():
            counts[entry.place.kind] = counts.get(entry.place.kind, 0) + 1
        return dict(sorted(counts.items()))

    # ------------------------------------------------------------------ lookup

    def lookup(
        self,
        name: str,
        *,
        context: Context | Area = None,
        kind: str | None = None,
        limit: int = 10,
        fuzzy: bool | Literal["only"] = True,
    ) -> list[Candidate]:
        """Ranked candidates for a place name; an empty list when nothing matches.

        ``kind`` ("airbase", "admin1"…) favours entries of that kind. ``context`` favours
        entries inside a named governorate or near a named place or point (or an :class:`Area`
        made by :meth:`area`). ``fuzzy`` allows near spellings when nothing matches better;
        ``"only"`` asks for near spellings alone.
        """
        if limit < 1:
            raise ValueError("limit must be at least 1")
        if context is None and fuzzy is False:  # the resolver's first look at every name it meets
            memo_key = (name, kind, limit)
            ranked = self._ranked_memo.get(memo_key)
            if ranked is None:
                if len(self._ranked_memo) >= 50_000:  # bounded, as the match memo is
                    self._ranked_memo.clear()
                ranked = self._ranked_memo[memo_key] = tuple(self._rank(name, None, kind, limit, fuzzy))
            return list(ranked)
        return self._rank(name, context, kind, limit, fuzzy)

    def _rank(self, name: str, context: Context | Area, kind: str | None, limit: int,
              fuzzy: bool | Literal["only"]) -> list[Candidate]:
        admin1s, points = self._context(context)
        scored = () if fuzzy == "only" else self._scored_matches(name, kind)
        if not scored and fuzzy != "only" and _GLUED_ARTICLE.match(name):
            # "Alwaer", "Elhos": the Arabic article written into the word ("al-Waer").
            scored = tuple((score, place, "variant", matched)
                           for score, place, _, matched in self._scored_matches(name[2:], kind))
        if not scored and fuzzy:
            scored = self._scored_fuzzy(name, kind, admin1s)
        if not scored:
            return []
        if admin1s or points:
            # A name spelled exactly as written inside the story's governorates is not outweighed by
            # a village it only normalises like, near another of the story's places ("Thiban" in a
            # round-up naming Deir ez-Zor is not Debbin by Homs).
            # Nor is a place of note spelled exactly as written ("Ghouta" in a story that names Homs is
            # the Eastern Ghouta, not the Homs quarter "Ghota").
            spelled_as_written = any(how in ("exact", "user") and (admin1s and place.admin1 in admin1s or is_notable(place))
                                     for _, place, how, _ in scored)
            # A hamlet that shares the name of a town of note in its own governorate is not pulled to the
            # top by the story's places nearby: "Afrin" beside Atarib is the town, not the Afrin hamlet
            # by Aleppo. (In another governorate it may be: nearness tells which of the two regions.)
            # Nor, anywhere, one that shares a governorate's name: "Hama 104, Homs 97, Damascus 24" is
            # the city, not the Hama hamlet by Damascus.
            unpulled_in = {place.admin1 for _, place, how, _ in scored  # governorates whose hamlets of the name stay put
                           if how in ("exact", "user") and is_notable(place) and place.kind in _TOWN_KINDS}
            if any(how in ("exact", "user") and place.kind == "admin1" for _, place, how, _ in scored):
                unpulled_in = {place.admin1 for _, place, _, _ in scored}
            scored = [(score + _context_bonus(place, admin1s, () if place.admin1 in unpulled_in and not is_notable(place) else points, kind)
                       - (_VARIANT_BESIDE_EXACT if spelled_as_written and how == "variant" and not is_notable(place) else 0.0),
                       place, how, matched) for score, place, how, matched in scored]
        best = heapq.nsmallest(limit, scored, key=_by_score_then_id) if limit < len(scored) else sorted(scored, key=_by_score_then_id)
        return [Candidate(place=place, score=round(max(0.0, min(score, _SCORE_CEILING)) / _SCORE_CEILING, 4),
                          match=how, matched_name=matched)  # type: ignore[arg-type]
                for score, place, how, matched in best]

    def _scored_matches(self, name: str, kind: str | None) -> tuple[_Scored, ...]:
        """Exact and variant matches of a name with their context-free scores, memoised: news
        repeats its place names, and the resolver asks for each twice."""
        memo_key = (name, kind)
        found = self._match_memo.get(memo_key)
        if found is not None:
            return found
        # Written with its article, a name is compared without it on both sides ("al-Midan" is spelled
        # as "Midan" is); written bare, as it is ("Qusayr" is not "Al Qusayr").
        written = fold(name)
        wanted = without_article(written)
        with_article = wanted != written
        matches: dict[str, tuple[str, str, float]] = {}  # id -> (match, matched name, ratio)
        for key in variants(name):
            for place_id in self._by_key.get(key, ()):
                if place_id in matches:
                    continue
                entry = self._entries[place_id]
                exact = any((without_article(f) if with_article else f) == wanted for f in map(fold, entry.names))
                how = "user" if entry.place.source == "user" else ("exact" if exact else "variant")
                matches[place_id] = (how, entry.place.name, 100.0)
        found = self._score(matches, kind)
        if len(self._match_memo) >= 50_000:  # bounded: an archive's vocabulary of names is large
            self._match_memo.clear()
        self._match_memo[memo_key] = found
        return found

    def _scored_fuzzy(self, name: str, kind: str | None, admin1s: set[str]) -> tuple[_Scored, ...]:
        return self._score(self._fuzzy(variants(name), admin1s), kind)

    def _score(self, matches: dict[str, tuple[str, str, float]], kind: str | None) -> tuple[_Scored, ...]:
        # A well-known place spelled exactly as written ("Iran") beats a village that merely
        # sounds alike ("Arran"), whatever the context says.
        famous_exact = [self._entries[pid].place for pid, (how, _, _) in matches.items()
                        if how in ("exact", "user") and self._entries[pid].place.importance >= NOTABLE_IMPORTANCE]
        # Likewise a country or world city beats a Syrian hamlet of the same name ("Qatar", a
        # village near Aleppo), even in a story about Aleppo.
        famous_abroad = any(p.admin1 is None and p.importance >= 0.5 for p in famous_exact)
        # And any city abroad spelled exactly as written beats a Syrian hamlet that only sounds
        # alike ("Gaza", not Al Qadi near Damascus), even in a story about Damascus.
        city_abroad = any(how in ("exact", "user") and self._entries[pid].place.admin1 is None
                          and self._entries[pid].place.kind == "city" for pid, (how, _, _) in matches.items())
        exact_kinds = {self._entries[pid].place.kind for pid, (how, _, _) in matches.items() if how in ("exact", "user")}
        scored = []
        for pid, (how, matched, ratio) in matches.items():
            place = self._entries[pid].place
            hamlet = place.admin1 is not None and place.importance <= 0.2
            # Unless the words ask for this one's kind and no exact match is of it ("the Maarat
            # al-Numan district" is the district, spelled a little apart from the town).
            asked_for = kind is not None and _same_kind(place.kind, kind) and not any(_same_kind(k, kind) for k in exact_kinds)
            demotion = 0.3 if how == "variant" and not asked_for and (famous_exact or (city_abroad and hamlet)) else 0.0
            if famous_abroad and hamlet:
                demotion = 0.5
            scored.append((_base_score(place, how, ratio, kind) - demotion, place, how, matched))
        return tuple(scored)

    @property
    def _by_skeleton(self) -> dict[str, list[str]]:
        """Keys by consonant skeleton: a loose candidate pool for near spellings."""
        if self._skeletons is None:
            self._load_fuzzy_index()
        return self._skeletons  # type: ignore[return-value]

    def _keys_in(self, admin1: str | None, query: str) -> list[str]:
        """Match keys of the entries inside one governorate (every key for None) long enough and
        short enough to score ``FUZZY_THRESHOLD`` against a query: a fuzzy search pool.

        A ratio of r% needs the two lengths within r/(200-r) of each other, so each pool is kept
        sorted by length and only that slice is searched (a third of it, for most names).
        """
        if self._keys_by_admin1 is None:
            self._load_fuzzy_index()
        keys, lengths = self._keys_by_admin1.get(admin1, ([], []))  # type: ignore[union-attr]
        slack = FUZZY_THRESHOLD / (200 - FUZZY_THRESHOLD)
        shortest, longest = len(query) * slack - 1e-9, len(query) / slack + 1e-9  # a ratio of exactly r% stays in
        return keys[bisect.bisect_left(lengths, shortest):bisect.bisect_right(lengths, longest)]

    def _load_fuzzy_index(self) -> None:
        """Build the near-spelling pools on the first fuzzy lookup (start-up stays fast), or read
        them from the user cache: building them costs a tenth of a second per process."""
        def build() -> tuple[dict[str, list[str]], dict[str | None, tuple[list[str], list[int]]]]:
            skeletons: dict[str, list[str]] = {}
            for key in self._by_key:
                skeletons.setdefault(skeleton(key), []).append(key)
            by_admin1: dict[str | None, dict[str, None]] = {None: dict.fromkeys(self._by_key)}
            for key, ids in self._by_key.items():
                for place_id in ids:
                    governorate = self._entries[place_id].place.admin1
                    if governorate:
                        by_admin1.setdefault(governorate, {})[key] = None
            pools = {a: sorted(keys, key=len) for a, keys in by_admin1.items()}
            return skeletons, {a: (keys, [len(k) for k in keys]) for a, keys in pools.items()}

        if _CACHEABLE_VERSION.fullmatch(self.version):
            index = startup_cache.cached(f"fuzzy-{self.version}-{_FUZZY_FORMAT}", build)
        else:
            index = build()
        self._skeletons, self._keys_by_admin1 = index

    def _fuzzy(self, query_keys: set[str], admin1s: set[str]) -> dict[str, tuple[str, str, float]]:
        """Near spellings: the same consonant skeleton, or a close edit of a key — searched among
        the context's governorates when there is one (a misspelling is trusted only nearby)."""
        found: dict[str, tuple[str, str, float]] = {}
        for query in query_keys:
            if len(query) < 5:  # short names are too easily confused to guess at
                continue
            hits = [(key, score, True) for key, score in self._close_keys(query, _SAME_SKELETON)]
            for admin1 in sorted(admin1s) or [None]:
                hits += [(key, score, False) for key, score in self._close_keys(query, admin1)]
            for key, score, same_skeleton in hits:
                if not _close_after_a_shared_head(query, key):
                    continue
                # Vowels are what transliterations disagree on most ("Mreiiyeh", "Mreiyeh"; "Hanida",
                # "Hunaydah"): with the consonants equal, a looser spelling is accepted, but only
                # inside the named governorates.
                loose = same_skeleton and admin1s and score >= SKELETON_THRESHOLD
                if score < FUZZY_THRESHOLD and not loose:
                    continue
                for place_id in self._by_key[key]:
                    if score < FUZZY_THRESHOLD and self._entries[place_id].place.admin1 not in admin1s:
                        continue
                    best = found.get(place_id)
                    if best is None or best[2] < score:
                        found[place_id] = ("fuzzy", self._entries[place_id].place.name, score)
        return found

    def _close_keys(self, query: str, pool: str | None) -> list[tuple[str, float]]:
        """The keys of one search pool closest to a query key: a governorate's keys, every key
        (None), or the keys with the query's consonant skeleton (``_SAME_SKELETON``). Memoised:
        unknown names recur across articles, and each pool is searched once per name."""
        memo_key = (query, pool)
        hits = self._fuzzy_memo.get(memo_key)
        if hits is None:
            if pool == _SAME_SKELETON:
                hits = [(key, fuzz.ratio(query, key)) for key in self._by_skeleton.get(skeleton(query), ())]
            else:
                hits = [(key, score) for key, score, _ in process.extract(
                    query, self._keys_in(pool, query), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=5)]
            if len(self._fuzzy_memo) >= 20_000:
                self._fuzzy_memo.clear()
            self._fuzzy_memo[memo_key] = hits
        return hits

    def area(self, context: Context) -> Area:
        """A context read once (governorate names looked up, places reduced to points), to pass
        as ``context`` to many lookups: an article's context is the same for all its names."""
        admin1s, points = self._context(context)
        return Area(frozenset(admin1s), tuple(points))

    def _context(self, context: Context | Area) -> tuple[set[str] | frozenset[str], Sequence[tuple[float, float]]]:
        if context is None:
            return set(), []
        if isinstance(context, Area):
            return context.admin1s, context.points
        items = [context] if isinstance(context, (str, Place)) or (
            isinstance(context, tuple) and len(context) == 2 and all(isinstance(v, (int, float)) for v in context)
        ) else list(context)
        admin1s: set[str] = set()
        points: list[tuple[float, float]] = []
        for item in items:
            if isinstance(item, Place):
                points.append((item.lat, item.lon))
                if item.kind == "admin1" and item.admin1:
                    admin1s.add(item.admin1)
            elif isinstance(item, tuple):
                points.append((float(item[0]), float(item[1])))
            elif isinstance(item, str) and item.strip():
                if item not in self._named_context:
                    found = self.lookup(item, fuzzy=False, limit=5)
                    governorates = {c.place.admin1 for c in found if c.place.kind == "admin1" and c.place.admin1}
                    point = None
                    if found and not governorates and found[0].place.kind not in AREA_KINDS:
                        point = (found[0].place.lat, found[0].place.lon)
                    self._named_context[item] = (frozenset(governorates), point)
                governorates, point = self._named_context[item]
                admin1s.update(governorates)
                if point is not None:
                    points.append(point)
        return admin1s, points


_Scored = tuple[float, Place, str, str]  # raw score, place, match, matched name
#: One word that starts with an Arabic article run into the name ("Alwaer", "Elsukkari").
_GLUED_ARTICLE = re.compile(r"[AaEe]l[^\W\d_]{3,}$")

#: The Place fields a gazetteer row stores, in order; a change here must change _STATE_FORMAT.
_PLACE_FIELDS = ("id", "name", "kind", "lat", "lon", "admin1", "admin2", "name_ar", "source", "importance", "country")
#: Version of the pickled index layouts (:meth:`Gazetteer._state`, the fuzzy pools).
_STATE_FORMAT = "s3"
#: The shape of the cached near-spelling pools (pools sorted by key length since f2).
_FUZZY_FORMAT = "f2"
#: Gazetteer versions that name a cache file (a built gazetteer's digest; not a user-merged one).
_CACHEABLE_VERSION = re.compile(r"[\w.-]{1,64}")


@dataclass(frozen=True, slots=True)
class Area:
    """A lookup context, read: the governorates and the points that pull candidates to them."""

    admin1s: frozenset[str] = frozenset()
    points: tuple[tuple[float, float], ...] = ()


def _same_kind(kind: str, asked: str) -> bool:
    """True when a place of ``kind`` is what a kind word asks for ("city" asks for a settlement,
    and a city abroad is one)."""
    return kind == asked or (kind in _TOWN_KINDS and asked in _TOWN_KINDS)


def _by_score_then_id(scored: _Scored) -> tuple[float, str]:
    return (-scored[0], scored[1].id)


def _base_score(place: Place, how: str, ratio: float, kind: str | None) -> float:
    """The raw score of a candidate before context: how well the name matches, the asked-for
    kind, and how important the place is."""
    score = _MATCH_SCORE.get(how, 0.6 * ratio / 100.0)
    if kind:
        if _same_kind(place.kind, kind) or (kind in _FACILITY_KINDS and place.kind in _FACILITY_KINDS):
            score += 0.3
        elif kind in _FACILITY_KINDS or place.kind in _FACILITY_KINDS:
            score -= 0.2
        elif kind in ("admin2", "admin3") and place.kind == "neighbourhood":
            score += 0.15  # a city's quarter is a "district" too: "the Hamidiya and Hader districts"
    else:
        score += _KIND_PRIOR.get(place.kind, 0.0)
    return score + 0.15 * place.importance


def _close_after_a_shared_head(query: str, key: str) -> bool:
    """False for near spellings that look close only through a first word both share ("Mazraat",
    "Tal", "Deir", however spelled): after it, the consonants ("w" for a long u too) must differ by
    at most one. Transliterations disagree on vowels, seldom on consonants: "Maaret al-Noaman" is
    Maarat al-Numan; "Mazraat al-Qubeir" is no Mazraat al-Qulayah 200 km off."""
    head, _, rest = query.partition(" ")
    key_head, _, key_rest = key.partition(" ")
    if not (rest and key_rest and _consonants(head) == _consonants(key_head)):
        return True
    return Levenshtein.distance(_consonants(rest), _consonants(key_rest)) <= 1


def _consonants(key: str) -> str:
    return skeleton(key).replace("w", "")


_UNIT_KINDS = frozenset({"admin2", "admin3"})


def _context_bonus(place: Place, admin1s: set[str] | frozenset[str], points: Sequence[tuple[float, float]],
                   kind: str | None = None) -> float:
    """What a context adds: inside a named governorate, near a named place or point. Not near, for
    a district or subdistrict the words do not ask for: its point is the middle of an area, not a
    place, and near a story's village it would beat the town the district is named after ("the
    outskirts of Manbij"); "Kafr Nabl in Maarat al-Numan district" asks for one."""
    bonus = 0.2 if admin1s and place.admin1 in admin1s else 0.0
    if place.kind in _UNIT_KINDS and place.kind != kind:
        return bonus
    nearest = NEAR_KM + 1.0
    for lat, lon in points:
        if abs(place.lat - lat) * _KM_PER_DEGREE_LAT <= NEAR_KM:  # cheap test before the haversine
            nearest = min(nearest, haversine_km(place.lat, place.lon, lat, lon))
    if nearest <= NEAR_KM:  # mostly a step: a few km more or less must not outweigh the kind
        bonus += 0.2 + 0.03 * (1.0 - nearest / NEAR_KM)
    return bonus


def _entry_from_record(record: dict[str, Any]) -> _Entry:
    kind = record["kind"]
    population = record.get("population")
    capital = record.get("capital")
    place = Place(
        id=record["id"],
        name=record["name"],
        kind=kind,
        lat=float(record["lat"]),
        lon=float(record["lon"]),
        admin1=record.get("admin1"),
        admin2=record.get("admin2"),
        name_ar=record.get("name_ar"),
        source=record.get("source", ""),
        importance=_importance(kind, population, capital),
        country="SY" if record.get("admin1") else (record.get("ext") or {}).get("country"),
    )
    return _Entry(place, tuple(record.get("names") or (record["name"],)), record.get("admin3"), population, capital)


# ---------------------------------------------------------------------- user places

USER_PLACE_COLUMNS = ("name", "lat", "lon", "kind", "aliases", "admin1")


def read_user_places(path: str | Path, *, on_error: Callable[[InputError], None] | None = None) -> Iterator[_Entry]:
    """Entries from a user CSV (``name, lat, lon[, kind, aliases, admin1]``; aliases ``|``-separated).

    A bad row is reported as ``FILE:LINE: what is wrong`` (to ``on_error``, else the log) and
    skipped; a file that cannot be read at all raises :class:`GazetteerError`.
    """
    report = on_error or (lambda err: log.warning("%s", err))
    path = Path(path)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read places file: {exc.strerror or exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("name", "lat", "lon") if c not in (reader.fieldnames or [])]
        if missing:
            raise GazetteerError(f"{path}:1: places file lacks column(s) {', '.join(missing)}; expected {', '.join(USER_PLACE_COLUMNS)}")
        for number, row in enumerate(reader, start=1):
            line = reader.line_num
            try:
                yield _user_entry(row, number)
            except (ValueError, TypeError) as exc:
                report(InputError(str(exc), path=str(path), line=line))


def _user_entry(row: dict[str, str | None], number: int) -> _Entry:
    name = (row.get("name") or "").strip()
    if not name or not normalize(name):
        raise ValueError("empty name")
    try:
        lat, lon = float(row.get("lat") or ""), float(row.get("lon") or "")
    except ValueError:
        raise ValueError(f"lat/lon must be numbers, got {row.get('lat')!r}, {row.get('lon')!r}") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    kind = (row.get("kind") or "settlement").strip().lower()
    if kind not in PLACE_KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(PLACE_KINDS)}")
    aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
    admin1 = (row.get("admin1") or "").strip() or None
    place = Place(id=f"user:{number}:{normalize(name).replace(' ', '-')}", name=name, kind=kind, lat=lat, lon=lon,
                  admin1=admin1, source="user", importance=0.5, country="SY" if admin1 else None)
    return _Entry(place, tuple([name, *aliases]), None, None, None)


def _file_digest(path: str | Path) -> str:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


@lru_cache(maxsize=1)
def _governorate_shapes() -> tuple[Any, list[str]]:
    import shapely
    from shapely.geometry import shape

    path = Path(str(resources.files(DATA_PACKAGE))) / "admin1.geojson"
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return shapely.STRtree([shape(f["geometry"]) for f in features]), [f["properties"]["name"] for f in features]


def admin1_at(lat: float, lon: float) -> str | None:
    """The governorate (canonical English name) containing a point, or None outside Syria.

    Used for places that come without one, such as fallback geocoder answers."""
    import shapely

    tree, names = _governorate_shapes()
    hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
    return names[int(min(hits))] if len(hits) else None


@lru_cache(maxsize=20_000)  # news names the same villages again and again
def km_outside(lat: float, lon: float, admin1: str) -> float:
    """How far a point lies outside a governorate (0.0 inside it; infinity for an unknown name)."""
    import shapely
    from shapely.ops import nearest_points

    tree, names = _governorate_shapes()
    if admin1 not in names:
        return float("inf")
    shape = tree.geometries[names.index(admin1)]
    point = shapely.Point(lon, lat)
    if shape.intersects(point):
        return 0.0
    nearest = nearest_points(shape, point)[0]
    return haversine_km(lat, lon, nearest.y, nearest.x)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return Gazetteer.load()


def load_gazetteer(places: str | Path | None = None, *, on_error: Callable[[InputError], None] | None = None) -> Gazetteer:
    """The packaged gazetteer, extended with a user places CSV when one is given.

    Without ``on_error`` the result is cached per file version, so the extraction pipeline and
    the resolver share one merged gazetteer.
    """
    if not places:
        return default_gazetteer()
    if on_error is not None:
        return default_gazetteer().with_user_places(places, on_error=on_error)
    stat = Path(places).stat()
    return _cached_user_gazetteer(str(Path(places).resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _cached_user_gazetteer(path: str, mtime_ns: int, size: int) -> Gazetteer:
    return default_gazetteer().with_user_places(path)


def lookup(name: str, *, context: Context = None, kind: str | None = None, limit: int = 10,
           places: str | Path | None = None) -> list[Candidate]:
    """Ranked gazetteer candidates for a name (see :meth:`Gazetteer.lookup`)."""
    return load_gazetteer(places).lookup(name, context=context, kind=kind, limit=limit)


__all__ = ["Gazetteer", "admin1_at", "default_gazetteer", "load_gazetteer", "lookup", "read_user_places", "haversine_km"]
