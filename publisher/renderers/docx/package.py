"""The .docx package around the content: the base document, properties, reproducible bytes.

python-docx's default template carries leftovers (a thumbnail of an empty page, a
customXml bibliography, "python-docx" as author, revision ids, zip entries stamped
with the current time); everything here exists to leave none of them in a handout.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from publisher.errors import RenderError, display_path
from publisher.limits import WORD_PROPERTY_CHARS
from publisher.model import Meta
from publisher.renderers.docx.xml import attr, fragment

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
R_NAMESPACE = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Relationships that only body content refers to: dropped with the reference's content.
CONTENT_RELATIONSHIPS = (
    "/image",
    "/hyperlink",
    "/oleObject",
    "/package",
    "/chart",
    "/diagramData",
    "/diagramLayout",
    "/diagramQuickStyle",
    "/diagramColors",
    "/control",
    "/aFChunk",
    "/comments",
    "/commentsExtended",
    "/commentsIds",
    "/commentsExtensible",
)
PITCH = {"modern": "fixed"}
"""Monospaced ("modern") fonts have a fixed pitch, the others a variable one."""
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry."""
APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>FAQ publisher</Application>{company}</Properties>"
)


def open_base(reference: Path | None) -> WordDocument:
    """python-docx's default template cleaned of leftovers, or the clinic's reference emptied."""
    if reference is None:
        document = docx.Document()
        drop_template_extras(document)
        return document
    try:
        document = docx.Document(str(reference))
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile) as error:
        raise RenderError(f"{display_path(reference)}: not a Word document (.docx): {error}") from None
    clear_body(document)
    # A picture of the reference's first page would misrepresent the handout.
    drop_relationships(document.part.package.rels, (RT.THUMBNAIL,))
    drop_external_relationships(document)
    return document


def drop_external_relationships(document: WordDocument) -> None:
    """Remove what a reference document loads from elsewhere; its hyperlinks stay.

    A remote template (``w:attachedTemplate``) or a linked picture would be fetched by
    Word each time a patient opens the handout: a privacy leak, and a known way to
    deliver macros. The elements naming a dropped relationship go too (a linked
    picture's ``r:link`` only), so Word finds nothing dangling to repair.
    """
    package = document.part.package
    for part in [package, *package.iter_parts()]:
        for r_id, rel in list(part.rels.items()):
            if rel.is_external and rel.reltype != RT.HYPERLINK:
                del part.rels[r_id]
                if isinstance(part, XmlPart):
                    remove_references(part.element, r_id)


def remove_references(root, r_id: str) -> None:
    """Remove the attributes (``r:link``) or elements that name relationship ``r_id``."""
    for element in list(root.iter()):
        for name, value in list(element.attrib.items()):
            if name.startswith(R_NAMESPACE) and value == r_id:
                if name == f"{R_NAMESPACE}link":
                    del element.attrib[name]
                elif element.getparent() is not None:
                    element.getparent().remove(element)


def drop_template_extras(document: WordDocument) -> None:
    """Remove the default template's thumbnail, customXml and stylesWithEffects parts."""
    drop_relationships(document.part.package.rels, (RT.THUMBNAIL,))
    drop_relationships(document.part.rels, (RT.CUSTOM_XML, STYLES_WITH_EFFECTS))
    settings = document.settings.element
    for tag in ("w:rsids", "w:attachedTemplate", "w:savePreviewPicture"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    # The template says Word 2010; Word would open the handout in "Compatibility Mode".
    for setting in settings.xpath('w:compat/w:compatSetting[@w:name="compatibilityMode"]'):
        setting.set(qn("w:val"), "15")
    section_properties = document.element.body.find(qn("w:sectPr"))
    for name in [name for name in section_properties.attrib if name.startswith(qn("w:rsid"))]:
        del section_properties.attrib[name]


def drop_relationships(rels: dict, reltypes: tuple[str, ...]) -> None:
    """Remove every relationship of ``reltypes`` (its target is then not saved)."""
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in reltypes]:
        del rels[r_id]


