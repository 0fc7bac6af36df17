"""``geomap cache``: where the caches live, and clearing them."""

from __future__ import annotations

import click

from . import cli


@cli.group()
def cache() -> None:
    """Inspect or clear geomap's on-disk caches (geocoder answers, per-article results)."""


@cache.command("dir")
def cache_dir() -> None:
    """Print the cache directory."""
    from ..startup_cache import cache_dir as directory

    click.echo(directory())


@cache.command("clear")
def cache_clear() -> None:
    """Delete every cached geocoder answer, article result and start-up index."""
    from .. import startup_cache
    from ..batch import ResultCache
    from ..geocode import clear_cache

    answers = clear_cache()
    results = ResultCache().clear()
    indexes = startup_cache.clear()
    click.echo(f"geomap: {answers} cached geocoder answer(s), {results} article result(s) and "
               f"{indexes} start-up index file(s) (gazetteer, matcher keys, fuzzy pools) removed", err=True)
