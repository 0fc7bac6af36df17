"""``geomap cache``: where the caches live, and clearing them."""

from __future__ import annotations

import click

from . import cli


@cli.group()
def cache() -> None:
    """Inspect or clear geomap's on-disk caches (geocoder answers)."""


@cache.command("dir")
def cache_dir() -> None:
    """Print the cache directory."""
    import platformdirs

    click.echo(platformdirs.user_cache_dir("geomap"))


@cache.command("clear")
def cache_clear() -> None:
    """Delete every cached geocoder answer."""
    from ..geocode import clear_cache

    removed = clear_cache()
    click.echo(f"geomap: {removed} cached answer(s) removed", err=True)
