"""``geomap extract``: located, dated events from articles, as JSONL, GeoJSON or CSV."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..export import FORMATS, format_for_path, write_events
from . import cli
from .options import ErrorCollector, extraction_options, fail_on_library_errors
from .run import run_extraction


@cli.command()
@extraction_options
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default=None,
              help="Output format (default: from the -o file name, else jsonl).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              help="Output file (default: standard output).")
@click.option("--events-only", is_flag=True, help="Leave out background mentions (role 'mention').")
@fail_on_library_errors
def extract(inputs: tuple[str, ...], places: Path | None, published: dt.date | None, model: str | None,
            geocoder: str | None, user_agent: str | None, geocoder_options: tuple[str, ...], config_file: Path | None,
            offline: bool, strict: bool, quiet: bool, jobs: int | None, no_cache: bool, fmt: str | None, output: Path | None, events_only: bool) -> None:
    """Extract located, dated events from articles.

    INPUT is a .txt/.md/.html file, a .jsonl or .csv file with one article per row
    (id, text, title, published, url/source), a directory (read recursively), or - for
    standard input. Events are written in text order per article, one record per line in JSONL.

    \b
    Example:
      geomap extract examples/ --offline -o events.jsonl
      geomap extract news.csv --format geojson -o events.geojson
    """
    errors = ErrorCollector()
    result = run_extraction(inputs, places=places, published=published, model=model, geocoder=geocoder,
                            user_agent=user_agent, geocoder_options=geocoder_options, config_file=config_file,
                            offline=offline, on_error=errors, quiet=quiet,
                            jobs=jobs, no_cache=no_cache)
    events = (e for e in result.events if e.role == "event") if events_only else result.events
    fmt = (fmt or format_for_path(output)).lower()
    write_events(events, output, fmt, stdout=sys.stdout)
    if not quiet:
        result.print_summary()
    if strict and errors.errors:
        raise click.ClickException(f"{len(errors.errors)} input(s) skipped (--strict)")
