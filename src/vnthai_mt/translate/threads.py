"""Thread settings and GPU libraries: how the model's thread pools share the machine.

Two ``translate`` runs on a 2-core machine used to take 28x longer each than one alone: every run
started one thread per core, and OpenMP threads that wait *spin* (busy-loop) for a while before they
sleep, so two runs' pools burned the cores against each other. Now:

- ``quiet_thread_pools()`` (called when ``vnthai_mt`` is imported, before PyTorch or CTranslate2
  load) sets ``OMP_WAIT_POLICY=PASSIVE`` and ``KMP_BLOCKTIME=0`` unless already set: waiting threads
  sleep at once, so concurrent runs share the cores instead of spinning;
- ``default_threads()``: the model's intra-op threads when ``--threads`` is not given: the CPUs this
  process may use (its affinity mask), or ``OMP_NUM_THREADS`` when set (a Ray actor or a container
  sets it from the CPUs it was given); CTranslate2 gets ``inter_threads=1, intra_threads=N``, PyTorch
  ``torch.set_num_threads(N)`` (``apply_torch_threads``).

For example ``vnthai-mt translate in.txt -o out.txt --threads 1`` runs one model thread, and two
such runs on two cores each take about as long as one alone.

On a GPU machine, CTranslate2's wheel needs the CUDA 12 cuBLAS (``libcublas.so.12``) and cuDNN 9
libraries; ``setup.sh`` installs them as the NVIDIA wheels, and ``preload_cuda_libraries()`` loads
them from there, so ``--device auto`` (``ct2_cuda_usable()``) picks CUDA only when it can run.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

WAIT_POLICY = {"OMP_WAIT_POLICY": "PASSIVE", "KMP_BLOCKTIME": "0"}
CUDA12_LIBRARIES = (("cublas", "libcublasLt.so.12"), ("cublas", "libcublas.so.12"))  # translation needs these
OPTIONAL_LIBRARIES = (("cudnn", "libcudnn.so.9"),)  # CTranslate2's convolution models only


def quiet_thread_pools() -> None:
    """Passive OpenMP waiting, unless the user chose otherwise (must run before torch/ctranslate2 load)."""
    for name, value in WAIT_POLICY.items():
        os.environ.setdefault(name, value)


def default_threads() -> int:
    """Intra-op threads of the model: ``OMP_NUM_THREADS`` when set, else the CPUs this process may use."""
    env = os.environ.get("OMP_NUM_THREADS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def apply_torch_threads(threads: int | None) -> int:
    """``torch.set_num_threads`` (process-wide; PyTorch has no per-model setting); returns the count."""
    import torch

    n = threads or default_threads()
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)
    return n


def _nvidia_lib_dirs() -> list[Path]:
    dirs = []
    for base in map(Path, sys.path):
        for name in ("cublas", "cudnn", "cuda_runtime", "cuda_nvrtc"):
            lib = base / "nvidia" / name / "lib"
            if lib.is_dir():
                dirs.append(lib)
    return dirs


@lru_cache(maxsize=1)
def preload_cuda_libraries() -> list[str]:
    """Load the CUDA 12 libraries CTranslate2 needs from the NVIDIA wheels (``setup.sh`` installs them);
    returns the names that could not be loaded (empty: all there, from the wheels or the system)."""
    missing = []
    dirs = _nvidia_lib_dirs()
    for package, name in CUDA12_LIBRARIES + OPTIONAL_LIBRARIES:
        for lib in [d / name for d in dirs if d.parent.name == package] + [Path(name)]:
            try:
                ctypes.CDLL(str(lib), mode=ctypes.RTLD_GLOBAL)
                break
            except OSError:
                continue
        else:
            if (package, name) in CUDA12_LIBRARIES:
                missing.append(name)
    return missing


def ct2_cuda_usable() -> bool:
    """Whether CTranslate2 can run on a GPU here: a CUDA device and the CUDA 12 libraries it links."""
    import ctranslate2

    if ctranslate2.get_cuda_device_count() == 0:
        return False
    missing = preload_cuda_libraries()
    if missing:
        log.warning("a GPU is present but CTranslate2 cannot use it: %s missing (run setup.sh, which installs "
                    "nvidia-cublas-cu12 and nvidia-cudnn-cu12); using the CPU", ", ".join(missing))
        return False
    return True
