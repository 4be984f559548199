"""The HTML fragment for a clinic's website (``-f html``) and the HTML of model nodes.

Every HTML output (fragment, print HTML, JSON answers) shares ``nodes.HtmlRenderer``.
"""
