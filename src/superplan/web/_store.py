"""The folder of submitted plans (``--store DIR``): each accepted plan written atomically as
canonical JSON, named by responder and the day it was submitted, in a folder that
``superplan summarise DIR`` reads as it is; and the national roll-up of what it holds."""

import datetime as dt
import os
import threading
from pathlib import Path

from .._files import output_folder, write_output
from ..catalogue import Catalogue
from ..convert import dumps
from ..model import ActionPlan
from ..progress import NationalSummary, summarise
from ..validation import validate

__all__ = ["Store"]

#: More versions of one responder's plan on one day than this are refused.
_MAX_SAME_DAY = 100


class Store:
    """Plans kept in one folder; nothing is ever written outside it."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = output_folder(folder)  # created if missing; refused if not writable
        self._lock = threading.Lock()

    def files(self) -> list[Path]:
        return sorted(p for p in self.folder.glob("*.json") if p.is_file())

    def add(self, plan: ActionPlan, today: dt.date | None = None) -> tuple[Path, bool]:
        """Keep ``plan``; returns its file and whether it was new (False: the very same plan
        was already kept under that name). A second, different plan from the same responder on
        the same day is kept beside the first (``kent-2025-03-27-2.json``), never over it."""
        day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
        text = dumps(plan).encode("utf-8")
        # The name comes from the responder's slug (a-z, 0-9 and hyphens, checked by the model)
        # and the date: never from submitted text that could name a path.
        stem = f"{plan.responder}-{day}"
        with self._lock:
            for number in range(1, _MAX_SAME_DAY + 1):
                path = self.folder / (f"{stem}.json" if number == 1 else f"{stem}-{number}.json")
                if path.exists():
                    if path.read_bytes() == text:
                        return path, False
                    continue
                return write_output(path, text, folder=self.folder), True
        raise OverflowError(f"more than {_MAX_SAME_DAY} plans from {plan.responder} today")

    def roll_up(self, as_of: dt.date, catalogue: Catalogue) -> tuple[NationalSummary, int]:
        """The roll-up of the valid plans kept, and how many files were left out as invalid."""
        plans = []
        left_out = 0
        for path in self.files():
            report = validate(path, catalogue=catalogue)
            if report.valid and report.plan is not None:
                plans.append(report.plan)
            else:
                left_out += 1
        return summarise(plans, as_of, catalogue=catalogue), left_out
