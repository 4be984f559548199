"""Reading a source file: bytes to text, with encoding and XML-character checks."""

from __future__ import annotations

import re
from pathlib import Path

from publisher.errors import Problem, SourceError, display_path

# Characters XML 1.0 cannot hold (so neither can DOCX, PDF tags or XHTML):
# C0 controls other than tab/newline/carriage return, surrogates, U+FFFE/U+FFFF.
NON_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def read_source(path: Path) -> str:
    """Read a UTF-8 source (BOM and CRLF allowed) and return text with LF line endings.

    Raises SourceError naming line and column when the file is not UTF-8.
    """
    try:
        data = path.read_bytes()
    except OSError as error:  # deleted while watching, unreadable, a folder ...
        raise SourceError(
            [Problem(display_path(path), 1, 1, f"cannot read the file: {error.strerror}")]
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        line, col = byte_position(data, error.start, start)
        message = f"the file is not UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8"
        raise SourceError([Problem(display_path(path), line, col, message)]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def byte_position(data: bytes, offset: int, start: int = 0) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    before = data[start:offset]
    line = before.count(b"\n") + 1
    last_line = before.rsplit(b"\n", 1)[-1]
    return line, len(last_line.decode("utf-8", errors="replace")) + 1


def text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def find_non_xml_chars(text: str, path: str) -> list[Problem]:
    """A problem for every character that cannot appear in XML."""
    problems = []
    for match in NON_XML_CHARS.finditer(text):
        line, col = text_position(text, match.start())
        code = f"U+{ord(match.group()):04X}"
        problems.append(Problem(path, line, col, f"character {code} cannot appear in XML; remove it"))
    return problems
