"""The Thai output vocabulary: the target pieces Thai output needs, so the model scores only those.

NLLB-200 has 256,206 target pieces; Thai output uses a few thousand. ``thai_pieces(tokenizer)`` picks
them, and the two backends use the choice to shrink the output projection:

- CTranslate2: ``vnthai-mt convert`` writes ``vmap.txt`` into the converted folder (``write_vmap``):
  one line ``<TAB>piece piece ...`` (an empty source n-gram: candidates for every sentence), the
  format of CTranslate2's vocabulary map; the backend then translates with ``use_vmap=True``.
- Transformers: ``slice_output_projection`` replaces ``lm_head`` by the rows of the kept pieces, written back into
  full-vocabulary positions (the others get -inf), so token ids, prefixes and logits processors are
  unchanged.

With greedy search the output is identical to the full vocabulary's whenever the full-vocabulary output
uses only kept pieces (the best piece is kept, so it is still the best); beam search renormalizes
over the kept pieces, so its scores, and rarely its choice, can differ.

Which pieces: every piece that (without sentencepiece's word mark ▁) is Thai script, digits (Arabic
or Thai), punctuation or symbols, or Latin letters up to ``LATIN_SPELLING`` long (enough to spell any
Latin name or acronym); plus every piece of the shipped Thai text (seed article, NTREX-128 Thai), of
every shipped glossary rendering and its variants (and any extra ``renderings``), and of every Thai
syllable the name transcriber writes for the Vietnamese syllables it knows, so that enforcement never
needs a piece outside the map; plus the special tokens and the Thai language token.

>>> keep = thai_pieces(tokenizer)            # doctest: +SKIP
>>> write_vmap(folder, keep)                 # doctest: +SKIP
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from vnthai_mt.io.resume import atomic_write_bytes

VMAP = "vmap.txt"  # the file name CTranslate2 looks for (use_vmap=True)
WORD_MARK = "\u2581"
LATIN_SPELLING = 3  # Latin pieces up to this many letters are kept: any Latin word can be spelled
THAI_TARGET_TOKENS = ("tha_Thai", "__th__", "th_TH", "<2th>")


def _char_ok(ch: str) -> bool:
    if "\u0e00" <= ch <= "\u0e7f":  # Thai block, Thai digits included
        return True
    if ch.isascii():
        return not ch.isalpha()  # digits, punctuation, symbols
    cat = unicodedata.category(ch)
    return cat[0] in "PSZ" or cat == "Nd"  # punctuation, symbols, spaces, digits


def keep_by_shape(piece: str) -> bool:
    """Whether a piece belongs to Thai output by its characters alone (see the module docstring)."""
    body = piece.replace(WORD_MARK, "")
    if not body:
        return True
    if all(_char_ok(c) for c in body):
        return True
    return len(body) <= LATIN_SPELLING and all(c.isascii() and (c.isalnum() or not c.isalpha()) for c in body)


def shipped_thai_texts() -> list[str]:
    """Thai text the package ships: the seed article, the NTREX-128 Thai references, the glossary
    renderings (required and variants) and the Thai syllables of transcribed Vietnamese names."""
    from vnthai_mt.shipped import shipped_path

    texts = [shipped_path("examples", "seed_article.th.txt").read_text(encoding="utf-8"),
             shipped_path("refsets", "ntrex128", "newstest2019-ref.tha.txt").read_text(encoding="utf-8")]
    from vnthai_mt.glossary import load_glossaries

    for entry in load_glossaries([], include_default=True).entries:
        texts.append(entry.th)
        texts.extend(entry.th_variants)
    texts.extend(_transcribed_syllables())
    return [t for t in texts if t.strip()]


def _transcribed_syllables() -> list[str]:
    """The transcriber's Thai for every Vietnamese syllable listed in names/data/vn_thai_syllables.txt."""
    from vnthai_mt.names.translit import transcribe_syllable

    path = Path(__file__).resolve().parent.parent / "names" / "data" / "vn_thai_syllables.txt"
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        for syllable in line.split("\t", 1)[1].split():
            try:
                out.add(transcribe_syllable(syllable))
            except (ValueError, KeyError):  # pragma: no cover - a listed syllable the rules refuse
                continue
    return sorted(out)


def thai_pieces(tokenizer: Any, renderings: Iterable[str] = ()) -> list[str]:
    """The target pieces kept for Thai output, in vocabulary order (see the module docstring)."""
    vocab: dict[str, int] = dict(tokenizer.get_vocab())
    keep = {p for p in vocab if keep_by_shape(p)}
    texts = [*shipped_thai_texts(), *renderings]
    lines = [line for t in texts for line in t.splitlines() if line.strip()]
    for start in range(0, len(lines), 512):
        enc = tokenizer(text_target=lines[start:start + 512], add_special_tokens=False, verbose=False)
        for ids in enc["input_ids"]:
            keep.update(tokenizer.convert_ids_to_tokens(ids))
    keep.update(t for t in getattr(tokenizer, "all_special_tokens", []) if t in vocab)
    keep.update(t for t in THAI_TARGET_TOKENS if t in vocab)
    return sorted((p for p in keep if p in vocab), key=lambda p: vocab[p])


def piece_ids(tokenizer: Any, pieces: Sequence[str]) -> list[int]:
    """Sorted ids of ``pieces`` (unknown pieces left out)."""
    vocab = tokenizer.get_vocab()
    return sorted({int(vocab[p]) for p in pieces if p in vocab})


def write_vmap(folder: str | Path, pieces: Sequence[str]) -> Path:
    """Write ``vmap.txt`` (CTranslate2's vocabulary map) keeping ``pieces`` for every sentence."""
    bad = [p for p in pieces if not p or any(c in p for c in " \t\n")]
    if bad:
        raise ValueError(f"a vocabulary map cannot hold pieces with spaces: {bad[:3]}")
    path = Path(folder) / VMAP
    atomic_write_bytes(path, ("\t" + " ".join(pieces) + "\n").encode("utf-8"))
    return path


def read_vmap(folder: str | Path) -> list[str] | None:
    """The pieces of the ``vmap.txt`` in ``folder`` (every line's candidates), or None without one."""
    path = Path(folder) / VMAP
    if not path.is_file():
        return None
    pieces: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        _, _, targets = line.partition("\t")
        pieces.extend(targets.split())
    return list(dict.fromkeys(pieces))


def sliced_head(weight: Any, bias: Any, keep_ids: Sequence[int]) -> Any:
    """A torch module: the output projection over the kept rows only, scattered into full size."""
    import torch

    class SlicedHead(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            index = torch.tensor(list(keep_ids), dtype=torch.long, device=weight.device)
            self.register_buffer("index", index, persistent=False)
            self.weight_rows = torch.nn.Parameter(weight.detach()[index].clone(), requires_grad=False)
            self.bias_rows = (None if bias is None else
                              torch.nn.Parameter(bias.detach()[index].clone(), requires_grad=False))
            self.vocab_size = int(weight.shape[0])

        def forward(self, hidden):
            small = torch.nn.functional.linear(hidden, self.weight_rows, self.bias_rows)
            full = small.new_full((*small.shape[:-1], self.vocab_size), float("-inf"))
            full[..., self.index] = small
            return full

    return SlicedHead()


def slice_output_projection(model: Any, keep_ids: Sequence[int]) -> int:
    """Replace ``model.lm_head`` (a Linear) by its kept rows (``sliced_head``); returns the rows kept."""
    head = model.get_output_embeddings()
    model.lm_head = sliced_head(head.weight, getattr(head, "bias", None), keep_ids)
    return len(keep_ids)
