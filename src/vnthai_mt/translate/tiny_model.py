"""Build a tiny translation model folder with RANDOM WEIGHTS, for tests and offline trials.

    vnthai-mt tiny-model OUT [--family nllb|m2m100|marian|causal] [--seed 0] [--ct2 [DIR]]
                                          [--train-copy STEPS]

The folder is a real model of its family (real tokenizer and model classes, loaded by the same code
as the real checkpoints) with a sentencepiece vocabulary trained here on shipped NTREX-128 text
(``vnthai_mt/data/tiny-model``, CC BY-SA 4.0) plus every Thai and Vietnamese letter, so any Thai string, a glossary
rendering included, tokenizes without <unk>. Its outputs are noise; it exists to exercise the
pipeline (batching, glossary enforcement, file formats) without downloading anything.
``--family causal`` builds a decoder-only instruction-model stand-in instead: a Qwen2 causal LM with
random weights and a byte-level BPE tokenizer trained here on the same text, with a ChatML chat
template (``<|im_start|>user ... <|im_end|>``), as Qwen-style instruction models ship. It exercises
the LLM path (chat template, left padding, constrained decoding over generated tokens, the
``serve-llm`` server) and, like the others, writes noise.
``--ct2`` also writes a CTranslate2 copy (default OUT-ct2) through ``vnthai-mt convert``.

``--train-copy STEPS`` starts from the same random initialisation and then trains the model, briefly
on the CPU, to COPY its source to the target (teacher-forced cross-entropy on pairs (x, x), x being
NTREX-128 Vietnamese lines with placeholders such as ``[1]`` put in place of some words). It is still
not a translation model: it writes its Vietnamese input back. It exists so that the ``mask`` strategy
(placeholders the model must carry through) can be shown working end to end offline; with plain
random weights a placeholder never survives. A copy model defaults to d_model 192, one encoder and
one decoder layer and a 1,000-piece vocabulary (``COPY_SIZES``). For nllb and m2m100, 300 steps take
about 35-40 s on two cores and copy sentences of up to about 60 words with their placeholders; marian
(post-LN, trained at a lower rate) needs about 500 steps.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.shipped import shipped_path

DATA_PARTS = ("tiny-model",)  # under the package data: NTREX-128 samples and their license
FAMILIES = ("nllb", "m2m100", "marian", "causal")
SEQ2SEQ_FAMILIES = ("nllb", "m2m100", "marian")
# ChatML, as Qwen-style instruction models write it; the tokenizer's chat_template.
CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
CHAT_SPECIALS = ("<|endoftext|>", "<|im_start|>", "<|im_end|>")

README = """# Tiny {family} model: RANDOM WEIGHTS

This folder was built by `vnthai-mt tiny-model OUT --family {family} --seed {seed}`.
Its weights are RANDOM: its translations are noise. It is a real {arch} with a real
{tokenizer} (sentencepiece vocabulary of {vocab} pieces trained on NTREX-128 text, CC BY-SA 4.0),
made for tests and for trying the vnthai-mt command line offline. Never use it to judge quality.
"""

COPY_README = """# Tiny {family} model: RANDOM WEIGHTS, COPY-TRAINED

RANDOM INITIALISATION, TRAINED ONLY TO COPY ITS INPUT: not a translation model.

Built by `vnthai-mt tiny-model OUT --family {family} --seed {seed} --train-copy {steps}`.
It started from random weights and was then trained for {steps} steps ({seconds:.0f} s on the CPU)
to write its Vietnamese source back unchanged, placeholders such as `[1]` included (final training
loss {loss:.3f}). Its "Thai" output is its Vietnamese input; long inputs are copied less faithfully
than short ones.

