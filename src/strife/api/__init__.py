"""The HTTP API (FastAPI) that ``strife serve`` runs and the web UI calls."""

from strife.api.app import create_app

__all__ = ["create_app"]
