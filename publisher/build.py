"""The build: parse a source once, render every requested format, write them together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from publisher.errors import PublisherError
from publisher.parse import parse_source
from publisher.renderers import FORMATS, Theme
from publisher.write import write_outputs


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked for, shared by every source of a build."""

    out_dir: Path = Path("output")
    formats: tuple[str, ...] = tuple(FORMATS)
    theme: Theme = field(default_factory=Theme)
    keep_html: bool = False


def output_paths(source: Path, options: BuildOptions) -> dict[str, Path]:
    """The file each requested format writes for a source (``X.md`` gives ``DIR/X.pdf`` ...)."""
    return {fmt: options.out_dir / (source.stem + FORMATS[fmt].suffix) for fmt in options.formats}


def render_outputs(source: Path, options: BuildOptions) -> dict[Path, bytes]:
    """Parse and render one source; raises SourceError or RenderError, writes nothing."""
    document = parse_source(source)
    files: dict[Path, bytes] = {}
    for fmt, target in output_paths(source, options).items():
        files[target] = FORMATS[fmt].load()(document, options.theme)
    if options.keep_html:
        from publisher.renderers.pdf import render_print_html

        target = options.out_dir / (source.stem + ".print.html")
        files[target] = render_print_html(document, options.theme).encode("utf-8")
    return files


def build_source(source: Path, options: BuildOptions) -> dict[Path, int]:
    """Build one source all or nothing; returns the size of every file written."""
    files = render_outputs(source, options)
    try:
        write_outputs(files)
    except OSError as error:
        raise PublisherError(f"{source}: could not write outputs: {error}") from None
    return {path: len(data) for path, data in files.items()}
