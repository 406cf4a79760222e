"""Load check of the web checker: many validations at once, over loopback.

    pip install -e '.[serve]'
    python benchmarks/serve_load.py                  # 3 rounds of 200 concurrent validations
    python benchmarks/serve_load.py --concurrent 200 --rounds 5

Starts ``superplan serve --port 0`` on 127.0.0.1 (nothing else is contacted), then in each round
sends ``--concurrent`` POST /api/validate requests at once, each on its own connection: the two
published example plans, real-size synthetic plans of the national set (JSON) and one as an
XLSX workbook. Reports every round's latencies (median, p95, worst) and the server's resident
memory after each round. Exits 1 if any request fails (not 200, or a report that does not match
the plan's own verdict) or if memory keeps growing after the first round (more than
``--growth`` MiB from the first round's end to the last's).
"""

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import superplan as sp
from superplan.tables import export_table
from superplan.testing import synthetic_plans

ROOT = Path(__file__).resolve().parent.parent
_LISTENING = re.compile(r"checking plans at http://127\.0\.0\.1:(\d+)/")
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def payloads() -> list[tuple[str, bytes, bool]]:
    """(content type, body, valid) of each plan sent."""
    found: list[tuple[str, bytes, bool]] = []
    for path in sorted((ROOT / "examples").glob("*.json")):
        data = path.read_bytes()
        found.append(("application/json", data, sp.validate(data).valid))
    plans = synthetic_plans(43)
    for plan in plans:
        data = sp.dumps(plan).encode()
        found.append(("application/json", data, True))
    found.append((_XLSX, export_table(plans[0], kind="xlsx"), True))
    return found


async def post(port: int, content_type: str, body: bytes) -> tuple[int, bytes, float]:
    """One request on its own connection: (status, body, seconds)."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    writer.write(head + body)
    await writer.drain()
    response = await reader.read()
    writer.close()
    await writer.wait_closed()
    elapsed = time.perf_counter() - started
    status_line, _, rest = response.partition(b"\r\n")
    status = int(status_line.split()[1]) if status_line.startswith(b"HTTP/") else 0
    return status, rest.partition(b"\r\n\r\n")[2], elapsed


def resident_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def round_of(
    port: int, count: int, sent: list[tuple[str, bytes, bool]]
) -> tuple[list[float], int]:
    jobs = [post(port, *sent[i % len(sent)][:2]) for i in range(count)]
    results = await asyncio.gather(*jobs, return_exceptions=True)
    latencies: list[float] = []
    errors = 0
    for index, result in enumerate(results):
        if isinstance(result, BaseException):
            errors += 1
            print(f"  request {index}: {type(result).__name__}: {result}", file=sys.stderr)
            continue
        status, body, elapsed = result
        latencies.append(elapsed)
        expected = sent[index % len(sent)][2]
        try:
            valid = json.loads(body)["valid"]
        except (ValueError, KeyError, TypeError):
            valid = None
        if status != 200 or valid is not expected:
            errors += 1
            print(f"  request {index}: status {status}, valid {valid}", file=sys.stderr)
    return latencies, errors


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrent", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--growth", type=float, default=25.0, help="MiB allowed (default 25)")
    args = parser.parse_args()
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        print("the load check needs the serve extra: pip install -e '.[serve]'", file=sys.stderr)
        return 2
    sent = payloads()
    sizes = sorted(len(body) for _, body, _ in sent)
    print(
        f"{len(sent)} plans: {sizes[0]} to {sizes[-1]} bytes (median {statistics.median(sizes):.0f})"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [sys.executable, "-m", "superplan.cli", "serve", "--port", "0", "--no-progress"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    failed = 0
    memory: list[float] = []
    try:
        port = None
        while port is None:
            line = server.stderr.readline() if server.stderr else ""
            if not line:
                print("the server did not start", file=sys.stderr)
                return 2
            match = _LISTENING.search(line)
            port = int(match.group(1)) if match else None
        print(f"server pid {server.pid}, {resident_mib(server.pid):.1f} MiB at start")
        for number in range(1, args.rounds + 1):
            started = time.perf_counter()
            latencies, errors = asyncio.run(round_of(port, args.concurrent, sent))
            wall = time.perf_counter() - started
            failed += errors
            memory.append(resident_mib(server.pid))
            print(
                f"round {number}: {args.concurrent} concurrent validations in {wall:.2f} s, "
                f"errors {errors}; latency median {statistics.median(latencies) * 1000:.0f} ms, "
                f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
                f"worst {max(latencies) * 1000:.0f} ms; server {memory[-1]:.1f} MiB"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr:
            server.stderr.close()
    growth = memory[-1] - memory[0]
    flat = growth <= args.growth
    print(
        f"memory from the end of round 1 to the end of round {len(memory)}: {growth:+.1f} MiB "
        f"({'flat' if flat else 'GROWING'}, allowed {args.growth:g})"
    )
    print(f"errors: {failed}")
    return 0 if failed == 0 and flat else 1


if __name__ == "__main__":
    raise SystemExit(main())
