"""Options several commands share, declared once so they read the same everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="PATH|URL",
        envvar="STRIFE_DB",
        help="The database: a SQLite file or a postgresql+psycopg:// URL "
        "[default: $STRIFE_DB, else ./strife.db].",
        show_default=False,
    ),
]

OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the output to FILE instead of stdout.",
        dir_okay=False,
    ),
]
