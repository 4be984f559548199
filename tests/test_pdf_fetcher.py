"""WeasyPrint reads only the templates, the source's folder and data: URLs; nothing leaves the machine."""

from __future__ import annotations

import base64
import http.server
import threading

import pytest

from publisher.errors import RenderError
from publisher.renderers.pdf.fetcher import LocalFetcher, RefusedURL
from publisher.renderers.pdf.render import html_to_pdf
from publisher.resources import templates_dir


class CountingHandler(http.server.BaseHTTPRequestHandler):
    """Answers anything with a tiny stylesheet, and counts every request it gets."""

    requests: list[str]

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.requests.append(self.path)
        body = b"p { color: red }"
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def listener():
    """A loopback HTTP server on a free port; yields (base URL, list of requests received)."""
    requests: list[str] = []
    handler = type("Handler", (CountingHandler,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def folders(tmp_path):
    """An allowed folder (with a file and an image) next to a secret outside it."""
    allowed = tmp_path / "source"
    allowed.mkdir()
    (allowed / "ok.css").write_text("p { color: green }", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    return allowed


def test_listener_really_answers(listener):
    # Guard for the tests below: zero requests must mean "refused", not "unreachable".
    import urllib.request

    base, requests = listener
    assert urllib.request.urlopen(base + "/probe.css", timeout=5).read() == b"p { color: red }"
    assert requests == ["/probe.css"]


# --- the fetcher on its own ------------------------------------------------------


def test_serves_files_inside_the_roots(folders):
    fetcher = LocalFetcher([folders])
    response = fetcher.fetch((folders / "ok.css").as_uri())
    assert response.read() == b"p { color: green }"
    assert response.content_type == "text/css"


def test_serves_the_shipped_fonts():
    fetcher = LocalFetcher([templates_dir()])
    response = fetcher.fetch((templates_dir() / "fonts" / "Inter-Regular.otf").as_uri())
    assert response.read(4) == b"OTTO"


def test_serves_data_urls():
    payload = base64.b64encode(b"<svg/>").decode()
    response = LocalFetcher([]).fetch(f"data:image/svg+xml;base64,{payload}")
    assert response.read() == b"<svg/>"
    assert response.content_type == "image/svg+xml"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "{root}/../secret.txt",
        "{root}/%2e%2e/secret.txt",
        "{root}/link-out.txt",
        "file://example.org{root_path}/ok.css",
        "ftp://127.0.0.1/x.css",
        "https://fonts.example/inter.woff2",
    ],
)
def test_refuses_everything_else(folders, url):
    (folders / "link-out.txt").symlink_to(folders.parent / "secret.txt")
    url = url.format(root=folders.as_uri(), root_path=folders.as_posix())
    with pytest.raises(RefusedURL, match="refused"):
        LocalFetcher([folders]).fetch(url)


def test_refuses_loopback_http_without_a_request(listener):
    base, requests = listener
    with pytest.raises(RefusedURL, match=f"refused to fetch {base}/x.css"):
        LocalFetcher([templates_dir()]).fetch(base + "/x.css")
    assert requests == []


# --- through WeasyPrint: every way HTML and CSS can ask for a resource -------------


def page(head: str = "", body: str = "<p>Hello</p>") -> str:
    head = f'<meta charset="utf-8"><title>T</title>{head}'
    return f'<!DOCTYPE html><html lang="en"><head>{head}</head><body>{body}</body></html>'


def font_face(url: str) -> str:
    return f'<style>@font-face {{ font-family: X; src: url("{url}") }} p {{ font-family: X }}</style>'


@pytest.mark.parametrize(
    "make",
    [
        lambda url: page(head=f'<link rel="stylesheet" href="{url}/a.css">'),
        lambda url: page(head=f'<style>@import url("{url}/b.css");</style>'),
        lambda url: page(body=f'<p><img src="{url}/c.png" alt="c"></p>'),
        lambda url: page(head=font_face(f"{url}/d.woff2")),
        lambda url: page(body=f'<p style="background: url({url}/e.png)">x</p>'),
    ],
    ids=["stylesheet", "import", "image", "font", "background"],
)
def test_remote_resources_fail_the_build_and_reach_nobody(listener, folders, make):
    base, requests = listener
    with pytest.raises(RenderError, match=f"refused to fetch {base}/"):
        html_to_pdf(make(base), [folders], base_url=folders)
    assert requests == []


def test_svg_image_cannot_fetch_either(listener, folders):
    base, requests = listener
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="{base}/f.png"/></svg>'
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    # WeasyPrint swallows errors inside SVG images; the fetcher's own record still fails the build.
    with pytest.raises(RenderError, match=f"refused to fetch {base}/f.png"):
        html_to_pdf(page(body=f'<p><img src="{src}" alt="x"></p>'), [folders], base_url=folders)
    assert requests == []


@pytest.mark.parametrize("src", ["../secret.txt", "file:///etc/hostname", "%2e%2e/secret.txt"])
def test_local_files_outside_the_folders_fail_the_build(folders, src):
    with pytest.raises(RenderError, match="refused to fetch file://"):
        html_to_pdf(page(body=f'<p><img src="{src}" alt="x"></p>'), [folders], base_url=folders)


def test_missing_image_fails_instead_of_leaving_a_hole(folders):
    with pytest.raises(RenderError, match="cannot read .*missing.png"):
        html_to_pdf(page(body='<p><img src="missing.png" alt="x"></p>'), [folders], base_url=folders)


def test_weasyprint_warnings_fail_the_build(folders):
    with pytest.raises(RenderError, match="unknown property"):
        html_to_pdf(page(head="<style>p { colour: red }</style>"), [folders], base_url=folders)


def test_allowed_resources_render(folders):
    html = page(
        head='<link rel="stylesheet" href="ok.css">'
        + font_face((templates_dir() / "fonts" / "Inter-Regular.otf").as_uri())
    )
    pdf = html_to_pdf(html, [folders, templates_dir()], base_url=folders).data
    assert pdf.startswith(b"%PDF-")
