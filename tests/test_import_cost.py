"""Imports that cost seconds stay where they are needed (`make bench` measures the time).

- A notebook's first cell imports the learner's runtime: it must not pull in
  nbformat, whose jsonschema import takes 1-3 s in every kernel.
- Sphinx loads the course's extension on every build: it must not pull in
  pandas and numpy, which only the pages that show data need, so a rebuild that
  reads no such page never loads them.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

IMPORTED = "import json, sys; {imports}; print(json.dumps(sorted(sys.modules)))"


def modules_after(imports: str) -> set[str]:
    """The modules a fresh Python has loaded after running ``imports``."""
    code = IMPORTED.format(imports=imports)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout))


@pytest.mark.parametrize(
    ("imports", "absent"),
    [
        (
            "import brakes.data, brakes.exercises, brakes.plotting",
            {"nbformat", "jsonschema"},
        ),
        ("import brakes.sphinxext", {"pandas", "numpy", "brakes.data", "brakes.exercises"}),
    ],
)
def test_heavy_modules_are_imported_only_where_needed(imports: str, absent: set[str]) -> None:
    loaded = modules_after(imports) & absent
    assert not loaded, f"`{imports}` loads {sorted(loaded)}"
