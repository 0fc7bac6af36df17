"""Fast checks of the event map's HTML (no browser): content, safety, offline, determinism."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import folium
import pytest

from geomap.mapping import (
    PLACES_CREDIT,
    EventLayer,
    EventTypeGroup,
    assets,
    default_outlines,
    event_map,
    map_html,
    save_map,
)
from geomap.mapping.encode import highlight_span, is_http_url, safe_json
from geomap.model import Event

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
)
OUTLINES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"name": "Idlib"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[36.2, 35.4], [37.2, 35.4], [37.2, 36.3], [36.2, 36.3], [36.2, 35.4]]],
            },
        }
    ],
}


def make_event(place: str, lat: float, lon: float, **kw) -> Event:
    sentence = kw.pop("sentence", f"Warplanes struck {place} on Friday.")
    mention = kw.pop("mention", place)
    start = sentence.find(mention)
    fields = {
        "doc_id": "doc1",
        "place": place,
        "mention": mention,
        "start_char": start,
        "end_char": start + len(mention),
        "lat": lat,
        "lon": lon,
        "kind": "settlement",
        "admin1": "Idlib",
        "place_id": f"test:{place}",
        "resolver": "gazetteer",
        "score": 0.9,
        "role": "event",
        "date": "2024-03-01",
        "date_precision": "day",
        "date_source": "sentence",
        "event_type": "airstrike",
        "sentence": sentence,
        "title": f"Strikes near {place}",
        "source": "https://example.org/news/1",
        "reports": 1,
        "name_ar": None,
    }
    fields.update(kw)
    return Event(**fields)


@pytest.fixture
def events() -> list[Event]:
    return [
        make_event("Tell Salmo", 35.725, 37.076, name_ar="تل سلمو"),
        make_event("Abu al-Duhur", 35.739, 37.045, date="2024-03-03", event_type="shelling", reports=5),
        make_event("Saraqib", 35.862, 36.800, date=None, date_precision=None, date_source=None, event_type="clashes"),
        make_event("Idlib", 35.93, 36.63, kind="admin1", event_type="displacement", date="2024-03-01", date_precision="month"),
        make_event(
            "Kafr Nabl",
            35.614,
            36.561,
            event_type="protest",
            sentence="Kafr Nabl " + " ".join(HOSTILE) + " {{ 7*7 }} {% raw %} \u2028 end",
            title=HOSTILE[1],
            source="javascript:alert(1)",
        ),
        make_event("Ariha", 35.81, 36.61, role="mention"),
    ]


def payload(text: str) -> dict:
    """The event JSON embedded in a rendered page."""
    match = re.search(r'<script type="application/json" id="event_layer_\d+_data">(.*?)</script>', text, re.DOTALL)
    assert match, "event data block missing"
    return json.loads(match.group(1))


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(text: str) -> list[tuple[str, dict]]:
    parser = TagCollector()
    parser.feed(text)
    return parser.tags


# ---------------------------------------------------------------- content


def test_every_drawn_place_is_in_the_page(events):
    text = map_html(event_map(events, outlines=OUTLINES, tiles=False))
    for event in events:
        if event.role == "event":
            assert event.place in text
    data = payload(text)
    places = [data["S"][i] for i in data["pl"]]
    assert sorted(places) == sorted(e.place for e in events if e.role == "event")


def test_mentions_are_not_drawn(events):
    text = map_html(event_map(events, outlines={}, tiles=False))
    assert "Ariha" not in text
    assert len(EventLayer(events)) == 5


def test_events_sorted_by_date_undated_last(events):
    data = payload(map_html(event_map(events, outlines={}, tiles=False)))
    days = data["d"]
    dated = [d for d in days if d is not None]
    assert dated == sorted(dated)
    assert days[-1] is None  # Saraqib, undated
    # month precision covers the whole month
    idlib = [data["S"][i] for i in data["pl"]].index("Idlib")
    assert data["e"][idlib] == 30


def test_popup_fields_are_in_the_payload(events):
    data = payload(map_html(event_map(events, outlines={}, tiles=False)))
    S = data["S"]
    i = [S[k] for k in data["pl"]].index("Tell Salmo")
    assert S[data["ar"][i]] == "تل سلمو"
    sentence = S[data["s"][i]]
    assert sentence[data["h0"][i] : data["h1"][i]] == "Tell Salmo"
    assert data["u"][i] == 1
    j = [S[k] for k in data["pl"]].index("Idlib")
    assert data["a"][j] == 1  # admin1 point: approximate
    k = [S[x] for x in data["pl"]].index("Kafr Nabl")
    assert data["u"][k] == 0  # javascript: source is not a link
    assert [t["key"] for t in data["types"]] == ["airstrike", "shelling", "clashes", "displacement", "protest"]


def test_credit_outlines_and_title(events):
    text = map_html(event_map(events, outlines=OUTLINES, tiles=False, title="Idlib <March>"))
    assert json.dumps(PLACES_CREDIT.replace("'", "&#x27;"))[1:-1].replace("&", "\\u0026") in text
    assert '"name":"Idlib"' in text
    assert "<title>Idlib &lt;March&gt;</title>" in text


def test_tiles_option(events):
    with_tiles = map_html(event_map(events, outlines={}))
    assert "tile.openstreetmap.org" in with_tiles and "basemaps.cartocdn.com" in with_tiles
    without = map_html(event_map(events, outlines={}, tiles=False))
    assert "tile.openstreetmap.org" not in without and "cartocdn" not in without
    assert "L.tileLayer" not in without


def test_no_outlines_when_empty(events):
    text = map_html(event_map(events, outlines={}, tiles=False))
    assert "geomap.outlines(" not in text


def test_packaged_outlines_are_the_default(events):
    shapes = default_outlines()
    if shapes is None:
        pytest.skip("no packaged admin1.geojson")
    text = map_html(event_map(events, tiles=False))
    assert "geomap.outlines(" in text
    name = shapes["features"][0]["properties"]["name"]
    assert f'"name":{json.dumps(name, ensure_ascii=False)}' in text


def test_empty_map_renders():
    text = map_html(event_map([], outlines={}, tiles=False))
    assert payload(text)["lat"] == []


# ---------------------------------------------------------------- safety


def test_hostile_strings_are_never_markup(events):
    text = map_html(event_map(events, outlines=OUTLINES, tiles=False, title=HOSTILE[0]))
    for hostile in HOSTILE:
        assert hostile not in text
    assert "alert(1)" in text  # still there, as escaped data
    tags = tags_of(text)
    assert not [t for t, _ in tags if t in ("img", "a", "iframe", "object")]
    # every script element is either code we wrote or a JSON data block
    for tag, attrs in tags:
        if tag == "script":
            assert "src" not in attrs
            assert attrs.get("type") in (None, "application/json")
    assert 'href="javascript:' not in text


def test_data_round_trips_exactly(events):
    data = payload(map_html(event_map(events, outlines={}, tiles=False)))
    sentences = [data["S"][i] for i in data["s"]]
    hostile = next(s for s in sentences if s.startswith("Kafr Nabl"))
    assert hostile == events[4].sentence  # incl. "{{ 7*7 }}", "{% raw %}", U+2028
    assert "{{ 7*7 }}" in hostile and "49" not in hostile


def test_safe_json_escapes():
    text = safe_json({"s": "</script><!-- & {{ x }} {% y %} {# z #} \u2028\u2029"})
    for bad in ("<", ">", "&", "{{", "{%", "{#", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == {"s": "</script><!-- & {{ x }} {% y %} {# z #} \u2028\u2029"}


def test_layer_control_names_are_escaped():
    group = EventTypeGroup("<img src=x onerror=alert(1)> {{ 1 }}", color="#123456", count=1)
    assert "<img" not in group.layer_name and "{{" not in group.layer_name
    assert "&lt;img" in group.layer_name


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("https://exa mple.org", False),
        ("https:///nohost", False),
        ("data:text/html,hi", False),
        ("//example.org", False),
        ("Reuters", False),
        (None, False),
    ],
)
def test_is_http_url(value, ok):
    assert is_http_url(value) is ok


def test_highlight_span():
    s = "Shelling hit Abu al-Duhur airbase."
    assert highlight_span(s, "Abu al-Duhur", 13, 25) == (13, 25)
    # article offsets that do not fit the sentence: first occurrence instead
    assert highlight_span(s, "Abu al-Duhur", 400, 412) == (13, 25)
    assert highlight_span(s, "abu al-duhur", 0, 0) == (13, 25)
    assert highlight_span(s, "Homs", 0, 4) == (-1, -1)
    assert highlight_span("", "Homs", 0, 4) == (-1, -1)


# ---------------------------------------------------------------- offline assets


def test_inline_page_has_no_external_assets(events):
    text = map_html(event_map(events, outlines={}, tiles=False))
    assert "<script src=" not in text
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", text)
    for name in ("jquery", "bootstrap", "awesome-markers", "fontawesome"):
        assert name not in text.lower()
    assert "L.markerClusterGroup" in text  # markercluster is inlined
    assert "sourceMappingURL" not in text


def test_inline_page_has_no_external_assets_with_tiles(events):
    text = map_html(event_map(events, outlines={}))
    assert "<script src=" not in text
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", text)


def test_cdn_mode_links_pinned_versions(events):
    text = map_html(event_map(events, outlines={}, tiles=False), inline_assets=False)
    srcs = re.findall(r'<script src="([^"]+)"', text)
    assert srcs == [assets.LEAFLET_JS[1], assets.MARKERCLUSTER_JS[1]]
    assert "@1.9.3/" in srcs[0] and "@1.4.1/" in srcs[1]
    assert "jquery" not in text.lower()
    assert "window.geomap" in text or "root.geomap" in text  # own code stays inline
    assert len(text) < len(map_html(event_map(events, outlines={}, tiles=False))) / 3


def test_pinned_versions_match_installed_wheels():
    import xstatic.pkg.leaflet_markercluster as markercluster
    from xstatic.pkg import leaflet

    assert leaflet.VERSION == assets.LEAFLET_VERSION
    assert markercluster.VERSION == assets.MARKERCLUSTER_VERSION


def test_leaflet_css_images_become_data_uris():
    css = assets.inline_source(assets.LEAFLET_CSS[1])
    assert "url(images/" not in css
    assert "data:image/png;base64," in css


def test_folium_extras_kept_when_used(events):
    m = event_map(events, outlines={}, tiles=False)
    folium.Marker([35.0, 37.0], icon=folium.Icon(color="red")).add_to(m)
    text = map_html(m, inline_assets=False)
    assert "leaflet.awesome-markers" in text


def test_unknown_asset_warns_and_stays_linked(events):
    from folium.plugins import Fullscreen

    m = event_map(events, outlines={}, tiles=False)
    Fullscreen().add_to(m)
    with pytest.warns(UserWarning, match="cannot inline"):
        text = map_html(m)
    assert "Control.FullScreen" in text


def test_set_asset_url_is_per_instance():
    a = EventTypeGroup("airstrike", color="#d62728", count=1)
    b = EventTypeGroup("shelling", color="#ff7f0e", count=1)
    a.set_asset_url("markercluster", "https://mirror.example/mc.js")
    assert ("markercluster", "https://mirror.example/mc.js") in a.default_js
    assert assets.MARKERCLUSTER_JS in b.default_js
    assert assets.MARKERCLUSTER_JS in EventTypeGroup.default_js
    with pytest.raises(KeyError):
        a.set_asset_url("nope", "x")


# ---------------------------------------------------------------- determinism, saving


def test_same_events_same_bytes(events, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    save_map(event_map(events, outlines=OUTLINES, tiles=True), first)
    save_map(event_map(list(reversed(events)), outlines=OUTLINES, tiles=True), second)
    assert first.read_bytes() == second.read_bytes()
    assert not re.search(rb"_[0-9a-f]{32}\b", first.read_bytes())  # no random folium ids


def test_same_map_saved_twice_is_identical(events, tmp_path):
    m = event_map(events, outlines=OUTLINES, tiles=False)
    save_map(m, tmp_path / "a.html")
    save_map(m, tmp_path / "b.html")
    save_map(m, tmp_path / "cdn.html", inline_assets=False)
    save_map(m, tmp_path / "c.html")
    a = (tmp_path / "a.html").read_bytes()
    assert a == (tmp_path / "b.html").read_bytes() == (tmp_path / "c.html").read_bytes()
    # outlines, 5 type groups, scale, layer control: each added once, however often rendered
    assert a.count(b".addTo(map_0000)") == 8


def test_notebook_display_then_save(events, tmp_path):
    m = event_map(events, outlines=OUTLINES, tiles=False)
    shown = m._repr_html_()
    assert "data:text/javascript" not in shown and "cdn.jsdelivr.net" not in shown  # all inline: no network
    assert "L.markerClusterGroup" in shown and "geomapReady" in shown
    m._repr_html_()
    save_map(m, tmp_path / "a.html")
    save_map(m, tmp_path / "b.html")
    a = (tmp_path / "a.html").read_bytes()
    assert a == (tmp_path / "b.html").read_bytes()
    assert a.count(b".addTo(map_0000)") == 8
    assert len(payload(a.decode("utf-8"))["lat"]) == 5


def test_save_is_atomic_and_leaves_no_temp_files(events, tmp_path):
    target = tmp_path / "map.html"
    target.write_text("old")
    os.chmod(target, 0o640)
    save_map(event_map(events, outlines={}, tiles=False), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)


def test_failed_save_keeps_old_file_and_no_temp(events, tmp_path, monkeypatch):
    target = tmp_path / "map.html"
    target.write_text("old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        save_map(event_map(events, outlines={}, tiles=False), target)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


def test_save_accepts_str_path(events, tmp_path):
    save_map(event_map(events, outlines={}, tiles=False), str(tmp_path / "m.html"))
    assert Path(tmp_path / "m.html").stat().st_size > 100_000
