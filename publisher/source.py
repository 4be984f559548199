"""Reading a source file: bytes to text, with size, encoding, line-length and XML-character checks."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from publisher.errors import Problem, SourceError, display_path
from publisher.limits import MAX_LINE_CHARS, MAX_SOURCE_BYTES

# Characters XML 1.0 cannot hold (so neither can DOCX, PDF tags or XHTML):
# C0 controls other than tab/newline/carriage return, surrogates, U+FFFE/U+FFFF.
NON_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A numeric character reference (&#12; or &#x0C;), which markdown-it turns into its character.
NUMERIC_ENTITY = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")


class UnreadableFile(Exception):
    """A file that cannot be read safely; the message says why, in the user's words."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or UnreadableFile.

    A FIFO, device or folder is refused before anything is read (opening a FIFO
    without O_NONBLOCK waits for a writer forever; /dev/zero never ends), and no
    more than ``limit + 1`` bytes are ever read, whatever the file claims.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except ValueError:
        raise UnreadableFile("the file name holds a NUL character") from None
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise UnreadableFile("not a regular file (a folder, device or pipe)")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror}") from None
    finally:
        os.close(handle)
    if size > limit:
        raise UnreadableFile(f"the file is larger than the limit of {limit:,} bytes")
    return b"".join(chunks)


def read_source(path: Path) -> str:
    """Read a UTF-8 source (BOM and CRLF allowed) and return text with LF line endings.

    Raises SourceError naming line and column when the file cannot be read, is
    larger than MAX_SOURCE_BYTES or is not UTF-8.
    """
    try:
        data = read_regular_file(path, MAX_SOURCE_BYTES)
    except UnreadableFile as error:  # deleted while watching, a folder, a FIFO, too large ...
        raise SourceError([Problem(display_path(path), 1, 1, str(error))]) from None
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


def size_problems(text: str, path: str) -> list[Problem]:
    """Text past the size limits (a parser must not see it: it could take minutes).

    ``text`` may come from elsewhere than ``read_source`` (watch, tests), so its
    length is checked again here.
    """
    if len(text) > MAX_SOURCE_BYTES:
        return [Problem(path, 1, 1, f"the source is longer than the limit of {MAX_SOURCE_BYTES:,} bytes")]
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            message = (
                f"line is {len(line):,} characters long, past the limit of {MAX_LINE_CHARS:,}; "
                "break it into several lines or paragraphs"
            )
            problems.append(Problem(path, number, MAX_LINE_CHARS + 1, message))
    return problems


def find_non_xml_chars(text: str, path: str) -> list[Problem]:
    """A problem for every character that cannot appear in XML, written or as a character reference."""
    problems = []
    for match in NON_XML_CHARS.finditer(text):
        line, col = text_position(text, match.start())
        code = f"U+{ord(match.group()):04X}"
        problems.append(Problem(path, line, col, f"character {code} cannot appear in XML; remove it"))
    # Imported here: stamps and brand files read files through this module, and a no-op
    # build must not pay for importing markdown-it.
    from markdown_it.common.utils import isValidEntityCode

    for match in NUMERIC_ENTITY.finditer(text):
        hex_digits, digits = match.groups()
        value = int(hex_digits, 16) if hex_digits else int(digits)
        # markdown-it turns most controls into U+FFFD; those it keeps (a form feed) reach the XML.
        if isValidEntityCode(value) and NON_XML_CHARS.match(chr(value)):
            line, col = text_position(text, match.start())
            message = f"'{match.group()}' is character U+{value:04X}, which cannot appear in XML; remove it"
            problems.append(Problem(path, line, col, message))
    return problems
