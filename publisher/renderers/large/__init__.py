"""Large print (``-f large-pdf``, ``-f large-docx``): the leaflet and the handout restyled.

Variants of the PDF and Word renderers, not copies: the same print HTML with
``templates/print/large.css`` after the standard stylesheet, and the same Word handout
with its styles enlarged (``docx.large_look``). They follow the UK Association for
Accessible Formats' and RNIB's clear and large print guidance: body text 18pt and
nothing under 16pt, one column, left aligned, no italics, line spacing about 1.5.
"""
