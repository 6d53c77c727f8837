"""Opaque page cursors: the sort key and id of a page's last event, and the total, signed.

A cursor is ``base64url(json) + "." + base64url(hmac)``. The signature (a key per running app)
means a client cannot forge a position, and the digest of the query it was made for means a
cursor cannot be replayed with other filters or another sort; either is a 422, like any other
invalid parameter. The total of the first page travels with the cursor, so that the next pages
do not count the matches again (a count of a substring filter reads every row).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

_MAC_BYTES = 16


class InvalidCursor(ValueError):
    """The cursor was not made by this app for this query."""


@dataclass(frozen=True, slots=True)
class Position:
    """Where a page ended: the last event's sort value (a date, a number or None) and id,
    and how many events the query matched when its first page was read."""

    value: date | int | None
    event_id: str
    total: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class CursorCodec:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()[:_MAC_BYTES]

    def encode(self, query: str, position: Position) -> str:
        value: Any = position.value
        if isinstance(value, date):
            value = value.isoformat()
        payload = json.dumps(
            {"q": _digest(query), "v": value, "i": position.event_id, "t": position.total},
            separators=(",", ":"),
        ).encode()
        return f"{_b64(payload)}.{_b64(self._mac(payload))}"

    def decode(self, query: str, cursor: str, *, dates: bool) -> Position:
        """The position ``cursor`` holds; ``dates`` says the sort value is a date.

        RAISES (InvalidCursor): malformed, not signed by this app, or made for another query.
        """
        try:
            body, mac = cursor.split(".")
            payload = _unb64(body)
            valid = hmac.compare_digest(self._mac(payload), _unb64(mac))
        except ValueError:  # binascii.Error is a ValueError
            raise InvalidCursor("malformed cursor") from None
        if not valid:
            raise InvalidCursor("cursor not made by this server (or made before a restart)")
        data = json.loads(payload)
        if data["q"] != _digest(query):
            raise InvalidCursor("cursor made for other filters or another sort")
        value = data["v"]
        return Position(
            date.fromisoformat(value) if dates and value else value, data["i"], data["t"]
        )


def _digest(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()[:16]
