"""A three-page site built with the course's conf.py and templates, for checks that need content
the course may not have yet (a hidden code cell, a checklist, a pandas table, minutes in a
notebook's metadata, a one-table data dictionary) and settings it
does not use by default (the launch button). It executes no notebook, so it builds in seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from brakes.config import COURSE

#: The launch URL the mini site is built with.
HUB = "https://hub.example.com/hub/user-redirect/lab/tree/brakes/{path}"
#: The repository the mini site's theme launch buttons (Binder, Colab, nbgitpuller) point at.
REPOSITORY = "https://github.com/example-org/releasing-the-brakes"
#: The JupyterHub the theme's nbgitpuller button opens.
JUPYTERHUB = "https://hub.example.com"

INDEX = """---
teaching: 5
---

# Demo

- [ ] We listen to forums every week.
- [x] We answer in public.

```{toctree}
exercises/demo
dictionary
```
"""

#: A page with the data dictionary of one table.
DICTIONARY = """# One table

```{data-dictionary} support
```
"""

#: The minutes the demo notebook declares in its metadata.
NOTEBOOK_MINUTES = {"teaching": 15, "exercises": 25}


def _notebook() -> dict:
    table = pd.DataFrame({"mentions": [120, 80]}, index=pd.Index(["forum", "blog"], name="channel"))
    return {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# A demo exercise"},
            {
                "cell_type": "code",
                "execution_count": 1,
                "metadata": {"tags": ["hide-input"]},
                "outputs": [
                    {
                        "data": {"text/html": table.to_html(), "text/plain": str(table)},
                        "execution_count": 1,
                        "metadata": {},
                        "output_type": "execute_result",
                    }
                ],
                "source": "mentions_by_channel",
            },
        ],
        "metadata": {
            "brakes": {"minutes": NOTEBOOK_MINUTES},
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def build_mini_site(root: Path) -> Path:
    """Build the mini site in ``root`` (-W, launch buttons on); return its HTML folder."""
    source = root / "site"
    (source / "exercises").mkdir(parents=True)
    (source / "index.md").write_text(INDEX, encoding="utf-8")
    (source / "dictionary.md").write_text(DICTIONARY, encoding="utf-8")
    (source / "exercises" / "demo.ipynb").write_text(json.dumps(_notebook()), encoding="utf-8")
    settings = {
        "brakes_launch_url": HUB,
        "brakes_repository_url": REPOSITORY,
        "brakes_jupyterhub_url": JUPYTERHUB,
    }
    options = [option for name, value in settings.items() for option in ("-D", f"{name}={value}")]
    result = run_sphinx(source, root / "html", *options)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "html"


def run_sphinx(source: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Build ``source`` into ``out`` with the course's conf.py and the README's flags."""
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html"]
    command += ["-c", str(COURSE.root), *options, str(source), str(out)]
    return subprocess.run(command, capture_output=True, text=True, check=False)
