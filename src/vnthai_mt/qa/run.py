"""The editors' check and fix on text or files, in one call each (``vnthai_mt.check``, ``vnthai_mt.fix``).

    from vnthai_mt import check, fix
    result = check("seed_article.th.txt")                   # a path, a str (the text) or a list of lines
    len(result.findings), result.counts()                    # 31, {'name-variant': 1, ...}
    fixed = fix(["เหงียน คัก ทัน กล่าว", "เหงียน ข่าก ถั่น ..."])   # FixResult: .lines, .applied, .skipped

A ``Path`` (or a ``str`` that names an existing file) is read strictly as UTF-8; any other ``str`` is
the Thai text itself, split into lines. ``source`` (the line-aligned Vietnamese) adds the key-term and
number checks; ``glossaries`` are stacked over the shipped ones unless ``default_glossary=False``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.glossary import Glossary, load_glossaries
from vnthai_mt.qa.consistency import check_lines
from vnthai_mt.qa.document import Document, read_document
from vnthai_mt.qa.findings import CheckResult
from vnthai_mt.qa.fix import FixResult, fix_lines

Text = str | Path | Sequence[str]


def _document(text: Text) -> Document:
    if isinstance(text, Path) or (isinstance(text, str) and "\n" not in text and Path(text).is_file()):
        return read_document(text)
    if isinstance(text, str):
        return Document.from_text(text)
    lines = list(text)
    if not all(isinstance(line, str) for line in lines):
        raise InputError("expected a path, a string or a list of strings")
    return Document.from_lines(lines)


def _inputs(text: Text, source: Text | None, glossaries: Sequence[str | Path] | Glossary,
            default_glossary: bool) -> tuple[Document, Document | None, Glossary]:
    doc = _document(text)
    src = None
    if source is not None:
        src = _document(source)
        if len(src.lines) != len(doc.lines):
            raise InputError(f"the source has {len(src.lines)} lines but the Thai text has "
                             f"{len(doc.lines)}; they must be line-aligned", src.name)
    glossary = glossaries if isinstance(glossaries, Glossary) else load_glossaries(
        list(glossaries), include_default=default_glossary)
    return doc, src, glossary


def check(
    text: Text,
    *,
    source: Text | None = None,
    glossaries: Sequence[str | Path] | Glossary = (),
    default_glossary: bool = True,
    era: str | None = None,
) -> CheckResult:
    """The findings of the editors' check on ``text`` (see the module doc)."""
    doc, src, glossary = _inputs(text, source, glossaries, default_glossary)
    return check_lines(doc.lines, glossary, source=None if src is None else src.lines, era=era, file=doc.name,
                       source_file=None if src is None else src.name)


def fix(
    text: Text,
    *,
    only: Iterable[str] | None = None,
    source: Text | None = None,
    glossaries: Sequence[str | Path] | Glossary = (),
    default_glossary: bool = True,
    era: str | None = None,
) -> FixResult:
    """``text`` with every suggestion of the check applied (same line count; fixing again changes nothing)."""
    doc, src, glossary = _inputs(text, source, glossaries, default_glossary)
    return fix_lines(doc.lines, glossary, source=None if src is None else src.lines, era=era, only=only,
                     file=doc.name)[1]
