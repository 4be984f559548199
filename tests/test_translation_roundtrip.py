"""Issue 16's "done when": an English FAQ with Spanish and Arabic translations, one English answer
edited, the two stale translations found by check, sent out as PO files, imported back, and every
format of the three languages built and read back."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from docx import Document as WordDocument
from lxml import html as lxml_html

from publisher.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "translations"
NEW_ANSWER = {
    "es": "Entre 12 y 30 meses, según el caso.",
    "ar": "من 12 حتى 30 شهرًا حسب الحالة.",  # no lam-alef: pdftotext swaps its letters,
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    for path in FIXTURES.iterdir():
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def translate_po(path: Path, lang: str) -> None:
    """What the translator does: translate the answer, keep the question, clear fuzzy."""
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = NEW_ANSWER[lang] if entry.msgctxt.endswith("/answer") else entry.msgstr
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save(str(path))


def test_edit_check_export_import_build(project: Path):
    code, output = run("check", "faq.md")
    assert code == 0 and "warning" not in output, output
    original = project / "faq.md"
    original.write_text(
        original.read_text(encoding="utf-8").replace(
            "Between 12 and 24 months.", "Between 12 and 30 months."
        ),
        encoding="utf-8",
    )
    code, output = run("check", "faq.md")
    warnings = sorted(line for line in output.splitlines() if "warning:" in line)
    assert code == 0 and warnings == [
        "faq.ar.md:13:1: warning: stale: #duration changed in faq.md:13 after it was translated",
        "faq.es.md:13:1: warning: stale: #duration changed in faq.md:13 after it was translated",
    ]
    for lang in ("es", "ar"):
        code, output = run("translate", "export", "faq.md", "--lang", lang, "-o", f"faq.{lang}.po")
        assert code == 0, output
        po = polib.pofile(f"faq.{lang}.po")
        assert [e.msgctxt for e in po] == ["duration/question", "duration/answer"]
        assert all(e.fuzzy for e in po) and po[1].msgid == "Between 12 and 30 months."
        translate_po(project / f"faq.{lang}.po", lang)
        code, output = run("translate", "import", f"faq.{lang}.po")
        assert code == 0 and "1 entries" in output, output
    assert NEW_ANSWER["ar"] in (project / "faq.ar.md").read_text(encoding="utf-8")
    code, output = run("check", "--strict", "faq.md")
    assert code == 0 and "warning" not in output, output

    code, output = run("build", "faq.md", "-o", "out", "-f", "pdf", "-f", "docx", "-f", "html", "-f", "json")
    assert code == 0, output
    out = project / "out"
    for lang, answer in NEW_ANSWER.items():
        assert answer_words(answer) <= answer_words(pdf_text(out / f"faq.{lang}.pdf"))
        text = "\n".join(p.text for p in WordDocument(str(out / f"faq.{lang}.docx")).paragraphs)
        assert answer in text
    assert "Between 12 and 30 months." in pdf_text(out / "faq.pdf")
    assert "w:bidi" in docx_xml(out / "faq.ar.docx") and "w:bidi" not in docx_xml(out / "faq.es.docx")

    fragment = lxml_html.fromstring((out / "faq.ar.html").read_text(encoding="utf-8"))
    assert fragment.get("lang") == "ar" and fragment.get("dir") == "rtl"
    links = {a.get("hreflang"): a for a in fragment.iter("a") if a.get("hreflang")}
    assert set(links) == {"en", "es"}
    assert links["es"].get("href") == "https://clinic.example/es/braces" and links["es"].text == "español"
    assert links["en"].get("lang") == "en" and links["en"].get("dir") == "ltr"
    english = lxml_html.fromstring((out / "faq.html").read_text(encoding="utf-8"))
    arabic_link = [a for a in english.iter("a") if a.get("hreflang") == "ar"][0]
    assert arabic_link.text == "العربية" and arabic_link.get("dir") == "rtl"
    # The phone number keeps its order in the Arabic fragment.
    assert '<span dir="ltr">555 0123</span>' in (out / "faq.ar.html").read_text(encoding="utf-8")

    data = json.loads((out / "faq.es.json").read_text(encoding="utf-8"))
    assert data["languages"] == [
        {"lang": "en", "dir": "ltr", "title": "Braces FAQ", "url": "https://clinic.example/en/braces"},
        {
            "lang": "ar",
            "dir": "rtl",
            "title": "أسئلة عن تقويم الأسنان",
            "url": "https://clinic.example/ar/braces",
        },
        {
            "lang": "es",
            "dir": "ltr",
            "title": "Preguntas sobre ortodoncia",
            "url": "https://clinic.example/es/braces",
        },
    ]


def answer_words(answer: str) -> set[str]:
    """Words without punctuation or bidi controls (pdftotext marks right-to-left lines with U+202B)."""
    return set(re.sub(r"[.,\u200e\u200f\u202a-\u202e\u2066-\u2069]", " ", answer).split())


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def docx_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")
