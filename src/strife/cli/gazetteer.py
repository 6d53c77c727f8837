"""``strife gazetteer``: build, search, extend and describe the place gazetteer."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from strife.cli import app
from strife.errors import InputError
from strife.geo.build import build_gazetteer
from strife.geo.data import (
    KINDS,
    PlaceEntry,
    append_place_entry,
    default_gazetteer_path,
    default_user_places_path,
    load_countries,
    read_place_entries,
)
from strife.geo.gazetteer import Gazetteer

gazetteer_app = typer.Typer(
    help="Build, search and extend the gazetteer that places events on the map.",
    no_args_is_help=True,
)
app.add_typer(gazetteer_app, name="gazetteer")

PathOption = Annotated[
    Path | None,
    typer.Option(
        "--path",
        metavar="FILE",
        help="Gazetteer file (default: $STRIFE_GAZETTEER or the per-user data folder).",
        dir_okay=False,
        show_default=False,
    ),
]


def _stderr() -> Console:
    return Console(stderr=True)


@gazetteer_app.command()
def build(path: PathOption = None) -> None:
    """Build the gazetteer from the packaged GeoNames/Who's On First data (about a minute).

    Reads cities500, the Sahel extracts, the extra places and yours; prints the file's path.

    Example: strife gazetteer build --path /data/strife/gazetteer.sqlite
    """
    console = _stderr()
    started = time.monotonic()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("Building the gazetteer", total=None)

        def report(stage: str, count: int) -> None:
            progress.console.print(f"  [green]✓[/] {stage:<20} {count:>9,}")
            progress.update(task, description=f"Building the gazetteer (after {stage})")

        written = build_gazetteer(path, progress=report)
    size = written.stat().st_size / 1e6
    console.print(
        f"Gazetteer built in {time.monotonic() - started:.0f}s: {written} ({size:.0f} MB)"
    )
    typer.echo(str(written))


@gazetteer_app.command()
def search(
    name: Annotated[str, typer.Argument(help="Place name, any spelling or case.", metavar="NAME")],
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            "-c",
            metavar="CC",
            help="Country context (ISO2 code or name), most likely first; repeatable.",
        ),
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many places.", min=1)] = 20,
    path: PathOption = None,
) -> None:
    """Show the places a name may refer to, best first.

    Example: strife gazetteer search Dioura --country ML
    """
    with Gazetteer.open(path) as gaz:
        places = gaz.candidates(name, countries=country or (), limit=limit)
    if not places:
        _stderr().print(f"No place named {name!r} in the gazetteer.")
        raise typer.Exit(1)
    table = Table(title=f"Places named {name!r}", title_justify="left")
    for column in ("#", "name", "kind", "country", "admin1", "admin2", "lat", "lon", "pop."):
        table.add_column(
            column, justify="right" if column in ("#", "lat", "lon", "pop.") else "left"
        )
    table.add_column("id")
    for i, p in enumerate(places, start=1):
        table.add_row(
            str(i),
            p.name,
            p.kind,
            p.country,
            p.admin1 or "",
            p.admin2 or "",
            f"{p.latitude:.4f}",
            f"{p.longitude:.4f}",
            f"{p.population:,}" if p.population else "",
            p.id,
        )
    Console(width=200).print(table)


def _country_code(value: str) -> str:
    text = value.strip()
    for country in load_countries():
        if text.upper() in (country.iso2, country.iso3) or text.casefold() in (
            n.casefold() for n in country.names
        ):
            return country.iso2
    raise InputError(f"unknown country {value!r}; give an ISO2 code such as ML or a name.")


@gazetteer_app.command()
def add(
    name: Annotated[str, typer.Argument(help="Name of the place.", metavar="NAME")],
    lat: Annotated[float, typer.Option("--lat", help="Latitude, decimal degrees (WGS84).")],
    lon: Annotated[float, typer.Option("--lon", help="Longitude, decimal degrees (WGS84).")],
    country: Annotated[
        str, typer.Option("--country", "-c", metavar="CC", help="ISO2 code (ML) or name.")
    ],
    admin1: Annotated[str | None, typer.Option(help="First-level region, e.g. Mopti.")] = None,
    admin2: Annotated[str | None, typer.Option(help="Second-level unit, e.g. Douentza.")] = None,
    alt: Annotated[
        str | None, typer.Option(help='Other spellings, "|"-separated: "Boulikessi|Boulkessy".')
    ] = None,
    kind: Annotated[
        str, typer.Option(help=f"One of {', '.join(k for k in KINDS if k != 'country')}.")
    ] = "populated",
    source: Annotated[
        str, typer.Option(help='Where the coordinates come from, e.g. "press reports".')
    ] = "",
    note: Annotated[str, typer.Option(help="Anything a later reader should know.")] = "",
    path: PathOption = None,
) -> None:
    """Add a place the gazetteer lacks; it is kept in your places file and survives rebuilds.

    Saved in $STRIFE_USER_PLACES (default: places_user.csv in the per-user data folder).

    With --source geonames:<id>, the names become other spellings of that GeoNames place.

    Example: strife gazetteer add Boulkessi --lat 14.7953 --lon -1.3181 -c ML --kind camp
    """
    entry = PlaceEntry(
        name=name.strip(),
        country_code=_country_code(country),
        latitude=lat,
        longitude=lon,
        kind=kind,
        alternate_names=tuple(a.strip() for a in (alt or "").split("|") if a.strip()),
        admin1=admin1,
        admin2=admin2,
        source=source,
        note=note,
    ).validate(f"place {name!r}")
    console = _stderr()
    user_file = default_user_places_path()
    target = path or default_gazetteer_path()
    if target.exists():
        with Gazetteer.open(target, build_if_missing=False) as gaz:
            place = gaz.add(entry, user_file=user_file)
        console.print(
            f"Added {place.name} ({place.kind}, {place.country}) as {place.id} to {target}"
        )
    else:
        append_place_entry(user_file, entry)
        console.print(f"No gazetteer yet at {target}; the next `strife gazetteer build` adds it.")
    console.print(f"Saved in {user_file}")


@gazetteer_app.command()
def info(path: PathOption = None) -> None:
    """Describe the gazetteer: file, data version, and places by source, kind and country.

    Example: strife gazetteer info
    """
    with Gazetteer.open(path, build_if_missing=False) as gaz:
        stats = gaz.stats()
        country_names = {code: gaz.country_name(code) or code for code in stats.by_country}
    user_file = default_user_places_path()
    console = Console(width=120)
    console.print(f"[bold]Gazetteer[/] {stats.path}")
    console.print(f"data version {stats.data_version}, built {stats.built_at}")
    size = stats.path.stat().st_size / 1e6
    console.print(f"{stats.places:,} places, {stats.names:,} indexed names, {size:.0f} MB")
    console.print(f"user places: {user_file} ({len(read_place_entries(user_file))} entries)")
    for title, counts in (("by source", stats.by_source), ("by kind", stats.by_kind)):
        console.print(f"{title}: " + ", ".join(f"{k} {n:,}" for k, n in counts.items()))
    table = Table(title="Countries with the most places", title_justify="left")
    table.add_column("country")
    table.add_column("code")
    table.add_column("places", justify="right")
    for code, n in list(stats.by_country.items())[:15]:
        table.add_row(country_names[code], code, f"{n:,}")
    console.print(table)