Model: a real {arch} (d_model {d_model}, {layers}+{layers} layers) with a real {tokenizer}
(sentencepiece vocabulary of {vocab} pieces trained on NTREX-128 text, CC BY-SA 4.0). It exists to
show the `mask` glossary strategy end to end offline. Never use it to judge translation quality.
"""

PLACEHOLDER_RATE = 0.7  # share of training lines that get placeholders
RANDOM_SIZES = {"vocab_size": 2000, "d_model": 32, "layers": 2}
# Found by trial on the 2-core machine: one layer each side learns the copy (cross-attention by
# position) in far fewer steps than two; a 1,000-piece vocabulary sees each piece more often;
# d_model 64 or 128 did not learn it in 300 steps.
COPY_SIZES = {"vocab_size": 1000, "d_model": 192, "layers": 1}
# Marian normalizes after each block (post-LN): at the others' rate its copy training stalls.
COPY_LR = {"nllb": 2.5e-3, "m2m100": 2.5e-3, "marian": 1e-3}


def training_lines() -> list[str]:
    """Shipped Vietnamese and Thai text, plus lines that put every letter we may need in the vocabulary."""
    lines: list[str] = []
    for name in ("ntrex128-sample.vie.txt", "ntrex128-sample.tha.txt"):
        text = shipped_path(*DATA_PARTS, name).read_text(encoding="utf-8")
        lines += [line for line in text.splitlines() if line.strip()]
    thai = "".join(chr(c) for c in [*range(0x0E01, 0x0E3B), *range(0x0E3F, 0x0E5C)])
    vowels = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    viet = "".join(unicodedata.normalize("NFC", v + t) for v in vowels for t in tones) + "đ"
    ascii_ = "".join(chr(c) for c in range(33, 127))
    # Repeated so the trainer keeps each character as a piece of its own.
    lines += [thai] * 3 + [viet, viet.upper()] * 3 + [ascii_] * 3
    return lines


def train_spm(vocab_size: int, seed: int) -> bytes:
    import sentencepiece as spm

    spm.set_random_generator_seed(seed)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(training_lines()),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="bpe",
        character_coverage=1.0,
        byte_fallback=True,  # the sentencepiece model itself never emits <unk>
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,  # deterministic pieces
        minloglevel=2,
    )
    return model.getvalue()


def spm_pieces(spm_bytes: bytes) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=spm_bytes)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def make_chat_tokenizer(vocab_size: int, max_positions: int):
    """Byte-level BPE (any Thai or Vietnamese text encodes, no <unk>) with a ChatML chat template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=list(CHAT_SPECIALS),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False,
    )  # fmt: skip
    # The prompt's English wording too (real LLM tokenizers know English): prompts stay short.
    from vnthai_mt.translate.prompt import wording

    english = [line for text in wording().values() for line in text.splitlines() if line.strip()]
    bpe.train_from_iterator(training_lines() + english * 3, trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe, eos_token="<|im_end|>", pad_token="<|endoftext|>",
        additional_special_tokens=["<|im_start|>"], model_max_length=max_positions,
    )  # fmt: skip
    tokenizer.chat_template = CHAT_TEMPLATE
    tokenizer.padding_side = "left"
    return tokenizer


def make_causal_model(tokenizer, *, d_model: int, layers: int, max_positions: int, heads: int = 2):
    from transformers import Qwen2Config, Qwen2ForCausalLM

    config = Qwen2Config(
        vocab_size=len(tokenizer), hidden_size=d_model, intermediate_size=2 * d_model,
        num_hidden_layers=layers, num_attention_heads=heads, num_key_value_heads=heads,
        max_position_embeddings=max_positions, tie_word_embeddings=True,
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
        bos_token_id=None,
    )  # fmt: skip
    return Qwen2ForCausalLM(config)


