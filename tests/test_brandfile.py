"""The brand file: Quarto brand.yml keys, our contact block, and every mistake located."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.brand import Brand
from publisher.brandfile import find_brand, load_brand
from publisher.colors import contrast_ratio
from publisher.errors import SourceError
from tests.helpers.images import tiny_png
from tests.helpers.paths import ROOT

SAMPLE = ROOT / "templates" / "init" / "source" / "_brand.yml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "_brand.yml"
    path.write_text(text)
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_brand(write(tmp_path, text))
    return [str(p).split("_brand.yml:", 1)[1] for p in caught.value.problems]


def test_sample_brand_loads():
    brand = load_brand(SAMPLE)
    assert brand.name == "Example Clinic (sample, not a real clinic)"
    assert brand.short_name == "Example Clinic"
    assert brand.primary == "#0f5e63"  # a palette name resolved
    assert brand.logo and brand.logo.name == "logo.svg"
    assert brand.contact.email == "hello@clinic.example"
    assert brand.source == SAMPLE.resolve()


def test_no_brand_file_gives_the_neutral_look(tmp_path: Path):
    assert find_brand(None, tmp_path / "faq.md") == Brand()


def test_brand_beside_the_source_is_found(tmp_path: Path):
    write(tmp_path, "meta:\n  name: Clinic A\n")
    assert find_brand(None, tmp_path / "faq.md").name == "Clinic A"


def test_logo_sizes_and_fonts(tmp_path: Path):
    (tmp_path / "l.png").write_bytes(tiny_png())
    (tmp_path / "f.ttf").write_bytes(b"\0")
    brand = load_brand(
        write(
            tmp_path,
            (
                "logo:\n  small: l.png\n"
                "typography:\n  fonts:\n    - family: Brand Sans\n      source: file\n"
                "      files:\n        - path: f.ttf\n          weight: 700\n"
                "  base: Brand Sans\n  headings:\n    family: Brand Sans\n"
            ),
        )
    )
    assert brand.logo == (tmp_path / "l.png").resolve()
    assert brand.base_font == brand.headings_font == "Brand Sans"
    assert [(f.family, f.weight) for f in brand.fonts] == [("Brand Sans", 700)]


CASES = {
    "unknown top key": ("colour:\n  primary: '#000000'\n", "1:1: colour: unknown key; did you mean 'color'?"),
    "unknown nested key": ("meta:\n  nmae: X\n", "2:3: meta.nmae: unknown key; did you mean 'name'?"),
    "not a colour": ("color:\n  primary: bluish\n", "2:3: color.primary: 'bluish' is not a colour"),
    "bad palette": (
        "color:\n  palette:\n    red: rouge\n",
        "3:5: color.palette.red: 'rouge' is not a colour",
    ),
    "missing logo": ("logo: nope.png\n", "1:1: logo: logo file 'nope.png' is missing"),
    "remote logo": (
        "logo: https://x.example/l.png\n",
        "1:1: logo: logo 'https://x.example/l.png' must be a local",
    ),
    "missing font": (
        "typography:\n  fonts:\n    - family: X\n      files: [x.ttf]\n",
        "4:15: typography.fonts.0.files.0: font file 'x.ttf' is missing",
    ),
    "google font": (
        "typography:\n  fonts:\n    - family: X\n      source: google\n",
        "3:7: typography.fonts.0: font source 'google' is not allowed",
    ),
    "low contrast": (
        "color:\n  foreground: '#999999'\n",
        "2:3: color.foreground: #999999 on background #ffffff has contrast 2.85:1, below WCAG AA 4.5:1",
    ),
    "bad yaml": ("meta: [\n", "2:1: bad YAML"),
    "control character": ('contact:\n  phone: "1\\x02"\n', "2:3: contact.phone: holds a character"),
    "font family": ("typography:\n  base: 'Inter; color: red'\n", "2:3: typography.base: font family"),
    "files as one string": (
        "typography:\n  fonts:\n    - family: X\n      files: gone.ttf\n",
        "4:7: typography.fonts.0.files.0: font file 'gone.ttf' is missing",
    ),
    "unsafe svg logo": ("logo: bad.svg\n", "1:1: logo: image 'bad.svg': SVG files may not hold <script>"),
    "font style": (
        "typography:\n  fonts:\n    - family: X\n      files:\n"
        "        - path: f.ttf\n          style: slanted\n",
        "5:11: typography.fonts.0.files.0: font style 'slanted' must be one of normal, italic, oblique",
    ),
    "wrong shape": ("contact: 12\n", "1:1: contact: expected a mapping with phone, email, address, hours"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_mistake_names_the_key_and_line(tmp_path: Path, case: str):
    text, expected = CASES[case]
    (tmp_path / "bad.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>')
    (tmp_path / "f.ttf").write_bytes(b"\0")
    found = problems(tmp_path, text)
    assert any(p.startswith(expected) for p in found), found


def test_every_mistake_is_reported_at_once(tmp_path: Path):
    found = problems(tmp_path, "meta:\n  nmae: X\ncolor:\n  primary: nope\nlogo: gone.svg\n")
    assert [p.split(":")[0] for p in found] == ["2", "4", "5"]


def test_contrast_ratio_matches_wcag_examples():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#777777", "#ffffff"), 2) == 4.48
