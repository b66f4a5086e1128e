"""Runs a command in a real terminal: a tmux session on a private socket.

The command is wrapped as `CMD; echo __EXIT__=$?; sleep 600`, so the pane outlives
the program and its exit code (and any traceback) can be read from the screen
(TESTING.md §1.6). The app draws on stderr: never redirect it.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path


class Tmux:
    def __init__(self, command: Sequence[str], socket: Path, cwd: Path, size: tuple[int, int]):
        self.tmux = ["tmux", "-S", str(socket)]
        env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "NO_COLOR")}
        env["TERM"] = "xterm-256color"
        wrapped = f"{shlex.join(command)}; echo __EXIT__=$?; sleep 600"
        cols, rows = size
        where = ["-x", str(cols), "-y", str(rows), "-c", str(cwd)]
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", "app", *where, wrapped],
            check=True,
            env=env,
            timeout=20,
        )

    def screen(self) -> str:
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-J", "-t", "app"],
            capture_output=True,
            text=True,
            timeout=20,
        ).stdout

    def wait_for(self, text: str, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in (screen := self.screen()):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on screen after {timeout} s:\n{self.screen()}")

    def wait_for_match(self, pattern: str, timeout: float = 30) -> str:
        """Wait for the regular expression `pattern` to match on the screen: for text whose
        spacing moves with the panes and scroll bars."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if re.search(pattern, screen := self.screen()):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} not on screen after {timeout} s:\n{self.screen()}")

    def wait_until_gone(self, text: str, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text not in (screen := self.screen()):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} still on screen after {timeout} s:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", "app", *keys], check=True, timeout=20)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, timeout=20)
