"""One fingerprint for "has any of these files changed?": what lets a build skip work it did."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def files_digest(files: Iterable[tuple[Path, str]], start: bytes = b"") -> str:
    """A SHA-256 over ``start``, then each file's name and bytes, in the order given.

    ``files`` are (path to read, name to record) pairs: the name, not where the
    file lies, is what a rename changes. ``start`` holds settings that change
    the output too.
    """
    digest = hashlib.sha256(start)
    for path, name in files:
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
