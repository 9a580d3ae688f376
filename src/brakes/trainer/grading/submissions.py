"""The notebooks handed in: where they are, whose they are, and proof they were left untouched.

Every ``.ipynb`` file under the submissions folder is a submission (hidden
folders such as ``.ipynb_checkpoints`` aside). Its **learner** is the first
folder under the submissions folder when the notebook sits in one
(``submissions/alice/ch1/notebook.ipynb`` → ``alice``, as a hub's home folders
or a per-learner upload give them), else the file's stem
(``submissions/alice.ipynb`` → ``alice``, as collected by e-mail).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from brakes.errors import BrakesError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Submission:
    """One notebook handed in: the original's path, its name in the report, and its hash."""

    path: Path
    notebook: str  # the path relative to the submissions folder, with "/"
    learner: str
    sha256: str | None  # None when the file could not be read

    @property
    def label(self) -> str:
        """How the report names it: ``alice · alice/ch1.ipynb``."""
        return f"{self.learner} · {self.notebook}"


def learner_name(relative: PurePosixPath) -> str:
    """The learner a notebook belongs to (see the module docstring)."""
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def sha256_of(path: Path) -> str | None:
    """The file's SHA-256, read in chunks; None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def find_submissions(folder: Path) -> list[Submission]:
    """Every notebook under ``folder``, in path order, hashed before anything runs."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise BrakesError(f"{folder} is not a folder; give the folder holding the notebooks")
    found = []
    for path in sorted(folder.rglob("*.ipynb")):
        relative = PurePosixPath(path.relative_to(folder).as_posix())
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        found.append(Submission(path, str(relative), learner_name(relative), sha256_of(path)))
    if not found:
        raise BrakesError(f"{folder} holds no notebook (.ipynb file); give the submissions folder")
    return found


def changed_since(submissions: list[Submission]) -> list[Submission]:
    """The originals whose bytes differ from when they were found (or that are gone)."""
    return [s for s in submissions if s.sha256 is not None and sha256_of(s.path) != s.sha256]
