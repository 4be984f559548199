"""The address a reader needs after a link's text, on paper or in braille, where links cannot be clicked.

Shared by every format that prints link addresses (the leaflets, braille): a web address
as readers type it (no scheme), decoded to its IRI form, and nothing when the link's own
text already says it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from publisher.model import Link
from publisher.text import inline_text

ESCAPED_NON_ASCII = re.compile(r"(?:%[89a-fA-F][0-9a-fA-F])+")
# Characters a browser also keeps escaped when it shows an address: they could hide or
# disguise part of it (spaces, controls, bidirectional and other format characters).
KEEP_ESCAPED = {"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"}


def iri(address: str) -> str:
    """The address with its percent-encoded UTF-8 decoded, as a browser's address bar shows it.

    Only non-ASCII characters are decoded: ``%20``, ``%2F`` or ``%3F`` stay escaped, since
    decoded they would change the address (or end it, for a space).
    """

    def decoded(match: re.Match[str]) -> str:
        escaped = match.group()
        try:
            text = bytes.fromhex(escaped.replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return escaped
        if any(unicodedata.category(char) in KEEP_ESCAPED for char in text):
            return escaped
        return text

    return ESCAPED_NON_ASCII.sub(decoded, address)


def bare_url(url: str) -> str:
    """A web address as readers type it: no scheme, no lone trailing slash (the link keeps both)."""
    address = re.sub(r"^https?://", "", url)
    return address[:-1] if address.endswith("/") and address.count("/") == 1 else address


def printed_address(link: Link) -> str:
    """The address to print after a link's text, or "" when the text already says it."""
    text = inline_text(link.children).strip()
    href = link.href
    if link.internal:
        return ""
    if href.startswith("tel:"):
        return "" if any(ch.isdigit() for ch in text) else unquote(href[4:])
    if href.startswith("mailto:"):
        address = unquote(href[7:].split("?")[0])
        return "" if text == address else address
    address = bare_url(href)
    # markdown-it shows a bare address decoded: its text is then the IRI form of the href.
    return "" if text in (href, iri(href), address, iri(address)) else iri(address)
