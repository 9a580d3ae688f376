"""The site's builds against their floors: a clean build, a rebuild with nothing changed, a
rebuild after editing one chapter's prose.

Floors, measured in the same run:

- **import floor**: a fresh Python importing every module a clean build of the
  learner edition had imported when it finished (the list is recorded by that
  build itself), and leaving out what it left out; nothing else;
- **serial floor**: every notebook the clean build executed, each run alone in
  a fresh kernel with nbclient, one after another, plus the import floor.

Everything is built from a private copy of the course (:func:`timing.copy_course`),
with the README's flags (``-W --keep-going -n -q``).
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.timing import BenchError, Run, cores, run

#: sphinx-build, which also writes the modules it imported to $BRAKES_BENCH_MODULES.
SPHINX = """
import json, os, sys
from sphinx.cmd.build import main
code = main(sys.argv[1:])
out = os.environ.get("BRAKES_BENCH_MODULES")
if out:
    with open(out, "w") as file:
        json.dump({
            "imported": [name for name, module in sys.modules.items() if module is not None],
            "blocked": [name for name, module in sys.modules.items() if module is None],
        }, file)
sys.exit(code)
"""

#: A fresh Python importing a recorded module list (see :data:`SPHINX`); prints the failures.
IMPORT_FLOOR = """
import importlib, json, sys
modules = json.load(open(sys.argv[1]))
for name in modules["blocked"]:
    sys.modules.setdefault(name, None)
failed = 0
for name in modules["imported"]:
    if name in ("__main__", "__mp_main__") or name.endswith(".__main__"):
        continue
    try:
        importlib.import_module(name)
    except Exception:
        failed += 1
print(failed)
"""

#: The README's flags: warnings are errors, but the build goes on to the end.
FLAGS = ("-W", "--keep-going", "-n", "-q", "-b", "html")
#: The sentence added to a chapter page for the "one chapter's prose edited" rebuild.
EDIT = "\nA sentence added by the benchmark ({n}), to rebuild after an edit of prose.\n"


@dataclass
class Site:
    """A private copy of the course and where its learner edition is built."""

    source: Path
    out: Path

    @property
    def html(self) -> Path:
        return self.out / "html"

    @property
    def cache(self) -> Path:
        """MyST-NB keeps jupyter-cache in the parent of the output folder."""
        return self.out / ".jupyter_cache"

    @property
    def modules(self) -> Path:
        return self.out.parent / "modules.json"

    def build(self, record_modules: bool = False) -> Run:
        """One build; its times, and its exit code (with -W, 1 on a warning) and output."""
        command = [sys.executable, "-c", SPHINX, *FLAGS, "-d", self.out / "doctrees"]
        env = {"BRAKES_BENCH_MODULES": str(self.modules) if record_modules else ""}
        done = run([*command, self.source, self.html], env=env, check=False)
        if not (self.html / "index.html").is_file():
            raise BenchError(f"the build wrote no index.html:\n{done.output}")
        return done

    def clean(self, keep_notebooks: bool = False) -> None:
        """Remove every output, cache and Sphinx state of the previous build.

        With ``keep_notebooks``, the notebook cache stays (and the outputs MyST-NB wrote
        from it): the next build does all the work of a clean build but run notebooks.
        """
        if not keep_notebooks:
            shutil.rmtree(self.out, ignore_errors=True)
            return
        for folder in (self.html, self.out / "doctrees"):
            shutil.rmtree(folder, ignore_errors=True)

    def executed_notebooks(self) -> list[Path]:
        """The notebooks the last clean build executed (the entries of its notebook cache)."""
        from jupyter_cache import get_cache

        return sorted(Path(record.uri) for record in get_cache(self.cache).list_cache_records())

    def edit_prose(self, n: int) -> Path:
        """Add a sentence to the first chapter page: a change of prose, no code."""
        chapters = sorted(self.source.glob("course/*/index.md"))
        page = chapters[0] if chapters else self.source / "index.md"
        with page.open("a", encoding="utf-8") as file:
            file.write(EDIT.format(n=n))
        return page


def _warnings(output: str) -> str:
    lines = [line for line in output.splitlines() if "WARNING" in line or "ERROR" in line]
    return "\n".join(lines[:20])


def import_floor(modules: Path) -> tuple[Run, int]:
    """A fresh Python importing the recorded modules; how many of them failed to import."""
    done = run([sys.executable, "-c", IMPORT_FLOOR, modules])
    return done, int(done.last_line())


#: Each notebook (argv) in a fresh kernel with nbclient, one after another; prints their times.
NOTEBOOKS_ALONE = """
import json, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient
seconds = {}
for path in map(Path, sys.argv[1:]):
    notebook = nbformat.read(path, as_version=4)
    folder = {"metadata": {"path": str(path.parent)}}
    client = NotebookClient(notebook, timeout=600, resources=folder)
    start = time.perf_counter()
    client.execute()
    seconds[path.name] = time.perf_counter() - start
