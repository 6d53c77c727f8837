"""The gazetteer: name keys, building, lookup, context ranking, user additions, errors, CLI."""

from __future__ import annotations

import csv
import math
import pickle
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import strife.cli.gazetteer as gazetteer_cli
import strife.cli.schema  # noqa: F401  (a second command keeps the CLI a group)
from strife.cli import app, main
from strife.errors import DataError, GazetteerError, InputError
from strife.geo import Gazetteer, GazetteerSources, Place, PlaceEntry, build_gazetteer, normalise
from strife.geo.data import KINDS, load_countries, packaged, read_place_entries
from strife.geo.names import clean_admin_name, compact, skeleton

runner = CliRunner()

MOPTI = (14.4843, -4.18296)
KAYES = (14.44776, -11.44393)


# -- name keys ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ségou", "segou"),
        ("SEGOU", "segou"),
        ("N'Djaména", "n djamena"),
        ("N’Djamena", "n djamena"),
        ("Ti-n-Zaouâtene", "ti n zaouatene"),
        ("  Bani-Bangou ", "bani bangou"),
        ("Cœur d'Alène", "coeur d alene"),
        ("Tillabéri", "tillaberi"),
        ("Łódź", "lodz"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bani Bangou", "Banibangou"),
        ("Ti-n-Zaouâtene", "Tin Zaouatene"),
        ("Fada N'Gourma", "Fada Ngourma"),
    ],
)
def test_compact_key_ignores_word_breaks(a: str, b: str) -> None:
    assert compact(normalise(a)) == compact(normalise(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [("Tinzaouaten", "Ti-n-Zaouâtene"), ("Barsalogho", "Barsalogo"), ("El Fasher", "Al Fasher")],
)
def test_skeleton_meets_transliterations(a: str, b: str) -> None:
    assert skeleton(normalise(a)) == skeleton(normalise(b)) != ""


def test_skeleton_is_empty_for_short_names() -> None:
    assert skeleton("gao") == ""


@pytest.mark.parametrize(
    ("official", "acled"),
    [
        ("Tahoua Region", "Tahoua"),
        ("Borno State", "Borno"),
        ("Cercle de Ménaka", "Ménaka"),
        ("Cercle d’ Abeïbara", "Abeïbara"),
        ("Province du Soum", "Soum"),
        ("Département d' Illéla", "Illéla"),
        ("Abidjan Autonomous District", "Abidjan"),
        ("Douentza Cercle", "Douentza"),
        ("Region", "Region"),
    ],
)
def test_clean_admin_name(official: str, acled: str) -> None:
    assert clean_admin_name(official) == acled


# -- lookup ------------------------------------------------------------------------------
@pytest.mark.parametrize("spelling", ["Ségou", "segou", "SEGOU", "Segou"])
def test_accent_and_case_insensitive(tiny_gazetteer: Gazetteer, spelling: str) -> None:
    best = tiny_gazetteer.candidates(spelling)[0]
    assert best.id == "geonames:2451478"
    assert (best.name, best.country, best.kind) == ("Ségou", "Mali", "capital")


@pytest.mark.parametrize(
    ("spelling", "place_id"),
    [
        ("Barsalogho", "geonames:2362735"),  # a GeoNames alternate name of Barsalogo
        ("Banibangou", "geonames:2447132"),  # compact key of "Bani Bangou"
        ("Tinzaouaten", "geonames:2476086"),  # skeleton key of "Ti-n-Zaouâtene"
        ("Chinégodar", "geonames:2446376"),  # alias row of places_extra.csv
        ("Al Fashir", "geonames:379555"),  # cities500 alternate name
        ("Yerwa", "geonames:2331447"),  # WOF alternate merged into the cities500 place
    ],
)
def test_alternate_spellings(tiny_gazetteer: Gazetteer, spelling: str, place_id: str) -> None:
    place = tiny_gazetteer.resolve(spelling, countries=["ML", "BF", "NE", "SD", "NG"])
    assert place is not None
    assert place.id == place_id


def test_loose_spellings_need_the_articles_country(tiny_gazetteer: Gazetteer) -> None:
    # a skeleton match worldwide turns "Jubo League" into Juba; inside Mali it is a variant
    assert tiny_gazetteer.resolve("Tinzaouaten") is None
    assert tiny_gazetteer.resolve("Tinzaouaten", countries=["ML"]) is not None


def test_exact_match_ranks_before_transliteration(tiny_gazetteer: Gazetteer) -> None:
    assert tiny_gazetteer.candidates("Barsalogo")[0].id == "geonames:2362735"


def test_no_match(tiny_gazetteer: Gazetteer) -> None:
    assert tiny_gazetteer.candidates("Qwertyuiop") == []
    assert tiny_gazetteer.resolve("Qwertyuiop", countries=["ML"]) is None
    assert tiny_gazetteer.candidates("") == []


def test_same_place_from_several_sources_appears_once(tiny_gazetteer: Gazetteer) -> None:
    # Mopti is in cities500 and in the GeoNames extract; Maiduguri in cities500 and WOF, and a
    # WOF row without GeoNames id ("Yerwa", 3 km away) is one of its alternate names.
    mopti = [p for p in tiny_gazetteer.candidates("Mopti") if p.kind != "admin1"]
    assert [p.id for p in mopti] == ["geonames:2453348"]
    assert mopti[0].kind == "capital"  # the extract's PPLA wins over cities500's "populated"
    assert [p.id for p in tiny_gazetteer.candidates("Yerwa")] == ["geonames:2331447"]


def test_candidates_put_given_countries_first_in_order(tiny_gazetteer: Gazetteer) -> None:
    plain = tiny_gazetteer.candidates("Dioura")
    assert [p.country_code for p in plain[:2]] == ["ML", "ML"]
    assert tiny_gazetteer.candidates("Dioura", countries=["TD"])[0].country_code == "TD"
    by_name = tiny_gazetteer.candidates("Dioura", countries=["Tchad", "Mali"])
    assert [p.country_code for p in by_name] == ["TD", "ML", "ML"]
    assert len(tiny_gazetteer.candidates("Dioura", limit=1)) == 1


def test_candidates_kind_order(tiny_gazetteer: Gazetteer) -> None:
    kinds = [p.kind for p in tiny_gazetteer.candidates("Tahoua")]
    assert kinds == ["capital", "admin1"]


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ({"near": [MOPTI]}, "geonames:2458636"),
        ({"near": [KAYES]}, "geonames:2458637"),
        ({"admin1": "Kayes"}, "geonames:2458637"),
        ({"admin1": "Mopti region"}, "geonames:2458636"),
        ({"countries": ["TD"]}, "wof:421170004"),
        ({"countries": ["ML"], "near": [KAYES]}, "geonames:2458637"),
    ],
)
def test_resolve_uses_context(
    tiny_gazetteer: Gazetteer, context: dict[str, object], expected: str
) -> None:
    place = tiny_gazetteer.resolve("Dioura", **context)  # type: ignore[arg-type]
    assert place is not None
    assert place.id == expected


