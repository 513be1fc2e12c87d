"""A project folder: what editors settled, kept for the next article (``--project DIR``).

    DIR/glossary.tsv        a normal glossary (the shipped TSV format; ``vnthai-mt glossary validate DIR``
                            passes): one entry per name or term an editor settled, its other renderings
                            as known wrong ones (``th_variants``). ``check``, ``fix``, ``translate`` and
                            ``review`` stack it over the other glossaries, so it wins.
    DIR/ignore.json         findings an editor rejected: ``{"ignore": [{"kind", "entity", "texts", ...}]}``;
                            ``check``/``fix``/``review`` drop a finding with the same kind, entity and
                            renderings, wherever it occurs (the lines do not matter).
    DIR/decisions/NAME.json the decisions of each review save (``fix NAME --decisions`` replays them).

Settling ``Nguyễn Khắc Thận`` on ``เหงียน คัก ทัน`` in an article that also wrote ``เหงียน ข่าก ถั่น``::

    project = Project("proj")
    entries = project.settle(result, decisions, glossary)   # Entry(vi="Nguyễn Khắc Thận", th="เหงียน คัก ทัน",
                                                            #       th_variants=("เหงียน ข่าก ถั่น", ...))
    project.save(entries, ignores)                          # merged with what DIR already holds

The ignore file is JSON (not TSV) so that ``glossary validate DIR`` reads only the glossary.
"""

from __future__ import annotations

import datetime
import json
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.glossary import Entry, Glossary, load_glossary
from vnthai_mt.glossary.loader import th_key, validate_entries, vi_key
from vnthai_mt.qa.decisions import CHOOSABLE, Decision, ignore_key, resolve, settled_text
from vnthai_mt.qa.findings import CheckResult, Finding

GLOSSARY = "glossary.tsv"
IGNORE = "ignore.json"
DECISIONS = "decisions"
_LOCK = ".vnthai-project.lock"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: two processes saving at once are not serialized
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True)
class IgnoreRule:
    kind: str
    entity: str
    texts: tuple[str, ...]
    file: str = ""  # where it was rejected (information only)
    lines: tuple[int, ...] = ()
    date: str = ""

    @property
    def key(self) -> tuple[str, str, tuple[str, ...]]:
        return self.kind, self.entity, tuple(sorted(set(self.texts)))

    def as_dict(self) -> dict:
        return {"kind": self.kind, "entity": self.entity, "texts": list(self.texts), "file": self.file,
                "lines": list(self.lines), "date": self.date}


def rule_for(finding: Finding, file: str) -> IgnoreRule:
    kind, entity, texts = ignore_key(finding)
    return IgnoreRule(kind, entity, texts, file, tuple(finding.lines), datetime.date.today().isoformat())


