"""`vnthai-mt examples`: copy the shipped example files into a folder, for the README's quick start.

    vnthai-mt examples            # ./examples/seed_article.vi.txt, seed_article.th.txt, ntrex128.tha.txt

The seed article is a real, faulty Thai machine translation of a Vietnamese provincial news article
and its Vietnamese source; ``ntrex128.tha.txt`` is the NTREX-128 Thai reference (CC BY-SA 4.0), which
scores BLEU 100 against ``--refset ntrex128``. Existing files are left alone unless ``--force``.
"""

from __future__ import annotations

import sys
from pathlib import Path

FILES = {  # name written -> parts under the package data
    "seed_article.vi.txt": ("examples", "seed_article.vi.txt"),
    "seed_article.th.txt": ("examples", "seed_article.th.txt"),
    "ntrex128.tha.txt": ("refsets", "ntrex128", "newstest2019-ref.tha.txt"),
    "ntrex128.vie.txt": ("refsets", "ntrex128", "newstest2019-ref.vie.txt"),
    "news.vi.xlf": ("examples", "news.vi.xlf"),  # XLIFF 1.2 as Okapi/OmegaT export it (nested <g>, <x/>)
    "ui.vi.po": ("examples", "ui.vi.po"),  # gettext strings with a plural entry
    # translators' formats: subtitles, a news page, a Word file with formatting (scripts/build_example_docx.py)
    "news.vi.srt": ("examples", "news.vi.srt"),
    "news.vi.vtt": ("examples", "news.vi.vtt"),
    "news.vi.html": ("examples", "news.vi.html"),
    "news.vi.docx": ("examples", "news.vi.docx"),
}


def register(sub) -> None:
    p = sub.add_parser("examples", help="copy the example files (seed article, NTREX-128 Thai) into a folder",
                       description=__doc__.split("\n\n")[0].split(": ", 1)[1])
    p.add_argument("folder", nargs="?", default="examples", help="where to put them (default ./examples)")
    p.add_argument("--force", action="store_true", help="overwrite files that exist")
    p.set_defaults(func=_run)


def _run(args) -> int:
    from vnthai_mt.errors import InputError
    from vnthai_mt.io.resume import atomic_write_bytes
    from vnthai_mt.shipped import shipped_path

    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        raise InputError("exists and is not a folder", folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, parts in FILES.items():
        target = folder / name
        if target.exists() and not args.force:
            if not args.quiet:
                print(f"kept {target} (exists; --force replaces it)", file=sys.stderr)
            continue
        atomic_write_bytes(target, shipped_path(*parts).read_bytes())
        if not args.quiet:
            print(f"wrote {target}", file=sys.stderr)
    return 0
