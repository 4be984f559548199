"""The warning rules: each a function of a ``lint.Context`` returning warnings.

Questions and answers are checked for what makes health information hard to trust
or to read: a question asked twice, a question without its question mark, answers
and sentences too long to take in, and links whose text says nothing out of context.
"""

from __future__ import annotations

import re

from publisher.errors import Problem
from publisher.lint import Context
from publisher.text import inline_text

# Languages whose questions end with a mark, and the marks they end with (a
# full-width mark counts too: it is what a CJK keyboard types).
QUESTION_WRITERS = {
    "?": "en es fr de it pt nl ca gl eu pl cs sk sl hr sr bs ro hu tr sv da nb nn no fi et lv lt is ga cy "
    "sq mt id ms vi tl sw he ru uk bg be mk",
    "\u061f?": "ar fa ur ps ku",
    "\u037e;?": "el",
    "\uff1f?": "zh ja ko",
}
QUESTION_MARKS = {lang: marks for marks, langs in QUESTION_WRITERS.items() for lang in langs.split()}
CLOSERS = "\"'”’»)]*_ \u00a0"


def repeated_questions(context: Context) -> list[Problem]:
    """A question whose text is the same as an earlier one (its id gets ``-2``)."""
    first: dict[str, int] = {}
    found = []
    for entry in context.document.entries:
        text = " ".join(inline_text(entry.question).split()).casefold()
        if text in first:
            message = f"this question is also asked on line {first[text]}; merge the two or reword one"
            found.append(context.warn(entry.line, heading_col(context, entry.line), message))
        first.setdefault(text, entry.line)
    return found


def question_marks(context: Context) -> list[Problem]:
    """A question that does not end with a question mark, in a language that writes one."""
    marks = QUESTION_MARKS.get(context.document.meta.lang.split("-")[0].lower())
    if not marks:
        return []
    found = []
    for entry in context.document.entries:
        text = inline_text(entry.question).rstrip(CLOSERS)
        if text and text[-1] not in marks:
            message = f"question does not end with '{marks[0]}'"
            found.append(context.warn(entry.line, heading_col(context, entry.line), message))
    return found


def heading_col(context: Context, line: int) -> int:
    """The column of a heading's text (after its ``## ``)."""
    if not 0 < line <= len(context.lines):
        return 1
    match = re.match(r"\s*#+\s*", context.lines[line - 1])
    return match.end() + 1 if match else 1


RULES = (repeated_questions, question_marks)
