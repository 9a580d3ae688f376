"""report.csv, one row per learner and exercise, and gradebook.csv, one per learner: safe to open
in a spreadsheet.

report.csv's ``status`` and ``feedback`` are the grader's re-check; ``shown``
is what the notebook displayed, and ``flag`` says when the two differ.
gradebook.csv gives each learner's exercises attempted, correct (predictions
and readings count once written down), total and percent
(:func:`brakes.trainer.grading.results.gradebook`).

Learner text is data, never a formula: a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe, as OWASP
advises against CSV injection. The file is UTF-8 with a byte-order mark, so
Excel shows "Mijotière" rather than "MijotiÃ¨re".
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import astuple, fields
from pathlib import Path

from brakes.trainer.grading.results import Graded, Row, gradebook

#: The column names, in order: the fields of :class:`Row`.
COLUMNS = tuple(f.name for f in fields(Row))
#: The gradebook's columns.
GRADEBOOK_COLUMNS = ("learner", "attempted", "correct", "total", "percent")
#: First characters a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell that cannot run as a formula; numbers and booleans unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(results: Iterable[Graded], path: Path) -> int:
    """Write every row of every result to ``path``; return the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for result in results:
            for row in result.rows:
                writer.writerow([neutralise(value) for value in astuple(row)])
                count += 1
    return count


def write_gradebook(results: Iterable[Graded], path: Path) -> int:
    """Write one line per learner to ``path``; return the number of learners."""
    standings = gradebook(results)
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(GRADEBOOK_COLUMNS)
        for standing in standings:
            percent = "" if standing.percent is None else standing.percent
            row = (standing.learner, standing.attempted, standing.correct, standing.total, percent)
            writer.writerow([neutralise(value) for value in row])
    return len(standings)