def test_resolve_prefers_town_to_region_and_excludes_countries(tiny_gazetteer: Gazetteer) -> None:
    mopti = tiny_gazetteer.resolve("Mopti", countries=["ML"])
    assert mopti is not None and mopti.kind == "capital"
    assert tiny_gazetteer.resolve("Mali") is None
    mali = tiny_gazetteer.resolve("Mali", kinds=["country"])
    assert mali is not None and mali.id == "country:ML"


def test_place_fields(tiny_gazetteer: Gazetteer) -> None:
    djibo = tiny_gazetteer.resolve("Djibo", countries=["BF"])
    assert djibo == Place(
        id="geonames:2361177",
        name="Djibo",
        country="Burkina Faso",
        country_code="BF",
        admin1="Sahel",
        admin2="Soum",
        latitude=14.0994,
        longitude=-1.62554,
        kind="populated",
        population=61462,
        source="geonames",
    )


@pytest.mark.parametrize(
    ("name", "expected", "lat_lon"),
    [
        ("Tahoua", "admin1:NE.06", (14.8888, 5.2692)),  # at the PPLA, not the ADM1 centroid
        ("the Dosso region", "admin1:NE.03", (13.049, 3.1937)),
        ("région de Tahoua", "admin1:NE.06", (14.8888, 5.2692)),
        ("Borno State", "admin1:NG.27", (11.84692, 13.15712)),  # no PPLA: biggest town
        ("North Darfur", "admin1:SD.55", (13.62793, 25.34936)),  # ACLED's name
        ("Northern Darfur", "admin1:SD.55", (13.62793, 25.34936)),  # GeoNames' name
    ],
)
def test_admin1_region_sits_at_its_capital(
    tiny_gazetteer: Gazetteer, name: str, expected: str, lat_lon: tuple[float, float]
) -> None:
    region = tiny_gazetteer.admin1_region(name)
    assert region is not None
    assert (region.id, region.kind) == (expected, "admin1")
    assert (region.latitude, region.longitude) == pytest.approx(lat_lon)


