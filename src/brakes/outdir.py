"""Output folders for the trainer tools: never overwrite anything without being asked."""

from __future__ import annotations

from pathlib import Path

from brakes.errors import BrakesError


def prepare_output_dir(path: Path, *, force: bool) -> Path:
    """Create ``path`` if needed; refuse a non-empty folder unless ``force`` is set."""
    if path.exists() and not path.is_dir():
        raise BrakesError(f"{path} is a file, not a folder; choose a folder for --out")
    if path.is_dir() and any(path.iterdir()) and not force:
        raise BrakesError(
            f"{path} is not empty; choose an empty folder, or add --force to overwrite its files"
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BrakesError(
            f"cannot create {path} ({error.strerror}); choose another --out"
        ) from None
    return path
