"""The dashboard's JSON API under load: 50 concurrent clients on loopback against ``curul serve``.

Run: ``.venv/bin/python benchmarks/bench_web.py [--clients 50] [--seconds 20] [--workers 1] [--quick]
[--only seats,power]``. The server is started as a subprocess on a free loopback port (its own process,
as in production, with ``curul serve``'s default of one uvicorn worker unless ``--workers`` says more),
each client is a thread with its own keep-alive connection sending GET requests in a loop.

The endpoints come from :data:`TARGETS`, each a name, the API path it needs and the URLs it cycles
through; a target whose path the server's OpenAPI schema does not list is reported as absent and
skipped, so the script measures what the server has (seats, scenario and state APIs as they land).
For each target: a baseline of one client alone (sequential, same URLs), then ``--clients`` clients at
once; printed are throughput (requests/s), p50/p95/p99 latency, the error count, and the ratio of the
loaded p95 to the unloaded p50. The issue's target: p95 ≤ 100 ms for seats and scenarios.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Target:
    name: str
    path: str  # as the OpenAPI schema lists it
    urls: tuple[str, ...]


TARGETS: tuple[Target, ...] = (
    Target("seats", "/api/seats", ("/api/seats?system=peru-2016", "/api/seats?system=peru-2011",
                                   "/api/seats?system=peru-2026-deputies")),
    Target("scenario", "/api/scenario", ("/api/scenario",)),
    Target("state", "/api/state", ("/api/state",)),
    Target("power", "/api/power", ("/api/power?composition=2026-07-deputies",
                                   "/api/power?composition=2021-07&threshold=66")),
)  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(port: int, db: Path, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "curul", "serve", "--port", str(port), "--db", f"sqlite:///{db}"]
    process = subprocess.Popen(
        [*command, *(["--workers", str(workers)] if workers != 1 else [])],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/curul.css", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("curul serve did not start")


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(q * len(ordered)), len(ordered) - 1)]


@dataclass
class Run:
    latencies: list[float]
    errors: int
    seconds: float

    def line(self, label: str) -> str:
        n = len(self.latencies)
        if not n:
            return f"  {label:<24} no answer ({self.errors} errors)"
        ms = [1e3 * v for v in self.latencies]
        return (
            f"  {label:<24} {n / self.seconds:8.1f} req/s   p50 {_quantile(ms, 0.5):7.1f} ms   "
            f"p95 {_quantile(ms, 0.95):7.1f} ms   p99 {_quantile(ms, 0.99):7.1f} ms   "
            f"({n} requests, {self.errors} errors)"
        )


def _load(port: int, urls: tuple[str, ...], clients: int, seconds: float) -> Run:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    start_gate = threading.Barrier(clients + 1)

    def client(k: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        bad = 0
        start_gate.wait()
        i = k
        while time.monotonic() < stop:
            url = urls[i % len(urls)]
            i += 1
            began = time.perf_counter()
            try:
                connection.request("GET", url, headers={"Accept": "application/json"})
                answer = connection.getresponse()
                answer.read()
                if answer.status != 200:
                    bad += 1
                    continue
            except (OSError, http.client.HTTPException):
                bad += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            mine.append(time.perf_counter() - began)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    start_gate.wait()
    began = time.monotonic()
    for t in threads:
        t.join()
    return Run(latencies, errors[0], time.monotonic() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=1, help="curul serve --workers (default 1, as serve)")
    parser.add_argument("--only", default="", help="comma-separated target names (default: all)")
    parser.add_argument("--quick", action="store_true", help="5 s per run (a smoke run)")
    args = parser.parse_args()
    only = {name for name in args.only.split(",") if name}
    seconds = 5.0 if args.quick else args.seconds
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="curul-bench-") as folder:
        server = _start(port, Path(folder) / "scenarios.sqlite3", args.workers)
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=10) as answer:
                paths = set(json.load(answer)["paths"])
            print(
                f"curul serve on 127.0.0.1:{port} ({args.workers} worker(s)), {os.cpu_count()} CPUs; "
                f"{seconds:g} s per run"
            )
            for target in TARGETS:
                if only and target.name not in only:
                    continue
                if target.path not in paths:
                    print(f"{target.name}: {target.path} is not served here; skipped")
                    continue
                for url in target.urls:  # warm the caches (each worker's): steady state is what is measured
                    for _ in range(4 * args.workers):
                        warm = urllib.request.Request(
                            f"http://127.0.0.1:{port}{url}", headers={"Accept": "application/json"}
                        )
                        urllib.request.urlopen(warm, timeout=60).read()
                print(f"{target.name} ({', '.join(target.urls)})")
                alone = _load(port, target.urls, 1, seconds / 2)
                loaded = _load(port, target.urls, args.clients, seconds)
                print(alone.line("1 client (baseline)"))
                print(loaded.line(f"{args.clients} clients"))
                if alone.latencies and loaded.latencies:
                    ratio = _quantile(loaded.latencies, 0.95) / statistics.median(alone.latencies)
                    print(f"  loaded p95 / baseline p50 = {ratio:.1f}×")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