def test_admin1_region_names_and_unknowns(tiny_gazetteer: Gazetteer) -> None:
    tahoua = tiny_gazetteer.admin1_region("Tahoua", countries=["NE"])
    assert tahoua is not None and (tahoua.name, tahoua.admin1) == ("Tahoua", "Tahoua")
    assert tiny_gazetteer.admin1_region("Djibo") is None  # a town, not a region


@pytest.mark.parametrize(
    ("name", "acled"),
    [
        ("Mali", "Mali"),
        ("Tchad", "Chad"),
        ("RDC", "Democratic Republic of Congo"),
        ("République démocratique du Congo", "Democratic Republic of Congo"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("cote d ivoire", "Ivory Coast"),
        ("Nigéria", "Nigeria"),
        ("Burkina", "Burkina Faso"),
        ("ML", "Mali"),
    ],
)
def test_country_names_and_french_aliases(tiny_gazetteer: Gazetteer, name: str, acled: str) -> None:
    country = tiny_gazetteer.country(name)
    assert country is not None
    assert (country.name, country.country, country.kind) == (acled, acled, "country")


def test_country_sits_at_capital_and_rejects_non_countries(tiny_gazetteer: Gazetteer) -> None:
    mali = tiny_gazetteer.country("Mali")
    assert mali is not None and (mali.latitude, mali.longitude) == (12.65, -8.0)
    assert tiny_gazetteer.country("Malian") is None  # demonyms are a separate method
    assert tiny_gazetteer.country("Mopti") is None
    assert tiny_gazetteer.country("AND") is None  # ISO3 codes are words in running text
    assert tiny_gazetteer.country_code("MLI") == "ML"


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Malian", "Mali"),
        ("Malians", "Mali"),
        ("maliennes", "Mali"),
        ("Burkinabè", "Burkina Faso"),
        ("burkinabe", "Burkina Faso"),
        ("Nigerien", "Niger"),
        ("nigériens", "Niger"),
        ("Nigerian", "Nigeria"),
        ("tchadiennes", "Chad"),
        ("Sudanese", "Sudan"),
        ("Somali", "Somalia"),
        ("ivoirien", "Ivory Coast"),
    ],
)
def test_demonyms(tiny_gazetteer: Gazetteer, word: str, country: str) -> None:
    assert tiny_gazetteer.country_by_demonym(word) == country


def test_unknown_demonym(tiny_gazetteer: Gazetteer) -> None:
    assert tiny_gazetteer.country_by_demonym("Martian") is None


def test_extra_places(tiny_gazetteer: Gazetteer) -> None:
    camp = tiny_gazetteer.resolve("Boulkessi")
    assert camp is not None
    assert (camp.id, camp.kind, camp.source, camp.admin1, camp.admin2) == (
        "extra:boulkessi",
        "camp",
        "extra",
        "Mopti",
        "Douentza",
    )
    assert (camp.latitude, camp.longitude) == (14.7953, -1.3181)
    # "Boulikessi" is both the camp's alternate name and a Burkina village: context decides.
    ml = tiny_gazetteer.resolve("Boulikessi", countries=["ML"])
    bf = tiny_gazetteer.resolve("Boulikessi", countries=["BF"])
    assert ml is not None and ml.id == "extra:boulkessi"
    assert bf is not None and bf.id == "geonames:2362013"


def test_is_name(tiny_gazetteer: Gazetteer) -> None:
    assert tiny_gazetteer.is_name("segou")
    assert tiny_gazetteer.is_name("bani bangou")
    assert tiny_gazetteer.is_name("banibangou")
    assert tiny_gazetteer.is_name("boulkessi")
    assert tiny_gazetteer.is_name("tahoua region")
    assert tiny_gazetteer.is_name("mali")
    assert not tiny_gazetteer.is_name("anefis")  # only a well: sites are not anchors
    assert not tiny_gazetteer.is_name("nbo")  # airport codes are dropped
    assert not tiny_gazetteer.is_name("qwerty")
    assert tiny_gazetteer.is_name("nairobi", min_population=1_000_000)
    assert not tiny_gazetteer.is_name("dioura", min_population=1000)


