"""Placeholders for translators: the parts of inline Markdown a translation must keep as they are.

Inline code, link and image addresses, autolinks and raw tags, bare web and e-mail
addresses and ``{...}`` attributes become ``{1}``, ``{2}`` ... in the text a translator
sees; the same piece gets the same number each time it appears. Link *text* stays
visible, so ``[our prices](https://clinic.example/prices)`` reads ``[our prices]{1}``.
Any ``{...}`` of the original is itself a placeholder, so a ``{1}`` of ours can never be
mistaken for the source's own text.
"""

from __future__ import annotations

import re

PIECE = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    # a link's or image's destination, right after its text's "]" (one level of parentheses inside)
    r"|(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"
    r"|<[^<>\n]+>"  # autolinks and raw tags (<br>)
    r"|\b(?:https?://|www\.)[^\s<>()]*[^\s<>().,;:!?'\"]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\{[^{}\n]*\}"
)
PLACEHOLDER = re.compile(r"\{([0-9]+)\}")


def protect(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with each piece to keep replaced by ``{n}``, and the mapping ``{"1": piece}``."""
    numbers: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        piece = match.group()
        if piece not in numbers:
            numbers[piece] = str(len(numbers) + 1)
        return "{" + numbers[piece] + "}"

    protected = PIECE.sub(replace, text)
    return protected, {number: piece for piece, number in numbers.items()}


def restore(text: str, mapping: dict[str, str]) -> str:
    """``text`` with each ``{n}`` put back as the piece it stands for (unknown numbers are kept)."""
    return PLACEHOLDER.sub(lambda m: mapping.get(m.group(1), m.group()), text)


def used(text: str) -> set[str]:
    """The placeholder numbers a text holds."""
    return set(PLACEHOLDER.findall(text))


def mismatch(original: str, translated: str) -> str:
    """Why ``translated`` does not keep the placeholders of ``original`` (empty when it does)."""
    expected, found = used(original), used(translated)
    missing, extra = sorted(expected - found, key=int), sorted(found - expected, key=int)
    reasons = []
    if missing:
        reasons.append("lacks " + " ".join("{" + n + "}" for n in missing))
    if extra:
        reasons.append("has unknown " + " ".join("{" + n + "}" for n in extra))
    return " and ".join(reasons)


def describe(mapping: dict[str, str]) -> str:
    """The mapping as a PO comment, one ``{n} = piece`` a line, so translators see what each stands for."""
    return "\n".join(f"{{{number}}} = {piece}" for number, piece in mapping.items())


def parse_description(comment: str) -> dict[str, str]:
    """The mapping back from a comment ``describe`` wrote (other comment lines are ignored)."""
    mapping = {}
    for line in comment.split("\n"):
        match = re.match(r"^\{([0-9]+)\} = (.*)$", line)
        if match:
            mapping[match.group(1)] = match.group(2)
    return mapping
