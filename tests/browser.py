"""A headless Chromium driven over the DevTools protocol, on a pipe (no port, no extra package).

Chromium's ``--remote-debugging-pipe`` reads commands on file descriptor 3 and writes replies
and events on 4, as JSON texts ended by a NUL byte. A pipe needs no free port (the tests run in
parallel) and no WebSocket client, and it closes when the test is done with the browser.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def need_chromium() -> str:
    """The browser, or a skip (a failure where CI says the browser must be there)."""
    found = chromium()
    if found is None:
        message = "Chromium is not installed (apt-get install chromium): the browser checks did not run"
        if os.environ.get("ROLEFIT_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _high(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    """One page in a headless Chromium; :meth:`call` sends a command and waits for its reply.
    :meth:`open` may load one file after another in it."""

    def __init__(self, executable: str, profile: Path) -> None:
        # Above 4 (and 9, as a shell reads one digit in "3<&N" only with care): never 3 or 4 themselves.
        to_child_r, self._to_child = (_high(fd) for fd in os.pipe())
        self._from_child, from_child_w = (_high(fd) for fd in os.pipe())
        shell = f'exec "$0" "$@" 3<&{to_child_r} 4>&{from_child_w} {to_child_r}<&- {from_child_w}>&-'
        self.process = subprocess.Popen(
            ["bash", "-c", shell, executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(to_child_r, from_child_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=None)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=None)[
            "sessionId"
        ]

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed its pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        data: dict[str, Any] = json.loads(message)
        return data

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: str | bool | None = True) -> Any:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session is True:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read()
            self.events.append(event)
            if event.get("method") == method:
                return event

    def open(self, path: Path, width: int, height: int = 900) -> None:
        """Load ``path`` in a window ``width`` CSS pixels wide (a phone when narrow)."""
        self.events.clear()
        mobile = width < 600
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        self.call("Network.enable")
        # Every resource is fetched (and so reported) anew, even when an earlier page loaded it.
        self.call("Network.setCacheDisabled", {"cacheDisabled": True})
        self.call("Page.enable")
        self.call("Page.navigate", {"url": path.resolve().as_uri()})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def requests(self) -> list[str]:
        """Every URL the page asked for since it was opened (the page itself included)."""
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def pdf(self) -> bytes:
        result = self.call("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True})
        return base64.b64decode(result["data"])

    def screenshot(self, y: int, width: int, height: int) -> bytes:
        clip = {"x": 0, "y": y, "width": width, "height": height, "scale": 1}
        result = self.call("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})
        return base64.b64decode(result["data"])

    def close(self) -> None:
        with suppress(RuntimeError, OSError):
            self.call("Browser.close", session=None)
        for fd in (self._to_child, self._from_child):
            os.close(fd)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def browser() -> Iterator[Browser]:
    executable = need_chromium()
    with tempfile.TemporaryDirectory(prefix="rolefit-browser-") as profile:
        page = Browser(executable, Path(profile))
        try:
            yield page
        finally:
            page.close()
