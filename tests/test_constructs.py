"""Every construct of the source format, rendered by each renderer at its node level.

The cases live in ``tests/fixtures/constructs/``, one file per output, read with
markdown-it-py's ``read_fixture_file`` as markdown-it-py and mistune read theirs: a title,
``.``, the Markdown, ``.``, the expected output, ``.``. Every file holds the same cases
(same titles, same Markdown, in the same order); ``fragment.md`` is the master copy.

- ``fragment.md``: the answer's HTML in the website fragment;
- ``print.md``: the answer's HTML in the print HTML the PDF is made from;
- ``text.md``: the answer's plain text (JSON, search, reading-grade checks);
- ``word.md``: the Word handout's body after the question, one line per paragraph or
  table row (see ``tests/helpers/word_dump.py``).

Each case's Markdown is the answer of a one-question document whose question has the id
``question`` (so ``#question`` is a valid internal link) and whose folder holds
``pixel.png``. To add a case, add it to ``fragment.md`` with any expected text and run
``UPDATE_FIXTURES=1 .venv/bin/python -m pytest tests/test_constructs.py``: every file is
rewritten from ``fragment.md``'s cases and what the renderers now produce. Then read every
changed case: a fixture is worth what the person who checked it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from publisher.model import NODE_TYPES, Document
from publisher.parse import parse
from publisher.renderers import Theme
from publisher.renderers.docx.render import render_docx
from publisher.renderers.html.fragment import blocks_html
from publisher.renderers.pdf.print_html import PrintRenderer
from publisher.text import block_text, inline_text
from publisher.visitor import walk
from tests.helpers.paths import FIXTURES, ROOT
from tests.helpers.word_dump import dump_body

CONSTRUCTS = FIXTURES / "constructs"
SOURCE = CONSTRUCTS / "faq.md"
"""Where the one-question documents pretend to live: images resolve beside it (it need not exist)."""
QUESTION = "The question?"
FRONT = f"---\ntitle: Constructs\n---\n\n## {QUESTION} {{#question}}\n\n"
OUTPUTS = ("fragment", "print", "text", "word")
MASTER = "fragment"


@cache
def document(markdown: str) -> Document:
    """The one-question document whose answer is ``markdown``."""
    return parse(FRONT + markdown, SOURCE)


def fragment_html(doc: Document) -> str:
    # A question before any section is an h3 in the fragment: answer headings shift by one.
    entry = doc.entries[0]
    return blocks_html(entry.answer, 1, inline_text(entry.question))


def print_html(doc: Document) -> str:
    return PrintRenderer().blocks(doc.entries[0].answer)


def plain_text(doc: Document) -> str:
    return block_text(doc.entries[0].answer)


def word_body(doc: Document) -> str:
    return dump_body(render_docx(doc, Theme()).data, after=QUESTION).removesuffix("\n")


RENDER: dict[str, Callable[[Document], str]] = {
    "fragment": fragment_html,
    "print": print_html,
    "text": plain_text,
    "word": word_body,
}


def fixture_path(output: str) -> Path:
    return CONSTRUCTS / f"{output}.md"


def read_cases(output: str) -> list[tuple[int, str, str, str]]:
    """(line, title, markdown, expected) of every case of one output's file."""
    return [tuple(case) for case in read_fixture_file(fixture_path(output))]


def rendered(output: str, markdown: str) -> str:
    """What the renderer for ``output`` makes of a case, as the fixture file holds it."""
    return str(RENDER[output](document(markdown))) + "\n"


def write_cases(output: str, cases: list[tuple[str, str]]) -> None:
    """Rewrite one output's file from (title, markdown) pairs and what the renderers produce."""
    parts = [f"{title}\n.\n{markdown}.\n{rendered(output, markdown)}.\n" for title, markdown in cases]
    fixture_path(output).write_text("\n".join(parts), encoding="utf-8")


if os.environ.get("UPDATE_FIXTURES"):
    # At collection, so the parametrized cases below read the rewritten files.
    _master = [(title, markdown) for _, title, markdown, _ in read_cases(MASTER)]
    for _output in OUTPUTS:
        write_cases(_output, _master)


CASES = [
    pytest.param(output, line, title, markdown, expected, id=f"{output}: {title}")
    for output in OUTPUTS
    for line, title, markdown, expected in read_cases(output)
]


@pytest.mark.parametrize(("output", "line", "title", "markdown", "expected"), CASES)
def test_construct(output: str, line: int, title: str, markdown: str, expected: str):
    where = f"{fixture_path(output).relative_to(ROOT)}:{line}"
    assert rendered(output, markdown) == expected, f"{where} ({title}); UPDATE_FIXTURES=1 rewrites it"


def test_every_file_holds_the_same_cases():
    master = [(title, markdown) for _, title, markdown, _ in read_cases(MASTER)]
    assert len({title for title, _ in master}) == len(master), "case titles must be unique"
    for output in OUTPUTS:
        assert [(title, markdown) for _, title, markdown, _ in read_cases(output)] == master, output


def test_every_node_type_occurs_in_a_case():
    found = {
        type(node)
        for _, _, markdown, _ in read_cases(MASTER)
        for node in walk(document(markdown).entries[0].answer)
    }
    assert not [t.__name__ for t in NODE_TYPES if t not in found]


def test_every_case_is_one_answer_with_no_intro():
    for _, title, markdown, _ in read_cases(MASTER):
        doc = document(markdown)
        assert (len(doc.entries), doc.intro) == (1, ()), title
