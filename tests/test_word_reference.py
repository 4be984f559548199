"""``--docx-reference``: the clinic's own Word file gives the styles (as pandoc's --reference-doc)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import mammoth
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.shared import Pt

from publisher.cli import main
from publisher.errors import RenderError
from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ
from tests.helpers.word import W, make_reference, numbered, open_docx, part_xml, render


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    return make_reference(tmp_path / "clinic-reference.docx")


def style_element(data: bytes, style_id: str):
    return part_xml(data, "word/styles.xml").find(f"{W}style[@{W}styleId='{style_id}']")


def test_reference_heading_style_is_used(reference):
    data = render(FEATURES_FAQ, docx_reference=reference)
    document = open_docx(data)
    heading = document.styles["Heading 2"]
    assert str(heading.font.color.rgb) == "AA1122"
    assert heading.font.name == "Georgia"
    assert heading.font.size == Pt(15)
    # The style definition is the reference's own, not ours with its colour.
    ours = style_element(render(FEATURES_FAQ), "Heading2")
    theirs = style_element(data, "Heading2")
    assert theirs.find(f"{W}rPr/{W}color").get(f"{W}val") == "AA1122"
    assert theirs.find(f"{W}rPr/{W}color").get(f"{W}val") != ours.find(f"{W}rPr/{W}color").get(f"{W}val")
    questions = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert questions[0] == "What should I bring to my first appointment?"


def test_reference_content_is_replaced(reference):
    document = open_docx(render(FEATURES_FAQ, docx_reference=reference))
    texts = [p.text for p in document.paragraphs]
    assert "Old content that must go" not in texts and "More old content" not in texts
    assert texts[0] == "Feature Clinic FAQ"


def test_styles_the_reference_lacks_are_added(reference):
    document = open_docx(render(FEATURES_FAQ, docx_reference=reference))
    names = {style.name for style in document.styles}
    for needed in ("Hyperlink", "Verbatim Char", "Source Code", "Compact", "Disclaimer", "Table", "Date"):
        assert needed in names
    assert document.tables[0].style.name == "Table"


def test_reference_letterhead_is_kept_and_page_numbers_added(reference):
    section = open_docx(render(CLINIC_FAQ, docx_reference=reference)).sections[0]
    assert section.header.paragraphs[0].text == "Clinic letterhead"
    # The reference has no footer: ours, the edition line (issue 15) above the page numbers.
    assert [p.text for p in section.footer.paragraphs] == [
        "Version 1 · Reviewed November 2026 · Next review November 2029",
        "Page 1 of 1",
    ]
    # The reference's page setup (python-docx's template: US Letter) is kept.
    assert section.page_width.inches == 8.5


def test_reference_without_a_header_gets_ours(tmp_path):
    plain = make_reference(tmp_path / "plain.docx", letterhead="")
    section = open_docx(render(CLINIC_FAQ, docx_reference=plain)).sections[0]
    assert section.header.paragraphs[0].text == "Frequently Asked Questions"


def test_reference_leftovers_are_cleared(reference):
    data = render(FEATURES_FAQ, docx_reference=reference)
    properties = open_docx(data).core_properties
    assert properties.title == "Feature Clinic FAQ"
    assert properties.author == "" and properties.comments == ""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "docProps/thumbnail.jpeg" not in package.namelist()
        assert b"python-docx" not in package.read("docProps/core.xml")
    langs = {lang.get(f"{W}val") for lang in part_xml(data, "word/styles.xml").iter(f"{W}lang")}
    assert langs == {"en-GB"}


def test_lists_number_on_top_of_the_reference_numbering(reference):
    data = render(FEATURES_FAQ, docx_reference=reference)
    lists = numbered(data)
    root = part_xml(data, "word/numbering.xml")
    children = [child.tag.rpartition("}")[2] for child in root]
    assert children == sorted(children, key=lambda tag: tag != "abstractNum")
    num_id = lists["Wash your hair the evening before."][0]
    (override,) = root.xpath(
        f"w:num[@w:numId='{num_id}']/w:lvlOverride/w:startOverride/@w:val", namespaces={"w": W[1:-1]}
    )
    assert override == "3"


def test_reference_without_numbering_gets_a_numbering_part(tmp_path):
    bare = make_reference(tmp_path / "bare.docx", numbering=False)
    data = render(FEATURES_FAQ, docx_reference=bare)
    assert numbered(data)["No gel"][1] == 1
    assert mammoth.convert_to_html(io.BytesIO(data)).value.count("<ol>") >= 4


def test_reference_with_other_style_ids(tmp_path):
    # Word in another language stores "heading 2" under another id (German: "berschrift2").
    path = make_reference(tmp_path / "german.docx")
    reference = docx.Document(path)
    reference.styles["Heading 2"].element.set(qn("w:styleId"), "berschrift2")
    for link in reference.styles.element.xpath("//w:link[@w:val='Heading2']"):
        link.set(qn("w:val"), "berschrift2")
    reference.save(path)
    data = render(CLINIC_FAQ, docx_reference=path)
    styles = part_xml(data, "word/document.xml").xpath("//w:pStyle/@w:val", namespaces={"w": W[1:-1]})
    assert "berschrift2" in styles and "Heading2" not in styles


def test_reference_build_is_byte_identical(reference):
    assert render(FEATURES_FAQ, docx_reference=reference) == render(FEATURES_FAQ, docx_reference=reference)


def test_reference_that_is_not_a_word_file(tmp_path):
    bogus = tmp_path / "letterhead.docx"
    bogus.write_text("not a zip", encoding="utf-8")
    with pytest.raises(RenderError, match="letterhead.docx: not a Word document"):
        render(CLINIC_FAQ, docx_reference=bogus)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", "-f", "docx", "-o", str(out), "--docx-reference", str(bogus), str(CLINIC_FAQ)]
    )
    assert result.exit_code == 1
    assert "not a Word document" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (out / "faq.docx").exists()


def test_cli_reference_option(reference, tmp_path):
    result = CliRunner().invoke(
        main,
        ["build", "-f", "docx", "-o", str(tmp_path), "--docx-reference", str(reference), str(CLINIC_FAQ)],
    )
    assert result.exit_code == 0, result.output
    document = open_docx((tmp_path / "faq.docx").read_bytes())
    assert str(document.styles["Heading 2"].font.color.rgb) == "AA1122"
