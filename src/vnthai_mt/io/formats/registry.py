"""The format registry: adding a format is adding a module that calls ``register`` once.

    register(FormatSpec("po", (".po", ".pot"), read=_read, render=_render, thai_side=True))

``read(path, options)`` returns a ``Document``; ``render(doc, translations, options)`` returns the
output file's bytes. ``stdin``: the format can be read from ``-``. ``thai_side``: ``check`` and ``fix``
read this format through its reader (``side="target"``) rather than as plain lines. The package
``__init__`` imports every format module, so the registry is complete once ``io.formats`` is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vnthai_mt.io.formats.model import Annotation, Document


@dataclass(frozen=True)
class ReadOptions:
    """What a reader may be told: the jsonl ``field``, the tsv/csv ``column`` and ``header``, the
    ``side`` to read (source or target) and ``retranslate`` (XLIFF: also units already translated)."""

    field: str | None = None
    column: str | int | None = None
    header: bool | None = None
    side: str = "source"
    retranslate: bool = False
    folder_hint: str = " (translate a folder with an output folder)"  # added to "is a folder"


@dataclass(frozen=True)
class RenderOptions:
    """What a writer may be told: ``out_field`` (jsonl/tsv/csv) and per-segment ``annotations``."""

    out_field: str | None = None
    annotations: Sequence[Annotation] | None = None


@dataclass(frozen=True)
class FormatSpec:
    name: str
    extensions: tuple[str, ...]
    read: Callable[[str | Path, ReadOptions], Document]
    render: Callable[[Document, Sequence[str], RenderOptions], bytes]
    stdin: bool = False
    thai_side: bool = False
    out_field: bool = False  # takes an output field/column


_SPECS: dict[str, FormatSpec] = {}


def need(module: str, extra: str, what: str, path: str | Path | None) -> None:
    """``InputError`` naming the extra to install when the optional ``module`` is missing."""
    import importlib

    from vnthai_mt.errors import InputError

    try:
        importlib.import_module(module)
    except ImportError:
        raise InputError(f"{what} needs {module.split('.')[0]}: pip install 'vnthai-mt[{extra}]'", path) from None


def register(spec: FormatSpec) -> FormatSpec:
    if spec.name in _SPECS:
        raise ValueError(f"format {spec.name!r} registered twice")
    _SPECS[spec.name] = spec
    return spec


def spec(name: str) -> FormatSpec:
    return _SPECS[name]


def names() -> tuple[str, ...]:
    return tuple(_SPECS)


def by_extension() -> dict[str, str]:
    return {ext: s.name for s in _SPECS.values() for ext in s.extensions}
