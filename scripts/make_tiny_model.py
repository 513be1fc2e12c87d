#!/usr/bin/env python
"""Build a tiny RANDOM-WEIGHTS model folder: the same as ``vnthai-mt tiny-model`` (see
``vnthai_mt.translate.tiny_model``), kept as a script for the benchmarks and the tests."""

from __future__ import annotations

import sys

from vnthai_mt.translate.tiny_model import (  # noqa: F401  (re-exported for scripts and tests)
    COPY_SIZES,
    FAMILIES,
    RANDOM_SIZES,
    build_tiny_model,
    main,
)

if __name__ == "__main__":
    sys.exit(main())
