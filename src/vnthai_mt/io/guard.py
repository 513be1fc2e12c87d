"""One guard for every write: no run may write over what it reads, or write two things to one place.

Every command lists what it reads and what it will write *before any work*, and the guard refuses a
write path that is (or resolves to, through symbolic or hard links) one of the run's inputs or another
of its outputs::

    guard = WriteGuard()
    guard.inputs("input", ["a.th.txt"])
    guard.inputs("glossary", glossary_paths)
    guard.output("report", "report.html")          # InputError if report.html is a.th.txt, a link to
                                                    # it, or a glossary
    guard.output("checkpoint", ckpt_path)           # ... or the report

``allow_overwrite=`` names inputs that an output may replace on purpose (``fix FILE -o FILE`` fixes in
place). Identity is the file's (device, inode) when it exists, else its resolved absolute path, so a
symlink or a hard link to an input is caught, and two spellings of one new file collide.

``os_error(err, path)`` turns an ``OSError`` met while writing into one line for the user
(``PATH: no space left on device``); ``WriteError`` is what it returns.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from vnthai_mt.errors import InputError


class WriteError(InputError):
    """A write that failed (full or read-only disk, no permission): the previous file is intact."""


def os_error(err: OSError, path: str | Path) -> WriteError:
    """``PATH: no space left on device`` (the OS message with a lower-case first letter)."""
    text = err.strerror or str(err) or type(err).__name__
    return WriteError(text[:1].lower() + text[1:], path)


def identity(path: str | Path) -> tuple:
    """What makes two paths the same file: (device, inode) of an existing file (links followed),
    else the resolved absolute path (a file not yet created)."""
    path = Path(path)
    try:
        st = path.stat()
        return ("inode", st.st_dev, st.st_ino)
    except OSError:
        return ("path", str(Path(os.path.abspath(path)).resolve()))


def _keys(path: str | Path) -> set[tuple]:
    # Both keys: an existing file is matched by inode (links) and by its resolved path (a later
    # output that does not exist yet but names the same place).
    path = Path(path)
    keys = {("path", str(Path(os.path.abspath(path)).resolve()))}
    ident = identity(path)
    keys.add(ident)
    return keys


class WriteGuard:
    """Collects a run's inputs and outputs and refuses any output that would destroy another."""

    def __init__(self) -> None:
        self._inputs: list[tuple[str, str, set[tuple]]] = []
        self._outputs: list[tuple[str, str, set[tuple]]] = []

    def inputs(self, what: str, paths: Iterable[str | Path | None]) -> WriteGuard:
        """Register files this run reads (``None`` and ``-`` for stdin are skipped)."""
        for p in paths:
            if p is None or str(p) == "-":
                continue
            self._inputs.append((what, str(p), _keys(p)))
        return self

    def output(self, what: str, path: str | Path | None, *, allow_overwrite: Iterable[str | Path] = ()
               ) -> WriteGuard:
        """Register a file this run writes; ``InputError`` when it is an input or another output."""
        if path is None or str(path) == "-":
            return self
        keys = _keys(path)
        allowed: set[tuple] = set()
        for a in allow_overwrite:
            allowed |= _keys(a)
        for kind, other, other_keys in self._inputs:
            if keys & other_keys and not (other_keys & allowed):
                raise InputError(
                    f"the {what} would overwrite the {kind} {other}; choose another path", path)
        for kind, _other, other_keys in self._outputs:
            if keys & other_keys:
                raise InputError(f"the {what} and the {kind} are the same file; choose another path", path)
        if Path(path).is_dir():
            raise InputError(f"the {what} is a folder, expected a file", path)
        self._outputs.append((what, str(path), keys))
        return self

    def folder_output(self, what: str, folder: str | Path, files: Iterable[str | Path]) -> WriteGuard:
        """Register an output folder through the files it will receive (checked as outputs)."""
        for f in files:
            self.output(what, f)
        return self


def check_parent(path: str | Path, what: str = "output") -> None:
    """Refuse before any work a file whose folder does not exist (or is not a folder)."""
    if path is None or str(path) == "-":
        return
    parent = Path(path).parent
    if not parent.exists():
        raise InputError(f"the {what} folder does not exist", parent)
    if not parent.is_dir():
        raise InputError(f"the {what} folder is not a folder", parent)


def make_folder(path: str | Path) -> None:
    """``mkdir -p``; a full or read-only disk is one ``WriteError`` line."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError("exists and is not a folder", path) from None
    except OSError as err:
        raise os_error(err, path) from None
