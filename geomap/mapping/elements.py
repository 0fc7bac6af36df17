"""The folium elements of an event map, one per feature.

Each element is a small ``MacroElement`` with a Jinja template (``html`` and
``script`` macros) and declares the JavaScript/CSS it needs as class-level
``(name, url)`` pairs; folium adds each asset to the page once, keyed by name.
The browser side of every element lives in ``geomap_map.js``.

- :class:`EventLayer` - the events, embedded once as compact JSON, drawn in the
  browser into one :class:`EventTypeGroup` (a marker-cluster overlay) per type.
- :class:`Legend`, :class:`DateRangeControl`, :class:`EventList` - controls that
  read the event layer.
- :class:`GovernorateOutlines` - admin-1 polygons with their names.
- :class:`MapFrame` - data credits, plain background without tiles, title.

Strings passed to templates go through :func:`~geomap.mapping.encode.safe_json`
or HTML escaping; never raw.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any, ClassVar

from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from geomap.model import Event

from . import assets
from .encode import (
    drawable,
    encode_events,
    event_types,
    safe_json,
    type_colors,
    type_label,
    type_of,
)

#: Credit for the place data, added to the map's attribution control.
PLACES_CREDIT = "Places: UN OCHA, OpenSyria, Who's On First, GeoNames, OurAirports"


def html_text(text: str) -> str:
    """Escape text for a spot where Leaflet inserts HTML (layer names, attribution).

    Braces become entities too, so the text can pass through folium macros
    (which branca compiles again as Jinja templates) unchanged.
    """
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


class GeomapElement(JSCSSMixin):
    """Base of geomap's elements: declares ``geomap_map.js``/``.css``.

    Use :meth:`set_asset_url` (not folium's ``add_js_link``, which edits the list
    shared by every instance of the class) to point one element at another copy.
    """

    default_js: ClassVar[list[tuple[str, str]]] = [assets.GEOMAP_JS]
    default_css: ClassVar[list[tuple[str, str]]] = [assets.GEOMAP_CSS]

    def set_asset_url(self, name: str, url: str) -> None:
        """Replace the URL of asset ``name`` for this element only."""
        for attr in ("default_js", "default_css"):
            pairs = getattr(self, attr)
            if any(n == name for n, _ in pairs):
                # a new list per instance: the class-level list is never modified
                setattr(self, attr, [(n, url if n == name else u) for n, u in pairs])
                return
        raise KeyError(f"{type(self).__name__} has no asset named {name!r}")


class EventTypeGroup(GeomapElement, Layer):
    """A Leaflet.markercluster group holding the markers of one event type.

    An overlay in the layer control, so each type can be switched off. Created by
    :class:`EventLayer`; the markers are added in the browser.

    Parameters
    ----------
    event_type : str
        The type key (``"airstrike"``).
    color : str
        ``#rrggbb`` colour of the type's markers and clusters.
    count : int
        Number of events, shown in the layer control.
    show : bool, default True
        Whether the group is on the map when it opens.
    max_cluster_radius : int, default 45
        Pixels within which markers are clustered
        (https://github.com/Leaflet/Leaflet.markercluster#options).
    """

    default_js: ClassVar[list[tuple[str, str]]] = [assets.MARKERCLUSTER_JS, assets.GEOMAP_JS]
    default_css: ClassVar[list[tuple[str, str]]] = [assets.MARKERCLUSTER_CSS, assets.GEOMAP_CSS]

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.clusterGroup({{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(
        self, event_type: str, *, color: str, count: int, show: bool = True, max_cluster_radius: int = 45
    ) -> None:
        label = (
            f'<span class="geomap-swatch" style="--c:{html_text(color)}"></span>'
            f"{html_text(type_label(event_type))} ({count:,})"
        )
        super().__init__(name=label, overlay=True, control=True, show=show)
        self._name = "EventTypeGroup"
        self.event_type = event_type
        self.options_json = safe_json({"color": color, "maxClusterRadius": int(max_cluster_radius)})


class EventLayer(GeomapElement):
    """All events of a map, embedded once as JSON and drawn in the browser.

    Only events with ``role == "event"`` are kept. The payload is column-oriented
    (see :func:`geomap.mapping.encode.encode_events`), placed in a
    ``<script type="application/json">`` block, and turned into one marker per
    event inside one :class:`EventTypeGroup` per event type. Popups are built on
    click from the JSON with ``textContent``: no article text is ever HTML.

    Add it with ``layer.add_to(m)``, which adds its type groups to the map too
    (``m.add_child(layer)`` alone would leave them out).

    Parameters
    ----------
    events : iterable of Event
        The events; others than ``role == "event"`` are ignored.
    max_cluster_radius : int, default 45
        Passed to every :class:`EventTypeGroup`.

    Examples
    --------
    >>> m = folium.Map(tiles=None, maxZoom=18)
    >>> layer = EventLayer(events).add_to(m)
    >>> Legend(layer).add_to(m)
    """

    default_js: ClassVar[list[tuple[str, str]]] = [assets.MARKERCLUSTER_JS, assets.GEOMAP_JS]
    default_css: ClassVar[list[tuple[str, str]]] = [assets.MARKERCLUSTER_CSS, assets.GEOMAP_CSS]

    _template = Template(
        """
        {% macro html(this, kwargs) %}
            <script type="application/json" id="{{ this.get_name() }}_data">{{ this.data_json }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.eventLayer(
                {{ this._parent.get_name() }},
                geomap.readJson({{ (this.get_name() ~ "_data")|tojson }}),
                [{% for group in this.groups.values() %}{{ group.get_name() }}{{ "," if not loop.last }}{% endfor %}],
                {}
            );
        {% endmacro %}
        """
    )

    def __init__(self, events: Iterable[Event], *, max_cluster_radius: int = 45) -> None:
        super().__init__()
        self._name = "EventLayer"
        self.events: list[Event] = drawable(events)
        types = event_types(self.events)
        colors = type_colors(types)
        counts = {t: 0 for t in types}
        for event in self.events:
            counts[type_of(event)] += 1
        self.groups: dict[str, EventTypeGroup] = {
            t: EventTypeGroup(t, color=colors[t], count=counts[t], max_cluster_radius=max_cluster_radius)
            for t in types
        }
        self.data_json = safe_json(encode_events(self.events, types))

    def __len__(self) -> int:
        return len(self.events)

    def add_to(self, parent: Any, name: str | None = None, index: int | None = None) -> EventLayer:
        """Add the type groups, then this layer, to ``parent`` (a map)."""
        for group in self.groups.values():
            if group._parent is not parent:
                parent.add_child(group)
        super().add_to(parent, name=name, index=index)
        return self

    def _get_self_bounds(self) -> list[list[float | None]]:
        if not self.events:
            return [[None, None], [None, None]]
        lats = [float(e.lat) for e in self.events]
        lons = [float(e.lon) for e in self.events]
        return [[min(lats), min(lons)], [max(lats), max(lons)]]


class _EventControl(GeomapElement):
    """Base of the controls that read an :class:`EventLayer` in the browser."""

    _js_function = ""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.{{ this._js_function }}(
                {{ this._parent.get_name() }}, {{ this.layer.get_name() }}, {{ this.options_json }}
            );
        {% endmacro %}
        """
    )

    def __init__(self, layer: EventLayer, **options: Any) -> None:
        super().__init__()
        if not isinstance(layer, EventLayer):
            raise TypeError(f"{type(self).__name__} needs an EventLayer, got {type(layer).__name__}")
        self.layer = layer
        self.options_json = safe_json({k: v for k, v in options.items() if v is not None})


class Legend(_EventControl):
    """Event-type colours with counts (shown / total), the approximate-place ring
    and marker sizes. ``position`` is a Leaflet control corner (default bottomright)."""

    _js_function = "legend"

    def __init__(self, layer: EventLayer, *, position: str = "bottomright") -> None:
        super().__init__(layer, position=_corner(position))
        self._name = "Legend"


class DateRangeControl(_EventControl):
    """From/to day sliders, a play button and an "undated events" checkbox.

    An event is shown when its date (a whole month or year for month/year
    precision) meets the from-to range. Undated events are shown while the
    checkbox is ticked (the default). Play moves the from-to window forward one
    step every ``interval_ms`` (one day, or more for ranges over 150 days).
    """

    _js_function = "timeControl"

    def __init__(self, layer: EventLayer, *, position: str = "bottomleft", interval_ms: int = 400) -> None:
        super().__init__(layer, position=_corner(position), interval=int(interval_ms))
        self._name = "DateRangeControl"


class EventList(_EventControl):
    """A collapsible list of the shown events, sorted by date (undated last).

    Clicking an entry zooms to its marker (opening its cluster) and opens the
    popup. Only the rows in view are in the page, so long lists stay fast.
    """

    _js_function = "eventList"

    def __init__(self, layer: EventLayer, *, position: str = "topleft", collapsed: bool = False) -> None:
        super().__init__(layer, position=_corner(position), collapsed=bool(collapsed))
        self._name = "EventList"


class GovernorateOutlines(GeomapElement, Layer):
    """Admin-1 outlines from a GeoJSON FeatureCollection, labelled by ``name``.

    Coordinates are rounded to 4 decimals (about 10 m). With ``plain=True`` the
    polygons are filled, to serve as the basemap of a map without tiles.
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
            <script type="application/json" id="{{ this.get_name() }}_data">{{ this.data_json }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.outlines(
                geomap.readJson({{ (this.get_name() ~ "_data")|tojson }}), {{ this.options_json }}
            );
        {% endmacro %}
        """
    )

    def __init__(self, geojson: dict, *, name: str = "Governorates", plain: bool = False, show: bool = True) -> None:
        if not isinstance(geojson, dict) or geojson.get("type") != "FeatureCollection":
            raise ValueError("outlines must be a GeoJSON FeatureCollection (a dict)")
        super().__init__(name=html_text(name), overlay=True, control=True, show=show)
        self._name = "GovernorateOutlines"
        features = [
            {
                "type": "Feature",
                "properties": {"name": str((f.get("properties") or {}).get("name") or "")},
                "geometry": _round_geometry(f.get("geometry")),
            }
            for f in geojson.get("features") or []
            if isinstance(f, dict) and isinstance(f.get("geometry"), dict)
        ]
        self.features = features
        self.data_json = safe_json({"type": "FeatureCollection", "features": features})
        self.options_json = safe_json({"plain": bool(plain)})

    def _get_self_bounds(self) -> list[list[float | None]]:
        lats: list[float] = []
        lons: list[float] = []
        for f in self.features:
            for lon, lat in _points(f["geometry"].get("coordinates")):
                lats.append(lat)
                lons.append(lon)
        if not lats:
            return [[None, None], [None, None]]
        return [[min(lats), min(lons)], [max(lats), max(lons)]]


