"""House settings written inside a glossary file, so a project glossary carries its house style.

A setting is a comment line of the form ``#: KEY = VALUE`` (TSV or CSV; anywhere in the file). Every
other tool reads it as a comment; the loader reads it, checks it and keeps it on the ``Glossary``::

    # my house glossary
    #: name_style = joined
    vi	th	kind
    ...

>>> parse_setting("#: name_style = joined", "house.tsv", 2)
('name_style', 'joined')
>>> parse_setting("# an ordinary comment", "house.tsv", 1) is None
True

Settings (the values each may take):

* ``name_style``: ``spaced`` or ``joined``: how ``translate`` and ``names`` write the Thai of a
  Vietnamese person's name transcribed by rule (เหงียน คัก เถิ่น or เหงียนคักเถิ่น). Glossary forms are
  always used as written. A ``--name-style`` on the command line wins over the glossary's.

Glossaries stack, so the last glossary that sets a key decides it. An unknown key or value is a
``GlossaryError`` at its file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from vnthai_mt.errors import GlossaryError

SETTINGS: dict[str, tuple[str, ...]] = {"name_style": ("spaced", "joined")}
PREFIX = "#:"
_LINE = re.compile(r"#:\s*([A-Za-z_][\w-]*)\s*[=:]\s*(\S.*?)\s*$")


def parse_setting(line: str, path: str | Path, number: int) -> tuple[str, str] | None:
    """``(key, value)`` of a settings line, None for any other line; a GlossaryError if it is wrong."""
    text = line.strip()
    if not text.startswith(PREFIX):
        return None
    m = _LINE.fullmatch(text)
    if m is None:
        raise GlossaryError(f"a settings line is '#: KEY = VALUE', not {text!r}", path, number)
    key, value = m.group(1).replace("-", "_").lower(), m.group(2).strip().strip("\"'")
    if key not in SETTINGS:
        raise GlossaryError(f"unknown setting {key!r} (known: {', '.join(SETTINGS)})", path, number)
    if value not in SETTINGS[key]:
        raise GlossaryError(f"{key} must be one of {', '.join(SETTINGS[key])}, not {value!r}", path, number)
    return key, value


def settings_lines(settings: dict[str, str]) -> list[str]:
    """The lines that write ``settings`` back (``save_glossary``)."""
    return [f"{PREFIX} {k} = {v}" for k, v in settings.items()]
