"""User-facing errors. Each carries what the user must see: the file, the line and what is wrong.

The CLI prints ``str(error)`` as one line and exits with ``error.exit_code``; nothing else in the
package prints tracebacks for bad input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class VnthaiError(Exception):
    message: str
    path: str | Path | None = None
    line: int | None = None
    exit_code: int = 2

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return where + self.message


class InputError(VnthaiError):
    """Bad input text: unreadable file, invalid UTF-8, mismatched line counts, bad flag values."""


class GlossaryError(VnthaiError):
    """A malformed or inconsistent glossary file."""


class ModelNotFoundError(VnthaiError):
    """A model that is neither a local folder nor available from the hub cache."""
