"""The extraction run behind ``extract`` and ``build``: articles in, events and a report out."""

from __future__ import annotations

import collections
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from ..errors import InputError
from ..model import Event
from ..pipeline import Extractor, RunReport
from ..read import read_articles
from .options import geocoder_from_options


@dataclass
class ExtractionResult:
    """Events of a run and the counts a user reads in the summary."""

    events: list[Event]
    report: RunReport
    skipped: list[InputError]

    def print_summary(self) -> None:
        """Articles read, events mapped, mentions not mapped, names not resolved (most frequent first)."""
        report = self.report
        click.echo(
            f"geomap: {report.articles} article(s) read, {report.events} event(s), "
            f"{report.mentions} background mention(s) not mapped, {len(self.skipped)} input(s) skipped",
            err=True,
        )
        if report.unresolved:
            common = collections.Counter(report.unresolved).most_common(15)
            names = ", ".join(f"{name} ({n})" if n > 1 else name for name, n in common)
            click.echo(f"geomap: not resolved (add them with --places FILE): {names}", err=True)


def run_extraction(
    inputs: tuple[str, ...], *, places: Path | None, published: dt.date | None, model: str | None,
    geocoder: str | None, user_agent: str | None, geocoder_options: tuple[str, ...], config_file: Path | None,
    offline: bool, on_error: Callable[[InputError], None], quiet: bool,
) -> ExtractionResult:
    """Read the inputs, extract events, and report what was skipped or not resolved."""
    geocode = geocoder_from_options(geocoder=geocoder, user_agent=user_agent, geocoder_options=geocoder_options,
                                    config_file=config_file, offline=offline)
    skipped: list[InputError] = []

    def collect(error: InputError) -> None:
        skipped.append(error)
        on_error(error)

    extractor = Extractor(places=places, geocode=geocode, model=model, on_error=collect)
    articles = read_articles(inputs, published=published, on_error=collect)
    show_progress = not quiet and sys.stderr.isatty()
    events: list[Event] = []
    with click.progressbar(articles, label="articles", file=sys.stderr, hidden=not show_progress) as bar:
        for article in bar:
            events.extend(extractor.events(article))
    return ExtractionResult(events, extractor.report, skipped)