def clear_body(document: WordDocument) -> None:
    """Remove the reference document's content, keeping its last section's page setup."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    root = document.part.element
    used = {v for el in root.iter() for k, v in el.attrib.items() if k.startswith(R_NAMESPACE)}
    rels = document.part.rels
    for r_id in [r_id for r_id, rel in rels.items() if r_id not in used]:
        if rels[r_id].reltype.endswith(CONTENT_RELATIONSHIPS):
            del rels[r_id]


def declare_fonts(document: WordDocument, fonts: dict[str, tuple[str, str]]) -> None:
    """Describe fonts a reader may not have (name -> (family, stand-in)) in the font table.

    Word and LibreOffice pick a look-alike from the family ("swiss" is sans-serif) and
    the stand-in (``w:altName``) when the brand font is not installed.
    """
    try:
        old = document.part.part_related_by(RT.FONT_TABLE)
    except KeyError:
        return
    table = parse_xml(old.blob)
    declared = {font.get(qn("w:name")) for font in table.findall(qn("w:font"))}
    for name, (family, stand_in) in fonts.items():
        if name not in declared:
            table.append(
                fragment(
                    f"<w:font w:name={attr(name)}><w:altName w:val={attr(stand_in)}/>"
                    f'<w:family w:val="{family}"/><w:pitch w:val="{PITCH.get(family, "variable")}"/></w:font>'
                )
            )
    drop_relationships(document.part.rels, (RT.FONT_TABLE,))
    part = XmlPart(old.partname, old.content_type, table, document.part.package)
    document.part.relate_to(part, RT.FONT_TABLE)


def clean_settings(document: WordDocument, lang: str) -> None:
    """Settings that must describe this document: no stale proofing state, our language."""
    settings = document.settings.element
    # proofState "clean" would tell Word the spelling was already checked.
    for element in settings.findall(qn("w:proofState")):
        settings.remove(element)
    for element in settings.findall(qn("w:themeFontLang")):
        element.set(qn("w:val"), lang)


def build_time(when: dt.date | None) -> dt.datetime | None:
    """The build date (``theme.facts.date``) as a UTC time; a day is taken at midnight.

    Never the current time, so the same input gives the same bytes.
    """
    if when is None or isinstance(when, dt.datetime):
        return when
    return dt.datetime.combine(when, dt.time(), tzinfo=dt.UTC)


def set_properties(document: WordDocument, meta: Meta, author: str, when: dt.datetime | None) -> None:
    """Core properties (title, subject, language, dates, author) and nothing else."""
    core = document.core_properties  # adds the part when a reference document has none
    element = document.part.package.part_related_by(RT.CORE_PROPERTIES).element
    for child in list(element):
        element.remove(child)
    # Word keeps at most 255 characters in a property: the property is cut, the title is not.
    core.title = meta.title[:WORD_PROPERTY_CHARS]
    if meta.subtitle:
        core.subject = meta.subtitle[:WORD_PROPERTY_CHARS]
    if author:
        core.author = author[:WORD_PROPERTY_CHARS]
        core.last_modified_by = author[:WORD_PROPERTY_CHARS]
    core.language = meta.lang
    core.revision = 1
    if when is not None:
        core.created = when.replace(tzinfo=None)
        core.modified = when.replace(tzinfo=None)
    replace_app_properties(document, author)


def replace_app_properties(document: WordDocument, company: str) -> None:
    """docProps/app.xml naming this tool, not the word processor that made the template."""
    package = document.part.package
    drop_relationships(package.rels, (RT.EXTENDED_PROPERTIES,))
    company_xml = f"<Company>{escape(company)}</Company>" if company else ""
    blob = APP_PROPERTIES.format(company=company_xml).encode("utf-8")
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def save_reproducibly(document: WordDocument, when: dt.datetime | None) -> bytes:
    """The .docx bytes, with every zip entry's time fixed so equal input gives equal bytes."""
    saved = io.BytesIO()
    document.save(saved)
    stamp = zip_time(when)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(saved.getvalue())) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0  # the same on every platform
            entry.external_attr = 0
            target.writestr(entry, source.read(info), compresslevel=9)
    return output.getvalue()


def zip_time(when: dt.datetime | None) -> tuple[int, int, int, int, int, int]:
    """A zip entry time from ``when`` (UTC), within the years a zip entry can hold."""
    if when is None or not 1980 <= when.year <= 2107:
        return ZIP_EPOCH
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)
