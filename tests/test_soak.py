"""A build of a thousand articles, 5% of them broken, with a geocoder failing 20% of requests:
every good article is mapped, every broken input is named, the run ends in bounded time."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from click.testing import CliRunner

from geomap.cli import build, cli  # noqa: F401 - registers the command

from .geocoder_stub import StubGeocoder, nominatim_answer

PLACES = ["Saraqib", "Douma", "Maarat al-Numan", "Kafr Nabl", "Raqqa", "Tell Salmo", "Harasta", "Jisr al-Shughur",
          "Khan Sheikhoun", "Abu al-Duhur", "Atarib", "Azaz", "Manbij", "Qamishli", "Daraa", "Palmyra"]
SENTENCES = [
    "Air strikes hit {p} on {d} March 2019, rescue workers said.",
    "Clashes broke out near {p} on {d} April 2018, according to local sources.",
    "Artillery shelled {p} on {d} May 2017, killing two civilians.",
]


def _village(k: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return f"Zimrabad{letters[k % 26]}{letters[k // 26]}"


def _good_text(rng: random.Random, i: int) -> str:
    text = " ".join(rng.choice(SENTENCES).format(p=rng.choice(PLACES), d=1 + rng.randrange(27)) for _ in range(3))
    if i % 10 == 0:  # a village only the (flaky) geocoder knows
        text += f" Fighting was also reported in Tell {_village(i % 40)} on 2 March 2019."
    return text


def test_soak_thousand_articles_broken_inputs_and_flaky_geocoder(tmp_path: Path) -> None:
    rng = random.Random(7)
    good_ids: set[str] = set()
    broken: list[str] = []  # what the report must name
    rows = []
    for i in range(700):
        if i % 40 == 0:
            rows.append('{"id": "bad-json-%d", "text": "unterminated' % i)
            broken.append(f"corpus.jsonl:{i + 1}:")
        elif i % 40 == 20:
            rows.append(json.dumps({"id": f"no-text-{i}", "title": "a row without text"}))
            broken.append(f"corpus.jsonl:{i + 1}:")
        else:
            rows.append(json.dumps({"id": f"row-{i}", "text": _good_text(rng, i)}))
            good_ids.add(f"row-{i}")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    files = tmp_path / "files"
    files.mkdir()
    for i in range(300):
        path = files / f"article-{i:03d}.txt"
        if i % 40 == 0:
            path.write_bytes(b"")
            broken.append(path.name)
        elif i % 40 == 20:
            path.write_bytes(bytes(range(256)) * 8)
            broken.append(path.name)
        else:
            path.write_text(_good_text(rng, i), encoding="utf-8")
            good_ids.add(str(path))
    assert len(broken) == 50 and len(good_ids) == 950

    answers = {f"Tell {_village(k)}": [nominatim_answer(f"Tell {_village(k)}", 35.7, 36.9 + k / 100, osm_id=k + 1)]
               for k in range(40)}
    with StubGeocoder(answers, fail_rate=0.2, fail_mode="500", seed=3) as stub:
        config = tmp_path / "geomap.toml"
        config.write_text(
            "[geocoder]\nname = \"nominatim\"\nuser_agent = \"geomap-tests/1.0\"\n"
            f"min_delay_seconds = 0\nerror_wait_seconds = 0\ntimeout = 1.0\nbudget_seconds = 30\n"
            f"cache_dir = \"{tmp_path / 'geocache'}\"\n"
            f"[geocoder.options]\ndomain = \"{stub.domain}\"\nscheme = \"http\"\n",
            encoding="utf-8",
        )
        started = time.monotonic()
        result = CliRunner().invoke(cli, ["build", str(corpus), str(files), "-o", str(tmp_path / "map.html"),
                                          "--config", str(config), "--geojson", str(tmp_path / "events.geojson"),
                                          "--no-cache", "--jobs", "2"])
        elapsed = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert elapsed < 120
    assert stub.total_requests > 0
    mapped = {f["properties"]["doc_id"] for f in json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))["features"]
              if f["properties"]["role"] == "event"}
    assert good_ids <= mapped, f"{len(good_ids - mapped)} good articles missing from the map"
    for name in broken:
        assert name in result.stderr, f"{name} not reported"
    assert "50 input(s) skipped" in result.stderr
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "Zimrabad" in page, "geocoded villages are on the map"
