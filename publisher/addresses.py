"""Checking web addresses: the front matter's ``url``, the brand's home page, links in answers.

An address is printed in the PDF, put in a QR code and linked from every format, so
one that no browser could open (``https://exa mple.com``, ``javascript:...``) is a
mistake to report, not a link to publish.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from publisher.limits import MAX_URL_CHARS

WEB_SCHEMES = ("http", "https")
# A host name label once IDNA-encoded: letters, digits and inner hyphens, 63 at most.
LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
# Spaces and controls, which end an address wherever it is printed or pasted. Characters
# RFC 3986 wants escaped (< > " { } |) are left to browsers, which escape them; the host
# is checked on its own, strictly.
FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f]")


def shorten(value: str, keep: int = 60) -> str:
    """A value cut for a message (a hostile input can be megabytes long), controls escaped."""
    shown = "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in value[:keep])
    return shown if len(value) <= keep else f"{shown}... ({len(value):,} characters)"


def web_address_problem(url: str) -> str | None:
    """Why ``url`` is not an http(s) address a browser could open, or None."""
    if len(url) > MAX_URL_CHARS:
        return f"the address is {len(url):,} characters long, past the limit of {MAX_URL_CHARS:,}"
    bad = FORBIDDEN.search(url)
    if bad:
        return f"'{shorten(url)}' holds {describe(bad.group())}, which no address may hold"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as error:
        return f"'{shorten(url)}' is not a valid address ({error})"
    if parts.scheme.lower() not in WEB_SCHEMES or not url.lower().startswith(parts.scheme.lower() + "://"):
        return f"'{shorten(url)}' must start with http:// or https://"
    host = parts.hostname or ""
    if not host:
        return f"'{shorten(url)}' names no host"
    reason = host_problem(host)
    return f"'{shorten(url)}' names host '{shorten(host)}', which cannot exist: {reason}" if reason else None


def host_problem(host: str) -> str | None:
    """Why a host name or IP address cannot exist on the internet, or None."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return None
    except ValueError:
        pass
    try:
        encoded = host.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        return "it is not a valid domain name"
    labels = encoded.split(".")
    if len(encoded) > 253 or not all(LABEL.fullmatch(label) for label in labels):
        return "a domain name holds letters, digits and hyphens between dots"
    if len(labels) < 2:
        return "a domain name on the internet has a dot (clinic.example)"
    if labels[-1].isdigit():
        return "it is neither an IP address nor a domain name"
    return None


def describe(char: str) -> str:
    """A character as a message names it."""
    return "a space" if char == " " else f"character U+{ord(char):04X}"
