"""`make bench`: ratios measured side by side in one run (medians of several cold runs).

- cold `publisher build` (all formats) against WeasyPrint alone rendering the same kept
  print HTML, and against pandoc 3 (pypandoc_binary) making HTML, DOCX and PDF (via WeasyPrint);
- a generated 1,000-entry FAQ against WeasyPrint alone;
- the rebuild latency of `publisher watch`, and the save-to-picture time of `publisher preview`,
  against WeasyPrint's warm render alone;
- the no-op build and `check`; peak memory at 1,000 entries; time for 100, 1,000, 4,000 entries;
- the PDF of a table-heavy FAQ (wide tables, laid out full width) against the same FAQ
  with each table's cells as a list instead (the same text, two columns throughout).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# The venv's bin first: pandoc finds the same WeasyPrint there for its PDF.
PATH = f"{BIN}:{os.environ['PATH']}"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1763856000", "NO_COLOR": "1", "PATH": PATH}
# WeasyPrint alone, with its defaults or with the PDF/UA-1 tagging our leaflet must have for screen
# readers: the second isolates what our own code costs.
WEASYPRINT_ALONE = (
    "import sys; from weasyprint import HTML; "
    "options = {'pdf_variant': 'pdf/ua-1'} if sys.argv[3:] else {}; "
    "HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], **options)"
)
RESULTS: list[tuple[str, str, str]] = []


def median_time(command: list[str], runs: int = RUNS) -> float:
    """Median wall time of a command, each run a fresh process."""
    return interleaved_medians({"command": [command]}, runs)["command"]


def interleaved_medians(
    commands: dict[str, list[list[str]]], runs: int = RUNS, cwd: Path = ROOT
) -> dict[str, float]:
    """Median wall time of each named command sequence, run in turns (A, B, C, A, B, C ...).

    Taking turns spreads the machine's drifts (other load, CPU frequency) over every
    contender instead of charging them to whichever ran during the slow moment.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, sequence in commands.items():
            started = time.perf_counter()
            for command in sequence:
                subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def peak_rss_mb(command: list[str], cwd: Path = ROOT) -> float:
    """Largest resident set of any process in the command's tree, in MB."""
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    output = subprocess.run(
        [sys.executable, "-c", wrapper, *command],
        cwd=cwd,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return int(output) / 1024


def record(name: str, value: str, target: str = "") -> None:
    RESULTS.append((name, value, target))
    print(f"{name:<58} {value:>14}   {target}", flush=True)


def publisher(*args: str) -> list[str]:
    return [str(BIN / "publisher"), *args]


def kept_print_html(source: Path, out: Path) -> Path:
    subprocess.run(
        publisher("build", str(source), "-o", str(out), "-f", "pdf", "--keep-html", "--force"),
        env=ENV,
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return out / (source.stem + ".print.html")


def weasyprint_alone(html: Path, out: Path, tagged: bool = False) -> list[str]:
    extra = ["tagged"] if tagged else []
    return [sys.executable, "-c", WEASYPRINT_ALONE, str(html), str(out / "alone.pdf"), *extra]


def pandoc_commands(source: Path, out: Path) -> list[list[str]] | None:
    """pandoc 3 making HTML, DOCX and PDF (through WeasyPrint) of the source, or None without it."""
    try:
        import pypandoc
    except ImportError:
        return None
    pandoc = pypandoc.get_pandoc_path()
    out.mkdir(parents=True, exist_ok=True)
    return [
        [pandoc, str(source), "-o", str(out / f"faq.{suffix}"), *extra]
        for suffix, extra in (("html", ["-s"]), ("docx", []), ("pdf", ["--pdf-engine=weasyprint"]))
    ]


def bench_cold(
    source: Path,
    work: Path,
    label: str,
    target: float,
    with_pandoc: bool = False,
    pandoc_target: float = 0.85,
) -> None:
    out = work / f"out-{label}"
    html = kept_print_html(source, out)
    contenders = {
        "ours": [publisher("build", str(source), "-o", str(out), "--force")],
        "alone": [weasyprint_alone(html, out)],
        "tagged": [weasyprint_alone(html, out, tagged=True)],
    }
    pandoc = pandoc_commands(source, work / "pandoc") if with_pandoc else None
    if pandoc:
        contenders["pandoc"] = pandoc
    runs = RUNS if source.stat().st_size < 100_000 else max(1, RUNS // 2)
    # In the work folder: pandoc leaves its temporary HTML in the current folder while it runs.
    times = interleaved_medians(contenders, runs, cwd=work)
    ours, alone, tagged = times["ours"], times["alone"], times["tagged"]
    record(f"{label}: publisher build, all formats (s)", f"{ours:.3f}")
    record(f"{label}: WeasyPrint alone on the print HTML (s)", f"{alone:.3f}")
    record(f"{label}: WeasyPrint alone, PDF/UA-1 as ours (s)", f"{tagged:.3f}")
    record(f"{label}: ratio build / WeasyPrint alone", f"{ours / alone:.3f}x", f"target <= {target:.2f}x")
    record(
        f"{label}: ratio build / WeasyPrint, PDF/UA-1", f"{ours / tagged:.3f}x", f"target <= {target:.2f}x"
    )
    if pandoc:
        record(f"{label}: pandoc 3, HTML + DOCX + PDF via WeasyPrint (s)", f"{times['pandoc']:.3f}")
        record(
            f"{label}: ratio build / pandoc",
            f"{ours / times['pandoc']:.3f}x",
            f"target <= {pandoc_target:.2f}x",
        )
    elif with_pandoc:
        record("pandoc comparison", "skipped", "make bench installs pypandoc_binary")


def bench_fast_paths(source: Path, work: Path) -> None:
    out = work / "noop"
    subprocess.run(publisher("build", str(source), "-o", str(out)), env=ENV, check=True, capture_output=True)
    times = interleaved_medians(
        {
            "noop": [publisher("build", str(source), "-o", str(out))],
            "check": [publisher("check", str(source))],
        }
    )
    record("no-op build (s)", f"{times['noop']:.3f}", "target < 0.150")
    record("check (s)", f"{times['check']:.3f}", "target < 0.150")


def bench_watch(source: Path, work: Path) -> None:
    """Time from saving the source to the new PDF, against a warm in-process WeasyPrint render."""
    folder = work / "watch"
    folder.mkdir(exist_ok=True)
    copy = folder / "faq.md"
    shutil.copy(source, copy)
    out = folder / "out"
    process = subprocess.Popen(
        publisher("watch", str(copy), "-o", str(out)),
        env=ENV,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_line(process, "watching")
        latencies = []
        for number in range(RUNS):
            before = (out / "faq.pdf").stat().st_mtime_ns
            started = time.perf_counter()
            copy.write_text(source.read_text() + f"\nEdit {number}.\n")
            deadline = started + 30
            while (out / "faq.pdf").stat().st_mtime_ns == before:
                if time.perf_counter() > deadline:
                    raise RuntimeError("watch did not rebuild within 30 s")
                time.sleep(0.005)
            latencies.append(time.perf_counter() - started)
            time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(10)
    html = kept_print_html(copy, out)
    warm, tagged = warm_render_time(html), warm_render_time(html, "pdf/ua-1")
    latency = statistics.median(latencies)
    record("watch: save to new outputs (s)", f"{latency:.3f}")
    record("WeasyPrint warm render alone (s)", f"{warm:.3f}")
    record("WeasyPrint warm render alone, PDF/UA-1 (s)", f"{tagged:.3f}")
    record("ratio watch rebuild / WeasyPrint render", f"{latency / warm:.3f}x", "target <= 1.10x")
    record("ratio watch rebuild / WeasyPrint render, PDF/UA-1", f"{latency / tagged:.3f}x", "target <= 1.10x")


# A warm WeasyPrint that renders the print HTML once per line read (the line names the variant).
WARM_RENDERER = (
    "import sys, time; from weasyprint import HTML\n"
    "for line in sys.stdin:\n"
    "    s = time.perf_counter(); HTML(filename=sys.argv[1]).write_pdf(pdf_variant=line.strip() or None)\n"
    "    print(time.perf_counter() - s, flush=True)"
)


def bench_preview(source: Path, work: Path) -> None:
    """Time from saving the source to the new first PDF page picture of `publisher preview`.

    Measured as the page sees it: the server-sent event announcing the new leaflet, then the
    picture fetched. Each save waits until LibreOffice has finished the previous handout, as
    between a person's saves, and takes turns with a warm WeasyPrint rendering the same
    leaflet in its own process, so both meet the same load.
    """
    import http.client
    import json

    folder = work / "preview"
    folder.mkdir(exist_ok=True)
    copy = folder / "faq.md"
    shutil.copy(source, copy)
    html = kept_print_html(copy, folder / "out")
    command = [sys.executable, "-c", WARM_RENDERER, str(html)]
    renderer = subprocess.Popen(command, env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    process = subprocess.Popen(
        publisher("preview", str(copy), "--no-browser"), env=ENV, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )

    def warm_render(variant: str = "") -> float:
        renderer.stdin.write(f"{variant}\n".encode())
        renderer.stdin.flush()
        return float(renderer.stdout.readline())

    try:
        port = int(process.stdout.readline().split("127.0.0.1:")[1].split("/")[0])
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        events.request("GET", "/events")
        stream = events.getresponse()

        def next_state(done) -> dict:
            while True:
                line = stream.fp.readline().decode()
                if line.startswith("data: ") and done(state := json.loads(line[6:])):
                    return state

        state = next_state(lambda s: s.get("state") == "ready")
        warm_render(), warm_render("pdf/ua-1")  # the first renders load fonts
        latencies, warm, tagged = [], [], []
        for number in range(RUNS):
            state = next_state(lambda s: s.get("word", {}).get("state") != "converting")
            warm.append(warm_render())
            tagged.append(warm_render("pdf/ua-1"))
            rev = state["pdf"]["rev"]
            started = time.perf_counter()
            copy.write_text(source.read_text() + f"\nEdit {number}.\n")
            next_state(lambda s, rev=rev: s["pdf"]["rev"] > rev)
            picture = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            picture.request("GET", "/pdf/1.jpg")
            picture.getresponse().read()
            latencies.append(time.perf_counter() - started)
    finally:
        process.terminate()
        process.wait(20)
        renderer.kill()
        renderer.wait()
    latency, warm_time, tagged_time = (statistics.median(v) for v in (latencies, warm, tagged))
    record("preview: save to new PDF page picture (s)", f"{latency:.3f}")
    record("WeasyPrint warm render alone, in turns (s)", f"{warm_time:.3f}")
    record("WeasyPrint warm render alone, PDF/UA-1, in turns (s)", f"{tagged_time:.3f}")
    record("ratio preview update / WeasyPrint render", f"{latency / warm_time:.3f}x", "target <= 1.20x")
    record("ratio preview update / WeasyPrint, PDF/UA-1", f"{latency / tagged_time:.3f}x", "target <= 1.20x")


def wait_for_line(process: subprocess.Popen, text: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if text in line:
            return
    raise RuntimeError(f"watch never said {text!r}")


def warm_render_time(html: Path, variant: str = "") -> float:
    options = f"pdf_variant={variant!r}" if variant else ""
    code = (
        "import sys, time, statistics; from weasyprint import HTML\n"
        f"HTML(filename=sys.argv[1]).write_pdf({options})\n"
        "t = []\n"
        f"for _ in range({RUNS}):\n"
        f"    s = time.perf_counter(); HTML(filename=sys.argv[1]).write_pdf({options})\n"
        "    t.append(time.perf_counter() - s)\n"
        "print(statistics.median(t))"
    )
    return float(
        subprocess.run(
            [sys.executable, "-c", code, str(html)], env=ENV, check=True, capture_output=True, text=True
        ).stdout
    )


def bench_scaling(work: Path) -> None:
    times = {}
    for count in (100, 1000, 4000):
        source = work / f"faq{count}.md"
        source.write_text(generate(count))
        runs = 1 if count == 4000 else max(1, RUNS // 2)
        times[count] = median_time(
            publisher("build", str(source), "-o", str(work / f"scale{count}"), "--force"), runs=runs
        )
        record(f"{count} entries, all formats (s)", f"{times[count]:.2f}")
    per_entry = [(times[c] - times[100]) / (c - 100) * 1000 for c in (1000, 4000)]
    record(
        "ms per extra entry, 100->1000 and 100->4000",
        f"{per_entry[0]:.1f} / {per_entry[1]:.1f}",
        "linear when these agree",
    )
    memory = peak_rss_mb(publisher("build", str(work / "faq1000.md"), "-o", str(work / "mem"), "--force"))
    record("peak memory, 1,000 entries (largest process, MB)", f"{memory:.0f}", "target < 400")


WIDE_TABLE = ROOT / "tests" / "corpus" / "travel-vaccination-en-15-wide-table" / "faq.md"


def table_sources(work: Path) -> tuple[Path, Path]:
    """The travel FAQ with its wide table in three answers, and the same with the tables as lists.

    Both have the same words; the list keeps each table row on one bullet line.
    """
    text = WIDE_TABLE.read_text(encoding="utf-8")
    table = "\n".join(line for line in text.splitlines() if line.startswith("|"))
    for question in ("## Do I need a yellow fever certificate?", "## What about dengue?"):
        text = text.replace(question, f"{question}\n\n{table}\n", 1)
    rows = [line for line in table.splitlines() if not set(line) <= set("|-: ")]
    as_list = "\n".join("- " + ", ".join(cell.strip() for cell in row.strip("|").split("|")) for row in rows)
    heavy, plain = work / "tables.md", work / "lists.md"
    heavy.write_text(text, encoding="utf-8")
    plain.write_text(text.replace(table, as_list), encoding="utf-8")
    return heavy, plain


def bench_tables(work: Path) -> None:
    """A table-heavy PDF against a table-free one of the same text: full-width tables cost layout time."""
    heavy, plain = table_sources(work)
    times = interleaved_medians(
        {
            name: [publisher("build", str(source), "-o", str(work / name), "-f", "pdf", "--force")]
            for name, source in (("tables", heavy), ("lists", plain))
        }
    )
    record("PDF with 3 wide tables (s)", f"{times['tables']:.3f}")
    record("PDF of the same text without tables (s)", f"{times['lists']:.3f}")
    record("ratio tables / no tables", f"{times['tables'] / times['lists']:.3f}x", "target <= 1.50x")


def main() -> None:
    source = ROOT / "source" / "faq.md"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print(f"median of {RUNS} cold runs each; {os.cpu_count()} cores\n")
        bench_cold(source, work, "clinic FAQ", 1.05, with_pandoc=True)
        big = work / "faq1000.md"
        big.write_text(generate(1000))
        bench_cold(big, work, "1,000 entries", 1.10, with_pandoc=True, pandoc_target=1.0)
        bench_fast_paths(source, work)
        bench_tables(work)
        bench_watch(source, work)
        bench_preview(source, work)
        bench_scaling(work)


if __name__ == "__main__":
    main()
