"""Page import time against page size: it must grow linearly (a 100,000-line page in under 10 s).

    python benchmarks/import_page.py              # 12,500 to 100,000 lines, text and HTML
    python benchmarks/import_page.py --lines 200000

The pages repeat the North Yorkshire seed page's body (its recommendations, actions and
narrative), then an NPCC template table, so every stage of the importer is exercised; a third
kind repeats the shapes text extraction leaves (key/value tables one per part, and a table whose
cells come one a line). For each
size it prints wall-clock and CPU seconds and microseconds per line; the ratio of the largest
size's per-line time to the smallest's shows linearity (about 1.0 is linear; a quadratic step
would give 8.0 at 8x the size). CPU time is printed beside wall time because on a shared machine
wall time also counts the time other processes hold the CPU.
"""

import argparse
import html
import sys
import time
from pathlib import Path

from superplan.importers import import_page

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "pages" / "north-yorkshire-police-action-plan.txt"


def text_page(lines: int) -> str:
    body = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: list[str] = []
    while len(out) < lines - 40:
        out.extend(body)
    out = out[: lines - 40]
    out.append(
        "Rec\tEvidence requirements of progress/completion\tOwner\tForce Update\tDate\tStatus"
    )
    for index in range(39):
        out.append(f"7\t7.{index + 1} A requirement\tHead of Crime\tDone\tNov-24\tAction complete")
    return "\n".join(out) + "\n"


def html_page(lines: int) -> str:
    rows = text_page(lines).splitlines()
    paragraphs = [f"<p>{html.escape(r)}</p>" for r in rows if "\t" not in r]
    table = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r.split("\t")) + "</tr>"
        for r in rows
        if "\t" in r
    )
    return (
        "<html lang='en'><body><nav>Menu</nav><main>"
        + "".join(paragraphs)
        + f"<table>{table}</table></main></body></html>"
    )


LAYOUTS = ROOT / "tests" / "data" / "pages-layouts"


def captured_page(lines: int) -> str:
    """The shapes text extraction leaves: key/value tables one per part, then a table whose
    cells come one a line."""
    kv = [
        line
        for line in (LAYOUTS / "1-key-value.txt").read_text(encoding="utf-8").splitlines()[3:]
        if line.strip()
    ]
    cells = (LAYOUTS / "2-cells-a-line.txt").read_text(encoding="utf-8").splitlines()
    header, body = cells[2:12], cells[12:]
    out = [cells[0]]
    half = lines // 2
    while len(out) < half:
        out.extend(kv)
    out.append("Table of actions")
    out.extend(header)
    while len(out) < lines:
        out.extend(body)
    return "\n".join(out[:lines]) + "\n"


def measure(page: str) -> tuple[float, float]:
    """Best of two runs: (wall seconds, CPU seconds)."""
    best = (float("inf"), float("inf"))
    for _ in range(2):
        wall, cpu = time.perf_counter(), time.process_time()
        result = import_page(page, responder="north-yorkshire")
        measured = (time.perf_counter() - wall, time.process_time() - cpu)
        assert result.report.found, "the benchmark page must import"
        best = min(best, measured)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000, help="the largest page size")
    args = parser.parse_args()
    sizes = [args.lines // 8, args.lines // 4, args.lines // 2, args.lines]
    ok = True
    kinds = (("text", text_page), ("html", html_page), ("captured", captured_page))
    for kind, build in kinds:
        per_line = []
        print(f"{kind} pages:")
        for size in sizes:
            wall, cpu = measure(build(size))
            per_line.append(cpu / size)
            print(
                f"  {size:>8,} lines  wall {wall:6.2f} s  cpu {cpu:6.2f} s  "
                f"{cpu / size * 1e6:6.1f} us/line (cpu)"
            )
        ratio = per_line[-1] / per_line[0]
        print(f"  cpu per line, largest / smallest: {ratio:.2f} (1.0 is linear)")
        at_100k = per_line[-1] * 100_000
        print(f"  100,000 lines take {at_100k:.1f} s of CPU (target: under 10 s)")
        if at_100k > 10:
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
