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
# A machine with an NVIDIA GPU: CTranslate2's wheel links the CUDA 12 cuBLAS and cuDNN 9 libraries,
# which an image with only CUDA 13 (or no CUDA toolkit) lacks. Install them as NVIDIA's wheels;
# vnthai-mt loads them from there (vnthai_mt/translate/threads.py), so --device auto picks the GPU.
# CUDA_WHEELS="" skips this step.
CUDA_WHEELS=${CUDA_WHEELS-"nvidia-cublas-cu12 nvidia-cudnn-cu12"}
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi >/dev/null 2>&1 && [ -n "$CUDA_WHEELS" ]; then
  # shellcheck disable=SC2086
  if .venv/bin/python -m pip install -q $CUDA_WHEELS; then
    .venv/bin/python - <<'PY'
from vnthai_mt.translate.threads import preload_cuda_libraries
import ctranslate2
missing = preload_cuda_libraries()
gpus = ctranslate2.get_cuda_device_count()
if missing or not gpus:
    print("GPU found, but CTranslate2 cannot use it:", ", ".join(missing) or "no CUDA device seen",
          "missing; transformers can still use the GPU if PyTorch has a CUDA build (TORCH_SPEC)")
else:
    print(f"CTranslate2 sees {gpus} GPU(s) and the CUDA 12 libraries: --device auto uses the GPU")
PY
  else
    echo "GPU found, but pip could not install $CUDA_WHEELS: CTranslate2 needs libcublas.so.12 and" \
         "libcudnn.so.9 (CUDA 12 runtime); install them and put their folders on LD_LIBRARY_PATH"
  fi
fi
echo "vnthai-mt is set up: .venv/bin/vnthai-mt --help"
