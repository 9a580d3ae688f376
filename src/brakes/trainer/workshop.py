"""``brakes workshop``: a session's kit on fresh data, with its answers sealed.

The output folder holds two parts::

    OUT/participants/releasing-the-brakes-workshop/   to hand out (or OUT/…-seed-N.zip)
        *.ipynb                 the learner notebooks
        brakes-workshop.json    points the notebooks at data/ and holds the sealed answers
        data/                   the tables of the session's seed
        brakes-…+seedN-….whl    the course's package, without the reference answers
        requirements.txt, README.md
    OUT/trainer/answer-sheet.md  each exercise's expected result on that seed

The notebooks need no environment variable: Jupyter runs a notebook in its
own folder, where the course finds ``brakes-workshop.json`` (on a JupyterHub
too). The kit's wheel is built without the course's content package (the
reference functions and solutions); the workshop file carries each exercise's text,
checker and sealed expected answer (:mod:`brakes.exercises.sealed`).

The kit holds none of the site's pages, so the notebooks' links to them go to
the site's address when the trainer gives one (``--site-url`` or
``BRAKES_SITE_URL``), and otherwise read as plain text naming the page; the
README and the notebooks' first cell name that address, or send the learner to
the trainer for it (:func:`workshop_notebook`).
"""

from __future__ import annotations

import json
import secrets
import subprocess
import zipfile
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

import nbformat

from brakes.config import COURSE
from brakes.data import generate, write_tables
from brakes.data.source import SeedSource
from brakes.errors import BrakesError
from brakes.exercises.checkers.base import attempt
from brakes.exercises.checking import verdict_for
from brakes.exercises.model import Exercise, ExerciseKind, Load
from brakes.exercises.registry import all_exercises
from brakes.settings import WORKSHOP_FILE, WORKSHOP_VERSION
from brakes.trainer.answer_sheet import answer_rows
from brakes.trainer.kit import build_wheel, notebooks, readme_text, requirements_text
from brakes.trainer.kit.adapt import (
    ASK_THE_TRAINER,
    NOTEBOOKS,
    SETUP_ADDRESS,
    dumps,
    linked_page,
    readdress_guard,
    retarget_links,
)
from brakes.trainer.kit.wheels import WORKSHOP
from brakes.trainer.sealing import seal

#: The participants' folder, inside ``participants/`` and at the top of the zip.
WORKSHOP_NAME = "releasing-the-brakes-workshop"
#: What the workshop file records of the course that made the kit, under ``course``.
BUILD_KEYS = ("version", "commit")
#: The commit of a course installed from a wheel rather than run from a git checkout.
UNKNOWN_COMMIT = "unknown"
#: The suffixes of the site's page sources (MyST Markdown and notebooks, as myst-nb reads them).
PAGE_SOURCES = (".md", ".ipynb")


@dataclass(frozen=True)
class CheckoutPages(Container[str]):
    """The site's pages, known by their sources in the checkout at ``root``, the kit's aside.

    ``brakes workshop`` runs without the site's build, so a notebook's link names
    a page when the checkout holds its source; the kit's own notebooks are no
    pages to send a learner away to.
    """

    root: Path
    in_kit: frozenset[str]

    def __contains__(self, docname: object) -> bool:
        if not isinstance(docname, str) or docname in self.in_kit or docname.startswith(".."):
            return False
        return any((self.root / f"{docname}{suffix}").is_file() for suffix in PAGE_SOURCES)


def workshop_notebook(path: Path, pages: Container[str], site_url: str) -> str:
    """The learner notebook at ``path`` as a workshop kit holds it, as text.

    Its links to the site's ``pages`` go to them at ``site_url`` (anchors kept),
    and its first cell names the set-up page there. Without an address, the
    links read as plain text naming the page, and the first cell sends the
    learner to the trainer: the kit carries no page, and a link to a file it
    lacks would lead nowhere.
    """

    def target(link: str) -> str | None:
        page = linked_page(link, pages)
        if page is None:
            return link
        return f"{site_url}/{page.address()}" if site_url else None

    notebook = retarget_links(nbformat.read(path, as_version=4), target)
    readdress_guard(notebook, f"{site_url}/{SETUP_ADDRESS}" if site_url else ASK_THE_TRAINER)
    return dumps(notebook)


