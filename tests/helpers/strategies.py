"""Hypothesis strategies for hostile input: front matter, Markdown, brand files and image bytes.

Each strategy mixes well-formed pieces (so examples get past the first check and reach
the deep ones) with the shapes that broke the publisher before (deep nesting, long
runs, wrong types, broken images with valid checksums, SVG reference bombs).
"""

from __future__ import annotations

import struct
import zlib

import yaml
from hypothesis import strategies as st

from tests.helpers.images import png_chunk, tiny_jpeg, tiny_png

IMAGE_NAMES = ("pic.png", "pic.jpg", "pic.svg", "missing.png", "../out.png", "a\x00b.png", "x" * 300 + ".png")
"""Image names a source may use; the first three exist in the fuzzing folder."""
FRONT_KEYS = ("title", "subtitle", "lang", "updated", "url", "disclaimer", "titel", "")
BRAND_PATHS = (
    ("meta", "name"),
    ("meta", "name", "full"),
    ("meta", "link", "home"),
    ("logo",),
    ("logo", "medium"),
    ("color", "palette", "teal"),
    ("color", "primary"),
    ("color", "background"),
    ("typography",),
    ("typography", "fonts"),
    ("typography", "base"),
    ("typography", "headings", "family"),
    ("contact", "phone"),
    ("color",),
    ("colour", "primary"),
)

# --- text ---------------------------------------------------------------------------

odd_chars = st.sampled_from(
    ["\x00", "\x0c", "\x85", "\u2028", "\ufeff", "\ud7ff", "😀", "営", "\u0301", "\t", "\r"]
)
words = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(["word", "SMP", "¿Qué?", "café", "https://clinic.example/faq", "a@b.example"]),
    odd_chars,
)
urls = st.one_of(
    st.sampled_from(
        ["https://clinic.example/", "http://a.b/c?d=e#f", "mailto:a@b.example", "tel:+441234", "#q"]
    ),
    st.sampled_from(
        ["javascript:alert(1)", "https://exa mple.com", "/relative", "https://" + "a" * 70 + ".example"]
    ),
    st.builds(lambda n: "https://a.example/" + "x" * n, st.integers(0, 3000)),
)


def repeat(piece: st.SearchStrategy[str], most: int = 400) -> st.SearchStrategy[str]:
    """``piece`` repeated up to ``most`` times: the long runs that make parsers slow."""
    return st.builds(lambda text, n: text * n, piece, st.integers(1, most))


inline = st.one_of(
    words,
    st.sampled_from(
        ["*", "_", "**", "`", "[", "]", "(", ")", "![", "<", ">", "&", "&#12;", "&#x2028;", "\\", "|"]
    ),
    st.builds("[{}]({})".format, words, urls),
    st.builds("![{}]({})".format, words, st.sampled_from(IMAGE_NAMES)),
    st.builds("*{}*".format, words),
    st.builds("**{}**".format, words),
    st.builds("`{}`".format, words),
    st.builds("<{}>".format, urls),
    st.just("<br>"),
    repeat(st.sampled_from(["*", "_", "[", "![", "*_", "<", "`", "a*"])),
)
lines = st.builds(" ".join, st.lists(inline, max_size=8))
block_prefix = st.sampled_from(
    ["", "", "", "- ", "1. ", "> ", "    ", "## ", "# ", "### ", "##### ", "| ", "---", "  - "]
)
table = st.builds(
    lambda head, rows: "\n".join(
        ["|" + "|".join(head) + "|", "|" + "-|" * len(head)] + ["|" + "|".join(r) + "|" for r in rows]
    ),
    st.lists(words, min_size=1, max_size=6),
    st.lists(st.lists(words, max_size=8), max_size=4),
)
markdown_body = st.builds(
    "\n".join,
    st.lists(st.one_of(st.builds(str.__add__, block_prefix, lines), table, st.just("")), max_size=25),
)

# --- YAML ---------------------------------------------------------------------------

scalars = st.one_of(
    words,
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.dates().map(str),
    st.sampled_from(
        ["2026-13-45", "9" * 5000, "#1d4f73", "teal", "Inter", "javascript:x", "images/logo.svg"]
    ),
)
yaml_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(words, inner, max_size=4)),
    max_leaves=20,
)
raw_yaml = st.one_of(
    st.sampled_from(
        ["[" * 60 + "]" * 60, "a: &a [1]\nb: *a", "!!python/object:os.system x", "? [a]\n: b", "{", "\t"]
    ),
    st.builds(lambda n: "".join(f"{'  ' * i}k{i}:\n" for i in range(n)) + "  " * n + "x", st.integers(1, 40)),
    st.builds(lambda k: f"{k}: 1\n{k}: 2", st.sampled_from(["title", "color"])),
)


