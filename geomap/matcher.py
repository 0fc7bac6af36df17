"""``geomap_places``: a spaCy pipeline component that finds gazetteer names in a Doc.

Every token is normalised with the same function the gazetteer was built with
(:func:`geomap.names.word_key`). A name can only start at a capitalised token whose key opens
some gazetteer key (or at any token that opens a non-place name, "al-Qaeda"); from there it
grows token by token while the keys read so far are the start of a longer key, so most tokens
cost one set lookup. Every key found is a candidate span and the longest wins ("Abu al-Duhur
Airbase" is the air base, not the town plus a word). Names of armed groups and organisations
("Failaq al-Sham", "Jaish al-Ahrar") are matched too, labelled ``ORG``, so the places inside
them are dropped.

Spans go to ``doc.spans[spans_key]`` with label ``PLACE`` (or ``ORG``) and ``span.id_`` holding
the match key, which :meth:`geomap.gazetteer.Gazetteer.ids_for_key` turns into entries.

Settings (mirroring ``default_config``):

==================  =========  ==========================================================
setting             default    meaning
==================  =========  ==========================================================
spans_key           "places"   ``doc.spans`` key the spans are written to
gazetteer_dir       null       a built gazetteer directory; null: the packaged one
places_file         null       a user places CSV merged into the gazetteer
annotate_ents       false      also write PLACE spans to ``doc.ents`` (GPE label)
overwrite           false      replace existing ``doc.ents`` instead of keeping them
==================  =========  ==========================================================
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter, not_
from pathlib import Path
from typing import Any

import numpy
from spacy import attrs
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import startup_cache
from .dates import CLOCK_TIME, MONTHS, opens_with_its_date
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .names import ARABIC_PROCLITICS, ARTICLES, NORMALIZER_VERSION, fold, is_arabic, normalize, word_key

PLACE_LABEL = "PLACE"
#: A gazetteer name that is also a common English word; a place only in a place context.
WEAK_PLACE_LABEL = "WEAK_PLACE"
ORG_LABEL = "ORG"

#: Armed groups only Syria has, and whose names do not say "Syria": naming one says the story is
#: about Syria (see :mod:`geomap.pipeline`).
SYRIAN_GROUPS: tuple[str, ...] = (
    "Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "Tahrir al-Sham", "Ahrar al-Sham", "Failaq al-Sham",
    "Faylaq al-Sham", "Faylaq al-Rahman", "Jaish al-Ahrar", "Jaysh al-Ahrar", "Jaish al-Islam", "Jaysh al-Islam",
    "Jaish al-Nasr", "Jaish al-Nukhba", "Jaish al-Izza", "Jaysh al-Izza", "Jaish al-Fatah", "Jabhat al-Nusra",
    "Nusra Front", "Jabhat Fatah al-Sham", "Nour al-Din al-Zenki", "Nur al-Din al-Zinki", "Harakat Nour al-Din al-Zenki",
)
#: Armed groups, organisations and other proper names that contain place names but are not
#: places. Matched like gazetteer names; the longest match wins, so "Ahrar al-Sham" hides "Sham".
NOT_PLACES: tuple[str, ...] = (
    *SYRIAN_GROUPS, "Liwa al-Quds", "Liwa Fatemiyoun", "Turkistan Islamic Party", "Free Syrian Army", "Syrian Arab Army",
    "Syrian National Army", "National Liberation Front", "National Front for Liberation",
    "Syrian Democratic Forces", "People's Protection Units", "Islamic State", "Islamic State of Iraq and the Levant",
    "Islamic State of Iraq and Syria", "Islamic State of Iraq and al-Sham", "al-Qaeda", "Al Qaeda", "Hezbollah", "Hizbollah", "Tiger Forces",
    "White Helmets", "Syria Civil Defence", "Syrian Observatory for Human Rights", "Syrian Arab Red Crescent",
    "Red Crescent", "Astana talks", "Sochi agreement", "Global Research", "South Front", "Al Jazeera",
    "Al Arabiya", "Russia Today", "Syrian Arab News Agency", "Damascus University",
    "Hamas", "State Duma", "Enab Baladi", "Aleppo Media Center", "Raqqa is Being Slaughtered Silently",
    "Rudaw", "Middle East Eye", "North Press", "Syria Direct", "Asharq Al-Awsat", "Hawar News", "Daraa 24",
    "Suwayda 24", "Sweida 24", "Deir ez-Zor 24", "Autonomous Administration of North and East Syria", "AANES",
    "Asayish", "Quds Force", "Nowruz", "Newroz", "Al-Manar", "Al Manar", "Qasioun News", "Qasioun News Agency",
    "Shaam News", "Shaam News Network", "Russian Duma", "Zaman al-Wasl", "As-Safir", "Al-Safir", "Assafir",
    "Hawar Kilis", "Houthi", "Houthis", "TASS", "ISW", "Institute for the Study of War", "Critical Threats",
    # Factions of the Turkish-backed Syrian National Army named after sultans, regions and fronts
    "Sultan Murad", "Sultan Murad Division", "Sultan Murad Brigade", "Hamza Division", "al-Hamza Division",
    "Sultan Suleiman Shah Division", "Sultan Suleiman Shah Brigade", "Ahrar al-Sharqiya", "Jaysh al-Sharqiya",
    "Levant Front", "al-Jabha al-Shamiya", "Jabhat al-Shamiya", "Sham Legion", "Mutasim Division", "al-Mutasim Division",
    # The same in Arabic: the SDF, HTS, the FSA, the National Army, the Islamic State, Hezbollah, the
    # Autonomous Administration, the Syrian Observatory, the Civil Defence, the Red Crescent
    "قوات سوريا الديمقراطية", "هيئة تحرير الشام", "الجيش السوري الحر", "الجيش الوطني السوري", "تنظيم الدولة",
    "الدولة الإسلامية", "حزب الله", "الإدارة الذاتية", "المرصد السوري لحقوق الإنسان", "الدفاع المدني",
    "الهلال الأحمر",
)

#: First words of armed-group names: "Jaish X", "Liwa X", "Faylaq X" are groups, not places.
GROUP_HEADS = frozenset(
    normalize(w) for w in (
        "Jaish", "Jaysh", "Jeish", "Liwa", "Faylaq", "Failaq", "Harakat", "Harakat", "Jabhat", "Ahrar", "Kataib",
        "Katibat", "Saraya", "Ansar", "Hayat", "Hay'at", "Tajammu", "Firqat", "Quwat", "Alwiya", "Fawj",
    )
)

#: Token texts whose match keys are remembered (news repeats its words); the memo starts afresh when full.
MAX_CACHED_TOKENS = 200_000

_ORG_KEYS = frozenset(normalize(name) for name in NOT_PLACES) - {""}
#: The non-place names as written (folded), also without their Arabic article, which a match
#: starts after ("As-Safir" is matched from "Safir"): "Rudaw" is the outlet, though "Rodo", a
#: village's name, normalises like it.
_ORG_SPELLINGS = frozenset(spelling for name in NOT_PLACES
                           for spelling in (fold(name), fold(name).partition(" ")[2] if fold(name).split(" ")[0] in ARTICLES else ""))
_ORG_SPELLINGS -= {""}

#: By token text: its key, capitalised, opens a name, a name goes on across it, proclitic length.
_TokenInfo = tuple[str, bool, bool, bool, int]
_KEY, _CAPITALISED, _OPENS, _GLUED = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(4)  # fields read over every token, in C
#: The fewest words with a key a sentence in lower case must have for its names to be looked for.
_LOWER_CASE_MIN_WORDS = 3
#: Keyless tokens a name goes on across: hyphens, apostrophes and an editor's square brackets
#: ("Abu al-Duhur", "the [Hama] airport").
_NAME_JOINER = re.compile(r"[-‐‑–'’`ʿʾ\[\]]+")
#: What may come before a name's capital: an article glued by a hyphen, an ayn or hamza mark.
_BEFORE_A_CAPITAL = re.compile(r"(?:[ae]l[-‐‑])?['’‘ʿʾ`]?")
#: Lower-case words that may end a gazetteer name ("T4 airbase", "Yarmouk camp", "Damascus countryside",
#: "al-Omar oil field", "the Panorama roundabout", "Saqr island", "Um al-Zennar church").
_GENERIC_LAST_WORDS = frozenset({"airbase", "airport", "airfield", "base", "camp", "crossing", "dam", "countryside", "region",
                                 "field", "oilfield", "prison", "valley", "mountains", "market", "roundabout", "island",
                                 "church", "mosque", "mountain", "square", "tower", "bridge", "hill"})


def is_capitalised(text: str) -> bool:
    """True for a word written with a capital, in any alphabet ("Şanlıurfa", "Ömer"), or in Arabic
    script, which has none: "al-Bab", "'Atshan"."""
    first = text[_BEFORE_A_CAPITAL.match(text).end():][:1]  # type: ignore[union-attr]
    return "A" <= first <= "Z" or first.isupper() or "\u0600" <= first <= "\u06FF"


@Language.factory(
    "geomap_places",
    assigns=["doc.spans", "doc.ents"],
    default_config={
        "spans_key": "places",
        "gazetteer_dir": None,
        "places_file": None,
        "annotate_ents": False,
        "overwrite": False,
    },
)
def make_place_matcher(
    nlp: Language,
    name: str,
    spans_key: str,
    gazetteer_dir: str | None,
    places_file: str | None,
    annotate_ents: bool,
    overwrite: bool,
) -> PlaceMatcher:
    """Create the ``geomap_places`` component (settings: see the module docstring)."""
    if gazetteer_dir:
        gazetteer = Gazetteer.load(gazetteer_dir)
        if places_file:
            gazetteer = gazetteer.with_user_places(places_file)
    else:
        gazetteer = load_gazetteer(places_file) if places_file else default_gazetteer()
    return PlaceMatcher(nlp, name, gazetteer=gazetteer, spans_key=spans_key, annotate_ents=annotate_ents, overwrite=overwrite)


class PlaceMatcher:
    """Finds gazetteer names (and known non-place names) in a Doc, longest match first."""

    def __init__(
        self,
        nlp: Language,
        name: str = "geomap_places",
        *,
        gazetteer: Gazetteer,
        spans_key: str = "places",
        annotate_ents: bool = False,
        overwrite: bool = False,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.annotate_ents = annotate_ents
        self.overwrite = overwrite
        self.use_gazetteer(gazetteer)

    def use_gazetteer(self, gazetteer: Gazetteer) -> None:
        """Match the names of this gazetteer from now on (the key index is read on first use)."""
        self.gazetteer = gazetteer
        self._names_cache: _NameKeys | None = None
        # By the token text's hash: its key, whether it is capitalised, whether a name can start there.
        self._token_info: dict[int, _TokenInfo] = {}

    @property
    def _names(self) -> _NameKeys:
        if self._names_cache is None:
            self._names_cache = _cached_name_keys(self.gazetteer)
        return self._names_cache

    def __len__(self) -> int:
        return len(self._names.keys)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and normalize(key) in self._names.keys

    @property
    def labels(self) -> tuple[str, ...]:
        return (PLACE_LABEL, WEAK_PLACE_LABEL, ORG_LABEL)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def token_key(self, text: str) -> str:
        """The normal form of one token's text."""
        words = fold(text).split()
        if len(words) == 1:  # most tokens
            return word_key(words[0])
        return " ".join(k for k in map(word_key, words) if k)

    def match(self, doc: Doc) -> list[Span]:
        """Every gazetteer or non-place name in the Doc, overlaps resolved longest-first."""
        info = self._infos(doc)
        if any(map(_GLUED, info)):  # "ومعرة النعمان": "and" glued to Maarat al-Numan
            self._split_proclitics(doc, info)
            info = self._infos(doc)
        keys, prefixes = self._names.keys, self._names.prefixes
        count = len(info)
        spans: list[Span] = []
        openers = compress(range(count), map(_OPENS, info))  # in C: most tokens open no name
        lower_case = self._lower_case_openers(doc, info)
        if lower_case:
            openers = sorted({*openers, *lower_case})
        for first in openers:
            last, name = first, info[first][0]
            while True:
                if name in keys:
                    label = self._label(doc, first, last, name, capitalised=info[first][1] or first in lower_case,
                                        lower_case=first in lower_case)
                    if label:
                        spans.append(Span(doc, first, last + 1, label=label, span_id=name))
                if name not in prefixes:
                    break
                last += 1
                while last < count and info[last][3]:  # articles and hyphens have no key: "Abu al-Duhur"
                    last += 1
                if last == count or not info[last][0]:  # a full stop or a comma ends a name: "Syria. East"
                    break
                name = f"{name} {info[last][0]}"
        return filter_spans(spans)

    def _infos(self, doc: Doc) -> list[_TokenInfo]:
        """What :meth:`_learn` knows of each token. Token hashes come from one array: creating a
        Token object per token costs more than matching."""
        strings = doc.vocab.strings
        orths = doc.to_array(ORTH).tolist()
        info = list(map(self._token_info.get, orths))
        for i in compress(range(len(info)), map(not_, info)):  # the words not met before
            info[i] = self._token_info.get(orths[i]) or self._learn(orths[i], strings[orths[i]])
        return info

    def _learn(self, orth: int, text: str) -> _TokenInfo:
        """Remember a token text's key, whether it is capitalised, whether a name can start there
        (a capitalised token, or any that opens a non-place name, whose key opens some key),
        whether a name goes on across it (an article, a hyphen or a run of spaces, which have no
        key), and the length of an Arabic proclitic glued to a name (see :func:`_proclitic`)."""
        if len(self._token_info) >= MAX_CACHED_TOKENS:  # bounded: memory stays flat on an archive
            self._token_info.clear()
        key, capitalised = self.token_key(text), is_capitalised(text)
        opens = bool(key) and (capitalised or key in self._names.org_starts) and self._opens_a_name(key)
        bridge = not key and (text.lower() in ARTICLES or _NAME_JOINER.fullmatch(text) is not None
                              or (text.isspace() and "\n" not in text))
        # A frequent word that only reads as a proclitic glued to a name stays whole ("وزارة",
        # ministry, is no "و" and Zarah).
        glued = 0 if opens or not key or not is_arabic(text) or key in self.gazetteer.common_words else self._proclitic(text)
        info = self._token_info[orth] = (key, capitalised, opens, bridge, glued)
        return info

    def _opens_a_name(self, key: str) -> bool:
        return key in self._names.keys or key in self._names.prefixes

    def _proclitic(self, text: str) -> int:
        """The length of the Arabic conjunction or preposition glued to a word that opens a name
        ("و" and, "ب" in, "ل" to, "ف", "ك", and pairs of them: "وبإدلب"), 0 when there is none;
        a name that starts with such a letter ("وادي بردى") opens a name whole and never gets here,
        nor does a frequent word that only reads so (see :meth:`_learn`)."""
        for length in (2, 1):
            rest = text[length:]
            if text[:length] in ARABIC_PROCLITICS and len(rest) >= 2 and self._opens_a_name(self.token_key(rest)):
                return length
        return 0

    @staticmethod
    def _split_proclitics(doc: Doc, info: list[_TokenInfo]) -> None:
        """Split each glued proclitic off its name, so the name is a token of its own."""
        with doc.retokenize() as retokenizer:
            for i, token_info in enumerate(info):
                if token_info[4]:
                    token, length = doc[i], token_info[4]
                    retokenizer.split(token, [token.text[:length], token.text[length:]], heads=[(token, 1), (token, 1)])

    def _lower_case_openers(self, doc: Doc, info: list[_TokenInfo]) -> set[int]:
        """Where a name may start in a sentence written in lower case but for acronyms, where
        capitals say nothing ("06:10 daraa al-balad: heavy shelling", "yadudah: convoy hit by IED",
        an unedited channel's posts): every token whose key opens a name. Common English words among
        them stay weak (:meth:`_plausibility`)."""
        keyed = list(compress(range(len(info)), map(_KEY, info)))  # in C: the tokens that are words
        starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        capitals: list[int] | None = None
        found: set[int] = set()
        for start, end in zip(starts, starts[1:] + [len(info)]):
            at = bisect.bisect_left(keyed, start)  # the sentence's first word
            if at == len(keyed) or keyed[at] >= end or info[keyed[at]][1]:
                continue  # most sentences open with a capital
            words = keyed[at:bisect.bisect_left(keyed, end, at)]
            if len(words) < _LOWER_CASE_MIN_WORDS:
                continue
            if capitals is None:
                capitals = list(compress(range(len(info)), map(_CAPITALISED, info)))
            # Capitals only in acronyms after its lower-case opening ("yadudah: convoy hit by IED").
            inside = capitals[bisect.bisect_left(capitals, start):bisect.bisect_left(capitals, end)]
            if all(len(text := doc[i].text) <= 5 and text.isupper() for i in inside):
                found.update(i for i in words if self._opens_a_name(info[i][0]))
        return found

    def _label(self, doc: Doc, first: int, last: int, key: str, *, capitalised: bool, lower_case: bool = False) -> str:
        """The label of the name ``key`` found at tokens ``first``..``last``; "" when it is not one.
        ``lower_case``: in a sentence written all in lower case, where no capital is asked for."""
        if key in _ORG_KEYS:
            text = doc[first:last + 1].text
            # Unless spelled as a place and not as the name: "Gaza" normalises like "al-Qaeda",
            # "Rodo" like "Rudaw"; a hamlet's alternate name "Hamas" is still the group.
            if fold(text) in _ORG_SPELLINGS or not self.gazetteer.places_spelled(text):
                return ORG_LABEL
        if not capitalised:  # "the", "in": never a place name's start
            return ""
        return self._plausibility(doc, first, last, key, doc[first].text, doc[last].text, lower_case=lower_case)

    def _plausibility(self, doc: Doc, first: int, last: int, key: str, first_text: str, last_text: str, *,
                      lower_case: bool = False) -> str:
        """``PLACE``; ``WEAK_PLACE`` for a common English word that may be a place ("Hass"):
        kept only where a place context says so; "" when tokens ``first``..``last`` cannot be a name."""
        if not lower_case and not (is_capitalised(first_text)
                and (is_capitalised(last_text) or not last_text.isalpha() or is_arabic(last_text)
                     or (first != last and last_text in _GENERIC_LAST_WORDS))):
            return ""  # a name ends in a capitalised word, or a generic one: "the T4 airbase"
        if len(key) < 3 and not is_arabic(first_text) and len(doc[first:last + 1].text) < 4:  # "Foua" yes, "Mr" no
            return ""
        if first == last and (key in self.gazetteer.common_words or first_text.lower() in self.gazetteer.english_words):
            # A common English word is a place after an Arabic article ("al-Bab") or in a place context.
            before = doc[max(first - 2, 0):first]
            glued_article = len(before) == 2 and before[1].text in "-‐" and before[0].lower_ in ARTICLES
            spaced_article = len(before) >= 1 and before[-1].lower_ in ARTICLES and before[-1].lower_ not in ("an", "as", "at")
            return PLACE_LABEL if glued_article or spaced_article else WEAK_PLACE_LABEL
        return PLACE_LABEL

    def set_annotations(self, doc: Doc, spans: Iterable[Span]) -> None:
        """Write the spans to ``doc.spans`` (and to ``doc.ents`` when asked)."""
        spans = list(spans)
        doc.spans[self.spans_key] = spans
        if self.annotate_ents:
            places = [Span(doc, s.start, s.end, label="GPE", span_id=s.id_) for s in spans if s.label_ == PLACE_LABEL]
            if self.overwrite:
                doc.ents = places
            else:
                doc.ents = filter_spans(list(doc.ents) + places)

    # Serialisation: the patterns come from the gazetteer, so only the settings travel.
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PlaceMatcher:
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> PlaceMatcher:
        return self