def test_lookup_is_fast(tiny_gazetteer: Gazetteer) -> None:
    names = ["Ségou", "Dioura", "Djibo", "Tahoua", "Qwerty", "Bani Bangou"] * 500
    started = time.perf_counter()
    for name in names:
        tiny_gazetteer.candidates(name, countries=["ML", "BF"])
    assert (time.perf_counter() - started) / len(names) < 0.001


def test_place_and_gazetteer_pickle(tiny_gazetteer: Gazetteer) -> None:
    place = tiny_gazetteer.resolve("Kidal")
    assert place is not None
    assert pickle.loads(pickle.dumps(place)) == place
    clone = pickle.loads(pickle.dumps(tiny_gazetteer))
    try:
        assert clone.path == tiny_gazetteer.path
        assert clone.resolve("Kidal") == place
    finally:
        clone.close()


# -- building and user additions -----------------------------------------------------------
Sources = Callable[..., GazetteerSources]


def test_build_skips_unknown_countries_and_reports_progress(
    tmp_path: Path, tiny_sources: Sources
) -> None:
    stages: list[tuple[str, int]] = []
    path = build_gazetteer(
        tmp_path / "g.sqlite", sources=tiny_sources(), progress=lambda s, n: stages.append((s, n))
    )
    assert path.exists()
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed away
    names = [s for s, _ in stages]
    assert names[0] == "admin tables" and names[-1] == "written"
    assert ("cities500", 7) in stages  # the "ZZ" record has no country
    with Gazetteer.open(path) as gaz:
        assert gaz.candidates("Nowhere") == []


def test_user_add_is_found_and_survives_rebuild(
    gazetteer_copy: Path, tmp_path: Path, tiny_sources: Sources
) -> None:
    user_file = tmp_path / "mine.csv"
    entry = PlaceEntry(
        name="Tin-Hama Camp",
        country_code="ml",
        latitude=16.0,
        longitude=1.0,
        kind="camp",
        alternate_names=("Tinhama",),
        admin1="Gao",
        source="press reports",
    )
    with Gazetteer.open(gazetteer_copy) as gaz:
        place = gaz.add(entry, user_file=user_file)
        assert (place.id, place.source, place.country) == ("user:tin-hama-camp", "user", "Mali")
        assert gaz.resolve("Tinhama", countries=["ML"]) == place
        assert gaz.is_name("tin hama camp")
    saved = read_place_entries(user_file)
    assert [(e.name, e.country_code, e.kind) for e in saved] == [("Tin-Hama Camp", "ML", "camp")]

    rebuilt = build_gazetteer(tmp_path / "rebuilt.sqlite", sources=tiny_sources(user=user_file))
    with Gazetteer.open(rebuilt) as gaz:
        again = gaz.resolve("Tinhama")
        assert again is not None
        assert (again.id, again.source, again.kind) == ("user:tin-hama-camp", "user", "camp")


def test_user_alias_of_geonames_place(gazetteer_copy: Path, tmp_path: Path) -> None:
    entry = PlaceEntry(
        name="Sirakoro-la",
        country_code="ML",
        latitude=13.28671,
        longitude=-7.56982,
        source="geonames:2451005",
    )
    with Gazetteer.open(gazetteer_copy) as gaz:
        place = gaz.add(entry, user_file=tmp_path / "mine.csv")
        assert place.id == "geonames:2451005"
        assert gaz.resolve("Sirakoro-la") == place


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"latitude": 91.0}, "latitude"),
        ({"country_code": "Mali"}, "two-letter"),
        ({"country_code": "QQ"}, "unknown country"),
        ({"kind": "castle"}, "kind must be one of"),
        ({"name": " "}, "needs a name"),
    ],
)
def test_user_add_rejects_bad_entries(
    gazetteer_copy: Path, change: dict[str, object], message: str
) -> None:
    fields: dict[str, object] = {
        "name": "X",
        "country_code": "ML",
        "latitude": 1.0,
        "longitude": 1.0,
    }
    entry = PlaceEntry(**{**fields, **change})  # type: ignore[arg-type]
    with Gazetteer.open(gazetteer_copy) as gaz, pytest.raises(InputError, match=message):
        gaz.add(entry, persist=False)


