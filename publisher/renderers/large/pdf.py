"""The large-print leaflet (``-f large-pdf``): the leaflet's print HTML with ``large.css``.

Wide tables are set out row by row first (``linear.py``). Everything else is the PDF
renderer's: WeasyPrint locked down to the shipped fonts and our fetcher, PDF/UA-1 tagging,
bookmarks, reproducible bytes.
"""

from __future__ import annotations

from dataclasses import fields, replace

from publisher.model import Document
from publisher.renderers import Rendered, Theme
from publisher.renderers.large.linear import linear_tables
from publisher.renderers.pdf.print_html import environment, print_view
from publisher.renderers.pdf.render import brand_folders, html_to_pdf, pdf_date, pdf_identifier
from publisher.renderers.pdf.render import prepare as prepare
from publisher.renderers.pdf.render import warm_up as warm_up
from publisher.resources import templates_dir

LARGE_CSS = "large.css"
"""Loaded after print.css (and code.css), so its rules win over theirs."""


def render_large_pdf(document: Document, theme: Theme) -> Rendered:
    """The large-print leaflet of a document: byte-identical for the same input and SOURCE_DATE_EPOCH."""
    html = large_print_html(document, theme)
    folder = document.source.resolve().parent
    roots = (templates_dir(), folder, *brand_folders(theme.brand))
    identifier = pdf_identifier(html, roots, [face.path for face in theme.brand.fonts])
    return html_to_pdf(
        html, roots, base_url=folder, created=pdf_date(theme.facts.date), identifier=identifier
    )


def large_print_html(document: Document, theme: Theme) -> str:
    """The leaflet's print HTML with the large-print stylesheet after the standard ones."""
    view = print_view(linear_tables(document), theme)
    large = (templates_dir() / "print" / LARGE_CSS).as_uri()
    view = replace(view, stylesheets=(*view.stylesheets, large))
    context = {field.name: getattr(view, field.name) for field in fields(view)}
    return environment().get_template("leaflet.html.j2").render(context)
