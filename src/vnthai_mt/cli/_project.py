"""``--project DIR`` for every command that reads glossaries (check, fix, translate, review).

The project's glossary (``DIR/glossary.tsv``, see :mod:`vnthai_mt.qa.project`) is stacked after the
``--glossary`` files, so what an editor settled wins; ``check`` and ``fix`` also drop the findings
of the project's ignore list.
"""

from __future__ import annotations

import argparse


def add_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", metavar="DIR",
                        help="project folder: its glossary.tsv (settled names) is stacked last and its "
                        "ignore.json drops rejected findings (vnthai-mt review writes both)")


def project(args: argparse.Namespace, *, must_exist: bool = True):
    from vnthai_mt.qa.project import project_arg

    return project_arg(getattr(args, "project", None), must_exist=must_exist)


def glossaries(args: argparse.Namespace) -> list[str]:
    """``--glossary`` files, then the project's glossary (if it has one)."""
    found = project(args)
    return list(args.glossary) + ([str(p) for p in found.glossary_paths()] if found else [])
