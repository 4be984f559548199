"""The questions of a print view as one list of sections, and that list cut in two.

The leaflet cuts sections around wide tables (``wide.column_runs``); a folded leaflet has
no page-wide place for them, so the parts are joined again, and then cut where a panel ends.
"""

from __future__ import annotations

from dataclasses import replace

from publisher.renderers.pdf.views import PrintSection, PrintView


def joined_sections(view: PrintView) -> tuple[PrintSection, ...]:
    """The view's sections in reading order, each whole again (the leaflet's cuts undone)."""
    joined: list[PrintSection] = []
    for run in view.runs:
        for part in run.sections:
            if joined and not part.opens and joined[-1].id == part.id:
                joined[-1] = replace(joined[-1], entries=joined[-1].entries + part.entries)
            else:
                joined.append(replace(part, wide=False))
    return tuple(joined)


def question_count(sections: tuple[PrintSection, ...]) -> int:
    """How many questions the sections hold."""
    return sum(len(section.entries) for section in sections)


def cut_sections(
    sections: tuple[PrintSection, ...], first: int
) -> tuple[tuple[PrintSection, ...], tuple[PrintSection, ...]]:
    """The sections holding the first ``first`` questions, and those holding the rest.

    A section cut in two keeps its title in the first part; the second goes on without it.
    """
    head: list[PrintSection] = []
    tail: list[PrintSection] = []
    left = first
    for section in sections:
        if left >= len(section.entries) and (left or not section.entries):
            head.append(section)
            left -= len(section.entries)
        elif left == 0:
            tail.append(section)
        else:
            head.append(replace(section, entries=section.entries[:left]))
            tail.append(replace(section, entries=section.entries[left:], opens=False))
            left = 0
    return tuple(head), tuple(tail)
