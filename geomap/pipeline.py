"""The extraction pipeline: articles → mentions → resolved places → dated, typed events.

:class:`Extractor` holds what is expensive to build (the spaCy pipeline with the gazetteer
matcher, the resolver) and runs each article through the stages in order. The CLI and the
notebook API (:func:`extract`) are thin layers over it.
"""

from __future__ import annotations

import gc
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .errors import InputError
from .events import make_events
from .gazetteer import Gazetteer, load_gazetteer
from .matcher import SYRIAN_GROUPS, make_pipeline, sentence_bounds
from .mentions import find_mentions, merge_entity_mentions
from .model import Article, Event
from .read import dateline_spans, find_published_date, read_articles, report_date_spans
from .resolve import GeocodeFn, ResolveReport, Resolver

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger("geomap")

#: spaCy interns every new word for the life of a pipeline, so memory would grow with an archive's
#: vocabulary; past this many strings the pipeline is rebuilt (about 0.2 s, every few hundred MB of
#: news). spaCy's own ``memory_zone`` frees them too, but disables the tokenizer cache: 2.4x slower.
MAX_PIPELINE_STRINGS = 200_000

_GROUP_WORDS = [re.split(r"[\s\-‐]+", name) for name in SYRIAN_GROUPS]
#: "Syria", "Syrian(s)", the Arabic stem, or an armed group only Syria has (by name, written with
#: spaces or hyphens, or by acronym): the article is about Syria.
_SYRIA = re.compile(
    r"\bSYRIA|\bSyria|سوري|\b(?:HTS|SDF|YPG|FSA)\b|(?i:\b(?:"
    + "|".join(r"[\s\-‐]+".join(map(re.escape, words)) for words in _GROUP_WORDS)
    + r")\b)"
)
#: Strings one of which every match of ``_SYRIA`` contains, lower-cased (each group by its longest
#: word): most world news has none, and looking for them is ten times cheaper than the expression.
_SYRIA_CLUES = ("syria", "سوري", "hts", "sdf", "ypg", "fsa", *sorted({max(words, key=len).lower() for words in _GROUP_WORDS}))


def names_syria(text: str) -> bool:
    """True when a text says "Syria" or names an armed group only Syria has."""
    lowered = text.lower()
    return any(clue in lowered for clue in _SYRIA_CLUES) and _SYRIA.search(text) is not None

#: What :func:`extract` accepts: article text, an Article, a path, or an iterable of those.
Source = Union[str, Article, os.PathLike, Iterable[Union[str, Article, os.PathLike]]]


@dataclass
class RunReport:
    """Counts and problems of one run, for the summary a user reads."""

    articles: int = 0
    events: int = 0
    mentions: int = 0
    skipped: list[InputError] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    #: Articles whose events came from the result cache instead of being extracted again.
    cached: int = 0


class Extractor:
    """Runs articles through mention finding, resolution, dating and typing."""

    def __init__(self, *, places: str | Path | None = None, geocode: GeocodeFn | None = None,
                 model: str | None = None, gazetteer: Gazetteer | None = None,
                 on_error: Callable[[InputError], None] | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer(places, on_error=on_error)
        self.model = model
        self.nlp = self._pipeline()
        self.resolver = Resolver(self.gazetteer, geocode)
        self.report = RunReport()
        _freeze_what_lives()

    def events(self, article: Article) -> list[Event]:
        """The events and mentions of one article, in text order."""
        doc = self.nlp(article.text)
        mentions = find_mentions(doc, article, self.gazetteer, datelines=dateline_spans(article.text))
        if doc.ents:  # a trained pipeline named with --model adds its GPE/LOC/FAC entities
            mentions = merge_entity_mentions(doc, article, mentions)
        resolve_report = ResolveReport()
        resolved = self.resolver.resolve(mentions, resolve_report, names_syria=names_syria(article.text))
        events = make_events(article, resolved, date_lines=report_date_spans(article.text, article.published),
                             sentences=sentence_bounds(doc))
        self.report.articles += 1
        self.report.events += sum(e.role == "event" for e in events)
        self.report.mentions += sum(e.role == "mention" for e in events)
        self.report.unresolved.extend(resolve_report.unresolved)
        if len(self.nlp.vocab.strings) > MAX_PIPELINE_STRINGS:
            self.nlp = self._pipeline()  # spaCy keeps every string it has seen: start afresh
            _freeze_what_lives()  # the new pipeline lives as long as the old one did
        return events

    def _pipeline(self) -> Language:
        nlp = make_pipeline(model=self.model)
        nlp.get_pipe("geomap_places").use_gazetteer(self.gazetteer)
        return nlp

    def run(self, articles: Iterable[Article]) -> Iterator[Event]:
        """Events of many articles, article by article (streaming)."""
        for article in articles:
            yield from self.events(article)


def _freeze_what_lives() -> None:
    """Collect garbage, then freeze what is left (modules, the gazetteer, the pipeline) out of the
    garbage collector's sight. It lives as long as the extractor, yet every full collection would
    walk it again: 45 ms each, a fifth of the time of a 0.25 MB run. Frozen objects are still
    freed when nothing refers to them any more (a replaced pipeline is)."""
    gc.collect()
    gc.freeze()


def extract(
    source: Source,
    *,
    places: str | Path | None = None,
    geocode: GeocodeFn | None = None,
    model: str | None = None,
    published=None,  # noqa: ANN001 - datetime.date | None
    on_error: Callable[[InputError], None] | None = None,
) -> list[Event]:
    """Events (and background mentions) found in article text, Articles or files.

    >>> events = extract("Air strikes hit Saraqib in Idlib province on 3 May 2019.")
    """
    extractor = Extractor(places=places, geocode=geocode, model=model, on_error=on_error)
    return list(extractor.run(as_articles(source, published=published, on_error=on_error)))


def as_articles(source: Source, *, published=None, on_error=None) -> Iterator[Article]:  # noqa: ANN001
    """Articles from text, Articles, paths or a mix of them."""
    items = [source] if isinstance(source, (str, Article, os.PathLike)) else source
    paths: list[os.PathLike] = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, Article):
            yield item
        elif isinstance(item, os.PathLike):
            paths.append(item)
        elif isinstance(item, str):
            yield Article(id=f"text-{number}", text=item, published=published or find_published_date(item))
        else:
            raise TypeError(f"cannot read articles from {type(item).__name__}")
    if paths:
        yield from read_articles(paths, published=published, on_error=on_error)
