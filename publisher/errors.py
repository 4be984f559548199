"""Problems found in a source, and the exceptions that carry them to the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in an input file, located by 1-based line and column.

    An ``error`` stops the build (nothing is written, exit 1); a ``warning`` is
    printed and the build goes on, unless ``--strict`` makes warnings errors.
    """

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"
    """``error`` or ``warning``."""

    def __str__(self) -> str:
        kind = "warning: " if self.is_warning else ""
        return f"{self.path}:{self.line}:{self.col}: {kind}{self.message}"

    @property
    def is_warning(self) -> bool:
        """True for a warning: printed, but the build goes on (unless ``--strict``)."""
        return self.severity == WARNING


WARNING = "warning"


def warning(path: str, line: int, col: int, message: str) -> Problem:
    """A located warning."""
    return Problem(path, line, col, message, WARNING)


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
