"""Loading ``_brand.yml`` (Quarto's brand.yml keys plus ``contact``) into a checked Brand.

Every mistake is a Problem naming the brand file, the key's line and column and
the key itself; all of them are reported together.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import yaml

from publisher.brand import FONT_FAMILY, FONT_STYLES, Brand, Contact, FontFace, brand_file_for
from publisher.colors import contrast_ratio, is_hex_color, normalise_hex
from publisher.errors import Problem, SourceError, display_path
from publisher.frontmatter import compose_and_load
from publisher.imagecheck import image_file_problem
from publisher.model import IMAGE_TYPES
from publisher.source import NON_XML_CHARS

SCHEMA: dict[str, Any] = {
    "meta": {"name": {"full": str, "short": str}, "link": {"home": str}},
    "logo": {"small": str, "medium": str, "large": str},
    "color": {"palette": dict, "primary": str, "secondary": str, "foreground": str, "background": str},
    "typography": {
        "fonts": list,
        "base": {"family": str, "size": str, "weight": str},
        "headings": {"family": str, "weight": str, "color": str},
    },
    "contact": {"phone": str, "email": str, "address": str, "hours": str},
}
FONT_TYPES = (".ttf", ".otf", ".woff", ".woff2")

MIN_CONTRAST = 4.5


def find_brand(explicit: Path | None, source: Path) -> Brand:
    """The brand for a source: ``explicit``, else ``_brand.yml`` beside it, else the default look."""
    path = brand_file_for(explicit, source)
    return load_brand(path) if path else Brand()


def load_brand(path: Path) -> Brand:
    """Read and check a brand file; raises SourceError listing every problem."""
    reader = BrandReader(path)
    brand = reader.read()
    if reader.problems:
        raise SourceError(reader.problems)
    return brand


class BrandReader:
    """Walks a brand file's YAML, collecting values and located problems."""

    def __init__(self, path: Path):
        self.path = path
        self.shown = display_path(path)
        self.problems: list[Problem] = []
        self.marks: dict[str, tuple[int, int]] = {}

    def problem(self, key: str, message: str) -> None:
        """Record a problem at the key's place (or its nearest parent key's)."""
        where = key
        while where not in self.marks and "." in where:
            where = where.rsplit(".", 1)[0]
        line, col = self.marks.get(where, (1, 1))
        self.problems.append(Problem(self.shown, line, col, f"{key}: {message}" if key else message))

    def read(self) -> Brand:
        """The Brand, with problems recorded for anything wrong."""
        data = self.load()
        if data is None:
            return Brand()
        self.check_keys(data, SCHEMA, "")
        colors = self.colors(data.get("color") or {})
        base, headings = self.typography(data.get("typography") or {})
        return Brand(
            name=self.name(data, "full"),
            short_name=self.name(data, "short"),
            home=self.text(data, "meta", "link", "home"),
            logo=self.logo(data.get("logo")),
            **colors,
            **base,
            **headings,
            fonts=self.fonts(data),
            contact=Contact(**{k: self.text(data, "contact", k) for k in SCHEMA["contact"]}),
            source=self.path.resolve(),
        )

    def load(self) -> dict | None:
        try:
            text = self.path.read_text(encoding="utf-8-sig")
            node, data = compose_and_load(text)
        except UnicodeDecodeError:
            self.problem("", "the brand file is not UTF-8")
            return None
        except OSError as error:
            self.problem("", f"cannot read the brand file: {error.strerror}")
            return None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            self.marks[""] = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            self.problem("", f"bad YAML: {getattr(error, 'problem', error)}")
            return None
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem("", "a brand file must be 'key: value' lines")
            return None
        self.record_marks(node, "")
        return data

    def record_marks(self, node: Any, prefix: str) -> None:
        """Remember where each dotted key stands in the file."""
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                dotted = f"{prefix}{key.value}"
                self.marks[dotted] = (key.start_mark.line + 1, key.start_mark.column + 1)
                self.record_marks(value, dotted + ".")
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.marks[f"{prefix}{index}"] = (item.start_mark.line + 1, item.start_mark.column + 1)
                self.record_marks(item, f"{prefix}{index}.")

    def check_keys(self, data: dict, schema: dict, prefix: str) -> None:
        """Unknown keys (with a "did you mean") and values of the wrong shape."""
        for key, value in data.items():
            dotted = f"{prefix}{key}"
            if isinstance(value, str) and NON_XML_CHARS.search(value):
                self.problem(dotted, "holds a character that cannot appear in XML; remove it")
                continue
            if key not in schema:
                close = difflib.get_close_matches(str(key), list(schema), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(schema)}"
                self.problem(dotted, f"unknown key{hint}")
                continue
            expected = schema[key]
            if isinstance(expected, dict) and isinstance(value, dict):
                if dotted != "color.palette":
                    self.check_keys(value, expected, dotted + ".")
            elif (
                isinstance(expected, dict)
                and not isinstance(value, str)
                or (isinstance(expected, type) and not isinstance(value, expected))
            ):
                self.problem(dotted, f"expected {shape_name(expected)}")

    # --- values -----------------------------------------------------------

    def text(self, data: dict, *keys: str) -> str:
        for key in keys:
            data = data.get(key) if isinstance(data, dict) else None
        return data.strip() if isinstance(data, str) else ""

    def name(self, data: dict, part: str) -> str:
        name = (data.get("meta") or {}).get("name") if isinstance(data.get("meta"), dict) else None
        if isinstance(name, str):
            return name.strip()
        return self.text(data, "meta", "name", part) or self.text(data, "meta", "name", "full")

    def logo(self, value: Any) -> Path | None:
        if isinstance(value, dict):
            choice = next((k for k in ("medium", "large", "small") if isinstance(value.get(k), str)), None)
            return self.file(f"logo.{choice}", value[choice], IMAGE_TYPES, "logo") if choice else None
        return self.file("logo", value, IMAGE_TYPES, "logo") if isinstance(value, str) else None

    def file(self, key: str, name: str, suffixes, what: str) -> Path | None:
        """A file named relative to the brand file, checked to exist with a known type."""
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", name):
            self.problem(key, f"{what} '{name}' must be a local file, not a URL")
            return None
        path = (self.path.parent / name).resolve()
        if not path.is_file():
            self.problem(key, f"{what} file '{name}' is missing")
            return None
        if path.suffix.lower() not in suffixes:
            self.problem(key, f"{what} file '{name}' must be one of {', '.join(suffixes)}")
            return None
        # A logo is drawn by every renderer, so it gets the same checks as an image in an answer.
        problem = image_file_problem(path, name) if what == "logo" else None
        if problem:
            self.problem(key, problem)
            return None
        return path

    def colors(self, color: dict) -> dict[str, str]:
        """primary, secondary, foreground, background as #rrggbb, with contrast checked."""
        palette = color.get("palette") if isinstance(color.get("palette"), dict) else {}
        for name, value in palette.items():
            if not is_hex_color(value):
                self.problem(f"color.palette.{name}", f"'{value}' is not a colour; write it as #rrggbb")
        default = Brand()
        found = {}
        for role in ("primary", "secondary", "foreground", "background"):
            value = color.get(role, getattr(default, role))
            value = palette.get(value, value) if isinstance(value, str) else value
            if is_hex_color(value):
                found[role] = normalise_hex(value)
            else:
                self.problem(f"color.{role}", f"'{value}' is not a colour or a palette name")
        if len(found) == 4:
            self.check_contrast(found)
        return found

    def check_contrast(self, colors: dict[str, str]) -> None:
        """Text colours must reach WCAG AA (4.5:1) on the background."""
        for role in ("foreground", "primary", "secondary"):
            ratio = contrast_ratio(colors[role], colors["background"])
            if ratio < MIN_CONTRAST:
                self.problem(
                    f"color.{role}",
                    f"{colors[role]} on background {colors['background']} has "
                    f"contrast {ratio:.2f}:1, below WCAG AA {MIN_CONTRAST}:1",
                )

    def typography(self, typography: dict) -> tuple[dict, dict]:
        """The base and headings font families, checked to be plain names."""
        found: list[dict] = []
        for role, field in (("base", "base_font"), ("headings", "headings_font")):
            value = typography.get(role)
            family = value.get("family") if isinstance(value, dict) else value
            key = f"typography.{role}" + (".family" if isinstance(value, dict) else "")
            if isinstance(family, str) and not FONT_FAMILY.fullmatch(family.strip()):
                self.problem(
                    key, f"font family '{family}' must be a plain name (letters, digits, spaces, '-')"
                )
                family = None
            found.append({field: family.strip()} if isinstance(family, str) else {})
        return found[0], found[1]

    def fonts(self, data: dict) -> tuple[FontFace, ...]:
        """Font files of ``typography.fonts`` (source: file only: nothing is downloaded)."""
        typography = data.get("typography") if isinstance(data.get("typography"), dict) else {}
        faces = []
        for index, font in enumerate(typography.get("fonts") or []):
            key = f"typography.fonts.{index}"
            if not isinstance(font, dict) or not isinstance(font.get("family"), str):
                self.problem(key, "a font needs a 'family' and its 'files'")
                continue
            if font.get("source", "file") != "file":
                self.problem(key, f"font source '{font.get('source')}' is not allowed: ship the font files")
                continue
            files = font.get("files") or []
            for number, item in enumerate([files] if isinstance(files, str) else files):
                entry = item if isinstance(item, dict) else {"path": item}
                path = self.file(f"{key}.files.{number}", str(entry.get("path", "")), FONT_TYPES, "font")
                style = str(entry.get("style", "normal"))
                if style not in FONT_STYLES:
                    self.problem(
                        f"{key}.files.{number}",
                        f"font style '{style}' must be one of {', '.join(FONT_STYLES)}",
                    )
                elif path:
                    weight = int(entry.get("weight", 400)) if str(entry.get("weight", 400)).isdigit() else 400
                    faces.append(FontFace(font["family"], path, weight, style))
        return tuple(faces)


def shape_name(expected: Any) -> str:
    """How to describe an expected value in a message."""
    if isinstance(expected, dict):
        return f"a mapping with {', '.join(expected)}"
    return {str: "text", dict: "a mapping", list: "a list"}[expected]
