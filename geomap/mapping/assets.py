"""JavaScript and CSS the map needs: pinned CDN links and their offline copies.

Every element declares its assets as ``(name, url)`` pairs (folium's
``default_js``/``default_css``). Third-party URLs are pinned to exact versions and
match the copies shipped by the ``XStatic-Leaflet`` and
``XStatic-Leaflet-MarkerCluster`` wheels, so an inlined map and a CDN-linked map
run the same code. geomap's own controls (``geomap_map.js``/``.css``, package data
of :mod:`geomap.mapping`) have no CDN: they are declared as ``data:`` URIs, which
work in any output (``Map.save``, notebooks), and :func:`geomap.mapping.save_map`
always writes them inline as text.

:func:`inline_source` answers "what text replaces this link?" for
:func:`geomap.mapping.save_map`; it returns ``None`` for a URL it does not know.
"""

from __future__ import annotations

import base64
import functools
import importlib
import importlib.resources
import logging
import re
from pathlib import Path

logger = logging.getLogger(__name__)

LEAFLET_VERSION = "1.9.3"
MARKERCLUSTER_VERSION = "1.4.1"

LEAFLET_JS = ("leaflet", f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js")
LEAFLET_CSS = ("leaflet_css", f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css")
_MC = f"https://cdn.jsdelivr.net/npm/leaflet.markercluster@{MARKERCLUSTER_VERSION}/dist"
MARKERCLUSTER_JS = ("markercluster", f"{_MC}/leaflet.markercluster.js")
MARKERCLUSTER_CSS = ("markercluster_css", f"{_MC}/MarkerCluster.css")

OWN_JS_FILE = "geomap_map.js"
OWN_CSS_FILE = "geomap_map.css"

#: Assets folium's ``Map`` links by default that a geomap map does not use. They are
#: dropped from the page unless an element in the map needs them (see ``save_map``).
FOLIUM_EXTRAS: frozenset[str] = frozenset(
    {
        "jquery",
        "bootstrap",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers",
        "awesome_markers_css",
        "awesome_markers_font_css",
        "awesome_rotate_css",
    }
)

# URL -> (package whose BASE_DIR/data holds the file, file name, version of the URL)
_THIRD_PARTY: dict[str, tuple[str, str, str]] = {
    LEAFLET_JS[1]: ("xstatic.pkg.leaflet", "leaflet.js", LEAFLET_VERSION),
    LEAFLET_CSS[1]: ("xstatic.pkg.leaflet", "leaflet.css", LEAFLET_VERSION),
    MARKERCLUSTER_JS[1]: ("xstatic.pkg.leaflet_markercluster", "leaflet.markercluster.js", MARKERCLUSTER_VERSION),
    MARKERCLUSTER_CSS[1]: ("xstatic.pkg.leaflet_markercluster", "MarkerCluster.css", MARKERCLUSTER_VERSION),
}

_SOURCE_MAP = re.compile(r"^[ \t]*(?://|/\*)# sourceMappingURL=\S+?(?:\s*\*/)?[ \t]*$", re.MULTILINE)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")
_MIME = {".png": "image/png", ".gif": "image/gif", ".svg": "image/svg+xml"}


def own_text(file_name: str) -> str:
    """The text of one of geomap's own asset files (package data of ``geomap.mapping``)."""
    return importlib.resources.files("geomap.mapping").joinpath(file_name).read_text("utf-8")


def _data_uri(file_name: str, mime: str) -> str:
    payload = base64.b64encode(own_text(file_name).encode("utf-8")).decode("ascii")
    return f"data:{mime};charset=utf-8;base64,{payload}"


GEOMAP_JS = ("geomap_map_js", _data_uri(OWN_JS_FILE, "text/javascript"))
GEOMAP_CSS = ("geomap_map_css", _data_uri(OWN_CSS_FILE, "text/css"))
_OWN = {GEOMAP_JS[1]: OWN_JS_FILE, GEOMAP_CSS[1]: OWN_CSS_FILE}


def is_own(url: str) -> bool:
    """True for geomap's own assets: always written inline, whatever the mode."""
    return url in _OWN


@functools.cache
def inline_source(url: str) -> str | None:
    """The text to inline in place of a link to ``url``, or ``None`` when unknown.

    Source-map comments are removed and CSS ``url(...)`` references to files next to
    the stylesheet (Leaflet's layer-control icons) become ``data:`` URIs, so the
    inlined copy makes no request at all.
    """
    if url in _OWN:
        return _strip(own_text(_OWN[url]))
    known = _THIRD_PARTY.get(url)
    if known is None:
        return None
    module_name, file_name, pinned = known
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        logger.warning("cannot inline %s: %s is not installed", url, module_name)
        return None
    installed = getattr(module, "VERSION", pinned)
    if installed != pinned:
        logger.warning(
            "inlining %s %s from %s, the CDN link pins %s", file_name, installed, module_name, pinned
        )
    base = Path(module.BASE_DIR)
    text = _strip((base / file_name).read_text("utf-8"))
    if file_name.endswith(".css"):
        text = _CSS_URL.sub(lambda m: _css_data_uri(base, m), text)
    return text


def _strip(text: str) -> str:
    return _SOURCE_MAP.sub("", text).rstrip() + "\n"


def _css_data_uri(base: Path, match: re.Match[str]) -> str:
    ref = match.group(2)
    path = (base / ref).resolve()
    mime = _MIME.get(path.suffix.lower())
    if ref.startswith(("data:", "http:", "https:", "//")) or mime is None or not path.is_file():
        return match.group(0)
    if base.resolve() not in path.parents:
        return match.group(0)
    return f'url("data:{mime};base64,{base64.b64encode(path.read_bytes()).decode("ascii")}")'
