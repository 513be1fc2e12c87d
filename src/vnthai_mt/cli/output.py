"""What every subcommand shares about its output: -q/-v, --color, warnings, progress bars.

``add_options`` gives each subcommand ``-q/--quiet``, ``-v/--verbose`` (repeatable) and
``--color auto|always|never``; ``setup`` applies them. Colour follows https://no-color.org: ``auto``
colours a terminal unless ``NO_COLOR`` is set to a non-empty value; ``always`` and ``never`` win over it.

Warnings go through ``logging`` and are collapsed: a warning logged many times (one per batch, one per
file) prints once, at the end, with its counts summed when its arguments carry a ``count``::

    vnthai-mt: warning: 31 translation(s) reached the output limit (up to 254 tokens) ... (12 times)

Progress bars (tqdm, on standard error) show only on a terminal and never with ``--quiet``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

COLOR_CHOICES = ("auto", "always", "never")


def add_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("-q", "--quiet", action="store_true", help="print errors only (no progress, no warnings)")
    group.add_argument("-v", "--verbose", action="count", default=0, help="more detail (-vv: debugging)")
    group.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                       help="colour on a terminal (auto: unless NO_COLOR is set)")


def color_enabled(args: argparse.Namespace, stream: TextIO) -> bool:
    choice = getattr(args, "color", "auto")
    if choice != "auto":
        return choice == "always"
    return bool(stream.isatty()) and not os.environ.get("NO_COLOR")


def show_progress(args: argparse.Namespace) -> bool:
    return not getattr(args, "quiet", False) and sys.stderr.isatty()


class CollapsingHandler(logging.Handler):
    """Holds warnings until ``flush``; the same message template prints once, with a count."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.pending: dict[tuple[int, str], list[logging.LogRecord]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.pending.setdefault((record.levelno, str(record.msg)), []).append(record)

    def flush(self) -> None:
        for (_, template), records in self.pending.items():
            args = records[-1].args
            if isinstance(args, dict) and all(isinstance(r.args, dict) for r in records):
                args = _summed([r.args for r in records])  # type: ignore[misc]
            try:
                text = template % args if args else template
            except (TypeError, ValueError, KeyError):
                text = records[-1].getMessage()
            times = f" ({len(records)} times)" if len(records) > 1 else ""
            level = records[-1].levelname.lower()
            self.stream.write(f"vnthai-mt: {level}: {text}{times}\n")
        self.pending.clear()
        self.stream.flush()


def _summed(dicts: list[dict[str, Any]]) -> dict[str, Any]:
    """``count`` values are added up; other numbers keep their largest value; the rest the last one."""
    out = dict(dicts[-1])
    for key, value in out.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            values = [d[key] for d in dicts if isinstance(d.get(key), (int, float))]
            out[key] = sum(values) if key == "count" else max(values)
    return out


def setup(args: argparse.Namespace) -> CollapsingHandler:
    """Route the package's log records through one collapsing handler at the chosen level."""
    level = logging.ERROR if getattr(args, "quiet", False) else {0: logging.WARNING, 1: logging.INFO}.get(
        getattr(args, "verbose", 0), logging.DEBUG)
    handler = CollapsingHandler(sys.stderr)
    logger = logging.getLogger("vnthai_mt")
    for old in [h for h in logger.handlers if isinstance(h, CollapsingHandler)]:
        logger.removeHandler(old)
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    return handler


@contextmanager
def progress_steps(args: argparse.Namespace, total: int, desc: str = "") -> Iterator[Callable[[str], None]]:
    """A bar of ``total`` named steps: ``step(name)`` marks the previous step done and shows ``name``."""
    if not show_progress(args):
        yield lambda name: None
        return
    from tqdm import tqdm

    bar = tqdm(total=total, desc=desc, file=sys.stderr, leave=False, bar_format="{desc} {bar} {n}/{total}")
    started = False

    def step(name: str) -> None:
        nonlocal started
        if started:
            bar.update(1)
        started = True
        bar.set_description_str(f"{desc} {name}".strip())

    try:
        yield step
    finally:
        bar.close()
