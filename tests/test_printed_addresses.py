"""Printed addresses and phone numbers: decoded, broken only between parts, never split, copyable."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from zipfile import ZipFile

import docx
import pypdfium2
import pytest
from pypdf import PdfReader

from publisher.brandfile import find_brand
from publisher.facts import source_date_epoch, with_facts
from publisher.parse import parse, parse_source
from publisher.renderers import Theme
from publisher.renderers.docx.render import render_docx
from publisher.renderers.pdf.address_text import WORD_JOINER, ZERO_WIDTH_SPACE, address_breaks, iri
from publisher.renderers.pdf.render import render_pdf
from publisher.resources import templates_dir
from publisher.typography import is_phone_number
from tests.helpers.layout import pdftotext
from tests.helpers.paths import BRANDED_FAQ, EPOCH
from tests.helpers.tools import require_tool

INVISIBLE = (ZERO_WIDTH_SPACE, WORD_JOINER)
MAP = (
    "https://www.google.com/maps/place/Clinique+du+Parc+Saint-Martin/@48.8566140,2.3522219,17z"
    "/data=!3m1!4b1!4m6!3m5!1s0x47e66e1f06e2b70f:0x40b82c3688c9460!8m2!3d48.8566!4d2.3522"
    "?entry=ttu&g_ep=EgoyMDI0MTAxNi4wIKXMDSoASAFQAw%3D%3D"
)
ACCESS = "https://clinique-du-parc-saint-martin.example/acc%C3%A8s-et-stationnement/plan-d-acc%C3%A8s"
SOURCE = f"""---
title: Questions fréquentes
lang: fr
url: https://clinique-du-parc-saint-martin.example/questions-fr%C3%A9quentes
---

## Où se trouve le cabinet ?

Voir le [plan d'accès]({MAP}), la page [accès]({ACCESS}) ou {ACCESS.replace("%C3%A8", "è")} ;
appelez [le secrétariat](tel:+33-1-99-00-12-34), le [01 99 00 12 34](tel:+33199001234)
ou le [01-99-00-12-35](tel:+33199001235).

## Combien de temps dure la séance ?

Environ 45 min ; la dose est de 5 mg par kg. Attention ! Prévoyez « une heure » en tout : c'est long ?
"""


def shown(text: str) -> str:
    """Break places as | and joiners as ~, to read a test failure."""
    return text.replace(ZERO_WIDTH_SPACE, "|").replace(WORD_JOINER, "~")


def test_iri_decodes_only_non_ascii_letters() -> None:
    assert iri("clinic.example/questions-fr%C3%A9quentes") == "clinic.example/questions-fréquentes"
    # Spaces, reserved characters, bidirectional controls and broken UTF-8 stay escaped.
    for kept in ("a%20b", "a%2Fb", "a%3Fb", "a%E2%80%AEb", "a%C3b", "a%FFb"):
        assert iri(kept) == kept


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://dermato-parc.example/faq", "https~:~/~/~dermato~-~parc~.|example~/|faq"),
        ("a.example/b?c=1&d=2", "a~.|example~/|b~?|c~=|1~&|d~=|2"),
        ("x.example/" + "a" * 45, "x~.|example~/|" + "|".join(["a" * 15] * 3)),
    ],
)
def test_address_breaks_only_between_parts(address: str, expected: str) -> None:
    assert shown(address_breaks(address)) == expected


@pytest.fixture(scope="module")
def leaflet(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("addresses")
    document = parse(SOURCE, folder / "faq.md")
    return render_pdf(
        document, with_facts(document, Theme(), source_date_epoch({"SOURCE_DATE_EPOCH": EPOCH}))
    ).data


def words(pdf: bytes) -> list[tuple[float, float, str]]:
    """(x max, y min, text) of each word of the PDF's first page, from pdftotext -bbox."""
    require_tool("pdftotext")
    html = pdftotext(pdf, "-bbox", "-f", "1", "-l", "1")
    found = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html
    )
    return [(float(x), float(y), text) for y, x, text in found]


def test_addresses_break_only_after_separators_and_copy_back(leaflet: bytes) -> None:
    require_tool("pdftotext")
    text = pdftotext(leaflet)
    assert not any(char in text for char in INVISIBLE)
    for address in (MAP, ACCESS.replace("%C3%A8", "è")):
        bare = iri(address.removeprefix("https://"))
        # The address, however its lines break: copying the lines gives it back.
        found = list(re.finditer("\n?".join(map(re.escape, bare)), text))
        assert found, bare
        for match in found:
            pieces = match.group().split("\n")
            for piece in pieces[:-1]:
                # Every line ends after / . ? & = or inside a part longer than a line.
                assert piece[-1] in "/.?&=" or len(piece) >= 15, pieces
            assert not any(piece.startswith("//") or piece.endswith("-") for piece in pieces), pieces
    assert "https://clinique-du-parc-saint-martin." in text  # never broken inside https://


