"""Shared fixtures: the sample articles in ../shared (skipped cleanly where absent) and one
extractor per test session (building its spaCy pipeline and gazetteer takes about a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's real caches (geocoder answers, article results)."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    return seeds


@pytest.fixture(scope="session")
def extractor():  # noqa: ANN201 - geomap.pipeline.Extractor
    from geomap.pipeline import Extractor

    return Extractor()
