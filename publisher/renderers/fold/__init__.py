"""Folded leaflets: the tri-fold, the A5 booklet (and its imposed sheets) and the print shop's copy.

They reuse the leaflet's print HTML pieces (``pdf.print_html.print_view``, its node renderer
and templates) and its locked-down WeasyPrint call; only the page geometry is theirs.
"""
