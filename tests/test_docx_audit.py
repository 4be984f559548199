"""Word's own rules on every handout: openxml-audit (PyPI) checks the schema and the parts.

It validates the OOXML schemas (element order, allowed children and attributes) and the
package (relationships, content types), as the Open XML SDK does, and predicts whether
Word opens the file cleanly. Judged sound here: ``test_the_checker_finds_what_word_refuses``
shows it finding a misplaced paragraph style, an unknown element and a broken relationship
in copies of our own handout. Every handout of the clinic's FAQ and the corpus, standard and
large print, must have no finding.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openxml_audit
import pytest

from publisher.brandfile import find_brand
from publisher.facts import source_date_epoch, with_facts
from publisher.parse import parse_source
from publisher.renderers import FORMATS, Theme
from tests.helpers.paths import CLINIC_FAQ, EPOCH, TESTS

CORPUS = TESTS / "corpus"
SOURCES = {"clinic": CLINIC_FAQ} | {
    folder.name: folder / "faq.md" for folder in sorted(CORPUS.iterdir()) if (folder / "faq.md").is_file()
}
SOURCES["translation-ar"] = TESTS / "fixtures" / "translations" / "faq.ar.md"


def handout(source: Path, fmt: str) -> bytes:
    """One Word format of a source, rendered as the build renders it (its brand file beside it)."""
    document = parse_source(source)
    theme = Theme(brand=find_brand(None, source))
    return (
        FORMATS[fmt]
        .load()(document, with_facts(document, theme, source_date_epoch({"SOURCE_DATE_EPOCH": EPOCH})))
        .data
    )


def findings(data: bytes, tmp_path: Path) -> list[str]:
    """openxml-audit's errors for a DOCX, as text."""
    path = tmp_path / "handout.docx"
    path.write_bytes(data)
    result = openxml_audit.OpenXmlValidator().validate(path)
    return [str(error) for error in result.errors]


@pytest.mark.parametrize("fmt", ["docx", "large-docx"])
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_handout_follows_words_rules(name, fmt, tmp_path):
    assert findings(handout(SOURCES[name], fmt), tmp_path) == []


def mutated(data: bytes, change) -> bytes:
    """The DOCX with ``change`` applied to its document.xml."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                body = change(body.decode("utf-8")).encode("utf-8")
            out.writestr(item, body)
    return target.getvalue()


def test_the_checker_finds_what_word_refuses(tmp_path):
    good = handout(CLINIC_FAQ, "docx")

    def style_after_alignment(xml: str) -> str:  # w:pStyle must come first in w:pPr
        return re.sub(r"<w:pPr>(<w:pStyle [^>]*/>)", r'<w:pPr><w:jc w:val="left"/>\1', xml, count=1)

    def unknown_element(xml: str) -> str:
        return xml.replace("<w:r>", "<w:r><w:bogus/>", 1)

    def broken_relationship(xml: str) -> str:
        return re.sub(r'r:id="rId\d+"', 'r:id="rId999"', xml, count=1)

    for change, expected in (
        (style_after_alignment, "pStyle"),
        (unknown_element, "bogus"),
        (broken_relationship, "rId999"),
    ):
        found = findings(mutated(good, change), tmp_path)
        assert any(expected in finding for finding in found), (change.__name__, found)