def make_tokenizer(family: str, spm_bytes: bytes, work: Path, max_positions: int):
    if family == "nllb":
        from transformers import NllbTokenizer
        from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

        (work / "sentencepiece.bpe.model").write_bytes(spm_bytes)
        return NllbTokenizer.from_pretrained(
            work,
            src_lang="vie_Latn",
            tgt_lang="tha_Thai",
            additional_special_tokens=list(FAIRSEQ_LANGUAGE_CODES),
            model_max_length=max_positions,
        )
    specials = {"<unk>", "<s>", "</s>"}
    pieces = [p for p in spm_pieces(spm_bytes) if p not in specials]
    if family == "m2m100":
        from transformers import M2M100Tokenizer

        vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
        vocab.update({p: i + 4 for i, p in enumerate(pieces)})
        (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        (work / "sentencepiece.bpe.model").write_bytes(spm_bytes)
        return M2M100Tokenizer(
            vocab_file=str(work / "vocab.json"),
            spm_file=str(work / "sentencepiece.bpe.model"),
            src_lang="vi",
            tgt_lang="th",
            model_max_length=max_positions,
        )
    if family == "marian":
        from transformers import MarianTokenizer

        vocab = {"</s>": 0, "<unk>": 1}
        vocab.update({p: i + 2 for i, p in enumerate(pieces)})
        vocab["<pad>"] = len(vocab)  # opus-mt keeps <pad> last
        (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        (work / "source.spm").write_bytes(spm_bytes)
        (work / "target.spm").write_bytes(spm_bytes)
        return MarianTokenizer(
            source_spm=str(work / "source.spm"),
            target_spm=str(work / "target.spm"),
            vocab=str(work / "vocab.json"),
            source_lang="vi",
            target_lang="th",
            model_max_length=max_positions,
        )
    raise ValueError(f"unknown family {family!r}")


def make_model(family: str, tokenizer, *, d_model: int, layers: int, max_positions: int, heads: int = 2):
    from transformers import M2M100Config, M2M100ForConditionalGeneration, MarianConfig, MarianMTModel

    # M2M-100 numbers its language tokens after the vocabulary (len() misses them) and pads the table.
    ids = [*tokenizer.get_vocab().values(), *getattr(tokenizer, "lang_token_to_id", {}).values()]
    vocab_size = max(ids) + 1 + getattr(tokenizer, "num_madeup_words", 0)
    common = {
        "vocab_size": vocab_size,
        "d_model": d_model,
        "encoder_layers": layers,
        "decoder_layers": layers,
        "encoder_attention_heads": heads,
        "decoder_attention_heads": heads,
        "encoder_ffn_dim": 2 * d_model,
        "decoder_ffn_dim": 2 * d_model,
        "max_position_embeddings": max_positions,
        "dropout": 0.0,
        "attention_dropout": 0.0,
        "activation_dropout": 0.0,
        "encoder_layerdrop": 0.0,  # M2M-100 defaults to 0.05: a one-layer model would lose its only layer
        "decoder_layerdrop": 0.0,
        "scale_embedding": True,
        "pad_token_id": tokenizer.pad_token_id,
        "eos_token_id": tokenizer.eos_token_id,
    }
    if family == "marian":
        config = MarianConfig(
            **common,
            decoder_vocab_size=vocab_size,
            decoder_start_token_id=tokenizer.pad_token_id,
            activation_function="swish",
            share_encoder_decoder_embeddings=True,
        )
        return MarianMTModel(config)
    m2m = M2M100Config(  # tokenizer_class is a PretrainedConfig argument that the stubs do not list
        **common,
        bos_token_id=0,
        decoder_start_token_id=tokenizer.eos_token_id,
        activation_function="relu",
        tokenizer_class="NllbTokenizer" if family == "nllb" else "M2M100Tokenizer",  # type: ignore[call-arg]
    )
    return M2M100ForConditionalGeneration(m2m)


def copy_lines() -> list[list[str]]:
    """The shipped Vietnamese lines, as words: the text the copy model learns on."""
    text = shipped_path(*DATA_PARTS, "ntrex128-sample.vie.txt").read_text(encoding="utf-8")
    return [line.split() for line in text.splitlines() if line.strip()]


def copy_example(rng, lines: list[list[str]], max_words: int) -> str:
    """A window of 1..max_words words of a line, often with word runs replaced by ``[1]``, ``[2]``...

    Numbered in order, as ``translate.placeholders.mask`` numbers them; sometimes from a higher number
    or in the ``<n>`` / ``#n#`` fallback forms, so that the model learns to copy any such tag.
    """
    n = rng.randint(1, max_words)
    # Consecutive lines joined, so that long windows are as common as short ones.
    at = rng.randrange(len(lines))
    words = list(lines[at])
    while len(words) < n:
        at = (at + 1) % len(lines)
        words += lines[at]
    start = rng.randint(0, max(0, len(words) - n))
    words = words[start : start + n]
    if words and rng.random() < PLACEHOLDER_RATE:
        k = rng.randint(1, min(4, len(words)))
        spots = sorted(rng.sample(range(len(words)), k))
        template = rng.choice(["[{n}]"] * 8 + ["<{n}>", "#{n}#"])
        first = 1 if rng.random() < 0.8 else rng.randint(2, 30)
        ends = [*spots[1:], len(words)]
        # Right to left, so the indices of the spots still to do stay valid.
        for j in reversed(range(k)):
            at = spots[j]
            span = min(rng.randint(1, 3), ends[j] - at)
            glue = rng.choice(["", "", ",", "."]) if at + span < len(words) else ""
            words[at : at + span] = [template.format(n=first + j) + glue]
    return " ".join(words)


def train_copy(model, tokenizer, steps: int, *, seed: int, batch_tokens: int = 1600, max_words: int = 64,
               lr: float = 2.5e-3, threads: int | None = None, log=None) -> float:
    """Train ``model`` in place to copy its source (teacher forcing); returns the last batch's loss.

    Batches hold about ``batch_tokens`` target tokens (rows x longest row), so the short windows of
    the curriculum's first half (copying is discovered on them) come many to a batch.
    """
    import os
    import random

    import torch

    rng = random.Random(seed)
    torch.manual_seed(seed)
    threads_before = torch.get_num_threads()  # process-wide: give it back (tests share the process)
    torch.set_num_threads(threads or max(1, min(4, os.cpu_count() or 1)))
    try:
        return _train_copy_steps(model, tokenizer, steps, rng, batch_tokens, max_words, lr, log)
    finally:
        torch.set_num_threads(threads_before)
        model.eval()


def _train_copy_steps(model, tokenizer, steps, rng, batch_tokens, max_words, lr, log) -> float:
    import torch

    lines = copy_lines()
    pad = tokenizer.pad_token_id
    start = model.config.decoder_start_token_id
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.98), weight_decay=0.0)
    # Warm up over 10% of the steps, hold, decay linearly over the last 40%. Found by trial: the copy
    # (attention by position) is discovered on the short windows, then needs the full rate a while;
    # a rate of 4e-3 or a decay from the start left it half learnt at 300 steps.
    warmup = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda i: min((i + 1) / warmup, 1.0, max(0.05, (steps - i) / (0.4 * steps)))
    )
    model.train()
    loss_value = float("nan")
    for step in range(steps):
        # Curriculum: windows of up to 3 words at first, the full length from half way on.
        limit = max(3, round(max_words * min(1.0, 2 * (step + 1) / steps)))
        texts: list[str] = []
        longest = 0
        while True:
            text = copy_example(rng, lines, limit)
            n = len(tokenizer(text_target=text)["input_ids"])
            if texts and (len(texts) + 1) * max(longest, n) > batch_tokens:
                break
            texts.append(text)
            longest = max(longest, n)
        src = tokenizer(texts)["input_ids"]  # [src_lang] x </s> (NLLB), as the backends encode
        lab = tokenizer(text_target=texts)["input_ids"]  # [tgt_lang] x </s>: what generation writes
        s_len, t_len = max(map(len, src)), max(map(len, lab))
        input_ids = torch.tensor([x + [pad] * (s_len - len(x)) for x in src])
        labels = torch.tensor([y + [-100] * (t_len - len(y)) for y in lab])  # padding: no loss
        dec_in = torch.tensor([[start] + y[:-1] + [pad] * (t_len - len(y)) for y in lab])
        out = model(input_ids=input_ids, attention_mask=(input_ids != pad).long(),
                    decoder_input_ids=dec_in, labels=labels)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        loss_value = out.loss.item()
        if log is not None and (step % 25 == 0 or step == steps - 1):
            log(f"copy step {step + 1}/{steps} loss {loss_value:.3f}")
    return loss_value


