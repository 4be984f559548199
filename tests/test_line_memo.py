"""Lines broken once per layout (line_memo.py): the same PDF bytes as stock WeasyPrint, in less time."""

from __future__ import annotations

from publisher.renderers.pdf import line_memo
from publisher.renderers.pdf.render import html_to_pdf
from publisher.resources import templates_dir
from tests.helpers.paths import CLINIC_FAQ
from tests.helpers.speedups import assert_left_alone, kept_html, stock_pdf

# The same words, in the same style, several times in one paragraph and in two columns:
# their text boxes share one kept answer, and each is drawn from it in turn.
REPEATS = """---
title: Repeats
---

## Does the same text twice share a line?

Yes **no** Yes **no** Yes. Yes **no** Yes.

- Yes
- Yes

## Again?

Yes **no** Yes **no** Yes. Yes **no** Yes.
"""


def counting_answers(monkeypatch) -> list[int]:
    """Count the line breaks answered from what was kept, in this process from now on."""
    from publisher.renderers.pdf.speed import enable

    enable()
    import weasyprint  # noqa: F401

    assert line_memo.install()
    answered = [0]
    original = dict.get

    class Counting(dict):
        def get(self, key, default=None):
            found = original(self, key, default)
            answered[0] += found is not None
            return found

    from weasyprint.layout import LayoutContext

    init = LayoutContext.__init__

    def counted_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self._publisher_lines = Counting()

    monkeypatch.setattr(LayoutContext, "__init__", counted_init)
    return answered


def test_same_pdf_as_breaking_every_line_again(tmp_path, monkeypatch):
    for name, source in (("clinic", CLINIC_FAQ), ("repeats", tmp_path / "repeats.md")):
        if name == "repeats":
            source.write_text(REPEATS, encoding="utf-8")
        html = kept_html(source, tmp_path / name)
        answered = counting_answers(monkeypatch)
        ours = html_to_pdf(html.read_text(), (templates_dir(), html.parent), base_url=html.parent).data
        assert answered[0] > 0, name
        assert ours == stock_pdf(html, tmp_path / name), name


def test_the_clinic_leaflet_asks_most_lines_once(tmp_path, monkeypatch):
    """Balancing the columns asked Pango 488 times for 145 distinct lines."""
    html = kept_html(CLINIC_FAQ, tmp_path)
    answered = counting_answers(monkeypatch)
    html_to_pdf(html.read_text(), (templates_dir(), html.parent), base_url=html.parent)
    assert answered[0] >= 100


def test_another_weasyprint_is_left_alone(caplog, monkeypatch):
    from weasyprint.layout import inline

    assert_left_alone(
        caplog, monkeypatch, line_memo.install, inline, "split_first_line", "lines broken as installed"
    )
