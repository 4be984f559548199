"""The Arabic translation in real clients: its fragment in Chromium (axe-core, computed direction,
a phone number kept in order) and its Word handout through LibreOffice (words laid out right to
left, a phone number kept in order). Pictures land in tests/artifacts/pictures."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.tools import convert_with_libreoffice, require_tool

from .hosts import write_host_page
from .pages import OPEN_ALL, PHONE, open_page
from .test_browser import describe_violations
from .tools import render_pages, require_module

pytestmark = pytest.mark.clients
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "translations"
WORD = re.compile(r'<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>([^<]*)</word>')


@pytest.fixture(scope="module")
def arabic(tmp_path_factory) -> Path:
    """The Arabic translation of the fixture FAQ built as a fragment, a Word handout and a leaflet."""
    folder = tmp_path_factory.mktemp("arabic")
    for path in FIXTURES.iterdir():
        shutil.copy(path, folder / path.name)
    publisher = Path(sys.executable).with_name("publisher")
    command = [
        str(publisher),
        "build",
        "faq.ar.md",
        "-o",
        "out",
        "-f",
        "html",
        "-f",
        "docx",
        "-f",
        "pdf",
        "-q",
    ]
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    return folder / "out"


def test_arabic_fragment_in_chromium(browser, arabic, pictures, tmp_path):
    axe = require_module("axe_playwright_python.sync_playwright").Axe()
    host = write_host_page(arabic / "faq.ar.html", tmp_path, "ar", "plain")
    with open_page(browser, host.as_uri(), width=PHONE, height=700) as page:
        page.evaluate(OPEN_ALL)
        assert page.evaluate("getComputedStyle(document.querySelector('.faqp')).direction") == "rtl"
        # The phone number's span is left to right, so "555" is drawn left of "0123".
        number = page.locator('.faqp span[dir="ltr"]', has_text="555 0123")
        assert number.evaluate("e => getComputedStyle(e).direction") == "ltr"
        order = number.evaluate(
            """e => { const r = document.createRange(); const t = e.firstChild;
                 r.setStart(t, 0); r.setEnd(t, 3); const a = r.getBoundingClientRect().left;
                 r.setStart(t, 4); r.setEnd(t, 8); return [a, r.getBoundingClientRect().left]; }"""
        )
        assert order[0] < order[1]
        page.screenshot(path=str(pictures / "readme-fragment-ar.png"), full_page=True)
        violations = axe.run(page).response["violations"]
    assert not violations, "axe-core:\n" + describe_violations(violations)


def test_arabic_handout_in_libreoffice_reads_right_to_left(arabic, pictures, tmp_path):
    require_tool("pdftotext")
    convert_with_libreoffice([arabic / "faq.ar.docx"], tmp_path)
    pdf = tmp_path / "faq.ar.pdf"
    render_pages(pdf, pictures / "handout-ar", 60, last=1)
    layout = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    words = [(float(x), float(y), text) for x, y, text in WORD.findall(layout)]
    # pdftotext gives right-to-left words in visual order: "يشعر" (the answer's first word) reads "رعشي".
    first = next(w for w in words if w[2] == "يشعر"[::-1])
    line = [w for w in words if abs(w[1] - first[1]) < 1]
    assert first[0] == max(x for x, _, _ in line)
    x555 = next(x for x, _, t in words if t == "555")
    x0123 = next(x for x, _, t in words if t == "0123")
    assert x555 < x0123, "the phone number is shown as 0123 555"


def test_arabic_leaflet_picture(arabic, pictures):
    """The leaflet's first page for the README; its title reads back from the PDF."""
    require_tool("pdftoppm")
    assert render_pages(arabic / "faq.ar.pdf", pictures / "readme-leaflet-ar", 60, last=1)
    text = subprocess.run(
        ["pdftotext", str(arabic / "faq.ar.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "تقويم" in text


def test_a_linked_phone_number_with_a_hyphen_keeps_its_order_in_libreoffice(tmp_path):
    """ "800-1234" is cut at its no-break hyphen in Word's XML; the whole number is embedded left to right."""
    require_tool("pdftotext")
    source = Path(__file__).resolve().parent.parent / "fixtures" / "rtl-ar" / "faq.md"
    publisher = Path(sys.executable).with_name("publisher")
    command = [str(publisher), "build", str(source), "-o", str(tmp_path), "-f", "docx", "-q"]
    subprocess.run(command, check=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1763856000"})
    convert_with_libreoffice([tmp_path / "faq.docx"], tmp_path)
    found = subprocess.run(["pdftotext", str(tmp_path / "faq.pdf"), "-"], capture_output=True, text=True)
    text = found.stdout
    number = re.search(r"(\d+)\W(\d+)(?=\W*$)", next(line for line in text.splitlines() if "1234" in line))
    assert number and (number.group(1), number.group(2)) == ("800", "1234"), text
