"""Pictures in the Word handout: answer images and the clinic's logo, PNG, JPEG or SVG.

python-docx embeds PNG and JPEG itself but cannot read SVG, so an SVG goes in the
way Word 2016 and later store it: the picture's ``a:blip`` points at
a PNG rendering (what LibreOffice, older Word and phone viewers show) and carries the
SVG itself in an ``asvg:svgBlip`` extension (what current Word shows, sharp at any
zoom). The PNG is rendered by resvg, with the shipped and brand fonts only and no
access to other files, so it is the same bytes on every machine.
"""

from __future__ import annotations

import io
import itertools
import struct
from dataclasses import dataclass, field
from pathlib import Path

from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import nsmap, qn
from docx.oxml.shape import CT_Inline
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.story import StoryPart
from docx.shared import Emu

from publisher.errors import RenderError, display_path
from publisher.imagecheck import svg_problem
from publisher.renderers.docx.xml import element

PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
"""The ``a:ext`` uri Word gives the SVG extension of a picture."""
EMU_PER_PX = 9525
"""A CSS pixel (1/96 inch): the unit of an SVG's own size."""
FALLBACK_SCALE = 2
"""The PNG stand-in is rendered at twice the size it is shown (192 dpi): sharp on paper
and on a phone's screen, still a few kilobytes for a logo or a diagram."""


@dataclass(frozen=True)
class Embedded:
    """An image stored in the package, as one story part refers to it."""

    r_id: str
    """The relationship of the PNG or JPEG (for an SVG: its PNG stand-in)."""
    svg_r_id: str
    """The relationship of the SVG itself, or "" for a PNG or JPEG."""
    width: int
    height: int
    """The image's natural size in EMU."""
    filename: str


@dataclass(frozen=True)
class SvgImage:
    """An SVG stored once in the package, with its natural size."""

    path: Path
    part: Part
    width: int
    height: int
    """Natural size in EMU (the SVG's own width and height, in CSS pixels)."""


@dataclass
class Pictures:
    """Embeds images once per package and writes the drawings that show them.

    One per handout: drawing ids count up across the body, header and footer, and an
    SVG used twice (the logo in the header and in an answer) is stored once.
    """

    shape_ids: itertools.count
    """Drawing ids (``wp:docPr/@id``), unique across the document."""
    font_files: tuple[Path, ...] = ()
    """Fonts text inside an SVG may use (shipped and brand fonts; no system font)."""
    _svgs: dict[Path, SvgImage] = field(default_factory=dict)

    def run(
        self, part: StoryPart, path: Path, alt: str, title: str = "", width: int = 0, height: int = 0
    ) -> BaseOxmlElement:
        """A ``w:r`` showing the image at ``path`` in ``part``, described by ``alt``.

        ``width`` is the most it may take (EMU), ``height`` the height to show it at
        (the logo); the image keeps its proportions and is never enlarged past its
        natural size to fit a width.
        """
        if path.suffix.lower() == ".svg":
            svg = self._svg(part, path)
            shown = fit(svg.width, svg.height, width, height)
            embedded = self._embed_svg(part, svg, shown[0])
        else:
            embedded = self._embed_bitmap(part, path)
            shown = fit(embedded.width, embedded.height, width, height)
        return drawing_run(next(self.shape_ids), embedded, shown, alt, title)

    def _embed_bitmap(self, part: StoryPart, path: Path) -> Embedded:
        try:
            r_id, image = part.get_or_add_image(str(path))
        except (OSError, UnrecognizedImageError) as error:
            raise RenderError(f"{display_path(path)}: cannot read image: {error}") from None
        return Embedded(r_id, "", image.width, image.height, image.filename)

    def _svg(self, part: StoryPart, path: Path) -> SvgImage:
        """The SVG's part in the package (added on first use) and its natural size."""
        if path not in self._svgs:
            blob = read_svg(path)
            width, height = png_size(self.render_png(path, blob))
            partname = part.package.next_partname("/word/media/image%d.svg")
            svg_part = Part(partname, "image/svg+xml", blob, part.package)
            self._svgs[path] = SvgImage(path, svg_part, width * EMU_PER_PX, height * EMU_PER_PX)
        return self._svgs[path]

    def _embed_svg(self, part: StoryPart, svg: SvgImage, shown_width: int) -> Embedded:
        pixels = max(1, round(shown_width / EMU_PER_PX * FALLBACK_SCALE))
        png = self.render_png(svg.path, svg.part.blob, pixels)
        # Found again by its bytes: a stand-in of the same size shown twice is stored once.
        r_id, _ = part.get_or_add_image(io.BytesIO(png))
        svg_r_id = part.relate_to(svg.part, RT.IMAGE)
        return Embedded(r_id, svg_r_id, svg.width, svg.height, svg.path.name)

    def render_png(self, path: Path, svg: bytes, width: int | None = None) -> bytes:
        """The SVG drawn as PNG by resvg (``width`` pixels wide, else its natural size)."""
        import resvg_py  # only a handout with an SVG needs it

        try:
            # No resources_dir and no system fonts: the drawing depends on the SVG and our fonts only.
            png = resvg_py.svg_to_bytes(
                svg_string=svg.decode("utf-8"),
                width=width,
                skip_system_fonts=True,
                font_files=[str(font) for font in self.font_files],
                font_family="Inter",
                sans_serif_family="Inter",
                serif_family="Inter",
                monospace_family="DejaVu Sans Mono",
            )
        except (ValueError, UnicodeDecodeError) as error:
            raise RenderError(f"{display_path(path)}: cannot draw this SVG image: {error}") from None
        return bytes(png)


