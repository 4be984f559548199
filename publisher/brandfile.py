"""Loading ``_brand.yml`` (Quarto's brand.yml keys plus ``contact``) into a checked Brand.

Every mistake is a Problem naming the brand file, the key's line and column and
the key itself; all of them are reported together.
"""

from __future__ import annotations

import difflib
import re
from numbers import Real
from pathlib import Path
from typing import Any

import yaml

from publisher.addresses import shorten, web_address_problem
from publisher.brand import FONT_FAMILY, Brand, Contact, brand_file_for
from publisher.brandfonts import BrandFonts, mapping
from publisher.colors import contrast_ratio, is_hex_color, normalise_hex
from publisher.errors import Problem, SourceError, display_path
from publisher.glyphs import drawable
from publisher.glyphs import message as glyph_message
from publisher.imagecheck import image_file_problem
from publisher.limits import MAX_BRAND_BYTES, MAX_TEXT_CHARS
from publisher.model import IMAGE_TYPES
from publisher.source import NON_XML_CHARS, UnreadableFile, read_regular_file
from publisher.yamlsafe import compose_and_load, duplicate_keys, yaml_error_position

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
    # Our extension, like contact: the plain-language target for every FAQ of the clinic.
    "plain_language": {"reading_grade": Real},
}
# Text values the PDF prints, so each character must be one the shipped fonts draw.
PRINTED = (
    "meta.name",
    "meta.name.full",
    "meta.name.short",
    "meta.link.home",
    *(f"contact.{k}" for k in SCHEMA["contact"]),
)
# Keys whose mapping may be written as one text instead (``logo: logo.svg``).
TEXT_SHORTHANDS = ("meta.name", "logo", "typography.base", "typography.headings")

MIN_CONTRAST = 4.5


def find_brand(explicit: Path | None, source: Path) -> Brand:
    """The brand for a source: ``explicit``, else ``_brand.yml`` beside it, else the default look."""
    path = brand_file_for(explicit, source)
    return load_brand(path) if path else Brand()


def check_brand_file(explicit: Path | None, source: Path, checked: set[Path]) -> bool:
    """``check``'s reading of a source's brand file: show its problems; False when it has some.

    A brand file shared by several sources is read once (``checked`` remembers it).
    """
    path = brand_file_for(explicit, source)
    if path is None or path.resolve() in checked:
        return True
    checked.add(path.resolve())
    try:
        load_brand(path)
    except SourceError as error:
        error.show()
        return False
    return True


def load_brand(path: Path) -> Brand:
    """Read and check a brand file; raises SourceError listing every problem."""
    reader = BrandReader(path)
    brand = reader.read()
    if reader.problems:
        raise SourceError(reader.problems)
    return brand


