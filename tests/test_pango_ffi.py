"""WeasyPrint's C declarations come pre-parsed, and the PDF is the same as without them."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import CLINIC_FAQ, EPOCH, FEATURES_FAQ, ROOT

from publisher.renderers import pango_declarations, pango_ffi

RENDER = (
    "import sys\n"
    "{first}\n"
    "from pathlib import Path\n"
    "from publisher.parse import parse_source\n"
    "from publisher.renderers import Theme\n"
    "from publisher.renderers.pdf import render_pdf\n"
    "import weasyprint.text.ffi as ffi_module\n"
    "from publisher.renderers import pango_declarations\n"
    "sys.stderr.write('parsed' if ffi_module.ffi is pango_declarations.ffi else 'cdef')\n"
    "sys.stdout.buffer.write(render_pdf(parse_source(Path(sys.argv[1])), Theme()))\n"
)


def render_in_subprocess(source, stock: bool) -> tuple[bytes, str]:
    """A PDF rendered in a fresh process, and which FFI WeasyPrint used there."""
    # Importing WeasyPrint before our renderer leaves its ordinary import in place.
    code = RENDER.format(first="import weasyprint" if stock else "")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code, str(source)], cwd=ROOT, capture_output=True, env=env, check=True
    )
    return result.stdout, result.stderr.decode()[-6:]


def test_shipped_declarations_match_the_installed_weasyprint():
    expected = pango_ffi.declarations_hash(pango_ffi.weasyprint_declarations())
    assert expected == pango_declarations.SOURCE_SHA256, (
        "WeasyPrint's C declarations changed: run `make pango-ffi` to parse them again"
    )


def test_generated_module_is_what_is_shipped():
    assert pango_ffi.generate() == pango_ffi.GENERATED.read_text("utf-8")


def test_pdf_is_byte_identical_with_and_without_parsed_declarations():
    for source in (CLINIC_FAQ, FEATURES_FAQ):
        fast, fast_ffi = render_in_subprocess(source, stock=False)
        stock, stock_ffi = render_in_subprocess(source, stock=True)
        assert (fast_ffi, stock_ffi) == ("parsed", "cdef")
        assert fast.startswith(b"%PDF") and fast == stock


def test_declarations_swap_keeps_line_numbers():
    text = weasyprint_ffi_source()
    swapped = pango_ffi.with_parsed_declarations(text)
    assert swapped is not None
    assert swapped.count("\n") == text.count("\n")
    assert "ffi.cdef(" not in swapped and pango_ffi.PARSED in swapped
    assert swapped.splitlines()[-1] == text.splitlines()[-1]


def test_other_declarations_get_the_ordinary_import():
    text = weasyprint_ffi_source()
    changed = text.replace("ffi.cdef('''", "ffi.cdef('''\n    typedef int added_by_a_new_weasyprint;", 1)
    assert pango_ffi.with_parsed_declarations(changed) is None
    assert pango_ffi.with_parsed_declarations("ffi = something_else()\n") is None


def weasyprint_ffi_source() -> str:
    import importlib.util
    from pathlib import Path

    package = importlib.util.find_spec("weasyprint")
    return (Path(package.submodule_search_locations[0]) / "text" / "ffi.py").read_text("utf-8")
