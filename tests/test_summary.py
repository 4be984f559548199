"""What ``check`` says about a good source: counts in words, and what the file holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.parse import parse
from publisher.summary import count, describe


def summary_of(markdown: str) -> str:
    return describe(parse(markdown, Path("faq.md")))


@pytest.mark.parametrize(("number", "expected"), [(0, "0 questions"), (1, "1 question"), (2, "2 questions")])
def test_count_says_one_in_the_singular(number: int, expected: str) -> None:
    assert count(number, "question") == expected


def test_one_question_and_no_sections() -> None:
    assert summary_of("---\ntitle: T\n---\n\n## Why?\n\nBecause.\n") == "1 question, no sections"


def test_sections_and_what_the_file_holds() -> None:
    markdown = (
        "---\ntitle: T\ndisclaimer: Ask us.\n---\n\nWelcome.\n\n"
        "# A\n\n## One?\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        "\n## Two?\n\n    code\n\n# B\n\n## Three?\n\nYes.\n"
    )
    assert (
        summary_of(markdown)
        == "3 questions in 2 sections (an introduction, 1 table, 1 code block, a disclaimer)"
    )


def test_questions_before_the_first_section_are_not_a_section() -> None:
    markdown = "---\ntitle: T\n---\n\n## Zero?\n\nNo.\n\n# A\n\n## One?\n\nYes.\n"
    assert summary_of(markdown) == "2 questions in 1 section"
