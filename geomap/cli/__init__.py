"""The ``geomap`` command line: thin commands over the library.

Exit codes: 0 success; 1 an error, nothing could be mapped, or a skipped input under
``--strict``; 2 a usage error (unknown option, missing argument).
"""

from __future__ import annotations

import logging
import sys

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="geomap")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """Map where and when things happened in news about Syria.

    \b
    Commands:
      lookup   find a place in the gazetteer
      extract  located, dated events from articles (JSONL, GeoJSON, CSV)
      build    a standalone HTML map of the events, plus exports
      cache    inspect or clear the geocoder and article caches

    \b
    Exit codes:
      0  success
      1  error: nothing could be mapped, a bad file, or a skipped input with --strict
      2  usage error
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="geomap: %(levelname)s: %(message)s", stream=sys.stderr)


def main() -> None:
    """Console entry point."""
    from . import build, cache, extract, lookup  # noqa: F401 - registers the commands

    cli(prog_name="geomap")