def test_nothing_runs_out_of_its_column(leaflet: bytes) -> None:
    # A4 is 595pt wide, margins 15 mm (42.5pt); columns 9 mm apart.
    column = (595.28 - 2 * 42.52 - 25.51) / 2
    found = words(leaflet)
    closing = min(y for _, y, text in found if text == "Scannez")  # the QR code's caption, below the columns
    in_columns = [(x_max, text) for x_max, y, text in found if 60 < y < closing]
    assert any("EgoyMDI0MTAxNi4wIKXMDSoASAFQAw" in text for _, text in in_columns)
    for x_max, text in in_columns:
        assert x_max <= 42.52 + column + 1 or x_max >= 42.52 + column + 25.51, text
        assert x_max <= 595.28 - 42.52 + 1, text


def test_phone_numbers_and_french_marks_stay_on_their_line(leaflet: bytes) -> None:
    text = pdftotext(leaflet)
    assert "01 99 00 12 34" in text and "(+33-1-99-00-12-34)" in text and "01-99-00-12-35" in text
    # A narrow no-break space keeps ? ! : ; with the word before.
    assert not [line for line in text.splitlines() if re.match(r"[?!:;»](\s|$)", line.strip())]
    page = pypdfium2.PdfDocument(leaflet)[0]
    exact = page.get_textpage().get_text_range()  # pdftotext shows no-break spaces as spaces
    assert "séance\u202f?" in exact and "«\u202fune" in exact and "5\u00a0mg" in exact


def test_printed_address_is_decoded_and_the_link_keeps_it_as_written(leaflet: bytes) -> None:
    text = pdftotext(leaflet)
    assert "questions-fréquentes" in text and "%C3%A9" not in text
    reader = PdfReader(io.BytesIO(leaflet))
    uris = [a.get_object()["/A"]["/URI"] for a in reader.pages[0]["/Annots"] if "/A" in a.get_object()]
    assert ACCESS in uris  # the link keeps the address exactly as written


def word_phone_runs(path: Path) -> list[ET.Element]:
    """Every tel: hyperlink of a .docx's body and footers whose text is a number (or the words link)."""
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    runs = []
    with ZipFile(path) as package:
        for name in package.namelist():
            if not re.fullmatch(r"word/(document|footer\d*)\.xml", name):
                continue
            rels_name = name.replace("word/", "word/_rels/") + ".rels"
            if rels_name not in package.namelist():
                continue
            rels = package.read(rels_name).decode()
            tel_ids = set(re.findall(r'Id="(rId\d+)"[^>]*Target="tel:', rels))
            tel_ids |= set(re.findall(r'Target="tel:[^"]*"[^>]*Id="(rId\d+)"', rels))
            root = ET.fromstring(package.read(name))
            for link in root.iter(f"{{{ns['w']}}}hyperlink"):
                rel = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                text = "".join(t.text or "" for t in link.iter(f"{{{ns['w']}}}t"))
                number = text.replace("\u00a0", " ")  # hyphens are w:noBreakHyphen elements
                if rel in tel_ids and (is_phone_number(number) or text == "le secrétariat"):
                    runs.append(link)
    return runs


@pytest.mark.parametrize("source", ["answer", "footer"])
def test_word_phone_numbers_never_break(tmp_path: Path, source: str) -> None:
    if source == "answer":
        document = parse(SOURCE, tmp_path / "faq.md")
        theme = Theme()
    else:
        document = parse_source(BRANDED_FAQ)
        theme = Theme(brand=find_brand(None, BRANDED_FAQ))
    epoch = source_date_epoch({"SOURCE_DATE_EPOCH": EPOCH})
    path = tmp_path / "faq.docx"
    path.write_bytes(render_docx(document, with_facts(document, theme, epoch)).data)
    runs = word_phone_runs(path)
    assert runs
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    texts = ["".join(t.text or "" for t in link.iter(f"{w}t")) for link in runs]
    numbers = [text for text in texts if text != "le secrétariat"]
    assert numbers and all(" " not in text and "-" not in text for text in numbers), numbers
    assert any("\u00a0" in text for text in numbers)
    if source == "answer":
        assert "le secrétariat" in texts  # words in a tel: link may still wrap
        assert any(link.find(f".//{w}noBreakHyphen") is not None for link in runs)
    assert docx.Document(str(path))  # Word's own reader still opens it


def test_fragment_phone_links_never_wrap() -> None:
    css = (templates_dir() / "fragment" / "fragment.css").read_text(encoding="utf-8")
    assert re.search(r'\.faqp a\[href\^="tel:"\] \{\s*white-space: nowrap;', css)
