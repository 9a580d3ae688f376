"""Where exercises are found by id.

The learner's engine does not know where the course's exercises live: an
installed package names its chapters' package under the ``brakes.content``
entry point (the course's own :mod:`brakes.content.chapters`), whose modules
call :func:`register` at import. :func:`get` and :func:`all_exercises` import
every such module the first time they are used, so a new chapter file is
picked up with no list to maintain. A workshop kit's package declares no
content: its exercises come sealed, from the kit's workshop file. So does a
notebook's kernel under ``brakes grade``, whose sandbox hides the content's
folder though the installed package still names it: a content package that
cannot be imported is no content (:func:`content_package`).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
from types import ModuleType

from brakes import settings
from brakes.errors import BrakesError
from brakes.exercises.model import Exercise
from brakes.exercises.sealed import sealed_exercise

#: How many known ids an "unknown id" message lists before abbreviating.
_IDS_SHOWN = 30
#: The entry point group under which an installed package names its chapters' package.
CONTENT_GROUP = "brakes.content"
#: A registry's default content: every package the installed entry points name.
INSTALLED = "installed"


def installed_content() -> list[str]:
    """The chapters' packages the installed distributions declare (none in a workshop kit)."""
    return sorted({point.module for point in importlib.metadata.entry_points(group=CONTENT_GROUP)})


def content_package(name: str) -> ModuleType | None:
    """The content package an entry point names, or None when it is not there to import.

    Only the package itself (or a package it is in) missing counts: a chapter
    that fails to import for any other reason, a missing library say, raises.
    """
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if missing and (name == missing or name.startswith(f"{missing}.")):
            return None
        raise


class Registry:
    """A set of exercises by id. The module-level functions use the default one.

    Tests build their own ``Registry()`` (with ``chapters=None``) to register
    throw-away exercises without touching the course's.
    """

    def __init__(self, chapters: str | None = INSTALLED) -> None:
        self._chapters = chapters
        self._loaded = chapters is None
        self._exercises: dict[str, Exercise] = {}
        self._modules: dict[str, str] = {}

    def register(self, exercise: Exercise) -> Exercise:
        """Add an exercise; a second one with the same id from another module is an error."""
        module = getattr(exercise.expected, "__module__", "") or ""
        known = self._modules.get(exercise.id)
        if known is not None and known != module:
            raise ValueError(
                f"exercise {exercise.id} is declared twice (in {known} and in {module})"
            )
        self._exercises[exercise.id] = exercise
        self._modules[exercise.id] = module
        return exercise

    def _load(self) -> None:
        """Import every chapter module once (each registers its exercises)."""
        if self._loaded or self._chapters is None:
            return
        self._loaded = True
        if self._chapters == INSTALLED:
            found = [content_package(name) for name in installed_content()]
            packages = [package for package in found if package is not None]
        else:
            packages = [importlib.import_module(self._chapters)]
        for package in packages:
            name = package.__name__
            for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
                if not info.name.startswith("_"):
                    importlib.import_module(f"{name}.{info.name}")

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id, or a BrakesError listing the known ids.

        The course's registry also finds the sealed exercises of a workshop kit
        (``brakes-workshop.json`` in the kernel's starting folder, see
        :mod:`brakes.settings`) whose chapter module is not installed: a kit's
        package carries no reference answers.
        """
        self._load()
        if isinstance(exercise_id, str) and exercise_id.strip() in self._exercises:
            return self._exercises[exercise_id.strip()]
        sealed = self._sealed() if self._chapters is not None else {}
        if isinstance(exercise_id, str) and exercise_id.strip() in sealed:
            return sealed[exercise_id.strip()]
        ids = sorted({e.id for e in self.all_exercises()} | set(sealed), key=_id_order)
        shown = ", ".join(ids[:_IDS_SHOWN]) + (
            f" and {len(ids) - _IDS_SHOWN} more" if len(ids) > _IDS_SHOWN else ""
        )
        hint = "" if isinstance(exercise_id, str) else ' (ids are text, e.g. exercise("0.1"))'
        raise BrakesError(f"no exercise {exercise_id!r}{hint}; known ids: {shown or 'none'}")

    @staticmethod
    def _sealed() -> dict[str, Exercise]:
        """The sealed exercises of the workshop kit the settings found, if any."""
        kit = settings.current().workshop
        if kit is None:
            return {}
        salt = kit.get("salt", "")
        return {
            exercise_id: sealed_exercise(spec, salt)
            for exercise_id, spec in kit.get("exercises", {}).items()
        }

    def all_exercises(self) -> list[Exercise]:
        """Every registered exercise, in chapter and number order."""
        self._load()
        return sorted(self._exercises.values(), key=lambda e: e.sort_key)


def _id_order(exercise_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in exercise_id.split(".") if part.isdigit())


#: The course's registry, filled by the chapter modules.
default_registry = Registry()


def register(exercise: Exercise) -> Exercise:
    """Register an exercise in the course's registry (called by chapter modules)."""
    return default_registry.register(exercise)


def get(exercise_id: str) -> Exercise:
    """The course exercise with this id; unknown ids raise BrakesError listing the known ones."""
    return default_registry.get(exercise_id)


def all_exercises() -> list[Exercise]:
    """Every course exercise, in chapter and number order."""
    return default_registry.all_exercises()
