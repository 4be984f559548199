"""Copy the README's pictures from the client tests' pictures folder into docs/images/.

Run the client tests first (they leave ``readme-*.png`` in tests/artifacts/pictures/),
then ``.venv/bin/python tests/clients/update_readme_pictures.py``. Each picture is
reduced to a small palette so the committed files stay well under 150 KB.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
PICTURES = ROOT / "tests" / "artifacts" / "pictures"
IMAGES = ROOT / "docs" / "images"
MAX_BYTES = 150_000
COLOURS = 64
README_PICTURES = {
    "readme-fragment-desktop.png": "fragment-desktop.png",
    "readme-fragment-phone.png": "fragment-phone.png",
    "readme-pdf-1.png": "leaflet-pdf-page-1.png",
    "readme-docx-1.png": "handout-docx-page-1.png",
    "readme-leaflet-ar-1.png": "leaflet-ar-page-1.png",
    "readme-fragment-ar.png": "fragment-ar-phone.png",
}


def shrink(source: Path, target: Path) -> int:
    """Write ``source`` as a palette PNG at ``target``; return its size in bytes."""
    with Image.open(source) as picture:
        reduced = picture.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)
        reduced.save(target, optimize=True)
    return target.stat().st_size


def main() -> int:
    """Copy every README picture; 1 when one is missing or too big."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    failed = False
    for name, target in README_PICTURES.items():
        source = PICTURES / name
        if not source.is_file():
            print(f"missing {source}: run the client tests first (pytest -m clients)")
            failed = True
            continue
        size = shrink(source, IMAGES / target)
        print(f"{IMAGES / target}: {size // 1024} KB")
        failed = failed or size > MAX_BYTES
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
