"""SVG files checked before WeasyPrint or resvg sees them.

An SVG must be UTF-8, well-formed and self-contained (no scripts, event handlers,
DOCTYPE or entities, and nothing loaded from another file or the network, not even
from inside an embedded picture), small enough to parse and draw in bounded time
and memory (elements, nesting, and the copies ``<use>`` and ``url(#id)`` references
make), and of a stated, drawable size: resvg aborts the whole process on a drawing
too large for a pixmap.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import unquote_to_bytes

from publisher.bitmaps import BadImage, check_jpeg, check_png
from publisher.limits import MAX_IMAGE_PIXELS, MAX_SVG_DEPTH, MAX_SVG_ELEMENTS, MAX_SVG_SIDE

HREF = re.compile(r"\{http://www\.w3\.org/1999/xlink\}href|href")
URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"]*)", re.IGNORECASE)
DECLARED_ENCODING = re.compile(r"<\?xml[^>]*encoding\s*=\s*['\"]([^'\"]+)['\"]")
LENGTH = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(px|pt|pc|mm|cm|in|em|ex|%)?\s*")
# CSS pixels per unit (resvg's: 96 dpi, 16 px font size).
UNITS = {
    None: 1,
    "px": 1,
    "pt": 4 / 3,
    "pc": 16,
    "mm": 96 / 25.4,
    "cm": 96 / 2.54,
    "in": 96,
    "em": 16,
    "ex": 8,
}
PICTURES = {"image/png": check_png, "image/jpeg": check_jpeg, "image/jpg": check_jpeg}


def svg_reason(data: bytes) -> str | None:
    """Why SVG bytes are unsafe, unreadable or too large to draw, or None.

    The reason follows "image 'name'" in a message.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return " is not UTF-8; save the SVG file as UTF-8"
    declared = DECLARED_ENCODING.match(text.lstrip())
    if declared and declared.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        return f" says it is {declared.group(1)}; save the SVG file as UTF-8"
    if "<!ENTITY" in text or "<!DOCTYPE" in text:
        return ": SVG files with a DOCTYPE or entities are not allowed"
    try:
        root = parse_within_limits(text)
    except ElementTree.ParseError as error:
        return f" is not a well-formed SVG file ({error})"
    except BadImage as error:
        return f" {error}"
    if not root.tag.endswith("svg"):
        return " is not an SVG file"
    return content_reason(root) or text_reason(root) or size_reason(root) or expansion_reason(root)


def text_reason(root: ElementTree.Element) -> str | None:
    """The first character of the drawing's text the PDF cannot draw (WeasyPrint sets it in our fonts)."""
    from publisher.glyphs import drawable, message

    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == "text":
            for char in "".join(element.itertext()):
                if not char.isspace() and not drawable(char):
                    return ": " + message(char, " in its text") + "; turn the text into outlines"
    return None


def parse_within_limits(text: str) -> ElementTree.Element:
    """The element tree, refusing more than MAX_SVG_ELEMENTS elements or MAX_SVG_DEPTH levels."""
    parser = ElementTree.XMLPullParser(events=("start", "end"))
    depth = count = 0
    root = None
    for start in range(0, len(text), 65536):
        parser.feed(text[start : start + 65536])
        for event, element in parser.read_events():
            root = element if root is None else root
            depth += 1 if event == "start" else -1
            count += event == "start"
            if depth > MAX_SVG_DEPTH:
                raise BadImage(f"nests elements more than {MAX_SVG_DEPTH} levels deep; simplify the drawing")
            if count > MAX_SVG_ELEMENTS:
                raise BadImage(f"has more than {MAX_SVG_ELEMENTS:,} elements; simplify the drawing")
    parser.close()  # raises ParseError for an unfinished document
    if root is None:
        raise ElementTree.ParseError("no element found")
    return root


def content_reason(root: ElementTree.Element) -> str | None:
    """Scripts, event handlers, and references to anything outside the file."""
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name in ("script", "foreignObject"):
            return f": SVG files may not hold <{name}>"
        if name == "style" and element.text and external_reference(element.text, css=True):
            return ": SVG styles may not load other files or addresses (@import or url())"
        for attribute, value in element.attrib.items():
            if attribute.rsplit("}", 1)[-1].lower().startswith("on"):
                return f": SVG files may not hold event handlers ({attribute})"
            if HREF.fullmatch(attribute):
                reason = href_reason(value)
                if reason:
                    return reason
            elif external_reference(value):
                return f": SVG files may not refer to other files or addresses ({value[:80]})"
    return None