def read_svg(path: Path) -> bytes:
    """The SVG file's bytes, checked again to be self-contained (the logo comes from the brand file)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RenderError(f"{display_path(path)}: cannot read image: {error}") from None
    problem = svg_problem(data, path.name)
    if problem:
        raise RenderError(f"{display_path(path)}: {problem}")
    return data


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header."""
    return struct.unpack(">II", png[16:24])


def fit(width: int, height: int, max_width: int = 0, exact_height: int = 0) -> tuple[Emu, Emu]:
    """The size to show an image at: ``exact_height`` high (when given), at most ``max_width`` wide.

    Without ``exact_height`` the natural size is kept when it fits: never enlarged.
    """
    if exact_height:
        width, height = round(width * exact_height / height), exact_height
    if not max_width or width <= max_width:
        return Emu(width), Emu(height)
    return Emu(max_width), Emu(round(height * max_width / width))


def drawing_run(
    shape_id: int, embedded: Embedded, size: tuple[Emu, Emu], alt: str, title: str
) -> BaseOxmlElement:
    """A run holding an inline picture with its description (alt text) and title."""
    inline = CT_Inline.new_pic_inline(shape_id, embedded.r_id, embedded.filename, *size)
    # No gap around the picture: LibreOffice otherwise adds its own default wrap distances.
    for side in ("distT", "distB", "distL", "distR"):
        inline.set(side, "0")
    picture_properties = inline.find(f".//{PIC}cNvPr")
    picture_properties.set("id", str(shape_id))
    # Screen readers and Word's "Alt Text" pane read the description.
    for properties in (inline.docPr, picture_properties):
        properties.set("descr", alt)
        if title:
            properties.set("title", title)
    if embedded.svg_r_id:
        add_svg_extension(inline.find(f".//{A}blip"), embedded.svg_r_id)
    drawing = element("w:drawing")
    drawing.append(inline)
    r = element("w:r")
    r.append(drawing)
    return r


def add_svg_extension(blip: BaseOxmlElement, svg_r_id: str) -> None:
    """Point a picture's ``a:blip`` at the SVG too, as Word does (readers without SVG skip it)."""
    extensions = element("a:extLst")
    extension = element("a:ext")
    extension.set("uri", SVG_EXTENSION)
    # Declared here, as Word does: the extension's namespace is unknown to python-docx.
    svg_blip = extension.makeelement(
        f"{{{SVG_NAMESPACE}}}svgBlip", nsmap={"asvg": SVG_NAMESPACE, "r": nsmap["r"]}
    )
    svg_blip.set(qn("r:embed"), svg_r_id)
    extension.append(svg_blip)
    extensions.append(extension)
    blip.append(extensions)
