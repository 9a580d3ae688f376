"""The SCORM 1.2 package: the built learner edition zipped with its ``imsmanifest.xml``.

``make scorm`` runs ``python -m brakes.sphinxext.scorm_package`` on ``_build/html``
and writes ``_build/scorm/brakes-scorm-<version>.zip`` (:func:`write_package`),
which ``make release`` puts beside the site's zip. The manifest follows the
SCORM 1.2 Content Aggregation Model: metadata "ADL SCORM" 1.2, one
organization, one item, one SCO resource launching ``scorm-launch.html`` and
listing every file (:func:`manifest`). The package holds the files of the offline
zip (:func:`brakes.sphinxext.offline.site_files`) at its root, and its pages leave
out the footer's link to that zip, as the offline zip's do. What the pages tell the
LMS is :mod:`brakes.sphinxext.scorm`'s.

The launch page (:func:`launch_page`) exists because SCORM 1.2 gives a SCO one
session per attempt: after ``LMSFinish`` a strict LMS refuses the next
``LMSInitialize`` (error 101), so pages that each open and close a session would be
recorded up to the first one left. The launch page opens the session once, shows
the course's ``index.html`` in a full-window frame, answers the pages'
``LMSInitialize`` and ``LMSFinish`` itself, passes their other calls on, and ends
the session when it is left (``static/brakes-scorm-launch.js``).

The SCORM 1.2 schemas (``imscp_rootv1p1p2.xsd``, ``adlcp_rootv1p2.xsd``…) are not
shipped in the package nor named in the manifest: they cannot be fetched here,
and LMSs read the manifest without them. tests/scorm_manifest.py checks the
elements they require.
"""

from __future__ import annotations

import argparse
import html
import re
import string
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from brakes.config import COURSE
from brakes.errors import BrakesError
from brakes.sphinxext import offline
from brakes.sphinxext.scorm import FIND_SCRIPT

#: The page an LMS opens first, at the package's root (:func:`launch_page`), the manifest's href.
LAUNCH = "scorm-launch.html"
#: The course's first page, relative to the site's root: what the launch page shows in its frame.
COURSE_PAGE = "index.html"
MANIFEST = "imsmanifest.xml"
#: The launch page's scripts, in the built site: SCORM 1.2's API search, then the session.
LAUNCH_SCRIPTS = (f"_static/{FIND_SCRIPT}", "_static/brakes-scorm-launch.js")
#: The launch page: its scripts run in its head, so the API the pages look for is there
#: before the frame loads the first one. The frame fills the window and scrolls alone.
LAUNCH_PAGE = string.Template("""<!DOCTYPE html>
<html lang="$language">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
$icon
<style>
html, body { height: 100%; margin: 0; overflow: hidden; }
iframe { display: block; width: 100%; height: 100%; border: 0; }
</style>
$scripts
</head>
<body>
<iframe title="$title" src="$course"></iframe>
</body>
</html>
""")

#: The namespaces of a SCORM 1.2 manifest (IMS Content Packaging 1.1.2 and ADL's extension).
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ET.register_namespace("", IMSCP)
ET.register_namespace("adlcp", ADLCP)


def course_title(site: Path) -> str:
    """The course page's own title (its ``<title>`` before the site's name), for the LMS's menu."""
    page = (site / COURSE_PAGE).read_text(encoding="utf-8")
    found = re.search(r"<title>(.*?)</title>", page, re.S)
    if not found:
        raise BrakesError(f"{site / COURSE_PAGE} has no <title>: build the site again (make site)")
    return html.unescape(found.group(1)).split(" \u2014 ")[0].strip()


def launch_page(site: Path) -> str:
    """The launch page's HTML (:data:`LAUNCH_PAGE`): the course's title, language and icon.

    The language and the icon's link are the course page's, so the page and its frame agree.
    """
    missing = [script for script in LAUNCH_SCRIPTS if not (site / script).is_file()]
    if missing:
        raise BrakesError(f"{site} has no {missing[0]}: build the site again (make site)")
    page = (site / COURSE_PAGE).read_text(encoding="utf-8")
    language = re.search(r'<html[^>]*\slang="([^"]*)"', page)
    icon = re.search(r'<link rel="icon"[^>]*>', page)
    scripts = "\n".join(f'<script src="{script}"></script>' for script in LAUNCH_SCRIPTS)
    return LAUNCH_PAGE.substitute(
        language=language.group(1) if language else "en",
        title=html.escape(course_title(site)),
        icon=icon.group(0) if icon else "",
        scripts=scripts,
        course=COURSE_PAGE,
    )


def manifest(title: str, version: str, files: list[str]) -> ET.Element:
    """A SCORM 1.2 manifest: one organization, one item, one SCO launching :data:`LAUNCH`.

    ``files`` are the package's files, relative to its root; the launch page must be one.
    """
    if LAUNCH not in files:
        raise BrakesError(f"{LAUNCH} is not among the package's files: nothing to launch")
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
    return root


def package_name(version: str) -> str:
    """The package's file name for a course version."""
    return f"brakes-scorm-{version}.zip"


def write_package(site: Path, target: Path, version: str) -> None:
    """Zip the learner edition built in ``site`` as a SCORM 1.2 package at ``target``, atomically.

    The site's files sit at the zip's root, with ``imsmanifest.xml`` and the launch page
    (:data:`LAUNCH`) beside ``index.html``.
    """
    if not (site / COURSE_PAGE).is_file():
        raise BrakesError(
            f"{site} holds no built site ({COURSE_PAGE} is missing): run make site first"
        )
    launch = launch_page(site)
    files = list(offline.site_files(site, target))
    names = [LAUNCH, *(relative for _path, relative in files)]
    root = manifest(course_title(site), version, names)
    text = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    partial = target.with_suffix(".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(MANIFEST, text)
        archive.writestr(LAUNCH, launch)
        for path, relative in files:
            if relative.endswith(".html"):
                page = offline.offline_page(path.read_text(encoding="utf-8"))
                info = zipfile.ZipInfo.from_file(path, relative)
                archive.writestr(info, page, zipfile.ZIP_DEFLATED)
            else:
                archive.write(path, relative)
    partial.replace(target)


def main(argv: list[str] | None = None) -> None:
    """``python -m brakes.sphinxext.scorm_package [SITE] [FOLDER]``: what ``make scorm`` runs."""
    parser = argparse.ArgumentParser(
        prog="make scorm", description="Zip the built learner edition as a SCORM 1.2 package."
    )
    parser.add_argument("site", nargs="?", type=Path, default=COURSE.root / "_build" / "html")
    parser.add_argument("folder", nargs="?", type=Path, default=COURSE.root / "_build" / "scorm")
    args = parser.parse_args(argv)
    target = args.folder / package_name(COURSE.version)
    try:
        write_package(args.site, target, COURSE.version)
    except BrakesError as error:
        parser.exit(2, f"make scorm: {error}\n")
    print(f"SCORM 1.2 package written: {target}")


if __name__ == "__main__":
    main()
