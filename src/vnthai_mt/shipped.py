"""The data files shipped inside the package, found with ``importlib.resources``.

Everything a user of the installed wheel needs lives under ``vnthai_mt/data/``::

    data/glossaries/*.tsv        the shipped glossaries (titles, bodies, places, people, emulation)
    data/refsets/ntrex128/       NTREX-128 Vietnamese/Thai/English references, with LICENSE.md
    data/terms/terms.jsonl       the terminology suite (240 annotated sentences)
    data/examples/               the seed article: a real faulty Thai MT and its Vietnamese source

>>> shipped_path("glossaries").name
'glossaries'

A missing file is an error, never an empty result: a copy of the package that lost its data would
otherwise check text against no glossary and report nothing wrong.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from vnthai_mt.errors import InputError


def data_dir() -> Path:
    """The package's ``data/`` folder (a real folder: the package is installed unzipped)."""
    return Path(str(resources.files("vnthai_mt").joinpath("data")))


def shipped_path(*parts: str) -> Path:
    """``data/<parts...>``; an InputError naming the path if the installed copy lacks it."""
    path = data_dir().joinpath(*parts)
    if not path.exists():
        raise InputError("this vnthai-mt installation lacks its shipped data (reinstall the package)", path)
    return path


def display_path(path: str | Path) -> str:
    """How a file is named in reports: shipped files as ``vnthai_mt/data/...`` (the same for every
    installation, so a report from the wheel equals one from the source tree), others as given."""
    try:
        inside = Path(path).resolve().relative_to(data_dir().resolve())
    except ValueError:
        return str(path)
    return f"vnthai_mt/data/{inside.as_posix()}"