def test_bad_places_file_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country_code,latitude,longitude\nX,ML,north,1\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.csv:2"):
        read_place_entries(bad)


# -- errors ----------------------------------------------------------------------------------
def test_missing_file_without_build(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="strife gazetteer build"):
        Gazetteer.open(tmp_path / "absent.sqlite", build_if_missing=False)


@pytest.mark.parametrize("content", [b"this is not a database" * 100, b""])
def test_corrupt_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(content)
    with pytest.raises(GazetteerError, match="not a Strife gazetteer or is damaged"):
        Gazetteer.open(path, build_if_missing=False)


def test_other_schema_version(gazetteer_copy: Path) -> None:
    with sqlite3.connect(gazetteer_copy) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    with pytest.raises(GazetteerError, match="another version of Strife"):
        Gazetteer.open(gazetteer_copy)


def test_closed_gazetteer(tiny_gazetteer_path: Path) -> None:
    gaz = Gazetteer.open(tiny_gazetteer_path)
    gaz.close()
    with pytest.raises(GazetteerError, match="closed"):
        gaz.candidates("Qwerty-closed")


# -- packaged data ---------------------------------------------------------------------------
ACLED_REGIONS = {
    "Western Africa",
    "Middle Africa",
    "Eastern Africa",
    "Southern Africa",
    "Northern Africa",
    "Middle East",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "Caucasus and Central Asia",
    "Europe",
    "North America",
    "Central America",
    "South America",
    "Caribbean",
    "Oceania",
    "Antarctica",
}


def test_packaged_countries() -> None:
    countries = load_countries()
    assert len(countries) >= 245
    assert len({c.iso3 for c in countries}) == len(countries)
    assert {c.region for c in countries} <= ACLED_REGIONS
    by_code = {c.iso2: c for c in countries}
    assert by_code["CD"].name == "Democratic Republic of Congo"
    assert by_code["SZ"].name == "eSwatini"
    assert "Tchad" in by_code["TD"].aliases_fr
    assert {"malien", "malienne", "maliens", "maliennes"} <= set(by_code["ML"].demonyms_fr)


def test_packaged_extra_places_name_their_sources() -> None:
    entries = read_place_entries(packaged("places_extra.csv"))
    assert {"Boulkessi", "Inates"} <= {e.name for e in entries}
    for entry in entries:
        assert entry.source and entry.note, entry.name
        assert entry.kind in KINDS
    boulkessi = next(e for e in entries if e.name == "Boulkessi")
    assert (boulkessi.latitude, boulkessi.longitude, boulkessi.kind) == (14.7953, -1.3181, "camp")


def test_packaged_extracts_exist() -> None:
    for name in ("geonames.tsv.gz", "wof.tsv.gz", "admin1.tsv.gz", "admin2.tsv.gz"):
        assert packaged("geo", name).is_file(), name
    assert packaged("geo", "ATTRIBUTION.md").is_file()


