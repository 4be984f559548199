"""WeasyPrint's C declarations, pre-parsed: made from the installed WeasyPrint, swapped in only for it."""

from __future__ import annotations

import logging
import sys

import publisher.renderers.pdf as pdf_package
from publisher.renderers.pdf import pango_declarations, pango_ffi

MODULE = "weasyprint.text.ffi"


def test_shipped_declarations_match_the_installed_weasyprint():
    expected = pango_ffi.declarations_hash(pango_ffi.weasyprint_declarations())
    assert expected == pango_declarations.SOURCE_SHA256, (
        "WeasyPrint's C declarations changed: run `make pango-ffi` to parse them again"
    )


def test_generated_module_is_what_is_shipped():
    assert pango_ffi.generate() == pango_ffi.GENERATED.read_text("utf-8")


def test_declarations_swap_keeps_line_numbers():
    text = pango_ffi.weasyprint_ffi_source()
    swapped = pango_ffi.with_parsed_declarations(MODULE, text)
    assert swapped is not None
    assert swapped.count("\n") == text.count("\n")
    assert "ffi.cdef(" not in swapped and pango_ffi.PARSED in swapped
    assert swapped.splitlines()[-1] == text.splitlines()[-1]


def test_other_declarations_get_the_ordinary_import():
    text = pango_ffi.weasyprint_ffi_source()
    changed = text.replace("ffi.cdef('''", "ffi.cdef('''\n    typedef int added_by_a_new_weasyprint;", 1)
    assert pango_ffi.with_parsed_declarations(MODULE, changed) is None
    assert pango_ffi.with_parsed_declarations(MODULE, "ffi = something_else()\n") is None


def test_each_fallback_says_why(caplog, monkeypatch):
    text = pango_ffi.weasyprint_ffi_source()
    caplog.set_level(logging.DEBUG, logger="publisher.speed")
    changed = text.replace("ffi.cdef('''", "ffi.cdef('''\n    typedef int added_by_a_new_weasyprint;", 1)
    assert pango_ffi.with_parsed_declarations(MODULE, changed) is None
    assert pango_ffi.with_parsed_declarations(MODULE, "ffi = something_else()\n") is None
    # A cffi that refuses the generated module fails its import, as this does.
    monkeypatch.setitem(sys.modules, "publisher.renderers.pdf.pango_declarations", None)
    monkeypatch.delattr(pdf_package, "pango_declarations", raising=False)
    assert pango_ffi.with_parsed_declarations(MODULE, text) is None
    reasons = [record.getMessage() for record in caplog.records]
    assert len(reasons) == 3
    assert "declares other C functions" in reasons[0] and "make pango-ffi" in reasons[0]
    assert "does not build its FFI as pango_ffi expects" in reasons[1]
    assert reasons[2].startswith("cffi refuses pango_declarations.py (") and MODULE in reasons[2]