print(json.dumps(seconds))
"""


def notebooks_alone(paths: list[Path]) -> tuple[dict[str, float], float]:
    """Wall seconds of each notebook run alone (fresh kernel, its own folder), and their CPU."""
    done = run([sys.executable, "-c", NOTEBOOKS_ALONE, *paths])
    return json.loads(done.last_line()), done.cpu_seconds


@dataclass
class BuildResults:
    """Every time measured, in seconds, each a list over rounds."""

    notebooks: list[str] = field(default_factory=list)
    clean: list[float] = field(default_factory=list)
    clean_cpu: list[float] = field(default_factory=list)
    besides_notebooks: list[float] = field(default_factory=list)
    notebooks_alone: list[dict[str, float]] = field(default_factory=list)
    notebooks_alone_cpu: list[float] = field(default_factory=list)
    import_floor: list[float] = field(default_factory=list)
    import_floor_cpu: list[float] = field(default_factory=list)
    no_change: list[float] = field(default_factory=list)
    prose_edit: list[float] = field(default_factory=list)
    modules: int = 0
    modules_failed: int = 0
    warnings: str = ""

    def summary(self) -> dict[str, Any]:
        """The best of each, the floors and the ratios, for results.json."""
        floor = min(self.import_floor)
        alone = {name: min(r[name] for r in self.notebooks_alone) for name in self.notebooks}
        serial = sum(alone.values()) + floor
        clean = min(self.clean)
        # The work itself, in CPU seconds: spread perfectly over the cores, a clean build
        # could take no less than its CPU time over the cores, neighbours or not.
        clean_cpu = min(self.clean_cpu)
        serial_cpu = min(self.notebooks_alone_cpu) + min(self.import_floor_cpu)
        # What a clean build does besides running notebooks happens one step after another
        # in Sphinx; the notebooks at best share the cores evenly: the least a clean build
        # could take here.
        besides = min(self.besides_notebooks)
        best = besides + sum(alone.values()) / cores()
        return {
            "notebooks": len(self.notebooks),
            "clean_s": clean,
            "serial_floor_s": serial,
            "notebooks_alone_s": alone,
            "import_floor_s": floor,
            "modules_imported": self.modules,
            "modules_failed_alone": self.modules_failed,
            "clean_over_serial_floor": clean / serial,
            "cores": cores(),
            "clean_cpu_s": clean_cpu,
            "serial_floor_cpu_s": serial_cpu,
            "clean_cpu_over_cores_over_serial_floor": clean_cpu / cores() / serial,
            "besides_notebooks_s": besides,
            "best_clean_s": best,
            "best_clean_over_serial_floor": best / serial,
            "no_change_s": min(self.no_change),
            "no_change_over_import_floor": min(self.no_change) / floor,
            "prose_edit_s": min(self.prose_edit),
            "prose_edit_over_import_floor": min(self.prose_edit) / floor,
            "rounds": {
                "clean_s": self.clean,
                "notebooks_alone_sum_s": [sum(r.values()) for r in self.notebooks_alone],
                "besides_notebooks_s": self.besides_notebooks,
                "import_floor_s": self.import_floor,
                "no_change_s": self.no_change,
                "prose_edit_s": self.prose_edit,
            },
            "build_warnings": self.warnings,
        }


def bench_build(work: Path, heavy_rounds: int = 1, light_rounds: int = 3) -> BuildResults:
    """Clean builds against the serial floor, rebuilds against the import floor, side by side.

    Heavy rounds alternate a clean build, its serial floor (each notebook alone)
    and a clean build whose notebooks are already cached (the rest of the work);
    light rounds alternate the import floor, a no-change rebuild and a rebuild
    after a prose edit.
    """
    from benchmarks.timing import copy_course

    site = Site(copy_course(work / "course"), work / "out")
    results = BuildResults()
    for round_ in range(heavy_rounds):
        site.clean()
        built = site.build(record_modules=round_ == 0)
        results.clean.append(built.seconds)
        results.clean_cpu.append(built.cpu_seconds)
        if built.returncode:
            results.warnings = _warnings(built.output) or f"exited with {built.returncode}"
        if round_ == 0:
            paths = site.executed_notebooks()
            results.notebooks = [path.name for path in paths]
        alone, cpu = notebooks_alone(paths)
        results.notebooks_alone.append(alone)
        results.notebooks_alone_cpu.append(cpu)
        site.clean(keep_notebooks=True)
        results.besides_notebooks.append(site.build().seconds)
    recorded = json.loads(site.modules.read_text(encoding="utf-8"))
    results.modules = len(recorded["imported"])
    # Once, untimed: the first rebuild after a clean build rewrites a few pages, which now
    # link the stylesheets the clean build wrote at its end (MyST-NB's) with their checksums.
    site.build()
    for n in range(light_rounds):
        floor, results.modules_failed = import_floor(site.modules)
        results.import_floor.append(floor.seconds)
        results.import_floor_cpu.append(floor.cpu_seconds)
        results.no_change.append(site.build().seconds)
        site.edit_prose(n)
        results.prose_edit.append(site.build().seconds)
    return results
