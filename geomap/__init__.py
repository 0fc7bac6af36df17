"""geomap: where and when things happened in news about Syria, on a map.

The notebook API, thin over the same functions the ``geomap`` command uses::

    import geomap
    events = geomap.extract(["articles/"])           # list[geomap.Event]
    frame = geomap.to_geodataframe(events)           # geopandas, EPSG:4326
    geomap.event_map(events)                         # folium.Map, shows inline in Jupyter
    geomap.lookup("Abul Thohur")                     # ranked gazetteer candidates
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import ConfigurationError, GazetteerError, GeocodeError, GeomapError, InputError
from .model import Article, Candidate, Event, Mention, Place

__all__ = [
    "__version__", "Article", "Candidate", "Event", "Mention", "Place",
    "GeomapError", "ConfigurationError", "GazetteerError", "GeocodeError", "InputError",
    "lookup", "load_gazetteer", "extract", "to_geodataframe", "event_map",
]


def __getattr__(name: str):  # noqa: ANN202 - lazy imports keep `geomap lookup` fast to start
    if name in ("lookup", "load_gazetteer"):
        from . import gazetteer

        return getattr(gazetteer, name)
    if name == "extract":
        from .pipeline import extract

        return extract
    if name == "to_geodataframe":
        from .export import to_geodataframe

        return to_geodataframe
    if name == "event_map":
        from .mapping import event_map

        return event_map
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
