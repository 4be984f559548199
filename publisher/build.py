"""The build: parse each source once, render its formats, write them together or not at all.

The PDF is the slow format, so with more than one job it renders in a worker
process while this process renders the others; several sources share the pool.
An unchanged source is recognised from its stamp before anything heavy is
imported: the parser, YAML and the worker pool are imported only when needed.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path

from publisher.brand import Brand, brand_file_for
from publisher.errors import Problem, PublisherError, RenderError
from publisher.facts import with_facts
from publisher.languages import language_sources
from publisher.lint import Checks
from publisher.model import Document
from publisher.record import record_path
from publisher.renderers import DEFAULT_FORMATS, FORMATS, Rendered, Theme
from publisher.stamp import is_up_to_date, make_stamp, owned_files, snapshot, stamp_path, template_files
from publisher.walk import document_images
from publisher.workers import Workers
from publisher.write import OverwriteRefused, refuse_overwrites, remove_leftovers, write_outputs


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked for, shared by every source of a build."""

    out_dir: Path = Path("output")
    formats: tuple[str, ...] = DEFAULT_FORMATS
    """Names in the registry; ``--keep-html`` adds "print-html" to those chosen with ``-f``."""
    theme: Theme = field(default_factory=Theme)
    """Options and look; the brand is filled in per source (see ``source_theme``)."""
    brand_file: Path | None = None
    """``--brand``; without it each source's own ``_brand.yml`` is used when present."""
    force: bool = False
    jobs: int = 1
    epoch: dt.datetime | None = None
    """SOURCE_DATE_EPOCH (read by the command line): when set, the date of every output."""
    debug: bool = False
    """A renderer's own bug is reported with its traceback, not only its one-line message."""
    strict: bool = False
    """``--strict``: a source with warnings is an error (nothing written)."""
    checks: Checks = field(default_factory=Checks)
    """What warnings are measured against (today's date for the review date)."""
    record: bool = False
    """``--record``: also write ``X.record.json``, the edition record (``publisher.record``)."""


def options_key(options: BuildOptions, brand_file: Path | None) -> str:
    """Everything besides file contents that changes a source's outputs.

    The brand file's contents (and its logo and fonts) are inputs of the stamp, so
    its path is enough here, and the brand need not be loaded to skip a build.
    """
    brand = str(brand_file.resolve()) if brand_file else ""
    epoch = options.epoch.isoformat() if options.epoch else ""  # dates in the PDF and DOCX follow it
    settings = (sorted(options.formats), options.theme, str(options.out_dir), options.record)
    return repr((*settings, brand, epoch))


def source_theme(brand_file: Path | None, options: BuildOptions) -> Theme:
    """The theme for one source, with its brand loaded (raises SourceError for a bad brand file)."""
    if brand_file is None:
        return replace(options.theme, brand=Brand())
    from publisher.brandfile import load_brand

    return replace(options.theme, brand=load_brand(brand_file))


@dataclass(frozen=True)
class Written:
    """One output file written by a build."""

    path: Path
    size: int
    seconds: float
    pages: int | None = None


@dataclass(frozen=True)
class SourceResult:
    """What happened to one source: files written, skipped as unchanged, or an error message."""

    source: Path
    written: tuple[Written, ...] = ()
    skipped: bool = False
    error: str = ""
    warnings: tuple[str, ...] = ()
    """``path:line:col: warning: ...`` lines; the outputs were written all the same."""


def output_paths(source: Path, options: BuildOptions) -> dict[str, Path]:
    """The file each output writes for a source (``X.md`` gives ``DIR/X.pdf`` ...)."""
    return {fmt: options.out_dir / (source.stem + FORMATS[fmt].suffix) for fmt in options.formats}


def record_bytes(pending: Pending, options: BuildOptions, files: dict[Path, bytes]) -> bytes:
    """The edition record of a build whose outputs are ``files`` (content warnings only)."""
    from publisher.lint import checks_for, is_calendar_warning
    from publisher.record import edition_record

    warnings = [w for w in pending.warnings if not is_calendar_warning(w)]
    grade = checks_for(pending.source, options.checks).reading_grade
    return edition_record(pending.document, pending.text, files, warnings, grade)


