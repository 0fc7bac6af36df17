"""The fallback geocoder in a real extraction, against a local Nominatim stand-in: biased to
Syria, cached on disk so a name is never asked twice, silent with --offline, far answers rejected;
and a trained spaCy pipeline named with --model adds its place entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from geomap.cli import cli
from geomap.cli import extract  # noqa: F401 - registers the command
from geomap.geocode import Geocoder, GeocoderSettings
from geomap.model import Article
from geomap.pipeline import Extractor

from .geocoder_stub import StubGeocoder, nominatim_answer

TEXT = ("Government forces shelled Saraqib and Kafr Nabl on 3 May 2019. Clashes were reported near "
        "Tell Zimrabad and in the village of Khirbet Qarzimour, activists said.")
ANSWERS = {
    "Tell Zimrabad": [nominatim_answer("Tell Zimrabad", 35.80, 36.75, state="Idlib Governorate", osm_id=11)],
    "Khirbet Qarzimour": [nominatim_answer("Khirbet Qarzimour", 45.0, -93.0, country="United States", country_code="us", osm_id=12)],
}


def _config(tmp_path: Path, stub: StubGeocoder) -> Path:
    path = tmp_path / "geomap.toml"
    path.write_text(
        "[geocoder]\nuser_agent = \"geomap-tests/1.0\"\nmin_delay_seconds = 0\nerror_wait_seconds = 0\ntimeout = 2\n"
        f"cache_dir = \"{tmp_path / 'geocache'}\"\n[geocoder.options]\ndomain = \"{stub.domain}\"\nscheme = \"http\"\n",
        encoding="utf-8")
    return path


def test_cli_fallback_cache_and_offline(tmp_path: Path) -> None:
    article = tmp_path / "report.txt"
    article.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    with StubGeocoder(ANSWERS) as stub:
        config = _config(tmp_path, stub)
        first = runner.invoke(cli, ["extract", str(article), "--config", str(config), "--no-cache"])
        assert first.exit_code == 0, first.output
        records = {r["mention"]: r for r in map(json.loads, first.stdout.splitlines())}
        zimrabad = records["Tell Zimrabad"]
        assert zimrabad["resolver"] == "geocoder" and zimrabad["admin1"] == "Idlib" and zimrabad["role"] == "event"
        assert "Khirbet Qarzimour" not in records, "an answer far from the article's places is rejected"
        assert "Khirbet Qarzimour" in first.stderr  # reported as not resolved
        assert all(entry["params"].get("countrycodes") == "sy" for entry in stub.log)
        asked = stub.total_requests
        assert asked >= 2
        again = runner.invoke(cli, ["extract", str(article), "--config", str(config), "--no-cache"])
        assert again.exit_code == 0 and stub.total_requests == asked, "cached answers are not asked again"
        clean = CliRunner()
        offline = clean.invoke(cli, ["extract", str(article), "--config", str(config), "--offline", "--no-cache"])
        assert offline.exit_code == 0 and stub.total_requests == asked
        assert "Tell Zimrabad" not in offline.stdout


def test_geocoder_failures_never_stop_extraction(tmp_path: Path) -> None:
    with StubGeocoder(ANSWERS, fail_rate=1.0, fail_mode="503") as stub:
        geocoder = Geocoder(GeocoderSettings(user_agent="geomap-tests/1.0", options=stub.options, min_delay_seconds=0,
                                             error_wait_seconds=0, max_retries=1, timeout=1, cache_dir=tmp_path))
        events = Extractor(geocode=geocoder).events(Article(id="f", text=TEXT))
    assert {"Saraqib", "Kafr Nabl"} <= {e.mention for e in events}
    assert set(geocoder.failures) >= {"Tell Zimrabad"}


def test_trained_pipeline_entities_become_candidates(tmp_path: Path) -> None:
    trained = spacy.blank("en")
    ruler = trained.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Zimrabadiya"}, {"label": "PERSON", "pattern": "Abu Ahmad"}])
    trained.to_disk(tmp_path / "model")
    asked: list[str] = []

    def geocode(query: str, **options: object):  # noqa: ANN202
        asked.append(query)
        return None

    extractor = Extractor(model=str(tmp_path / "model"), geocode=geocode)
    extractor.events(Article(id="m", text="Abu Ahmad said air strikes hit Saraqib and Zimrabadiya on 3 May 2019."))
    assert "Zimrabadiya" in asked and "Abu Ahmad" not in asked


@pytest.mark.parametrize("flag", [["--geocoder", "none"], ["--offline"]])
def test_no_network_flags(tmp_path: Path, flag: list[str]) -> None:
    article = tmp_path / "r.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), *flag, "--user-agent", "t/1", "-q"])
    assert result.exit_code == 0 and "Saraqib" in result.stdout


@pytest.mark.parametrize("name, text", [
    # Only spelled like a village far from Deir ez-Zor (Arfa, Hama).
    ("al-Arfi", "Militants were killed in the al-Arfi neighbourhood of Deir Ezzor on Monday, the Syrian army said."),
    # No gazetteer place has it; found by its place context.
    ("Zuhaylat", "Shells fell on the Zuhaylat neighbourhood of Deir Ezzor on Monday, the Syrian army said."),
])
def test_a_neighbourhood_the_gazetteer_cannot_place_is_geocoded_only_inside_its_city(name: str, text: str) -> None:
    """A neighbourhood the gazetteer files elsewhere ("al-Arfi") or lacks ("Zuhaylat") goes to the
    geocoder; its answer is kept inside the city named with it and rejected outside it."""
    from geomap.model import Place

    def geocode_at(lat: float, lon: float):  # noqa: ANN202
        def geocode(query: str, **options: object) -> Place | None:
            return Place(id=f"geocoder:{query}", name=query, kind="neighbourhood", lat=lat, lon=lon) if query == name else None
        return geocode

    inside = Extractor(geocode=geocode_at(35.345, 40.150)).events(Article(id="n", text=text))
    assert [(e.resolver, e.admin1) for e in inside if e.mention == name] == [("geocoder", "Deir ez-Zor")]
    outside = Extractor(geocode=geocode_at(35.20, 40.60)).events(Article(id="n", text=text))  # 45 km east
    assert name not in {e.mention for e in outside}

