"""The ``strife`` command: one Typer app, one module per command (thin wrappers over the library)."""

from __future__ import annotations

import logging
import sys

import typer
from typer._click.exceptions import ClickException as TyperClickException

from strife.errors import StrifeError

app = typer.Typer(
    name="strife",
    help="Turn conflict news into geocoded, source-attributed ACLED-style event data.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register() -> None:
    # Imported for their @app.command side effect; kept in one place so the command list is visible.
    from strife.cli import (  # noqa: F401
        batch,
        demo,
        evaluate,
        explain,
        export,
        extract,
        gazetteer,
        ingest,
        schema,
        serve,
        token,
        watch,
    )


def main() -> None:
    """Entry point: run the app and turn every StrifeError into a one-line message."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _register()
    try:
        code = app(standalone_mode=False)
    except StrifeError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except TyperClickException as exc:  # usage errors: bad option, missing argument
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
    # Typer returns (does not raise) typer.Exit codes when standalone_mode is off.
    sys.exit(code if isinstance(code, int) else 0)
