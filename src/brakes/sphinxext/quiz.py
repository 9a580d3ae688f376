"""A self-check quiz that gives feedback on the static page, without a kernel.

A ``quiz`` directive holds one question as YAML::

    question: Why …?
    options:
      - text: An answer.
        correct: true
        why: The explanation shown when this answer is picked.

Each option is a radio button; picking one reveals its explanation (plain CSS,
so it works offline and without JavaScript). A small script repeats the verdict
in a live region so screen readers announce it. The options are shown in the
order the question's text draws (:func:`shown_options`), by the same rule as the
notebooks' lettered options, so authors may write the right one first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from brakes.choices import shuffled


class quiz(nodes.General, nodes.Element):
    """A whole question: the HTML ``fieldset`` around its options."""


class quiz_question(nodes.General, nodes.Element):
    """The question's text (the fieldset's legend)."""


class quiz_option(nodes.General, nodes.Element):
    """One answer: a radio button, its label and its explanation."""


class quiz_why(nodes.General, nodes.Element):
    """The explanation of one answer, revealed when it is picked."""


class QuizError(ValueError):
    """A quiz block that does not follow the documented format."""


def parse_quiz(text: str) -> dict[str, Any]:
    """Read and validate a quiz block's YAML; say what is wrong in one sentence."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        # A syntax error names its problem; others (a control character…) have only their text.
        detail = error.problem if isinstance(error, yaml.MarkedYAMLError) else error
        problem = " ".join(str(detail).split())
        raise QuizError(f"the quiz is not valid YAML ({problem}); quote text with colons") from None
    if not isinstance(data, dict) or not isinstance(data.get("question"), str):
        raise QuizError("a quiz needs a 'question:' line with the question's text")
    options = data.get("options")
    if not isinstance(options, list) or len(options) < 2:
        raise QuizError("a quiz needs an 'options:' list with at least two answers")
    for number, option in enumerate(options, start=1):
        if not isinstance(option, dict) or not {"text", "why"} <= option.keys():
            raise QuizError(f"option {number} needs both 'text:' and 'why:'")
        if not isinstance(option.get("correct", False), bool):
            raise QuizError(f"option {number}: 'correct:' must be true or false")
    right = sum(bool(option.get("correct")) for option in options)
    if right != 1:
        raise QuizError(f"exactly one option must be 'correct: true' (found {right})")
    return data


def shown_options(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A parsed quiz's options in the order the reader sees them: drawn from the question's
    text, so the right answers spread over the positions whatever order they were written in."""
    return shuffled(str(data["question"]), data["options"])


class QuizDirective(SphinxDirective):
    """The ``quiz`` directive: one multiple-choice question with an explanation per answer."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        try:
            data = parse_quiz("\n".join(self.content))
        except QuizError as error:
            raise self.error(f"quiz: {error}") from None
        serial = self.env.new_serialno("brakes-quiz")
        qid = f"quiz-{serial + 1}"
        node = quiz(ids=[qid], qid=qid)
        self.set_source_info(node)
        question = quiz_question()
        question += self._inline(f"**Question {serial + 1}.** " + str(data["question"]))
        node += question
        for number, option in enumerate(shown_options(data), start=1):
            correct = bool(option.get("correct", False))
            choice = quiz_option(qid=qid, number=number, correct=correct)
            choice += self._inline(str(option["text"]))
            why = quiz_why(correct=correct)
            why += self._inline(str(option["why"]))
            choice += why
            node += choice
        return [node]

    def _inline(self, text: str) -> list[nodes.Node]:
        inline_nodes, messages = self.state.inline_text(text, self.lineno)
        return [*inline_nodes, *messages]


def visit_quiz(self: HTML5Translator, node: quiz) -> None:
    self.body.append(f'<div class="brakes-quiz" id="{node["qid"]}"><fieldset>')


def depart_quiz(self: HTML5Translator, node: quiz) -> None:
    self.body.append('<p class="brakes-quiz-status" role="status" aria-live="polite"></p>')
    self.body.append("</fieldset></div>")


def visit_question(self: HTML5Translator, node: quiz_question) -> None:
    self.body.append("<legend>")


def depart_question(self: HTML5Translator, node: quiz_question) -> None:
    self.body.append("</legend>")


def visit_option(self: HTML5Translator, node: quiz_option) -> None:
    input_id = f"{node['qid']}-{node['number']}"
    verdict = "right" if node["correct"] else "wrong"
    self.body.append(
        f'<div class="brakes-quiz-option" data-verdict="{verdict}">'
        f'<input type="radio" id="{input_id}" name="{node["qid"]}" value="{node["number"]}">'
        f'<label for="{input_id}">'
    )


def depart_option(self: HTML5Translator, node: quiz_option) -> None:
    self.body.append("</div>")


def visit_why(self: HTML5Translator, node: quiz_why) -> None:
    verdict = "Right." if node["correct"] else "Not quite."
    self.body.append(f'</label><div class="brakes-quiz-why"><strong>{verdict}</strong> ')


def depart_why(self: HTML5Translator, node: quiz_why) -> None:
    self.body.append("</div>")


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _add_html_node(
    app: Sphinx,
    node: type[nodes.Element],
    visit: Callable[[HTML5Translator, Any], None],
    depart: Callable[[HTML5Translator, Any], None],
) -> None:
    """Register a node drawn in HTML; the other builders leave it out (a quiz is interactive)."""
    skip = (_skip, None)
    app.add_node(node, html=(visit, depart), latex=skip, text=skip, man=skip, texinfo=skip)


def setup(app: Sphinx) -> None:
    """Register the quiz directive and its HTML rendering."""
    _add_html_node(app, quiz, visit_quiz, depart_quiz)
    _add_html_node(app, quiz_question, visit_question, depart_question)
    _add_html_node(app, quiz_option, visit_option, depart_option)
    _add_html_node(app, quiz_why, visit_why, depart_why)
    app.add_directive("quiz", QuizDirective)
