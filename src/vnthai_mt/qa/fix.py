"""Applying the check's suggestions: only the spans a finding matched are rewritten, one line at a time,
so the number of lines never changes and no word the check did not match is touched.

``fix_lines`` is what ``vnthai-mt fix`` runs: check, apply, and check the result again until nothing
is left to apply (an edit can reveal another: ``Chủ tịchเหงียนฟู้จ่อง`` becomes ``ประธานเหงียนฟู้จ่อง``, where
the name now follows a title and is found), so that fixing the fixed text changes nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from vnthai_mt.qa.findings import FIXABLE, CheckResult, Edit


@dataclass
class FixResult:
    lines: list[str]  # the fixed lines
    applied: list[Edit]
    skipped: list[Edit]  # overlapping another edit, or the text no longer matched


MAX_ROUNDS = 4


def fix_lines(lines: list[str], glossary, *, source: list[str] | None = None, era: str | None = None,
              only: Iterable[str] | None = None, file: str = "<text>",
              keep: Callable[[CheckResult], CheckResult] | None = None) -> tuple[CheckResult, FixResult]:
    """Check and fix until a check finds nothing more to apply (at most ``MAX_ROUNDS`` rounds). Returns
    the first check (what the editor is shown) and the edits of all rounds, each against the text as the
    previous rounds left it. ``keep`` filters each check (a project's ignore list)."""
    from vnthai_mt.qa.consistency import check_lines

    first = None
    current = list(lines)
    applied: list[Edit] = []
    skipped: list[Edit] = []
    for _ in range(MAX_ROUNDS):
        result = check_lines(current, glossary, source=source, era=era, file=file)
        if keep is not None:
            result = keep(result)
        first = first or result
        done = apply_edits(current, planned_edits(result, only))
        skipped = done.skipped  # what the last round could not apply
        if done.lines == current:
            break
        applied.extend(done.applied)
        current = done.lines
    assert first is not None  # MAX_ROUNDS >= 1
    return first, FixResult(current, applied, skipped)


def planned_edits(result: CheckResult, only: Iterable[str] | None = None) -> list[Edit]:
    kinds = set(only) if only else set(FIXABLE)
    return [edit for f in result.findings if f.kind in kinds for edit in f.edits]


def apply_edits(lines: list[str], edits: Iterable[Edit]) -> FixResult:
    """Apply ``edits`` to ``lines``. Overlapping edits: the first by position (the longest on a tie)
    wins; an edit whose ``old`` text is not where it says is skipped, never guessed."""
    by_line: dict[int, list[Edit]] = {}
    for edit in edits:
        by_line.setdefault(edit.line, []).append(edit)
    out = list(lines)
    applied: list[Edit] = []
    skipped: list[Edit] = []
    for number, line_edits in by_line.items():
        if not 1 <= number <= len(out):
            skipped.extend(line_edits)
            continue
        line = out[number - 1]
        chosen: list[Edit] = []
        for edit in sorted(line_edits, key=lambda e: (e.start, -(e.end - e.start))):
            if line[edit.start:edit.end] != edit.old or (chosen and edit.start < chosen[-1].end) \
                    or _doubles(line, edit):
                skipped.append(edit)
            else:
                chosen.append(edit)
        for edit in reversed(chosen):
            new = edit.new.replace("\r", " ").replace("\n", " ")  # a replacement never adds a line
            # Inline-tag markers (io.inline) inside the replaced text are kept, in order, after it.
            new += "".join(c for c in edit.old if "\ue000" <= c <= "\uf8ff")
            line = line[:edit.start] + new + line[edit.end:]
        out[number - 1] = line
        applied.extend(chosen)
    applied.sort(key=lambda e: (e.line, e.start))
    return FixResult(out, applied, skipped)


def _doubles(line: str, edit: Edit) -> bool:
    """Whether the edit would write text the line already has right beside the span (รัฐสภาแห่งชาติ with
    รัฐสภา -> สภาแห่งชาติ gives สภาแห่งชาติแห่งชาติ): the match was part of a longer term, so it is skipped."""
    old, new = edit.old, edit.new
    after, before = line[edit.end:], line[:edit.start]
    for k in range(3, len(new) + 1):
        tail, head = new[-k:], new[:k]
        if after.startswith(tail) and not old.endswith(tail):
            return True
        if before.endswith(head) and not old.startswith(head):
            return True
    return False


def unified_diff(path: str, old_text: str, new_text: str) -> str:
    diff = difflib.unified_diff(
        _keep_ends(old_text), _keep_ends(new_text),
        fromfile=path, tofile=f"{path} (fixed)",
    )
    out = []
    for line in diff:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _keep_ends(text: str) -> list[str]:
    """Lines split on "\n" only (as the check counts them), line ends kept."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
