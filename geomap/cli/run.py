"""The extraction run behind ``extract`` and ``build``: articles in, events and a report out."""

from __future__ import annotations

import collections
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from ..batch import ExtractionSettings, ResultCache, extract_articles
from ..errors import InputError
from ..model import Event
from ..pipeline import RunReport
from ..read import read_articles
from .options import geocoder_settings_from_options


@dataclass
class ExtractionResult:
    """A run's events (a stream: consumed once, article by article) and the counts a user
    reads in the summary, complete once the stream is consumed."""

    events: Iterator[Event]
    report: RunReport

    def print_summary(self) -> None:
        """Articles read, events mapped, mentions not mapped, names not resolved (most frequent first)."""
        report = self.report
        cached = f" ({report.cached} from cache)" if report.cached else ""
        click.echo(
            f"geomap: {report.articles} article(s) read{cached}, {report.events} event(s), "
            f"{report.mentions} background mention(s) not mapped, {len(report.skipped)} input(s) skipped",
            err=True,
        )
        if report.unresolved:
            common = collections.Counter(report.unresolved).most_common(15)
            names = ", ".join(f"{name} ({n})" if n > 1 else name for name, n in common)
            click.echo(f"geomap: not resolved (add them with --places FILE): {names}", err=True)


def run_extraction(
    inputs: tuple[str, ...], *, places: Path | None, published: dt.date | None, model: str | None,
    geocoder: str | None, user_agent: str | None, geocoder_options: tuple[str, ...], config_file: Path | None,
    offline: bool, on_error: Callable[[InputError], None], quiet: bool, jobs: int | None, no_cache: bool,
) -> ExtractionResult:
    """Read the inputs, extract events, and report what was skipped or not resolved."""
    report = RunReport()

    def skip(error: InputError) -> None:
        report.skipped.append(error)
        on_error(error)

    if places is not None:  # bad rows of the places file are reported once, here
        from ..gazetteer import load_gazetteer

        load_gazetteer(places, on_error=skip)
    settings = ExtractionSettings(
        places=str(places) if places else None,
        model=model,
        geocoder=geocoder_settings_from_options(geocoder=geocoder, user_agent=user_agent, geocoder_options=geocoder_options,
                                                config_file=config_file, offline=offline),
    )
    articles = read_articles(inputs, published=published, on_error=skip)
    results = extract_articles(articles, settings, jobs=jobs, cache=None if no_cache else ResultCache(), report=report)

    def stream() -> Iterator[Event]:
        with click.progressbar(results, label="articles", file=sys.stderr, hidden=quiet or not sys.stderr.isatty()) as bar:
            for article_events in bar:
                yield from article_events

    return ExtractionResult(stream(), report)
