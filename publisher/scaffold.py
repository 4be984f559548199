"""``publisher init``: a new FAQ project, copied from the shipped sample."""

from __future__ import annotations

import shutil
from pathlib import Path

from publisher.errors import PublisherError
from publisher.resources import templates_dir

# The sample's gitignore is stored without its dot so packaging tools keep it.
RENAMES = {"gitignore": ".gitignore"}


def sample_files() -> dict[Path, Path]:
    """Each sample file and where it goes, relative to the new project."""
    root = templates_dir() / "init"
    files = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root)
        files[relative.with_name(RENAMES.get(relative.name, relative.name))] = path
    return files


def create_project(directory: Path) -> list[Path]:
    """Copy the sample into ``directory``; refuses to overwrite anything that exists."""
    files = sample_files()
    clashes = [directory / target for target in files if (directory / target).exists()]
    if clashes:
        names = ", ".join(str(p) for p in clashes)
        raise PublisherError(f"{directory}: not overwriting existing files: {names}")
    created = []
    for target, sample in files.items():
        destination = directory / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample, destination)
        created.append(destination)
    return created
