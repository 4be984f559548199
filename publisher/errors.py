"""Problems found in a source, and the exceptions that carry them to the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in an input file, located by 1-based line and column."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class PublisherError(click.ClickException):
    """A user-facing error: shown as a message, exit code 1, never a traceback."""

    exit_code = 1

    def show(self, file=None) -> None:
        """Print the message alone on stderr (problems are already ``path:line:col:``)."""
        click.echo(self.format_message(), err=True)


class SourceError(PublisherError):
    """A source (or brand file) has problems; every one of them is carried."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RenderError(PublisherError):
    """A renderer could not produce its output (for example a refused URL)."""


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
