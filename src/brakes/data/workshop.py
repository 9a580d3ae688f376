"""A workshop kit's settings file, found next to the notebooks: no environment variable to set.

``brakes workshop`` writes ``brakes-workshop.json`` into the participants'
notebook folder. Jupyter starts a notebook's kernel in the notebook's folder
(on a laptop and on a JupyterHub alike), so the course finds the file there
and reads the kit's data folder and sealed answers from it. It holds::

    {"version": 1, "seed": 2027, "data": "../data", "salt": "…", "exercises": {"1.3": {…}}}

``data`` is relative to the file. The file is one of the sources of
:mod:`brakes.settings`, which owns its name, version and reading; this module
is how the grader and the kit builder open a kit's file by its path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from brakes.settings import WORKSHOP_FILE, WORKSHOP_VERSION, read_workshop

__all__ = ["WORKSHOP_FILE", "WORKSHOP_VERSION", "data_folder", "find", "read"]


def find(folder: Path | None = None) -> Path | None:
    """The workshop file of ``folder`` (default: the current folder), or None."""
    path = (folder or Path.cwd()) / WORKSHOP_FILE
    return path if path.is_file() else None


def read(path: Path) -> dict[str, Any]:
    """The settings of the workshop file at ``path``."""
    return read_workshop(path.resolve())


def data_folder(path: Path) -> Path:
    """The kit's data folder named by the workshop file at ``path``."""
    return (path.parent / read(path).get("data", "data")).resolve()
