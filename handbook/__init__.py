"""The handbook's own code, shared by the MkDocs hooks (hooks/), the tests and the commands.

Every import points down: hooks -> build -> model -> capabilities -> content -> languages.
- `model`: the handbook loaded once per build: pages, words, trees, published ids, phrasebook, freshness.
- `build`: the MkDocs lifecycle: when the model is loaded, the order of events, what is collected.
- `templates`: every piece of HTML, from escaping Jinja templates (overrides/partials/handbook/).
- `content/`: the language pack (`languages`), addresses and source files (`site`), the one
  Markdown reader (`pages`), the YAML reader and `DataError` (`source`), and the data files with
  their checks (`words`, `terminology`, `published`, `phrasebook`, `parity`).
- `decision_tree/`: "Should I fire this client?": load -> validate -> model -> rules -> render -> paths.
- `freshness/`: which translated sections still say what the English says (`sections`, `status`).
- `paper/`: the print book, PDFs, training handouts, downloads block, hyphenation, link previews.
- `offline/`: the files each language needs offline, the service worker (`sw.js`), the web app.
- `search/`: each language's index and its synonyms.
- `security/`: which templates escape, the page guard, the Content-Security-Policy, host headers.
- `commands/`: what runs from the terminal (`python -m handbook.commands.NAME`): benchmark,
  search_benchmark, check_tree, tree_paths, spellcheck, translations, new_language,
  static_host, live_preview, contributor_timings.
"""
