"""Loading, validating, stacking and saving glossaries (TSV, CSV, TBX).

A file is validated as a whole and every problem is reported as ``file:line: what``: missing columns,
empty required fields, unknown kinds, one Vietnamese term with two Thai renderings, a Vietnamese variant
claimed by two entries, and a Thai variant that is another entry's canonical rendering (repair would
otherwise turn a right rendering into a wrong one). Stacking applies later glossaries over earlier ones:
an entry with the same Vietnamese term replaces the earlier entry. A TSV or CSV file may carry house
settings on ``#: KEY = VALUE`` comment lines (``glossary.settings``: ``#: name_style = joined``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from vnthai_mt.errors import GlossaryError, InputError
from vnthai_mt.glossary.entry import COLUMNS, KINDS, LIST_SEPARATOR, REQUIRED, Entry
from vnthai_mt.glossary.settings import parse_setting, settings_lines
from vnthai_mt.io.utf8 import read_utf8
from vnthai_mt.shipped import display_path, shipped_path
from vnthai_mt.text import thai, vietnamese

FORMATS = ("tsv", "csv", "tbx")


def vi_key(term: str) -> str:
    """The key under which a Vietnamese term is matched: normalized and lowercased."""
    return vietnamese.lower_keep_length(vietnamese.normalize(term))


def th_key(term: str) -> str:
    return thai.normalize(term)


@dataclass
class Glossary:
    """Entries, the files they came from, and house ``settings`` (``glossary.settings``: e.g.
    ``{"name_style": "joined"}``, from ``#: name_style = joined`` lines)."""

    entries: list[Entry] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self._by_vi: dict[str, Entry] = {}
        self.by_th: dict[str, Entry] = {}
        self.by_th_variant: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for form in entry.all_vi():
                self._by_vi[vi_key(form)] = entry
            self.by_th[th_key(entry.th)] = entry
        for entry in self.entries:
            for variant in entry.th_variants:
                key = th_key(variant)
                if key not in self.by_th:
                    self.by_th_variant.setdefault(key, []).append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def fingerprint(self) -> str:
        """SHA-256 over the entries (every column, in order): equal glossaries, equal fingerprints."""
        digest = hashlib.sha256()
        for entry in self.entries:
            digest.update(json.dumps(entry.as_row(), sort_keys=True, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()

    def lookup_vi(self, term: str) -> Entry | None:
        return self._by_vi.get(vi_key(term))

    def counts_by_kind(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for entry in self.entries:
            counts[entry.kind] += 1
        return counts

    def stacked(self, other: Glossary) -> Glossary:
        """This glossary with ``other`` on top: other's entries replace ours with the same term."""
        replaced = {vi_key(form) for entry in other.entries for form in entry.all_vi()}
        kept = [e for e in self.entries if not any(vi_key(f) in replaced for f in e.all_vi())]
        canonical = {th_key(e.th) for e in other.entries}
        # A Thai form that the upper glossary makes canonical is no longer a wrong variant below it.
        kept = [
            replace(e, th_variants=tuple(v for v in e.th_variants if th_key(v) not in canonical))
            for e in kept
        ]
        return Glossary(kept + list(other.entries), self.sources + other.sources, {**self.settings, **other.settings})


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(LIST_SEPARATOR) if part.strip())


def _settings_from(text: str, path: Path) -> dict[str, str]:
    """The ``#: KEY = VALUE`` lines of a TSV or CSV glossary (``glossary.settings``)."""
    found: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        setting = parse_setting(line.split("\t")[0] if "\t" in line else line.strip().strip('"'), path, number)
        if setting is not None:
            found[setting[0]] = setting[1]
    return found


def _rows_from_delimited(text: str, path: Path, delimiter: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; '#' comment lines and blank lines are skipped."""
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    if delimiter == "\t":
        numbered = [
            (n, line.removesuffix("\r").split("\t")) for n, line in enumerate(text.split("\n"), start=1)
        ]
    else:
        reader = csv.reader(io.StringIO(text, newline=""))
        numbered = []
        try:
            for cells in reader:
                numbered.append((reader.line_num, cells))
        except csv.Error as err:
            raise GlossaryError(f"bad CSV: {err}", path, reader.line_num) from None
    for number, cells in numbered:
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in cells]
        if header is None:
            header = cells
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise GlossaryError(
                    f"header lacks column(s) {', '.join(missing)}; expected: {' '.join(COLUMNS)}",
                    path,
                    number,
                )
            twice = sorted({c for c in header if header.count(c) > 1})
            if twice:  # the later column would silently win
                raise GlossaryError(f"column(s) {', '.join(twice)} appear twice in the header", path, number)
            unknown = [c for c in header if c not in COLUMNS]
            if unknown:
                raise GlossaryError(f"unknown column(s) {', '.join(unknown)}", path, number)
            continue
        if len(cells) > len(header):
            raise GlossaryError(
                f"{len(cells)} fields but the header has {len(header)} (a stray separator?)", path, number
            )
        rows.append((number, dict(zip(header, cells + [""] * (len(header) - len(cells))))))
    if header is None:
        raise GlossaryError("empty glossary (no header line)", path, 1)
    return rows


def _entry_from_row(row: dict[str, str], path: Path, line: int) -> Entry:
    for name in REQUIRED:
        if not row.get(name):
            raise GlossaryError(f"empty required field '{name}'", path, line)
        if not _visible(row[name]):
            raise GlossaryError(f"field '{name}' holds only invisible (zero-width) characters", path, line)
    kind = row["kind"].lower()
    if kind not in KINDS:
        raise GlossaryError(_bad_kind(row), path, line)
    return Entry(
        vi=vietnamese.normalize(row["vi"]),
        th=thai.normalize(row["th"]),
        kind=kind,
        vi_variants=tuple(vietnamese.normalize(v) for v in _split_list(row.get("vi_variants", ""))),
        th_variants=tuple(thai.normalize(v) for v in _split_list(row.get("th_variants", ""))),
        valid=row.get("valid", ""),
        source=row.get("source", ""),
        note=row.get("note", ""),
        origin=f"{path}:{line}",
    )


def _visible(value: str) -> bool:
    # Zero-width spaces/joiners, BOMs and other format characters (Cf) render as nothing.
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in value)


def _bad_kind(row: dict[str, str]) -> str:
    """Say "a tab inside a field" when that is what an unknown kind really is: the cells after it
    moved one column to the right, so 'kind' holds Thai text or the next column holds a kind."""
    kind = row["kind"]
    after = list(row)[list(row).index("kind") + 1:] if "kind" in row else []
    shifted = bool(after) and row[after[0]].lower() in KINDS
    if shifted or any("\u0e00" <= ch <= "\u0e7f" for ch in kind):
        return (f"'kind' is '{kind}': a tab inside the 'th' or 'vi' field? (tabs separate the columns; "
                f"write the term without a tab)")
    return f"unknown kind '{kind}' (one of: {', '.join(KINDS)})"


def _line_of(entry: Entry) -> int | None:
    tail = entry.origin.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def validate_entries(entries: list[Entry], path: Path) -> None:
    """Raise a GlossaryError for the first inconsistency, with the line of the later entry."""
    claimed: dict[tuple[str, str], Entry] = {}  # (vi key, valid) -> entry
    for entry in entries:
        for form in entry.all_vi():
            key = (vi_key(form), entry.valid)
            earlier = claimed.get(key)
            if earlier is not None and earlier is not entry:
                if earlier.th != entry.th:
                    raise GlossaryError(
                        f"'{form}' is rendered '{entry.th}' here but '{earlier.th}' at line "
                        f"{_line_of(earlier)}",
                        path,
                        _line_of(entry),
                    )
                raise GlossaryError(
                    f"'{form}' is listed twice (also at line {_line_of(earlier)})", path, _line_of(entry)
                )
            claimed[key] = entry
    canonical = {th_key(e.th): e for e in entries}
    for entry in entries:
        for variant in entry.th_variants:
            owner = canonical.get(th_key(variant))
            if owner is entry:
                raise GlossaryError(f"Thai variant '{variant}' equals the entry's own rendering", path,
                                    _line_of(entry))
            if owner is not None:
                raise GlossaryError(
                    f"Thai variant '{variant}' of '{entry.vi}' is the canonical rendering of "
                    f"'{owner.vi}' (line {_line_of(owner)}); repair would break it",
                    path,
                    _line_of(entry),
                )


def detect_format(path: Path, fmt: str | None = None) -> str:
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt in ("tab", "txt"):
        fmt = "tsv"
    if fmt not in FORMATS:
        raise GlossaryError(f"unknown glossary format '{fmt}' (use .tsv, .csv or .tbx)", path)
    return fmt


def load_glossary(path: str | Path, fmt: str | None = None) -> Glossary:
    """Read and validate one glossary file."""
    path = Path(path)
    fmt = detect_format(path, fmt)
    settings: dict[str, str] = {}
    if fmt == "tbx":
        from vnthai_mt.glossary.tbx import read_tbx

        entries = read_tbx(path)
    else:
        try:
            text = read_utf8(path)
        except InputError as err:  # reported as a glossary problem, same file and line
            raise GlossaryError(err.message, path, err.line) from None
        shown = Path(display_path(path))  # shipped files: the same name in every installation
        settings = _settings_from(text, shown)
        rows = _rows_from_delimited(text, shown, "\t" if fmt == "tsv" else ",")
        entries = [_entry_from_row(row, shown, line) for line, row in rows]
    validate_entries(entries, Path(display_path(path)))
    return Glossary(entries, [display_path(path)], settings)


def default_glossary_dir() -> Path:
    """The shipped glossaries: $VNTHAI_MT_GLOSSARY_DIR, else ``vnthai_mt/data/glossaries/``."""
    env = os.environ.get("VNTHAI_MT_GLOSSARY_DIR")
    if env:
        return Path(env)
    return shipped_path("glossaries")


def default_glossary_paths() -> list[Path]:
    """The default glossary files; a GlossaryError if the folder is missing or holds none."""
    folder = default_glossary_dir()
    paths = sorted(folder.glob("*.tsv")) if folder.is_dir() else []
    if not paths:
        raise GlossaryError("no shipped glossary (*.tsv) here: reinstall vnthai-mt, fix "
                            "VNTHAI_MT_GLOSSARY_DIR, or pass --no-default-glossary", folder)
    return paths


def load_glossaries(paths: Sequence[str | Path] = (), include_default: bool = True) -> Glossary:
    """Stack glossaries: the shipped ones first (unless ``include_default`` is False), then ``paths``."""
    all_paths = (default_glossary_paths() if include_default else []) + [Path(p) for p in paths]
    stacked = Glossary()
    for path in all_paths:
        stacked = stacked.stacked(load_glossary(path))
    return stacked


def save_glossary(glossary: Glossary, path: str | Path, fmt: str | None = None) -> None:
    """Write a glossary as TSV, CSV or TBX (atomically)."""
    from vnthai_mt.io.resume import atomic_write_text

    path = Path(path)
    fmt = detect_format(path, fmt)
    if fmt == "tbx":
        from vnthai_mt.glossary.tbx import write_tbx

        text = write_tbx(glossary.entries)
    elif fmt == "tsv":
        lines = settings_lines(glossary.settings) + ["\t".join(COLUMNS)]
        for entry in glossary.entries:
            row = entry.as_row()
            lines.append("\t".join(row[c].replace("\t", " ").replace("\n", " ") for c in COLUMNS))
        text = "\n".join(lines) + "\n"
    else:
        buffer = io.StringIO()
        buffer.write("".join(line + "\n" for line in settings_lines(glossary.settings)))
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for entry in glossary.entries:
            writer.writerow(entry.as_row())
        text = buffer.getvalue()
    atomic_write_text(path, text)
