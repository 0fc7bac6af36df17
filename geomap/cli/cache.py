"""``geomap cache``: where the caches live, and clearing them."""

from __future__ import annotations

from pathlib import Path

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
    """Delete every cached geocoder answer, article result and matcher automaton."""
    import platformdirs

    from ..batch import ResultCache
    from ..geocode import clear_cache

    answers = clear_cache()
    results = ResultCache().clear()
    automata = 0
    for path in Path(platformdirs.user_cache_dir("geomap")).glob("automaton-*.pickle"):
        path.unlink(missing_ok=True)
        automata += 1
    click.echo(f"geomap: {answers} cached geocoder answer(s), {results} article result(s) and "
               f"{automata} matcher automaton file(s) removed", err=True)
