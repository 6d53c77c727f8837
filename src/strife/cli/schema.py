"""``strife schema``: print the JSON Schema of the data model."""

from __future__ import annotations

import json

import typer

from strife.cli import app
from strife.models import json_schema


@app.command()
def schema() -> None:
    """Print the JSON Schema of an extraction (Article, Report, Claim, Span).

    Example: strife schema > strife.schema.json
    """
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
