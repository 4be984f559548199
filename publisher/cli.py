"""The command line: a thin Click layer that loads, calls and turns errors into messages."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import click

from publisher import __version__
from publisher.diff_cli import diff_command
from publisher.translate_cli import translate

DEFAULT_SOURCE = Path("source/faq.md")
FORMAT_NAMES = ("pdf", "docx", "html", "json")
"""The formats offered with ``-f`` (the registry's defaults; a test keeps them equal).

Named here rather than imported so ``--help`` and ``check`` do not load the registry.
``print-html`` is not among them: it is for inspecting the PDF, asked for with ``--keep-html``."""
BRAILLE_FORMATS = ("brf", "pef")
"""Offered with ``-f`` but never built by default: braille needs liblouis, a system library."""
LARGE_PRINT_FORMATS = ("large-pdf", "large-docx")
"""Offered with ``-f`` but not built by default: a clinic prints large print on request."""
FOLDED_FORMATS = ("trifold", "booklet", "booklet-imposed", "trifold-print-shop", "booklet-print-shop")
"""Offered with ``-f`` but not built by default: folded leaflets (renderers/fold) and print shop copies."""
SOURCES = click.argument("sources", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
STRICT = click.option(
    "--strict", is_flag=True, help="Treat warnings as errors: exit 1, write nothing (for a clinic's CI)."
)


def build_options(func):
    """The options shared by ``build`` and ``watch``."""
    options = [
        click.option(
            "-o",
            "--output",
            "out_dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=Path("output"),
            show_default=True,
            help="Folder for the outputs.",
        ),
        click.option(
            "-f",
            "--format",
            "formats",
            type=click.Choice(FORMAT_NAMES + BRAILLE_FORMATS + LARGE_PRINT_FORMATS + FOLDED_FORMATS),
            multiple=True,
            help="Format to build (repeatable); default every format but braille (brf, pef) and "
            "large print (large-pdf, large-docx).",
        ),
        click.option(
            "--paper",
            type=click.Choice(["a4", "letter"]),
            default="a4",
            show_default=True,
            help="PDF paper size.",
        ),
        click.option(
            "--brand",
            "brand_file",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Brand file (default: _brand.yml beside the source, if any).",
        ),
        click.option("--keep-html", is_flag=True, help="Also write X.print.html, the PDF's print HTML."),
        click.option(
            "--no-script", is_flag=True, help="HTML: leave out the script that opens linked questions."
        ),
        click.option("--no-jsonld", is_flag=True, help="HTML: leave out the schema.org FAQPage JSON-LD."),
        click.option("--logo", is_flag=True, help="HTML: show the clinic's logo in the fragment."),
        click.option(
            "--docx-reference",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="DOCX: take styles from this Word file.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(1, 64),
            default=os.cpu_count() or 1,
            show_default="number of cores",
            help="Render in parallel on this many processes.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="Print errors only."),
        click.option(
            "--debug", is_flag=True, help="When a format fails with a bug of ours, print its traceback."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="\b\nExamples:\n  publisher init my-clinic\n  publisher check\n  publisher build\n"
    "  publisher build -f html -o site/\n  publisher watch",
)
@click.version_option(__version__, prog_name="publisher")
def main() -> None:
    """Publish a clinic's Markdown FAQ as a PDF leaflet, a Word handout, an HTML fragment and JSON."""


@main.command()
@SOURCES
@click.option(
    "--brand",
    "brand_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Brand file to check too (default: _brand.yml beside each source, if any).",
)
@STRICT
@click.option(
    "--report", is_flag=True, help="Print each question's words, sentences, reading grade and warnings."
)
@click.option(
    "--format",
    "report_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How --report prints: a table, or JSON data.",
)
def check(
    sources: tuple[Path, ...], brand_file: Path | None, strict: bool, report: bool, report_format: str
) -> None:
    """Check sources, and the brand file each would be built with, without writing anything.

    Errors exit 1; warnings (``path:line:col: warning: ...``) exit 0 unless --strict.

    \b
    Examples:
      publisher check
      publisher check --strict source/faq.md other.md
      publisher check --report --format json
    """
    from publisher.checking import run_check
    from publisher.translations import with_translations

    chosen = with_translations(list(sources) or [default_source()])
    if not run_check(chosen, brand_file, make_checks(brand_file), strict, report, report_format):
        raise SystemExit(1)


@main.command()
@SOURCES
@build_options
@click.option("--force", is_flag=True, help="Rebuild even when nothing has changed.")
@STRICT
@click.option(
    "--record", is_flag=True, help="Also write X.record.json: the edition's facts, hashes and warnings."
)
def build(sources, force, quiet, **settings) -> None:
    """Build the outputs of each source into the output folder.

    A source X.md gives X.pdf, X.docx, X.html (a fragment for a web page) and
    X.json. A source with mistakes writes nothing and leaves earlier outputs as
    they were; a build whose inputs have not changed writes nothing at all.

    \b
    Examples:
      publisher build
      publisher build -f html -f json -o site/
      publisher build --paper letter a.md b.md
      publisher build --strict
    """
    from publisher.build import build_all
    from publisher.console import Console
    from publisher.translations import with_translations

    sources = distinct_outputs(with_translations(list(sources) or [default_source()]))
    console = Console(quiet)
    ok = build_all(sources, make_options(force=force, **settings), console.report)
    if not ok:
        raise SystemExit(1)


@main.command()
@SOURCES
@build_options
def watch(sources, quiet, **settings) -> None:
    """Rebuild whenever a source, brand file, image or template is saved (Ctrl-C ends).

    Errors are shown and the last good outputs kept.

    \b
    Examples:
      publisher watch
      publisher watch -f html -o site/
    """
    from publisher.console import Console
    from publisher.watch import watch_sources

    sources = distinct_outputs(list(sources) or [default_source()])
    watch_sources(sources, make_options(force=False, **settings), Console(quiet))


@main.command()
@click.argument("source", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one)."
)
@click.option("--no-browser", is_flag=True, help="Do not open the preview in a browser.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option(
    "--brand",
    "brand_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Brand file (default: _brand.yml beside the source, if any).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def preview(source, port, no_browser, paper, brand_file, quiet) -> None:
    """Show every output in a browser, updated on each save (Ctrl-C ends).

    Serves a page on 127.0.0.1 only, with the web fragment, the leaflet's and the
    handout's pages, the problems and downloads. Nothing is written to output/.

    \b
    Examples:
      publisher preview
      publisher preview source/faq.md --port 8765 --no-browser
    """
    from publisher.build import BuildOptions
    from publisher.console import Console
    from publisher.facts import source_date_epoch
    from publisher.preview.run import run_preview  # imported here: other commands stay fast
    from publisher.renderers import Theme

    # At least one worker: the leaflet renders warm there while this process does the rest.
    jobs = max(os.cpu_count() or 1, 2)
    options = BuildOptions(
        theme=Theme(paper=paper),
        brand_file=brand_file,
        force=True,
        jobs=jobs,
        epoch=source_date_epoch(),
        checks=make_checks(brand_file),
    )
    run_preview(source or default_source(), options, port, not no_browser, Console(quiet))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
def init(directory: Path) -> None:
    """Start a new FAQ project in DIRECTORY: a sample source, brand file and README.

    \b
    Examples:
      publisher init my-clinic && cd my-clinic && publisher build
    """
    from publisher.scaffold import create_project

    for path in create_project(directory):
        click.echo(f"created {path}")
    click.echo(f"next: cd {directory} && publisher build")


def make_options(
    *,
    out_dir,
    formats,
    paper,
    brand_file,
    keep_html,
    no_script,
    no_jsonld,
    logo,
    docx_reference,
    jobs,
    force,
    debug,
    strict=False,
    record=False,
):
    """BuildOptions from the command line's settings (the brand file is loaded here, once)."""
    from publisher.build import BuildOptions
    from publisher.facts import source_date_epoch
    from publisher.renderers import Theme

    theme = Theme(
        paper=paper, script=not no_script, jsonld=not no_jsonld, logo=logo, docx_reference=docx_reference
    )
    chosen = tuple(dict.fromkeys(formats)) or FORMAT_NAMES
    if set(chosen) & set(BRAILLE_FORMATS):  # stop before anything renders, saying how to install liblouis
        from publisher.renderers.brf.louis import library

        library()
    if keep_html:
        chosen += ("print-html",)
    # Read once, here: a bad value stops build and watch before anything renders.
    epoch = source_date_epoch()
    options = BuildOptions(out_dir, chosen, theme, brand_file, force, jobs, epoch, debug)
    return replace(options, strict=strict, checks=make_checks(brand_file), record=record)


def make_checks(brand_file: Path | None = None):
    """What warnings are measured against: today's date from the real calendar, and ``--brand``.

    Not SOURCE_DATE_EPOCH: "the review date has passed" is about the day the command
    runs, and a warning changes no output.
    """
    from publisher.lint import Checks

    return Checks(today=dt.date.today(), brand_file=brand_file)


def distinct_outputs(sources: list[Path]) -> list[Path]:
    """The sources, refusing two of the same name: they would write the same output files."""
    seen: dict[str, Path] = {}
    for source in sources:
        other = seen.setdefault(source.stem, source)
        if other.resolve() != source.resolve():
            raise click.UsageError(f"{other} and {source} would both write {source.stem}.*; rename one")
    return list(dict.fromkeys(sources))


def default_source() -> Path:
    """``source/faq.md``, or a usage error when it is not there."""
    if not DEFAULT_SOURCE.is_file():
        raise click.UsageError(f"no SOURCE given and {DEFAULT_SOURCE} does not exist")
    return DEFAULT_SOURCE


main.add_command(translate)
main.add_command(diff_command)
