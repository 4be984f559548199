"""Generate a large FAQ source for benchmarks: N entries in sections of ten, varied answers."""

from __future__ import annotations

import sys
from pathlib import Path

ANSWERS = [
    "SMP is a non-invasive cosmetic procedure that uses micro-needles to implant tiny pigments "
    "into the scalp to create the illusion of a closely shaved head or fuller hair.",
    "Aftercare instructions typically include:\n\n- avoiding excessive sun exposure\n"
    "- not scratching or picking at the treated area\n- keeping the scalp clean and moisturized",
    "Sessions can range from a few hours to **multiple sessions** spread over several days. "
    "See [our price list](https://clinic.example/prices) or call [the clinic](tel:+10000000000).",
    "| Treatment | Sessions |\n|---|---:|\n| Full scalp | 3 |\n| Touch-up | 1 |",
    "1. Wash your hair the evening before.\n2. Do not use hair products on the day.\n"
    "3. Arrive ten minutes early.",
]


def generate(entries: int) -> str:
    """Source text with ``entries`` questions."""
    lines = [
        "---",
        f"title: Benchmark FAQ with {entries} entries",
        "subtitle: Generated",
        "lang: en",
        "updated: 2026-11-23",
        "disclaimer: Always consult a qualified practitioner.",
        "---",
        "",
    ]
    for number in range(entries):
        if number % 10 == 0:
            lines += [f"# Section {number // 10 + 1}", ""]
        lines += [f"## Question number {number + 1} about *SMP*?", "", ANSWERS[number % len(ANSWERS)], ""]
    return "\n".join(lines)


if __name__ == "__main__":
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    target.write_text(generate(count), encoding="utf-8")
