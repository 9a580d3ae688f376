"""The set-up steps, per system, written once: the kit's README and the set-up page show them.

One table (:data:`PLATFORMS`) holds, for Windows 11, macOS, Linux, Miniforge and a
JupyterHub, where to put the kit, how to open a terminal there, and the commands to
type. :func:`markdown` writes them out: the notebook kit's README gets them when a
kit is built (:func:`brakes.trainer.kit.readme_text`), the site's set-up page through
the ``setup-steps`` directive (:mod:`brakes.sphinxext.notebook_kit`), and the kit's
tests run the Linux commands and the hub image's lines from here, as a learner or a
hub's administrator would type them.

The commands call the environment's own Python (``.venv\\Scripts\\python -m …``):
nothing to activate, so no execution policy of a managed Windows laptop stops them,
and ``python -m brakes`` works where the ``brakes`` script is not on the PATH.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

__all__ = [
    "HUB_IMAGE",
    "HUB_LEARNER",
    "PLATFORMS",
    "WHEEL_GLOB",
    "HubImage",
    "Platform",
    "markdown",
    "platform",
]


@dataclass(frozen=True)
class Platform:
    """One system's steps: what to do before the terminal, its commands, and a note after."""

    key: str
    title: str
    #: Markdown: how to get Python, where to put the kit's folder, how to open a terminal in it.
    before: str
    #: The code block's language (how GitHub and the site colour it).
    shell: str
    #: The set-up, in order: make the environment, upgrade pip, install, check.
    setup: tuple[str, ...]
    #: The command that opens JupyterLab, now and every time after.
    start: str
    #: Markdown after the commands (may be empty).
    after: str = ""

    @property
    def block(self) -> str:
        """The code block a learner types, the command that opens JupyterLab last."""
        return _block(self.shell, [*self.setup, self.start])


def _venv_steps(make: str, python: str) -> tuple[tuple[str, ...], str]:
    """A virtual environment in ``.venv``, used through its own Python: nothing to activate.

    pip is upgraded first: from 24.2 on it trusts the system's certificates, which a
    company's TLS-inspecting proxy needs (the Python 3.11 installers bring an older one).
    """
    setup = (
        f"{make} -m venv .venv",
        f"{python} -m pip install --upgrade pip",
        f"{python} -m pip install -r requirements.txt",
        f"{python} -m brakes doctor",
    )
    return setup, f"{python} -m jupyterlab"


_WINDOWS_SETUP, _WINDOWS_START = _venv_steps("py -3", r".venv\Scripts\python")
_MACOS_SETUP, _MACOS_START = _venv_steps("python3", ".venv/bin/python")
_LINUX_SETUP, _LINUX_START = _venv_steps("python3", ".venv/bin/python")
#: The wheel, whatever its version: the kit holds one.
WHEEL_GLOB = "brakes-*.whl"

