"""The Word handout (``-f docx``), written with python-docx and its OOXML elements."""
