"""Parse a source file into the Document model, reporting every problem at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from publisher.blocks import RULE_MESSAGE, Converter, site_origin
from publisher.errors import Problem, SourceError, display_path
from publisher.frontmatter import load_front_matter, split_front_matter
from publisher.glyphs import undrawable_chars
from publisher.limits import MAX_INLINE_NESTING, MAX_MARKUP_PER_WORD
from publisher.linkify import use_bounded_linkify
from publisher.model import Block, Document, Entry, Inline, Meta, Section, Text
from publisher.slugs import EXPLICIT_ID, VALID_ID, slugify, unique_slug
from publisher.source import find_non_xml_chars, read_source, size_problems
from publisher.tablecells import record_long_rows
from publisher.text import inline_text
from publisher.typography import typeset
from publisher.walk import nested_inlines

MAX_NESTING = 20
QUESTION_INLINES = ("Text", "Code", "Strong", "Emph")


def make_parser() -> MarkdownIt:
    """CommonMark plus GFM tables; raw HTML is parsed only so it can be reported."""
    options = {"html": True, "linkify": True, "maxNesting": MAX_NESTING}
    # linkify: bare web and e-mail addresses become links (blocks.Converter.bare_address).
    md = MarkdownIt("commonmark", options).enable(["table", "linkify"])
    use_bounded_linkify(md)  # markdown-it's own rule rescans the paragraph at every "://"
    record_long_rows(md)  # GFM drops cells past the header's count: we report them
    # Let every URL through to our own checks, which report forbidden schemes as
    # errors instead of markdown-it's silent downgrade to plain text.
    md.validateLink = lambda url: True
    return md


def parse_source(path: Path) -> Document:
    """Read and parse a source file; raises SourceError with every problem found."""
    return parse(read_source(path), path)


def parse(text: str, path: Path) -> Document:
    """Parse source text (already decoded) into a Document, or raise SourceError."""
    shown = display_path(path)
    oversized = size_problems(text, shown)
    if oversized:  # markdown-it could take minutes over it
        raise SourceError(oversized)
    problems = find_non_xml_chars(text, shown)
    try:
        yaml_text, body, _ = split_front_matter(text)
    except ValueError as error:
        raise SourceError([*problems, Problem(shown, 1, 1, str(error))]) from None
    front = load_front_matter(yaml_text, shown)
    problems += front.problems
    md = make_parser()
    site = site_origin(str(front.values.get("url") or ""))
    converter = Converter(shown, text.split("\n"), path.parent, site=site)
    tokens = md.parse(body)
    nested = nesting_problems(tokens, shown)
    if any(problem.message == inline_nesting_message() for problem in nested):
        raise SourceError([*problems, *nested])  # the tree and its walks recurse once per level
    problems += nested
    outline = Outline(converter)
    for node in SyntaxTreeNode(tokens).children:
        outline.add(node)
    disclaimer = parse_disclaimer(md, converter, front.values.get("disclaimer", ""), front.lines)
    meta_values = {k: v for k, v in front.values.items() if k != "disclaimer"}
    sections = outline.finish()
    problems += converter.problems + outline.problems
    problems += link_problems(converter, sections, shown)
    problems += undrawable_chars(text, front, [s.line for s in sections if s.title], shown)
    if not any(s.entries for s in sections):
        problems.append(Problem(shown, 1, 1, "no questions found: write each as a '## ' heading"))
    if problems:
        raise SourceError(problems)
    meta = Meta(**meta_values, disclaimer=disclaimer)
    # Typeset after the ids are made: a slug never holds a no-break space.
    return typeset(Document(meta, tuple(outline.intro), sections, path))


def nesting_problems(tokens: list, path: str) -> list[Problem]:
    """Content at markdown-it's nesting limit is dropped by it: report it instead."""
    problems = []
    for token in tokens:
        deep = token.level >= MAX_NESTING - 1 or any(
            child.level >= MAX_NESTING - 1 for child in token.children or ()
        )
        if deep:
            line = token.map[0] + 1 if token.map else 1
            message = f"content is nested deeper than {MAX_NESTING - 2} levels; flatten it"
            problems.append(Problem(path, line, 1, message))
            break
    for token in tokens:
        line = token.map[0] + 1 if token.map else 1
        if token.children and inline_depth(token.children) > MAX_INLINE_NESTING:
            problems.append(Problem(path, line, 1, inline_nesting_message()))
        elif token.children and crowded_word(token.children):
            problems.append(Problem(path, line, 1, crowded_word_message()))
    return problems


