"""The `vnthai-mt` command. Each subcommand lives in its own module under ``vnthai_mt.cli`` and
exposes ``register(subparsers)``; heavy libraries are imported inside the handlers so that
``--help`` stays fast."""

from __future__ import annotations

import argparse
import importlib
import sys

from vnthai_mt import __version__
from vnthai_mt.cli import output
from vnthai_mt.cli._parser import OneLineParser
from vnthai_mt.errors import VnthaiError

# Module name -> (subcommand names it registers). Order is the order shown by --help.
COMMAND_MODULES = ["translate", "convert", "check", "eval", "glossary", "names", "translit", "examples", "tiny_model",
                   "tm"]


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="vnthai-mt",
        description="Translate official Vietnamese news into Thai with consistent titles and names; "
        "check and fix Thai text; evaluate systems.",
    )
    parser.add_argument("--version", action="version", version=f"vnthai-mt {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"vnthai_mt.cli.{name}")
        module.register(sub)
    _add_output_options(sub)
    return parser


def _add_output_options(sub: argparse._SubParsersAction) -> None:
    """-q, -v and --color on every subcommand, nested ones (glossary validate, ...) included."""
    for parser in sub.choices.values():
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            for action in nested:
                _add_output_options(action)
        else:
            output.add_options(parser)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = output.setup(args)
    try:
        return int(args.func(args) or 0)
    except VnthaiError as err:
        print(f"vnthai-mt: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("vnthai-mt: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        handler.flush()


if __name__ == "__main__":
    sys.exit(main())
