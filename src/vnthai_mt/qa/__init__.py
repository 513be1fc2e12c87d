"""Editors' consistency check of Thai text: findings (``consistency``), fixes (``fix``) and reports
(``report``: terminal, JSON, HTML).

The names below load on first use, so that ``vnthai_mt.qa.findings`` (what the CLI needs to build its
parser) imports without the matchers and the name detection.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "check_lines": "vnthai_mt.qa.consistency",
    "FIXABLE": "vnthai_mt.qa.findings",
    "KINDS": "vnthai_mt.qa.findings",
    "CheckResult": "vnthai_mt.qa.findings",
    "Edit": "vnthai_mt.qa.findings",
    "Finding": "vnthai_mt.qa.findings",
    "Span": "vnthai_mt.qa.findings",
    "Variant": "vnthai_mt.qa.findings",
    "apply_edits": "vnthai_mt.qa.fix",
    "planned_edits": "vnthai_mt.qa.fix",
    "unified_diff": "vnthai_mt.qa.fix",
    "Decision": "vnthai_mt.qa.decisions",
    "apply_decisions": "vnthai_mt.qa.decisions",
    "finding_ids": "vnthai_mt.qa.decisions",
    "Project": "vnthai_mt.qa.project",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'vnthai_mt.qa' has no attribute {name!r}")
