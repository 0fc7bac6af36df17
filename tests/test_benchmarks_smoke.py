"""Smoke tests of the benchmark corpus loaders (benchmarks/corpora.py): cheap, no geomap model.

They read ``../shared/benchmarks`` beside the repository and skip when it is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_corpora():
    spec = importlib.util.spec_from_file_location("benchmarks_corpora", ROOT / "benchmarks" / "corpora.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


corpora = _load_corpora()
SHARED = corpora.default_shared()
BENCH = corpora.benchmarks_dir(SHARED)

needs_data = pytest.mark.skipif(not BENCH.is_dir(), reason=f"{BENCH} is absent")


@needs_data
@pytest.mark.parametrize("name", corpora.CORPORA)
def test_first_article_gold_offsets_match_text(name: str) -> None:
    doc = next(corpora.load(name, SHARED, limit=1))
    assert doc.id and doc.text
    assert doc.gold, f"{name}: first article has no gold toponyms"
    matching = sum(doc.text[g.start:g.end] == g.phrase for g in doc.gold)
    assert matching / len(doc.gold) >= 0.9
    assert all(0 <= g.start < g.end <= len(doc.text) for g in doc.gold)
    assert any(g.has_point for g in doc.gold)
    for g in doc.gold:
        if g.has_point:
            assert -90 <= g.lat <= 90 and -180 <= g.lon <= 180


@needs_data
def test_gwn_gold_lines_follow_the_xml_article_order() -> None:
    # gwn_full.txt is in GWN.xml order ("0", "1", "10", "100"…); the 3rd article is file 10.
    docs = list(corpora.load_gwn(SHARED, limit=3))
    assert [d.id for d in docs] == ["gwn-0", "gwn-1", "gwn-10"]
    for d in docs:
        assert all(d.text[g.start:g.end] == g.phrase for g in d.gold)


@needs_data
def test_geovirus_offsets_are_realigned() -> None:
    doc = next(corpora.load_geovirus(SHARED, limit=1))
    assert all(doc.text[g.start:g.end] == g.phrase for g in doc.gold)


@needs_data
def test_fakes_dev_first_article() -> None:
    article = next(corpora.load_fakes(SHARED, limit=1))
    assert article.text and article.event_date is not None
    assert article.governorate in {"aleppo", "damascus", "idlib", "deir ezzor", "raqqa", "homs", "hasakeh", "hama",
                                   "daraa", "lattakia", "quneitra", "tartous"}


def test_in_syria_and_realign() -> None:
    assert corpora.in_syria(36.2, 37.16)  # Aleppo
    assert not corpora.in_syria(41.0, 28.9)  # Istanbul
    assert not corpora.in_syria(None, None)
    text = "xx Aleppo and Idlib"
    assert corpora.realign(text, 4, 10, "Aleppo") == (3, 9, True)
    assert corpora.realign(text, 3, 9, "Aleppo") == (3, 9, False)
    assert corpora.realign(text, 0, 4, "Homs") == (0, 4, False)
