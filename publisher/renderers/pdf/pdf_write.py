"""Speed-up: pydyf serialises and compresses each PDF object once per write, not twice; same bytes.

With a file identifier (ours is derived from the content, for reproducible files), pydyf
0.13's ``PDF.write`` writes every object, then builds every object's bytes again, page
contents compressed again at level 9, only to hash them for the identifier's second half.
Here an object's bytes are kept while ``write`` runs and read back the second time: 0.4 s of
compression and more of serialisation saved on a 76-page leaflet. Nothing changes an object
between the two reads; the cache is dropped when ``write`` returns.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

log = logging.getLogger("publisher.speed")

_written: dict[int, tuple[Any, bytes]] | None = None
"""The objects serialised so far by the ``PDF.write`` under way, with their bytes (None outside one).

Each object is held with its bytes: a temporary one freed meanwhile could hand its id to another."""


def install() -> bool:
    """Keep object bytes during ``PDF.write``; False (nothing changed) for a pydyf it was not written for."""
    import pydyf

    if not pydyf.__version__.startswith("0.13."):
        log.debug("pydyf %s is not 0.13: objects serialised as installed", pydyf.__version__)
        return False
    if getattr(pydyf.PDF.write, "keeps_bytes", False):
        return True
    for kind in (pydyf.Dictionary, pydyf.Stream, pydyf.Array, pydyf.String):
        original = kind.__dict__.get("data")
        if isinstance(original, property):
            kind.data = property(kept(original.fget))
    pydyf.PDF.write = keeping(pydyf.PDF.write)
    return True


def kept(data):
    """An object's ``data`` getter that reads its bytes back when this write already built them."""

    @functools.wraps(data)
    def getter(self: Any) -> bytes:
        if _written is None:
            return data(self)
        found = _written.get(id(self))
        if found is None:
            found = _written[id(self)] = (self, data(self))
        return found[1]

    return getter


def keeping(write):
    """``PDF.write`` with object bytes kept for its duration."""

    @functools.wraps(write)
    def keeping_write(self, *args, **kwargs):
        global _written
        _written = {}
        try:
            return write(self, *args, **kwargs)
        finally:
            _written = None

    keeping_write.keeps_bytes = True  # type: ignore[attr-defined]
    return keeping_write
