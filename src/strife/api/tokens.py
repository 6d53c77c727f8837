"""API tokens: random secrets shown once, stored only as SHA-256 hashes (``strife token``).

A token is 32 random bytes (URL-safe base64). Checking one hashes it and compares the hash with
every active token's hash in constant time (``hmac.compare_digest``), so neither the database
lookup nor the comparison tells an attacker how much of a guess was right.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from strife.errors import ConfigError
from strife.store import Store
from strife.store import schema as t

_PREFIX = "strife_"
_NAME_MAX = 100


@dataclass(frozen=True, slots=True)
class TokenInfo:
    name: str
    created_at: datetime
    revoked: bool


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """A new token named ``name``; returns the secret, which is not kept anywhere.

    A revoked token's name may be reused; an active one's may not.

    RAISES (ConfigError): the name is empty, too long, or an active token has it.
    """
    name = name.strip()
    if not name or len(name) > _NAME_MAX:
        raise ConfigError(f"a token name has 1 to {_NAME_MAX} characters")
    token = _PREFIX + secrets.token_urlsafe(32)
    a = t.api_tokens.c
    with store.engine.begin() as conn:
        revoked = conn.scalar(sa.select(a.revoked).where(a.name == name))
        if revoked is False:
            raise ConfigError(f"a token named {name!r} exists; revoke it first")
        if revoked:
            conn.execute(t.api_tokens.delete().where(a.name == name))
        conn.execute(
            t.api_tokens.insert(),
            {
                "name": name,
                "token_hash": _hash(token),
                "created_at": datetime.now(UTC),
                "revoked": False,
            },
        )
    return token


def list_tokens(store: Store) -> list[TokenInfo]:
    a = t.api_tokens.c
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(a.name, a.created_at, a.revoked).order_by(a.name))
        return [TokenInfo(r.name, r.created_at, r.revoked) for r in rows]


def revoke_token(store: Store, name: str) -> None:
    """RAISES (ConfigError): no token has this name."""
    a = t.api_tokens.c
    with store.engine.begin() as conn:
        done = conn.execute(t.api_tokens.update().where(a.name == name).values(revoked=True))
        if done.rowcount == 0:
            raise ConfigError(f"no token named {name!r}")


def valid_token(store: Store, token: str) -> bool:
    """Whether ``token`` is one of the active tokens."""
    digest = _hash(token)
    a = t.api_tokens.c
    with store.engine.connect() as conn:
        hashes = list(conn.scalars(sa.select(a.token_hash).where(a.revoked.is_(False))))
    # every hash is compared, so the time taken does not depend on which one matched
    matches = [hmac.compare_digest(digest, known) for known in hashes]
    return any(matches)
