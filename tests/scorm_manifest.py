"""What a SCORM 1.2 package must hold, checked without the schemas (they cannot be fetched here).

The SCORM 1.2 Content Aggregation Model (ADL, 2001, section 2.3) and IMS Content
Packaging 1.1.2 require, in ``imsmanifest.xml`` at the package's root: a
``manifest`` with an ``identifier``; ``metadata`` with ``schema`` "ADL SCORM" and
``schemaversion`` "1.2"; ``organizations`` whose ``default`` names one of its
``organization`` elements, each with an ``identifier`` and a ``title``; items with
an ``identifier`` and a ``title``, an item that launches content naming a
``resource`` by ``identifierref``; ``resources`` whose ``resource`` elements have an
``identifier``, a ``type``, ``adlcp:scormtype`` ("sco" or "asset") and, when launched,
an ``href``. Identifiers are XML IDs, unique in the manifest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS = {"cp": IMSCP, "adlcp": ADLCP}
#: An XML ID (xs:ID, an NCName), simplified to ASCII.
XML_ID = re.compile(r"[A-Za-z_][\w.\-]*")


def manifest_problems(package: zipfile.ZipFile) -> list[str]:
    """Every way ``package`` departs from a SCORM 1.2 package with one SCO; empty if none."""
    names = set(package.namelist())
    if "imsmanifest.xml" not in names:
        return ["no imsmanifest.xml at the zip's root"]
    root = ET.fromstring(package.read("imsmanifest.xml"))
    problems = []
    if root.tag != f"{{{IMSCP}}}manifest":
        problems.append(f"the root element is {root.tag}, not IMS CP 1.1.2's manifest")
    if root.findtext("cp:metadata/cp:schema", namespaces=NS) != "ADL SCORM":
        problems.append("metadata/schema is not 'ADL SCORM'")
    if root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) != "1.2":
        problems.append("metadata/schemaversion is not '1.2'")
    ids = [e.get("identifier") for e in root.iter() if e.get("identifier") is not None]
    if root.get("identifier") is None:
        problems.append("the manifest has no identifier")
    problems += [f"identifier {i!r} is not an XML ID" for i in ids if not XML_ID.fullmatch(i)]
    if len(set(ids)) != len(ids):
        problems.append(f"identifiers are not unique: {ids}")
    organizations = root.findall("cp:organizations/cp:organization", NS)
    if len(organizations) != 1:
        problems.append(f"{len(organizations)} organizations, not one")
    default = root.find("cp:organizations", NS)
    organization_ids = {o.get("identifier") for o in organizations}
    if default is None or default.get("default") not in organization_ids:
        problems.append("organizations' default names no organization")
    items = root.findall("cp:organizations/cp:organization/cp:item", NS)
    if len(items) != 1:
        problems.append(f"{len(items)} items, not one")
    for element in organizations + items:
        if not element.findtext("cp:title", namespaces=NS):
            problems.append(f"{element.get('identifier')} has no title")
    resources = root.findall("cp:resources/cp:resource", NS)
    if len(resources) != 1:
        return [*problems, f"{len(resources)} resources, not one"]
    resource = resources[0]
    if items and items[0].get("identifierref") != resource.get("identifier"):
        problems.append("the item does not name the resource (identifierref)")
    if resource.get("type") != "webcontent":
        problems.append(f"resource type {resource.get('type')!r}, not 'webcontent'")
    if resource.get(f"{{{ADLCP}}}scormtype") != "sco":
        problems.append("the resource is not adlcp:scormtype='sco'")
    launch = resource.get("href")
    if launch not in names:
        problems.append(f"the launch page {launch!r} is not in the package")
    listed = [f.get("href") for f in resource.findall("cp:file", NS)]
    problems += [f"<file href={h!r}> is not in the package" for h in listed if h not in names]
    unlisted = names - set(listed) - {"imsmanifest.xml"}
    if unlisted:
        problems.append(f"files in the package the manifest does not list: {sorted(unlisted)[:5]}")
    return problems
