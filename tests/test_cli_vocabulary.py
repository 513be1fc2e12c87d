"""The command line offers exactly the library's choices: no copy of a constant can drift."""

from __future__ import annotations

import argparse

import pytest

from vnthai_mt.cli import build_parser
from vnthai_mt.io.formats import FORMATS
from vnthai_mt.names.translit import NAME_STYLES
from vnthai_mt.qa.findings import FIXABLE
from vnthai_mt.translate import vocabulary


def _choices(command: str, option: str) -> tuple[str, ...]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    action = next(a for a in sub.choices[command]._actions if option in a.option_strings)
    return tuple(action.choices)


@pytest.mark.parametrize(("command", "option", "expected"), [
    ("translate", "--strategy", vocabulary.STRATEGIES),
    ("translate", "--backend", vocabulary.BACKENDS),
    ("translate", "--era", vocabulary.ERAS),
    ("translate", "--digits", vocabulary.DIGITS),
    ("translate", "--allocation", vocabulary.ALLOCATIONS),
    ("translate", "--format", FORMATS),
    ("translate", "--name-style", NAME_STYLES),
    ("names", "--name-style", NAME_STYLES),
    ("convert", "--quantization", vocabulary.QUANTIZATIONS),
    ("fix", "--only", FIXABLE),
])
def test_cli_choices_are_the_library_ones(command, option, expected):
    assert _choices(command, option) == tuple(expected)


def test_name_styles_are_the_transcribers():
    # vocabulary keeps its own copy so that the CLI need not import the names package to start.
    assert vocabulary.NAME_STYLES == NAME_STYLES


def test_cli_defaults_are_the_options_defaults():
    from vnthai_mt.translate.options import TranslatorOptions

    defaults = TranslatorOptions()
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    actions = {a.dest: a for a in sub.choices["translate"]._actions}
    for dest, field in (("model", "model"), ("backend", "backend"), ("strategy", "strategy"), ("era", "era"),
                        ("digits", "digits"), ("name_style", "name_style"), ("beams", "num_beams"),
                        ("allocation", "allocation"), ("chunk_segments", "chunk_segments"), ("device", "device")):
        assert actions[dest].default == getattr(defaults, field), dest
