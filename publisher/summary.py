"""What ``check`` says about a source that has no mistakes: what is in it, in words.

"1 question, no sections" rather than "1 questions in 1 section": staff read this line
to confirm the file holds what they meant to write.
"""

from __future__ import annotations

from publisher.model import CodeBlock, Document, Image, Table
from publisher.visitor import walk
from publisher.walk import answer_blocks


def count(number: int, singular: str, plural: str = "") -> str:
    """``1 question``, ``2 questions``; ``plural`` for irregular words."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def describe(document: Document) -> str:
    """A one-line summary: questions, sections, and the parts worth confirming."""
    sections = sum(1 for section in document.sections if section.title)
    questions = count(len(document.entries), "question")
    head = f"{questions} in {count(sections, 'section')}" if sections else f"{questions}, no sections"
    kinds = [type(node) for node in walk(answer_blocks(document))]
    extras = [
        "an introduction" if document.intro else "",
        count(kinds.count(Table), "table") if Table in kinds else "",
        count(kinds.count(Image), "image") if Image in kinds else "",
        count(kinds.count(CodeBlock), "code block") if CodeBlock in kinds else "",
        "a disclaimer" if document.meta.disclaimer else "",
    ]
    listed = ", ".join(extra for extra in extras if extra)
    return f"{head} ({listed})" if listed else head