@dataclass(frozen=True)
class _NameKeys:
    """What :meth:`PlaceMatcher.match` grows names against."""

    keys: frozenset[str]  # every gazetteer and non-place key
    prefixes: frozenset[str]  # the first words of a longer key: "abu", "abu duhur" (of "abu duhur airbase")
    org_starts: frozenset[str]  # the first words of a non-place key, or all of it: they may start lower-case


def _name_keys(keys: Iterable[str]) -> _NameKeys:
    all_keys = frozenset(keys) | _ORG_KEYS
    return _NameKeys(
        keys=all_keys,
        prefixes=frozenset(prefix for key in all_keys for prefix in _word_prefixes(key)),
        org_starts=frozenset(prefix for key in _ORG_KEYS for prefix in (*_word_prefixes(key), key)),
    )


def _word_prefixes(key: str) -> list[str]:
    """The keys a longer key starts with, word by word: "a b c" → ["a", "a b"]."""
    words = key.split(" ")
    return [" ".join(words[:n]) for n in range(1, len(words))]


def _cached_name_keys(gazetteer: Gazetteer) -> _NameKeys:
    """The gazetteer's key index, kept in the user cache (keyed by the gazetteer version and
    the normaliser)."""
    import hashlib

    def build() -> _NameKeys:
        return _name_keys(key for key, _ in gazetteer.keys())

    if not gazetteer.version:
        return build()
    stamp = hashlib.sha256(f"{gazetteer.version}|{NORMALIZER_VERSION}|{'|'.join(sorted(_ORG_KEYS))}".encode()).hexdigest()[:16]
    return startup_cache.cached(f"names-{stamp}", build)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character offsets (start, end) of a Doc's sentences, as :func:`split_sentences` set them."""
    if not len(doc):
        return []
    flags = doc.to_array([SENT_START, IDX])
    starts = numpy.flatnonzero(flags[:, 0] == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    offsets = flags[starts, 1].tolist()
    last = doc[-1]
    return list(zip(offsets, offsets[1:] + [last.idx + len(last.text_with_ws)]))  # not doc.text: built token by token


@Language.component("geomap_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Sentence ends for pipelines without a parser: after . ! ? (and any closing quotes or
    brackets), at a blank line, at a line break after a short unpunctuated line, and before a line
    that is a list item, a table's row, an item opened by a clock time or a chronology's entry.

    Headlines, bylines and datelines carry no final period; without the line rule a header date
    ("Idlib Daily, 12 March 2019") would date the first sentence of the body. Works on token
    arrays: spaCy's own sentencizer creates a Python object per token, which costs more than
    the whole gazetteer match.
    """
    n = len(doc)
    if n == 0:
        return doc
    orths, space = doc.to_array([ORTH, IS_SPACE]).T  # IS_SPACE: the token is whitespace (a line break, say)
    orths = orths.tolist()
    # A sentence starts at the first token after a final mark that can open one. Few tokens are
    # final marks, so only the tokens after them are looked at: attribute arrays of every token
    # cost more than the whole rule. Consecutive marks ("?!", ". …") share the token found.
    starts = {0}
    opener = 0
    for final in compress(range(n), map(_FINAL_PUNCT_HASHES.__contains__, orths)):
        if opener <= final:
            opener = final + 1
            while opener < n and not _opens_sentence(doc, opener):
                opener += 1
        if opener < n:
            starts.add(opener)
    # Line breaks are whitespace tokens (spaCy keeps only single spaces as trailing whitespace);
    # token texts come from the string store: a Token object per token costs more.
    breaks = numpy.flatnonzero(space).tolist()
    if breaks:
        spaces = space.tolist()
        strings = doc.vocab.strings
        # A table's cells are parted by "|" or tabs: most texts have neither, and their lines are not read for them.
        cells = _PIPE_HASH in orths or any("\t" in strings[orths[i]] for i in breaks)
        line_start = 0
        for i in breaks:
            newline = strings[orths[i]]
            if "\n" not in newline:
                continue
            following = i + 1
            while following < n and spaces[following]:
                following += 1
            if following >= n or i == 0:
                line_start = following
                continue
            last = strings[orths[i - 1]]
            line_length = doc[i].idx - doc[line_start].idx
            blank_line = newline.count("\n") >= 2
            first = strings[orths[following]]
            header_line = line_length < 80 and not last.endswith((".", ",", ";", ":")) and first[:1].isupper()
            list_item = first in LIST_BULLETS or (first.isdigit() and len(first) <= 3 and following + 1 < n
                                              and strings[orths[following + 1]] in (".", ")"))
            timed = _CLOCK.fullmatch(first) is not None or (first == "[" and following + 1 < n
                                                            and _CLOCK.fullmatch(strings[orths[following + 1]]) is not None)
            # A chronology's entry, its date and a dash or colon opening the line ("2018-01-21 – Rajo – …").
            dated = (first[:1].isdigit() or first.lower() in MONTHS) and opens_with_its_date(doc[following:following + 12].text)
            if blank_line or header_line or list_item or timed or dated or cells and _table_row(orths, spaces, strings, following):
                starts.add(following)
            line_start = following
    flags = numpy.full(n, -1, dtype=numpy.int64)
    flags[sorted(starts)] = 1
    doc.from_array([SENT_START], flags.view(numpy.uint64).reshape(-1, 1))
    return doc


#: A clock time opening a line: a live blog's or an alert channel's item ("08:58 Jableh: explosions",
#: "[11:05] Gunmen shot …"), a sentence of its own even without a capital or a full stop before it.
_CLOCK = re.compile(CLOCK_TIME)
#: The most tokens of a line looked at for a table's column marks.
_ROW_TOKENS = 80


def _table_row(orths: list[int], spaces: list[int], strings: StringStore, first: int) -> bool:
    """True when the line starting at token ``first`` is a table's row, its cells parted by "|"
    or tabs ("03/10/2019 | Kafr Rouma village | Idlib | 5"): each row is a sentence, with its own date."""
    marks = 0
    for i in range(first, min(first + _ROW_TOKENS, len(orths))):
        text = strings[orths[i]]
        if spaces[i] and "\n" in text:
            break
        marks += text == "|" or (spaces[i] and "\t" in text)
        if marks >= 2:
            return True
    return False


def _opens_sentence(doc: Doc, i: int) -> bool:
    """A word, or an opening bracket or quote after a space: a quote glued to the period closes
    the sentence before it instead."""
    token = doc[i]
    return not token.is_punct or (token.is_left_punct and i > 0 and bool(doc[i - 1].whitespace_))


#: Lexeme attributes nothing in geomap's blank pipeline reads (see :func:`make_pipeline`).
_UNUSED_LEXEME_ATTRS = tuple(attrs.IDS[name] for name in (
    "SHAPE", "PREFIX", "SUFFIX", "LIKE_URL", "LIKE_EMAIL", "LIKE_NUM", "IS_CURRENCY", "IS_BRACKET", "IS_QUOTE",
    "IS_RIGHT_PUNCT", "IS_ASCII", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER", "LANG"))

#: Marks that open a list's item on its line: each item is a sentence of its own ("1. Fatima, 34
#: (Maarzita) – barrel bomb", "• Kafr Zita: airstrikes").
LIST_BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪", "●", "◦", "‣"})

_PIPE_HASH = hash_string("|")
_FINAL_PUNCT_HASHES = frozenset(hash_string(p) for p in (".", "!", "?", "…", "...", "؟", "。", "!!", "??", "?!"))


def _guarded(search: Callable[[str], Any], cannot_match: Callable[[str], bool], no_match: Any = None) -> Callable[[str], Any]:
    """One of the tokenizer's affix searches behind a quick test that answers "no match" for the
    commonest case, a plain word. English's suffix and infix expressions are long alternations
    that ``re`` tries at every character, a third of all tokenising on fresh news; a word ending
    in a letter can only have the suffixes "'s" and units after digits, and a word of letters only
    has no infix. ``no_match`` is what the search returns when nothing matches (None, or () for
    finditer). A closure, not an object with ``__call__``: the tokenizer calls it for every new
    word, and a word of letters (no affix of any kind) is answered without calling the test. Its
    ``__self__`` is the wrapped expression, which is what spaCy serialises.
    """
    def guarded_search(text: str) -> Any:
        return no_match if text.isalpha() or cannot_match(text) else search(text)

    guarded_search.__self__ = search.__self__  # type: ignore[attr-defined]
    return guarded_search


_POSSESSIVE_ENDINGS = ("'s", "'S", "’s", "’S")
_CURRENCY_STARTS = ("US$", "C$", "A$")
_DIGIT = re.compile(r"[0-9]")


def _no_english_prefix(text: str) -> bool:
    return text[:1].isalpha() and not text.startswith(_CURRENCY_STARTS)


def _no_english_suffix(text: str) -> bool:
    return text[-1:].isalpha() and not text.endswith(_POSSESSIVE_ENDINGS) and _DIGIT.search(text) is None


def _speed_up_english_affixes(nlp: Language) -> None:
    """Guard the blank English tokenizer's affix searches (see :func:`_guarded`);
    the tokens stay exactly spaCy's."""
    tokenizer = nlp.tokenizer
    tokenizer.prefix_search = _guarded(tokenizer.prefix_search, _no_english_prefix)
    tokenizer.suffix_search = _guarded(tokenizer.suffix_search, _no_english_suffix)
    tokenizer.infix_finditer = _guarded(tokenizer.infix_finditer, str.isalpha, ())


#: Arabic words written with an apostrophe before a final "s", which the English tokenizer would
#: split off as a possessive: "ra's" (head, cape) opens names such as Ra's al-'Ayn and Ra's al-Basit.
_ARABIC_HEADS_WITH_S = tuple(f"{head}{mark}s" for head in ("Ra", "ra", "RA") for mark in ("'", "’", "ʼ"))


def make_pipeline(*, model: str | None = None, places_file: str | None = None, gazetteer_dir: str | None = None) -> Language:
    """The extraction pipeline: ``spacy.blank("en")`` (or a named trained pipeline), a
    sentence splitter unless the model parses, and ``geomap_places``."""
    import spacy

    nlp = spacy.load(model) if model else spacy.blank("en")
    if not model:  # no parser or tagger to run out of memory: take what the reader passes (5 MB cap)
        nlp.max_length = max(nlp.max_length, 10_000_000)
        # Every word spaCy has not seen gets a lexeme whose attributes are computed in Python; on
        # fresh news most words are new, and word shape, URL and number tests cost as much as the
        # rest of tokenising. Nothing in a blank pipeline reads them (a trained one keeps them all).
        for attr in _UNUSED_LEXEME_ATTRS:
            nlp.vocab.lex_attr_getters.pop(attr, None)
        _speed_up_english_affixes(nlp)
        for spelling in _ARABIC_HEADS_WITH_S:  # "Ra's al-'Ayn" is one name, not "Ra" and a possessive
            nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling}])
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("geomap_sentences")
    nlp.add_pipe("geomap_places", config={"places_file": places_file, "gazetteer_dir": gazetteer_dir})
    return nlp
