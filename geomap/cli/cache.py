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
    import platformdirs

    click.echo(platformdirs.user_cache_dir("geomap"))


@cache.command("clear")
def cache_clear() -> None:
    """Delete every cached geocoder answer and article result."""
    from ..batch import ResultCache
    from ..geocode import clear_cache

    answers = clear_cache()
    results = ResultCache().clear()
    click.echo(f"geomap: {answers} cached geocoder answer(s) and {results} article result(s) removed", err=True)
