"""Nothing lost: atomic writes and resumable batches.

``atomic_write_text`` / ``atomic_write_bytes`` write a temporary file in the target's folder, fsync it
and ``os.replace`` it over the target, so a reader sees either the old file or the whole new one, never
half of it (a killed run leaves no partial output).

``Checkpoint`` records finished segment translations of one output file, append-only, so that a run
killed halfway (even with SIGKILL) can continue with ``--resume`` without translating those segments
again::

    ckpt = Checkpoint(out_path, fingerprint_file(in_path), fingerprint_settings(settings))
    done = ckpt.start(resume=args.resume)          # {segment id: translation} already finished
    for batch in batches(todo not in done):
        ckpt.record(dict(zip(ids, backend.translate(texts))))   # one fsync per batch
    write_document(doc, translations, out_path)    # atomic
    ckpt.finish()                                  # removes the checkpoint file

Policy on fingerprints: ``start(resume=True)`` with a checkpoint made from a different input file or
with different settings raises ``InputError`` (it says which differs and how to start over); it never
mixes translations of two configurations. ``start(resume=False)`` always starts fresh and discards an
old checkpoint.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO, Self

from vnthai_mt.errors import InputError
from vnthai_mt.io.guard import os_error

try:  # POSIX advisory locks; without them two runs on one output are simply not detected.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

CHECKPOINT_SUFFIX = ".vnthai-checkpoint.jsonl"
_FORMAT_VERSION = 1


# --- atomic writes -----------------------------------------------------------------------------------


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same folder, fsync, ``os.replace``.

    The file mode follows an existing target (else the umask default); the folder must exist. The temp
    file is ``.<name>.vnthai-<pid>-<random>.tmp``: a run killed inside the write leaves it, and the
    next write to the same target removes it (its process is gone). A full or read-only disk is one
    ``WriteError`` (``PATH: no space left on device``) and the previous file is left as it was.
    """
    path = Path(path)
    if path.is_symlink():  # write the file the link points to; replacing would cut the link
        path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file() and not path.is_dir():
        # /dev/null, /dev/stdout, a FIFO: a stream, written in place (renaming a file over a device
        # node would replace the device itself).
        return _write_stream(path, data)
    folder = path.parent if str(path.parent) else Path(".")
    clean_stale_temps(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"{_temp_prefix(path)}{os.getpid()}-", suffix=".tmp")
    except FileNotFoundError:
        raise InputError("output folder does not exist", folder) from None
    except OSError as err:
        raise os_error(err, path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _target_mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        # Never leave the temp file behind, whatever went wrong (including KeyboardInterrupt).
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise os_error(exc, path) from None
        raise
    _fsync_dir(folder)


def _write_stream(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb", buffering=0) as fh:
            _write_all(fh, data)
    except OSError as err:
        raise os_error(err, path) from None


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.vnthai-"


def clean_stale_temps(path: str | Path) -> list[Path]:
    """Remove temp files of ``path`` left by killed writers (their process no longer runs)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefix = _temp_prefix(path)
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return removed
    for name in names:
        pid_text = name[len(prefix):].split("-", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        try:
            os.unlink(folder / name)
            removed.append(folder / name)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """``atomic_write_bytes`` for text; line ends are written exactly as they are in ``text``."""
    atomic_write_bytes(path, text.encode(encoding))


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform lets a folder be opened.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- fingerprints ------------------------------------------------------------------------------------


def fingerprint_bytes(data: bytes) -> str:
    """sha256 hex digest of ``data``."""
    return hashlib.sha256(data).hexdigest()


def fingerprint_file(path: str | Path) -> str:
    """sha256 hex digest of a file's bytes (read in blocks; a missing file is an ``InputError``)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", path) from None
    return digest.hexdigest()


def fingerprint_texts(texts: Iterable[str]) -> str:
    """sha256 of a sequence of strings (order and boundaries count)."""
    digest = hashlib.sha256()
    for text in texts:
        data = text.encode("utf-8")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def fingerprint_settings(settings: Mapping[str, Any]) -> str:
    """sha256 of JSON-serializable settings, independent of key order (non-JSON values via ``str``)."""
    blob = json.dumps(settings, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# --- checkpoint --------------------------------------------------------------------------------------


def checkpoint_path_for(output_path: str | Path) -> Path:
    """Where the checkpoint of ``output_path`` lives: beside it, ``<name>.vnthai-checkpoint.jsonl``."""
    output_path = Path(output_path)
    return output_path.with_name(output_path.name + CHECKPOINT_SUFFIX)


class Checkpoint:
    """Finished translations of one output file, kept on disk until the output is written.

    File format (JSON lines): a header ``{"vnthai_checkpoint": 1, "input": FP, "settings": FP}`` and
    then one ``{"id": SEGMENT_ID, "t": TRANSLATION}`` per finished segment. Each ``record`` call
    appends its lines with one write and one fsync. A torn last line (the process died inside a write)
    is dropped on load. While a checkpoint is open it holds an exclusive lock, so a second run on the
    same output fails with a clear error instead of interleaving.
    """

    def __init__(self, output_path: str | Path, input_fingerprint: str, settings_fingerprint: str):
        self.output_path = Path(output_path)
        self.path = checkpoint_path_for(self.output_path)
        self.input_fingerprint = input_fingerprint
        self.settings_fingerprint = settings_fingerprint
        self._fh: BinaryIO | None = None
        self._done: dict[str, str] = {}
        self._complete: str | None = None

    # The ids already finished (after ``start``), read-only view for callers.
    @property
    def done(self) -> Mapping[str, str]:
        return self._done

    def start(self, resume: bool) -> dict[str, str]:
        """Open the checkpoint and return ``{segment id: translation}`` finished by earlier runs.

        ``resume=False``: start fresh (an old checkpoint is discarded) and return ``{}``.
        ``resume=True``: load a matching checkpoint; none there means a fresh start; one made from
        another input or other settings raises ``InputError``.
        """
        if self._fh is not None:
            raise RuntimeError("checkpoint already started")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # "a+b": create if missing but change nothing before the lock is held.
            fh = open(self.path, "a+b", buffering=0)  # noqa: SIM115 - held until close()/finish()
        except OSError as err:
            raise os_error(err, self.path) from None
        self._lock(fh)
        try:
            fh.seek(0)
            loaded = self._parse(fh.read()) if resume else None
            if loaded is not None:
                done, good_end = loaded
                fh.truncate(good_end)  # drop a torn tail so new records start on a fresh line
            else:
                fh.truncate(0)
                _write_all(fh, _line({"vnthai_checkpoint": _FORMAT_VERSION, "input": self.input_fingerprint,
                                "settings": self.settings_fingerprint}))
                fh.flush()
                os.fsync(fh.fileno())
                done = {}
        except OSError as err:
            fh.close()
            raise os_error(err, self.path) from None
        except BaseException:
            fh.close()
            raise
        self._fh = fh
        self._done = done
        return dict(done)

    def record(self, translations: Mapping[str, str]) -> None:
        """Append finished translations (one batch) and fsync, so they survive a kill right after."""
        if self._fh is None:
            raise RuntimeError("call start() before record()")
        if not translations:
            return
        blob = b"".join(_line({"id": str(sid), "t": text}) for sid, text in translations.items())
        try:
            self._fh.seek(0, os.SEEK_END)
            size = self._fh.tell()
            _write_all(self._fh, blob)
            self._fh.flush()
            os.fsync(self._fh.fileno())
        except OSError as err:
            # Full disk: cut the partial batch off so the checkpoint stays a clean prefix.
            try:
                self._fh.truncate(size)
            except OSError:
                pass
            raise os_error(err, self.path) from None
        self._done.update((str(k), v) for k, v in translations.items())

    def close(self) -> None:
        """Close the file and keep it (the run stopped early; ``--resume`` continues from it)."""
        if self._fh is not None:
            self._fh.close()  # also releases the lock
            self._fh = None

    def finish(self, keep_as: str | Path | None = None) -> None:
        """The output is written: remove the checkpoint, or (``keep_as``, folder runs) mark it complete
        with the output's sha256 and move it there, so that ``--resume`` of the folder can tell a
        finished output from one to redo (``load_complete``)."""
        if keep_as is not None and self._fh is not None:
            try:
                digest = fingerprint_file(self.output_path)
                _write_all(self._fh, _line({"complete": digest}))
                os.fsync(self._fh.fileno())
                self.close()
                Path(keep_as).parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.path, keep_as)
                return
            except OSError as err:
                self.close()
                raise os_error(err, keep_as) from None
        self.close()
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def load_complete(self, kept: str | Path) -> dict[str, str] | None:
        """The translations of a finished output (a checkpoint kept by ``finish(keep_as=...)``), when
        it was made from this input with these settings and the output is still exactly what that run
        wrote; else None (the file must be translated again)."""
        kept = Path(kept)
        try:
            data = kept.read_bytes()
            digest = fingerprint_file(self.output_path)
        except (OSError, InputError):
            return None
        self._complete = None
        try:
            parsed = self._parse(data, kept)
        except InputError:
            return None
        if parsed is None or self._complete != digest:
            return None
        return parsed[0]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals --

    def _parse(self, data: bytes, where: Path | None = None) -> tuple[dict[str, str], int] | None:
        """(finished translations, byte length of the intact part), or None when there is nothing
        usable (empty file, or killed before the header was complete)."""
        done: dict[str, str] = {}
        pos = good_end = 0
        header = None
        while pos < len(data):
            end = data.find(b"\n", pos)
            if end < 0:
                break  # torn last line: the process died inside a write
            try:
                obj = json.loads(data[pos:end])
            except (ValueError, RecursionError):
                break  # anything after a damaged line is not trusted
            if header is None:
                header = obj
                if not isinstance(obj, dict) or obj.get("vnthai_checkpoint") != _FORMAT_VERSION:
                    raise InputError("not a vnthai-mt checkpoint (delete it to start over)", where or self.path)
            elif isinstance(obj, dict) and isinstance(obj.get("t"), str):
                done[str(obj.get("id"))] = obj["t"]
            elif isinstance(obj, dict) and isinstance(obj.get("complete"), str):
                self._complete = obj["complete"]
            else:
                break
            pos = good_end = end + 1
        if header is None:
            return None
        what = []
        if header.get("input") != self.input_fingerprint:
            what.append("the input file changed")
        if header.get("settings") != self.settings_fingerprint:
            what.append("the settings (model, glossaries, options) changed")
        if what:
            raise InputError(
                f"cannot resume: {' and '.join(what)} since the interrupted run; run again without "
                f"--resume to start over (this discards the checkpoint)",
                where or self.path,
            )
        return done, good_end

    def _lock(self, fh) -> None:
        if fcntl is None:
            return
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise InputError("another vnthai-mt run is writing this output", self.output_path) from None


def _write_all(fh, blob: bytes) -> None:
    # An unbuffered file may write less than asked; a buffered one would retry at close and fail twice.
    view = memoryview(blob)
    while view:
        view = view[fh.write(view):]


def _line(obj: dict) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
