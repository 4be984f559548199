"""``publisher diff``: the questions added, removed and changed between two editions."""

from __future__ import annotations

import json
from pathlib import Path

import click

EDITION = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command("diff")
@click.argument("editions", nargs=-1, required=True, type=EDITION)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Where the last record is, when only NEW is given.",
)
@click.option(
    "--format", "diff_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def diff_command(editions: tuple[Path, ...], out_dir: Path, diff_format: str) -> None:
    """List the questions added, removed and changed between two editions: OLD NEW.

    Each is a source (X.md) or an edition record (X.record.json, from build --record).
    With NEW alone, OLD is the last record of NEW in the output folder.

    \b
    Examples:
      publisher diff old/faq.md source/faq.md
      publisher diff source/faq.md
    """
    from publisher.diffing import compare, diff_text, load_edition
    from publisher.record import record_path

    if len(editions) > 2:
        raise click.UsageError("give OLD and NEW, or NEW alone")
    old = editions[0] if len(editions) == 2 else record_path(out_dir, editions[0])
    if not old.is_file():
        raise click.UsageError(f"no record of the last edition at {old}: build with --record, or give OLD")
    result = compare(load_edition(old), load_edition(editions[-1]))
    shown = json.dumps(result, ensure_ascii=False, indent=2) if diff_format == "json" else diff_text(result)
    click.echo(shown)
