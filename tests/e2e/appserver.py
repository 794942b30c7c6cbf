"""Start the app as ``make run`` does (``python -m ui.serve``, i.e. ``streamlit run app.py`` with the code loaded
first) as a subprocess on a free loopback port, for the browser tests, the load test and the benchmarks.

>>> callable(app_server)
True
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 90
# settings a test must not inherit from the shell that runs it
_CLEARED = ("PLANNER_PASSWORD", "DATABASE_URL", "PLANNER_ACCOUNTS", "PLANNER_RETENTION_MONTHS",
            "PLANNER_RETENTION_DELETE")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def app_server(env: Mapping[str, str], *, log: Path | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield ``(base url, process)`` of an app process with ``env`` added to a cleaned environment."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "ui.serve", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--global.developmentMode", "false"]
    full = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    full.update(env)
    out = open(log, "w") if log is not None else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=full)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not healthy(url):
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {proc.returncode} before becoming healthy")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit not healthy on {url} after {START_TIMEOUT_S}s")
            time.sleep(0.3)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if out is not subprocess.DEVNULL:
            out.close()
