"""`vnthai-mt review`: the editors' check in the browser, finding by finding.

review FILE.th [FILE2.th | FOLDER ...] [--source FILE.vi | FOLDER] [--glossary G ...] [--project DIR]
       [--host 127.0.0.1] [--port N] [--open]
    Serves a local page (127.0.0.1 by default) with the document, its findings and, with --source, the
    aligned Vietnamese line beside each Thai line. Accept, choose, edit or reject each finding; Save
    writes the corrected file in place (atomically; same lines, line ends, BOM) and, with --project,
    the settled names into DIR/glossary.tsv and the rejections into DIR/ignore.json. Ctrl-C stops it.
    A FOLDER means its *.th.txt files (else its *.txt files); a --source FOLDER pairs NAME.th.txt with
    NAME.vi.txt there.
"""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser(
        "review", help="review the check's findings in the browser and save a corrected file and a project",
        description="A local web page to act on each finding of `vnthai-mt check` (accept the suggestion, "
        "choose another rendering, type one, or reject), with the source beside the Thai, then save the "
        "corrected file and, with --project, a project glossary and ignore list for the next article.",
    )
    p.add_argument("files", nargs="+", metavar="FILE.th", help="Thai files or folders of them (UTF-8)")
    p.add_argument("--source", metavar="FILE.vi",
                   help="the line-aligned Vietnamese source (a file for one FILE.th, or a folder: NAME.vi.txt "
                   "for NAME.th.txt)")
    p.add_argument("--glossary", "-g", action="append", default=[], metavar="G",
                   help="glossary file (TSV/CSV/TBX) on top of the shipped ones; repeatable")
    p.add_argument("--no-default-glossary", action="store_true", help="do not load the shipped glossaries")
    p.add_argument("--era", choices=("be", "ce"), help="the era years must be written in (default: flag a mix)")
    p.add_argument("--project", metavar="DIR",
                   help="project folder (created on the first save): glossary.tsv gains the names you settle, "
                   "ignore.json the findings you reject; check/fix/translate --project DIR use them")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on, and the one the page must be opened at (requests naming "
                   "another Host are refused); default 127.0.0.1: only this machine can connect")
    p.add_argument("--port", type=int, default=8790, help="port (default 8790; 0: any free port)")
    p.add_argument("--open", action="store_true", help="open the page in the default browser")
    p.set_defaults(func=run)


def _expand(paths: list[str]) -> list[Path]:
    from vnthai_mt.errors import InputError

    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(path.glob("*.th.txt")) or sorted(p for p in path.glob("*.txt")
                                                           if not p.name.endswith(".vi.txt"))
            if not found:
                raise InputError("no *.th.txt or *.txt file in this folder", path)
            out += found
        else:
            out.append(path)
    return out


def _sources(files: list[Path], source: str | None) -> list[Path | None]:
    from vnthai_mt.errors import InputError

    if source is None:
        return [None] * len(files)
    folder = Path(source)
    if not folder.is_dir():
        if len(files) != 1:
            raise InputError("with several Thai files, --source must be a folder (NAME.vi.txt for NAME.th.txt)",
                             source)
        return [folder]
    out: list[Path | None] = []
    for f in files:
        name = f.name.replace(".th.", ".vi.") if ".th." in f.name else f.name
        candidate = folder / name
        out.append(candidate if candidate.is_file() else None)
    return out


def run(args) -> int:
    from vnthai_mt.errors import InputError
    from vnthai_mt.io.guard import WriteGuard
    from vnthai_mt.qa.project import Project

    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise InputError("vnthai-mt review needs Starlette and uvicorn: pip install 'vnthai-mt[review]'") from None
    from vnthai_mt.qa.review.server import serve
    from vnthai_mt.qa.review.session import ReviewFile, Workspace

    if not 0 <= args.port <= 65535:
        raise InputError("--port must be between 0 and 65535")
    files = _expand(args.files)
    pairs = [ReviewFile(f, s) for f, s in zip(files, _sources(files, args.source))]
    guard = WriteGuard().inputs("source", [p.source for p in pairs if p.source]).inputs("glossary", args.glossary)
    for pair in pairs:
        guard.output("file under review", pair.path)
    project = Project(args.project, must_exist=False) if args.project else None
    if project is not None:
        guard.output("project glossary", project.glossary_path)
        guard.output("project ignore list", project.ignore_path)
    workspace = Workspace(pairs, glossaries=args.glossary, default_glossary=not args.no_default_glossary,
                          project=project, era=args.era)
    workspace.warm()  # bad input is one clear error now, not a broken page later
    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.quiet:
        print(f"vnthai-mt: warning: listening on {args.host}: other machines can reach this page",
              file=sys.stderr)

    def announce(url: str) -> None:
        print(f"review: {url}  ({len(pairs)} file(s); Ctrl-C stops)", flush=True)

    serve(workspace, host=args.host, port=args.port, open_browser=args.open, announce=announce)
    if not args.quiet:
        print("review: stopped", file=sys.stderr)
    return 0
