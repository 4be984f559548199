"""What a build prints: one line per written file, errors on stderr, colour only on a terminal."""

from __future__ import annotations

import os
import sys

import click

from publisher.build import SourceResult


class Console:
    """Reports build results; ``quiet`` keeps errors only. NO_COLOR turns colour off."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.color = None if not os.environ.get("NO_COLOR") else False

    def style(self, text: str, **styles) -> str:
        """Text styled for a terminal; click drops the styles when output is not a terminal."""
        return text if self.color is False else click.style(text, **styles)

    def report(self, result: SourceResult) -> None:
        """Print the outcome of one source."""
        if result.error:
            click.echo(self.style(result.error, fg="red"), err=True, color=self.color)
            return
        if self.quiet:  # errors only; ``check`` (or ``--strict``) is where warnings are read
            return
        for line in result.warnings:
            click.echo(self.style(line, fg="yellow"), err=True, color=self.color)
        if result.skipped:
            click.echo(
                f"{result.source}: up to date, nothing written (use --force to rebuild)", color=self.color
            )
            return
        for item in result.written:
            pages = f", {item.pages} page{'s' * (item.pages != 1)}" if item.pages else ""
            details = self.style(f"({human_size(item.size)}{pages}, {item.seconds:.2f} s)", dim=True)
            click.echo(f"{self.style('wrote', fg='green')} {item.path} {details}", color=self.color)
        sys.stdout.flush()

    def message(self, text: str, error: bool = False) -> None:
        """A line of its own (used by watch)."""
        if error or not self.quiet:
            click.echo(self.style(text, fg="red" if error else "cyan"), err=error, color=self.color)


def human_size(size: int) -> str:
    """Bytes as a short human figure: 812 B, 45.3 KB, 1.2 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
