#!/usr/bin/env bash
# One command sets everything up: a virtual environment in .venv with the CPU build of PyTorch
# (a plain `torch` requirement would pull a multi-GB CUDA build) and vnthai-mt with all extras.
# Set TORCH_SPEC to install another torch build, e.g. TORCH_SPEC="torch==2.13.0" (default).
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "$TORCH_SPEC"
.venv/bin/python -m pip install -q -e ".[dev]"
echo "vnthai-mt is set up: .venv/bin/vnthai-mt --help"