class BrandReader(BrandFonts):
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
        colors = self.colors(mapping(data.get("color")))
        base, headings = self.typography(mapping(data.get("typography")))
        return Brand(
            name=self.name(data, "full"),
            short_name=self.name(data, "short"),
            home=self.home(data),
            logo=self.logo(data.get("logo")),
            **colors,
            **base,
            **headings,
            fonts=self.fonts(data),
            contact=Contact(**{k: self.text(data, "contact", k) for k in SCHEMA["contact"]}),
            reading_grade=self.reading_grade(mapping(data.get("plain_language"))),
            source=self.path.resolve(),
        )

    def load(self) -> dict | None:
        """The file's YAML as data (None after recording why it cannot be read)."""
        try:
            text = read_regular_file(self.path, MAX_BRAND_BYTES).decode("utf-8-sig")
            node, data = compose_and_load(text)
        except UnicodeDecodeError:
            self.problem("", "the brand file is not UTF-8")
            return None
        except UnreadableFile as error:
            self.problem("", f"cannot read the brand file: {error}")
            return None
        except yaml.YAMLError as error:
            line, col, reason = yaml_error_position(error, text)
            self.marks[""] = (line, col)
            self.problem("", f"bad YAML: {reason}")
            return None
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem("", "a brand file must be 'key: value' lines")
            return None
        self.record_marks(node, "")
        for key, first, line, col in duplicate_keys(node):
            self.problems.append(
                Problem(
                    self.shown, line, col, f"{shorten(key)}: given twice (first on line {first}); keep one"
                )
            )
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
            if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
                self.problem(
                    dotted, f"is {len(value):,} characters long, past the limit of {MAX_TEXT_CHARS:,}"
                )
                continue
            printed = isinstance(value, str) and dotted in PRINTED
            undrawable = next((c for c in value if not drawable(c)), None) if printed else None
            if undrawable:  # the leaflet prints the clinic's name, home page and contact lines
                self.problem(dotted, glyph_message(undrawable))
                continue
            if key not in schema:
                close = difflib.get_close_matches(str(key)[:100], list(schema), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(schema)}"
                self.problem(shorten(dotted), f"unknown key{hint}")
                continue
            expected = schema[key]
            if isinstance(expected, dict) and isinstance(value, dict):
                if dotted != "color.palette":
                    self.check_keys(value, expected, dotted + ".")
            elif (
                isinstance(expected, dict)
                and not (isinstance(value, str) and dotted in TEXT_SHORTHANDS)
                or (isinstance(expected, type) and not isinstance(value, expected))
            ):
                self.problem(dotted, f"expected {shape_name(expected)}")

    # --- values -----------------------------------------------------------

    def home(self, data: dict) -> str:
        """``meta.link.home``, which must be a web address a browser can open."""
        home = self.text(data, "meta", "link", "home")
        problem = web_address_problem(home) if home else None
        if problem:
            self.problem("meta.link.home", f"the home page must be an http:// or https:// address: {problem}")
            return ""
        return home

    def reading_grade(self, plain_language: dict) -> float | None:
        """``plain_language.reading_grade``: a school grade from 1 to 20 (None when not given)."""
        grade = plain_language.get("reading_grade")
        if grade is None or not isinstance(grade, Real):
            return None  # a value of the wrong type is reported by check_keys
        if isinstance(grade, bool) or not 1 <= grade <= 20:
            self.problem("plain_language.reading_grade", "must be a school grade from 1 to 20, such as 8")
            return None
        return float(grade)

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
            self.problem(key, f"{what} '{shorten(name)}' must be a local file, not a URL")
            return None
        try:
            path = (self.path.parent / name).resolve()
            found = path.is_file()
        except (OSError, ValueError) as error:  # a NUL in the name, a name too long ...
            reason = "the name holds a NUL character" if isinstance(error, ValueError) else error.strerror
            self.problem(key, f"{what} file '{shorten(name)}' cannot be read: {reason}")
            return None
        if not found:
            self.problem(key, f"{what} file '{shorten(name)}' is missing")
            return None
        if path.suffix.lower() not in suffixes:
            self.problem(key, f"{what} file '{shorten(name)}' must be one of {', '.join(suffixes)}")
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
                self.problem(
                    f"color.palette.{name}", f"'{shorten(str(value))}' is not a colour; write it as #rrggbb"
                )
        default = Brand()
        found = {}
        for role in ("primary", "secondary", "foreground", "background"):
            value = color.get(role, getattr(default, role))
            value = palette.get(value, value) if isinstance(value, str) else value
            if is_hex_color(value):
                found[role] = normalise_hex(value)
            else:
                self.problem(f"color.{role}", f"'{shorten(str(value))}' is not a colour or a palette name")
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
                    key,
                    f"font family '{shorten(family)}' must be a plain name (letters, digits, spaces, '-')",
                )
                family = None
            found.append({field: family.strip()} if isinstance(family, str) else {})
        return found[0], found[1]


def shape_name(expected: Any) -> str:
    """How to describe an expected value in a message."""
    if isinstance(expected, dict):
        return f"a mapping with {', '.join(expected)}"
    return {str: "text", dict: "a mapping", list: "a list", Real: "a number"}[expected]