def course_build(root: Path | None = None) -> dict[str, str]:
    """The course's version, and its git commit when ``root`` is a checkout (else "unknown").

    A kit records the course that made it, so that ``brakes grade`` can say
    when it checks with another one.
    """
    root = root or COURSE.root
    commit = UNKNOWN_COMMIT
    if (root / ".git").exists():
        try:
            done = subprocess.run(
                ["git", "-C", str(root), "rev-parse", "HEAD"],
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError:  # no git on this machine
            done = None
        if done is not None and done.returncode == 0 and done.stdout.strip():
            commit = done.stdout.strip()
    return {"version": COURSE.version, "commit": commit}


def zip_name(seed: int) -> str:
    """The participants' zip for a seed."""
    return f"{WORKSHOP_NAME}-seed-{seed}.zip"


def sealed_exercises(exercises: list[Exercise], seed: int, salt: str) -> dict[str, dict]:
    """Every exercise sealed on the data of ``seed``."""
    return sealed_on(exercises, SeedSource(seed).load, salt)


def sealed_on(exercises: list[Exercise], load: Load, salt: str) -> dict[str, dict]:
    """Every exercise sealed on the tables ``load`` reads (a seed's, or a kit's folder for
    ``brakes grade``, whose kernels check with seals since they cannot see the content)."""
    sealed = {}
    for exercise in exercises:
        expected = exercise.expected(load)
        mistakes = [(mistake, attempt(mistake.make, load)) for mistake in exercise.wrong_answers]
        sealed[exercise.id] = seal(exercise, expected, mistakes, salt)
    return sealed


def seed_label(seed: int) -> str:
    """The local version label of a workshop's wheel: ``seed4711`` makes ``0.1.0+seed4711``."""
    return f"seed{seed}"


def build_sealed_wheel(root: Path, out_dir: Path, seed: int) -> Path:
    """The workshop's wheel: the learner's engine without the course's content (no answers).

    Its version names the seed (:func:`seed_label`): pip then never keeps a learner wheel,
    or another workshop's, of the same name and version in its place.
    """
    return build_wheel(root, out_dir, WORKSHOP, seed_label(seed))


def shared_answers(exercises: list[Exercise], seed: int) -> list[str]:
    """The computed answers whose published value also passes its check on ``seed``.

    Seeds differ in every count and median, but a small whole number (a count
    of weeks, say) can fall the same on two seeds. Choices are left out: the
    stories fix their right option on every seed.
    """
    published, load = SeedSource(COURSE.default_seed).load, SeedSource(seed).load
    shared = []
    for exercise in exercises:
        if exercise.kind is not ExerciseKind.ANSWER:
            continue
        value = attempt(exercise.expected, published)
        if value is not None and verdict_for(exercise, value, load).correct:
            shared.append(exercise.id)
    return shared


def shared_answers_line(shared: list[str], seed: int) -> str:
    """One sentence for the trainer about ``shared``, or an empty string when there is none."""
    if not shared:
        return ""
    ids = ", ".join(shared)
    return (
        f"On seed {seed} the published answer to {ids} also passes its check (it falls the "
        "same on both seeds); a learner copying it from the site would be told it is right. "
        "Another seed changes that, if it matters to you."
    )


def answer_sheet(exercises: list[Exercise], seed: int, shared: list[str] | None = None) -> str:
    """The trainer's sheet: each exercise's expected result on ``seed``, in Markdown.

    ``shared`` names the answers whose published value also passes on this seed.
    """
    note = shared_answers_line(shared or [], seed)
    lines = [
        f"# Answer sheet: workshop on seed {seed}",
        "",
        "For the trainer only: do not hand this file out. Each exercise's expected result on",
        f"this kit's data (seed {seed}), computed by the exercises' own reference code.",
        "",
        *([note, ""] if note else []),
        "| Exercise | Question | Expected result |",
        "| --- | --- | --- |",
    ]
    for exercise_id, title, text in answer_rows(exercises, SeedSource(seed).load):
        cells = (cell.replace("|", "\\|").replace("\n", " ") for cell in (exercise_id, title, text))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def build_workshop(
    seed: int,
    out: Path,
    *,
    make_zip: bool = False,
    root: Path | None = None,
    site_url: str = "",
) -> tuple[Path, list[str]]:
    """Write a session's kit for ``seed`` into ``out``.

    Returns the participants' folder and the answers whose published value
    also passes on this seed (:func:`shared_answers`). ``out`` must be empty or
    new (the command checks it); ``make_zip`` also zips the participants'
    folder into ``out``. ``site_url`` is the course website's public address
    (the ``site_url`` setting, already checked), or empty when there is none.
    """
    root = root or COURSE.root
    exercises = all_exercises()
    if not exercises:
        raise BrakesError("no exercise is registered: install the course's package from a checkout")
    salt = secrets.token_hex(16)
    folder = out / "participants" / WORKSHOP_NAME
    folder.mkdir(parents=True)
    kit_notebooks = notebooks(root / NOTEBOOKS)
    pages = CheckoutPages(root, frozenset(f"{NOTEBOOKS}/{path.stem}" for path in kit_notebooks))
    for notebook in kit_notebooks:
        text = workshop_notebook(notebook, pages, site_url)
        (folder / notebook.name).write_text(text, encoding="utf-8")
    write_tables(generate(seed), folder / "data")
    settings = {
        "version": WORKSHOP_VERSION,
        "seed": seed,
        "data": "data",
        "salt": salt,
        "course": course_build(root),
        "exercises": sealed_exercises(exercises, seed, salt),
    }
    (folder / WORKSHOP_FILE).write_text(json.dumps(settings, indent=1), encoding="utf-8")
    wheel = build_sealed_wheel(root, folder, seed)
    (folder / "requirements.txt").write_text(requirements_text(wheel.name, root), encoding="utf-8")
    readme = readme_text(site_url, carries_pages=False)
    (folder / "README.md").write_text(readme, encoding="utf-8")
    trainer = out / "trainer"
    trainer.mkdir()
    shared = shared_answers(exercises, seed)
    sheet = answer_sheet(exercises, seed, shared)
    (trainer / "answer-sheet.md").write_text(sheet, encoding="utf-8")
    if make_zip:
        with zipfile.ZipFile(out / zip_name(seed), "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{WORKSHOP_NAME}/{path.relative_to(folder).as_posix()}")
    return folder, shared