class MapFrame(GeomapElement):
    """Data credits in the attribution control, a plain background when the map
    has no tiles, an optional title box, and the initial view.

    Add it after the controls: ``bounds`` (``[[south, west], [north, east]]``) is
    fitted with padding that keeps the points clear of the panels in the left and
    bottom corners, and never closer than ``max_zoom``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            geomap.frame({{ this._parent.get_name() }}, {{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        *,
        attribution: str = PLACES_CREDIT,
        plain: bool = False,
        title: str | None = None,
        bounds: list[list[float]] | None = None,
        max_zoom: int = 11,
    ) -> None:
        super().__init__()
        self._name = "MapFrame"
        options = {
            "attribution": html_text(attribution) if attribution else None,
            "plain": bool(plain),
            "title": title or None,
            "bounds": [[float(bounds[0][0]), float(bounds[0][1])], [float(bounds[1][0]), float(bounds[1][1])]]
            if bounds
            else None,
            "maxZoom": int(max_zoom),
        }
        self.options_json = safe_json({k: v for k, v in options.items() if v is not None})


_CORNERS = ("topleft", "topright", "bottomleft", "bottomright")


def _corner(position: str) -> str:
    if position not in _CORNERS:
        raise ValueError(f"position must be one of {', '.join(_CORNERS)}; got {position!r}")
    return position


def _round_geometry(geometry: dict | None) -> dict | None:
    if not isinstance(geometry, dict):
        return None

    def rnd(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return [rnd(v) for v in value]
        if isinstance(value, (int, float)):
            return round(float(value), 4)
        return value

    out = {"type": geometry.get("type"), "coordinates": rnd(geometry.get("coordinates"))}
    if geometry.get("type") == "GeometryCollection":
        out = {"type": "GeometryCollection", "geometries": [_round_geometry(g) for g in geometry.get("geometries") or []]}
    return out


def _points(coords: Any) -> Iterable[tuple[float, float]]:
    if isinstance(coords, (list, tuple)):
        if len(coords) >= 2 and all(isinstance(c, (int, float)) for c in coords[:2]):
            yield float(coords[0]), float(coords[1])
        else:
            for c in coords:
                yield from _points(c)
