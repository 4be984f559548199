"""Tests that judge the outputs in real clients: Chromium, the W3C validator, LibreOffice, poppler.

A package of its own, so that its ``conftest.py`` does not shadow the ``conftest`` module
that the tests one folder up import their helpers from.
"""
