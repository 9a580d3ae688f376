"""The footer links the PDF handouts only when ``make pdf`` has printed them (never a dead link)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from mini_site import run_sphinx

from brakes.sphinxext.offline import TOP, zip_name
from brakes.trainer.handouts import LEARNER_PDF, TRAINER_PDF

pytestmark = pytest.mark.site

#: A landing page and one chapter (the SCORM script asks for a toctree captioned Course).
INDEX = """# Demo

```{toctree}
:caption: Course

chapter
```
"""


def test_footer_links_the_learner_handout_found_and_drops_it_when_gone(tmp_path: Path) -> None:
    source, out, handouts = tmp_path / "site", tmp_path / "html", tmp_path / "pdf"
    source.mkdir()
    (source / "index.md").write_text(INDEX, encoding="utf-8")
    (source / "chapter.md").write_text("# A chapter\n\nOne page.\n", encoding="utf-8")
    handouts.mkdir()
    for name in (LEARNER_PDF, TRAINER_PDF):
        (handouts / name).write_bytes(b"%PDF-1.7 stand-in for " + name.encode())

    built = run_sphinx(source, out, "-D", f"brakes_handouts={handouts}")
    assert built.returncode == 0, built.stdout + built.stderr
    page = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="_downloads/{LEARNER_PDF}"' in page
    assert TRAINER_PDF not in page, "the learner edition offers the trainer's answers"
    assert (out / "_downloads" / LEARNER_PDF).read_bytes() == (handouts / LEARNER_PDF).read_bytes()
    assert not (out / "_downloads" / TRAINER_PDF).exists()
    # The offline zip holds the pages, not the PDFs printed from them (published beside it).
    with zipfile.ZipFile(out / "_downloads" / zip_name("learner")) as archive:
        held = archive.namelist()
        zipped_page = archive.read(f"{TOP}/index.html").decode("utf-8")
    assert not [name for name in held if name.endswith(".pdf")], held
    assert "brakes-handouts" not in zipped_page and LEARNER_PDF not in zipped_page

    rebuilt = run_sphinx(source, out)
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "brakes-handouts" not in page and LEARNER_PDF not in page
    assert not (out / "_downloads" / LEARNER_PDF).exists()
