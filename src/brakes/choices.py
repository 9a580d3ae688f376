"""The order and the letters of a question's options: one rule for every multiple choice.

Authors write options by meaning, in any order, and mark the right one by name;
the learner sees them in an order drawn from the question's own key (an
exercise id, a quiz question's text). The same key gives the same order on
every machine and every run, so a notebook, its solution, the trainer's answer
sheet and a workshop kit's sealed letter all agree, while the right answers
spread over the letters instead of piling up where authors tend to put them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

#: The letters options are shown with, in order.
LETTERS = "abcdefgh"

T = TypeVar("T")


def shuffled(key: str, items: Sequence[T]) -> list[T]:
    """``items`` in the order the question ``key`` draws: stable across runs and machines.

    Each position is ranked by a SHA-256 digest of the key and the position
    (never Python's ``hash()``, which is salted per process), so the order
    depends on the key and on how many options there are, not on their text:
    rewording an option keeps its letter.
    """

    def rank(position: int) -> bytes:
        return hashlib.sha256(f"{key}\x1f{position}".encode()).digest()

    return [items[i] for i in sorted(range(len(items)), key=rank)]


@dataclass(frozen=True)
class Options:
    """A question's options by name, in the author's order, and the letters the learner sees.

    ``key`` is the question's stable identity (the exercise id); ``by_name``
    maps a short name (``"listen"``) to the option's text. Code and prose refer
    to an option by its name; only the learner's side uses letters.
    """

    key: str
    by_name: Mapping[str, str]

    def __post_init__(self) -> None:
        if not 2 <= len(self.by_name) <= len(LETTERS):
            raise ValueError(f"question {self.key}: give between 2 and {len(LETTERS)} options")

    @cached_property
    def _letter_of(self) -> dict[str, str]:
        return dict(zip(shuffled(self.key, list(self.by_name)), LETTERS, strict=False))

    def letter(self, name: str) -> str:
        """The letter option ``name`` is shown with."""
        try:
            return self._letter_of[name]
        except KeyError:
            known = ", ".join(repr(n) for n in self.by_name)
            raise ValueError(f"question {self.key} has no option {name!r} ({known})") from None

    @property
    def lettered(self) -> dict[str, str]:
        """Letter to text, in the order the learner reads them: what a checker holds."""
        return {letter: self.by_name[name] for name, letter in self._letter_of.items()}

    def by_letter(self, values: Mapping[str, T]) -> dict[str, T]:
        """``values`` keyed by option name, re-keyed by letter (e.g. explanations)."""
        return {self.letter(name): value for name, value in values.items()}

    def picks(self, name: str) -> Callable[[Any], str]:
        """A reference function that picks option ``name`` whatever the data: a manager
        question's expected answer, or one of its known wrong picks."""
        letter = self.letter(name)
        return lambda load: letter

    def solution(self, answer_name: str, name: str) -> str:
        """The solution line that picks option ``name``: the letter in quotes, as the template."""
        return f'{answer_name} = "{self.letter(name)}"\n'
