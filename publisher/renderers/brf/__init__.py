"""Braille: BRF and PEF files translated by liblouis (``louis``), laid out to BANA's formats (``layout``)."""
