"""Do two revisions give the same outputs? For refactors that promise not to change a byte.

    .venv/bin/python bench/same_outputs.py REV [SOURCE ...]

Builds the clinic FAQ and every test fixture (or the SOURCEs given) at git revision REV
(in a temporary worktree) and in the working tree, every format plus the print HTML,
with a fixed SOURCE_DATE_EPOCH, and compares them file by file; a DOCX is compared
member by member, so a difference is named down to the part. The print HTML names its
stylesheets by absolute path, so the checkout folder is written the same way on both
sides before comparing. Exit 0 when everything is identical.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [
    "source/faq.md",
    *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("tests/fixtures/*/faq.md")),
]


def build(checkout: Path, sources: list[str], out: Path) -> None:
    """Build every source of ``checkout`` into ``out/<source name>/`` with that checkout's code."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(checkout)}
    for source in sources:
        target = out / source.replace("/", "_").removesuffix(".md")
        command = [sys.executable, "-m", "publisher", "build", source, "-o", str(target)]
        command += ["--keep-html", "--force", "-q", "-j", "1"]
        result = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
        if result.returncode:
            print(f"{checkout}: {source} did not build:\n{result.stderr}")


def differences(old: Path, new: Path, old_root: Path, new_root: Path) -> list[str]:
    """Every output file that differs, with the DOCX parts that differ."""
    found = []
    names = {p.relative_to(old) for p in old.rglob("*") if p.is_file() and not p.name.startswith(".")}
    names |= {p.relative_to(new) for p in new.rglob("*") if p.is_file() and not p.name.startswith(".")}
    for name in sorted(names):
        a, b = old / name, new / name
        if not (a.exists() and b.exists()):
            found.append(f"{name}: only in {'the revision' if a.exists() else 'the working tree'}")
        elif name.suffix == ".docx":
            found += [f"{name}: {part}" for part in docx_parts_differing(a, b)]
        elif name.name.endswith(".print.html"):
            same_place = a.read_text("utf-8").replace(old_root.as_uri(), new_root.as_uri())
            if same_place != b.read_text("utf-8"):
                found.append(str(name))
        elif a.read_bytes() != b.read_bytes():
            found.append(str(name))
    return found


def docx_parts_differing(a: Path, b: Path) -> list[str]:
    """The zip members of two DOCX files whose contents differ (or exist on one side only)."""
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        parts = set(za.namelist()) | set(zb.namelist())
        return sorted(
            part
            for part in parts
            if part not in za.namelist() or part not in zb.namelist() or za.read(part) != zb.read(part)
        )


def main(argv: list[str]) -> int:
    """Compare REV's outputs with the working tree's; print the differences."""
    if not argv:
        print(__doc__)
        return 2
    revision, sources = argv[0], argv[1:] or DEFAULT_SOURCES
    with tempfile.TemporaryDirectory() as temp:
        worktree, out = Path(temp) / "rev", Path(temp) / "out"
        subprocess.run(
            ["git", "worktree", "add", "-q", "--detach", str(worktree), revision], cwd=ROOT, check=True
        )
        try:
            build(worktree, sources, out / "rev")
            build(ROOT, sources, out / "now")
            found = differences(out / "rev", out / "now", worktree, ROOT)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=True)
    for line in found:
        print("differs:", line)
    print("identical" if not found else f"{len(found)} differences")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
