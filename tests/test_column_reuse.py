"""Columns laid out once (column_reuse.py): the same PDF bytes as stock WeasyPrint, in less time."""

from __future__ import annotations

import pytest

from publisher.renderers.pdf import column_fit, column_reuse
from publisher.renderers.pdf.render import html_to_pdf
from publisher.resources import templates_dir
from tests.helpers.paths import CLINIC_FAQ, ROOT, TESTS
from tests.helpers.speedups import assert_left_alone, kept_html, stock_pdf

CORPUS = TESTS / "corpus"
SOURCES = (
    CLINIC_FAQ,  # lists: their markers are positioned boxes the reused layout must hand on
    CORPUS / "fertility-he-8-rtl" / "faq.md",  # right to left: columns placed from the right
    CORPUS / "travel-vaccination-en-15-wide-table" / "faq.md",  # column sets around a wide table
    CORPUS / "smp-en-8-png" / "faq.md",  # pictures
    CORPUS / "ivf-en-40" / "faq.md",  # a closing block taller than half a page: heights where nothing fits
)


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.parent.name)
def test_same_pdf_as_columns_laid_out_twice(source, tmp_path, monkeypatch):
    html = kept_html(source, tmp_path)
    hits = counting_hits(monkeypatch)
    ours = html_to_pdf(html.read_text(), (templates_dir(), html.parent), base_url=html.parent).data
    assert hits[0] > 0  # the first pass's columns were handed back at least once
    assert ours == stock_pdf(html, tmp_path)


def counting_hits(monkeypatch) -> list[int]:
    """Count the column layouts handed back in this process from now on (a list of one number)."""
    from publisher.renderers.pdf.speed import enable

    enable()
    import weasyprint  # noqa: F401  (column_reuse wraps WeasyPrint's layout once it is imported)

    assert column_reuse.install()
    hits = [0]

    class Counting(dict):
        def pop(self, key, default=None):
            found = super().pop(key, default)
            hits[0] += found is not None
            return found

    class Tables(list):
        """The stack of kept-layout tables, each one counting what it hands back."""

        def append(self, table):
            super().append(Counting(table))

    monkeypatch.setattr(column_reuse, "_kept", Tables())
    return hits


def test_another_weasyprint_is_left_alone(caplog, monkeypatch):
    from weasyprint.layout import block

    assert_left_alone(
        caplog, monkeypatch, column_reuse.install, block, "block_box_layout", "columns laid out as installed"
    )


def test_the_least_failing_height_is_found_by_halving():
    """Nothing fits below 300 px of column (bottom_space above 700): found in few layouts, within a pixel."""
    tried = []

    def fits(bottom_space: float) -> bool:
        tried.append(bottom_space)
        return bottom_space <= 700.0

    failing = column_fit.least_failing(1000.0, fits)
    assert 700.0 < failing <= 701.0
    assert len(tried) <= 20  # one pixel at a time would be 300 layouts
    assert all(not fits(b) for b in (failing, failing + 0.5, 999.0))


def test_a_probe_that_leaves_a_trace_stops_the_search():
    assert column_fit.least_failing(1000.0, lambda bottom_space: None) == 1000.0
    heights = column_fit.FailingHeights()
    heights.learn(("call",), 1000.0, ("failure",), lambda bottom_space: None)
    assert heights.answer(("call",), 1000.0) == ("failure",)
    assert heights.answer(("call",), 999.0) is None  # not proven: laid out as installed
    assert heights.answer(("other",), 1000.0) is None


def test_nothing_fitting_is_answered_without_layout_on_the_ivf_leaflet(monkeypatch):
    """The IVF FAQ's closing block made WeasyPrint try 440 heights one pixel apart; most are answered."""
    from publisher.brandfile import find_brand
    from publisher.facts import with_facts
    from publisher.parse import parse_source
    from publisher.renderers import Theme
    from publisher.renderers.pdf.render import render_pdf

    source = CORPUS / "ivf-en-40" / "faq.md"
    document = parse_source(source)
    counting_hits(monkeypatch)
    answered = [0]
    original = column_fit.FailingHeights.answer

    def answer(self, call, bottom_space):
        found = original(self, call, bottom_space)
        answered[0] += found is not None
        return found

    monkeypatch.setattr(column_fit.FailingHeights, "answer", answer)
    render_pdf(document, with_facts(document, Theme(brand=find_brand(None, source))))
    assert answered[0] > 300  # of the closing block's try in the last column (render.py)


def test_columns_holding_lists_are_handed_back_too(tmp_path, monkeypatch):
    """A list's markers are positioned boxes: a column holding one is kept with them, not laid out again.

    A change that stopped keeping such columns left the speed-up 2 hits on an 8-page FAQ
    and made the 1,000-entry benchmark 25 % slower, with every test still passing.
    """
    import importlib.util

    from publisher.facts import with_facts
    from publisher.parse import parse_source
    from publisher.renderers import Theme
    from publisher.renderers.pdf.render import render_pdf

    spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    source = tmp_path / "faq.md"
    source.write_text(generate.generate(100), encoding="utf-8")
    document = parse_source(source)
    hits = counting_hits(monkeypatch)
    pages = render_pdf(document, with_facts(document, Theme())).pages or 0
    assert hits[0] >= 2 * (pages - 1)  # both columns of every full page
