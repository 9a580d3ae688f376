"""A workshop kit's settings file, found next to the notebooks: no environment variable to set.

``brakes workshop`` writes ``brakes-workshop.json`` into the participants'
notebook folder. Jupyter starts a notebook's kernel in the notebook's folder
(on a laptop and on a JupyterHub alike), so the course finds the file there
and reads the kit's data folder and sealed answers from it. It holds::

    {"version": 1, "seed": 2027, "data": "../data", "salt": "…", "exercises": {"1.3": {…}}}

``data`` is relative to the file. The sealed exercises are read by
:mod:`brakes.exercises.registry` (see :mod:`brakes.exercises.sealed`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from brakes.errors import BrakesError

#: The settings file's name, in the folder the notebooks run in.
WORKSHOP_FILE = "brakes-workshop.json"
WORKSHOP_VERSION = 1

_cache: dict[Path, tuple[int, dict[str, Any]]] = {}


def find(folder: Path | None = None) -> Path | None:
    """The workshop file of ``folder`` (default: the current folder), or None."""
    path = (folder or Path.cwd()) / WORKSHOP_FILE
    return path if path.is_file() else None


def read(path: Path) -> dict[str, Any]:
    """The settings of a workshop file (read again only when the file changes)."""
    path = path.resolve()
    stamp = path.stat().st_mtime_ns
    cached = _cache.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BrakesError(
            f"{path} cannot be read ({error}); unzip the workshop kit again, or ask your trainer."
        ) from None
    if not isinstance(settings, dict) or settings.get("version") != WORKSHOP_VERSION:
        raise BrakesError(
            f"{path} is not a workshop file this version of brakes reads; install the wheel "
            "that came with the kit (python -m pip install -r requirements.txt)."
        )
    _cache[path] = (stamp, settings)
    return settings


def data_folder(path: Path) -> Path:
    """The kit's data folder named by the workshop file at ``path``."""
    return (path.parent / read(path).get("data", "data")).resolve()
