"""The "Should I fire this client?" decision tree.

data/decision-tree.yml and translations/<language>/decision-tree.yml -> `load` (reads, builds, and
has `validate` judge each step) -> a `model.Tree` per language -> `render` (HTML for the tool and
its overview) and `paths` (every path, for review). Any problem is one `handbook.content.source.DataError`.
"""
