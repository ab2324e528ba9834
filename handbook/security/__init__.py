"""Contributor text stays text: escaping templates, the page guard, the Content-Security-Policy."""
