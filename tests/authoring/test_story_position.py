"""No story's result is stated before the exercise that computes it (#20 point 2).

The test walks the learner's path in course order, as the site's navigation
leads: the landing page, the reference pages (the glossary opens from any page's
terms), then each page of the root toctree; a chapter page's
text comes before its notebooks (its own toctree), and each notebook is read
cell by cell in file order, its Markdown (headings, prompts, exercise titles,
which ``brakes exercises --check`` holds equal to the chapter modules' titles)
and the exercise's hints checked before the exercise, its answer cell marking
the result as computed. Trainer-only blocks (``{only} trainer``) and the notebooks'
solution-only cells may state results, and are skipped; so are the options of
a prediction or a manager's question, which list every answer on purpose.
The results and their wordings are declared in :mod:`brakes.content.story_results`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin

from brakes.authoring.strip import is_solution_only
from brakes.config import COURSE
from brakes.content.story_results import STORY_RESULTS, StoryResult
from brakes.exercises.registry import all_exercises
from brakes.notebook_meta import cell_meta

#: Block syntax as MyST reads it: CommonMark with colon fences.
MARKDOWN = MarkdownIt("commonmark").use(colon_fence_plugin)
#: Fenced directives whose text is not learner prose read before the exercises.
SKIPPED_DIRECTIVES = re.compile(r"^\{(?:only\}\s+trainer|toctree\})")
#: The caption of the root toctree whose pages a learner may open at any time.
REFERENCE_CAPTION = ":caption: Reference"
#: A list item's first line: a new piece of text, as a blank line is.
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")


@dataclass(frozen=True)
class Passage:
    """A piece of learner text (a paragraph or a list item) and where it is."""

    path: str
    place: str  # "line", "cell", or "" for a hint (``path`` then says where it is shown)
    number: int  # the piece's first line in a page, the cell's number (from 1) in a notebook
    text: str

    def where(self, offset: int) -> str:
        """The place of a character of the text: its line in a page, its cell in a notebook."""
        if not self.place:
            return self.path  # a hint, named by its exercise's cell
        if self.place == "cell":
            return f"{self.path}: cell {self.number}"
        return f"{self.path}: line {self.number + self.text[:offset].count(chr(10))}"


@dataclass(frozen=True)
class Computed:
    """The learner has just computed this exercise's answer."""

    exercise_id: str


Step = Passage | Computed


@dataclass(frozen=True)
class Finding:
    """A result stated before its exercise."""

    where: str
    phrase: str
    result: StoryResult

    def __str__(self) -> str:
        return f"{self.where}: {self.phrase!r} (computed in {self.result.computed_in})"


def pieces(path: str, place: str, number: int, text: str) -> Iterator[Passage]:
    """``text`` cut at blank lines and list items, each piece with the number of its first line."""
    start, lines = 0, text.splitlines()
    for index, line in enumerate([*lines, ""]):
        if not line.strip() or (LIST_ITEM.match(line) and index > start):
            chunk = "\n".join(lines[start:index]).strip("\n")
            if chunk.strip():
                first = number if place == "cell" else number + start
                yield Passage(path, place, first, chunk)
            start = index + (not line.strip())


def page_steps(root: Path, page: str) -> tuple[list[Step], list[str]]:
    """A page's learner text in order, and its toctree entries (documents, from ``root``)."""
    path = root / f"{page}.md"
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    steps: list[Step] = []
    entries: list[str] = []
    for token in MARKDOWN.parse(source):
        if token.level != 0 or token.map is None or token.nesting == -1:
            continue
        first, last = token.map
        if token.type == "fence":
            if token.info.startswith("{toctree}"):
                folder = Path(page).parent
                listed = [
                    (folder / entry.strip()).as_posix()
                    for entry in token.content.splitlines()
                    if entry.strip() and not entry.startswith(":")
                ]
                # Reference pages (the glossary) open from any page's terms: read them first.
                reference = REFERENCE_CAPTION in token.content.splitlines()
                entries = [*listed, *entries] if reference else [*entries, *listed]
            if SKIPPED_DIRECTIVES.match(token.info):
                continue
            first, last = first + 1, last - 1  # the text inside the fence
        text = "\n".join(lines[first:last])
        steps += pieces(path.relative_to(root).as_posix(), "line", first + 1, text)
    return steps, [_normalised(entry) for entry in entries]


