"""Assemble the event map: tiles, outlines, events, controls."""

from __future__ import annotations

import html
import importlib.resources
import json
import logging
from collections.abc import Iterable
from pathlib import Path

import folium

from geomap.model import Event

from .elements import (
    DateRangeControl,
    EventLayer,
    EventList,
    GovernorateOutlines,
    Legend,
    MapFrame,
)
from .output import map_html

logger = logging.getLogger(__name__)

#: South-west and north-east corners of Syria, the view of a map without events.
SYRIA_BOUNDS = [[32.3, 35.7], [37.35, 42.4]]
OUTLINES_FILE = "admin1.geojson"
#: CartoDB Positron, the light base layer. Spelled out rather than taken from
#: xyzservices, which now marks CARTO basemaps as needing an API key and warns on
#: every use; OpenStreetMap, which needs none, is the default base layer.
POSITRON_URL = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png"
POSITRON_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
    '&copy; <a href="https://carto.com/attributions">CARTO</a>'
)

Size = str | float | int


def default_outlines() -> dict | None:
    """The packaged governorate outlines (``geomap.gazetteer_data/admin1.geojson``), or None.

    In a source checkout, where that package is the ``gazetteer/data`` folder at
    the repository root (see pyproject), the file is read from there. A missing
    or unreadable file gives None: the map is drawn without outlines.
    """
    text: str | None = None
    try:
        resource = importlib.resources.files("geomap.gazetteer_data").joinpath(OUTLINES_FILE)
        if resource.is_file():
            text = resource.read_text("utf-8")
    except (ModuleNotFoundError, OSError):
        pass
    if text is None:
        checkout = Path(__file__).resolve().parents[2] / "gazetteer" / "data" / OUTLINES_FILE
        if checkout.is_file():
            text = checkout.read_text("utf-8")
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError as exc:
        logger.warning("ignoring unreadable %s: %s", OUTLINES_FILE, exc)
        return None
    return data if isinstance(data, dict) and data.get("type") == "FeatureCollection" else None


class EventMap(folium.Map):
    """A folium Map that a notebook shows from its self-contained page (every script and
    style inline, as :func:`geomap.mapping.save_map` writes it), so it draws without a network;
    folium's own notebook output links Leaflet from CDNs."""

    def _repr_html_(self, **kwargs: object) -> str:
        page = html.escape(map_html(self))
        return ('<div style="width:100%;"><div style="position:relative;width:100%;height:0;padding-bottom:60%;">'
                f'<iframe srcdoc="{page}" style="position:absolute;width:100%;height:100%;left:0;top:0;'
                'border:none;" allowfullscreen></iframe></div></div>')


def event_map(
    events: Iterable[Event],
    *,
    title: str | None = None,
    outlines: dict | None = None,
    tiles: bool = True,
    width: Size = "100%",
    height: Size = "100%",
    list_collapsed: bool = False,
) -> folium.Map:
    """A folium map of events: one marker per event, clustered per event type.

    Parameters
    ----------
    events : iterable of Event
        Events with ``role == "event"`` are drawn; others are ignored.
    title : str, optional
        Page title and a title box at the top of the map.
    outlines : dict, optional
        Governorate outlines, a GeoJSON FeatureCollection whose features have a
        ``name`` property. None (the default) uses the packaged outlines when
        there are any; ``{}`` draws none.
    tiles : bool, default True
        Base layers OpenStreetMap (the default) and CartoDB Positron. With False
        there is no tile layer: the outlines, filled, are the basemap on a plain
        background, and the map needs no network at all.
    width, height : str or number, default "100%"
        Size of the map (pixels or a CSS percentage).
    list_collapsed : bool, default False
        Start with the event list folded.

    Returns
    -------
    EventMap
        A folium Map. Save it with :func:`geomap.mapping.save_map` for one standalone file;
        in a notebook it shows itself from the same self-contained page.

    Examples
    --------
    >>> m = event_map(events, title="Idlib, March 2024", tiles=False)
    >>> save_map(m, "idlib.html")
    """
    m = EventMap(
        location=[35.0, 38.5],
        zoom_start=7,
        tiles=None,
        width=width,
        height=height,
        control_scale=True,
        maxZoom=18,
        minZoom=3,
    )
    if title:
        m.get_root().title = html.escape(title)
    if tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(m)
        folium.TileLayer(
            POSITRON_URL, attr=POSITRON_ATTRIBUTION, name="Light (CartoDB Positron)",
            subdomains="abcd", max_zoom=20, show=False,
        ).add_to(m)
    shapes = default_outlines() if outlines is None else outlines
    if shapes:
        GovernorateOutlines(shapes, plain=not tiles).add_to(m)
    layer = EventLayer(events).add_to(m)
    Legend(layer).add_to(m)
    DateRangeControl(layer).add_to(m)
    EventList(layer, collapsed=list_collapsed).add_to(m)
    bounds = layer.get_bounds()
    if bounds[0][0] is None:
        bounds = SYRIA_BOUNDS
    MapFrame(plain=not tiles, title=title, bounds=bounds).add_to(m)
    folium.LayerControl(position="topright", collapsed=True).add_to(m)
    return m
