"""The static host (`python3 tasks.py preview`, and the browser tests' server) as a reader's browser uses it."""

from __future__ import annotations

import socket
import struct
import time
from pathlib import Path

import pytest

from handbook.commands.static_host import serve
from tests.support import SITE


def test_a_reader_leaving_before_a_file_arrives_prints_no_traceback(
        tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    (tmp_path / "big.bin").write_bytes(b"x" * 20_000_000)  # far more than a socket's buffers hold
    server, url = serve(tmp_path, SITE)
    try:
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as reader:
            reader.sendall(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert reader.recv(1024).startswith(b"HTTP/1.0 200")
            # Gone at once, as a tab that is closed: the connection is reset, not closed politely.
            reader.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        time.sleep(1)  # the server's thread meets the closed connection as it writes on
    finally:
        server.shutdown()
    error = capfd.readouterr().err
    assert "Traceback" not in error, error
