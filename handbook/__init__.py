"""The handbook's own code, shared by the MkDocs hooks (hooks/), the tests and the commands.

The model, read once per build:
- `site`: languages, addresses and source files of pages, and each language's pack. Start here
  to find where page P in language L is published and which file it is built from.
- `content`: the one reader of a page's Markdown: sections, ids, titles, texts, "what to say" boxes.
- `languages`: the language pack (translations/<language>/language.yml).
- `model`: the handbook loaded once per build: words, trees, published ids, phrasebook, freshness.
- `build`: the MkDocs lifecycle: when the model is loaded, the order of events, what is collected.
- `source`: reading the YAML data files with line numbers, and `DataError`.
- `words`, `published`, `phrasebook`, `parity`: the data files and their checks.
- `decision_tree`: "Should I fire this client?": load, validate, render, paths.
- `freshness`, `translation_status`: which translated sections still say what the English says.
Output, every piece of HTML from an escaping template (`templates`, overrides/partials/handbook/):
- `print_book`, `pdf`, `downloads`, `hyphenation`, `sizes`: paper and the home page's downloads.
- `offline` (with `sw.js`): reading offline. `link_preview`: link previews.
Commands: `python -m handbook.check_tree`, `handbook.tree_paths`, `handbook.spellcheck`,
`handbook.benchmark`, `handbook.translations`, `handbook.languages`, `handbook.new_language`,
`handbook.static_host`, `handbook.pdf`.
"""
