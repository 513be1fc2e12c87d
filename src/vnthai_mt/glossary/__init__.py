"""Glossaries: entries, loading and validation (TSV, CSV, TBX), stacking, and matching in Vietnamese text.

    from vnthai_mt.glossary import Matcher, load_glossaries
    glossary = load_glossaries(["my_terms.tsv"])          # the shipped glossaries, then mine over them
    [(m.source, m.th) for m in Matcher(glossary).find("Chủ tịch UBND tỉnh Thái Bình phát biểu")]
    # [("Chủ tịch UBND tỉnh", "ประธานคณะกรรมการประชาชนจังหวัด"), ("Thái Bình", "ท้ายบิ่ญ")]

A later glossary wins over an earlier one for the same Vietnamese term (``load_glossaries`` stacks them
in order); a malformed file is one ``GlossaryError`` with its path and line.
"""

from vnthai_mt.glossary.entry import COLUMNS, KINDS, Entry
from vnthai_mt.glossary.loader import (
    Glossary,
    default_glossary_paths,
    load_glossaries,
    load_glossary,
    save_glossary,
)
from vnthai_mt.glossary.matcher import Match, Matcher

__all__ = [
    "COLUMNS",
    "KINDS",
    "Entry",
    "Glossary",
    "Match",
    "Matcher",
    "default_glossary_paths",
    "load_glossaries",
    "load_glossary",
    "save_glossary",
]
