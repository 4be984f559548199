"""A faster import of WeasyPrint: the same modules, with their slowest start-up steps taken out.

Importing WeasyPrint takes about 0.45 s, longer than parsing the source and rendering the
Word, HTML and JSON outputs together. Two steps of it do work a build never needs:
- ``weasyprint.text.ffi`` parses C declarations with pycparser (0.2 s): they come
  pre-parsed instead (pango_ffi.py);
- ``weasyprint.pdf.fonts`` and ``weasyprint.text.fonts`` import fontTools (0.09 s), which
  runs only for WOFF, variable or emoji fonts: it is imported on first use instead
  (fonttools_on_demand.py).

``install()`` (called by ``speed.enable()``, never on import) puts a finder in front of
Python's import of those modules. It reads WeasyPrint's own source and runs it with the
step swapped, when the source is the one the swap was written for; any other WeasyPrint
gets the ordinary import: slower, same PDF. Each swap not made says why on the
``publisher.speed`` logger (debug level).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import logging
import sys
from collections.abc import Callable, Sequence
from types import CodeType, ModuleType

from publisher.renderers.pdf.fonttools_on_demand import with_fonttools_on_demand
from publisher.renderers.pdf.pango_ffi import with_parsed_declarations

Rewrite = Callable[[str, str], "str | None"]
"""``rewrite(module, source)``: the module's source with a step swapped, or None to leave it."""

log = logging.getLogger("publisher.speed")

REWRITES: dict[str, Rewrite] = {
    "weasyprint.text.ffi": with_parsed_declarations,
    "weasyprint.text.fonts": with_fonttools_on_demand,
    "weasyprint.pdf.fonts": with_fonttools_on_demand,
}


class _RewritingLoader(importlib.machinery.SourceFileLoader):
    def get_code(self, fullname: str) -> CodeType | None:
        source = self.get_data(self.path).decode("utf-8")
        rewritten = REWRITES[fullname](fullname, source)
        if rewritten is None:  # the rewrite logged why
            return super().get_code(fullname)
        # Compiled here and never cached: WeasyPrint's own __pycache__ stays as it was,
        # so a plain `import weasyprint` elsewhere is untouched.
        return compile(rewritten, self.path, "exec", dont_inherit=True)


class _RewritingFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in REWRITES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.origin is None:
            return spec
        if isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            spec.loader = _RewritingLoader(fullname, spec.origin)
        else:  # installed without its .py files, say: nothing to rewrite
            log.debug("%s is not loaded from source: ordinary import", fullname)
        return spec


def install() -> None:
    """Make the next import of WeasyPrint the faster one (a no-op once it is imported)."""
    if any(isinstance(finder, _RewritingFinder) for finder in sys.meta_path):
        return
    if "weasyprint" in sys.modules:
        log.debug("WeasyPrint was imported before the speed-ups were enabled: ordinary import")
        return
    sys.meta_path.insert(0, _RewritingFinder())


def is_active() -> bool:
    """True when the imported WeasyPrint runs with every step swapped."""
    from weasyprint.pdf import fonts as pdf_fonts
    from weasyprint.text import ffi, fonts

    from publisher.renderers.pdf import fonttools_on_demand, pango_declarations

    return ffi.ffi is pango_declarations.ffi and all(
        getattr(module, "on_demand", None) is fonttools_on_demand.on_demand for module in (fonts, pdf_fonts)
    )
