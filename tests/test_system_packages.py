"""A trainer without Debian or root: only `make browser-deps` installs system packages, and
`make site` needs no Node.js where npm is missing (the build then keeps the stylesheets whole).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from brakes.config import COURSE

MAKEFILE = COURSE.root / "Makefile"
#: The one target that may call apt-get.
INSTALLER = "browser-deps"
#: Node.js's programs, left out of a PATH to stand for a machine without it.
NODE_PROGRAMS = {"node", "nodejs", "npm", "npx"}


def recipes(makefile: str) -> dict[str, list[str]]:
    """Each rule's targets (as written) and its recipe lines (those starting with a tab)."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in makefile.splitlines():
        if line.startswith("\t"):
            found.setdefault(current, []).append(line)
        elif re.match(r"^[^#\s=][^=]*?:(?!=)", line):
            current = line.split(":", 1)[0].strip()
    return found


def test_only_browser_deps_calls_apt_get() -> None:
    calling = [
        target
        for target, lines in recipes(MAKEFILE.read_text(encoding="utf-8")).items()
        if any("$(APT)" in line or "apt-get install" in line for line in lines)
    ]
    assert calling == [INSTALLER], f"targets other than {INSTALLER} call apt-get: {calling}"


def site_prerequisites(path: str) -> dict[str, list[str]]:
    """`make site` and `make trainer`'s prerequisites as make reads them with this PATH."""
    make = shutil.which("make")
    assert make, "make is not installed"
    done = subprocess.run(
        [make, "-pn", "-f", str(MAKEFILE), "site", "trainer"],
        cwd=COURSE.root,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        check=False,
    )
    rules = re.findall(r"^(site|trainer): (.*)$", done.stdout, re.M)
    return {target: needs.split() for target, needs in rules}


def test_make_site_trims_with_npm_and_needs_no_node_without_it(tmp_path: Path) -> None:
    farm = tmp_path / "bin"
    farm.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        for program in sorted(Path(folder).glob("*")) if Path(folder).is_dir() else []:
            if program.name not in NODE_PROGRAMS and not (farm / program.name).exists():
                (farm / program.name).symlink_to(program)
    without = site_prerequisites(str(farm))
    assert set(without) == {"site", "trainer"}
    assert not any("node_modules" in need for needs in without.values() for need in needs), (
        f"without npm, make site still needs npm's tools: {without}"
    )
    if shutil.which("npm"):
        with_npm = site_prerequisites(os.environ["PATH"])
        assert all("node_modules/.installed" in needs for needs in with_npm.values())
