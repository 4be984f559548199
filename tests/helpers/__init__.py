"""Code shared by several tests and by bench/ scripts."""