def crowded_word(children: list) -> bool:
    """True when one word (no space inside) holds more than MAX_MARKUP_PER_WORD inline elements.

    WeasyPrint lays such a word out in time that grows with every element in it (a
    word of 100 bold letters inside emphasis took 13 s); a real word holds one or two.
    """
    count = 0
    for child in children:
        if child.type in ("softbreak", "hardbreak") or any(char.isspace() for char in child.content):
            count = 0
        elif child.nesting == 1 or child.type in ("code_inline", "image"):
            count += 1
            if count > MAX_MARKUP_PER_WORD:
                return True
    return False


def crowded_word_message() -> str:
    """The message for a word holding too many inline elements."""
    limit = MAX_MARKUP_PER_WORD
    return f"a word holds more than {limit} pieces of emphasis, links or code; put spaces between them"


def inline_depth(children: list) -> int:
    """How deeply emphasis, links and strong nest in an inline token's children (no recursion)."""
    depth = deepest = 0
    for child in children:
        depth += child.nesting
        deepest = max(deepest, depth)
    return deepest


def inline_nesting_message() -> str:
    """The message for inline markup nested past MAX_INLINE_NESTING."""
    limit = MAX_INLINE_NESTING
    return f"inline emphasis, links and strong are nested more than {limit} levels deep; flatten them"


def parse_disclaimer(
    md: MarkdownIt, converter: Converter, text: str, key_lines: dict[str, int]
) -> tuple[Inline, ...]:
    """The disclaimer as inlines; problems point at its front matter line."""
    if not text:
        return ()
    line = key_lines.get("disclaimer", 1)
    tokens = md.parseInline(text)
    if inline_depth(tokens[0].children or []) > MAX_INLINE_NESTING:
        converter.problem(line, 1, inline_nesting_message())
        return ()
    if crowded_word(tokens[0].children or []):
        converter.problem(line, 1, crowded_word_message())
    inline = SyntaxTreeNode(tokens)
    return converter.inlines(inline.children[0], (line, line))


