"""``publisher translate``: keep a translation's edition record, export and import for translators."""

from __future__ import annotations

from pathlib import Path

import click

SOURCE = click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))


@click.group()
def translate() -> None:
    """Translations (X.LANG.md beside X.md): record, export and import."""


@translate.command()
@SOURCE
@click.option("--id", "ids", multiple=True, help="Only this question id (repeatable); default every one.")
def mark(source: Path, ids: tuple[str, ...]) -> None:
    """Record that a translation's entries match the original as it is now (writes X.LANG.md.lock).

    \b
    Example, after updating two answers of the Arabic translation by hand:
      publisher translate mark source/faq.ar.md --id pain --id cost
    """
    from publisher.errors import SourceError
    from publisher.translations import lock_path, mark

    try:
        recorded = mark(source, ids)
    except ValueError as problem:
        raise click.UsageError(str(problem)) from None
    except SourceError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{lock_path(source)}: {len(recorded)} entries recorded as up to date")
