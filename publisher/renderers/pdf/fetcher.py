"""The only way WeasyPrint may read anything: local files in allowed folders and ``data:`` URLs.

WeasyPrint fetches stylesheets, fonts and images through a URL fetcher. Its default one
follows any ``file:``, ``http:`` or ``ftp:`` URL, so a template, a brand file or a
stylesheet could make a build read arbitrary files or reach the network. This fetcher
refuses everything but files inside the given folders (after resolving symlinks and
``..``) and ``data:`` URLs, and it never opens a socket.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib import request
from urllib.parse import urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

# WeasyPrint insists that stylesheets are text/css. A fixed table rather than the
# mimetypes module: the same answer on every machine, and no /etc/mime.types to read.
MEDIA_TYPES = {
    ".css": "text/css",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
}


class RefusedURL(ValueError):
    """A URL the fetcher will not serve; the message names the URL and why."""


class LocalFetcher(URLFetcher):
    """Serves ``file:`` URLs inside ``roots`` and ``data:`` URLs; refuses everything else.

    ``fail_on_errors`` makes WeasyPrint stop at the first refused URL instead of
    logging it and leaving a hole (a missing image, a fallback font) in the PDF.
    """

    def __init__(self, roots: Iterable[Path]):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=True)
        self.roots = tuple(Path(root).resolve() for root in roots)
        self.served: list[str] = []
        """Every URL served, in order (for tests and debugging)."""
        self.refused: list[str] = []
        """Why each refused URL was refused, even where WeasyPrint swallows the error (SVG)."""

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        """Return the resource at ``url``, or raise RefusedURL naming it."""
        try:
            response = self.open_url(url)
        except RefusedURL as error:
            self.refused.append(str(error))
            raise
        self.served.append(url)
        return response

    def open_url(self, url: str) -> URLFetcherResponse:
        """Dispatch on the scheme: data: and file: only."""
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return self.fetch_data(url)
        if scheme == "file":
            return self.fetch_file(url)
        raise RefusedURL(f"refused to fetch {url}: only local files and data: URLs are allowed")

    def fetch_data(self, url: str) -> URLFetcherResponse:
        """Decode a ``data:`` URL (urllib's handler does it without any I/O)."""
        try:
            opened = request.DataHandler().data_open(request.Request(url))
        except ValueError as error:
            raise RefusedURL(f"refused malformed data: URL ({error})") from None
        return URLFetcherResponse(url, opened.read(), {"Content-Type": opened.headers["Content-Type"]})

    def fetch_file(self, url: str) -> URLFetcherResponse:
        """Read a local file when it resolves to a place inside one of the allowed folders."""
        path = self.allowed_path(url)
        headers = {"Content-Type": MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")}
        try:
            body = path.read_bytes()
        except OSError as error:
            raise RefusedURL(f"cannot read {url}: {error.strerror}") from None
        return URLFetcherResponse(url, body, headers)

    def allowed_path(self, url: str) -> Path:
        """The resolved file a ``file:`` URL names, or RefusedURL when it lies outside the roots."""
        parts = urlsplit(url)
        # file://host/... would be a network share on some systems.
        if parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"refused to fetch {url}: not a local file")
        # resolve() follows symlinks and removes "..", so neither can escape a root.
        path = Path(request.url2pathname(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise RefusedURL(
                f"refused to fetch {url}: outside the templates, the source's and the brand's folders"
            )
        return path
