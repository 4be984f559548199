"""Benchmark: `publisher build -f pdf` against WeasyPrint alone rendering the kept print HTML.

    .venv/bin/python bench/bench_pdf.py [SOURCE] [--runs N]

Every run is a cold process (Python start-up, imports, parsing, layout, PDF), and the
two commands alternate so that machine noise hits both alike. WeasyPrint alone is
measured twice: with its defaults (what a designer would run on the kept HTML) and
with the options the publisher uses (tagged PDF/UA-1 and a file identifier, which
cost WeasyPrint time of their own). The target is a ratio of at most 1.10.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAME_OPTIONS = "WeasyPrint alone (same options)"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1763856000"}
WEASYPRINT_DEFAULTS = "import sys; from weasyprint import HTML; HTML(sys.argv[1]).write_pdf(sys.argv[2])"
WEASYPRINT_SAME_OPTIONS = (
    "import sys; from weasyprint import HTML; "
    "HTML(sys.argv[1]).write_pdf(sys.argv[2], pdf_variant='pdf/ua-1', pdf_identifier=True)"
)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, every process of the command) of one run, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Times of each command over ``runs`` rounds, the commands alternating within a round."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed(command))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default="source/faq.md")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        kept = out / (Path(args.source).stem + ".print.html")
        subprocess.run(
            [BIN / "publisher", "build", args.source, "-f", "pdf", "--keep-html", "-o", out],
            cwd=ROOT,
            env=ENV,
            check=True,
            capture_output=True,
        )
        commands = {
            "publisher build -f pdf": [
                BIN / "publisher",
                "build",
                args.source,
                "-f",
                "pdf",
                "--force",
                "-o",
                out / "p",
            ],
            "WeasyPrint alone (defaults)": [sys.executable, "-c", WEASYPRINT_DEFAULTS, kept, out / "w.pdf"],
            SAME_OPTIONS: [sys.executable, "-c", WEASYPRINT_SAME_OPTIONS, kept, out / "t.pdf"],
        }
        timed(commands["publisher build -f pdf"])  # warm the OS file cache, not the processes
        times = measure(commands, args.runs)
    report(times, args)


def report(times: dict[str, list[tuple[float, float]]], args: argparse.Namespace) -> None:
    """Print medians of wall and CPU time, and the ratios against WeasyPrint alone.

    CPU time is shown too because it barely moves when other work shares the machine.
    """
    wall = {name: statistics.median(t[0] for t in values) for name, values in times.items()}
    cpu = {name: statistics.median(t[1] for t in values) for name, values in times.items()}
    print(f"{args.source}: median of {args.runs} cold runs each")
    print(f"  {'':<32} {'wall':>8} {'cpu':>8}")
    for name in times:
        print(f"  {name:<32} {wall[name]:7.3f}s {cpu[name]:7.3f}s")
    ours = "publisher build -f pdf"
    for name in ("WeasyPrint alone (defaults)", SAME_OPTIONS):
        ratios = f"wall {wall[ours] / wall[name]:.2f}x   cpu {cpu[ours] / cpu[name]:.2f}x"
        print(f"  ratio against {name:<32} {ratios}")
    print("  target: at most 1.10x")


if __name__ == "__main__":
    main()