def build_tiny_model(
    out: str | Path,
    family: str = "nllb",
    *,
    seed: int = 0,
    vocab_size: int | None = None,
    d_model: int | None = None,
    layers: int | None = None,
    heads: int = 2,
    max_positions: int = 256,
    force: bool = True,
    train_copy_steps: int = 0,
    copy_options: dict | None = None,
    log=None,
) -> Path:
    """Write the tiny model folder ``out`` and return its path.

    ``train_copy_steps`` > 0: train the random model that many steps to copy its input (see the module
    doc; ``copy_options`` go to ``train_copy``). Sizes left at None take ``RANDOM_SIZES`` or, for a copy
    model, ``COPY_SIZES``.
    """
    import torch

    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r} (choose {', '.join(FAMILIES)})")
    if family == "causal":
        if train_copy_steps:
            raise InputError("--train-copy is for the translation (seq2seq) families, not causal")
        return _build_causal(Path(out), seed=seed, vocab_size=vocab_size or RANDOM_SIZES["vocab_size"],
                             d_model=d_model or RANDOM_SIZES["d_model"], layers=layers or RANDOM_SIZES["layers"],
                             heads=heads, max_positions=max(max_positions, CAUSAL_MIN_POSITIONS), force=force)
    sizes = COPY_SIZES if train_copy_steps > 0 else RANDOM_SIZES
    vocab_size = vocab_size or sizes["vocab_size"]
    d_model = d_model or sizes["d_model"]
    layers = layers or sizes["layers"]
    out = Path(out)
    if out.exists():
        if not force:
            raise FileExistsError(out)
        shutil.rmtree(out)
    spm_bytes = train_spm(vocab_size, seed)
    with tempfile.TemporaryDirectory() as tmp:
        tokenizer = make_tokenizer(family, spm_bytes, Path(tmp), max_positions)
        torch.manual_seed(seed)
        model = make_model(family, tokenizer, d_model=d_model, layers=layers, max_positions=max_positions,
                           heads=heads)
        copy_stats = None
        if train_copy_steps > 0:
            t0 = time.perf_counter()
            options = {"lr": COPY_LR[family], **(copy_options or {})}
            loss = train_copy(model, tokenizer, train_copy_steps, seed=seed, log=log, **options)
            copy_stats = {"steps": train_copy_steps, "seconds": time.perf_counter() - t0, "loss": loss}
        model.eval()
        model.save_pretrained(out)  # safetensors
        tokenizer.save_pretrained(out)
    if family in ("nllb", "m2m100") and not (out / "sentencepiece.bpe.model").exists():
        (out / "sentencepiece.bpe.model").write_bytes(spm_bytes)  # keep the trained model with the folder
    readme = COPY_README if copy_stats else README
    (out / "README.md").write_text(
        readme.format(
            family=family,
            seed=seed,
            arch=type(model).__name__,
            tokenizer=type(tokenizer).__name__,
            vocab=vocab_size,
            d_model=d_model,
            layers=layers,
            **(copy_stats or {}),
        ),
        encoding="utf-8",
    )
    return out


