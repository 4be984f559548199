"""The clinic's contact details as every format shows them: one list, made once per source.

The PDF's contact block, the Word footer and the JSON's ``clinic`` block all show the
same details in the same order, with the same links, from this one list (see
``publisher.facts``); none of them reads the brand's contact block itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from publisher.brand import Brand
from publisher.labels import Labels

CONTACT_KINDS = ("phone", "email", "address", "hours")
"""Every kind of contact detail, in reading order."""


@dataclass(frozen=True)
class ContactItem:
    """One contact detail that the brand sets."""

    kind: str
    """One of ``CONTACT_KINDS``: which detail this is (the JSON's key)."""
    label: str
    """Its name in the document's language ("Phone"), for a labelled list."""
    text: str
    """The detail as the brand file writes it."""
    href: str = ""
    """A ``tel:`` or ``mailto:`` link, or "" for details that are not links."""


def contact_items(brand: Brand, labels: Labels) -> tuple[ContactItem, ...]:
    """The brand's contact details that are set, in reading order; phone and email as links."""
    contact = brand.contact
    items = (
        ContactItem("phone", labels.phone, contact.phone, contact.phone_href),
        ContactItem("email", labels.email, contact.email, f"mailto:{contact.email}" if contact.email else ""),
        ContactItem("address", labels.address, contact.address),
        ContactItem("hours", labels.hours, contact.hours),
    )
    return tuple(item for item in items if item.text)
