"""Page import time against page size: it must grow linearly (a 100,000-line page in under 10 s).

    python benchmarks/import_page.py              # 12,500 to 100,000 lines, text and HTML
    python benchmarks/import_page.py --lines 200000

The pages repeat the North Yorkshire seed page's body (its recommendations, actions and
narrative), then an NPCC template table, so every stage of the importer is exercised. For each
size it prints seconds and microseconds per line; the ratio of the largest size's per-line time
to the smallest's shows linearity (about 1.0 is linear; 2.0 at 8x the size would be quadratic's
first signs).
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


def measure(page: str) -> float:
    start = time.perf_counter()
    result = import_page(page, responder="north-yorkshire")
    elapsed = time.perf_counter() - start
    assert result.report.found, "the benchmark page must import"
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000, help="the largest page size")
    args = parser.parse_args()
    sizes = [args.lines // 8, args.lines // 4, args.lines // 2, args.lines]
    ok = True
    for kind, build in (("text", text_page), ("html", html_page)):
        per_line = []
        print(f"{kind} pages:")
        for size in sizes:
            seconds = measure(build(size))
            per_line.append(seconds / size)
            print(f"  {size:>8,} lines  {seconds:6.2f} s  {seconds / size * 1e6:6.1f} us/line")
        ratio = per_line[-1] / per_line[0]
        print(f"  per-line time, largest / smallest: {ratio:.2f} (1.0 is linear)")
        largest = per_line[-1] * sizes[-1]
        if sizes[-1] >= 100_000 and largest * 100_000 / sizes[-1] > 10:
            ok = False
            print("  SLOWER than the target: 100,000 lines in under 10 s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
