"""``publisher preview``: a local web page showing every output, updated on each save.

The outputs live in memory (nothing is written to the output folder); LibreOffice, when
installed, works in a temporary folder that is removed when the preview stops.
Imported only by the ``preview`` command: pypdfium2 and the server stay out of other commands.
"""
