"""Standalone event maps with folium.

>>> from geomap.mapping import event_map, save_map
>>> m = event_map(events, title="North-west Syria", tiles=False)
>>> save_map(m, "map.html")            # one file, all JS/CSS inline, works offline

The map draws every event with ``role == "event"`` as a marker coloured by event
type (clustered, one overlay per type), with a legend, a date-range filter with a
play button, a list of events and governorate outlines. All event data is embedded
once as JSON and turned into markers and popups in the browser, so 100,000 events
stay a single file of a few tens of MB. See :mod:`geomap.mapping.elements` for the
pieces, :mod:`geomap.mapping.output` for inlining and deterministic output.
"""

from __future__ import annotations

from .build import default_outlines, event_map
from .elements import (
    PLACES_CREDIT,
    DateRangeControl,
    EventLayer,
    EventList,
    EventTypeGroup,
    GovernorateOutlines,
    Legend,
    MapFrame,
)
from .output import map_html, save_map

__all__ = [
    "PLACES_CREDIT",
    "DateRangeControl",
    "EventLayer",
    "EventList",
    "EventTypeGroup",
    "GovernorateOutlines",
    "Legend",
    "MapFrame",
    "default_outlines",
    "event_map",
    "map_html",
    "save_map",
]