# A chat prompt (instructions, terms, the source) is longer than a sentence: room for it and the answer.
CAUSAL_MIN_POSITIONS = 2048


def _build_causal(out: Path, *, seed: int, vocab_size: int, d_model: int, layers: int, heads: int,
                  max_positions: int, force: bool) -> Path:
    import torch

    if out.exists():
        if not force:
            raise FileExistsError(out)
        shutil.rmtree(out)
    tokenizer = make_chat_tokenizer(vocab_size, max_positions)
    torch.manual_seed(seed)
    model = make_causal_model(tokenizer, d_model=d_model, layers=layers, max_positions=max_positions, heads=heads)
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.eval()
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    (out / "README.md").write_text(
        README.format(family="causal", seed=seed, arch=type(model).__name__,
                      tokenizer="byte-level BPE tokenizer with a ChatML chat template", vocab=vocab_size)
        .replace("sentencepiece vocabulary of", "vocabulary of"),
        encoding="utf-8",
    )
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``vnthai-mt tiny-model`` (and of scripts/make_tiny_model.py)."""
    parser.add_argument("out", help="output folder (replaced if it exists)")
    parser.add_argument("--family", choices=FAMILIES, default="nllb")
    parser.add_argument("--seed", type=int, default=0)
    sizes = "default {random} (random weights), {copy} with --train-copy"
    for name in ("vocab_size", "d_model", "layers"):
        parser.add_argument(
            "--" + name.replace("_", "-"), type=int, default=None,
            help=sizes.format(random=RANDOM_SIZES[name], copy=COPY_SIZES[name]),
        )  # fmt: skip
    parser.add_argument("--heads", type=int, default=2, help="attention heads (default 2)")
    parser.add_argument("--max-positions", type=int, default=256,
                        help=f"default 256 (causal: at least {CAUSAL_MIN_POSITIONS}, room for the prompt)")
    parser.add_argument(
        "--train-copy", type=int, default=0, metavar="STEPS",
        help="train the random model STEPS steps to copy its input, placeholders included (default 0:"
        " random weights); 300 steps take about 30-40 s on two cores. Still not a translation model",
    )  # fmt: skip
    parser.add_argument(
        "--threads", type=int, default=None, help="CPU threads for --train-copy (default: up to 4)"
    )
    parser.add_argument(
        "--ct2", nargs="?", const="", default=None, metavar="DIR",
        help="also write a CTranslate2 copy (default folder: OUT-ct2)",
    )  # fmt: skip
    parser.add_argument(
        "--ct2-quantization", default="float32", help="quantization of the copy (default float32)"
    )


def run(args: argparse.Namespace) -> int:
    if args.train_copy < 0:
        raise InputError("--train-copy takes a number of steps >= 0")
    start = time.perf_counter()
    out = build_tiny_model(
        args.out,
        args.family,
        seed=args.seed,
        vocab_size=args.vocab_size,
        d_model=args.d_model,
        layers=args.layers,
        heads=args.heads,
        max_positions=args.max_positions,
        train_copy_steps=args.train_copy,
        copy_options={"threads": args.threads},
        log=lambda line: print(line, file=sys.stderr, flush=True),
    )
    if args.train_copy:
        label = "RANDOM INITIALISATION, TRAINED ONLY TO COPY ITS INPUT: not a translation model"
    else:
        label = "RANDOM WEIGHTS"
    print(f"wrote {out} ({label}; {args.family})")
    if args.ct2 is not None:
        from vnthai_mt.translate.convert import convert_model

        target = Path(args.ct2) if args.ct2 else out.with_name(out.name + "-ct2")
        convert_model(str(out), target, quantization=args.ct2_quantization, force=True)
        print(f"wrote {target} (CTranslate2 copy, {args.ct2_quantization})")
    print(f"done in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))
