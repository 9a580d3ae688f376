"""In a real kernel, a learner's mistake reads as a few lines that say what to do, not a traceback.

A BrakesError (an unknown table) is one line. A coding mistake the course
recognises (brakes.exercises.mistakes_in_code) is a short message naming the
fix, the full traceback folded under "Full error", and the cell still fails.
Every other error keeps IPython's traceback.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from brakes.errors import install_notebook_handler
from brakes.exercises import mistakes_in_code

pytestmark = pytest.mark.kernel

#: What a learner's notebook has run before the mistakes: the course's imports, two tables.
SETUP = """\
import pandas as pd
from brakes.exercises import exercise
mentions = pd.DataFrame({"channel": ["forum", "blog"], "sentiment": ["negative", "positive"],
                         "reach_7d": [120, 40]})
page_daily = pd.DataFrame({"platform": ["facebook", "tiktok"], "followers": [900, 300]})
"""

#: A recognised mistake, the words its message must hold, and the fix it must show.
MISTAKES = {
    "column": ('mentions["chanel"]', "mentions has no column 'chanel'", 'mentions["channel"]'),
    "columns": (
        'mentions[["channel", "sentimen"]]',
        "mentions has no column 'sentimen'; did you mean 'sentiment'?",
        'mentions[["channel", "sentiment"]]',
    ),
    "loc": (
        'page_daily.loc[0, "follower"]',
        "page_daily has no column 'follower'; did you mean 'followers'?",
        'page_daily.loc[0, "followers"]',
    ),
    "groupby": (
        'mentions.groupby("chanel")["reach_7d"].sum()',
        "mentions has no column 'chanel' to group by; did you mean 'channel'?",
        'mentions.groupby("channel")["reach_7d"].sum()',
    ),
    "sort": (
        'mentions.sort_values("reach7d")',
        "mentions has no column 'reach7d'; did you mean 'reach_7d'?",
        'mentions.sort_values("reach_7d")',
    ),
    "merge": (
        'mentions.merge(page_daily, on="channel")',
        "page_daily has no column 'channel'.",
        "",
    ),
    "unnamed table": (
        'pd.concat([mentions])["chanel"]',
        "this table has no column 'chanel'",
        'pd.concat([mentions])["channel"]',
    ),
    "no close name": (
        'mentions["xyz"]',
        "Its columns are: channel, sentiment, reach_7d.",
        "",
    ),
    "bare letter": (
        "my_guess_where = b",
        "To write the text b, put it in quotes",
        'my_guess_where = "b"',
    ),
    "bare word close to a variable": (
        "counts = mention",
        "If you meant the variable mentions, check the spelling.",
        'counts = "mention"',
    ),
    "bare word as a label": (
        "mentions.loc[0, channel]",
        "To write the text channel, put it in quotes",
        'mentions.loc[0, "channel"]',
    ),
    "and": (
        'mentions[(mentions["reach_7d"] > 50) and (mentions["channel"] == "forum")]',
        "with brackets around each condition",
        'mentions[(mentions["reach_7d"] > 50) & (mentions["channel"] == "forum")]',
    ),
    "or": (
        'mentions[mentions["reach_7d"] > 50 or mentions["channel"] == "forum"]',
        "Combine conditions with & (and) or | (or)",
        'mentions[(mentions["reach_7d"] > 50) | (mentions["channel"] == "forum")]',
    ),
    "not": (
        'mentions[not (mentions["channel"] == "forum")]',
        "Turn a condition around with ~",
        'mentions[~(mentions["channel"] == "forum")]',
    ),
    "chained comparison": (
        'mentions[10 < mentions["reach_7d"] <= 50]',
        "two conditions joined by &",
        'mentions[(10 < mentions["reach_7d"]) & (mentions["reach_7d"] <= 50)]',
    ),
}

#: Errors the course does not recognise: each keeps IPython's traceback.
UNRECOGNISED = {
    "division": ("1 / 0", "ZeroDivisionError"),
    "dict key": ('{"a": 1}["b"]', "KeyError"),
    "row label": ('mentions.loc["Mijote"]', "KeyError"),
    "name used as a table": ('mentoins["channel"]', "NameError"),
    "name alone": ("answer_mix", "NameError"),
    "name in arithmetic": ("doubled = reach * 2", "NameError"),
    "a number for a row": ("mentions[0]", "KeyError"),
    "dropping a column": ('mentions.drop(columns=["chanel"])', "KeyError"),
    "other ValueError": ('int("twelve")', "ValueError"),
}


def execute(cells: list[str], notebook_file: Path | None = None) -> list[Any]:
    """Run cells in a fresh kernel, errors allowed; return each cell's outputs.

    With ``notebook_file``, the kernel is told it runs that notebook, as JupyterLab tells it.
    """
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in cells])
    client = NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=120)
    env = {**os.environ, "JPY_SESSION_NAME": str(notebook_file)} if notebook_file else None
    client.execute(**({"env": env} if env else {}))
    return [cell.outputs for cell in nb.cells]


def short_message(outputs: list[Any]) -> tuple[list[str], list[str], str]:
    """The lines a learner sees: of the text part, of the HTML (folded part left out); the fold."""
    assert [o.output_type for o in outputs] == ["display_data"], outputs
    plain, page = outputs[0].data["text/plain"], outputs[0].data["text/html"]
    short, _, full = plain.partition("\n\nFull error:\n")
    folded = re.search(r"<details.*?<summary[^>]*>(.*?)</summary>(.*)</details>", page, re.S)
    assert folded, page
    shown = page[: folded.start()] + folded.group(1) + page[folded.end() :]
    shown = re.sub(r"<br>|</div>|</pre>|</summary>", "\n", shown)
    seen = [line for line in html.unescape(re.sub(r"<[^>]+>", "", shown)).splitlines() if line]
    assert html.unescape(re.sub(r"<[^>]+>", "", folded.group(2))).strip() == full.strip()
    return short.splitlines(), seen, full


@pytest.fixture(scope="module")
def mistakes_run() -> dict[str, list[Any]]:
    """Every recognised and unrecognised mistake, each in its cell, in one kernel."""
    cases = {**{k: v[0] for k, v in MISTAKES.items()}, **{k: v[0] for k, v in UNRECOGNISED.items()}}
    outputs = execute([SETUP, *cases.values()])
    assert outputs[0] == [], outputs[0]
    return dict(zip(cases, outputs[1:], strict=True))


@pytest.mark.parametrize("case", MISTAKES)
def test_recognised_mistake_is_five_lines_naming_the_fix(
    case: str, mistakes_run: dict[str, list[Any]]
) -> None:
    _, words, fix = MISTAKES[case]
    plain, seen, full = short_message(mistakes_run[case])
    assert len(plain) <= 5 and len(seen) <= 5, (plain, seen)
    assert words in plain[0] + " " + " ".join(plain[1:]), plain
    assert words in " ".join(seen)
    if fix:
        assert f"    {fix}" in plain and fix in seen, (plain, seen)
    assert seen[-1] == "Full error"
    assert "Traceback (most recent call last)" in full and full.count("\n") >= 3


@pytest.mark.parametrize("case", UNRECOGNISED)
def test_unrecognised_error_keeps_its_traceback(
    case: str, mistakes_run: dict[str, list[Any]]
) -> None:
    outputs = mistakes_run[case]
    assert [o.output_type for o in outputs] == ["error"], outputs
    assert outputs[0].ename == UNRECOGNISED[case][1]
    assert "Traceback (most recent call last)" in "\n".join(outputs[0].traceback)


def test_a_name_from_a_cell_not_run_says_run_the_cells_above(tmp_path: Path) -> None:
    """JupyterLab names the notebook to the kernel: a name it makes elsewhere is a cell not run."""
    made_above = 'answers = {"b": "forum"}'
    cells = [SETUP, made_above, 'answers["b"]', "my_guess_where = b", "later", "later = 1"]
    notebook = tmp_path / "01a-control-where-people-talk.ipynb"
    nbformat.write(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]), notebook
    )
    outputs = execute([SETUP, 'answers["b"]', "my_guess_where = b", "later"], notebook)

    not_run, _, _ = short_message(outputs[1])
    assert "answers is made in a cell above that has not run" in not_run[0]
    assert mistakes_in_code.RUN_ABOVE in " ".join(not_run) and f"    {made_above}" in not_run
    bare, _, _ = short_message(outputs[2])
    assert 'my_guess_where = "b"' in bare[-1] and "cells above" not in " ".join(bare)
    below, _, _ = short_message(outputs[3])
    assert "later is made further down" in below[0] and "    later = 1" in below


def test_a_recognised_mistake_still_fails_the_cell() -> None:
    """nbclient (and so nbval and `brakes grade`) sees the cell fail."""
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(SETUP), nbformat.v4.new_code_cell('mentions["chanel"]')]
    )
    with pytest.raises(CellExecutionError, match="mentions has no column 'chanel'"):
        NotebookClient(nb, kernel_name="python3", timeout=120).execute()


def test_run_all_stops_at_a_recognised_mistake() -> None:
    """As JupyterLab's Run All does, queue every cell at once: those after the mistake never run."""
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        queued = [client.execute(code) for code in (SETUP, "my_guess_where = b", "ran = True")]
        replies: dict[str, str] = {}
        while not replies.keys() >= set(queued):  # another reply (kernel_info's) is skipped
            reply = client.get_shell_msg(timeout=60)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert [replies[msg_id] for msg_id in queued] == ["ok", "error", "aborted"]


def test_unknown_table_is_one_line_in_a_notebook() -> None:
    outputs = execute(["from brakes.data import load", 'load("mention")'])[-1]
    assert [o.output_type for o in outputs] == ["stream"], outputs
    assert outputs[0].name == "stderr"
    lines = outputs[0].text.strip().splitlines()
    assert len(lines) == 1
    assert "unknown table 'mention'" in lines[0] and "mentions" in lines[0]
    assert "Traceback" not in outputs[0].text


def test_other_errors_keep_their_traceback() -> None:
    outputs = execute(["import brakes", "1 / 0"])[-1]
    assert outputs[0].output_type == "error"
    assert outputs[0].ename == "ZeroDivisionError"


def test_outside_a_kernel_nothing_is_installed() -> None:
    assert not install_notebook_handler(mistakes_in_code.RECOGNISED, mistakes_in_code.explain)
