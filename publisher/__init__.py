"""FAQ publisher: one Markdown FAQ to a PDF leaflet, a Word handout, an HTML fragment and JSON."""

__version__ = "0.1.0"