def dump(data: object) -> str:
    """YAML text for data (always valid YAML)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


front_matter = st.one_of(
    st.builds(lambda d: dump(d), st.dictionaries(st.sampled_from(FRONT_KEYS), yaml_values, max_size=6)),
    st.builds(lambda title, extra: f"title: {title}\n{extra}", words, raw_yaml),
    raw_yaml,
)
sources = st.builds(
    lambda front, body, fenced: (f"---\n{front}\n---\n" if fenced else front) + "\n## Question?\n\n" + body,
    front_matter,
    markdown_body,
    st.booleans(),
)


def nest(path: tuple[str, ...], value: object) -> dict:
    """``{a: {b: value}}`` for the path ``(a, b)``."""
    for key in reversed(path):
        value = {key: value}
    return value  # type: ignore[return-value]


def merge(items: list[dict]) -> dict:
    """Merge nested dictionaries, later values winning."""
    result: dict = {}
    for item in items:
        deep_update(result, item)
    return result


def deep_update(target: dict, source: dict) -> None:
    """Put ``source``'s keys into ``target``, merging dictionaries found in both."""
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            deep_update(target[key], value)
        else:
            target[key] = value


brand_files = st.one_of(
    st.builds(
        lambda items: dump(merge(items)),
        st.lists(st.builds(nest, st.sampled_from(BRAND_PATHS), yaml_values), min_size=1, max_size=8),
    ),
    raw_yaml,
)

# --- images -------------------------------------------------------------------------


@st.composite
def png_bytes(draw) -> bytes:
    """A PNG with random header fields, resolution and damage, its checksums usually fixed."""
    width, height = draw(st.integers(0, 30_000)), draw(st.integers(0, 30_000))
    depth, colour = draw(st.sampled_from([1, 8, 16, 3])), draw(st.sampled_from([0, 2, 3, 6, 5]))
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, draw(st.sampled_from([0, 1, 2])))
    small = min(width, 64) * min(height, 64)
    rows = zlib.compress(bytes(draw(st.integers(0, small * 8 + 64))))
    chunks = [png_chunk(b"IHDR", header)]
    if draw(st.booleans()):
        chunks.append(
            png_chunk(b"pHYs", struct.pack(">IIB", draw(st.integers(0, 50)), 3000, draw(st.integers(0, 2))))
        )
    if colour == 3 and draw(st.booleans()):
        chunks.append(png_chunk(b"PLTE", b"\x00\x00\x00" * 4))
    chunks += [png_chunk(b"IDAT", rows), png_chunk(b"IEND", b"")]
    data = draw(st.sampled_from([b"\x89PNG\r\n\x1a\n" + b"".join(chunks), tiny_png(3, 3)]))
    return draw(damaged(data))


@st.composite
def jpeg_bytes(draw) -> bytes:
    """The tiny JPEG with random density, size fields and damage."""
    data = bytearray(
        tiny_jpeg((draw(st.integers(0, 3)), draw(st.integers(0, 300)), draw(st.integers(0, 300))))
    )
    if draw(st.booleans()):  # the frame's height and width (after FFC0, length and precision)
        at = data.index(b"\xff\xc0") + 5
        data[at : at + 4] = struct.pack(">HH", draw(st.integers(0, 65535)), draw(st.integers(0, 65535)))
    return draw(damaged(bytes(data)))


@st.composite
def svg_bytes(draw) -> bytes:
    """An SVG with random size, viewBox, references and embedded content."""
    size = st.sampled_from(["10", "0", "-5", "1e30", "100%", "5mm", "20000", "abc", "", "nan", "3em"])
    attrs = []
    for name in ("width", "height", "viewBox"):
        value = (
            draw(st.one_of(size, st.just("0 0 10 10"), st.just("0 0 1e9 1e9")))
            if draw(st.booleans())
            else None
        )
        if value is not None:
            attrs.append(f'{name}="{value}"')
    copies = draw(st.integers(0, 12))
    levels = ['<g id="l0"><rect width="1" height="1"/></g>'] + [
        f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * copies + "</g>"
        for i in range(1, draw(st.integers(1, 6)))
    ]
    extra = draw(
        st.sampled_from(
            [
                "",
                '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>',
                '<image href="https://x.example/a.png"/>',
                "<style>rect{fill:url(#l0)}</style>",
                '<text x="1" y="5">営業</text>',
                "<script>1</script>",
            ]
        )
    )
    opening = f'<svg xmlns="http://www.w3.org/2000/svg" {" ".join(attrs)}>'
    text = f"{opening}<defs>{''.join(levels)}</defs>{extra}</svg>"
    return draw(damaged(text.encode()))


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """The bytes as they are, truncated, or with a few bytes changed."""
    how = draw(st.sampled_from(["none", "none", "truncate", "flip"]))
    if how == "truncate" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "flip" and data:
        changed = bytearray(data)
        for _ in range(draw(st.integers(1, 3))):
            changed[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(changed)
    return data


images = st.one_of(
    st.tuples(st.just("pic.png"), png_bytes()),
    st.tuples(st.just("pic.jpg"), jpeg_bytes()),
    st.tuples(st.just("pic.svg"), svg_bytes()),
)