def _normalised(document: str) -> str:
    """A toctree entry as a path from the root: ``course/control/../../x`` is ``x``."""
    parts: list[str] = []
    for part in document.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _option_texts(checker: object) -> tuple[str, ...]:
    """The statements of a prediction's or a manager's question's options (none elsewhere)."""
    options = getattr(checker, "options", ())
    return tuple(options.values()) if isinstance(options, Mapping) else ()


def notebook_steps(root: Path, document: str) -> list[Step]:
    """A solution notebook as the learner meets it: Markdown cells, then each answer."""
    path = root / f"{document}.ipynb"
    exercises = {e.id: e for e in all_exercises()}
    name = path.relative_to(root).as_posix()
    steps: list[Step] = []
    for number, cell in enumerate(nbformat.read(path, as_version=4).cells, start=1):
        meta = cell_meta(cell)
        if is_solution_only(cell):
            continue
        if cell.cell_type == "markdown":
            stated = exercises.get(meta.prompt or "")
            listed = _option_texts(stated.checker) if stated else ()
            text = "\n".join(
                line for line in cell.source.splitlines() if not any(o in line for o in listed)
            )
            steps += pieces(name, "cell", number, text)
            # The hints come from the chapter module, on request, before the answer.
            for hint_number, hint in enumerate(stated.hints if stated else (), start=1):
                steps.append(Passage(f"{name}: cell {number}, hint {hint_number}", "", 0, hint))
        elif meta.exercise is not None:
            steps.append(Computed(meta.exercise))
    return steps


def course_path(root: Path, page: str = "index") -> Iterator[Step]:
    """Every step of the learner's path from ``page`` on, depth first, as the navigation goes."""
    steps, entries = page_steps(root, page)
    yield from steps
    for entry in entries:
        if entry.startswith("exercises/"):
            continue  # the learner's copy of the solution notebook read next
        if entry.startswith("solutions/"):
            yield from notebook_steps(root, entry)
        else:
            yield from course_path(root, entry)


def findings(steps: Iterator[Step], results: tuple[StoryResult, ...]) -> list[Finding]:
    """Each result stated in a passage read before its exercise was computed."""
    computed: set[str] = set()
    found: list[Finding] = []
    for step in steps:
        if isinstance(step, Computed):
            computed.add(step.exercise_id)
            continue
        for result in results:
            if result.computed_in in computed:
                continue
            for match in result.find(step.text):
                phrase = " ".join(match.group(0).split())
                found.append(Finding(step.where(match.start()), phrase, result))
    return found


def test_no_result_is_stated_before_the_exercise_that_computes_it() -> None:
    found = findings(course_path(COURSE.root), STORY_RESULTS)
    report = "\n".join(str(f) for f in found)
    print(report)
    assert not found, f"{len(found)} results stated before their exercise:\n{report}"


def test_the_walk_reads_every_notebook_in_course_order() -> None:
    computed = [s.exercise_id for s in course_path(COURSE.root) if isinstance(s, Computed)]
    in_notebooks = [
        meta.exercise
        for path in sorted(COURSE.solutions_dir.glob("*.ipynb"))
        for cell in nbformat.read(path, as_version=4).cells
        if (meta := cell_meta(cell)).exercise is not None and cell.cell_type == "code"
    ]
    assert computed == in_notebooks


@pytest.mark.parametrize("result", STORY_RESULTS, ids=lambda r: r.computed_in)
def test_each_result_is_computed_by_an_exercise_and_caught_in_its_own_words(
    result: StoryResult,
) -> None:
    assert result.computed_in in {e.id for e in all_exercises()}
    assert list(result.find(result.result)), f"no pattern of {result.result!r} matches it"


def test_a_result_in_a_trainer_block_or_after_its_exercise_is_allowed(tmp_path: Path) -> None:
    """A page stating a result is a finding; the same words in a trainer block are not."""
    stated = "In the data, redirects satisfy least."
    (tmp_path / "index.md").write_text(
        f"# Course\n\nIntro.\n\n````{{only}} trainer\n{stated}\n````\n\n- A point.\n- {stated}\n",
        encoding="utf-8",
    )
    redirects = next(r for r in STORY_RESULTS if r.computed_in == "1.14")
    found = findings(course_path(tmp_path), (redirects,))
    assert [str(f) for f in found] == [
        "index.md: line 10: 'redirects satisfy least' (computed in 1.14)"
    ]
    after = findings(iter([Computed("1.14"), *course_path(tmp_path)]), (redirects,))
    assert after == []
