"""``check --report``: per question, its words, sentences, reading grade and warnings.

The same figures go into the edition record (``publisher.record``), so the reviewer's
table and the job bag agree.
"""

from __future__ import annotations

from typing import Any

from publisher.errors import Problem
from publisher.lint_language import DEFAULT_READING_GRADE, answer_readability
from publisher.model import Document
from publisher.summary import count
from publisher.text import inline_text


def readability_data(
    document: Document, warnings: list[Problem], target: float | None = None
) -> dict[str, Any]:
    """Per-question measures and the warnings at each question's lines, as plain data."""
    entries = document.entries
    starts = [entry.line for entry in entries]
    questions: list[dict[str, Any]] = []
    for index, entry in enumerate(entries):
        end = starts[index + 1] if index + 1 < len(starts) else float("inf")
        mine = [str(p) for p in warnings if entry.line <= p.line < end]
        summary = answer_readability(entry, document.meta.lang)
        questions.append(
            {
                "id": entry.id,
                "line": entry.line,
                "question": inline_text(entry.question),
                "words": summary.words,
                "sentences": summary.sentences,
                "grade": round(summary.grade, 1) if summary.grade is not None else None,
                "warnings": mine,
            }
        )
    graded = [q["grade"] for q in questions if q["grade"] is not None]
    formula = next((answer_readability(e, document.meta.lang).formula for e in entries), "")
    return {
        "formula": formula or None,
        "target": document.meta.reading_grade or target or DEFAULT_READING_GRADE,
        "questions": questions,
        "above_target": sum(1 for q in questions if any("reads at grade" in w for w in q["warnings"])),
        "mean_grade": round(sum(graded) / len(graded), 1) if graded else None,
        "warnings": [str(p) for p in warnings],
    }


def report_table(source: str, data: dict[str, Any], width: int = 44) -> str:
    """The report as a text table, one row per question, then a summary line."""
    header = f"{'line':>5}  {'question':<{width}} {'words':>5} {'sent.':>5} {'grade':>5} {'warn.':>5}"
    rows = [f"{source}: reading report ({data['formula'] or 'no formula for this language'})", header]
    for q in data["questions"]:
        question = q["question"] if len(q["question"]) <= width else q["question"][: width - 1] + "…"
        grade = f"{q['grade']:.1f}" if q["grade"] is not None else "-"
        rows.append(
            f"{q['line']:>5}  {question:<{width}} {q['words']:>5} {q['sentences']:>5} {grade:>5} "
            f"{len(q['warnings']):>5}"
        )
    mean = f"{data['mean_grade']:.1f}" if data["mean_grade"] is not None else "-"
    questions, warnings = count(len(data["questions"]), "question"), count(len(data["warnings"]), "warning")
    above = f"{data['above_target']} above the target of {data['target']:g}"
    rows.append(f"{questions}, mean grade {mean}, {above}, {warnings}")
    return "\n".join(rows)
