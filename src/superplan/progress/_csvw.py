"""CSVW metadata for the national roll-up CSV, so that analysts' tools know each column's meaning
and type (W3C "Metadata Vocabulary for Tabular Data", https://www.w3.org/TR/tabular-metadata/).

The metadata is written beside the CSV as ``<name>-metadata.json``, the name CSVW tools look for
first. Its columns are read from the CSV's own header, so the two cannot disagree; every column the
roll-up writes has an entry below (a test checks).
"""

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pendulum

__all__ = ["COLUMNS", "metadata_path", "roll_up_metadata"]

_YES_NO = {"base": "boolean", "format": "yes|no"}

#: Column name -> (title, datatype, description).
COLUMNS: dict[str, tuple[str, Any, str]] = {
    "responder": (
        "Responder",
        "string",
        "superplan's slug for who published the plan: a force, local policing body or agency.",
    ),
    "police_uk_id": (
        "data.police.uk force id",
        "string",
        "The force's identifier in the data.police.uk API (/api/forces); empty for a responder "
        "that is not a force.",
    ),
    "responder_name": ("Responder name", "string", "The responder's name, from the catalogue."),
    "plan_title": ("Plan title", "string", "The plan's own title, where it gives one."),
    "recommendation": (
        "Recommendation",
        {"base": "integer", "minimum": 1, "maximum": 29},
        "The recommendation's number in the report (1 to 29).",
    ),
    "addressed": (
        "Addressed",
        _YES_NO,
        "Whether the catalogue addresses the recommendation to this responder.",
    ),
    "answered": ("Answered", _YES_NO, "Whether the plan has a response to it."),
    "state": (
        "State",
        "string",
        "The delivery state on the roll-up's date, from the statuses the plan states (see "
        "superplan's docs/progress.md), or 'unanswered', or 'not-addressed'.",
    ),
    "schedule": (
        "Schedule",
        "string",
        "Computed as of the roll-up's date from the deadline and the stated status (not-yet-due, "
        "due-soon, overdue, met-on-time, met-late, no-deadline, deadline-passed-not-stated, "
        "not-applicable); empty where there is nothing to compute.",
    ),
    "rag": (
        "RAG",
        "string",
        "Red, amber or green, derived from the delivery state and the schedule by the table in "
        "superplan's docs/progress.md (never a force's own colour); not-stated or not-applicable "
        "where those apply; empty where there is nothing to compute.",
    ),
    "days_overdue": (
        "Days overdue",
        {"base": "integer", "minimum": 0},
        "Days past the deadline as of the roll-up's date, if overdue; else 0.",
    ),
    "narrative": ("Response", "string", "The plan's response to the recommendation, as written."),
}


def metadata_path(csv_path: str | os.PathLike[str]) -> Path:
    """Where the metadata for ``csv_path`` goes: ``national.csv`` -> ``national.csv-metadata.json``."""
    path = Path(csv_path)
    return path.with_name(path.name + "-metadata.json")


def roll_up_metadata(csv_text: str, csv_name: str, as_of: pendulum.Date) -> str:
    """The CSVW metadata (JSON text) describing the roll-up CSV ``csv_text``, named ``csv_name``."""
    header = next(csv.reader(io.StringIO(csv_text)), [])
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:  # a column added to the roll-up without a description here
        raise ValueError(f"no CSVW description for column(s) {', '.join(unknown)}")
    columns = []
    for name in header:
        title, datatype, description = COLUMNS[name]
        columns.append(
            {
                "name": name,
                "titles": name,
                "dc:title": title,
                "dc:description": description,
                "datatype": datatype,
                "required": name in ("responder", "recommendation"),
            }
        )
    metadata = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "url": csv_name,
        "dc:title": f"Stalking super-complaint: action plans rolled up as of {as_of.isoformat()}",
        "dc:description": "One row per responder and recommendation of the 2024 report on the "
        "Suzy Lamplugh Trust's stalking super-complaint, written by `superplan summarise`.",
        "dc:date": as_of.isoformat(),
        "dialect": {"header": True, "encoding": "utf-8"},
        "tableSchema": {
            "columns": columns,
            "primaryKey": ["responder", "recommendation"],
        },
    }
    return json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
