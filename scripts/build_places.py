#!/usr/bin/env python3
"""Fill and check the Thai of the ``rule:`` rows of the shipped places list.

``src/vnthai_mt/data/places/vn_admin_units.tsv`` is edited by hand (see its README). A row whose
``th_source`` starts with ``rule:`` takes the Royal Institute transcription of its name as a place
(``names.translit.transcribe(vi, kind="place")``, joined: Ba Vì -> บาหวี่):

    python scripts/build_places.py --fill    # write the transcription into every empty rule row's th
    python scripts/build_places.py --check   # exit 1 if a rule row's th differs from the transcriber's

``tests/test_names_places.py`` runs the check, so a change to the transcriber that would change a
shipped rendering is seen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TSV = ROOT / "src" / "vnthai_mt" / "data" / "places" / "vn_admin_units.tsv"


def rule_th(vi: str) -> str:
    from vnthai_mt.names.translit import transcribe

    t = transcribe(vi, kind="place", marked=True)
    return t.thai if t.source == "rule" and t.confidence == "high" else ""


def run(path: Path, fill: bool) -> list[str]:
    from vnthai_mt.names.places import COLUMNS, RULE_SOURCE

    lines = path.read_text(encoding="utf-8").split("\n")
    problems, header = [], None
    for n, line in enumerate(lines):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(COLUMNS, cells))
        if not row["th_source"].startswith(RULE_SOURCE):
            continue
        want = rule_th(row["vi"])
        if not want:
            problems.append(f"{path}:{n + 1}: {row['vi']}: no rule transcription with high confidence; "
                            "give an attested th and source")
        elif row["th"] != want:
            if fill and not row["th"]:
                cells[COLUMNS.index("th")] = want
                lines[n] = "\t".join(cells)
            else:
                problems.append(f"{path}:{n + 1}: {row['vi']}: th {row['th']!r}, the rules give {want!r}")
    if fill:
        path.write_text("\n".join(lines), encoding="utf-8")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--fill", action="store_true", help="write the transcription into empty rule rows")
    mode.add_argument("--check", action="store_true", help="exit 1 if a rule row differs from the rules")
    ap.add_argument("--tsv", type=Path, default=TSV, help=f"the list (default {TSV.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    problems = run(args.tsv, fill=args.fill)
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