def render_one(fmt: str, document: Document, theme: Theme, debug: bool = False) -> tuple[Rendered, float]:
    """Render one format through the registry, timing it; any failure becomes a RenderError.

    A renderer's bug (any exception but a PublisherError) is one line naming it, or with
    ``debug`` that line and the traceback, formatted here: in a worker, this is the only
    place the traceback exists, and only text travels back.
    """
    started = time.perf_counter()
    try:
        prepare(fmt)
        rendered = FORMATS[fmt].load()(document, theme)
        if not isinstance(rendered, Rendered):
            raise TypeError(f"render_{fmt} returned {type(rendered).__name__}, not Rendered")
    except PublisherError as error:
        raise RenderError(f"{document.source}: {fmt}: {error.format_message()}") from None
    except Exception as error:  # a renderer bug must not lose the user's other outputs
        message = f"{document.source}: {fmt} failed: {type(error).__name__}: {error}"
        if debug:
            message += "\n" + traceback.format_exc().rstrip()
        raise RenderError(message) from None
    return rendered, time.perf_counter() - started


def render_in_worker(
    fmt: str, document: Document, theme: Theme, debug: bool = False
) -> tuple[Rendered, float] | str:
    """``render_one`` for a worker process: errors come back as their message."""
    try:
        return render_one(fmt, document, theme, debug)
    except PublisherError as error:
        return error.format_message()


def is_slow(fmt: str) -> bool:
    """True for a format rendered in a worker when the build may use more than one process."""
    return FORMATS[fmt].slow


def build_all(
    sources: list[Path],
    options: BuildOptions,
    report: Callable[[SourceResult], None],
    workers: Workers | None = None,
) -> bool:
    """Build every source, reporting each as it finishes; True when none failed.

    ``workers`` lets a caller (watch) keep warm workers between builds; without them
    workers are made for this build when more than one job is allowed.
    """
    own = workers is None
    workers = workers or Workers(options.jobs)
    ok = True
    try:
        pending = [start_source(source, options, workers) for source in sources]
        for started in pending:
            result = finish_source(started, options)
            ok = ok and not result.error
            report(result)
    finally:
        if own:
            workers.shutdown()
    return ok


def warm_up() -> None:
    """Import the slow renderers and their libraries in a worker ahead of their first use."""
    for name, fmt in FORMATS.items():
        if fmt.slow:
            prepare(name)
            fmt.warm_up()


@functools.cache
def prepare(fmt: str) -> None:
    """Hand a format the process-wide settings it takes from the environment, once per process.

    Read here, before the renderer's first use, so renderers read no environment: today
    the PDF's WeasyPrint speed-ups, all off when PUBLISHER_NO_SPEEDUPS is set.
    """
    FORMATS[fmt].prepare(os.environ)


@dataclass
class Pending:
    """A source between parsing and writing: its document, theme and slow renders under way."""

    source: Path
    document: Document
    theme: Theme
    paths: dict[str, Path]
    futures: dict[str, Future]
    key: str
    inputs: dict[str, str]
    """Hashes of every input, taken before it was read (see ``stamp.snapshot``)."""
    warnings: tuple[Problem, ...] = ()
    text: str = ""
    """The source as read (the edition record hashes it and fingerprints its questions)."""


def start_source(source: Path, options: BuildOptions, workers: Workers) -> Pending | SourceResult:
    """Parse a source and start its slow renders in the workers, or say why there is nothing to do."""
    paths = output_paths(source, options)
    brand_file = brand_file_for(options.brand_file, source)
    key = options_key(options, brand_file)
    stamp = stamp_path(options.out_dir, source)
    outputs = [*paths.values(), *([record_path(options.out_dir, source)] if options.record else [])]
    remove_leftovers([*outputs, stamp])  # of a build killed while writing
    if not options.force and is_up_to_date(stamp, key, outputs, source):
        return strict_recheck(source, options) or SourceResult(source, skipped=True)
    try:  # before the work of rendering: refused now, refused when writing
        refuse_overwrites([*outputs, stamp], [source], None if options.force else owned_files(stamp))
    except OverwriteRefused as error:
        return SourceResult(source, error=f"{source}: {error}")
    if workers.enabled and any(is_slow(fmt) for fmt in paths):
        # Importing WeasyPrint takes longer than parsing and rendering everything else:
        # start it in a worker now, while this process parses.
        workers.submit(warm_up)
    from publisher.lint import read_and_parse

    siblings = language_sources(source)  # other language versions: links, JSON
    read_first = snapshot([source, brand_file, options.theme.docx_reference, *template_files(), *siblings])
    try:
        theme = source_theme(brand_file, options)
        text, document = read_and_parse(source)
    except PublisherError as error:
        return SourceResult(source, error=error.format_message())
    theme = with_facts(document, theme, options.epoch)
    inputs = {**snapshot(named_files(document, theme)), **read_first}
    futures = {
        fmt: workers.submit(render_in_worker, fmt, document, theme, options.debug)
        for fmt in paths
        if workers.enabled and is_slow(fmt)
    }
    # The warnings (reading grades, jargon) are worked out while the workers render; under
    # --strict a warning still means nothing is written, the renders' results unused.
    warnings, failure = checked(source, document, text, options)
    if failure:
        for future in futures.values():
            future.cancel()  # those not started yet; the others' results are dropped
        return SourceResult(source, error=failure)
    return Pending(source, document, theme, paths, futures, key, inputs, tuple(warnings), text)


