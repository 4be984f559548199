"""Benchmark: `publisher build -f pdf` against WeasyPrint alone rendering the kept print HTML.

    .venv/bin/python bench/bench_pdf.py [SOURCE] [--runs N]

Every run is a cold process (Python start-up, imports, parsing, layout, PDF), and the
two commands alternate so that machine noise hits both alike. WeasyPrint alone is
measured twice: with its defaults (what a designer would run on the kept HTML) and
with the options the publisher uses (PDF/UA tags). The target is a ratio of at most
1.10 against WeasyPrint's defaults.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1763856000"}
WEASYPRINT_DEFAULTS = "import sys; from weasyprint import HTML; HTML(sys.argv[1]).write_pdf(sys.argv[2])"
WEASYPRINT_TAGGED = (
    "import sys; from weasyprint import HTML; "
    "HTML(sys.argv[1]).write_pdf(sys.argv[2], pdf_variant='pdf/ua-1')"
)


def timed(command: list[str]) -> float:
    """Wall time of one run of a command, in seconds."""
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - started


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Times of each command over ``runs`` rounds, the commands alternating within a round."""
    times: dict[str, list[float]] = {name: [] for name in commands}
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
            "WeasyPrint alone (PDF/UA-1)": [sys.executable, "-c", WEASYPRINT_TAGGED, kept, out / "t.pdf"],
        }
        timed(commands["publisher build -f pdf"])  # warm the OS file cache, not the processes
        times = measure(commands, args.runs)
    report(times, args)


def report(times: dict[str, list[float]], args: argparse.Namespace) -> None:
    """Print medians and the ratios against WeasyPrint alone."""
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{args.source}: median of {args.runs} cold runs each")
    for name, value in medians.items():
        spread = f"{min(times[name]):.3f}-{max(times[name]):.3f}"
        print(f"  {name:<30} {value:7.3f} s   (range {spread} s)")
    ours = medians["publisher build -f pdf"]
    for name in ("WeasyPrint alone (defaults)", "WeasyPrint alone (PDF/UA-1)"):
        print(f"  ratio against {name:<30} {ours / medians[name]:.2f}x")
    print("  target: at most 1.10x against WeasyPrint's defaults")


if __name__ == "__main__":
    main()
