"""``strife token create|list|revoke``: the API's write tokens (only their hashes are stored)."""

from __future__ import annotations

from typing import Annotated

import typer

from strife.cli import app
from strife.cli.options import DbOption

token_app = typer.Typer(
    help="API tokens: writes (POST /api/articles) need one, reads too with --read-token.",
    no_args_is_help=True,
)
app.add_typer(token_app, name="token")

NameArgument = Annotated[str, typer.Argument(metavar="NAME", help="Who or what the token is for.")]


@token_app.command("create")
def create(name: NameArgument, db: DbOption = None) -> None:
    """Create a token and print it; it is shown only this once (the database keeps its hash)."""
    from strife.api.tokens import create_token
    from strife.store import open_store

    with open_store(db) as store:
        token = create_token(store, name)
    typer.echo(token)
    typer.echo(f"token {name!r} created; use it as 'Authorization: Bearer <token>'", err=True)


@token_app.command("list")
def list_(db: DbOption = None) -> None:
    """List the tokens: name, creation time, whether revoked (never the tokens themselves)."""
    from strife.api.tokens import list_tokens
    from strife.store import open_store

    with open_store(db) as store:
        tokens = list_tokens(store)
    for info in tokens:
        state = "revoked" if info.revoked else "active"
        typer.echo(f"{info.name}\t{info.created_at:%Y-%m-%d %H:%M}\t{state}")


@token_app.command("revoke")
def revoke(name: NameArgument, db: DbOption = None) -> None:
    """Revoke a token: requests with it are refused from now on."""
    from strife.api.tokens import revoke_token
    from strife.store import open_store

    with open_store(db) as store:
        revoke_token(store, name)
    typer.echo(f"token {name!r} revoked", err=True)
