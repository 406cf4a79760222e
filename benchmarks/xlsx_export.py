"""XLSX export should be linear in the rows: prints the time for N and 2N actions and the ratio
(about 2 when linear; it was about 8 when every row asked openpyxl for the sheet's size).

    python benchmarks/xlsx_export.py [N]
"""

import sys
import time

import superplan as sp
from superplan.tables import export_table


def _plan(count: int) -> sp.ActionPlan:
    actions = [sp.Action(id=f"7-{n}", description=f"Action {n}.") for n in range(count)]
    return sp.ActionPlan(
        responder="kent", responses=[sp.Response(recommendation=7, actions=actions)]
    )


def _seconds(count: int) -> float:
    plan = _plan(count)
    started = time.perf_counter()
    export_table(plan, kind="xlsx")
    return time.perf_counter() - started


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    _seconds(10)  # imports and caches first
    one, two = _seconds(size), _seconds(2 * size)
    print(
        f"{size} actions: {one:.2f} s; {2 * size}: {two:.2f} s; ratio {two / one:.2f} (2 is linear)"
    )


if __name__ == "__main__":
    main()
