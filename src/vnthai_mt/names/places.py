"""Vietnamese administrative units and their Thai renderings, with the dates each name was valid.

The shipped list ``data/places/vn_admin_units.tsv`` (see its README for the sources) holds the 63
provincial-level units before 2025 and the 34 from 2025-07-01, the provincial capitals and other cities,
the districts of the centrally-run cities, the island districts and the special zones (đặc khu) that
replaced them, and the wards official news names most. Each row says when the unit existed::

    >>> units_named("Nam Định")[0].th
    'นามดิ่ญ'
    >>> unit = units_named("Nam Định")[0]
    >>> unit.valid_on(date(2024, 5, 1)), unit.valid_on(date(2025, 9, 1)), unit.successor
    (True, False, 'Ninh Bình')
    >>> thai_for("Ba Vì")
    'บาหวี่'

Historical names stay valid for historical text: a 2023 article about tỉnh Nam Định is rendered
จังหวัดนามดิ่ญ, never rewritten to the province that absorbed it. ``status_on(name, day)`` tells whether a
name denoted a unit on a day (``vnthai-mt names --as-of DATE`` reports it), and what it became.

One name has one Thai rendering whatever the unit (the city and the province of Thái Bình are both
ท้ายบิ่ญ); the loader rejects a list that breaks this, and every other problem, as ``file:line: what``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.text import thai, vietnamese

COLUMNS = ("vi", "th", "type", "parent", "valid_from", "valid_to", "successor", "vi_variants", "th_source",
           "source", "note")
TYPES = ("tỉnh", "thành phố trực thuộc trung ương", "thành phố", "thị xã", "quận", "huyện", "đặc khu",
         "phường", "xã", "thị trấn")
# Types below the province and the city (districts, wards, communes).
LOCAL_TYPES = frozenset(("quận", "huyện", "thị xã", "phường", "xã", "thị trấn"))
RULE_SOURCE = "rule:"
_DASHES = re.compile(r"\s*[-‐‑–—]\s*")


@dataclass(frozen=True)
class AdminUnit:
    """One administrative unit under one name, valid from ``valid_from`` to ``valid_to`` (inclusive;
    None: not recorded / still valid)."""

    vi: str
    th: str
    type: str
    parent: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str = ""
    vi_variants: tuple[str, ...] = ()
    th_source: str = ""
    source: str = ""
    note: str = ""
    line: int = field(default=0, compare=False)

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    @property
    def current(self) -> bool:
        """Still a unit (no end date)."""
        return self.valid_to is None

    def to_dict(self) -> dict[str, str]:
        return {"vi": self.vi, "th": self.th, "type": self.type, "parent": self.parent,
                "valid_from": self.valid_from.isoformat() if self.valid_from else "",
                "valid_to": self.valid_to.isoformat() if self.valid_to else "", "successor": self.successor}


def key(name: str) -> str:
    """The lookup key of a name: normalized, lowercased, dashes as a plain hyphen without spaces."""
    return vietnamese.lower_keep_length(vietnamese.normalize(_DASHES.sub("-", name.strip())))


def default_path() -> Path:
    from vnthai_mt.shipped import shipped_path

    return shipped_path("places", "vn_admin_units.tsv")


def parse_date(text: str, where: Path | str, line: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {text!r}", where, line) from None


def read_units(path: str | Path) -> tuple[AdminUnit, ...]:
    """Every unit of the TSV at ``path``; an ``InputError`` (file, line) at the first problem."""
    from vnthai_mt.io.utf8 import read_utf8

    path = Path(path)
    units: list[AdminUnit] = []
    header_seen = False
    for n, raw in enumerate(read_utf8(path).splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise InputError(f"the header must be: {' '.join(COLUMNS)}", path, n)
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise InputError(f"{len(cells)} fields, expected {len(COLUMNS)}", path, n)
        row = dict(zip(COLUMNS, (c.strip() for c in cells)))
        for required in ("vi", "type", "th_source", "source"):
            if not row[required]:
                raise InputError(f"missing {required}", path, n)
        if row["type"] not in TYPES:
            raise InputError(f"unknown type {row['type']!r} (one of: {', '.join(TYPES)})", path, n)
        if not row["th"] and not row["th_source"].startswith(RULE_SOURCE):
            raise InputError("missing th (only a 'rule:' row may leave it to scripts/build_places.py --fill)",
                             path, n)
        unit = AdminUnit(
            vietnamese.normalize(row["vi"]), thai.normalize(row["th"]), row["type"],
            vietnamese.normalize(row["parent"]),
            parse_date(row["valid_from"], path, n), parse_date(row["valid_to"], path, n),
            vietnamese.normalize(row["successor"]),
            tuple(vietnamese.normalize(v) for v in row["vi_variants"].split("|") if v.strip()),
            row["th_source"], row["source"], row["note"], n)
        if unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from:
            raise InputError("valid_to is before valid_from", path, n)
        units.append(unit)
    if not header_seen:
        raise InputError("no header line", path)
    _check(units, path)
    return tuple(units)


def _check(units: list[AdminUnit], path: Path) -> None:
    """One Thai rendering per name; parents and successors are units of the list."""
    th_of: dict[str, tuple[str, int]] = {}
    for u in units:
        for name in (u.vi, *u.vi_variants):
            k = key(name)
            if u.th and k in th_of and th_of[k][0] and th_of[k][0] != u.th:
                raise InputError(f"{name} is {u.th} here but {th_of[k][0]} on line {th_of[k][1]}: one name, "
                                 "one Thai rendering", path, u.line)
            if u.th or k not in th_of:
                th_of[k] = (u.th, u.line)
    for u in units:
        for ref, what in ((u.parent, "parent"), (u.successor, "successor")):
            if ref and key(ref) not in th_of:
                raise InputError(f"{what} {ref!r} is not a unit of this list", path, u.line)


@lru_cache(maxsize=1)
def load_units() -> tuple[AdminUnit, ...]:
    """The shipped list (cached)."""
    return read_units(default_path())


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[AdminUnit, ...]]:
    table: dict[str, list[AdminUnit]] = {}
    for u in load_units():
        for name in (u.vi, *u.vi_variants):
            table.setdefault(key(name), []).append(u)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _folded() -> dict[str, str | None]:
    """Diacritic-free key -> the one key it stands for (None when two names fold alike)."""
    out: dict[str, str | None] = {}
    for k in _index():
        f = vietnamese.fold(k)
        out[f] = None if f in out and out[f] != k else k
    return out


def units_named(name: str) -> tuple[AdminUnit, ...]:
    """The units called ``name`` (canonical or variant spelling; any case, NFC or NFD), oldest first."""
    return _index().get(key(name), ())


def units_named_folded(name: str) -> tuple[AdminUnit, ...]:
    """The units whose diacritic-free name is ``name``'s (``Ba Vi`` -> Ba Vì), if only one name fits."""
    k = _folded().get(vietnamese.fold(key(name)))
    return _index().get(k, ()) if k else ()


def thai_for(name: str) -> str | None:
    """The Thai rendering of the place ``name`` (no unit word), or None if the list lacks it."""
    hits = [u for u in units_named(name) if u.th]
    return hits[0].th if hits else None


def names() -> tuple[str, ...]:
    """Every name and variant of the list (normalized, as written there)."""
    return tuple(dict.fromkeys(n for u in load_units() for n in (u.vi, *u.vi_variants)))


def status_on(name: str, day: date) -> dict | None:
    """What ``name`` denoted on ``day``: ``{"valid": bool, "units": [...], "successor": ...}``.

    ``valid``: some unit of that name existed that day; ``units``: those units (or, when none did, all
    units of the name); ``successor``: where a unit that had ended by that day went (merged into), if
    recorded. None if the list lacks the name."""
    units = units_named(name)
    if not units:
        return None
    live = [u for u in units if u.valid_on(day)]
    ended = [u for u in units if u.valid_to is not None and u.valid_to < day]
    successor = next((u.successor for u in ended if u.successor), "")
    return {"valid": bool(live), "units": [u.to_dict() for u in (live or units)], "successor": successor
            if not live else ""}
