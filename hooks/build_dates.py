"""Outside a git checkout (a download of the sources), the build says once where page dates come
from, instead of one line per page from the git-revision-date plugin."""

from __future__ import annotations

import logging

# The plugin's own logger (mkdocs.plugins.<module>), where it says it found no git directory.
PLUGIN_LOG = logging.getLogger("mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.util")
NO_GIT = "Unable to find a git directory"
ONCE = "No git history here (a copy without .git): each page's date is the date of this build."


class SayOnce(logging.Filter):
    """Lets the first 'no git directory' line through, reworded, and drops the others."""

    def __init__(self) -> None:
        super().__init__()
        self.said = False

    def filter(self, record: logging.LogRecord) -> bool:
        if NO_GIT not in record.getMessage():
            return True
        if self.said:
            return False
        self.said = True
        record.msg, record.args = ONCE, ()
        return True


def on_startup(**kwargs) -> None:
    for old in [f for f in PLUGIN_LOG.filters if type(f).__name__ == SayOnce.__name__]:
        PLUGIN_LOG.removeFilter(old)
    PLUGIN_LOG.addFilter(SayOnce())
