"""What ``vnthai-mt review`` does, without HTTP: the files under review, what the page is shown of one
of them, and saving an editor's decisions.

    ws = Workspace([ReviewFile(Path("a.th.txt"), Path("a.vi.txt"))], project=Project("proj", must_exist=False))
    page = ws.payload(0)          # lines, source lines, findings with ids, spans (UTF-16 offsets), sha256
    ws.save(0, page["file"]["sha256"], page["project"]["stamp"], [Decision(fid, "accept")])

``save`` refuses (:class:`Conflict`, HTTP 409) when the file changed on disk since the page read it, or
when another tab or editor settled a name differently in the project meanwhile; otherwise it writes the
corrected file (same lines, line ends and BOM), the merged project glossary and ignore list, and the
decisions, each atomically. It only ever touches the files it was started on and the project folder.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.glossary import Glossary, load_glossaries
from vnthai_mt.qa.consistency import check_lines
from vnthai_mt.qa.decisions import Decision, allowed_actions, apply_decisions, decisions_document, finding_ids, resolve
from vnthai_mt.qa.document import Document, document_from_bytes, read_document
from vnthai_mt.qa.findings import KINDS, CheckResult
from vnthai_mt.qa.project import Project, rule_for
from vnthai_mt.qa.report import KIND_COLORS


class Conflict(Exception):
    """A save that would lose someone's work; nothing was written."""


@dataclass(frozen=True)
class ReviewFile:
    path: Path
    source: Path | None = None


