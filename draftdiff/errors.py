"""Provides the exceptions draftdiff raises on purpose.

    DraftdiffError            message + hint; the CLI prints it as one line, exit 2
     ├── InputError           a file cannot be opened, decoded, or is not a document
     ├── ParseError           a document was read but its content is malformed
     ├── SchemaError          a YAML schema is invalid (file, line, key, what is wrong)
     ├── PolicyError          a policy file for `check` is invalid
     └── OutputError          a result cannot be written where the user asked

Anything else escaping the pipeline is a bug, and the CLI says so instead of
printing a traceback.
"""

from __future__ import annotations


class DraftdiffError(Exception):
    """Base class: a problem the user can act on."""

    def __init__(self, message: str, *, path: str | None = None, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class InputError(DraftdiffError):
    """A file cannot be opened or decoded, or is not a document draftdiff reads."""


class ParseError(DraftdiffError):
    """A document was opened but its content is malformed."""


class SchemaError(DraftdiffError):
    """A YAML schema file is invalid."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        key: str = "",
        hint: str = "",
    ) -> None:
        super().__init__(message, path=path, hint=hint)
        self.line = line
        self.key = key

    def __str__(self) -> str:
        if self.path is None and self.line is None:
            return super().__str__()
        where = self.path or "schema"
        if self.line is not None:
            where += f":{self.line}"
        key = f" {self.key}:" if self.key else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{key} {self.message}{hint}"


class PolicyError(DraftdiffError):
    """A policy file given to `draftdiff check` is invalid."""


class OutputError(DraftdiffError):
    """A result cannot be written where the user asked."""
