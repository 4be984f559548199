"""Link targets for the Word handout: encoded external URLs and valid bookmark names.

Pure string functions (no python-docx), so they are cheap to test on their own.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from urllib.parse import quote, urlsplit, urlunsplit

from publisher.errors import RenderError

# Word refuses bookmark names longer than 40 characters; they must start with a letter
# and hold only ASCII letters, digits and underscores to survive every reader.
MAX_BOOKMARK = 40
NOT_NAME_CHAR = re.compile(r"[^A-Za-z0-9]+")
BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")

# Characters a URI may hold as they are (RFC 3986 reserved and unreserved, plus "%"
# for escapes already written); everything else is percent-encoded as UTF-8.
PATH_SAFE = "/:@!$&'()*+,;=%~-._"
QUERY_SAFE = PATH_SAFE + "?"
OPAQUE_SAFE = QUERY_SAFE


def encode_url(href: str) -> str:
    """``href`` as a valid URI for a hyperlink relationship (http(s), mailto: or tel:)."""
    href = BARE_PERCENT.sub("%25", href)
    scheme, _, rest = href.partition(":")
    scheme = scheme.lower()
    if scheme in ("http", "https"):
        return _encode_web(href)
    if scheme == "mailto":
        return "mailto:" + quote(rest, safe=OPAQUE_SAFE)
    if scheme == "tel":
        # Spaces in phone numbers are only visual separators (RFC 3966 does not allow them).
        number = re.sub(r"\s+", "", rest)
        return "tel:" + quote(number, safe=OPAQUE_SAFE)
    raise RenderError(f"cannot link to {href!r}: only http(s), mailto: and tel: links are allowed")


def _encode_web(href: str) -> str:
    parts = urlsplit(href)
    return urlunsplit(
        (
            parts.scheme.lower(),
            _encode_netloc(parts.netloc),
            quote(parts.path, safe=PATH_SAFE),
            quote(parts.query, safe=QUERY_SAFE),
            quote(parts.fragment, safe=QUERY_SAFE),
        )
    )


def _encode_netloc(netloc: str) -> str:
    if netloc.isascii():
        return netloc
    userinfo, at, hostport = netloc.rpartition("@")
    host, colon, port = hostport.partition(":")
    try:
        # An internationalised domain name travels as punycode ("xn--...").
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise RenderError(f"cannot link to host {host!r}: not a valid domain name") from None
    return quote(userinfo, safe=PATH_SAFE) + at + ascii_host + colon + port


def bookmark_names(anchors: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each id to a unique, valid Word bookmark name.

    ``anchors`` are ``(prefix, id)`` pairs in document order; the prefix (``q_`` for
    questions, ``s_`` for sections) makes every name start with a letter. The same
    document always gives the same names, and links use this map to find them.
    """
    taken: set[str] = set()
    names: dict[str, str] = {}
    for prefix, anchor_id in anchors:
        base = (prefix + ascii_name(anchor_id))[:MAX_BOOKMARK]
        name, number = base, 2
        # Word compares bookmark names without regard to case.
        while name.lower() in taken:
            suffix = f"_{number}"
            name, number = base[: MAX_BOOKMARK - len(suffix)] + suffix, number + 1
        taken.add(name.lower())
        names[anchor_id] = name
    return names


def ascii_name(anchor_id: str) -> str:
    """The id folded to ASCII letters, digits and underscores (``qué-es`` -> ``que_es``)."""
    decomposed = unicodedata.normalize("NFKD", anchor_id)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    name = NOT_NAME_CHAR.sub("_", letters).strip("_")
    # Ids in scripts with no ASCII folding (Greek, CJK ...) still need a stable name.
    return name or f"{zlib.crc32(anchor_id.encode('utf-8')):08x}"
