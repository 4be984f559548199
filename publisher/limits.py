"""Every resource limit on what the publisher reads, in one place.

Each limit keeps a hostile or broken input from hanging a build, exhausting memory
or crashing a library (markdown-it, PyYAML, resvg, WeasyPrint). Inputs past a limit
are refused when they are read, with a message naming the limit, so ``check``
passing means ``build`` finishes in bounded time and memory. The figures leave
room for real clinics: the largest benchmark source (4,000 entries) is 0.7 MB.
"""

from __future__ import annotations

# --- the source ----------------------------------------------------------------

MAX_SOURCE_BYTES = 1_000_000
"""A source file: 50 clinic FAQs, above the 4,000-entry benchmark (0.7 MB). markdown-it
reads plain text at about 6 microseconds a character and the worst Markdown (runs of
``![`` or list markers) at about 45, so no source takes it more than a minute."""

MAX_LINE_CHARS = 10_000
"""One line: a paragraph written as a single line runs to a few thousand characters;
a 5 MB line took markdown-it and WeasyPrint minutes."""

MAX_BLOCK_NESTING = 18
"""Lists and quotes inside each other. markdown-it drops content at its nesting limit
(20), so content within two levels of it is reported instead of lost."""

MAX_INLINE_NESTING = 18
"""Emphasis, links and strong inside each other: the tree walks recurse once per level."""

MAX_MARKUP_PER_WORD = 10
"""Emphasis, strong, links and code inside one word (no space between them): WeasyPrint
took 2 s for a word of 20 and 13 s for one of 100."""

MAX_TABLE_COLUMNS = 12
"""Columns of one table: a leaflet's column fits about six readable ones (Word allows 63).
Layout time grows fast with narrower cells: 20 rows took WeasyPrint 1.5 s at 12
columns, 15 s at 30, and minutes at 2,000."""

MAX_URL_CHARS = 2_048
"""A link or image address: the longest address browsers and search engines keep."""

MAX_TEXT_CHARS = 2_000
"""A front matter or brand text value (title, subtitle, disclaimer, clinic name,
contact lines); a 1 MB title took WeasyPrint minutes."""

MAX_LANG_CHARS = 35
"""A BCP 47 language tag (RFC 5646 asks every implementation to take 35 characters)."""

WORD_PROPERTY_CHARS = 255
"""Word's limit for a document property (title, subject, author); longer values are
cut in the property only."""

# --- YAML (front matter and brand file) -------------------------------------------

MAX_YAML_DEPTH = 10
"""Mappings and lists inside each other; the brand file needs 5. PyYAML's composer
recurses once per level."""

MAX_BRAND_BYTES = 100_000
"""A brand file: a real one is about 1 KB; PyYAML reads about 1 MB a second."""

# --- images ---------------------------------------------------------------------

MAX_IMAGE_BYTES = 10_000_000
"""An image file; it is embedded base64-encoded in the fragment, JSON and print HTML."""

MAX_EMBEDDED_IMAGE_BYTES = 15_000_000
"""Image bytes of all uses together: the web fragment and the JSON hold each use as a data:
URI (a 230 KB picture used 100 times made a 31 MB fragment); the PDF and Word embed a
picture once."""

MAX_IMAGE_PIXELS = 25_000_000
"""Width times height of a decoded image (a 6,000 x 4,000 camera photo is 24 million).
WeasyPrint took 250 MB for 25 million pixels and 1.2 GB for 144 million."""

MAX_IMAGE_SIDE = 20_000
"""Width or height of an image in pixels, whatever its pixel count."""

MAX_SVG_BYTES = 500_000
"""An SVG file: icons and diagrams are a few KB. WeasyPrint draws SVG in Python: a path of
1.3 MB took it 5 s."""

MAX_SVG_ELEMENTS = 5_000
"""Elements of an SVG, counting each ``<use>`` and ``url(#id)`` reference as a copy of
what it points at: nested ``<use>`` elements multiply (an SVG of 90 elements drew
100 million rectangles and ran for minutes). WeasyPrint took 8.5 s for 19,000."""

MAX_SVG_DEPTH = 50
"""Elements inside each other in an SVG; WeasyPrint's SVG renderer recurses per level."""

MAX_SVG_SIDE = 10_000
"""Width or height of an SVG's natural size in CSS pixels; resvg aborts the whole
process (a Rust panic) on a drawing too large for a pixmap."""

# --- the build's own files ----------------------------------------------------------

MAX_STAMP_BYTES = 1_000_000
"""A build stamp; ours are a few KB. A larger one was not written by us."""
