"""The warning rules: each a function of a ``lint.Context`` returning warnings.

Questions and answers are checked for what makes health information hard to trust
or to read: a question asked twice, a question without its question mark, answers
and sentences too long to take in, and links whose text says nothing out of context.
"""

from __future__ import annotations

import re

from publisher.errors import Problem
from publisher.governance import DEFAULT_REVIEW_MONTHS, add_months
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
REVIEW_NOTICE_DAYS = 30
"""A review due within this many days is worth a warning: a month to plan it."""
REVIEW_DUE = "the review date "
"""How the warnings about today's date begin (the edition record leaves them out)."""
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


def review_due(context: Context) -> list[Problem]:
    """The next review date has passed or falls within REVIEW_NOTICE_DAYS of today."""
    meta, today = context.document.meta, context.checks.today
    if today is None or meta.review_by is None:
        return []
    line = front_matter_line(context, "review_by", "review_every", "reviewed", "updated")
    days = (meta.review_by - today).days
    due = meta.review_by.isoformat()
    if days < 0:
        message = f"{REVIEW_DUE}{due} has passed: review the answers, then update 'reviewed'"
    elif days <= REVIEW_NOTICE_DAYS:
        message = f"{REVIEW_DUE}{due} is {days} day{'s' * (days != 1)} away: plan the review"
    else:
        return []
    return [context.warn(line, 1, message)]


def review_interval(context: Context) -> list[Problem]:
    """A next review more than three years after the last (PIF TICK asks for at most three)."""
    meta = context.document.meta
    if meta.updated is None or meta.review_by is None:
        return []
    if meta.review_by <= add_months(meta.updated, DEFAULT_REVIEW_MONTHS):
        return []
    line = front_matter_line(context, "review_by")
    return [context.warn(line, 1, "the next review is more than three years after the last one")]


def front_matter_line(context: Context, *keys: str) -> int:
    """The line of the first of ``keys`` found in the front matter (1 when none is)."""
    for key in keys:
        for number, text in enumerate(context.lines[1:], start=2):
            if text.rstrip() in ("---", "..."):
                break
            if re.match(rf"{key}\s*:", text):
                return number
    return 1


def heading_col(context: Context, line: int) -> int:
    """The column of a heading's text (after its ``## ``)."""
    if not 0 < line <= len(context.lines):
        return 1
    match = re.match(r"\s*#+\s*", context.lines[line - 1])
    return match.end() + 1 if match else 1


RULES = (repeated_questions, question_marks, review_due, review_interval)
