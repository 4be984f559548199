"""Links in the Word handout: external targets through relationships, internal ones to bookmarks."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from publisher.errors import RenderError
from publisher.parse import parse_source
from publisher.renderers.docx.links import ascii_name, bookmark_names, encode_url
from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ
from tests.helpers.word import W, part_xml, render

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
VALID_BOOKMARK = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")


def relationships(data: bytes) -> dict[str, tuple[str, str, str]]:
    """rId -> (type, target, target mode) of the main document part."""
    rels = part_xml(data, "word/_rels/document.xml.rels")
    return {r.get("Id"): (r.get("Type"), r.get("Target"), r.get("TargetMode", "")) for r in rels}


def links(data: bytes) -> list[tuple[str, str, str]]:
    """(text, target, kind) of every w:hyperlink: kind "external" or "anchor"."""
    rels = relationships(data)
    found = []
    for link in part_xml(data, "word/document.xml").iter(f"{W}hyperlink"):
        text = "".join(link.itertext())
        if link.get(f"{R}id"):
            kind, target, mode = rels[link.get(f"{R}id")]
            assert (kind, mode) == (HYPERLINK, "External")
            found.append((text, target, "external"))
        else:
            found.append((text, link.get(f"{W}anchor"), "anchor"))
    return found


def bookmarks(data: bytes) -> dict[str, str]:
    """Bookmark name -> the text of the paragraph it is in."""
    body = part_xml(data, "word/document.xml")
    starts = list(body.iter(f"{W}bookmarkStart"))
    ids = [b.get(f"{W}id") for b in starts]
    assert len(ids) == len(set(ids)), "bookmark ids must be unique"
    assert sorted(ids) == sorted(e.get(f"{W}id") for e in body.iter(f"{W}bookmarkEnd"))
    return {b.get(f"{W}name"): "".join(b.getparent().itertext()) for b in starts}


@pytest.fixture(scope="module")
def features() -> bytes:
    return render(FEATURES_FAQ)


def test_every_external_link_and_its_target(features):
    external = [(text, target) for text, target, kind in links(features) if kind == "external"]
    assert external == [
        ("https://clinic.example/contact", "https://clinic.example/contact"),
        ("hello@clinic.example", "mailto:hello@clinic.example"),
        ("+44\u00a0123\u00a0456\u00a0789", "tel:+44123456789"),
        ("booking", "https://booking.clinic.example/?a=1&b=2"),
        ("https://clinic.example/faq", "https://clinic.example/faq"),
        ("our site", "https://clinic.example"),
        ("0123\u00a0456\u00a0789", "tel:+44123456789"),
    ]


def test_link_title_becomes_a_tooltip(features):
    (link,) = [
        link
        for link in part_xml(features, "word/document.xml").iter(f"{W}hyperlink")
        if "".join(link.itertext()) == "booking"
    ]
    assert link.get(f"{W}tooltip") == "Book online"


def test_internal_links_land_on_bookmarks(features):
    anchors = [(text, target) for text, target, kind in links(features) if kind == "anchor"]
    assert anchors == [("how to prepare", "q_prepare")]
    assert bookmarks(features)["q_prepare"] == "How do I prepare for the treatment?"


@pytest.mark.parametrize(
    "source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ], ids=["clinic", "features", "spanish"]
)
def test_every_question_and_section_is_bookmarked(source):
    data = render(source)
    document = parse_source(source)
    marks = bookmarks(data)
    assert all(VALID_BOOKMARK.match(name) for name in marks)
    assert len({name.lower() for name in marks}) == len(marks)
    titled = [s for s in document.sections if s.title]
    assert len(marks) == len(document.entries) + len(titled)
    anchors = {target for _, target, kind in links(data) if kind == "anchor"}
    assert anchors <= set(marks)


def test_spanish_ids_become_valid_bookmark_names():
    data = render(SPANISH_FAQ)
    assert bookmarks(data) == {
        "s_antes_del_tratamiento": "Antes del tratamiento",
        "q_que_es_la_micropigmentacion_capilar": "¿Qué es la micropigmentación capilar?",
        "q_duele_la_micropigmentacion": "¿Duele la micropigmentación?",
        "q_que_es_la_micropigmentacion_capilar_2": "¿Qué es la micropigmentación capilar?",
    }


def test_links_to_non_ascii_ids_and_addresses(tmp_path: Path):
    source = tmp_path / "faq.md"
    source.write_text(
        "---\ntitle: Enlaces\nlang: es\n---\n\n## ¿Qué es?\n\nVea [la otra](#duele-mucho) y "
        "[la guía](<https://clínica.example/guía del paciente?q=sí#parte%20dos>).\n\n"
        "## ¿Duele mucho?\n\nVuelva a [la primera](#qué-es).\n",
        encoding="utf-8",
    )
    data = render(source)
    assert links(data) == [
        ("la otra", "q_duele_mucho", "anchor"),
        (
            "la guía",
            "https://xn--clnica-4va.example/gu%C3%ADa%20del%20paciente?q=s%C3%AD#parte%20dos",
            "external",
        ),
        ("la primera", "q_que_es", "anchor"),
    ]
    assert set(bookmarks(data)) == {"q_que_es", "q_duele_mucho"}


def test_links_in_a_relationship_are_not_duplicated(features):
    targets = [target for kind, target, _ in relationships(features).values() if kind == HYPERLINK]
    assert len(targets) == len(set(targets))
    with zipfile.ZipFile(io.BytesIO(features)) as package:
        assert b'TargetMode="External"' in package.read("word/_rels/document.xml.rels")


# --- the pure helpers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://clinic.example/a b", "https://clinic.example/a%20b"),
        ("https://clinic.example/a%20b", "https://clinic.example/a%20b"),
        ("https://clinic.example/100%", "https://clinic.example/100%25"),
        ("HTTPS://clinic.example/?x=1&y=[2]", "https://clinic.example/?x=1&y=%5B2%5D"),
        ("https://bücher.example:8080/ü", "https://xn--bcher-kva.example:8080/%C3%BC"),
        (
            "mailto:hello@clinic.example?subject=Hola qué tal",
            "mailto:hello@clinic.example?subject=Hola%20qu%C3%A9%20tal",
        ),
        ("tel:+44 123 456 789", "tel:+44123456789"),
        ("tel:+44-123-456", "tel:+44-123-456"),
    ],
)
def test_encode_url(href, expected):
    assert encode_url(href) == expected


def test_encode_url_refuses_other_schemes():
    with pytest.raises(RenderError, match="javascript"):
        encode_url("javascript:alert(1)")


def test_bookmark_names_are_unique_valid_and_stable():
    long_id = "what-happens-if-i-miss-an-appointment-or-arrive-late-to-the-clinic"
    names = bookmark_names([("q_", long_id), ("q_", long_id + "-2"), ("q_", "Case"), ("q_", "case-")])
    assert names[long_id] == "q_what_happens_if_i_miss_an_appointment_"
    assert names[long_id + "-2"] == "q_what_happens_if_i_miss_an_appointmen_2"
    assert (names["Case"], names["case-"]) == ("q_Case", "q_case_2")
    assert all(VALID_BOOKMARK.match(name) for name in names.values())
    assert bookmark_names([("q_", long_id)]) == {long_id: names[long_id]}


def test_ids_without_latin_letters_still_get_a_name():
    name = ascii_name("常见问题")
    assert re.fullmatch(r"[0-9a-f]{8}", name)
    assert name == ascii_name("常见问题")
    assert ascii_name("qué-es-la-micropigmentación-capilar") == "que_es_la_micropigmentacion_capilar"
