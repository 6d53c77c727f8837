"""Fixtures for the gazetteer: a tiny gazetteer built from ``fixtures/`` in well under a second.

The fixture files hold a few dozen real Sahel places (GeoNames ids and coordinates), a handful of
cities500-style records and three extra places, in the packaged extracts' formats; the country
table is the packaged ``countries.yaml``. Nothing here reads ``../shared`` or the user's files.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from strife.geo import Gazetteer, GazetteerSources, build_gazetteer
from strife.geo.data import packaged

FIXTURES = Path(__file__).parent / "fixtures"


def _tiny_sources(user: Path | None = None) -> GazetteerSources:
    return GazetteerSources(
        geo_dir=FIXTURES,
        countries=packaged("countries.yaml"),
        extra=FIXTURES / "places_extra.csv",
        user=user,
        cities=FIXTURES / "cities.json",
    )


@pytest.fixture
def tiny_sources() -> Callable[..., GazetteerSources]:
    """Make the fixture inputs: ``tiny_sources(user=path)`` adds a user places file."""
    return _tiny_sources


@pytest.fixture
def fixtures_dir() -> Path:
    """The folder of fixture files."""
    return FIXTURES


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real per-user gazetteer or places file."""
    monkeypatch.setenv("STRIFE_GAZETTEER", str(tmp_path / "default-gazetteer.sqlite"))
    monkeypatch.setenv("STRIFE_USER_PLACES", str(tmp_path / "places_user.csv"))


@pytest.fixture(scope="session")
def tiny_gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A read-only tiny gazetteer shared by the session (copy it before changing it)."""
    path = tmp_path_factory.mktemp("gaz") / "tiny.sqlite"
    return build_gazetteer(path, sources=_tiny_sources())


@pytest.fixture
def tiny_gazetteer(tiny_gazetteer_path: Path) -> Iterator[Gazetteer]:
    """The shared tiny gazetteer, opened."""
    with Gazetteer.open(tiny_gazetteer_path, build_if_missing=False) as gaz:
        yield gaz


@pytest.fixture
def gazetteer_copy(tiny_gazetteer_path: Path, tmp_path: Path) -> Path:
    """A private copy of the tiny gazetteer file, for tests that add places."""
    path = tmp_path / "copy.sqlite"
    shutil.copyfile(tiny_gazetteer_path, path)
    return path
