"""The course's settings, declared once and read by the CLI, the Sphinx extension and the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from brakes import __version__
from brakes.errors import BrakesError

#: The repository root when running from a checkout (the Sphinx source).
REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class CourseConfig:
    """Where the course's parts live and the defaults every tool shares."""

    version: str = __version__
    root: Path = REPO_ROOT
    default_seed: int = 2026
    editions: tuple[str, ...] = ("learner", "trainer")
    trainer_tag: str = "trainer"

    @property
    def solutions_dir(self) -> Path:
        """Solution notebooks: the source of truth, stored with outputs."""
        return self.root / "solutions"

    @property
    def exercises_dir(self) -> Path:
        """Learner notebooks, generated from the solutions."""
        return self.root / "exercises"


COURSE = CourseConfig()


def require_checkout(command: str, root: Path | None = None) -> Path:
    """The checkout a trainer command works in, or a BrakesError saying what it needs.

    ``brakes exercises`` and ``brakes workshop`` read ``solutions/`` and
    ``exercises/`` and build wheels from ``src/``: an installed package has none.
    """
    root = root or COURSE.root
    if (root / "pyproject.toml").is_file() and (root / "solutions").is_dir():
        return root
    raise BrakesError(
        f"{command} works in a checkout of the course's repository (it reads solutions/ and "
        f"exercises/ and builds from src/), and {root} is not one: clone the repository and "
        "run it there, with the package installed from it (make site does both)"
    )
