"""Write a folium map as one HTML file: inline assets, stable ids, atomic save.

folium links every JavaScript/CSS asset from a CDN, which leaves a blank page
without network. :func:`map_html` renders the map, then replaces each asset link
in the page header with the file's text (from the XStatic wheels for Leaflet and
Leaflet.markercluster, from package data for geomap's own code), and drops the
assets folium adds by default that nothing in the map uses (jQuery, Bootstrap,
Awesome Markers, Font Awesome). The element tree is not modified: the swap is
made on a copy of the header's children for this render only.

folium names every element with a random id; :func:`map_html` renames them in
order of first appearance in the page, so the same map gives the same bytes.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import warnings
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.elements import JSCSSMixin

from . import assets

_AWESOME = frozenset(
    {"awesome_markers", "awesome_markers_css", "awesome_markers_font_css", "awesome_rotate_css", "bootstrap_css", "glyphicons_css"}
)


class _InlineText(Element):
    """A ``<script>`` or ``<style>`` element holding a file's text, written as is.

    ``render`` returns the text directly: it is not compiled as a Jinja template.
    """

    def __init__(self, tag: str, text: str) -> None:
        super().__init__()
        self._name = "InlineText"
        # "</script" or "</style" inside the text would end the element early
        closing = re.compile(rf"</(?={tag})", re.IGNORECASE)
        body = closing.sub(r"<\\/", text)
        self.markup = f"<{tag}>\n{body}</{tag}>"

    def render(self, **kwargs: object) -> str:
        return self.markup


def _walk(element: Element) -> Iterator[Element]:
    yield element
    if isinstance(element, Figure):
        for part in (element.header, element.html, element.script):
            yield from _walk(part)
    for child in list(element._children.values()):
        yield from _walk(child)


_ELEMENT_NAME = re.compile(r"\w+_[0-9a-f]{32}")


def _drop_stale(figure: Figure) -> None:
    """Remove what earlier renders (a notebook display, ``Map.save``) left in the
    figure's parts for elements that are no longer in the map.

    Rendering files each element's output under the element's name; folium's
    layers make a new "addTo" element, with a new name, on every render. Entries
    filed under a folium-style name that no element of the map has are stale.
    """
    parts = (figure.header, figure.html, figure.script)
    live = {el.get_name() for child in figure._children.values() for el in _walk(child)}
    for part in parts:
        part._children = OrderedDict(
            (key, child)
            for key, child in part._children.items()
            if key in live or key == child.get_name() or not _ELEMENT_NAME.fullmatch(key)
        )


def _extras_needed(figure: Figure) -> set[str]:
    """Names of folium's default extras that some element of the map does use."""
    needed: set[str] = set()
    for el in _walk(figure):
        if isinstance(el, JSCSSMixin) and not isinstance(el, folium.Map):
            needed.update(name for name, _ in el.default_js)
            needed.update(name for name, _ in el.default_css)
        if isinstance(el, folium.Icon):
            needed |= _AWESOME
        if isinstance(el, folium.Popup) or (isinstance(el, folium.GeoJson) and not getattr(el, "embed", True)):
            needed.add("jquery")
        if isinstance(el, folium.Map) and el.objects_to_stay_in_front:
            needed.add("jquery")
    return needed & assets.FOLIUM_EXTRAS


def _header_children(figure: Figure, inline_assets: bool) -> OrderedDict[str, Element]:
    """The header's children with asset links inlined or dropped; geomap's own
    code goes last, after the libraries it uses."""
    needed = _extras_needed(figure)
    out: OrderedDict[str, Element] = OrderedDict()
    own: OrderedDict[str, Element] = OrderedDict()
    for key, child in figure.header._children.items():
        if isinstance(child, (JavascriptLink, CssLink)):
            if key in assets.FOLIUM_EXTRAS and key not in needed:
                continue
            url = child.url
            if assets.is_own(url):
                own[key] = _inline(child, key)
                continue
            if inline_assets:
                child = _inline(child, key)
        out[key] = child
    out.update(own)
    return out


def _inline(link: JavascriptLink | CssLink, key: str) -> Element:
    text = assets.inline_source(link.url)
    if text is None:
        warnings.warn(
            f"cannot inline asset {key!r} ({link.url}): the saved map links it from the network",
            stacklevel=5,
        )
        return link
    return _InlineText("script" if isinstance(link, JavascriptLink) else "style", text)


def _stable_ids(figure: Figure, text: str) -> str:
    ids = {el._id for el in _walk(figure) if len(el._id) >= 16}
    first_seen = sorted((pos, old) for old in ids if (pos := text.find(old)) >= 0)
    for number, (_, old) in enumerate(first_seen):
        text = text.replace(old, f"{number:04d}")
    return text


def map_html(m: folium.Map, *, inline_assets: bool = True) -> str:
    """The complete HTML page of ``m``.

    Parameters
    ----------
    m : folium.Map
        Any folium map; geomap maps (:func:`geomap.mapping.event_map`) need no network.
    inline_assets : bool, default True
        Write every JavaScript and CSS file into the page (a standalone file that
        works offline, tiles aside). With False, third-party files are linked
        from pinned CDN URLs (a smaller file); geomap's own code is always inline.
        A link that cannot be inlined is kept, with a warning.

    Same map, same text: element ids are numbered in order of appearance.
    """
    figure = m.get_root()
    if not isinstance(figure, Figure):
        raise TypeError("the map must belong to a branca Figure (folium.Map always does)")
    # Rendering adds to the figure's header/html/script parts, and folium layers add
    # a fresh "addTo" element under a new random name on every render: restore the
    # parts afterwards so that each call starts from the same state.
    parts = (figure.header, figure.html, figure.script)
    saved = [part._children.copy() for part in parts]
    try:
        for child in figure._children.values():
            child.render()
        _drop_stale(figure)
        figure.header._children = _header_children(figure, inline_assets)
        text = figure._template.render(this=figure, kwargs={})
    finally:
        for part, children in zip(parts, saved):
            part._children = children
    return _stable_ids(figure, text)


def save_map(m: folium.Map, path: str | os.PathLike[str], *, inline_assets: bool = True) -> None:
    """Write ``m`` to ``path`` as UTF-8 HTML (see :func:`map_html`).

    The file is written to a temporary file in the same directory, flushed and
    moved over ``path`` with :func:`os.replace`: readers see the old file or the
    new one, never half of one, and a failure leaves no temporary file behind.
    An existing file keeps its permission bits; a new one gets 0644.
    """
    text = map_html(m, inline_assets=inline_assets)
    target = Path(os.fspath(path))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
