"""Facts every format shows, worked out once per source and handed to every renderer.

The build date and the clinic's contact details would otherwise be derived by each
renderer on its own, and they drifted apart: the PDF once dated itself from
SOURCE_DATE_EPOCH and the Word handout from the front matter. Renderers read these
from ``theme.facts`` and never the environment; the command line reads
SOURCE_DATE_EPOCH once (``source_date_epoch``) and the build fills in the rest.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from publisher.alternatives import Statement, statement
from publisher.brand import Brand
from publisher.contact import ContactItem, contact_items
from publisher.edition import edition_line, reviewers_line, sources_list
from publisher.errors import PublisherError
from publisher.labels import labels_for
from publisher.languages import LanguageVersion, language_versions
from publisher.model import Document, List

if TYPE_CHECKING:  # the registry's Theme holds Facts, so it imports this module
    from publisher.renderers import Theme


@dataclass(frozen=True)
class Facts:
    """What the build worked out for one source; the default is "nothing known"."""

    date: dt.date | None = None
    """The outputs' date: an exact UTC ``datetime`` from SOURCE_DATE_EPOCH, else the
    front matter's ``updated`` day (a ``date``), else None (no date at all)."""
    contact: tuple[ContactItem, ...] = ()
    """The clinic's contact details, in the document's language."""
    alternatives: Statement | None = None
    """ "Also available in large print and braille ...", or None (``publisher.alternatives``)."""
    edition: str = ""
    """ "Version 3 · Reviewed November 2026 · Next review November 2029" (``publisher.edition``)."""
    reviewers: str = ""
    """ "Reviewed by ..." naming the front matter's ``reviewed_by``, or empty."""
    sources: List | None = None
    """The front matter's ``sources`` as a numbered list, drawn under the heading ``labels.sources``."""
    languages: tuple[LanguageVersion, ...] = ()
    """Every language version, this one included (``publisher.languages``); () without translations."""


def source_date_epoch(environ: Mapping[str, str] = os.environ) -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a UTC time, None when unset or empty.

    Raises PublisherError (exit 1) for anything but whole seconds since 1970, the
    reproducible-builds contract, so a typo is never a silently different date.
    """
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        if not re.fullmatch(r"[0-9]+", value):
            raise ValueError
        return dt.datetime.fromtimestamp(int(value), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise PublisherError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {value!r}"
        ) from None


def build_date(updated: dt.date | None, epoch: dt.datetime | None) -> dt.date | None:
    """The outputs' date: SOURCE_DATE_EPOCH when set (reproducible builds ask for it), else ``updated``."""
    return epoch if epoch is not None else updated


def source_facts(document: Document, brand: Brand, epoch: dt.datetime | None) -> Facts:
    """The facts of one parsed source and its brand."""
    labels = labels_for(document.meta.lang)
    contact = contact_items(brand, labels)
    meta = document.meta
    edition = {
        "edition": edition_line(meta, labels),
        "reviewers": reviewers_line(meta, labels),
        "sources": sources_list(meta),
    }
    facts = Facts(build_date(meta.updated, epoch), contact, statement(meta, contact, labels), **edition)
    return replace(facts, languages=language_versions(document))


def with_facts(document: Document, theme: Theme, epoch: dt.datetime | None = None) -> Theme:
    """``theme`` with the facts of ``document`` and its brand, as the build hands it to renderers."""
    return replace(theme, facts=source_facts(document, theme.brand, epoch))
