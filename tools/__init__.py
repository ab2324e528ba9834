"""Command-line tools for writers and maintainers of the handbook."""