def external_reference(value: str, css: bool = False) -> bool:
    """True when a style or attribute value loads something other than an element of this file."""
    if css and "@import" in value.lower():
        return True
    return any(not target.strip().startswith("#") for target in URL.findall(value))


def href_reason(value: str) -> str | None:
    """Why an href cannot stay: it must name an element here, or embed a PNG or JPEG."""
    if value.startswith("#"):
        return None
    if not value.startswith("data:"):
        return f": SVG files may not refer to other files or addresses ({value[:80]})"
    header, _, payload = value[5:].partition(",")
    media = header.split(";")[0].strip().lower()
    if media not in PICTURES:
        return f": an SVG may embed PNG and JPEG pictures only, not '{media[:40] or 'text'}'"
    try:
        if header.lower().endswith(";base64"):
            picture = base64.b64decode(payload, validate=False)
        else:
            picture = unquote_to_bytes(payload)
        PICTURES[media](picture)
    except binascii.Error:
        return ": an embedded picture is not valid base64"
    except BadImage as error:
        return f": an embedded picture {error}"
    return None


def length(value: str | None, reference: float | None) -> float | None:
    """A width or height in CSS pixels (percentages of ``reference``), or None when unusable."""
    match = LENGTH.fullmatch(value or "")
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit == "%":
        return number / 100 * reference if reference is not None else None
    return number * UNITS[unit]


def size_reason(root: ElementTree.Element) -> str | None:
    """The drawing's natural size must be stated, positive and within the limits."""
    box = root.get("viewBox")
    view: list[float] | None = None
    if box is not None:
        try:
            view = [float(part) for part in box.replace(",", " ").split()]
        except ValueError:
            view = None
        if (
            view is None
            or len(view) != 4
            or not all(map(math.isfinite, view))
            or view[2] <= 0
            or view[3] <= 0
        ):
            return f" has a viewBox that is not four numbers with a positive width and height ({box[:60]})"
    width = length(root.get("width"), view and view[2]) if root.get("width") else (view and view[2])
    height = length(root.get("height"), view and view[3]) if root.get("height") else (view and view[3])
    if width is None or height is None:
        return " has no size: give its <svg> element a width and height, or a viewBox"
    if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
        return f" has a size that cannot be drawn ({root.get('width')} x {root.get('height')})"
    if max(width, height) > MAX_SVG_SIDE or width * height > MAX_IMAGE_PIXELS:
        return (
            f" is {pixels(width)} x {pixels(height)} pixels, past the limit of {MAX_SVG_SIDE:,} pixels "
            f"a side and {MAX_IMAGE_PIXELS:,} pixels in all; make its width and height smaller"
        )
    return None


def pixels(value: float) -> str:
    """A size for a message: 1,200 or 1e+30."""
    return f"{value:,.0f}" if value < 1e9 else f"{value:.3g}"


def references(element: ElementTree.Element, ids: dict[str, ElementTree.Element]) -> list:
    """The elements an element draws a copy of: its href target and every url(#id) target."""
    found = []
    for attribute, value in element.attrib.items():
        targets = [value] if HREF.fullmatch(attribute) else URL.findall(value)
        found += [ids[t.strip()[1:]] for t in targets if t.strip().startswith("#") and t.strip()[1:] in ids]
    return found


def expansion_reason(root: ElementTree.Element) -> str | None:
    """Count elements as drawn, each reference a copy of its target; refuse loops and blow-ups.

    A depth-first walk with an explicit stack (no recursion), remembering each
    element's drawn size, so a shared target is counted once per use but walked once.
    """
    ids = {element.get("id"): element for element in root.iter() if element.get("id")}
    deps = {}
    drawn: dict[int, int] = {}
    on_path = {id(root)}
    stack = [(root, iter(deps.setdefault(id(root), [*root, *references(root, ids)])))]
    while stack:
        element, pending = stack[-1]
        for dep in pending:
            if id(dep) in drawn:
                continue
            if id(dep) in on_path:
                return " refers to itself (a <use> or url(#id) loop); remove the loop"
            on_path.add(id(dep))
            stack.append((dep, iter(deps.setdefault(id(dep), [*dep, *references(dep, ids)]))))
            break
        else:
            stack.pop()
            on_path.discard(id(element))
            total = 1 + sum(drawn[id(dep)] for dep in deps[id(element)])
            drawn[id(element)] = min(total, MAX_SVG_ELEMENTS + 1)
    if drawn[id(root)] > MAX_SVG_ELEMENTS:
        return (
            f" draws more than {MAX_SVG_ELEMENTS:,} elements once its <use> and url(#id) copies "
            "are counted; simplify the drawing"
        )
    return None
