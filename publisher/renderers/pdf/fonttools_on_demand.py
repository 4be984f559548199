"""fontTools imported by WeasyPrint when it is first used, not when WeasyPrint is imported.

WeasyPrint imports fontTools' subsetter, variable-font instancer and TrueType reader at
start-up: about 0.09 s of every cold build. With the HarfBuzz subsetter it uses here, none
of them runs for the shipped fonts; fontTools is needed only for a WOFF brand font, a
variable font or an emoji font. ``with_fonttools_on_demand`` rewrites WeasyPrint's import
lines into a call of ``on_demand``, which binds stand-ins under the same names; the first
use of any of them runs the original import lines in the module, so every name is the real
fontTools object from then on. A WeasyPrint whose import lines differ keeps them, and the
``publisher.speed`` logger says so (debug level).
"""

from __future__ import annotations

import ast
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger("publisher.speed")

# WeasyPrint's fontTools imports, module by module, exactly as WeasyPrint 70 writes them.
FONTTOOLS_IMPORTS = {
    "weasyprint.pdf.fonts": (
        "from fontTools import subset\n"
        "from fontTools.ttLib import TTFont, TTLibError, ttFont\n"
        "from fontTools.varLib.instancer import instantiateVariableFont\n"
    ),
    "weasyprint.text.fonts": "from fontTools.ttLib import TTFont, woff2\n",
}


def with_fonttools_on_demand(module: str, source: str) -> str | None:
    """A WeasyPrint module with its fontTools imports made on demand, or None when they differ."""
    imports = FONTTOOLS_IMPORTS[module]
    if source.count(imports) != 1:
        log.debug("%s imports fontTools otherwise than WeasyPrint 70: imported at start-up", module)
        return None
    # One line in place of the imports, then blank lines: line numbers stay WeasyPrint's.
    call = f"from {__name__} import on_demand; on_demand(globals(), {imports!r})"
    return source.replace(imports, call + "\n" * imports.count("\n"))


def on_demand(namespace: dict[str, Any], imports: str) -> None:
    """Bind a stand-in for every name ``imports`` would bind; the first use runs ``imports``."""

    def load() -> dict[str, Any]:
        exec(imports, namespace)  # the module's own import lines, in the module
        return namespace

    for name in imported_names(imports):
        namespace[name] = stand_in(name, load)


def imported_names(imports: str) -> list[str]:
    """The names a block of ``from X import a, b`` lines binds."""
    return [
        alias.asname or alias.name
        for node in ast.parse(imports).body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]


Loader = Callable[[], dict[str, Any]]
"""Runs the module's fontTools imports (once) and returns the module's namespace."""


def stand_in(name: str, load: Loader) -> object:
    """An object used as ``name`` is used (called, or its attributes read), loading it first.

    An exception class gets a class of its own that nothing raises: ``except`` clauses need a
    class, and until fontTools runs no fontTools error can occur.
    """
    if name.endswith("Error"):
        return type(name, (Exception,), {"__doc__": f"Stands in for fontTools' {name} until it loads."})
    return OnDemand(name, load)


class OnDemand:
    """Stands in for a fontTools module, class or function until first used."""

    def __init__(self, name: str, load: Loader) -> None:
        self._name = name
        self._load = load

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._load()[self._name], attribute)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._load()[self._name](*args, **kwargs)