@dataclass
class Outline:
    """Walks top-level nodes: level 1 headings open sections, level 2 open questions.

    A ``---`` rule followed by a level 1 or 2 heading is a separator, and dropped; any
    other rule (inside an answer, at the end) is reported.
    """

    converter: Converter
    intro: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _sections: list[dict] = field(default_factory=list)
    _taken: set[str] = field(default_factory=set)
    _rules: list[int] = field(default_factory=list)

    def add(self, node: SyntaxTreeNode) -> None:
        """Place one top-level node in the outline."""
        line = node.map[0] + 1 if node.map else 1
        if node.type == "hr":
            self._rules.append(line)  # a separator if a question or section follows
            return
        if node.type == "heading" and node.tag in ("h1", "h2"):
            self._rules.clear()
            title, explicit = self.heading_title(node, line)
            if node.tag == "h1":
                self._sections.append(self.part(title, explicit, line, entries=[], intro=[]))
            else:
                if not self._sections:
                    self._sections.append(self.part(None, None, 0, entries=[]))
                self.check_question(title, line)
                self._sections[-1]["entries"].append(self.part(title, explicit, line, blocks=[]))
            return
        self.report_rules()
        block = self.converter.block(node)
        if block is None:
            return
        if not self._sections:
            self.intro.append(block)
        elif self._sections[-1]["entries"]:
            self._sections[-1]["entries"][-1]["blocks"].append(block)
        else:  # between a section heading and its first question: the section's introduction
            self._sections[-1]["intro"].append(block)

    def report_rules(self) -> None:
        """Rules that turned out not to stand between questions or sections are errors."""
        for line in self._rules:
            self.problem(line, RULE_MESSAGE)
        self._rules.clear()

    def part(self, title, explicit, line, **extra) -> dict:
        return {"title": title, "explicit": explicit, "line": line, **extra}

    def heading_title(self, node: SyntaxTreeNode, line: int) -> tuple[tuple[Inline, ...], str | None]:
        """The heading's inlines without a trailing ``{#id}``, and that id (problems recorded)."""
        inlines, explicit = self.split_explicit_id(node, line)
        if not inline_text(inlines).strip():
            self.problem(line, "heading has no text")
        return inlines, explicit

    def split_explicit_id(self, node: SyntaxTreeNode, line: int) -> tuple[tuple[Inline, ...], str | None]:
        """The heading's inlines and a trailing ``{#id}``, checked to be valid and unused."""
        span = (line, line + 1)
        self.converter.bare_links = False  # an address in a question stays text: questions hold no links
        inlines = self.converter.inlines(node.children[0], span)
        self.converter.bare_links = True
        if not inlines or not isinstance(inlines[-1], Text):
            return inlines, None
        match = EXPLICIT_ID.search(inlines[-1].text)
        if not match:
            return inlines, None
        explicit = match.group(1)
        rest = inlines[-1].text[: match.start()]
        inlines = inlines[:-1] + ((Text(rest),) if rest else ())
        col = self.converter.locate("{#", span)[1]
        if not VALID_ID.match(explicit):
            self.problem(
                line,
                f"id '{{#{explicit}}}' must start with a letter and hold only letters, digits, '-' and '_'",
                col,
            )
        elif explicit in self._taken:
            self.problem(line, f"duplicate id '{explicit}'", col)
        self._taken.add(explicit)
        return inlines, explicit

    def check_question(self, title: tuple[Inline, ...], line: int) -> None:
        """Questions are plain text with emphasis: no links or images, however deeply nested."""
        for node in nested_inlines(title):
            if type(node).__name__ not in QUESTION_INLINES:
                kind = type(node).__name__.lower()
                self.problem(line, f"a question may hold emphasis only, not a {kind}")

    def problem(self, line: int, message: str, col: int = 1) -> None:
        self.problems.append(Problem(self.converter.path, line, col, message))

    def finish(self) -> tuple[Section, ...]:
        """Assign ids (explicit ones first, so generated slugs avoid them) and build sections."""
        self.report_rules()  # a rule after the last answer separates nothing
        sections = []
        for number, raw in enumerate(self._sections, start=1):
            entries = []
            for index, entry in enumerate(raw["entries"], start=1):
                if not entry["blocks"]:
                    self.problem(entry["line"], "question has no answer")
                entry_id = entry["explicit"] or unique_slug(
                    slugify(inline_text(entry["title"])), self._taken, f"question-{index}"
                )
                entries.append(Entry(entry_id, entry["title"], tuple(entry["blocks"]), entry["line"]))
            if raw["title"] is None:
                section_id = ""
            else:
                if not raw["entries"]:
                    self.problem(raw["line"], "section has no questions (## headings)")
                section_id = raw["explicit"] or unique_slug(
                    slugify(inline_text(raw["title"])), self._taken, f"section-{number}"
                )
            intro = tuple(raw.get("intro", ()))
            sections.append(Section(section_id, raw["title"] or (), tuple(entries), raw["line"], intro))
        return tuple(sections)


def link_problems(converter: Converter, sections: tuple[Section, ...], path: str) -> list[Problem]:
    """Every ``#id`` link must name a question or section of this document."""
    ids = {s.id for s in sections} | {e.id for s in sections for e in s.entries}
    return [
        Problem(path, line, col, f"link to '#{target}' names no question or section")
        for target, line, col in converter.internal_links
        if target not in ids
    ]
