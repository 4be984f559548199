"""The print HTML of the folded leaflets, from the leaflet's view and templates.

Templates in ``templates/print/fold/`` come first; ``_section``, ``_contact`` and
``page.css`` are the leaflet's own (``templates/print/``), with the same filters.
"""

from __future__ import annotations

from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from publisher.renderers.pdf.print_html import environment as print_environment
from publisher.renderers.pdf.views import PrintView
from publisher.resources import templates_dir

FOLD_CSS = "fold.css"
"""Loaded after print.css (and code.css): the folded leaflets' sizes and panels."""
CMYK_PROFILE = "fogra39-faq-publisher.icc"


def cmyk_profile() -> Path:
    """The shipped CMYK profile (FOGRA39, Zlib licence: templates/print/fold/cmyk/LICENSE.txt)."""
    return templates_dir() / "print" / "fold" / "cmyk" / CMYK_PROFILE


@lru_cache(maxsize=1)
def fold_environment() -> jinja2.Environment:
    """The Jinja2 environment for the folded leaflets (built once per process)."""
    leaflet = print_environment()
    folder = templates_dir() / "print"
    env = leaflet.overlay(loader=jinja2.FileSystemLoader([folder / "fold", folder]))
    return env


def fold_html(template: str, view: PrintView, print_shop: bool = False, **extra: Any) -> str:
    """The HTML of ``template`` for a view; ``extra`` adds the layout's own variables.

    ``print_shop`` adds bleed, crop marks and the CMYK profile (print-shop.css.j2).
    """
    context = {field.name: getattr(view, field.name) for field in fields(view)}
    context["cmyk_profile"] = cmyk_profile() if print_shop else None
    fold_css = (templates_dir() / "print" / "fold" / FOLD_CSS).as_uri()
    context["stylesheets"] = (*view.stylesheets, fold_css)
    context.update(extra)
    return fold_environment().get_template(template).render(context)
