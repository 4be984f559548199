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


@translate.command(name="export")
@SOURCE
@click.option("--lang", required=True, help="The translation's language tag (ar, es, pt-BR ...).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="PO file to write.")
@click.option("--all", "everything", is_flag=True, help="Every entry, not only missing and stale ones.")
def export_po(source: Path, lang: str, output: Path | None, everything: bool) -> None:
    """Write a PO file of the entries a translation lacks or that changed since (fuzzy).

    \b
    Example:
      publisher translate export source/faq.md --lang ar -o faq.ar.po
    """
    from publisher.errors import SourceError
    from publisher.translation_po import export

    try:
        po = export(source, lang, everything)
    except SourceError as error:
        raise click.ClickException(str(error)) from None
    target = output or source.with_name(f"{source.stem}.{lang}.po")
    po.save(str(target))
    count = sum(1 for e in po if (e.msgctxt or "").endswith("/answer"))
    click.echo(f"{target}: {count} entries to translate")


@translate.command(name="import")
@click.argument("po_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--into",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The translation to update (default: the one beside the original the PO file names).",
)
def import_po(po_file: Path, into: Path | None) -> None:
    """Put a translator's PO file into the translation (X.LANG.md) and record the entries as up to date.

    \b
    Only the entries the PO file translates change; empty and fuzzy messages are left out.
    Example:
      publisher translate import faq.ar.po
    """
    import polib

    from publisher.errors import SourceError
    from publisher.translation_import import ImportProblem
    from publisher.translation_import import import_po as run_import
    from publisher.translation_po import original_for_po

    try:
        po = polib.pofile(str(po_file), wrapwidth=0)
        original, target = original_for_po(po_file, po, into)
        lang = target.name[len(original.stem) + 1 : -len(".md")]
        done = run_import(po_file, original, lang)
    except (ImportProblem, ValueError, OSError, SourceError) as problem:
        click.echo(str(problem), err=True)
        raise SystemExit(1) from None
    verb = "created with" if done.created else "updated:"
    click.echo(f"{done.translation}: {verb} {len(done.entries)} entries")
    for entry_id in done.skipped:
        click.echo(f"{po_file}: #{entry_id} left out (untranslated or fuzzy)", err=True)
