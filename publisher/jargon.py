"""The clinic's jargon list: words to explain or avoid, flagged by ``check``.

The list is ``_jargon.yml`` beside the source (as ``_brand.yml`` is), one word or
phrase a line, with the plain word to use instead, or nothing to say "explain it"::

    pigmentation: colour
    alopecia: hair loss
    contraindication:            # no plain word: explain it where it is used

Matching ignores case and finds whole words only ("pigment" is not "pigmentation").
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from publisher.errors import Problem, SourceError, display_path
from publisher.lint import Context
from publisher.model import Block
from publisher.text import inline_text
from publisher.walk import nested_blocks
from publisher.yamlsafe import compose_and_load, yaml_error_position

JARGON_FILE = "_jargon.yml"
MAX_TERMS = 2000
MAX_TERM_CHARS = 200


def jargon_file_for(source: Path) -> Path:
    """Where a source's jargon list is: ``_jargon.yml`` in its folder."""
    return source.parent / JARGON_FILE


def load_jargon(path: Path) -> tuple[tuple[str, str], ...]:
    """The (term, plain word or "") pairs of a jargon file; () when there is none.

    Raises SourceError, every problem located, for a file that is not a mapping of text.
    """
    if not path.is_file():
        return ()
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        node, data = compose_and_load(text)
    except UnicodeDecodeError:
        raise SourceError([Problem(shown, 1, 1, "the jargon file is not UTF-8")]) from None
    except yaml.YAMLError as error:
        line, col, reason = yaml_error_position(error, text)
        raise SourceError([Problem(shown, line, col, f"bad YAML in the jargon file: {reason}")]) from None
    if data is None:
        return ()
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise SourceError([Problem(shown, 1, 1, "the jargon file must be 'word: plain word' lines")])
    if len(data) > MAX_TERMS:
        message = f"the jargon file lists {len(data)} words, past {MAX_TERMS}"
        raise SourceError([Problem(shown, 1, 1, message)])
    terms, problems = [], []
    for key, value in node.value:
        term = str(key.value).strip() if isinstance(key, yaml.ScalarNode) else ""
        if not term or len(term) > MAX_TERM_CHARS or not isinstance(value, yaml.ScalarNode):
            where = (key.start_mark.line + 1, key.start_mark.column + 1)
            problems.append(Problem(shown, *where, "each line must be 'word: plain word' (or 'word:')"))
            continue
        plain = "" if value.tag.endswith(":null") else str(value.value).strip()
        terms.append((term, plain))
    if problems:
        raise SourceError(problems)
    return tuple(terms)


def jargon_words(context: Context) -> list[Problem]:
    """Each jargon term used in a question or answer, once per answer, at its line and column."""
    if not context.checks.jargon:
        return []
    patterns = [(plain, term_pattern(term)) for term, plain in context.checks.jargon]
    found = []
    for entry in context.document.entries:
        texts = [(entry.line, inline_text(entry.question)), *block_texts(entry.answer, entry.line)]
        for plain, pattern in patterns:
            hit = next(((line, m) for line, text in texts for m in [pattern.search(text)] if m), None)
            if hit is None:
                continue
            line, match = hit
            advice = f"say '{plain}'" if plain else "explain it or use a plainer word"
            message = f"'{match.group()}' is on the clinic's jargon list: {advice}"
            found.append(context.warn(line, column(context, line, pattern), message))
    return found


def term_pattern(term: str) -> re.Pattern[str]:
    """A whole-word, case-blind pattern for a term (its spaces match any white space)."""
    words = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def block_texts(blocks: tuple[Block, ...], fallback: int) -> list[tuple[int, str]]:
    """(line, text) of every block that holds inlines, nested ones included."""
    from publisher.lint_language import inline_children

    return [
        (block.line or fallback, inline_text(inline_children(block)))
        for block in nested_blocks(blocks)
        if inline_children(block)
    ]


def column(context: Context, line: int, pattern: re.Pattern[str]) -> int:
    """The term's column on its line of the source (1 when it is not found there)."""
    if 0 < line <= len(context.lines):
        match = pattern.search(context.lines[line - 1])
        if match:
            return match.start() + 1
    return 1
