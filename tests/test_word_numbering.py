"""Numbering of the Word handout's lists: real definitions, nesting levels, restarts, starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.paths import FEATURES_FAQ
from tests.helpers.word import W, numbered, open_docx, part_xml, render

NS = {"w": W[1:-1]}


@pytest.fixture(scope="module")
def features() -> bytes:
    return render(FEATURES_FAQ)


class Numbering:
    """numbering.xml, read: what each w:num stands for."""

    def __init__(self, data: bytes):
        self.root = part_xml(data, "word/numbering.xml")

    def num(self, num_id: int):
        (num,) = self.root.xpath(f"w:num[@w:numId='{num_id}']", namespaces=NS)
        return num

    def start_overrides(self, num_id: int) -> dict[int, int]:
        """ilvl -> startOverride of a w:num."""
        return {
            int(o.get(f"{W}ilvl")): int(o.find(f"{W}startOverride").get(f"{W}val"))
            for o in self.num(num_id).findall(f"{W}lvlOverride")
        }

    def level(self, num_id: int, ilvl: int) -> tuple[str, str]:
        """(numFmt, lvlText) of a level of the w:num's abstract definition."""
        abstract_id = self.num(num_id).find(f"{W}abstractNumId").get(f"{W}val")
        (lvl,) = self.root.xpath(
            f"w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl[@w:ilvl='{ilvl}']", namespaces=NS
        )
        return lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val")


def test_nested_bullets_use_the_next_level(features):
    lists = numbered(features)
    numbering = Numbering(features)
    top, nested = lists["a photo ID"], lists["prescription medicines"]
    assert top[1] == 0 and nested[1] == 1
    assert lists["any previous scan results"] == top
    assert numbering.level(top[0], 0) == ("bullet", "\u2022")
    assert numbering.level(nested[0], 1)[0] == "bullet"


def test_ordered_list_starts_at_its_start_number(features):
    lists = numbered(features)
    numbering = Numbering(features)
    num_id, ilvl = lists["Wash your hair the evening before."]
    assert ilvl == 0
    assert lists["Arrive ten minutes early."] == (num_id, 0)
    assert numbering.start_overrides(num_id) == {0: 3}
    assert numbering.level(num_id, 0) == ("decimal", "%1.")


def test_nested_ordered_list_has_its_own_numbering_from_one(features):
    lists = numbered(features)
    numbering = Numbering(features)
    outer = lists["Do not use hair products on the day."][0]
    inner, ilvl = lists["No gel"]
    assert ilvl == 1 and inner != outer
    assert lists["No spray"] == (inner, 1)
    assert numbering.start_overrides(inner) == {1: 1}
    # Each level shows its own number ("1." under "4."), not "4.1.".
    assert numbering.level(inner, 1) == ("decimal", "%2.")


def test_every_ordered_list_restarts(features):
    lists = numbered(features)
    numbering = Numbering(features)
    first = lists["first list, one"][0]
    second = lists["second list, one"][0]
    tattoo = lists["Finer needles"][0]
    assert len({first, second, tattoo, lists["Wash your hair the evening before."][0]}) == 4
    for num_id in (first, second, tattoo):
        assert numbering.start_overrides(num_id) == {0: 1}
    assert lists["first list, two"][0] == first
    assert lists["second list, two"][0] == second
    assert lists["Shallower pigment"][0] == tattoo


def test_numbering_part_is_well_formed(features):
    root = Numbering(features).root
    children = [child.tag.rpartition("}")[2] for child in root]
    # Every abstractNum comes before the first num (Word's schema).
    assert children == sorted(children, key=lambda tag: tag != "abstractNum")
    num_ids = root.xpath("w:num/@w:numId", namespaces=NS)
    assert len(num_ids) == len(set(num_ids))
    abstract_ids = set(root.xpath("w:abstractNum/@w:abstractNumId", namespaces=NS))
    assert set(root.xpath("w:num/w:abstractNumId/@w:val", namespaces=NS)) <= abstract_ids
    used = {str(num_id) for num_id, _ in numbered(features).values()}
    assert used <= set(num_ids)


def test_list_styles_number_themselves(features):
    styles = part_xml(features, "word/styles.xml")
    numbering = Numbering(features)
    for name, fmt in (("ListBullet", "bullet"), ("ListNumber2", "decimal")):
        (num_pr,) = styles.xpath(f"w:style[@w:styleId='{name}']/w:pPr/w:numPr", namespaces=NS)
        num_id = int(num_pr.find(f"{W}numId").get(f"{W}val"))
        ilvl = int(num_pr.find(f"{W}ilvl").get(f"{W}val"))
        assert numbering.level(num_id, ilvl)[0] == fmt


def test_deep_nesting_keeps_going(tmp_path: Path):
    lines = [f"{'   ' * depth}1. level {depth}" for depth in range(7)]
    source = tmp_path / "deep.md"
    source.write_text("---\ntitle: Deep\n---\n\n## Deep?\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    data = render(source)
    lists = numbered(data)
    assert [lists[f"level {depth}"][1] for depth in range(7)] == list(range(7))
    styles = [p.style.name for p in open_docx(data).paragraphs if p.text.startswith("level")]
    assert styles[:2] == ["List Number", "List Number 2"]
    assert styles[4:] == ["List Number 5"] * 3


def test_the_paragraph_before_a_list_keeps_with_it(tmp_path: Path):
    """ "Remember ABCD:" never ends a page of the handout with its list on the next."""
    source = tmp_path / "lead.md"
    source.write_text(
        "---\ntitle: Lead\n---\n\n## What should I bring?\n\nFirst a word.\n\nRemember ABCD:\n\n"
        "- Awareness\n- Bite prevention\n\nThat is all.\n",
        encoding="utf-8",
    )
    keeps = {p.text: p.paragraph_format.keep_with_next for p in open_docx(render(source)).paragraphs}
    assert keeps["Remember ABCD:"] is True
    assert not keeps["First a word."] and not keeps["That is all."] and not keeps["Bite prevention"]
