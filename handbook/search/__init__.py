"""Search: each language's index and the synonyms translators keep."""