PLATFORMS: tuple[Platform, ...] = (
    Platform(
        key="windows",
        title="Windows 11",
        before=(
            "Install Python from [python.org](https://www.python.org/downloads/windows/) and "
            "tick **Add python.exe to PATH** in the installer (on a managed laptop, Python "
            "may be in your company's software centre instead).\n\n"
            "Put the kit's folder at a short path on the computer itself, outside OneDrive, "
            "for example `C:\\training\\brakes`: OneDrive would sync the 500 MB environment, "
            "and long paths break JupyterLab. In File Explorer, right-click the zip, choose "
            "*Extract All…*, extract it to `C:\\training` and rename the folder it makes to "
            "`brakes`. "
            "Then right-click that folder and choose **Open in Terminal**, and run:"
        ),
        shell="powershell",
        setup=_WINDOWS_SETUP,
        start=_WINDOWS_START,
        after=(
            "These commands run the environment's own Python: there is nothing to activate, "
            "so PowerShell's execution policy does not matter. They also work in the Command "
            "Prompt. The next time, open the terminal in the folder the same way and run "
            "only the last line."
        ),
    ),
    Platform(
        key="macos",
        title="macOS",
        before=(
            "Install Python from [python.org](https://www.python.org/downloads/macos/) (or "
            "with Homebrew: `brew install python`). Put the kit's folder in your home folder, "
            "for example `~/training/brakes`, not in a folder that iCloud Drive or OneDrive "
            "syncs (often Desktop and Documents). Open **Terminal**, type `cd ` (with the "
            "space), drag the folder onto the window, press Enter, and run:"
        ),
        shell="bash",
        setup=_MACOS_SETUP,
        start=_MACOS_START,
        after="The next time, go to the folder the same way and run only the last line.",
    ),
    Platform(
        key="linux",
        title="Linux",
        before=(
            "Install Python and its `venv` module with your distribution's packages (on "
            "Debian or Ubuntu: `sudo apt install python3 python3-venv`). Put the kit's folder "
            "in your home folder, for example `~/training/brakes`. In a terminal, in that "
            "folder, run:"
        ),
        shell="bash",
        setup=_LINUX_SETUP,
        start=_LINUX_START,
        after="The next time, run only the last line, in the same folder.",
    ),
    Platform(
        key="conda",
        title="Miniforge (conda)",
        before=(
            "If you use conda, use [Miniforge](https://github.com/conda-forge/miniforge), "
            "which installs from conda-forge only: Anaconda's own channels (`defaults`) need "
            "a paid licence in organisations of more than 200 people. Put the kit's folder at "
            "a short local path as above, open the **Miniforge Prompt** (Windows) or a "
            "terminal (macOS, Linux), go to the folder, and run:"
        ),
        shell="bash",
        setup=(
            "conda create --name brakes --override-channels --channel conda-forge python=3.11 pip",
            "conda activate brakes",
            "python -m pip install --upgrade pip",
            "python -m pip install -r requirements.txt",
            "python -m brakes doctor",
        ),
        start="python -m jupyterlab",
        after=(
            "`--override-channels` keeps conda on conda-forge even where an older set-up "
            "still lists `defaults`. The next time, run `conda activate brakes` and the last "
            "line."
        ),
    ),
)


@dataclass(frozen=True)
class HubImage:
    """A hub's single-user image with the course's package: the lines a Dockerfile adds.

    The image already has JupyterLab and the kernel: only the wheel goes in, so the hub's
    own JupyterLab is the one that starts (tests/kit/test_hub_recipe.py installs exactly
    :attr:`run` in a fresh environment and runs a notebook).
    """

    base: str
    copy: str
    run: tuple[str, ...]
    #: nbgitpuller's link: opens the course's notebooks from its Git repository on the hub.
    link: str

    @property
    def dockerfile(self) -> str:
        """The Dockerfile: the base image, the wheel copied in, the commands that install it."""
        lines = [f"FROM {self.base}", f"COPY {self.copy}", *(f"RUN {line}" for line in self.run)]
        return "\n".join(lines)


HUB_IMAGE = HubImage(
    base="quay.io/jupyter/scipy-notebook",
    copy=f"{WHEEL_GLOB} ./",
    # nbgitpuller: the link below needs it in the image (it brings no JupyterLab of its own).
    run=(f"python -m pip install --no-cache-dir nbgitpuller ./{WHEEL_GLOB} && rm ./{WHEEL_GLOB}",),
    link=(
        "https://HUB/hub/user-redirect/git-pull?repo=REPOSITORY&branch=main"
        "&urlpath=lab/tree/FOLDER/exercises/00-getting-started.ipynb"
    ),
)

#: A learner on a hub: the wheel alone, into their own folder (not requirements.txt, which
#: would put a second JupyterLab in ~/.local that the hub could start instead of its own).
HUB_LEARNER = (f"python -m pip install --user ./{WHEEL_GLOB}", "python -m brakes doctor")


def platform(key: str) -> Platform:
    """The steps of one system, by its key (``windows``, ``macos``, ``linux``, ``conda``)."""
    found = {p.key: p for p in PLATFORMS}
    return found[key]


def _block(shell: str, lines: tuple[str, ...] | list[str]) -> str:
    return f"```{shell}\n" + "\n".join(lines) + "\n```"


