"""Glossaries: entries, loading and validation (TSV, CSV, TBX), stacking, and matching in Vietnamese text."""

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
