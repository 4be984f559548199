"""Property tests: any text parses or yields problems, never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publisher.errors import SourceError
from publisher.parse import parse

SOURCE = Path("/nonexistent/faq.md")
# Markdown-significant pieces so the generator reaches headings, lists, links and HTML often.
PIECES = st.sampled_from(
    [
        "# ",
        "## ",
        "### ",
        "- ",
        "1. ",
        "3) ",
        "> ",
        "    ",
        "\n",
        "\n\n",
        "---\n",
        "*",
        "**",
        "`",
        "[a](#x)",
        "[b](https://x.example)",
        "<b>",
        "![p](p.png)",
        "{#id}",
        "| a | b |\n|---|---|\n",
        "title: T\n",
        "\t",
        "\x00",
        "\r\n",
        "é",
        "\ufeff",
        "~~~\n",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=5))).map("".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_parses_or_yields_problems(text: str):
    try:
        document = parse(text, SOURCE)
    except SourceError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.col >= 1
        return
    assert document.meta.title
    assert document.entries


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=30), st.text(max_size=40)), min_size=1, max_size=8))
def test_every_level2_heading_becomes_one_entry(pairs: list[tuple[str, str]]):
    body = "".join(f"## Question {q!r}\n\nAnswer {i} {a!r}\n\n" for i, (q, a) in enumerate(pairs))
    try:
        document = parse("---\ntitle: T\n---\n" + body, SOURCE)
    except SourceError:
        return  # e.g. a generated character that XML cannot hold
    assert len(document.entries) == len(pairs)
    assert len({e.id for e in document.entries}) == len(pairs)
