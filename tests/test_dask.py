"""geomap.dask on a real two-process LocalCluster: the same events as the local Extractor, one
extractor per worker process, records read like JSONL rows, GeoParquet that geopandas reads.

The articles are short news-style texts written for these tests (not reports of real events).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import subprocess
import sys
import textwrap

import pytest

distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
pd = pytest.importorskip("pandas")

import geomap.dask as gdask
from geomap.model import EVENT_FIELDS, Article
from geomap.read import read_articles

TEXTS = [
    "Air strikes hit Saraqib in Idlib province on 3 May 2019, killing four civilians, rescuers said.",
    ("DOUMA, Syria (Reuters) - Government shelling struck a market in Douma on 12 February 2018. "
     "Medics said at least nine people were killed."),
    "Barrel bombs fell on Maarat al-Numan on 19 December 2019 as thousands fled north towards the Turkish border.",
    "Activists in Kafr Nabl held a protest on 4 March 2016, raising banners against the siege.",
    "Clashes broke out between the Syrian Democratic Forces and Islamic State fighters in Raqqa on 6 June 2017.",
    "Regime forces shelled Khan Shaykhun and Kafr Nabl on 20 August 2019, a monitor said.",
    "Families displaced from Maarat al-Numan arrived in camps near Atmeh on 28 January 2020.",
    "A car bomb exploded in Azaz on 7 January 2017, killing at least 40 people.",
    "Jets struck the town of Saraqib on 5 February 2020 as government troops advanced along the M5 highway.",
    "Heavy clashes erupted near Tal Rifaat in northern Aleppo on 14 November 2019.",
    "Shelling on Douma and Harasta killed eleven people on 22 February 2018, the White Helmets said.",
    "The offensive on Raqqa began on 6 June 2017, with US-backed forces entering the eastern districts.",
    "Residents of Deir ez-Zor reported air strikes on the city on 9 September 2017.",
    "Russian warplanes bombed Jisr al-Shughur and Ariha on 1 October 2015, according to activists.",
    "Thousands of people fled Ghouta on 15 March 2018 after weeks of bombardment.",
    "Protesters gathered in Daraa on 18 March 2011, the first large demonstration in the south.",
    "A drone strike killed two men near Idlib city on 30 June 2021.",
    "Fighting continued around Palmyra on 24 March 2016 as the army advanced on the ancient city.",
    "The weather was mild and markets were busy on Sunday, traders said.",
    "Shelling hit Maarat al-Numan and Saraqib on 16 December 2019, and clashes were reported in Kafr Nabl.",
]


def _articles() -> list[Article]:
    articles = []
    for i, text in enumerate(TEXTS):
        published = dt.date(2021, 1, 1) + dt.timedelta(days=i) if i % 3 == 0 else None
        articles.append(Article(id=f"art-{i:02d}", text=text, title=f"Report {i}" if i % 2 else None,
                                published=published, source=f"https://news.example/{i}" if i % 4 == 0 else None))
    return articles


def _rows(frame) -> list[dict]:
    return [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
            for row in frame.to_dict("records")]


def _local(extractor, articles) -> list[dict]:
    return [e.to_dict() for a in articles for e in extractor.events(a)]


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r["doc_id"], r["start_char"]))


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_events_frame_columns_and_meta() -> None:
    bag = db.from_sequence(_articles(), npartitions=5)
    events = gdask.extract_bag(bag)
    assert list(events.columns) == list(EVENT_FIELDS)
    assert events.npartitions == 5
    dtypes = events.dtypes.to_dict()
    assert {str(dtypes[c]) for c in ("start_char", "end_char", "reports")} == {"int64"}
    assert {str(dtypes[c]) for c in ("lat", "lon", "score")} == {"float64"}
    assert all(dtypes[c] == object for c in EVENT_FIELDS if c not in
               ("start_char", "end_char", "reports", "lat", "lon", "score"))


def test_extract_bag_matches_the_local_extractor(client, extractor) -> None:
    articles = _articles()
    expected = _local(extractor, articles)
    events = gdask.extract_bag(db.from_sequence(articles, npartitions=10))
    result = events.compute()
    assert list(result.columns) == list(EVENT_FIELDS)
    assert str(result["start_char"].dtype) == "int64" and result["doc_id"].dtype == object
    got = _rows(result)
    assert len(expected) > len(TEXTS)  # the texts do name places
    assert _sorted(got) == _sorted(expected)
    assert got == expected  # partitions in order, events in text order: the same order too
    per_partition = events.map_partitions(len).compute().tolist()
    assert len(per_partition) == 10 and sum(per_partition) == len(expected)


def test_each_worker_builds_its_extractor_once(client) -> None:
    bag = db.from_sequence(_articles(), npartitions=10)
    gdask.extract_bag(bag).compute()
    before = client.run(gdask.extractor_cache_info)
    gdask.extract_bag(bag).compute()  # a second run reuses the cached extractors
    after = client.run(gdask.extractor_cache_info)
    pids = {info["pid"] for info in after.values()}
    assert len(pids) == 2 and os.getpid() not in pids  # two worker processes, not this one
    tasks = 0
    for address, info in after.items():
        default = [e for e in info["extractors"] if e["key"] == repr(((), None, None))]
        if not default:
            continue
        (entry,) = default
        assert entry["builds"] == 1, f"worker {address} built its extractor {entry['builds']} times"
        previous = [e for e in before[address]["extractors"] if e["key"] == entry["key"]]
        assert not previous or previous[0]["id"] == entry["id"]  # the same object across runs
        tasks += entry["tasks"]
    assert tasks >= 20  # at least 20 partition tasks ran on the workers, with at most 2 builds
    assert not any(e["key"] == repr(((), None, None)) for e in gdask.extractor_cache_info()["extractors"]
                   if e["tasks"])  # the client process ran no extraction task itself


def _records() -> list[dict]:
    records = []
    for i, text in enumerate(TEXTS):
        record: dict = {"id": f"row-{i:02d}", "text": text}
        if i % 2:
            record["title"] = f"Report {i}"
        if i % 3 == 0:
            record["published"] = f"2021-01-{i + 1:02d}"
        if i % 4 == 0:
            record["url"] = f"https://news.example/{i}"
        records.append(record)
    # A publication date in the text's first line, found as the JSONL reader finds it.
    records.append({"id": "dated-in-text", "text": "Idlib Daily, 12 March 2019\n\nShelling hit Saraqib on Monday."})
    return records


def test_extract_frame_reads_records_like_jsonl(client, extractor, tmp_path) -> None:
    records = _records()
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    expected = _local(extractor, read_articles([path]))
    frame = dd.from_pandas(pd.DataFrame.from_records(records), npartitions=4, sort=False)
    events = gdask.extract_frame(frame)
    assert events.npartitions == 4 and list(events.columns) == list(EVENT_FIELDS)
    got = _rows(events.compute())
    assert _sorted(got) == _sorted(expected)
    assert any(r["doc_id"] == "dated-in-text" and (r["date"] or "").startswith("2019-03") for r in got)


def test_rows_without_text_are_skipped_with_a_warning(caplog) -> None:
    frame = pd.DataFrame({
        "id": ["a", "b", "c", "d"],
        "text": ["Air strikes hit Saraqib on 3 May 2019.", None, "   ", "Shelling on Douma on 2 June 2018."],
        "published": [None, None, None, "not a date"],
    })
    with caplog.at_level(logging.WARNING, logger="geomap"):
        result = gdask.extract_frame(dd.from_pandas(frame, npartitions=2, sort=False)).compute(scheduler="sync")
    assert set(result["doc_id"]) == {"a", "d"}
    messages = " | ".join(r.getMessage() for r in caplog.records)
    assert "row 1: missing 'text' (skipped)" in messages
    assert "row 2: empty 'text' (skipped)" in messages
    assert "cannot read the published date 'not a date'" in messages
    bag = db.from_sequence([{"id": "x"}, {"id": "y", "text": 3}, 42, Article(id="z", text=" "), "Clashes in Raqqa."],
                           npartitions=1)
    with caplog.at_level(logging.WARNING, logger="geomap"):
        result = gdask.extract_bag(bag).compute(scheduler="sync")
    assert list(result["place"]) and set(result["doc_id"]) == {"partition 0 item 4"}
    assert "'text' is not a string (int)" in caplog.text and "got int (skipped)" in caplog.text


@pytest.mark.parametrize("writer", ["geopandas", "dask-geopandas"])
def test_to_geoparquet_reads_back_with_geopandas(client, extractor, tmp_path, monkeypatch, writer) -> None:
    geopandas = pytest.importorskip("geopandas")
    if writer == "geopandas":
        monkeypatch.setitem(sys.modules, "dask_geopandas", None)  # import fails: the fallback path
    else:
        pytest.importorskip("dask_geopandas")
    articles = _articles()
    events = gdask.extract_bag(db.from_sequence(articles, npartitions=6))
    out = gdask.to_geoparquet(events, tmp_path / "events.parquet")
    frame = geopandas.read_parquet(out)
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    assert list(frame.columns) == [*EVENT_FIELDS, "geometry"]
    expected = _local(extractor, articles)
    assert len(frame) == len(expected)
    frame = frame.sort_values(["doc_id", "start_char"], kind="stable").reset_index(drop=True)
    for row, want in zip(frame.itertuples(index=False), _sorted(expected), strict=True):
        assert (row.doc_id, row.place_id, row.start_char) == (want["doc_id"], want["place_id"], want["start_char"])
        assert (row.geometry.x, row.geometry.y) == pytest.approx((want["lon"], want["lat"]))
    with pytest.raises(FileExistsError):
        gdask.to_geoparquet(events, out)
    gdask.to_geoparquet(events, out, overwrite=True)
    assert len(geopandas.read_parquet(out)) == len(expected)


def test_importing_geomap_does_not_import_dask_and_a_missing_dask_names_the_extra() -> None:
    code = textwrap.dedent("""
        import sys
        import geomap, geomap.pipeline, geomap.export, geomap.read
        assert not [m for m in sys.modules if m == "dask" or m.startswith("dask.")], "geomap imported dask"
        sys.modules["dask"] = None  # as if dask were not installed
        try:
            import geomap.dask
        except ImportError as exc:
            print(exc)
        else:
            raise SystemExit("geomap.dask imported without dask")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert "pip install 'geomap[dask]'" in out.stdout
