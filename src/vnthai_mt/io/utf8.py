"""Reading text files strictly as UTF-8, with errors that name the file and line.

``"-"`` is standard input. Files in a format that is not plain text (XLIFF, TMX, PO, SRT, HTML, PDF,
DOCX: see ``io.sniff``) are refused with one line that names the format, never decoded as text.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.io.sniff import refusal, unsupported_format


def decode_utf8(data: bytes, path: str | Path, *, sniff: bool = True) -> str:
    """Decode ``data`` as UTF-8 (a leading BOM is dropped); bad bytes give ``path:line: ...``.

    ``sniff=False``: the caller reads this format itself (SRT, HTML...), so it is not refused."""
    fmt = unsupported_format(path, data[:65536]) if sniff else None
    if fmt is not None:
        raise InputError(refusal(fmt), path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(
            f"invalid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); save the file as UTF-8",
            path,
            line,
        ) from None
    return text.removeprefix("\ufeff")


# Special files (FIFOs, character devices, /dev/fd/N) can be read only once: their bytes are kept
# here, by (device, inode), so that a second reading in the same process (a command validates its
# inputs before the model loads, then translates them) gets the same bytes instead of hanging.
_STREAMS: dict[tuple[int, int], bytes] = {}


def read_bytes(path: str | Path, folder_hint: str = "") -> bytes:
    """The file's bytes (``"-"``: standard input); a missing or unreadable file is one clear
    ``InputError``. A special file (FIFO...) is read once as a stream; later calls in this process
    return the same bytes."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    path = Path(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if stat.S_ISREG(st.st_mode):
            return path.read_bytes()
        key = (st.st_dev, st.st_ino)
        if key not in _STREAMS:
            with open(path, "rb") as fh:
                _STREAMS[key] = fh.read()
        return _STREAMS[key]
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a folder, expected a file" + folder_hint, path) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", path) from None


def read_utf8(path: str | Path) -> str:
    """The whole file as text (strict UTF-8); errors are one clear ``InputError``."""
    return decode_utf8(read_bytes(path), path)


def read_lines(path: str | Path) -> list[str]:
    """Lines of a UTF-8 text file without line ends (``\\r\\n`` too); a final newline adds no line."""
    from vnthai_mt.io.lines import lines_of

    return lines_of(read_utf8(path))
