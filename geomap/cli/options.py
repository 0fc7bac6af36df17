"""Option bundles shared by several commands, written once so flags read the same everywhere."""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..errors import ConfigurationError, GeomapError, InputError


def places_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--places FILE``: the user's own places and spellings, merged into the gazetteer."""
    return click.option(
        "--places", type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="CSV of your own places (name, lat, lon, kind, aliases, admin1) merged into the gazetteer.",
    )(func)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def date_option(name: str, help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A YYYY-MM-DD option parsed to a date."""
    return click.option(name, callback=_parse_date, metavar="DATE", help=help_text)


def extraction_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options of every command that reads articles and extracts events."""
    decorators = [
        click.argument("inputs", nargs=-1, required=True, metavar="INPUT..."),
        places_option,
        date_option("--published", "Publication date for articles that state none (YYYY-MM-DD)."),
        click.option("--model", metavar="NAME", help="An installed trained spaCy pipeline to add its GPE/LOC/FAC entities."),
        click.option("--geocoder", default=None, metavar="NAME",
                     help="Fallback geocoder: any geopy service name (default nominatim), or 'none'."),
        click.option("--user-agent", metavar="UA", help="User agent for the fallback geocoder (required by Nominatim's policy)."),
        click.option("--geocoder-option", "geocoder_options", multiple=True, metavar="KEY=VALUE",
                     help="Option passed to the geopy geocoder (e.g. domain=..., api_key=...); repeatable."),
        click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="TOML file with a [geocoder] table (name, user_agent, options)."),
        click.option("--offline", is_flag=True, help="No network: no fallback geocoder (tiles are still linked in maps)."),
        click.option("--strict", is_flag=True, help="Exit 1 when any input was skipped."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                     help="Worker processes for extraction (default: all cores; small inputs run in one)."),
        click.option("--no-cache", is_flag=True, help="Extract every article again instead of reusing cached results."),
        click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def geocoder_settings_from_options(
    *, geocoder: str | None, user_agent: str | None, geocoder_options: tuple[str, ...],
    config_file: Path | None, offline: bool,
) -> dict[str, Any] | None:
    """Keyword arguments of :class:`geomap.geocode.GeocoderSettings` the options ask for, or
    None when no fallback geocoder should run (offline, ``--geocoder none``, or Nominatim
    without the user agent its usage policy requires — with a note naming the fix)."""
    settings: dict[str, Any] = {}
    if config_file is not None:
        settings.update(_read_config(config_file))
    if geocoder:
        settings["name"] = geocoder
    if user_agent:
        settings["user_agent"] = user_agent
    options = dict(settings.get("options") or {})
    for item in geocoder_options:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{item!r}: expected KEY=VALUE", param_hint="--geocoder-option")
        options[key] = _coerce(value)
    settings["options"] = options
    name = str(settings.get("name") or "nominatim")
    if offline or name.lower() in ("none", "offline"):
        return None
    from ..geocode import USER_AGENT_REQUIRED, GeocoderSettings

    settings["name"] = name
    fields = {k: v for k, v in settings.items() if k in GeocoderSettings.__dataclass_fields__}
    if name.lower() in USER_AGENT_REQUIRED and not fields.get("user_agent"):
        click.echo(f"geomap: fallback geocoder off: {name} asks every application to identify itself; "
                   f'pass --user-agent "yourproject/1.0 (you@example.org)" to turn it on', err=True)
        return None
    GeocoderSettings(**fields)  # check the settings now, before any article is read
    logging.getLogger("geopy").setLevel(logging.ERROR)  # geomap logs failed names once, geopy each retry
    return fields


def _coerce(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


def _read_config(path: Path) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"{path}: cannot read config: {exc}") from exc
    table = data.get("geocoder", {})
    if not isinstance(table, dict):
        raise ConfigurationError(f"{path}: [geocoder] must be a table")
    return table


class ErrorCollector:
    """Collects skipped inputs and prints each as ``FILE:LINE: what is wrong`` on stderr."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def __call__(self, error: InputError) -> None:
        self.errors.append(error)
        click.echo(f"geomap: skipped {error}", err=True)


def fail_on_library_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into a one-line ``Error: …`` and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GeomapError as exc:
            raise click.ClickException(str(exc)) from exc
        except BrokenPipeError:
            sys.stderr.close()
            raise SystemExit(0)

    return wrapper
