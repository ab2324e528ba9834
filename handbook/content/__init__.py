"""What the handbook says: languages, addresses, pages and their sections, data files and their checks."""
