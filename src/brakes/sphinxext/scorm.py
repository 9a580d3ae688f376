"""The learner edition as a SCORM 1.2 package, for the LMS a company keeps its training records in.

Two parts:

- **In every page of the learner edition**, ``brakes-scorm.js`` (in ``static/``)
  looks for an LMS's SCORM 1.2 API as the standard requires (up the parent
  windows, then the opener's). Found, it records which chapter pages the
  learner opened, sets the lesson status to completed once all have been, and
  reports the quizzes' score; not found (the normal site), it does nothing. The
  chapter pages are named in its script tag (``data-chapters``) by the build:
  the pages of the root document's "Course" table of contents that declare
  their minutes (:func:`chapter_pages`), the course's reading path.
- **The package**: ``make scorm`` zips the built learner edition with an
  ``imsmanifest.xml`` at the zip's root (:func:`write_package`), into
  ``_build/scorm/brakes-scorm-<version>.zip``, beside the site's zip in a
  release. The manifest follows the SCORM 1.2 Content Aggregation Model: one
  organization, one item, one SCO resource launching ``index.html`` and listing
  every file. The package holds the same files as the offline zip
  (:func:`brakes.sphinxext.offline.site_files`), and its pages leave out the
  footer's link to that zip, as the offline zip's do.

The SCORM 1.2 schemas (``imscp_rootv1p1p2.xsd``, ``adlcp_rootv1p2.xsd``…) are not
shipped in the package nor named in the manifest: they cannot be fetched here,
and LMSs read the manifest without them. Their required elements are checked by
tests/test_scorm_package.py.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from brakes.config import COURSE
from brakes.errors import BrakesError
from brakes.sphinxext import offline
from brakes.sphinxext.editions import edition
from brakes.sphinxext.minutes import page_minutes

LOGGER = logging.getLogger(__name__)

#: The caption of the root document's table of contents that lists the course's chapters.
COURSE_CAPTION = "Course"
#: The script every learner page carries (``static/brakes-scorm.js``).
SCRIPT = "brakes-scorm.js"
#: The page an LMS opens first, relative to the site's root.
LAUNCH = "index.html"
MANIFEST = "imsmanifest.xml"

#: The namespaces of a SCORM 1.2 manifest (IMS Content Packaging 1.1.2 and ADL's extension).
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ET.register_namespace("", IMSCP)
ET.register_namespace("adlcp", ADLCP)


def chapter_pages(env: BuildEnvironment) -> list[str]:
    """The docnames of the course's chapters, in reading order.

    They are the entries of the root document's "Course" table of contents whose
    page declares its minutes (:func:`brakes.sphinxext.minutes.page_minutes`):
    Getting started, the three brakes, Next steps; not the set-up guide.
    """
    doctree = env.get_doctree(env.config.root_doc)
    for toc in doctree.findall(addnodes.toctree):
        if toc.get("caption") == COURSE_CAPTION:
            return [doc for _title, doc in toc["entries"] if page_minutes(env.metadata[doc])]
    raise BrakesError(
        f"the root document has no table of contents captioned {COURSE_CAPTION!r}: the SCORM "
        "script needs it to know the course's chapters; give the chapters' toctree that caption"
    )


def _add_script(app: Sphinx, env: BuildEnvironment) -> None:
    """Give the learner edition's pages the SCORM script, with the chapter pages it tracks."""
    if app.builder.name != "html" or edition(app.tags) != "learner":
        return
    try:
        pages = [app.builder.get_target_uri(doc) for doc in chapter_pages(env)]
    except BrakesError as error:
        LOGGER.warning("scorm: %s", error)
        return
    app.add_js_file(SCRIPT, loading_method="defer", **{"data-chapters": json.dumps(pages)})


def course_title(site: Path) -> str:
    """The launch page's own title (its ``<title>`` before the site's name), for the LMS's menu."""
    found = re.search(r"<title>(.*?)</title>", (site / LAUNCH).read_text(encoding="utf-8"), re.S)
    if not found:
        raise BrakesError(f"{site / LAUNCH} has no <title>: build the site again (make site)")
    return html.unescape(found.group(1)).split(" \u2014 ")[0].strip()


def manifest(title: str, version: str, files: list[str]) -> ET.ElementTree:
    """A SCORM 1.2 manifest: one organization, one item, one SCO launching :data:`LAUNCH`.

    ``files`` are the package's files, relative to its root; the launch page must be one.
    """
    if LAUNCH not in files:
        raise BrakesError(f"the site has no {LAUNCH} to launch: build it first (make site)")
    ident = f"brakes-{version}"
    root = ET.Element(f"{{{IMSCP}}}manifest", identifier=ident, version="1.2")
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{IMSCP}}}organizations", default=f"{ident}-org")
    organization = ET.SubElement(organizations, f"{{{IMSCP}}}organization")
    organization.set("identifier", f"{ident}-org")
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = ET.SubElement(organization, f"{{{IMSCP}}}item", identifier=f"{ident}-item")
    item.set("identifierref", f"{ident}-sco")
    item.set("isvisible", "true")
    ET.SubElement(item, f"{{{IMSCP}}}title").text = title
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(resources, f"{{{IMSCP}}}resource", identifier=f"{ident}-sco")
    resource.set("type", "webcontent")
    resource.set(f"{{{ADLCP}}}scormtype", "sco")
    resource.set("href", LAUNCH)
    for name in files:
        ET.SubElement(resource, f"{{{IMSCP}}}file", href=name)
    ET.indent(root)
    return ET.ElementTree(root)


def package_name(version: str) -> str:
    """The package's file name for a course version."""
    return f"brakes-scorm-{version}.zip"


def write_package(site: Path, target: Path, version: str) -> None:
    """Zip the learner edition built in ``site`` as a SCORM 1.2 package at ``target``, atomically.

    The site's files sit at the zip's root, with ``imsmanifest.xml`` beside ``index.html``.
    """
    if not (site / LAUNCH).is_file():
        raise BrakesError(f"{site} holds no built site ({LAUNCH} is missing): run make site first")
    files = list(offline.site_files(site, target))
    names = [relative for _path, relative in files]
    tree = manifest(course_title(site), version, names)
    text = ET.tostring(tree.getroot(), encoding="UTF-8", xml_declaration=True)
    partial = target.with_suffix(".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(MANIFEST, text)
        for path, relative in files:
            if relative.endswith(".html"):
                page = offline.offline_page(path.read_text(encoding="utf-8"))
                info = zipfile.ZipInfo.from_file(path, relative)
                archive.writestr(info, page, zipfile.ZIP_DEFLATED)
            else:
                archive.write(path, relative)
    partial.replace(target)


def main(argv: list[str] | None = None) -> None:
    """``python -m brakes.sphinxext.scorm [SITE] [FOLDER]``: what ``make scorm`` runs."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("site", nargs="?", type=Path, default=COURSE.root / "_build" / "html")
    parser.add_argument("folder", nargs="?", type=Path, default=COURSE.root / "_build" / "scorm")
    args = parser.parse_args(argv)
    target = args.folder / package_name(COURSE.version)
    try:
        write_package(args.site, target, COURSE.version)
    except BrakesError as error:
        parser.exit(2, f"brakes scorm: {error}\n")
    print(f"SCORM 1.2 package written: {target}")


def setup(app: Sphinx) -> None:
    """Add the SCORM script to the learner edition once the chapters are known."""
    app.connect("env-updated", _add_script)


if __name__ == "__main__":
    main()