class Project:
    def __init__(self, folder: str | Path, *, must_exist: bool = True) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise InputError("--project must be a folder", self.folder)
        if must_exist and not self.folder.is_dir():
            raise InputError("no such project folder (vnthai-mt review --project DIR creates it on save)",
                             self.folder)

    @property
    def glossary_path(self) -> Path:
        return self.folder / GLOSSARY

    @property
    def ignore_path(self) -> Path:
        return self.folder / IGNORE

    def decisions_path(self, file: str | Path) -> Path:
        return self.folder / DECISIONS / (Path(file).name + ".json")

    def glossary_paths(self) -> list[Path]:
        """The project glossary, to stack last; none while nothing was settled."""
        return [self.glossary_path] if self.glossary_path.is_file() else []

    def glossary(self) -> Glossary:
        return load_glossary(self.glossary_path) if self.glossary_path.is_file() else Glossary()

    def ignores(self) -> list[IgnoreRule]:
        path = self.ignore_path
        if not path.is_file():
            return []
        from vnthai_mt.io.utf8 import read_utf8

        try:
            data = json.loads(read_utf8(path))
        except json.JSONDecodeError as err:
            raise InputError(f"not valid JSON: {err.msg}", path, err.lineno) from None
        items = data.get("ignore") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise InputError('expected {"ignore": [{"kind": ..., "entity": ..., "texts": [...]}, ...]}', path)
        rules = []
        for n, item in enumerate(items, start=1):
            texts = item.get("texts") if isinstance(item, dict) else None
            if not isinstance(item, dict) or not isinstance(item.get("kind"), str) \
                    or not isinstance(item.get("entity", ""), str) or not isinstance(texts, list) \
                    or not all(isinstance(t, str) for t in texts):
                raise InputError(f"rule {n}: expected kind, entity (strings) and texts (a list of strings)", path)
            lines = item.get("lines", [])
            rules.append(IgnoreRule(item["kind"], item.get("entity", ""), tuple(texts), str(item.get("file", "")),
                                    tuple(x for x in lines if isinstance(x, int)) if isinstance(lines, list)
                                    else (), str(item.get("date", ""))))
        return rules

    def filter(self, result: CheckResult) -> CheckResult:
        """``result`` without the findings the ignore list names (``result.ignored`` counts them)."""
        return apply_ignores(result, self.ignores())

    # --- settling -------------------------------------------------------------------------------------------

    def settle(self, result: CheckResult, decisions: Iterable[Decision], glossary: Glossary) -> list[Entry]:
        """Glossary entries for the names and terms the decisions settle (accept, choose, edit on a
        name-variants or term-variants finding): the settled rendering as ``th``, the document's other
        renderings (and a replaced glossary rendering) as ``th_variants``. An entity the stacked
        ``glossary`` already has keeps its Vietnamese variants, validity and source."""
        out: list[Entry] = []
        for finding, decision in resolve(result, decisions):
            th = settled_text(finding, decision)
            if finding.kind not in CHOOSABLE or not th or not th.strip():
                continue
            th = th.strip()
            existing = glossary.lookup_vi(finding.entity)
            wrong = [v.text for v in finding.variants]
            if existing is not None:
                wrong += [existing.th, *existing.th_variants]
            variants = _variants(wrong, th, glossary, existing)
            note = f"settled in review of {Path(result.file).name}"
            if existing is not None:
                out.append(replace(existing, th=th, th_variants=variants, note=_join(existing.note, note),
                                   origin=""))
            else:
                vi = finding.entity
                if not any(unicodedata.name(ch, "").startswith("LATIN") for ch in vi):
                    note += "; no Vietnamese source: vi holds the Thai form first grouped"
                out.append(Entry(vi=vi, th=th, kind=finding.entity_kind or "person", th_variants=variants,
                                 source="review", note=note))
        return out

    # --- saving ---------------------------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Serialize read-merge-write of the project files between processes (two editors)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if fcntl is None:  # pragma: no cover
            yield
            return
        with open(self.folder / _LOCK, "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def merged_glossary(self, entries: Iterable[Entry]) -> list[Entry]:
        """The project glossary's entries with ``entries`` merged in (same Vietnamese term: replaced,
        keeping the old rendering as a wrong one if it changed); validated as ``glossary validate`` does."""
        current = list(self.glossary().entries)
        for entry in entries:
            keys = {vi_key(f) for f in entry.all_vi()}
            old = next((e for e in current if keys & {vi_key(f) for f in e.all_vi()}), None)
            if old is not None:
                extra = [old.th, *old.th_variants] if old.th != entry.th else list(old.th_variants)
                entry = replace(entry, th_variants=_dedupe([*entry.th_variants, *extra], entry.th))
                current[current.index(old)] = entry
            else:
                current.append(entry)
        # A settled rendering is never another project entry's wrong one.
        canonical = {th_key(e.th) for e in current}
        current = [replace(e, th_variants=tuple(v for v in e.th_variants if th_key(v) not in canonical))
                   for e in current]
        validate_entries(current, self.glossary_path)
        return current

    def merged_ignores(self, rules: Iterable[IgnoreRule]) -> list[IgnoreRule]:
        current = self.ignores()
        keys = {r.key for r in current}
        for rule in rules:
            if rule.key not in keys:
                current.append(rule)
                keys.add(rule.key)
        return current

    def write(self, entries: list[Entry] | None, ignores: list[IgnoreRule] | None) -> None:
        """Write the (already merged) glossary and ignore list atomically; None leaves a file alone."""
        from vnthai_mt.glossary import save_glossary
        from vnthai_mt.io.resume import atomic_write_text

        self.folder.mkdir(parents=True, exist_ok=True)
        if entries is not None:
            save_glossary(Glossary(entries), self.glossary_path)
        if ignores is not None:
            atomic_write_text(self.ignore_path, json.dumps(
                {"ignore": [r.as_dict() for r in ignores]}, ensure_ascii=False, indent=2) + "\n")

    def write_decisions(self, file: str | Path, document: dict) -> Path:
        from vnthai_mt.io.resume import atomic_write_text

        path = self.decisions_path(file)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return path

    def stamp(self) -> str:
        """Changes whenever the glossary or ignore list changes (size, mtime in ns, inode)."""
        parts = []
        for path in (self.glossary_path, self.ignore_path):
            try:
                st = path.stat()
                parts.append(f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}")
            except OSError:
                parts.append("-")
        return "|".join(parts)


def apply_ignores(result: CheckResult, rules: Iterable[IgnoreRule]) -> CheckResult:
    keys = {r.key for r in rules}
    if not keys:
        return result
    kept = [f for f in result.findings if ignore_key(f) not in keys]
    return replace(result, findings=kept, ignored=result.ignored + len(result.findings) - len(kept))


def _variants(wrong: list[str], th: str, glossary: Glossary, existing: Entry | None) -> tuple[str, ...]:
    """Wrong renderings to record: not the settled one, not another entry's right one."""
    out = []
    for text in _dedupe(wrong, th):
        owner = glossary.by_th.get(th_key(text))
        if owner is not None and owner is not existing:
            continue
        out.append(text)
    return tuple(out)


def _dedupe(texts: Iterable[str], th: str) -> tuple[str, ...]:
    seen = {th_key(th)}
    out = []
    for text in texts:
        key = th_key(text)
        if key and key not in seen:
            seen.add(key)
            out.append(text)
    return tuple(out)


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a and b not in a else (a or b)


def project_arg(folder: str | None, *, must_exist: bool = True) -> Project | None:
    return None if not folder else Project(folder, must_exist=must_exist)
