"""``strife serve``: the HTTP API and the web UI (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from strife.cli import app
from strife.cli.options import DbOption


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    read_token: Annotated[
        bool, typer.Option("--read-token", help="Reads need a token too, not only writes.")
    ] = False,
    cors: Annotated[
        list[str] | None,
        typer.Option(
            "--cors",
            metavar="ORIGIN",
            help="Let web pages from ORIGIN call the API (repeatable); off by default.",
        ),
    ] = None,
) -> None:
    """Serve the API (docs at /docs) and the web UI at http://HOST:PORT/.

    Example: strife serve --db strife-demo.db
    """
    import uvicorn

    from strife.api import create_app

    api = create_app(db, read_token=read_token, cors=cors or None)
    typer.echo(f"Strife on http://{host}:{port}/ (API docs: /docs)", err=True)
    uvicorn.run(api, host=host, port=port, log_level="warning", proxy_headers=False)
