"""Facts worked out once per source: one build date and one list of contact details for every format."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from publisher.brand import Brand, Contact
from publisher.brandfile import load_brand
from publisher.cli import main
from publisher.contact import contact_items
from publisher.errors import PublisherError
from publisher.facts import Facts, build_date, source_date_epoch, source_facts
from publisher.labels import labels_for
from publisher.parse import parse_source
from tests.helpers.paths import BRANDED_FAQ, CLINIC_FAQ, ROOT

REVIEWED = dt.date(2026, 11, 23)
"""The clinic FAQ's ``updated``."""
EPOCH_1700000000 = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)


# --- the build date ---------------------------------------------------------------------


def test_source_date_epoch_wins_over_updated_which_wins_over_nothing():
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "1700000000"}) == EPOCH_1700000000
    assert source_date_epoch({"SOURCE_DATE_EPOCH": " 1700000000\n"}) == EPOCH_1700000000
    assert source_date_epoch({}) is None and source_date_epoch({"SOURCE_DATE_EPOCH": ""}) is None
    assert build_date(REVIEWED, EPOCH_1700000000) == EPOCH_1700000000
    assert build_date(REVIEWED, None) == REVIEWED
    assert build_date(None, None) is None


@pytest.mark.parametrize("value", ["yesterday", "-1", "1.5", "1e9", "１７", "9" * 30])
def test_a_bad_source_date_epoch_is_an_error_naming_it(value):
    with pytest.raises(PublisherError, match="SOURCE_DATE_EPOCH must be a whole number of seconds"):
        source_date_epoch({"SOURCE_DATE_EPOCH": value})


def build(tmp_path: Path, *args: str) -> tuple[PdfReader, docx.document.Document]:
    result = CliRunner().invoke(main, ["build", str(CLINIC_FAQ), "-o", str(tmp_path), "--force", *args])
    assert result.exit_code == 0, result.output
    pdf = PdfReader(io.BytesIO((tmp_path / "faq.pdf").read_bytes()))
    return pdf, docx.Document(str(tmp_path / "faq.docx"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pdf_and_word_carry_the_same_date(tmp_path, monkeypatch, jobs):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pdf, word = build(tmp_path / "epoch", "-j", jobs)
    assert pdf.metadata.creation_date == pdf.metadata.modification_date == EPOCH_1700000000
    assert word.core_properties.created == word.core_properties.modified == EPOCH_1700000000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    pdf, word = build(tmp_path / "updated", "-j", jobs)
    assert pdf.metadata.creation_date.date() == REVIEWED
    assert word.core_properties.created == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    with zipfile.ZipFile(tmp_path / "updated" / "faq.docx") as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 11, 23, 0, 0, 0)}


@pytest.mark.parametrize("formats", [["-f", "html"], ["-f", "json"], ["-f", "pdf"], []])
def test_a_bad_source_date_epoch_stops_every_build_before_it_renders(tmp_path, monkeypatch, formats):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "tomorrow")
    result = CliRunner().invoke(main, ["build", str(CLINIC_FAQ), "-o", str(tmp_path / "out"), *formats])
    assert result.exit_code == 1
    assert "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'tomorrow'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_watch_says_so_too(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "soon", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "publisher", "watch", str(CLINIC_FAQ), "-o", str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert result.returncode == 1
    assert "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'soon'" in result.stderr
    assert "Traceback" not in result.stderr


# --- one list of contact details --------------------------------------------------------


def test_contact_items_in_reading_order_with_links_and_labels():
    brand = Brand(contact=Contact(phone="+44 20 0000 0000 (main)", email="a@b.example", hours="Mon"))
    spanish = labels_for("es")
    items = contact_items(brand, spanish)
    assert [(i.kind, i.label, i.text, i.href) for i in items] == [
        ("phone", "Teléfono", "+44 20 0000 0000 (main)", "tel:+442000000000"),
        ("email", "Correo electrónico", "a@b.example", "mailto:a@b.example"),
        ("hours", spanish.hours, "Mon", ""),  # no address set: left out
    ]
    assert contact_items(Brand(), labels_for("en")) == ()


def test_facts_of_a_source_and_its_brand():
    document = parse_source(BRANDED_FAQ)
    brand = load_brand(BRANDED_FAQ.parent / "_brand.yml")
    facts = source_facts(document, brand, None)
    assert facts.date == document.meta.updated
    assert facts.contact == contact_items(brand, labels_for(document.meta.lang))
    assert Facts() == Facts(None, ())


def test_pdf_word_and_json_show_the_same_contact_details(tmp_path):
    result = CliRunner().invoke(main, ["build", str(BRANDED_FAQ), "-o", str(tmp_path), "-j", "1"])
    assert result.exit_code == 0, result.output
    brand = load_brand(BRANDED_FAQ.parent / "_brand.yml")
    items = contact_items(brand, labels_for(parse_source(BRANDED_FAQ).meta.lang))
    assert len(items) == 4
    # JSON is data: the number exactly as the brand file gives it, plain spaces.
    clinic = json.loads((tmp_path / "faq.json").read_text(encoding="utf-8"))["clinic"]
    assert [clinic[item.kind] for item in items] == [item.text for item in items]
    # Word keeps the phone number on one line with no-break spaces (docx/phone.py): the
    # same characters a reader sees, compared with U+00A0 read as a space.
    footer = "\n".join(
        p.text for p in docx.Document(str(tmp_path / "faq.docx")).sections[0].footer.paragraphs
    )
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(str(tmp_path / "faq.pdf")).pages)
    for item in items:
        assert item.text in footer.replace("\u00a0", " ")
        assert item.text.split(",")[0] in pdf_text.replace("\u00a0", " ")
    phone = next(item.text for item in items if item.kind == "phone")
    assert " " in phone and phone.replace(" ", "\u00a0") in footer, "the Word phone number may wrap"
