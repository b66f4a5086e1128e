"""Provides the messages the background loader posts to the app (from its thread)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class LoadProgressed(Message):
    """The loader finished a step, or started one."""

    stage: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        # Only the latest progress matters when several queue up.
        return isinstance(message, LoadProgressed)
