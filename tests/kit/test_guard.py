"""The learner notebooks' first cell: without the course's package, one sentence that says how
to install it where the notebook runs (a kit folder on one's computer, Colab, a JupyterHub)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from brakes.trainer.kit.adapt import guard_source


def advice(monkeypatch: pytest.MonkeyPatch) -> str:
    """What the guard cell says when ``brakes`` cannot be found."""
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "brakes" else real(name, *a)
    )
    with pytest.raises(Exception) as raised:
        exec(guard_source("https://course.example.org/course/setup.html"), {})
    assert type(raised.value).__name__ == "BrakesNotInstalled"
    (sentence,) = raised.value._render_traceback_()  # type: ignore[attr-defined]
    assert sentence.count(". ") == 0 and sentence.endswith(
        "(https://course.example.org/course/setup.html)."
    )
    return sentence


@pytest.fixture
def elsewhere(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Neither Colab nor a hub, whatever machine runs the test."""
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    return monkeypatch


def test_on_one_s_computer_the_kit_s_requirements(elsewhere: pytest.MonkeyPatch) -> None:
    sentence = advice(elsewhere)
    assert "in the notebook kit's folder run  python -m pip install -r requirements.txt" in sentence


def test_on_colab_upload_the_wheel_the_data_come_with_it(elsewhere: pytest.MonkeyPatch) -> None:
    elsewhere.setitem(sys.modules, "google.colab", ModuleType("google.colab"))
    sentence = advice(elsewhere)
    assert "on Colab" in sentence and "Files panel" in sentence
    assert "%pip install brakes-*.whl" in sentence and "Runtime > Restart session" in sentence
    assert "data come with the package" in sentence and "requirements.txt" not in sentence


def test_on_a_hub_the_wheel_alone_into_the_user_s_folder(elsewhere: pytest.MonkeyPatch) -> None:
    elsewhere.setenv("JUPYTERHUB_USER", "ada")
    sentence = advice(elsewhere)
    assert "%pip install --user brakes-*.whl" in sentence and "administrators" in sentence
    assert "requirements.txt" not in sentence, "it would put a second JupyterLab in ~/.local"
