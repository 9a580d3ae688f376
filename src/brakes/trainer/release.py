"""A release: every artefact of one course version in one folder, with checksums and notes.

``make release`` builds the artefacts (the learner edition's site zip, the notebook
kit, the PDF handouts, the SCORM package when its builder exists) and then runs
``python -m brakes.trainer.release``, which builds the learners' wheel and gathers
everything into ``_build/release/brakes-<version>/`` with

- ``RELEASE-NOTES.md``: the changelog's section for that version, and the files;
- ``SHA256SUMS``: one ``<sha256>  <name>`` line per file, as ``sha256sum`` writes it,
  so ``sha256sum -c SHA256SUMS`` checks a copy.

The version is the package's (``brakes.__version__``); a changelog without a section
for it stops the release, as does a missing artefact.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from brakes.config import COURSE
from brakes.errors import BrakesError
from brakes.trainer.handouts import TRAINER_PDF
from brakes.trainer.kit import build_wheel

NOTES = "RELEASE-NOTES.md"
#: What the notes say of a file that must not be published beside the others.
PRIVATE = {TRAINER_PDF: "for trainers only (it holds the expected answers): do not publish"}
SUMS = "SHA256SUMS"
#: A version's heading in CHANGELOG.md (Keep a Changelog): ``## [0.2.0] - 2026-12-06``.
HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\S+))?[ \t]*$", re.MULTILINE)


def release_folder(out: Path, version: str) -> Path:
    """Where a version's release is gathered: ``out/brakes-<version>``."""
    return out / f"brakes-{version}"


def changelog_section(changelog: str, version: str) -> tuple[str, str]:
    """The date and the text of ``version``'s section of ``changelog`` (without its heading)."""
    headings = list(HEADING.finditer(changelog))
    for here, after in zip(headings, [*headings[1:], None], strict=True):
        if here["version"] == version:
            end = after.start() if after else len(changelog)
            return here["date"] or "", changelog[here.end() : end].strip()
    raise BrakesError(
        f"CHANGELOG.md has no '## [{version}] - DATE' section: move the Unreleased "
        f"entries into one before releasing {version}"
    )


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def release_notes(version: str, date: str, section: str, files: Sequence[Path]) -> str:
    """``RELEASE-NOTES.md``: the version's changelog section, then the files with their sizes."""
    lines = [f"# Releasing the Brakes {version}" + (f" — {date}" if date else ""), "", section]
    lines += ["", "## Files", ""]
    for path in files:
        note = f": {PRIVATE[path.name]}" if path.name in PRIVATE else ""
        lines.append(f"- `{path.name}` ({path.stat().st_size:,} bytes){note}")
    lines += ["", f"Check a copy with `sha256sum -c {SUMS}` in its folder."]
    return "\n".join(lines) + "\n"


def gather(
    out: Path,
    version: str,
    changelog: str,
    artefacts: Sequence[Path],
    optional: Sequence[Path] = (),
) -> Path:
    """Gather a release of ``version`` into :func:`release_folder`, anew; return that folder.

    Every path of ``artefacts`` must exist; one of ``optional`` joins when it exists.
    The notes come from ``changelog``'s section for ``version``.
    """
    date, section = changelog_section(changelog, version)
    missing = [str(path) for path in artefacts if not path.is_file()]
    if missing:
        raise BrakesError(f"not built: {', '.join(missing)}; run make release to build them")
    files = [*artefacts, *(path for path in optional if path.is_file())]
    names = [path.name for path in files]
    if len(set(names)) != len(names) or {NOTES, SUMS} & set(names):
        raise BrakesError(f"two artefacts would share a name in the release: {sorted(names)}")
    folder = release_folder(out, version)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    copies = [Path(shutil.copy2(path, folder / path.name)) for path in files]
    notes = release_notes(version, date, section, copies)
    (folder / NOTES).write_text(notes, encoding="utf-8")
    sums = "".join(f"{sha256(folder / name)}  {name}\n" for name in sorted([*names, NOTES]))
    (folder / SUMS).write_text(sums, encoding="utf-8")
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m brakes.trainer.release``: the learners' wheel and ``--artefact``s, gathered."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=COURSE.root / "_build" / "release")
    parser.add_argument("--artefact", type=Path, action="append", default=[])
    parser.add_argument(
        "--optional",
        action="append",
        default=[],
        help="an artefact that joins when it was built; {version} is replaced",
    )
    args = parser.parse_args(argv)
    version = COURSE.version
    changelog = (COURSE.root / "CHANGELOG.md").read_text(encoding="utf-8")
    optional = [Path(path.format(version=version)) for path in args.optional]
    try:
        with tempfile.TemporaryDirectory(prefix="brakes-release-") as scratch:
            wheel = build_wheel(COURSE.root, Path(scratch))
            folder = gather(args.out, version, changelog, [*args.artefact, wheel], optional)
    except BrakesError as error:
        parser.exit(1, f"error: {error}\n")
    for path in optional:
        if not path.is_file():
            print(f"left out (not built): {path}")
    print(f"release {version}: {folder}")
    for line in (folder / SUMS).read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        print(f"  {(folder / name).stat().st_size:>12,}  {digest}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
