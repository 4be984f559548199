"""liblouis through ctypes: forward and back translation, and nothing more.

The project's Python cannot see Debian's ``python3-louis``, and liblouis's C API is
small, so it is bound here directly. The library is loaded on first use only: ``check``
and builds without braille never load it. A missing library raises ``LouisMissing``
with a message saying how to install it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Sequence

from publisher.errors import PublisherError

INSTALL_HINT = "braille needs liblouis: apt-get install liblouis20 (Debian/Ubuntu) or brew install liblouis"

# formtype values from liblouis.h: emphasis and translation hints, one per input character.
PLAIN = 0x0000
ITALIC = 0x0001
BOLD = 0x0004
NO_CONTRACT = 0x1000
# translation mode from liblouis.h: leave out what the table has no braille for.
NO_UNDEFINED = 128

_LOG_OFF = 60000


class LouisMissing(PublisherError):
    """liblouis (the library or its tables) is not installed."""


class LouisError(PublisherError):
    """liblouis refused a table or a translation."""


@functools.cache
def library() -> ctypes.CDLL:
    """The loaded liblouis, its functions typed; raises LouisMissing when it is absent."""
    name = ctypes.util.find_library("louis")
    if name is None:
        raise LouisMissing(INSTALL_HINT)
    try:
        lib = ctypes.CDLL(name)
    except OSError as error:
        raise LouisMissing(f"{INSTALL_HINT} ({error})") from None
    lib.lou_version.restype = ctypes.c_char_p
    lib.lou_charSize.restype = ctypes.c_int
    lib.lou_getTable.restype = ctypes.c_void_p
    lib.lou_getTable.argtypes = [ctypes.c_char_p]
    lib.lou_setLogLevel.argtypes = [ctypes.c_int]
    # Table errors come back as our own messages; liblouis's log would repeat them on stderr.
    lib.lou_setLogLevel(_LOG_OFF)
    for function in (lib.lou_translateString, lib.lou_backTranslateString):
        function.restype = ctypes.c_int
        function.argtypes = [
            ctypes.c_char_p,  # table list
            ctypes.c_void_p,  # input widechars
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_void_p,  # output widechars
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_void_p,  # typeform (formtype per character) or NULL
            ctypes.c_char_p,  # spacing (unused)
            ctypes.c_int,  # mode
        ]
    return lib


def version() -> str:
    """liblouis's version, as "3.24.0"."""
    return library().lou_version().decode("ascii")


@functools.cache
def _encoding() -> str:
    # liblouis is built with 2- or 4-byte widechars; Debian uses 4.
    return "utf-32-le" if library().lou_charSize() == 4 else "utf-16-le"


def has_table(tables: str) -> bool:
    """True when liblouis can compile the table list (the files exist and are valid)."""
    return bool(library().lou_getTable(tables.encode("utf-8")))


def translate(tables: str, text: str, typeform: Sequence[int] | None = None, mode: int = 0) -> str:
    """Text translated to braille with a table list (its display table picks the characters).

    ``typeform`` gives one formtype per character of ``text`` (emphasis, no contractions).
    """
    return _run(library().lou_translateString, tables, text, typeform, mode)


def back_translate(tables: str, braille: str) -> str:
    """Braille (in the display table's characters) translated back to print."""
    return _run(library().lou_backTranslateString, tables, braille, None, 0)


def _run(function, tables: str, text: str, typeform: Sequence[int] | None, mode: int) -> str:
    encoding = _encoding()
    width = 4 if encoding == "utf-32-le" else 2
    data = text.encode(encoding)
    length = len(data) // width
    if length == 0:
        return ""
    if typeform is not None:
        if len(typeform) != len(text):
            raise ValueError("typeform needs one value per character")
        if width == 2:  # a character past U+FFFF takes two UTF-16 units, and each needs its formtype
            typeform = [
                f for ch, f in zip(text, typeform, strict=True) for _ in range(1 + (ord(ch) > 0xFFFF))
            ]
    size = 4 * length + 64
    while True:
        out = ctypes.create_string_buffer(size * width)
        forms = None
        if typeform is not None:  # liblouis writes the output's formtypes back into it: room for size
            forms = (ctypes.c_ushort * size)(*typeform)
        in_len, out_len = ctypes.c_int(length), ctypes.c_int(size)
        ok = function(
            tables.encode("utf-8"), data, ctypes.byref(in_len), out, ctypes.byref(out_len), forms, None, mode
        )
        if not ok:
            raise LouisError(f"liblouis could not translate with {tables}")
        if in_len.value >= length or out_len.value < size:
            return out.raw[: out_len.value * width].decode(encoding)
        size *= 2  # the output filled the buffer before the input ran out
