"""``publisher watch``: rebuild when a source, brand file, image or template is saved."""

from __future__ import annotations

from pathlib import Path

from publisher.build import BuildOptions, Workers, build_all, warm_up
from publisher.console import Console
from publisher.resources import templates_dir


def watched_paths(sources: list[Path], options: BuildOptions) -> list[Path]:
    """Folders holding the sources (their images and brand files), the templates and --brand."""
    paths = {source.resolve().parent for source in sources} | {templates_dir()}
    if options.brand_file:
        paths.add(options.brand_file.resolve().parent)
    return sorted(paths)


def is_relevant(path: Path, out_dir: Path) -> bool:
    """Changes under the output folder (our own writes) and editor temp files do not count."""
    if path.is_relative_to(out_dir) or path.name.startswith((".", "#")) or path.name.endswith("~"):
        return False
    return "__pycache__" not in path.parts


def watch_sources(sources: list[Path], options: BuildOptions, console: Console) -> None:
    """Build now, then again after every relevant change, until Ctrl-C."""
    from watchfiles import watch

    out_dir = options.out_dir.resolve()
    workers = Workers(options.jobs)
    try:
        if workers.enabled:
            workers.submit(warm_up)
        build_all(sources, options, console.report, workers)
        console.message("watching for changes (Ctrl-C to stop)")
        for changes in watch(*watched_paths(sources, options), debounce=150, step=50):
            changed = sorted({Path(p).name for _, p in changes if is_relevant(Path(p), out_dir)})
            if changed:
                console.message(f"changed: {', '.join(changed)}")
                build_all(sources, options, console.report, workers)
    except KeyboardInterrupt:
        console.message("stopped watching")
    finally:
        workers.shutdown()
