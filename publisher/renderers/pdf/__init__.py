"""The PDF leaflet (``-f pdf``): print HTML laid out by WeasyPrint.

Also the speed-ups that make WeasyPrint start and run faster without changing a byte.
"""