def _prose(text: str) -> str:
    """Paragraphs wrapped at 80 characters: the README is read in a plain text editor too."""
    return "\n\n".join(
        textwrap.fill(paragraph, 80, break_long_words=False, break_on_hyphens=False)
        for paragraph in text.split("\n\n")
    )


def _section(heading: str, *parts: str) -> str:
    """A heading and its parts; a part that is not a code block is prose, wrapped."""
    shown = [part if part.startswith("```") else _prose(part) for part in parts if part]
    return "\n\n".join([heading, *shown])


def _network(level: str) -> str:
    """What to do behind a company's proxy, or with a package index of its own."""
    windows = platform("windows")
    return _section(
        f"{level} Behind a company proxy, or with an internal package index",
        "The steps upgrade pip first: from version 24.2 on, pip trusts the certificates "
        "your system trusts, which is what a proxy that inspects encrypted traffic needs. "
        "If even that first upgrade fails with `CERTIFICATE_VERIFY_FAILED`, your pip is "
        "older: run it once with the system's certificates switched on (pip 23.3 or later; "
        "`python -m pip --version` says which), then go on with the steps:",
        _block(
            windows.shell,
            [windows.setup[1].replace(" install ", " install --use-feature=truststore ")],
        ),
        "(`.venv/bin/python` instead of `.venv\\Scripts\\python` on macOS and Linux.) "
        "With an older pip, ask IT for the company's certificate file and add `--cert` "
        "and its path to the pip lines. If your company has its own package index, point "
        "pip at it before the steps (the first line in PowerShell, the second in a macOS "
        "or Linux terminal), and the same for a proxy that needs its address:",
        _block(
            "text",
            [
                '$env:PIP_INDEX_URL = "https://pypi.example.com/simple"',
                "export PIP_INDEX_URL=https://pypi.example.com/simple",
                '$env:HTTPS_PROXY = "http://proxy.example.com:8080"',
                "export HTTPS_PROXY=http://proxy.example.com:8080",
            ],
        ),
        "Your IT department knows the real addresses.",
    )


def _hub(level: str) -> str:
    """A learner on a JupyterHub, and the recipe for its administrators."""
    image = HUB_IMAGE
    return _section(
        f"{level} A JupyterHub or an existing Jupyter",
        "A hub has its own JupyterLab: install only the course's package. Upload this "
        "folder to your hub (or just the `.whl` file and the notebooks), open a terminal "
        "there (*File → New → Terminal*), go to the folder and run:",
        _block("bash", HUB_LEARNER),
        "then restart the notebook's kernel (*Kernel → Restart Kernel*). If pip answers that "
        "user installs are not visible in this environment (a hub whose Python is a virtual "
        "environment), run the first line again without `--user`. Do not install "
        "`requirements.txt` on a hub: it would put a second JupyterLab in your home folder "
        "(`~/.local`), which the hub may start instead of its own the next time. If your hub "
        "cannot install packages, ask its administrators to put the wheel in its image.",
        f"{level}# For the hub's administrators",
        "Add the course's package to the single-user image, next to the JupyterLab it "
        "already has (an image built on `jupyter/scipy-notebook` or alike): put the kit's "
        "`.whl` file next to the Dockerfile and build from:",
        _block("dockerfile", image.dockerfile.splitlines()),
        "Learners then open the notebooks from the course's Git repository with an "
        "[nbgitpuller](https://nbgitpuller.readthedocs.io/en/latest/link.html) link "
        "(the recipe installs nbgitpuller; its page makes links), where `HUB` is "
        "your hub's address, `REPOSITORY` the repository's "
        "address, URL-encoded, and `FOLDER` the name of the folder it is cloned into:",
        _block("text", [image.link]),
    )


def markdown(level: int = 3) -> str:
    """Every system's steps as Markdown, each under a heading of ``level`` (``###``)."""
    hashes = "#" * level
    sections = [_section(f"{hashes} {p.title}", p.before, p.block, p.after) for p in PLATFORMS]
    return "\n\n".join([*sections, _network(hashes), _hub(hashes)]) + "\n"
