"""One exception tree for geomap: catch :class:`GeomapError` to catch them all.

"Nothing found" is never an error: lookups return an empty list and the resolver
returns ``None``. Only real failures raise.
"""

from __future__ import annotations


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""


class ConfigurationError(GeomapError, ValueError):
    """Raised when options contradict each other or miss something required
    (an unknown geocoder name, a missing user agent); the message names the fix."""


class InputError(GeomapError):
    """Raised for an input that cannot be read; carries the file and line so a
    report can say ``FILE:LINE: what is wrong`` and the build can go on."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class GazetteerError(GeomapError):
    """Raised when the packaged gazetteer or a ``--places`` file cannot be loaded at all."""


class GeocodeError(GeomapError):
    """Raised when the fallback geocoder fails (timeout, quota, bad answer); wraps
    geopy's own error as ``__cause__``. A geocoder that finds nothing is not an error."""
