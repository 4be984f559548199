"""WeasyPrint's C declarations, parsed once when the project is made instead of on every run.

WeasyPrint declares the Pango, HarfBuzz and Fontconfig functions it calls as C source text,
which cffi parses with pycparser every time WeasyPrint is imported, and again for each C type
named first at render time: about 0.25 s of a 0.75 s cold PDF, more than any other single
step. cffi has a documented way out, "out-of-line ABI mode": it writes the parsed declarations
as a Python module, ``pango_declarations.py``, which loads in milliseconds.

When WeasyPrint's ffi module is imported (see weasyprint_import.py) and its declarations are
the very text ours were made from (by SHA-256), it runs with the parsed ``ffi`` in place of
``cffi.FFI(); ffi.cdef(...)``; the rest of it (opening the libraries, its helpers) runs as
written. Any other WeasyPrint, or a cffi that refuses the module, gets the ordinary import:
slower, same PDF, and the reason on the ``publisher.speed`` logger (debug level).

After changing WeasyPrint: ``python -m publisher.renderers.pdf.pango_ffi`` (``make pango-ffi``)
writes the module again; a test fails until it matches the installed WeasyPrint.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import re
from pathlib import Path

log = logging.getLogger("publisher.speed")

GENERATED = Path(__file__).with_name("pango_declarations.py")
# The two statements of WeasyPrint's module that build its FFI from C text.
DECLARATIONS = re.compile(r"^ffi = cffi\.FFI\(\)\nffi\.cdef\('''(.*?)'''\)$", re.S | re.M)
PARSED = "from publisher.renderers.pdf.pango_declarations import ffi"


def declarations_hash(declarations: str) -> str:
    """The SHA-256 naming one text of C declarations."""
    return hashlib.sha256(declarations.encode("utf-8")).hexdigest()


def with_parsed_declarations(module: str, source: str) -> str | None:
    """WeasyPrint's ffi module with our parsed FFI in place of its C text, or None when they differ.

    The replaced lines become blank lines, so line numbers in tracebacks stay WeasyPrint's.
    """
    match = DECLARATIONS.search(source)
    if match is None:
        log.debug("%s does not build its FFI as pango_ffi expects: its C text is parsed", module)
        return None
    try:
        from publisher.renderers.pdf import pango_declarations
    except Exception as error:  # a cffi too old or too new for the module: take the ordinary import
        log.debug(
            "cffi refuses pango_declarations.py (%s: %s): %s parses its C text",
            type(error).__name__,
            error,
            module,
        )
        return None
    if declarations_hash(match.group(1)) != pango_declarations.SOURCE_SHA256:
        log.debug("%s declares other C functions than pango_declarations.py (make pango-ffi): parsed", module)
        return None
    padding = "\n" * match.group(0).count("\n")
    return source[: match.start()] + PARSED + padding + source[match.end() :]


def weasyprint_ffi_source() -> str:
    """The source of the installed WeasyPrint's ffi module (read without importing WeasyPrint)."""
    package = importlib.util.find_spec("weasyprint")
    if package is None or not package.submodule_search_locations:
        raise SystemExit("WeasyPrint is not installed")
    return (Path(package.submodule_search_locations[0]) / "text" / "ffi.py").read_text("utf-8")


def weasyprint_declarations() -> str:
    """The C declarations in the installed WeasyPrint's ffi module."""
    match = DECLARATIONS.search(weasyprint_ffi_source())
    if match is None:
        raise SystemExit("WeasyPrint's ffi module no longer declares its FFI as this module expects")
    return match.group(1)


def generate() -> str:
    """The text of ``pango_declarations.py`` for the installed WeasyPrint."""
    import tempfile

    import cffi

    declarations = weasyprint_declarations()
    builder = cffi.FFI()
    builder.cdef(declarations)
    builder.set_source("pango_declarations", None)
    with tempfile.TemporaryDirectory() as folder:
        emitted = Path(folder) / "pango_declarations.py"
        builder.emit_python_code(str(emitted))
        code = emitted.read_text("utf-8")
    header = (
        '"""WeasyPrint\'s C declarations as parsed by cffi (out-of-line ABI mode).\n\n'
        "Written by `python -m publisher.renderers.pdf.pango_ffi`; do not edit. See pango_ffi.py.\n"
        '"""\n\n'
        f'SOURCE_SHA256 = "{declarations_hash(declarations)}"\n'
        '"""SHA-256 of the declarations in weasyprint/text/ffi.py this module was made from."""\n\n'
    )
    return header + code.replace("# auto-generated file\n", "", 1)


if __name__ == "__main__":
    GENERATED.write_text(generate(), "utf-8")
    print(f"wrote {GENERATED}")
