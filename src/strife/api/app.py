"""The HTTP API and the web UI's server (/work/api-contract.md): ``create_app`` builds it.

Reads come from the ``events`` table through :mod:`strife.api.queries`; an event's or an
article's details go through the store. Writing an article needs a token (``strife token``);
reading needs one only when the app is made with ``read_token=True``.
"""

from __future__ import annotations

import io
import logging
import math
import secrets
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware

from strife.api import queries
from strife.api.cursor import CursorCodec, InvalidCursor, Position
from strife.api.schemas import (
    ArticleDetail,
    ArticleIn,
    ArticleStoreIn,
    EventDetail,
    EventsPage,
    EventSummary,
    FeatureCollection,
    Stats,
    Stored,
)
from strife.api.tokens import valid_token
from strife.errors import InputError, StrifeError
from strife.models import Article, Extraction
from strife.store import EventFilter, Store
from strife.version import __version__

logger = logging.getLogger(__name__)

MAX_BODY = 2 * 1024 * 1024
STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"

_TEXT_MAX = 200  # longest filter value: the longest column they compare with
_FATALITIES_MAX = 2**31 - 1  # beyond a 32-bit INTEGER column, and beyond any real toll

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    """413 for request bodies over ``limit`` bytes, announced or streamed (chunked)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.limit:
            status, detail = (
                (413, _too_large(self.limit)) if length.isdigit() else (400, "bad Content-Length")
            )
            await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                # an HTTPException passes through FastAPI's body reading and becomes the 413
                raise HTTPException(413, _too_large(self.limit))
            return message

        await self.app(scope, limited, send)


def _too_large(limit: int) -> str:
    return f"request body over {limit // (1024 * 1024)} MB"


def _text(description: str) -> Any:
    # NUL is refused: PostgreSQL cannot hold it in text, and no name or word contains it
    return Query(description=description, max_length=_TEXT_MAX, pattern=r"^[^\x00]*$")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise _invalid("bbox", "four numbers: west,south,east,north") from None
    if not all(math.isfinite(x) for x in (west, south, east, north)):
        raise _invalid("bbox", "finite numbers")
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise _invalid("bbox", "-180 ≤ west ≤ east ≤ 180 and -90 ≤ south ≤ north ≤ 90")
    return west, south, east, north


def _invalid(name: str, expected: str) -> RequestValidationError:
    return RequestValidationError(
        [
            {
                "type": "value_error",
                "loc": ["query", name],
                "msg": f"expected {expected}",
                "input": None,
            }
        ]
    )


def event_filter(
    date_from: Annotated[date | None, Query(description="first event date")] = None,
    date_to: Annotated[date | None, Query(description="last event date")] = None,
    country: Annotated[str | None, _text("country name, case-insensitive")] = None,
    admin1: Annotated[str | None, _text("first-level region, case-insensitive")] = None,
    actor: Annotated[
        str | None, _text("part of actor1's or actor2's name, case-insensitive")
    ] = None,
    event_type: Annotated[str | None, _text("ACLED event type, e.g. Battles")] = None,
    sub_event_type: Annotated[str | None, _text("ACLED sub-event type, e.g. Armed clash")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=_FATALITIES_MAX)] = None,
    bbox: Annotated[
        str | None,
        Query(
            description="west,south,east,north in degrees",
            max_length=_TEXT_MAX,
            pattern=r"^[^\x00]*$",
        ),
    ] = None,
    q: Annotated[
        str | None, _text("words that must all be in a report's evidence sentences")
    ] = None,
) -> EventFilter:
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        country=country,
        admin1=admin1,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor,
        min_fatalities=min_fatalities,
        bbox=_bbox(bbox),
        q=q,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]
# module-level: the endpoints' annotations are evaluated in this module's namespace
_bearer = HTTPBearer(auto_error=False, description="a token from `strife token create NAME`")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]

_EXPORTS: dict[str, tuple[str, str]] = {
    "acled-csv": ("csv", "text/csv; charset=utf-8"),
    "ged-csv": ("csv", "text/csv; charset=utf-8"),
    "geojson": ("geojson", "application/geo+json"),
    "parquet": ("parquet", "application/vnd.apache.parquet"),
    "jsonl": ("jsonl", "application/x-ndjson"),
}


def create_app(
    db: str | None = None,
    *,
    read_token: bool = False,
    cors: list[str] | None = None,
    store: Store | None = None,
) -> FastAPI:
    """The API on the database ``db`` (path or URL; see :func:`strife.store.database_url`).

    read_token (bool): reads need a token too, not only writes.
    cors (list[str] | None): origins allowed to call the API from a browser; none by default.
    store (Store | None): an open store to use instead of opening ``db`` (tests, embedding).
    """
    store = store or Store.open(db)
    codec = CursorCodec(secrets.token_bytes(32))
    pipeline_lock = threading.Lock()
    pipelines: list[Any] = []  # the Pipeline, made on first use: it loads spaCy models

    def authorised(credentials: Credentials) -> None:
        if credentials is None or not valid_token(store, credentials.credentials):
            raise HTTPException(
                401, "a valid API token is needed", headers={"WWW-Authenticate": "Bearer"}
            )

    def open_reads(credentials: Credentials) -> None:
        if read_token:
            authorised(credentials)

    app = FastAPI(
        title="Strife",
        version=__version__,
        description="Conflict events coded from news, with their sources, claims and evidence.",
    )
    app.add_middleware(BodyLimit)
    if cors:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=cors,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )

    @app.exception_handler(Exception)
    async def _internal(_request: Request, exc: Exception) -> JSONResponse:
        logger.error("unhandled error", exc_info=exc)
        return JSONResponse({"detail": "internal server error"}, status_code=500)

    @app.exception_handler(InvalidCursor)
    async def _cursor(_request: Request, exc: InvalidCursor) -> JSONResponse:
        detail = [{"type": "value_error", "loc": ["query", "cursor"], "msg": str(exc)}]
        return JSONResponse({"detail": detail}, status_code=422)

    reads = [Depends(open_reads)]

    @app.get("/api/events", response_model=EventsPage, dependencies=reads, tags=["events"])
    def list_events(
        request: Request,
        where: Filters,
        sort: Literal["date", "-date", "fatalities", "-fatalities"] = "-date",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        cursor: Annotated[
            str | None, Query(max_length=1000, description="next_cursor of the previous page")
        ] = None,
    ) -> EventsPage:
        """Events matching the filters, a page at a time (keyset pagination)."""
        # the cursor is bound to everything but itself and the page size
        query = (
            "&".join(
                f"{k}={v}"
                for k, v in sorted(request.query_params.multi_items())
                if k not in {"cursor", "limit"}
            )
            + f"&sort={sort}"
        )
        after = codec.decode(query, cursor, dates=sort.endswith("date")) if cursor else None
        conditions = store.conditions(where)
        with store.engine.connect() as conn:
            total = after.total if after else queries.count(conn, conditions)
            page = queries.events_page(conn, conditions, sort, limit, after, total)
        next_cursor = None
        if page.more:
            last = page.rows[-1]
            value = last.event_date if sort.endswith("date") else last.fatalities
            next_cursor = codec.encode(query, Position(value, last.event_id, total))
        return EventsPage(
            events=[EventSummary.model_validate(queries.summary(r)) for r in page.rows],
            next_cursor=next_cursor,
            total=total,
        )

    @app.get(
        "/api/events.geojson",
        response_model=FeatureCollection,
        response_class=Response,
        dependencies=reads,
        tags=["events"],
        responses={200: {"content": {"application/geo+json": {}}}},
    )
    def events_geojson(where: Filters) -> Response:
        """The matching events as an RFC 7946 FeatureCollection (Point [lon, lat])."""
        with store.engine.connect() as conn:
            body = queries.geojson(conn, store.conditions(where))
        return Response(body, media_type="application/geo+json")

    @app.get(
        "/api/events/{event_id}",
        response_model=EventDetail,
        dependencies=reads,
        tags=["events"],
        responses={404: {"description": "no such event"}},
    )
    def get_event(event_id: str) -> EventDetail:
        """An event with its reports, claims, evidence spans, sources and merge links."""
        event = store.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id}")
        explanation = [f"{link.report_a} = {link.report_b}: {link.reason}" for link in event.links]
        return EventDetail(
            **event.model_dump(), explanation=explanation or ["a single report: nothing was merged"]
        )

    @app.get(
        "/api/articles/{article_id}",
        response_model=ArticleDetail,
        dependencies=reads,
        tags=["articles"],
        responses={404: {"description": "no such article"}},
    )
    def get_article(article_id: str) -> ArticleDetail:
        """A stored article with its reports and the event each report is in."""
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        article, reports = found
        with store.engine.connect() as conn:
            event_ids = queries.report_events(conn, article_id)
        return ArticleDetail(article=article, reports=reports, event_ids=event_ids)

    @app.get("/api/stats", response_model=Stats, dependencies=reads, tags=["events"])
    def get_stats(where: Filters) -> Stats:
        """Counts and fatalities of the matching events by day, week, type, country and actor."""
        with store.engine.connect() as conn:
            data = queries.stats(conn, store.conditions(where), store.engine.dialect.name)
        return Stats.model_validate(data)

    @app.get(
        "/api/export",
        response_class=Response,
        dependencies=reads,
        tags=["events"],
        responses={
            200: {
                "content": {media: {} for _, media in _EXPORTS.values()},
                "description": "the file",
            }
        },
    )
    def export(
        where: Filters,
        fmt: Annotated[
            Literal["acled-csv", "ged-csv", "geojson", "parquet", "jsonl"], Query(alias="format")
        ] = "acled-csv",
    ) -> Response:
        """The matching events as a file in one of the export formats of ``strife export``."""
        from strife.export import write_events

        extension, media = _EXPORTS[fmt]
        out: io.BytesIO | io.StringIO = io.BytesIO() if fmt == "parquet" else io.StringIO()
        write_events(store.events(where), fmt, out)
        data = out.getvalue()
        return Response(
            data.encode("utf-8") if isinstance(data, str) else data,
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="strife-events.{extension}"'},
        )

    def extract(body: ArticleIn, outlet: str | None = None) -> Extraction:
        if not body.text.strip():
            raise HTTPException(400, "the text is empty")
        if "\x00" in body.text:
            raise HTTPException(400, "the text contains NUL characters")
        article = Article(
            text=body.text,
            published=body.published,
            language=body.language,
            title=body.title,
            url=body.url,
            outlet=outlet,
        )
        with pipeline_lock:
            if not pipelines:
                from strife.pipeline import Pipeline

                pipelines.append(Pipeline())
            try:
                extraction: Extraction = pipelines[0].extract(article)
            except InputError as exc:
                raise HTTPException(400, str(exc)) from None
        if extraction.language not in {"en", "fr"}:
            raise HTTPException(400, "; ".join(extraction.warnings) or "not English or French")
        return extraction

    @app.post(
        "/api/extract",
        response_model=Extraction,
        dependencies=reads,
        tags=["articles"],
        responses={
            400: {"description": "empty text, or not English or French"},
            413: {"description": "body over 2 MB"},
        },
    )
    def post_extract(body: ArticleIn) -> Extraction:
        """The events of an article, extracted but not stored (the paste box)."""
        return extract(body)

    @app.post(
        "/api/articles",
        response_model=Stored,
        status_code=201,
        dependencies=[Depends(authorised)],
        tags=["articles"],
        responses={
            200: {"model": Stored, "description": "the article was stored before"},
            400: {"description": "empty text, or not English or French"},
            401: {"description": "no valid token"},
            413: {"description": "body over 2 MB"},
        },
    )
    def post_article(body: ArticleStoreIn, response: Response) -> Stored:
        """Extract an article's events and store them, merged with the stored events."""
        extraction = extract(body, outlet=body.outlet)
        try:
            result = store.add(extraction)
        except StrifeError as exc:
            raise HTTPException(400, str(exc)) from None
        if not result.new:
            response.status_code = 200
        return Stored(article_id=result.article_id, new=result.new, events=result.events)

    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> FileResponse:
            page = STATIC_DIR / "index.html"
            if not page.is_file():
                raise HTTPException(404, "the web UI is not built")
            return FileResponse(page)

    return app
