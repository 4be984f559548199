"""Every kind of mistake in a source: reported with its line and column, all in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.errors import SourceError
from publisher.parse import parse_source
from tests.helpers.images import tiny_png

HEAD = "---\ntitle: T\n---\n"
GOOD_ENTRY = "\n## Fine?\n\nYes.\n"


def problems_of(tmp_path: Path, text: str | bytes, name: str = "faq.md") -> list[tuple[int, int, str]]:
    source = tmp_path / name
    if isinstance(text, bytes):
        source.write_bytes(text)
    else:
        source.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        parse_source(source)
    for problem in caught.value.problems:
        assert problem.path.endswith(name)
        assert str(problem).startswith(f"{problem.path}:{problem.line}:{problem.col}: ")
    return [(p.line, p.col, p.message) for p in caught.value.problems]


CASES = {
    "unknown key": ("---\ntitle: T\nsubtitel: S\n---\n" + GOOD_ENTRY, 3, 1, "did you mean 'subtitle'"),
    "bad yaml": ("---\ntitle: T\nlang: [en\n---\n" + GOOD_ENTRY, 3, 10, "bad YAML"),
    "unclosed front matter": ("---\ntitle: T\n\n## Q?\n\nA.\n", 1, 1, "never closed"),
    "missing title": ("---\nsubtitle: S\n---\n" + GOOD_ENTRY, 1, 1, "missing 'title'"),
    "no front matter": (GOOD_ENTRY, 1, 1, "missing front matter"),
    "bad date": ("---\ntitle: T\nupdated: soon\n---\n" + GOOD_ENTRY, 3, 1, "YYYY-MM-DD"),
    "bad lang": ("---\ntitle: T\nlang: english language\n---\n" + GOOD_ENTRY, 3, 1, "BCP 47"),
    "bad url": ("---\ntitle: T\nurl: clinic.example\n---\n" + GOOD_ENTRY, 3, 1, "http"),
    "question without answer": (HEAD + "\n## Empty?\n" + GOOD_ENTRY, 5, 1, "question has no answer"),
    "section without questions": (HEAD + GOOD_ENTRY + "\n# Lonely\n", 9, 1, "section has no questions"),
    "duplicate explicit id": (
        HEAD + "\n## A? {#same}\n\nx\n\n## B? {#same}\n\ny\n",
        9,
        7,
        "duplicate id 'same'",
    ),
    "invalid explicit id": (HEAD + "\n## A? {#1 bad}\n\nx\n", 5, 7, "must start with a letter"),
    "raw html block": (HEAD + GOOD_ENTRY + "\n<div>hi</div>\n", 9, 1, "raw HTML"),
    "raw html inline": (HEAD + "\n## Q?\n\nSay <b>hi</b>.\n", 7, 5, "raw HTML is not allowed: <b>"),
    "forbidden scheme": (
        HEAD + "\n## Q?\n\nSee [x](javascript:alert(1)).\n",
        7,
        9,
        "forbidden scheme 'javascript:'",
    ),
    "file scheme": (HEAD + "\n## Q?\n\nSee [x](file:///etc/passwd).\n", 7, 9, "forbidden scheme 'file:'"),
    "relative link": (HEAD + "\n## Q?\n\nSee [x](other.html).\n", 7, 9, "relative link"),
    "unknown internal link": (HEAD + "\n## Q?\n\nSee [x](#nowhere).\n", 7, 9, "'#nowhere' names no question"),
    "remote image": (HEAD + "\n## Q?\n\n![a photo](https://x.example/a.png)\n", 7, 12, "is remote"),
    "image outside folder": (
        HEAD + "\n## Q?\n\n![a photo](../secret.png)\n",
        7,
        12,
        "outside the source's folder",
    ),
    "absolute image": (HEAD + "\n## Q?\n\n![a photo](/etc/hosts)\n", 7, 12, "outside the source's folder"),
    "missing image": (HEAD + "\n## Q?\n\n![a photo](nothere.png)\n", 7, 12, "is missing"),
    "image without alt": (HEAD + "\n## Q?\n\n![](pic.png)\n", 7, 5, "no alt text"),
    "image of wrong type": (HEAD + "\n## Q?\n\n![doc](notes.txt)\n", 7, 8, "PNG, JPEG or SVG"),
    "non-xml character": (HEAD + "\n## Q?\n\nBell \x07 here.\n", 7, 6, "U+0007"),
    "level 5 heading": (HEAD + "\n## Q?\n\n##### Deep\n", 7, 1, "level 5"),
    "horizontal rule at the end": (HEAD + "\n## Q?\n\nA.\n\n***\n", 9, 1, "allowed only between questions"),
    "horizontal rule in an answer": (
        HEAD + "\n## Q?\n\nA.\n\n---\n\nB.\n" + GOOD_ENTRY,
        9,
        1,
        "not inside an answer",
    ),
    "site-relative link without url": (
        HEAD + "\n## Q?\n\nSee [x](/services).\n",
        7,
        9,
        "needs the front matter's 'url'",
    ),
    "html tag after a br in a table row": (
        HEAD + "\n## Q?\n\n| a | b |\n|---|---|\n| 1<br>2 | <b>3</b> |\n",
        9,
        12,
        "raw HTML is not allowed: <b>",
    ),
    "link in question": (HEAD + "\n## See [x](https://a.example)?\n\nA.\n", 5, 1, "emphasis only"),
    "no questions": (HEAD + "\nJust text.\n", 1, 1, "no questions found"),
    "heading in list": (HEAD + "\n## Q?\n\n- ## Inner\n", 7, 3, "cannot stand inside"),
    "too deep": (HEAD + "\n## Q?\n\n" + "> " * 25 + "deep\n", 7, 1, "nested deeper"),
    "empty question": (HEAD + "\n## \n\nAn answer.\n", 5, 1, "heading has no text"),
    "empty section": (HEAD + "\n#\n" + GOOD_ENTRY, 5, 1, "heading has no text"),
    "link nested in question": (HEAD + "\n## **[x](https://a.example)**?\n\nA.\n", 5, 1, "not a link"),
    "control character escaped in yaml": (
        '---\ntitle: "Bad \\x01 title"\n---\n' + GOOD_ENTRY,
        2,
        1,
        "U+0001, which cannot appear in XML",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_problem_names_its_line_and_column(tmp_path: Path, case: str):
    text, line, col, message = CASES[case]
    (tmp_path / "pic.png").write_bytes(tiny_png())
    (tmp_path / "notes.txt").write_text("x")
    found = problems_of(tmp_path, text)
    assert any(p[0] == line and p[1] == col and message in p[2] for p in found), found


def test_not_utf8_names_line_and_column(tmp_path: Path):
    found = problems_of(tmp_path, (HEAD + "\n## Q?\n\nCaf\xe9 au lait.\n").encode("latin-1"))
    assert found == [(7, 4, "the file is not UTF-8 (byte 0xe9); save it as UTF-8")]


def test_every_problem_is_reported_in_one_run(tmp_path: Path):
    text = (
        "---\ntitle: T\ncolour: red\n---\n"  # unknown key, line 3
        "\n## Empty?\n"  # no answer, line 6
        "\n## Q?\n\n<i>x</i> [y](ftp://z)\n"  # raw HTML and forbidden scheme, line 10
        "\n# Lonely\n"  # section without questions, line 12
    )
    lines = [p[0] for p in problems_of(tmp_path, text)]
    assert lines == [3, 6, 10, 10, 10, 12]


SVG_CASES = {
    "script": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "external href": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    '<image xlink:href="file:///etc/passwd"/></svg>',
    "handler": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "entities": '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    "broken": "<svg",
}


@pytest.mark.parametrize("case", SVG_CASES, ids=list(SVG_CASES))
def test_unsafe_or_broken_svg_is_refused(tmp_path: Path, case: str):
    (tmp_path / "pic.svg").write_text(SVG_CASES[case])
    found = problems_of(tmp_path, HEAD + "\n## Q?\n\n![a diagram](pic.svg)\n")
    assert found[0][:2] == (7, 14) and "pic.svg" in found[0][2], found


def test_svg_text_the_pdf_cannot_draw_is_refused_when_read(tmp_path: Path):
    """Found by the fuzzer: check passed an SVG labelled in Japanese, then build failed on its text."""
    label = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="1" y="5">{}</text></svg>'
    (tmp_path / "pic.svg").write_text(label.format("Open <tspan>営業</tspan> 9-5"), encoding="utf-8")
    found = problems_of(tmp_path, HEAD + "\n## Q?\n\n![opening hours](pic.svg)\n")
    assert found == [
        (
            7,
            18,
            "image 'pic.svg': the PDF cannot draw \"営\" (U+55B6 CJK UNIFIED IDEOGRAPH-55B6) in its text: "
            "no shipped font has it; turn the text into outlines",
        )
    ]
    (tmp_path / "pic.svg").write_text(label.format("Öffnungszeiten ✓ 9–17 Uhr"), encoding="utf-8")
    parse_source(tmp_path / "faq.md")  # text the shipped fonts draw is fine


def test_image_with_wrong_contents_is_refused(tmp_path: Path):
    (tmp_path / "pic.png").write_bytes(b"GIF89a")
    found = problems_of(tmp_path, HEAD + "\n## Q?\n\n![a photo](pic.png)\n")
    assert found == [(7, 12, "image 'pic.png' is not a valid PNG file")]


def test_image_names_with_spaces_and_accents(tmp_path: Path):
    folder = tmp_path / "imágenes"
    folder.mkdir()
    (folder / "mi foto.png").write_bytes(tiny_png())
    source = tmp_path / "faq.md"
    source.write_text(HEAD + "\n## Q?\n\n![una foto](<imágenes/mi foto.png>)\n", encoding="utf-8")
    image = parse_source(source).entries[0].answer[0].children[0]
    assert image.src == "imágenes/mi foto.png" and image.path == (folder / "mi foto.png").resolve()


def test_a_source_that_cannot_be_read_is_a_problem_not_a_traceback(tmp_path: Path):
    with pytest.raises(SourceError) as caught:
        parse_source(tmp_path / "deleted.md")
    assert caught.value.problems[0].message.startswith("cannot read the file:")


def test_symlinked_image_escaping_the_folder_is_refused(tmp_path: Path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(tiny_png())
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "link.png").symlink_to(outside)
    found = problems_of(folder, HEAD + "\n## Q?\n\n![a photo](link.png)\n")
    assert found[0][2].endswith("is outside the source's folder")
