"""``geomap lookup``: ranked gazetteer candidates for a place name."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..gazetteer import load_gazetteer
from . import cli
from .options import ErrorCollector, fail_on_library_errors, places_option

COLUMNS = ("name", "kind", "admin1", "lat", "lon", "id", "source", "score")


@cli.command()
@click.argument("name")
@click.option("--near", metavar="PLACE", help="A governorate or place that the answer should be in or near.")
@click.option("--kind", metavar="KIND", help="Prefer this kind (settlement, airbase, admin1, ...).")
@click.option("-n", "--limit", default=5, show_default=True, type=click.IntRange(min=1), help="How many candidates.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
@places_option
@fail_on_library_errors
def lookup(name: str, near: str | None, kind: str | None, limit: int, as_json: bool, places: Path | None) -> None:
    """Find NAME in the gazetteer, however it is spelled.

    \b
    Example:
      geomap lookup "Abul Thohur"
      geomap lookup Zarzur --near Idlib --json
    """
    gazetteer = load_gazetteer(places, on_error=ErrorCollector()) if places else load_gazetteer()
    candidates = gazetteer.lookup(name, context=near, kind=kind, limit=limit)
    if not candidates:
        raise click.ClickException(f"no place called {name!r} in the gazetteer (add it with --places FILE)")
    rows = [
        {"name": c.place.name, "kind": c.place.kind, "admin1": c.place.admin1, "lat": c.place.lat, "lon": c.place.lon,
         "id": c.place.id, "source": c.place.source, "score": c.score, "match": c.match, "name_ar": c.place.name_ar}
        for c in candidates
    ]
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    table = [[str(row[c] if row[c] is not None else "") for c in COLUMNS] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in table)) for i, c in enumerate(COLUMNS)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths)))
    for r in table:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)))
