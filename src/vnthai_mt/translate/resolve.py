"""Find a model on disk: a local folder, or a hub id in the Hugging Face cache (downloaded when online).

A model folder is data, never code: nothing here runs code from it. Every failure becomes one
``ModelNotFoundError`` line that says how to get the model.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from vnthai_mt.errors import ModelNotFoundError

log = logging.getLogger(__name__)

# Files worth downloading for a Transformers model; weights are added by format (safetensors first).
_HF_METADATA = ["*.json", "*.model", "*.spm", "*.txt", "*.tiktoken", "*.vocab"]


def is_offline() -> bool:
    """True when the user asked for offline use (read at call time, not at import)."""
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        if os.environ.get(var, "").strip().lower() in {"1", "true", "yes", "on"}:
            return True
    return False


def looks_like_path(model: str) -> bool:
    """A hub id is ``name`` or ``owner/name``; anything else is meant as a folder."""
    if model.startswith(("/", "./", "../", "~", ".\\")) or model.endswith(("/", "\\")):
        return True
    return model.count("/") > 1 or "\\" in model or model in {".", ".."}


def how_to_get(model: str) -> str:
    return (
        f"download it once with network access (`hf download {model}`, or any run without "
        "HF_HUB_OFFLINE), then work offline with HF_HUB_OFFLINE=1; or pass a local model folder "
        "(--model PATH; `vnthai-mt tiny-model OUT` builds a tiny random-weights one for trying)"
    )


def resolve_model(model: str, backend: str = "transformers") -> Path:
    """Return the local folder holding ``model`` (a path, or a hub id that is cached or downloadable)."""
    path = Path(model).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ModelNotFoundError("not a model folder (it is a file)", path=model)
        check_model_folder(path, backend)
        return path
    if looks_like_path(model):
        raise ModelNotFoundError("no such model folder", path=model)
    path = _from_hub(model, backend)
    check_model_folder(path, backend)
    return path


def check_model_folder(path: Path, backend: str) -> None:
    """Refuse folders that cannot be the asked-for kind of model, with a hint to the right command."""
    is_ct2 = (path / "model.bin").is_file()
    if backend == "ctranslate2":
        if not is_ct2:
            hint = f"; make one with: vnthai-mt convert {path} OUT --quantization int8"
            if not (path / "config.json").is_file():
                hint = ""
            raise ModelNotFoundError("not a CTranslate2 model folder (no model.bin)" + hint, path=str(path))
        return
    if not (path / "config.json").is_file():
        raise ModelNotFoundError("not a model folder (no config.json)", path=str(path))
    if is_ct2 and not any(path.glob("*.safetensors")) and not any(path.glob("pytorch_model*.bin")):
        raise ModelNotFoundError(
            "this is a CTranslate2 model folder: use --backend ctranslate2", path=str(path)
        )


def _from_hub(model: str, backend: str) -> Path:
    try:
        from huggingface_hub import snapshot_download
    except ImportError as err:  # pragma: no cover - a dependency of transformers
        raise ModelNotFoundError(
            f"model {model!r} is not a local folder, and huggingface_hub is missing"
        ) from err

    try:
        return Path(snapshot_download(model, local_files_only=True))
    except Exception as err:  # noqa: BLE001 - any cache miss (not cached, bad id) means: not here
        log.debug("%s is not in the Hugging Face cache: %s", model, err)
    if is_offline():
        raise ModelNotFoundError(
            f"model {model!r} is neither a local folder nor in the Hugging Face cache (offline mode); "
            + how_to_get(model)
        )
    reachable, why = _hub_reachable()
    if not reachable:
        raise ModelNotFoundError(
            f"model {model!r} is not cached and the hub is unreachable ({why}); " + how_to_get(model)
        )
    try:
        return Path(snapshot_download(model, allow_patterns=_download_patterns(model, backend)))
    except Exception as err:  # network, auth, unknown repo: all one message for the user
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelNotFoundError(f"cannot get model {model!r} ({first}); " + how_to_get(model)) from err


def _hub_reachable(timeout: float = 5.0) -> tuple[bool, str]:
    """One quick connection attempt, instead of the hub client's retries with back-off (~25 s)."""
    import socket
    from urllib.parse import urlparse

    from huggingface_hub import constants

    url = urlparse(constants.ENDPOINT)
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        with socket.create_connection((url.hostname or "huggingface.co", port), timeout=timeout):
            return True, ""
    except OSError as err:
        return False, f"no network: {err.strerror or err}"


def _download_patterns(model: str, backend: str) -> list[str] | None:
    """Download only what loading needs; safetensors weights rather than pickled ones when both exist."""
    if backend == "ctranslate2":
        return None  # a CTranslate2 repo is model.bin, its vocabulary and the tokenizer files
    from huggingface_hub import list_repo_files

    files = list_repo_files(model)
    if any(f.endswith(".safetensors") for f in files):
        return _HF_METADATA + ["*.safetensors"]
    return _HF_METADATA + ["pytorch_model*.bin"]


def has_safetensors(path: Path) -> bool:
    return any(path.glob("*.safetensors"))
