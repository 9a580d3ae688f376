"""The publishing templates (deploy/gitlab-pages.yml, .github/workflows/pages.yml) build the site
with the README's commands and publish the folder those commands write."""

from __future__ import annotations

import re
from typing import Any

import yaml

from brakes import settings
from brakes.config import COURSE

GITLAB = COURSE.root / "deploy" / "gitlab-pages.yml"
GITHUB = COURSE.root / ".github" / "workflows" / "pages.yml"


def output_folder(target: str) -> str:
    """The folder the Makefile's ``target`` (site, trainer) builds into: its sphinx-build's last
    argument."""
    makefile = (COURSE.root / "Makefile").read_text(encoding="utf-8")
    rule = re.search(rf"^{target}:.*\n\t\$\(SPHINX\) .* (\S+)$", makefile, re.M)
    assert rule, f"no `{target}:` rule running $(SPHINX) in the Makefile"
    return rule.group(1)


def load(path: Any) -> dict:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict), f"{path} is not a YAML mapping"
    return document


def test_the_readme_builds_the_site_with_make_site() -> None:
    readme = (COURSE.root / "README.md").read_text(encoding="utf-8")
    assert "make site    # build the learner edition into " + output_folder("site") in readme


def test_github_pages_workflow_publishes_what_make_site_builds() -> None:
    workflow = load(GITHUB)
    steps = workflow["jobs"]["build"]["steps"]
    build = next(step for step in steps if step.get("run") == "make site")
    uploaded = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert uploaded["with"]["path"] == output_folder("site")
    assert set(build["env"]) == {settings.declared(n).env for n in ("site_url", "contact")}
    assert "pages.outputs.base_url" in build["env"][settings.declared("site_url").env]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads `on:` as True


def test_gitlab_pages_template_publishes_each_edition_from_its_own_make_target() -> None:
    template = load(GITLAB)
    job = template["pages"]
    script = "\n".join(job["script"])
    for target in ("site", "trainer"):
        assert f"make {target}" in script
        assert f"cp -r {output_folder(target)} public" in script
    assert job["artifacts"]["paths"] == ["public"]  # the folder GitLab Pages publishes
    assert template["variables"]["EDITION"] == "learner"
    assert template["variables"][settings.declared("site_url").env] == "$CI_PAGES_URL"
