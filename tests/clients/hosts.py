"""Host pages: the fragment pasted into a plain web page and into a Bootstrap page.

Both are correct pages of their own (lang, title, landmarks, one h1), so anything a
client finds comes from the fragment. The fragment is inserted byte for byte, as a
web developer pastes it into a CMS's "embed HTML" box.
"""

from __future__ import annotations

import shutil
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "vendor"
BOOTSTRAP_CSS = "bootstrap.min.css"
STYLES = ("plain", "bootstrap")

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Patient information - Example Clinic</title>
{head}</head>
<body>
{body}
</body>
</html>
"""

PLAIN_BODY = """<header><p>Example Clinic</p></header>
<main>
<h1>Patient information</h1>
{fragment}</main>
<footer><p>Example Clinic, 1 High Street</p></footer>"""

# A typical Bootstrap site: navbar, container, the fragment pasted into a content column.
BOOTSTRAP_BODY = """<header class="navbar bg-body-tertiary mb-4">
<div class="container"><p class="navbar-brand mb-0">Example Clinic</p></div>
</header>
<main class="container">
<h1 class="h2">Patient information</h1>
<div class="row">
<div class="col-lg-9">
{fragment}</div>
</div>
</main>
<footer class="container py-4 text-body-secondary"><p>Example Clinic, 1 High Street</p></footer>"""


def host_page(fragment: str, style: str) -> str:
    """A whole HTML page around the fragment, plain or carrying Bootstrap's stylesheet."""
    if style == "bootstrap":
        head = f'<link rel="stylesheet" href="{BOOTSTRAP_CSS}">\n'
        return PAGE.format(head=head, body=BOOTSTRAP_BODY.format(fragment=fragment))
    return PAGE.format(head="", body=PLAIN_BODY.format(fragment=fragment))


def write_host_page(fragment_file: Path, folder: Path, name: str, style: str) -> Path:
    """Write ``<name>-<style>.html`` (and Bootstrap's stylesheet beside it) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    if style == "bootstrap" and not (folder / BOOTSTRAP_CSS).exists():
        shutil.copyfile(VENDOR / BOOTSTRAP_CSS, folder / BOOTSTRAP_CSS)
    path = folder / f"{name}-{style}.html"
    path.write_text(host_page(fragment_file.read_text(encoding="utf-8"), style), encoding="utf-8")
    return path