def checked(source: Path, document: Document, text: str, options: BuildOptions) -> tuple[list[Problem], str]:
    """A parsed source's warnings, and why the build stops ("" when it goes on).

    It stops for a broken jargon file, or for any warning under ``--strict``.
    """
    from publisher.lint import source_warnings, strict_failure

    try:
        warnings = source_warnings(source, document, text, options.checks)
    except PublisherError as error:
        return [], error.format_message()
    return warnings, strict_failure(source, warnings) if options.strict and warnings else ""


def strict_recheck(source: Path, options: BuildOptions) -> SourceResult | None:
    """Under ``--strict``, an unchanged source is still checked: its warnings fail the build.

    A review date can pass while nothing changes, and CI must not pass on old outputs.
    """
    if not options.strict:
        return None
    from publisher.lint import check_source, strict_failure

    try:
        _, warnings = check_source(source, options.checks)
    except PublisherError as error:
        return SourceResult(source, error=error.format_message())
    return SourceResult(source, error=strict_failure(source, warnings)) if warnings else None


def finish_source(pending: Pending | SourceResult, options: BuildOptions) -> SourceResult:
    """Render what is left here, collect the workers' results and write all or nothing."""
    if isinstance(pending, SourceResult):
        return pending
    result = render_and_write(pending, options)
    return replace(result, warnings=tuple(str(problem) for problem in pending.warnings))


def render_and_write(pending: Pending, options: BuildOptions) -> SourceResult:
    """Render the formats not already under way in workers, then write all or nothing."""
    results: dict[str, tuple[Rendered, float]] = {}
    try:
        for fmt in pending.paths:
            if fmt not in pending.futures:
                results[fmt] = render_one(fmt, pending.document, pending.theme, options.debug)
        for fmt, future in pending.futures.items():
            outcome = worker_outcome(fmt, future)
            if isinstance(outcome, str):
                raise RenderError(outcome)
            results[fmt] = outcome
    except PublisherError as error:
        return SourceResult(pending.source, error=error.format_message())
    return write_source(pending, options, results)


def worker_outcome(fmt: str, future: Future) -> tuple[Rendered, float] | str:
    """A worker's result, or the reason it has none (a worker killed, say, for memory)."""
    try:
        return future.result()
    except Exception as error:  # BrokenProcessPool and friends: say so, keep the old outputs
        return f"{fmt} failed: the worker process stopped ({type(error).__name__}: {error})"


def named_files(document: Document, theme: Theme) -> list[Path]:
    """The files a parsed source and its brand name: images, the logo and font files."""
    brand = theme.brand
    return [*(image.path for image in document_images(document)), brand.logo, *(f.path for f in brand.fonts)]


def write_source(
    pending: Pending, options: BuildOptions, results: dict[str, tuple[Rendered, float]]
) -> SourceResult:
    """Write a source's outputs and its stamp in one all-or-nothing step."""
    files = {pending.paths[fmt]: rendered.data for fmt, (rendered, _) in results.items()}
    if options.record:
        files[record_path(options.out_dir, pending.source)] = record_bytes(pending, options, files)
    stamp = stamp_path(options.out_dir, pending.source)
    owned = owned_files(stamp)
    files[stamp] = make_stamp(pending.key, pending.inputs, dict(files), owned)
    try:
        write_outputs(files, protected=[pending.source], owned=None if options.force else owned)
    except OSError as error:
        return SourceResult(pending.source, error=f"{pending.source}: could not write outputs: {error}")
    written = tuple(
        Written(pending.paths[fmt], len(rendered.data), seconds, rendered.pages)
        for fmt, (rendered, seconds) in results.items()
    )
    if options.record:
        path = record_path(options.out_dir, pending.source)
        written += (Written(path, len(files[path]), 0.0),)
    return SourceResult(pending.source, written)
