"""``geomap build``: a standalone HTML map of the events in articles, plus exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..export import write_events
from ..model import EVENT_TYPES, Event
from . import cli
from .options import ErrorCollector, date_option, extraction_options, fail_on_library_errors
from .run import run_extraction


def _parse_types(ctx: click.Context, param: click.Parameter, value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    types = frozenset(t.strip().lower() for t in value.split(",") if t.strip())
    unknown = sorted(types - set(EVENT_TYPES))
    if unknown:
        raise click.BadParameter(f"unknown event type(s) {', '.join(unknown)}; choose from {', '.join(EVENT_TYPES)}")
    return types


def select_events(events: list[Event], *, start: dt.date | None, end: dt.date | None,
                  types: frozenset[str] | None) -> list[Event]:
    """The events a map shows: role ``event``, within the date range and types asked for.

    Undated events are kept unless a date range is given.
    """
    chosen = []
    for event in events:
        if event.role != "event" or (types and event.event_type not in types):
            continue
        if start or end:
            if event.date is None:
                continue
            day = dt.date.fromisoformat(event.date)
            if (start and day < start) or (end and day > end):
                continue
        chosen.append(event)
    return chosen


@cli.command()
@extraction_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("map.html"),
              show_default=True, help="The HTML map to write.")
@click.option("--title", help="Title shown on the map and as the page title.")
@date_option("--from", "Only events on or after this date (YYYY-MM-DD).")
@date_option("--to", "Only events on or before this date (YYYY-MM-DD).")
@click.option("--types", callback=_parse_types, metavar="T,...", help=f"Only these event types ({', '.join(EVENT_TYPES)}).")
@click.option("--geojson", type=click.Path(dir_okay=False, path_type=Path), help="Also write the events as GeoJSON.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the events as CSV.")
@click.option("--gpkg", type=click.Path(dir_okay=False, path_type=Path), help="Also write the events as a GeoPackage.")
@click.option("--parquet", type=click.Path(dir_okay=False, path_type=Path), help="Also write the events as GeoParquet.")
@click.option("--cdn", is_flag=True, help="Link JavaScript/CSS from CDNs (smaller file, needs a network to open).")
@fail_on_library_errors
def build(inputs: tuple[str, ...], places: Path | None, published: dt.date | None, model: str | None,
          geocoder: str | None, user_agent: str | None, geocoder_options: tuple[str, ...], config_file: Path | None,
          offline: bool, strict: bool, quiet: bool, jobs: int | None, no_cache: bool, output: Path, title: str | None, types: frozenset[str] | None,
          geojson: Path | None, csv_path: Path | None, gpkg: Path | None, parquet: Path | None, cdn: bool, **dates: dt.date | None) -> None:
    """Build a standalone HTML map of the events in articles.

    Reads INPUT... as `geomap extract` does, writes the map (all JavaScript and CSS inline, so it
    opens with no network; tiles aside) and any exports, and prints a summary: articles read,
    events mapped, mentions not mapped, names not resolved (add those with --places).
    With --offline there is no tile layer: governorate outlines are the basemap.

    \b
    Example:
      geomap build examples/ -o map.html
      geomap build news/ -o idlib.html --from 2019-04-01 --to 2019-06-30 --types airstrike,shelling
      geomap build news.jsonl --offline --geojson events.geojson --csv events.csv
    """
    from ..mapping import event_map, save_map

    errors = ErrorCollector()
    result = run_extraction(inputs, places=places, published=published, model=model, geocoder=geocoder,
                            user_agent=user_agent, geocoder_options=geocoder_options, config_file=config_file,
                            offline=offline, on_error=errors, quiet=quiet,
                            jobs=jobs, no_cache=no_cache)
    events = list(result.events)
    shown = select_events(events, start=dates.get("from"), end=dates.get("to"), types=types)
    for path, fmt in ((geojson, "geojson"), (csv_path, "csv"), (gpkg, "gpkg"), (parquet, "parquet")):
        if path is not None:
            write_events(events, path, fmt)
    save_map(event_map(shown, title=title, tiles=not offline), output, inline_assets=not cdn)
    if not quiet:
        result.print_summary()
        click.echo(f"geomap: {len(shown)} event(s) on the map: {output}", err=True)
    if not shown:
        raise click.ClickException("no events could be mapped")
    if strict and errors.errors:
        raise click.ClickException(f"{len(errors.errors)} input(s) skipped (--strict)")
