"""The handbook's own code, shared by the MkDocs hooks (hooks/), the tests and the commands.

- `site`: languages, addresses and source files of pages, and their sections. Start here to
  find where page P in language L is published and which file it is built from.
- `build`: one MkDocs build: what it loads once for every language, and what runs after them all.
- `source`: reading the YAML data files with line numbers, and `DataError`.
- `words`: the interface words (translations/<language>/ui.yml).
- `published`: the published section ids and their redirects (data/published-ids.yml).
- `decision_tree`: "Should I fire this client?": load, validate, render, paths.
- Commands: `python -m handbook.check_tree`, `handbook.tree_paths`, `handbook.spellcheck`,
  `handbook.benchmark`.
"""
