"""The leaflet's last page laid out twice, not the whole leaflet: its columns end as evenly as they can.

WeasyPrint balances the last page's columns, but a short answer is kept whole
(``.entry.short``): with a few of them the columns can end many lines apart. While
WeasyPrint makes the last page (the one after which nothing is left), ``balanced_pages``
looks at it; when its columns end more than two lines apart and some short answers could
give way (``balance.loosened``), it lets them split and makes that page again from the
same starting point, keeping the more even page. The pages before it are laid out once.

Letting an answer split is what a ``.loose`` class would do in print.css, set here on the
answer's boxes (their styles were computed when the boxes were built): the entry may break
inside; the question keeps its answer's first block (two lines at least); the last block
keeps the one before it; a list keeps its first two items and its last two.

Only where the layout is plain: a page that leaves floats, footnotes or running elements
in WeasyPrint's layout context is kept as it is (the leaflet has none).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any

from publisher.renderers.pdf import balance

log = logging.getLogger("publisher.layout")

WRITTEN_FOR = "70.0"
"""The WeasyPrint whose ``remake_page`` and page maker this reasons about (pinned in pyproject.toml)."""

_active: list[dict[int, tuple[Any, Any]]] = []
"""One table per layout under way that balances its last page: the styles it replaced, by box."""


def install() -> None:
    """Wrap WeasyPrint's ``remake_page`` once; it balances only inside ``balanced_pages()``.

    Raises RuntimeError for another WeasyPrint: the build would otherwise change its layout
    silently (pyproject.toml pins 70).
    """
    import weasyprint
    from weasyprint.layout import page

    if weasyprint.__version__ != WRITTEN_FOR:
        raise RuntimeError(
            f"last_page.py reasons about WeasyPrint {WRITTEN_FOR}, not {weasyprint.__version__}"
        )
    if not getattr(page.remake_page, "balances_last_page", False):
        page.remake_page = balancing(page.remake_page)


@contextlib.contextmanager
def balanced_pages() -> Iterator[None]:
    """Within this block, WeasyPrint's layouts make their last page as even as they can."""
    install()
    _active.append({})
    try:
        yield
    finally:
        _active.pop()


def balancing(remake_page):
    """``remake_page`` that makes the last page again with short answers loosened, when that is more even."""

    def remake(index, context, root_box, html):
        if not _active:
            return remake_page(index, context, root_box, html)
        replaced = _active[-1]
        restore(replaced)  # a page made again (repagination) starts from the tight styles
        state = context.page_maker[index][-1]
        page, resume_at = remake_page(index, context, root_box, html)
        if resume_at is not None or not plain(context):
            return page, resume_at
        loose = balance.loosened(page)
        if not loose:
            return page, resume_at
        kept = list(context.page_maker[index + 1 :]), state["anchors"], state["content_lookups"]
        state["anchors"], state["content_lookups"] = [], []  # as make_all_pages leaves them for a page
        try:
            loosen(root_box, loose, replaced)
            second, second_resume_at = remake_page(index, context, root_box, html)
        except Exception:  # a layout nobody foresaw: the tight page WeasyPrint made is a good page
            log.debug("the last page was kept as first made: loosening failed", exc_info=True)
        else:
            if second_resume_at is None and plain(context) and balance.more_even(page, second):
                return second, second_resume_at
        restore(replaced)
        context.page_maker[index + 1 :], state["anchors"], state["content_lookups"] = kept
        return page, resume_at

    remake.balances_last_page = True  # type: ignore[attr-defined]
    remake.wrapped = remake_page  # type: ignore[attr-defined]
    return remake


def plain(context) -> bool:
    """True when a page left no float, footnote or running element behind in the layout context."""
    running = any(any(pages.values()) for pages in context.running_elements.values())
    return not (context.broken_out_of_flow or context.reported_footnotes or context.footnotes or running)


def loosen(root_box, ids: frozenset[str], replaced: dict[int, tuple[Any, Any]]) -> None:
    """Let the entries whose questions have these ids split, as ``.loose`` would (see the module's note)."""
    for entry in entry_boxes(root_box, ids):
        set_style(entry, replaced, break_inside="auto")
        element = entry.element
        answers = [child for child in element.iter() if "answer" in (child.get("class") or "").split()]
        blocks = elements(answers[0]) if answers else []
        firsts = {id(kids[0]) for parent in element.iter() if (kids := elements(parent))}
        lasts = {id(kids[-1]) for parent in element.iter() if len(kids := elements(parent)) > 1}
        for box in outermost_boxes(entry):
            if blocks and box.element is blocks[0]:
                set_style(box, replaced, break_after="avoid")
            if len(blocks) > 1 and box.element is blocks[-1]:
                set_style(box, replaced, break_before="avoid")
            if box.element_tag == "li" and id(box.element) in lasts:
                set_style(box, replaced, break_before="avoid")
            if box.element_tag == "li" and id(box.element) in firsts:
                set_style(box, replaced, break_after="avoid")


def entry_boxes(root_box, ids: frozenset[str]) -> Iterator:
    """The ``article.entry`` boxes of the box tree whose question's id is in ``ids``."""
    for box in balance.descendants(root_box):
        if (
            box.element_tag == "article"
            and "entry" in balance.classes(box)
            and balance.question_id(box) in ids
        ):
            yield box


def elements(parent) -> list:
    """The element children of an element (comments left out), as ``:first-child`` counts them."""
    return [child for child in parent if isinstance(child.tag, str)]


def outermost_boxes(entry) -> Iterator:
    """The boxes inside an entry that are the first for their element (a table's wrapper, not the table).

    Break properties belong to the outermost box: WeasyPrint moves them from a table to its wrapper.
    """
    stack = [(child, entry.element) for child in reversed(getattr(entry, "children", ()))]
    while stack:
        box, parent_element = stack.pop()
        if "::" not in box.element_tag and box.element is not parent_element:
            yield box
        stack.extend((child, box.element) for child in reversed(getattr(box, "children", ())))


def set_style(box, replaced: dict[int, tuple[Any, Any]], **values: str) -> None:
    """Give a box a copy of its style with ``values`` set, remembering the original to put back."""
    replaced.setdefault(id(box), (box, box.style))
    box.style = box.style.copy()
    for name, value in values.items():
        box.style[name] = value


def restore(replaced: dict[int, tuple[Any, Any]]) -> None:
    """Put back every style ``set_style`` replaced."""
    for box, style in replaced.values():
        box.style = style
    replaced.clear()
