"""`vnthai-mt tiny-model`: build a tiny RANDOM-WEIGHTS model to try the command line offline."""

from __future__ import annotations


def register(sub) -> None:
    from vnthai_mt.translate import tiny_model

    p = sub.add_parser(
        "tiny-model", help="build a tiny random-weights model folder (for trying vnthai-mt offline)",
        description="Build a real model folder of a supported family with RANDOM WEIGHTS (its Thai is "
        "noise): it runs the same code as a real model, so the glossary guarantee can be tried offline.")
    tiny_model.add_arguments(p)
    p.set_defaults(func=_run)


def _run(args) -> int:
    from vnthai_mt.translate.tiny_model import run

    return run(args)
