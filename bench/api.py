"""HTTP API benchmark (a benchmark, not a test): latency of ``strife serve`` at 100k events.

    .venv/bin/python -m bench.api                 # 100k events, 1, 2 and 4 clients
    .venv/bin/python -m bench.api --events 20000 --clients 2  # smaller, 2 clients only

Builds a SQLite database of synthetic events (rows written straight into the ``events`` table:
15 countries, 3 years, a few admin1 regions and actors each, tolls mostly small), starts
``strife serve`` on loopback in a subprocess, and has several concurrent httpx clients request
``/api/events`` with various filters, sorts and page cursors and ``/api/events.geojson`` for
one country-year. Prints p50/p95 per request kind against the targets of issue 4:
``/api/events`` p95 < 50 ms, the country-year GeoJSON p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from bench.ingest import ACTORS, COUNTRIES
from strife.store import Store
from strife.store import schema as t

START = date(2023, 1, 1)
DAYS = 3 * 365
TYPES = [
    ("Battles", "Armed clash", 0.4),
    ("Violence against civilians", "Attack", 0.3),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 0.15),
    ("Explosions/Remote violence", "Air/drone strike", 0.05),
    ("Riots", "Violent demonstration", 0.05),
    ("Protests", "Peaceful protest", 0.05),
]
EVENTS_TARGET_MS = 50.0
GEOJSON_TARGET_MS = 300.0


def build(path: Path, n: int, seed: int = 7) -> None:
    """A database of ``n`` synthetic events, written in batches of plain INSERTs."""
    rng = random.Random(seed)
    Store.open(str(path)).close()  # creates the schema (migrations)
    store = Store.open(str(path))
    weights = [w for *_, w in TYPES]
    rows: list[dict[str, Any]] = []
    with store.engine.begin() as conn:
        for i in range(n):
            country, lat0, lon0 = rng.choice(COUNTRIES)
            region = rng.randrange(6)
            event_type, sub_type, _ = rng.choices(TYPES, weights)[0]
            actor1, inter1 = rng.choice(ACTORS)
            precision = rng.choices([1, 2, 3, None], [0.6, 0.2, 0.15, 0.05])[0]
            day = START + timedelta(days=rng.randrange(DAYS))
            low = int(rng.expovariate(0.2)) if event_type != "Protests" else 0
            rows.append(
                {
                    "id": f"e-{i:016x}",
                    "event_date": day,
                    "date_start": day,
                    "date_end": day,
                    "time_precision": 1,
                    "disorder_type": "Political violence",
                    "event_type": event_type,
                    "sub_event_type": sub_type,
                    "actor1": actor1.format(country),
                    "inter1": inter1,
                    "actor2": f"Civilians ({country})" if event_type.startswith("Viol") else None,
                    "inter2": 7 if event_type.startswith("Viol") else None,
                    "interaction": inter1 * 10 + 7,
                    "civilian_targeting": event_type.startswith("Viol"),
                    "country": country,
                    "admin1": f"{country} Region {region}",
                    "admin2": None,
                    "location": f"Place {rng.randrange(400)}",
                    "latitude": lat0 + rng.uniform(-3, 3) if precision else None,
                    "longitude": lon0 + rng.uniform(-3, 3) if precision else None,
                    "geo_precision": precision,
                    "fatalities": low,
                    "fatalities_low": low,
                    "fatalities_best": low,
                    "fatalities_high": low + rng.randrange(3) * low,
                    "disputed": rng.random() < 0.05,
                    "flags": [],
                    "contradictions": [],
                    "number_of_reports": 1,
                    "number_of_sources": 1,
                }
            )
            if len(rows) == 5000:
                conn.execute(t.events.insert(), rows)
                rows = []
        if rows:
            conn.execute(t.events.insert(), rows)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")  # what `strife serve` on a real database has over time
    store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "strife", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("strife serve did not start")


def _load(
    base: str, make_url: Callable[[random.Random, httpx.Client], str], clients: int, per: int
) -> list[float]:
    """``clients`` threads, each with its own connection, ``per`` requests each: latencies (ms)."""
    times: list[float] = []
    lock = threading.Lock()

    def run(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(per):
                url = make_url(rng, client)
                began = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - began) * 1000
                response.raise_for_status()
                with lock:
                    times.append(elapsed)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times


def _country(rng: random.Random) -> str:
    return str(rng.choice(COUNTRIES)[0])


def _deep_page(rng: random.Random, client: httpx.Client) -> str:
    """A cursor a few pages in (fetched untimed), so cursor pages are measured too."""
    url = f"/api/events?country={_country(rng)}&limit=100"
    cursor = None
    for _ in range(rng.randrange(1, 4)):
        cursor = client.get(url + (f"&cursor={cursor}" if cursor else "")).json()["next_cursor"]
    return url + f"&cursor={cursor}"


SCENARIOS: dict[str, Callable[[random.Random, httpx.Client], str]] = {
    "events (no filter)": lambda rng, _: "/api/events",
    "events country": lambda rng, _: f"/api/events?country={_country(rng)}",
    "events country+year+type": lambda rng, _: (
        f"/api/events?country={_country(rng)}&date_from=2024-01-01&date_to=2024-12-31"
        "&event_type=Battles"
    ),
    "events actor": lambda rng, _: "/api/events?actor=jnim&sort=-fatalities",
    "events bbox+min_fatalities": lambda rng, _: (
        "/api/events?bbox=-5,10,5,20&min_fatalities=10&sort=date"
    ),
    "events cursor page": _deep_page,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument(
        "--clients",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[1, 2, 4],
        help="comma-separated numbers of concurrent clients, each run in turn (default 1,2,4)",
    )
    parser.add_argument("--requests", type=int, default=50, help="per client and scenario")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        began = time.perf_counter()
        build(db, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - began:.1f} s")
        port = _free_port()
        server = _serve(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            ok = all([_run(base, clients, args.requests) for clients in args.clients])
            print("targets met" if ok else "TARGETS MISSED")
        finally:
            server.terminate()
            server.wait(10)


def _run(base: str, clients: int, requests: int) -> bool:
    """Every scenario with ``clients`` concurrent clients: whether all met their targets."""
    print(f"\n{clients} client(s)")
    print(f"{'request':32} {'p50 ms':>8} {'p95 ms':>8}  target")
    worst_events = 0.0
    for name, make_url in SCENARIOS.items():
        times = _load(base, make_url, clients, requests)
        p50, p95 = _percentiles(times)
        worst_events = max(worst_events, p95)
        print(f"{name:32} {p50:8.1f} {p95:8.1f}  p95 < {EVENTS_TARGET_MS:.0f}")

    def geojson(rng: random.Random, _: httpx.Client) -> str:
        year = rng.choice([2023, 2024, 2025])
        return f"/api/events.geojson?country={_country(rng)}&date_from={year}-01-01&date_to={year}-12-31"

    times = _load(base, geojson, clients, max(5, requests // 5))
    p50, p95 = _percentiles(times)
    print(f"{'geojson country-year':32} {p50:8.1f} {p95:8.1f}  p95 < {GEOJSON_TARGET_MS:.0f}")
    return worst_events < EVENTS_TARGET_MS and p95 < GEOJSON_TARGET_MS


def _percentiles(times: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return statistics.median(times), cuts[94]


if __name__ == "__main__":
    main()
