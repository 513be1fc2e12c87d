"""An editor's decision on each finding, and the edits those decisions make.

``fix`` applies every suggestion; an editor in ``vnthai-mt review`` decides finding by finding instead:

    accept   apply the finding's suggestion (its edits, exactly what ``fix`` would write for it)
    choose   settle on one of the renderings the document already has (``text``: that variant)
    edit     type another rendering (``text``); every span of the finding becomes it ("" removes it)
    reject   leave the text as it is (a project remembers it in its ignore list)

A finding is named by :func:`finding_id`, a short hash of what it is (kind, entity, renderings, lines),
so the same check of the same text gives the same ids in the browser and in ``fix --decisions``::

    result = check_lines(lines, glossary)
    fid = finding_id(result.findings[0])                       # e.g. "nv-3f2a9c0d1e"
    decisions = [Decision(fid, "choose", "เหงียน คัก ทัน")]
    fixed = apply_decisions(lines, result, decisions)           # FixResult: only that finding's spans change

A decisions file (what ``review`` writes to ``PROJECT/decisions/`` and ``fix --decisions D.json`` reads)::

    {"file": "seed_article.th.txt", "sha256": "…", "decisions": [{"finding": "nv-3f2a9c0d1e",
     "action": "choose", "text": "เหงียน คัก ทัน"}, {"finding": "lt-…", "action": "reject"}]}
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.qa.findings import CheckResult, Edit, Finding
from vnthai_mt.qa.fix import FixResult, apply_edits

ACTIONS = ("accept", "choose", "edit", "reject")
# Kinds whose renderings can be settled on (``choose``): one entity written several ways.
CHOOSABLE = ("name-variants", "term-variants")
# Short id prefixes, so that an id read in a log says what it is.
_PREFIX = {"name-variants": "nv", "term-variants": "tv", "latin-leftover": "lt", "era-mix": "er",
           "key-term-mismatch": "kt", "number-mismatch": "nm", "boilerplate": "bp", "garbage": "gb"}


@dataclass(frozen=True)
class Decision:
    finding: str  # a finding_id
    action: str  # one of ACTIONS
    text: str | None = None  # choose / edit: the rendering

    def as_dict(self) -> dict:
        out: dict = {"finding": self.finding, "action": self.action}
        if self.text is not None:
            out["text"] = self.text
        return out


def renderings(finding: Finding) -> list[str]:
    """The texts a finding is about: its variants, or its one text."""
    if finding.variants:
        return [v.text for v in finding.variants]
    return [finding.text or ""]


def ignore_key(finding: Finding) -> tuple[str, str, tuple[str, ...]]:
    """What a finding is, wherever it occurs: kind, entity and the set of renderings (no lines), so an
    ignore rule made on one article also covers the same finding in the next one."""
    return finding.kind, finding.entity, tuple(sorted(set(renderings(finding))))


def finding_id(finding: Finding) -> str:
    kind, entity, texts = ignore_key(finding)
    blob = json.dumps([kind, entity, texts, finding.lines], ensure_ascii=False)
    return f"{_PREFIX.get(kind, 'f')}-{hashlib.sha256(blob.encode('utf-8')).hexdigest()[:10]}"


def finding_ids(result: CheckResult) -> list[str]:
    """One id per finding, in order; two findings that would share an id get ``~2``, ``~3`` ..."""
    seen: dict[str, int] = {}
    out = []
    for finding in result.findings:
        fid = finding_id(finding)
        seen[fid] = seen.get(fid, 0) + 1
        out.append(fid if seen[fid] == 1 else f"{fid}~{seen[fid]}")
    return out


def allowed_actions(finding: Finding) -> list[str]:
    """What an editor can do with this finding: accept needs a suggestion with edits, choose needs
    renderings of one entity, edit needs spans to rewrite (not years: their era is the question)."""
    out = []
    if finding.edits:
        out.append("accept")
    if finding.kind in CHOOSABLE and finding.variants:
        out.append("choose")
    if finding.all_spans and finding.kind != "era-mix":
        out.append("edit")
    out.append("reject")
    return out


def settled_text(finding: Finding, decision: Decision) -> str | None:
    """The rendering a decision settles on (accept: the suggestion); None for reject."""
    if decision.action == "accept":
        return finding.suggestion
    if decision.action in ("choose", "edit"):
        return decision.text
    return None


def check_decision(finding: Finding, decision: Decision, where: str = "") -> None:
    """An InputError unless ``decision`` is something this finding allows."""
    prefix = f"{where}: " if where else ""
    if decision.action not in ACTIONS:
        raise InputError(f"{prefix}unknown action '{decision.action}' (one of: {', '.join(ACTIONS)})")
    if decision.action not in allowed_actions(finding):
        raise InputError(f"{prefix}{finding.kind} finding {finding.entity!r} cannot be '{decision.action}'ed "
                         f"(it allows: {', '.join(allowed_actions(finding))})")
    if decision.action in ("choose", "edit") and decision.text is None:
        raise InputError(f"{prefix}'{decision.action}' needs a text")
    if decision.action == "choose" and decision.text not in renderings(finding) + [finding.suggestion]:
        raise InputError(f"{prefix}'{decision.text}' is not one of the renderings of {finding.entity!r} "
                         f"({', '.join(renderings(finding))}); use 'edit' for a new one")
    if decision.text is not None and ("\n" in decision.text or "\r" in decision.text):
        raise InputError(f"{prefix}a rendering cannot hold a line break")
    if decision.action == "edit" and finding.kind in CHOOSABLE and not (decision.text or "").strip():
        raise InputError(f"{prefix}an empty rendering would delete every mention of {finding.entity!r}; "
                         "reject the finding instead")


def decision_edits(finding: Finding, decision: Decision) -> list[Edit]:
    """The edits one (checked) decision makes."""
    if decision.action == "reject":
        return []
    if decision.action == "accept" or (decision.action == "choose" and decision.text == finding.suggestion):
        return list(finding.edits)
    new = decision.text or ""
    return [Edit(s.line, s.start, s.end, s.text, new) for s in finding.all_spans if s.text != new]


def resolve(result: CheckResult, decisions: Iterable[Decision], where: str = "") -> list[tuple[Finding, Decision]]:
    """Pair each decision with its finding (the last decision on a finding wins); an InputError names
    a decision whose finding this check does not have."""
    by_id = dict(zip(finding_ids(result), result.findings))
    chosen: dict[str, Decision] = {}
    for n, decision in enumerate(decisions, start=1):
        finding = by_id.get(decision.finding)
        if finding is None:
            raise InputError(f"{where + ': ' if where else ''}decision {n}: no finding '{decision.finding}' in "
                             f"{result.file} (the text, the glossaries or the project changed since the "
                             "decisions were made?)")
        check_decision(finding, decision, f"{where + ': ' if where else ''}decision {n}")
        chosen[decision.finding] = decision
    return [(by_id[fid], d) for fid, d in chosen.items()]


def apply_decisions(lines: Sequence[str], result: CheckResult, decisions: Iterable[Decision],
                    where: str = "") -> FixResult:
    """``lines`` (the text ``result`` was checked on) with the decisions' edits applied; the findings
    nobody decided on are left as they are. Same line count; overlapping edits as in ``apply_edits``."""
    edits = [e for finding, decision in resolve(result, decisions, where) for e in decision_edits(finding, decision)]
    return apply_edits(list(lines), edits)


# --- the decisions file ----------------------------------------------------------------------------------------


def decisions_document(file: str, sha256: str, decisions: Iterable[Decision]) -> dict:
    return {"file": file, "sha256": sha256, "decisions": [d.as_dict() for d in decisions]}


def parse_decisions(data: object, where: str) -> tuple[list[Decision], str | None]:
    """Decisions from a decoded JSON document (a dict with "decisions", or the list itself), and the
    sha256 of the text they were made on, if recorded."""
    sha = None
    if isinstance(data, dict):
        sha = data.get("sha256") if isinstance(data.get("sha256"), str) else None
        data = data.get("decisions")
    if not isinstance(data, list):
        raise InputError('expected {"decisions": [{"finding": ID, "action": ACTION, "text": ...}, ...]}', where)
    out = []
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("finding"), str) \
                or not isinstance(item.get("action"), str):
            raise InputError(f"decision {n}: expected an object with string 'finding' and 'action'", where)
        text = item.get("text")
        if text is not None and not isinstance(text, str):
            raise InputError(f"decision {n}: 'text' must be a string", where)
        if item["action"] not in ACTIONS:
            raise InputError(f"decision {n}: unknown action '{item['action']}' (one of: {', '.join(ACTIONS)})",
                             where)
        out.append(Decision(item["finding"], item["action"], text))
    return out, sha


def read_decisions(path: str | Path) -> tuple[list[Decision], str | None]:
    """A decisions file; bad JSON is an InputError with its line."""
    from vnthai_mt.io.utf8 import read_utf8

    text = read_utf8(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON: {err.msg}", path, err.lineno) from None
    return parse_decisions(data, str(path))