# -- CLI -------------------------------------------------------------------------------------
def test_cli_search(tiny_gazetteer_path: Path) -> None:
    args = ["gazetteer", "search", "Dioura", "--country", "ML", "--path", str(tiny_gazetteer_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "geonames:2458636" in result.stdout
    assert result.stdout.index("Mopti") < result.stdout.index("Kayes")


def test_cli_search_nothing(tiny_gazetteer_path: Path) -> None:
    result = runner.invoke(
        app, ["gazetteer", "search", "Qwertyuiop", "--path", str(tiny_gazetteer_path)]
    )
    assert result.exit_code == 1
    assert "No place named 'Qwertyuiop'" in result.output


def test_cli_add_and_info(gazetteer_copy: Path, tmp_path: Path) -> None:
    args = ["gazetteer", "add", "Camp Bravo", "--lat", "14.1", "--lon", "-1.5", "--country"]
    args += ["Burkina Faso", "--kind", "camp", "--alt", "Bravo|Kamp Bravo", "--source", "test"]
    result = runner.invoke(app, [*args, "--path", str(gazetteer_copy)])
    assert result.exit_code == 0, result.output
    assert "user:camp-bravo" in result.output
    with (tmp_path / "places_user.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["name"] == "Camp Bravo" and rows[0]["alternate_names"] == "Bravo|Kamp Bravo"

    result = runner.invoke(app, ["gazetteer", "info", "--path", str(gazetteer_copy)])
    assert result.exit_code == 0, result.output
    assert "places" in result.stdout and "user 1" in result.stdout and "Mali" in result.stdout


def test_cli_add_without_gazetteer_only_saves(tmp_path: Path) -> None:
    args = ["gazetteer", "add", "Camp Delta", "--lat", "1", "--lon", "2", "--country", "ML"]
    result = runner.invoke(app, [*args, "--path", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 0, result.output
    assert "next `strife gazetteer build`" in result.output
    assert read_place_entries(tmp_path / "places_user.csv")[0].name == "Camp Delta"


def test_cli_add_rejects_bad_input(tmp_path: Path) -> None:
    args = ["gazetteer", "add", "X", "--lat", "100", "--lon", "2", "--country", "ML"]
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    result = runner.invoke(
        app, ["gazetteer", "add", "X", "--lat", "1", "--lon", "2", "-c", "Atlantis"]
    )
    assert isinstance(result.exception, InputError)


def test_cli_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_sources: Sources) -> None:
    def tiny_build(path: Path | None = None, **kwargs: object) -> Path:
        return build_gazetteer(path, sources=tiny_sources(), **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gazetteer_cli, "build_gazetteer", tiny_build)
    target = tmp_path / "built.sqlite"
    result = runner.invoke(app, ["gazetteer", "build", "--path", str(target)])
    assert result.exit_code == 0, result.output
    assert str(target) in result.stdout
    assert target.exists()


def test_cli_missing_gazetteer_is_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["strife", "gazetteer", "info", "--path", str(tmp_path / "absent.sqlite")]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: no gazetteer at") and "\n" not in err


def test_cli_help_has_examples() -> None:
    for command in ("build", "search", "add", "info"):
        result = runner.invoke(app, ["gazetteer", command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.stdout, command


def test_fixture_files_are_tiny(fixtures_dir: Path) -> None:
    # The point of the fixtures: fast tests that never need cities500 or ../shared.
    assert len((fixtures_dir / "geonames.tsv").read_text(encoding="utf-8").splitlines()) < 60
    assert "shared" not in str(fixtures_dir.resolve())


def test_resolve_prefers_a_place_s_own_name_to_another_s_old_name(
    gazetteer_copy: Path, tmp_path: Path
) -> None:
    # "Mobti" is an alternate name of the city of Mopti; a village of that very name exists too
    village = PlaceEntry(
        name="Mobti",
        country_code="ML",
        latitude=14.9,
        longitude=-4.0,
        kind="populated",
        admin1="Mopti",
        source="test",
    )
    with Gazetteer.open(gazetteer_copy) as gaz:
        added = gaz.add(village, user_file=tmp_path / "mine.csv")
        assert gaz.resolve("Mobti", countries=["ML"]) == added
        mopti = gaz.resolve("Mopti", countries=["ML"])
        assert mopti is not None and mopti.kind == "capital"


def test_spelled_like_finds_a_vowel_variant_within_its_province_only(
    tiny_gazetteer: Gazetteer,
) -> None:
    found = tiny_gazetteer.spelled_like("Sirakarola", country="ML", admin1="Koulikoro")
    assert [p.id for p in found] == ["geonames:2451005"]
    assert tiny_gazetteer.spelled_like("Sirakarola", country="ML", admin1="Mopti") == []
    # a letter missing is a vowel too many or too few, not another word
    assert tiny_gazetteer.spelled_like("Srkrl", country="ML", admin1="Koulikoro") == []


def test_km_to_province_is_zero_inside_and_grows_outside(tiny_gazetteer: Gazetteer) -> None:
    mopti = tiny_gazetteer.resolve("Dioura", countries=["ML"], admin1="Mopti")
    assert mopti is not None
    assert tiny_gazetteer.km_to_province(
        mopti.latitude, mopti.longitude, country="ML", admin1="Mopti"
    ) == pytest.approx(0.0)
    assert (
        tiny_gazetteer.km_to_province(mopti.latitude, mopti.longitude, country="ML", admin1="Kayes")
        > 100
    )
    assert tiny_gazetteer.km_to_province(14.0, -4.0, country="ML", admin1="Nowhere") == math.inf
