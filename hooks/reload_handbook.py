"""During `python3 tasks.py serve`: every rebuild runs the handbook's code as it is on disk now.

MkDocs loads the hooks afresh for every rebuild, but Python keeps the `handbook` package they
import. This hook comes first in mkdocs.yml: when `tasks.py serve` sets HANDBOOK_SERVE=1, it
forgets the package, so the hooks after it import the edited code. A plain build is not affected.
"""

from __future__ import annotations

import os
import sys

if os.environ.get("HANDBOOK_SERVE") == "1":
    for name in [name for name in sys.modules if name == "handbook" or name.startswith("handbook.")]:
        del sys.modules[name]
