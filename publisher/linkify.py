"""markdown-it's inline linkify rule, looking no further ahead than one address can be long.

markdown-it-py's own rule (``rules_inline/linkify.py``) hands linkify-it the whole rest of
the paragraph at every ``://`` it meets, so a line of ``http://x.example/(`` repeated took
25 s to check in a 1 MB source. Here linkify-it sees at most ``MAX_URL_CHARS`` past the
scheme: an address that fills the window is longer than any address we publish, and
``blocks.Converter.bare_address`` leaves it as text, as it would the whole one.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from publisher.limits import MAX_URL_CHARS

# RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (markdown-it's own pattern)
SCHEME_BEFORE = re.compile(r"(?:^|[^a-z0-9.+-])([a-z][a-z0-9.+-]*)$", re.IGNORECASE)
SCHEME_CHARS = 64
"""How far back a scheme is looked for: longer than any scheme a link may have (``mailto``)."""


def use_bounded_linkify(md: MarkdownIt) -> None:
    """Put ``bounded_linkify`` in place of markdown-it's inline linkify rule."""
    md.inline.ruler.at("linkify", bounded_linkify)


def bounded_linkify(state: StateInline, silent: bool) -> bool:
    """markdown-it-py 4's inline linkify rule, with linkify-it shown a bounded window."""
    pos = state.pos
    if not state.md.options.linkify or state.linkLevel > 0 or state.src[pos : pos + 3] != "://":
        return False
    # The scheme is looked for at the end of the text so far, not in all of it (another rescan).
    if pos + 3 > state.posMax or not (scheme := SCHEME_BEFORE.search(state.pending[-SCHEME_CHARS:])):
        return False
    proto = scheme.group(1)
    start = pos - len(proto)
    window = state.src[start : pos + 3 + MAX_URL_CHARS]
    linkify = state.md.linkify
    if linkify is None or not (link := linkify.match_at_start(window)):
        return False
    url = link.url.rstrip("*")  # a '*' ending the link is emphasis (as markdown-it decides)
    full_url = state.md.normalizeLink(url)
    if not state.md.validateLink(full_url):
        return False
    if not silent:
        state.pending = state.pending[: -len(proto)]
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": full_url}
        token.markup, token.info = "linkify", "auto"
        token = state.push("text", "", 0)
        token.content = state.md.normalizeLinkText(url)
        token = state.push("link_close", "a", -1)
        token.markup, token.info = "linkify", "auto"
    state.pos += len(url) - len(proto)
    return True