def utf16_offsets(line: str) -> list[int] | None:
    """``out[i]``: the UTF-16 offset of code point ``i`` (browsers index strings in UTF-16); None when
    the line has no character beyond the BMP (then both agree)."""
    if all(ord(ch) <= 0xFFFF for ch in line):
        return None
    out = [0]
    for ch in line:
        out.append(out[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return out


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Workspace:
    def __init__(self, files: list[ReviewFile], *, glossaries: list[str] | None = None,
                 default_glossary: bool = True, project: Project | None = None, era: str | None = None) -> None:
        if not files:
            raise InputError("nothing to review (no file given)")
        self.files = files
        self.project = project
        self.era = era
        self._base = load_glossaries(list(glossaries or []), include_default=default_glossary)
        self._lock = threading.Lock()
        # (file index, sha256, project stamp) -> (glossary, check) as the page was shown it
        self._shown: OrderedDict[tuple[int, str, str], tuple[Glossary, CheckResult]] = OrderedDict()
        self._payloads: dict[tuple[int, str, str, str], dict] = {}  # the last page of each file
        self._json: dict[tuple[int, str, str, str], bytes] = {}  # the same pages as JSON

    # --- reading ------------------------------------------------------------------------------------------

    def _file(self, index: int) -> ReviewFile:
        if not 0 <= index < len(self.files):
            raise KeyError(index)
        return self.files[index]

    def _read(self, index: int) -> tuple[Document, bytes, list[str] | None]:
        from vnthai_mt.io.utf8 import read_bytes

        item = self._file(index)
        data = read_bytes(item.path)  # read once: the sha256 is of exactly the text checked
        doc = document_from_bytes(data, str(item.path))
        source = None
        if item.source is not None:
            src = read_document(item.source)
            if len(src.lines) != len(doc.lines):
                raise InputError(f"the source has {len(src.lines)} lines but {item.path} has {len(doc.lines)}; "
                                 "--source must be line-aligned with the Thai file", item.source)
            source = src.lines
        return doc, data, source

    def _glossary(self) -> Glossary:
        return self._base.stacked(self.project.glossary()) if self.project else self._base

    def _stamp(self) -> str:
        return self.project.stamp() if self.project else ""

    def check(self, index: int) -> tuple[Document, str, list[str] | None, Glossary, CheckResult]:
        doc, data, source = self._read(index)
        glossary = self._glossary()
        result = check_lines(doc.lines, glossary, source=source, era=self.era, file=str(self._file(index).path),
                             source_file=str(self._file(index).source) if self._file(index).source else None)
        if self.project:
            result = self.project.filter(result)
        return doc, _sha(data), source, glossary, result

    def listing(self) -> list[dict]:
        return [{"index": i, "name": f.path.name, "source": f.source.name if f.source else None}
                for i, f in enumerate(self.files)]

    def warm(self) -> None:
        """Check every file now (``review`` does it before it prints the address): bad input is an error
        before the server starts, and the first page of each file is served without checking again."""
        for index in range(len(self.files)):
            self.payload(index)

    def payload_json(self, index: int) -> bytes:
        """``payload`` as UTF-8 JSON, serialized once per version of the file and project."""
        import json

        key, page = self._page(index)
        with self._lock:
            cached = self._json.get(key)
        if cached is None:
            cached = json.dumps(page, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            with self._lock:
                self._json = {k: v for k, v in self._json.items() if k[0] != index}
                self._json[key] = cached
        return cached

    def payload(self, index: int) -> dict:
        """Everything the page shows of file ``index`` (JSON-ready; the page renders it as text). The
        check is redone only when the file, its source or the project changed since the last one."""
        return self._page(index)[1]

    def _page(self, index: int) -> tuple[tuple[int, str, str, str], dict]:
        from vnthai_mt.io.utf8 import read_bytes

        stamp = self._stamp()
        item = self._file(index)
        key = (index, _sha(read_bytes(item.path)), stamp, _sha(read_bytes(item.source)) if item.source else "")
        with self._lock:
            cached = self._payloads.get(key)
        if cached is not None:
            return key, cached
        doc, sha, source, glossary, result = self.check(index)
        with self._lock:
            self._shown[(index, sha, stamp)] = (glossary, result)
            while len(self._shown) > 64:
                self._shown.popitem(last=False)
        offsets = {n: utf16_offsets(line) for n, line in enumerate(doc.lines, start=1)}

        def u16(line: int, i: int) -> int:
            table = offsets.get(line)
            return i if table is None else table[i]

        findings = []
        for number, (fid, f) in enumerate(zip(finding_ids(result), result.findings), start=1):
            findings.append({
                "id": fid, "number": number, "kind": f.kind, "entity": f.entity, "entity_kind": f.entity_kind,
                "suggestion": f.suggestion, "reason": f.reason, "actions": allowed_actions(f),
                "text": f.text, "lines": f.lines, "extra_lines": f.extra_lines,
                "variants": [v.as_dict() for v in f.variants],
                "spans": [{"line": s.line, "start": u16(s.line, s.start), "end": u16(s.line, s.end), "text": s.text}
                          for s in f.all_spans],
                "edits": [{"line": e.line, "start": u16(e.line, e.start), "end": u16(e.line, e.end), "new": e.new}
                          for e in f.edits],
            })
        out = {
            "file": {"index": index, "name": item.path.name, "path": str(item.path), "sha256": sha,
                     "lines": doc.lines, "source": source, "source_name": item.source.name if item.source else None,
                     "bom": doc.bom, "crlf": sum(1 for e in doc.ends if e == "\r\n")},
            "project": {"folder": str(self.project.folder), "stamp": stamp} if self.project else None,
            "findings": findings,
            "ignored": result.ignored,
            "kinds": [{"kind": k, "color": KIND_COLORS.get(k, "#ddd")} for k in KINDS],
            "files": self.listing(),
        }
        with self._lock:
            self._payloads = {k: v for k, v in self._payloads.items() if k[0] != index}
            key = (index, sha, stamp, key[3])
            self._payloads[key] = out
        return key, out

    # --- saving -------------------------------------------------------------------------------------------

    def save(self, index: int, base_sha: str, base_stamp: str, decisions: list[Decision]) -> dict:
        item = self._file(index)
        with self._lock, (self.project.locked() if self.project else nullcontext()):
            doc, data, source = self._read(index)
            if _sha(data) != base_sha:
                raise Conflict(f"{item.path.name} changed on disk since this page read it (another tab, editor "
                               "or program saved it). Nothing was saved; reload the page to review the new "
                               "version.")
            shown = self._shown.get((index, base_sha, base_stamp))
            if shown is None:  # the page came from an earlier server: check again as it would have
                glossary = self._glossary()
                result = check_lines(doc.lines, glossary, source=source, era=self.era, file=str(item.path))
                if self.project:
                    result = self.project.filter(result)
            else:
                glossary, result = shown
            where = f"save of {item.path.name}"
            pairs = resolve(result, decisions, where)
            fixed = apply_decisions(doc.lines, result, decisions, where)
            entries = ignores = None
            settled = rules = []
            if self.project:
                settled = self.project.settle(result, decisions, glossary)
                if self._stamp() != base_stamp:
                    _conflicts(self.project, settled)
                entries = self.project.merged_glossary(settled) if settled else None
                rules = [rule_for(f, item.path.name) for f, d in pairs if d.action == "reject"]
                ignores = self.project.merged_ignores(rules) if rules else None
            from vnthai_mt.io.resume import atomic_write_text

            new_text = doc.text(fixed.lines)
            if fixed.lines != doc.lines:
                atomic_write_text(item.path, new_text)
            decisions_file = None
            if self.project:
                self.project.write(entries, ignores)
                record = decisions_document(item.path.name, base_sha, [d for _, d in pairs])
                record["glossary_fingerprint"] = glossary.fingerprint()
                decisions_file = self.project.write_decisions(f"{item.path.name}.{base_sha[:8]}", record)
            return {
                "saved": str(item.path), "changed": fixed.lines != doc.lines,
                "applied": len(fixed.applied), "skipped": len(fixed.skipped),
                "settled": [e.vi for e in settled], "ignored": len(rules),
                "decisions_file": str(decisions_file) if decisions_file else None,
                "sha256": _sha(new_text.encode("utf-8")),
            }


def _conflicts(project: Project, settled) -> None:
    from vnthai_mt.glossary.loader import th_key, vi_key

    current = {vi_key(f): e for e in project.glossary().entries for f in e.all_vi()}
    for entry in settled:
        other = current.get(vi_key(entry.vi))
        if other is not None and th_key(other.th) != th_key(entry.th):
            raise Conflict(f"since this page was opened, another tab or editor settled {entry.vi} as {other.th} "
                           f"in {project.glossary_path}; you chose {entry.th}. Nothing was saved; reload the "
                           "page and decide again.")
