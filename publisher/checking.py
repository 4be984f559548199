"""``publisher check``: errors, warnings, a one-line summary per source, and the reading report."""

from __future__ import annotations

import json
from pathlib import Path

import click

from publisher.errors import PublisherError
from publisher.lint import Checks, check_source, checks_for, strict_failure


def run_check(
    sources: list[Path], brand_file: Path | None, checks: Checks, strict: bool, report: bool, fmt: str
) -> bool:
    """Check every source (and its brand file); True when none has errors (or warnings, when strict).

    Problems go to stderr; the summaries, or the reports, to stdout (``--format json``:
    one JSON array holding each source's report).
    """
    from publisher.brandfile import check_brand_file
    from publisher.summary import describe

    ok = True
    checked: set[Path] = set()
    reports = []
    for source in sources:
        ok = check_brand_file(brand_file, source, checked) and ok
        try:
            document, warnings = check_source(source, checks)
        except PublisherError as error:
            error.show()
            ok = False
            continue
        failed = strict and bool(warnings)
        if warnings:
            click.echo(
                strict_failure(source, warnings) if failed else "\n".join(map(str, warnings)), err=True
            )
        ok = ok and not failed
        if not report:
            if not failed:
                click.echo(f"{source}: {describe(document)}")
            continue
        from publisher.report import readability_data, report_table

        data = readability_data(document, warnings, checks_for(source, checks).reading_grade)
        if fmt == "json":
            reports.append({"source": str(source), **data})
        else:
            click.echo(report_table(str(source), data))
    if report and fmt == "json":
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
    return ok
