"""The entries as JSON data (``-f json``), for a site's FAQ app or a chatbot."""
