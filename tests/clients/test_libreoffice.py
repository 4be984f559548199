"""The Word handout as LibreOffice opens it: converted to PDF headless, then read by poppler."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers.tools import require_tool

from .builds import SOURCES
from .expected import expected_runs, missing_in_order
from .tools import convert_to_pdf, pdf_info, pdf_text, render_pages

pytestmark = pytest.mark.clients
NAMES = list(SOURCES)
PAGE_NUMBER = re.compile(r"Page\s+(\d+)\s+of\s+(\d+)")


@pytest.fixture(scope="module")
def converted(outputs, tmp_path_factory) -> dict[str, Path]:
    """Each source's DOCX converted to PDF by LibreOffice, in one run: ``name -> PDF``."""
    require_tool("soffice")
    require_tool("pdftotext")
    folder = tmp_path_factory.mktemp("libreoffice")
    documents = []
    for name in NAMES:
        documents.append(folder / f"{name}.docx")
        shutil.copyfile(outputs.path(name, "docx"), documents[-1])
    said = convert_to_pdf(documents, folder / "pdf", folder / "profile")
    pdfs = {name: folder / "pdf" / f"{name}.pdf" for name in NAMES}
    for name, pdf in pdfs.items():
        assert pdf.is_file(), f"LibreOffice did not convert {name}.docx:\n{said}"
    return pdfs


@pytest.mark.parametrize("name", NAMES)
def test_every_question_and_answer_in_order(converted, name):
    """The converted PDF holds the title, every question and answer and the disclaimer, in order."""
    problems = missing_in_order(pdf_text(converted[name], raw=True), expected_runs(SOURCES[name]))
    assert not problems, "DOCX text through LibreOffice:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_page_number_fields_show_numbers(converted, name):
    """Each page's footer reads "Page i of N": the PAGE and NUMPAGES fields were computed."""
    pages = pdf_text(converted[name]).split("\f")[: int(pdf_info(converted[name])["Pages"])]
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        shown = [tuple(map(int, found)) for found in PAGE_NUMBER.findall(text)]
        assert (number, total) in shown, f"page {number} of {total} shows {shown or 'no page number'}"


@pytest.mark.parametrize("name", NAMES)
def test_pictures_of_the_pages(converted, pictures, name):
    """Every page as LibreOffice lays it out, as a PNG; page 1 small enough for the README."""
    require_tool("pdftoppm")
    pages = render_pages(converted[name], pictures / f"docx-{name}-page", resolution=80)
    assert len(pages) == int(pdf_info(converted[name])["Pages"])
    if name == "clinic":
        assert render_pages(converted[name], pictures / "readme-docx", resolution=50, last=1)
