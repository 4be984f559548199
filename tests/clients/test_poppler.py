"""The PDF leaflet as poppler and qpdf see it: text in order, fonts embedded, a clean file, tagged."""

from __future__ import annotations

import pytest

from tests.helpers.tools import require_tool

from .builds import SOURCES
from .expected import expected_runs, missing_in_order
from .tools import pdf_fonts, pdf_info, pdf_text, render_pages, run

pytestmark = pytest.mark.clients
NAMES = list(SOURCES)
MAX_CLINIC_PAGES = 2


@pytest.mark.parametrize("name", NAMES)
def test_every_question_and_answer_in_order(outputs, name):
    """pdftotext finds the title, every question and answer and the disclaimer, in source order."""
    require_tool("pdftotext")
    text = pdf_text(outputs.path(name, "pdf"), raw=True)
    problems = missing_in_order(text, expected_runs(SOURCES[name]))
    assert not problems, "PDF text (pdftotext):\n" + "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_every_font_is_embedded(outputs, name):
    """pdffonts lists at least one font, and says "yes" in the emb column for each."""
    require_tool("pdffonts")
    fonts = pdf_fonts(outputs.path(name, "pdf"))
    assert fonts, "pdffonts lists no fonts: is the text real text?"
    loose = [f"{font['name']} ({font['type']})" for font in fonts if font["emb"] != "yes"]
    assert not loose, f"fonts not embedded: {loose}"


@pytest.mark.parametrize("name", NAMES)
def test_qpdf_check_is_clean(outputs, name):
    """qpdf --check exits 0 and reports no warnings."""
    require_tool("qpdf")
    result = run(["qpdf", "--check", outputs.path(name, "pdf")])
    said = result.stdout + result.stderr
    assert result.returncode == 0, f"qpdf --check exited {result.returncode}:\n{said}"
    assert "warning" not in said.lower(), said
    assert "No syntax or stream encoding errors" in said, said


@pytest.mark.parametrize("name", NAMES)
def test_pdfinfo_says_tagged(outputs, name):
    """pdfinfo says "Tagged: yes" (structure for screen readers)."""
    require_tool("pdfinfo")
    info = pdf_info(outputs.path(name, "pdf"))
    assert info.get("Tagged") == "yes", f"pdfinfo: Tagged: {info.get('Tagged')!r}"


def test_clinic_faq_fits_one_sheet(outputs):
    """The clinic's FAQ prints on one sheet, both sides: at most two pages."""
    require_tool("pdfinfo")
    pages = int(pdf_info(outputs.path("clinic", "pdf"))["Pages"])
    assert pages <= MAX_CLINIC_PAGES, f"the clinic FAQ has {pages} pages"


@pytest.mark.parametrize("name", NAMES)
def test_pictures_of_the_pages(outputs, pictures, name):
    """Every page as a PNG for a human look, and page 1 small enough for the README."""
    require_tool("pdftoppm")
    pdf = outputs.path(name, "pdf")
    pages = render_pages(pdf, pictures / f"pdf-{name}-page", resolution=80)
    assert len(pages) == int(pdf_info(pdf)["Pages"])
    if name == "clinic":
        assert render_pages(pdf, pictures / "readme-pdf", resolution=50, last=1)
