"""The command line: a thin Click layer that loads, calls and turns errors into messages."""

from __future__ import annotations

import time
from pathlib import Path

import click

from publisher import __version__
from publisher.errors import PublisherError

DEFAULT_SOURCE = Path("source/faq.md")
FORMAT_NAMES = ("pdf", "docx", "html", "json")
SOURCES = click.argument("sources", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Examples:\n\n\b\n  publisher check\n  publisher build\n  publisher build -f html -o site/",
)
@click.version_option(__version__, prog_name="publisher")
def main() -> None:
    """Publish a clinic's Markdown FAQ as a PDF leaflet, a Word handout, an HTML fragment and JSON."""


@main.command()
@SOURCES
def check(sources: tuple[Path, ...]) -> None:
    """Check sources for mistakes without writing anything.

    \b
    Examples:
      publisher check
      publisher check source/faq.md other.md
    """
    from publisher.parse import parse_source

    failed = False
    for source in sources or (default_source(),):
        try:
            document = parse_source(source)
        except PublisherError as error:
            error.show()
            failed = True
            continue
        questions, sections = len(document.entries), len(document.sections)
        click.echo(f"{source}: {questions} questions in {sections} section{'s' * (sections != 1)}")
    if failed:
        raise SystemExit(1)


@main.command()
@SOURCES
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder for the outputs.",
)
@click.option(
    "-f",
    "--format",
    "formats",
    type=click.Choice(FORMAT_NAMES),
    multiple=True,
    help="Format to build (repeatable); default every format.",
)
@click.option(
    "--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="PDF paper size."
)
@click.option("--keep-html", is_flag=True, help="Also write X.print.html, the PDF's print HTML.")
@click.option(
    "--no-script", is_flag=True, help="HTML: leave out the small script that opens linked questions."
)
@click.option("--no-jsonld", is_flag=True, help="HTML: leave out the schema.org FAQPage JSON-LD.")
@click.option(
    "--docx-reference",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="DOCX: take styles from this Word file.",
)
def build(sources, out_dir, formats, paper, keep_html, no_script, no_jsonld, docx_reference) -> None:
    """Build the outputs of each source into the output folder.

    A source X.md gives X.pdf, X.docx, X.html (a fragment for a web page) and
    X.json. A source with mistakes writes nothing and leaves earlier outputs as
    they were.

    \b
    Examples:
      publisher build
      publisher build -f html -f json -o site/
      publisher build --paper letter source/faq.md
    """
    from publisher.build import BuildOptions, build_source
    from publisher.renderers import Theme

    theme = Theme(paper=paper, script=not no_script, jsonld=not no_jsonld, docx_reference=docx_reference)
    options = BuildOptions(out_dir, tuple(dict.fromkeys(formats)) or FORMAT_NAMES, theme, keep_html)
    failed = False
    for source in sources or (default_source(),):
        started = time.perf_counter()
        try:
            written = build_source(source, options)
        except PublisherError as error:
            error.show()
            failed = True
            continue
        elapsed = time.perf_counter() - started
        for path, size in written.items():
            click.echo(f"wrote {path} ({size:,} bytes)")
        click.echo(f"{source}: built in {elapsed:.2f} s")
    if failed:
        raise SystemExit(1)


def default_source() -> Path:
    """``source/faq.md``, or a usage error when it is not there."""
    if not DEFAULT_SOURCE.is_file():
        raise click.UsageError(f"no SOURCE given and {DEFAULT_SOURCE} does not exist")
    return DEFAULT_SOURCE
