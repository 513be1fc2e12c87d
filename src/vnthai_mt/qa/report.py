"""Reports of a check: a terminal table (rich), JSON, and one self-contained HTML page.

The text checked is untrusted. The HTML page escapes every piece of it with ``html.escape``, contains no
script at all, loads nothing (inline CSS, a Content-Security-Policy that forbids scripts and network),
so a document with ``<script>`` in it shows that text and runs nothing.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from typing import TextIO

from vnthai_mt.qa.findings import KINDS, CheckResult, Finding

KIND_COLORS = {
    "name-variants": "#ffd166",
    "term-variants": "#a0c4ff",
    "latin-leftover": "#caffbf",
    "era-mix": "#ffc6ff",
    "key-term-mismatch": "#ffadad",
    "number-mismatch": "#fdffb6",
    "boilerplate": "#d9d9d9",
    "garbage": "#ff8fa3",
}
_RICH_STYLES = {
    "name-variants": "yellow", "term-variants": "cyan", "latin-leftover": "green", "era-mix": "magenta",
    "key-term-mismatch": "red", "number-mismatch": "bright_yellow", "boilerplate": "bright_black",
    "garbage": "bold red",
}


def to_json(result: CheckResult) -> str:
    return json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"


def _by_entity(findings: list[Finding]) -> list[tuple[str, list[tuple[int, Finding]]]]:
    """Findings grouped by entity, groups in order of first line; each finding keeps its number."""
    groups: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for number, finding in enumerate(findings, start=1):
        groups[finding.entity or finding.kind].append((number, finding))
    return sorted(groups.items(), key=lambda item: min((f.lines[:1] or [0])[0] for _, f in item[1]))


def _renderings(finding: Finding) -> str:
    if finding.variants:
        return "\n".join(f"{v.text} ×{v.count} (line {', '.join(map(str, v.lines))})"
                         + (f" [{v.note}]" if v.note else "") for v in finding.variants)
    return finding.text or ""


def summary_line(result: CheckResult) -> str:
    if not result.findings:
        return f"{result.file}: no findings ({len(result.lines)} lines checked)"
    kinds = ", ".join(f"{kind} {n}" for kind, n in result.counts().items())
    return f"{result.file}: {len(result.findings)} findings ({kinds})"


def print_text(result: CheckResult, file: TextIO, *, color: bool | None = None, width: int | None = None) -> None:
    """A table grouped by entity (rich); plain text when ``file`` is not a terminal."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=file, force_terminal=color, no_color=color is False, width=width,
                      highlight=False, soft_wrap=False)
    if not result.findings:
        console.print(summary_line(result))
        return
    table = Table(title=summary_line(result), show_lines=False, expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("entity", max_width=28)
    table.add_column("lines", max_width=14)
    table.add_column("renderings (count, lines)", ratio=3)
    table.add_column("suggestion", ratio=2)
    table.add_column("reason", ratio=3)
    groups = _by_entity(result.findings)
    for g, (entity, members) in enumerate(groups):
        for i, (number, finding) in enumerate(members):
            table.add_row(
                str(number),
                Text(finding.kind, style=_RICH_STYLES.get(finding.kind, "")),
                Text(entity if i == 0 else ""),
                Text(", ".join(map(str, finding.lines))),
                Text(_renderings(finding)),
                Text(finding.suggestion or ""),
                Text(finding.reason),
            )
        if g < len(groups) - 1:
            table.add_section()
    console.print(table)


# --- HTML ----------------------------------------------------------------------------------------------------

_CSS = """
:root { font-family: "Noto Sans Thai", "Tahoma", "Leelawadee UI", sans-serif; color: #1b1b1b; }
body { margin: 0; background: #f6f6f4; }
header { padding: 16px 24px; background: #20313b; color: #fff; }
header h1 { margin: 0 0 6px; font-size: 20px; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.chip { padding: 2px 10px; border-radius: 12px; color: #111; font-size: 13px; }
.meta { font-size: 13px; opacity: .85; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 16px; padding: 16px 24px; }
h2 { font-size: 16px; margin: 0 0 8px; }
.doc, .findings { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; }
.line { display: grid; grid-template-columns: 3em minmax(0, 1fr); gap: 8px; padding: 3px 0;
        border-bottom: 1px solid #f0f0f0; line-height: 1.9; }
.line.flagged { background: #fff7f7; }
.ln { color: #888; text-align: right; font-variant-numeric: tabular-nums; user-select: none; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { border-radius: 3px; padding: 0 2px; color: inherit; }
mark a { color: inherit; text-decoration: none; }
.sugg { font-size: 12px; background: #e8f5e9; border: 1px solid #9ccc65; border-radius: 3px; padding: 0 3px;
        margin: 0 2px; color: #1b5e20; }
.note { font-size: 12px; color: #b71c1c; margin-top: 2px; }
.entity { border-top: 1px solid #eee; padding: 8px 0; }
.entity h3 { font-size: 15px; margin: 0 0 4px; }
.finding { margin: 4px 0 8px; }
.kind { font-size: 12px; padding: 1px 6px; border-radius: 3px; }
.fid { color: #666; font-size: 12px; margin-right: 4px; }
ul.variants { margin: 4px 0; padding-left: 18px; }
.reason { font-size: 12px; color: #444; margin: 2px 0 0; }
.clean { font-size: 18px; color: #1b5e20; }
"""


def _kind_class(kind: str) -> str:
    return "k-" + kind


def _css() -> str:
    rules = [f".{_kind_class(k)} {{ background: {c}; }}" for k, c in KIND_COLORS.items()]
    return _CSS + "\n".join(rules)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _line_marks(result: CheckResult) -> dict[int, list[tuple[int, int, int, Finding, str | None]]]:
    """line -> non-overlapping (start, end, finding number, finding, replacement) to highlight."""
    marks: dict[int, list[tuple[int, int, int, Finding, str | None]]] = defaultdict(list)
    for number, finding in enumerate(result.findings, start=1):
        replacements = {(e.line, e.start, e.end): e.new for e in finding.edits}
        for span in finding.all_spans:
            marks[span.line].append((span.start, span.end, number, finding,
                                     replacements.get((span.line, span.start, span.end))))
    out = {}
    for line, items in marks.items():
        items.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept: list = []
        for item in items:
            if item[1] > item[0] and (not kept or item[0] >= kept[-1][1]):
                kept.append(item)
        out[line] = kept
    return out


def _render_line(text: str, marks) -> str:
    parts = []
    pos = 0
    for start, end, number, finding, replacement in marks:
        parts.append(_e(text[pos:start]))
        title = f"#{number} {finding.kind}: {finding.reason}"
        parts.append(
            f'<mark class="hl {_kind_class(finding.kind)}" data-finding="{number}" data-kind="{_e(finding.kind)}" '
            f'title="{_e(title)}"><a href="#f{number}">{_e(text[start:end])}</a></mark>'
        )
        if replacement is not None and replacement != text[start:end]:
            parts.append(f'<span class="sugg" data-finding="{number}">→ {_e(replacement)}</span>')
        pos = end
    parts.append(_e(text[pos:]))
    return "".join(parts)


def to_html(result: CheckResult) -> str:
    marks = _line_marks(result)
    notes: dict[int, list[tuple[int, Finding]]] = defaultdict(list)
    for number, finding in enumerate(result.findings, start=1):
        for line in finding.extra_lines:
            notes[line].append((number, finding))
    flagged = {line for f in result.findings for line in f.lines}
    out = [
        "<!DOCTYPE html>",
        '<html lang="th"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>vnthai-mt check: {_e(result.file)}</title>",
        f"<style>{_css()}</style></head><body>",
        "<header>",
        f"<h1>Consistency check: {_e(result.file)}</h1>",
        f'<div class="meta">{_e(summary_line(result))}'
        + (f" · source: {_e(result.source_file)}" if result.source_file else "")
        + (f" · glossaries: {_e(', '.join(result.glossaries))}" if result.glossaries else "")
        + f" · {len(flagged)} of {len(result.lines)} lines flagged</div>",
        '<div class="summary" id="summary">',
    ]
    counts = result.counts()
    for kind in KINDS:
        if kind in counts:
            out.append(f'<span class="chip {_kind_class(kind)}" data-kind="{kind}">{kind}: {counts[kind]}</span>')
    if not result.findings:
        out.append('<span class="clean">no findings</span>')
    out.append("</div></header><main>")
    # The document, every variant highlighted, the suggestion beside it.
    out.append('<section class="doc"><h2>Document</h2>')
    for number, text in enumerate(result.lines, start=1):
        cls = "line flagged" if number in flagged else "line"
        row = [f'<div class="{cls}" id="L{number}"><span class="ln">{number}</span><div>',
               f'<div class="text">{_render_line(text, marks.get(number, []))}</div>']
        line_notes = []
        for fid, finding in notes.get(number, []):
            suggestion = f" → {_e(finding.suggestion)}" if finding.suggestion else ""
            line_notes.append(f'<span data-finding="{fid}"><a href="#f{fid}">#{fid}</a> {_e(finding.kind)}: '
                              f"{_e(finding.text or '')}{suggestion}</span>")
        if line_notes:
            row.append('<div class="note">' + " · ".join(line_notes) + "</div>")
        row.append("</div></div>")
        out.append("".join(row))
    out.append("</section>")
    # Findings grouped by entity.
    out.append('<section class="findings"><h2>Findings by entity</h2>')
    for entity, members in _by_entity(result.findings):
        out.append(f'<article class="entity"><h3>{_e(entity)}</h3>')
        for number, finding in members:
            out.append(f'<div class="finding" id="f{number}"><span class="fid">#{number}</span>'
                       f'<span class="kind {_kind_class(finding.kind)}">{_e(finding.kind)}</span>')
            if finding.variants:
                out.append('<ul class="variants">')
                for v in finding.variants:
                    lines = ", ".join(f'<a href="#L{n}">{n}</a>' for n in v.lines)
                    note = f" [{_e(v.note)}]" if v.note else ""
                    out.append(f'<li><mark class="{_kind_class(finding.kind)}">{_e(v.text)}</mark> ×{v.count} '
                               f"(line {lines}){note}</li>")
                out.append("</ul>")
            else:
                lines = ", ".join(f'<a href="#L{n}">{n}</a>' for n in finding.lines)
                out.append(f' <mark class="{_kind_class(finding.kind)}">{_e(finding.text or "")}</mark> '
                           f"(line {lines})")
            if finding.suggestion:
                out.append(f'<div>suggestion: <span class="sugg">{_e(finding.suggestion)}</span></div>')
            out.append(f'<p class="reason">{_e(finding.reason)}</p></div>')
        out.append("</article>")
    out.append("</section></main></body></html>")
    return "\n".join(out) + "\n"
