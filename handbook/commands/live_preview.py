"""The live preview, `python3 tasks.py serve [--dev-addr HOST:PORT]`: MkDocs' live-reload server,
made to tell the truth.

- Every rebuild runs the code as it is on disk now: the hooks and the whole `handbook` package are
  loaded afresh (MkDocs keeps hook modules and Python keeps imported packages otherwise).
- A failed build shows its messages (file, line, fix) in the browser, on every page, instead of
  leaving the pages waiting; the page reloads by itself once a rebuild succeeds.
- Stopping the process (Ctrl+C or a signal) stops the server and removes its build folder.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2
from mkdocs.__main__ import State
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.config_options import Hooks
from mkdocs.livereload import LiveReloadServer, _serve_url

log = logging.getLogger("mkdocs.handbook.preview")
PACKAGE = Path(__file__).resolve().parents[1]  # handbook/
# Its own template, not the theme's: the page must show when the theme's templates are what is broken.
_ERROR_PAGE = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent),
                                 autoescape=True).get_template("build-error.html")
WATCHED = ("mkdocs.yml", "docs", "data", "translations", "overrides", "hooks")


def forget_code(no_bytecode: Path) -> None:
    """Make the next config load execute every hook and import the handbook's modules from disk."""
    Hooks._load_hook.cache_clear()
    for name in [name for name in sys.modules if name == "handbook" or name.startswith("handbook.")]:
        if name != __name__:
            del sys.modules[name]
    # No bytecode cache: an edit within the same second and of the same size must count too.
    sys.dont_write_bytecode = True
    sys.pycache_prefix = str(no_bytecode)  # a folder that holds none


@contextmanager
def messages() -> Iterator[list[str]]:
    """The warnings and errors MkDocs, its plugins and the hooks log meanwhile."""
    found: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: found.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)


def error_page(problem: str) -> bytes:
    """A page that shows why the build failed; its text is escaped, whatever the files hold."""
    return _ERROR_PAGE.render(problem=problem).encode("utf-8")


class PreviewServer(LiveReloadServer):
    """LiveReloadServer that shows the last build's error on every page instead of waiting."""

    problem: str | None = None

    def _serve_request(self, environ: dict, start_response: Callable) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"]
        if not path.startswith("/livereload/") and (path.endswith("/") or path.endswith(".html")):
            with self._epoch_cond:
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                epoch, problem = self._visible_epoch, self.problem
            if problem is not None:
                content = self._inject_js_into_html(error_page(problem), epoch)
                start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                             ("Content-Length", str(len(content)))])
                return [content]
        return super()._serve_request(environ, start_response)


def serve(dev_addr: str, config_file: str = "mkdocs.yml") -> None:
    site_dir = tempfile.mkdtemp(prefix="handbook-preview-")
    host, _, port = dev_addr.rpartition(":")
    url = _serve_url(host, int(port), "/")
    project = Path(config_file).resolve().parent
    started = False

    def rebuild() -> None:
        nonlocal started
        forget_code(Path(site_dir) / "no-bytecode")
        with messages() as found:
            try:
                config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=dev_addr)
                config.site_url = url
                if not started:  # as `mkdocs serve` does: once, with the first configuration
                    config.plugins.on_startup(command="serve", dirty=False)
                    started = True
                build(config, serve_url=url)
            except (Exception, SystemExit) as error:  # a strict build's Abort, a DataError, a hook's bug
                server.problem = "\n".join([*found, f"{type(error).__name__}: {error}"])
                log.error("The build failed; the browser shows why until it builds again.")
            else:
                server.problem = None

    server = PreviewServer(builder=rebuild, host=host, port=int(port), root=site_dir, mount_path="/")
    log.info(f"The preview is built in {site_dir} (removed when the server stops)")
    signal.signal(signal.SIGTERM, _stop)
    try:
        rebuild()
        # What makes the site; the handbook's code too, wherever it is imported from.
        for watched in (*WATCHED, PACKAGE):
            if (project / watched).exists():
                server.watch(str(project / watched))
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 tasks.py serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="HOST:PORT (default 127.0.0.1:8000)")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    options = parser.parse_args(argv)
    logging_ = State()  # MkDocs' own console logging, for as long as the server runs
    serve(options.dev_addr, options.config_file)
    del logging_
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
